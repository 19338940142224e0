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
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from fogwatch.errors import InputError
from fogwatch.events import taxonomy

Ranking = Sequence[tuple[str, float]]
ClassifyMany = Callable[[Sequence[str]], Sequence[Ranking]]

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
    golds = [_gold_label(label) for _, _, label in rows]
    rankings = classify_many([snippet for _, snippet, _ in rows]) if rows else []
    result: dict = {"n": len(rows)}
    for subtask, codes in SUBTASK_CODES.items():
        allowed = {taxonomy.label_for_code(code) for code in codes}
        pairs = [
            (gold, _best_allowed(ranking, allowed))
            for gold, ranking in zip(golds, rankings, strict=True)
            if gold in allowed
        ]
        result[subtask] = scores(pairs)
    return result


def run(path: Path | str) -> dict:
    """Score `fogwatch.events.classify` on a CASE 2021 task 2 TSV: what `fogwatch eval events` prints."""
    from fogwatch.events.classify import classify_many

    return evaluate(load_tsv(path), classify_many)


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
