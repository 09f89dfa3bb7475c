"""Merge the mentions of one event in an article (headline, "retaliated", "the strike")."""

from __future__ import annotations

import dataclasses

from eventwire.actors.phrases import STATE_SECTORS
from eventwire.context import Context
from eventwire.model import Actor, Article, Event
from eventwire.places.actor_country import coded_country
from eventwire.places.locate import ARTICLE_PRECISION
from eventwire.places.resolve import distance_km
from eventwire.registry import register

FACTUAL = {"asserted", "reported", "historical"}
PLACE_RANK = {"feature": 0, "city": 1, "admin1": 2, "country": 3}
LOCAL_PRECISION = {"feature", "city"}
DIVISION_PRECISION = LOCAL_PRECISION | {"admin1"}
SAME_PLACE_KM = 50.0
COUNTED = {"dead", "injured", "arrested"}
# acts whose targets are the people they are done to (arrests, sentences), told apart by them
PATIENT_TYPES = {"COERCE", "SANCTION"}
STATED_PERIOD = {"day": 10, "month": 7, "year": 4, "week": 4, "quarter": 4, "season": 4}
DATE_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 4, "year": 5, "decade": 6, "century": 7,
             "publication": 8}


@register("dedup", "mentions.v1")
def merge_mentions(article: Article, ctx: Context) -> Article:
    """Merge events of the same type, status, compatible actors and day.

    Two mentions are compatible when neither names a source (or target) the other
    contradicts: an empty side (or one with an implied actor only) matches anything; known
    targets must share a country, and known sources an actor (see `_same_sources`).
    The merged event keeps the first mention as evidence, every mention in `mentions`,
    and the union of actors and quantities. Among equally likely events, the one mentioned
    last before wins ("the shooting" refers back to the latest attack).
    """
    merged: list[Event] = []
    for event in article.events:
        scores = [(affinity(kept, event), kept.mentions[-1].start, position) for position, kept in enumerate(merged)]
        best, _, position = max(scores, default=(0, 0, -1))
        if best > 0:
            merged[position] = combine(merged[position], event)
        else:
            merged.append(event)
    return dataclasses.replace(article, events=tuple(merged))


def affinity(first: Event, second: Event) -> int:
    """Score how surely two mentions describe one event (0: they do not).

    They must agree on type, factuality, actors and stated day, and share evidence
    beyond that: a country on the same side, the same CAMEO code or the same sentence. A
    mention that names no actor at all ("the shooting") joins the latest compatible event.
    """
    if not same_event(first, second):
        return 0
    if not (_named(second.sources) or _named(second.targets)):
        return 1  # "the shooting", "the attack": refers back to the latest such event
    if first.mentions[-1].sentence == second.evidence.sentence:
        return 1  # "a roadside bombing killed a soldier": one act told twice in a sentence
    shared = len(_countries(first.sources) & _countries(second.sources))
    shared += len(_countries(first.targets) & _countries(second.targets))
    return shared + (first.cameo == second.cameo)


def same_event(first: Event, second: Event) -> bool:
    """Whether two event mentions can describe the same event (nothing contradicts it):
    type and mode (a raid and a blockade are two acts of COERCE), status, actors' countries,
    who does it to whom (the attackers "shot dead" after their attack undergo another act),
    stated dates (a day in 2016 is not an act of 2015), the places the text gives each (a
    country apart, or towns and sites far apart), and the dead, injured or arrested each
    counts ("a blast killed 12 in Kabul" and "gunmen killed 3 in Herat" are two events), and
    for arrests and sentences the sectors of those they were done to (`PATIENT_TYPES`)."""
    return (
        first.type == second.type
        and (first.mode == second.mode or None in (first.mode, second.mode))
        and _status(first) == _status(second)
        and _same_sources(first.sources, second.sources)
        and _compatible(first.targets, second.targets)
        and (first.type not in PATIENT_TYPES or _same_patients(first.targets, second.targets))
        and not _reversed(first, second)
        and _same_period(first, second)
        and _same_place(first, second)
        and _same_counts(first, second)
    )


def combine(first: Event, second: Event) -> Event:
    """Return `first` enriched with the actors, quantities and mention of `second`.

    The place and the date are the more precise of the two (a base over a country, a
    stated day over the publication date).
    """
    place = min((first, second), key=lambda event: PLACE_RANK.get(event.place_precision, len(PLACE_RANK)))
    when = min((first, second), key=lambda event: DATE_RANK.get(event.date_precision, len(DATE_RANK)))
    return dataclasses.replace(
        first,
        sources=_union(first.sources, second.sources, exclude=_countries(first.targets)),
        targets=_union(first.targets, second.targets, exclude=_countries(first.sources)),
        place=place.place,
        place_precision=place.place_precision,
        modality=second.modality if first.modality == "historical" else first.modality,
        date=when.date,
        date_precision=when.date_precision,
        quantities=first.quantities + tuple(q for q in second.quantities if q not in first.quantities),
        mentions=first.mentions + second.mentions,
    )


