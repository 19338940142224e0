"""Claims end to end: the seed article's claims and links, and the sample corpus's link set.

The seed is in ../shared, absent from a bare clone; test_seed_paraphrase.py proves the same claims
and links on fogwatch's own paraphrase of it.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import fogwatch
from fogwatch.cli import app
from fogwatch.records import ArticleResult, Claim
from helpers import SAMPLE, SEED, claim_by, judgment, needs_shared


@pytest.fixture(scope="module")
def seed() -> ArticleResult:
    _, date, body = SEED.read_text(encoding="utf-8").split(maxsplit=2)
    return fogwatch.extract(body, published=date)


@needs_shared
def test_moscow_and_kyiv_contradict_each_other_about_pokrovsk(seed: ArticleResult):
    moscow = claim_by(seed, "claims", "it is")
    kyiv = claim_by(seed, "insists", "it can still deliver supplies")
    assert (moscow.source.id, moscow.cue_class) == ("RUS.government", "claim")
    assert (kyiv.source.id, kyiv.cue_class) == ("UKR.government", "insist")
    assert moscow.proposition.predicate == "encircled"  # borrowed from the sentence before
    assert kyiv.proposition.predicate == "can_supply"
    assert moscow.proposition.place.geonameid == kyiv.proposition.place.geonameid == 704422
    clash = [k for k in seed.links if {k.a, k.b} == {moscow.id, kyiv.id}]
    assert [(k.relation, k.evidence) for k in clash] == [
        ("contradicts", "encircled ↔ can_supply at Pokrovsk")
    ]
    assert judgment(seed, moscow)[::2] == judgment(seed, kyiv)[::2] == ("contested", 4)


@needs_shared
def test_reuters_confirms_the_bloggers_video(seed: ArticleResult):
    video = claim_by(seed, "showing", "Russian soldiers entering Pokrovsk")
    reuters = claim_by(seed, "confirmed", "the video was filmed at the entrance to Pokrovsk")
    assert (video.source.id, video.cue_class, video.proposition.object) == (
        "RUS.bloggers",
        "observe",
        "video",
    )
    assert reuters.source.id == "MEDIA.reuters"
    assert any((k.a, k.b, k.relation) == (reuters.id, video.id, "confirms") for k in seed.links)
    assert judgment(seed, video) == ("confirmed", "D", 1)


@needs_shared
def test_syrskyi_counts_the_troops_and_zelenskyy_repeats_his_fog_claim(seed: ArticleResult):
    troops = claim_by(seed, "said", "Russia gathered about 150,000 troops")
    assert troops.source.id == "UKR.military/oleksandr_syrskyi"
    assert troops.proposition.predicate == "gathered_troops"
    assert troops.proposition.quantity.best == 150_000
    fog = claim_by(seed, "said", "Russian progress in Zaporizhzhia was made possible by heavy fog")
    using_fog = claim_by(seed, "said", "Russia was using the heavy fog")
    assert using_fog.source.id == "UKR.government/volodymyr_zelenskyy"
    assert any((k.a, k.b, k.relation) == (using_fog.id, fog.id, "repeats") for k in seed.links)


@needs_shared
def test_polishchuk_is_quoted_directly(seed: ArticleResult):
    quote = claim_by(seed, "said", "The Russian delegation is ready.")
    assert quote.direct and quote.source.id == "RUS.government/alexei_polishchuk"
    assert quote.proposition.predicate == "ready_to_negotiate"


@needs_shared
def test_ukraines_own_withdrawal_is_an_admission_against_interest(seed: ArticleResult):
    withdrawal = claim_by(seed, "said", "its forces were forced to withdraw")
    assert withdrawal.proposition.predicate == "withdrew"
    assert withdrawal.proposition.actor.id == "UKR.military"  # "its forces": the speaker's own
    assert judgment(seed, withdrawal) == ("claimed", "C", 2)
    (event,) = [e for e in seed.events if e.claim_id == withdrawal.id]
    assert event.sub_type == "Non-state actor overtakes territory"


@needs_shared
def test_a_conditional_capture_is_hypothetical_and_links_to_nothing(seed: ArticleResult):
    cnn = claim_by(seed, "According to", "Pokrovsk would be the largest city")
    assert cnn.proposition.modality == "hypothetical"
    assert not [k for k in seed.links if cnn.id in (k.a, k.b) and k.relation != "repeats"]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> fogwatch.Store:
    store = fogwatch.open(f"sqlite:///{tmp_path_factory.mktemp('claims') / 'sample.db'}")
    store.ingest([str(SAMPLE)])
    return store


def _described(store: fogwatch.Store, relation: str) -> set[tuple[str, str, str, str]]:
    rows = {row["id"]: row for row in store.claims()}
    described = set()
    for link in store.links(relation=relation):
        a, b = rows[link["a"]], rows[link["b"]]
        described.add((a["publisher"] or "?", a["cue"], b["publisher"] or "?", b["cue"]))
    return described


def test_the_sample_corpus_yields_the_confirmations_written_into_it(sample_store):
    assert _described(sample_store, "confirms") == {
        # Kupiansk: Reuters matches the General Staff's flag video to central Kupiansk
        ("Kharkiv Evening Bulletin", "confirmed", "Kharkiv Evening Bulletin", "showing"),
        # Pokrovsk: the ISW geolocates the bloggers' footage of the railway station
        ("Front Line Monitor", "said", "Front Line Monitor", "shows"),
    }


def test_the_sample_corpus_yields_the_contradictions_written_into_it(sample_store):
    claims = {row["id"]: row for row in sample_store.claims()}
    links = sample_store.links(relation="contradicts")
    about = [
        {claims[end]["place_name"] for end in (link["a"], link["b"])} - {None} for link in links
    ]
    # each about a place, at one end at least (calling a statement "a lie" names none), unless
    # it is a denial answering an accusation ("Rwanda rejected the accusation"), which names none
    answers = [
        not where and any(claims[end]["stance"] == "deny" for end in (link["a"], link["b"]))
        for link, where in zip(links, about, strict=True)
    ]
    assert all(where or answer for where, answer in zip(about, answers, strict=True))
    assert sum(answers) >= 2
    places = set().union(*about)
    # Torske, Uspenivka and Kupiansk captured or not; Pokrovsk encircled or supplied; the
    # training-ground toll — and nothing else
    assert places == {
        "Torske",
        "Uspenivka",
        "Kupyansk",
        "Pokrovsk",
        "Dnipropetrovska oblast",
    }
    contested = sample_store.claims(contested=True)
    assert all(row["status"] in ("contested", "refuted") for row in contested)
    assert {row["publisher"] for row in contested} >= {"Moscow Courier", "Dnipro Ledger"}


def test_claims_and_dossier_from_the_command_line(sample_store):
    runner = CliRunner()
    url = sample_store.url
    listed = runner.invoke(
        app, ["claims", "--contested", "--place", "Torske", "--format", "json", "--db", url]
    )
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.output)
    assert rows and all(r["place_name"] == "Torske" and r["status"] == "contested" for r in rows)
    dossier = runner.invoke(app, ["place", "Pokrovsk", "--format", "json", "--db", url])
    assert dossier.exit_code == 0, dossier.output
    found = json.loads(dossier.output)
    assert found["place"]["id"] == "gn:704422"
    assert {p["evidence"] for p in found["contradictions"]} >= {
        "encircled ↔ can_supply at Pokrovsk"
    }
    missing = runner.invoke(app, ["place", "Atlantis", "--db", url])
    assert missing.exit_code == 1
    assert "no stored place called 'Atlantis'" in missing.output


def test_stored_claims_read_back_as_extracted(sample_store):
    (row,) = [
        r for r in sample_store.articles() if (r["title"] or "").startswith("Ukrainian flag flies")
    ]
    stored = sample_store.article_result(row["id"])
    fresh = fogwatch.extract(stored.article.text, published=stored.article.published)
    assert stored.claims == fresh.claims


def only_claim(text: str) -> Claim:
    (claim,) = fogwatch.extract(text, published="2025-11-12").claims
    return claim


def test_an_attempt_is_not_a_fact():
    claim = only_claim(
        "Ukraine's General Staff said Russian forces were trying to encircle Pokrovsk."
    )
    assert (claim.proposition.predicate, claim.proposition.modality) == (
        "encircled",
        "hypothetical",
    )


def test_a_country_is_too_broad_to_be_a_claims_place():
    claim = only_claim("Ukraine's General Staff said Russian troops attacked Ukraine again.")
    assert claim.proposition.place is None


def test_controlling_positions_in_a_town_is_partial_control():
    claim = only_claim("The ISW said Ukrainian forces control positions in Mariupol.")
    assert claim.proposition.predicate == "controls_part"
    whole = only_claim("The ISW said Ukrainian forces still control Mariupol.")
    assert whole.proposition.predicate == "controls"


def test_a_toll_takes_the_count_of_its_own_predicate():
    claim = only_claim(
        "The governor said at least 12 people were killed and 21 wounded in Kramatorsk."
    )
    assert (claim.proposition.predicate, claim.proposition.quantity.best) == ("killed", 12)


def test_a_dossier_shows_the_newest_and_counts_the_rest(sample_store):
    whole = sample_store.dossier("Pokrovsk", limit=None)
    part = sample_store.dossier("Pokrovsk", limit=2)
    assert (
        part["totals"]
        == whole["totals"]
        == {
            "events": len(whole["events"]),
            "claims": len(whole["claims"]),
        }
    )
    assert [c["id"] for c in part["claims"]] == [c["id"] for c in whole["claims"][:2]]
    shown = {c["id"] for c in part["claims"]}
    assert all({p["a"]["id"], p["b"]["id"]} <= shown for p in part["contradictions"])


def test_a_toll_is_not_the_count_of_a_part_of_it():
    claim = only_claim(
        "The mayor said more than 5,000 civilians, including 210 children, had been killed in Mariupol."
    )
    assert claim.proposition.quantity.best == 5000


def test_every_claim_carries_its_stance_and_condemning_affirms_what_it_condemns():
    said = {
        "Ukraine’s foreign ministry condemned the shelling of Kharkiv by Russian troops.": (
            "condemn",
            True,
        ),
        "The Kremlin denied that Russian troops had shelled Kharkiv.": ("deny", True),
        "Ukraine accused Russia of shelling Kharkiv.": ("accuse", True),
        "Ukrainian officials confirmed that Russian troops had shelled Kharkiv.": ("confirm", True),
        "Ukrainian officials believe that Russian troops shelled Kharkiv.": ("hedge", True),
    }
    for text, (stance, polarity) in said.items():
        claim = only_claim(text)
        # the denial keeps the proposition it denies: its stance, not its polarity, says no
        assert (claim.stance, claim.proposition.polarity) == (stance, polarity), text
        assert claim.proposition.predicate is not None, text
