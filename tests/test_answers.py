"""Denials that answer without repeating, and whom a claim blames: parsed from invented reports."""

from __future__ import annotations

import fogwatch
from fogwatch.records import ArticleResult
from helpers import claim_by


def extract(body: str) -> ArticleResult:
    return fogwatch.extract(body, published="2025-03-16")


def contradicted(result: ArticleResult) -> set[tuple[str, str]]:
    """(cue of the claim, cue of the denial) for each contradiction found."""
    cue = {c.id: c.cue_span.of(result.article.text) for c in result.claims}
    return {(cue[link.a], cue[link.b]) for link in result.links if link.relation == "contradicts"}


def test_denying_the_report_answers_the_report_and_its_follow_up():
    result = extract(
        "Russian forces shot and killed 12 people queueing for water in the town of Izium, "
        "the US embassy said. Ukrainian officials said the attack took place at noon. "
        "Russia's defence ministry denied the report."
    )
    denial = claim_by(result, "denied", "the report")
    assert denial.stance == "deny"
    assert len(denial.proposition.answers) == 2
    assert contradicted(result) == {("said", "denied")} and len(result.links) == 2


def test_denying_responsibility_answers_whoever_blames_the_denier_nearby():
    result = extract(
        "Russia's defence ministry denied responsibility for the strike, but western "
        "intelligence officials believe a Russian ballistic missile was fired at the square."
    )
    believe = claim_by(result, "believe", "a Russian ballistic missile")
    assert believe.proposition.blames == "RUS"
    assert contradicted(result) == {("believe", "denied")}


def test_rejecting_that_answers_the_claim_just_made():
    result = extract(
        "Russia's foreign ministry said the operation aims to protect the people of Donbas. "
        "Kyiv rejected that as a false pretext."
    )
    assert contradicted(result) == {("said", "rejected")}


def test_a_side_does_not_deny_its_own_and_a_proposal_is_not_a_claim():
    own = extract(
        "Ukrainian officials said the bridge was damaged. The Ukrainian army denied the report."
    )
    assert contradicted(own) == set()
    proposal = extract(
        "Russia's foreign ministry said it was ready for talks. Kyiv rejected the proposal."
    )
    assert contradicted(proposal) == set()


def test_an_accusation_that_says_what_it_is_does_not_refer_back():
    result = extract(
        "Russia's foreign minister warned of the rising danger of a nuclear conflict. "
        "The US president rejected the accusation he was fighting a proxy war."
    )
    assert contradicted(result) == set()


def test_condemning_a_strike_is_not_denying_it():
    result = extract(
        "Russia's defence ministry said its forces struck a fuel depot in Kramatorsk. "
        "The United Nations condemned the strike."
    )
    condemned = claim_by(result, "condemned", "the strike")
    assert condemned.stance == "condemn"
    assert contradicted(result) == set()


def test_calling_an_accusation_baseless_denies_it():
    result = extract(
        "Ukraine said Russian forces used chemical weapons in Mariupol. "
        "The Kremlin described the accusation as baseless."
    )
    assert claim_by(result, "described", "the accusation").stance == "deny"
    assert contradicted(result) == {("said", "described")}


def test_a_noun_modifying_a_noun_is_not_the_claim_predicate():
    result = extract("The ministry said Russian troops used riot control agents near Kherson.")
    assert claim_by(result, "said", "Russian troops").proposition.predicate is None
