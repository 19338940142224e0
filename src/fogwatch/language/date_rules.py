"""The date grammar: every pattern `language.dates.find` runs, and what its matches mean.

A rule is a regular expression, the resolver that turns its match into a `date_calendar.Found`
(a `DateMention`, or a blocked span for a future expression), and a cue word that says where in
a text the pattern can match at all (see `Rule`). Rules register themselves in `RULES`, in the
order they run; `dates.find` keeps the longest matches. The words they are built from come from
`data/date_words.yaml` (`date_calendar.WORDS`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from fogwatch.language import date_calendar as cal
from fogwatch.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first; spaces and hyphens match any of either,
    apostrophes straight or curly."""
    alternatives = []
    for phrase in sorted(phrases, key=len, reverse=True):
        words = (re.escape(word).replace(r"\-", r"[-\s]") for word in phrase.split())
        alternatives.append(r"\s+".join(words).replace("'", "['’]"))
    return "|".join(alternatives)


# --- building blocks -------------------------------------------------------------------------

_MONTH_NAME = _alternation(cal.WORDS["months"])  # case-sensitive: "march" and "may" are not months
_MONTH_ANY = rf"(?:{_MONTH_NAME}|(?:{_alternation(cal.WORDS['month_abbreviations'])})\.?)"
_WEEKDAY = _alternation(cal.WEEKDAYS)
_DAY_OF_MONTH = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_NUMBER_WORD = rf"(?i:{_alternation(cal.NUMBER_WORDS)})(?:-(?i:{_alternation(cal.NUMBER_WORDS)}))?"
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_NUMBER_WORD})"
_VAGUE = rf"(?i:{_alternation(cal.WORDS['vague_amounts'])})"
_HEDGE = rf"(?i:{_alternation(cal.WORDS['duration_hedges'])})"
_UNITS = (
    r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|century|centuries)"
)
_MONTH_PART = r"(?i:early|late|mid-?|(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle)\s+of)"
_YEAR_PART = (
    r"(?i:early|late|mid|(?:the\s+)?(?:very\s+)?"
    r"(?:beginning|start|end|middle|first\s+half|second\s+half)\s+of)"
)
_WEEKDAY_LEAD = rf"(?:(?P<lead>{_WEEKDAY}),?\s+(?:the\s+)?)?"
_CLAUSE_END = r"(?=\s*(?:[,.;:!?)”\"’]|$))"
_NOT_A_NUMBER_AFTER = r"(?![\w-]|[.,:/]\d|%)"

# Words before a bare year that make it a year rather than a count.
_YEAR_CUES = frozenset(cal.WORDS["year_cues"])
# Prepositions that make a bare month name a month ("in May"), kept out of its span.
_MONTH_PREPOSITION = (
    r"(?i:in|since|by|until|till|from|during|through|throughout|before|after|between|and|to|of|"
    r"or|around|as\s+of)"
)
# Words before "a day"/"a week" that make it a length of time, not a rate ("drones a day").
_DURATION_VERBS = frozenset(cal.WORDS["duration_verbs"])
_NOT_A_DAY_ENTITY = frozenset({"ORG", "WORK_OF_ART", "EVENT", "PERSON", "FAC", "PRODUCT"})
_NEXT_WORD_CAPITALISED = re.compile(r"\s+([A-Z]\w+)")
_NEXT_WORD_OF = re.compile(r"\s+of\b")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_PART_SEPARATOR = re.compile(r"[\s-]+")


