"""Regular-expression rules of the temporal tagger: one pattern and one normaliser per family.

Each rule finds candidate spans; its normaliser (in `absolute` and `relative`) turns a match
into a TIMEX3 type, value and precision relative to the publication date (value None when
that date is unknown and the expression is relative).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from eventwire.time import absolute, relative
from eventwire.time.lexicon import load_lexicon
from eventwire.time.patterns import END, Env, Normalised, Rule, alt, fold_pattern, fragments


@cache
def rules() -> tuple[Rule, ...]:
    """Build every rule once."""
    f = fragments()
    lex = load_lexicon()
    point = rf"(?:(?P<point>{f.point})[\s-]+)?"
    approx = rf"(?:{f.approx}\s+(?!the\b)|{f.approx_the}\s+)*"
    relation = (r"(?:the\s+)?(?:last|past|previous|next|coming|following|current|this|that|same|upcoming"
                r"|latest|present)")
    table: list[tuple[str, str, Callable[[re.Match[str], Env], Normalised | None]]] = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?" + END, absolute.norm_iso),
        ("slash", r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})" + END, absolute.norm_slash),
        ("day_month", rf"\b{point}(?:the\s+)?(?P<day>{f.day})(?:\s+of)?\s+(?P<month>{f.month})"
                      rf"(?:,?\s+(?P<year>{f.year}))?" + END, absolute.norm_day_month),
        ("month_day", rf"\b{point}(?P<month>{f.month})\s+(?:the\s+)?(?P<day>{f.day})"
                      rf"(?:,?\s+(?P<year>{f.year}))?" + END, absolute.norm_day_month),
        ("month", rf"\b(?:(?P<rel>last|next|this|this\s+coming|the\s+previous|the\s+following|"
                  rf"the\s+coming)\s+)?{point}(?P<month>{f.month}),?(?:\s+(?:of\s+)?(?P<year>{f.year}))?" + END,
         absolute.norm_month),
        ("year", rf"\b{point}(?:(?:fiscal|calendar|the\s+year|fiscal\s+year|the\s+fiscal\s+year)\s+)?"
                 rf"(?P<year>1[6-9]\d\d|20\d\d)(?!['’]?s\b)" + END, absolute.norm_year),
        ("spelled_year", rf"\b(?:the\s+year\s+)?(?:(?P<century>nineteen|eighteen)\s+(?P<rest>{f.number})"
                         rf"|(?P<millennium>two\s+thousand)(?:\s+(?:and\s+)?(?P<rest2>{f.number}))?)" + END,
         absolute.norm_spelled_year),
        ("decade", rf"\b(?:the\s+)?{point}(?:(?P<century>1[6-9]|20)(?P<digit>\d)0['’]?s|['’](?P<short>\d)0['’]?s"
                   rf"|(?P<word>{alt(lex.decades)}))" + END, absolute.norm_decade),
        ("century", rf"\b(?:the\s+)?{point}(?P<ordinal>{f.ordinal}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+centur(?:y|ies)"
                    + END, absolute.norm_century),
        ("quarter", rf"\b(?:(?P<qual>(?:the|this|that|last|next)(?:\s+(?:comparable|same))?"
                    rf"(?:\s+(?:year[- ]ago|year[- ]earlier))?|year[- ]ago|year[- ]earlier|last\s+year['’]s"
                    rf"|this\s+year['’]s|next\s+year['’]s|the\s+(?P<year2>{f.year}))\s+)?"
                    rf"(?:(?:fiscal|calendar)[\s-]+)?(?:(?P<ordinal>{f.ordinal})(?:[\s-]+fiscal)?[\s-]+quarter"
                    rf"|q(?P<qnum>[1-4]))(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{f.year}))?" + END, absolute.norm_quarter),
        ("half_year", rf"\b(?:the\s+)?(?P<which>first|second|last|latter)\s+half\s+of\s+(?:(?P<year>{f.year})|"
                      rf"(?:the\s+|(?P<rel>this|last|next)\s+)year)" + END, absolute.norm_half_year),
        ("week_of", rf"\bthe\s+week\s+of\s+(?:(?P<month>{f.month})\s+(?P<day>{f.day})|(?P<day2>{f.day})\s+"
                    rf"(?P<month2>{f.month}))(?:,?\s+(?P<year>{f.year}))?" + END, absolute.norm_week_of),
        ("season", rf"\b(?:(?P<rel>last|next|this|the|the\s+past|the\s+coming|the\s+previous|early|late|mid)"
                   rf"[\s-]+)?(?P<season>{f.season})(?:\s+(?:of\s+)?(?P<year>{f.year}))?" + END, absolute.norm_season),
        ("night_of", rf"\b(?:the\s+)?night\s+(?:of|from)\s+(?:(?P<first>{f.weekday})\s+(?:to|into|and)\s+"
                     rf"(?P<second>{f.weekday})|(?P<day1>{f.day})\s+(?:to|into|and|-)\s+(?P<day2>{f.day})\s+"
                     rf"(?P<month>{f.month})(?:,?\s+(?P<year>{f.year}))?)" + END, relative.norm_night_of),
        ("weekday", rf"\b(?:(?P<rel>last|next|this|this\s+coming|the\s+previous|the\s+following|the\s+next|"
                    rf"coming|early|late)\s+)?(?P<weekday>{f.weekday})(?P<plural>s)?(?:['’]s)?"
                    rf"(?:,?\s+(?P<part>{f.day_part})(?P<parts>s)?)?" + END, relative.norm_weekday),
        ("relative_day", rf"\b(?P<word>{alt(lex.relative_days)})(?:['’]s)?(?:\s+(?P<part>{f.day_part}))?" + END,
         relative.norm_relative_day),
        ("part_of_day", rf"\b(?P<rel>last|this|tomorrow|yesterday)\s+(?P<part>{f.day_part})" + END,
         relative.norm_part_of_day),
        ("relative_period", rf"\b(?:(?:{f.point}|earlier|later)[\s-]+)?(?P<rel>{relation}|the)\s+"
                            r"(?P<unit>day|week|weekend|month|year|decade|century|quarter|fortnight)" + END,
         relative.norm_relative_period),
        ("year_ended", r"\b(?:the|its|their)\s+(?:(?:fiscal|financial|calendar)\s+)?year(?=\s+(?:ended|ending)\b)",
         relative.norm_year_ended),
        ("year_ago", r"\b(?:(?P<the>the)\s+(?:(?:comparable|same|corresponding|prior)\s+)?)?year[- ](?:ago|earlier)"
                     r"(?(the)\s+(?P<unit>quarter|period)|(?=\s+[a-z]))" + END, relative.norm_year_ago),
        ("period_year_ago", r"\bthe\s+(?:(?:comparable|same|corresponding|prior)\s+)?(?P<unit>quarter|period)\s+"
                            r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)" + END, relative.norm_year_ago),
        ("year_end", r"\b(?:(?P<rel>last|this|next)\s+)?year['’]?s?[\s-]+end" + END, relative.norm_year_end),
        ("ago", rf"\b{approx}(?:(?P<vague>{f.vague})|(?P<count>{f.number}))\s+(?P<unit>{f.unit})\s+"
                r"(?P<dir>ago|earlier|from\s+now|hence|back)" + END, relative.norm_ago),
        ("duration", rf"\b{approx}(?:(?:the|each\s+of\s+the)\s+)?(?:(?:first|last|past|next|coming|"
                     rf"previous|following|latest|final|remaining|initial)\s+)?"
                     rf"(?:(?P<vague>{f.vague})|(?P<count>{f.number}))"
                     r"(?:\s+(?:more|full|straight|consecutive|additional|trading|business|working|calendar|"
                     rf"long))?[\s-]+(?P<unit>{f.unit})(?P<half>\s+and\s+a\s+half)?" + END, relative.norm_duration),
        ("half", rf"\b{approx}half\s+an?\s+(?P<unit>{f.unit})" + END, relative.norm_half),
        ("plural_duration", r"(?<=\bfor\s)(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades"
                            r"|centuries)" + END, relative.norm_plural_duration),
        ("set", rf"\b(?:(?P<word>{alt(lex.sets)})|(?:every|each)\s+(?:(?P<other>other)\s+|"
                rf"(?P<count>{f.number})\s+)?(?:(?P<weekday>{f.weekday})|(?P<part>{f.day_part})|"
                rf"(?P<unit>{f.unit})))" + END, relative.norm_set),
        ("clock", r"\b(?:(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b)"
                  r"|(?P<hour2>\d{1,2}):(?P<minute2>\d{2})(?=\s*(?:GMT|UTC|local|hours|h\b))"
                  r"|(?P<word>noon|midday|midnight))", relative.norm_clock),
        ("reference", rf"\b(?P<phrase>{alt(lex.references)})" + END, relative.norm_reference),
    ]
    # words a rule's every match holds, written out in its pattern above (the lexicon's words
    # by their first word): a text without any of them is not scanned for the rule
    cues = {
        "quarter": ("quarter", "q1", "q2", "q3", "q4"),
        "century": ("centur",),
        "half": ("half",),
        "half_year": ("half",),
        "decade": ("0s", "0's", "0’s", *_first_words(lex.decades)),
        "season": _first_words(lex.seasons),
        "spelled_year": ("nineteen", "eighteen", "thousand"),
        "night_of": ("night",),
        "week_of": ("week",),
        "year_ago": ("year ago", "year-ago", "year earlier", "year-earlier"),
        "period_year_ago": ("quarter", "period"),
        "year_ended": ("ended", "ending"),
    }
    return tuple(Rule(name, re.compile(pattern, re.IGNORECASE), function, _compile_folded(pattern),
                      cues.get(name, ()))
                 for name, pattern, function in table)


def _first_words(words: object) -> tuple[str, ...]:
    return tuple(sorted({word.lower().split()[0] for word in words}))  # type: ignore[attr-defined]


def _compile_folded(pattern: str) -> re.Pattern[str] | None:
    folded = fold_pattern(pattern)
    return re.compile(folded) if folded is not None else None
