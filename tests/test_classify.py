"""events.classify: one clear hand-written snippet per label, the ranking's shape, the checks at load.

Each snippet below is written for this test from the label's ACLED (or CASE 2021) definition; the
classifier must rank its label first.
"""

from __future__ import annotations

import pytest

from fogwatch.events import classify, taxonomy
from fogwatch.language import nlp

SNIPPETS = {  # label -> a snippet that is clearly of that label
    "Government regains territory": "Government troops recaptured the town of Kalema from the rebels on Tuesday after three days of fighting.",
    "Non-state actor overtakes territory": "Insurgents seized control of the district capital after soldiers fled their posts, residents said.",
    "Armed clash": "Soldiers and rebel fighters exchanged fire for several hours near the border post; four soldiers and six rebels were killed.",
    "Excessive force against protesters": "Security forces opened fire on a peaceful march in the capital, killing five unarmed demonstrators.",
    "Protest with intervention": "Police fired tear gas to disperse a peaceful sit-in by teachers outside the ministry and detained twenty of them.",
    "Peaceful protest": "Thousands of nurses marched peacefully through the city centre on Saturday to demand higher wages.",
    "Violent demonstration": "Protesters threw stones at police, burned tyres and set a government vehicle on fire during a demonstration against fuel prices.",
    "Mob violence": "An angry mob beat a man accused of stealing a motorbike to death in the village market.",
    "Chemical weapon": "Doctors said dozens of residents were treated for exposure to sarin after the attack on the town.",
    "Air/drone strike": "Fighter jets bombed militant hideouts in the mountains, killing at least twenty fighters, the air force said.",
    "Suicide bomb": "A suicide bomber blew himself up at the entrance of a crowded mosque during Friday prayers.",
    "Shelling/artillery/missile attack": "Artillery shells and mortar rounds hit residential areas of the city overnight, killing three civilians.",
    "Remote explosive/landmine/IED": "A roadside bomb exploded under an army truck on the highway, killing two soldiers.",
    "Grenade": "An attacker threw a hand grenade into a crowded bar, wounding eleven people.",
    "Sexual violence": "Armed men raped several women fleeing the fighting, a humanitarian group said.",
    "Attack": "Gunmen stormed a village at dawn and shot dead nine farmers in their homes.",
    "Abduction/forced disappearance": "Gunmen kidnapped fifteen schoolchildren from their dormitory and took them into the forest.",
    "Agreement": "The government and the rebel movement signed a ceasefire agreement and agreed to exchange prisoners.",
    "Arrests": "Police arrested 12 opposition activists in the capital.",
    "Change to group/activity": "Hundreds of rebel fighters and their commander defected to the government side this week.",
    "Disrupted weapons use": "A bomb disposal team defused an explosive device found near the bus station.",
    "Headquarters or base established": "The armed group set up a new base in an abandoned school on the edge of the town.",
    "Looting/property destruction": "Armed men looted shops and set fire to houses after residents fled the village.",
    "Non-violent transfer of territory": "The army withdrew from the town and rebel forces moved in without firing a shot.",
    "Other": "Investigators uncovered a mass grave containing the remains of forty people near the village.",
    "Organized crime": "Drug cartel gunmen killed six members of a rival gang in a shootout over smuggling routes.",
    "Natural disaster": "A magnitude 6.8 earthquake struck the coastal region, destroying hundreds of homes.",
    "Man-made disaster": "A fire at a garment factory killed thirty workers who were trapped inside.",
    "Diplomatic event": "The foreign ministry expelled two diplomats and recalled its ambassador in protest.",
    "Attribution of responsibility": "The Islamic State group claimed responsibility for the bombing in a statement.",
}


@pytest.fixture(scope="module")
def rankings() -> dict[str, classify.Ranking]:
    return dict(zip(SNIPPETS, classify.classify_many(list(SNIPPETS.values())), strict=True))


def test_every_label_has_a_snippet() -> None:
    assert set(SNIPPETS) == set(taxonomy.ALL_LABELS)


@pytest.mark.parametrize("label", list(SNIPPETS))
def test_clear_snippet_ranks_its_label_first(
    label: str, rankings: dict[str, classify.Ranking]
) -> None:
    assert rankings[label][0][0] == label


def test_ranking_covers_every_label_best_first_summing_to_one(
    rankings: dict[str, classify.Ranking],
) -> None:
    for ranking in rankings.values():
        assert sorted(label for label, _ in ranking) == sorted(taxonomy.ALL_LABELS)
        scores = [score for _, score in ranking]
        assert scores == sorted(scores, reverse=True)
        assert sum(scores) == pytest.approx(1.0, abs=1e-4)
        assert all(0.0 <= score <= 1.0 for score in scores)


def test_classify_is_classify_many_of_one(rankings: dict[str, classify.Ranking]) -> None:
    ranking = classify.classify(SNIPPETS["Arrests"])
    assert [label for label, _ in ranking] == [label for label, _ in rankings["Arrests"]]
    assert [score for _, score in ranking] == pytest.approx(
        [score for _, score in rankings["Arrests"]], abs=1e-5
    )


def test_no_texts_no_rankings() -> None:
    assert classify.classify_many([]) == []


def test_normalise_lowers_case_and_folds_numbers() -> None:
    assert (
        classify.normalise("At least 1,200 Killed in 3 Attacks") == "at least 0 killed in 0 attacks"
    )


def test_lexical_features_are_unit_rows_of_known_words() -> None:
    rows = classify.lexical_features(["suicide bomber bomber", "zzzz qqqq"])
    assert rows[0].sum() > 0
    assert float((rows[0] ** 2).sum()) == pytest.approx(1.0, abs=1e-5)
    assert float(abs(rows[1]).sum()) == 0.0


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Rebels recaptured the town of Kalema from the army on Monday.", "non-state"),
        ("Government troops took control of the town after heavy fighting.", "state"),
        ("The town fell to Islamist insurgents late on Sunday.", "non-state"),
        ("The village was seized by soldiers of the national army.", "state"),
        ("Pro-government militias captured the hill overlooking the town.", "state"),
        (
            "Rebels retook the village, days after it was captured by government troops.",
            "non-state",
        ),
        ("The ministry said it had regained the town.", None),
        ("Thousands of people marched through the capital.", None),
    ],
)
def test_capturer_side_reads_who_takes_the_place(text: str, side: str | None) -> None:
    assert classify.capturer_side(nlp.parse_one(text)) == side


def test_altered_model_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    manifest = classify._manifest()
    monkeypatch.setattr(classify, "_manifest", lambda: {**manifest, "sha256": "0" * 64})
    classify._model.cache_clear()
    try:
        with pytest.raises(classify.ClassifierError, match="does not match its sha256"):
            classify._model()
    finally:
        classify._model.cache_clear()


def test_altered_encoder_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    manifest = classify._manifest()
    files = dict(manifest["encoder"]["files"])
    files["model.safetensors"] = "0" * 64
    altered = {**manifest, "encoder": {**manifest["encoder"], "files": files}}
    monkeypatch.setattr(classify, "_manifest", lambda: altered)
    with pytest.raises(classify.ClassifierError, match=r"model.safetensors does not match"):
        classify.encoder_dir()
