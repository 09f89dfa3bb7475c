"""Find toponyms in a parsed text: spaCy place entities plus a gazetteer-backed matcher.

What counts as a toponym follows the GeoWebNews annotation guidelines: literal and
metonymic uses of place names ("Washington advised"), place names embedded in
organisation names ("The Washington Post"), and place adjectives used as modifiers
("Syrian capital", "Iranian missiles"). Nominal demonyms ("a Nigerian", "Russians"),
languages and homonyms (people named after places) are not toponyms.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy
from spacy.attrs import IDX, IS_ALPHA, LENGTH, LOWER, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from eventwire.events.modality import reporting_verbs
from eventwire.nlp.parse import doc_text, tokens_with_lemmas
from eventwire.places.build import ALTERNATE
from eventwire.places.gazetteer import Candidate, Gazetteer
from eventwire.places.names import name_key
from eventwire.spans import SpanIndex

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NAME_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
LOCATIVE = frozenset({
    "in", "at", "near", "from", "to", "into", "outside", "across", "toward", "towards", "around",
    "through", "via", "between", "inside", "throughout", "within", "over", "off",
})
CONNECTORS = frozenset({"al", "el", "ad", "as", "ash", "ar", "an", "at", "de", "du", "da", "del", "do", "dos",
                        "das", "des", "la", "le", "of", "upon", "on", "-", "sur", "am", "bin", "ibn", "abu"})
GENERIC_SUFFIXES = frozenset({"county", "province", "governorate", "district", "region", "state",
                              "city", "oblast", "prefecture", "municipality", "department", "township"})
PLACE_NOUNS = frozenset({"city", "town", "village", "district", "subdistrict", "province", "governorate",
                         "county", "area", "region", "municipality", "neighbourhood", "neighborhood",
                         "camp", "state", "oblast", "prefecture", "department", "cities", "towns",
                         "villages", "districts", "provinces", "governorates", "areas", "countryside",
                         "outskirts", "township", "lga", "upazila", "tehsil", "commune", "subdivision"})
COMPASS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                     "southeastern", "southwestern"})
BEARINGS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
AREA_NOUNS = frozenset({"suburbs", "vicinity"})
# prepositions after which a little-known name is read as a place ("in Raz", not "to Eta")
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "between", "outside", "inside", "around", "across",
                                "throughout", "within"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
MAX_WORDS = 6
MAX_INITIALS = 5  # the longest abbreviation spelling a place's initials ("ACT", "UAE")
INITIALS_CACHE = 4096  # candidate names whose initials are kept: bounded over a long batch
ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|an|az)[- ](?=\w)", re.IGNORECASE)  # "al-Hasakeh", "Ar-Raqqa"
BIG_CITY = 100_000


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym found in the text: character span, candidates, and how it was found."""

    start: int
    end: int
    text: str
    source: str
    candidates: tuple[Candidate, ...]
    adjective: bool = False
    division: bool = False
    local: bool = False  # accepted only because the words around it say it is a place
    modifier: bool = False  # a country or region qualifying a noun ("the US dollar")


