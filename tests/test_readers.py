from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest

from fogwatch.errors import InputError
from fogwatch.ingest.readers import read
from fogwatch.records import RawArticle
from helpers import FIXTURES, dated

NOV_12 = dt.date(2025, 11, 12)


def read_all(*paths: Path | str, **options) -> list[RawArticle | InputError]:
    return list(read([str(path) for path in paths], **options))


def only_error(results: list[RawArticle | InputError]) -> InputError:
    assert len(results) == 1 and isinstance(results[0], InputError), results
    return results[0]


def test_dated_plain_text(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(dated("Kyiv said Wednesday that talks would resume."), encoding="utf-8")
    [article] = read_all(path)
    assert article == RawArticle(
        origin=str(path), text="Kyiv said Wednesday that talks would resume.", published=NOV_12
    )


def test_plain_body_takes_the_date_given(tmp_path: Path):
    path = tmp_path / "b.txt"
    path.write_text("Shelling hit Kherson overnight.", encoding="utf-8")
    [article] = read_all(path, published=NOV_12)
    assert article.published == NOV_12 and article.text == "Shelling hit Kherson overnight."


def test_plain_body_without_a_date_is_an_error_that_says_how_to_fix_it(tmp_path: Path):
    path = tmp_path / "c.txt"
    path.write_text("Shelling hit Kherson overnight.", encoding="utf-8")
    error = only_error(read_all(path))
    assert str(error) == (
        f"{path}: no publication date — start the file with 'date YYYY-MM-DD' or pass --date YYYY-MM-DD"
    )


@pytest.mark.parametrize("bad_date", ["2025-02-30", "yesterday", "2999-01-01", "1066-10-14"])
def test_impossible_dates_are_errors(tmp_path: Path, bad_date: str):
    path = tmp_path / "d.txt"
    path.write_text(dated("Body.", bad_date), encoding="utf-8")
    assert "date" in only_error(read_all(path)).problem


def test_jsonl_reports_bad_lines_by_number_and_keeps_the_rest(tmp_path: Path):
    lines = [
        json.dumps(
            {
                "id": "x1",
                "date": "2025-11-10",
                "source": "Steppe Post",
                "title": "T",
                "text": "One.",
            }
        ),
        "{not json",
        json.dumps({"published": "2025-11-11T06:00:00Z", "text": "Two."}),
        json.dumps(["a list"]),
        "",
        json.dumps({"date": "2025-11-11"}),
        json.dumps({"text": "No date."}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = read_all(path)
    articles = [r for r in results if isinstance(r, RawArticle)]
    errors = [str(r) for r in results if isinstance(r, InputError)]
    assert articles == [
        RawArticle(f"{path}:1", "One.", dt.date(2025, 11, 10), "Steppe Post", None, "T", "x1"),
        RawArticle(f"{path}:3", "Two.", dt.date(2025, 11, 11)),
    ]
    assert errors == [
        f"{path}:2: not JSON (Expecting property name enclosed in double quotes) — fix or remove the line",
        f"{path}:4: a JSON value that is not an object — write one object per line",
        f"{path}:6: no 'text' string — add the article body as 'text'",
        f"{path}:7: no 'date' or 'published' — add an ISO date or pass --date",
    ]


def test_html_page_gives_main_text_title_date_and_site():
    [article] = read_all(FIXTURES / "article.html")
    assert article.title == "Drone strike hits Kharkiv suburb"
    assert article.source == "Northern Wire"
    assert article.url == "https://example.org/kharkiv-drone-strike"
    assert article.published == dt.date(2025, 10, 14)
    assert article.text.startswith(
        "A Russian drone struck a residential street in a suburb of Kharkiv"
    )
    assert "\n\nOleh Syniehubov said" in article.text
    assert "Subscribe" not in article.text and "Copyright" not in article.text


def test_html_without_main_text_is_an_error():
    error = only_error(read_all(FIXTURES / "empty_page.html"))
    assert error.problem == "no main text found in the HTML"


def test_rss_gives_one_article_per_item_with_full_text_where_present():
    first, second = read_all(FIXTURES / "feed.rss")
    assert first.text == (
        "Russian artillery shelled Nikopol overnight, damaging a school, the regional administration said."
        "\n\nNo casualties were reported."
    )
    assert (first.source, first.title, first.published) == (
        "Steppe Post",
        "Shelling in Nikopol",
        dt.date(2025, 10, 14),
    )
    assert second.text.startswith("A river ferry resumed service near Kherson")
    assert second.origin.endswith("feed.rss#item2")


def test_atom_entry():
    [entry] = read_all(FIXTURES / "feed.atom")
    assert entry.url == "https://example.org/odesa-port" and entry.published == dt.date(
        2025, 10, 16
    )
    assert entry.text.startswith("The port of Odesa reopened on Thursday")


def test_directory_is_read_recursively_in_a_stable_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(dated("Second."), encoding="utf-8")
    (tmp_path / "1.txt").write_text(dated("First."), encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text(dated("Hidden."), encoding="utf-8")
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    results = read_all(tmp_path)
    assert [r.text if isinstance(r, RawArticle) else r.problem for r in results] == [
        "First.",
        "cannot read: No such file or directory",
        "Second.",
    ]


def test_standard_input_is_sniffed_as_jsonl_or_dated_text():
    jsonl = io.BytesIO(b'{"date": "2025-11-12", "text": "From a pipe."}\n')
    [article] = read_all("-", stdin=jsonl)
    assert (article.origin, article.text) == ("<stdin>:1", "From a pipe.")
    [article] = read_all("-", stdin=io.BytesIO(dated("Dated pipe.").encode()))
    assert (article.origin, article.text, article.published) == ("<stdin>", "Dated pipe.", NOV_12)


def test_non_utf8_binary_empty_and_oversized_files(tmp_path: Path):
    (tmp_path / "latin.txt").write_bytes(dated("Zaporizhzhia caf\xe9").encode("latin-1"))
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "huge.txt").write_text(dated("word " * 400), encoding="utf-8")
    problems = {Path(r.where).name: r.problem for r in read_all(tmp_path, max_bytes=1000)}
    assert problems == {
        "blob.txt": "binary file, not text",
        "empty.txt": "empty file",
        "huge.txt": "article text is 2,000 bytes, over the limit of 1,000",
        "latin.txt": "not UTF-8 (bad byte at offset 32)",
    }


def test_dated_file_with_an_empty_body(tmp_path: Path):
    (tmp_path / "blank.txt").write_text("date 2025-11-12   \n\n", encoding="utf-8")
    assert only_error(read_all(tmp_path / "blank.txt")).problem == "no article text"


def test_missing_path():
    assert only_error(read_all("/no/such/place.txt")).problem == "no such file or directory"
