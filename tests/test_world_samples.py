"""The invented world sample (`data/sample/world.jsonl`): wars beyond Russia–Ukraine (Sudan, Gaza,
Myanmar, the Sahel, eastern DR Congo, Yemen) read with their actors, sides, places and events.

Each article is extracted once (`fogwatch.extraction.extract`, the path of `fogwatch extract`);
the tests assert the events each article must yield, as (sub-type, actor1, actor1 side, actor2,
country of the place), and who speaks in it, as (speaker actor, side)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from fogwatch import extraction
from fogwatch.records import ArticleResult, RawArticle
from helpers import SAMPLE

WORLD = SAMPLE / "world.jsonl"


@pytest.fixture(scope="module")
def world() -> dict[str, ArticleResult]:
    rows = [json.loads(line) for line in WORLD.read_text(encoding="utf-8").splitlines()]
    raws = [
        RawArticle(
            origin=row["id"],
            text=row["text"],
            published=dt.date.fromisoformat(row["date"]),
            source=row["source"],
        )
        for row in rows
    ]
    return {row["id"]: result for row, result in zip(rows, extraction.extract(raws), strict=True)}


def events(result: ArticleResult) -> list[tuple[str, str | None, str | None, str | None, str]]:
    return [
        (
            e.sub_type,
            e.actor1.name if e.actor1 else None,
            e.actor1.side if e.actor1 else None,
            e.actor2.name if e.actor2 else None,
            e.place.country if e.place else "",
        )
        for e in result.events
    ]


def speakers(result: ArticleResult) -> set[tuple[str, str]]:
    return {(c.source.id, c.source.side) for c in result.claims if c.source is not None}


def test_the_world_sample_has_two_articles_per_conflict_with_the_wire_keys():
    rows = [json.loads(line) for line in WORLD.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [f"world-{i:03d}" for i in range(1, 13)]
    for row in rows:
        assert set(row) == {"id", "date", "source", "title", "url", "text"}
        assert row["url"].startswith("https://example.org/")


def test_sudan_the_rsf_capture_and_the_armys_denial(world):
    assert (
        "Non-state actor overtakes territory",
        "Rapid Support Forces",
        "RSF",
        "Military Forces of Sudan (2019-)",  # "the army's main base": taken from the army
        "SD",
    ) in events(world["world-001"])
    assert speakers(world["world-001"]) == {
        ("RSF.rsf", "RSF"),
        ("SDN.military/nabil_abdallah", "SDN"),  # the army spokesman speaks for the army
    }
    # "Sudanese army warplanes bombed …": the demonym names the state whose forces struck
    strikes = [(e[0], e[1], e[2], e[4]) for e in events(world["world-002"])]
    assert ("Air/drone strike", "Military Forces of Sudan (2019-)", "SDN", "SD") in strikes


def test_gaza_an_israeli_strike_and_the_denial_of_hamas_accusation(world):
    result = world["world-003"]
    assert events(result)[0] == (
        "Air/drone strike",
        "Military Forces of Israel",
        "ISR",
        "Civilians (Palestine)",
        "PS",
    )
    assert speakers(result) == {
        ("HAMAS.gaza_authorities", "HAMAS"),
        ("HAMAS.hamas", "HAMAS"),
        ("ISR.military", "ISR"),
    }
    assert {link.evidence for link in result.links} == {"ISR denies what HAMAS says"}
    assert speakers(world["world-004"]) == {
        ("HAMAS.qassam", "HAMAS"),
        ("ISR.military", "ISR"),
        ("CIV.civilians", "CIV"),  # "residents said"
    }
    # "the Israeli military said two soldiers were killed": the speaker's own soldiers
    assert ("Armed clash", "Military Forces of Israel", "ISR", None, "PS") in events(
        world["world-004"]
    )


def test_myanmar_the_arakan_army_capture_and_a_military_air_strike(world):
    assert events(world["world-005"])[0] == (
        "Non-state actor overtakes territory",
        "AA - Arakan Army",
        "ARAKAN",
        "Military Forces of Myanmar (2021-)",  # "after weeks of fighting with the military"
        "MM",
    )
    assert speakers(world["world-005"]) == {
        ("ARAKAN.aa", "ARAKAN"),
        ("ARAKAN.aa/khaing_thu_kha", "ARAKAN"),
        ("MMR.military/zaw_min_tun", "MMR"),
    }
    assert events(world["world-006"])[0] == (
        "Air/drone strike",
        "Military Forces of Myanmar (2021-)",
        "MMR",
        "Civilians (Myanmar)",
        "MM",
    )


def test_the_sahel_jnim_gunmen_and_a_protest_in_niamey(world):
    mali = events(world["world-007"])
    assert mali[0] == (
        "Armed clash",
        "JNIM - Jama'at Nusrat al-Islam wal-Muslimin",
        "JNIM",
        "Military Forces of Mali (2021-)",
        "ML",
    )
    assert (
        "Attack",
        "Unidentified Armed Group (Mali)",
        "UNID",
        "Civilians (Mali)",
        "ML",
    ) in mali
    niger = events(world["world-008"])
    assert niger[0] == ("Peaceful protest", "Protesters (Niger)", "CIV", None, "NE")
    assert (
        "Protest with intervention",
        "Protesters (Niger)",
        "CIV",
        "Police Forces of Niger",
        "",
    ) in (niger)


def test_eastern_congo_m23_adf_and_rwandas_denial(world):
    assert events(world["world-009"])[0] == (
        "Non-state actor overtakes territory",
        "M23 - March 23 Movement",
        "M23",
        "Military Forces of the Democratic Republic of Congo (2019-)",  # "fighting with the army"
        "CD",
    )
    assert speakers(world["world-009"]) == {
        ("M23.m23", "M23"),
        ("M23.m23/lawrence_kanyuka", "M23"),
        ("COD.military", "COD"),
        ("COD.military/sylvain_ekenge", "COD"),
        ("RWA.government", "RWA"),
    }
    assert {link.evidence for link in world["world-009"].links} == {"RWA denies what COD says"}
    ituri = events(world["world-010"])
    assert ituri[0] == (
        "Attack",
        "ADF - Allied Democratic Forces",
        "ADF",
        "Civilians (Democratic Republic of Congo)",
        "CD",
    )
    assert (
        "Armed clash",
        "Military Forces of the Democratic Republic of Congo (2019-)",
        "COD",
        "ADF - Allied Democratic Forces",
        "CD",
    ) in ituri


def test_yemen_a_houthi_missile_attack_and_the_fighting_near_marib(world):
    assert events(world["world-011"])[0] == (
        "Shelling/artillery/missile attack",
        "Ansar Allah (Houthis)",
        "HOUTHIS",
        None,
        "",
    )
    assert speakers(world["world-011"]) == {
        ("HOUTHIS.ansar_allah", "HOUTHIS"),
        ("HOUTHIS.ansar_allah/yahya_saree", "HOUTHIS"),
    }
    marib = [(e[0], e[1], e[2], e[4]) for e in events(world["world-012"])]
    # "Government forces clashed with Houthi fighters": the subject's side is actor1
    assert ("Armed clash", "Military Forces of Yemen", "YEM", "YE") in marib
