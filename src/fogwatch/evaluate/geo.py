"""Geoparsing scores on gold corpora: toponym recognition, resolution, and the gazetteer's ceiling.

Metrics after Gritta et al. (2017 "What's missing in geographical parsing?", 2019 "A Pragmatic
Guide to Geoparsing Evaluation"):

- recognition: precision, recall and F1 of predicted spans, exact (same start and end) and
  overlapping (at least one shared character); each gold and each prediction is matched at most
  once, greedily in text order.
- resolution, given the gold spans: error in km from the gold coordinates, an abstention costing
  20,039 km (half the Earth's circumference); Acc@161km, Acc@25km, mean and median km, AUC of the
  sorted ln(1 + km) curve (lower is better), and the share of exact GeoNames ids.
- end to end: a located gold toponym is right when a predicted mention overlapping it resolves
  within 161 km; a missed one is wrong.
- coverage: the share of located gold toponyms whose name, as written, has a gazetteer candidate
  within 161 km — the best Acc@161 any ranking of those candidates could reach.

The XML shape is told from each annotation's elements:

- GeoWebNews: `<toponyms><toponym>` with `extractedName`, `type`, `start`, `end`, `geonamesID`,
  `latitude`, `longitude`; types ending in `_Expression` and `Non_Toponym` are not places.
- LGL and TR-News: `<toponyms><toponym>` with `start`, `end`, `phrase` and, when resolved,
  `<gaztag geonameid>` holding `lat` and `lon`.
- GeoVirus: `<locations><location>` with `name`, `start`, `end`, `lat`, `lon`.

Each span must read its annotated name in the text: the corpus's offset convention (0- or
1-based, end exclusive or inclusive) is told from its spans, and a corpus no convention aligns is
an error rather than a silent score of 0.
"""

from __future__ import annotations

import itertools
import math
import statistics
import time
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from fogwatch.errors import InputError
from fogwatch.records import Place, PlaceMention, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

EARTH_RADIUS_KM = 6371.0088
"""The mean Earth radius (IUGG), as in geopy's great-circle distance."""
MAX_ERROR_KM = 20039.0
"""Half the Earth's circumference: the error charged for an abstention."""
ACC161_KM = 161.0
ACC25_KM = 25.0
NOT_PLACE_TYPES = ("_Expression", "Non_Toponym")
"""GeoWebNews `type` endings of annotated spans that are not toponyms."""

Find = Callable[[str], Sequence[PlaceMention]]
Resolve = Callable[[str, Sequence[Span]], Sequence[PlaceMention]]
Candidates = Callable[[str], Sequence[Place]]
Number = TypeVar("Number", int, float)


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A gold toponym: its span in the document text, its name as annotated, and its location."""

    span: Span
    name: str
    lat: float | None
    lon: float | None
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A gold document: its id in the corpus, its text, and its real toponyms in file order."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


class _Annotation(NamedTuple):
    """One annotation's fields as strings, whatever the schema called them."""

    name: str | None
    start: str | None
    end: str | None
    lat: str | None
    lon: str | None
    geonameid: str | None


# --- reading gold corpora -------------------------------------------------------------------------


OFFSET_CONVENTIONS = {
    "0-based, end exclusive": (0, 0),
    "1-based, end exclusive": (-1, -1),
    "0-based, end inclusive": (0, 1),
    "1-based, end inclusive": (-1, 0),
}
"""How a corpus may count its spans, as the shift that brings (start, end) to 0-based, end
exclusive offsets."""
MIN_ALIGNED = 0.9
"""Below this share of toponyms whose span reads their name, under the best convention, a
corpus cannot be aligned with its text."""


class _RawDocument(NamedTuple):
    id: str
    text: str
    where: str
    annotations: list[_Annotation]


