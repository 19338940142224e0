"""What each paragraph of an article is: prose, a list item, or page structure around the prose.

`find(text)` returns the paragraphs that are not plain running prose, each with its kind:

- `heading`: a short line with no sentence-final punctuation that some prose follows ("Key
  Takeaways", "Supporting Effort #2—Southern Axis (Objective: Defend Kherson …)", a headline);
  a lead-in ending in ":" or ";" counts too ("Immediate items to watch:", "Kharkiv;").
- `byline`, `dateline`: the authors ("Karolina Hird, Mason Clark, and George Barros", "By …")
  and a line that is only a date and time ("June 18, 3:30 pm ET").
- `teaser`: a pointer to another story, video or page ("Read more: …", a live blog's "01:13Donbas
  battle will be …").
- `caption`: a picture caption, told by the credit that ends it ("… (Anthony Kwan/Getty Images)"),
  a whole paragraph or, as newspaper pages print them inline, one sentence and its credit ("A
  school destroyed in Kharkiv. Photograph: Jane Doe/AFP/Getty Images").
- `bullet`: a list item ("• Russian forces shelled …"). Bullets are prose: each is a sentence.

Headings, bylines, datelines, teasers and captions describe or frame the article; they are not
reports, so no event, claim source or claim content comes from them (`is_prose`). The vocabulary
is data: `data/structure.yaml`. Footnote markers ("[12]") never reach this stage: the cleaner
deletes them.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files

import yaml

from fogwatch.records import Part, PartKind, Span

# An inline picture credit, "Photograph: Name/Agency[/Agency]", the agencies ending it (the next
# sentence may follow with no space: "…/EPAJohnson is …").
_AGENCIES = (
    "AFP via Getty Images|Getty Images|Getty|AFP|AP|EPA-EFE|EPA|Reuters|PA Wire|PA|REX|Shutterstock"
    "|SOPA Images|Bloomberg|Anadolu Agency|Anadolu|NurPhoto|Handout|Pool|Ukrinform|TASS|Sputnik"
    "|Planet Labs PBC|Maxar Technologies|ZUMA Press|Alamy|The Guardian|The Observer"
)
_INLINE_CREDIT_RE = re.compile(
    rf"\b(?:Photograph|Photo|Photos|Image|Illustration|Composite):\s[^/\n]{{1,80}}(?:/(?:{_AGENCIES}))+"
)
_SENTENCE_START_RE = re.compile(r"[.!?”\"]\s*(?=[A-Z“\"])")
NOT_PROSE: frozenset[str] = frozenset({"heading", "byline", "dateline", "teaser", "caption"})
_CLOSERS = "\"'”’)]»"
_BYLINE_PARAGRAPHS = 3
"""Authors are named before the story starts: only this many first paragraphs can be a byline."""
_NAME = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|de|van|von|der|al|bin)){1,3}"
_BYLINE_RE = re.compile(
    rf"^(?:by\s+{_NAME}.*|{_NAME}(?:\s*,\s*(?:and\s+)?{_NAME})*(?:,?\s+and\s+{_NAME})?)$"
)


@dataclass(frozen=True, slots=True)
class _Layout:
    heading_max_words: int
    sentence_end: str
    bullet_marks: tuple[str, ...]
    teaser: re.Pattern[str]
    dateline: re.Pattern[str]
    credit: re.Pattern[str]


@functools.cache
def _layout() -> _Layout:
    data = yaml.safe_load(files("fogwatch.data").joinpath("structure.yaml").read_text("utf-8"))
    openers = "|".join(re.escape(opener) for opener in data["teaser_openers"])
    teaser = [rf"^(?:{openers})\b", *data["teaser_patterns"]]
    credits = "|".join(
        re.escape(name) for name in sorted(data["credit_names"], key=len, reverse=True)
    )
    return _Layout(
        heading_max_words=int(data["heading_max_words"]),
        sentence_end=str(data["sentence_end"]),
        bullet_marks=tuple(data["bullet_marks"]),
        # case matters for the live-blog clock pattern ("01:13Donbas"): only the openers ignore it
        teaser=re.compile("|".join(f"(?:{p})" for p in teaser)),
        dateline=re.compile("|".join(f"(?:{p})" for p in data["dateline_patterns"]), re.I),
        credit=re.compile(
            rf"(?:\((?:[^()]*[/,]\s*)?(?:{credits})(?:\s*(?:photo|images?|via [^()]*))?\)"
            rf"|(?:[.!?]|\s[-–—])\s*(?:[\w .'-]{{0,40}},\s*)?(?:{credits}))$",
            re.I,
        ),
    )


def paragraphs(text: str) -> Iterator[Span]:
    """The article's paragraphs: the lines of its text, without surrounding whitespace."""
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield Span(start, end)


