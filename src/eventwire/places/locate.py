"""Give each event the place where it happened, read from the parse around its trigger.

In order: a place syntactically attached to the trigger ("fired at the bases of Ain
al-Assad and Erbil", "killed in Baghdad", "the Baghdad strike"), searched in the event's
main mention then its other mentions; else the place of the trigger's sentence nearest to
the trigger, preferring objects of locative prepositions ("in Dehloran county") to noun
modifiers ("US dollar"); else the article's focus place (its most mentioned place that is
not an actor).
A place that is one of the event's actors ("Washington" as the source) or the subject of
the trigger is never its location, nor is a place named through an adjective ("Iranian").
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from eventwire.context import Context
from eventwire.model import Article, Event, Evidence, Place
from eventwire.places.resolve import is_adjectival
from eventwire.registry import register

LOCATION_PREPS = frozenset({"in", "at", "near", "against", "on", "inside", "outside", "across",
                            "around", "throughout", "into", "within", "over", "off"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
MAX_PATH = 6
PRECISION_RANK = {"feature": 0, "city": 1, "admin1": 2, "country": 3}


@register("location", "syntax.v1")
def locate_events(article: Article, ctx: Context) -> Article:
    """Fill `place` and `place_precision` of every event of the article.

    Example:
        article = locate_events(article, ctx)
        article.events[0].place.name  # "Al Asad Air Base"
    """
    if not article.events:
        return article
    gazetteer = ctx.gazetteer
    places = [p for p in article.places if p.lat is not None and not is_adjectival(p, gazetteer)]
    focus = focus_place(places, article.actors)
    events = tuple(_locate(event, article, places, focus) for event in article.events)
    return dataclasses.replace(article, events=events)


def place_precision(place: Place) -> str:
    """Return how precise a place is: "feature", "city", "admin1" or "country"."""
    code = place.feature_code or ""
    if code.startswith("PCL") or code == "CONT":
        return "country"
    if code.startswith("ADM") or code == "RGN":
        return "admin1"
    if place.feature_class == "P":
        return "city"
    return "feature"


def focus_place(places: list[Place], actors: Iterable) -> Place | None:
    """Return the article's most mentioned place among mentions that are not actors."""
    actor_spans = [(a.evidence.start, a.evidence.end) for a in actors]
    counts: Counter = Counter()
    first: dict[tuple, Place] = {}
    for place in places:
        if _overlaps(place.evidence, actor_spans):
            continue
        key = (place.geonameid, place.name, place.lat, place.lon)
        counts[key] += 1
        first.setdefault(key, place)
    if not counts:
        return None
    best = max(counts, key=lambda key: (counts[key], -first[key].evidence.start))
    return first[best]


def _locate(event: Event, article: Article, places: list[Place], focus: Place | None) -> Event:
    actor_spans = [(a.evidence.start, a.evidence.end) for a in (*event.sources, *event.targets)]
    allowed = [p for p in places if not _overlaps(p.evidence, actor_spans)]
    place = None
    doc = article.doc
    evidences = [event.evidence, *(m for m in event.mentions if m != event.evidence)]
    if doc is not None:
        for evidence in evidences:
            place = _attached(doc, evidence, event.trigger, allowed)
            if place is not None:
                break
    if place is None:
        place = _in_sentence(doc, event.evidence, event.trigger, allowed, article)
    if place is None and focus is not None and not _overlaps(focus.evidence, actor_spans):
        place = focus
    if place is None:
        return event
    return dataclasses.replace(event, place=place, place_precision=place_precision(place))


def _attached(doc: Doc, evidence: Evidence, trigger: str, places: list[Place]) -> Place | None:
    head = _trigger_token(doc, evidence, trigger)
    if head is None:
        return None
    attached = []
    for place in places:
        token = _place_token(doc, place)
        if token is None or token.sent != head.sent or token.dep_ in SUBJECT_DEPS and token.head == head:
            continue
        if _is_attached(token, head):
            attached.append(place)
    if not attached:
        return None
    return min(attached, key=lambda p: (PRECISION_RANK[place_precision(p)], abs(p.evidence.start - head.idx)))


def _is_attached(token: Token, trigger: Token) -> bool:
    """Whether the place token hangs from the trigger through a locative preposition, or
    modifies the trigger noun directly ("the Baghdad strike")."""
    if token.head == trigger and token.dep_ in NOUN_MODIFIER_DEPS:
        return True
    path = []
    current = token
    while current != trigger and current.head != current and len(path) <= MAX_PATH:
        path.append(current)
        current = current.head
    if current != trigger:
        return False
    if any(step.pos_ in {"VERB", "AUX"} for step in path):
        return False
    return any(step.dep_ == "prep" and step.lower_ in LOCATION_PREPS for step in path)


def _trigger_token(doc: Doc, evidence: Evidence, trigger: str) -> Token | None:
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = trigger.lower().split()
    if words:
        for token in span:
            if token.lower_ == words[0] or token.lemma_.lower() == words[0]:
                return token
    return span.root


def _place_token(doc: Doc, place: Place) -> Token | None:
    span = doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _in_sentence(doc: Doc | None, evidence: Evidence, trigger: str, places: list[Place],
                 article: Article) -> Place | None:
    sentence = evidence.sentence
    anchor = evidence.start
    if doc is not None:
        token = _trigger_token(doc, evidence, trigger)
        if token is not None:
            anchor = token.idx
            subjects = {(child.idx, child.idx + len(child)) for child in token.children if child.dep_ in SUBJECT_DEPS}
            places = [p for p in places if not _overlaps(p.evidence, list(subjects))]
    same = [p for p in places if p.evidence.sentence == sentence]
    if not same:
        return None
    return min(same, key=lambda p: (not _is_locative(doc, p), _is_modifier(doc, p),
                                    abs(p.evidence.start - anchor)))


def _is_modifier(doc: Doc | None, place: Place) -> bool:
    """Whether the place modifies a noun ("US dollar", "Idlib countryside")."""
    token = _place_token(doc, place) if doc is not None else None
    return token is not None and token.dep_ in {"compound", "amod", "poss"} and token.head.i > token.i


def _is_locative(doc: Doc | None, place: Place) -> bool:
    """Whether the place is the object of a locative preposition ("in Dehloran county")."""
    token = _place_token(doc, place) if doc is not None else None
    for _ in range(3):
        if token is None or token.head == token:
            return False
        if token.dep_ == "prep":
            return token.lower_ in LOCATION_PREPS
        token = token.head
    return False


def _overlaps(evidence: Evidence, spans: list[tuple[int, int]]) -> bool:
    return any(evidence.start < end and start < evidence.end for start, end in spans)
