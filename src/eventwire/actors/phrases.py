"""Find actor noun phrases in a parse and code them from the knowledge base.

A phrase is built around its highest "anchor" (a knowledge-base match or a PERSON/ORG entity):
premodifiers give the country ("Iranian", "US", "Tehran"), the head noun the sector
("officials", "army"), of/for objects and appositions fill what is missing ("leader of
pro-Iran paramilitaries", "Zarif, the head of Iranian diplomacy").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from eventwire.actors.knowledge import (
    ADJECTIVE,
    CAPITAL,
    COUNTRY,
    GENERIC,
    NON_ACTOR,
    ORGANIZATION,
    PLURAL,
    SEAT,
    SECTOR,
    WEAK,
    Entry,
    KnowledgeBase,
    given_name,
)

PREMODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "nummod", "quantmod"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj", "poss", "agent", "oprd"})
ACTOR_PREPOSITIONS = frozenset({"by", "against", "with", "between", "toward", "towards", "versus"})
NOUN_PREPOSITIONS = frozenset({"from", "to", "on", "for"})
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "outside", "into", "around", "within", "across", "throughout", "over",
     "under", "behind", "beyond", "through", "along", "off", "onto"}
)
OBJECT_PREPOSITIONS = frozenset({"of", "for"})
PLACE_PREPOSITIONS = frozenset({"in", "from", "at"})
AFFILIATION_PREFIXES = frozenset({"pro", "anti", "non"})
AFFILIATION_SUFFIXES = frozenset(
    {"backed", "allied", "sponsored", "supported", "aligned", "funded", "linked", "friendly", "controlled", "held"}
)
STATE_SOURCES = frozenset({COUNTRY, ADJECTIVE, PLURAL, CAPITAL, SEAT, ORGANIZATION})
NOUN_POS = frozenset({"NOUN", "PROPN"})
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
FORMER_WORDS = frozenset({"former", "ex", "ousted", "exiled", "deposed", "toppled"})
STATE_MEDIA_WORDS = frozenset({"official", "state", "government"})  # "official Syrian newspaper", "state-run TV"


@dataclass(slots=True)
class Anchor:
    """A knowledge-base match or a named entity (token span) that can anchor an actor phrase."""

    start: int
    end: int
    entry: Entry | None
    label: str  # "KB", "PERSON" or "ORG"
    inner: list[Anchor] = field(default_factory=list)  # matches inside an ORG entity

    @property
    def is_person(self) -> bool:
        return self.label == "PERSON"


@dataclass(slots=True)
class Mention:
    """An actor mention over tokens `start:end` with its codes (internal, before `Actor`)."""

    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    kind: str
    head: int
    plural: bool = False
    named: bool = False
    coded_person: bool = False


@dataclass(slots=True)
class Phrase:
    """An anchor with the anchors that modify it, coded step by step."""

    head: Anchor
    members: list[Anchor]
    start: int
    end: int
    country: str | None = None
    sector: str | None = None
    kind: str = "unknown"
    name: str = ""
    split: list[Anchor] = field(default_factory=list)
    split_sectors: list[str | None] = field(default_factory=list)
    dropped: bool = False
    absorbed: bool = False
    cued: bool = False


def find_mentions(doc: Doc, kb: KnowledgeBase) -> list[Mention]:
    """Return the actor mentions of `doc` (token spans with codes), in text order.

    Example:
        [m.country for m in find_mentions(nlp("Iranian officials met."), kb)]  # ["IRN"]
    """
    anchors = _anchors(doc, kb)
    owner_of: dict[int, int] = {}  # token index -> index of the anchor covering it
    for number, anchor in enumerate(anchors):
        for i in range(anchor.start, anchor.end):
            owner_of[i] = number
    tops: list[int] = []
    ends: list[int] = []
    for number, anchor in enumerate(anchors):
        top = number
        chain = [_root(doc, anchor)] if anchor.is_person else _climb(_root(doc, anchor))
        for token in chain:
            if token.i in owner_of:
                top = owner_of[token.i]
        tops.append(top)
        ends.append(chain[-1].i)
    sharing: dict[int, list[int]] = {}  # the anchors of each head
    for number, end in enumerate(ends):
        sharing.setdefault(end, []).append(number)
    groups: dict[int, list[Anchor]] = {}
    for number, anchor in enumerate(anchors):
        top = tops[number]
        if ends[number] not in owner_of and not anchor.is_person:
            top = _sibling_owner(number, anchors, tops, sharing[ends[number]])
        groups.setdefault(top, []).append(anchor)
    phrases = {number: _phrase(doc, anchors[number], members) for number, members in groups.items()}
    for phrase in phrases.values():
        if phrase.sector in STATE_SECTORS and phrase.kind == "person" and _former(doc, phrase):
            phrase.sector = "ELI"  # PLOVER: former officials are elites
    # a phrase is found by its root, or by the unanchored noun it modifies ("the Syrian Golan Heights")
    by_root = {ends[number]: phrase for number, phrase in phrases.items() if ends[number] not in owner_of}
    by_root.update({_root(doc, phrase.head).i: phrase for phrase in phrases.values()})
    for phrase in sorted(phrases.values(), key=lambda p: -p.head.start):
        _attach_object(doc, phrase, by_root)
    for phrase in phrases.values():
        _merge_apposition(doc, phrase, by_root)
    mentions = []
    for phrase in phrases.values():
        if phrase.dropped or phrase.absorbed:
            continue
        mentions.extend(_emit(doc, phrase))
    return sorted(mentions, key=lambda m: (m.start, m.end))


def _sibling_owner(number: int, anchors: list[Anchor], tops: list[int], siblings: list[int]) -> int:
    """Return the sector or organisation anchor that shares an unanchored head with anchor `number`
    (`siblings`: the anchors with the same head, in order).

    "Israeli army bulldozers": "Israeli" and "army" both modify "bulldozers", so "Israeli"
    joins the phrase of "army".
    """
    top = tops[number]
    for other in siblings:
        entry = anchors[other].entry
        if (other != number and tops[other] == other
                and anchors[other].start > anchors[number].start and entry is not None
                and entry.type in (SECTOR, ORGANIZATION)):
            top = other
    return top


def _anchors(doc: Doc, kb: KnowledgeBase) -> list[Anchor]:
    candidates = []
    for span, entry in kb.match(doc):
        if _acceptable(span, entry):
            priority = 0 if entry.type != SECTOR else 1
            candidates.append((-(span.end - span.start), priority, span.start, span.end, entry))
    taken: dict[int, Anchor] = {}
    anchors: list[Anchor] = []
    for _, _, start, end, entry in sorted(candidates, key=lambda c: (c[0], c[1], c[2])):
        if any(i in taken for i in range(start, end)):
            continue
        anchor = Anchor(start, end, entry, "KB")
        taken.update((i, anchor) for i in range(start, end))
        anchors.append(anchor)
    blocked = {i for a in anchors if a.entry.type == NON_ACTOR for i in range(a.start, a.end)}
    kept = {id(a): a for a in anchors if a.entry.type != NON_ACTOR}  # in order, dropped in O(1)
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG") or any(i in blocked for i in range(ent.start, ent.end)):
            continue
        start, end = ent.start, ent.end
        if doc[start].lower_ in AFFILIATION_PREFIXES:
            continue  # "pro-Hadi": a side, not a name
        while end > start and (doc[end - 1].dep_ == "case" or doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1  # "Osama bin Laden's"
        replaced: list[Anchor] = []
        if ent.label_ == "PERSON":
            first = taken.get(start)
            if first is not None and first.entry is not None and given_name(
                    doc[first.start : first.end], first.entry, taken):
                kept.pop(id(taken.pop(start)), None)  # "Chad Wolf", "Jordan Peterson": a name, not a country
            while start < end and start in taken:
                start += 1  # a title or demonym the model put inside the name: "President Trump"
            inner: list[Anchor] = []
        else:
            inner = list({id(taken[i]): taken[i] for i in range(start, end) if i in taken}.values())
            if any(a.start < start or a.end > end for a in inner):
                continue  # the spans cross
            known = [a for a in inner if a.entry.type in (ORGANIZATION, SEAT, CAPITAL)]
            if known and not _longer_name(doc, start, min(a.start for a in known), taken):
                continue  # the knowledge base knows this organisation
            replaced = known  # "Supreme National Security Council", "All Progressives Congress"
            inner = [a for a in inner if a not in known]
            if sum(a.end - a.start for a in inner) >= sum(doc[i].dep_ != "det" for i in range(start, end)):
                continue  # nothing but known words: "Ugandan" tagged ORG
        if start >= end or doc[start].is_punct or any(
                i in taken and taken[i] not in inner and taken[i] not in replaced for i in range(start, end)):
            continue
        anchor = Anchor(start, end, None, ent.label_, inner)
        for member in inner + replaced:
            kept.pop(id(member), None)
        taken.update((i, anchor) for i in range(start, end))
        kept[id(anchor)] = anchor
    return sorted(kept.values(), key=lambda a: a.start)


def _longer_name(doc: Doc, start: int, known_start: int, taken: dict[int, Anchor]) -> bool:
    """Whether a name the model found says more than the organisation the knowledge base knows
    inside it: capitalised words before it that are no other known word ("Iran's *Supreme
    National* Security Council", "the *All Progressives* Congress"): the whole name is another
    organisation, linked by its whole name first."""
    return any(doc[i].is_alpha and doc[i].text[:1].isupper() and doc[i].dep_ != "det" and i not in taken
               for i in range(start, known_start))


def _acceptable(span: Span, entry: Entry) -> bool:
    """Reject matches that are not actor words here: adjectives "military", "major"; "pro-Iran";
    a name run over a sentence boundary."""
    if any(token.is_sent_start for token in span[1:]):
        return False
    if entry.type == SECTOR and span[-1].pos_ not in NOUN_POS:
        return False
    text = span.text
    if len(text) <= 3 and text.isupper() and _shouted(span):
        return False  # "IS", "US", "AU" as words in an all-capitals headline
    if entry.type in (COUNTRY, ADJECTIVE, CAPITAL, SEAT, PLURAL, ORGANIZATION):
        doc = span.doc
        if span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in AFFILIATION_PREFIXES:
            # "pro-Iran militias" are not Iranian; "pro-Houthi forces" are the Houthis' side
            return entry.type == ORGANIZATION and doc[span.start - 2].lower_ == "pro"
        if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in AFFILIATION_SUFFIXES:
            return False
    return True


def _shouted(span: Span) -> bool:
    """Whether the words around `span` are all capitals, so "US" may be the word "us"."""
    sentence = span.sent
    words = [t for t in sentence if t.is_alpha and not (span.start <= t.i < span.end)]
    return bool(words) and sum(t.is_upper for t in words) > len(words) / 2


def _root(doc: Doc, anchor: Anchor) -> Token:
    return doc[anchor.start : anchor.end].root


def _climb(token: Token) -> list[Token]:
    """Return the chain of heads a premodifier climbs: "Hungarian" -> "officials"."""
    chain = [token]
    while True:
        if token.dep_ in PREMODIFIER_DEPS and token.head.i > token.i:
            token = token.head
        elif token.dep_ == "conj" and token.head.dep_ in PREMODIFIER_DEPS and token.head.head.i > token.i:
            token = token.head.head
        elif token.dep_ == "punct" and token.head.i > token.i and token.head.dep_ in PREMODIFIER_DEPS:
            token = token.head
        else:
            return chain
        chain.append(token)


def _phrase(doc: Doc, head: Anchor, members: list[Anchor]) -> Phrase:
    root = _root(doc, head)
    start = min([head.start] + [m.start for m in members])
    for child in root.lefts:
        if child.dep_ in PREMODIFIER_DEPS or child.dep_ == "det":
            start = min(start, child.left_edge.i)
    phrase = Phrase(head, members, start, head.end)
    modifiers = [m for m in members if m is not head]
    modifiers += head.inner + [inner for m in modifiers for inner in m.inner]
    sources = [m for m in modifiers if m.entry is not None and m.entry.type in STATE_SOURCES]
    titles = [m for m in modifiers if m.entry is not None and m.entry.type == SECTOR]
    countries = _distinct_countries(sources)
    phrase.country = countries[0].entry.country if countries else None
    entry = head.entry
    if entry is None:  # a PERSON or ORG entity
        phrase.kind = "person" if head.is_person else "organization"
        phrase.name = _text_without_det(doc, head.start, head.end)
        phrase.sector = titles[-1].entry.sector if titles else None
        for title in titles:
            if title.start <= root.i < title.end:
                phrase.sector = title.entry.sector  # "the Iraqi Interior Ministry"
                members = [t for t in titles if t.start >= title.end and t.entry.sector]
                if title.entry.role == GENERIC and members:
                    phrase.sector = members[-1].entry.sector  # "the National Union of Teachers"
        phrase.cued = bool(countries or titles)
        if phrase.sector is None and sources and sources[-1].entry.type in (ORGANIZATION, SEAT):
            phrase.sector = sources[-1].entry.sector
        return phrase
    phrase.kind = entry.kind
    phrase.name = entry.name
    phrase.cued = True
    if entry.type == SECTOR:
        phrase.sector = entry.sector
        phrase.name = _text_without_det(doc, phrase.start, phrase.end)
        if len(countries) > 1:
            phrase.split = countries
            phrase.split_sectors = [
                a.entry.sector if a.entry.type == ORGANIZATION and a.entry.sector and entry.role in (GENERIC, WEAK)
                else entry.sector
                for a in countries
            ]
        modifier_sector = _modifier_sector(sources, titles)
        if modifier_sector and entry.role in (GENERIC, WEAK):
            phrase.sector = _combine_sectors(modifier_sector, entry.sector)
        if entry.role == WEAK and not (countries or titles or _org_modifier(sources)):
            phrase.dropped = True  # "the head", "members": wait for an of-object
        if phrase.sector == "UAF" and phrase.country:
            phrase.sector = "REB"  # "Palestinian gunmen" are identified, "unknown gunmen" are not
        if phrase.sector == "JRN" and any(doc[i].lower_ in STATE_MEDIA_WORDS for i in range(phrase.start, root.i)):
            phrase.sector = "GOV"  # state media speak for the government (CAMEO)
        return phrase
    if entry.type == ORGANIZATION:
        phrase.country = entry.country or phrase.country
        phrase.sector = entry.sector or (titles[-1].entry.sector if titles else None)
        return phrase
    phrase.country = entry.country
    phrase.sector = entry.sector
    phrase.start = min(phrase.start, head.start)
    if entry.type == ADJECTIVE:
        phrase.start = head.start  # "Iranian" in "Iranian cultural sites"
    if entry.type == CAPITAL and not _acts_as_capital(root):
        phrase.dropped = True
    if entry.type == SEAT and _is_location(root):
        phrase.dropped = True
    return phrase


def _combine_sectors(modifier: str, head: str | None) -> str:
    """Sector of a generic noun given its modifier's: "army officers" MIL, "regime fighters" MIL."""
    if modifier == "GOV" and head in ARMED_SECTORS:
        return "MIL" if head in ("REB", "UAF") else head
    return modifier


def _former(doc: Doc, phrase: Phrase) -> bool:
    """Whether the phrase names someone out of office: "former President", "ex-minister"."""
    return any(doc[i].lower_ in FORMER_WORDS for i in range(phrase.start, _root(doc, phrase.head).i))


def _distinct_countries(sources: list[Anchor]) -> list[Anchor]:
    seen: dict[str, Anchor] = {}
    for anchor in sources:
        country = anchor.entry.country if anchor.entry else None
        if country and country not in seen:
            seen[country] = anchor
    return list(seen.values())


def _org_modifier(sources: list[Anchor]) -> bool:
    return any(a.entry is not None and a.entry.type in (ORGANIZATION, SEAT) for a in sources)


def _modifier_sector(sources: list[Anchor], titles: list[Anchor]) -> str | None:
    """Return the sector a modifier gives: "army officers" (MIL), "Hamas leaders" (REB)."""
    for anchor in reversed(titles + [a for a in sources if a.entry.type in (ORGANIZATION, SEAT)]):
        if anchor.entry.sector:
            return anchor.entry.sector
    return None


def _text_without_det(doc: Doc, start: int, end: int) -> str:
    while start < end - 1 and doc[start].dep_ == "det":
        start += 1
    return doc[start:end].text


def _governing_preposition(token: Token) -> Token | None:
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "agent"):
        return token.head
    return None


