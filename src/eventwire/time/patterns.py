"""Shared pieces of the temporal rules: sub-patterns built from the lexicon, number parsing,
and the environment a normaliser sees (text, publication date, clause tense)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from eventwire.time.lexicon import Lexicon, load_lexicon

Normalised = tuple[str, "str | None", "str | None"]
END = r"(?![\w])"
# what `fold_pattern` cannot read as plain text: numbered, hex, octal and named-character
# escapes and inline flags (a letter written another way, or case sensitivity switched back on)
UNFOLDABLE = re.compile(r"\\[xuUN0-9]|\(\?[aiLmsux-]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True, slots=True)
class Env:
    """What a normaliser may look at: the text, the publication date and the clause tense."""

    text: str
    published: date | None
    tense: Callable[[int, int], "str | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern and the function that normalises its matches.

    `pattern` is case-insensitive; `folded` (from `fold_pattern`, None where it cannot be
    made) is the same pattern without the flag, for the lower-cased text, where Python's
    regular expressions run about twice as fast.
    """

    name: str
    pattern: re.Pattern[str]
    normalise: Callable[[re.Match[str], Env], "Normalised | None"]
    folded: re.Pattern[str] | None = None
    cues: tuple[str, ...] = ()  # lower-case words, one of which every match holds (none: no test)

    def finditer(self, text: str, folded_text: str | None) -> Iterator[re.Match[str]]:
        """Yield the matches of `pattern` in `text`, as `pattern.finditer(text)` does.

        With `folded_text` (`fold_text(text)`), the folded pattern finds where they start and
        `pattern` matches the text there, so the groups keep the text's case; a folded text
        without any of `cues` is not scanned.
        """
        if folded_text is None or self.folded is None:
            yield from self.pattern.finditer(text)
            return
        if self.cues and not any(cue in folded_text for cue in self.cues):
            return  # a text without any of the rule's words holds no match (a scan skipped)
        match_at = self.pattern.match
        for found in self.folded.finditer(folded_text):
            yield match_at(text, found.start())  # type: ignore[misc]


def fold_pattern(source: str) -> str | None:
    """Return `source` with its upper-case letters lowered, to be compiled without IGNORECASE
    for lower-cased text, or None where that could match differently: an upper-case letter in
    a character class, a non-ASCII letter with a case, or escapes and flags it does not read
    (`UNFOLDABLE`).

    Escapes (`\\S`, `\\W`) and group names keep their case.
    """
    if UNFOLDABLE.search(source):
        return None
    folded: list[str] = []
    i, in_class = 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            folded.append(source[i:i + 2])
            i += 2
            continue
        if not in_class and source.startswith(("(?P<", "(?P="), i):
            end = source.index(">" if source[i + 3] == "<" else ")", i)
            folded.append(source[i:end + 1])
            i = end + 1
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class and source[i - 1] != "[" and source[i - 2:i] != "[^":
            in_class = False
        elif "A" <= char <= "Z":
            if in_class:
                return None
            char = char.lower()
        elif not char.isascii() and char.lower() + char.upper() != 2 * char:
            return None
        folded.append(char)
        i += 1
    return "".join(folded)


def fold_text(text: str) -> str | None:
    """Return `text` lower-cased for the folded patterns, or None when a case-insensitive
    pattern could read it otherwise than the folded one reads the lowered text.

    The folded patterns hold ASCII letters and caseless characters only (`fold_pattern`), so a
    non-ASCII character of the text matches them, either way, only where it is a letter,
    digit or space; lowering keeps that when it keeps the length, gives no ASCII letter and
    the character has no ASCII upper case ("é" passes; the Kelvin sign, "ſ" and "ı", which
    IGNORECASE matches with "k", "s" and "i", and "İ", which lowers to two, do not).
    """
    if not text.isascii():
        for char in set(NON_ASCII.findall(text)):
            lower, upper = char.lower(), char.upper()
            if lower == char == upper:
                continue
            if (len(lower) != 1 or lower.isascii() or upper.isascii() or lower.isalnum() != char.isalnum()
                    or lower.isdecimal() != char.isdecimal() or lower.isspace() != char.isspace()):
                return None
    return text.lower()


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
