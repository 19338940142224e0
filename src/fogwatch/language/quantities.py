"""Counts with their units: "about 150,000 troops", "at least 12 people were killed", "half of the residents".

`find(doc)` returns one `Quantity` per count, in text order. Its span covers the hedge, the number
and the unit's head word ("only about 1,200 residents", "at least 12 people"). The unit comes from
the noun counted or, when people are counted, from what happened to them: "12 civilians were
killed" counts the killed, "captured 40 soldiers" the captured. The words are data, in
`data/quantity_units.yaml`.

How a value is coded. ACLED codes the most conservative (lowest) reported estimate, so `best` is
that estimate; `low` and `high` keep what else the text says:

- "150,000 troops", "about 150,000", "nearly 150,000": 150000 for all three, hedge "about". The
  figure is not widened: a source's round number is its estimate, and the hedge says it is one.
- "at least 12", "more than 40", "12 or more": the figure as written for all three. "more than 40"
  stays 40, not 41: the source named 40, and anything above it would invent precision.
- "up to 180", "fewer than 180": low = best = 0, high = 180. An upper bound reports no lower
  estimate, and ACLED codes a count it was not given as 0; `high` keeps the claimed figure.
- "between 10 and 20", "10-20", "10 to 20", "two or three": low = best = 10, high = 20, hedge "between".
- Vague words: best is ACLED's code (several, a few 3; many 10; tens 10; dozens 12; hundreds 100;
  thousands 1000), high the top of what the word can mean ("dozens": 99). "several hundred" is 300
  (several x hundred), "tens of thousands" 10,000, "a dozen" 12, "three dozen" 36.
- "10%", "10 percent", "10 per cent": unit "percent". "a third of the population" and "half of the
  residents" are shares: unit "percent", best 33.33 and 50, hedge "a third" and "half".
- Distances keep the number as written, unit "km", "mi" or "m" ("km2" for square kilometres).
- Years, dates, clock times, durations, ages, money, weapon and unit names ("S-300", "T-72",
  "the 47th Brigade") are not counts; a number with no unit is not emitted.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import TYPE_CHECKING

import numpy as np
import yaml

from fogwatch.language.nlp import hashes_in
from fogwatch.records import Quantity, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_DESIGNATION = re.compile(r"[A-Za-z]+[-‐]?\d[\w-]*")
_HYPHENS = frozenset({"-", "–", "—", "‐"})
_RANGE_WORDS = frozenset({"-", "–", "—", "to", "or"})
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM", "PRON"})
_LIVES = frozenset({"life", "lives"})
_UNIT_WINDOW = 6
_TOLL_WINDOW = 8
_PLACEHOLDER = ""
"""The unit of a noun that counts nothing by itself ("17 others"): only a casualty verb gives one."""


@dataclass(frozen=True, slots=True)
class _Lexicon:
    units: dict[str, str]
    measures: dict[str, str]
    area_words: frozenset[str]
    person_units: frozenset[str]
    placeholders: frozenset[str]
    casualty_verbs: dict[str, str]
    casualty_intransitive: dict[str, str]
    casualty_words: dict[str, str]
    captive_words: frozenset[str]
    number_words: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, tuple[float, float, float]]
    vague_factors: dict[str, tuple[float, float, float]]
    fractions: dict[str, float]
    fraction_numerators: dict[str, int]
    hedges: dict[tuple[str, ...], str]
    hedges_after: dict[tuple[str, ...], str]
    longest_hedge_after: int
    ambiguous_hedges: frozenset[str]
    focus_words: frozenset[str]
    not_units: frozenset[str]
    currency_symbols: frozenset[str]
    months: frozenset[str]
    year_leads: frozenset[str]
    fraction_blockers: frozenset[str]
    fraction_periods: frozenset[str]
    triggers: frozenset[str]


def _by_word(groups: dict[str, list[str]]) -> dict[str, str]:
    return {word: name for name, words in groups.items() for word in words}


def _phrases(groups: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    return {tuple(phrase.split()): name for name, phrases in groups.items() for phrase in phrases}


def _ranges(table: dict[str, list[float]]) -> dict[str, tuple[float, float, float]]:
    return {word: (low, best, high) for word, (low, best, high) in table.items()}


@functools.cache
def _lexicon() -> _Lexicon:
    """The unit, number and hedge words, read once from `data/quantity_units.yaml`."""
    source = files("fogwatch.data").joinpath("quantity_units.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(source)
    vague = _ranges(data["vague_numbers"])
    fractions = {word: float(share) for word, share in data["fractions"].items()}
    number_words = {word: int(value) for word, value in data["number_words"].items()}
    multipliers = {word: int(value) for word, value in data["multipliers"].items()}
    # A vague phrase is found by its last word ("a few" by "few").
    triggers = {*number_words, *multipliers, *fractions, *(key.split()[-1] for key in vague)}
    return _Lexicon(
        units=_by_word(data["units"]),
        measures=_by_word(data["measures"]),
        area_words=frozenset(data["area_words"]),
        person_units=frozenset(data["person_units"]),
        placeholders=frozenset(data["placeholders"]),
        casualty_verbs=_by_word(data["casualty_verbs"]),
        casualty_intransitive=_by_word(data["casualty_intransitive"]),
        casualty_words=_by_word(data["casualty_words"]),
        captive_words=frozenset(data["captive_words"]),
        number_words=number_words,
        multipliers=multipliers,
        vague=vague,
        vague_factors=_ranges(data["vague_factors"]),
        fractions=fractions,
        fraction_numerators={str(k): int(v) for k, v in data["fraction_numerators"].items()},
        hedges=_phrases(data["hedges"]),
        hedges_after=_phrases(data["hedges_after"]),
        longest_hedge_after=max(map(len, _phrases(data["hedges_after"])), default=0),
        ambiguous_hedges=frozenset(data["ambiguous_hedges"]),
        focus_words=frozenset(data["focus_words"]),
        not_units=frozenset(data["not_units"]),
        currency_symbols=frozenset(data["currency_symbols"]),
        months=frozenset(data["months"]),
        year_leads=frozenset(data["year_leads"]),
        fraction_blockers=frozenset(data["fraction_blockers"]),
        fraction_periods=frozenset(data["fraction_periods"]),
        triggers=frozenset(triggers),
    )


@dataclass(frozen=True, slots=True)
class _Count:
    """The number part of a quantity: tokens `start`..`end` (exclusive) and its value range."""

    start: int
    end: int
    low: float
    best: float
    high: float
    label: str = ""
    """Vague or fraction words, normalised ("several hundred", "a third"); empty for a figure."""
    is_range: bool = False
    is_share: bool = False
    first_figure: int | None = None
    """The token of the first written figure, for the checks that tell years and names apart."""
    after_hedge: str = ""


def find(doc: Doc) -> list[Quantity]:
    """Every count with a unit in `doc`, in text order, with its hedge as low/best/high."""
    from spacy.attrs import LIKE_NUM, LOWER
    from spacy.strings import get_string_id

    lexicon = _lexicon()
    quantities: list[Quantity] = []
    # a count starts at a number or a trigger word: found in the doc's arrays, not token by token
    rows = doc.to_array([LIKE_NUM, LOWER]).reshape(-1, 2)
    triggers = np.fromiter((get_string_id(word) for word in lexicon.triggers), dtype=np.uint64)
    index = 0  # the first token no quantity holds yet
    for start in np.flatnonzero((rows[:, 0] != 0) | hashes_in(rows[:, 1], triggers)).tolist():
        if start < index:
            continue
        quantity, resume = _quantity_at(doc, start, lexicon)
        if quantity is not None:
            quantities.append(quantity)
            index = resume
    return quantities


def _quantity_at(doc: Doc, index: int, lexicon: _Lexicon) -> tuple[Quantity | None, int]:
    count = _read_count(doc, index, lexicon)
    if count is None or _is_other_figure(doc, count, lexicon):
        return None, index + 1
    found = _unit(doc, count, lexicon)
    if found is None:
        return None, index + 1
    unit, unit_end = found
    hedge_start, hedge = _hedge_before(doc, count, unit_end, lexicon)
    hedge = hedge or count.after_hedge
    low, best, high = count.low, count.best, count.high
    if count.is_range:
        hedge = "between"
    elif hedge in ("up to", "less than"):
        # An upper bound reports no lower estimate: ACLED's conservative count is 0.
        low = best = 0
    label = " ".join(part for part in (hedge, count.label) if part)
    last = doc[unit_end - 1]
    span = Span(doc[hedge_start].idx, last.idx + len(last.text))
    return Quantity(span, _tidy(low), _tidy(best), _tidy(high), unit, label), unit_end


def _tidy(value: float) -> float:
    """Whole numbers as ints (150000, not 150000.0); shares to two decimals (33.33)."""
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


# --- reading the number -------------------------------------------------------------------------


def _read_count(doc: Doc, index: int, lexicon: _Lexicon) -> _Count | None:
    word = doc[index].lower_
    if word in lexicon.fractions:
        share = _read_share(doc, index, lexicon)
        if share is not None:
            return share
    vague = _read_vague(doc, index, lexicon)
    if vague is not None:
        return vague
    return _read_figures(doc, index, lexicon)


def _read_figure(doc: Doc, index: int, lexicon: _Lexicon) -> tuple[float, int, int, int] | None:
    """A written number from `index`: (value, start, end, scale), e.g. "1.5 million" -> 1500000."""
    size = len(doc)
    token = doc[index]
    word = token.lower_
    start = index
    if _FIGURE.fullmatch(token.text):
        value, scale, index = float(token.text.replace(",", "")), 1, index + 1
        while index < size and doc[index].lower_ in lexicon.multipliers:
            scale *= lexicon.multipliers[doc[index].lower_]
            index += 1
        return value * scale, start, index, scale
    previous = doc[index - 1].lower_ if index else ""
    if word == "half" and index + 2 < size and doc[index + 1].lower_ in ("a", "an"):
        multiplier = lexicon.multipliers.get(doc[index + 2].lower_)
        if multiplier is not None:
            return multiplier / 2, start, index + 3, multiplier
    if word in lexicon.multipliers:
        if previous not in ("a", "an"):
            return None
        start -= 1
    elif word not in lexicon.number_words:
        return None
    total, group, scale, seen_multiplier = 0, 0, 1, False
    while index < size:
        word = doc[index].lower_
        if word in lexicon.number_words:
            group += lexicon.number_words[word]
        elif word in lexicon.multipliers:
            multiplier = lexicon.multipliers[word]
            scale, seen_multiplier = multiplier, True
            if multiplier < 1000:
                group = (group or 1) * multiplier
            else:
                total, group = total + (group or 1) * multiplier, 0
        elif not _links_number_words(doc, index, seen_multiplier, lexicon):
            break
        index += 1
    return total + group, start, index, scale


def _joined(doc: Doc, index: int) -> bool:
    """True when the token at `index` touches its neighbours ("twenty-five", "S-300")."""
    return index > 0 and not doc[index - 1].whitespace_ and not doc[index].whitespace_


def _links_number_words(doc: Doc, index: int, seen_multiplier: bool, lexicon: _Lexicon) -> bool:
    """The hyphen in "twenty-five" or the "and" in "two hundred and fifty"."""
    if index + 1 >= len(doc) or doc[index + 1].lower_ not in lexicon.number_words:
        return False
    word = doc[index].lower_
    return (word in _HYPHENS and _joined(doc, index)) or (word == "and" and seen_multiplier)


def _read_figures(doc: Doc, index: int, lexicon: _Lexicon) -> _Count | None:
    """A figure, a range of two ("10-20", "10 to 20", "between 10 and 20"), and "or more"."""
    first = _read_figure(doc, index, lexicon)
    if first is None:
        return None
    value, start, end, _ = first
    low = high = value
    is_range = False
    size = len(doc)
    if end + 1 < size:
        joiner = doc[end].lower_
        between = start > 0 and doc[start - 1].lower_ == "between"
        if joiner in _RANGE_WORDS or (joiner == "and" and between):
            second = _read_figure(doc, end + 1, lexicon)
            if second is not None:
                upper, _, second_end, scale = second
                # "10 to 15 thousand": the first figure shares the second's multiplier.
                if scale > 1 and value * scale <= upper:
                    value *= scale
                if upper > value:
                    low, high, end, is_range = value, upper, second_end, True
    after_hedge = ""
    # the words after the figure once, as many as the longest hedge has
    following = [token.lower_ for token in doc[end : end + lexicon.longest_hedge_after]]
    for phrase, hedge in lexicon.hedges_after.items():
        if tuple(following[: len(phrase)]) == phrase:
            after_hedge, end = hedge, end + len(phrase)
            break
    return _Count(
        start, end, low, low, high, is_range=is_range, first_figure=index, after_hedge=after_hedge
    )


def _read_vague(doc: Doc, index: int, lexicon: _Lexicon) -> _Count | None:
    """ "several", "a few", "dozens", "several hundred", "tens of thousands"."""
    word = doc[index].lower_
    previous = doc[index - 1].lower_ if index else ""
    following = doc[index + 1].lower_ if index + 1 < len(doc) else ""
    if f"{previous} {word}" in lexicon.vague:
        key, start = f"{previous} {word}", index - 1
    elif word in lexicon.vague:
        key, start = word, index
    else:
        return None
    # "how many", "as many as", "so many", "many more than": no count is given.
    if previous in ("how", "as", "so", "too") or following in ("as", "than"):
        return None
    factor = lexicon.vague_factors.get(key)
    multiplier, end = None, index + 1
    if factor is not None:
        if following in lexicon.multipliers:
            multiplier, end = lexicon.multipliers[following], index + 2
        elif following == "of" and index + 2 < len(doc):
            plural = doc[index + 2].lower_
            # "tens of thousands", "hundreds of thousands": a vague count of a round number.
            if plural.endswith("s") and plural[:-1] in lexicon.multipliers:
                multiplier, end = lexicon.multipliers[plural[:-1]], index + 3
    if multiplier is None or factor is None:
        low, best, high = lexicon.vague[key]
    else:
        low, best, high = (part * multiplier for part in factor)
    label = " ".join(token.lower_ for token in doc[start:end])
    return _Count(start, end, low, best, high, label=label)


def _read_share(doc: Doc, index: int, lexicon: _Lexicon) -> _Count | None:
    """ "a third of the population", "two-thirds of the territory", "half the residents"."""
    word = doc[index].lower_
    start, numerator = index, 1
    before = index - 1
    if before >= 0 and doc[before].lower_ in _HYPHENS and _joined(doc, before):
        before -= 1
    if before >= 0 and doc[before].lower_ in lexicon.fraction_numerators:
        start, numerator = before, lexicon.fraction_numerators[doc[before].lower_]
    elif word not in ("half", "halves"):
        return None
    if start > 0 and doc[start - 1].lower_ in lexicon.fraction_blockers:
        return None
    size = len(doc)
    if index + 1 >= size:
        return None
    following = doc[index + 1]
    if following.lower_ != "of" and not (
        word == "half" and following.pos_ in ("DET", "PRON") and following.lower_ not in ("a", "an")
    ):
        return None
    whole = _share_whole(doc, index + 1, lexicon)
    if whole is None:
        return None
    share = numerator * lexicon.fractions[word] * 100
    label = " ".join(
        token.lower_ for token in doc[start : index + 1] if token.lower_ not in _HYPHENS
    )
    return _Count(start, whole + 1, share, share, share, label=label, is_share=True)


def _share_whole(doc: Doc, index: int, lexicon: _Lexicon) -> int | None:
    """The head noun of what a share is of; None when it is a period ("half of 2023")."""
    for position in range(index, min(index + _UNIT_WINDOW, len(doc))):
        token = doc[position]
        if token.like_num or token.lower_ in lexicon.fraction_periods or token.ent_type_ == "DATE":
            return None
        if token.pos_ in ("NOUN", "PROPN", "PRON") and token.lower_ not in ("his", "her", "its"):
            following = doc[position + 1] if position + 1 < len(doc) else None
            if following is None or following.pos_ not in ("NOUN", "PROPN", "PART"):
                return position
        elif token.pos_ not in ("ADP", "DET", "ADJ", "PRON", "PART", "NOUN", "PROPN"):
            return None
    return None


# --- things that look like counts but are not ---------------------------------------------------


def _is_other_figure(doc: Doc, count: _Count, lexicon: _Lexicon) -> bool:
    """A year, a date, money or a designation ("S-300", "mid-2024") rather than a count."""
    index = count.first_figure
    if index is None:
        return False
    token = doc[index]
    previous = doc[index - 1] if index else None
    following = doc[index + 1] if index + 1 < len(doc) else None
    if previous is None:
        return False
    before = previous.lower_
    # "Su-34", "T-72 tanks", "mid-2024": a name or a period, not a count.
    if before in _HYPHENS and _joined(doc, index - 1) and doc[index - 2].text[-1:].isalpha():
        return True
    if before in lexicon.currency_symbols or before in ("no.", "#"):
        return True
    if _is_month(previous, lexicon) or (following is not None and _is_month(following, lexicon)):
        return True
    return bool(
        _YEAR.fullmatch(token.text) and (token.ent_type_ == "DATE" or before in lexicon.year_leads)
    )


def _is_month(token: Token, lexicon: _Lexicon) -> bool:
    # "may" is a month only as a name ("12 May"), not as the verb.
    return token.lower_.rstrip(".") in lexicon.months and token.pos_ == "PROPN"


# --- the unit -----------------------------------------------------------------------------------


def _unit(doc: Doc, count: _Count, lexicon: _Lexicon) -> tuple[str, int] | None:
    """The unit of `count` and the token after its head word, or None when it counts nothing."""
    if count.is_share:
        return "percent", count.end
    end = count.end
    size = len(doc)
    if end >= size:
        return _casualty_only(doc, count, end, lexicon)
    measure = _measure(doc, end, lexicon)
    if measure is not None:
        return measure
    if doc[end].lower_ in _HYPHENS and _joined(doc, end):
        # "a four-storey building", "a 10-point plan", "a 12-year-old boy": a modifier, not a count.
        return None
    word = doc[end].lower_
    if word in lexicon.casualty_words:
        # "5 dead", "20 injured", "12 wounded soldiers".
        noun = _unit_noun(doc, end + 1, lexicon)
        if noun is not None and (noun[1] in lexicon.person_units or noun[1] == _PLACEHOLDER):
            return lexicon.casualty_words[word], noun[0] + 1
        return lexicon.casualty_words[word], end + 1
    if word == "of":
        noun = _unit_noun(doc, end + 1, lexicon, after_of=True)
        if noun is None:
            return None
        position, unit = noun
        casualty = None
        if unit in lexicon.person_units or unit == _PLACEHOLDER:
            # "Dozens of civilians were wounded": the quantifier carries the clause role.
            casualty = _casualty(_count_head(doc, count), lexicon)
            casualty = casualty or _modifier_casualty(doc[position], lexicon)
        if casualty is None and doc[count.start].lower_ == "one":
            # "one of the bloodiest battles", "one of the residents": membership, not a count.
            return None
        unit = casualty or unit
        return (unit, position + 1) if unit else None
    noun = _unit_noun(doc, end, lexicon)
    if noun is None:
        return _casualty_only(doc, count, end, lexicon)
    position, unit = noun
    if unit in lexicon.person_units or unit == _PLACEHOLDER:
        unit = _casualty(doc[position], lexicon) or unit
    if _is_label(doc, count, position, unit, lexicon):
        return None
    return (unit, position + 1) if unit else None


def _is_label(doc: Doc, count: _Count, noun: int, unit: str, lexicon: _Lexicon) -> bool:
    """ "tier 1 troops", "one people", "one resident said": a one that names, not counts."""
    if count.best != 1 or count.is_range or count.label:
        return False
    if doc[noun].tag_ in ("NNS", "NNPS"):
        return True
    return doc[count.start].lower_ == "one" and unit in lexicon.person_units


def _casualty_only(doc: Doc, count: _Count, end: int, lexicon: _Lexicon) -> tuple[str, int] | None:
    """A bare number the clause says were killed, wounded, … ("wounding 17"); else nothing."""
    head = _count_head(doc, count)
    if head.pos_ == "NUM" and head.head.pos_ == "NOUN" and head.head.i >= end:
        return None
    if head.lower_ == "one":
        # "capture one": a pronoun for something named earlier, not a count of people.
        return None
    casualty = _casualty(head, lexicon) or _death_toll(doc, count)
    return (casualty, end) if casualty else None


def _death_toll(doc: Doc, count: _Count) -> str | None:
    """ "The death toll rose to 12": a bare number after "toll" in its sentence counts the killed."""
    sentence_start = doc[count.start].sent.start
    for position in range(count.start - 1, max(sentence_start, count.start - _TOLL_WINDOW) - 1, -1):
        if doc[position].lemma_ == "toll":
            return "killed"
    return None


def _measure(doc: Doc, index: int, lexicon: _Lexicon) -> tuple[str, int] | None:
    """ "%", "percent", "per cent", "km", "10-km", "square kilometres" right after the number."""
    size = len(doc)
    if doc[index].lower_ in _HYPHENS and _joined(doc, index) and index + 1 < size:
        index += 1
    word = doc[index].lower_
    if word == "per" and index + 1 < size and doc[index + 1].lower_ == "cent":
        return "percent", index + 2
    area = word in lexicon.area_words and index + 1 < size
    if area:
        index += 1
        word = doc[index].lower_
    unit = lexicon.measures.get(word)
    if unit is None or (area and unit == "percent"):
        return None
    return (f"{unit}2" if area else unit), index + 1


def _unit_noun(
    doc: Doc, index: int, lexicon: _Lexicon, after_of: bool = False
) -> tuple[int, str] | None:
    """The head noun of the phrase from `index` and its unit: `_PLACEHOLDER` for "others"."""
    size = len(doc)
    after_designation = False
    for position in range(index, min(index + _UNIT_WINDOW, size)):
        token = doc[position]
        word = token.lower_
        if position > index and token.is_sent_start:
            return None
        if word in lexicon.not_units or word in lexicon.currency_symbols:
            return None
        if (after_of and (token.pos_ == "DET" or token.tag_ == "PRP$")) or token.is_quote:
            continue
        if token.tag_ == "POS":
            continue
        if _DESIGNATION.fullmatch(token.text):
            # Weapon names inside the phrase: "12 Shahed-136 drones", "28 MiG-29 fighters".
            after_designation = True
            continue
        following = doc[position + 1] if position + 1 < size else None
        if following is not None and following.tag_ == "POS":
            # "1,300 of his country's troops": the possessor is not the head.
            continue
        # A noun before a noun, or attached to a later one, modifies it: "tank brigades",
        # "strike and air defence missiles".
        modifier = (
            (following is not None and following.pos_ == "NOUN")
            or (
                token.dep_ in ("compound", "nmod")
                and position < token.head.i < index + _UNIT_WINDOW
            )
            # "anti-tank", "anti-aircraft": a unit word glued to a prefix describes something else.
            or (
                position > index
                and doc[position - 1].lower_ in _HYPHENS
                and _joined(doc, position - 1)
            )
        )
        if position > 0 and f"{doc[position - 1].lower_} {word}" in lexicon.not_units:
            return None
        if token.pos_ in ("NOUN", "PROPN", "PRON") or word in lexicon.units:
            if modifier and token.pos_ != "PRON":
                continue
            unit = _unit_word(doc, position, lexicon)
            if unit == "troops" and after_designation:
                # "28 MiG-29 fighters" are aircraft.
                return position, "aircraft"
            if unit is not None:
                return position, unit
            if word in lexicon.placeholders:
                return position, _PLACEHOLDER
            return None
        if word in lexicon.placeholders and not modifier and token.pos_ != "ADJ":
            return position, _PLACEHOLDER
        if word == "more" and (following is None or following.pos_ not in ("NOUN", "ADJ", "PROPN")):
            return position, _PLACEHOLDER
        if token.pos_ in ("ADJ", "ADV") or token.tag_ in ("VBN", "VBG"):
            continue
        # Modifiers the tagger took for something else ("90 Shahed drones": "Shahed" as a verb).
        if token.dep_ in ("amod", "compound", "nmod"):
            continue
        if word in _HYPHENS and _joined(doc, position):
            continue
        return None
    return None


def _unit_word(doc: Doc, position: int, lexicon: _Lexicon) -> str | None:
    token = doc[position]
    if position > 0:
        pair = f"{doc[position - 1].lower_} {token.lower_}"
        if pair in lexicon.units:
            return lexicon.units[pair]
    return lexicon.units.get(token.lower_) or lexicon.units.get(token.lemma_.lower())


def _count_head(doc: Doc, count: _Count) -> Token:
    """The token of the count that attaches it to the sentence ("hundred" in "several hundred")."""
    for token in doc[count.start : count.end]:
        if not count.start <= token.head.i < count.end:
            return token
    return doc[count.end - 1]


def _casualty(token: Token, lexicon: _Lexicon) -> str | None:
    """What the clause says happened to the people `token` counts: killed, wounded, captured, …"""
    for _ in range(4):
        # Climb "three civilians and two soldiers" and "including three children" to the phrase.
        if token.dep_ in ("conj", "appos") and token.head.pos_ in _NOMINAL:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in ("including", "among"):
            token = token.head.head
            if token.pos_ in ("VERB", "ADJ"):
                # "killed ten people, including three children": counted among the killed.
                return (
                    lexicon.casualty_verbs.get(token.lemma_)
                    or lexicon.casualty_words.get(token.lower_)
                    or lexicon.casualty_intransitive.get(token.lemma_)
                )
        else:
            break
    found = _modifier_casualty(token, lexicon)
    if found:
        return found
    verb = token.head
    if token.dep_ in ("nsubjpass", "dobj"):
        found = lexicon.casualty_verbs.get(verb.lemma_)
        if found:
            return _joint_casualty(verb, found, lexicon)
        if verb.lemma_ == "take" and _has_child(verb, lexicon.captive_words):
            return "captured"
        if token.dep_ == "dobj" and verb.lemma_ == "leave":
            # "left 12 people dead".
            return _predicate_casualty(verb, lexicon)
    if token.dep_ == "nsubj":
        found = lexicon.casualty_intransitive.get(verb.lemma_)
        if found:
            return found
        if verb.lower_ in lexicon.casualty_words and not _has_object(verb):
            # "20 injured", "are missing"; not "12 soldiers killed three civilians".
            return lexicon.casualty_words[verb.lower_]
        if verb.lemma_ == "lose" and _has_child(verb, _LIVES):
            return "killed"
    if token.dep_ in ("nsubj", "nsubjpass"):
        for child in verb.children:
            # "198 children have been confirmed to have been killed".
            if child.dep_ == "xcomp":
                found = _verb_casualty(child, lexicon)
                if found:
                    return found
        return _predicate_casualty(verb, lexicon)
    return None


def _modifier_casualty(noun: Token, lexicon: _Lexicon) -> str | None:
    """ "12 wounded soldiers", "12 people killed in the strike", "people who died"."""
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in lexicon.casualty_words:
            return lexicon.casualty_words[child.lower_]
        if child.dep_ in ("acl", "relcl"):
            found = _verb_casualty(child, lexicon)
            if found:
                return found
    return None


def _joint_casualty(verb: Token, found: str, lexicon: _Lexicon) -> str:
    """ "killed, injured or captured 5,000 troops": casualty verbs sharing one count are casualties."""
    kinds = {found}
    for other in verb.conjuncts:
        has_own_count = any(c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in other.children)
        kind = lexicon.casualty_verbs.get(other.lemma_)
        if kind and not has_own_count:
            kinds.add(kind)
    return found if len(kinds) == 1 else "casualties"


def _verb_casualty(verb: Token, lexicon: _Lexicon) -> str | None:
    """ "people killed in the strike", "people who died"; not "soldiers who killed civilians"."""
    if _has_object(verb):
        return None
    word = verb.lower_
    if word in lexicon.casualty_words:
        return lexicon.casualty_words[word]
    if verb.tag_ == "VBN" or any(child.dep_ == "auxpass" for child in verb.children):
        found = lexicon.casualty_verbs.get(verb.lemma_)
        if found:
            return found
    return lexicon.casualty_intransitive.get(verb.lemma_)


def _predicate_casualty(verb: Token, lexicon: _Lexicon) -> str | None:
    """ "are missing", "were left dead", "remain missing": the predicate word names the casualty."""
    for child in verb.children:
        if (
            child.dep_ in ("acomp", "attr", "oprd", "xcomp")
            and child.lower_ in lexicon.casualty_words
        ):
            return lexicon.casualty_words[child.lower_]
    return None


def _has_object(verb: Token) -> bool:
    return any(child.dep_ == "dobj" for child in verb.children)


def _has_child(token: Token, lemmas: frozenset[str]) -> bool:
    return any(child.lemma_ in lemmas or child.lower_ in lemmas for child in token.children)


# --- hedges -------------------------------------------------------------------------------------


def _hedge_before(doc: Doc, count: _Count, unit_end: int, lexicon: _Lexicon) -> tuple[int, str]:
    """The first token of the span and the normalised hedge written before the number."""
    start = count.start
    hedge = ""
    for length in (4, 3, 2, 1):
        first = start - length
        if first < 0:
            continue
        phrase = tuple(token.lower_ for token in doc[first:start])
        found = lexicon.hedges.get(phrase)
        if found is None or (found == "between" and not count.is_range):
            continue
        word = doc[first]
        # "took over three villages": "over" is the verb's particle, not a hedge.
        if (
            length == 1
            and phrase[0] in lexicon.ambiguous_hedges
            and word.dep_ in ("prep", "prt", "pcomp")
            and not count.start <= word.head.i < unit_end
        ):
            continue
        start, hedge = first, found
        break
    if start > 0 and doc[start - 1].lower_ in lexicon.focus_words:
        start -= 1
    return start, hedge
