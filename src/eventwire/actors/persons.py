"""Carry a person's codes to later mentions: repeated names, "he"/"she", "him"/"her", "they",
"his country"."""

from __future__ import annotations

import dataclasses
from bisect import bisect_left

from spacy.tokens import Doc, Token

from eventwire.actors.knowledge import KnowledgeBase
from eventwire.actors.phrases import LOCATIVE_PREPOSITIONS, Mention
from eventwire.events.modality import reporting_verbs
from eventwire.nlp.parse import tokens_of_words, tokens_with_lemmas

PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"they"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
OBJECT_PRONOUNS = frozenset({"him", "her"})
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | POSSESSIVE_PRONOUNS | OBJECT_PRONOUNS
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SUBORDINATORS = frozenset({"while", "although", "though", "when", "after", "before", "as", "if", "since",
                           "because", "once", "until", "whereas"})
HOMELAND_NOUNS = frozenset({"country", "nation", "homeland"})
# "the group", "the militant organisation": a description that refers back to a named one
GROUP_NOUNS = frozenset({"group", "organization", "organisation", "militia", "movement", "faction"})
GROUP_WINDOW = 2  # sentences before the description where its antecedent may be
# "the report", "the statement": a document that speaks for whoever issued it ("the State
# Department said ... The report denounced Iran"): the latest actor that said or issued
# something, within this many sentences before
DOCUMENT_NOUNS = frozenset({"report", "statement", "communique", "communiqué", "declaration"})
ISSUING_VERBS = frozenset({"release", "issue", "publish"})
DOCUMENT_WINDOW = 5


def link_persons(doc: Doc, mentions: list[Mention], kb: KnowledgeBase, date: str | None = None) -> list[Mention]:
    """Return `mentions` with later name mentions coded and pronoun mentions added, in text order.

    A name the text gives no (or half a) code is looked up among earlier mentions, then among
    the knowledge base's office holders on `date` (ISO, None when unknown).

    Example:
        "US President Donald Trump spoke. Trump said ..." -> the second "Trump" is USA GOV.
    """
    known: dict[str, Mention] = {}
    linked: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: m.start):
        words = mention.name.split()
        reference = known.get(mention.name)
        if reference is None and mention.named and words:
            reference = known.get(words[-1])
        if reference is not None and (mention.named or _uncoded_organization(mention)):
            # "President Kagame" after "Paul Kagame"; "Gasasira" tagged ORG after "Jean Bosco Gasasira"
            mention = dataclasses.replace(mention, name=reference.name, kind="person", named=True,
                                          country=mention.country or reference.country,
                                          sector=mention.sector or reference.sector,
                                          coded_person=mention.coded_person or reference.coded_person)
        if (mention.named and (mention.country is None or mention.sector is None)) or _uncoded_organization(mention):
            # "Trump" tagged ORG is still the known person
            record = kb.person(mention.name, date)
            if record is not None:
                mention = dataclasses.replace(mention, country=mention.country or record.country,
                                              sector=mention.sector or record.sector, coded_person=True,
                                              kind="person", named=True)
        if mention.named:
            words = mention.name.split()
            if mention.name not in known or (mention.coded_person and not known[mention.name].coded_person):
                known[mention.name] = mention
            if len(words) > 1 and (words[-1] not in known or len(known[words[-1]].name) < len(mention.name)):
                known[words[-1]] = mention
        linked.append(mention)
    linked.extend(_untagged_names(doc, linked, known))
    linked.extend(_pronoun_mentions(doc, linked, kb))
    linked = _group_descriptions(doc, sorted(linked, key=lambda m: (m.start, m.end)))
    return _document_descriptions(doc, linked)


