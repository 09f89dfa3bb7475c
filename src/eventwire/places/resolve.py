"""Resolve toponyms to GeoNames entries using the whole article as context.

A candidate's score adds a prior (feature type, population, how its name matched) and
context from the other places of the article: shared country, containing or contained
first-level division, and nearness; countries of the actors ("Taliban militants") and
countries qualifying a noun ("the US dollar") count as little as adjectives. A place
qualified by the next one ("Tijuana, Baja California", "Amritsar (Punjab)") favours the
candidates that lie inside it and is left unresolved when it cannot; places listed together
are no qualifiers ("Ohio, Florida and Michigan"), and one listed with a country is a country
("Georgia and Ukraine"). Countries and
divisions come before same-name towns, a large city before its same-name province
("Baghdad" the city, "Washington" the capital unless "Washington state" or Washington towns
are mentioned), and every mention of one name in an article gets the same place. A town
whose namesakes all lie in a country no other place names is left unresolved in an article
whose places establish another country.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from types import MappingProxyType

from eventwire.context import Context
from eventwire.model import Article, Evidence, Place
from eventwire.places.build import ALTERNATE
from eventwire.places.gazetteer import Candidate, Gazetteer
from eventwire.places.names import name_key
from eventwire.places.recognize import BIG_CITY, Mention, find_toponyms, is_strong
from eventwire.registry import register
from eventwire.spans import SpanIndex

CODER = "places.gazetteer.v1"
ROUNDS = 2
# between a place and the division that qualifies it: "Parkland, Florida", "Hays city (Al
# Hudaydah)", "Ashulia town (Savar, Dhaka)", "Karama town in Raqqa", "the Western District of New York"
QUALIFIER_GAP = re.compile(r"\s*(?:[a-z]+\s+){0,2}(?:[,(]|in\s|of\s)\s*")
# between places listed together: "Georgia and Ukraine", "Ohio, Michigan or Florida" (see `_list_items`)
COORDINATION_GAP = re.compile(r"\s*,?\s*(?:and|or)\s+")
COORDINATION_SCORE = 3.0
ORGANISATION_KINDS = {"organization", "igo", "group"}
MILLION_CITY = 1_000_000
FOCUS_MENTIONS = 3
CURATED_PROMINENCE = 1_000_000
ADJECTIVE_COUNTRY_SCORE = 1.5
FACILITY_LABEL, FACILITY_CODES, FACILITY_SCORE = "FAC", frozenset({"AIRP", "AIRB"}), 6.0
FEATURE_PRIOR = MappingProxyType({"CONT": 5.0, "ADM1": 2.0, "ADM2": 0.0, "PPLC": 3.0, "PPL": 0.0,
                                  "AIRP": -1.0, "AIRB": 0.0, "RGN": 3.0})


@register("places", "gazetteer.v1")
def resolve_places(article: Article, ctx: Context) -> Article:
    """Find the article's toponyms and resolve each to a gazetteer entry.

    Example:
        article = resolve_places(parse(article, ctx), ctx)
        [(p.text, p.country) for p in article.places]  # [("Erbil", "IRQ"), ...]
    """
    if article.doc is None:
        return article
    gazetteer = ctx.gazetteer
    mentions = _without_organisations(find_toponyms(article.doc, gazetteer), article)
    chosen = choose_candidates(mentions, article.text, actor_countries(article, mentions))
    version = gazetteer.version
    places = tuple(
        _place(mention, chosen.get(index), article, version) for index, mention in enumerate(mentions)
    )
    return dataclasses.replace(article, places=places)


def _without_organisations(mentions: list[Mention], article: Article) -> list[Mention]:
    """Drop a name the actors stage knows as an organisation when no prominent place bears it
    ("a bipartisan cause in Congress": not Congress, Arizona; "Washington" and "Moscow" stay)."""
    organisations = {(actor.evidence.start, actor.evidence.end) for actor in article.actors
                     if actor.kind in ORGANISATION_KINDS and actor.country}  # known, not any ORG entity
    return [m for m in mentions
            if (m.start, m.end) not in organisations or any(is_strong(c) for c in m.candidates)]


def actor_countries(article: Article, mentions: list[Mention]) -> frozenset[str]:
    """Return the countries of the article's actors named without a place name ("Taliban
    militants", "Hezbollah supporters"): weak evidence of where its places lie."""
    taken = SpanIndex((m.start, m.end) for m in mentions)
    return frozenset(
        actor.country for actor in article.actors
        if actor.country and len(actor.country) == 3 and actor.country != "IGO"
        and not taken.overlaps(actor.evidence.start, actor.evidence.end))