def load_corpus(path: Path) -> tuple[str, list[GoldDocument]]:
    """Read a gold XML file: its corpus name (the file's stem) and its documents, real toponyms only.

    GeoWebNews, LGL, TR-News and GeoVirus files are recognised by their elements. The corpus's
    offset convention (0- or 1-based, end exclusive or inclusive) is the one under which most
    spans read their annotated name; a corpus where no convention aligns `MIN_ALIGNED` of them
    is an error. A toponym whose span lies outside its text or reads another name is skipped
    with a warning: it cannot be scored against the text.
    """
    raw: list[_RawDocument] = []
    try:
        # iterparse and clear: one article's elements in memory at a time
        for _, element in ET.iterparse(path, events=("end",)):
            if element.tag == "article":
                raw.append(_raw_document(element, str(len(raw)), path))
                element.clear()
    except ET.ParseError as error:
        line, _ = error.position
        raise InputError(
            f"{path}:{line}", f"not well-formed XML ({error})", "pass an intact gold corpus file"
        ) from None
    if not raw:
        raise InputError(
            str(path),
            "no <article> elements",
            "pass a GeoWebNews, LGL, TR-News or GeoVirus XML file",
        )
    shift = _offset_shift(raw, path)
    documents = [
        GoldDocument(
            document.id,
            document.text,
            tuple(
                toponym
                for annotation in document.annotations
                if (toponym := _toponym(annotation, document.text, document.where, shift))
                is not None
            ),
        )
        for document in raw
    ]
    return path.stem, documents


def _raw_document(article: ET.Element, position: str, path: Path) -> _RawDocument:
    text = article.findtext("text") or ""
    # LGL and TR-News number articles by docid, GeoWebNews by file; GeoVirus not at all
    doc_id = article.get("docid") or article.get("file") or position
    where = f"{path}: article {doc_id}"
    return _RawDocument(doc_id, text, where, list(_annotations(article, where)))


def _offset_shift(documents: Sequence[_RawDocument], path: Path) -> tuple[int, int]:
    """The shift of the offset convention under which most named spans read their name."""
    # a span outside its text under every convention is skipped later, not counted here
    named = [
        (document.text, annotation)
        for document in documents
        for annotation in document.annotations
        if annotation.name and _inside(document.text, annotation)
    ]
    if not named:
        return OFFSET_CONVENTIONS["0-based, end exclusive"]
    aligned = {
        convention: sum(_reads(text, annotation, shift) for text, annotation in named)
        for convention, shift in OFFSET_CONVENTIONS.items()
    }
    best = max(aligned, key=lambda convention: aligned[convention])
    if aligned[best] < MIN_ALIGNED * len(named):
        raise InputError(
            str(path),
            f"only {aligned[best]} of {len(named)} toponym spans read their annotated name under "
            f"any offset convention (best: {best})",
            "check that the offsets count characters of each article's <text>",
        )
    return OFFSET_CONVENTIONS[best]


def _reads(text: str, annotation: _Annotation, shift: tuple[int, int]) -> bool:
    """Whether an annotation's span, shifted, reads its name (whitespace runs aside)."""
    try:
        start, end = int(annotation.start or ""), int(annotation.end or "")
    except ValueError:
        return False
    start, end = start + shift[0], end + shift[1]
    return 0 <= start <= end <= len(text) and _words(text[start:end]) == _words(
        annotation.name or ""
    )


def _inside(text: str, annotation: _Annotation) -> bool:
    """Whether an annotation's span lies inside the text under some offset convention."""
    try:
        start, end = int(annotation.start or ""), int(annotation.end or "")
    except ValueError:
        return False
    return any(0 <= start + ds <= end + de <= len(text) for ds, de in OFFSET_CONVENTIONS.values())


def _words(text: str) -> str:
    return " ".join(text.split())


def _annotations(article: ET.Element, where: str) -> Iterator[_Annotation]:
    for location in article.iterfind("locations/location"):
        yield _Annotation(
            location.findtext("name"),
            location.findtext("start"),
            location.findtext("end"),
            location.findtext("lat"),
            location.findtext("lon"),
            None,
        )
    for toponym in article.iterfind("toponyms/toponym"):
        kind = toponym.findtext("type")
        if kind is not None:
            if kind.endswith(NOT_PLACE_TYPES):
                continue
            yield _Annotation(
                toponym.findtext("extractedName"),
                toponym.findtext("start"),
                toponym.findtext("end"),
                toponym.findtext("latitude"),
                toponym.findtext("longitude"),
                toponym.findtext("geonamesID"),
            )
        elif toponym.find("phrase") is not None:
            gaztag = toponym.find("gaztag")
            yield _Annotation(
                toponym.findtext("phrase"),
                toponym.findtext("start"),
                toponym.findtext("end"),
                None if gaztag is None else gaztag.findtext("lat"),
                None if gaztag is None else gaztag.findtext("lon"),
                None if gaztag is None else gaztag.get("geonameid"),
            )
        else:
            raise InputError(
                where,
                "a <toponym> with neither <type> (GeoWebNews) nor <phrase> (LGL, TR-News)",
                "pass a GeoWebNews, LGL, TR-News or GeoVirus XML file",
            )


