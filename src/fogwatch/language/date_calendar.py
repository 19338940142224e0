"""The calendar side of dates: the words of `data/date_words.yaml`, calendar arithmetic, and
the builders that turn a matched span into a `DateMention` (`language.date_rules` calls them).

Every builder cuts at publication: a day after it is no mention (its span is blocked), a week,
month or period reaching past it ends there, its coded day too. ACLED's time precision: 1 a day,
2 a week (coded on its midpoint), 3 a month (its midpoint, or its first or last day when the
text says "beginning" or "end").
"""

from __future__ import annotations

import calendar
import datetime as dt
from importlib.resources import files
from typing import NamedTuple

import yaml

from fogwatch.records import DateMention, Span, TimePrecision

# libyaml's loader when PyYAML has it: the same values, read faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

WORDS = yaml.load(
    files("fogwatch.data").joinpath("date_words.yaml").read_text(encoding="utf-8"),
    Loader=_YAML_LOADER,
)
MONTHS: dict[str, int] = {**WORDS["months"], **WORDS["month_abbreviations"]}
WEEKDAYS: dict[str, int] = WORDS["weekdays"]
WEEKDAY_TITLES = frozenset(WORDS["weekday_titles"])
NUMBER_WORDS: dict[str, int] = WORDS["numbers"]
SEASONS: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in WORDS["seasons"].items()}
YEAR_PARTS: dict[str, tuple[int, int]] = {k: tuple(v) for k, v in WORDS["year_parts"].items()}
MONTH_PARTS: dict[str, tuple[int, int, int]] = {
    k: tuple(v) for k, v in WORDS["month_parts"].items()
}
ONE_DAY = dt.timedelta(days=1)


class Found(NamedTuple):
    """One match: `mention` None blocks its span (a future expression) without emitting it."""

    span: Span
    mention: DateMention | None
    days_from_anchor: int | None = None
    """For "the day before" & co.: resolved against the nearest earlier day once all are found."""


# --- calendar arithmetic -------------------------------------------------------------------


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when there is no such day ("31 June")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> dt.date:
    """The last day of the month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) `months` later, or earlier when negative."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def latest_on_or_before(month: int, day: int, published: dt.date) -> dt.date | None:
    """The latest `month`/`day` not after publication (a day with no year written)."""
    for year in range(published.year, published.year - 8, -1):
        candidate = valid_date(year, month, day)
        if candidate is not None and candidate <= published:
            return candidate
    return None


def monday(day: dt.date) -> dt.date:
    """The Monday of `day`'s week: weeks run Monday to Sunday."""
    return day - day.weekday() * ONE_DAY


# --- mention builders (every one cuts at publication) ----------------------------------------


def on_day(span: Span, day: dt.date | None, published: dt.date) -> Found | None:
    """A day (precision 1); None when there is no such day."""
    if day is None:
        return None
    if day > published:
        return Found(span, None)
    return Found(span, DateMention(span, day, 1, "date", day, day))


def within(
    span: Span,
    first: dt.date,
    last: dt.date,
    coded: dt.date,
    precision: TimePrecision,
    published: dt.date,
) -> Found:
    """A date of precision 2 or 3 covering first..last and coded on `coded`."""
    if first > published:
        return Found(span, None)
    mention = DateMention(
        span, min(coded, published), precision, "date", first, min(last, published)
    )
    return Found(span, mention)


def in_week(span: Span, monday: dt.date, published: dt.date) -> Found:
    """The week starting on `monday` (precision 2)."""
    # ACLED time_precision 2: "within a week" is coded on the week's midpoint (Thursday).
    return within(span, monday, monday + 6 * ONE_DAY, monday + 3 * ONE_DAY, 2, published)


def days_range(span: Span, first: dt.date, last: dt.date, published: dt.date) -> Found:
    """A run of days: one day, a week or less (precision 2, its midpoint), or a period."""
    if first == last:
        return on_day(span, first, published) or Found(span, None)
    if (last - first).days < 7:
        # ACLED time_precision 2: a span of days within a week is coded on its midpoint.
        midpoint = first + (last - first) // 2
        return within(span, first, last, midpoint, 2, published)
    return period(span, first, last, published)


def in_month(
    span: Span, year: int, month: int, published: dt.date, part: str | None = None
) -> Found:
    """A month, or its early, mid or late `part` (precision 3)."""
    first_day, last_day, coded_day = MONTH_PARTS.get(part or "", (1, 31, 15))
    end = month_end(year, month).day
    # ACLED time_precision 3: the month's midpoint, or its first/last day if its beginning/end is stated.
    return within(
        span,
        dt.date(year, month, first_day),
        dt.date(year, month, min(last_day, end)),
        dt.date(year, month, min(coded_day, end)),
        3,
        published,
    )


def period(span: Span, start: dt.date | None, end: dt.date, published: dt.date) -> Found:
    """A period from `start` (None: not known) to `end`."""
    if start is not None and start > published:
        return Found(span, None)
    return Found(span, DateMention(span, None, None, "period", start, min(end, published)))


def year_period(span: Span, year: int, published: dt.date, part: str | None = None) -> Found | None:
    """A year, or its `part` ("mid", "first half"), as a period; None for an unknown part."""
    if part is not None and part not in YEAR_PARTS:
        return None
    first, last = YEAR_PARTS.get(part or "", (1, 12))
    return period(span, dt.date(year, first, 1), month_end(year, last), published)


def duration(span: Span) -> Found:
    """A length of time ("40 minutes"): no date."""
    return Found(span, DateMention(span, None, None, "duration"))
