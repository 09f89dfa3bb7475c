"""Give each event the place where it happened, read from the parse around its trigger.

In order: a place syntactically attached to the trigger ("fired at the bases of Ain
al-Assad and Erbil", "killed in Baghdad", "the Baghdad strike"), searched in the event's
main mention then its other mentions; else a place of the trigger's sentence inside a
locative phrase ("in Zap (Amadiya) region of Dahuk", "near Lazaka village in Shirqat
district"), in the country most of the sentence's places lie in, the most precise and
nearest first, then a place naming part of a noun ("the Akkar road"); a town outside every
first-level division its sentence names is passed over. Else the article's focus: its most
mentioned country, counting every place in it, given as the country itself when named,
else as its most mentioned place, with `place_precision="article"`: the text does not say
where the event took place, only where the article is. A more precise place of a locative phrase of the
trigger's sentence wins over an attached one ("raids on Al Dhaher district in northwestern
Yemen").
A place used as an actor ("Washington advised", "a response from Tehran", the subject of
the trigger) is never a location unless it sits in a locative phrase ("protesters in
Ahvaz") or is a town (not a capital) or division the verb acts on ("gunmen attacked
Musawa"), nor is a place named through an adjective ("Iranian") or a country named as the
owner of a thing ("the US dollar", "Iran's strategy"). A second-level division counts as
more precise than a first-level one.
Once placed, an event's sector-only actors ("police", "protesters") take the country of the
place (see `actor_country.py`).
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from eventwire.context import Context
from eventwire.model import Actor, Article, Event, Evidence, Place
from eventwire.places.actor_country import with_place_country
from eventwire.places.recognize import PLACE_NOUNS
from eventwire.places.resolve import is_adjectival
from eventwire.registry import register

LOCATION_PREPS = frozenset({"in", "at", "near", "against", "on", "inside", "outside", "across",
                            "around", "throughout", "into", "within", "over", "off"})
# prepositions whose object is where something happens even when it is also an actor
PLACE_PREPS = frozenset({"in", "near", "inside", "outside", "across", "around", "throughout", "within"})
NOT_PLACE_PREPS = frozenset({"from", "by", "with", "for", "against", "to", "toward", "towards", "about"})
# a visit (CAMEO 042) takes place where it goes
VISIT_CAMEO = "042"
VISIT_PREPS = LOCATION_PREPS | {"to"}
VISIT_PLACE_PREPS = PLACE_PREPS | {"to"}
NOUN_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
MAX_PATH = 6
PRECISION_RANK = {"feature": 0, "city": 1, "admin1": 2, "country": 3}
# actor "countries" that are no state: international organisations, transnational armed groups
NON_STATE_CODES = frozenset({"IGO", "IMG"})
# the place precision of an event the text ties to no place: the article's focus stands in
ARTICLE_PRECISION = "article"


@register("location", "syntax.v1")
def locate_events(article: Article, ctx: Context) -> Article:
    """Fill `place` and `place_precision` of every event of the article, then give the
    event's sector-only actors the country of its place.

    Example:
        article = locate_events(article, ctx)
        article.events[0].place.name  # "Al Asad Air Base"
    """
    if not article.events:
        return article
    gazetteer = ctx.gazetteer
    doc = article.doc
    places = [p for p in article.places if p.lat is not None and not is_adjectival(p, gazetteer)]
    place_spans = {(p.evidence.start, p.evidence.end) for p in places}
    # everything but the article's focus is sentence-local: index places and actors by sentence
    actor_spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for actor in article.actors:
        # a resolved place name with no codes is a town the parser called an organisation
        if actor.country or actor.sector or _span(actor) not in place_spans:
            actor_spans[actor.evidence.sentence].append(_span(actor))
    by_sentence: dict[int, list[Place]] = defaultdict(list)
    for place in places:
        if not _is_owner_country(doc, place):
            by_sentence[place.evidence.sentence].append(place)
    focus = focus_place([p for sentence in sorted(by_sentence) for p in by_sentence[sentence]
                         if not _is_actor_use(doc, p, actor_spans[sentence])], ())
    countries = _named_countries(article.places)
    events = tuple(with_place_country(_locate(event, article, by_sentence, actor_spans, focus, countries))
                   for event in article.events)
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


def detail_rank(place: Place) -> float:
    """Rank a place by how precise it is, lower first: a second-level division ("Empalme
    municipality") comes before a first-level one ("Sonora")."""
    rank = PRECISION_RANK[place_precision(place)]
    return rank + 0.5 if place.feature_code in {"ADM1", "RGN"} else rank


def focus_place(places: list[Place], actors: Iterable[Actor]) -> Place | None:
    """Return the article's focus: within its most mentioned country (every place in it
    counts), the country itself when named, else its most mentioned place. Places that
    overlap one of `actors` are left out."""
    actor_spans = [_span(a) for a in actors]
    places = [p for p in places if not _overlaps(p.evidence, actor_spans)]
    if not places:
        return None
    countries = Counter(p.country for p in places)
    order = {p.country: -p.evidence.start for p in reversed(places)}
    country = max(countries, key=lambda c: (c is not None, countries[c], order[c]))
    inside = [p for p in places if p.country == country]
    named = [p for p in inside if place_precision(p) == "country"]
    counts = Counter(_key(p) for p in named or inside)
    first: dict[tuple, Place] = {}
    for place in named or inside:
        first.setdefault(_key(place), place)
    best = max(counts, key=lambda key: (counts[key], -first[key].evidence.start))
    return first[best]


def _key(place: Place) -> tuple:
    return (place.geonameid, place.name, place.lat, place.lon)


def _locate(event: Event, article: Article, places: dict[int, list[Place]],
            actor_spans: dict[int, list[tuple[int, int]]], focus: Place | None,
            countries: dict[str, Place]) -> Event:
    """Place one event from the places of its mentions' sentences (`places` and `actor_spans`
    map a sentence to its places and actor mentions, `countries` a country code to the first
    place naming that country)."""
    doc = article.doc
    own = [_span(a) for a in (*event.sources, *event.targets)]
    evidences = [event.evidence, *(m for m in event.mentions if m != event.evidence)]
    visit = event.cameo == VISIT_CAMEO
    trigger = None if doc is None else _trigger_token(doc, event.evidence, event.trigger)
    allowed = [p for sentence in sorted({e.sentence for e in evidences}) for p in places.get(sentence, ())
               if _names_trigger_place(doc, p, trigger) or not _is_actor_use(
                   doc, p, actor_spans.get(sentence, []) + own, VISIT_PLACE_PREPS if visit else PLACE_PREPS)]
    allowed = _within_named_divisions(allowed, event.evidence.sentence)
    place = None
    if doc is not None:
        for evidence in evidences:
            place = _attached(doc, evidence, event.trigger, allowed, VISIT_PREPS if visit else LOCATION_PREPS)
            if place is not None:
                break
    local = _in_sentence(doc, event.evidence, event.trigger, allowed)
    if local is not None and (place is None or _is_locative(doc, local) and not _is_modifier(doc, local)
                              and detail_rank(local) < detail_rank(place) and local.country == place.country):
        place = local  # "raids on Al Dhaher district in northwestern Yemen": the more precise, inside it
    domestic = _domestic_country(event)
    if place is None and domestic is not None and (focus is None or focus.country != domestic):
        # a domestic event of another country than the article's focus happened there
        country = countries.get(domestic)
        return event if country is None else dataclasses.replace(event, place=country,
                                                                 place_precision=ARTICLE_PRECISION)
    if place is None and focus is not None and not _overlaps(focus.evidence, own):
        # not the event's own place: where the article is, marked as such
        return dataclasses.replace(event, place=focus, place_precision=ARTICLE_PRECISION)
    if place is None:
        return event
    return dataclasses.replace(event, place=place, place_precision=place_precision(place))


def _domestic_country(event: Event) -> str | None:
    """The country of a domestic event: one whose sources and targets are all actors of that
    one country ("Sudanese authorities detained Sudanese activists"), or None."""
    actors = (*event.sources, *event.targets)
    countries = {actor.country for actor in actors}
    if not event.sources or not event.targets or len(countries) != 1:
        return None
    country = countries.pop()
    return country if country and len(country) == 3 and country not in NON_STATE_CODES else None


def _named_countries(places: Iterable[Place]) -> dict[str, Place]:
    """The first place of the article naming each country as a country ("Sudan", "Sudanese")."""
    named: dict[str, Place] = {}
    for place in places:
        if place.country and place.lat is not None and place_precision(place) == "country":
            named.setdefault(place.country, place)
    return named


def _within_named_divisions(places: list[Place], sentence: int) -> list[Place]:
    """Leave out the towns of a sentence that lie outside every first-level division it
    names ("in Monterrey, Nuevo Leon, ... in Colonia Independencia": not a Colonia
    Independencia of another state)."""
    divisions = {(p.country, p.name) for p in places
                 if p.evidence.sentence == sentence and p.feature_code == "ADM1"}
    if not divisions:
        return places
    return [p for p in places if p.evidence.sentence != sentence or place_precision(p) not in {"city", "feature"}
            or (p.country, p.admin1) in divisions]


def _attached(doc: Doc, evidence: Evidence, trigger: str, places: list[Place],
              preps: frozenset[str] = LOCATION_PREPS) -> Place | None:
    head = _trigger_token(doc, evidence, trigger)
    if head is None:
        return None
    attached = []
    for place in places:
        token = _place_token(doc, place)
        if token is None or token.sent != head.sent or token.dep_ in SUBJECT_DEPS and token.head == head:
            continue
        if _is_attached(token, head, preps):
            attached.append(place)
    if not attached:
        # a verb shares the place of the verbs conjoined after it: "raped and killed in Argentina"
        later = [c for c in head.conjuncts if c.i > head.i and c.pos_ == "VERB" and head.pos_ == "VERB"]
        attached = [place for place in places for conjunct in later
                    if (token := _place_token(doc, place)) is not None and token.sent == head.sent
                    and _is_attached(token, conjunct, preps)]
    if not attached:
        return None
    return min(attached, key=lambda p: (detail_rank(p), abs(p.evidence.start - head.idx)))


def _is_attached(token: Token, trigger: Token, preps: frozenset[str] = LOCATION_PREPS) -> bool:
    """Whether the place token hangs from the trigger through a locative preposition (`preps`;
    for a visit, its destination too: "the visit of the head of state to the UAE"), or
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
    return any(step.dep_ == "prep" and step.lower_ in preps for step in path)


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


def _place_token(doc: Doc | None, place: Place) -> Token | None:
    if doc is None:
        return None
    span = doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _in_sentence(doc: Doc | None, evidence: Evidence, trigger: str, places: list[Place]) -> Place | None:
    sentence = evidence.sentence
    anchor = evidence.start
    if doc is not None:
        token = _trigger_token(doc, evidence, trigger)
        if token is not None:
            anchor = token.idx
            subjects = [(child.idx, child.idx + len(child)) for child in token.children if child.dep_ in SUBJECT_DEPS]
            places = [p for p in places if not _overlaps(p.evidence, subjects)]
    same = [p for p in places if p.evidence.sentence == sentence and _preposition(doc, p) not in NOT_PLACE_PREPS]
    if not same:
        return None
    countries = Counter(p.country for p in same)
    top = max(countries.values())
    return min(same, key=lambda p: (not _is_locative(doc, p), _is_modifier(doc, p), countries[p.country] < top,
                                    detail_rank(p), abs(p.evidence.start - anchor)))


def _preceding_word(doc: Doc | None, place: Place) -> str | None:
    if doc is None:
        return None
    span = doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
    return doc[span.start - 1].lower_ if span is not None and span.start > 0 else None


def _preposition(doc: Doc | None, place: Place) -> str | None:
    """Return the preposition the place is the object of ("from" in "from Tehran"), if any."""
    token = _place_token(doc, place)
    for _ in range(3):
        if token is None or token.head == token:
            return None
        if token.dep_ == "prep" or token.dep_ == "agent":
            return token.lower_
        if token.dep_ in {"nsubj", "nsubjpass", "dobj", "ROOT"}:
            return None
        token = token.head
    return None


def _is_modifier(doc: Doc | None, place: Place) -> bool:
    """Whether the place modifies a noun ("Idlib countryside", "US dollar"), other than a
    place noun that names it ("Makhmur district")."""
    token = _place_token(doc, place)
    return (token is not None and token.dep_ in {"compound", "amod", "poss"} and token.head.i > token.i
            and token.head.lower_ not in PLACE_NOUNS)


def _is_owner_country(doc: Doc | None, place: Place) -> bool:
    """Whether a country or region is named as the owner of a thing ("the US dollar", "Iran's
    strategy", "its Middle East policy")."""
    wide = place_precision(place) == "country" or place.feature_code == "RGN"
    return wide and _is_modifier(doc, place)


def _is_locative(doc: Doc | None, place: Place, preps: frozenset[str] = LOCATION_PREPS) -> bool:
    """Whether the place lies in a locative phrase: "in Dehloran county", "in Zap (Amadiya)
    region of Dahuk, Northern Iraq", "near Lazaka village in Shirqat district"; also when
    the preposition comes right before the name, whatever the parse ("in Paucarpata, ...")."""
    if _preceding_word(doc, place) in preps:
        return True
    token = _place_token(doc, place)
    steps = 0
    while token is not None and token.head != token and steps < MAX_PATH:
        if token.dep_ == "prep" or token.dep_ == "agent":
            if token.lower_ in preps:
                return True
            if token.lower_ != "of":
                return False
        if token.pos_ in {"VERB", "AUX"}:
            return False
        token = token.head
        steps += 1
    return False


def _is_actor_use(doc: Doc | None, place: Place, actor_spans: list[tuple[int, int]],
                  preps: frozenset[str] = PLACE_PREPS) -> bool:
    """Whether the place names an actor: it overlaps an actor mention outside a locative
    phrase (`preps`; a visit's "to" too), and is neither a site ("Al Asad Air Base") nor a
    town qualifying a noun ("the bases of Erbil")."""
    if not _overlaps(place.evidence, actor_spans) or _is_locative(doc, place, preps):
        return False
    precision = place_precision(place)
    if precision == "feature":
        return False
    if precision != "country" and place.feature_code != "PPLC" and _is_object(doc, place):
        return False  # "gunmen attacked Musawa", not "Washington threatened Tehran"
    return not (precision != "country" and _preposition(doc, place) == "of")


def _names_trigger_place(doc: Doc | None, place: Place, trigger: Token | None) -> bool:
    """Whether a town, division or site names where the trigger noun happened by modifying it
    ("the Kabul bombing", "the Aleppo airstrikes"), even inside a phrase the actors stage read
    as an actor; a country so ("US airstrikes") names who acts."""
    token = _place_token(doc, place)
    return (trigger is not None and token is not None and token.head == trigger and trigger.pos_ == "NOUN"
            and token.dep_ in NOUN_MODIFIER_DEPS and place_precision(place) != "country")


def _is_object(doc: Doc | None, place: Place) -> bool:
    token = _place_token(doc, place)
    return token is not None and token.dep_ == "dobj" and token.head.pos_ == "VERB"


def _span(actor: Actor) -> tuple[int, int]:
    return (actor.evidence.start, actor.evidence.end)


def _overlaps(evidence: Evidence, spans: list[tuple[int, int]]) -> bool:
    return any(evidence.start < end and start < evidence.end for start, end in spans)
