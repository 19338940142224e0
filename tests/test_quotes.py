"""Quotation ranges: curly pairs, straight quotes read by the spacing around them."""

from __future__ import annotations

from fogwatch.language.quotes import quotation_ranges

CURLY = {"“": "”"}


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in quotation_ranges(text, CURLY)]


def test_curly_and_straight_pairs():
    assert quoted('He said “we hold” and "they run".') == ["“we hold”", '"they run"']


def test_a_stray_straight_quote_does_not_invert_the_rest():
    # the 5" is an inch mark; the quotation after it must still be found as itself
    text = 'A 5" shell hit the yard. The mayor said "we are safe" on Monday.'
    assert quoted(text) == ['"we are safe"']


def test_an_unclosed_quote_ends_at_the_paragraph():
    assert quoted('He said "we hold\n\nThen "they ran" away.') == ['"they ran"']


def test_two_apostrophes_typed_for_a_double_quote():
    assert quoted("''We hold,'' he said, and ''they run.''") == ["''We hold,''", "''they run.''"]
    assert quoted("The players'' union met.") == []
