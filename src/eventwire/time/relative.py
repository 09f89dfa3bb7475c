"""Normalisers of expressions relative to the publication date (weekdays, "yesterday", "last
week", "three days ago"), durations, sets, clock times and vague references."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache

from eventwire.time.absolute import calendar_date
from eventwire.time.calendar import duration_value, period_value, quarter_of, quarter_value, shift, weekday_date
from eventwire.time.lexicon import load_lexicon
from eventwire.time.patterns import Env, Normalised, after, alt, parse_number, tense_of


def norm_weekday(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    name = match["weekday"]
    if not name[0].isupper():
        return None
    weekday = lex.weekdays[name.lower()]
    part = (match["part"] or "").lower()
    part_code = lex.day_parts.get(part, "")
    if match["plural"] or match["parts"]:
        return "SET", f"XXXX-WXX-{weekday}" + (f"T{part_code}" if part_code else ""), None
    if not env.published:
        return ("TIME" if part_code else "DATE"), None, "day"
    relation = (match["rel"] or "").lower()
    offset = -1 if re.search(r"last|previous", relation) else 1 if re.search(r"next|following|coming", relation) else 0
    tense = "future" if "this" in relation and offset == 0 else tense_of(env, match)
    day = weekday_date(env.published, weekday, tense, offset)
    if part_code:
        return "TIME", f"{day.isoformat()}T{part_code}", "day"
    return "DATE", day.isoformat(), "day"


def norm_night_of(match: re.Match[str], env: Env) -> Normalised | None:
    """Date "the night of Tuesday to Wednesday" by its second day, when its small hours fall."""
    lex = load_lexicon()
    if match["month"]:
        month = lex.months[match["month"].lower().rstrip(".")]
        return calendar_date(match["year"], month, int(re.sub(r"\D", "", match["day2"])), match, env)
    first, second = lex.weekdays[match["first"].lower()], lex.weekdays[match["second"].lower()]
    if (second - first) % 7 != 1:
        return None
    if not env.published:
        return "DATE", None, "day"
    day = weekday_date(env.published, second, tense_of(env, match))
    return "DATE", day.isoformat(), "day"


def norm_relative_day(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    offset, part_code = lex.relative_days[match["word"].lower()]
    if match["part"]:
        part_code = lex.day_parts[match["part"].lower()]
    if not env.published:
        return ("TIME" if part_code else "DATE"), None, "day"
    day = env.published + timedelta(days=offset)
    if part_code:
        return "TIME", f"{day.isoformat()}T{part_code}", "day"
    return "DATE", day.isoformat(), "day"


def norm_part_of_day(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    part_code = lex.day_parts[match["part"].lower()]
    relation = match["rel"].lower()
    if not env.published:
        return "TIME", None, "day"
    offset = -1 if relation in ("last", "yesterday") else 1 if relation == "tomorrow" else 0
    if relation == "last" and part_code != "NI":
        return None
    return "TIME", f"{(env.published + timedelta(days=offset)).isoformat()}T{part_code}", "day"


def anaphor_value(offset: int, unit: str, *, keep_precision: bool = False, fallback: str = "",
                  quarter_only: bool = False) -> str:
    """Return the placeholder value of a period counted from the last date mentioned ("that year").

    The tagger replaces it ("REF+1M": the month after the reference date) once the text before
    the expression is known. With `keep_precision` the result keeps the reference's precision
    ("a year earlier" than "the third quarter" of 1989 is 1988-Q3); `fallback` is the value
    to use when no reference precedes. With `quarter_only` the reference counts only when it is
    a quarter ("third-quarter net ... up from $5 million a year ago": that quarter of the year
    before); else the fallback is used.
    """
    flag = "^" if quarter_only else "~" if keep_precision else ""
    return f"{ANAPHOR_PREFIX}{offset:+d}{unit}{flag}|{fallback}"


def norm_relative_period(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    word = match["unit"].lower()
    unit = "WE" if word == "weekend" else lex.units[word].code
    relation = re.sub(r"\s+", " ", match["rel"].lower())
    if relation == "the" and unit not in ("WE", "Q"):
        return None
    precision = lex.units[word].precision if unit != "WE" else "week"
    if relation in ("the same", "that", "the following"):
        return "DATE", anaphor_value(1 if relation == "the following" else 0, unit), precision
    if unit == "D":
        offset = {"the next": 1, "the previous": -1}.get(relation)
        return None if offset is None else ("DATE", anaphor_value(offset, unit), precision)
    if relation == "the present":
        return "DATE", None, precision
    if not env.published:
        return "DATE", None, lex.units[word].precision if unit != "WE" else "week"
    step = "W" if unit == "WE" else unit
    if relation in ("last", "past", "previous", "the last", "the past", "the previous") or (
            unit == "Q" and "latest" in relation):
        offset = -1
    elif relation in ("next", "coming", "following", "the next", "the coming", "upcoming", "the upcoming"):
        offset = 1
    elif relation == "the" and unit == "Q":
        offset = -1
    elif relation == "the" and unit == "WE":
        offset = -1 if tense_of(env, match) == "past" and env.published.isoweekday() < 6 else 0
    else:
        offset = 0
    found = period_value(shift(env.published, step, offset), unit)
    return ("DATE", *found) if found else None


def norm_ago(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    unit = lex.units[match["unit"].lower()]
    direction = match["dir"].lower()
    count = None if match["vague"] else parse_number(match["count"], lex)
    if count is None:
        return "DATE", "FUTURE_REF" if direction in ("from now", "hence") else "PAST_REF", None
    found = _from_publication(env, unit.code, (1 if direction in ("from now", "hence") else -1) * int(count))
    if direction == "ago" and unit.code == "Y" and count == 1 and found:
        return "DATE", anaphor_value(-1, "Y", fallback=found[1], quarter_only=True), "year"
    if direction == "earlier" and unit.code not in ("H", "MIN", "S"):
        fallback = found[1] if found else ""
        return "DATE", anaphor_value(-int(count), unit.code, keep_precision=True, fallback=fallback), unit.precision
    return found or ("DATE", None, unit.precision)


def _from_publication(env: Env, unit: str, count: int) -> Normalised | None:
    if not env.published:
        return None
    if unit in ("H", "MIN", "S"):
        return "DATE", env.published.isoformat(), "day"
    moved = shift(env.published, unit, count)
    if moved is None:
        return None
    if unit in ("DE", "CE"):
        return "DATE", f"{moved.year:04d}", "year"
    found = period_value(moved, unit)
    return ("DATE", *found) if found else None


ANAPHOR_PREFIX = "REF"


@cache
def rate_before() -> re.Pattern[str]:
    """Match a count right before "a week" that makes it a rate ("four flights a week": a SET)."""
    words = alt(w for w in load_lexicon().numbers if w not in ("a", "an"))
    return re.compile(rf"(?:[$€£]?\d(?:[\d,.]*\d)?|\b{words}s?|\bonce|\btwice)\s+(?:[\w-]+\s+){{0,2}}$",
                      re.IGNORECASE)


def norm_duration(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    unit = lex.units[match["unit"].lower()]
    if match["vague"]:
        return "DURATION", duration_value(None, unit.code), unit.precision
    count = parse_number(match["count"], lex)
    if count is None:
        return None
    if re.fullmatch(r"\d{4}", match["count"]) or re.match(r"[\s-]+old\b", after(env, match)):
        return None
    single = match["count"].lower() in ("a", "an", "one")
    if match["unit"][0].isupper() and match.start("unit") > match.start():
        return None
    if unit.code == "Q" and re.match(r"\s+of\b", after(env, match)):
        return None
    if single and not match["half"] and unit.code == "S":
        return None
    if match["count"].lower() in ("a", "an") and rate_before().search(
            env.text[max(0, match.start() - 40):match.start()]):
        return "SET", duration_value(1, unit.code), None
    if match["half"]:
        count += 0.5
    if count > 10000:
        return None
    return "DURATION", duration_value(count, unit.code), unit.precision


def norm_half(match: re.Match[str], env: Env) -> Normalised | None:
    unit = load_lexicon().units[match["unit"].lower()]
    return "DURATION", duration_value(0.5, unit.code), unit.precision


def norm_plural_duration(match: re.Match[str], env: Env) -> Normalised | None:
    unit = load_lexicon().units[match["unit"].lower()]
    return "DURATION", duration_value(None, unit.code), unit.precision


def norm_set(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    if match["word"]:
        if re.match(r"\s+(?!(?:and|or|but|at|in|on|for|by|to|from|since|until|with|as|than|basis)\b)[A-Za-z]",
                    env.text[match.end():match.end() + 12]):
            return None
        return "SET", lex.sets[match["word"].lower()], None
    if match["weekday"]:
        return "SET", f"XXXX-WXX-{lex.weekdays[match['weekday'].lower()]}", None
    if match["part"]:
        return "SET", f"XXXX-XX-XXT{lex.day_parts[match['part'].lower()]}", None
    unit = lex.units[match["unit"].lower()]
    count = 2 if match["other"] else parse_number(match["count"], lex) if match["count"] else 1
    return "SET", duration_value(count, unit.code), None


def norm_clock(match: re.Match[str], env: Env) -> Normalised | None:
    word = (match["word"] or "").lower()
    hour_text, minute_text = match["hour"] or match["hour2"], match["minute"] or match["minute2"]
    minute = int(minute_text or 0)
    if word:
        hour = 12 if word in ("noon", "midday") else 24
    elif match["ampm"]:
        hour = int(hour_text)
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
    else:
        hour = int(hour_text)
    if hour > 24 or minute > 59:
        return None
    if not env.published:
        return "TIME", None, "day"
    clock = "24" if hour == 24 else f"{hour:02d}:{minute:02d}"
    return "TIME", f"{env.published.isoformat()}T{clock}", "day"


def norm_reference(match: re.Match[str], env: Env) -> Normalised | None:
    phrase = re.sub(r"\s+", " ", match["phrase"].lower())
    kind, value = load_lexicon().references[phrase]
    return kind, value, None


def norm_year_end(match: re.Match[str], env: Env) -> Normalised | None:
    if not env.published:
        return "DATE", None, "year"
    year = env.published.year + (-1 if (match["rel"] or "").lower() == "last" else 0)
    return "DATE", f"{year:04d}", "year"


def norm_year_ended(match: re.Match[str], env: Env) -> Normalised | None:
    """"the fiscal year ended Jan. 31" is a year-long period: "P1Y"."""
    return "DURATION", duration_value(1, "Y"), "year"


def norm_year_ago(match: re.Match[str], env: Env) -> Normalised | None:
    """"the year-ago quarter" (period) and the adjective "year-earlier" (results), as in earnings reports.

    The quarter is that of the last date mentioned, a year before; without one (or when that
    date is a year), the last full quarter before publication, a year before, for the period,
    and the year before publication for the bare adjective.
    """
    fallback = ""
    if env.published:
        year = env.published.year - 1
        quarter = quarter_of(env.published) - 1
        if quarter == 0:
            year, quarter = year - 1, 4
        fallback = quarter_value(year, quarter) if match["unit"] else f"{env.published.year - 1:04d}"
    return "DATE", anaphor_value(-1, "Y", fallback=fallback), "quarter"
