"""Start-up: spaCy loads without PyTorch, what needs torch still gets it, and one `extract`
process reads many files."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from fogwatch.events import classify
from helpers import dated

pytestmark = pytest.mark.slow

# Six sentences each: longer than a short report, so the sentence encoder stays unloaded.
FIRST = (
    "Russian troops shelled Kupiansk on Tuesday. The regional governor said two people were "
    "wounded. Ukraine's military said it repelled an assault near the city. Fighting went on "
    "through the night. Officials gave no further figures. Residents were told to leave."
)
SECOND = (
    "Ukrainian drones struck an oil depot in Belgorod region on Monday. The Russian defence "
    "ministry said it downed twelve drones. A fire broke out at the depot. No casualties were "
    "reported. The governor said the fire was put out. Kyiv did not comment."
)


def run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    )
    return done.stdout.strip()


def test_spacy_loads_without_importing_torch():
    loaded = run(
        "import sys\n"
        "from fogwatch.language import nlp\n"
        "nlp.parse_one('Russian troops shelled Kupiansk.')\n"
        "print('torch' in sys.modules, 'thinc' in sys.modules)"
    )
    assert loaded == "False True"


@pytest.mark.skipif(
    importlib.util.find_spec(classify.ENCODER_PACKAGE) is None,
    reason=f"the events classifier's sentence encoder ({classify.ENCODER_PACKAGE}) is not installed",
)
def test_the_classifier_still_gets_torch_after_spacy_loaded_without_it():
    ranked = run(
        "import sys\n"
        "from fogwatch.language import nlp\n"
        "from fogwatch.events import coder\n"
        "nlp.load()\n"
        "rank_many = coder.installed_ranker()\n"
        "print(rank_many is not None, 'torch' in sys.modules,"
        " rank_many(['Artillery shelled the town.'])[0][0][0])"
    )
    assert ranked == "True True Shelling/artillery/missile attack"


def test_extract_reads_many_files_in_one_process_as_json_lines(tmp_path: Path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(dated(FIRST), encoding="utf-8")
    second.write_text(dated(SECOND, "2025-11-10"), encoding="utf-8")
    missing = tmp_path / "missing.txt"
    command = [sys.executable, "-m", "fogwatch", "extract"]
    many = subprocess.run(
        [*command, str(first), str(missing), str(second), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    alone = subprocess.run(
        [*command, str(second), "--json"], capture_output=True, text=True, check=True, timeout=300
    )
    lines = [json.loads(line) for line in many.stdout.splitlines()]
    assert many.returncode == 1
    assert many.stderr == f"fogwatch: {missing}: no such file or directory — check the path\n"
    assert [line.pop("file") for line in lines] == [str(first), str(second)]
    assert [line["article"]["published"] for line in lines] == ["2025-11-12", "2025-11-10"]
    assert lines[1] == json.loads(alone.stdout)
