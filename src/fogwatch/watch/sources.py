"""The three kinds of watched source, and what one poll of each finds new.

- `Feed`: an RSS or Atom URL, fetched conditionally; an item is new when its id (guid, else
  link) was not seen or its content changed. An item that carries only a summary is followed
  to its article page, whose main text trafilatura extracts (the summary is kept if that fails).
- `Folder`: files under a directory; an item is a file (by relative path), new when its bytes
  hash differently from the last time. Files still being written (changed in the last second)
  and hidden files wait for the next poll.
- `JsonLines`: a JSON Lines file that grows; complete lines after the position read so far.
  A file replaced (another inode) or truncated is read again from its start.

Articles come out as the readers make them (`ingest.readers`), so a watched item is the same
article `fogwatch ingest` would store from the same bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import time
import xml.sax
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fogwatch.errors import InputError
from fogwatch.ingest import readers
from fogwatch.records import RawArticle
from fogwatch.watch import fetch

SUMMARY_WORDS = 120
"""A feed item without full content whose summary is shorter than this is followed to its page."""
SETTLE_SECONDS = 1.0
"""A file changed more recently than this may still be being written: it waits a poll."""

Known = Callable[[Iterable[str]], dict[str, str]]
"""Content hash by item key, for the keys of a source seen already."""
Log = Callable[[str], None]


class SourceError(Exception):
    """A poll that failed as a whole: the one line to log before backing off."""


@dataclass(frozen=True)
class Item:
    """One new or changed item of a source and the articles (or errors) read from it."""

    key: str
    content_hash: str
    found: tuple[RawArticle | InputError, ...]


@dataclass
class Poll:
    """What one poll found, and the source state to keep once its items are stored."""

    items: list[Item] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    position: dict[str, Any] = field(default_factory=dict)


def _digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, default=str).encode("utf-8")).hexdigest()


def _placed(found: RawArticle | InputError, where: str) -> RawArticle | InputError:
    """The article or error with `where` as its origin (the readers saw only bytes)."""
    if isinstance(found, InputError):
        return InputError(where, found.problem, found.fix)
    return dataclasses.replace(found, origin=where)


class Feed:
    """An RSS or Atom feed at an http(s) URL."""

    kind = "feed"

    def __init__(self, url: str) -> None:
        self.name = url

    def poll(self, row: dict[str, Any], known: Known, log: Log) -> Poll:
        """Fetch the feed (conditionally) and read its new or changed items."""
        import feedparser

        try:
            answer = fetch.get(self.name, row.get("etag"), row.get("last_modified"))
        except fetch.FetchError as error:
            raise SourceError(str(error)) from None
        if answer.body is None:  # 304: nothing changed since the validators were issued
            return Poll(etag=answer.etag, last_modified=answer.last_modified)
        parsed = feedparser.parse(answer.body)
        # not well-formed XML: what feedparser salvages from it may be half an item
        if isinstance(parsed.get("bozo_exception"), xml.sax.SAXException):
            raise SourceError(f"malformed feed ({parsed.get('bozo_exception')})")
        if not parsed.entries:
            return Poll(etag=answer.etag, last_modified=answer.last_modified)
        read = list(readers.read(["-"], stdin=io.BytesIO(answer.body)))
        if len(read) != len(parsed.entries):
            raise SourceError("feed items could not be matched to their articles")
        entries = [(self._key(entry), self._hash(entry), entry) for entry in parsed.entries]
        seen = known(key for key, _, _ in entries)
        items = []
        for (key, digest, entry), found in zip(entries, read, strict=True):
            if seen.get(key) == digest:
                continue
            where = f"{self.name}#{key}"
            article = _placed(found, where)
            if isinstance(article, RawArticle) and self._summary_only(entry, article):
                article = self._follow(article, entry, log)
            items.append(Item(key, digest, (article,)))
        return Poll(items, answer.etag, answer.last_modified)

    @staticmethod
    def _key(entry: dict[str, Any]) -> str:
        key = entry.get("id") or entry.get("link")
        return str(key) if key else "sha256:" + _digest(entry.get("title"), entry.get("summary"))

    @staticmethod
    def _hash(entry: dict[str, Any]) -> str:
        contents = [part.get("value") for part in entry.get("content") or []]
        return _digest(entry.get("title"), entry.get("summary"), contents, entry.get("link"))

    @staticmethod
    def _summary_only(entry: dict[str, Any], article: RawArticle) -> bool:
        return (
            not entry.get("content")
            and bool(article.url)
            and len(article.text.split()) < SUMMARY_WORDS
        )

    def _follow(self, summary: RawArticle, entry: dict[str, Any], log: Log) -> RawArticle:
        """The article page's main text in place of the feed's summary, when it can be had."""
        assert summary.url is not None
        try:
            page = fetch.get(summary.url)
        except fetch.FetchError as error:
            log(f"{summary.origin}: article page not fetched ({error}) — kept the feed's summary")
            return summary
        assert page.body is not None
        (found,) = readers.read(["-"], published=summary.published, stdin=io.BytesIO(page.body))
        if isinstance(found, InputError):
            log(f"{summary.origin}: {found.problem} on the article page — kept the feed's summary")
            return summary
        return dataclasses.replace(
            found,
            origin=summary.origin,
            url=summary.url,
            title=found.title or summary.title,
            source=summary.source or found.source,
            external_id=summary.external_id,
            # the feed's date is the publisher's own statement; the page's may be a guess
            published=summary.published,
        )


class Folder:
    """A directory tree of article files (text, JSONL, HTML, feeds)."""

    kind = "folder"

    def __init__(self, path: str) -> None:
        self.name = str(Path(path).resolve())
        self._hashes: dict[str, tuple[tuple[int, int], str]] = {}  # path → (mtime_ns, size), hash

    def poll(self, row: dict[str, Any], known: Known, log: Log) -> Poll:
        """The files that are new or whose bytes changed since they were last ingested."""
        root = Path(self.name)
        if not root.is_dir():
            raise SourceError("no such folder")
        now = time.time()
        hashes: dict[str, str] = {}
        for path in self._files(root):
            try:
                stat = path.stat()
                if now - stat.st_mtime < SETTLE_SECONDS:
                    continue
                stamp = (stat.st_mtime_ns, stat.st_size)
                cached = self._hashes.get(str(path))
                if cached and cached[0] == stamp:
                    hashes[str(path)] = cached[1]
                    continue
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError as error:
                log(f"fogwatch: {path}: cannot read: {error.strerror} — check permissions")
                continue
            self._hashes[str(path)] = (stamp, digest)
            hashes[str(path)] = digest
        keys = {str(Path(path).relative_to(root)): path for path in hashes}
        seen = known(keys)
        items = [
            Item(key, hashes[path], tuple(readers.read([path])))
            for key, path in sorted(keys.items())
            if seen.get(key) != hashes[path]
        ]
        return Poll(items)

    @staticmethod
    def _files(root: Path) -> Iterable[Path]:
        for directory, subdirs, files in os.walk(root):
            subdirs[:] = sorted(name for name in subdirs if not name.startswith("."))
            for name in sorted(files):
                path = Path(directory) / name
                if not name.startswith(".") and path.suffix.lower() in readers.KNOWN_SUFFIXES:
                    yield path


class JsonLines:
    """A JSON Lines file that grows (one article per line, as `fogwatch ingest` reads them)."""

    kind = "jsonl"

    def __init__(self, path: str) -> None:
        self.name = str(Path(path).resolve())

    def poll(self, row: dict[str, Any], known: Known, log: Log) -> Poll:
        """The complete lines written after the position read so far."""
        try:
            with open(self.name, "rb") as stream:
                stat = os.fstat(stream.fileno())
                identity = f"{stat.st_dev}:{stat.st_ino}"
                position, lines = int(row.get("position") or 0), int(row.get("lines") or 0)
                if identity != row.get("file_identity") or stat.st_size < position:
                    position, lines = 0, 0  # replaced or truncated: a new file
                stream.seek(position)
                chunk = stream.read(max(0, min(stat.st_size - position, fetch.MAX_BYTES)))
        except OSError as error:
            raise SourceError(f"cannot read: {error.strerror}") from None
        end = chunk.rfind(b"\n") + 1  # a line without its newline may still be being written
        items = []
        offset = position
        for line in chunk[:end].splitlines(keepends=True):
            lines += 1
            if line.strip():
                items.append(self._item(line, lines, offset))
            offset += len(line)
        state = {"position": position + end, "lines": lines, "file_identity": identity}
        return Poll(items, position=state)

    def _item(self, line: bytes, number: int, offset: int) -> Item:
        where = f"{self.name}:{number}"
        if not line.lstrip().startswith(b"{"):
            error = InputError(where, "not a JSON object", "write one JSON object per line")
            return Item(f"@{offset}", hashlib.sha256(line).hexdigest(), (error,))
        found = [_placed(item, where) for item in readers.read(["-"], stdin=io.BytesIO(line))]
        return Item(f"@{offset}", hashlib.sha256(line).hexdigest(), tuple(found))


Source = Feed | Folder | JsonLines


def source(given: str) -> Source:
    """The watched source `given` names: an http(s) URL is a feed, a directory a folder, any
    other path a JSON Lines file (it may not exist yet)."""
    if given.lower().startswith(("http://", "https://")):
        return Feed(given)
    if Path(given).is_dir():
        return Folder(given)
    return JsonLines(given)