def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Return the toponym mentions of `doc`, in text order, without overlaps."""
    mentions: list[Mention] = []
    covered = [False] * len(doc)
    for span, label in _entity_spans(doc, gazetteer):
        mentions.extend(_from_entity(span, label, gazetteer))
        for index in range(span.start, span.end):
            covered[index] = True
    text = doc_text(doc)
    capitalised = _capitalised(doc, text)
    mentions.extend(_from_proper_nouns(doc, covered, gazetteer, capitalised))
    mentions = [m for m in map(_trimmed, mentions) if m.text and not _crosses_sentences(doc, m)]
    generic = generic_words()
    mentions = _without_overlaps([m for m in mentions if name_key(m.text) not in generic])
    mentions = _without_overlaps(mentions + _repeated(doc, mentions, text, capitalised))
    mentions = _without_overlaps(mentions + _modifier_adjectives(doc, mentions, gazetteer, text, capitalised))
    names = _person_names(doc)
    return [dataclasses.replace(m, modifier=True) if _is_wide_modifier(doc, m) else m for m in mentions
            if not _spells_out_before(doc, m) and not _names_person(doc, m, names)]


def _person_names(doc: Doc) -> frozenset[str]:
    """The names of people in the article: the last names of those it names in full
    ("Mohamed Salah", "Charlie Chen") and the one-word names that say something ("Guhdar said")."""
    full = {ent[-1].text for ent in doc.ents
            if ent.label_ == "PERSON" and len(ent) > 1 and all(t.pos_ == "PROPN" for t in ent)}
    speakers = {subject.text for verb in tokens_with_lemmas(doc, reporting_verbs()) for subject in verb.children
                if subject.dep_ == "nsubj" and subject.pos_ == "PROPN" and not subject.n_lefts and not subject.n_rights}
    return frozenset(full | speakers)


def _names_person(doc: Doc, mention: Mention, names: frozenset[str]) -> bool:
    """Whether a one-word name is a person's (`_person_names`), and neither the words around it
    nor its prominence say it is a place here: "Salah joined the club" after "Mohamed Salah",
    every "Guhdar" where "Guhdar said" (one sense per article); not "Washington", "in Salah"."""
    if mention.text not in names or any(is_strong(c) and c.kind != ALTERNATE for c in mention.candidates):
        return False
    span = doc.char_span(mention.start, mention.end)
    return span is not None and len(span) == 1 and not in_place_context(span)


def _trimmed(mention: Mention) -> Mention:
    """The mention without the white space an entity can end with ("Mon\n\n")."""
    text = mention.text.rstrip()
    if text == mention.text:
        return mention
    return dataclasses.replace(mention, end=mention.start + len(text), text=text)


def _crosses_sentences(doc: Doc, mention: Mention) -> bool:
    """Whether a name runs over a sentence boundary (a headline cut mid-word, then the text)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and any(token.is_sent_start for token in span[1:])


def _spells_out_before(doc: Doc, mention: Mention) -> bool:
    """Whether a bracketed abbreviation stands for the words before it ("the District
    Commissioner (DC)"), not for a place (Washington, DC)."""
    span = doc.char_span(mention.start, mention.end)
    if span is None or not mention.text.isupper() or span.start < 2 or doc[span.start - 1].text != "(":
        return False
    words = [t for t in doc[max(span.start - 1 - len(mention.text), 0):span.start - 1] if t.is_alpha]
    initials = "".join(t.text[0] for t in words[-len(mention.text):])
    return initials == mention.text


def _is_wide_modifier(doc: Doc, mention: Mention) -> bool:
    """Whether a country or region name qualifies a following noun ("US dollar", "US
    troops"): it then says little about where the article's other places lie."""
    if mention.adjective or not any((c.feature_code or "").startswith("PCL") or c.feature_code == "RGN"
                                    for c in mention.candidates[:1]):
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in {"compound", "nmod"} and root.head.i >= span.end and root.head.pos_ == "NOUN"


def _entity_spans(doc: Doc, gazetteer: Gazetteer) -> list[tuple[Span, str]]:
    """Return the entities with their labels, reshaped where the model cut a place name
    apart ("Baja" + "California", "Mato Grosso" + "do Sul") or ran a place and its division
    together ("Paucarpata, Arequipa", "Amritsar (Punjab" or "Fleifel in Idleb" as one
    organisation): such parts are read as places."""
    spans: list[tuple[Span, str]] = []
    for entity in doc.ents:
        ent = _extended(entity, gazetteer)
        if spans and spans[-1][0].end == ent.start and {spans[-1][1], entity.label_} <= PLACE_LABELS:
            joined = doc[spans[-1][0].start:ent.end]
            if gazetteer.has_name(joined.text):
                spans[-1] = (joined, spans[-1][1])
                continue
        parts = [ent] if gazetteer.has_name(ent.text) else _split_at_separators(ent)
        label = entity.label_
        if len(parts) >= 2 and label not in PLACE_LABELS and sum(any(
                c.feature_class in {"P", "A"} and not c.is_adjective for c in _names(part, gazetteer))
                for part in parts) >= 2:
            label = "GPE"
        spans.extend((part, label) for part in parts)
    return spans


