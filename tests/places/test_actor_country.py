"""Local actors of a located event take the country of its place, visibly."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.events.confidence import confidence
from eventwire.model import Actor, Article, Event, Evidence, Place
from eventwire.places.actor_country import SUFFIX, is_local_actor, with_place_country

EVIDENCE = Evidence(0, 0, 5, "actors.rules.v1", "kb")


def _actor(country, sector, kind, name="x"):
    return Actor(name, name, country, sector, kind, EVIDENCE)


def _event(actors, place_country):
    place = None
    if place_country is not None:
        place = Place("Town", "Town", 1, "P", "PPL", place_country, None, 1.0, 1.0, EVIDENCE)
    return Event("PROTEST", None, (), "14", -6.5, tuple(actors), (), "protested", "asserted", EVIDENCE,
                 place=place, place_precision="city")


@pytest.mark.parametrize(
    ("country", "sector", "kind", "place_country", "expected"),
    [
        (None, "CVL", "group", "IRQ", "IRQ"),  # "protesters"
        (None, "COP", "organization", "LBN", "LBN"),  # "the police"
        (None, "REB", "group", "YEM", "YEM"),  # "rebels"
        (None, "UAF", "group", "SYR", "SYR"),  # "unidentified gunmen"
        ("TUR", "MIL", "group", "IRQ", "TUR"),  # "Turkish forces" keep their own country
        (None, "CVL", "person", "IRQ", "IRQ"),  # "a civilian", "a gunman": unnamed persons are local
        (None, "IMG", "group", "IRQ", None),  # transnational militants
        (None, None, "organization", "IRQ", "IRQ"),  # a source the knowledge base does not know
        (None, None, "group", "IRQ", None),  # no sector: nothing known to localise
        (None, "IGO", "igo", "IRQ", None),
        (None, "CVL", "group", None, None),  # place without a country
    ],
)
def test_place_country_for_local_actors(country, sector, kind, place_country, expected):
    event = with_place_country(_event([_actor(country, sector, kind)], place_country))
    actor = event.sources[0]
    assert actor.country == expected
    inferred = country is None and expected is not None
    assert actor.evidence.coder.endswith(SUFFIX) is inferred


def test_event_without_place_is_unchanged():
    event = Event("PROTEST", None, (), "14", -6.5, (_actor(None, "CVL", "group"),), (), "protested",
                  "asserted", EVIDENCE)
    assert with_place_country(event) is event


@pytest.mark.parametrize(
    ("country", "sector", "kind", "local"),
    [(None, "LAB", "group", True), (None, "BUS", "organization", True), ("IRN", "LAB", "group", False),
     (None, "GOV", "person", True), (None, "CVL", "unknown", False)],
)
def test_is_local_actor(country, sector, kind, local):
    assert is_local_actor(_actor(country, sector, kind)) is local


def test_named_person_nothing_codes_is_localised():
    """A named person with no country of his own is taken to belong where he acts (measured on
    news_events: actor-country accuracy rises on both development halves)."""
    assert is_local_actor(_actor(None, None, "person", name="Ahmed Khalil"))
    assert not is_local_actor(_actor("USA", None, "person", name="Mark Esper"))


def test_an_inferred_country_of_a_bare_name_does_not_raise_confidence():
    """ "Khalil protested" in Baghdad: the place gives him Iraq, but the text does not code him,
    so the event stays as unsure as a private person's; "police" in Baghdad counts as coded."""
    person = with_place_country(_event([_actor(None, None, "person", name="Ahmed Khalil")], "IRQ"))
    police = with_place_country(_event([_actor(None, "COP", "organization", name="police")], "IRQ"))
    assert person.sources[0].country == "IRQ"
    article = Article("a", "Khalil protested.")
    unplaced = _event([_actor(None, None, "person", name="Ahmed Khalil")], None)
    assert confidence(person, article) == confidence(unplaced, article)
    assert confidence(police, article) > confidence(person, article)


def test_unknown_organisation_is_localised_as_source_only():
    """ "the bases of Erbil": an unknown "organisation" among the targets is often a place."""
    unknown = _actor(None, None, "organization", name="Erbil")
    event = dataclasses.replace(_event([unknown], "IRQ"), targets=(unknown,))
    located = with_place_country(event)
    assert located.sources[0].country == "IRQ" and located.targets[0].country is None


def test_an_act_on_no_one_named_is_done_to_the_country_it_is_in():
    event = with_place_country(_event([_actor("RUS", "MIL", "group")], "SYR"))  # "Russian airstrikes in Syria"
    [target] = event.targets
    assert (target.country, target.kind, target.name) == ("SYR", "implied", "Syria")
    assert target.evidence.coder.endswith(SUFFIX)
    assert confidence(event, Article(id="a", text="x")) == confidence(
        dataclasses.replace(event, targets=()), Article(id="a", text="x"))  # a guess adds no certainty
    named = with_place_country(dataclasses.replace(_event([], "SYR"), targets=(_actor("TUR", "MIL", "group"),)))
    assert [t.country for t in named.targets] == ["TUR"]  # a named target stays the only one
    agreement = dataclasses.replace(_event([], "SYR"), type="AGREE")
    assert with_place_country(agreement).targets == ()  # cooperation needs a partner the text names
