"""Merging the mentions of one event, on records built by hand."""

import dataclasses

import pytest

from eventwire.dedup.mentions import merge_mentions
from eventwire.model import Actor, Article, Event, Evidence, Place, Quantity


def actor(country: str | None, sector: str | None = None, start: int = 0) -> Actor:
    return Actor(text=country or "someone", name=country or "someone", country=country, sector=sector,
                 kind="state", evidence=Evidence(0, start, start + 1, "test"))


def event(start: int, sources=(), targets=(), *, type="ASSAULT", cameo="190", modality="asserted",
          date=None, precision=None) -> Event:
    evidence = Evidence(0, start, start + 5, "test")
    return Event(type=type, mode=None, context=(), cameo=cameo, goldstein=-10.0, sources=tuple(sources),
                 targets=tuple(targets), trigger="x", modality=modality, evidence=evidence, date=date,
                 date_precision=precision, mentions=(evidence,))


def merged(*events: Event) -> tuple[Event, ...]:
    return merge_mentions(Article(id="a", text="x" * 500, events=events), ctx=None).events


def test_mentions_sharing_a_country_merge():
    result = merged(event(0, [actor("IRN")], [actor("USA", "MIL")]), event(50, [actor("IRN")]))
    assert len(result) == 1 and len(result[0].mentions) == 2


@pytest.mark.parametrize(
    "second",
    [
        event(50, [actor("USA")], [actor("IRN")]),                       # contradicting sides
        event(50, [actor("IRN")], type="THREATEN", cameo="130"),           # other type
        event(50, [actor("IRN")], modality="negated"),                     # did not happen
        event(50, [actor("IRN")], date="2020-01-03", precision="day"),     # another stated day
        dataclasses.replace(event(50, [actor("IRN")]), mode="aerial"),    # another kind of act
    ],
)
def test_incompatible_mentions_stay_apart(second):
    first = event(0, [actor("IRN")], [actor("USA")], date="2020-01-08", precision="day")
    first = dataclasses.replace(first, mode="firearms")
    assert len(merged(first, second)) == 2


@pytest.mark.parametrize(
    ("first", "second", "events"),
    [
        (actor("AFG", "CVL"), actor("AFG", "GOV"), 2),   # "the family expressed outrage", "the president condemned"
        (actor("AFG", "REL"), actor("AFG", "CVL"), 2),   # a cleric's accusation, a family's
        (actor("AFG", "COP"), actor("AFG", "GOV"), 1),   # "police arrested him", "the government detained him"
        (actor("AFG", "MIL"), actor("AFG"), 1),          # "the army", "Afghanistan": a country alone
        (actor("AFG", "CVL"), actor(None), 1),           # a source nothing codes contradicts nothing
    ],
)
def test_sources_of_one_country_and_other_sectors_stay_apart(first, second, events):
    """Issue 11: in a story told within one country, the sector tells the actors apart."""
    a = event(0, [first], type="ACCUSE", cameo="111")
    b = event(50, [second], type="ACCUSE", cameo="111")
    assert len(merged(a, b)) == events


def test_targets_of_one_country_and_other_sectors_still_merge():
    assert len(merged(event(0, [actor("IRN")], [actor("USA", "MIL")]),
                      event(50, [actor("IRN")], [actor("USA", "GOV")]))) == 1


def test_arrests_and_sentences_of_other_people_stay_apart():
    """Issue 11: "a court sentenced four civilians" and "eleven police officers received jail
    terms" are two sentencings; the sectors of the people they were done to tell them apart
    (attacks still merge over them, see above)."""
    court = actor("AFG", "JUD")
    first = event(0, [court], [actor("AFG", "CVL")], type="SANCTION", cameo="173")
    second = event(50, [court], [actor("AFG", "COP")], type="SANCTION", cameo="173")
    same = event(90, [court], [actor("AFG", "CVL")], type="SANCTION", cameo="173")
    assert len(merged(first, second)) == 2
    assert len(merged(first, same)) == 1


def town(name: str, lat: float, lon: float) -> Place:
    return Place(name, name, 1, "P", "PPL", "AFG", None, lat, lon, Evidence(0, 0, 1, "test"))


def test_mentions_placed_far_apart_or_counting_other_dead_stay_apart():
    """Issue 11: two mentions merge only when nothing in them conflicts."""
    kabul = dataclasses.replace(event(0, [actor("AFG")]), place=town("Kabul", 34.53, 69.17), place_precision="city")
    herat = dataclasses.replace(event(50, [actor("AFG")]), place=town("Herat", 34.35, 62.20), place_precision="city")
    assert len(merged(kabul, herat)) == 2
    near = dataclasses.replace(herat, place=town("Paghman", 34.59, 68.95))
    assert len(merged(kabul, near)) == 1
    twelve = dataclasses.replace(event(0, [actor("AFG")]), quantities=(Quantity("dead", 12, "12"),))
    three = dataclasses.replace(event(50, [actor("AFG")]), quantities=(Quantity("dead", 3, "3"),))
    assert len(merged(twelve, three)) == 2
    also_twelve = dataclasses.replace(three, quantities=(Quantity("dead", 12, "twelve"),))
    assert len(merged(twelve, also_twelve)) == 1


def test_actorless_mention_joins_the_latest_compatible_event():
    strike = event(0, [actor("IRN")], [actor("USA")])
    assassination = event(20, [actor("USA")], [actor("IRN")], cameo="186")
    strike_again = event(60, [actor("IRN")], [actor("USA")])
    shooting = event(90)
    result = merged(strike, assassination, strike_again, shooting)
    assert [len(e.mentions) for e in result] == [3, 1]