def _extended(ent: Span, gazetteer: Gazetteer) -> Span:
    """Extend an entity by the one or two words after it that complete a place name."""
    doc = ent.doc
    for end in (ent.end + 2, ent.end + 1):
        extra = doc[ent.end:end]
        if end > len(doc) or any(token.ent_type_ or not token.is_alpha for token in extra):
            continue
        if extra[-1].text[:1].isupper() and all(t.lower_ in CONNECTORS or t.text[:1].isupper() for t in extra) \
                and gazetteer.has_name(doc[ent.start:end].text):
            return doc[ent.start:end]
    return ent


def _split_at_separators(ent: Span) -> list[Span]:
    parts, start = [], ent.start
    for token in ent:
        if token.text in {",", "(", ")", "in"}:
            if token.i > start:
                parts.append(ent.doc[start:token.i])
            start = token.i + 1
    if ent.end > start:
        parts.append(ent.doc[start:ent.end])
    return parts


def _modifier_adjectives(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer, text: str,
                         capitalised: list[tuple[int, int, int, bool]]) -> list[Mention]:
    """Find place adjectives modifying a noun anywhere, also inside names ("the Russian
    Ministry of Defence", "anti-Russian policy", "Danish developer")."""
    taken = SpanIndex((m.start, m.end) for m in mentions)
    found = []
    for i, start, length, alpha in capitalised:
        if not alpha or taken.overlaps(start, start + length):
            continue
        if any(c.is_adjective for c in _text_names(text[start:start + length], gazetteer)):
            found.extend(_adjective(doc[i:i + 1], gazetteer))
    return found


def _capitalised(doc: Doc, text: str) -> list[tuple[int, int, int, bool]]:
    """The tokens of `doc` (whose text is `text`) that start with a capital: index, character
    offset, length and whether all letters, read from the doc's arrays (no token objects)."""
    return [(i, start, length, bool(alpha))
            for i, (start, length, alpha) in enumerate(doc.to_array([IDX, LENGTH, IS_ALPHA]).tolist())
            if text[start].isupper()]


def _repeated(doc: Doc, mentions: list[Mention], full_text: str,
              capitalised: list[tuple[int, int, int, bool]]) -> list[Mention]:
    """Find other occurrences of names already taken as places (one sense per article),
    unless they are part of a longer person name ("Paris Hilton")."""
    known = {m.text: m for m in mentions if m.candidates and not m.adjective and not m.local and (
        m.source in PLACE_LABELS | {"GAZETTEER", "ABBREVIATION"}
        or any(is_strong(c) and c.kind != ALTERNATE for c in m.candidates))}
    if not known:
        return []
    people = SpanIndex((ent for ent in doc.ents if ent.label_ == "PERSON"), _char_span)
    taken = SpanIndex((m.start, m.end) for m in mentions)
    by_prefix: dict[str, list[tuple[str, Mention]]] = {}  # a name's first two characters
    for text, mention in known.items():
        by_prefix.setdefault(text[:2], []).append((text, mention))
    found = []
    for _, at, _, _ in capitalised:
        for text, mention in (*by_prefix.get(full_text[at:at + 2], ()), *by_prefix.get(full_text[at:at + 1], ())):
            end = at + len(text)
            if full_text[at:end] != text or (end < len(full_text) and full_text[end].isalnum()):
                continue
            if taken.overlaps(at, end):
                continue
            if any(p.start_char <= at and end <= p.end_char and p.text != text
                   for p in people.overlapping(at, end)):
                continue
            found.append(dataclasses.replace(mention, start=at, end=end, source="REPEATED"))
            taken.add((at, end))
    return found


