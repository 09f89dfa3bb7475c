"""Articles built by hand for the store tests (no NLP pipeline)."""

from __future__ import annotations

import dataclasses

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
)

TEXT = (
    "Rebels shelled the port of Hodeidah on Monday. "
    "Saudi Arabia said it would retaliate against the Houthis."
)


def evidence(start: int, end: int, sentence: int = 0) -> Evidence:
    return Evidence(sentence, start, end, "test.rules.v1", "test-2026.11")


def actor(text: str, country: str | None, sector: str | None, kind: str, start: int = 0) -> Actor:
    return Actor(text, text, country, sector, kind, evidence(start, start + len(text)))


def place(name: str, geonameid: int, country: str, lat: float, lon: float) -> Place:
    return Place(name, name, geonameid, "P", "PPLA", country, "08", lat, lon, evidence(27, 35), point="geonames")


def event(
    kind: str,
    sources: tuple[Actor, ...],
    targets: tuple[Actor, ...],
    *,
    modality: str = "asserted",
    date: str | None = None,
    where: Place | None = None,
    confidence: float = 1.0,
) -> Event:
    return Event(
        type=kind,
        mode=None,
        context=("military",),
        cameo="195",
        goldstein=-10.0,
        sources=sources,
        targets=targets,
        trigger="shelled",
        modality=modality,
        evidence=evidence(7, 14),
        place=where,
        place_precision="city" if where else None,
        date=date,
        date_precision="day" if date and len(date) == 10 else None,
        mentions=(evidence(7, 14), evidence(48, 60, 1)),
        confidence=confidence,
    )


def make_article(article_id: str, events: tuple[Event, ...] = (), **fields: object) -> Article:
    rebels = actor("Rebels", "YEM", "REB", "group")
    saudi = actor("Saudi Arabia", "SAU", None, "state", 47)
    return Article(
        id=article_id,
        text=TEXT,
        source=f"file://{article_id}.txt",
        url=f"https://example.org/{article_id}",
        title="Port shelled",
        published="2020-01-08",
        language="en",
        sentences=(Sentence(0, 0, 46, TEXT[:46]), Sentence(1, 47, len(TEXT), TEXT[47:])),
        entities=(Entity("Hodeidah", "GPE", evidence(27, 35)),),
        actors=(rebels, saudi),
        places=(place("Hodeidah", 79415, "YEM", 14.8, 42.95),),
        times=(TimeExpression("Monday", "DATE", "2020-01-06", "day", evidence(39, 45)),),
        # as the pipeline gives them: "<article id>:<position>"
        events=tuple(dataclasses.replace(event, id=event.id or f"{article_id}:{index}")
                     for index, event in enumerate(events)),
        quotes=(
            Quote(
                content="it would retaliate against the Houthis",
                speaker="Saudi Arabia",
                speaker_actor=saudi,
                cue="said",
                direct=False,
                evidence=evidence(47, len(TEXT), 1),
                content_start=65,
                content_end=len(TEXT) - 1,
            ),
        ),
        **fields,
    )


def make_full_article() -> Article:
    """An article using every field of every record type."""
    hodeidah = place("Hodeidah", 79415, "YEM", 14.8, 42.95)
    rebels = actor("Rebels", "YEM", "REB", "group")
    saudi = actor("Saudi Arabia", "SAU", None, "state", 47)
    shelling = Event(
        type="ASSAULT",
        mode="artillery",
        context=("military", "terrorism"),
        cameo="194",
        goldstein=-10.0,
        sources=(rebels,),
        targets=(saudi, actor("port", None, "BUS", "unknown", 19)),
        trigger="shelled",
        modality="asserted",
        evidence=evidence(7, 14),
        place=hodeidah,
        place_precision="city",
        date="2020-01-06",
        date_precision="day",
        quantities=(Quantity("shells", 12, "12 shells"), Quantity("dead", 3, "three")),
        mentions=(evidence(7, 14), evidence(48, 60, 1)),
        confidence=0.85,
    )
    threat = event("THREATEN", (saudi,), (rebels,), modality="future", date="2020-W02")
    return make_article("full", (shelling, threat), removed_lines=("Share this", "Advert"))
