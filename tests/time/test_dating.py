"""Event dating: the temporal expression attached to the trigger, else sentence, else publication."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.model import Article, Event, Evidence
from eventwire.nlp.parse import parse
from eventwire.time.dating import date_events, find_anchors, scene_date
from eventwire.time.tagger import tag_times

SEED = Path(__file__).parent.parent / "fixtures" / "iran_bases_article.txt"


def event_at(article: Article, trigger: str, occurrence: int = 0) -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(trigger, start + 1)
    evidence = Evidence(article.sentence_at(start), start, start + len(trigger), "test.v1")
    return Event("ASSAULT", None, (), None, None, (), (), trigger, "asserted", evidence, mentions=(evidence,))


def dated(ctx, text: str, published: str | None, triggers: list[str]) -> list[tuple[str | None, str | None]]:
    article = tag_times(parse(Article(id="t", text=text, published=published), ctx), ctx)
    article = dataclasses.replace(article, events=tuple(event_at(article, t) for t in triggers))
    return [(e.date, e.date_precision) for e in date_events(article, ctx).events]


@pytest.mark.parametrize(("text", "published", "trigger", "expected"), [
    ("Rebels attacked the village on Friday.", "2020-01-08", "attacked", ("2020-01-03", "day")),
    ("On 27 April 2020, soldiers were killed by a landmine.", None, "killed", ("2020-04-27", "day")),
    ("The army said on Monday that its troops shelled the town last week.", "2020-01-08", "shelled",
     ("2019-12-30", "week")),
    ("The army said on Monday that its troops shelled the town.", "2020-01-08", "shelled",
     ("2020-01-06", "day")),
    ("Police arrested two men in March 2019.", "2020-01-08", "arrested", ("2019-03", "month")),
    ("Troops withdrew in 2018.", "2020-01-08", "withdrew", ("2018", "year")),
    ("Protesters marched through the capital.", "2020-01-08", "marched", ("2020-01-08", "publication")),
    ("Protesters marched through the capital.", None, "marched", (None, "unresolved")),
    ("Rebels attacked the village on Friday.", None, "attacked", (None, "unresolved")),
    ("The shelling of the town yesterday killed four people.", "2020-01-08", "shelling", ("2020-01-07", "day")),
])
def test_date_events(time_ctx, text, published, trigger, expected):
    assert dated(time_ctx, text, published, [trigger]) == [expected]


def test_events_in_one_sentence_keep_their_own_dates(time_ctx):
    text = "The minister, who was arrested on Monday, resigned yesterday."
    assert dated(time_ctx, text, "2020-01-08", ["arrested", "resigned"]) == [
        ("2020-01-06", "day"), ("2020-01-07", "day")]


@pytest.mark.parametrize(("trigger", "occurrence", "expected"), [
    ("retaliated", 0, ("2020-01-08", "day")),
    ("assassinated", 0, ("2020-01-03", "day")),
    ("shooting", 0, ("2020-01-08", "publication")),
])
def test_seed_article_event_dates(time_ctx, trigger, occurrence, expected):
    text = SEED.read_text(encoding="utf-8")
    article = tag_times(parse(Article(id="seed", text=text, published="2020-01-08"), time_ctx), time_ctx)
    article = dataclasses.replace(article, events=(event_at(article, trigger, occurrence),))
    event = date_events(article, time_ctx).events[0]
    assert (event.date, event.date_precision) == expected


def test_mentions_are_tried_when_the_first_has_no_date(time_ctx):
    text = "Iran fired missiles. The strikes hit two bases on Tuesday."
    article = tag_times(parse(Article(id="t", text=text, published="2020-01-08"), time_ctx), time_ctx)
    first, second = event_at(article, "fired").evidence, event_at(article, "hit").evidence
    event = dataclasses.replace(event_at(article, "fired"), mentions=(first, second))
    article = dataclasses.replace(article, events=(event,))
    assert date_events(article, time_ctx).events[0].date == "2020-01-07"


@pytest.mark.parametrize(("text", "expected"), [
    ("The general was assassinated on Friday. Five days after the assassination, Iran fired missiles.",
     ("2020-01-08", "day")),
    ("The general was assassinated on Friday. Two days before the assassination, Iran fired missiles.",
     ("2020-01-01", "day")),
    ("The general was assassinated. Five days after the assassination, Iran fired missiles.",
     ("2020-01-08", "publication")),
])
def test_event_anchored_dates(time_ctx, text, expected):
    article = tag_times(parse(Article(id="t", text=text, published="2020-01-08"), time_ctx), time_ctx)
    killing = event_at(article, "assassinated")
    killing = dataclasses.replace(killing, mentions=(killing.evidence, event_at(article, "assassination").evidence))
    article = dataclasses.replace(article, events=(killing, event_at(article, "fired")))
    event = date_events(article, time_ctx).events[1]
    assert (event.date, event.date_precision) == expected


def test_without_a_parse_the_sentence_date_is_used(time_ctx):
    text = "Rebels attacked the village on Friday. Troops arrived later."
    article = tag_times(parse(Article(id="t", text=text, published="2020-01-08"), time_ctx), time_ctx)
    article = dataclasses.replace(article, doc=None,
                                  events=(event_at(article, "attacked"), event_at(article, "arrived")))
    assert [(e.date, e.date_precision) for e in date_events(article, time_ctx).events] == [
        ("2020-01-03", "day"), ("2020-01-08", "publication")]


def test_articles_without_events_are_returned_unchanged(time_ctx):
    article = Article(id="t", text="Nothing happened.", published="2020-01-08")
    assert date_events(article, time_ctx) is article


@pytest.mark.parametrize(("text", "triggers", "expected"), [
    # the date of the story carries to later clauses and sentences of the paragraph
    ("As reported on 28 April 2020, soldiers carried out airstrikes near the border.", ["carried"],
     [("2020-04-28", "day")]),
    ("On 1 May 2020, a landmine hit a truck on the road. Three fighters were killed.", ["killed"],
     [("2020-05-01", "day")]),
    # an end point is not the event's date
    ("On 9 May 2020, the government imposed a curfew until the end of the weekend.", ["curfew"],
     [("2020-05-09", "day")]),
    # a date that modifies another event's noun belongs to that event
    ("On 6 May 2020, relatives gathered in protest of the abduction of a man on 29 January 2020.",
     ["protest", "abduction"], [("2020-05-06", "day"), ("2020-01-29", "day")]),
    # nothing to carry: a later date, or another paragraph
    ("Troops were killed. The report came out on 3 May 2020.", ["killed"], [(None, "unresolved")]),
    ("On 1 May 2020, rebels attacked a base.\n\nTroops were killed.", ["killed"], [(None, "unresolved")]),
])
def test_narrative_date_without_publication(time_ctx, text, triggers, expected):
    assert dated(time_ctx, text, None, triggers) == expected


def test_background_event_is_not_stamped_with_the_publication_date(time_ctx):
    """Issue 11: an event mentioned as background happened before, on a day the text does not give."""
    text = "Iraq lifted the curfew after the clashes in Basra."
    article = tag_times(parse(Article(id="t", text=text, published="2020-01-08"), time_ctx), time_ctx)
    lifted = event_at(article, "lifted")
    clashes = dataclasses.replace(event_at(article, "clashes"), modality="historical")
    events = date_events(dataclasses.replace(article, events=(lifted, clashes)), time_ctx).events
    assert [(e.date, e.date_precision) for e in events] == [("2020-01-08", "publication"), (None, "unresolved")]


def test_issue_16_an_offset_past_the_calendar_is_no_date():
    """ "730120 days ago" names no day of the calendar: unresolved, not a crash."""
    from datetime import date

    from eventwire.time.calendar import shift

    assert shift(date(2000, 1, 1), "D", -730120) is None
    assert shift(date(2000, 1, 1), "Y", 9000) is None
    assert shift(date(2000, 1, 1), "D", -5) == date(1999, 12, 27)


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Spanish police arrest a man after searching a cybercafe in Mataro near Barcelona, Dec. 8, 2015.",
     "arrest", ("2015-12-08", "day")),
    ("FILE - Pakistanis rally in support of Mumtaz Qadri in Lahore, Pakistan, Feb. 29, 2016", "rally",
     ("2016-02-29", "day")),
])
def test_a_full_date_closing_a_caption_dates_its_scene(time_ctx, text, trigger, expected):
    """Issue 12: a photo caption or dateline ends on the day of its scene."""
    assert dated(time_ctx, text, "2016-01-07", [trigger]) == [expected]


@pytest.mark.parametrize(("text", "trigger", "scene"), [
    ("Protesters rally in Lahore, Pakistan, Feb. 29, 2016.", "rally", "2016-02-29"),
    ("Police said on Dec. 8, 2015, that they arrest the smugglers at the border.", "arrest", None),
    ("Protesters rally in front of the parliament, Dec. 8.", "rally", None),   # no year stated
    ("Protesters rally in front of the parliament Dec. 8, 2015.", "rally", None),   # no comma
])
def test_only_a_full_date_after_a_comma_at_the_sentence_end_is_a_scene_date(time_ctx, text, trigger, scene):
    article = tag_times(parse(Article(id="t", text=text, published="2016-01-07"), time_ctx), time_ctx)
    found = scene_date(event_at(article, trigger), article, find_anchors(article))
    assert (found and found.date) == scene