def _is_location(token: Token) -> bool:
    """Whether a name is the object of a locative preposition: "in Washington", "at the Kremlin"."""
    preposition = _governing_preposition(token)
    return preposition is not None and preposition.lower_ in LOCATIVE_PREPOSITIONS


def _acts_as_capital(token: Token) -> bool:
    """Whether a capital is used for its government: subject, object, possessor, "by Tehran"."""
    while token.dep_ == "conj":
        token = token.head
    if token.dep_ in ACTOR_DEPS:
        return True
    preposition = _governing_preposition(token)
    if preposition is None:
        return False
    word = preposition.lower_
    if word in ACTOR_PREPOSITIONS:
        return True
    if word == "to" and preposition.head.lower_ == "according":
        return True
    return word in NOUN_PREPOSITIONS and preposition.head.pos_ in NOUN_POS


def _attach_object(doc: Doc, phrase: Phrase, by_root: dict[int, Phrase]) -> None:
    """Fill a sector phrase from its prepositional object.

    An of/for object gives country and, to a generic noun, sector ("Military forces of
    Ukraine", "leader of pro-Iran paramilitaries"); a country or capital after in/from/at gives
    the country ("opposition groups in Zimbabwe", "troops from Chad", "police in Kabul").
    """
    entry = phrase.head.entry
    if entry is None or entry.type != SECTOR:
        return
    root = _root(doc, phrase.head)
    for preposition in root.rights:
        word = preposition.lower_
        if preposition.dep_ != "prep" or word not in OBJECT_PREPOSITIONS | PLACE_PREPOSITIONS:
            continue
        for obj in preposition.children:
            other = by_root.get(obj.i) if obj.dep_ == "pobj" else None
            if other is None or other is phrase or not (other.country or other.sector):
                continue
            if word in PLACE_PREPOSITIONS:
                if phrase.country is not None or phrase.split or other.head.entry is None:
                    continue
                if other.head.entry.type not in (COUNTRY, CAPITAL):
                    continue
                phrase.country = other.country
            else:
                if phrase.country is None and not phrase.split:
                    phrase.country = other.country
                if entry.role in (GENERIC, WEAK) and other.sector and not _has_modifier_sector(phrase):
                    phrase.sector = _combine_sectors(other.sector, entry.sector)
                if phrase.dropped and entry.role == WEAK:
                    phrase.dropped = False
            other.absorbed = True
            phrase.end = max(phrase.end, other.end)
            return


