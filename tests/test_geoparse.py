"""The geoparser on small hand-written articles: what is a place, which place, and why."""

from __future__ import annotations

import pytest

from fogwatch.geo import gazetteer, geoparse
from fogwatch.geo.gazetteer import Gazetteer
from fogwatch.language import nlp
from fogwatch.records import PlaceMention, Span


@pytest.fixture(scope="module")
def compiled() -> Gazetteer:
    """The process's gazetteer (built once per test session when the cache is missing)."""
    return gazetteer.load()


def places(text: str, compiled: Gazetteer) -> dict[str, PlaceMention]:
    """The article's place mentions by their text (the last one when a name repeats)."""
    mentions = geoparse.find(nlp.parse_one(text), compiled)
    for mention in mentions:
        assert mention.span.of(text).strip() == mention.span.of(text)
    return {mention.span.of(text): mention for mention in mentions}


def where(mention: PlaceMention) -> tuple[int | None, str | None, int | None, str]:
    place = mention.place
    assert place is not None, mention
    return place.geonameid, place.admin1, mention.geo_precision, mention.role


def test_town_in_a_named_province(compiled: Gazetteer) -> None:
    text = "Russia is trying to take Pokrovsk in Donetsk province, the army said."
    found = places(text, compiled)
    assert found["Pokrovsk"].span == Span(25, 33)
    assert where(found["Pokrovsk"]) == (704422, "UA.05", 1, "location")
    assert found["Pokrovsk"].reason == "Donetsk province named as its parent"
    assert where(found["Donetsk province"]) == (709716, "UA.05", 3, "location")


def test_region_phrase_is_one_mention_of_the_division(compiled: Gazetteer) -> None:
    text = "Ukrainian forces withdrew from three villages in the southern Zaporizhzhia region."
    found = places(text, compiled)
    region = found["Zaporizhzhia region"]
    assert where(region) == (687699, "UA.26", 3, "location")
    assert region.place is not None and region.place.feature == "admin1"
    assert "Zaporizhzhia" not in found


def test_one_village_name_two_oblasts(compiled: Gazetteer) -> None:
    donetsk = places(
        "Russian shelling hit Mykolaivka in the Donetsk region on Tuesday, officials said.",
        compiled,
    )
    odesa = places(
        "Russian drones struck Mykolaivka overnight. The governor of the Odesa region said "
        "the village, near Bilhorod-Dnistrovskyi, lost power.",
        compiled,
    )
    assert where(donetsk["Mykolaivka"]) == (700119, "UA.05", 1, "location")
    assert where(odesa["Mykolaivka"]) == (700175, "UA.17", 1, "location")
    assert odesa["Mykolaivka"].reason == "Odesa region named in the same paragraph"


def test_pokrovsk_in_a_saratov_article_is_not_the_donetsk_town(compiled: Gazetteer) -> None:
    text = "Floods in Russia's Saratov region reached Engels and Pokrovsk, officials said."
    mention = places(text, compiled)["Pokrovsk"]
    assert mention.place is None or mention.place.country == "RU"
    assert mention.place is not None and mention.place.geonameid != 704422


def test_capital_that_speaks_is_a_metonym_and_still_a_place(compiled: Gazetteer) -> None:
    text = "Moscow said the talks had failed. Thousands protested in Moscow on Sunday."
    mentions = geoparse.find(nlp.parse_one(text), compiled)
    assert [(m.span, m.role) for m in mentions] == [
        (Span(0, 6), "metonym"),
        (Span(57, 63), "location"),
    ]
    assert all(m.place is not None and m.place.geonameid == 524901 for m in mentions)


def test_kyiv_insists_is_a_metonym(compiled: Gazetteer) -> None:
    text = "Moscow claims the city is encircled, while Kyiv insists it can still deliver supplies."
    found = places(text, compiled)
    assert where(found["Moscow"]) == (524901, "RU.48", 1, "metonym")
    assert where(found["Kyiv"]) == (703448, "UA.12", 1, "metonym")


def test_village_missing_from_the_gazetteer_is_coded_to_its_named_region(
    compiled: Gazetteer,
) -> None:
    # GeoNames knows Pishchanes in other oblasts only, KATOTTG lists the Donetsk one: it is
    # coded at its raion's point (geo_precision 2); with no such village, to the region
    text = "Russian troops attacked Pishchane in Donetsk region on Monday."
    mention = places(text, compiled)["Pishchane"]
    assert where(mention) == (None, "UA.05", 2, "location")
    assert mention.place is not None and mention.place.admin2 is not None
    assert mention.reason == "Donetsk region named as its parent"
    text = "Russian troops attacked Pochaiv in Donetsk region on Monday."  # Ternopil's only
    mention = places(text, compiled)["Pochaiv"]
    assert where(mention) == (709716, "UA.05", 3, "location")
    assert mention.reason.startswith("no Pochayiv in Donetsk region in the gazetteer")


