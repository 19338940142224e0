"""language.dates: one short sentence per behaviour, asserting the exact DateMention records."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fogwatch.language import dates, nlp
from fogwatch.records import DateMention, Span
from helpers import SEED, needs_shared

if TYPE_CHECKING:
    from spacy.tokens import Doc

D = dt.date.fromisoformat
PUBLISHED = D("2025-11-12")  # a Wednesday


def find(text: str, published: dt.date = PUBLISHED) -> list[DateMention]:
    return dates.find(nlp.parse_one(text), published)


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase))


def day(text: str, phrase: str, iso: str) -> DateMention:
    """A precision-1 date: the day itself."""
    return DateMention(span(text, phrase), D(iso), 1, "date", D(iso), D(iso))


def within(
    text: str, phrase: str, precision: int, coded: str, first: str, last: str
) -> DateMention:
    """A precision-2 (week) or precision-3 (month) date, coded on `coded`, covering first..last."""
    return DateMention(span(text, phrase), D(coded), precision, "date", D(first), D(last))


def period(text: str, phrase: str, start: str | None, end: str) -> DateMention:
    return DateMention(span(text, phrase), None, None, "period", start and D(start), D(end))


def duration(text: str, phrase: str) -> DateMention:
    return DateMention(span(text, phrase), None, None, "duration")


# --- weekdays: the latest such day, never after publication -----------------------------------


def test_weekday_said_on_the_day_of_publication_is_that_day() -> None:
    text = "Ukraine's military said Wednesday that its forces withdrew."
    assert find(text) == [day(text, "Wednesday", "2025-11-12")]


def test_weekday_is_the_latest_such_day_before_publication() -> None:
    text = "Russian bloggers posted the video on Thursday."
    assert find(text) == [day(text, "Thursday", "2025-11-06")]


@pytest.mark.parametrize(
    ("text", "phrase", "iso"),
    [
        ("Late Tuesday, bloggers posted video from Pokrovsk.", "Late Tuesday", "2025-11-11"),
        ("Early Tuesday, drones struck Kharkiv.", "Early Tuesday", "2025-11-11"),
        ("Drones struck Kharkiv on Tuesday night.", "Tuesday night", "2025-11-11"),
        ("Missiles hit Odesa overnight into Monday.", "overnight into Monday", "2025-11-10"),
        ("Shelling hit Kherson overnight on Sunday.", "overnight on Sunday", "2025-11-09"),
        ("The talks began on Saturday morning.", "Saturday morning", "2025-11-08"),
        ("Moscow on Wednesday urged Kyiv to return to talks.", "Wednesday", "2025-11-12"),
    ],
)
def test_weekday_with_time_of_day_is_that_day(text: str, phrase: str, iso: str) -> None:
    assert find(text) == [day(text, phrase, iso)]


def test_last_weekday_on_that_weekday_is_a_week_back() -> None:
    text = "The convoy left last Wednesday."
    assert find(text) == [day(text, "last Wednesday", "2025-11-05")]


@pytest.mark.parametrize("published", [D("2025-11-10") + dt.timedelta(days=n) for n in range(7)])
def test_weekday_falls_in_the_seven_days_up_to_publication(published: dt.date) -> None:
    (mention,) = find("Russia struck Sumy on Friday.", published)
    assert mention.date is not None
    assert mention.date.weekday() == 4
    assert published - dt.timedelta(days=6) <= mention.date <= published


def test_weekday_in_a_quoted_memory_still_resolves_against_publication() -> None:
    text = "“On Friday the tanks came,” the veteran said of 1944."
    assert find(text) == [
        day(text, "Friday", "2025-11-07"),
        period(text, "1944", "1944-01-01", "1944-12-31"),
    ]


def test_sunday_times_is_a_newspaper() -> None:
    assert find("The Sunday Times reported the strike.") == []


# --- days relative to publication or to the text ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "iso"),
    [
        ("Zelenskyy spoke yesterday.", "yesterday", "2025-11-11"),
        ("Kyiv was quiet today.", "today", "2025-11-12"),
        ("Air raid sirens sounded this morning.", "this morning", "2025-11-12"),
        ("He will speak tonight.", "tonight", "2025-11-12"),
        ("Drones hit Lviv last night.", "last night", "2025-11-11"),
        ("It rained the day before yesterday.", "the day before yesterday", "2025-11-10"),
    ],
)
def test_day_words_count_from_publication(text: str, phrase: str, iso: str) -> None:
    assert find(text) == [day(text, phrase, iso)]


def test_russia_today_is_a_channel() -> None:
    assert find("The claim was aired by Russia Today.") == []


def test_a_day_later_counts_from_the_previous_day_in_the_text() -> None:
    text = "Kyiv was hit on Monday. A day later, drones struck Lviv."
    assert find(text) == [day(text, "Monday", "2025-11-10"), day(text, "A day later", "2025-11-11")]


def test_the_day_before_without_an_earlier_day_counts_from_publication() -> None:
    text = "The day before, the general warned of fog."
    assert find(text) == [day(text, "The day before", "2025-11-11")]


def test_a_day_after_an_event_is_not_a_date() -> None:
    assert find("The retreat came a day after the warning.") == []


# --- weeks and months -------------------------------------------------------------------------------


def test_last_week_is_the_previous_calendar_week_coded_on_its_thursday() -> None:
    text = "Russian troops entered the town last week."
    assert find(text) == [within(text, "last week", 2, "2025-11-06", "2025-11-03", "2025-11-09")]


def test_this_week_is_cut_at_publication() -> None:
    text = "Fighting intensified this week."
    assert find(text) == [within(text, "this week", 2, "2025-11-12", "2025-11-10", "2025-11-12")]


def test_the_weekend_is_the_latest_saturday_and_sunday() -> None:
    text = "Shelling continued over the weekend."
    assert find(text) == [within(text, "the weekend", 2, "2025-11-08", "2025-11-08", "2025-11-09")]


def test_last_month_is_the_previous_month_coded_on_the_15th() -> None:
    text = "The village fell last month."
    assert find(text) == [within(text, "last month", 3, "2025-10-15", "2025-10-01", "2025-10-31")]


# --- calendar dates -------------------------------------------------------------------------------


def test_month_day_takes_the_year_of_publication_and_minutes_are_a_duration() -> None:
    text = "The last round took place July 23 and lasted only 40 minutes."
    assert find(text) == [day(text, "July 23", "2025-07-23"), duration(text, "40 minutes")]


@pytest.mark.parametrize(
    ("text", "phrase", "iso"),
    [
        ("The bridge was hit on 23 July.", "23 July", "2025-07-23"),
        ("The offensive began October 3.", "October 3", "2025-10-03"),
        ("The strike came on December 25.", "December 25", "2024-12-25"),
        ("Talks were held on July 23, 2024 in Istanbul.", "July 23, 2024", "2024-07-23"),
        ("Troops crossed the border on 2022-02-24.", "2022-02-24", "2022-02-24"),
        (
            "Kyiv said on Monday, April 11, 2022 that it held.",
            "Monday, April 11, 2022",
            "2022-04-11",
        ),
    ],
)
def test_calendar_date_is_never_after_publication(text: str, phrase: str, iso: str) -> None:
    assert find(text) == [day(text, phrase, iso)]


def test_two_day_range_is_a_week_precision_date() -> None:
    text = "Drones attacked overnight on August 10-11."
    assert find(text) == [within(text, "August 10-11", 2, "2025-08-10", "2025-08-10", "2025-08-11")]


def test_explicit_date_after_publication_gives_nothing() -> None:
    assert find("A summit is planned for December 5, 2025.") == []


# --- months -------------------------------------------------------------------------------------------


def test_month_and_year_is_month_precision() -> None:
    text = "Russia captured Bakhmut in May 2023."
    assert find(text) == [within(text, "May 2023", 3, "2023-05-15", "2023-05-01", "2023-05-31")]


def test_month_before_a_noun_is_still_month_precision() -> None:
    text = "The war began with the February 2022 invasion."
    assert find(text) == [
        within(text, "February 2022", 3, "2022-02-15", "2022-02-01", "2022-02-28")
    ]


def test_month_alone_is_the_latest_such_month() -> None:
    text = "The dam was hit in May and in December."
    assert find(text) == [
        within(text, "May", 3, "2025-05-15", "2025-05-01", "2025-05-31"),
        within(text, "December", 3, "2024-12-15", "2024-12-01", "2024-12-31"),
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "coded", "first", "last"),
    [
        (
            "Assaults grew in early May 2023.",
            "early May 2023",
            "2023-05-01",
            "2023-05-01",
            "2023-05-10",
        ),
        (
            "Assaults grew in mid-May 2023.",
            "mid-May 2023",
            "2023-05-15",
            "2023-05-11",
            "2023-05-20",
        ),
        (
            "Assaults grew in late May 2023.",
            "late May 2023",
            "2023-05-31",
            "2023-05-21",
            "2023-05-31",
        ),
        (
            "It fell at the end of May 2023.",
            "the end of May 2023",
            "2023-05-31",
            "2023-05-21",
            "2023-05-31",
        ),
    ],
)
def test_beginning_and_end_of_month_move_the_coded_day(
    text: str, phrase: str, coded: str, first: str, last: str
) -> None:
    assert find(text) == [within(text, phrase, 3, coded, first, last)]


def test_may_the_verb_is_not_a_month() -> None:
    assert find("Russia may launch new attacks, and troops may have withdrawn.") == []


def test_may_the_surname_is_not_a_month() -> None:
    assert find("Theresa May said Britain stood with Kyiv.") == []


def test_lowercase_march_is_not_a_month() -> None:
    assert find("The march on Kyiv stalled.") == []


# --- periods --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        ("The offensive began in mid-2024.", "mid-2024", "2024-05-01", "2024-08-31"),
        ("The offensive began in late 2024.", "late 2024", "2024-09-01", "2024-12-31"),
        ("The offensive began in early 2025.", "early 2025", "2025-01-01", "2025-04-30"),
        ("Crimea was annexed in 2014.", "2014", "2014-01-01", "2014-12-31"),
        ("The counteroffensive came in summer 2023.", "summer 2023", "2023-06-01", "2023-08-31"),
        ("Mud slowed tanks in the spring.", "the spring", "2025-03-01", "2025-05-31"),
        ("The line held this summer.", "this summer", "2025-06-01", "2025-08-31"),
        ("Strikes hit the grid last winter.", "last winter", "2024-12-01", "2025-02-28"),
        ("Losses grew last year.", "last year", "2024-01-01", "2024-12-31"),
        ("Losses grew earlier this year.", "earlier this year", "2025-01-01", "2025-11-12"),
        (
            "Fog covered the front for the past three days.",
            "the past three days",
            "2025-11-09",
            "2025-11-12",
        ),
        (
            "Ukraine held the town from 2014 to 2022.",
            "from 2014 to 2022",
            "2014-01-01",
            "2022-12-31",
        ),
    ],
)
def test_periods(text: str, phrase: str, start: str, end: str) -> None:
    assert find(text) == [period(text, phrase, start, end)]


@pytest.mark.parametrize(
    ("text", "phrase", "start"),
    [
        ("Russia has advanced since February 2022.", "since February 2022", "2022-02-01"),
        ("The war has gone on since 2014.", "since 2014", "2014-01-01"),
        (
            "Millions fled since the start of the full-scale invasion.",
            "since the start of the full-scale invasion",
            "2022-02-24",
        ),
    ],
)
def test_since_runs_to_publication_and_is_part_of_the_span(
    text: str, phrase: str, start: str
) -> None:
    assert find(text) == [period(text, phrase, start, "2025-11-12")]


def test_recent_weeks_has_no_known_start() -> None:
    text = "Attacks rose in recent weeks."
    assert find(text) == [period(text, "recent weeks", None, "2025-11-12")]


def test_future_expressions_give_nothing() -> None:
    assert find("Talks resume next week, or tomorrow, or next Tuesday, or later this year.") == []


# --- durations --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Troops fought for more than a year.", "more than a year"),
        ("The town was shelled for two weeks.", "two weeks"),
        ("The siege lasted several months.", "several months"),
        ("Civilians hid in basements for weeks.", "weeks"),
        ("Both sides agreed a 30-day truce.", "30-day"),
    ],
)
def test_durations(text: str, phrase: str) -> None:
    assert find(text) == [duration(text, phrase)]


def test_rates_and_ages_are_not_durations() -> None:
    assert find("Russia fires 300 drones a day; a 20-year-old was hurt.") == []


# --- numbers that look like dates -----------------------------------------------------------------------


def test_counts_that_look_like_years_are_not_dates() -> None:
    assert find("Strikes killed 1,783 people, 2,022 soldiers were hurt and 1783 shells fell.") == []


def test_a_year_sized_count_of_a_plural_noun_is_not_a_year() -> None:
    assert find("Officials counted 2022 soldiers at the base.") == []


def test_ordinals_and_round_the_clock_are_not_dates() -> None:
    assert find("The 3rd Assault Brigade works 24/7.") == []


# --- invariants --------------------------------------------------------------------------------------------

MANY_EXPRESSIONS = (
    "On Sunday and late Tuesday, after February 29 and on 31 December, troops moved; last week, "
    "this weekend, this month, earlier this year, this winter, in May, in early December, the "
    "spring, since 2014, two weeks ago, the day after, a day later, the past 24 hours, mid-2024, "
    "later this week, next May and the 2030s were all mentioned."
)


@functools.cache
def many_expressions_doc() -> Doc:
    """Parsed once: the text is the same for every publication date hypothesis tries."""
    return nlp.parse_one(MANY_EXPRESSIONS)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=D("2001-01-01"), max_value=D("2035-12-31")))
def test_nothing_is_placed_after_publication(published: dt.date) -> None:
    for mention in dates.find(many_expressions_doc(), published):
        days = (mention.date, mention.start, mention.end)
        assert all(day is None or day <= published for day in days)
        assert mention.start is None or mention.end is None or mention.start <= mention.end


# --- the seed article -------------------------------------------------------------------------------------


@needs_shared
def test_seed_article_dates() -> None:
    body = SEED.read_text(encoding="utf-8").split(None, 2)[2]
    found = {(m.span.of(body), m.kind, m.date, m.precision) for m in find(body)}
    assert ("Wednesday", "date", D("2025-11-12"), 1) in found
    assert ("Late Tuesday", "date", D("2025-11-11"), 1) in found
    assert ("July 23", "date", D("2025-07-23"), 1) in found
    assert ("May 2023", "date", D("2023-05-15"), 3) in found
    assert ("February 2022", "date", D("2022-02-15"), 3) in found
    assert ("mid-2024", "period", None, None) in found
    assert ("more than a year", "duration", None, None) in found
    wednesdays = [m for m in find(body) if m.span.of(body) == "Wednesday"]
    assert len(wednesdays) == 2  # "said Wednesday" and "Moscow on Wednesday urged"
