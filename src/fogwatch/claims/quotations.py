"""An article's quotations and paragraphs, as `claims.attribution` reads them.

Where each quotation is (`language.quotes`) and which paragraph a position is in: contents never
cross the cue's paragraph, and quoted words never speak. Direct quotes are found around a
reporting clause: "“…,” said Y", "Y said: “…”", and a quote split by its cue ("“A,” he said,
“B.”"), each quotation a content span. A following sentence that is only a quotation is the same
speaker still speaking ("“A,” he said. “B.”"), in the paragraph or, when the reporting sentence
closes its paragraph, as the whole next one.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from fogwatch.language.nlp import text_of, tokens_of
from fogwatch.language.quotes import TYPED_QUOTE, quotation_ranges
from fogwatch.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_OPENING_QUOTES = {"“": "”", "‘": "’", "«": "»"}
_TOLD = frozenset({"dobj", "dative"})
_CLAUSE_PARTS = frozenset({"aux", "auxpass", "neg", "advmod", "npadvmod", "prt"})
# What a content sheds at its ends: punctuation and space.
TRAILING = ",.;: \t\n—–-"
# Before a reporting clause: "“…,” he said"; after it: "he said: “…”" or "he said, “…”".
_GAP_BEFORE = re.compile(r"[\s,—–]*")
_GAP_AFTER = re.compile(r"\s*[,:—–]\s*")
# Between a reporting sentence and a quotation that goes on with it: the end of the sentence.
_SENTENCE_GAP = re.compile(r"[^\n“”\"«»]*?[.!?:][)\]]?\s*")
# A sentence ending inside a stretch of text, another one following it.
_SENTENCE_INSIDE = re.compile(r"[.!?]\s")
# After a quotation that is a sentence by itself: its full stop, then the next sentence or nothing.
_QUOTE_ENDS = re.compile(r"[^\S\n]*[.!?]?[)\]]?[^\S\n]*($|[“\"«]|\s+[A-Z“\"])")


class Quotations:
    """The quotation marks and paragraph breaks of one parsed article."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens = tokens_of(doc)
        """The doc's tokens, made once: indexing a Doc builds a new Token every time."""
        self.text = text_of(doc)
        self.quotes = quotation_ranges(self.text, _OPENING_QUOTES)
        self.quote_at = [-1] * len(self.text)
        for n, (start, end) in enumerate(self.quotes):
            self.quote_at[start:end] = [n] * (end - start)
        self.breaks = [m.start() for m in re.finditer("\n", self.text)]

    def adjacent(self, verb: Token, subjects: list[Token]) -> list[tuple[int, int]]:
        """Quotations right before and right after the reporting clause ("“…,” he said, “…”"),
        the clause being the verb and its own subjects: a subject it borrows ("“A,” she sings
        before asking, “B”") stands elsewhere."""
        own = subjects if any(s.head.i == verb.i for s in subjects) else []
        parts = [verb, *own]
        parts += [c for c in verb.children if c.dep_ in _CLAUSE_PARTS]
        # "asking her, “…”", "told reporters: “…”": who is told is part of the clause
        told = [c for c in verb.children if c.dep_ in _TOLD and c.i > verb.i]
        # "“…,” said X, the governor, “…”" and "“…,” X said, pointing at the map, “…”": the
        # clause takes in a speaker after the verb and a participle of the occasion
        occasion = [
            c
            for c in verb.rights
            if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and self.tokens[c.i - 1].text == ","
        ]
        parts = [p for p in [*parts, *told, *occasion] if self.quote_at[p.idx] < 0]
        first = min(self.unquoted_start(t) if t in own else t.i for t in parts)
        last = max(
            self.unquoted_edge(t)
            if t in told or t in occasion or (t in own and t.i > verb.i)
            else t.i
            for t in parts
        )
        clause_start, clause_end = self.tokens[first].idx, end_of(self.tokens[last])
        found: list[tuple[int, int]] = []
        before = self.ending_before(clause_start)
        # "In an interview on “Morning Watch,” the senator said the strikes …": with a clause of its
        # own after the verb, a quotation before it is a title, not what is said
        clause_after = any(
            c.dep_ == "ccomp" and c.i > verb.i and self.quote_at[c.idx] < 0 for c in verb.children
        )
        # "“…,” said X, who …": a verb right after the quotation reports it, whatever the parser
        # hangs on the verb after it
        inverted = before is not None and not self.text[before[1] : verb.idx].strip(" ,")
        if before is not None and (inverted or not clause_after):
            found.append(before)
        for start, end in self.quotes:
            if start >= clause_end:
                if _GAP_AFTER.fullmatch(self.text[clause_end:start]):
                    found.append((start, end))
                break
        return found

    def unquoted_start(self, token: Token) -> int:
        """The first word of the token's phrase after a quotation it takes in ends: the parser
        may hang the closing mark of "“A. B,” Syrskyi said" on the speaker."""
        first = token.left_edge.i
        while first < token.i and self.quote_at[self.tokens[first].idx] >= 0:
            first += 1
        return first

    def unquoted_edge(self, token: Token) -> int:
        """The last word of the token's phrase before a quotation begins in it."""
        last = token.i
        for t in self.doc[token.i + 1 : token.right_edge.i + 1]:
            if self.quote_at[t.idx] >= 0:
                break
            last = t.i
        return last

    def ending_before(self, position: int) -> tuple[int, int] | None:
        for start, end in reversed(self.quotes):
            if end <= position:
                inner = self.inside((start, end)).rstrip()
                gap = self.text[end:position]
                closes = inner.endswith((",", "!", "?", "—")) or "," in gap
                adjacent = _GAP_BEFORE.fullmatch(gap) and "\n" not in gap
                return (start, end) if adjacent and closes else None
        return None

    def following(self, cue: Span, contents: tuple[Span, ...]) -> list[tuple[int, int]]:
        """The quotations that follow a reporting sentence (its `cue` and `contents`) in its
        paragraph, each a whole sentence: the same speaker still speaking ("“A,” he said. “B.”"),
        as does the whole next paragraph when the sentence closes its own (`speaks_on`)."""
        ends = [cue.end]
        for content in contents:
            number = self.quote_at[content.end - 1] if content.end else -1
            ends.append(self.quotes[number][1] if number >= 0 else content.end)
        position = max(ends)
        paragraph_end = self.paragraph(cue.start)[1]
        found: list[tuple[int, int]] = []
        for quote_start, quote_end in self.quotes:
            if quote_start < position:
                continue
            gap = self.text[position:quote_start]
            if quote_end > paragraph_end:
                if not self.speaks_on(position, paragraph_end, (quote_start, quote_end)):
                    break
                paragraph_end = self.paragraph(quote_start)[1]
            elif not (not gap.strip() or (not found and _SENTENCE_GAP.fullmatch(gap))):
                break
            after = self.text[quote_end:paragraph_end]
            # "… saying, 'Don't leave.'": a sentence may close inside a nested quotation
            inner = self.inside((quote_start, quote_end)).rstrip(" '’\"”")
            closes = inner.endswith((".", "!", "?")) or after.lstrip(" ").startswith(
                (".", "!", "?")
            )
            if not (closes and _QUOTE_ENDS.match(after)):
                break  # the quotation goes on into words of the reporter's ("… is how they put it")
            found.append((quote_start, quote_end))
            position = quote_end
        return found

    def speaks_on(self, position: int, paragraph_end: int, quote: tuple[int, int]) -> bool:
        """Whether a quotation in a later paragraph goes on with the speaker whose reporting
        sentence ends at `position` ("“A,” he said.¶“B.”"): that sentence closes its paragraph,
        and the quotation, in the next paragraph, is all of it."""
        rest = self.text[position:paragraph_end]
        if rest.strip() and not (
            _SENTENCE_GAP.fullmatch(rest) and not _SENTENCE_INSIDE.search(rest.rstrip())
        ):
            return False
        start, end = self.paragraph(quote[0])
        between = self.text[paragraph_end:start]
        return (
            not between.strip()
            and not self.text[start : quote[0]].strip()
            and not self.text[quote[1] : end].strip(" .")
        )

    def paragraph(self, position: int) -> tuple[int, int]:
        """The character range of the paragraph holding `position`, line breaks excluded."""
        n = bisect.bisect_right(self.breaks, position)
        start = self.breaks[n - 1] + 1 if n else 0
        end = self.breaks[n] if n < len(self.breaks) else len(self.text)
        return start, end

    def paragraphs_before(self, start: int, count: int) -> int:
        """Where the paragraph `count` non-empty paragraphs before the one at `start` begins."""
        n = bisect.bisect_left(self.breaks, start)
        position = start
        while count and n > 0:
            n -= 1
            previous = self.breaks[n - 1] + 1 if n > 0 else 0
            if self.text[previous : self.breaks[n]].strip():
                count -= 1
            position = previous
        return position

    def outside(self, token: Token, paragraph: tuple[int, int]) -> bool:
        """A token a source may not take in: quoted, or in another paragraph."""
        quoted = self.quote_at[token.idx] >= 0
        return quoted or not paragraph[0] <= token.idx < paragraph[1]

    def mark_width(self, position: int) -> int:
        """How many characters the quotation mark at `position` takes: two for a typed ''."""
        return len(TYPED_QUOTE) if self.text.startswith(TYPED_QUOTE, position) else 1

    def inside(self, quote: tuple[int, int]) -> str:
        """The words of a quotation without its marks."""
        start = quote[0] + self.mark_width(quote[0])
        return self.text[start : quote[1] - self.mark_width(quote[1] - 2)]

    def content(self, quote: tuple[int, int], lead: int | None = None) -> Span:
        """The words inside the quotation marks, without a trailing comma or full stop; from
        `lead` when it comes before them, the start of the reporter's words the quotation goes
        on with (`claims.attribution`'s sentence lead)."""
        closing = quote[1] - self.mark_width(quote[1] - 2)
        start, end = quote[0] + self.mark_width(quote[0]), closing
        while end > start and self.text[end - 1] in TRAILING:
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        if lead is not None:
            if lead < start and end == closing:
                end = quote[1]  # the closing mark too, as the opening one is inside
            start = min(start, lead)
        return Span(start, end)


def end_of(token: Token) -> int:
    """Where the token's characters end in the text."""
    return token.idx + len(token.text)