def test_a_small_place_named_like_a_longer_names_last_word_is_no_place(
    compiled: Gazetteer,
) -> None:
    # "Prix" is a French village's name; here it ends the name of a race
    found = places("Protesters disrupted the Formula One Grand Prix in the city.", compiled)
    assert "Prix" not in found


def test_a_name_after_a_comma_and_its_country_is_never_a_large_namesake_abroad(
    compiled: Gazetteer,
) -> None:
    # the gazetteer's Salems are in India and the US: "Salem, Jamaica" is coded to Jamaica
    mention = places("Clashes broke out in Salem, Jamaica, on Monday.", compiled)["Salem"]
    assert mention.place is not None and mention.place.country == "JM"
    assert mention.geo_precision == 3
    # another reading of the parent's name holds it: the US state, not the country
    mention = places("Police arrested 20 people in Atlanta, Georgia.", compiled)["Atlanta"]
    assert mention.place is not None and mention.place.country == "US"


def test_village_missing_from_the_gazetteer_never_becomes_a_namesake_elsewhere(
    compiled: Gazetteer,
) -> None:
    text = (
        "Fighting raged near Pokrovsk, Myrnohrad and Selydove in the Donetsk region, and "
        "around Kurakhove. Russian forces also attacked Pishchane, the general staff said."
    )
    mention = places(text, compiled)["Pishchane"]
    # of Donetsk region's two, the one in the raion of the named towns, at its raion's point
    assert mention.place is not None and mention.place.admin2 == "UA.05.1416"
    assert mention.geo_precision == 2


@pytest.mark.parametrize(
    "text",
    [
        "Paris Hilton arrived at the party on Saturday.",
        "Jack London wrote about the Klondike gold rush.",
        "Mr. Washington said he was happy with the result.",
    ],
)
def test_people_named_like_places_are_not_places(compiled: Gazetteer, text: str) -> None:
    assert places(text, compiled) == {}


def test_near_and_outskirts_are_geo_precision_2(compiled: Gazetteer) -> None:
    text = (
        "Ukrainian forces repelled attacks near Dobropillia and on the outskirts of Kostiantynivka."
    )
    found = places(text, compiled)
    assert where(found["Dobropillia"]) == (709900, "UA.05", 2, "location")
    assert where(found["Kostiantynivka"]) == (705104, "UA.05", 2, "location")


def test_demonyms_name_the_country_without_a_precision(compiled: Gazetteer) -> None:
    found = places("Ukrainian troops held the line.", compiled)
    assert where(found["Ukrainian"]) == (690791, None, None, "demonym")


def test_state_abbreviation_after_a_town(compiled: Gazetteer) -> None:
    found = places("Officials in Springfield, Ill., said the river rose.", compiled)
    assert where(found["Springfield"]) == (4250542, "US.IL", 1, "location")
    assert where(found["Ill."]) == (4896861, "US.IL", 3, "location")


def test_romanisation_with_one_z(compiled: Gazetteer) -> None:
    found = places("Russian forces shelled Zaporizhia and villages in the Kursk region.", compiled)
    assert where(found["Zaporizhia"]) == (687700, "UA.26", 1, "location")
    assert where(found["Kursk region"]) == (538555, "RU.41", 3, "location")


def test_everyday_words_and_months_are_not_places(compiled: Gazetteer) -> None:
    text = "Most residents left in May 2023. Reading the report, the Centre said fog helped."
    assert places(text, compiled) == {}


def test_resolve_gives_one_mention_per_span(compiled: Gazetteer) -> None:
    text = "Fighting near Kramatorsk and Druzhkivka; Russian troops advanced."
    doc = nlp.parse_one(text)
    spans = [Span(14, 24), Span(29, 39), Span(41, 48)]
    mentions = geoparse.resolve(doc, spans, compiled)
    assert [m.span for m in mentions] == spans
    assert [m.place.geonameid if m.place else None for m in mentions] == [704508, 616743, 2017370]
    assert [m.role for m in mentions] == ["location", "location", "demonym"]


