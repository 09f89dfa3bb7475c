"""Load the quote data files: reporting cue verbs and speaker titles."""

from __future__ import annotations

import csv
import importlib
import re
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Mapping

DATA_VERSION = "quotes-2026.12"
# Faker's person providers whose first names are written in Latin script (news in English
# spells foreign names that way); each ships first_names_male and first_names_female.
NAME_LOCALES = (
    "en", "en_GB", "en_IE", "en_IN", "en_KE", "en_NG", "en_NZ", "en_US", "cs_CZ", "da_DK",
    "de_DE", "es_ES", "es_MX", "fi_FI", "fr_FR", "ga_IE", "hr_HR", "hu_HU", "id_ID", "it_IT",
    "nl_NL", "no_NO", "pl_PL", "pt_BR", "pt_PT", "ro_RO", "sk_SK", "sl_SI", "sv_SE", "sw",
    "tr_TR", "tw_GH", "yo_NG", "ig_NG", "ha_NG", "az_AZ",
)
LATIN_NAME = re.compile(r"[A-Za-z\u00C0-\u024F'’-]+")


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


@cache
def load_first_names() -> Mapping[str, str]:
    """Return {lower-cased first name: "male"/"female"} from Faker's name lists.

    A name listed for both genders in any locale ("Jordan", "Andrea") is left out.

    Example:
        >>> load_first_names()["angela"], load_first_names()["matteo"]
        ('female', 'male')
    """
    found: dict[str, set[str]] = {}
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for gender, names in (("male", provider.first_names_male), ("female", provider.first_names_female)):
            for name in names:
                if LATIN_NAME.fullmatch(name):
                    found.setdefault(name.lower(), set()).add(gender)
    return MappingProxyType({name: genders.pop() for name, genders in found.items() if len(genders) == 1})
