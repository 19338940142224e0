"""Links found on invented reports, parsed end to end: one mechanism per test, exact links."""

from __future__ import annotations

import fogwatch
from fogwatch.records import ArticleResult


def extract(body: str) -> ArticleResult:
    return fogwatch.extract(body, published="2025-03-16")


def linked(result: ArticleResult, relation: str) -> set[tuple[str, str]]:
    """(cue, cue) of each link of `relation`, in the link's order."""
    cue = {c.id: c.cue_span.of(result.article.text) for c in result.claims}
    return {(cue[k.a], cue[k.b]) for k in result.links if k.relation == relation}


def test_a_denial_of_responsibility_reaches_an_accusation_naming_the_incident_paragraphs_later():
    result = extract(
        "A missile hit the bus depot in Sumy on Friday, killing nine people. "
        "Russia's defence ministry denied responsibility for the strike. "
        "Buses had been parked there overnight. Drivers were waiting for their shifts. "
        "The depot had been repaired last year. Residents gathered outside the gates. "
        "Volunteers brought water and blankets. "
        "Zelenskiy called the depot attack a war crime by Russian forces."
    )
    assert linked(result, "contradicts") == {("called", "denied")}


def test_an_accusation_of_another_incident_far_away_is_not_answered():
    result = extract(
        "Russia's defence ministry denied responsibility for the strike on the market. "
        "Buses had been parked there overnight. Drivers were waiting for their shifts. "
        "The depot had been repaired last year. Residents gathered outside the gates. "
        "Volunteers brought water and blankets. "
        "Zelenskiy said Russian forces had committed war crimes across the region for months."
    )
    assert linked(result, "contradicts") == set()


def test_a_local_official_speaks_of_his_town_and_shares_destroyed_that_differ_clash():
    result = extract(
        "Russian forces have besieged Mariupol for weeks. "
        "\u201cAround 60-70% of the housing stock has been destroyed,\u201d said Ivan Petrenko, "
        "the Russian-installed mayor of Mariupol. "
        "Ukrainian officials said the city of Mariupol was 90% destroyed."
    )
    mayor = next(
        c for c in result.claims if c.content_span.of(result.article.text).startswith("Around")
    )
    assert mayor.proposition.place is not None and mayor.proposition.place.name == "Mariupol"
    assert linked(result, "contradicts") == {("said", "said")}


def test_an_ammunition_detonation_contradicts_the_strike_the_other_side_blames():
    result = extract(
        "Zelenskiy said a Russian missile strike had destroyed the shopping centre in Poltava. "
        "Russia's defence ministry claimed the fire was caused by the detonation of stored "
        "ammunition."
    )
    assert linked(result, "contradicts") == {("said", "claimed")}


def test_supplying_a_country_with_weapons_is_not_a_place_still_supplied():
    aid = extract("Scholz said Nato allies would continue to supply Ukraine with weapons.")
    held = extract("Kyiv insists supplies are still reaching the garrison in Pokrovsk.")
    assert [c.proposition.predicate for c in aid.claims] == [None]
    assert [c.proposition.predicate for c in held.claims] == ["can_supply"]


def test_who_holds_a_place_named_in_passing_is_no_claim_of_control():
    result = extract(
        "Reuters reported that the soldiers had arrived in the Russian-controlled town of "
        "Novoazovsk. Ukrainian officials said Russian forces had attempted to regain control of "
        "the village of Dovhenke."
    )
    assert [(c.proposition.predicate, c.proposition.modality) for c in result.claims] == [
        (None, "asserted"),
        ("controls", "hypothetical"),
    ]


def test_a_denied_it_borrows_what_its_own_sentence_said_before_it():
    result = extract(
        "Russian forces destroyed a depot near Izium, the ministry claimed. Several Russian "
        "bloggers acknowledged Ukraine's capture of Izium while others denied it."
    )
    (denial,) = [c for c in result.claims if c.stance == "deny"]
    assert (denial.proposition.predicate, denial.proposition.place.name) == ("captured", "Izyum")
