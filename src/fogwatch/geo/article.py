"""The article the geoparser reads: its tokens and the indexes every step reads (each
token's sentence and paragraph, the spaCy entity covering it), the gazetteer and word lists, and
the mentions and groups the steps fill in.

`geoparse` makes one `Article` per document and hands it down the flow: `recognition` fills
`mentions`, `context` relates them and groups them into `groups`, `ranking` scores the groups'
candidates and `choice` decides each mention. `span`, `surface` and `where` are how every step
points back at the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from fogwatch.geo.gazetteer import Gazetteer
from fogwatch.geo.mentions import Group, Mention
from fogwatch.geo.vocabulary import load_words
from fogwatch.language.nlp import entities_of, text_of, tokens_of
from fogwatch.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FOOTNOTE = re.compile(r"\.?\[\d*\]?$")


class Article:
    """One parsed article being geoparsed, and the mentions read from it so far."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        from spacy.attrs import IS_ALPHA, IS_TITLE

        self.doc = doc
        self.tokens = tokens_of(doc)
        """The doc's tokens, made once: indexing a Doc builds a new Token every time."""
        self.text = text_of(doc)
        self.gazetteer = gazetteer
        self.words = load_words()
        self.mentions: list[Mention] = []
        self.groups: list[Group] = []
        self.entity = _entity_map(doc)
        self.sentence = _sentence_ids(self.tokens)
        self.paragraph = _paragraph_ids(self.tokens)
        # read from the doc's arrays: a step that looks at every token for a few builds none
        flags = doc.to_array([IS_ALPHA, IS_TITLE]).reshape(-1, 2)
        self.title_words: list[int] = np.flatnonzero(
            np.logical_and(flags[:, 0], flags[:, 1])
        ).tolist()
        """The tokens that are words in title case ("Kyiv", "Russian"), in text order."""

    def span(self, mention: Mention) -> Span:
        """Where a mention's words stand in the text."""
        first, last = self.tokens[mention.start], self.tokens[mention.end - 1]
        return Span(first.idx, text_end(last))

    def surface(self, mention: Mention) -> str:
        """The words of a mention as written."""
        return self.span(mention).of(self.text)

    def where(self, mention: Mention, other: Mention) -> str:
        """ "in the same sentence", "in the same paragraph" or "in the article"."""
        if self.sentence[other.start] == self.sentence[mention.start]:
            return "in the same sentence"
        if self.paragraph[other.start] == self.paragraph[mention.start]:
            return "in the same paragraph"
        return "in the article"


def text_end(token: Token) -> int:
    """Where a token's words end: before a footnote mark glued to it ("Kyiv.[12")."""
    return word_end(token.text, token.idx)


def word_end(text: str, start: int) -> int:
    """`text_end` of a token's text starting at character `start`."""
    if "[" not in text:
        return start + len(text)  # no mark: read at every token, so spared the search
    mark = _FOOTNOTE.search(text)
    end = mark.start() if mark is not None and mark.start() > 0 else len(text)
    return start + end


def _sentence_ids(tokens: Sequence[Token]) -> list[int]:
    ids = []
    current = -1
    for token in tokens:
        if token.is_sent_start or current < 0:
            current += 1
        ids.append(current)
    return ids


def _paragraph_ids(tokens: Sequence[Token]) -> list[int]:
    ids = []
    current = 0
    for token in tokens:
        if token.is_space and "\n" in token.text:
            current += 1
        ids.append(current)
    return ids


def _entity_map(doc: Doc) -> dict[int, tuple[int, int, str]]:
    """Token index → (start, end, label) of the entity covering it, a leading "the" left out."""
    found = {}
    for ent in entities_of(doc):
        start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
        for index in range(start, ent.end):
            found[index] = (start, ent.end, ent.label_)
    return found