class Scan(NamedTuple):
    """The article every rule reads: its parse, its text and its publication date."""

    doc: Doc
    text: str
    published: dt.date

    def token(self, char: int) -> Token | None:
        """The token covering character `char`."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


_Resolve = Callable[[re.Match[str], Scan], cal.Found | None]


class Rule(NamedTuple):
    """A pattern, what its matches mean, and where in a text it can match at all.

    Running a dozen patterns with optional leading words over every character of an article
    costs more than the rest of the stage; so each rule names a cue, a word every match contains
    that a plain regex finds fast in the lowercased text, and the pattern only runs from `before`
    characters ahead of each cue to `after` characters past it.
    """

    pattern: re.Pattern[str]
    resolve: _Resolve
    cue: re.Pattern[str]
    before: int
    after: int


RULES: list[Rule] = []
"""Every rule, in the order they run (the order of the `_rule` resolvers below)."""


def _rule(
    pattern: str, cue: re.Pattern[str], before: int, after: int
) -> Callable[[_Resolve], _Resolve]:
    """Register a resolver for every match of `pattern` (compiled here, once) near `cue`."""

    def register(resolve: _Resolve) -> _Resolve:
        RULES.append(Rule(re.compile(pattern), resolve, cue, before, after))
        return resolve

    return register


# Cues, run on the lowercased text. Month cues are the three-letter stems ("sep" for September).
_MONTH_CUE = re.compile("|".join(sorted({name[:3].lower() for name in cal.MONTHS})))
_WEEKDAY_CUE = re.compile("|".join(name.lower() for name in cal.WEEKDAYS))
_YEAR_CUE = re.compile(_YEAR)
_UNIT_CUE = re.compile("second|minute|hour|day|night|week|month|year|decade|centur")
_SEASON_CUE = re.compile("spring|summer|autumn|fall|winter")


def _amount(text: str | None) -> int | None:
    """The exact number an amount says, or None for "several", "a few", …"""
    if text is None:
        return None
    words = text.lower()
    if words in ("a", "an"):
        return 1
    if words[0].isdigit():
        return int(float(words.replace(",", "")))
    parts = words.split("-")
    if all(part in cal.NUMBER_WORDS for part in parts):
        return sum(cal.NUMBER_WORDS[part] for part in parts)
    return None


def _part_key(text: str | None) -> str | None:
    """ "the very end of" → "end", "mid-" → "mid", "first half of" → "first half"."""
    if text is None:
        return None
    words = [w for w in _PART_SEPARATOR.split(text.lower()) if w not in ("", "the", "very", "of")]
    return " ".join(words)


def _whole(match: re.Match[str]) -> Span:
    return Span(match.start(), match.end())


# --- rules, each a pattern and what its match means ---------------------------------------


@_rule(
    r"(?<![\w-])(?i:tomorrow|the\s+day\s+after\s+tomorrow|later\s+(?:in\s+)?this\s+(?:week|month|year)"
    rf"|(?:the\s+)?(?:coming|upcoming|next)\s+(?:few\s+|several\s+|couple\s+of\s+|{_NUMBER}\s+)?"
    r"(?:hours|days|weeks|months|years|decades)"
    rf"|this\s+coming\s+(?:week|weekend|{_WEEKDAY})"
    rf"|next\s+(?:week|weekend|month|year|spring|summer|autumn|fall|winter|{_WEEKDAY}|{_MONTH_NAME}))"
    r"(?![\w-])",
    cue=re.compile("tomorrow|coming|next|later"),
    before=20,
    after=45,
)
def _future(match: re.Match[str], scan: Scan) -> cal.Found:
    """Future expressions: no ACLED date, and nothing inside them is one either."""
    return cal.Found(_whole(match), None)


@_rule(
    rf"(?<![\w-])(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])",
    cue=_YEAR_CUE,
    before=0,
    after=8,
)
def _iso_date(match: re.Match[str], scan: Scan) -> cal.Found | None:
    day = cal.valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return cal.on_day(_whole(match), day, scan.published)


def _day_month(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "July 23", "23 July 2024", "Tuesday, July 22", "July 23-24"."""
    month = cal.MONTHS[match["month"].rstrip(".")]
    first_day = int(match["d1"].rstrip("stndrh"))
    last_day = int(match["d2"].rstrip("stndrh")) if match["d2"] else first_day
    if last_day < first_day:
        return None
    if match["y"]:
        first = cal.valid_date(int(match["y"]), month, first_day)
    else:
        first = cal.latest_on_or_before(month, first_day, scan.published)
    last = first and cal.valid_date(first.year, month, last_day)
    if first is None or last is None:
        return None
    return cal.days_range(_whole(match), first, last, scan.published)


