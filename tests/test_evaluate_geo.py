"""evaluate.geo: reading gold corpora in their four XML shapes, and the geoparsing metrics.

The fixtures under fixtures/geo/ are tiny hand-written files in each schema; the geoparsers here
are plain functions returning fixed mentions, so every expected score is worked out by hand.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from pathlib import Path

import pytest

from fogwatch.errors import InputError
from fogwatch.evaluate.geo import (
    GoldDocument,
    GoldToponym,
    auc,
    evaluate,
    haversine_km,
    load_corpus,
)
from fogwatch.geo import gazetteer
from fogwatch.records import Place, PlaceMention, Span
from helpers import FIXTURES

GEO = FIXTURES / "geo"

PARIS = Place(2988507, "Paris", "P.PPLC", "FR", lat=48.8566, lon=2.3522)
PARIS_TEXAS = Place(4717560, "Paris", "P.PPLA2", "US", lat=33.6609, lon=-95.5555)
LONDON = Place(2643743, "London", "P.PPLC", "GB", lat=51.5074, lon=-0.1278)
LONDON_ONTARIO = Place(6058560, "London", "P.PPL", "CA", lat=42.9834, lon=-81.233)
LYON = Place(2996944, "Lyon", "P.PPLA", "FR", lat=45.764, lon=4.8357)
PARIS_TO_LONDON_KM = 343.5565  # spherical law of cosines, R = 6371.0088 km


def gold(
    text: str, phrase: str, place: Place | None, nth: int = 0, with_id: bool = True
) -> GoldToponym:
    """The gold toponym for the `nth` occurrence of `phrase`, located like `place` (None: unlocated)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return GoldToponym(
        Span(start, start + len(phrase)),
        phrase,
        None if place is None else place.lat,
        None if place is None else place.lon,
        place.geonameid if place is not None and with_id else None,
    )


def mention(text: str, phrase: str, place: Place | None) -> PlaceMention:
    """A predicted mention of the first occurrence of `phrase`, resolved to `place`."""
    start = text.index(phrase)
    return PlaceMention(Span(start, start + len(phrase)), place, None, 1.0)


def scores_without_time(scores: dict[str, object]) -> dict[str, object]:
    assert isinstance(scores.pop("seconds"), float)
    return scores


def load_gwn() -> tuple[str, list[GoldDocument]]:
    """The GWN fixture, whose second article (like article 123 of the real GWN) points outside its text."""
    with pytest.warns(
        UserWarning, match=r"article 1: toponym 'Aleppo' at \[-12, -6\) lies outside"
    ):
        return load_corpus(GEO / "gwn_tiny.xml")


# --- load_corpus ----------------------------------------------------------------------------------

GWN_TEXT = (
    "Russian troops shelled Kharkiv overnight, Ukrainian officials said. Jordan Peterson was not "
    "in Kharkiv. The talks in Geneva stalled."
)


def test_gwn_keeps_real_toponyms_in_file_order() -> None:
    kharkiv = (49.98081, 36.25272)
    name, documents = load_gwn()
    assert name == "gwn_tiny"
    assert documents[0] == GoldDocument(
        "0",
        GWN_TEXT,
        (
            GoldToponym(Span(23, 30), "Kharkiv", *kharkiv, 706483),
            GoldToponym(Span(0, 7), "Russian", None, None, None),
            GoldToponym(Span(42, 51), "Ukrainian", 49.0, 32.0, 690791),
            GoldToponym(Span(95, 102), "Kharkiv", *kharkiv, None),
            GoldToponym(Span(117, 123), "Geneva", 46.20222, 6.14569, 2660646),
        ),
    )


def test_gwn_skips_expressions_and_non_toponyms() -> None:
    _, documents = load_gwn()
    names = {toponym.name for toponym in documents[0].toponyms}
    assert names.isdisjoint({"troops", "talks", "Jordan"})


def test_a_span_outside_the_text_is_skipped_with_a_warning() -> None:
    _, documents = load_gwn()
    assert documents[1] == GoldDocument("1", "Nothing else happened.", ())


LGL_BAKERY = (
    "Lubny bakery reopens. Volunteers from Poltava Oblast repaired its oven on Sadova Street."
)
LGL_RUN = "Charity run in Uman. Runners from Cherkasy took the first three places."