def choose_candidates(mentions: list[Mention], text: str,
                      hinted: frozenset[str] = frozenset()) -> dict[int, Candidate]:
    """Return the chosen candidate of each mention (by index) that has any; `hinted`
    countries (of actors) count as countries named through adjectives."""
    groups: dict[tuple[str, bool, bool], list[int]] = defaultdict(list)
    for index, mention in enumerate(mentions):
        if mention.candidates:
            groups[(name_key(mention.text), mention.adjective, mention.division)].append(index)
    keys = {index: key for key, indexes in groups.items() for index in indexes}
    items = _list_items(mentions, text)
    links = _qualifier_links(mentions, keys, text, items)
    listed = _coordination_links(mentions, keys, text, items)
    weak = {key: all(mentions[index].adjective or mentions[index].modifier for index in indexes)
            for key, indexes in groups.items()}
    choice = {key: max(mentions[indexes[0]].candidates, key=lambda c: prior(c, mentions[indexes[0]]))
              for key, indexes in groups.items()}
    for _ in range(ROUNDS):
        updated = {}
        for key, indexes in groups.items():
            others = [candidate for other, candidate in choice.items() if other != key]
            context = _Context.of(others, weights=[len(groups[other]) for other in choice if other != key],
                                  adjectives=[weak[other] or _is_minor_alias(choice[other])
                                              for other in choice if other != key], hinted=hinted)
            mention = mentions[indexes[0]]
            partners = [(mentions[groups[other][0]].candidates, outer) for other, outer in links.get(key, ())]
            peers = [choice[other] for other in listed.get(key, ())]
            updated[key] = max(mention.candidates, key=lambda c: prior(c, mention) + context.score(c)
                               + _qualifier_score(c, partners) + _coordination_score(c, peers))
        choice = updated
    stray = {key for key, partners in links.items() for other, outer in partners
             if outer and _outside(choice[key], choice[other])}
    chosen = {index: choice[key] for key, indexes in groups.items() for index in indexes if key not in stray}
    return _without_stray_local_names(mentions, _without_stray_towns(mentions, chosen))


def _outside(inner: Candidate, outer: Candidate) -> bool:
    """Whether a minor place, or one matched through another of its names, lies outside the
    country, division or big city that qualifies it in the text ("Karama town in Raqqa"
    resolved to Calama, Chile; "Yasne, Donetsk" to a Yasne of another oblast), or in another
    country than the town that qualifies it ("Goyali, Gadabay" resolved to a Goyali of India);
    and a first-level division qualified by another or by a big city."""
    code = outer.feature_code or ""
    if outer.country is None or outer.id == inner.id:
        return False
    big_city = outer.feature_class == "P" and outer.population >= BIG_CITY
    if inner.feature_code == "ADM1" and (code == "ADM1" or big_city):
        return True  # "La Libertad, Arequipa": not the region
    if is_strong(inner) and inner.kind != ALTERNATE:
        return False
    if inner.country != outer.country:
        return code.startswith("PCL") or code.startswith("ADM") or outer.feature_class == "P"
    if inner.admin1 is None or is_strong(inner):
        return False
    if code == "ADM1":  # "Yasne, Donetsk Oblast" resolved to a Yasne of another oblast
        return inner.admin1 != outer.name
    return big_city and outer.admin1 is not None and inner.admin1 != outer.admin1


def _without_stray_local_names(mentions: list[Mention], chosen: dict[int, Candidate]) -> dict[int, Candidate]:
    """Drop the resolution of a small place found only from its context ("Sira neighbourhood")
    or through another name of a small place, when it lies in none of the countries of the
    article's other places named as such (not through adjectives: "Saudi-led airstrikes
    targeted Mukayras district"): a namesake abroad is likelier than a place the other names
    do not surround."""
    weak = {index for index, c in chosen.items() if mentions[index].local or _is_minor_alias(c)}
    countries = {c.country for index, c in chosen.items() if index not in weak and c.country
                 and not mentions[index].adjective and not mentions[index].modifier}
    if not countries:
        return chosen
    return {index: c for index, c in chosen.items() if index not in weak or c.country in countries}


def _without_stray_towns(mentions: list[Mention], chosen: dict[int, Candidate]) -> dict[int, Candidate]:
    """Drop the resolution of a town in a country no other place of the article names, when
    the others name a country at least `FOCUS_MENTIONS` times ("the towns of al-Bayda and
    Baniyas" in a story about Syria: Al Bayda, Libya): it is likelier a place the gazetteer
    lacks than a namesake abroad. Capitals and cities of a million or more stay ("Diplomats
    met in Paris")."""
    keys = {index: name_key(mentions[index].text) for index in chosen}
    named = [(keys[index], c.country) for index, c in chosen.items() if c.country and not mentions[index].modifier]
    total = Counter(country for _, country in named)
    own = Counter(named)
    drop = set()
    for index, candidate in chosen.items():
        key = keys[index]
        if key in drop or not _minor_town(candidate):
            continue
        others = {country: count - own[(key, country)] for country, count in total.items()}
        if not others.get(candidate.country) and max(others.values(), default=0) >= FOCUS_MENTIONS:
            drop.add(key)
    return {index: c for index, c in chosen.items() if keys[index] not in drop}