_rule(
    rf"(?<![\w-]){_WEEKDAY_LEAD}(?P<month>{_MONTH_ANY})\s+(?P<d1>{_DAY_OF_MONTH})"
    rf"(?:\s*[-–]\s*(?P<d2>{_DAY_OF_MONTH}))?(?!\w|[:.,]\d)(?:,?\s+(?P<y>{_YEAR})(?![\w-]))?",
    cue=_MONTH_CUE,
    before=20,
    after=30,
)(_day_month)
_rule(
    rf"(?<![\w,.:/-]){_WEEKDAY_LEAD}(?P<d1>{_DAY_OF_MONTH})(?:\s*[-–]\s*(?P<d2>{_DAY_OF_MONTH}))?"
    rf"\s+(?:of\s+)?(?P<month>{_MONTH_ANY})"
    # live blogs glue the time to the year: "6 Mar 202202.32"
    rf"(?:,?\s+(?P<y>{_YEAR})(?:(?=\d\d[.:]\d\d)|(?![\w-]))|(?![\w-]))",
    cue=_MONTH_CUE,
    before=35,
    after=20,
)(_day_month)


@_rule(
    rf"(?<![\w-])(?:(?i:the)\s+)?(?P<ordinal>(?i:first|second|third|fourth|last|final))\s+"
    rf"(?i:week)\s+of\s+(?P<month>{_MONTH_NAME})(?:,?\s+(?P<y>{_YEAR}))?(?![\w-])",
    cue=_MONTH_CUE,
    before=25,
    after=20,
)
def _week_of_month(match: re.Match[str], scan: Scan) -> cal.Found | None:
    month = cal.MONTHS[match["month"]]
    latest = scan.published.year - (month > scan.published.month)
    year = int(match["y"]) if match["y"] else latest
    ordinal = match["ordinal"].lower()
    end = cal.month_end(year, month)
    if ordinal in ("last", "final"):
        first = end - 6 * cal.ONE_DAY
    else:
        first = dt.date(year, month, 1 + 7 * ("first", "second", "third", "fourth").index(ordinal))
    # ACLED time_precision 2: coded on the midpoint of the week.
    return cal.within(
        _whole(match), first, first + 6 * cal.ONE_DAY, first + 3 * cal.ONE_DAY, 2, scan.published
    )


@_rule(
    rf"(?<![\w-])(?:(?P<part>{_MONTH_PART})\s*)?(?P<month>{_MONTH_ANY})"
    rf"(?:\s*[-–/]\s*(?P<month2>{_MONTH_ANY}))?,?\s+(?:of\s+)?(?P<y>{_YEAR}){_NOT_A_NUMBER_AFTER}",
    cue=_MONTH_CUE,
    before=25,
    after=30,
)
def _month_year(match: re.Match[str], scan: Scan) -> cal.Found:
    """ "May 2023", "early May 2023", "the end of May 2023", "March-April 2023"."""
    year = int(match["y"])
    month = cal.MONTHS[match["month"].rstrip(".")]
    if match["month2"]:
        last_month = cal.MONTHS[match["month2"].rstrip(".")]
        first_year = year - (last_month < month)
        return cal.period(
            _whole(match),
            dt.date(first_year, month, 1),
            cal.month_end(year, last_month),
            scan.published,
        )
    return cal.in_month(_whole(match), year, month, scan.published, _part_key(match["part"]))