def test_merged_targets_never_repeat_the_source_country_and_keep_precise_dates():
    first = event(0, [actor("IRN")], [actor("USA")], date="2020-01-08", precision="publication")
    second = event(40, [actor("IRN")], [actor("IRN"), actor("USA", "MIL")], date="2020-01-08", precision="day")
    (result,) = merged(first, second)
    assert {a.code for a in result.targets} == {"USA", "USAMIL"}
    assert result.date_precision == "day"


def implied(country: str | None = None) -> Actor:
    return Actor(text="", name="unidentified attackers", country=country, sector="UAF", kind="implied",
                 evidence=Evidence(0, 0, 1, "test"))


def test_implied_actor_never_keeps_mentions_apart_and_yields_to_named_ones():
    first = event(0, [actor("IRQ", "REB")], [actor("IRQ", "MIL")])
    second = dataclasses.replace(event(300, [implied("SYR")]), evidence=Evidence(4, 300, 305, "test"),
                                 mentions=(Evidence(4, 300, 305, "test"),))
    result = merged(first, second)
    assert len(result) == 1
    assert [a.code for a in result[0].sources] == ["IRQREB"]


def test_compatible_mentions_of_one_sentence_merge():
    result = merged(event(0, [actor("IRQ", "UAF")], cameo="183"), event(40, targets=[actor("USA", "MIL")]))
    assert len(result) == 1 and len(result[0].mentions) == 2


def place(name: str, country: str, lat: float, lon: float, feature_class: str = "P", code: str = "PPL") -> Place:
    return Place(name, name, 1, feature_class, code, country, None, lat, lon, Evidence(0, 0, 1, "test"))


@pytest.mark.parametrize(("first", "second", "events"), [
    ((place("Paris", "FRA", 48.85, 2.35), "city"), (place("Istanbul", "TUR", 41.01, 28.95, "A", "ADM1"), "admin1"), 2),
    ((place("Belgium", "BEL", 50.5, 4.5, "A", "PCLI"), "country"), (place("Afghanistan", "AFG", 33.9, 67.7, "A", "PCLI"), "country"), 2),
    ((place("Kabul", "AFG", 34.53, 69.17), "city"), (place("Afghanistan", "AFG", 33.9, 67.7, "A", "PCLI"), "country"), 1),
    ((place("Paris", "FRA", 48.85, 2.35), "city"), (place("Istanbul", "TUR", 41.01, 28.95), "article"), 1),
])
def test_mentions_placed_in_other_countries_stay_apart(first, second, events):
    """Issue 11: "the Paris attacks" and "a bomb attack in Istanbul" are two events; an
    article's focus (precision "article") is no place the text gives, so it contradicts nothing."""
    a = dataclasses.replace(event(0), place=first[0], place_precision=first[1])
    b = dataclasses.replace(event(50), place=second[0], place_precision=second[1])
    assert len(merged(a, b)) == events


@pytest.mark.parametrize(("first", "second", "events"), [
    (("2015", "year"), ("2016-06-07", "day"), 2),
    (("2016-05", "month"), ("2016-06-07", "day"), 2),
    (("2016-06", "month"), ("2016-06-07", "day"), 1),
    (("2016", "year"), ("2016-06-07", "day"), 1),
    (("2016-06-09", "publication"), ("2016-06-07", "day"), 1),
    (("2015-12-28", "week"), ("2015-06-07", "day"), 1),
])
def test_mentions_stated_in_other_periods_stay_apart(first, second, events):
    """Issue 11: a stated year or month that cannot hold the other mention's day is another event;
    the publication date states nothing."""
    a = event(0, [actor("IRN")], date=first[0], precision=first[1])
    b = event(50, [actor("IRN")], date=second[0], precision=second[1])
    assert len(merged(a, b)) == events


def test_mentions_with_the_roles_reversed_stay_apart():
    """Issue 11: "militants stabbed an officer before being shot dead" is two acts, even in one sentence."""
    attack = event(0, [actor(None, "REB")], [actor(None, "COP")])
    shooting = event(40, [actor(None, "COP")], [actor(None, "REB")])
    assert len(merged(attack, shooting)) == 2
    # an actor on both sides of one mention ("people beat the woman" after "a mob of people
    # killed her", both civilians) reverses nothing
    killing = event(0, [actor("AFG", "CVL")], [actor("AFG", "CVL", start=9)])
    beating = event(40, [actor("AFG", "CVL")], [])
    assert len(merged(killing, beating)) == 1


def test_mentions_placed_in_other_divisions_stay_apart():
    """Issue 11: "shot in Louisiana" and "shot dead in Dallas" are two events."""
    louisiana = Place("Louisiana", "Louisiana", 1, "A", "ADM1", "USA", "Louisiana", 31.0, -92.0, Evidence(0, 0, 1, "t"))
    dallas = Place("Dallas", "Dallas", 2, "P", "PPL", "USA", "Texas", 32.78, -96.8, Evidence(0, 0, 1, "t"))
    austin = dataclasses.replace(dallas, name="Austin", admin1="Texas", lat=30.27, lon=-97.74)
    a = dataclasses.replace(event(0), place=louisiana, place_precision="admin1")
    b = dataclasses.replace(event(50), place=dallas, place_precision="city")
    assert len(merged(a, b)) == 2
    texas = dataclasses.replace(louisiana, name="Texas", admin1="Texas")
    assert len(merged(dataclasses.replace(a, place=texas), b)) == 1
    assert len(merged(b, dataclasses.replace(b, place=austin))) == 2  # towns far apart, as before
