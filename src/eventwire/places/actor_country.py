"""Give an event's local actors ("police", "protesters", "a gunman", a person nothing else
codes) the country of the event's place: local actors of a located event are taken to belong
to the country where it happened; a conflictual act (an attack, a protest, an accusation, a
demand) on no one named is aimed at that country (an implied target, as PLOVER codes
"airstrikes in Syria"). The evidence coder
gains "+place-country" so the inference stays visible."""

from __future__ import annotations

import dataclasses
from functools import cache

import pycountry

from eventwire.model import Actor, Event

SUFFIX = "+place-country"
LOCAL_KINDS = frozenset({"group", "organization", "implied"})
TRANSNATIONAL_SECTORS = frozenset({"IMG", "IGO", "NGO", "MNC"})
# PLOVER's verbal and material conflict: with no target named, the country it happens in is one
PLACE_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN",
                                "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def with_place_country(event: Event) -> Event:
    """Return the event with its local actors given the country of its place.

    Example:
        event = with_place_country(event)  # "protesters" in Ahvaz -> country "IRN"
        event.sources[0].evidence.coder    # "actors.rules.v1+place-country"
    """
    country = event.place.country if event.place is not None else None
    if not country:
        return event
    sources = tuple(_localised(actor, country, is_local_source(actor)) for actor in event.sources)
    targets = tuple(_localised(actor, country, is_local_actor(actor)) for actor in event.targets)
    if not targets and event.type in PLACE_TARGET_TYPES:
        # PLOVER's convention: an attack or a demand on no one named is aimed at the country it is
        # made in (the article's country when the text places it no closer)
        targets = (Actor("", _country_name(country), country, None, "implied", dataclasses.replace(
            event.evidence, coder=event.evidence.coder + SUFFIX)),)
    if sources == event.sources and targets == event.targets:
        return event
    return dataclasses.replace(event, sources=sources, targets=targets)


def is_local_actor(actor: Actor) -> bool:
    """Whether an actor without a country may take a place's country: a sector-only group
    ("protesters", "police") or a person nothing else codes ("a gunman", "Ahmed Khalil"): people
    are taken to belong where they act. Transnational sectors (UN, NGOs, companies) never are.
    The confidence stage does not count a bare person's inferred country as coding."""
    if actor.country is not None or actor.sector in TRANSNATIONAL_SECTORS:
        return False
    if actor.kind == "person":
        return True
    return actor.sector is not None and actor.kind in LOCAL_KINDS


def is_local_source(actor: Actor) -> bool:
    """Whether the source of a located event may take its country: a local actor, or an
    organisation the knowledge base does not know ("the Kisan Sangharsh Committee protested"),
    which acts where it is based. (Unknown organisations among targets are often places the
    parser took for names: "the bases of Erbil".)"""
    unknown = actor.kind == "organization" and actor.country is None and actor.sector is None
    return is_local_actor(actor) or unknown


def coded_country(actor: Actor) -> str | None:
    """The actor's country as far as the text codes it: a country taken from the event's place
    counts for an actor with a sector ("police" in Baghdad) but not for a bare name placed
    there ("Smith", or a place the parser took for a person): that one is a guess, which must
    neither make the event surer nor keep two mentions of it apart.

    Example:
        >>> coded_country(with_place_country(event).sources[0])  # "Ahmed Khalil" in Baghdad
        None
    """
    if actor.country is None or actor.sector is not None or not actor.evidence.coder.endswith(SUFFIX):
        return actor.country
    return None


@cache
def _country_name(alpha3: str) -> str:
    found = pycountry.countries.get(alpha_3=alpha3)
    return getattr(found, "common_name", None) or found.name if found is not None else alpha3


def _localised(actor: Actor, country: str, local: bool) -> Actor:
    if not local:
        return actor
    evidence = dataclasses.replace(actor.evidence, coder=actor.evidence.coder + SUFFIX)
    return dataclasses.replace(actor, country=country, evidence=evidence)
