"""Train fogwatch's eventness model from the hand-labelled sentences of real war news.

    .venv/bin/python scripts/train_eventness.py ../shared/corpus/real-news-dev.jsonl
    .venv/bin/python scripts/train_eventness.py CORPUS --cross-validate       # scores only
    .venv/bin/python scripts/train_eventness.py CORPUS --cross-validate --compare-rules
    .venv/bin/python scripts/train_eventness.py CORPUS --out DIR              # write elsewhere

The labels are `src/fogwatch/data/event_labels.jsonl`: stand-off offsets into the corpus `text`
field (see `event_labels.md`), so the corpus itself must be given. Each labelled article is
cleaned and parsed exactly as fogwatch's pipeline does, each label's trigger offsets are mapped to
the clean text's token, and `fogwatch.events.eventness` turns the token into features. A
multinomial logistic regression (scikit-learn, lbfgs, fixed settings) is fitted on all labels and
saved as plain numpy arrays in a zip with fixed timestamps, so the same labels and corpus give the
same bytes; its sha256 goes into `eventness_model.json`, checked at load.

`--cross-validate` reports 5-fold cross-validation grouped by article (no article in both the
training and the test part of a fold) for the shipped settings and a few alternatives;
`--boosting` adds histogram gradient boosting on the same features (slow, and worse here: binary
asserted F1 0.82 against 0.86, accuracy 0.68 against 0.70); `--compare-rules` adds the event
coder's own rule-based modality on the same units (it runs the whole pipeline, so it is slower).
No evaluation data is read.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import hashlib
import io
import json
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from fogwatch import pipeline  # noqa: E402
from fogwatch.events import eventness  # noqa: E402
from fogwatch.events.eventness import LABELS, FeatureConfig  # noqa: E402
from fogwatch.ingest.clean import OffsetMap  # noqa: E402
from fogwatch.records import RawArticle  # noqa: E402

DATA = REPO / "src" / "fogwatch" / "data"
LABELS_FILE = DATA / "event_labels.jsonl"
SEED = 20240601
FOLDS = 5
# chosen by the grouped cross-validation below (see --cross-validate), never on evaluation data
C = 0.3
DENSE_WEIGHT = 0.1
"""Share of the tok2vec columns once standardised: they are many and noisy next to the words."""
MAX_ITER = 4000
# fmt: off
CONFIG = FeatureConfig(
    buckets=4096,
    tensor=True,
    cues={
        "future": frozenset({"will", "shall", "'ll", "wo", "going", "tomorrow", "next", "soon"}),
        "modal": frozenset({"would", "could", "might", "may", "should", "can", "must", "ought"}),
        "negation": frozenset(
            {"not", "n't", "never", "no", "without", "neither", "nor", "none", "nothing"}
        ),
        "condition": frozenset({"if", "unless", "whether", "lest", "once", "until", "when"}),
        "intent": frozenset(
            {
                "try", "attempt", "seek", "aim", "plan", "intend", "prepare", "threaten", "want",
                "hope", "vow", "pledge", "promise", "expect", "need", "call", "urge", "demand",
                "propose", "offer", "consider", "ready", "able", "capable", "likely", "unlikely",
                "possible", "potential", "prospect", "chance", "goal", "objective", "effort",
                "bid", "intention", "scenario", "risk", "fear", "warn", "allow", "enable",
                "capability", "ability", "willing", "set", "order", "task", "push", "strive",
            }
        ),
        "denial": frozenset(
            {
                "deny", "reject", "refuse", "dismiss", "refute", "fail", "prevent", "avert",
                "thwart", "stop", "halt", "cancel", "unable", "instead", "rather", "unsuccessful",
            }
        ),
        "past": frozenset(
            {
                "after", "since", "following", "before", "ago", "previously", "earlier",
                "already", "former", "first", "history", "historical", "century", "decade",
                "anniversary", "once",
            }
        ),
        "report": frozenset(
            {
                "say", "report", "claim", "state", "tell", "announce", "add", "note", "accuse",
                "allege", "confirm", "according", "write", "post", "show", "publish", "indicate",
                "suggest", "assess", "acknowledge", "insist", "warn", "reveal", "footage",
            }
        ),
        "habit": frozenset(
            {
                "continue", "often", "frequently", "routinely", "repeatedly", "regularly",
                "usually", "always", "daily", "every", "constantly", "increasingly", "throughout",
                "ongoing", "still", "keep", "week", "month", "year", "day", "campaign", "war",
            }
        ),
        "recent": frozenset(
            {
                "today", "yesterday", "overnight", "tonight", "morning", "evening", "night",
                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "recently", "latest", "hour",
            }
        ),
    },
)
# fmt: on


@dataclass(frozen=True, slots=True)
class Unit:
    article: str
    token: Any
    """The trigger's spaCy token in its parsed article."""
    published: dt.date
    modality: str


