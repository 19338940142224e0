"""List the units to label for fogwatch's eventness model: one trigger word in its sentence.

    .venv/bin/python scripts/event_candidates.py ../shared/corpus/real-news-dev.jsonl \
        --exclude ../shared/eval/news/dev/articles > /tmp/units.jsonl
    .venv/bin/python scripts/event_candidates.py CORPUS --format text | less

Articles are drawn with a fixed seed, round-robin over their sources so that no outlet dominates,
after leaving out every article whose body matches one of the evaluation articles in `--exclude`
(the dated `date YYYY-MM-DD <body>` files; matched on the first 300 characters of the body after
whitespace normalisation). Each drawn article goes through fogwatch's pipeline and gives:

- `event` units: every event the coder produced (at most `--per-article` a article, drawn with
  the seed), its trigger being the first trigger word among the event's evidence;
- `miss` units: sentences with no event that hold a conflict word ("attack", "shelled", "killed",
  "protest" …), its first such word being the trigger (at most `--misses` a article).

A unit's `sentence` and `trigger` are character offsets into the corpus `text` field (fogwatch's
clean-text offsets mapped back through the article's `raw_offsets`), so labels can be stored as
stand-off offsets without copying any text. The text is printed for the labeller only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from fogwatch import pipeline  # noqa: E402
from fogwatch.ingest.clean import OffsetMap  # noqa: E402
from fogwatch.records import Article, ArticleResult, Event, RawArticle, Span  # noqa: E402

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SEED = 20240601
ARTICLES = 180
PER_ARTICLE = 20
MISSES = 2
MATCH_CHARS = 300
TRIGGERS = REPO / "src" / "fogwatch" / "data" / "event_triggers.yaml"
# fmt: off
CONFLICT_WORDS = frozenset({
    "attack", "strike", "shell", "shelling", "kill", "fight", "fighting", "capture", "seize",
    "protest", "arrest", "detain", "bomb", "bombing", "missile", "drone", "explosion", "explode",
    "clash", "offensive", "assault", "advance", "storm", "raid", "shoot", "destroy", "hit",
    "wound", "injure", "occupy", "liberate", "recapture", "withdraw", "retreat", "battle",
    "combat", "ambush", "airstrike", "counteroffensive", "counterattack", "execute", "torture",
    "abduct", "deport", "massacre", "demonstration", "rally", "riot", "ceasefire", "truce",
    "agree", "agreement", "deal", "exchange", "talks", "invade", "invasion", "siege",
})
# fmt: on
_SPACE = re.compile(r"\s+")


def normalised(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def evaluation_heads(folder: Path | None) -> set[str]:
    """The normalised first characters of every evaluation article's body."""
    if folder is None:
        return set()
    heads = set()
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        body = re.sub(r"^date \d{4}-\d{2}-\d{2} ", "", text)
        heads.add(normalised(body)[:MATCH_CHARS])
    return heads


def read_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def source_group(source: str | None) -> str:
    return (source or "unknown").split(" (")[0]


def draw(rows: list[dict], count: int, seed: int) -> list[dict]:
    """`count` rows, taken round-robin over sources in a seeded order."""
    rng = random.Random(seed)
    by_source: dict[str, list[dict]] = {}
    for row in sorted(rows, key=lambda r: r["id"]):
        by_source.setdefault(source_group(row["source"]), []).append(row)
    queues = []
    for source in sorted(by_source):
        queue = by_source[source]
        rng.shuffle(queue)
        queues.append(queue)
    rng.shuffle(queues)
    drawn: list[dict] = []
    while len(drawn) < count and any(queues):
        for queue in queues:
            if queue and len(drawn) < count:
                drawn.append(queue.pop())
    return sorted(drawn, key=lambda r: r["id"])


def trigger_lexicon() -> dict[str, frozenset[str]]:
    """Trigger lemma → its parts of speech, from the coder's own trigger file."""
    data = yaml.safe_load(TRIGGERS.read_text(encoding="utf-8"))["triggers"]
    return {lemma: frozenset(entry.get("pos", ["VERB", "NOUN"])) for lemma, entry in data.items()}


def _pos(token: Token) -> str:
    if token.pos_ in ("VERB", "AUX"):
        return "VERB"
    return "NOUN" if token.pos_ in ("NOUN", "PROPN") else token.pos_


