"""Quantities attached to an event: weapons, dead, injured, arrested, crowd size."""

from __future__ import annotations

import csv
import re
from functools import cache

from spacy.tokens import Span, Token

from eventwire.events.lexicon import DATA
from eventwire.model import Quantity

VAGUE = {"a": 1, "an": 1}


@cache
def _table(name: str, key: str, value: str) -> dict[str, str]:
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return {row[key]: row[value] for row in csv.DictReader(lines, delimiter="\t")}


def parse_number(words: list[str]) -> int | None:
    """Return the value of a number phrase ("12", "a dozen", "twenty-five", "3,000")."""
    numbers = _table("numbers.tsv", "word", "value")
    total, current, seen = 0, 0, False
    for word in words:
        word = word.lower().replace(",", "")
        if re.fullmatch(r"\d+(\.\d+)?", word):
            current, seen = current + int(float(word)), True
        elif "-" in word and all(part in numbers for part in word.split("-")):
            current, seen = current + sum(int(numbers[p]) for p in word.split("-")), True
        elif word in numbers:
            value = int(numbers[word])
            if value in (100, 1000, 1_000_000) and current:
                current *= value
                if value > 100:
                    total, current = total + current, 0
            else:
                current += value
            seen = True
        elif word in VAGUE or word in ("and", "about", "some", "nearly", "around", "at", "least", "of"):
            continue
        else:
            return None
    return total + current if seen else None


def find_quantities(sentence: Span) -> tuple[Quantity, ...]:
    """Return the counts a sentence states: a number with the noun or verb it counts."""
    kinds = _table("quantities.tsv", "lemma", "kind")
    found: list[Quantity] = []
    for token in sentence:
        if not _is_number(token) or _is_number(token.head) and token.head is not token:
            continue  # not a number, or part of a larger number phrase handled at its head
        phrase = [t for t in token.subtree if not t.is_punct]
        value = parse_number([t.text for t in phrase])
        kind = _kind_of(token, kinds)
        if value is not None and kind:
            found.append(Quantity(kind=kind, value=value, text=" ".join(t.text for t in phrase)))
    return tuple(found)


def _is_number(token: Token) -> bool:
    return token.like_num or token.lower_ in _table("numbers.tsv", "word", "value")


def _kind_of(number: Token, kinds: dict[str, str]) -> str | None:
    counted = number.head if number.dep_ in ("nummod", "quantmod", "amod") else number
    verb = counted.head
    verb_kind = kinds.get(verb.lemma_.lower()) if verb.pos_ in ("VERB", "ADJ") else None
    if verb_kind in ("dead", "injured", "arrested"):
        if counted.dep_ in ("dobj", "nsubjpass", "conj") or verb.lemma_.lower() in ("die", "dead"):
            return verb_kind
    for child in counted.children:  # "12 people killed", "30 dead"
        child_kind = kinds.get(child.lemma_.lower())
        if child.dep_ in ("acl", "amod") and child_kind in ("dead", "injured", "arrested"):
            return child_kind
    return kinds.get(counted.lemma_.lower()) if counted is not number else None


def names_harm(span: Span) -> bool:
    """Whether a word of `span` names weapons, the dead or the injured ("machete" aside,
    the lemmas of quantities.tsv: "killed", "wounded", "bombs")."""
    kinds = _table("quantities.tsv", "lemma", "kind")
    return any(kinds.get(token.lemma_.lower()) in ("weapons", "dead", "injured") for token in span)