def find(text: str) -> tuple[Part, ...]:
    """The paragraphs of `text` that are structure or list items, and the captions inside
    prose paragraphs: apart from each other, in text order."""
    layout = _layout()
    spans = list(paragraphs(text))
    kinds = [_kind(text[span.start : span.end], layout, index) for index, span in enumerate(spans)]
    # a heading heads something: the last paragraph of a text, or one only other headings follow,
    # is prose (a one-line snippet, an unpunctuated last sentence)
    follows_prose = False
    for index in range(len(spans) - 1, -1, -1):
        if kinds[index] == "heading" and (not follows_prose or _continued(text, spans, index)):
            kinds[index] = None
        if kinds[index] in (None, "bullet"):
            follows_prose = True
    parts = [Part(span, kind) for span, kind in zip(spans, kinds, strict=True) if kind is not None]
    parts += [
        Part(span, "caption")
        for span in _inline_captions(text)
        if not any(p.span.start <= span.start and span.end <= p.span.end for p in parts)
    ]
    return tuple(sorted(parts, key=lambda part: part.span.start))


def _inline_captions(text: str) -> list[Span]:
    """Each inline credit with the one sentence before it, its caption."""
    captions = []
    for match in _INLINE_CREDIT_RE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start()].rstrip()
        if before.endswith("."):
            before = before[:-1]  # the caption's own full stop
        ends = list(_SENTENCE_START_RE.finditer(before))
        captions.append(Span(line_start + (ends[-1].end() if ends else 0), match.end()))
    return captions


def _continued(text: str, spans: Sequence[Span], index: int) -> bool:
    """A sentence a stray line break cut in two: the next paragraph starts in lower case."""
    following = text[spans[index + 1].start] if index + 1 < len(spans) else ""
    return following.islower()


def is_prose(parts: Sequence[Part], span: Span) -> bool:
    """True unless `span` overlaps a heading, byline, dateline, teaser or caption.

    `parts` is what `find` returns: apart and in text order, so the parts `span` can overlap
    are found by bisection, not by reading every part of a long report."""
    at = bisect.bisect_left(parts, span.end, key=lambda part: part.span.start)
    while at > 0 and parts[at - 1].span.end > span.start:
        at -= 1
        if parts[at].kind in NOT_PROSE:
            return False
    return True


def _kind(paragraph: str, layout: _Layout, index: int) -> PartKind | None:
    lowered = paragraph.lower()
    for mark in layout.bullet_marks:
        if paragraph.startswith(mark + " "):
            # "– Russia cries ‘sabotage’ in Crimea –": a wire story's section heading, not an item
            return "heading" if paragraph.endswith(" " + mark) else "bullet"
    if layout.teaser.search(paragraph) or layout.teaser.search(lowered):
        return "teaser"
    if layout.dateline.match(paragraph):
        return "dateline"
    if layout.credit.search(paragraph):
        return "caption"
    if _ends_sentence(paragraph, layout):
        return None
    if index < _BYLINE_PARAGRAPHS and _BYLINE_RE.match(paragraph):
        return "byline"
    if len(paragraph.split()) <= layout.heading_max_words:
        return "heading"
    return None


def _ends_sentence(paragraph: str, layout: _Layout) -> bool:
    stripped = paragraph.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in layout.sentence_end
