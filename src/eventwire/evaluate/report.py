"""Evaluation report record and the counting helpers every suite shares."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import GoldDataError


@dataclass(frozen=True, slots=True)
class Report:
    """Scores of one gold suite: headline metrics plus an optional per-label table."""

    suite: str
    records: int
    metrics: dict[str, float]
    per_label: dict[str, dict[str, float]] = field(default_factory=dict)
    notes: str = ""


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set, gold: set) -> None:
        """Count one item's predicted and gold label sets."""
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def scores(self) -> dict[str, float]:
        """Return precision, recall, F1 and support (gold count)."""
        return {"p": self.precision, "r": self.recall, "f1": self.f1, "n": float(self.tp + self.fn)}


HALVES = ("tune", "check")


def half_of(record_id: str) -> str:
    """Return the development half ("tune" or "check") a gold record belongs to.

    The split is a hash of the record id, so it is stable across runs and machines and
    independent of file order: study the errors of "tune" only, confirm on "check".
    """
    return HALVES[hashlib.sha256(str(record_id).encode("utf-8")).digest()[0] % 2]


def read_jsonl(path: Path, limit: int | None = None, half: str | None = None) -> Iterator[dict]:
    """Yield the records of a gold JSON Lines file.

    With `half`, only the records of that development half (by `half_of` their `id`);
    with `limit`, at most that many (after the half is taken).
    """
    if not path.is_file():
        raise GoldDataError(f"gold file not found: {path}")
    if half is not None and half not in HALVES:
        raise GoldDataError(f"unknown half {half!r}: use one of {', '.join(HALVES)}")
    taken = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and taken >= limit:
                return
            if not line.strip():
                continue
            record = json.loads(line)
            if half is not None and half_of(record.get("id", line)) != half:
                continue
            taken += 1
            yield record
