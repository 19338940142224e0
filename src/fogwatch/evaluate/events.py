"""Event type classification scores on CASE 2021 shared task 2 snippets.

CASE 2021 task 2 (Haneczok et al. 2021, "Fine-grained event classification in news-like text
snippets") labels each snippet with one code; the scores come in three nested subtasks:

- subtask 1: the 25 ACLED sub-event types (`OTHER` is ACLED's "Other", the 25th);
- subtask 2: those plus ORG_CRIME, NATURAL_DISASTER and MAN_MADE_DISASTER;
- subtask 3: those plus DIPLO and ATTRIB.

A subtask scores only the rows whose gold label is one of its labels, and takes as the prediction
the classifier's best-ranked label among them. Labels outside the 30 are left out of all three.
F1 follows scikit-learn's `f1_score`: macro is the unweighted mean over every label that is gold
or predicted, weighted averages by gold support, micro pools all decisions (here, accuracy).

Two systems are scored. `production` is what users get: each snippet goes through the whole
pipeline (`fogwatch.extract`), and its prediction is the sub-type of its first reported event,
with the share of snippets that yield an event at all and an event with a known actor1. CASE
snippets carry no publication date, so each is read as published on `NOMINAL_PUBLISHED`; an
event the coder calls historical only because of that date is still a reported incident and
counts, and the stricter first-*asserted* figures are given beside. `classifier` is
`fogwatch.events.classify` alone, asked about every snippet.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from fogwatch.errors import InputError
from fogwatch.events import taxonomy
from fogwatch.records import Event

Ranking = Sequence[tuple[str, float]]
ClassifyMany = Callable[[Sequence[str]], Sequence[Ranking]]
ExtractMany = Callable[[Sequence[str]], Sequence[Sequence[Event]]]
NOMINAL_PUBLISHED = dt.date(2021, 6, 30)
"""The publication date every CASE snippet is read with (the shared task's data end in 2021)."""
REPORTED = ("asserted", "historical")

SUBTASK_CODES: dict[str, tuple[str, ...]] = {
    "subtask1": tuple(sub.case_code for sub in taxonomy.SUB_EVENT_TYPES),
    "subtask2": (
        *(sub.case_code for sub in taxonomy.SUB_EVENT_TYPES),
        "ORG_CRIME",
        "NATURAL_DISASTER",
        "MAN_MADE_DISASTER",
    ),
    "subtask3": (
        *(sub.case_code for sub in taxonomy.SUB_EVENT_TYPES),
        "ORG_CRIME",
        "NATURAL_DISASTER",
        "MAN_MADE_DISASTER",
        "DIPLO",
        "ATTRIB",
    ),
}
"""CASE 2021 task 2 label codes scored in each subtask."""
NO_LABEL = "(none)"
"""The prediction when the classifier ranks no label of the subtask."""
WORST_CONFUSED = 5


def load_tsv(path: Path | str) -> list[tuple[str, str, str]]:
    """Rows `(id, snippet, label)` of a CASE 2021 task 2 TSV (`id<TAB>EventSnippet<TAB>SubType`).

    The file is read without quote handling (snippets contain bare quotes); a header row whose
    first field is `id` is skipped. Labels are kept as written (CASE codes).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file", "give the path of a CASE 2021 task 2 TSV")
    rows: list[tuple[str, str, str]] = []
    with path.open(encoding="utf-8", newline="") as stream:
        # CASE snippets hold unbalanced quotes: quoting must be off (csv.QUOTE_NONE).
        for line_number, fields in enumerate(
            csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE), start=1
        ):
            if not fields or fields == [""]:
                continue
            if line_number == 1 and fields[0].strip().lower() == "id":
                continue
            if len(fields) != 3:
                raise InputError(
                    f"{path}:{line_number}",
                    f"expected 3 tab-separated fields, found {len(fields)}",
                    "write id<TAB>snippet<TAB>label",
                )
            identifier, snippet, label = (field.strip() for field in fields)
            rows.append((identifier, snippet, label))
    return rows


def evaluate(rows: Sequence[tuple[str, str, str]], classify_many: ClassifyMany) -> dict:
    """Macro, micro and weighted F1 and the worst confusions for CASE subtasks 1, 2 and 3.

    `rows` are `(id, snippet, label)` with CASE codes (or fogwatch labels); `classify_many` ranks
    labels for many snippets at once, as `fogwatch.events.classify.classify_many` does.
    """
    rankings = classify_many([snippet for _, snippet, _ in rows]) if rows else []
    return {"n": len(rows), **_subtasks(rows, rankings)}


def evaluate_production(rows: Sequence[tuple[str, str, str]], extract_many: ExtractMany) -> dict:
    """Subtask F1 of the first reported (and, stricter, first asserted) event's sub-type, and the
    share of ACLED-labelled snippets with an event and with an actor1.

    `extract_many` returns the events of each snippet in text order, as the pipeline does.
    """
    events = extract_many([snippet for _, snippet, _ in rows]) if rows else []
    reported = [_first_sub_type(found, REPORTED) for found in events]
    asserted = [_first_sub_type(found, ("asserted",)) for found in events]
    result: dict = {"n": len(rows)}
    result.update(_subtasks(rows, [[(label, 1.0)] if label else [] for label in reported]))
    strict = _subtasks(rows, [[(label, 1.0)] if label else [] for label in asserted])
    result["first_asserted"] = {name: strict[name]["weighted_f1"] for name in SUBTASK_CODES}
    acled = {taxonomy.label_for_code(code) for code in SUBTASK_CODES["subtask1"]}
    scored = [
        found
        for (_, _, label), found in zip(rows, events, strict=True)
        if _gold_label(label) in acled
    ]
    total = len(scored) or 1
    result["acled_snippets"] = len(scored)
    result["with_event"] = sum(1 for found in scored if found) / total
    result["with_reported_event"] = (
        sum(1 for found in scored if any(e.modality in REPORTED for e in found)) / total
    )
    result["with_actor1"] = (
        sum(1 for found in scored if any(e.modality in REPORTED and e.actor1 for e in found))
        / total
    )
    return result


def run(path: Path | str) -> dict:
    """Score the production path and the classifier alone on a CASE 2021 task 2 TSV: what
    `fogwatch eval events` prints."""
    from fogwatch.events.classify import classify_many

    rows = load_tsv(path)
    return {
        "n": len(rows),
        "production": evaluate_production(rows, _extract_many),
        "classifier": evaluate(rows, classify_many),
    }


def _extract_many(snippets: Sequence[str]) -> list[list[Event]]:
    from fogwatch import pipeline
    from fogwatch.records import RawArticle

    articles = [
        pipeline.prepare(
            RawArticle(origin=f"<snippet {i}>", text=text, published=NOMINAL_PUBLISHED)
        )
        for i, text in enumerate(snippets)
    ]
    return [list(result.events) for result in pipeline.process(articles)]


def _first_sub_type(events: Sequence[Event], modalities: Sequence[str]) -> str | None:
    return next((event.sub_type for event in events if event.modality in modalities), None)


def _subtasks(rows: Sequence[tuple[str, str, str]], rankings: Sequence[Ranking]) -> dict:
    golds = [_gold_label(label) for _, _, label in rows]
    result: dict = {}
    for subtask, codes in SUBTASK_CODES.items():
        allowed = {taxonomy.label_for_code(code) for code in codes}
        pairs = [
            (gold, _best_allowed(ranking, allowed))
            for gold, ranking in zip(golds, rankings, strict=True)
            if gold in allowed
        ]
        result[subtask] = scores(pairs)
    return result


def scores(pairs: Sequence[tuple[str, str]]) -> dict:
    """F1 scores and worst-confused pairs of `(gold, predicted)` label pairs."""
    gold_counts = Counter(gold for gold, _ in pairs)
    predicted_counts = Counter(predicted for _, predicted in pairs)
    hits = Counter(gold for gold, predicted in pairs if gold == predicted)
    labels = sorted(set(gold_counts) | set(predicted_counts))
    f1 = {label: _f1(hits[label], predicted_counts[label], gold_counts[label]) for label in labels}
    total = len(pairs)
    confusions = Counter((gold, predicted) for gold, predicted in pairs if gold != predicted)
    worst = sorted(confusions.items(), key=lambda item: (-item[1], item[0]))[:WORST_CONFUSED]
    return {
        "macro_f1": sum(f1.values()) / len(labels) if labels else 0.0,
        # one label per row: pooled precision = pooled recall = accuracy
        "micro_f1": sum(hits.values()) / total if total else 0.0,
        "weighted_f1": (
            sum(f1[label] * count for label, count in gold_counts.items()) / total if total else 0.0
        ),
        "n": total,
        "confused": [
            {"gold": gold, "predicted": predicted, "count": count}
            for (gold, predicted), count in worst
        ],
    }


def _f1(hits: int, predicted: int, gold: int) -> float:
    return 2 * hits / (predicted + gold) if predicted + gold else 0.0


def _gold_label(label: str) -> str | None:
    """The fogwatch label of a gold CASE code (or label); None for labels outside the 30."""
    if label in taxonomy.ALL_LABELS:
        return label
    try:
        return taxonomy.label_for_code(label)
    except ValueError:
        return None


def _best_allowed(ranking: Ranking, allowed: set[str]) -> str:
    return next((label for label, _ in ranking if label in allowed), NO_LABEL)
