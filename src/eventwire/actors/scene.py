"""The country a sentence is set in, for actors the text gives no country ("President Avril").

News names domestic actors without their country: "President Bouteflika threatened a curfew
in Algiers", "police will no longer tolerate rallies" in a Cairo story. When a sentence is
set in one country (the only country it names, or the only one named as the place where
things happen: "in Serbia", "in East Timor's capital Dili"), its uncoded actors that hold an
office or belong to a sector take that country, as PLOVER coders do.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from eventwire.actors.knowledge import (
    ADJECTIVE,
    CAPITAL,
    COUNTRY,
    NON_ACTOR,
    PLURAL,
    SEAT,
    SECTOR,
    KnowledgeBase,
    given_name,
    unattributed_means,
)
from eventwire.actors.phrases import AFFILIATION_PREFIXES, STATE_SECTORS, Mention, _climb, _is_location
from eventwire.events.lexicon import lemmas, load_lexicon, word_list
from eventwire.nlp.parse import tokens_with_lemmas

# an organisation's nationality does not set a scene: "AP" reports from anywhere, "Hezbollah
# fighters" fight in Syria
SCENE_TYPES = frozenset({COUNTRY, ADJECTIVE, PLURAL, CAPITAL, SEAT})
# an owner pronoun and the subject pronoun that can stand for the same owner
SUBJECT_PRONOUNS = {"its": "it", "their": "they"}


def fill_scene_countries(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    """Give uncoded-country mentions with a sector (or a title) the country of their sentence.

    Example:
        "President Abdelaziz Bouteflika threatened a curfew in Algiers." -> DZA GOV
    """
    named = _named_countries(doc, kb)
    scenes = _scenes(named)
    by_head = {mention.head: mention for mention in mentions if mention.country}
    filled = []
    for mention in mentions:
        if mention.country is None and mention.sector:
            shared = (_owner_country(doc, mention, by_head) or _conjunct_country(doc, mention, by_head)
                      or _leader_country(doc, mention, by_head))
            if shared is not None:
                mention = dataclasses.replace(mention, country=shared)
        if mention.plural and mention.sector == "CVL" and mention.country:
            home = _residence(doc, mention, kb, scenes)
            if home is not None:
                mention = dataclasses.replace(mention, country=home)
        if mention.country is None and (mention.sector or mention.coded_person or mention.kind == "person"):
            country = _clause_scene(doc, mention, named)
            if country is not None and not _opposed(doc, mention, country, kb):
                mention = dataclasses.replace(mention, country=country)
        filled.append(mention)
    filled += _unattributed_mentions(doc, filled, named)
    return sorted(filled, key=lambda m: (m.start, m.end))


def _unattributed_mentions(doc: Doc, mentions: list[Mention], named: dict[int, dict[str, set[int]]]) -> list[Mention]:
    """Unidentified attackers (UAF) for bombs and blasts that act: "a car bomb killed ...",
    "was killed in a car bomb explosion", coded with the country their clause is set in."""
    covered = {i for mention in mentions for i in range(mention.start, mention.end)}
    known = unattributed_means()
    found = []
    for token in tokens_with_lemmas(doc, {entry.split()[-1] for entry in known}):
        if token.pos_ != "NOUN" or token.i in covered:
            continue
        words = [t.lemma_.lower() for t in token.lefts if t.dep_ == "compound"] + [token.lemma_.lower()]
        if words[-1] not in known and " ".join(words[-2:]) not in known:
            continue
        if not (token.dep_ == "nsubj" or _means_of_passive(token)):
            continue
        start = token.left_edge.i
        mention = Mention(start, token.i + 1, "unidentified attackers", None, "UAF", "group", token.i)
        found.append(dataclasses.replace(mention, country=_clause_scene(doc, mention, named)))
    return found


def _means_of_passive(token: Token) -> bool:
    """ "killed in a car bomb explosion", "wounded by a blast"."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ not in ("in", "by"):
        return False
    verb = preposition.head
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def scene_countries(doc: Doc | Span, kb: KnowledgeBase) -> dict[int, str]:
    """Return sentence start token -> the one country the sentence is set in (if one), for
    the sentences of a document or of a span of it.

    That is the only country the sentence names, or else the only one it names as a place
    ("in Serbia", "in East Timor's capital Dili").
    """
    return _scenes(_named_countries(doc, kb))


def _scenes(named: dict[int, dict[str, set[int]]]) -> dict[int, str]:
    scenes = {}
    for start, countries in named.items():
        located = {country for country, clauses in countries.items() if clauses}
        if len(countries) == 1:
            scenes[start] = next(iter(countries))
        elif len(located) == 1:
            scenes[start] = located.pop()
    return scenes


def _named_countries(doc: Doc | Span, kb: KnowledgeBase) -> dict[int, dict[str, set[int]]]:
    """Sentence start -> country -> the clauses (verb indices) that name it as a location."""
    matches = kb.match(doc)
    blocked = {i for span, entry in matches if entry.type == NON_ACTOR for i in range(span.start, span.end)}
    actor_words = {i for span, entry in matches if entry.type == SECTOR for i in range(span.start, span.end)}
    matched = {i for span, _ in matches for i in range(span.start, span.end)}
    named: dict[int, dict[str, set[int]]] = {}
    for span, entry in matches:
        if (entry.type not in SCENE_TYPES or entry.country not in kb.countries or _affiliated(span)
                or given_name(span, entry, matched)
                or _owns_a_thing(span, actor_words) or any(i in blocked for i in range(span.start, span.end))):
            continue
        clauses = named.setdefault(span.sent.start, {}).setdefault(entry.country, set())
        top = _climb(span.root)[-1]
        if _is_location(top) and _locates_clause(top):
            clauses.add(_clause(top).i)
    return named


