"""Event suites: PLOVER gold sentences, ACLED notes and M2E2 (VOA) sentences.

Every record's text goes through the whole pipeline (`run_stages`); only events that the
text asserts (modality asserted or reported) count as predictions.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import pycountry

from eventwire.context import Context
from eventwire.evaluate.report import Counts, Report, read_jsonl
from eventwire.extract import article_from_text
from eventwire.model import Article, Event
from eventwire.pipeline import run_stages

# PLOVER gold records use a few CAMEO country codes that are not ISO3.
CAMEO_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "GER": "DEU", "UK": "GBR"}
M2E2_TYPES = ("ASSAULT", "COERCE", "CONSULT", "PROTEST")


def code_text(text: str, ctx: Context, published: str | None = None) -> Article:
    """Run the pipeline on a gold text exactly as given (offsets stay those of the gold)."""
    return run_stages(article_from_text(text, source="gold", published=published), ctx)


def happened(events: Iterable[Event]) -> list[Event]:
    """Return the events the text asserts took place."""
    return [event for event in events if event.happened]


def evaluate_plover_gsr(path: Path, ctx: Context, limit: int | None = None,
        half: str | None = None) -> Report:
    """Event type P/R/F1 per sentence, and actor accuracy where the type is right.

    Actor accuracy compares, for the predicted events of the gold type, the set of source
    (target) countries with the gold set; sector accuracy checks each gold actor that has a
    sector against the sectors predicted on the same side.
    """
    types: dict[str, Counts] = {}
    micro = Counts()
    sides = {name: Counter() for name in ("source_country", "target_country", "sector")}
    records = 0
    for record in read_jsonl(path / "cases.jsonl", limit, half):
        records += 1
        gold_type = record["events"][0]["code"]
        events = happened(code_text(record["text"], ctx).events)
        predicted = {event.type for event in events}
        micro.add(predicted, {gold_type})
        for label in predicted | {gold_type}:
            types.setdefault(label, Counts()).add(predicted & {label}, {gold_type} & {label})
        matching = [event for event in events if event.type == gold_type]
        if matching:
            _score_actors(record, matching, sides)
    metrics = {"type_p": micro.precision, "type_r": micro.recall, "type_f1": micro.f1}
    for name, counter in sides.items():
        metrics[f"{name}_acc"] = counter["right"] / counter["total"] if counter["total"] else 0.0
        metrics[f"{name}_n"] = float(counter["total"])
    return Report("plover_gsr", records, metrics, {label: c.scores() for label, c in types.items()})


def _score_actors(record: dict, events: list[Event], sides: dict[str, Counter]) -> None:
    for side, gold_actors in (("source", record["source_actors"]), ("target", record["target_actors"])):
        gold_countries = {_gold_country(actor["code"]) for actor in gold_actors} - {None}
        if not gold_countries:
            continue
        actors = [actor for event in events for actor in (event.sources if side == "source" else event.targets)]
        predicted = {actor.country for actor in actors if actor.country}
        sides[f"{side}_country"]["total"] += 1
        sides[f"{side}_country"]["right"] += predicted == gold_countries
        predicted_sectors = {actor.sector for actor in actors if actor.sector}
        for actor in gold_actors:
            sector = actor["sector"][:3]
            if sector and sector.isalpha() and sector.isupper():
                sides["sector"]["total"] += 1
                sides["sector"]["right"] += sector in predicted_sectors


def _gold_country(code: str) -> str | None:
    code = CAMEO_COUNTRIES.get(code, code)
    if code == "IGO" or pycountry.countries.get(alpha_3=code):
        return code
    return None


def evaluate_acled(path: Path, ctx: Context, limit: int | None = None,
        half: str | None = None) -> Report:
    """Event type accuracy, actor-1 country, location within 161 km and exact date per note.

    The predicted type of a note is that of its first asserted event ("NONE" without one);
    notes whose ACLED type has no PLOVER mapping are left out of the type figures.
    """
    types: dict[str, Counts] = {}
    tally: Counter = Counter()
    records = 0
    for record in read_jsonl(path / "cases.jsonl", limit, half):
        records += 1
        gold = record["events"][0]
        events = happened(code_text(record["text"], ctx).events)
        first = events[0] if events else None
        predicted_type = first.type if first else "NONE"
        if gold["code"]:
            tally["typed"] += 1
            tally["type_right"] += predicted_type == gold["code"]
            for label in {predicted_type, gold["code"]} - {"NONE"}:
                types.setdefault(label, Counts()).add({predicted_type} & {label}, {gold["code"]} & {label})
        if first is None:
            continue
        hint = _country_iso3(gold.get("source_country_hint"))
        if hint:
            tally["actor_total"] += 1
            countries = [actor.country for actor in first.sources if actor.country]
            tally["actor_right"] += bool(countries) and countries[0] == hint
        if gold.get("lat") is not None:
            tally["place_total"] += 1
            place = first.place
            if place is not None and place.lat is not None:
                tally["place_right"] += distance_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= 161
        if gold.get("date"):
            tally["date_total"] += 1
            tally["date_right"] += first.date == gold["date"]
    metrics = {
        "type_accuracy": _share(tally, "type_right", "typed"),
        "actor1_country_acc": _share(tally, "actor_right", "actor_total"),
        "location_acc161": _share(tally, "place_right", "place_total"),
        "date_exact": _share(tally, "date_right", "date_total"),
        "notes_typed": float(tally["typed"]),
    }
    return Report("acled", records, metrics, {label: c.scores() for label, c in types.items()},
                  notes="actor, location and date figures are over notes with at least one asserted event")


def evaluate_m2e2(path: Path, ctx: Context, limit: int | None = None,
        half: str | None = None) -> Report:
    """Per-sentence P/R/F1 for the PLOVER types M2E2 maps, and the no-event figures.

    As in the other suites, only events the text asserts count as emitted.

    A sentence is an event sentence for type T when the gold has an event mapped to T in
    it; "no event" sentences have no gold event of any kind. No-event precision: of the
    sentences where the system emits none of the mapped types, the share with no gold event.
    """
    types = {label: Counts() for label in M2E2_TYPES}
    no_event = Counts()
    records = 0
    for record, sentences in m2e2_sentences(path, ctx, limit, half):
        records += 1
        for _, gold, predicted in sentences:
            predicted = predicted & set(M2E2_TYPES)
            for label in M2E2_TYPES:
                types[label].add(predicted & {label}, gold & {label})
            no_event.add({"none"} if not predicted else set(), {"none"} if not gold else set())
    metrics = {}
    for label in ("ASSAULT",):
        metrics.update({f"{label.lower()}_p": types[label].precision, f"{label.lower()}_r": types[label].recall,
                        f"{label.lower()}_f1": types[label].f1})
    metrics.update({"no_event_precision": no_event.precision, "no_event_recall": no_event.recall})
    return Report("m2e2_voa", records, metrics, {label: c.scores() for label, c in types.items()})


def m2e2_sentences(path: Path, ctx: Context, limit: int | None = None, half: str | None = None,
                   ) -> Iterator[tuple[dict, list[tuple[str, set[str], set[str]]]]]:
    """Yield each M2E2 record with its sentences as (text, gold types, predicted types).

    Gold types are PLOVER types where M2E2 maps one, else the ACE code ("Life:Die");
    predicted types are those of the asserted events with a mention in the sentence.
    """
    for record in read_jsonl(path / "docs.jsonl", limit, half):
        lines = [line.strip() for line in record["text"].split("\n") if line.strip()]
        gold_by_line: dict[str, set[str]] = {}
        for event in record["events"]:
            gold_by_line.setdefault(event["sentence"].strip(), set()).add(event["plover"] or event["code"])
        predicted_by_line = _events_by_line(code_text("\n\n".join(lines), ctx), lines)
        yield record, [(line, gold_by_line.get(line, set()), predicted_by_line.get(number, set()))
                       for number, line in enumerate(lines)]


def _events_by_line(article: Article, lines: list[str]) -> dict[int, set[str]]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 2
    found: dict[int, set[str]] = {}
    for event in happened(article.events):
        for mention in event.mentions:
            line = max(i for i, start in enumerate(starts) if start <= mention.start)
            found.setdefault(line, set()).add(event.type)
    return found


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


@cache
def _country_iso3(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return pycountry.countries.search_fuzzy(name)[0].alpha_3
    except LookupError:
        return None


def _share(tally: Counter, right: str, total: str) -> float:
    return tally[right] / tally[total] if tally[total] else 0.0
