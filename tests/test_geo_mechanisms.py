"""The geoparser's general mechanisms, one tiny invented sentence each: list coordination under
a division head, containment ("in Donetsk Oblast") and distance ("30 km north of Kherson")
constraints, feature priors from the cue ("the Inhulets River"), one sense per discourse, and
one spelling key for romanisations and Cyrillic — in the geoparser and in place search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import fogwatch
from fogwatch.api import create_app
from fogwatch.cli import app
from fogwatch.geo import gazetteer, geoparse
from fogwatch.geo.gazetteer import Gazetteer, normalise, skeleton
from fogwatch.language import nlp
from fogwatch.records import PlaceMention


@pytest.fixture(scope="module")
def compiled() -> Gazetteer:
    return gazetteer.load()


def found(text: str, compiled: Gazetteer) -> list[tuple[str, int | None, str | None, str, int]]:
    """(text, geonameid, admin1, feature, geo_precision) of every resolved location."""
    mentions: list[PlaceMention] = geoparse.find(nlp.parse_one(text), compiled)
    return [
        (
            m.span.of(text),
            m.place.geonameid,
            m.place.admin1,
            m.place.feature,
            m.geo_precision or 0,
        )
        for m in mentions
        if m.place is not None and m.role == "location"
    ]


def test_names_listed_under_a_regions_head_are_all_regions(compiled: Gazetteer) -> None:
    text = (
        "Moscow claims the four regions — Luhansk, Donetsk, Kherson and Zaporizhzhia — as its own."
    )
    assert found(text, compiled) == [
        ("Luhansk", 702657, "UA.14", "admin1", 3),
        ("Donetsk", 709716, "UA.05", "admin1", 3),
        ("Kherson", 706442, "UA.08", "admin1", 3),
        ("Zaporizhzhia", 687699, "UA.26", "admin1", 3),
    ]


def test_hyphenated_names_before_one_division_word_are_divisions(compiled: Gazetteer) -> None:
    text = "Strikes hit the Mykolaiv-Kherson Oblast border."
    assert found(text, compiled) == [
        ("Mykolaiv", 700567, "UA.16", "admin1", 3),
        ("Kherson Oblast", 706442, "UA.08", "admin1", 3),
    ]


def test_a_list_in_an_oblast_takes_that_oblasts_villages(compiled: Gazetteer) -> None:
    # each name has namesakes in other oblasts; the Donetsk Pavlivka only KATOTTG lists is
    # coded at its raion's point (precision 2), never to a namesake elsewhere
    text = "Troops entered Yevhenivka, Pavlivka and Yehorivka in Donetsk Oblast on Sunday."
    assert found(text, compiled) == [
        ("Yevhenivka", 688111, "UA.05", "populated place", 1),
        ("Pavlivka", None, "UA.05", "populated place", 2),
        ("Yehorivka", 688254, "UA.05", "populated place", 1),
        ("Donetsk Oblast", 709716, "UA.05", "admin1", 3),
    ]


def test_the_oblast_a_sentence_names_contains_its_villages(compiled: Gazetteer) -> None:
    text = "In Donetsk Oblast, Russian forces shelled Yevhenivka on Sunday."
    assert found(text, compiled)[-1] == ("Yevhenivka", 688111, "UA.05", "populated place", 1)


def test_towns_lie_in_the_division_the_article_names(compiled: Gazetteer) -> None:
    # the Massachusetts namesakes agree with each other; the named state outweighs them
    text = "Snow closed schools across Kansas on Monday. Buses stopped in Lawrence and Newton."
    assert found(text, compiled) == [
        ("Kansas", 4273857, "US.KS", "admin1", 3),
        ("Lawrence", 4274277, "US.KS", "populated place", 1),
        ("Newton", 4276248, "US.KS", "populated place", 1),
    ]


def test_a_town_lies_in_the_county_the_article_names(compiled: Gazetteer) -> None:
    # without the county, nothing tells the country from the towns of that name
    text = "The Laclede County sheriff spoke on Monday. Crews cleared roads around Lebanon."
    assert found(text, compiled) == [
        ("Laclede County", 4394029, "US.MO", "admin2", 3),
        ("Lebanon", 4394794, "US.MO", "populated place", 2),
    ]


def test_a_division_named_like_a_town_of_another_named_division(compiled: Gazetteer) -> None:
    # Indiana is also a town of Pennsylvania: the state's own name is not pulled into another
    text = "Lawmakers in Pennsylvania voted on Monday; a similar bill passed in Indiana last year."
    assert found(text, compiled) == [
        ("Pennsylvania", 6254927, "US.PA", "admin1", 3),
        ("Indiana", 4921868, "US.IN", "admin1", 3),
    ]


def test_a_stated_distance_picks_the_namesake_near_the_anchor(compiled: Gazetteer) -> None:
    alone = found("Shelling hit Oleksandrivka.", compiled)
    assert alone == []  # dozens of Oleksandrivkas and nothing to choose by
    text = "Shelling hit Oleksandrivka, about 30 km south-east of Kherson."
    assert found(text, compiled) == [
        ("Oleksandrivka", 696077, "UA.08", "populated place", 1),
        ("Kherson", 706448, "UA.08", "populated place", 2),
    ]


def test_a_stated_direction_rules_out_the_namesake_on_the_other_side(compiled: Gazetteer) -> None:
    # 696077 lies ~50 km south-east of Kherson, 713676 ~25 km north: both within the distance
    text = "Shelling hit Oleksandrivka, about 30 km north of Kherson."
    assert found(text, compiled)[0] == ("Oleksandrivka", 713676, "UA.16", "populated place", 1)


def test_a_river_cue_is_not_the_town_of_that_name(compiled: Gazetteer) -> None:
    text = "Kherson was quiet. Troops dug in along the Inhulets River."
    # the gazetteer has Inhulets the town (Dnipropetrovsk oblast) and no such river
    assert found(text, compiled)[-1] == ("Inhulets River", 706442, "UA.08", "admin1", 3)


def test_the_region_around_a_city_with_a_regions_status(compiled: Gazetteer) -> None:
    assert found("Troops advanced in the Kyiv region.", compiled) == [
        ("Kyiv region", 703446, "UA.13", "admin1", 3)
    ]
    assert found("Drones were downed over the Moscow region.", compiled) == [
        ("Moscow region", 524925, "RU.47", "admin1", 3)
    ]


def test_one_sense_per_discourse_keeps_every_mention(compiled: Gazetteer) -> None:
    text = (
        "Russian troops shelled Kherson on Monday. Residents of occupied Kherson fled. "
        "Kherson Mayor Ihor Kolykhaiev said the city had no power."
    )
    kherson = [(t, gid) for t, gid, *_ in found(text, compiled)]
    assert kherson == [("Kherson", 706448)] * 3


def test_an_acronym_in_brackets_is_no_place(compiled: Gazetteer) -> None:
    text = "An analyst at the Royal United Services Institute (Rusi) said so."
    assert found(text, compiled) == []


def test_a_title_entity_made_of_place_names_is_a_list_of_places(compiled: Gazetteer) -> None:
    # spaCy reads "the Izyum and Severodonetsk" as a work of art
    text = "Russian forces conducted tactical attacks on the Izyum and Severodonetsk axes."
    assert [(t, gid) for t, gid, *_ in found(text, compiled)] == [
        ("Izyum", 707292),
        ("Severodonetsk", 691999),
    ]


@pytest.mark.parametrize(
    ("spellings", "geonameid"),
    [
        (["Severodonetsk", "Sievierodonetsk", "Syevyerodonetsk", "Сєвєродонецьк"], 691999),
        (["Yegorivka", "Yehorivka"], 688254),
        (["Kyiv", "Kiev", "Київ"], 703448),
        (["Kharkiv", "Kharkov", "Харків"], 706483),
    ],
)
def test_one_spelling_key_for_romanisations_and_cyrillic(
    spellings: list[str], geonameid: int, compiled: Gazetteer
) -> None:
    for spelling in spellings:
        ids = [place.geonameid for place in compiled.candidates(spelling)]
        assert geonameid in ids, spelling


def test_the_skeleton_folds_ukrainian_and_russian_spellings() -> None:
    keys = {skeleton(normalise(n)) for n in ("Sievierodonetsk", "Severodonetsk", "Северодонецк")}
    assert keys == {"severodonetsk"}
    assert skeleton(normalise("Yegorivka")) == skeleton(normalise("Yehorivka")) == "ehorivka"
    assert skeleton("kramatorsk") != skeleton("pokrovsk")


def test_a_village_only_katottg_lists_sits_at_its_raions_point(compiled: Gazetteer) -> None:
    # cities500 has no Brazhkivka; KATOTTG lists one, in Izium raion of Kharkiv oblast
    latin, cyrillic = compiled.candidates("Brazhkivka"), compiled.candidates("Бражківка")
    assert [p.key for p in latin] == [p.key for p in cyrillic]
    (village,) = latin
    assert (village.geonameid, village.feature, village.admin1, village.population) == (
        None,
        "populated place",
        "UA.07",
        None,
    )
    raion = next(p for p in compiled.candidates("Izium Raion") if p.feature == "admin2")
    assert (village.admin2, village.lat, village.lon) == (raion.admin2, raion.lat, raion.lon)
    text = "Russian forces took control of the village of Brazhkivka near Izyum."
    assert found(text, compiled)[0] == ("Brazhkivka", None, "UA.07", "populated place", 2)


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("search")
    article = folder / "article.txt"
    article.write_text(
        "date 2024-05-01 Russian forces shelled Sievierodonetsk on Tuesday, the governor said.\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{Path(folder) / 'search.db'}"
    with fogwatch.open(url) as store:
        store.ingest([str(article)])
    return url


@pytest.mark.parametrize("search", ["Severodonetsk", "Sievierodonetsk", "Сєвєродонецьк"])
def test_place_search_finds_every_spelling(store_url: str, search: str) -> None:
    # the stored place carries GeoNames' name, "Siverskodonetsk", which none of these contains
    with fogwatch.open(store_url) as store:
        assert sorted(row["name"] for row in store.places()) == ["Russia", "Siverskodonetsk"]
    result = CliRunner().invoke(
        app, ["places", "--search", search, "--format", "json", "--db", store_url]
    )
    assert result.exit_code == 0, result.output
    assert [row["id"] for row in json.loads(result.output)] == ["gn:691999"]
    with TestClient(create_app(store_url)) as client:
        body = client.get("/places", params={"search": search}).json()
    assert [row["id"] for row in body["places"]] == ["gn:691999"]


# ─── names that are not places ───────────────────────────────────────────────────────────────


def test_a_vessel_named_once_is_that_vessel_throughout(compiled: Gazetteer) -> None:
    text = "The cruiser Moskva sank near Odesa. The Moskva was the flagship."
    assert found(text, compiled) == [("Odesa", 698740, "UA.17", "populated place", 2)]


def test_an_organisation_named_by_a_common_word_and_a_division_word(compiled: Gazetteer) -> None:
    text = "Dmitry Mezentsev, General Secretary of the Union State, spoke in Minsk."
    assert found(text, compiled) == [("Minsk", 625144, "BY.04", "populated place", 1)]


def test_another_name_alone_needs_a_word_of_place(compiled: Gazetteer) -> None:
    # "Google" is one of Topeka's alternate names in GeoNames
    text = "We use Google reCaptcha to protect our website. Shelling hit Kharkiv."
    assert found(text, compiled) == [("Kharkiv", 706483, "UA.07", "populated place", 1)]


def test_an_organisation_named_like_a_far_division_is_dropped(compiled: Gazetteer) -> None:
    # Meta is a Colombian department; nothing in the article is near it
    text = (
        "Disinformation surged on social media after the invasion, Meta said. Shelling hit Kharkiv."
    )
    assert found(text, compiled) == [("Kharkiv", 706483, "UA.07", "populated place", 1)]


def test_a_thing_named_after_a_place_is_a_modifier(compiled: Gazetteer) -> None:
    text = "He called for a Nuremberg-style trial and recalled the Nuremberg trials."
    roles = [(m.span.of(text), m.role) for m in geoparse.find(nlp.parse_one(text), compiled)]
    assert roles == [("Nuremberg", "modifier"), ("Nuremberg", "modifier")]


def test_a_formal_state_name_is_the_state_unless_on_its_territory(compiled: Gazetteer) -> None:
    text = "The troops of the Republic of Belarus are not ready. Drills were held in the Republic of Belarus."
    roles = [(m.span.of(text), m.role) for m in geoparse.find(nlp.parse_one(text), compiled)]
    assert roles == [("Republic of Belarus", "metonym"), ("Republic of Belarus", "location")]


# ─── divisions, regions and sites ────────────────────────────────────────────────────────────


def test_a_bare_division_name_is_the_town_it_is_named_after(compiled: Gazetteer) -> None:
    text = "The supply route ran from Rostov into southern Ukraine."
    assert found(text, compiled)[0] == ("Rostov", 501175, "RU.61", "populated place", 1)


def test_a_site_is_coded_to_the_town_it_lies_in(compiled: Gazetteer) -> None:
    text = "Russian forces shelled the Azovstal plant in Mariupol."
    assert found(text, compiled)[0] == ("Azovstal plant", 701822, "UA.05", "populated place", 1)


def test_a_region_across_divisions_has_the_division_of_its_point(compiled: Gazetteer) -> None:
    assert found("Fighting continued in Donbas.", compiled) == [
        ("Donbas", None, "UA.05", "region", 3)
    ]


def test_a_misspelt_name_after_a_settlement_cue_is_read_as_the_place(compiled: Gazetteer) -> None:
    # an article naming two or more places of Ukraine: a misspelling is read among its towns
    text = "Fighting continues in the city of Sevrodonetsk. Shelling hit Luhansk and Kharkiv."
    assert found(text, compiled)[0] == ("Sevrodonetsk", 691999, "UA.14", "populated place", 1)


def test_a_village_in_a_division_without_it_is_coded_to_the_division(
    compiled: Gazetteer,
) -> None:
    # the gazetteer's Kirkuk are a city and a province of Iraq; "the village of" and its
    # Somali region say this one is neither
    found_places = found("Fighting reached the village of Kirkuk in Hiiraan region.", compiled)
    assert [(name, admin1, precision) for name, _, admin1, _, precision in found_places] == [
        ("Kirkuk", "SO.07", 3),
        ("Hiiraan region", "SO.07", 3),
    ]


def test_a_small_town_abroad_in_a_one_country_article_is_a_namesake(compiled: Gazetteer) -> None:
    # Qara: the gazetteer's only Qara is a Syrian town; the article is about Yemen's Hajjah
    text = (
        "Fighting continued in Yemen's Hajjah province on Monday. "
        "Rebels took control of the district of Qara overnight."
    )
    by_name = {name: admin1 for name, _, admin1, _, _ in found(text, compiled)}
    assert by_name["Qara"] == by_name["Hajjah province"] == "YE.22"


def test_a_division_word_makes_a_name_spacy_read_as_a_person_a_place(compiled: Gazetteer) -> None:
    # spaCy reads both names as people; "State" and "township" say they are divisions
    text = "Fighting continued in Rakhine State's Maungdaw township on Monday."
    assert [(name, feature) for name, _, _, feature, _ in found(text, compiled)] == [
        ("Rakhine State", "admin1"),
        ("Maungdaw township", "admin2"),
    ]


def test_a_place_name_given_to_a_square_or_street_is_no_place(compiled: Gazetteer) -> None:
    # "Plaza San Francisco" is a square in La Paz, not the city: read as one, it pulled La Paz
    # to its Philippine namesake
    text = "Marchers paused in Plaza San Francisco in central La Paz before police fired tear gas."
    assert [
        (name, admin1[:2] if admin1 else None) for name, _, admin1, _, _ in found(text, compiled)
    ] == [("La Paz", "BO")]
    text = "Riot police cleared the Place de la Bastille in Paris overnight."
    assert [name for name, *_ in found(text, compiled)] == ["Paris"]
