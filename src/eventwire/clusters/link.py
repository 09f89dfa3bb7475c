"""When two event mentions from different articles are one real-world event.

A mention joins a cluster when nothing hard sets it apart from any member the store finds
near it (same type and day window), its actors agree with most of them, and at least one
signal ties it to one: places within the radius their precision allows, both actor sides
agreeing, or evidence sentences alike. Hard: another PLOVER type; another mode (one unknown
is no conflict); another modality class (an event that happened never joins one
threatened, denied or planned); dates more than a day apart; places farther apart than
their precision allows, or in other countries. Actors disagree when their countries do not
overlap on a side, or when the sources cannot be one actor as the article's dedup stage
judges it (`eventwire.dedup.mentions`: one country and sector, a country alone matching any
of its sectors, the state's sectors as one); one side unknown, or both at one precise spot,
is no disagreement: outlets differ on who the target was, so that alone does not split a
cluster. Two mentions dated no closer than a month ("in January") tie by nothing: a month
in common says nothing about a day in common, so each joins only a cluster a dated report
ties it to.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.actors.phrases import STATE_SECTORS
from eventwire.model import Actor
from eventwire.places.actor_country import coded_country

MAX_WINDOW = timedelta(days=31)  # an event dated no closer than this (a year) joins no cluster
DATE_SLACK = timedelta(days=1)  # reports of one event date it a day apart (time zones, "overnight")
UNDATED_SLACK = timedelta(days=2)  # an undated event: around its article's publication date
VAGUE_WINDOW = timedelta(days=7)  # a window this wide or wider (a month) dates no day: two such tie by nothing
RADIUS_KM = {"feature": 25.0, "city": 50.0, "admin1": 250.0}
SENTENCE_SIMILARITY = 0.2  # content-word Jaccard of the evidence sentences that ties two mentions
_WORD = re.compile(r"[a-z][a-z'-]+")
STOPWORDS = frozenset(
    "the a an of to in on at for and or but with by from as is was were are be been has have had its it "
    "that this these those said says say he she they we his her their our who which after before over "
    "into about than also not no more most some any all two one three new".split()
)


@dataclass(frozen=True, slots=True)
class Mention:
    """What linking needs of one stored event."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    modality_class: str
    source_countries: frozenset[str]
    target_countries: frozenset[str]
    source_actors: frozenset[tuple[str, str | None]]  # (country, sector) of the coded sources: `source_actors`
    day_start: date | None
    day_end: date | None
    lat: float | None
    lon: float | None
    place_country: str | None
    place_precision: str | None
    words: frozenset[str]


def modality_class(modality: str, happened: bool) -> str:
    """"happened" for asserted, reported and historical events; otherwise the modality."""
    return "happened" if happened else modality


def day_window(date_start: date | None, date_end: date | None, published: str | None) -> tuple[date, date] | None:
    """The days an event may be on: its date span, else around its article's publication."""
    if date_start is not None and date_end is not None:
        return date_start, date_end
    if published:
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            return None
        return day - UNDATED_SLACK, day
    return None


def source_actors(actors: Iterable[Actor]) -> frozenset[tuple[str, str | None]]:
    """(country, sector) of the named actors whose country the text codes, the state's sectors
    (government, military, police, ...) as one "STATE", as the article's dedup stage compares them.

    Example:
        >>> source_actors([police_in_baghdad, iraqi_government])
        frozenset({('IRQ', 'STATE')})
    """
    return frozenset((country, "STATE" if actor.sector in STATE_SECTORS else actor.sector)
                     for actor in actors if actor.kind != "implied" and (country := coded_country(actor)))


def one_actor(first: frozenset[tuple[str, str | None]], second: frozenset[tuple[str, str | None]]) -> bool:
    """Whether two sides' (country, sector) pairs can be one actor: one unknown side, one country
    and sector, or a country alone (no sector) matching any of its sectors."""
    return not first or not second or any(
        mine == theirs or mine[0] == theirs[0] and None in (mine[1], theirs[1]) for mine in first for theirs in second)


def content_words(text: str | None) -> frozenset[str]:
    return frozenset(word for word in _WORD.findall((text or "").lower()) if word not in STOPWORDS)


def conflict(first: Mention, second: Mention) -> str | None:
    """What says two mentions are different events: "hard" (type, modality, mode, date, place,
    the same article), "actors" (actor countries that do not overlap on a side), or None."""
    if first.article_id == second.article_id or first.type != second.type:
        return "hard"
    if first.modality_class != second.modality_class:
        return "hard"
    if first.mode and second.mode and first.mode != second.mode:
        return "hard"
    if first.day_start and second.day_start and first.day_end and second.day_end:
        if first.day_start - DATE_SLACK > second.day_end or second.day_start - DATE_SLACK > first.day_end:
            return "hard"
    if first.place_country and second.place_country and first.place_country != second.place_country:
        return "hard"  # (an article-level place, a default, never stands for the event's: see `mention`)
    distance = _distance_km(first, second)
    if distance is not None and distance > max(_radius(first), _radius(second)):
        return "hard"
    co_located = distance is not None and distance <= min(_radius(first), _radius(second))
    for mine, theirs in ((first.source_countries, second.source_countries),
                         (first.target_countries, second.target_countries)):
        # reports of one strike on one place disagree on its target (the base's country or
        # its troops'); on the same spot, that is no sign of another event
        if mine and theirs and not mine & theirs and not co_located:
            return "actors"
    if not co_located and not one_actor(first.source_actors, second.source_actors):
        return "actors"  # "the family expressed outrage", "the president condemned it": two acts
    return None


def tie(first: Mention, second: Mention) -> float:
    """How strongly two compatible mentions are one event: 0 when nothing ties them, as when
    neither is dated closer than a month (the same month is no evidence of the same day)."""
    if _vague(first) and _vague(second):
        return 0.0
    score = 0.0
    distance = _distance_km(first, second)
    if distance is not None and distance <= min(_radius(first), _radius(second)):
        score += 1.0
    if all(mine and theirs and mine & theirs for mine, theirs in (
            (first.source_countries, second.source_countries), (first.target_countries, second.target_countries))):
        score += 1.0
    similarity = _jaccard(first.words, second.words)
    if similarity >= SENTENCE_SIMILARITY:
        score += similarity
    return score


def _vague(mention: Mention) -> bool:
    """Whether a mention's window names no day, nor a week: a month, say ("in January")."""
    return mention.day_start is None or mention.day_end is None or (
        mention.day_end - mention.day_start >= VAGUE_WINDOW)


def _radius(mention: Mention) -> float:
    return RADIUS_KM.get(mention.place_precision or "", 0.0)


def _distance_km(first: Mention, second: Mention) -> float | None:
    """Great-circle distance when both places are precise (a city or finer) and located."""
    if None in (first.lat, first.lon, second.lat, second.lon):
        return None
    if not (_radius(first) and _radius(second)):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (first.lat, first.lon, second.lat, second.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)

