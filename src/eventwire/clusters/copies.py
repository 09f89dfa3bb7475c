"""Near-duplicate articles: syndicated wire copy, a story re-published under a new headline.

Each article's text is shingled into overlapping runs of `SHINGLE_WORDS` words; a MinHash
signature of the shingles (datasketch) is cut into `BANDS` bands, whose hashes the store
keeps. Articles that share a band hash are candidates; one whose shingles overlap a
candidate's by `COPY_CONTAINMENT` or more (the share of the shorter text's shingles the
other holds, measured on the texts: a copy adds a headline and page chrome) is a copy of
the earliest such article. Band lookups keep the cost per new article flat as the store
grows.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from datasketch import MinHash

SHINGLE_WORDS = 5
PERMUTATIONS = 64
BANDS = 16  # of 4 rows: two texts of shingle Jaccard 0.6 share a band 90 % of the time, of 0.8 all but always
COPY_CONTAINMENT = 0.8
SEED = 20261203  # fixed: band hashes must not change between runs
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """The set of lower-cased `SHINGLE_WORDS`-word runs of `text` (the whole text if shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def band_hashes(text: str) -> list[int]:
    """The `BANDS` band hashes of the text's MinHash signature, as signed 64-bit integers."""
    found = shingles(text)
    if not found:
        return []
    signature = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    signature.update_batch(shingle.encode("utf-8") for shingle in sorted(found))
    rows = PERMUTATIONS // BANDS
    values = signature.hashvalues
    return [int.from_bytes(hashlib.blake2b(values[band * rows:(band + 1) * rows].tobytes(), digest_size=8)
                           .digest(), "big", signed=True) for band in range(BANDS)]


def containment(first: set[str], second: set[str]) -> float:
    """The share of the smaller shingle set that the other holds."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def original_of(text: str, candidates: Iterable[tuple[str, str]]) -> str | None:
    """The id of the first (earliest stored) candidate `text` copies, or None.

    `candidates` are (article id, text) pairs in the order they were stored.
    """
    mine = shingles(text)
    for article_id, other in candidates:
        if containment(mine, shingles(other)) >= COPY_CONTAINMENT:
            return article_id
    return None
