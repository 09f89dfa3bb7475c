"""Normalisers of calendar expressions: ISO and written dates, months, years, decades,
centuries, quarters and seasons."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from eventwire.time.calendar import nearest_year, quarter_of, quarter_value, week_value
from eventwire.time.lexicon import load_lexicon
from eventwire.time.patterns import Env, Normalised, after, before, fragments, parse_number, tense_of


def norm_iso(match: re.Match[str], env: Env) -> Normalised | None:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    try:
        day_ = date(year, month, day)
    except ValueError:
        return None
    if match["hh"]:
        return "TIME", f"{day_.isoformat()}T{match['hh']}:{match['mm']}", "day"
    return "DATE", day_.isoformat(), "day"


def norm_day_month(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    if not match["month"][0].isupper():
        return None
    month = lex.months[match["month"].lower().rstrip(".")]
    day = int(re.sub(r"\D", "", match["day"]))
    return calendar_date(match["year"], month, day, match, env)


def calendar_date(year_text: str | None, month: int, day: int, match: re.Match[str],
                   env: Env) -> Normalised | None:
    if not 1 <= day <= 31:
        return None
    if year_text:
        year = int(year_text)
    elif env.published:
        year = nearest_year(env.published, month, day, tense_of(env, match))
    elif (stated := _stated_year(env.text, match.start())) is not None:
        year = stated
    else:
        return "DATE", None, "day"
    try:
        return "DATE", date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _stated_year(text: str, start: int) -> int | None:
    """Return the year of the last full date written before `start` in its paragraph, or None.

    Without a publication date, "between 27 April- 4 May" after "On 30 April 2020" is in 2020.
    """
    paragraph = text.rfind("\n", 0, start) + 1
    found = None
    for found in stated_date_pattern().finditer(text, paragraph, start):
        pass
    return int(found["year"]) if found else None


@cache
def stated_date_pattern() -> re.Pattern[str]:
    """Match a written date with its year: "30 April 2020", "April 30, 2020"."""
    f = fragments()
    return re.compile(rf"\b(?:{f.day}\s+(?:of\s+)?(?:{f.month})|(?:{f.month})\s+{f.day}),?\s+(?P<year>{f.year})\b",
                      re.IGNORECASE)


def norm_slash(match: re.Match[str], env: Env) -> Normalised | None:
    first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    month, day = (first, second) if first <= 12 else (second, first)
    try:
        return "DATE", date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def norm_month(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    name = match["month"]
    month = lex.months[name.lower().rstrip(".")]
    relation = (match["rel"] or "").lower().split()
    if not name[0].isupper():
        return None
    if not match["year"] and not relation and not match["point"]:
        preceding = before(env, match, 14)
        cued = re.search(r"(?:\b(?:in|since|until|till|by|through|during|from|to|between|before|after|of|and)"
                         r"|[-–])\s*$", preceding)
        if len(name) <= 4 and not name.endswith(".") and name.lower() not in ("may", "june", "july"):
            return None
        if name.lower().rstrip(".") in ("may", "march", "jan", "jun", "jul", "aug", "sept", "sep",
                                        "oct", "nov", "dec", "feb", "apr") and not cued:
            return None
    if match["year"]:
        return "DATE", f"{int(match['year']):04d}-{month:02d}", "month"
    if not env.published:
        return "DATE", None, "month"
    if "last" in relation or "previous" in relation:
        year = env.published.year - (1 if month >= env.published.month else 0)
    elif "next" in relation or "coming" in relation:
        year = env.published.year + (1 if month <= env.published.month else 0)
    elif "this" in relation:
        year = env.published.year
    else:
        year = nearest_year(env.published, month, None, tense_of(env, match))
    return "DATE", f"{year:04d}-{month:02d}", "month"


def norm_year(match: re.Match[str], env: Env) -> Normalised | None:
    year = int(match["year"])
    following = after(env, match, 12)
    preceding = before(env, match, 3)
    if re.match(r"\s*(?:%|percent|per\s+cent|[-–]?\d)|[.,]\d", following) or re.search(r"[$£€#.,\d]\s*$", preceding):
        return None
    if year < 1900 and not match["point"] and not re.search(
            r"\b(?:in|since|of|by|from|until|till|to|before|after|during|between|and)\s+$", before(env, match, 10)):
        return None
    return "DATE", f"{year:04d}", "year"


def norm_spelled_year(match: re.Match[str], env: Env) -> Normalised | None:
    """"nineteen ninety-seven" -> 1997, "two thousand and one" -> 2001."""
    lex = load_lexicon()
    if match["millennium"]:
        if not re.match(r"the\s+year", match.group(0), re.IGNORECASE) and not re.search(
                r"\b(?:in|since|by|until|of)\s+$", before(env, match, 8)):
            return None
        rest = parse_number(match["rest2"], lex) if match["rest2"] else 0.0
        return None if rest is None or rest >= 100 else ("DATE", f"{2000 + int(rest):04d}", "year")
    century = lex.numbers[match["century"].lower()]
    rest = parse_number(match["rest"], lex)
    if rest is None or not 10 <= rest < 100:
        return None
    return "DATE", f"{century * 100 + int(rest):04d}", "year"


def norm_half_year(match: re.Match[str], env: Env) -> Normalised | None:
    """"the first half of 2019" -> "2019-H1"; "the second half of the year" from publication."""
    half = 1 if match["which"].lower() == "first" else 2
    if match["year"]:
        return "DATE", f"{int(match['year']):04d}-H{half}", "quarter"
    if not env.published:
        return "DATE", None, "quarter"
    year = env.published.year + {"last": -1, "next": 1}.get((match["rel"] or "").lower(), 0)
    return "DATE", f"{year:04d}-H{half}", "quarter"


def norm_week_of(match: re.Match[str], env: Env) -> Normalised | None:
    """"the week of March 6" -> the ISO week holding that day."""
    name, day = match["month"] or match["month2"], match["day"] or match["day2"]
    if not name[0].isupper():
        return None
    month = load_lexicon().months[name.lower().rstrip(".")]
    found = calendar_date(match["year"], month, int(re.sub(r"\D", "", day)), match, env)
    if found is None or found[1] is None:
        return None if found is None else ("DATE", None, "week")
    return "DATE", week_value(date.fromisoformat(found[1])), "week"


def norm_decade(match: re.Match[str], env: Env) -> Normalised | None:
    """"the 1990s", "the '80s", "the nineties" -> "199X"; a two-digit decade is the 1900s unless
    it is already over in this century ("the '10s" written in 2021 -> "201X")."""
    if match["century"]:
        return "DATE", f"{match['century']}{match['digit']}X", "decade"
    digit = int(match["short"]) if match["short"] else load_lexicon().decades[match["word"].lower()]
    century = 20 if env.published and 2000 + digit * 10 + 10 <= env.published.year else 19
    return "DATE", f"{century}{digit}X", "decade"


def norm_century(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    ordinal = match["ordinal"].lower()
    number = int(ordinal[:-2]) if ordinal[:-2].isdigit() else lex.ordinals.get(ordinal)
    if number is None:
        return None
    return "DATE", f"{number - 1:02d}", "century"


def norm_quarter(match: re.Match[str], env: Env) -> Normalised | None:
    lex = load_lexicon()
    ordinal = match["ordinal"] or ""
    quarter = int(match["qnum"]) if match["qnum"] else lex.ordinals.get(ordinal.lower(), 0)
    if not 1 <= quarter <= 4:
        return None
    year_text = match["year"] or match["year2"]
    if year_text:
        return "DATE", quarter_value(int(year_text), quarter), "quarter"
    if not env.published:
        return "DATE", None, "quarter"
    year = env.published.year
    qualifier = (match["qual"] or "").lower()
    if re.search(r"year[- ](?:ago|earlier)|last\s+year", qualifier):
        year -= 1
    elif re.search(r"next\s+year", qualifier):
        year += 1
    elif quarter > quarter_of(env.published) and tense_of(env, match) != "future":
        year -= 1
    return "DATE", quarter_value(year, quarter), "quarter"


def norm_season(match: re.Match[str], env: Env) -> Normalised | None:
    code = load_lexicon().seasons[match["season"].lower()]
    relation = (match["rel"] or "").lower()
    if match["year"]:
        return "DATE", f"{int(match['year']):04d}-{code}", "season"
    if relation in ("", "the") and match["season"].lower() == "fall":
        return None
    if relation == "the" and re.match(r"\s+of\b", after(env, match)):
        return None
    if not env.published:
        return "DATE", None, "season"
    year = env.published.year
    season_start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    current = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        env.published.month, "FA")
    if "last" in relation or "past" in relation or "previous" in relation:
        year -= 1 if season_start > env.published.month or code == current else 0
    elif "next" in relation or "coming" in relation:
        year += 1 if season_start <= env.published.month else 0
    elif "this" not in relation and season_start > env.published.month and tense_of(env, match) == "past":
        year -= 1
    return "DATE", f"{year:04d}-{code}", "season"