def _toponym(
    annotation: _Annotation, text: str, where: str, shift: tuple[int, int]
) -> GoldToponym | None:
    start = _number(annotation.start, int, where, "start")
    end = _number(annotation.end, int, where, "end")
    if start is None or end is None:
        raise InputError(where, f"toponym {annotation.name!r} has no start or end", "add both")
    start, end = start + shift[0], end + shift[1]
    if not 0 <= start <= end <= len(text):
        warnings.warn(
            f"{where}: toponym {annotation.name!r} at [{start}, {end}) lies outside the text "
            f"of {len(text)} characters — skipped",
            stacklevel=4,
        )
        return None
    if annotation.name and not _reads(text, annotation, shift):
        warnings.warn(
            f"{where}: toponym {annotation.name!r} at [{start}, {end}) reads "
            f"{text[start:end]!r} — skipped",
            stacklevel=4,
        )
        return None
    span = Span(start, end)
    lat = _number(annotation.lat, float, where, "latitude")
    lon = _number(annotation.lon, float, where, "longitude")
    if lat is None or lon is None:
        lat = lon = None
    geonameid = _number(annotation.geonameid, int, where, "GeoNames id")
    return GoldToponym(span, annotation.name or span.of(text), lat, lon, geonameid)


def _number(
    value: str | None, kind: Callable[[str], Number], where: str, field: str
) -> Number | None:
    if value is None or not value.strip():
        return None
    try:
        return kind(value.strip())
    except ValueError:
        raise InputError(where, f"{field} {value!r} is not a number", "fix or remove it") from None


# --- scoring --------------------------------------------------------------------------------------


def evaluate(
    documents: Sequence[GoldDocument],
    find: Find,
    resolve: Resolve,
    candidates: Candidates | None = None,
    *,
    corpus: str | None = None,
) -> dict[str, object]:
    """Score a geoparser on gold documents (the metrics are in this module's docstring).

    `find` reads a text and returns its place mentions, each a predicted toponym whether resolved
    or not; `resolve` gets the text and the gold spans and returns one mention per span, matched
    to the gold by span (place None, or no mention, to abstain); `candidates` maps a name to its
    gazetteer places, for the coverage ceiling (None when not given). `find` is called right
    before `resolve` on each text, so a caller may keep one parse per text. Scores are rounded to
    4 decimals; `seconds` is the time spent here.
    """
    started = time.perf_counter()
    predicted_count = gold_count = exact_hits = overlap_hits = 0
    errors: list[float] = []
    id_total = id_hits = 0
    end_to_end_hits = 0
    covered = 0
    known: dict[str, Sequence[Place]] = {}
    for document in documents:
        predicted = list(find(document.text))
        gold_spans = [toponym.span for toponym in document.toponyms]
        predicted_count += len(predicted)
        gold_count += len(gold_spans)
        predicted_spans = [mention.span for mention in predicted]
        exact_hits += _matches(predicted_spans, gold_spans, _same)
        overlap_hits += _matches(predicted_spans, gold_spans, _overlap)
        if not gold_spans:
            continue
        resolved = {mention.span: mention.place for mention in resolve(document.text, gold_spans)}
        for toponym in document.toponyms:
            place = resolved.get(toponym.span)
            if toponym.geonameid is not None:
                id_total += 1
                id_hits += place is not None and place.geonameid == toponym.geonameid
            if toponym.lat is None or toponym.lon is None:
                continue
            errors.append(error_km(place, toponym.lat, toponym.lon))
            end_to_end_hits += any(
                _overlap(mention.span, toponym.span)
                and error_km(mention.place, toponym.lat, toponym.lon) <= ACC161_KM
                for mention in predicted
            )
            if candidates is not None:
                name = toponym.span.of(document.text)
                if name not in known:
                    known[name] = candidates(name)
                covered += any(
                    error_km(candidate, toponym.lat, toponym.lon) <= ACC161_KM
                    for candidate in known[name]
                )
    precision = _share(exact_hits, predicted_count) or 0.0
    recall = _share(exact_hits, gold_count) or 0.0
    precision_overlap = _share(overlap_hits, predicted_count) or 0.0
    recall_overlap = _share(overlap_hits, gold_count) or 0.0
    located = len(errors)
    return {
        "corpus": corpus,
        "docs": len(documents),
        "recognition": {
            "p": _round(precision),
            "r": _round(recall),
            "f1": _round(_f1(precision, recall)),
            "p_overlap": _round(precision_overlap),
            "r_overlap": _round(recall_overlap),
            "f1_overlap": _round(_f1(precision_overlap, recall_overlap)),
        },
        "resolution": {
            "n": located,
            "acc161": _round(_share(sum(e <= ACC161_KM for e in errors), located)),
            "acc25": _round(_share(sum(e <= ACC25_KM for e in errors), located)),
            "mean_km": _round(statistics.fmean(errors) if errors else None),
            "median_km": _round(statistics.median(errors) if errors else None),
            "auc": _round(auc(errors) if errors else None),
            "exact_id": _round(_share(id_hits, id_total)),
        },
        "end_to_end": {"acc161": _round(_share(end_to_end_hits, located))},
        "coverage": {
            "ceiling161": _round(_share(covered, located) if candidates is not None else None)
        },
        "seconds": _round(time.perf_counter() - started),
    }


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    # min(): rounding can push `a` a hair above 1 for antipodal points
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def error_km(place: Place | None, lat: float, lon: float) -> float:
    """How far `place` lies from the gold point; no place or no coordinates costs `MAX_ERROR_KM`."""
    if place is None or place.lat is None or place.lon is None:
        return MAX_ERROR_KM
    return haversine_km(place.lat, place.lon, lat, lon)


