"""Spelling variants of armed groups' names: "Arkan Army" for the Arakan Army, "Islamic State of
West African Province" for ISWAP.

Reports transliterate and inflect the names of the world's armed groups in many ways that no
alias list can hold. A name the text writes is read as a registry name when the two have the
same content words but one, in the same order, and that one differs by a single edit (two in a
long word) — a transliteration slip, a demonym for a place name ("African" for "Africa"). Short
words must match exactly, and at least one word always does; names of one word are never
matched, so no ordinary word or short name is ever read as a group.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Words that link the words of a name and do not tell one name from another.
LINKING = frozenset({"of", "the", "in", "for", "and", "al", "el", "ul", "de", "du", "des", "la"})
_SHORTEST_VARIED = 5
"""Words shorter than this must be spelt as the registry spells them."""
_LONG_WORD = 9
"""Words this long may differ by two edits."""
MAX_WORDS = 6


def content_words(name: str) -> tuple[str, ...]:
    """The lowercase words of a name that tell it from others: "Islamic State of West Africa" →
    ("islamic", "state", "west", "africa")."""
    words = name.replace("-", " ").replace("’", "'").split()
    cleaned = ("".join(ch for ch in word if ch.isalpha()).lower() for word in words)
    return tuple(word for word in cleaned if word and word not in LINKING)


class VariantIndex:
    """Registry names of two or more content words, by word count and initials."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_shape: dict[tuple[int, str], list[tuple[tuple[str, ...], str]]] = {}
        self._spelt: set[tuple[str, ...]] = set()
        for name in names:
            words = content_words(name)
            if 2 <= len(words) <= MAX_WORDS:
                self._by_shape.setdefault(_shape(words), []).append((words, name))
                self._spelt.add(words)

    def may_match(self, words: Sequence[str]) -> bool:
        """Whether some registry name has as many content words, with the same initials: what
        a name `match` reads needs (asked of every run of capitalised words)."""
        return _shape(words) in self._by_shape

    def match(self, words: Sequence[str]) -> str | None:
        """The one registry name these content words spell with one slip; None when none or
        several do (or when they spell one exactly: the matcher has found it already)."""
        if not 2 <= len(words) <= MAX_WORDS or tuple(words) in self._spelt:
            return None
        found = {
            name for known, name in self._by_shape.get(_shape(words), ()) if _one_slip(known, words)
        }
        return found.pop() if len(found) == 1 else None


def _shape(words: Sequence[str]) -> tuple[int, str]:
    return len(words), "".join(word[0] for word in words)


def _one_slip(known: Sequence[str], written: Sequence[str]) -> bool:
    differing = [(a, b) for a, b in zip(known, written, strict=True) if a != b]
    if len(differing) != 1:
        return False
    a, b = differing[0]
    if min(len(a), len(b)) < _SHORTEST_VARIED:
        return False
    allowed = 2 if min(len(a), len(b)) >= _LONG_WORD else 1
    return _edits(a, b, allowed) <= allowed


def _edits(a: str, b: str, most: int) -> int:
    """Optimal-string-alignment distance of `a` and `b` (insertions, deletions, substitutions
    and adjacent swaps), or `most + 1` once it is certain to exceed `most`."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > most:
            return most + 1
        previous2, previous = previous, current
    return previous[-1]