@_rule(
    rf"(?<![\w-])(?:(?P<prep>{_MONTH_PREPOSITION})\s+|(?P<part>{_MONTH_PART})\s*"
    rf"|(?P<rel>(?i:last|this\s+past|this))\s+)?(?P<month>{_MONTH_NAME})(?![\w-])",
    cue=_MONTH_CUE,
    before=25,
    after=10,
)
def _bare_month(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "in May", "last March", "late February"; not "may" the verb, not "Theresa May"."""
    token = scan.token(match.start("month"))
    if token is None or token.tag_ == "MD":
        return None
    has_context = match["prep"] or match["part"] or match["rel"]
    if not has_context and not (token.ent_type_ == "DATE" and token.tag_ == "NNP"):
        return None
    if not has_context and _NEXT_WORD_CAPITALISED.match(scan.text, match.end()):
        return None  # a name: "June Purvis", "April Ryan"
    month = cal.MONTHS[match["month"]]
    published = scan.published
    span = Span(match.start("month") if match["prep"] else match.start(), match.end())
    rel = (match["rel"] or "").lower()
    if rel == "this":
        if month > published.month:
            return cal.Found(span, None)
        year = published.year
    elif rel:
        year = published.year - (month >= published.month)
    else:
        year = published.year - (month > published.month)
    return cal.in_month(span, year, month, published, _part_key(match["part"]))


@_rule(
    r"(?<![\w-])(?:(?P<pre>(?i:late|early|earlier|later)(?:\s+on)?|(?i:overnight)(?:\s+(?:into|on|to))?"
    r"|(?i:the\s+night\s+of))\s+)?(?:(?P<rel>(?i:last|this\s+past|this|past))\s+)?"
    rf"(?P<weekday>{_WEEKDAY})(?:\s+(?P<tod>(?i:morning|afternoon|evening|night|overnight)))?(?![\w-])",
    cue=_WEEKDAY_CUE,
    before=25,
    after=12,
)
def _weekday(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "Wednesday", "Late Tuesday", "Saturday morning", "overnight into Monday", "last Friday"."""
    following = _NEXT_WORD_CAPITALISED.match(scan.text, match.end())
    if following and not (match["pre"] or match["rel"] or match["tod"]):
        token = scan.token(match.start("weekday"))
        if following[1] in cal.WEEKDAY_TITLES or (
            token is not None and token.ent_type_ in _NOT_A_DAY_ENTITY
        ):
            return None  # a title: "the Sunday Times"
    published = scan.published
    days_back = (published.weekday() - cal.WEEKDAYS[match["weekday"]]) % 7
    if days_back == 0 and " ".join((match["rel"] or "").lower().split()) in ("last", "this past"):
        days_back = 7
    return cal.on_day(_whole(match), published - days_back * cal.ONE_DAY, published)


@_rule(
    r"(?<![\w-])(?i:the\s+day\s+before\s+yesterday|yesterday(?:\s+(?:morning|afternoon|evening))?"
    r"|last\s+night|earlier\s+today|later\s+today|today|tonight|this\s+(?:morning|afternoon|evening))"
    r"(?![\w-])",
    cue=re.compile("yesterday|today|tonight|night|morning|afternoon|evening"),
    before=16,
    after=12,
)
def _relative_day(match: re.Match[str], scan: Scan) -> cal.Found | None:
    words = match.group().lower()
    if match.group().startswith("Today"):
        token = scan.token(match.start())
        if token is not None and not token.is_sent_start:
            return None  # a name: "Russia Today", "USA Today"
    if words.endswith("before yesterday"):
        days_back = 2
    elif words.startswith(("yesterday", "last night")):
        days_back = 1
    else:
        days_back = 0
    return cal.on_day(_whole(match), scan.published - days_back * cal.ONE_DAY, scan.published)


@_rule(
    r"(?<![\w-])(?:(?P<part>(?i:earlier|early|late|mid-?|(?:the\s+)?(?:very\s+)?"
    r"(?:beginning|start|end|middle|first\s+half|second\s+half)\s+of))\s*)?"
    r"(?P<rel>(?i:last|this\s+past|this|the))\s+(?P<unit>(?i:week|weekend|month|year))(?![\w-])",
    cue=re.compile("week|month|year"),
    before=35,
    after=5,
)
def _calendar_unit(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "last week", "this month", "earlier this year", "late last year", "the weekend"."""
    span = _whole(match)
    published = scan.published
    rel = " ".join(match["rel"].lower().split())
    unit = match["unit"].lower()
    part = _part_key(match["part"])
    if part == "earlier":
        part = None  # "earlier this year": the part of the year before publication
    if rel == "the" and not (part or unit == "weekend"):
        return None
    previous = rel in ("last", "this past")
    if unit == "week":
        monday = cal.monday(published) - 7 * cal.ONE_DAY * previous
        return cal.in_week(span, monday, published)
    if unit == "weekend":
        if rel == "this":
            saturday = cal.monday(published) + 5 * cal.ONE_DAY
        elif rel == "last":
            saturday = cal.monday(published) - 2 * cal.ONE_DAY
        else:
            saturday = published - ((published.weekday() - 5) % 7) * cal.ONE_DAY
        # ACLED time_precision 2: a weekend, coded on its first day.
        return cal.within(span, saturday, saturday + cal.ONE_DAY, saturday, 2, published)
    if unit == "month":
        year, month = cal.shift_months(published.year, published.month, -previous)
        if part is not None and part not in cal.MONTH_PARTS:
            part = None
        return cal.in_month(span, year, month, published, part)
    return cal.year_period(span, published.year - previous, published, part)


@_rule(
    rf"(?<![\w-])(?P<part>{_YEAR_PART})\s*-?\s*(?P<y>{_YEAR}){_NOT_A_NUMBER_AFTER}"
    rf"|(?<![\w$£€#,.-])(?P<y1>{_YEAR})\s*[-–/]\s*(?P<y2>{_YEAR}|\d\d){_NOT_A_NUMBER_AFTER}",
    cue=_YEAR_CUE,
    before=25,
    after=8,
)
def _year_part_or_range(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "mid-2024", "early 2025", "the end of 2023"; "2014-2022", "2022/23"."""
    if match["y"]:
        return cal.year_period(
            _whole(match), int(match["y"]), scan.published, _part_key(match["part"])
        )
    first = int(match["y1"])
    last = int(match["y2"]) if len(match["y2"]) == 4 else first // 100 * 100 + int(match["y2"])
    if last <= first:
        return None
    return cal.period(_whole(match), dt.date(first, 1, 1), dt.date(last, 12, 31), scan.published)


@_rule(rf"(?<![\w$£€#,./-])(?P<y>{_YEAR}){_NOT_A_NUMBER_AFTER}", cue=_YEAR_CUE, before=0, after=0)
def _bare_year(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "in 2014", "the 2022 invasion" — but not "2022 soldiers"."""
    token = scan.token(match.start())
    if token is None:
        return None
    if token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS"):
        return None  # a count of something
    previous = token.nbor(-1).lower_ if token.i > 0 else ""
    possessive = scan.text.startswith(("'s", "’s"), match.end())
    if not (previous in _YEAR_CUES or possessive or token.ent_type_ == "DATE"):
        return None
    # ACLED codes nothing less precise than a month: a year is a period.
    return cal.year_period(_whole(match), int(match["y"]), scan.published)


@_rule(
    r"(?<![\w-])(?:(?i:the)\s+)?(?:(?P<part>(?i:early|mid|late))-?\s*)?"
    r"(?P<decade>(?:19|20)\d0)['’]?s(?![\w-])",
    cue=_YEAR_CUE,
    before=12,
    after=3,
)
def _decade(match: re.Match[str], scan: Scan) -> cal.Found:
    decade = int(match["decade"])
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(
        (match["part"] or "").lower(), (0, 9)
    )
    return cal.period(
        _whole(match),
        dt.date(decade + first, 1, 1),
        dt.date(decade + last, 12, 31),
        scan.published,
    )


@_rule(
    r"(?<![\w-])(?:(?P<part>(?i:early|late|mid-?))\s*)?(?:(?P<det>(?i:this\s+past|this|last|the))\s+)?"
    r"(?:(?P<part2>(?i:early|late|mid-?))\s*)?(?P<season>(?i:spring|summer|autumn|fall|winter))"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR})(?:\s*[-–/]\s*(?:{_YEAR}|\d\d))?)?(?![\w-])",
    cue=_SEASON_CUE,
    before=25,
    after=16,
)
def _season(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "summer 2023", "the spring", "this summer", "last winter", "late summer"."""
    det = " ".join((match["det"] or "").lower().split())
    part = _part_key(match["part"] or match["part2"])
    season = match["season"].lower()
    if not (det or part or match["y"]):
        return None
    if not match["y"] and _NEXT_WORD_OF.match(scan.text, match.end()):
        return None  # "the fall of Bakhmut", "the winter of discontent"
    if season == "fall" and not match["y"] and det not in ("this", "last", "this past"):
        return None
    if det == "the" and not (part or match["y"]):
        token = scan.token(match.start("season"))
        if token is not None and token.dep_ in ("compound", "amod", "nmod"):
            return None  # a kind, not a time: "the winter war", "the spring conscripts"
    first_month, last_month = cal.SEASONS[season]
    published = scan.published

    def bounds(year: int) -> tuple[dt.date, dt.date]:
        end_year = year + (last_month < first_month)
        return dt.date(year, first_month, 1), cal.month_end(end_year, last_month)

    if match["y"]:
        year = int(match["y"])
    elif det in ("last", "this past"):
        year = published.year
        while bounds(year)[1] >= published:
            year -= 1
    elif det == "this":
        year = published.year - (bounds(published.year - 1)[1] >= published)
    else:
        year = published.year
        while bounds(year)[0] > published:
            year -= 1
    start, end = bounds(year)
    if part is not None:
        months = [cal.shift_months(start.year, start.month, k) for k in range(3)]
        first_year, first = months[{"early": 0, "mid": 1, "late": 2}[part]]
        start, end = dt.date(first_year, first, 1), cal.month_end(first_year, first)
    return cal.period(_whole(match), start, end, published)


@_rule(
    rf"(?<![\w-])(?i:the)\s+(?i:past|last|previous|preceding)\s+(?:(?P<n>{_NUMBER}|{_VAGUE})\s+)?"
    r"(?P<unit>(?i:hours?|days?|weeks?|months?|years?|decades?))(?![\w-])"
    r"|(?<![\w-])(?i:recent)\s+(?P<recent>(?i:hours|days|weeks|months|years|decades))(?![\w-])",
    cue=_UNIT_CUE,
    before=35,
    after=4,
)
def _up_to_publication(match: re.Match[str], scan: Scan) -> cal.Found:
    """ "the past three days", "the last 24 hours", "the past year"; "recent weeks" (no start)."""
    published = scan.published
    if match["recent"]:
        return cal.period(_whole(match), None, published, published)
    unit = match["unit"].lower().rstrip("s")
    count = _amount(match["n"]) if match["n"] else (1 if unit == match["unit"].lower() else None)
    return cal.period(_whole(match), _back(published, count, unit), published, published)


def _back(published: dt.date, count: int | None, unit: str) -> dt.date | None:
    """Publication minus `count` `unit`s; None when the count is vague."""
    if count is None:
        return None
    if unit == "hour":
        return published - -(-count // 24) * cal.ONE_DAY
    if unit in ("day", "week"):
        return published - count * (7 if unit == "week" else 1) * cal.ONE_DAY
    months = count * {"month": 1, "year": 12, "decade": 120}[unit]
    year, month = cal.shift_months(published.year, published.month, -months)
    return dt.date(year, month, min(published.day, cal.month_end(year, month).day))


@_rule(
    rf"(?<![\w-])(?:(?P<n>{_NUMBER}|{_VAGUE}|(?i:an?))\s+)?"
    r"(?P<unit>(?i:minutes?|hours?|days?|weeks?|months?|years?|decades?))\s+(?i:ago)(?![\w-])",
    cue=re.compile("ago"),
    before=35,
    after=0,
)
def _ago(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "three days ago" (a day), "two weeks ago" (a week), "a year ago" (a month)."""
    published = scan.published
    span = _whole(match)
    unit = match["unit"].lower().rstrip("s")
    count = _amount(match["n"])
    if count is None:
        return cal.period(span, None, published, published)
    if unit in ("minute", "hour"):
        return cal.on_day(
            span, published - (count // 24 if unit == "hour" else 0) * cal.ONE_DAY, published
        )
    if unit == "day":
        return cal.on_day(span, published - count * cal.ONE_DAY, published)
    if unit == "week":
        centre = published - 7 * count * cal.ONE_DAY
        return cal.within(
            span, centre - 3 * cal.ONE_DAY, centre + 3 * cal.ONE_DAY, centre, 2, published
        )
    if unit == "decade":
        return cal.year_period(span, published.year - 10 * count, published)
    months = count * (12 if unit == "year" else 1)
    year, month = cal.shift_months(published.year, published.month, -months)
    return cal.in_month(span, year, month, published)


@_rule(
    r"(?<![\w-])(?:(?P<around>(?i:the\s+day\s+(?:before|after)))" + _CLAUSE_END + "|"
    r"(?P<fixed>(?i:the\s+(?:previous|preceding|next|following|same)\s+day))(?![\w-])|"
    rf"(?P<n>{_NUMBER}|(?i:an?))\s+(?i:days?)\s+(?:(?P<dir>(?i:earlier|later))(?![\w-])"
    rf"|(?P<dir2>(?i:before|after)){_CLAUSE_END}))",
    cue=re.compile("day"),
    before=20,
    after=40,
)
def _day_relative_to_text(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "the day before", "a day earlier", "the next day", "two days later"."""
    words = match.group().lower()
    if match["n"]:
        count = _amount(match["n"])
        if count is None:
            return None
        later = (match["dir"] or match["dir2"]).lower() in ("later", "after")
        offset = count if later else -count
    elif "same" in words:
        offset = 0
    else:
        offset = 1 if any(w in words for w in ("after", "next", "following")) else -1
    return cal.Found(_whole(match), None, offset)


@_rule(
    rf"(?<![\w-])(?:(?P<hedge>{_HEDGE})\s+)?(?P<n>{_NUMBER}|{_VAGUE}|(?i:an?))\s+"
    rf"(?:(?i:more|full|long|additional|further)\s+)?(?P<unit>{_UNITS})"
    r"(?:\s+(?i:and\s+a\s+half))?(?![\w-])(?!\s+(?i:old|ago)\b)"
    rf"|(?<![\w-])(?:(?P<hedge2>{_HEDGE})\s+)?(?i:half\s+an?\s+(?:hour|day|year|century))(?![\w-])"
    rf"|(?<![\w-])(?:\d+|{_NUMBER_WORD})-(?i:second|minute|hour|day|night|week|month|year|decade)"
    r"(?:-long)?(?![\w-])(?!\s+(?i:old)\b)",
    cue=_UNIT_CUE,
    before=45,
    after=30,
)
def _length_of_time(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "more than a year", "40 minutes", "several months", "half an hour", "a 30-day truce"."""
    amount = (match["n"] or "").lower()
    if amount in ("a", "an", "one") and not match["hedge"]:
        if (match["unit"] or "").lower() == "second":
            return None  # "a second counteroffensive": an ordinal
        before = _WORD_BEFORE.search(scan.text, max(0, match.start() - 20), match.start())
        if before is None or before[1].lower() not in _DURATION_VERBS:
            return None  # "drones a day", "one day he said": a rate or a story, not a length
    return cal.duration(_whole(match))


@_rule(
    r"(?<![\w-])(?i:for|after|within|in|over)\s+(?P<unit>(?i:hours|days|weeks|months|years|decades))"
    r"(?![\w-])(?!\s+(?i:ago|earlier|later)\b)",
    cue=_UNIT_CUE,
    before=10,
    after=20,
)
def _unnumbered_length(match: re.Match[str], scan: Scan) -> cal.Found:
    """ "for weeks", "after months": the preposition stays out of the span."""
    return cal.duration(Span(match.start("unit"), match.end("unit")))


def _war_date_pattern() -> str:
    alternatives = []
    for index, entry in enumerate(cal.WORDS["war_dates"]):
        alternatives.append(rf"(?P<war{index}>{_alternation(entry['names'])})")
    return (
        r"(?<![\w-])(?i:since\s+(?:the\s+(?:very\s+)?(?:start|beginning|outbreak|first\s+days?)\s+of\s+)?"
        rf"(?:{'|'.join(alternatives)})(?:\s+of\s+Ukraine)?)(?![\w-])(?!\s+of\b|\s+in\s+\d)"
    )


@_rule(_war_date_pattern(), cue=re.compile("since"), before=0, after=90)
def _since_war_date(match: re.Match[str], scan: Scan) -> cal.Found | None:
    """ "since the full-scale invasion", "since the start of Russia's full-scale invasion"."""
    for name, words in match.groupdict().items():
        if words is not None:
            start: dt.date = cal.WORDS["war_dates"][int(name.removeprefix("war"))]["date"]
            if start > scan.published:
                return None
            return cal.period(_whole(match), start, scan.published, scan.published)
    return None
