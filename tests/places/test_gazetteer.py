"""The gazetteer built from the PyPI GeoNames packages and the curated files."""

from __future__ import annotations

import pytest

from eventwire.places.build import airport_names
from eventwire.places.names import name_key, skeleton
from eventwire.places.resolve import distance_km


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ain al-Assad", "ain al assad"),
        ("St. Louis", "saint louis"),
        ("Arbīl", "arbil"),
        ("the West Bank", "west bank"),
        ("Côte d’Ivoire", "cote divoire"),
    ],
)
def test_name_key(text, key):
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("name", "country", "feature_code", "lat", "lon"),
    [
        ("Baghdad", "IRQ", "PPLC", 33.34, 44.40),
        ("Erbil", "IRQ", None, 36.19, 44.01),
        ("Ain al-Asad", "IRQ", "AIRB", 33.79, 42.44),
        ("Al Asad Air Base", "IRQ", "AIRB", 33.79, 42.44),
        ("Darfur", "SDN", "RGN", 13.5, 24.0),
        ("Gaza Strip", "PSE", "RGN", 31.42, 34.36),
        ("Donbass", "UKR", "RGN", 48.0, 38.0),
        ("Iraq", "IRQ", "PCLI", 33.0, 44.0),
    ],
)
def test_lookup_finds_place(gazetteer, name, country, feature_code, lat, lon):
    candidates = [c for c in gazetteer.lookup(name) if c.country == country]
    assert candidates, name
    near = [c for c in candidates if c.lat is not None and distance_km(c.lat, c.lon, lat, lon) < 161]
    assert near, (name, [(c.name, c.lat, c.lon) for c in candidates])
    if feature_code:
        assert any(c.feature_code == feature_code for c in near)


@pytest.mark.parametrize(
    ("alias", "name", "kind"),
    [
        ("U.S.", "United States", "abbreviation"),
        ("UK", "United Kingdom", "abbreviation"),
        ("Iraqi", "Iraq", "adjective"),
        ("European", "Europe", "adjective"),
        ("Wash.", "Washington", "abbreviation"),
    ],
)
def test_aliases_point_at_places(gazetteer, alias, name, kind):
    candidates = gazetteer.lookup(alias)
    assert any(c.name == name for c in candidates), [c.name for c in candidates]
    best = [c for c in candidates if c.name == name][0]
    assert best.is_adjective == (kind == "adjective")
    assert best.is_abbreviation == (kind == "abbreviation")


def test_unknown_name_has_no_candidates(gazetteer):
    assert gazetteer.lookup("Qwxzvbnm Plorkstadt") == []


def test_store_is_versioned_and_small(gazetteer):
    assert gazetteer.path.name == f"gazetteer-{gazetteer.version}.sqlite"
    assert gazetteer.path.stat().st_size < 80 * 1024 * 1024


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Kafr Qaseem", "Kafr Qāsim", True),
        ("Shirqat", "Ash Sharqāţ", True),
        ("Tooz Khurmato", "Ţūz Khūrmātū", True),
        ("Kafr Qaseem", "Kafr Qaddum", False),
        ("Nakhla", "Noakhali", False),  # too short to tell apart
    ],
)
def test_skeleton(first, second, same):
    assert (skeleton(first) == skeleton(second) != "") is same


@pytest.mark.parametrize(
    ("name", "country"),
    [("Kafr Qaseem", "ISR"), ("Shirqat", "IRQ"), ("Tooz Khurmato", "IRQ"), ("Idleb", None)],
)
def test_lookup_variant(gazetteer, name, country):
    variants = gazetteer.lookup_variant(name)
    assert (variants[0].country if variants else None) == country
    assert all(not c.is_adjective and c.kind != 0 for c in variants)


def test_division_without_towns_lies_in_its_first_level_division(gazetteer):
    # no town of Zari district is known: it sits at the centre of Balkh province
    zari = next(c for c in gazetteer.lookup("Zari") if c.country == "AFG")
    balkh = next(c for c in gazetteer.lookup("Balkh") if c.feature_code == "ADM1")
    assert zari.feature_code == "ADM2" and zari.lat is not None
    assert distance_km(zari.lat, zari.lon, balkh.lat, balkh.lon) < 1


@pytest.mark.parametrize(("name", "city", "expected"), [
    ("London Heathrow Airport", "London", ["Heathrow Airport", "Heathrow"]),
    ("Washington Dulles International Airport", "Washington",
     ["Dulles International Airport", "Dulles Airport", "Dulles"]),
    ("John F Kennedy International Airport", "New York", ["John F Kennedy International Airport",
                                                          "John F Kennedy Airport"]),
    ("Kabul International Airport", "Kabul", ["Kabul International Airport", "Kabul Airport"]),
])
def testairport_names_news_uses(name: str, city: str, expected: list[str]) -> None:
    """Short airport names, never the bare name of the city or a multi-word core."""
    assert airport_names(name, city) == expected
