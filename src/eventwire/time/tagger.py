"""Rule-based temporal tagger: TIMEX3 expressions normalised against the publication date."""

from __future__ import annotations

import dataclasses
import logging
import re
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from eventwire.context import Context
from eventwire.model import Article, Evidence, TimeExpression
from eventwire.registry import register
from eventwire.time.calendar import period_value, reference_day, shift
from eventwire.time.lexicon import DATA_VERSION, load_lexicon
from eventwire.time.patterns import Env, fold_text
from eventwire.time.relative import ANAPHOR_PREFIX
from eventwire.time.rules import rules

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

CODER = "time.rules.v1"
CLAUSE_LEFT = re.compile(r"(?:[.!?;:]\s|\n|,\s+(?:but|and|while|after|before|when)\s)")
CLAUSE_RIGHT = re.compile(r"(?:[.!?;](?:\s|$)|\n)")
CLOCK_TO_DATE_GAP = re.compile(r"(?:\s*\([^()]{1,24}\))?,?\s+(?:(?:EST|EDT|CST|PST|GMT|UTC|local\s+time),?\s+)?"
                               r"(?:on\s+)?$")
WEEKDAY_TO_DATE_GAP = re.compile(r",?\s+(?:the\s+)?$")
ANAPHOR = re.compile(ANAPHOR_PREFIX + r"([+-]\d+)(D|W|WE|FN|M|Q|Y|DE|CE)([~^]?)\|(.*)")
PRECISION_RANK = {name: rank for rank, name in enumerate(
    ("day", "week", "month", "quarter", "season", "year", "decade", "century"))}
PRECISION_UNIT = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
                  "century": "CE"}
DEADLINE = re.compile(r"\bby\s+$", re.IGNORECASE)
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "would", "wo", "'d"})


class Timex(NamedTuple):
    """A temporal expression found in a text: char span, TIMEX3 type, value and precision."""

    start: int
    end: int
    type: str
    value: str | None
    precision: str | None


class Candidate(NamedTuple):
    """A rule match on its way to becoming a `Timex`, with the name of its rule."""

    start: int
    end: int
    type: str
    value: str | None
    precision: str | None
    rule: str


@cache
def tense_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return the future and past cue patterns."""
    def pattern(tense: str) -> re.Pattern[str]:
        cues = (cue if cue.startswith("'") else rf"(?<![\w']){cue}"
                for cue, kind in load_lexicon().tense_cues if kind == tense)
        return re.compile(rf"(?:{'|'.join(cues)})\b", re.IGNORECASE)

    return pattern("future"), pattern("past")


def clause_tense(text: str, start: int, end: int) -> str | None:
    """Guess the tense ("past", "future" or None) of the clause around `text[start:end]`.

    The tense cue (auxiliary such as "will", "was", or a past verb form) nearest to the
    span decides.

    Example:
        clause_tense("He will meet them on Friday.", 21, 27) == "future"
    """
    left = text[max(0, start - 160):start]
    boundaries = list(CLAUSE_LEFT.finditer(left))
    left_from = start - len(left) + (boundaries[-1].end() if boundaries else 0)
    right = text[end:end + 160]
    stop = CLAUSE_RIGHT.search(right)
    right_to = end + (stop.start() if stop else len(right))
    future, past = tense_cues()
    best: tuple[int, str] | None = None
    for pattern, tense in ((future, "future"), (past, "past")):
        for match in pattern.finditer(text, left_from, right_to):
            if start <= match.start() < end:
                continue
            distance = start - match.end() if match.end() <= start else match.start() - end
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None


def find_times(text: str, published: date | None, *, doc: Any = None) -> list[Timex]:
    """Return the temporal expressions of `text`, normalised against `published`.

    Relative expressions ("yesterday", "last week", "on Friday") get value None when
    `published` is None; absolute ones ("2 May 2019") are always resolved. With the spaCy
    `doc` of `text`, the tense of a clause comes from its verb; else from cue words.

    Example:
        find_times("He left yesterday.", date(2020, 1, 8))[0].value == "2020-01-07"
    """
    def tense(start: int, end: int) -> str | None:
        if DEADLINE.search(text, max(0, start - 4), start):
            return "future"
        return (verb_tense(doc, start, end) if doc is not None else None) or clause_tense(text, start, end)

    env = Env(text, published, tense)
    candidates: list[tuple[int, int, int, Candidate]] = []
    folded = fold_text(text)
    for order, rule in enumerate(rules()):
        for match in rule.finditer(text, folded):
            found = rule.normalise(match, env)
            if found is None:
                continue
            start, end = _trim(text, match.start(), match.end())
            if end <= start:
                continue
            candidates.append((-(end - start), start, order, Candidate(start, end, *found, rule.name)))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for _, _, _, timex in sorted(candidates):
        if all(timex.end <= start or timex.start >= end for start, end in taken):
            chosen.append(timex)
            taken.append((timex.start, timex.end))
    return [Timex(*candidate[:5]) for candidate in _resolve_anaphors(_merge(text, sorted(chosen)))]


def verb_tense(doc: Any, start: int, end: int) -> str | None:
    """Return the tense of the verb governing `doc.text[start:end]` from the parse, or None.

    "will/would/shall" make it future; a past form (VBD, VBN, "was meeting") past; a present
    progressive ("is meeting") future; anything else (an infinitive, the present) None.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & FUTURE_AUXILIARIES:
        return "future"
    if any(child.tag_ in ("VBD",) for child in auxiliaries) or verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "future"
    return None


