from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fogwatch.language import nlp


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "model"
    shutil.copytree(nlp.model_dir(), copy)
    return copy


def test_installed_model_verifies_and_parses():
    doc = nlp.parse_one("Russian troops entered Pokrovsk on Tuesday.")
    assert [token.text for token in doc] == [
        "Russian",
        "troops",
        "entered",
        "Pokrovsk",
        "on",
        "Tuesday",
        ".",
    ]
    assert doc[2].lemma_ == "enter" and doc[2].dep_ == "ROOT"


def test_altered_model_file_is_a_one_line_error_naming_the_fix(model_copy: Path):
    weights = model_copy / "ner" / "model"
    data = bytearray(weights.read_bytes())
    data[1000] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(nlp.ModelError) as raised:
        nlp.verify(model_copy)
    message = str(raised.value)
    assert "\n" not in message
    assert message == f"spaCy model file {weights} does not match its sha256 — {nlp.REINSTALL}"


def test_missing_model_file_is_reported(model_copy: Path):
    (model_copy / "tagger" / "model").unlink()
    with pytest.raises(nlp.ModelError) as raised:
        nlp.verify(model_copy)
    assert "tagger/model is missing — reinstall it" in str(raised.value)


def test_other_model_version_is_reported(model_copy: Path):
    meta = json.loads((model_copy / "meta.json").read_text())
    meta["version"] = "3.7.1"
    (model_copy / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(nlp.ModelError) as raised:
        nlp.verify(model_copy)
    assert "meta.json version is '3.7.1', expected '3.8.0' — reinstall it" in str(raised.value)


def test_tokens_are_kept_only_while_their_stages_run():
    import gc
    import weakref

    doc = nlp.parse_one("Police detained 12 protesters in Minsk.")
    with nlp.tokens_kept(doc) as kept:
        assert nlp.tokens_of(doc) is kept
        assert [t.text for t in kept] == [t.text for t in doc]
        other = nlp.parse_one("Shelling hit Kharkiv.")
        assert nlp.tokens_of(other) is not nlp.tokens_of(other)  # another doc: made each time
    assert nlp.tokens_of(doc) is not kept
    # tokens hold their Doc: nothing keeps either once the block is over
    gone = weakref.ref(doc)
    del doc, kept
    gc.collect()
    assert gone() is None


def test_an_abbreviated_state_before_a_hyphen_is_its_own_token():
    assert [t.text for t in nlp.parse_one("U.S.-led forces and state-run media")] == [
        "U.S.",
        "-",
        "led",
        "forces",
        "and",
        "state",
        "-",
        "run",
        "media",
    ]
