"""Document structure: which paragraphs are headings, bylines, datelines, teasers, captions, bullets."""

from __future__ import annotations

import fogwatch
from fogwatch import structure
from fogwatch.ingest import clean
from fogwatch.records import Span

REPORT = """Anna Petrenko, John Smith, and Maria Lopez

March 3, 4:00 pm ET

Russian forces shelled Vovchansk on March 3, the regional governor said.

Key Takeaways

Supporting Effort #2—Southern Axis (Objective: Defend Kherson against Ukrainian counterattacks)

• Ukrainian troops repelled an assault near Robotyne on March 2.
• Russian forces lost two tanks near Avdiivka.

Read also: Ministers meet in Brussels to discuss air defence

A destroyed apartment block in Kharkiv on March 2. (Jane Doe/AFP via Getty Images)

– Talks stall in Istanbul –

Negotiators met in Istanbul on March 1 but reached no agreement."""


def kinds(text: str) -> list[tuple[str, str]]:
    return [(part.kind, part.span.of(text)) for part in structure.find(text)]


def test_each_kind_of_paragraph_is_told_apart():
    assert kinds(REPORT) == [
        ("byline", "Anna Petrenko, John Smith, and Maria Lopez"),
        ("dateline", "March 3, 4:00 pm ET"),
        ("heading", "Key Takeaways"),
        (
            "heading",
            "Supporting Effort #2—Southern Axis (Objective: Defend Kherson against Ukrainian counterattacks)",
        ),
        ("bullet", "• Ukrainian troops repelled an assault near Robotyne on March 2."),
        ("bullet", "• Russian forces lost two tanks near Avdiivka."),
        ("teaser", "Read also: Ministers meet in Brussels to discuss air defence"),
        (
            "caption",
            "A destroyed apartment block in Kharkiv on March 2. (Jane Doe/AFP via Getty Images)",
        ),
        ("heading", "– Talks stall in Istanbul –"),
    ]


def test_a_one_line_snippet_without_a_full_stop_is_prose():
    assert structure.find("Police fired tear gas at protesters in Nairobi on Monday") == ()


def test_a_last_unpunctuated_paragraph_is_prose_and_a_line_cut_mid_sentence_is_not_a_heading():
    text = "The council met on Monday.\n\nIt adopted a resolution on the Charter of the United\n\nnations and its members said so."
    assert structure.find(text) == ()
    assert structure.find("Troops advanced.\n\nShelling continued near the town") == ()


def test_a_live_blog_clock_teaser():
    text = "01:13Donbas battle will be like second world war, officials say\n\nFighting went on."
    assert kinds(text) == [
        ("teaser", "01:13Donbas battle will be like second world war, officials say")
    ]


def test_is_prose_tells_whether_a_span_touches_structure():
    text = "Key Takeaways\n\nRussian forces shelled Vovchansk."
    parts = structure.find(text)
    assert not structure.is_prose(parts, Span(0, 3))
    assert structure.is_prose(parts, Span(15, 29))


def test_footnote_markers_are_deleted_by_the_cleaner_without_joining_sentences():
    text, _ = clean.clean(
        "Russian forces attacked Izyum on April 12.[1] They failed.[12][13] See [3] options."
    )
    assert text == "Russian forces attacked Izyum on April 12. They failed. See [3] options."


def test_no_event_or_claim_comes_from_a_heading():
    text = (
        "Russian forces captured Bakhmut, officials say\n\n"
        "Objective: Capture Kramatorsk and encircle Ukrainian troops near Sloviansk\n\n"
        "The weather in the region stayed cold on Tuesday."
    )
    result = fogwatch.extract(text, published="2023-05-21")
    assert [part.kind for part in result.parts] == ["heading", "heading"]
    assert result.events == ()
    assert result.claims == ()


