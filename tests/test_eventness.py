"""events.eventness: the features of one invented sentence each, the shipped model's judgements,
the checks at load, and that retraining on the stand-off labels gives the shipped weights."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from fogwatch.events import eventness
from fogwatch.events.eventness import LABELS, EventnessError
from fogwatch.language import nlp
from helpers import REPO

DATA = REPO / "src" / "fogwatch" / "data"
CORPUS = REPO.parent / "shared" / "corpus" / "real-news-dev.jsonl"
PUBLISHED = dt.date(2022, 5, 1)


def trigger_of(text: str, word: str) -> tuple[object, object]:
    """The parsed text and its first token whose text is `word`."""
    doc = nlp.parse_one(text)
    return doc, next(token for token in doc if token.text == word)


def features(text: str, word: str, published: dt.date | None = PUBLISHED) -> list[str]:
    doc, trigger = trigger_of(text, word)
    config = eventness.load_model().config
    return eventness.feature_strings(doc, trigger, config, published)  # type: ignore[arg-type]


# ─── features ──────────────────────────────────────────────────────────────────────────────


def test_negation_of_the_triggers_own_clause() -> None:
    found = features("Russian forces did not conduct any ground assaults near Izyum.", "assaults")
    assert {"own:neg:not", "own_cue:negation", "head0:dobj:conduct"} <= set(found)


def test_future_auxiliary() -> None:
    found = features("Russian forces will attack Kharkiv tomorrow.", "attack")
    assert {"own:aux:will", "own_cue:future", "date_word:tomorrow"} <= set(found)


def test_condition_mark() -> None:
    found = features("If Russia captures the town, the road will be cut.", "captures")
    assert {"own:mark:if", "own_cue:condition", "own_clause:advcl"} <= set(found)


def test_complement_of_a_reporting_verb() -> None:
    found = features("Ukraine said Russian troops shelled the village.", "shelled")
    assert {"reported", "own_clause:ccomp", "above_head:say"} <= set(found)


def test_denial_above_the_clause() -> None:
    found = features("Moscow denied that its forces attacked the hospital.", "attacked")
    assert {"above_head:deny", "above_word_cue:denial"} <= set(found)


def test_year_against_the_publication_date() -> None:
    assert "years_ago:>4" in features("Russia seized Crimea in 2014.", "seized")
    assert "years_ago:0" in features("Russia seized the town in 2022.", "seized")


def test_month_against_the_publication_date() -> None:
    # published in May: April is one month back, February three (the "up to 4" bucket)
    assert "months_ago:1" in features("Russian forces shelled the port in April.", "shelled")
    assert "months_ago:4" in features("Russian forces shelled the port in February.", "shelled")


def test_no_time_features_without_a_publication_date() -> None:
    found = features("Russia seized Crimea in 2014.", "seized", published=None)
    assert "date_entity" in found
    assert not [f for f in found if f.startswith(("years_ago", "months_ago"))]


def test_heading_shape() -> None:
    found = features("The battle for Donbas", "battle")
    assert {"no_final_punctuation", "no_verb", "first_sentence"} <= set(found)


def test_quoted_trigger() -> None:
    found = features('He said: "We will never surrender the city."', "surrender")
    assert "in_quote" in found
    assert "in_quote" not in features("He said they surrendered the city.", "surrendered")


def test_vectors_have_the_models_width() -> None:
    doc, trigger = trigger_of("Russian forces shelled Kharkiv on Monday.", "shelled")
    model = eventness.load_model()
    dense, sparse = eventness.vectorise(doc, [trigger], model.config)  # type: ignore[arg-type,list-item]
    assert doc.tensor.shape[1] == 96  # type: ignore[attr-defined]
    assert dense.shape == (1, 3 * 96) == (1, model.dense_mean.shape[0])
    assert sparse.shape == (1, model.config.buckets)
    assert set(np.unique(sparse)) == {0.0, 1.0}


# ─── the shipped model ─────────────────────────────────────────────────────────────────────


def judged(text: str, word: str, published: dt.date | None = PUBLISHED) -> eventness.Judgement:
    doc, trigger = trigger_of(text, word)
    return eventness.judge(doc, trigger, published)  # type: ignore[arg-type]


def test_probabilities_cover_every_label() -> None:
    judgement = judged(
        "Russian forces shelled Kharkiv on Monday, killing three civilians.", "shelled"
    )
    assert tuple(judgement.probabilities) == LABELS
    assert sum(judgement.probabilities.values()) == pytest.approx(1.0, abs=1e-5)
    assert judgement.modality == max(judgement.probabilities, key=judgement.probabilities.get)  # type: ignore[arg-type]


def test_dated_shelling_is_asserted() -> None:
    judgement = judged(
        "Russian forces shelled Kharkiv on Monday, killing three civilians.", "shelled"
    )
    assert judgement.modality == "asserted"
    assert judgement.asserted


def test_planned_attack_is_future() -> None:
    judgement = judged("Russian forces will attack Kharkiv tomorrow.", "attack")
    assert judgement.modality == "future"
    assert not judgement.asserted


def test_attacks_that_did_not_happen_are_negated() -> None:
    judgement = judged(
        "Russian forces did not conduct any ground attacks near Izyum on Tuesday.", "attacks"
    )
    assert judgement.modality == "negated"


def test_an_aim_is_hypothetical() -> None:
    judgement = judged("Russian forces are trying to capture Sievierodonetsk.", "capture")
    assert judgement.modality == "hypothetical"


def test_an_old_seizure_is_historical() -> None:
    judgement = judged("Russia seized Crimea in 2014.", "seized", published=dt.date(2023, 3, 1))
    assert judgement.modality == "historical"


def test_judge_many_matches_judge() -> None:
    doc = nlp.parse_one("Russian forces shelled Kharkiv. They will attack Izyum next week.")
    triggers = [t for t in doc if t.text in ("shelled", "attack")]
    many = eventness.judge_many(doc, triggers, PUBLISHED)
    assert [j.modality for j in many] == [
        eventness.judge(doc, t, PUBLISHED).modality for t in triggers
    ]
    assert eventness.judge_many(doc, [], PUBLISHED) == []


# ─── the checks at load ────────────────────────────────────────────────────────────────────


@pytest.fixture
def model_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped model files that `eventness` reads instead of the package's."""
    for name in (eventness.MODEL_FILE, eventness.MANIFEST_FILE):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.setattr(eventness, "files", lambda package: tmp_path)
    eventness.load_model.cache_clear()
    yield tmp_path
    eventness.load_model.cache_clear()


