"""Readers: turn files, directories, JSON Lines, HTML pages, feeds and stdin into `RawArticle`s.

`read(paths)` yields, in a stable order, either a `RawArticle` or an `InputError` for each input
it could not use, so one bad file or line never stops the batch.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from fogwatch import config
from fogwatch.errors import InputError
from fogwatch.records import RawArticle

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
MIN_HTML_WORDS = 15
"""Fewer words of main text than this means the page is navigation, not an article."""
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES

_DATED_HEADER = re.compile(r"\A\s*date\s+(\S+)\s*")
_EARLIEST = dt.date(1900, 1, 1)

ReadResult = RawArticle | InputError


def read(
    paths: Iterable[str],
    published: dt.date | None = None,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[ReadResult]:
    """Yield every article in `paths` (files, directories, or `-` for standard input).

    `published` is the date for bodies that carry none; `max_bytes` caps one article's text.
    """
    limit = config.max_bytes(max_bytes)
    for given in paths:
        if given == "-":
            data = (stdin or sys.stdin.buffer).read()
            found = _read_bytes("<stdin>", data, None, published, limit)
        elif Path(given).is_dir():
            found = _read_directory(Path(given), published, limit)
        elif Path(given).exists():
            found = _read_file(Path(given), published, limit)
        else:
            found = iter([InputError(given, "no such file or directory", "check the path")])
        yield from map(_encodable, found)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(item: ReadResult) -> ReadResult:
    """The article, or an error when a field holds an unpaired UTF-16 surrogate: JSON escapes
    ("\\ud800") and feed character references can carry one, and no store can encode it."""
    if isinstance(item, InputError):
        return item
    for name in ("text", "title", "source", "url", "external_id"):
        value = getattr(item, name)
        bad = _SURROGATE.search(value) if value else None
        if bad:
            return InputError(
                item.origin,
                f"{name} holds an unpaired surrogate U+{ord(bad.group()):04X} at character {bad.start()}",
                "fix the \\u escape (a surrogate needs its pair) or remove it",
            )
    return item


def _read_directory(root: Path, published: dt.date | None, limit: int) -> Iterator[ReadResult]:
    def on_error(error: OSError) -> None:
        failures.append(
            InputError(str(error.filename), f"cannot list: {error.strerror}", "check permissions")
        )

    failures: list[InputError] = []
    for directory, subdirs, files in os.walk(root, onerror=on_error):
        subdirs.sort()
        yield from failures
        failures.clear()
        for name in sorted(files):
            path = Path(directory) / name
            if name.startswith(".") or path.suffix.lower() not in KNOWN_SUFFIXES:
                continue
            yield from _read_file(path, published, limit)
    yield from failures


def _read_file(path: Path, published: dt.date | None, limit: int) -> Iterator[ReadResult]:
    suffix = path.suffix.lower()
    try:
        if path.stat().st_size == 0:
            yield InputError(str(path), "empty file", "remove it or fill it")
            return
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                yield from _read_jsonl(str(path), stream, published, limit)
            return
        size = path.stat().st_size
        if size > 4 * limit:  # markup can be bulkier than the text it holds
            yield InputError(
                str(path),
                f"file is {size:,} bytes, over the limit of {limit:,}",
                "split it, or raise the limit with --max-bytes or FOGWATCH_MAX_BYTES",
            )
            return
        data = path.read_bytes()
    except OSError as error:
        yield InputError(
            str(path), f"cannot read: {error.strerror}", "check that it exists and is readable"
        )
        return
    yield from _read_bytes(str(path), data, suffix, published, limit)


def _read_bytes(
    where: str, data: bytes, suffix: str | None, published: dt.date | None, limit: int
) -> Iterator[ReadResult]:
    if not data.strip():
        yield InputError(where, "empty file", "remove it or fill it")
        return
    if suffix is None or suffix not in KNOWN_SUFFIXES:
        suffix = _sniff(data)
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(where, io.BytesIO(data), published, limit)
        return
    try:
        text = _decode(where, data)
        if suffix in HTML_SUFFIXES:
            yield _read_html(where, text, published, limit)
        elif suffix in FEED_SUFFIXES:
            yield from _read_feed(where, text, published, limit)
        else:
            yield _read_text(where, text, published, limit)
    except InputError as error:
        yield error


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return ".jsonl"
    if head.startswith(b"<"):
        feed_marks = (b"<rss", b"<feed", b"<rdf:rdf")
        return ".xml" if any(mark in head for mark in feed_marks) else ".html"
    return ".txt"


def _decode(where: str, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(where, "binary file, not text", "pass text, JSONL, HTML or a feed")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            where,
            f"not UTF-8 (bad byte at offset {error.start})",
            "re-encode it, e.g. `iconv -f WINDOWS-1252 -t UTF-8`",
        ) from None


def _checked_body(where: str, text: str, limit: int) -> str:
    if not text.strip():
        raise InputError(where, "no article text", "skip it or supply the body")
    size = len(text.encode("utf-8", "surrogatepass"))  # surrogates are refused by `_encodable`
    if size > limit:
        raise InputError(
            where,
            f"article text is {size:,} bytes, over the limit of {limit:,}",
            "split it, or raise the limit with --max-bytes or FOGWATCH_MAX_BYTES",
        )
    return text


def parse_date(where: str, value: object) -> dt.date:
    """An ISO date (or the date of an ISO datetime) that is neither absurdly old nor in the future."""
    text = value.strip() if isinstance(value, str) else None
    try:
        date = dt.datetime.fromisoformat(text).date() if text else None
    except ValueError:
        date = None
    if date is None:
        raise InputError(where, f"publication date {value!r} is not an ISO date", "use YYYY-MM-DD")
    if not _EARLIEST <= date <= dt.date.today() + dt.timedelta(days=1):
        raise InputError(where, f"impossible publication date {text!r}", "fix the date")
    return date


def _read_text(where: str, text: str, published: dt.date | None, limit: int) -> RawArticle:
    header = _DATED_HEADER.match(text)
    if header:
        date = parse_date(where, header.group(1))
        body = text[header.end() :]
    elif published is not None:
        date, body = published, text
    else:
        raise InputError(
            where,
            "no publication date",
            "start the file with 'date YYYY-MM-DD' or pass --date YYYY-MM-DD",
        )
    return RawArticle(origin=where, text=_checked_body(where, body, limit), published=date)


def _read_jsonl(
    where: str, stream: BinaryIO, published: dt.date | None, limit: int
) -> Iterator[ReadResult]:
    for number, line in enumerate(stream, start=1):
        place = f"{where}:{number}"
        if not line.strip():
            continue
        try:
            yield _jsonl_article(place, line, published, limit)
        except InputError as error:
            yield error


def _jsonl_article(place: str, line: bytes, published: dt.date | None, limit: int) -> RawArticle:
    if len(line) > 2 * limit + 4096:
        raise InputError(place, f"line is {len(line):,} bytes, over the limit", "split the article")
    try:
        record = json.loads(_decode(place, line))
    except json.JSONDecodeError as error:
        raise InputError(place, f"not JSON ({error.msg})", "fix or remove the line") from None
    if not isinstance(record, dict):
        raise InputError(place, "a JSON value that is not an object", "write one object per line")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(place, "no 'text' string", "add the article body as 'text'")
    date_value = record.get("date", record.get("published"))
    if date_value is None and published is None:
        raise InputError(place, "no 'date' or 'published'", "add an ISO date or pass --date")
    date = parse_date(place, date_value) if date_value is not None else published
    assert date is not None
    return RawArticle(
        origin=place,
        text=_checked_body(place, text, limit),
        published=date,
        source=_optional_string(record, "source"),
        url=_optional_string(record, "url"),
        title=_optional_string(record, "title"),
        external_id=_optional_string(record, "id"),
    )


def _optional_string(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    return str(value)


def _read_html(where: str, html: str, published: dt.date | None, limit: int) -> RawArticle:
    import trafilatura
    import trafilatura.settings

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # Only dates the page states; the extensive search guesses from copyright lines.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not isinstance(document, trafilatura.settings.Document):
        raise InputError(
            where, "no main text found in the HTML", "check that it is an article page"
        )
    lines = [line.strip() for line in (document.text or "").splitlines()]
    if lines and document.title and lines[0] == document.title.strip():
        lines = lines[1:]  # the headline is kept as the title, not repeated in the body
    body = "\n\n".join(line for line in lines if line)
    if len(body.split()) < MIN_HTML_WORDS:
        raise InputError(
            where, "no main text found in the HTML", "check that it is an article page"
        )
    date = _date_or_default(where, document.date, published)
    return RawArticle(
        origin=where,
        text=_checked_body(where, body, limit),
        published=date,
        source=document.sitename or document.hostname,
        url=document.url,
        title=document.title,
    )


def _date_or_default(where: str, value: str | None, published: dt.date | None) -> dt.date:
    if value:
        return parse_date(where, value)
    if published is not None:
        return published
    raise InputError(where, "no publication date found", "pass --date YYYY-MM-DD")


def _read_feed(where: str, xml: str, published: dt.date | None, limit: int) -> Iterator[ReadResult]:
    import feedparser

    try:
        feed = feedparser.parse(xml)
    except ValueError as error:  # e.g. "&#xD800;": feedparser re-encodes a lone surrogate
        yield InputError(
            where, f"unreadable feed ({error})", "check that it is an RSS or Atom feed"
        )
        return
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield InputError(where, f"no feed items{reason}", "check that it is an RSS or Atom feed")
        return
    site = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        place = f"{where}#item{number}"
        try:
            yield _feed_article(place, entry, site, published, limit)
        except InputError as error:
            yield error


def _feed_article(
    place: str, entry: dict, site: str | None, published: dt.date | None, limit: int
) -> RawArticle:
    contents = entry.get("content") or []
    markup = contents[0].get("value") if contents else entry.get("summary", "")
    body = _html_to_text(markup or "")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if stamp:
        date = parse_date(place, dt.date(*stamp[:3]).isoformat())
    elif published is not None:
        date = published
    else:
        raise InputError(place, "feed item has no date", "pass --date YYYY-MM-DD")
    return RawArticle(
        origin=place,
        text=_checked_body(place, body, limit),
        published=date,
        source=site,
        url=entry.get("link"),
        title=entry.get("title"),
        external_id=entry.get("id"),
    )


def _html_to_text(markup: str) -> str:
    """Paragraph text of an HTML fragment, one blank line between blocks."""
    if "<" not in markup:
        return markup
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except Exception:  # lxml raises several types on broken markup; fall back to raw text
        return re.sub(r"<[^>]+>", " ", markup)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks = root.xpath("//p|//li|//h1|//h2|//h3")
    if not blocks:
        return root.text_content()
    return "\n\n".join(
        block.text_content().strip() for block in blocks if block.text_content().strip()
    )