def test_paragraph_breaks_end_sentences():
    text = "Key Takeaways\nRussian forces shelled Vovchansk on March 3\n\nUkrainian troops repelled attacks"
    result = fogwatch.extract(text, published="2024-03-04")
    evidence = {span.of(text) for event in result.events for span in event.evidence}
    assert "Key Takeaways" not in evidence
    assert all(
        "\n" not in span.of(text).strip() for event in result.events for span in event.evidence
    )


def test_a_text_longer_than_one_parse_is_parsed_in_paragraph_pieces(monkeypatch):
    from fogwatch.language import nlp

    monkeypatch.setattr(nlp, "CHUNK_CHARS", 60)
    texts = [
        "Russian forces shelled Kharkiv on Monday.",
        "Key Takeaways\n\nRussian forces shelled Vovchansk.[1]\nUkrainian troops repelled attacks near Robotyne.\n"
        * 3,
        "A last short text without any line break but long enough to need a cut at a space.",
    ]
    docs = list(nlp.parse(texts))
    assert [doc.text for doc in docs] == texts
    # pieces end at line breaks or spaces: no word is cut in two
    whole = [token.text for token in nlp.load()(texts[2])]
    assert [token.text for token in docs[2]] == whole
    assert "Key Takeaways\n\n" in [sentence.text for sentence in docs[1].sents]


def test_an_inline_photograph_credit_and_its_caption_sentence_are_a_caption():
    text = (
        "Officials met on Monday. A school destroyed by shelling in Kharkiv. "
        "Photograph: Jane Doe/AFP/Getty ImagesThe talks went on, officials said."
    )
    assert kinds(text) == [
        (
            "caption",
            "A school destroyed by shelling in Kharkiv. Photograph: Jane Doe/AFP/Getty Images",
        )
    ]
    result = fogwatch.extract(text, published="2022-04-09")
    assert result.events == ()
    assert any(mention.span.of(text) == "Kharkiv" for mention in result.places)


def test_an_article_of_headings_only_goes_through_with_no_event_or_claim():
    text = "\n\n".join(
        [
            "Russian Offensive Campaign Assessment",
            "Key Takeaways",
            "Objective: Capture Kramatorsk",
            "Supporting Effort #1—Kharkiv City",
            "Immediate items to watch",
        ]
    )
    result = fogwatch.extract(text, published="2023-05-21")
    # a title's first lines may read as a byline ("Key Takeaways" has a name's shape); the last
    # unpunctuated line reads as prose (a snippet's last sentence) but tells nothing
    assert len(result.parts) == 4
    assert {part.kind for part in result.parts} <= structure.NOT_PROSE
    assert (result.events, result.claims) == ((), ())


def test_an_article_of_bullets_only_codes_each_bullet_as_a_sentence():
    text = (
        "• Russian forces shelled Vovchansk on May 20.\n"
        "• Ukrainian troops repelled an assault near Robotyne on May 20."
    )
    result = fogwatch.extract(text, published="2023-05-21")
    assert sorted(event.place.name for event in result.events if event.place) == [
        "Robotyne",
        "Vovchansk",
    ]


def test_a_long_report_with_900_footnotes_keeps_markers_out_of_every_extracted_text():
    paragraphs = ["Key Takeaways"]
    for n in range(1, 901, 3):
        paragraphs.append(f"Objective: Defend Kherson {n}")
        paragraphs.append(
            f"Russian forces shelled Vovchansk on May {n % 20 + 1}.[{n}] The governor said the"
            f" strikes damaged houses.[{n + 1}][{n + 2}] Ukrainian troops repelled an assault"
            " near Robotyne."
        )
    result = fogwatch.extract("\n\n".join(paragraphs), published="2023-05-21")
    text = result.article.text
    assert "[" not in text
    headings = [part.span for part in result.parts if part.kind in structure.NOT_PROSE]
    assert len(headings) == 301
    assert result.events and result.claims
    for event in result.events:
        assert not any(
            e.start < h.end and h.start < e.end for e in event.evidence for h in headings
        )
