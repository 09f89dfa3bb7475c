"""Score toponym recognition and resolution on GeoWebNews and TR-News (`docs.jsonl`).

Gold toponyms are those the annotators geocoded (literal, metonymic, embedded and
modifier uses; not demonyms, languages, homonyms or non-toponyms). Recognition counts a
prediction as correct on an exact span match ("exact") or when it overlaps a gold span
not matched yet ("overlap"). Resolution is measured on gold toponyms with coordinates that
the system found (overlap) and resolved: share within 161 km ("acc161") and median error,
beside the population rule (the most populous candidate of the same name) on the same set.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from eventwire.context import Context
from eventwire.evaluate.report import Counts, Report, read_jsonl
from eventwire.model import Article
from eventwire.nlp.parse import attach_doc
from eventwire.places.resolve import distance_km, resolve_places

ACCURACY_KM = 161.0


def evaluate_geowebnews(gold_dir: Path, ctx: Context, limit: int | None = None,
        half: str | None = None) -> Report:
    """Score places on GeoWebNews.

    Example:
        evaluate_geowebnews(Path("gold/geowebnews"), Context(), 20).metrics["overlap_f1"]
    """
    return _evaluate("geowebnews", Path(gold_dir), ctx, limit, half)


def evaluate_trnews(gold_dir: Path, ctx: Context, limit: int | None = None,
        half: str | None = None) -> Report:
    """Score places on TR-News (same format and metrics as GeoWebNews)."""
    return _evaluate("trnews", Path(gold_dir), ctx, limit, half)


def _evaluate(suite: str, gold_dir: Path, ctx: Context, limit: int | None, half: str | None) -> Report:
    exact, overlap = Counts(), Counts()
    errors: list[float] = []
    baseline: list[float] = []
    records = 0
    gazetteer = ctx.gazetteer
    for record in read_jsonl(gold_dir / "docs.jsonl", limit, half):
        records += 1
        text = record["text"]
        gold = [t for t in record["toponyms"] if t.get("geocoded")]
        article = attach_doc(Article(id=str(record["id"]), text=text), ctx.nlp(text))
        places = resolve_places(article, ctx).places
        predicted = {(p.evidence.start, p.evidence.end) for p in places}
        exact.add(predicted, {(t["start"], t["end"]) for t in gold})
        pairs = match_overlaps([(p.evidence.start, p.evidence.end) for p in places],
                               [(t["start"], t["end"]) for t in gold])
        overlap.tp += len(pairs)
        overlap.fp += len(places) - len(pairs)
        overlap.fn += len(gold) - len(pairs)
        for place_index, gold_index in pairs:
            place, toponym = places[place_index], gold[gold_index]
            if place.lat is None or toponym.get("lat") is None:
                continue
            errors.append(distance_km(place.lat, place.lon, toponym["lat"], toponym["lon"]))
            populous = max(gazetteer.lookup(place.text), key=lambda c: c.population, default=None)
            if populous is None or populous.lat is None:
                baseline.append(20_000.0)
            else:
                baseline.append(distance_km(populous.lat, populous.lon, toponym["lat"], toponym["lon"]))
    metrics = {
        "exact_p": exact.precision, "exact_r": exact.recall, "exact_f1": exact.f1,
        "overlap_p": overlap.precision, "overlap_r": overlap.recall, "overlap_f1": overlap.f1,
        "acc161": _share_within(errors), "median_km": statistics.median(errors) if errors else 0.0,
        "resolved": float(len(errors)),
        "population_acc161": _share_within(baseline),
        "population_median_km": statistics.median(baseline) if baseline else 0.0,
        "gold_toponyms": float(exact.tp + exact.fn),
    }
    return Report(suite, records, metrics, notes="acc161 and median_km on gold toponyms found (overlap) "
                  "and resolved; population_* = most populous candidate on the same toponyms")


def match_overlaps(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pair predicted and gold spans one to one: exact matches first, then any overlap.

    Example:
        >>> match_overlaps([(0, 4), (10, 15)], [(0, 4), (12, 20)])
        [(0, 0), (1, 1)]
    """
    pairs: list[tuple[int, int]] = []
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    for want_exact in (True, False):
        for i, (start, end) in enumerate(predicted):
            if i in used_predicted:
                continue
            for j, (gold_start, gold_end) in enumerate(gold):
                if j in used_gold:
                    continue
                hit = (start, end) == (gold_start, gold_end) if want_exact else start < gold_end and gold_start < end
                if hit:
                    pairs.append((i, j))
                    used_predicted.add(i)
                    used_gold.add(j)
                    break
    return sorted(pairs)


def _share_within(distances: list[float]) -> float:
    return sum(d <= ACCURACY_KM for d in distances) / len(distances) if distances else 0.0