def _minor_town(candidate: Candidate) -> bool:
    return (candidate.feature_class == "P" and candidate.feature_code != "PPLC"
            and candidate.population < MILLION_CITY and not candidate.source.startswith("eventwire"))


def _is_minor_alias(candidate: Candidate) -> bool:
    """Whether a candidate matched only through another name of a small place ("Karama" for
    Calama, Chile)."""
    return candidate.kind == ALTERNATE and candidate.population < BIG_CITY and not candidate.source.startswith("eventwire")


def _qualifier_links(mentions: list[Mention], keys: dict[int, tuple], text: str,
                     items: set[int]) -> dict[tuple, list[tuple[tuple, bool]]]:
    """Link "Parkland, Florida" and "Hays city (Al Hudaydah)" pairs: each group gets (other group, whether the other is the outer place)."""
    links: dict[tuple, list[tuple[tuple, bool]]] = defaultdict(list)
    for index in range(1, len(mentions)):
        inner, outer = mentions[index - 1], mentions[index]
        if index - 1 in keys and index in keys and QUALIFIER_GAP.fullmatch(text[inner.end:outer.start]) \
                and not inner.adjective and not outer.adjective and index not in items:
            links[keys[index - 1]].append((keys[index], True))
            links[keys[index]].append((keys[index - 1], False))
    return links


def _coordination_links(mentions: list[Mention], keys: dict[int, tuple], text: str,
                        items: set[int]) -> dict[tuple, list[tuple]]:
    """Link places listed together ("invasions of Georgia and Ukraine", "Ohio, Michigan and
    Florida"): each group gets the groups listed beside it."""
    links: dict[tuple, list[tuple]] = defaultdict(list)
    for index in range(1, len(mentions)):
        first, second = mentions[index - 1], mentions[index]
        if index - 1 in keys and index in keys and keys[index - 1] != keys[index] and (
                COORDINATION_GAP.fullmatch(text[first.end:second.start]) or index in items):
            links[keys[index - 1]].append(keys[index])
            links[keys[index]].append(keys[index - 1])
    return links


def _list_items(mentions: list[Mention], text: str) -> set[int]:
    """The mentions (by index) that follow a comma inside a list ending in "and" or "or"
    ("Ohio, Florida and Michigan": no town of Ohio in Florida), not a qualified place listed
    with another ("Parkland, Florida and Austin, Texas"). One pass, however long the list."""
    gaps = [text[mentions[i - 1].end:mentions[i].start] for i in range(1, len(mentions))]
    items: set[int] = set()
    run: list[int] = []  # mentions after a comma, in the current run of comma gaps
    for i, gap in enumerate(gaps, 1):
        if gap.strip() == ",":
            run.append(i)
            continue
        closes = bool(run) and COORDINATION_GAP.fullmatch(gap) is not None
        if closes and (i + 1 >= len(mentions) or gaps[i].strip() != ","):
            items.update(run)
        run = []
    return items


def _coordination_score(candidate: Candidate, peers: list[Candidate]) -> float:
    """A place listed with a country is a country too ("Georgia and Ukraine": not the US state)."""
    def country(c: Candidate) -> bool:
        return (c.feature_code or "").startswith("PCL")
    return COORDINATION_SCORE if country(candidate) and any(country(peer) for peer in peers) else 0.0


def _qualifier_score(candidate: Candidate, partners: list[tuple[tuple[Candidate, ...], bool]]) -> float:
    score = 0.0
    for others, other_is_outer in partners:
        if other_is_outer:
            score += max((_containment(other, candidate) for other in others), default=0.0)
        else:
            score += max((_containment(candidate, other) for other in others), default=0.0)
    return score


def _containment(outer: Candidate, inner: Candidate) -> float:
    """Score how well `outer` can qualify `inner`: its country or first-level division (4),
    or a big city of the same division ("El Alto, La Paz") (3), else 0."""
    code = outer.feature_code or ""
    if outer.country is None or outer.country != inner.country or outer.id == inner.id:
        return 0.0
    if code.startswith("PCL") or code == "ADM1" and inner.admin1 == outer.name:
        return 4.0
    big_city = outer.feature_class == "P" and outer.population >= BIG_CITY
    return 3.0 if big_city and inner.admin1 is not None and inner.admin1 == outer.admin1 else 0.0


