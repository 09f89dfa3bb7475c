"""Shared pieces of the temporal rules: sub-patterns built from the lexicon, number parsing,
and the environment a normaliser sees (text, publication date, clause tense)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from eventwire.time.lexicon import Lexicon, load_lexicon

Normalised = tuple[str, "str | None", "str | None"]
END = r"(?![\w])"


@dataclass(frozen=True, slots=True)
class Env:
    """What a normaliser may look at: the text, the publication date and the clause tense."""

    text: str
    published: date | None
    tense: Callable[[int, int], "str | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern and the function that normalises its matches."""

    name: str
    pattern: re.Pattern[str]
    normalise: Callable[[re.Match[str], Env], "Normalised | None"]


def alt(words: object) -> str:
    """Return a non-capturing alternation of `words`, longest first, spaces matching any blank."""
    escaped = sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


@dataclass(frozen=True, slots=True)
class Fragments:
    """Sub-patterns shared by the rules."""

    month: str
    weekday: str
    number: str
    vague: str
    ordinal: str
    unit: str
    season: str
    day_part: str
    point: str
    approx: str
    approx_the: str
    year: str = r"(?:1[89]\d\d|20\d\d)"
    day: str = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"


@cache
def fragments() -> Fragments:
    """Build the shared sub-patterns from the lexicon."""
    lex = load_lexicon()
    number_words = [w for w in lex.numbers if w not in ("a", "an")]
    word = alt(number_words)
    return Fragments(
        month=alt(w for w in lex.months if len(w) > 4 or w == "may") + "|" + alt(
            w for w in lex.months if len(w) <= 4 and w != "may") + r"\.?",
        weekday=alt(w for w in lex.weekdays if len(w) > 4),
        number=(rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|{word}(?:(?:\s+and\s+|[\s-]+){word})*"
                r"|a\s+couple\s+of|a\s+dozen|an?)"),
        vague=alt(lex.vague_numbers),
        ordinal=alt(lex.ordinals),
        unit=alt(lex.units),
        season=alt(lex.seasons),
        day_part=alt(lex.day_parts),
        point=alt(lex.point_modifiers),
        approx=alt(lex.approx_modifiers),
        approx_the=alt(w for w in lex.approx_modifiers if w not in ("over", "under", "within")),
    )


def parse_number(text: str, lex: Lexicon) -> float | None:
    """Return the value of a number in digits or words ("twenty-five", "2 1/2", "a dozen")."""
    text = text.lower().strip()
    if match := re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", text.replace(",", "")):
        value = float(match.group(1))
        if match.group(2):
            value += int(match.group(2)) / int(match.group(3))
        return value
    total = current = 0
    found = False
    for token in re.split(r"[\s-]+", text):
        if token in ("and", "of") or (token in ("a", "an") and found is False and text not in ("a", "an")):
            continue
        if token not in lex.numbers:
            return None
        found = True
        value = lex.numbers[token]
        if value == 100:
            current = max(current, 1) * 100
        elif value == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += value
    return float(total + current) if found else None


def before(env: Env, match: re.Match[str], width: int = 12) -> str:
    """Return the lower-case text just before the match."""
    return env.text[max(0, match.start() - width):match.start()].lower()


def after(env: Env, match: re.Match[str], width: int = 16) -> str:
    """Return the lower-case text just after the match."""
    return env.text[match.end():match.end() + width].lower()


def tense_of(env: Env, match: re.Match[str]) -> str | None:
    return env.tense(match.start(), match.end())
