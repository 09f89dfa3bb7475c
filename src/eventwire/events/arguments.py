"""Source and target of a trigger from the dependency parse, as actor mentions."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.model import Actor

SUBJECT_LINKS = {"xcomp", "conj", "advcl", "pcomp", "prep", "acl", "dobj", "pobj", "ccomp"}
TARGET_PREPOSITIONS = {"against", "on", "at", "with", "to", "toward", "towards", "into", "from", "upon", "over", "of", "for"}
NOUN_TARGET_PREPOSITIONS = {"against", "on", "at", "with", "to", "toward", "towards", "into", "of", "upon", "over", "between"}
LIGHT_VERBS = {"launch", "carry", "conduct", "mount", "stage", "hold", "make", "impose", "begin", "start",
               "continue", "lead", "order", "announce", "undertake", "step", "resume", "renew", "open", "pass",
               "grant", "provide", "give", "offer", "send", "deliver", "complete", "issue", "file", "level"}
MAX_CLIMB = 4


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """Actor mentions of an article sorted by start offset, for span look-ups."""

    actors: tuple[Actor, ...]
    starts: tuple[int, ...]

    @classmethod
    def build(cls, actors: tuple[Actor, ...]) -> ActorIndex:
        ordered = tuple(sorted(actors, key=lambda a: (a.evidence.start, -a.evidence.end)))
        return cls(ordered, tuple(a.evidence.start for a in ordered))

    def within(self, start: int, end: int) -> list[Actor]:
        """Return the actors whose span lies inside [start, end)."""
        first = bisect_left(self.starts, start)
        return [a for a in self.actors[first:] if a.evidence.start < end and a.evidence.end <= end]

    def covering(self, start: int, end: int) -> list[Actor]:
        """Return the actors whose span overlaps [start, end)."""
        return [a for a in self.actors if a.evidence.start < end and start < a.evidence.end]


def actors_of(head: Token, index: ActorIndex) -> list[Actor]:
    """Return the actors a noun phrase headed by `head` names (conjuncts included).

    The head's own mention first ("Iranian parliament"), then its pre-modifiers
    ("Hungarian and Romanian officials"), appositions ("Zarif, the head of Iranian
    diplomacy"), and last the nearest actor anywhere in its subtree ("bases sheltering
    American soldiers").
    """
    found: list[Actor] = []
    for token in (head, *head.conjuncts):
        found.extend(_phrase_actors(token, index))
    return _unique(found)


def _phrase_actors(token: Token, index: ActorIndex) -> list[Actor]:
    own = index.covering(token.idx, token.idx + len(token))
    if own:
        return own
    left = token.left_edge.idx
    premodifiers = index.within(left, token.idx + len(token))
    if premodifiers:
        return premodifiers
    for child in token.children:
        if child.dep_ == "appos":
            appositive = index.within(child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
            if appositive:
                return appositive[:1]
    subtree = index.within(left, token.right_edge.idx + len(token.right_edge))
    return subtree[:1]


def find_arguments(trigger: Token, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    """Return (sources, targets) of the event `trigger` signals."""
    if trigger.pos_ == "NOUN":
        return _noun_arguments(trigger, index)
    return _verb_arguments(trigger, index)


def _verb_arguments(verb: Token, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    sources: list[Actor] = []
    targets: list[Actor] = []
    passive = any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)
    for child in verb.children:
        if child.dep_ == "nsubj":
            sources += actors_of(child, index)
        elif child.dep_ == "nsubjpass":
            targets += actors_of(_relative_head(child), index)
        elif child.dep_ == "agent":
            sources += [a for pobj in child.children if pobj.dep_ == "pobj" for a in actors_of(pobj, index)]
        elif child.dep_ in ("dobj", "dative", "attr", "oprd"):
            targets += actors_of(child, index)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            objects = [a for pobj in child.children if pobj.dep_ == "pobj" for a in actors_of(pobj, index)]
            if child.lower_ == "from" and passive:
                sources += objects
            elif child.lower_ != "for" or not targets:
                targets += objects
    if not sources and not passive:
        subject = _inherited_subject(verb)
        if subject is not None:
            sources += actors_of(subject, index)
    if verb.dep_ == "relcl" and not sources and not passive:
        sources += actors_of(verb.head, index)
    if not targets:
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp"):
                targets += _verb_arguments(child, index)[1]
    return _coded_first(sources), _coded_first(t for t in targets if t not in sources)


def _noun_arguments(noun: Token, index: ActorIndex) -> tuple[list[Actor], list[Actor]]:
    sources: list[Actor] = []
    targets: list[Actor] = []
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i):
            sources += actors_of(child, index)
        elif child.dep_ == "prep" and child.lower_ == "by":
            sources += [a for pobj in child.children for a in actors_of(pobj, index)]
        elif child.dep_ == "prep" and child.lower_ in NOUN_TARGET_PREPOSITIONS:
            targets += [a for pobj in child.children if pobj.dep_ == "pobj" for a in actors_of(pobj, index)]
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ == "VERB":  # "remained on alert"
        head, noun = head.head, head
    if not sources and noun.dep_ in ("dobj", "nsubjpass", "prep") and head.lemma_.lower() in LIGHT_VERBS | {
            "remain", "stay", "go", "put", "be", "place", "keep"}:
        verb_sources, verb_targets = _verb_arguments(head, index)
        sources += verb_sources
        targets += [t for t in verb_targets if t not in sources]
    return _coded_first(sources), _coded_first(t for t in targets if t not in sources)


def _inherited_subject(verb: Token) -> Token | None:
    """Return the subject a verb shares with the clause it depends on ("X agreed to meet")."""
    child = verb
    for _ in range(MAX_CLIMB):
        if child.dep_ not in SUBJECT_LINKS or child.head is child:
            return None
        child = child.head
        for sibling in child.children:
            if sibling.dep_ == "nsubj":
                return _relative_head(sibling)
    return None


def _relative_head(subject: Token) -> Token:
    """Resolve a relative pronoun subject ("who", "which") to the noun it stands for."""
    if subject.tag_ in ("WP", "WDT") and subject.head.dep_ == "relcl":
        return subject.head.head
    return subject


def _coded_first(actors) -> list[Actor]:
    """Unique actors; uncoded ones (no country, no sector) only when no actor is coded."""
    unique = _unique(actors)
    coded = [actor for actor in unique if actor.country or actor.sector]
    return coded or unique


def _unique(actors) -> list[Actor]:
    seen: set[tuple] = set()
    unique = []
    for actor in actors:
        key = (actor.name, actor.country, actor.sector, actor.evidence.start)
        if key not in seen:
            seen.add(key)
            unique.append(actor)
    return unique