def test_resolve_codes_an_unknown_given_name_to_the_articles_town(compiled: Gazetteer) -> None:
    text = "Crowds gathered on Sumska Street in Kharkiv for the parade."
    doc = nlp.parse_one(text)
    street, city = geoparse.resolve(doc, [Span(19, 32), Span(36, 43)], compiled)
    assert city.place is not None and city.place.geonameid == 706483
    assert street.place == city.place and street.geo_precision == 2
    assert street.reason == "not in the gazetteer; coded to Kharkiv, the article's main place"


def test_resolve_codes_an_unknown_given_name_to_a_town_beside_it_when_the_article_has_none(
    compiled: Gazetteer,
) -> None:
    text = "Russia denied it, and Russia's envoy agreed. Crowds met on Sumska Street in Kharkiv."
    names = ["Russia", "Russia", "Sumska Street", "Kharkiv"]
    spans, start = [], 0
    for name in names:
        start = text.index(name, start)
        spans.append(Span(start, start + len(name)))
        start += len(name)
    *_, street, city = geoparse.resolve(nlp.parse_one(text), spans, compiled)
    assert city.place is not None and city.place.geonameid == 706483
    assert street.place == city.place and street.geo_precision == 2
    assert street.reason == "not in the gazetteer; coded to Kharkiv, named nearby"


def test_resolve_reads_a_compass_word_before_a_division_as_part_of_it(
    compiled: Gazetteer,
) -> None:
    text = "Rain is expected across Western Kansas tonight."
    (mention,) = geoparse.resolve(nlp.parse_one(text), [Span(24, 38)], compiled)
    assert mention.place is not None and mention.place.geonameid == 4273857
    assert mention.geo_precision == 3


def test_an_article_without_places(compiled: Gazetteer) -> None:
    doc = nlp.parse_one("Nothing happened here today, officials said.")
    assert geoparse.find(doc, compiled) == []
    assert geoparse.resolve(doc, [], compiled) == []


def test_old_name_in_a_front_line_report(compiled: Gazetteer) -> None:
    text = "Russian forces shelled Artemivsk and Krasnoarmeysk in the Donetsk region."
    found = places(text, compiled)
    assert where(found["Artemivsk"]) == (713174, "UA.05", 1, "location")
    assert where(found["Krasnoarmeysk"]) == (704422, "UA.05", 1, "location")


def test_a_town_heading_an_institution_name_is_a_modifier(compiled: Gazetteer) -> None:
    text = "Officers of the Toledo Police Department arrested a man on Monday."
    found = places(text, compiled)
    assert list(found) == ["Toledo"]
    assert found["Toledo"].role == "modifier"


def test_a_word_heading_an_institution_name_is_no_place(compiled: Gazetteer) -> None:
    text = "Officials of the Energy Ministry met the Liberty Bank board."
    assert places(text, compiled) == {}


def test_street_and_lake_names_the_gazetteer_lacks_are_kept_unresolved(
    compiled: Gazetteer,
) -> None:
    text = "A fire broke out on Maple Street in Dayton, Ohio, near Quarry Lake."
    found = places(text, compiled)
    assert set(found) == {"Maple Street", "Dayton", "Ohio", "Quarry Lake"}
    for name in ("Maple Street", "Quarry Lake"):
        assert found[name].place is None and found[name].role == "location"
        assert found[name].reason == "not in the gazetteer"


def test_resolve_reads_an_adjective_formed_from_an_area_name(compiled: Gazetteer) -> None:
    text = "A Scandinavian winter is long."
    (mention,) = geoparse.resolve(nlp.parse_one(text), [Span(2, 14)], compiled)
    assert mention.place is not None and mention.place.name == "Scandinavia"
    assert mention.role == "demonym"


def test_resolve_codes_an_unknown_name_to_the_main_town_not_a_far_one(
    compiled: Gazetteer,
) -> None:
    text = (
        "Dayton police said the fire spread fast. Dayton officials closed two schools. "
        "The owner, who moved from Seattle, runs Maplewood Bakery."
    )
    spans = [Span(0, 6), Span(41, 47), Span(104, 111), Span(118, 134)]
    assert [s.of(text) for s in spans] == ["Dayton", "Dayton", "Seattle", "Maplewood Bakery"]
    dayton, _, seattle, bakery = geoparse.resolve(nlp.parse_one(text), spans, compiled)
    assert dayton.place is not None and seattle.place is not None
    assert bakery.place == dayton.place and bakery.geo_precision == 2


