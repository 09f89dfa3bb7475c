"""The gazetteer built from the PyPI GeoNames packages and the curated files."""

from __future__ import annotations

import pytest

from eventwire.places.names import name_key
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
