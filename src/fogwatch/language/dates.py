"""Temporal expressions in an article, resolved against its publication date.

`find(doc, published)` runs a fixed set of patterns (the grammar of `language.date_rules`,
compiled once, at import) over the text, each only near the cue words it needs (see
`date_rules.Rule`), keeps the longest non-overlapping matches, resolves what counts from another
mention ("the day before"), joins ranges and "since …" periods, and returns `DateMention`s in
text order (what a match means on the calendar is `language.date_calendar`'s):

- kind "date", with ACLED time_precision: 1 a day ("Late Tuesday", "July 23", "yesterday",
  "2022-02-24"), 2 a week ("last week", "July 23-24", "two weeks ago"), 3 a month ("May 2023",
  "in May", "last month", "late May");
- kind "period": "mid-2024", "in 2014", "summer 2023", "last year", "since February 2022",
  "the past three days", "from 2014 to 2022", "in recent weeks" (no known start);
- kind "duration": "more than a year", "40 minutes", "for weeks", "a 30-day truce".

Choices where English or ACLED leaves room:

- Nothing lands after publication. A weekday is the latest such day not after it ("Wednesday" in
  a Wednesday article is that day); a day or month without a year takes the latest year not after
  it. Explicit dates after publication and future phrases ("next week", "tomorrow", "later this
  year", "the coming days") give nothing, and block the words inside them from matching. A week,
  month or period that reaches past publication is cut at publication, its coded day too.
- Weeks run Monday to Sunday, coded on Thursday, the midpoint. A weekend or a two-day range is
  coded on its first day. "this week"/"earlier this week" is the current week, "last week" the
  previous one; "the past week" is a period: the seven days before publication.
- Month parts: early/beginning 1st-10th coded on the 1st, mid 11th-20th on the 15th, late/end
  21st-last on the last day. Year parts (periods): early Jan-Apr, mid May-Aug, late Sep-Dec,
  start/beginning Jan-Mar, end Oct-Dec, first/second half.
- Seasons are meteorological; "winter 2022" is December 2022 to February 2023.
- "the day before", "a day earlier", "the next day", "three days later" count from the nearest
  earlier day-precision mention in the article, or from publication when there is none.
  "a day after <event>" is relative to an event, not a date, and gives nothing.
- "last night" is the day before publication; "Tuesday night" and "overnight into Tuesday" are
  Tuesday. A bare "overnight" gives nothing.
- "N days ago" is a day; "N weeks ago" a week centred on that day; "N months/years ago" the month.
- "since <date>" is a period from that date's first day to publication, and its span includes
  "since"; "since the full-scale invasion" uses the war dates in `data/date_words.yaml`.

Words that look like dates but are not: "may" the verb (lowercase, or tagged MD), a month name
without a day, year or temporal preposition unless spaCy calls it a DATE ("Theresa May"),
"march" lowercase, "Sunday Times", "Russia Today", counts ("1,783 people", "2022 soldiers"),
ordinals ("the 3rd Assault Brigade"), "24/7" and ages ("a 20-year-old").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from fogwatch.language import date_calendar as cal
from fogwatch.language import date_rules
from fogwatch.language.nlp import text_of
from fogwatch.records import DateMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find(doc: Doc, published: dt.date) -> list[DateMention]:
    """Every temporal expression in `doc`, resolved against the publication date, in text order."""
    if isinstance(published, dt.datetime):
        published = published.date()  # a datetime does not compare with the dates computed here
    scan = date_rules.Scan(doc, text_of(doc), published)
    lowered = _lowercase(scan.text)
    cues: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    found: list[cal.Found] = []
    for rule in date_rules.RULES:
        if rule.cue not in cues:
            cues[rule.cue] = [m.span() for m in rule.cue.finditer(lowered)]
        for start, end in _windows(rule, cues[rule.cue], scan.text):
            for match in rule.pattern.finditer(scan.text, start, end):
                result = rule.resolve(match, scan)
                if result is not None:
                    found.append(result)
    mentions = _anchor_relative_days(_longest_first(found), published)
    mentions = _join_ranges(mentions, scan.text, published)
    mentions = [_extend_since(mention, scan.text, published) for mention in mentions]
    return [mention for mention in mentions if _not_after(mention, published)]


# --- the scan ----------------------------------------------------------------------------------

_WHITESPACE = re.compile(r"\s")


def _lowercase(text: str) -> str:
    """`text` lowercased character by character, so offsets stay the same ("İ" stays)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _windows(
    rule: date_rules.Rule, cues: list[tuple[int, int]], text: str
) -> list[tuple[int, int]]:
    """Where `rule` can match: around each cue, merged, each ending on whitespace."""
    windows: list[tuple[int, int]] = []
    for cue_start, cue_end in cues:
        start = max(0, cue_start - rule.before)
        space = _WHITESPACE.search(text, cue_end + rule.after)
        end = (
            space.start() if space else len(text)
        )  # a lookahead must not take the edge for a word end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


