"""Tell English from other languages: script of the letters, then function-word shares."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

from eventwire.errors import NotEnglish

WORDS_FILE = "function_words.tsv"
SAMPLE_WORDS = 2_000
MIN_WORDS = 12          # fewer words than this: too little evidence, only the script is checked
# another language wins only on positive evidence, a clear lead of its function words:
# English notes full of foreign place names ("Al Jabal Al Gharbi", "Sao Paulo") have few
# English function words but no foreign syntax. Either a large share with a lead...
MIN_FOREIGN_SHARE = 0.25
FOREIGN_LEAD = 0.1
# ... or, in text with few function words at all (tables, listings), a smaller share that
# outnumbers the English one several times over ("Classificação final ... após 36 etapas")
MIN_FOREIGN_RATIO_SHARE = 0.1
FOREIGN_RATIO = 3.0
# a Latin-script text with no such evidence is taken as English, however few English
# function words it has: a box-score page or a list of names is not "another language"
MIN_LATIN_SHARE = 0.5
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# addresses are no evidence of a language (a Japanese page saved as Markdown is full of them)
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ADDRESS = re.compile(r"\]\([^)\s]*\)|(?:https?://|www\.)\S+|\S+@\S+\.\w+")
# a text mostly in another script: the language that script is written for, or, where many
# languages share it, the script itself (a BCP 47 tag, "und-Cyrl": some language in Cyrillic)
SCRIPT_LANGUAGES: Mapping[str, tuple[str, str]] = MappingProxyType({
    "HIRAGANA": ("ja", "Japanese"), "KATAKANA": ("ja", "Japanese"), "CJK": ("zh", "Chinese"),
    "HANGUL": ("ko", "Korean"), "GREEK": ("el", "Greek"), "HEBREW": ("he", "Hebrew"), "THAI": ("th", "Thai"),
    "GEORGIAN": ("ka", "Georgian"), "ARMENIAN": ("hy", "Armenian"),
    "CYRILLIC": ("und-Cyrl", "a text in Cyrillic script"), "ARABIC": ("und-Arab", "a text in Arabic script"),
    "DEVANAGARI": ("und-Deva", "a text in Devanagari script"),
})


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The likely language: ISO 639-1 code ("en", "fr", "ja"), or a BCP 47 tag naming only
    the script ("und-Cyrl") where many languages share it, and a name for messages."""

    code: str
    name: str
    share: float


@dataclass(frozen=True, slots=True)
class FunctionWords:
    """Function words per language code, and the language names used in messages."""

    names: Mapping[str, str]
    words: Mapping[str, frozenset[str]]


@cache
def load_function_words() -> FunctionWords:
    """Return the function-word lists of `data/extract/function_words.tsv`, per language."""
    source = resources.files("eventwire").joinpath("data", "extract", WORDS_FILE).read_text("utf-8")
    names: dict[str, str] = {}
    words: dict[str, frozenset[str]] = {}
    for line in source.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, listed = line.split("\t")
        names[code] = name
        words[code] = frozenset(listed.split())
    return FunctionWords(MappingProxyType(names), MappingProxyType(words))


def guess_language(text: str) -> LanguageGuess:
    """Guess the language of `text` from its script and its share of function words; a
    Latin-script text is English unless another language's function words clearly win, a
    text mostly in another script is in that script's language (URLs and e-mail addresses
    aside). "und" (undetermined) is never the answer: a guess without evidence is English.

    Example:
        >>> guess_language("The minister said that the talks were over.").code
        'en'
        >>> guess_language("商品の改造が商標法違反に！？ https://www.example.com/blog/index.html").code
        'ja'
    """
    text = _ADDRESS.sub(" ", text)
    script, latin_share = _main_script(text)
    if latin_share < MIN_LATIN_SHARE:
        if script == "CJK" and _has_kana(text):  # Japanese writes Han characters among its kana
            script = "HIRAGANA"
        code, name = SCRIPT_LANGUAGES.get(script, ("und-Zzzz", f"a text in {script.title()} script"))
        return LanguageGuess(code, name, 1.0 - latin_share)
    tokens = [word.lower() for word in WORD.findall(text)[:SAMPLE_WORDS]]
    if len(tokens) < MIN_WORDS:
        return LanguageGuess("en", "English", 1.0)
    lists = load_function_words()
    counts = Counter(tokens)
    shares = {code: sum(counts[word] for word in words) / len(tokens) for code, words in lists.words.items()}
    english = shares.get("en", 0.0)
    best = max((code for code in shares if code != "en"), key=shares.__getitem__)
    foreign = shares[best]
    leads = foreign >= MIN_FOREIGN_SHARE and foreign >= english + FOREIGN_LEAD
    outnumbers = foreign >= MIN_FOREIGN_RATIO_SHARE and foreign >= FOREIGN_RATIO * english
    if leads or outnumbers:
        return LanguageGuess(best, lists.names[best], foreign)
    return LanguageGuess("en", lists.names["en"], english)


def check_english(text: str) -> str:
    """Return "en" when `text` reads as English, else raise `NotEnglish` naming what it looks like."""
    guess = guess_language(text)
    if guess.code != "en":
        raise NotEnglish(f"not English: looks like {guess.name}")
    return guess.code


def _has_kana(text: str) -> bool:
    return any(unicodedata.name(char, "").startswith(("HIRAGANA", "KATAKANA")) for char in text[: SAMPLE_WORDS * 8])


def _main_script(text: str) -> tuple[str, float]:
    """Return the most frequent script among the letters of `text` other than Latin ("LATIN"
    when there is none) and the share of Latin ones."""
    sample = text[: SAMPLE_WORDS * 8]
    scripts: Counter[str] = Counter()
    latin = len(_ASCII_LETTER.findall(sample))  # ASCII letters are Latin: no name to look up
    if latin:
        scripts["LATIN"] = latin
    for char in _NON_ASCII.findall(sample):
        if char.isalpha():
            name = unicodedata.name(char, "UNKNOWN")
            scripts["CJK" if name.startswith("CJK") else name.split(" ")[0]] += 1
    total = sum(scripts.values())
    if not total:
        return "LATIN", 1.0
    others = [script for script, _ in scripts.most_common() if script != "LATIN"]
    return (others[0] if others else "LATIN"), scripts["LATIN"] / total
