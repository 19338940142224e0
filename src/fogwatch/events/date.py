"""When an event happened: the date mention its trigger's clause holds or hangs from.

The date of an event is its clause's own date mention; else a date on a verb above it (a reporting
date — "said Wednesday" — only bounds the event: ACLED time_precision 2); else a date of the
sentence's main clause; else the publication date at time_precision 2, which has no span.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fogwatch.events import syntax
from fogwatch.events.candidate import DateRef
from fogwatch.records import DateMention, TimePrecision

if TYPE_CHECKING:
    from spacy.tokens import Token

    from fogwatch.events.reading import Reading


def find(reading: Reading, token: Token) -> DateRef:
    """The clause's own date; else a date on a verb above it; else one of the sentence's main
    clause; else the publication date."""
    head = syntax.clause_head(token)
    scope = reading.scope(token)
    ancestors = {t.i for t in head.ancestors}
    own: list[tuple[int, DateMention]] = []
    above: list[tuple[int, DateMention, Token]] = []
    free: list[tuple[int, DateMention]] = []
    for mention, root in reading.dates_in(reading.sentence(token.i)):
        distance = abs(root.i - token.i)
        anchor = syntax.clause_head(root.head if root.head is not root else root)
        if root.i in scope and (anchor.i == head.i or anchor.i not in syntax.verbs_below(head)):
            own.append((distance, mention))
            continue
        if anchor.i in ancestors:
            above.append((distance, mention, anchor))
        elif _main_clause(anchor) and anchor.i not in reading.trigger_heads:
            free.append((distance, mention))
    if own:
        return _date_ref(reading, min(own, key=lambda d: d[0])[1], reporting=False)
    if above:
        _, mention, anchor = min(above, key=lambda d: d[0])
        reporting = anchor.lemma_.lower() in reading.lexicon.reporting_verbs
        return _date_ref(reading, mention, reporting=reporting)
    if free:
        return _date_ref(reading, min(free, key=lambda d: d[0])[1], reporting=False)
    return publication(reading)


def recent(found: DateRef | None) -> bool:
    """Whether the words date an event within the month before publication ("on Saturday",
    "late Wednesday"): news, whatever a model reads into the sentence."""
    return found is not None and found.span is not None and not found.historical


def publication(reading: Reading) -> DateRef:
    # ACLED: with no date of its own, an event is dated by its report, within its week
    return DateRef(reading.published, 2, None, historical=False)


def _date_ref(reading: Reading, mention: DateMention, *, reporting: bool) -> DateRef:
    threshold = reading.published - reading.lexicon.historical_after
    end = mention.end or mention.date
    historical = end is not None and end < threshold
    if mention.kind == "period":
        if historical:
            return DateRef(None, None, mention.span, historical=True)
        return DateRef(reading.published, 2, None, historical=False)
    precision: TimePrecision | None = mention.precision
    if reporting and precision == 1:
        precision = 2  # ACLED: a report's date bounds the event; the day itself is not known
    return DateRef(mention.date, precision, mention.span, historical=historical)


def _main_clause(token: Token) -> bool:
    return token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT")
