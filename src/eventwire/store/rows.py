"""Flatten an `Article` into table rows and build it back from them; its JSON record."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from eventwire.model import (
    Actor,
    Article,
    Entity,
    Event,
    Evidence,
    Place,
    Quantity,
    Quote,
    Sentence,
    TimeExpression,
    event_id,
)
from eventwire.store.dates import date_range

Row = dict[str, Any]
# The confidence of events stored before the store had one (schema version 2).
LEGACY_CONFIDENCE = 1.0


def article_rows(article: Article, ingested_at: datetime) -> dict[str, list[Row]]:
    """Return the rows of every table for one article, keyed by table name.

    Example:
        >>> article_rows(Article(id="a1", text="Hi."), datetime(2026, 1, 1))["articles"][0]["id"]
        'a1'
    """
    key = {"article_id": article.id}
    return {
        "articles": [
            {
                "id": article.id,
                "source": article.source,
                "url": article.url,
                "title": article.title,
                "published": article.published,
                "language": article.language,
                "text": article.text,
                "removed_lines": list(article.removed_lines),
                "ingested_at": ingested_at,
            }
        ],
        "sentences": [
            {**key, "index": s.index, "start": s.start, "end": s.end, "text": s.text}
            for s in article.sentences
        ],
        "entities": [
            {**key, "index": i, "text": e.text, "label": e.label, **_evidence(e.evidence)}
            for i, e in enumerate(article.entities)
        ],
        "actors": [{**key, "index": i, **_actor(a)} for i, a in enumerate(article.actors)],
        "places": [
            {**key, "index": i, **_place(p), **_evidence(p.evidence)}
            for i, p in enumerate(article.places)
        ],
        "times": [
            {
                **key,
                "index": i,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "precision": t.precision,
                **_evidence(t.evidence),
            }
            for i, t in enumerate(article.times)
        ],
        "events": [_event_row(article.id, i, e) for i, e in enumerate(article.events)],
        "quotes": [_quote_row(article.id, i, q) for i, q in enumerate(article.quotes)],
    }


def article_record(article: Article) -> dict[str, Any]:
    """Return the article as JSON-ready data whose events also carry `id`, `happened` and `sentence`.

    `id` is the event id the store gives the event, `happened` is `Event.happened` and
    `sentence` the text of the event's evidence sentence (None when it has none).

    Example:
        >>> article_record(article)["events"][0]["id"]
        'a1:0'
    """
    record = article.to_dict()
    for index, (event, data) in enumerate(zip(article.events, record["events"], strict=True)):
        data["id"] = event.id or event_id(article.id, index)
        data["happened"] = event.happened
        data["sentence"] = _sentence_text(article, event.evidence.sentence)
    return record


def _sentence_text(article: Article, index: int) -> str | None:
    return article.sentences[index].text if 0 <= index < len(article.sentences) else None


def _evidence(evidence: Evidence) -> Row:
    return {
        "sentence": evidence.sentence,
        "start": evidence.start,
        "end": evidence.end,
        "coder": evidence.coder,
        "data": evidence.data,
    }


def _actor(actor: Actor) -> Row:
    return {
        "text": actor.text,
        "name": actor.name,
        "country": actor.country,
        "sector": actor.sector,
        "kind": actor.kind,
        "code": actor.code,
        **_evidence(actor.evidence),
    }


def _place(place: Place) -> Row:
    return {
        "text": place.text,
        "name": place.name,
        "geonameid": place.geonameid,
        "feature_class": place.feature_class,
        "feature_code": place.feature_code,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "point": place.point,
    }


def _event_row(article_id: str, index: int, event: Event) -> Row:
    place = event.place
    span = date_range(event.date)
    return {
        "event_id": event.id or event_id(article_id, index),
        "article_id": article_id,
        "index": index,
        "type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "happened": event.happened,
        "trigger": event.trigger,
        "source_codes": [a.code for a in event.sources],
        "source_names": [a.name for a in event.sources],
        "source_countries": [a.country for a in event.sources],
        "target_codes": [a.code for a in event.targets],
        "target_names": [a.name for a in event.targets],
        "target_countries": [a.country for a in event.targets],
        "place_name": place.name if place else None,
        "place_geonameid": place.geonameid if place else None,
        "place_country": place.country if place else None,
        "place_lat": place.lat if place else None,
        "place_lon": place.lon if place else None,
        "place_point": place.point if place else None,
        "place_precision": event.place_precision,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_start": span[0] if span else None,
        "date_end": span[1] if span else None,
        "quantities": json.dumps([_quantity(q) for q in event.quantities]),
        **_evidence(event.evidence),
        "mentions": json.dumps([_evidence(m) for m in event.mentions]),
        "sources": json.dumps([_actor(a) for a in event.sources]),
        "targets": json.dumps([_actor(a) for a in event.targets]),
        "place": json.dumps({**_place(place), **_evidence(place.evidence)}) if place else None,
        "confidence": _confidence(event.confidence),
    }


def _confidence(value: float) -> float:
    """Return `value` as a float; one outside [0, 1] (or NaN) is a ValueError."""
    value = float(value)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"event confidence {value!r} is not in [0, 1]")
    return value


def _quantity(quantity: Quantity) -> Row:
    return {"kind": quantity.kind, "value": quantity.value, "text": quantity.text}


def _quote_row(article_id: str, index: int, quote: Quote) -> Row:
    actor = quote.speaker_actor
    return {
        "article_id": article_id,
        "index": index,
        "speaker": quote.speaker,
        "speaker_name": actor.name if actor else None,
        "speaker_country": actor.country if actor else None,
        "speaker_code": actor.code if actor else None,
        "speaker_actor": json.dumps(_actor(actor)) if actor else None,
        "cue": quote.cue,
        "direct": quote.direct,
        "content": quote.content,
        "content_start": quote.content_start,
        "content_end": quote.content_end,
        "events": list(quote.events),
        **_evidence(quote.evidence),
    }


def article_from_rows(tables: dict[str, list[Row]]) -> Article:
    """Build the `Article` back from the rows `article_rows` made (rows in index order)."""
    row = tables["articles"][0]
    return Article(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        url=row["url"],
        title=row["title"],
        published=row["published"],
        language=row["language"],
        removed_lines=tuple(row["removed_lines"] or ()),
        sentences=tuple(
            Sentence(r["index"], r["start"], r["end"], r["text"]) for r in tables["sentences"]
        ),
        entities=tuple(
            Entity(r["text"], r["label"], _read_evidence(r)) for r in tables["entities"]
        ),
        actors=tuple(_read_actor(r) for r in tables["actors"]),
        places=tuple(_read_place(r) for r in tables["places"]),
        times=tuple(
            TimeExpression(r["text"], r["type"], r["value"], r["precision"], _read_evidence(r))
            for r in tables["times"]
        ),
        events=tuple(_read_event(r) for r in tables["events"]),
        quotes=tuple(_read_quote(r) for r in tables["quotes"]),
    )


def _read_evidence(row: Row) -> Evidence:
    return Evidence(row["sentence"], row["start"], row["end"], row["coder"], row["data"])


def _read_actor(row: Row) -> Actor:
    return Actor(
        row["text"], row["name"], row["country"], row["sector"], row["kind"], _read_evidence(row)
    )


def _read_place(row: Row) -> Place:
    return Place(
        row["text"],
        row["name"],
        row["geonameid"],
        row["feature_class"],
        row["feature_code"],
        row["country"],
        row["admin1"],
        row["lat"],
        row["lon"],
        _read_evidence(row),
        row.get("point"),
    )


def _read_event(row: Row) -> Event:
    place = json.loads(row["place"]) if row["place"] else None
    return Event(
        type=row["type"],
        mode=row["mode"],
        context=tuple(row["context"] or ()),
        cameo=row["cameo"],
        goldstein=row["goldstein"],
        sources=tuple(_read_actor(a) for a in json.loads(row["sources"])),
        targets=tuple(_read_actor(a) for a in json.loads(row["targets"])),
        trigger=row["trigger"],
        modality=row["modality"],
        evidence=_read_evidence(row),
        place=_read_place(place) if place else None,
        place_precision=row["place_precision"],
        date=row["date"],
        date_precision=row["date_precision"],
        quantities=tuple(Quantity(**q) for q in json.loads(row["quantities"])),
        mentions=tuple(_read_evidence(m) for m in json.loads(row["mentions"])),
        # a version 2 store opened read-only has no confidence column: its events predate it
        confidence=row.get("confidence", LEGACY_CONFIDENCE),
        id=row["event_id"],
    )


def _read_quote(row: Row) -> Quote:
    actor = json.loads(row["speaker_actor"]) if row["speaker_actor"] else None
    return Quote(
        content=row["content"],
        speaker=row["speaker"],
        speaker_actor=_read_actor(actor) if actor else None,
        cue=row["cue"],
        direct=row["direct"],
        evidence=_read_evidence(row),
        content_start=row["content_start"],
        content_end=row["content_end"],
        events=tuple(row["events"] or ()),
    )