def test_lgl_reads_gaztag_coordinates_and_keeps_unresolved_toponyms() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = load_corpus(GEO / "lgl_tiny.xml")
    assert loaded == (
        "lgl_tiny",
        [
            GoldDocument(
                "fw-101",
                LGL_BAKERY,
                (
                    GoldToponym(Span(0, 5), "Lubny", 50.01413, 32.99975, 702723),
                    GoldToponym(Span(38, 52), "Poltava Oblast", 49.70295, 33.78684, 696634),
                    GoldToponym(Span(74, 87), "Sadova Street", None, None, None),
                ),
            ),
            GoldDocument(
                "fw-102",
                LGL_RUN,
                (
                    GoldToponym(Span(15, 19), "Uman", 48.7501, 30.21944, 690688),
                    GoldToponym(Span(34, 42), "Cherkasy", 49.44452, 32.05738, 710791),
                ),
            ),
        ],
    )


def test_the_lgl_fixtures_gold_places_are_the_gazetteers() -> None:
    """The hand-written gold ids and coordinates are real: each is its name's first candidate."""
    compiled = gazetteer.load()
    _, documents = load_corpus(GEO / "lgl_tiny.xml")
    located = [t for d in documents for t in d.toponyms if t.geonameid is not None]
    assert len(located) == 4
    for toponym in located:
        best = compiled.candidates(toponym.name)[0]
        assert (best.geonameid, best.lat, best.lon) == (
            toponym.geonameid,
            pytest.approx(toponym.lat, abs=1e-5),
            pytest.approx(toponym.lon, abs=1e-5),
        ), toponym.name


def test_tr_news_reads_as_lgl() -> None:
    assert load_corpus(GEO / "trnews_tiny.xml") == (
        "trnews_tiny",
        [
            GoldDocument(
                "1040001",
                "A Turkish policeman shot the ambassador in Ankara.",
                (
                    GoldToponym(Span(2, 9), "Turkish", 39.0, 35.0, 298795),
                    GoldToponym(Span(43, 49), "Ankara", 39.91987, 32.85427, 323786),
                ),
            )
        ],
    )


def test_geovirus_locations_have_coordinates_but_no_ids() -> None:
    assert load_corpus(GEO / "locations_schema_tiny.xml") == (
        "locations_schema_tiny",
        [
            GoldDocument(
                "0",
                "Ebola reached Liberia and the US.",
                (
                    GoldToponym(Span(14, 21), "Liberia", 6.5, -9.5, None),
                    GoldToponym(Span(30, 32), "US", 40.0, -100.0, None),
                ),
            ),
            GoldDocument(
                "1",
                "Cases in Pandi, Bulacan.",
                (
                    GoldToponym(Span(16, 23), "Bulacan", 15.0, 121.08, None),
                    GoldToponym(Span(9, 14), "Pandi", 14.87, 120.95, None),
                ),
            ),
        ],
    )


