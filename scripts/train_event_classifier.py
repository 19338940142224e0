"""Train fogwatch's event type classifier from its hand-written example templates.

    .venv/bin/python scripts/train_event_classifier.py                  # write the model
    .venv/bin/python scripts/train_event_classifier.py --dump FILE      # and the examples, JSONL
    .venv/bin/python scripts/train_event_classifier.py --cross-validate # scores, no model written

The examples come only from `src/fogwatch/data/event_example_templates.yaml` and
`event_example_slots.yaml`, expanded with a fixed seed, so the same files give the same model
(about three minutes on two cores, most of it embedding the examples). It uses scikit-learn and
the sentence encoder, both installed with sentence-transformers; the model is saved as plain
numpy arrays that `fogwatch.events.classify` reads, and its sha256 goes into
`event_classifier.json`, checked at load. No evaluation data is read.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import os
import random
import re
import sys
from pathlib import Path

import numpy as np
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from fogwatch.events import classify, taxonomy  # noqa: E402

DATA = REPO / "src" / "fogwatch" / "data"
SEED = 20210801
PER_LABEL = 320
# chosen by 5-fold cross-validation over held-out templates, never on evaluation data
LEXICAL_C = 10.0
LEXICAL_MIN_DF = 2
EMBEDDING_C = 3.0
TAIL_RATE = 0.25
HEADLINE_RATE = 0.2
HEADLINE_BODY_RATE = 0.7
DATELINE_RATE = 0.1
FOLDS = 5

THEATRE_SLOTS = {
    "town": "towns",
    "town2": "towns",
    "region": "regions",
    "army": "army",
    "police": "police",
    "rebel": "rebels",
    "militia": "militia",
    "community": "communities",
    "protesters": "protesters",
    "air": "air",
    "gang": "gangs",
}
SLOT = re.compile(r"\{(\w+)\}")


def expand_examples(seed: int = SEED, per_label: int = PER_LABEL) -> list[tuple[str, str, int]]:
    """`(snippet, label, template)` triples: templates filled from consistent theatres, deduplicated.

    `template` numbers the template a snippet was written from, so that cross-validation can hold
    out whole templates (unseen phrasings), not just unseen slot fillers.
    """
    templates = yaml.safe_load((DATA / "event_example_templates.yaml").read_text("utf-8"))
    theatres = yaml.safe_load((DATA / "event_example_slots.yaml").read_text("utf-8"))["theatres"]
    common = templates["common"]
    rng = random.Random(seed)
    examples: list[tuple[str, str, int]] = []
    offset = 0
    for label, entries in templates["templates"].items():
        if label not in taxonomy.ALL_LABELS:
            raise SystemExit(f"templates: {label!r} is not a fogwatch label")
        entries = [e if isinstance(e, dict) else {"text": e} for e in entries]
        headlines = [e for e in entries if re.match(r"\{country\}: ", e["text"])]
        bodies = [e for e in entries if e not in headlines]
        seen: set[str] = set()
        attempts = 0
        while len(seen) < per_label and attempts < per_label * 20:
            attempts += 1
            index = attempts % len(entries)
            entry = entries[index]
            theatre = _theatre(entry, theatres, rng)
            text = _fill(entry["text"], theatre, common, rng)
            if entry in headlines and bodies and rng.random() < HEADLINE_BODY_RATE:
                body = rng.choice([b for b in bodies if _fits(b, theatre)] or bodies)
                text = f"{text}. {_fill(body['text'], theatre, common, rng)}"
            elif entry in bodies and headlines and rng.random() < HEADLINE_RATE:
                head = rng.choice([h for h in headlines if _fits(h, theatre)] or headlines)
                if _fits(head, theatre):
                    text = f"{_fill(head['text'], theatre, common, rng)} {text}"
            if rng.random() < TAIL_RATE:
                text = f"{text} {rng.choice(common['tail'])}"
            text = _capitalise(text)
            if rng.random() < DATELINE_RATE:
                text = f"{theatre['capital'].upper()} ({rng.choice(common['agency'])}) - {text}"
            if text not in seen:
                seen.add(text)
                examples.append((text, label, offset + index))
        offset += len(entries)
    return examples


def _fits(entry: dict, theatre: dict) -> bool:
    if "country" in entry and entry["country"] != theatre["country"]:
        return False
    return all(
        THEATRE_SLOTS[slot] in theatre
        for slot in SLOT.findall(entry["text"])
        if slot in THEATRE_SLOTS
    )


def _theatre(entry: dict, theatres: list[dict], rng: random.Random) -> dict:
    fitting = [theatre for theatre in theatres if _fits(entry, theatre)]
    if not fitting:
        raise SystemExit(f"templates: no theatre has every slot of {entry['text']!r}")
    return rng.choice(fitting)


def _fill(text: str, theatre: dict, common: dict, rng: random.Random) -> str:
    chosen: dict[str, str] = {}
    for slot in SLOT.findall(text):
        if slot in chosen:
            continue
        if slot in THEATRE_SLOTS:
            options = list(theatre[THEATRE_SLOTS[slot]])
            if slot == "town2" and "town" in chosen and len(options) > 1:
                options.remove(chosen["town"])
            chosen[slot] = rng.choice(options)
        elif slot in ("country", "adj", "capital"):
            chosen[slot] = theatre[slot]
        else:
            chosen[slot] = rng.choice(common[slot])
    return SLOT.sub(lambda match: chosen[match.group(1)], text)


def _capitalise(text: str) -> str:
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def train(examples: list[tuple[str, str, int]], embeddings: np.ndarray) -> dict[str, np.ndarray]:
    """Fit the lexical and the embedding model; return the arrays `classify` loads."""
    texts = [classify.normalise(text) for text, _, _ in examples]
    labels = np.array([taxonomy.ALL_LABELS.index(label) for _, label, _ in examples])
    vectorizer = TfidfVectorizer(
        token_pattern=classify.TOKEN_PATTERN,
        lowercase=False,
        min_df=LEXICAL_MIN_DF,
        sublinear_tf=True,
        dtype=np.float32,
    )
    features = vectorizer.fit_transform(texts)
    lexical = LogisticRegression(C=LEXICAL_C, max_iter=5000).fit(features, labels)
    embedding = LogisticRegression(C=EMBEDDING_C, max_iter=5000).fit(embeddings, labels)
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    return {
        "labels": np.array(taxonomy.ALL_LABELS),
        "vocabulary": np.array(vocabulary),
        "idf": vectorizer.idf_.astype(np.float32),
        "lexical_coef": lexical.coef_.astype(np.float32),
        "lexical_intercept": lexical.intercept_.astype(np.float32),
        "embedding_coef": embedding.coef_.astype(np.float32),
        "embedding_intercept": embedding.intercept_.astype(np.float32),
    }


def cross_validate(examples: list[tuple[str, str, int]], embeddings: np.ndarray) -> None:
    """Print accuracy and macro F1 on held-out templates: lexical, embedding, and their vote."""
    labels = np.array([taxonomy.ALL_LABELS.index(label) for _, label, _ in examples])
    templates = np.array([template for _, _, template in examples])
    lexical_votes = np.zeros((len(examples), len(taxonomy.ALL_LABELS)))
    embedding_votes = np.zeros_like(lexical_votes)
    for train_rows, test_rows in GroupKFold(FOLDS).split(embeddings, labels, templates):
        arrays = train([examples[row] for row in train_rows], embeddings[train_rows])
        vocabulary = {str(word): index for index, word in enumerate(arrays["vocabulary"])}
        texts = [classify.normalise(examples[row][0]) for row in test_rows]
        vectorizer = TfidfVectorizer(
            token_pattern=classify.TOKEN_PATTERN,
            lowercase=False,
            sublinear_tf=True,
            vocabulary=vocabulary,
        )
        vectorizer.idf_ = arrays["idf"]
        lexical = vectorizer.transform(texts) @ arrays["lexical_coef"].T
        embedded = embeddings[test_rows] @ arrays["embedding_coef"].T
        lexical_votes[test_rows] = _softmax(lexical + arrays["lexical_intercept"])
        embedding_votes[test_rows] = _softmax(embedded + arrays["embedding_intercept"])
    weight = classify.LEXICAL_WEIGHT
    for name, votes in (
        ("lexical", lexical_votes),
        ("embedding", embedding_votes),
        ("vote", weight * lexical_votes + (1 - weight) * embedding_votes),
    ):
        predicted = votes.argmax(axis=1)
        accuracy = float(np.mean(predicted == labels))
        macro = float(f1_score(labels, predicted, average="macro"))
        print(
            json.dumps({"model": name, "accuracy": round(accuracy, 3), "macro_f1": round(macro, 3)})
        )


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def encoder_files() -> tuple[dict[str, str], Path]:
    """sha256 of each file of the installed sentence encoder, by path inside it; and its folder."""
    spec = importlib.util.find_spec(classify.ENCODER_PACKAGE)
    if spec is None or spec.origin is None:
        raise SystemExit(f"install {classify.ENCODER_REQUIREMENT} first")
    root = Path(spec.origin).parent / "model"
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name not in ("README.md", ".gitattributes")
    }, root


def main() -> None:
    """Expand the templates, embed them, train, write the model and its manifest."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", type=Path, help="also write the expanded examples as JSONL here")
    parser.add_argument(
        "--cross-validate",
        action="store_true",
        help=f"print {FOLDS}-fold scores over held-out templates instead of writing the model",
    )
    args = parser.parse_args()
    examples = expand_examples()
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as stream:
            for text, label, template in examples:
                record = {"text": text, "label": label, "template": template}
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    hashes, root = encoder_files()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    encoder = SentenceTransformer(str(root), device="cpu", local_files_only=True)
    embeddings = encoder.encode(
        [text for text, _, _ in examples],
        batch_size=classify.BATCH_SIZE,
        normalize_embeddings=True,
        convert_to_numpy=True,
    )
    embeddings = np.asarray(embeddings, dtype=np.float32)
    if args.cross_validate:
        cross_validate(examples, embeddings)
        return
    arrays = train(examples, embeddings)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    payload = buffer.getvalue()
    (DATA / classify.MODEL_FILE).write_bytes(payload)
    manifest = {
        "model": classify.MODEL_FILE,
        "sha256": hashlib.sha256(payload).hexdigest(),
        "trained_by": "scripts/train_event_classifier.py",
        "examples": len(examples),
        "templates": len({template for _, _, template in examples}),
        "lexical_features": int(arrays["idf"].shape[0]),
        "encoder": {"package": classify.ENCODER_REQUIREMENT, "files": hashes},
    }
    (DATA / classify.MANIFEST_FILE).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    print(json.dumps({key: manifest[key] for key in ("sha256", "examples", "templates")}))


if __name__ == "__main__":
    main()
