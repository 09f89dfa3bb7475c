"""Load the quote data files: reporting cue verbs and speaker titles."""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Mapping

DATA_VERSION = "quotes-2026.11"


@cache
def load_cues() -> Mapping[str, str]:
    """Return {lemma: frame} for verbs that introduce attributed content.

    The frame says where the content is: "clause" (a complement clause: "said that ..."),
    "directive" (object + infinitive: "urged them to ...") or "object" (the object or
    prepositional phrase: "called for ...", "cited ...").

    Example:
        >>> load_cues()["say"]
        'clause'
    """
    with files("eventwire.data").joinpath("quotes/cues.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return MappingProxyType({row["lemma"].strip(): row["frame"].strip() for row in rows})


@cache
def load_titles() -> frozenset[str]:
    """Return lower-cased honorifics and office titles ignored when matching names."""
    text = files("eventwire.data").joinpath("quotes/titles.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@cache
def load_gender_words() -> Mapping[str, str]:
    """Return honorifics and nouns that mark a person's gender ("mrs." -> "female")."""
    with files("eventwire.data").joinpath("quotes/gender_words.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return MappingProxyType({row["word"].strip(): row["gender"].strip() for row in rows})