def _locates_clause(place: Token) -> bool:
    """Whether a place after a locative preposition tells where its clause happens, not where
    an event the clause only names did: "upset over the execution of a cleric in Saudi Arabia
    set fire to the embassy in Tehran" happens in Tehran; "swore to gain control of villages
    near Macedonia's border" still near Macedonia."""
    lexicon = load_lexicon()
    token = place.head.head
    while token.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
        words = lemmas(token)
        if any(lexicon.candidates(lemma, "NOUN") for lemma in words) or not word_list("patient_nouns").isdisjoint(words):
            return False
        token = token.head.head if token.dep_ == "pobj" else token.head
    return True


def _clause_scene(doc: Doc, mention: Mention, named: dict[int, dict[str, set[int]]]) -> str | None:
    """The country of the mention's sentence, or the one named as a place in its own clause."""
    countries = named.get(doc[mention.start].sent.start, {})
    if len(countries) == 1:
        return next(iter(countries))
    clause = _clause(doc[mention.head]).i
    located = [country for country, clauses in countries.items() if clause in clauses]
    return located[0] if len(located) == 1 else None


def _clause(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the sentence root at most)."""
    while token.head.i != token.i and not (token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")):
        token = token.head
    return token


def _owner_country(doc: Doc, mention: Mention, by_head: dict[int, Mention]) -> str | None:
    """An actor of "its" or "their" belongs to the subject of its clause: "Saudi Arabia
    recalled its ambassador from Tehran", "the United States withdrew its troops"; where the
    actor is that subject, or the subject is a pronoun, to the subject of the clause that
    reports it ("Turkey said its soldiers were attacked", "Washington said it would withdraw
    its troops")."""
    root = doc[mention.head]
    possessive = next((c for c in root.children if c.dep_ == "poss" and c.lower_ in SUBJECT_PRONOUNS), None)
    if possessive is None:
        return None
    verb = _clause(root)
    for _ in range(2):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not child.left_edge.i <= root.i <= child.right_edge.i:
                owner = by_head.get(child.i)
                if owner is not None or child.pos_ != "PRON":
                    return owner.country if owner is not None else None
                if child.lower_ != SUBJECT_PRONOUNS[possessive.lower_]:
                    return None  # "Kenya said it had sent their soldiers": whose is unclear
        if verb.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or verb.head.i == verb.i:
            return None
        verb = _clause(verb.head)
    return None


def _leader_country(doc: Doc, mention: Mention, by_head: dict[int, Mention]) -> str | None:
    """A state body or force named by the person who leads it has that person's country: "the
    government of Bashar al-Assad", "the administration of President Duterte", "forces loyal
    to President Assad" (not "supporters of Trump": only state sectors)."""
    if mention.sector not in STATE_SECTORS:
        return None
    root = doc[mention.head]
    prepositions = [child for child in root.children if child.dep_ == "prep" and child.lower_ == "of"]
    prepositions += [prep for adjective in root.children if adjective.lower_ == "loyal"
                     for prep in adjective.children if prep.dep_ == "prep" and prep.lower_ == "to"]
    for preposition in prepositions:
        for leader in preposition.children:
            owner = by_head.get(leader.i)
            if leader.dep_ == "pobj" and owner is not None and owner.kind == "person":
                return owner.country
    return None


def _conjunct_country(doc: Doc, mention: Mention, by_head: dict[int, Mention]) -> str | None:
    """A bare conjunct shares its first conjunct's country: "Israeli helicopters and tanks"."""
    root = doc[mention.head]
    if root.dep_ != "conj" or any(child.dep_ not in ("cc", "punct") for child in root.lefts):
        return None
    first = by_head.get(root.head.i)
    return first.country if first is not None else None


def _residence(doc: Doc, mention: Mention, kb: KnowledgeBase, scenes: dict[int, str]) -> str | None:
    """Where an ethnic group lives, when the text says so: "Albanians of southern Serbia",
    "ethnic Albanians demonstrated in Serbia" (PLOVER codes ethnic groups by residence)."""
    root = doc[mention.head]
    for preposition in root.rights:
        if preposition.dep_ == "prep" and preposition.lower_ in ("of", "in"):
            for obj in preposition.children:
                span = doc[obj.left_edge.i : obj.i + 1]
                countries = {entry.country for _, entry in kb.match(span) if entry.type == COUNTRY}
                if len(countries) == 1:
                    return countries.pop()
    if any(doc[i].lower_ == "ethnic" for i in range(mention.start, mention.head)):
        scene = scenes.get(root.sent.start)
        if scene is not None and scene != mention.country:
            return scene
    return None


def _owns_a_thing(span: Span, actor_words: set[int]) -> bool:
    """ "the US dollar": a country named as a kind of thing, not a setting ("US troops" names
    an actor and does set one)."""
    root = span.root
    return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i not in actor_words


def _affiliated(span: Span) -> bool:
    """ "pro-Iran", "anti-Syria": a stance, not a setting."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in AFFILIATION_PREFIXES


def _opposed(doc: Doc, mention: Mention, country: str, kb: KnowledgeBase) -> bool:
    """Whether the mention itself names the country after pro-/anti- ("anti-Syria journalist")."""
    for _, entry in kb.match(doc[mention.start : mention.end]):
        if entry.country == country:
            return True
    return False
