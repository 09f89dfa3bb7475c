"""Little-known places read from their context: locative words, place nouns, parentheses."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # a place noun after the name
        ("Militants attacked the army in Makhmur district on Monday.", "Makhmur", "IRQ"),
        ("Two air raids were reported on Al Dhaher district in northwestern Yemen.", "Al Dhaher", "YEM"),
        # divisions in parentheses after a place qualify it
        ("Snipers opened fire on a civilian in the east of Hays city (Al Hudaydah).", "Hays city", "YEM"),
        ("Shells fell on Burkan areas (Mukayras, Al Bayda) at dawn.", "Al Bayda", "YEM"),
        # an adjective does not outweigh a country named as such
        ("Saudi-led air raids were reported on Al Jawf governorate in northern Yemen.", "Al Jawf", "YEM"),
    ],
)
def test_local_places(resolve, text, mention, country):
    places = {p.text: p for p in resolve(text).places}
    assert mention in places
    assert places[mention].country == country


@pytest.mark.parametrize(
    ("text", "not_places"),
    [
        ("The report (Steele) was shared with the FBI. Bush and Steele never met.", {"Steele"}),
        ("The attack was a new blow to Eta, officials said.", {"Eta"}),
    ],
)
def test_context_does_not_make_names_places(resolve, text, not_places):
    found = {p.text for p in resolve(text).places}
    assert not found & not_places


def test_stray_namesake_abroad_is_left_unresolved(resolve):
    # a small name found only from its context, in no country of the other places
    text = "Gunmen attacked a checkpoint near Karama town in Raqqa province, Syria."
    places = {p.text: p for p in resolve(text).places}
    karama = places.get("Karama")
    assert karama is None or karama.country in {None, "SYR"}
