"""Article identity and near-duplicate detection.

Exact duplicates share an id: the hash of the normalised text. Near duplicates (a wire story
republished with small edits) share a `dup_cluster`, found with MinHash signatures over word
shingles and LSH banding. The bands are stored as plain rows, so any process that can query the
store can find an article's near duplicates without holding an index in memory.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
# 32 bands of 4 rows: pairs above ~0.6 Jaccard share a band with probability > 0.99.
NEAR_DUPLICATE_JACCARD = 0.5
SHINGLE_WORDS = 3
_SEED = 1

_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(text: str) -> str:
    """Text as compared for identity: NFKC, case-folded, plain quotes, single spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return " ".join(folded.split())


def article_id(text: str) -> str:
    """A stable 16-hex-digit id of the article's normalised text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Signature:
    """A MinHash signature of an article's word shingles."""

    values: np.ndarray

    @classmethod
    def of(cls, text: str) -> Signature:
        words = _WORD.findall(normalise(text))
        shingles = {
            " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
        }
        from datasketch import MinHash  # imported late: the package import costs ~0.3 s

        minhash = MinHash(num_perm=NUM_PERM, seed=_SEED)
        minhash.update_batch(list(shingles))
        return cls(minhash.hashvalues.astype(np.uint64))

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype=np.uint64))

    def to_bytes(self) -> bytes:
        return self.values.tobytes()

    def band_keys(self) -> list[tuple[int, str]]:
        """One `(band, key)` per LSH band; articles sharing any pair are candidates."""
        return [
            (
                band,
                hashlib.blake2b(
                    self.values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8
                ).hexdigest(),
            )
            for band in range(BANDS)
        ]

    def jaccard(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(np.count_nonzero(self.values == other.values)) / NUM_PERM

    def near_duplicate_of(self, stored: bytes) -> bool:
        """Whether the article whose stored signature is `stored` is a near duplicate of this one."""
        return self.jaccard(Signature.from_bytes(stored)) >= NEAR_DUPLICATE_JACCARD