def test_the_copy_loads(model_copy: Path) -> None:
    assert eventness.load_model().labels == LABELS


def test_altered_weights_are_refused(model_copy: Path) -> None:
    path = model_copy / eventness.MODEL_FILE
    payload = bytearray(path.read_bytes())
    payload[len(payload) // 2] ^= 0xFF
    path.write_bytes(bytes(payload))
    with pytest.raises(EventnessError, match=r"does not match its sha256 — retrain it"):
        eventness.load_model()


def test_missing_weights_are_named(model_copy: Path) -> None:
    (model_copy / eventness.MODEL_FILE).unlink()
    with pytest.raises(EventnessError, match=r"eventness_model\.npz is missing — retrain it"):
        eventness.load_model()


def test_missing_manifest_is_named(model_copy: Path) -> None:
    (model_copy / eventness.MANIFEST_FILE).unlink()
    with pytest.raises(EventnessError, match=r"eventness_model\.json is missing"):
        eventness.load_model()


def test_other_labels_are_refused(model_copy: Path) -> None:
    path = model_copy / eventness.MANIFEST_FILE
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["labels"] = ["asserted", "not asserted"]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(EventnessError, match="was trained on labels"):
        eventness.load_model()


def test_manifest_checksum_is_the_shipped_files() -> None:
    manifest = json.loads((DATA / eventness.MANIFEST_FILE).read_text(encoding="utf-8"))
    payload = (DATA / eventness.MODEL_FILE).read_bytes()
    assert manifest["sha256"] == hashlib.sha256(payload).hexdigest()
    assert manifest["labels"] == list(LABELS)


# ─── the labels and retraining ─────────────────────────────────────────────────────────────


def test_labels_are_stand_off_only() -> None:
    lines = (DATA / "event_labels.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) >= 1000
    assert len({row["article"] for row in rows}) >= 100
    for row in rows:
        assert set(row) == {"article", "sentence", "trigger", "modality", "sub_type"}
        assert row["modality"] in LABELS
        assert (row["sub_type"] is None) == (row["modality"] in ("general", "none"))
        start, end = row["sentence"]
        assert start <= row["trigger"][0] < row["trigger"][1] <= end


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/real-news-dev.jsonl")
def test_retraining_reproduces_the_shipped_weights(tmp_path: Path) -> None:
    script = REPO / "scripts" / "train_eventness.py"
    subprocess.run(
        [sys.executable, str(script), str(CORPUS), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    shipped = _arrays(DATA / eventness.MODEL_FILE)
    retrained = _arrays(tmp_path / eventness.MODEL_FILE)
    assert shipped.keys() == retrained.keys()
    for name, array in shipped.items():
        # the solver's last digits move with the order of float sums between processes
        np.testing.assert_allclose(retrained[name], array, rtol=1e-3, atol=5e-3, err_msg=name)
    manifest = json.loads((tmp_path / eventness.MANIFEST_FILE).read_text(encoding="utf-8"))
    assert manifest["features"] == eventness.load_model().config.to_json()


def _arrays(path: Path) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(path.read_bytes()), allow_pickle=False) as arrays:
        return {name: arrays[name] for name in arrays.files}
