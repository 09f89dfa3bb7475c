"""Word lists of the temporal tagger, read from `eventwire/data/time/` (TSV, UTF-8)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

DATA_VERSION = "time-2026.11"


@dataclass(frozen=True, slots=True)
class Unit:
    """A calendar or clock unit: TIMEX3 code ("D", "MIN", "DE") and precision name."""

    code: str
    precision: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list the tagger needs, keyed by lower-case surface form."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    seasons: dict[str, str]
    day_parts: dict[str, str]
    references: dict[str, tuple[str, str]]
    sets: dict[str, str]
    relative_days: dict[str, tuple[int, str]]
    tense_cues: tuple[tuple[str, str], ...]
    decades: dict[str, int]
    point_modifiers: tuple[str, ...]
    approx_modifiers: tuple[str, ...]


def read_rows(name: str) -> list[list[str]]:
    """Return the tab-separated rows of data file `name`, without comments and blank lines."""
    text = files("eventwire").joinpath("data", "time", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def load_lexicon() -> Lexicon:
    """Load the temporal word lists once per process."""
    return Lexicon(
        months={row[0]: int(row[1]) for row in read_rows("months.tsv")},
        weekdays={row[0]: int(row[1]) for row in read_rows("weekdays.tsv")},
        numbers={row[0]: int(row[1]) for row in read_rows("numbers.tsv")},
        vague_numbers=frozenset(row[0] for row in read_rows("vague_numbers.tsv")),
        ordinals={row[0]: int(row[1]) for row in read_rows("ordinals.tsv")},
        units={row[0]: Unit(row[1], row[2]) for row in read_rows("units.tsv")},
        seasons={row[0]: row[1] for row in read_rows("seasons.tsv")},
        day_parts={row[0]: row[1] for row in read_rows("day_parts.tsv")},
        references={row[0]: (row[1], row[2]) for row in read_rows("references.tsv")},
        sets={row[0]: row[1] for row in read_rows("sets.tsv")},
        relative_days={row[0]: (int(row[1]), row[2] if len(row) > 2 else "")
                       for row in read_rows("relative_days.tsv")},
        tense_cues=tuple((row[0], row[1]) for row in read_rows("tense_cues.tsv")),
        decades={row[0]: int(row[1]) for row in read_rows("decades.tsv")},
        point_modifiers=tuple(row[0] for row in read_rows("modifiers.tsv") if row[1] == "point"),
        approx_modifiers=tuple(row[0] for row in read_rows("modifiers.tsv") if row[1] == "approx"),
    )