def test_resolve_reads_a_place_embedded_in_an_institutions_name(compiled: Gazetteer) -> None:
    text = "She taught at Hartley College Oxford before moving on."
    (mention,) = geoparse.resolve(nlp.parse_one(text), [Span(14, 36)], compiled)
    assert mention.place is not None and mention.place.geonameid == 2640729
    assert mention.role == "location"


def test_resolve_reads_no_place_into_a_streets_name(compiled: Gazetteer) -> None:
    text = "The shop on Swindon Lane closed."
    (mention,) = geoparse.resolve(nlp.parse_one(text), [Span(12, 24)], compiled)
    assert mention.place is None


def test_resolve_reads_a_peoples_adjective_opening_an_institutions_name(
    compiled: Gazetteer,
) -> None:
    text = "The Peruvian Senate voted on Tuesday."
    (mention,) = geoparse.resolve(nlp.parse_one(text), [Span(4, 19)], compiled)
    assert mention.place is not None and mention.place.geonameid == 3932488
    assert mention.role == "demonym"


def test_the_main_town_lies_in_the_country_the_article_names_most(compiled: Gazetteer) -> None:
    text = (
        "Swindon, Swindon and Swindon are the models on offer.\n\n"
        "The homes are in Dayton, Ohio, and buyers from Ohio like them.\n\n"
        "Residents shop at Sunny Acres Market, and Ohio schools are close."
    )
    names = ["Swindon", "Swindon", "Swindon", "Dayton", "Ohio", "Ohio", "Sunny Acres Market"]
    names.append("Ohio")
    spans, start = [], 0
    for name in names:
        start = text.index(name, start)
        spans.append(Span(start, start + len(name)))
        start += len(name)
    *_, dayton, _, _, market, _ = geoparse.resolve(nlp.parse_one(text), spans, compiled)
    assert dayton.place is not None and dayton.place.geonameid == 4509884
    assert market.place == dayton.place
    assert market.reason == "not in the gazetteer; coded to Dayton, the article's main place"


def test_a_place_read_inside_a_longer_name_does_not_pull_the_others(
    compiled: Gazetteer,
) -> None:
    text = "Fans met at the Illinois Sports Hall before the Springfield game."
    names = ["Illinois Sports Hall", "Springfield"]
    spans = [Span(text.index(n), text.index(n) + len(n)) for n in names]
    hall, springfield = geoparse.resolve(nlp.parse_one(text), spans, compiled)
    assert hall.place is not None and hall.place.geonameid == 4896861
    assert springfield.place is not None and springfield.place.geonameid == 4409896
    assert springfield.reason == "the largest place of that name"


def test_the_main_town_lies_in_the_division_the_article_is_about(compiled: Gazetteer) -> None:
    text = (
        "Tucson, Tucson and Tucson are the floor plans on offer.\n\n"
        "The homes are in Leesburg, Virginia, and buyers like Virginia schools.\n\n"
        "Residents shop at Sunny Acres Market."
    )
    names = ["Tucson", "Tucson", "Tucson", "Leesburg", "Virginia", "Virginia"]
    names.append("Sunny Acres Market")
    spans, start = [], 0
    for name in names:
        start = text.index(name, start)
        spans.append(Span(start, start + len(name)))
        start += len(name)
    *_, leesburg, _, _, market = geoparse.resolve(nlp.parse_one(text), spans, compiled)
    assert leesburg.place is not None and leesburg.place.admin1 == "US.VA"
    assert market.place == leesburg.place
    assert market.reason == "not in the gazetteer; coded to Leesburg, the article's main place"


def test_a_town_listed_with_other_towns_of_a_people_is_theirs(compiled: Gazetteer) -> None:
    lebanese = places("Fighting broke out in Tripoli and reached other Lebanese towns.", compiled)
    assert lebanese["Tripoli"].place is not None and lebanese["Tripoli"].place.country == "LB"
    alone = places("Riots broke out in Tripoli on Tuesday.", compiled)
    assert alone["Tripoli"].place is not None and alone["Tripoli"].place.country == "LY"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Pirates boarded a tanker in the Gulf of Guinea.", "Gulf of Guinea", ""),
        ("Gunmen attacked a village in Darfur.", "Darfur", "SD"),
        ("Militants attacked a checkpoint in the Sinai.", "Sinai", "EG"),
        ("Boko Haram fighters attacked an island in Lake Chad.", "Lake Chad", ""),
    ],
)
def test_seas_lakes_and_regions_of_other_wars(
    compiled: Gazetteer, text: str, name: str, country: str
) -> None:
    place = places(text, compiled)[name].place
    assert place is not None and place.country == country