def _reversed(first: Event, second: Event) -> bool:
    """Whether an actor one mention names only as the source the other names only as the
    target ("people beat the woman" and "a mob of people killed her" keep their roles)."""
    a_sources, a_targets = _roles(first.sources), _roles(first.targets)
    b_sources, b_targets = _roles(second.sources), _roles(second.targets)
    a_sources, a_targets = a_sources - a_targets, a_targets - a_sources
    b_sources, b_targets = b_sources - b_targets, b_targets - b_sources
    return bool(a_sources & b_targets or a_targets & b_sources)


def _roles(actors: tuple[Actor, ...]) -> set[tuple[str | None, str | None]]:
    return {(actor.country, actor.sector) for actor in _named(actors) if actor.country or actor.sector}


def _status(event: Event) -> str:
    """Asserted, reported and background (historical) mentions can be one event."""
    return "factual" if event.modality in FACTUAL else event.modality


def _same_place(first: Event, second: Event) -> bool:
    """Places the text gives contradict when they lie in different countries or first-level
    divisions, or when both are local (a town or a site) and far apart. An article's focus gives no place."""
    a, b = first.place, second.place
    if a is None or b is None or ARTICLE_PRECISION in (first.place_precision, second.place_precision):
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if (first.place_precision in DIVISION_PRECISION and second.place_precision in DIVISION_PRECISION
            and a.admin1 and b.admin1 and a.admin1 != b.admin1):
        return False  # "shot in Louisiana" and "shot dead in Dallas": two states
    if (first.place_precision not in LOCAL_PRECISION or second.place_precision not in LOCAL_PRECISION
            or None in (a.lat, a.lon, b.lat, b.lon)):
        return True
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM


def _same_counts(first: Event, second: Event) -> bool:
    """Casualty and arrest counts contradict when both mentions give a different one."""
    counts = [{q.kind: q.value for q in event.quantities if q.kind in COUNTED} for event in (first, second)]
    return all(counts[0][kind] == counts[1][kind] for kind in counts[0].keys() & counts[1].keys())


def _same_period(first: Event, second: Event) -> bool:
    """Stated dates contradict when neither period holds the other ("2015", "2016-06-07")."""
    a, b = _stated_period(first), _stated_period(second)
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _stated_period(event: Event) -> str | None:
    """The date the text states for an event, as "YYYY[-MM[-DD]]" (a week, quarter or season
    as its year); None for the publication date, an undated or a vaguer one."""
    if not event.date or event.date_precision not in STATED_PERIOD:
        return None
    return event.date[:STATED_PERIOD[event.date_precision]]


def _named(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """The actors the text names (not those an event only implies: "a man was shot")."""
    return tuple(actor for actor in actors if actor.kind != "implied")


def _countries(actors: tuple[Actor, ...]) -> set[str]:
    """The countries the text codes the named actors with (not a bare name's guessed one)."""
    return {country for actor in _named(actors) if (country := coded_country(actor))}


def _compatible(first: tuple[Actor, ...], second: tuple[Actor, ...]) -> bool:
    a, b = _countries(first), _countries(second)
    return not a or not b or bool(a & b)


def _same_patients(first: tuple[Actor, ...], second: tuple[Actor, ...]) -> bool:
    """Targets contradict when both name who underwent the act by sector and no sector is
    shared ("eleven police officers received jail terms" and "a court sentenced four
    civilians"; a place standing for the target gives no sector)."""
    a, b = ({actor.sector for actor in _named(actors) if actor.sector and actor.text} for actors in (first, second))
    return not a or not b or bool(a & b)


def _same_sources(first: tuple[Actor, ...], second: tuple[Actor, ...]) -> bool:
    """Whether the sources can be one actor: one country and sector, a country alone matching
    any of its sectors and the state's sectors counting as one. In a story told within one
    country that is what tells acts apart: "the family expressed outrage" and "the president
    condemned it" are two events, "police arrested him" and "the government detained him" may
    be one. (Targets are compared by country only: the parser's targets are often places.)"""
    a, b = _coded(first), _coded(second)
    return not a or not b or any(x == y or x[0] == y[0] and None in (x[1], y[1]) for x in a for y in b)


def _coded(actors: tuple[Actor, ...]) -> set[tuple[str, str | None]]:
    """(country, sector) of the named actors the text codes a country for."""
    return {(country, "STATE" if actor.sector in STATE_SECTORS else actor.sector)
            for actor in _named(actors) if (country := coded_country(actor))}


def _union(first: tuple[Actor, ...], second: tuple[Actor, ...], *, exclude: set[str]) -> tuple[Actor, ...]:
    """Actors of both mentions: new codes only, none from the other side's countries,
    implied actors only while the side names none, and uncoded actors only while the side
    has no coded one."""
    known = {actor.code for actor in first}
    extra = tuple(a for a in second if a.code not in known and a.country not in exclude)
    combined = _named(first + extra) or first + extra
    coded = tuple(actor for actor in combined if actor.code)
    return coded or combined