def prior(candidate: Candidate, mention: Mention) -> float:
    """Score a candidate without context: feature type, population and name match."""
    code = candidate.feature_code or ""
    if candidate.lat is None or candidate.lon is None:
        return -100.0
    population = candidate.population
    if candidate.source.startswith("eventwire"):
        # curated entries are the well-known features a name stands for ("the Gulf", "Sinai",
        # "Guantanamo"): as prominent as a city of a million, whatever people live there
        population = max(population, CURATED_PROMINENCE)
    score = math.log10(population + 10)
    if code.startswith("PCL"):
        score += 6.0
    elif candidate.source.startswith("eventwire"):
        score += 4.0
    else:
        score += FEATURE_PRIOR.get(code, 0.0)
    if candidate.kind == 1:
        score -= 0.5
    if code.startswith("ADM") and _has_big_city_namesake(candidate, mention.candidates):
        score -= 4.0
    if mention.division:
        score += 6.0 if code.startswith("ADM") else -6.0
    if mention.source == FACILITY_LABEL and code in FACILITY_CODES:
        score += FACILITY_SCORE  # "Heathrow" tagged a facility: the airport, not Heathrow, Florida
    return score


def _has_big_city_namesake(division: Candidate, candidates: Iterable[Candidate]) -> bool:
    return any(c.feature_class == "P" and c.population >= BIG_CITY and c.kind <= 1 for c in candidates
               if c.id != division.id)


@dataclasses.dataclass(slots=True)
class _Context:
    countries: Counter
    divisions: set[tuple[str | None, str]]
    admin1s: set[tuple[str | None, str]]
    points: list[tuple[float, float]]
    adjectival: set[str] = dataclasses.field(default_factory=set)

    @classmethod
    def of(cls, candidates: list[Candidate], weights: list[int],
           adjectives: list[bool] | None = None, hinted: frozenset[str] = frozenset()) -> _Context:
        """Context of the other places; countries named only through adjectives ("Saudi-led
        air raids") or actors weigh less than countries and places named as such."""
        countries: Counter = Counter()
        adjectival: set[str] = set(hinted)
        divisions, admin1s, points = set(), set(), []
        for candidate, weight, adjective in zip(candidates, weights, adjectives or [False] * len(candidates)):
            if candidate.country and adjective:
                adjectival.add(candidate.country)
                continue
            if candidate.country:
                countries[candidate.country] += weight
            code = candidate.feature_code or ""
            if code == "ADM1":
                divisions.add((candidate.country, candidate.name))
            elif candidate.admin1:
                admin1s.add((candidate.country, candidate.admin1))
            if not code.startswith("PCL") and code not in {"CONT", "ADM1"} and candidate.lat is not None:
                points.append((candidate.lat, candidate.lon))
        return cls(countries, divisions, admin1s, points, adjectival)

    def score(self, candidate: Candidate) -> float:
        score = 0.0
        count = self.countries.get(candidate.country, 0) if candidate.country else 0
        if count:
            score += 3.0 + 0.7 * min(count, 3)
        elif candidate.country in self.adjectival:
            score += ADJECTIVE_COUNTRY_SCORE
        code = candidate.feature_code or ""
        if code == "ADM1" and (candidate.country, candidate.name) in self.admin1s:
            score += 3.0
        elif candidate.admin1 and (candidate.country, candidate.admin1) in self.divisions:
            score += 3.0
        if candidate.feature_class in {"P", "S"} and self.points and candidate.lat is not None:
            nearest = min(distance_km(candidate.lat, candidate.lon, lat, lon) for lat, lon in self.points)
            score += 2.0 if nearest < 100 else 1.0 if nearest < 300 else 0.0
        return score


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def is_adjectival(place: Place, gazetteer: Gazetteer) -> bool:
    """Whether a place was mentioned through an adjective ("Iraqi") rather than its name."""
    if place.geonameid is None and place.lat is None:
        return False
    return any(c.is_adjective and c.name == place.name for c in gazetteer.lookup(place.text))


def _place(mention: Mention, candidate: Candidate | None, article: Article, version: str) -> Place:
    evidence = Evidence(article.sentence_at(mention.start), mention.start, mention.end, CODER, version)
    if candidate is None:
        return Place(mention.text, mention.text, None, None, None, None, None, None, None, evidence)
    return Place(mention.text, candidate.name, candidate.geonameid, candidate.feature_class,
                 candidate.feature_code, candidate.country, candidate.admin1, candidate.lat,
                 candidate.lon, evidence, point=candidate.point)
