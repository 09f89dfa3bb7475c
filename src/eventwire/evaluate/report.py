"""Evaluation report record and the counting helpers every suite shares."""

from __future__ import annotations

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


def read_jsonl(path: Path, limit: int | None = None) -> Iterator[dict]:
    """Yield the records of a gold JSON Lines file (the first `limit` when given)."""
    if not path.is_file():
        raise GoldDataError(f"gold file not found: {path}")
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)