# ─── data ────────────────────────────────────────────────────────────────────────────────────


def read_labels(path: Path = LABELS_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def read_corpus(path: Path, wanted: set[str]) -> dict[str, dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            if row["id"] in wanted:
                rows[row["id"]] = row
    missing = wanted - set(rows)
    if missing:
        raise SystemExit(
            f"fogwatch: {path}: {len(missing)} labelled articles are not in the corpus "
            f"(e.g. {sorted(missing)[0]}) — pass the corpus the labels were made on"
        )
    return rows


def raw_to_clean(runs: Sequence[Any], raw: int) -> int | None:
    """The clean offset of raw character `raw`, or None when cleaning deleted it."""
    starts = [run.raw_start for run in runs]
    at = bisect.bisect_right(starts, raw) - 1
    if at < 0:
        return None
    run = runs[at]
    if raw - run.raw_start >= run.length:
        return None
    return int(run.clean_start + raw - run.raw_start)


def parse_units(corpus: Path, labels: list[dict[str, Any]]) -> tuple[list[Unit], list[Any]]:
    """Each label's trigger token in its parsed clean article; and (corpus id, article, doc)s.

    Labels whose trigger the cleaning deletes (captions and credits it learned to remove after
    the labels were made) are dropped from `labels` in place, so both lists stay aligned.
    """
    from fogwatch.language import nlp

    rows = read_corpus(corpus, {label["article"] for label in labels})
    ids = sorted(rows)
    articles = [
        pipeline.prepare(
            RawArticle(
                origin=f"{corpus}:{article_id}",
                text=rows[article_id]["text"],
                published=dt.date.fromisoformat(rows[article_id]["date"]),
                source=rows[article_id]["source"],
            )
        )
        for article_id in ids
    ]
    docs = dict(zip(ids, nlp.parse(a.text for a in articles), strict=True))
    by_id = dict(zip(ids, articles, strict=True))
    units: list[Unit] = []
    kept: list[dict[str, Any]] = []
    for label in labels:
        article = by_id[label["article"]]
        doc = docs[label["article"]]
        start = raw_to_clean(article.raw_offsets, label["trigger"][0])
        if start is None:
            continue  # fogwatch's cleaning now removes this text (a caption, a credit)
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None or not len(span):
            raise SystemExit(f"fogwatch: {LABELS_FILE.name}: no token at trigger {label}")
        units.append(Unit(label["article"], span[0], article.published, label["modality"]))
        kept.append(label)
    if len(kept) < len(labels):
        print(
            f"{len(labels) - len(kept)} labelled triggers are in text that cleaning removes; "
            "they are left out",
            file=sys.stderr,
        )
    labels[:] = kept
    return units, [(article_id, by_id[article_id], docs[article_id]) for article_id in ids]


def featurise(units: Sequence[Unit], config: FeatureConfig) -> tuple[np.ndarray, np.ndarray]:
    dense_rows, sparse_rows = [], []
    for unit in units:
        dense, sparse = eventness.vectorise(unit.token.doc, [unit.token], config, unit.published)
        dense_rows.append(dense[0])
        sparse_rows.append(sparse[0])
    return np.vstack(dense_rows), np.vstack(sparse_rows)


# ─── models ──────────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Fitted:
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray


def fit(
    dense: np.ndarray,
    sparse: np.ndarray,
    y: np.ndarray,
    c: float = C,
    dense_weight: float = DENSE_WEIGHT,
) -> Fitted:
    """Standardise the dense part (then shrink it to `dense_weight`), then a multinomial logistic
    regression over all columns."""
    from sklearn.linear_model import LogisticRegression

    mean = dense.mean(axis=0) if dense.shape[1] else np.zeros(0)
    scale = dense.std(axis=0) if dense.shape[1] else np.zeros(0)
    scale = np.where(scale > 1e-6, scale, 1.0) / dense_weight
    rows = np.hstack([(dense - mean) / scale, sparse]) if dense.shape[1] else sparse
    # balanced weights: the rarer judgements (negated, future) matter as much as the common ones
    model = LogisticRegression(
        C=c, class_weight="balanced", max_iter=MAX_ITER, random_state=SEED, tol=1e-6
    )
    model.fit(rows.astype(np.float64), y)
    coef = np.zeros((len(LABELS), rows.shape[1]))
    intercept = np.full(len(LABELS), -1e3)  # a label never seen in training is never chosen
    for row, label in enumerate(model.classes_):
        coef[int(label)] = model.coef_[row]
        intercept[int(label)] = model.intercept_[row]
    return Fitted(
        mean.astype(np.float32),
        scale.astype(np.float32),
        coef.astype(np.float32),
        intercept.astype(np.float32),
    )


def predict(fitted: Fitted, dense: np.ndarray, sparse: np.ndarray) -> np.ndarray:
    model = eventness.Model(
        LABELS, CONFIG, fitted.dense_mean, fitted.dense_scale, fitted.coef, fitted.intercept
    )
    return model.probabilities(model.matrix(dense.astype(np.float32), sparse))


def folds(units: Sequence[Unit], y: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedGroupKFold

    groups = [unit.article for unit in units]
    splitter = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    return list(splitter.split(np.zeros(len(y)), y, groups))


def cross_validated(
    splits: list[tuple[np.ndarray, np.ndarray]],
    dense: np.ndarray,
    sparse: np.ndarray,
    y: np.ndarray,
    c: float = C,
    dense_weight: float = DENSE_WEIGHT,
) -> np.ndarray:
    """Out-of-fold label predictions of the logistic regression."""
    predicted = np.zeros(len(y), dtype=int)
    for train, test in splits:
        fitted = fit(dense[train], sparse[train], y[train], c, dense_weight)
        predicted[test] = predict(fitted, dense[test], sparse[test]).argmax(axis=1)
    return predicted


def boosted(
    splits: list[tuple[np.ndarray, np.ndarray]],
    dense: np.ndarray,
    sparse: np.ndarray,
    y: np.ndarray,
) -> np.ndarray:
    """Out-of-fold predictions of histogram gradient boosting on the same features."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    rows = np.hstack([dense, sparse])
    predicted = np.zeros(len(y), dtype=int)
    for train, test in splits:
        model = HistGradientBoostingClassifier(
            max_iter=300, learning_rate=0.05, class_weight="balanced", random_state=SEED
        )
        model.fit(rows[train], y[train])
        predicted[test] = model.predict(rows[test])
    return predicted


# ─── scores ──────────────────────────────────────────────────────────────────────────────────


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Accuracy, per-label P/R/F1, and P/R/F1 of the binary decision asserted / not asserted."""
    labels = [label for label in LABELS if label in set(gold) | set(predicted)]
    per_label = {}
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        guessed = sum(p == label for p in predicted)
        true = sum(g == label for g in gold)
        per_label[label] = _prf(tp, guessed, true) | {"support": true}
    tp = sum(g == p == "asserted" for g, p in zip(gold, predicted, strict=True))
    binary = _prf(tp, sum(p == "asserted" for p in predicted), sum(g == "asserted" for g in gold))
    binary["accuracy"] = _round(
        sum((g == "asserted") == (p == "asserted") for g, p in zip(gold, predicted, strict=True))
        / len(gold)
    )
    return {
        "units": len(gold),
        "accuracy": _round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)),
        "asserted_vs_not": binary,
        "per_label": per_label,
    }


def _prf(tp: int, guessed: int, true: int) -> dict[str, float]:
    precision = tp / guessed if guessed else 0.0
    recall = tp / true if true else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": _round(precision), "recall": _round(recall), "f1": _round(f1)}


def _round(value: float) -> float:
    return round(value, 3)


def rule_modalities(labels: list[dict[str, Any]], analysed: list[Any]) -> list[str | None]:
    """The coder's own modality for each label's trigger: that of the event whose evidence holds
    the trigger word (None when no event does)."""
    sys.path.insert(0, str(REPO / "scripts"))
    from event_candidates import trigger_lexicon

    lexicon = trigger_lexicon()
    by_trigger: dict[tuple[str, int], str] = {}
    for article_id, article, doc in analysed:
        result = pipeline.analyse(article, doc)
        to_raw = OffsetMap(article.raw_offsets)
        for event in result.events:
            for span in event.evidence:
                for token in doc.char_span(span.start, span.end, alignment_mode="expand") or ():
                    if token.lemma_.lower() in lexicon or token.lower_ in lexicon:
                        key = (article_id, to_raw.to_raw(token.idx))
                        by_trigger.setdefault(key, event.modality)
    return [by_trigger.get((label["article"], label["trigger"][0])) for label in labels]


# ─── writing ─────────────────────────────────────────────────────────────────────────────────


def npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """An .npz archive whose bytes depend only on the arrays (fixed timestamps and order)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            member = io.BytesIO()
            np.lib.format.write_array(
                member, np.ascontiguousarray(arrays[name]), allow_pickle=False
            )
            archive.writestr(info, member.getvalue())
    return buffer.getvalue()


def write(fitted: Fitted, out: Path, summary: dict[str, Any]) -> dict[str, Any]:
    payload = npz_bytes(
        {
            "coef": fitted.coef,
            "intercept": fitted.intercept,
            "dense_mean": fitted.dense_mean,
            "dense_scale": fitted.dense_scale,
        }
    )
    manifest = {
        "model": eventness.MODEL_FILE,
        "sha256": hashlib.sha256(payload).hexdigest(),
        "trained_by": "scripts/train_eventness.py",
        "labels": list(LABELS),
        "features": CONFIG.to_json(),
        "classifier": {
            "kind": "logistic regression",
            "C": C,
            "class_weight": "balanced",
            "tok2vec_weight": DENSE_WEIGHT,
        },
        **summary,
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / eventness.MODEL_FILE).write_bytes(payload)
    (out / eventness.MANIFEST_FILE).write_text(
        json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="the corpus JSONL the labels point into")
    parser.add_argument(
        "--cross-validate", action="store_true", help="report scores, write nothing"
    )
    parser.add_argument("--compare-rules", action="store_true", help="with --cross-validate")
    parser.add_argument(
        "--boosting", action="store_true", help="with --cross-validate; ~20 min on two cores"
    )
    parser.add_argument("--out", type=Path, default=DATA, help="folder for the model files")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"fogwatch: {args.corpus}: no such file — pass the corpus JSONL", file=sys.stderr)
        return 2
    labels = read_labels()
    started = time.perf_counter()
    units, analysed = parse_units(args.corpus, labels)
    parsed = time.perf_counter()
    dense, sparse = featurise(units, CONFIG)
    featurised = time.perf_counter()
    y = np.array([LABELS.index(unit.modality) for unit in units])
    print(
        f"{len(units)} units from {len(analysed)} articles; parse {parsed - started:.1f} s, "
        f"features {1000 * (featurised - parsed) / len(units):.2f} ms a unit",
        file=sys.stderr,
    )
    if args.cross_validate:
        report = cross_validation_report(labels, units, analysed, dense, sparse, y, args)
        print(json.dumps(report, indent=1))
        return 0
    fitted = fit(dense, sparse, y)
    summary = {
        "units": len(units),
        "articles": len(analysed),
        "label_counts": {label: int((y == i).sum()) for i, label in enumerate(LABELS)},
    }
    manifest = write(fitted, args.out, summary)
    print(json.dumps({key: manifest[key] for key in ("sha256", "units", "articles")}))
    return 0


def cross_validation_report(
    labels: list[dict[str, Any]],
    units: list[Unit],
    analysed: list[Any],
    dense: np.ndarray,
    sparse: np.ndarray,
    y: np.ndarray,
    args: argparse.Namespace,
) -> dict[str, Any]:
    splits = folds(units, y)
    gold = [LABELS[i] for i in y]
    report: dict[str, Any] = {"label counts": dict(Counter(gold))}
    shipped = [LABELS[i] for i in cross_validated(splits, dense, sparse, y)]
    report[f"logistic C={C}, tok2vec weight {DENSE_WEIGHT} (shipped)"] = scores(gold, shipped)
    for c in (0.1, 1.0):
        predicted = cross_validated(splits, dense, sparse, y, c)
        report[f"logistic C={c}"] = scores(gold, [LABELS[i] for i in predicted])
    no_columns = np.zeros((len(y), 0), dtype=np.float32)
    predicted = cross_validated(splits, no_columns, sparse, y)
    report["logistic, no tok2vec"] = scores(gold, [LABELS[i] for i in predicted])
    predicted = cross_validated(splits, dense, no_columns, y, dense_weight=1.0)
    report["logistic, tok2vec only"] = scores(gold, [LABELS[i] for i in predicted])
    if args.boosting:
        predicted = boosted(splits, dense, sparse, y)
        report["gradient boosting"] = scores(gold, [LABELS[i] for i in predicted])
    if args.compare_rules:
        rules = rule_modalities(labels, analysed)
        coded = [i for i, rule in enumerate(rules) if rule is not None]
        report["coder events"] = {
            "units": len(coded),
            "rules": scores([gold[i] for i in coded], [str(rules[i]) for i in coded]),
            "model": scores([gold[i] for i in coded], [shipped[i] for i in coded]),
        }
        report["all units (no event coded = not asserted)"] = {
            "rules": scores(gold, [rule or "none" for rule in rules]),
            "model": scores(gold, shipped),
        }
    return report


if __name__ == "__main__":
    raise SystemExit(main())