@pytest.mark.parametrize(
    "fixture", ["gwn_tiny.xml", "lgl_tiny.xml", "trnews_tiny.xml", "locations_schema_tiny.xml"]
)
def test_fixture_spans_cover_their_names(fixture: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the GWN fixture's deliberately misplaced toponym
        _, documents = load_corpus(GEO / fixture)
    for document in documents:
        for toponym in document.toponyms:
            assert toponym.span.of(document.text) == toponym.name


def lgl_file(tmp_path: Path, spans: Sequence[tuple[str, int, int]]) -> Path:
    """A one-article LGL-shaped file on an invented text, with (phrase, start, end) toponyms."""
    toponyms = "".join(
        f"<toponym><start>{start}</start><end>{end}</end><phrase>{phrase}</phrase></toponym>"
        for phrase, start, end in spans
    )
    path = tmp_path / "shifted.xml"
    path.write_text(
        f"<articles><article docid='1'><text>{OFFSETS_TEXT}</text>"
        f"<toponyms>{toponyms}</toponyms></article></articles>",
        encoding="utf-8",
    )
    return path


OFFSETS_TEXT = "Shelling hit Kharkiv and Izium; Kyiv was quiet."
# 0-based, end exclusive: Kharkiv [13, 20), Izium [25, 30), Kyiv [32, 36)


@pytest.mark.parametrize(("shift_start", "shift_end"), [(0, 0), (1, 1), (0, -1), (1, 0)], ids=str)
def test_each_offset_convention_is_told_from_the_spans(
    tmp_path: Path, shift_start: int, shift_end: int
) -> None:
    # 1-based counting adds one to both ends; an inclusive end takes one off the end
    spans = [
        (phrase, start + shift_start, end + shift_end)
        for phrase, start, end in (("Kharkiv", 13, 20), ("Izium", 25, 30), ("Kyiv", 32, 36))
    ]
    _, documents = load_corpus(lgl_file(tmp_path, spans))
    assert [(t.name, t.span) for t in documents[0].toponyms] == [
        ("Kharkiv", Span(13, 20)),
        ("Izium", Span(25, 30)),
        ("Kyiv", Span(32, 36)),
    ]


def test_a_corpus_no_convention_aligns_is_one_input_error(tmp_path: Path) -> None:
    spans = [("Kharkiv", 3, 10), ("Izium", 17, 22), ("Kyiv", 40, 44)]
    with pytest.raises(InputError, match=r"only 0 of 3 toponym spans read their annotated name"):
        load_corpus(lgl_file(tmp_path, spans))


def test_a_span_reading_another_name_is_skipped_with_a_warning(tmp_path: Path) -> None:
    # nine spans read their names, one reads another: the corpus aligns, the one is skipped
    spans = [("Kharkiv", 13, 20), ("Izium", 25, 30), ("Kyiv", 32, 36)] * 3 + [("Odesa", 32, 36)]
    with pytest.warns(UserWarning, match=r"toponym 'Odesa' at \[32, 36\) reads 'Kyiv' — skipped"):
        _, documents = load_corpus(lgl_file(tmp_path, spans))
    assert [t.name for t in documents[0].toponyms] == ["Kharkiv", "Izium", "Kyiv"] * 3


def test_a_toponym_of_unknown_shape_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "odd.xml"
    path.write_text(
        "<articles><article docid='7'><text>In Kyiv.</text><toponyms><toponym>"
        "<start>3</start><end>7</end><word>Kyiv</word></toponym></toponyms></article></articles>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"odd\.xml: article 7: a <toponym> with neither <type>"):
        load_corpus(path)


def test_broken_xml_is_an_input_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<articles>\n<article>\n<text>Kyiv</txt>\n</articles>\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.xml:3: not well-formed XML"):
        load_corpus(path)


def test_a_file_without_articles_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text("<articles/>", encoding="utf-8")
    with pytest.raises(InputError, match="no <article> elements"):
        load_corpus(path)


def test_a_coordinate_that_is_not_a_number_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(
        "<articles><article><text>In Kyiv.</text><locations><location><name>Kyiv</name>"
        "<start>3</start><end>7</end><lat>north</lat><lon>30.5</lon></location></locations>"
        "</article></articles>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"article 0: latitude 'north' is not a number"):
        load_corpus(path)


# --- evaluate -------------------------------------------------------------------------------------

TEXT = "Drones flew from Paris to London and Lyon, French officials said."
DOCUMENT = GoldDocument(
    "d1",
    TEXT,
    (
        gold(TEXT, "Paris", PARIS),
        gold(TEXT, "London", LONDON),
        gold(TEXT, "Lyon", LYON, with_id=False),
        gold(TEXT, "French", None),
    ),
)


def find_some(text: str) -> list[PlaceMention]:
    """Paris exactly, London inside a longer span, a false "Drones"; Lyon and French missed."""
    return [
        mention(text, "Drones", None),
        mention(text, "Paris", PARIS),
        mention(text, "to London", LONDON),
    ]


def resolve_some(text: str, spans: Sequence[Span]) -> list[PlaceMention]:
    """Paris right, London resolved to Paris (343.56 km off), Lyon and French abstained."""
    places = [PARIS, PARIS, None, None]
    return [PlaceMention(span, place, None, 1.0) for span, place in zip(spans, places, strict=True)]


def candidates(name: str) -> list[Place]:
    return {"Paris": [PARIS_TEXAS, PARIS], "London": [LONDON_ONTARIO]}.get(name, [])


def test_every_score_on_a_hand_worked_document() -> None:
    # trapezoids over ln(1 + km) at x = 0, 1, 2, scaled by ln(20039)·(3 − 1)
    area = (math.log(1) + math.log(1 + PARIS_TO_LONDON_KM)) / 2 + (
        math.log(1 + PARIS_TO_LONDON_KM) + math.log(20040)
    ) / 2
    assert round(area / (math.log(20039) * 2), 4) == 0.5449
    scores = evaluate([DOCUMENT], find_some, resolve_some, candidates, corpus="hand")
    assert scores_without_time(scores) == {
        "corpus": "hand",
        "docs": 1,
        # 3 predicted, 4 gold; exact: Paris; overlapping: Paris and London
        "recognition": {
            "p": 0.3333,  # 1/3
            "r": 0.25,  # 1/4
            "f1": 0.2857,  # 2/7
            "p_overlap": 0.6667,  # 2/3
            "r_overlap": 0.5,  # 2/4
            "f1_overlap": 0.5714,  # 4/7
        },
        # errors 0, 343.5565 and 20039 km; French has no coordinates; Lyon has no id
        "resolution": {
            "n": 3,
            "acc161": 0.3333,
            "acc25": 0.3333,
            "mean_km": 6794.1855,  # (0 + 343.5565 + 20039) / 3
            "median_km": PARIS_TO_LONDON_KM,
            "auc": 0.5449,
            "exact_id": 0.5,
        },
        # Paris and London found and placed right, Lyon missed
        "end_to_end": {"acc161": 0.6667},
        # only Paris has a candidate within 161 km
        "coverage": {"ceiling161": 0.3333},
    }


def test_one_prediction_over_two_gold_spans_matches_only_one() -> None:
    text = "Clinics in Washington, D.C. reported cases."
    document = GoldDocument("d", text, (gold(text, "Washington", None), gold(text, "D.C.", None)))
    scores = evaluate([document], lambda t: [mention(t, "Washington, D.C.", None)], resolve_none)
    assert scores["recognition"] == {
        "p": 0.0,
        "r": 0.0,
        "f1": 0.0,
        "p_overlap": 1.0,
        "r_overlap": 0.5,
        "f1_overlap": 0.6667,
    }


def test_a_duplicate_prediction_counts_against_precision() -> None:
    text = "Shelling in Kherson."
    document = GoldDocument("d", text, (gold(text, "Kherson", None),))
    twice = [mention(text, "Kherson", None)] * 2
    scores = evaluate([document], lambda t: twice, resolve_none)
    assert scores["recognition"] == {
        "p": 0.5,
        "r": 1.0,
        "f1": 0.6667,
        "p_overlap": 0.5,
        "r_overlap": 1.0,
        "f1_overlap": 0.6667,
    }


def resolve_none(text: str, spans: Sequence[Span]) -> list[PlaceMention]:
    return []


def test_no_answer_and_a_place_without_coordinates_are_both_abstentions() -> None:
    document = GoldDocument("d", TEXT, (gold(TEXT, "Paris", PARIS), gold(TEXT, "London", LONDON)))
    unlocated = Place(2643743, "London", "P.PPLC", "GB")

    def resolve(text: str, spans: Sequence[Span]) -> list[PlaceMention]:
        return [PlaceMention(spans[1], unlocated, None, 0.5)]  # nothing for Paris

    scores = evaluate([document], find_some, resolve)
    assert scores["resolution"] == {
        "n": 2,
        "acc161": 0.0,
        "acc25": 0.0,
        "mean_km": 20039.0,
        "median_km": 20039.0,
        "auc": 1.0,  # ln(20040) / ln(20039) = 1.00001
        "exact_id": 0.5,  # the id matches even without coordinates
    }


def test_answers_are_matched_to_gold_by_span_not_by_order() -> None:
    document = GoldDocument("d", TEXT, (gold(TEXT, "Paris", PARIS), gold(TEXT, "London", LONDON)))

    def resolve(text: str, spans: Sequence[Span]) -> list[PlaceMention]:
        return [PlaceMention(spans[1], LONDON, None, 1.0), PlaceMention(spans[0], PARIS, None, 1.0)]

    scores = evaluate([document], find_some, resolve)
    assert scores["resolution"]["acc161"] == 1.0  # type: ignore[index]


def test_end_to_end_takes_any_overlapping_prediction_within_161_km() -> None:
    document = GoldDocument("d", TEXT, (gold(TEXT, "London", LONDON),))

    def find(text: str) -> list[PlaceMention]:
        return [mention(text, "to London", LONDON_ONTARIO), mention(text, "London", LONDON)]

    scores = evaluate([document], find, resolve_none)
    assert scores["end_to_end"] == {"acc161": 1.0}


def test_without_candidates_or_located_gold_the_scores_are_none() -> None:
    text = "French officials said."
    document = GoldDocument("d", text, (gold(text, "French", None),))
    scores = scores_without_time(evaluate([document], lambda t: [], resolve_none))
    assert scores == {
        "corpus": None,
        "docs": 1,
        "recognition": {
            "p": 0.0,
            "r": 0.0,
            "f1": 0.0,
            "p_overlap": 0.0,
            "r_overlap": 0.0,
            "f1_overlap": 0.0,
        },
        "resolution": {
            "n": 0,
            "acc161": None,
            "acc25": None,
            "mean_km": None,
            "median_km": None,
            "auc": None,
            "exact_id": None,
        },
        "end_to_end": {"acc161": None},
        "coverage": {"ceiling161": None},
    }


def test_find_runs_right_before_resolve_on_each_text() -> None:
    calls: list[tuple[str, str]] = []
    documents = [
        GoldDocument("a", "In Kyiv.", (GoldToponym(Span(3, 7), "Kyiv", 50.45, 30.52, None),)),
        GoldDocument("b", "In Odesa.", (GoldToponym(Span(3, 8), "Odesa", 46.48, 30.73, None),)),
    ]

    def find(text: str) -> list[PlaceMention]:
        calls.append(("find", text))
        return []

    def resolve(text: str, spans: Sequence[Span]) -> list[PlaceMention]:
        calls.append(("resolve", text))
        return []

    evaluate(documents, find, resolve)
    assert calls == [
        ("find", "In Kyiv."),
        ("resolve", "In Kyiv."),
        ("find", "In Odesa."),
        ("resolve", "In Odesa."),
    ]


def test_a_perfect_geoparser_on_the_lgl_fixture() -> None:
    _, documents = load_corpus(GEO / "lgl_tiny.xml")
    gold_of = {document.text: document.toponyms for document in documents}

    def place(toponym: GoldToponym) -> Place | None:
        if toponym.lat is None:
            return None
        return Place(
            toponym.geonameid, toponym.name, "P.PPL", "UA", lat=toponym.lat, lon=toponym.lon
        )

    def find(text: str) -> list[PlaceMention]:
        return [PlaceMention(t.span, place(t), None, 1.0) for t in gold_of[text]]

    def resolve(text: str, spans: Sequence[Span]) -> list[PlaceMention]:
        return find(text)

    def candidates(name: str) -> list[Place]:
        return [place(t) or PARIS for d in documents for t in d.toponyms if t.name == name]

    scores = scores_without_time(evaluate(documents, find, resolve, candidates))
    assert scores["recognition"] == dict.fromkeys(
        ["p", "r", "f1", "p_overlap", "r_overlap", "f1_overlap"], 1.0
    )
    # Sadova Street has no coordinates: recognised, not resolved
    assert scores["resolution"] == {
        "n": 4,
        "acc161": 1.0,
        "acc25": 1.0,
        "mean_km": 0.0,
        "median_km": 0.0,
        "auc": 0.0,
        "exact_id": 1.0,
    }
    assert scores["end_to_end"] == {"acc161": 1.0}
    assert scores["coverage"] == {"ceiling161": 1.0}


# --- distances and AUC ----------------------------------------------------------------------------


def test_paris_to_london_is_344_km() -> None:
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(
        PARIS_TO_LONDON_KM, abs=1e-4
    )


def test_antipodes_are_half_the_circumference_apart() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * 6371.0088)


def test_auc_on_a_known_list() -> None:
    # ln(1 + km) = 0, 1, 2: trapezoids 0.5 + 1.5 = 2 over ln(20039)·2
    assert auc([math.e**2 - 1, 0.0, math.e - 1]) == pytest.approx(1 / math.log(20039))


def test_auc_is_zero_when_every_answer_is_exact() -> None:
    assert auc([0.0, 0.0, 0.0]) == 0.0


def test_auc_of_one_error_is_its_own_height() -> None:
    assert auc([math.e - 1]) == pytest.approx(1 / math.log(20039))
