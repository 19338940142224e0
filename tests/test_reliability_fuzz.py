"""Fuzzing with hypothesis: readers, cleaner, date and quantity finders, and the API's parameters.

The contract under test (DESIGN.md, "What good looks like on bad input"): whatever the bytes, a
reader yields articles or `InputError`s — one line each, naming the input, saying what to do —
and never raises; the language stages never raise and only emit spans inside the text; the API
answers a bad parameter with 422 and a reason, never 5xx. Examples are few and small so this
file runs in seconds; tests/test_clean.py and tests/test_api.py hold the neighbouring checks.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fogwatch
from fogwatch.api import create_app
from fogwatch.errors import InputError
from fogwatch.ingest import readers
from fogwatch.ingest.clean import OffsetMap, clean
from fogwatch.language import dates, nlp, quantities
from fogwatch.records import RawArticle, Span
from helpers import PARAPHRASE

LIMIT = 4_000
"""A small --max-bytes, so "huge" inputs stay cheap to generate."""
FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

words = st.sampled_from(
    [
        "Russian",
        "forces",
        "shelled",
        "Pokrovsk",
        "Kharkiv",
        "on",
        "Tuesday",
        "July",
        "23",
        "May",
        "2023",
        "mid-2024",
        "about",
        "150,000",
        "troops",
        "killed",
        "at",
        "least",
        "12",
        "people",
        "several",
        "hundred",
        "soldiers",
        "dozens",
        "of",
        "civilians",
        "last",
        "week",
        "yesterday",
        "since",
        "February",
        "2022",
        "said",
        "claimed",
        "denied",
        "the",
        "Kremlin",
        "Kyiv",
        "Moscow",
        "10%",
        "a",
        "third",
        "(",
        "Photo:",
        "Reuters",
        ")",
        "5",
        "View",
        "gallery",
        "Share",
        "this",
        "article",
        "date",
        "2025-11-12",
        "2025-13-40",
        "\xad",
        "\u200b",
        "“quoted”",
        "—",
        "…",
        "<p>",
        "</p>",
        "&",
        "&amp;",
        "&#xD800;",
        "\\ud800",
    ]
)
noise = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
prose = st.lists(st.one_of(words, words, noise), max_size=60).map(" ".join)


def _truncated_utf8(text: str) -> bytes:
    data = text.encode("utf-8")
    return data[: max(0, len(data) - 1)]  # may cut a multi-byte character in half


def _jsonl(records: list[dict[str, object]]) -> bytes:
    return "\n".join(json.dumps(r) for r in records).encode()  # surrogates become \\u escapes


surrogate_text = st.text(st.characters(min_codepoint=0xD7F0, max_codepoint=0xE010), max_size=8)
json_value = st.one_of(
    surrogate_text,
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    prose,
    st.lists(st.integers()),
)
jsonl_records = st.lists(
    st.fixed_dictionaries(
        {
            "text": st.one_of(prose, json_value),
            "date": st.one_of(
                st.dates(dt.date(1950, 1, 1), dt.date(2025, 1, 1)).map(str), json_value
            ),
        },
        optional={
            "published": st.one_of(st.datetimes().map(str), json_value),
            "title": json_value,
            "source": json_value,
            "url": json_value,
            "id": json_value,
        },
    ),
    max_size=5,
).map(_jsonl)
html_pages = st.tuples(prose, prose, st.dates().map(str)).map(
    lambda parts: (
        f"<html><head><title>{parts[0]}</title><meta property='article:published_time' "
        f"content='{parts[2]}'></head><body><article><p>{parts[1]}</p><p>{parts[1]}</p>"
        f"</article></body></html>"
    ).encode()
)
feeds = st.lists(st.tuples(prose, prose, st.dates()), max_size=4).map(
    lambda items: (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
        + "".join(
            f"<item><title>{t}</title><description>{d}</description>"
            f"<pubDate>{day.strftime('%a, %d %b %Y')} 10:00:00 GMT</pubDate></item>"
            for t, d, day in items
        )
        + "</channel></rss>"
    ).encode("utf-8", "replace")
)
payloads = st.one_of(
    st.binary(max_size=600),
    prose.map(lambda text: text.encode("utf-8")),
    prose.map(lambda text: f"date 2025-11-12 {text}".encode()),
    prose.map(lambda text: _truncated_utf8(f"date 2025-11-12 {text}")),
    st.integers(LIMIT, 3 * LIMIT).map(lambda n: b"date 2025-11-12 " + b"word " * (n // 5)),
    st.integers(LIMIT, 3 * LIMIT).map(lambda n: _jsonl([{"text": "x" * n, "date": "2025-11-12"}])),
    jsonl_records,
    html_pages,
    feeds,
)
suffixes = st.sampled_from([".txt", ".jsonl", ".ndjson", ".html", ".htm", ".rss", ".atom", ".xml"])


def _assert_contract(results: list[readers.ReadResult], where: str) -> None:
    for item in results:
        if isinstance(item, InputError):
            message = str(item)
            assert "\n" not in message and "\r" not in message, message
            assert item.where.startswith(where), (item.where, where)
            assert item.problem and item.fix and " — " in message
        else:
            assert isinstance(item, RawArticle)
            assert item.text.strip()
            assert len(item.text.encode("utf-8")) <= LIMIT  # encodable, and within the limit
            assert dt.date(1900, 1, 1) <= item.published <= dt.date.today() + dt.timedelta(days=1)
            for value in (item.title, item.source, item.url, item.external_id):
                assert value is None or isinstance(value.encode("utf-8"), bytes)


@FUZZ
@given(data=payloads, suffix=suffixes)
def test_every_reader_yields_articles_or_one_line_errors(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    _assert_contract(list(readers.read([str(path)], max_bytes=LIMIT)), str(path))
    from_stdin = list(readers.read(["-"], max_bytes=LIMIT, stdin=io.BytesIO(data)))
    _assert_contract(from_stdin, "<stdin>")


@FUZZ
@given(data=jsonl_records)
def test_jsonl_lines_yield_articles_or_one_line_errors(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "input.jsonl"
    path.write_bytes(data)
    _assert_contract(list(readers.read([str(path)], max_bytes=LIMIT)), str(path))


@settings(FUZZ, max_examples=25)
@given(
    files=st.lists(
        st.tuples(st.sampled_from(["a", "b/c", "b/.hidden", "d/e/f"]), suffixes, payloads),
        max_size=6,
    )
)
def test_directories_of_mixed_files_never_stop_the_batch(
    tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, str, bytes]]
) -> None:
    root = tmp_path_factory.mktemp("tree")
    for number, (name, suffix, data) in enumerate(files):
        path = root / f"{name}{number}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    results = list(readers.read([str(root)], published=dt.date(2025, 11, 12), max_bytes=LIMIT))
    _assert_contract(results, str(root))
    visible = [name for name, _, _ in files if not name.endswith(".hidden")]
    assert len(results) >= len(visible)  # every visible file gave at least one result


def test_unpaired_surrogate_escape_in_jsonl_is_an_input_error(tmp_path: Path) -> None:
    """Found by the fuzzer: json.loads accepts "\\ud800", and the store then crashed encoding it."""
    path = tmp_path / "bad.jsonl"
    good = {"date": "2025-11-12", "text": "Shelling hit Kharkiv on Tuesday."}
    path.write_text(
        '{"date": "2025-11-12", "text": "Shelling hit \\ud800 Kharkiv."}\n'
        '{"date": "2025-11-12", "text": "ok", "source": "Wire \\udfff"}\n' + json.dumps(good) + "\n"
    )
    results = list(readers.read([str(path)]))
    assert [str(r) for r in results[:2]] == [
        f"{path}:1: text holds an unpaired surrogate U+D800 at character 13 — fix the \\u escape "
        "(a surrogate needs its pair) or remove it",
        f"{path}:2: source holds an unpaired surrogate U+DFFF at character 5 — fix the \\u escape "
        "(a surrogate needs its pair) or remove it",
    ]
    assert isinstance(results[2], RawArticle)
    with fogwatch.open(f"sqlite:///{tmp_path / 's.db'}") as store:
        summary = store.ingest([str(path)])
    assert (summary.failed, summary.new) == (2, 1)


# --- cleaner: beyond tests/test_clean.py (which fuzzes word and debris lists) ------------------

any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=400)
debris_heavy = st.lists(
    st.one_of(
        st.sampled_from(
            ["( Photo: X )", "View gallery", "\n", "\r\n", "\t", "\u2028", "\u00a0", "Share"]
        ),
        any_text,
    ),
    max_size=30,
).map("".join)


@FUZZ
@given(raw=st.one_of(any_text, debris_heavy), cut=st.data())
def test_any_clean_span_maps_back_to_the_raw_text(raw: str, cut: st.DataObject) -> None:
    text, runs = clean(raw)
    offsets = OffsetMap(runs)
    assert offsets.length == len(text)
    for run in runs:  # runs are ordered, disjoint and identical text
        assert (
            text[run.clean_start : run.clean_start + run.length]
            == raw[run.raw_start : run.raw_start + run.length]
        )
    if not text:
        return
    start = cut.draw(st.integers(0, len(text) - 1))
    end = cut.draw(st.integers(start + 1, len(text)))
    raw_span = offsets.span_to_raw(Span(start, end))
    covered = raw[raw_span.start : raw_span.end]
    assert covered[0] == text[start] and covered[-1] == text[end - 1]
    kept = iter(covered)
    assert all(char in kept for char in text[start:end])  # clean span: a subsequence of raw
    assert text == text.strip()


# --- dates and quantities ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def parse():
    nlp.load()
    return nlp.parse_one


@settings(FUZZ, max_examples=80)
@given(text=prose, published=st.dates(dt.date(1950, 1, 1), dt.date(2035, 12, 31)))
def test_dates_and_quantities_never_raise_and_stay_inside_the_text(
    parse, text: str, published: dt.date
) -> None:
    doc = parse(text)
    for mention in dates.find(doc, published):
        assert 0 <= mention.span.start < mention.span.end <= len(text)
        assert text[mention.span.start : mention.span.end].strip()
        for day in (mention.date, mention.start, mention.end):
            assert day is None or day <= published  # nothing resolves after publication
    for quantity in quantities.find(doc):
        assert 0 <= quantity.span.start < quantity.span.end <= len(text)
        assert quantity.low <= quantity.best <= quantity.high
        assert quantity.unit


# --- API query parameters ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('api-fuzz') / 's.db'}"
    with fogwatch.open(url) as store:
        assert store.ingest([str(PARAPHRASE)]).failed == 0
    with TestClient(create_app(url), raise_server_exceptions=False) as test_client:
        yield test_client


PARAMETERS = {
    "/events": (
        "since",
        "until",
        "bbox",
        "sub_type",
        "actor",
        "side",
        "place",
        "modality",
        "min_credibility",
        "group",
        "limit",
        "offset",
        "format",
    ),
    "/claims": (
        "contested",
        "status",
        "place",
        "source",
        "side",
        "since",
        "until",
        "article_id",
        "limit",
        "offset",
        "format",
    ),
    "/articles": ("search", "since", "until", "limit", "offset"),
    "/places": ("search", "country", "limit"),
    "/links": ("claim_id", "relation", "format"),
}
hostile = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "-1",
            "0",
            "1e309",
            "NaN",
            "9" * 40,
            "2025-02-30",
            "0000-01-01",
            "'; DROP TABLE x; --",
            "%00",
            "\x00",
            "1,2,3,4",
            "-180,-90,180,90",
            "nan,nan,nan,nan",
        ]
    ),
)


@FUZZ
@given(
    path=st.sampled_from(sorted(PARAMETERS)),
    data=st.data(),
)
def test_query_parameters_give_answers_or_422_never_5xx(
    client: TestClient, path: str, data: st.DataObject
) -> None:
    names = data.draw(
        st.lists(st.sampled_from(PARAMETERS[path]), min_size=1, max_size=3, unique=True)
    )
    params = {name: data.draw(hostile) for name in names}
    response = client.get(path, params=params)
    assert response.status_code in (200, 422), (
        path,
        params,
        response.status_code,
        response.text[:300],
    )
    if response.status_code == 422:
        assert response.json()["detail"]


@FUZZ
@given(segment=st.text(max_size=120))
def test_path_parameters_give_answers_or_4xx_never_5xx(client: TestClient, segment: str) -> None:
    from urllib.parse import quote

    for prefix in ("/articles/", "/places/"):
        response = client.get(prefix + quote(segment, safe=""))
        assert response.status_code in (200, 404, 405, 422), (prefix, segment, response.text[:300])


def test_feed_with_a_surrogate_character_reference_is_an_input_error(tmp_path: Path) -> None:
    """Found by the fuzzer: feedparser raised UnicodeEncodeError on "&#xD800;", ending the batch."""
    feed = tmp_path / "bad.rss"
    feed.write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>W</title><item>"
        "<title>a &#xD800; b</title><description>Shelling hit Kharkiv.</description>"
        "<pubDate>Tue, 11 Nov 2025 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    good = tmp_path / "good.txt"
    good.write_text("date 2025-11-12 Shelling hit Kharkiv on Tuesday.")
    results = list(readers.read([str(feed), str(good)]))
    assert isinstance(results[0], InputError) and isinstance(results[1], RawArticle)
    assert str(results[0]).startswith(f"{feed}: unreadable feed (")
    assert str(results[0]).endswith(" — check that it is an RSS or Atom feed")
