"""evaluate.events: reading CASE 2021 task 2 TSV files, and F1 scores on a hand-built confusion.

The classifier here is a plain function returning fixed rankings, so every score below is worked
out by hand in the comments.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from fogwatch.errors import InputError
from fogwatch.evaluate.events import NO_LABEL, evaluate, evaluate_production, load_tsv, scores
from fogwatch.records import Actor, Event, Fatalities

# id, snippet, gold code, and the ranking the fake classifier returns (best first)
CASES = [
    ("1", "police detained the party leader", "ARREST", ["Arrests"]),
    ("2", "men in uniform took the mayor away", "ARREST", ["Abduction/forced disappearance"]),
    ("3", "gunmen kidnapped two engineers", "ABDUCT_DISSAP", ["Abduction/forced disappearance"]),
    ("4", "a cartel shot a rival boss", "ORG_CRIME", ["Organized crime"]),
    ("5", "the envoys met in the capital", "DIPLO", ["Agreement", "Diplomatic event"]),
    ("6", "teachers marched for pay", "PEACE_PROTEST", ["Organized crime", "Peaceful protest"]),
    ("7", "not a CASE label", "XYZ", ["Arrests"]),
]
RANKINGS = {snippet: [(label, 1.0) for label in ranking] for _, snippet, _, ranking in CASES}


def fake_classify_many(texts: Sequence[str]) -> list[list[tuple[str, float]]]:
    return [RANKINGS[text] for text in texts]


ROWS = [(identifier, snippet, gold) for identifier, snippet, gold, _ in CASES]


def test_subtask1_scores_the_acled_rows_with_predictions_among_acled_labels() -> None:
    result = evaluate(ROWS, fake_classify_many)["subtask1"]
    # rows 1, 2, 3, 6; row 6 falls back to its best ACLED label, Peaceful protest.
    # F1: Arrests 2·1/(1+2) = 2/3, Abduction 2·1/(2+1) = 2/3, Peaceful protest 1.
    assert result["n"] == 4
    assert result["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert result["micro_f1"] == pytest.approx(3 / 4)
    assert result["weighted_f1"] == pytest.approx((2 / 3 * 2 + 2 / 3 + 1) / 4)
    assert result["confused"] == [
        {"gold": "Arrests", "predicted": "Abduction/forced disappearance", "count": 1}
    ]


def test_subtask2_adds_crime_and_disasters() -> None:
    result = evaluate(ROWS, fake_classify_many)["subtask2"]
    # rows 1, 2, 3, 4, 6; row 6 now predicts Organized crime.
    # F1: Arrests 2/3, Abduction 2/3, Organized crime 2·1/(2+1) = 2/3, Peaceful protest 0.
    assert result["n"] == 5
    assert result["macro_f1"] == pytest.approx(0.5)
    assert result["micro_f1"] == pytest.approx(3 / 5)
    assert result["weighted_f1"] == pytest.approx((2 / 3 * 2 + 2 / 3 + 2 / 3 + 0) / 5)
    assert result["confused"] == [
        {"gold": "Arrests", "predicted": "Abduction/forced disappearance", "count": 1},
        {"gold": "Peaceful protest", "predicted": "Organized crime", "count": 1},
    ]


def test_subtask3_adds_diplomacy_and_attribution() -> None:
    result = evaluate(ROWS, fake_classify_many)
    # all rows but the unknown label 7; row 5 predicts Agreement.
    # F1: Arrests, Abduction, Organized crime 2/3 each; Peaceful protest, Diplomatic event and
    # Agreement (predicted, never gold) 0: macro over six labels.
    subtask3 = result["subtask3"]
    assert result["n"] == 7
    assert subtask3["n"] == 6
    assert subtask3["macro_f1"] == pytest.approx(2 / 6)
    assert subtask3["micro_f1"] == pytest.approx(3 / 6)
    assert subtask3["weighted_f1"] == pytest.approx((2 / 3 * 2 + 2 / 3 + 2 / 3) / 6)
    assert [pair["gold"] for pair in subtask3["confused"]] == [
        "Arrests",
        "Diplomatic event",
        "Peaceful protest",
    ]


def test_result_has_exactly_the_documented_keys() -> None:
    result = evaluate(ROWS, fake_classify_many)
    assert set(result) == {"n", "subtask1", "subtask2", "subtask3"}
    for subtask in ("subtask1", "subtask2", "subtask3"):
        assert set(result[subtask]) == {"macro_f1", "micro_f1", "weighted_f1", "n", "confused"}


def test_other_is_acleds_other_and_scored_in_subtask1() -> None:
    rows = [("1", "a mass grave was found", "OTHER")]
    result = evaluate(rows, lambda texts: [[("Other", 0.6), ("Attack", 0.4)] for _ in texts])
    assert result["subtask1"]["n"] == 1
    assert result["subtask1"]["micro_f1"] == 1.0


def test_a_ranking_without_any_label_of_the_subtask_is_a_miss() -> None:
    rows = [("1", "a flood", "NATURAL_DISASTER"), ("2", "a riot", "VIOL_DEMONSTR")]
    result = evaluate(rows, lambda texts: [[("Natural disaster", 1.0)] for _ in texts])
    assert result["subtask1"]["confused"] == [
        {"gold": "Violent demonstration", "predicted": NO_LABEL, "count": 1}
    ]
    assert result["subtask2"]["micro_f1"] == pytest.approx(0.5)


def test_scores_keep_the_five_worst_confusions_most_frequent_first() -> None:
    pairs = [("A", "B")] * 3 + [("C", "D")] * 2 + [(g, "Z") for g in "EFGHI"] + [("A", "A")]
    result = scores(pairs)
    assert result["confused"] == [
        {"gold": "A", "predicted": "B", "count": 3},
        {"gold": "C", "predicted": "D", "count": 2},
        {"gold": "E", "predicted": "Z", "count": 1},
        {"gold": "F", "predicted": "Z", "count": 1},
        {"gold": "G", "predicted": "Z", "count": 1},
    ]


def test_no_rows_score_zero() -> None:
    result = evaluate([], fake_classify_many)
    assert result["n"] == 0
    assert result["subtask1"] == {
        "macro_f1": 0.0,
        "micro_f1": 0.0,
        "weighted_f1": 0.0,
        "n": 0,
        "confused": [],
    }


def test_load_tsv_reads_bare_quotes_and_skips_the_header(tmp_path: Path) -> None:
    path = tmp_path / "case.tsv"
    path.write_text(
        "id\tEventSnippet\tSubType\n"
        '7\tThe "militants" seized the town\tNON_STATE_ACTOR_OVERTAKES_TER\n'
        "\n"
        '8\tHe said "we will return\tOTHER\n',
        encoding="utf-8",
    )
    assert load_tsv(path) == [
        ("7", 'The "militants" seized the town', "NON_STATE_ACTOR_OVERTAKES_TER"),
        ("8", 'He said "we will return', "OTHER"),
    ]


def test_load_tsv_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("1\tfine\tARREST\n2\tno label here\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv:2: expected 3 tab-separated fields, found 2"):
        load_tsv(path)


def test_load_tsv_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_tsv(tmp_path / "absent.tsv")


def _event(sub_type: str, modality: str, actor1: bool) -> Event:
    actor = Actor("X.military", "Military Forces of X", "XXX", "state forces", 1)
    return Event(
        id=sub_type,
        article_id="a",
        disorder_type="",
        event_type="",
        sub_type=sub_type,
        actor1=actor if actor1 else None,
        actor2=None,
        assoc=(),
        interaction=None,
        place=None,
        geo_precision=None,
        date=None,
        time_precision=None,
        fatalities=Fatalities(0, 0, 0),
        civilian_targeting=False,
        modality=modality,  # type: ignore[arg-type]
        claim_id=None,
        evidence=(),
    )


def test_production_scores_the_first_reported_event_and_counts_snippets_with_events() -> None:
    events = {
        # a future event is skipped: the first reported one is the arrest
        "police detained the party leader": [
            _event("Abduction/forced disappearance", "future", True),
            _event("Arrests", "historical", True),
        ],
        "men in uniform took the mayor away": [],
        "gunmen kidnapped two engineers": [
            _event("Abduction/forced disappearance", "asserted", False)
        ],
        "a cartel shot a rival boss": [],
        "the envoys met in the capital": [],
        "teachers marched for pay": [_event("Peaceful protest", "asserted", False)],
        "not a CASE label": [_event("Arrests", "asserted", True)],
    }
    result = evaluate_production(ROWS, lambda texts: [events[text] for text in texts])
    # subtask 1 rows: ARREST ×2, ABDUCT, PEACE_PROTEST → 3 of 4 right ("(none)" for the second)
    assert result["subtask1"]["micro_f1"] == pytest.approx(0.75)
    # strictly asserted: the historical arrest no longer counts → 2 of 4
    assert result["first_asserted"]["subtask1"] == pytest.approx(
        scores(
            [
                ("Arrests", NO_LABEL),
                ("Arrests", NO_LABEL),
                ("Abduction/forced disappearance", "Abduction/forced disappearance"),
                ("Peaceful protest", "Peaceful protest"),
            ]
        )["weighted_f1"]
    )
    assert result["acled_snippets"] == 4
    assert result["with_event"] == pytest.approx(0.75)
    assert result["with_actor1"] == pytest.approx(0.25)
