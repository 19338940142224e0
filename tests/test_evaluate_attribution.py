"""evaluate.attribution: reading PolNeAR-style JSONL, and span scores on hand-made attributions.

The finder here is a plain function returning fixed attributions, so every score below is worked
out by hand in the comments. One test runs the real pipeline through the CLI on a tiny fixture.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fogwatch.claims.attribution import Attribution
from fogwatch.cli import app
from fogwatch.errors import InputError
from fogwatch.evaluate.attribution import (
    GoldDocument,
    evaluate,
    load_jsonl,
    match,
    span_set,
)
from fogwatch.records import Span
from helpers import FIXTURES

SCORE_KEYS = {"p", "r", "f1", "f1_overlap", "f1_any"}


def at(text: str, words: str, after: int = 0) -> dict:
    """A gold span object for the first `words` in `text` from `after`."""
    start = text.index(words, after)
    return {"start": start, "end": start + len(words), "text": words}


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


def said(text: str, cue: str, sources: Sequence[str], contents: Sequence[str]) -> Attribution:
    """A predicted attribution from the words of its parts."""
    return Attribution(
        cue=span(text, cue),
        cue_lemma=cue,
        cue_class="assert",
        stance="affirm",
        sources=tuple(span(text, s) for s in sources),
        contents=tuple(span(text, c) for c in contents),
        direct=False,
        source_actor=None,
    )


def write(tmp_path: Path, records: Sequence[dict | str]) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def scored(
    tmp_path: Path, records: Sequence[dict], predicted: Sequence[Sequence[Attribution]]
) -> dict:
    documents = load_jsonl(write(tmp_path, records))
    assert len(documents) == len(predicted)
    return evaluate(documents, lambda texts: predicted)


# --- reading ------------------------------------------------------------------------------------


def test_a_part_is_trimmed_of_punctuation_and_spaces_unless_that_empties_it() -> None:
    text = "He said: “We hold.”"
    assert span_set(text, [Span(8, 19)]).chars == frozenset(range(10, 17))  # We hold
    assert span_set(text, [Span(7, 8)]).chars == frozenset({7})  # a colon cue stays


def test_discontinuous_parts_are_one_character_set_however_they_are_written(
    tmp_path: Path,
) -> None:
    text = "The bridge, officials said, was destroyed."
    as_list = [at(text, "The bridge"), at(text, "was destroyed")]
    parallel = {
        "start": [part["start"] for part in as_list],
        "end": [part["end"] for part in as_list],
    }
    quote = {"id": "Q", "has_source": True, "cue": at(text, "said")}
    records = [
        {"text": text, "quotes": [{**quote, "sources": [at(text, "officials")], "contents": c}]}
        for c in (as_list, parallel)
    ]
    first, second = load_jsonl(write(tmp_path, records))
    assert first.attributions[0].content == second.attributions[0].content
    assert first.attributions[0].content == frozenset(range(0, 10)) | frozenset(range(28, 41))


def test_a_quote_without_source_has_no_source_and_an_empty_one_is_skipped(tmp_path: Path) -> None:
    text = "Dozens of soldiers reportedly crossed the river."
    quotes = [
        {
            "id": "Q1",
            "has_source": False,
            "cue": at(text, "reportedly"),
            "contents": [at(text, text[:-1])],
        },
        {"id": "Q2", "has_source": False},
    ]
    [document] = load_jsonl(write(tmp_path, [{"text": text, "quotes": quotes}]))
    assert isinstance(document, GoldDocument)
    [only] = document.attributions
    assert (only.id, only.source) == ("Q1", frozenset())


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not JSON"),
        ('{"quotes": []}', "no `text` string"),
        ('{"text": "abc", "quotes": [{"id": "Q", "cue": {"start": 1, "end": 9}}]}', "outside"),
        (
            '{"text": "abc", "quotes": [{"id": "Q", "cue": {"start": 0, "end": 2, "text": "bc"}}]}',
            "covers",
        ),
    ],
)
def test_a_bad_line_names_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = write(tmp_path, [{"text": "fine", "quotes": []}, line])
    with pytest.raises(InputError) as error:
        load_jsonl(path)
    assert error.value.where == f"{path}:2"
    assert problem in error.value.problem


# --- scoring ------------------------------------------------------------------------------------


def test_exact_overlapping_and_lenient_content_matches(tmp_path: Path) -> None:
    text = "Officials said the town had fallen after heavy shelling overnight."
    content = "the town had fallen after heavy shelling overnight"
    gold = {
        "text": text,
        "quotes": [
            {
                "id": "Q",
                "has_source": True,
                "cue": at(text, "said"),
                "sources": [at(text, "Officials")],
                "contents": [at(text, content)],
            }
        ],
    }
    predicted = [
        [said(text, "said", ["Officials"], [content + "."])],  # exact once "." is trimmed
        [said(text, "said", ["Officials"], ["the town had fallen after heavy shelling"])],  # IoU .8
        [said(text, "said", ["Officials"], ["the town"])],  # IoU .16: shares characters only
    ]
    result = scored(tmp_path, [gold, gold, gold], predicted)
    third = round(1 / 3, 4)
    assert result["content"] == {
        "p": third,
        "r": third,
        "f1": third,
        "f1_overlap": round(2 / 3, 4),
        "f1_any": 1.0,
    }
    assert result["cue"] == dict.fromkeys(SCORE_KEYS, 1.0)
    # sources agree on the two overlapping content matches
    assert result["source_accuracy"] == 1.0
    assert (result["docs"], result["gold"], result["predicted"]) == (3, 3, 3)


def test_each_gold_and_each_prediction_is_matched_once(tmp_path: Path) -> None:
    text = "Kyiv said the town had fallen."
    quote = {
        "has_source": True,
        "cue": at(text, "said"),
        "sources": [at(text, "Kyiv")],
        "contents": [at(text, "the town had fallen")],
    }
    # two annotations of one attribution, one prediction: one hit
    gold = {"text": text, "quotes": [{"id": "Q1", **quote}, {"id": "Q2", **quote}]}
    result = scored(tmp_path, [gold], [[said(text, "said", ["Kyiv"], ["the town had fallen"])]])
    assert result["cue"]["p"] == 1.0
    assert result["cue"]["r"] == 0.5


def test_the_matching_is_maximal_not_greedy() -> None:
    wide, narrow = frozenset(range(10)), frozenset(range(3))
    left, right = frozenset(range(3)), frozenset(range(5, 10))
    # `left` touches both golds; taking it for `wide` would leave `narrow` without a partner
    pairs = match([(0, wide), (1, narrow)], [(0, left), (1, right)], lambda a, b: bool(a & b))
    assert pairs == [(0, 1), (1, 0)]


def test_sources_count_only_where_there_is_one_and_their_accuracy_needs_both_absent(
    tmp_path: Path,
) -> None:
    text = "Dozens of soldiers reportedly crossed the river."
    content = "Dozens of soldiers reportedly crossed the river"
    gold = {
        "text": text,
        "quotes": [
            {
                "id": "Q",
                "has_source": False,
                "cue": at(text, "reportedly"),
                "contents": [at(text, content)],
            }
        ],
    }
    right = said(text, "reportedly", [], [content])
    wrong = said(text, "reportedly", ["Dozens of soldiers"], [content])
    assert scored(tmp_path, [gold], [[right]])["source"] == dict.fromkeys(SCORE_KEYS, 0.0)
    assert scored(tmp_path, [gold], [[right]])["source_accuracy"] == 1.0
    result = scored(tmp_path, [gold], [[wrong]])
    assert result["source"]["p"] == 0.0  # a source where the gold has none
    assert result["source_accuracy"] == 0.0


def test_predictions_sharing_a_cue_are_one_attribution(tmp_path: Path) -> None:
    text = "“We hold,” he said. “We will not retreat.”"
    gold = {
        "text": text,
        "quotes": [
            {
                "id": "Q",
                "has_source": True,
                "cue": at(text, "said"),
                "sources": [at(text, "he")],
                "contents": [at(text, "We hold"), at(text, "We will not retreat")],
            }
        ],
    }
    predicted = [
        said(text, "said", ["he"], ["We hold"]),
        said(text, "said", ["he"], ["We will not retreat"]),
    ]
    result = scored(tmp_path, [gold], [predicted])
    assert result["predicted"] == 1
    assert result["content"] == dict.fromkeys(SCORE_KEYS, 1.0)


# --- the command ----------------------------------------------------------------------------------


def test_eval_attribution_prints_the_documented_json() -> None:
    result = CliRunner().invoke(
        app, ["eval", "attribution", str(FIXTURES / "attribution_tiny.jsonl"), "--json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert list(scores) == [
        "docs",
        "gold",
        "predicted",
        "cue",
        "source",
        "content",
        "source_accuracy",
    ]
    # the fixture's three sentences: indirect speech, a split reporting clause, "reportedly"
    assert (scores["docs"], scores["gold"], scores["predicted"]) == (3, 3, 3)
    for role in ("cue", "source", "content"):
        assert scores[role] == dict.fromkeys(SCORE_KEYS, 1.0)
    assert scores["source_accuracy"] == 1.0


def test_eval_attribution_reports_a_bad_line_and_fails(tmp_path: Path) -> None:
    path = write(tmp_path, [{"text": "fine", "quotes": []}, "{not json"])
    result = CliRunner().invoke(app, ["eval", "attribution", str(path)])
    assert result.exit_code == 1
    assert f"fogwatch: {path}:2: not JSON" in result.output