# --- after the scan: join what belongs together ----------------------------------------------

_SINCE_BEFORE = re.compile(r"(?<![\w-])(?i:ever\s+)?(?P<since>(?i:since))\s+$")
_RANGE_OPENER = re.compile(r"(?<![\w-])(?P<opener>(?i:from|between))\s+$")
_RANGE_JOINER = re.compile(r"\s*(?:[-–]|(?i:to|and|until|till|through))\s*")


def _longest_first(found: list[cal.Found]) -> list[cal.Found]:
    """The longest matches that do not overlap, in text order."""
    kept: list[cal.Found] = []  # apart, in text order: only the neighbours can overlap
    for candidate in sorted(found, key=lambda f: (f.span.start - f.span.end, f.span.start)):
        at = bisect.bisect_left(kept, candidate.span.start, key=lambda f: f.span.start)
        if at > 0 and kept[at - 1].span.end > candidate.span.start:
            continue
        if at < len(kept) and candidate.span.end > kept[at].span.start:
            continue
        kept.insert(at, candidate)
    return kept


def _anchor_relative_days(kept: list[cal.Found], published: dt.date) -> list[DateMention]:
    """Resolve "the day before" & co. against the nearest earlier day (else publication)."""
    mentions: list[DateMention] = []
    anchor = published
    for found in kept:
        mention = found.mention
        if found.days_from_anchor is not None:
            day = anchor + found.days_from_anchor * cal.ONE_DAY
            if day <= published:
                mention = DateMention(found.span, day, 1, "date", day, day)
        if mention is not None:
            mentions.append(mention)
            if mention.precision == 1 and mention.date is not None:
                anchor = mention.date
    return mentions


def _first_day(mention: DateMention) -> dt.date | None:
    return mention.start or mention.date


def _same_day_in(day: dt.date, year: int) -> dt.date | None:
    """`day` moved to `year` (29 February becomes the 28th)."""
    return cal.valid_date(year, day.month, day.day) or cal.valid_date(year, day.month, day.day - 1)


def _join_ranges(mentions: list[DateMention], text: str, published: dt.date) -> list[DateMention]:
    """ "from 2014 to 2022", "between May and July 2023" → one period."""
    joined: list[DateMention] = []
    index = 0
    while index < len(mentions):
        first = mentions[index]
        second = mentions[index + 1] if index + 1 < len(mentions) else None
        opener = _RANGE_OPENER.search(text, max(0, first.span.start - 10), first.span.start)
        if (
            second is not None
            and opener is not None
            and first.kind != "duration"
            and second.kind != "duration"
            and _RANGE_JOINER.fullmatch(text, first.span.end, second.span.start)
            and (
                opener["opener"].lower() == "from"
                or "and" in text[first.span.end : second.span.start]
            )
        ):
            start, end = _first_day(first), second.end or second.date
            if start is not None and end is not None and start > end:
                start = _same_day_in(start, end.year)  # "from May to July 2023": May 2023
            if start is not None and end is not None and start <= end:
                span = Span(opener.start("opener"), second.span.end)
                joined.append(DateMention(span, None, None, "period", start, min(end, published)))
                index += 2
                continue
        joined.append(first)
        index += 1
    return joined


def _extend_since(mention: DateMention, text: str, published: dt.date) -> DateMention:
    """ "since February 2022": a period from that date to publication, "since" in the span."""
    since = _SINCE_BEFORE.search(text, max(0, mention.span.start - 12), mention.span.start)
    start = _first_day(mention)
    if since is None or mention.kind == "duration" or start is None:
        return mention
    return replace(
        mention,
        span=Span(since.start("since"), mention.span.end),
        date=None,
        precision=None,
        kind="period",
        start=start,
        end=published,
    )


def _not_after(mention: DateMention, published: dt.date) -> bool:
    return all(
        day is None or day <= published for day in (mention.date, mention.start, mention.end)
    )