def _group_descriptions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Code "the group" ("the militant group", "the organization's fighters") as the latest
    organisation the text names in its sentence or the two before ("Al-Nusra fighters set up
    checkpoints. The group also seized buildings": al-Nusra seized them). A description the
    text codes with a country of its own, or one of a kind ("the group of protesters"), stays."""
    by_head = {m.head: index for index, m in enumerate(mentions)}
    result = list(mentions)
    for token in tokens_of_words(doc, GROUP_NOUNS):
        if (token.lemma_.lower() not in GROUP_NOUNS or token.tag_ != "NN"
                or token.dep_ not in SUBJECT_DEPS | {"poss"}
                or not any(child.dep_ == "det" and child.lower_ == "the" for child in token.children)
                or any(child.dep_ == "prep" and child.lower_ == "of" for child in token.children)):
            continue
        own = by_head.get(token.i)
        if own is not None and (mentions[own].named or mentions[own].country):
            continue
        antecedent = _named_group_antecedent(token, mentions)
        if antecedent is None:
            continue
        start = mentions[own].start if own is not None else token.left_edge.i
        copy = _copy(antecedent, start, token.i + 1, token.i)
        if own is not None:
            result[own] = copy
        else:
            result.append(copy)
    return sorted(result, key=lambda m: (m.start, m.end))


def _named_group_antecedent(token: Token, mentions: list[Mention]) -> Mention | None:
    """The latest coded group mention with a proper name in it before `token`, within
    `GROUP_WINDOW` sentences."""
    start = token.sent.start
    for _ in range(GROUP_WINDOW):
        if start > 0:
            start = token.doc[start - 1].sent.start
    candidates = [m for m in mentions if m.kind == "group" and (m.country or m.sector) and start <= m.start
                  and m.end <= token.i and any(t.pos_ == "PROPN" for t in token.doc[m.start:m.end])]
    return candidates[-1] if candidates else None


def _document_descriptions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Code "the report" ("the statement") as the latest actor that said or issued something
    in its sentence or the `DOCUMENT_WINDOW` before ("the State Department said ... The
    report lauded Kenyan Muslims": the Department lauded them); each resolved one speaks in
    turn for the next. A document the text codes itself ("the UN report") stays."""
    by_head = {m.head: index for index, m in enumerate(mentions)}
    result = list(mentions)
    for token in tokens_with_lemmas(doc, DOCUMENT_NOUNS):
        if (token.tag_ != "NN"
                or token.dep_ not in SUBJECT_DEPS
                or not any(child.dep_ == "det" and child.lower_ == "the" for child in token.children)
                or any(child.dep_ in ("prep", "poss", "compound", "amod") and child.pos_ != "ADJ"
                       for child in token.children)):
            continue
        own = by_head.get(token.i)
        if own is not None:
            continue
        antecedent = _issuer(token, result)
        if antecedent is not None:
            result.append(_copy(antecedent, token.left_edge.i, token.i + 1, token.i))
    return sorted(result, key=lambda m: (m.start, m.end))


def _issuer(token: Token, mentions: list[Mention]) -> Mention | None:
    """The latest mention with a country that is the subject of a sentence's reporting or
    issuing verb (not of one it reports: "it said that Boko Haram claimed ...") before
    `token`, within `DOCUMENT_WINDOW` sentences."""
    start = token.sent.start
    for _ in range(DOCUMENT_WINDOW):
        if start > 0:
            start = token.doc[start - 1].sent.start
    verbs = reporting_verbs() | ISSUING_VERBS
    candidates = [m for m in mentions if m.country and start <= m.start and m.end <= token.i
                  and token.doc[m.head].dep_ in SUBJECT_DEPS and token.doc[m.head].head.dep_ == "ROOT"
                  and token.doc[m.head].head.lemma_.lower() in verbs]
    return max(candidates, key=lambda m: m.start, default=None)


def _uncoded_organization(mention: Mention) -> bool:
    return mention.kind == "organization" and mention.country is None and mention.sector is None


def _untagged_names(doc: Doc, mentions: list[Mention], known: dict[str, Mention]) -> list[Mention]:
    """Find later surnames the model did not tag as persons ("Andreou said", tagged GPE)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in tokens_of_words(doc, [name for name in known if " " not in name]):
        reference = known.get(token.text)
        if (reference is None or token.i in covered or token.pos_ != "PROPN" or token.i < reference.end
                or reference.name == token.text or token.dep_ == "compound"):
            continue
        found.append(_copy(reference, token.i, token.i + 1, token.i))
    return found


def _pronoun_mentions(doc: Doc, mentions: list[Mention], kb: KnowledgeBase) -> list[Mention]:
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    starts = [m.start for m in ordered]
    found = []
    for token in tokens_of_words(doc, PRONOUNS):
        word = token.lower_
        # an antecedent lies in the pronoun's sentence or the one before: look no further
        mentions = ordered[bisect_left(starts, _previous_sentence_start(token)):
                           bisect_left(starts, token.sent.end)]
        if word in PERSON_PRONOUNS and token.dep_ in SUBJECT_DEPS:
            antecedent = _person_antecedent(token, mentions)
            if antecedent is not None:
                found.append(_copy(antecedent, token.i, token.i + 1, token.i))
        elif word in OBJECT_PRONOUNS and token.tag_ == "PRP" and token.dep_ in OBJECT_DEPS:
            antecedent = _object_antecedent(token, mentions, found)
            if antecedent is not None:
                found.append(_copy(antecedent, token.i, token.i + 1, token.i))
        elif word in GROUP_PRONOUNS and token.dep_ in SUBJECT_DEPS:
            pair = _reporting_subjects(token, mentions) or _conjoined_subjects(token, mentions)
            antecedent = None if pair else _group_antecedent(token, mentions)
            for each in pair or ([antecedent] if antecedent is not None else []):
                found.append(_copy(each, token.i, token.i + 1, token.i))
        elif word in POSSESSIVE_PRONOUNS and token.dep_ == "poss" and token.head.lemma_ in HOMELAND_NOUNS:
            noun = token.head
            if _is_locative(noun):
                continue
            antecedent = _person_antecedent(token, mentions)
            if antecedent is not None and antecedent.country:
                found.append(Mention(token.i, noun.i + 1, kb.countries.get(antecedent.country, antecedent.country),
                                     antecedent.country, None, "state", noun.i))
    return found


def _copy(antecedent: Mention, start: int, end: int, head: int) -> Mention:
    return dataclasses.replace(antecedent, start=start, end=end, head=head)


def _is_locative(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS


def _previous_sentence_start(token: Token) -> int:
    sentence = token.sent
    if sentence.start == 0:
        return 0
    return token.doc[sentence.start - 1].sent.start


def _is_person(mention: Mention) -> bool:
    return mention.named or (mention.kind == "person" and not mention.plural)


def _person_antecedent(token: Token, mentions: list[Mention]) -> Mention | None:
    """Most recent person in this or the previous sentence; a later one for "while he ..., Trump"."""
    sentence = token.sent
    subject = _governing_subject(token, mentions)
    if subject is not None:
        return subject
    earlier = [m for m in mentions if _is_person(m) and sentence.start <= m.start < token.i]
    if not earlier and _in_fronted_clause(token):
        later = [m for m in mentions if _is_person(m) and token.i < m.start < sentence.end and m.named]
        if later:
            return later[0]
    window = _previous_sentence_start(token)
    candidates = [m for m in mentions if _is_person(m) and window <= m.start and m.end <= token.i]
    return candidates[-1] if candidates else None


def _object_antecedent(token: Token, mentions: list[Mention], resolved: list[Mention]) -> Mention | None:
    """Most recent person in this or the previous sentence who is not the subject of the
    pronoun's own clause, named or a pronoun already `resolved` ("authorities singled Besigye
    out and charged him": him is Besigye; in "Trump praised him" him is not Trump)."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    own = set()
    for clause in (verb, *([verb.head] if verb.dep_ == "conj" else [])):
        own |= {child.i for child in clause.children if child.dep_ in SUBJECT_DEPS}
    subjects = {m.name for m in resolved if m.head in own}
    window = _previous_sentence_start(token)
    candidates = [m for m in mentions if _is_person(m) and window <= m.start and m.end <= token.i
                  and m.head not in own and m.name not in subjects]
    return candidates[-1] if candidates else None


def _governing_subject(token: Token, mentions: list[Mention]) -> Mention | None:
    """Return the person subject of a clause above the pronoun: "Trump said he would ..."."""
    heads = {m.head: m for m in mentions if _is_person(m) and m.end <= token.i}
    for ancestor in token.ancestors:
        for child in ancestor.children:
            if child.dep_ in SUBJECT_DEPS and child.i != token.i and child.i in heads:
                return heads[child.i]
    return None


def _conjoined_subjects(token: Token, mentions: list[Mention]) -> list[Mention]:
    """The persons "they" stands for when the clause above it has them as conjoined subjects:
    "Trump and Xi chat as they walk along the patio"."""
    heads = {m.head: m for m in mentions if _is_person(m) and m.end <= token.i}
    for ancestor in token.ancestors:
        for child in ancestor.children:
            if child.dep_ in SUBJECT_DEPS and child.i != token.i and child.i in heads:
                people = [heads[t.i] for t in (child, *child.conjuncts) if t.i in heads]
                return people if len(people) > 1 else []
    return []


def _reporting_subjects(token: Token, mentions: list[Mention]) -> list[Mention]:
    """The coded group that says what "they" did: "Iraqi and Kurdish forces say they have
    retaken a dozen villages" (not "police arrested them after they attacked")."""
    heads = {m.head: m for m in mentions if m.plural and (m.country or m.sector) and m.end <= token.i}
    verb = token.head
    if token.dep_ not in SUBJECT_DEPS or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in reporting_verbs():
        return []
    for child in verb.head.children:
        if child.dep_ == "nsubj" and child.i in heads:
            return [heads[t.i] for t in (child, *child.conjuncts) if t.i in heads]
    return []


def _in_fronted_clause(token: Token) -> bool:
    """Whether the pronoun is the subject of a clause opened by "while", "when", ... ."""
    return any(child.dep_ == "mark" and child.lower_ in SUBORDINATORS and child.i < token.i
               for child in token.head.children)


def _group_antecedent(token: Token, mentions: list[Mention]) -> Mention | None:
    """Most recent plural actor with a code in the previous sentence, subjects first."""
    sentence = token.sent
    window = _previous_sentence_start(token)
    candidates = [m for m in mentions if m.plural and (m.country or m.sector)
                  and window <= m.start and m.end <= token.i and m.start < sentence.start]
    if not candidates:
        candidates = [m for m in mentions if m.plural and (m.country or m.sector)
                      and sentence.start <= m.start and m.end <= token.i]
    subjects = [m for m in candidates if token.doc[m.head].dep_ in SUBJECT_DEPS]
    chosen = subjects or candidates
    return chosen[-1] if chosen else None