def _char_span(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


@cache
def generic_words() -> frozenset[str]:
    """Return the capitalised common words never taken as toponyms on their own."""
    text = (resources.files("eventwire") / "data" / "places" / "generic_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_strong(candidate: Candidate) -> bool:
    """Whether a candidate is prominent enough to accept its name without NER support."""
    code = candidate.feature_code or ""
    return (
        code.startswith("PCL") or code in {"CONT", "PPLC", "RGN"}
        or candidate.source.startswith("eventwire")
        or (code == "ADM1" and candidate.population >= BIG_CITY)
        or (candidate.feature_class == "P" and candidate.population >= BIG_CITY)
    )


def _from_entity(ent: Span, label: str, gazetteer: Gazetteer) -> list[Mention]:
    span = _trim(ent)
    if span is None:
        return []
    dotted = _dotted_abbreviation(span, gazetteer)
    if dotted:
        return dotted
    candidates = _names(span, gazetteer, variants=label in PLACE_LABELS and in_place_context(span))
    if label == "NORP" and any(c.is_adjective for c in candidates):
        return _adjective(span, gazetteer)
    if label in PLACE_LABELS:
        division = _division_cue(span)
        core, core_division = _without_generic_suffix(span)
        if core is not None and (not candidates or core_division or span[-1].lower_ == "city"):
            # "Hays city": the places called "Hays", besides one whose full name it may be
            known = {c.id for c in candidates}
            candidates += tuple(c for c in _names(core, gazetteer) if c.id not in known)
            division = division or core_division
        adjectives = [c for c in candidates if c.is_adjective]
        if adjectives and len(adjectives) == len(candidates):
            return _adjective(span, gazetteer)
        candidates = tuple(c for c in candidates if not c.is_adjective)
        if not candidates and len(span) > 1 and span[0].lower_ in COMPASS:  # "Northern Iraq"
            candidates = tuple(c for c in _names(span[1:], gazetteer)
                               if (c.feature_code or "").startswith("PCL") or c.feature_code == "ADM1")
        if not candidates and label == "GPE":
            return []  # mostly organisations and people the model calls GPE
        return [Mention(span.start_char, span.end_char, span.text, label, candidates,
                        division=division)]
    if label not in NAME_LABELS:
        if not all(token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper() for token in span):
            return []
        label = "PERSON"  # a name the model took for a date ("in Haftanin region of Dahuk")
    names = tuple(c for c in candidates if not c.is_adjective and is_reliable(c))
    core, core_division = _without_generic_suffix(span)
    if not names and core_division and span[-1].text[:1].isupper():
        # "Rakhine State" or "Mrauk-U District" read as a person or organisation
        divisions = tuple(c for c in _names(core, gazetteer) if c.feature_class == "A" and is_reliable(c))
        if divisions:
            return [Mention(span.start_char, span.end_char, span.text, label, divisions, division=True)]
    if names and any(is_strong(c) for c in names) and _looks_like_place(span, label, names):
        return [Mention(span.start_char, span.end_char, span.text, label, names)]
    if names and _after_place_preposition(span) and any(
            c.feature_class in {"P", "A"} and c.population >= 1000 for c in names):
        return [Mention(span.start_char, span.end_char, span.text, label, names)]
    local = tuple(c for c in candidates if is_local_name(c, before_place_noun(span)))
    if local and label in {"ORG", "PERSON"} and in_place_context(span):
        return [Mention(span.start_char, span.end_char, span.text, label, local, local=True)]
    if label in {"ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}:
        return _embedded(span, gazetteer)
    return []


def is_reliable(candidate: Candidate) -> bool:
    """Whether a name match can stand without a place label from the model: official names,
    curated aliases, and alternate names only of countries, divisions and big cities
    (GeoNames alternate names include codes and odd spellings such as "Chen" or "Day")."""
    if candidate.kind != ALTERNATE:
        return True
    code = candidate.feature_code or ""
    return (code.startswith("PCL") or code in {"ADM1", "CONT"} or candidate.source.startswith("eventwire")
            or candidate.population >= 1_000_000)


def _looks_like_place(span: Span, label: str, candidates: tuple[Candidate, ...]) -> bool:
    if label != "PERSON":
        return True
    curated = any(c.source.startswith("eventwire") for c in candidates)
    return curated or _qualifies_place_before(span) or in_place_context(span) or any(
        (c.feature_code or "").startswith("PCL") for c in candidates)


def _qualifies_place_before(span: Span) -> bool:
    """Whether the span follows a place and a comma, as a division does ("Monterrey, Nuevo
    Leon", which the model may call a person)."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].ent_type_ in PLACE_LABELS


def is_local_name(candidate: Candidate, named_as_place: bool = False) -> bool:
    """Whether a candidate may be a small town or district named in a place context: a
    populated place or division under its official name, or under another name when it is
    sizeable or the text calls it a place ("Makhmur district")."""
    if candidate.feature_class not in {"P", "A"} or candidate.is_adjective or candidate.is_abbreviation:
        return False
    return candidate.kind != ALTERNATE or candidate.population >= 1000 or named_as_place


def before_place_noun(span: Span) -> bool:
    """Whether a place noun follows the name ("Makhmur district", "Diwaniya city")."""
    return span.end < len(span.doc) and span.doc[span.end].lower_ in PLACE_NOUNS


def in_place_context(span: Span) -> bool:
    """Whether the words around a name say it is a place: after a locative preposition ("in
    Raz"), before a place noun ("Al Dhaher district", "Diwaniya city"), after a place noun
    and a comma or "of" ("Azra district, Logar", "countryside of Idleb") or after a bearing
    ("east of Samarra"), before a place in
    parentheses ("Faridkot (Punjab)"), or in the parenthesised divisions that follow a place
    ("Ashulia town (Savar, Dhaka)")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before_place_noun(span):
        return True
    if _before_parenthesised_place(span):
        return True
    if before is None:
        return False
    if before.lower_ in PLACE_PREPOSITIONS:
        return True
    if before.text == "(":
        return _qualifies_a_place(before)
    if before.text in {",", "of"} and span.start >= 2 and doc[span.start - 2].lower_ in PLACE_NOUNS | AREA_NOUNS:
        return True  # "in Azra district, Logar", "in Haftanin region of Dahuk"
    if before.lower_ == "of" and span.start >= 2 and doc[span.start - 2].lower_ in BEARINGS:
        return True  # "east of Samarra", "20 km north of Kirkuk"
    opening = _opening_parenthesis(span) if before.text == "," else None
    return opening is not None and _qualifies_a_place(opening)


def _before_parenthesised_place(span: Span) -> bool:
    """Whether a place name in parentheses follows the name ("Faridkot (Punjab)")."""
    doc = span.doc
    if span.end + 2 >= len(doc) or doc[span.end].text != "(":
        return False
    first = doc[span.end + 1]
    return first.ent_type_ in PLACE_LABELS or first.pos_ == "PROPN" and any(
        token.text == ")" for token in doc[span.end + 2:span.end + 8])


def _opening_parenthesis(span: Span) -> Token | None:
    for token in reversed(span.doc[span.sent.start:span.start]):
        if token.text == ")":
            return None
        if token.text == "(":
            return token
    return None


def _qualifies_a_place(parenthesis: Token) -> bool:
    """Whether a parenthesis follows a name or a place noun ("Marib (", "Hays city ("), or
    a noun when it lists divisions ("police station (Hat, Al Mahrah)"); not "He (Steele)"."""
    if parenthesis.i == 0:
        return False
    doc = parenthesis.doc
    before = doc[parenthesis.i - 1]
    if before.pos_ == "PROPN" or before.lower_ in PLACE_NOUNS:
        return True
    if before.pos_ != "NOUN":
        return False
    for token in doc[parenthesis.i + 1:parenthesis.sent.end]:  # a list of divisions: "(Hat, Al Mahrah)"
        if token.text == ")":
            return False
        if token.text == ",":
            return True
    return False


def _after_place_preposition(span: Span) -> bool:
    """Whether the span follows "in", "near" or "outside" ("born in Churchill")."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in {"in", "near", "outside"}


def _adjective(span: Span, gazetteer: Gazetteer) -> list[Mention]:
    """Keep a place adjective only when it modifies a noun ("Iraqi forces", not "an Iraqi")."""
    candidates = tuple(c for c in _names(span, gazetteer) if c.is_adjective)
    if not candidates:
        return []
    root = span.root
    if root.tag_ in {"NNS", "NNPS"} or root.text.endswith("s") and not root.text.endswith("ss"):
        return []
    if root.dep_ not in MODIFIER_DEPS or root.head.i <= root.i:
        return []
    return [Mention(span.start_char, span.end_char, span.text, "NORP", candidates, adjective=True)]


def _embedded(span: Span, gazetteer: Gazetteer) -> list[Mention]:
    """Find prominent place names inside an organisation name ("The Washington Post")."""
    mentions = []
    index = span.start
    while index < span.end:
        for size in range(min(MAX_WORDS, span.end - index), 0, -1):
            part = span.doc[index:index + size]
            if not part[0].text[:1].isupper() or part[-1].is_punct:
                continue
            text = part.text
            fits = _case_test(text, ARTICLE.sub("", text))
            candidates = tuple(c for c in gazetteer.lookup(text) if not c.is_adjective and is_reliable(c) and fits(c))
            if candidates and is_strong(candidates[0]):
                mentions.append(Mention(part.start_char, part.end_char, part.text, "EMBEDDED", candidates))
                index += size - 1
                break
        index += 1
    return mentions


def _from_proper_nouns(doc: Doc, covered: list[bool], gazetteer: Gazetteer,
                       capitalised: list[tuple[int, int, int, bool]]) -> list[Mention]:
    """Match runs of proper nouns that NER missed against the gazetteer (whole run only)."""
    mentions = []
    for run in _proper_noun_runs(doc, covered, capitalised):
        dotted = _dotted_abbreviation(run, gazetteer)
        if dotted:
            mentions.extend(dotted)
            continue
        context = in_place_context(run)
        candidates = tuple(c for c in _names(run, gazetteer, variants=context) if not c.is_adjective and (
            is_reliable(c) or context and c.population >= BIG_CITY))  # "in Idleb" for Idlib
        if not candidates:
            continue
        before = doc[run.start - 1] if run.start > 0 else None
        locative = before is not None and before.lower_ in LOCATIVE
        known = is_strong(candidates[0]) or (locative and candidates[0].population >= 1000)
        local = not known and in_place_context(run) and any(
            is_local_name(c, before_place_noun(run)) for c in candidates)
        if known or local:
            mentions.append(Mention(run.start_char, run.end_char, run.text, "GAZETTEER", candidates,
                                    division=_division_cue(run), local=local))
    return mentions


def _proper_noun_runs(doc: Doc, covered: list[bool], capitalised: list[tuple[int, int, int, bool]]) -> list[Span]:
    # per token, from the doc's arrays: a capitalised proper noun of letters; a connector
    name = [False] * len(doc)
    if capitalised:
        pos = doc.to_array(POS)
        for i, _, _, alpha in capitalised:
            name[i] = alpha and bool(pos[i] == PROPN)
    strings = doc.vocab.strings
    connector_ids = numpy.array([strings[word] for word in CONNECTORS], dtype="uint64")
    connector = numpy.isin(doc.to_array(LOWER), connector_ids).tolist()
    runs = []
    index = 0
    while index < len(doc):
        if covered[index] or not name[index]:
            index += 1
            continue
        end = index + 1
        while end < len(doc) and not covered[end]:
            if name[end]:
                end += 1
            elif connector[end] and end + 1 < len(doc) and not covered[end + 1] and (
                    name[end + 1] or connector[end + 1]):
                end += 1
            else:
                break
        while end > index and connector[end - 1]:
            end -= 1
        if end - index <= MAX_WORDS:
            runs.append(doc[index:end])
        index = max(end, index + 1)
    return runs


def _dotted_abbreviation(span: Span, gazetteer: Gazetteer) -> list[Mention]:
    """Read "Man." or "Ky." with its period when the tokenizer split the period off."""
    following = span.doc[span.end].text if span.end < len(span.doc) else ""
    if not following.startswith(".") or span[-1].whitespace_ or span.text.endswith("."):
        return []
    if any(c.is_abbreviation for c in _names(span, gazetteer)):
        return []  # "US." ending a sentence is "US"
    text = span.text + "."
    candidates = tuple(c for c in gazetteer.lookup(text) if c.is_abbreviation and text[:1].isupper())
    if not candidates:
        return []
    return [Mention(span.start_char, span.end_char + 1, text, "ABBREVIATION", candidates)]


def _names(span: Span, gazetteer: Gazetteer, variants: bool = False) -> tuple[Candidate, ...]:
    """Return the places a span may name; a name unknown with its Arabic article is looked up
    without it ("Ar-Raqqa" as "Raqqa"), and, with `variants`, as another transliteration
    ("Kafr Qaseem" as "Kafr Qasim")."""
    return _text_names(span.text, gazetteer, variants)


def _text_names(text: str, gazetteer: Gazetteer, variants: bool = False) -> tuple[Candidate, ...]:
    """`_names` of a span with this text."""
    candidates = gazetteer.lookup(text)
    bare = ARTICLE.sub("", text)
    if not candidates and bare != text and bare[:1].isupper():
        candidates = [c for c in gazetteer.lookup(bare) if not c.is_abbreviation and not c.is_adjective]
    if not candidates and variants:
        candidates = gazetteer.lookup_variant(text)
    fits = _case_test(text, bare)
    return tuple(c for c in candidates if fits(c))


def _case_test(text: str, bare: str) -> Callable[[Candidate], bool]:
    """Return whether a candidate's name may be written `text`: abbreviations must be written
    in capitals ("US", not "us"); short capitals ("BA") only match abbreviations; other names
    start with a capital, after any Arabic article (`bare`)."""
    letters = [char for char in text if char.isalpha()]
    capitals = all(char.isupper() for char in letters)
    abbreviation = (text.endswith(".") and text[:1].isupper()) or capitals
    name = not (len(letters) <= 4 and capitals) and bare[:1].isupper()
    initials = "".join(letters).upper()
    # an alternate name made of the place's initials must be written in capitals too: "ACT",
    # not the "Act" of "the Cuban Adjustment Act", nor "La" for Los Angeles
    spelled = capitals or not 2 <= len(letters) <= MAX_INITIALS
    return lambda candidate: (abbreviation if candidate.is_abbreviation else name) and (
        spelled or _initials(candidate.name) != initials)


@lru_cache(maxsize=INITIALS_CACHE)
def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isalpha()).upper()


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    while start < end and (span.doc[start].lower_ in {"the", "a", "an"} or span.doc[start].is_punct):
        start += 1
    while end > start and (span.doc[end - 1].lower_ in {"'s", "’s", "'"} or span.doc[end - 1].is_punct):
        end -= 1
    return span.doc[start:end] if end > start else None


def _division_cue(span: Span) -> bool:
    """Whether the text calls the place a division: "Washington state", "the state of Georgia"."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    before = doc[span.start - 2:span.start].text.lower() if span.start >= 2 else ""
    return after in GENERIC_SUFFIXES - {"city", "region"} or before in {"state of", "province of"}


def _without_generic_suffix(span: Span) -> tuple[Span | None, bool]:
    if len(span) > 1 and span[-1].lower_ in GENERIC_SUFFIXES:
        return span[:-1], span[-1].lower_ != "city"
    return None, False


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    taken = SpanIndex()
    for mention in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if not taken.overlaps(mention.start, mention.end):
            chosen.append(mention)
            taken.add((mention.start, mention.end))
    return sorted(chosen, key=lambda m: m.start)
