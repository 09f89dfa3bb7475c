"""Check the values of the query options: PLOVER types, country codes, dates, formats.

Each check returns the value as the store wants it or raises `ValueError` with a one-line
reason that names the bad value and the values allowed; the commands turn it into a
usage error.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files

# data files whose `country` column holds the codes actors can have besides ISO 3166
_ACTOR_TABLES = ("organizations.tsv", "persons.tsv", "metonyms.tsv")


@cache
def plover_types() -> tuple[str, ...]:
    """Return the PLOVER event types the coder can give, sorted (from the event data files)."""
    folder = files("eventwire.data").joinpath("events")
    found = {row["plover"] for row in _tsv(folder.joinpath("cameo2plover.tsv").read_text(encoding="utf-8"))}
    found |= {row.get("plover") for row in _tsv(folder.joinpath("triggers.tsv").read_text(encoding="utf-8"))}
    return tuple(sorted(value for value in found if value))


@cache
def country_codes() -> frozenset[str]:
    """Return the ISO 3166 alpha-3 codes (pycountry) and the other codes actors carry ("IGO")."""
    import pycountry

    codes = {country.alpha_3 for country in pycountry.countries}
    folder = files("eventwire.data").joinpath("actors")
    for name in _ACTOR_TABLES:
        codes |= {row.get("country") for row in _tsv(folder.joinpath(name).read_text(encoding="utf-8"))}
    return frozenset(code for code in codes if code)


def check_type(value: str) -> str:
    """Return `value` as an upper-case PLOVER type.

    Example:
        >>> check_type("assault")
        'ASSAULT'
    """
    found = value.strip().upper()
    if found not in plover_types():
        raise ValueError(f"{value!r} is not a PLOVER event type; types are {', '.join(plover_types())}")
    return found


def check_country(value: str) -> str:
    """Return `value` as an upper-case ISO 3166 alpha-3 code (or another actor code such as IGO).

    Example:
        >>> check_country("irn")
        'IRN'
    """
    found = value.strip().upper()
    if found not in country_codes():
        others = ", ".join(sorted(code for code in country_codes() if not _is_iso3(code)))
        raise ValueError(f"{value!r} is not a country code; use an ISO 3166 alpha-3 code such as IRN or "
                         f"USA, or one of {others}")
    return found


def check_date(value: str) -> str:
    """Return `value` when it is an ISO date, whole or partial (2020-01-08, 2020-01, 2020).

    Example:
        >>> check_date("2020-01")
        '2020-01'
    """
    from eventwire.store.dates import date_range

    if date_range(value) is None:
        raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2020-01-08)")
    return value.strip()


def check_place(value: str) -> str:
    """Return `value` when it names something: a place name or an ISO3 code."""
    if not value.strip():
        raise ValueError("the place is empty; give a place name (Baghdad) or a country code (IRQ)")
    return value.strip()


def check_choice(value: str, allowed: tuple[str, ...], what: str, plural: str = "") -> str:
    """Return `value` in lower case when it is one of `allowed` (`plural` defaults to `what` + "s")."""
    if value.lower() not in allowed:
        raise ValueError(f"unknown {what} {value!r}; {plural or what + 's'} are {', '.join(allowed)}")
    return value.lower()


def _is_iso3(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def _tsv(text: str) -> list[dict[str, str]]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
