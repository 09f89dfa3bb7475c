"""Normalise place names into lookup keys shared by the gazetteer build and its queries."""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans("", "", "'’‘`ʻʼ´")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "an", "az", "ath"})
_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")
MIN_SKELETON = 5


def fold(text: str) -> str:
    """Strip accents and marks: "Arbīl" -> "Arbil"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_key(text: str) -> str:
    """Return the lookup key of a place name: folded, lower case, words joined by spaces.

    Example:
        >>> name_key("Ain al-Assad")
        'ain al assad'
        >>> name_key("St. Louis")
        'saint louis'
    """
    words = _NON_WORD.split(fold(text).lower().translate(_APOSTROPHES))
    words = [_ABBREVIATIONS.get(word, word) for word in words if word]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def is_latin(text: str) -> bool:
    """Return whether a name is written in Latin letters (after removing accents)."""
    return fold(text).isascii()


def skeleton(text: str) -> str:
    """Return the consonant skeleton of a name, shared by its transliterations ("Kafr Qaseem"
    and "Kafr Qasim", "Shirqat" and "Ash Sharqat"): no Arabic article, vowels, doubled letters
    or final "h"; "" when too short to tell names apart.

    Example:
        >>> skeleton("Kafr Qaseem"), skeleton("Kafr Qāsim")
        ('kfrqsm', 'kfrqsm')
    """
    letters = _REPEATS.sub(r"\1", _VOWELS.sub("", bare_key(text).replace(" ", ""))).rstrip("h")
    return letters if len(letters) >= MIN_SKELETON and letters.isalpha() else ""


def bare_key(text: str) -> str:
    """Return the lookup key of a name without its leading Arabic article: "ash sharqat" -> "sharqat"."""
    words = name_key(text).split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in _ARTICLES else words)