def _has_modifier_sector(phrase: Phrase) -> bool:
    return any(m is not phrase.head and m.entry is not None and m.entry.type == SECTOR for m in phrase.members)


def _merge_apposition(doc: Doc, phrase: Phrase, by_root: dict[int, Phrase]) -> None:
    """Merge "Zarif, the head of Iranian diplomacy" into one person with the apposition's codes."""
    if phrase.dropped or phrase.absorbed:
        return
    root = _root(doc, phrase.head)
    for child in root.rights:
        if child.dep_ != "appos":
            continue
        other = by_root.get(child.i)
        if other is None or other.dropped or other.absorbed:
            continue
        keep, give = (other, phrase) if other.head.is_person and not phrase.head.is_person else (phrase, other)
        if keep.head.entry is not None and keep.head.entry.type not in (ORGANIZATION, SEAT) and not keep.head.is_person:
            continue  # two coded phrases side by side: keep both
        if give.head.entry is None or give.head.entry.type != SECTOR:
            continue
        keep.country = keep.country or give.country
        keep.sector = keep.sector or give.sector
        keep.cued = True
        give.absorbed = True


def _emit(doc: Doc, phrase: Phrase) -> list[Mention]:
    root = _root(doc, phrase.head)
    plural = root.tag_ in ("NNS", "NNPS") or phrase.kind == "group"
    if phrase.split:
        return [
            Mention(a.start, a.end, a.entry.name, a.entry.country, sector, phrase.kind, root.i, plural)
            for a, sector in zip(phrase.split, phrase.split_sectors)
        ]
    return [
        Mention(phrase.start, phrase.end, phrase.name, phrase.country, phrase.sector, phrase.kind, root.i,
                plural, named=phrase.head.is_person, coded_person=phrase.head.is_person and phrase.cued)
    ]