def auc(errors_km: Sequence[float]) -> float:
    """Area under the sorted ln(1 + error km) curve by the trapezoid rule, over ln(20039)·(n − 1).

    0 when every error is 0 km, about 1 when every toponym is an abstention; lower is better. With
    one error the curve is a single point, scored as its own height, ln(1 + km) / ln(20039).
    """
    if not errors_km:
        raise ValueError("auc of no errors")
    heights = [math.log1p(error) for error in sorted(errors_km)]
    if len(heights) == 1:
        return heights[0] / math.log(MAX_ERROR_KM)
    area = sum((left + right) / 2 for left, right in itertools.pairwise(heights))
    return area / (math.log(MAX_ERROR_KM) * (len(heights) - 1))


def _same(a: Span, b: Span) -> bool:
    return a.start == b.start and a.end == b.end


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _matches(
    predicted: Sequence[Span], gold: Sequence[Span], agree: Callable[[Span, Span], bool]
) -> int:
    """How many predictions pair with a gold span, each gold used once, greedily in text order."""
    unmatched = sorted(gold, key=lambda span: (span.start, span.end))
    hits = 0
    for span in sorted(predicted, key=lambda span: (span.start, span.end)):
        for index, candidate in enumerate(unmatched):
            if agree(span, candidate):
                del unmatched[index]
                hits += 1
                break
    return hits


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# --- fogwatch's own geoparser ---------------------------------------------------------------------


def run(path: Path, limit: int | None = None) -> dict[str, object]:
    """Score fogwatch's geoparser and gazetteer on a gold file (its first `limit` documents)."""
    # the geoparser is written alongside this module; until it lands mypy cannot see it
    from fogwatch.geo import gazetteer, geoparse  # type: ignore[attr-defined, unused-ignore]
    from fogwatch.language import nlp

    corpus, documents = load_corpus(path)
    if limit is not None:
        documents = documents[:limit]
    parsed: dict[str, Doc] = {}

    def parse(text: str) -> Doc:
        # evaluate calls find then resolve on the same text: keep only the latest parse
        if text not in parsed:
            parsed.clear()
            parsed[text] = nlp.parse_one(text)
        return parsed[text]

    return evaluate(
        documents,
        lambda text: geoparse.find(parse(text)),
        lambda text, spans: geoparse.resolve(parse(text), spans),
        gazetteer.load().candidates,
        corpus=corpus,
    )
