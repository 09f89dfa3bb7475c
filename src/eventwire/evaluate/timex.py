"""Score the temporal tagger on TimeBank/AQUAINT (TIMEX3) and event dates on ACLED notes.

Example:
    python -m eventwire.evaluate ../shared/gold --suite timebank --json
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

from eventwire.context import Context
from eventwire.evaluate.report import Counts, Report, read_jsonl
from eventwire.time.tagger import Timex, find_times, publication_date

TYPES = ("DATE", "TIME", "DURATION", "SET")


def match_spans(system: list[Timex], gold: list[dict]) -> list[tuple[Timex, dict]]:
    """Pair system and gold expressions one-to-one by largest character overlap."""
    pairs = sorted(
        ((min(s.end, g["end"]) - max(s.start, g["start"]), i, j)
         for i, s in enumerate(system) for j, g in enumerate(gold)
         if min(s.end, g["end"]) > max(s.start, g["start"])),
        reverse=True,
    )
    used_system: set[int] = set()
    used_gold: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i not in used_system and j not in used_gold:
            used_system.add(i)
            used_gold.add(j)
            matched.append((system[i], gold[j]))
    return matched


def canonical_value(value: str) -> str:
    """Write a TIMEX3 value one way: upper case, two-digit weeks ("W7" -> "W07"), "T17" -> "T17:00"."""
    value = value.strip().upper()
    value = re.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    return re.sub(r"T(\d{2})$", r"T\1:00", value)


def same_value(system: str | None, gold: str | None) -> bool:
    """Compare TIMEX3 values as TempEval-3 does (exact), after writing both one way."""
    return system is not None and gold is not None and canonical_value(system) == canonical_value(gold)


def evaluate_timebank(gold_dir: Path, ctx: Context, limit: int | None = None,
        half: str | None = None) -> Report:
    """Score span, type and value of temporal expressions on `timebank/docs.jsonl`.

    Each text is parsed with `ctx.nlp`, as in the pipeline (the parse gives clause tense).
    Metrics: strict and relaxed span P/R/F1; type and value accuracy on relaxed matches;
    TempEval-3 value P/R/F1 (correct values over system, resp. gold, expressions).
    """
    strict, relaxed = Counts(), Counts()
    n_system = n_gold = n_matched = type_ok = value_ok = 0
    per_type: dict[str, Counter] = {name: Counter() for name in TYPES}
    records = 0
    for record in read_jsonl(Path(gold_dir) / "docs.jsonl", limit, half):
        records += 1
        gold = record["timexes"]
        system = find_times(record["text"], publication_date(record.get("dct")), doc=ctx.nlp(record["text"]))
        n_system += len(system)
        n_gold += len(gold)
        gold_spans = {(g["start"], g["end"]) for g in gold}
        strict.add({(s.start, s.end) for s in system}, gold_spans)
        matched = match_spans(system, gold)
        relaxed.tp += len(matched)
        relaxed.fp += len(system) - len(matched)
        relaxed.fn += len(gold) - len(matched)
        n_matched += len(matched)
        for s, g in matched:
            type_ok += s.type == g["type"]
            good = same_value(s.value, g["value"])
            value_ok += good
            row = per_type.setdefault(g["type"], Counter())
            row["matched"] += 1
            row["type_ok"] += s.type == g["type"]
            row["value_ok"] += good
        for g in gold:
            per_type.setdefault(g["type"], Counter())["gold"] += 1
        for s in system:
            per_type.setdefault(s.type, Counter())["system"] += 1
    value_p = value_ok / n_system if n_system else 0.0
    value_r = value_ok / n_gold if n_gold else 0.0
    metrics = {
        "strict_p": strict.precision, "strict_r": strict.recall, "strict_f1": strict.f1,
        "relaxed_p": relaxed.precision, "relaxed_r": relaxed.recall, "relaxed_f1": relaxed.f1,
        "type_accuracy": type_ok / n_matched if n_matched else 0.0,
        "value_accuracy": value_ok / n_matched if n_matched else 0.0,
        "value_p": value_p, "value_r": value_r,
        "value_f1": 2 * value_p * value_r / (value_p + value_r) if value_p + value_r else 0.0,
    }
    per_label = {
        name: {
            "gold": float(row["gold"]), "system": float(row["system"]),
            "recall": row["matched"] / row["gold"] if row["gold"] else 0.0,
            "type_accuracy": row["type_ok"] / row["matched"] if row["matched"] else 0.0,
            "value_accuracy": row["value_ok"] / row["matched"] if row["matched"] else 0.0,
        }
        for name, row in per_type.items()
    }
    return Report("timebank", records, metrics, per_label,
                  notes="relaxed = any overlap, one-to-one; value scores on relaxed matches (TempEval-3)")


def first_day(text: str) -> Timex | None:
    """Return the first DATE expression of day precision with a value in `text`."""
    for timex in find_times(text, None):
        if timex.type in ("DATE", "TIME") and timex.precision == "day" and timex.value:
            return timex
    return None


def states_date(text: str, gold: str) -> bool:
    """Whether the note spells out the gold date's day number and year (a system-free check)."""
    try:
        day = date.fromisoformat(gold)
    except ValueError:
        return False
    return bool(re.search(rf"\b0?{day.day}(?:st|nd|rd|th)?\b", text) and re.search(rf"\b{day.year}\b", text))


def evaluate_acled_dates(gold_dir: Path, ctx: Context, limit: int | None = None,
        half: str | None = None) -> Report:
    """Score exact event dates on ACLED notes: the first day-precision date in the note text.

    `gold_dir` is the suite folder (`.../acled_dates`); the notes are read from its sibling
    `acled/cases.jsonl`. `accuracy_stated` counts only notes that spell out the day and year.
    """
    path = Path(gold_dir).parent / "acled" / "cases.jsonl"
    total = correct = stated = stated_correct = found = 0
    for record in read_jsonl(path, limit, half):
        if not record.get("events"):
            continue
        gold = record["events"][0].get("date")
        if not gold:
            continue
        total += 1
        timex = first_day(record["text"])
        hit = timex is not None and timex.value[:10] == gold
        found += timex is not None
        correct += hit
        if states_date(record["text"], gold):
            stated += 1
            stated_correct += hit
    metrics = {
        "accuracy": correct / total if total else 0.0,
        "accuracy_stated": stated_correct / stated if stated else 0.0,
        "coverage": found / total if total else 0.0,
        "stated": float(stated),
    }
    return Report("acled_dates", total, metrics,
                  notes="date = first DATE/TIME timex of day precision in the note (no publication date)")