def event_trigger(
    doc: Doc, spans: Iterable[Span], lexicon: dict[str, frozenset[str]]
) -> Token | None:
    """The first token of the evidence spans that is a trigger word in its part of speech."""
    for span in sorted(spans, key=lambda s: s.start):
        region = doc.char_span(span.start, span.end, alignment_mode="expand")
        for token in region or ():
            for word in (token.lemma_.lower(), token.lower_):
                if word in lexicon and _pos(token) in lexicon[word]:
                    return token
    return None


def units(
    row: dict,
    article: Article,
    result: ArticleResult,
    doc: Doc,
    rng: random.Random,
    args: argparse.Namespace,
) -> Iterator[dict]:
    """The event units, then the miss units, of one analysed article."""
    lexicon = trigger_lexicon()
    to_raw = OffsetMap(article.raw_offsets)
    sentences = list(doc.sents)
    found = []
    for event in result.events:
        token = event_trigger(doc, event.evidence, lexicon)
        if token is not None:
            found.append((event, token))
    if len(found) > args.per_article:
        found = sorted(rng.sample(found, args.per_article), key=lambda pair: pair[1].i)
    covered = {
        token.sent.start
        for event in result.events
        if (token := event_trigger(doc, event.evidence, lexicon)) is not None
    }

    def unit(kind: str, token: Token, event: Event | None) -> dict:
        sentence = token.sent
        sentence_span = to_raw.span_to_raw(Span(sentence.start_char, sentence.end_char))
        trigger_span = to_raw.span_to_raw(Span(token.idx, token.idx + len(token.text)))
        before = doc[max(0, sentence.start - 1)].sent if sentence.start > 0 else None
        return {
            "article": row["id"],
            "date": row["date"],
            "source": row["source"],
            "kind": kind,
            "sentence": [sentence_span.start, sentence_span.end],
            "trigger": [trigger_span.start, trigger_span.end],
            "coder_modality": event.modality if event else None,
            "coder_sub_type": event.sub_type if event else None,
            "text": row["text"][sentence_span.start : sentence_span.end],
            "trigger_text": row["text"][trigger_span.start : trigger_span.end],
            "before": before.text if before is not None else "",
            "position": round(sentence.start / max(1, len(doc)), 3),
        }

    for event, token in found:
        yield unit("event", token, event)
    misses = []
    for sentence in sentences:
        if sentence.start in covered:
            continue
        words = [
            t for t in sentence if t.lemma_.lower() in CONFLICT_WORDS and t.pos_ in ("VERB", "NOUN")
        ]
        if words:
            misses.append(words[0])
    if len(misses) > args.misses:
        misses = sorted(rng.sample(misses, args.misses), key=lambda t: t.i)
    for token in misses:
        yield unit("miss", token, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="the corpus JSONL (id, date, source, text …)")
    parser.add_argument("--exclude", type=Path, help="folder of evaluation articles to leave out")
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--per-article", type=int, default=PER_ARTICLE)
    parser.add_argument("--misses", type=int, default=MISSES)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--format", choices=("jsonl", "text"), default="jsonl")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"fogwatch: {args.corpus}: no such file — pass the corpus JSONL", file=sys.stderr)
        return 2
    heads = evaluation_heads(args.exclude)
    rows = [r for r in read_corpus(args.corpus) if normalised(r["text"])[:MATCH_CHARS] not in heads]
    drawn = draw(rows, args.articles, args.seed)
    articles = [
        pipeline.prepare(
            RawArticle(
                origin=row["id"],
                text=row["text"],
                published=dt.date.fromisoformat(row["date"]),
                source=row["source"],
            )
        )
        for row in drawn
    ]
    rng = random.Random(args.seed)
    number = 0
    from fogwatch.language import nlp

    for row, article, doc in zip(drawn, articles, nlp.parse(a.text for a in articles), strict=True):
        result = pipeline.analyse(article, doc)
        for found in units(row, article, result, doc, rng, args):
            number += 1
            if args.format == "jsonl":
                print(json.dumps({"unit": number, **found}, ensure_ascii=False))
            else:
                at = found["trigger"][0] - found["sentence"][0]
                end = found["trigger"][1] - found["sentence"][0]
                text = found["text"]
                marked = f"{text[:at]}[[{text[at:end]}]]{text[end:]}"
                print(
                    f"#{number} {found['article']} {found['date']} {found['kind']}"
                    f" coder={found['coder_modality']}/{found['coder_sub_type']}"
                )
                print(f"   before: {found['before'][-200:]}")
                print(f"   {marked}\n")
    print(f"{number} units from {len(drawn)} articles", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
