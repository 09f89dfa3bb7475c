"""The event lexicon: trigger words, the CAMEO→PLOVER table and Goldstein scores (data files)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from spacy.tokens import Token

DATA = files("eventwire") / "data" / "events"
VERSION = "events-lexicon-2026.11"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row: a lemma that signals an event, with its codes."""

    lemma: str
    pos: str
    with_word: str
    object_list: str
    cameo: str
    plover: str
    mode: str | None
    context: tuple[str, ...]
    goldstein: float | None
    object_excluded: bool = False

    def object_holds(self, found: bool) -> bool:
        """Whether the object condition holds, given whether the object is in the list."""
        return found != self.object_excluded


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Triggers by (lemma, pos) plus the word lists their object conditions name."""

    triggers: dict[tuple[str, str], tuple[Trigger, ...]]
    word_lists: dict[str, frozenset[str]]
    codes: dict[str, Trigger]

    def candidates(self, lemma: str, pos: str) -> tuple[Trigger, ...]:
        """Return the triggers for a lemma and coarse part of speech (VERB/NOUN)."""
        return self.triggers.get((lemma.lower(), pos), ())

    def code(self, cameo: str) -> Trigger:
        """Return the PLOVER coding of a CAMEO code as a lemma-less trigger."""
        return self.codes[cameo]


def lemmas(token: Token) -> tuple[str, ...]:
    """The token's lemma, with the hyphenated word it ends ("shoot-out", split by the
    tokenizer, its last part parsed as the noun) first and the "-e" base spaCy's rules miss
    ("raped" -> "rap", "rape") last."""
    lemma, text = token.lemma_.lower(), token.lower_
    if token.i >= 2 and token.nbor(-1).text == "-" and not (token.nbor(-1).whitespace_ or token.nbor(-2).whitespace_):
        return f"{token.nbor(-2).lower_}-{lemma}", lemma
    if token.tag_ in ("VBD", "VBN") and text.endswith("ed") and text[:-1] != lemma:
        return lemma, text[:-1]
    if token.tag_ == "VBG" and text.endswith("ing") and text[:-3] + "e" != lemma:
        return lemma, text[:-3] + "e"
    return (lemma,)


def word_list(name: str) -> frozenset[str]:
    """Return a word list of `data/events/` by file stem ("light_verbs", "stance_nouns")."""
    return load_lexicon().word_lists[name]


@cache
def load_lexicon() -> Lexicon:
    """Read the trigger table and derive each trigger's PLOVER codes and Goldstein score."""
    plover = _read_cameo2plover()
    goldstein = _read_goldstein()
    triggers: dict[tuple[str, str], list[Trigger]] = {}
    for row in _read_tsv("triggers.tsv"):
        cameo = row["cameo"]
        base_type, base_mode, context = plover.get(cameo) or plover[cameo[:2]]
        trigger = Trigger(
            lemma=row["lemma"],
            pos=row["pos"],
            with_word=row["with"],
            object_list=row["object"].lstrip("!@"),
            cameo=cameo,
            plover=row["plover"] or base_type,
            mode=row["mode"] or base_mode or None,
            context=context,
            goldstein=goldstein.get(cameo, goldstein.get(cameo[:2])),
            object_excluded=row["object"].startswith("!"),
        )
        triggers.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    lists = {path.name[:-4]: _read_word_list(path.name) for path in DATA.iterdir() if path.name.endswith(".txt")}
    conditioned_first = {
        key: tuple(sorted(rows, key=lambda t: not (t.with_word or t.object_list))) for key, rows in triggers.items()
    }
    codes = {
        cameo: Trigger("", "", "", "", cameo, plover_type, mode or None, context, goldstein.get(cameo))
        for cameo, (plover_type, mode, context) in plover.items()
    }
    return Lexicon(conditioned_first, lists, codes)


def _read_tsv(name: str) -> list[dict[str, str]]:
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return [{key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(lines, delimiter="\t")]


def _read_word_list(name: str) -> frozenset[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _read_cameo2plover() -> dict[str, tuple[str, str, tuple[str, ...]]]:
    table: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for row in _read_tsv("cameo2plover.tsv"):
        context = tuple(part.strip() for part in row["context"].split(";") if part.strip())
        table.setdefault(row["cameo_code"], (row["plover"], row["mode"], context))
    return table


def _read_goldstein() -> dict[str, float]:
    return {row["cameo_code"]: float(row["goldstein"]) for row in _read_tsv("goldstein.tsv")}