def _resolve_anaphors(candidates: list[Candidate]) -> list[Candidate]:
    """Resolve "that year", "the next day", "a year earlier" against the last date mentioned.

    The reference must be at least as precise as the period asked for ("that day" needs a
    day). Unresolvable, "that day" is dropped, "a year earlier" falls back to its value
    counted from publication, other periods keep value None.
    """
    resolved = []
    reference: tuple[date, str] | None = None
    for candidate in candidates:
        value = candidate.value
        if value and value.startswith(ANAPHOR_PREFIX):
            candidate = _resolve_anaphor(candidate, ANAPHOR.fullmatch(value), reference)
            if candidate is None:
                continue
        elif candidate.type in ("DATE", "TIME") and (day := reference_day(value)) is not None:
            reference = (day, candidate.precision or "day")
        resolved.append(candidate)
    return resolved


def _resolve_anaphor(candidate: Candidate, match: re.Match[str] | None,
                     reference: tuple[date, str] | None) -> Candidate | None:
    if match is None:
        return candidate._replace(value=None)
    offset, unit, keep, fallback = int(match.group(1)), match.group(2), match.group(3), match.group(4)
    found = None
    if keep == "^":
        if reference is not None and reference[1] == "quarter":
            found = period_value(shift(reference[0], unit, offset), "Q")
    elif reference is not None and _rank(reference[1]) <= _rank(candidate.precision):
        precision = reference[1] if keep else candidate.precision
        moved = shift(reference[0], "W" if unit == "WE" else unit, offset)
        found = period_value(moved, "WE" if unit == "WE" else PRECISION_UNIT.get(precision, unit))
    if found is not None:
        return candidate._replace(value=found[0], precision=found[1])
    if fallback:
        return candidate._replace(value=fallback)
    return None if candidate.precision == "day" else candidate._replace(value=None)


def _rank(precision: str | None) -> int:
    return PRECISION_RANK.get(precision or "", len(PRECISION_RANK))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,\t\n":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _merge(text: str, timexes: list[Candidate]) -> list[Candidate]:
    """Join a clock time or weekday with the calendar date right after it ("5 p.m. EST Nov. 9")."""
    merged: list[Candidate] = []
    for timex in timexes:
        if merged:
            last = merged[-1]
            gap = text[last.end:timex.start]
            if (last.rule == "clock" and timex.precision == "day" and timex.type == "DATE"
                    and CLOCK_TO_DATE_GAP.fullmatch(gap)):
                clock = last.value.split("T", 1)[1] if last.value else None
                value = f"{timex.value}T{clock}" if timex.value and clock else None
                merged[-1] = Candidate(last.start, timex.end, "TIME", value, "day", "clock")
                continue
            if (last.rule == "weekday" and last.type == "DATE" and timex.rule in ("day_month", "month_day")
                    and WEEKDAY_TO_DATE_GAP.fullmatch(gap)):
                merged[-1] = Candidate(last.start, timex.end, timex.type, timex.value, timex.precision, timex.rule)
                continue
        merged.append(timex)
    return merged


def publication_date(published: str | None) -> date | None:
    """Return the date of an ISO publication timestamp ("2020-01-08T10:00:00Z"), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        logger.debug("unreadable publication date %r", published)
        return None


@register("time", "rules.v1")
def tag_times(article: Article, ctx: Context) -> Article:
    """Fill `article.times` with the temporal expressions of its text."""
    times = tuple(
        TimeExpression(
            text=article.text[timex.start:timex.end],
            type=timex.type,
            value=timex.value,
            precision=timex.precision,
            evidence=Evidence(max(article.sentence_at(timex.start), 0), timex.start, timex.end, CODER,
                              DATA_VERSION),
        )
        for timex in find_times(article.text, publication_date(article.published), doc=article.doc)
    )
    return dataclasses.replace(article, times=times)
