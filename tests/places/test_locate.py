"""Event location: the place attached to the trigger, else the sentence's, else the focus."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from eventwire.model import Actor, Event, Evidence
from eventwire.places.locate import locate_events
from eventwire.places.names import fold

SEED = Path(__file__).parents[1] / "fixtures" / "iran_bases_article.txt"


def _event(article, trigger: str, sentence: int = 0, source: str | None = None,
           target: str | None = None) -> Event:
    start = article.text.index(trigger)
    evidence = Evidence(sentence, start, start + len(trigger), "test", "")

    def actor(text):
        begin = article.text.index(text)
        return Actor(text, text, None, None, "state", Evidence(sentence, begin, begin + len(text), "test", ""))

    return Event("ASSAULT", None, (), "19", -10.0, (actor(source),) if source else (),
                 (actor(target),) if target else (), trigger, "asserted", evidence, mentions=(evidence,))


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target", "place", "precision"),
    [
        ("Iran fired missiles at the bases of Ain al-Assad and Erbil overnight.", "fired", "Iran", None,
         "Al Asad Air Base", "feature"),
        ("Washington killed the general in Baghdad on Friday.", "killed", "Washington", None,
         "Baghdad", "city"),
        ("Gunmen attacked a police post in Dehloran county.", "attacked", None, None,
         "Dehloran", None),
        ("The Kabul bombing killed ten people.", "bombing", None, None, "Kabul", "city"),
        ("Iraq condemned the strike, which Iran said was aimed at Israel.", "strike", "Iran", "Israel",
         "Iraq", "country"),
        ("Three farmers were hurt by an old mine, buried since the Iran-Iraq War, in Mehran county.",
         "hurt", None, None, "Mehran", None),
    ],
)
def test_event_place(resolve, ctx, text, trigger, source, target, place, precision):
    article = resolve(text)
    article = dataclasses.replace(article, events=(_event(article, trigger, source=source, target=target),))
    event = locate_events(article, ctx).events[0]
    assert event.place is not None
    assert place in fold(event.place.name)
    if precision:
        assert event.place_precision == precision


def test_actor_place_is_never_the_location(resolve, ctx):
    article = resolve("Washington threatened Tehran with new sanctions.")
    article = dataclasses.replace(
        article, events=(_event(article, "threatened", source="Washington", target="Tehran"),))
    assert locate_events(article, ctx).events[0].place is None


def test_falls_back_to_article_focus(resolve, ctx):
    text = "Fighting continued in Idlib. Both sides traded accusations."
    article = resolve(text)
    event = _event(article, "traded", sentence=1)
    article = dataclasses.replace(article, events=(event,))
    located = locate_events(article, ctx).events[0]
    assert located.place is not None and "Idlib" in located.place.name


def test_article_without_events_is_unchanged(resolve, ctx):
    article = resolve("Talks were held in Geneva.")
    assert locate_events(article, ctx) is article


@pytest.mark.parametrize(
    ("trigger", "source", "name", "precision"),
    [
        ("launched", "Iran", "Al Asad Air Base", "feature"),
        ("assassinated", None, "Baghdad", "city"),
    ],
)
def test_seed_article_event_places(resolve, ctx, trigger, source, name, precision):
    article = resolve(SEED.read_text(encoding="utf-8"))
    start = article.text.index(trigger)
    sentence = article.sentence_at(start)
    event = _event(article, trigger, sentence=sentence, source=source)
    if source:  # the actor mention in the trigger's sentence, not the headline's
        begin = article.text.index(source, article.sentences[sentence].start)
        actor = dataclasses.replace(event.sources[0], evidence=Evidence(sentence, begin, begin + len(source), "test", ""))
        event = dataclasses.replace(event, sources=(actor,))
    located = locate_events(dataclasses.replace(article, events=(event,)), ctx).events[0]
    assert located.place is not None and located.place.name == name
    assert located.place.country == "IRQ"
    assert located.place_precision == precision


@pytest.mark.parametrize(
    ("feature_class", "feature_code", "precision"),
    [
        ("A", "PCLI", "country"),
        ("L", "CONT", "country"),
        ("A", "ADM1", "admin1"),
        ("A", "ADM2", "admin1"),
        ("L", "RGN", "admin1"),
        ("P", "PPLC", "city"),
        ("P", "PPL", "city"),
        ("S", "AIRB", "feature"),
    ],
)
def test_place_precision(feature_class, feature_code, precision):
    from eventwire.model import Place
    from eventwire.places.locate import place_precision

    place = Place("x", "x", 1, feature_class, feature_code, None, None, 0.0, 0.0, Evidence(0, 0, 1, "test", ""))
    assert place_precision(place) == precision


def test_adjective_places_are_not_event_locations(resolve, ctx):
    article = resolve("Iranian drones attacked the tanker.")
    article = dataclasses.replace(article, events=(_event(article, "attacked"),))
    assert [p.text for p in article.places] == ["Iranian"]
    assert locate_events(article, ctx).events[0].place is None


@pytest.mark.parametrize(
    ("text", "trigger", "country", "precision"),
    [
        # the most precise place of a locative phrase, not the country around it
        ("Two air raids were reported on Al Dhaher district in northwestern Yemen.", "raids", "YEM", "admin1"),
        # a parenthesised division tells which of several same-name towns is meant
        ("Snipers opened fire on a civilian in the east of Hays city (Al Hudaydah).", "opened", "YEM", "city"),
        ("Militants attacked the army in Makhmur district on Monday.", "attacked", "IRQ", None),
        ("Hundreds of workers protested in Diwaniya city on Sunday.", "protested", "IRQ", "city"),
    ],
)
def test_local_place_in_sentence(resolve, ctx, text, trigger, country, precision):
    article = resolve(text)
    article = dataclasses.replace(article, events=(_event(article, trigger),))
    event = locate_events(article, ctx).events[0]
    assert event.place is not None and event.place.country == country
    if precision:
        assert event.place_precision == precision


@pytest.mark.parametrize(
    "text",
    [
        "Rioters angry at the high US dollar exchange rate blocked a road.",
        "The minister criticised Iran's regional strategy in a speech.",
    ],
)
def test_country_named_as_owner_is_not_a_location(resolve, ctx, text):
    trigger = "blocked" if "blocked" in text else "criticised"
    article = resolve(text)
    article = dataclasses.replace(article, events=(_event(article, trigger),))
    assert locate_events(article, ctx).events[0].place is None


def test_focus_is_the_most_mentioned_country(resolve, ctx):
    text = ("Missiles hit two bases in Iraq overnight. The strike near Erbil caused no deaths. "
            "Iran then warned Washington against any response.")
    article = resolve(text)
    sentence = article.sentence_at(text.index("warned"))
    event = _event(article, "warned", sentence=sentence, source="Iran", target="Washington")
    located = locate_events(dataclasses.replace(article, events=(event,)), ctx).events[0]
    assert located.place is not None and located.place.name == "Iraq"
    # issue 12: the article's focus stands in for a place the text does not give, and says so
    assert located.place_precision == "article"


def test_local_actors_take_the_place_country(resolve, ctx):
    text = "Police dispersed protesters in Ahvaz on Monday."
    article = resolve(text)
    event = _event(article, "dispersed")
    police = dataclasses.replace(event.sources[0] if event.sources else Actor(
        "Police", "police", None, "COP", "organization", Evidence(0, 0, 6, "actors.rules.v1", "")))
    event = dataclasses.replace(event, sources=(police,))
    located = locate_events(dataclasses.replace(article, events=(event,)), ctx).events[0]
    assert located.place.country == "IRN"
    assert located.sources[0].country == "IRN"
    assert located.sources[0].evidence.coder == "actors.rules.v1+place-country"


@pytest.fixture(scope="module")
def seed_events(ctx):
    from eventwire.extract import article_from_text
    from eventwire.pipeline import run_stages

    text = SEED.read_text(encoding="utf-8")
    article = run_stages(article_from_text(text, source="seed", published="2020-01-08"), ctx)
    return article, [(event, article.sentences[event.evidence.sentence].text) for event in article.events]


@pytest.mark.parametrize(
    ("trigger", "sentence_has", "country", "never"),
    [
        ("bombs", "Iran bombs", "IRQ", {"Iran", "United States"}),
        ("assassination", "Five days after", "IRQ", {"Iran", "United States"}),
        # no place of its own: the article's focus, never the actor metonym of the sentence
        ("advised", "have advised Washington", "IRQ", {"Washington"}),
        ("threatened", "military response from Tehran", "IRQ", {"Tehran"}),
    ],
)
def test_seed_event_places_in_pipeline(seed_events, trigger, sentence_has, country, never):
    _, events = seed_events
    found = [event for event, sentence in events if event.trigger.startswith(trigger) and sentence_has in sentence]
    assert found
    for event in found:
        assert event.place is not None and event.place.country == country
        assert event.place.name not in never


def test_seed_missile_strike_is_a_precise_place(seed_events):
    _, events = seed_events
    strike = next(event for event, sentence in events if event.trigger == "bombs")
    assert strike.place_precision in {"feature", "city"}
    assert strike.place.name in {"Al Asad Air Base", "Erbil"}


@pytest.mark.parametrize(
    ("text", "trigger", "admin1"),
    [
        # a neighbourhood of the same name in another state is not where it happened
        ("On Monday, in Monterrey, Nuevo Leon, two armed men attacked a man in Colonia Independencia.",
         "attacked", "Nuevo León"),
        # a village qualified by its oblast's capital, found only in another oblast: the capital
        ("Rebel forces fired mortars near Yasne, Donetsk, on Tuesday.", "fired", "Donetska oblast"),
    ],
)
def test_place_stays_within_the_named_division(resolve, ctx, text, trigger, admin1):
    article = resolve(text)
    article = dataclasses.replace(article, events=(_event(article, trigger),))
    event = locate_events(article, ctx).events[0]
    assert event.place is not None and event.place.admin1 == admin1


@pytest.mark.parametrize(
    ("text", "trigger", "name", "precision"),
    [
        # the town of "in X, Y" even where the parser hangs it on the subject
        ("In Paucarpata, Arequipa, public cleaning workers of the city staged a protest.", "protest",
         "Paucarpata", "city"),
        # a town the verb acts on is where it happened
        ("Bandits raided Kagarko (Kagarko LGA, Kaduna) at night.", "raided", "Kagarko", "city"),
        # a second-level division before the first-level one
        ("Teachers went on strike in Empalme, Sonora, on Friday.", "strike", "Empalme", "admin1"),
        # the city, not the division that qualifies it
        ("Gunmen shot a farmer in Amritsar (Punjab) on Tuesday.", "shot", "Amritsar", "city"),
    ],
)
def test_most_precise_place_of_the_phrase(resolve, ctx, text, trigger, name, precision):
    article = resolve(text)
    article = dataclasses.replace(article, events=(_event(article, trigger),))
    event = locate_events(article, ctx).events[0]
    assert event.place is not None
    assert (event.place.name, event.place_precision) == (name, precision)


@pytest.mark.parametrize(
    ("feature_class", "feature_code", "rank"),
    [("S", "AIRB", 0), ("P", "PPL", 1), ("A", "ADM2", 2), ("A", "ADM1", 2.5), ("L", "RGN", 2.5),
     ("A", "PCLI", 3)],
)
def test_detail_rank(feature_class, feature_code, rank):
    from eventwire.model import Place
    from eventwire.places.locate import detail_rank

    place = Place("X", "X", None, feature_class, feature_code, None, None, 0.0, 0.0, Evidence(0, 0, 1, "test", ""))
    assert detail_rank(place) == rank


@pytest.mark.parametrize(("source_country", "target_country", "place"), [
    ("IRN", "IRN", "Iran"),  # a domestic event of another country than the focus happened there
    ("IRN", "USA", "Iraq"),  # one between two countries is where the article is
    ("IRN", None, "Iraq"),   # and so is one whose target's country the text does not give
])
def test_domestic_event_is_placed_in_its_country(resolve, ctx, source_country, target_country, place):
    text = ("Missiles hit two bases in Iraq overnight. The strike near Erbil caused no deaths. "
            "Iranian police later detained the students, the report said.")
    article = resolve(text)
    sentence = article.sentence_at(text.index("detained"))
    event = _event(article, "detained", sentence=sentence, source="Iranian police", target="the students")
    event = dataclasses.replace(event, sources=(dataclasses.replace(event.sources[0], country=source_country),),
                                targets=(dataclasses.replace(event.targets[0], country=target_country),))
    located = locate_events(dataclasses.replace(article, events=(event,)), ctx).events[0]
    assert located.place is not None and located.place.name == place
    assert located.place_precision == "article"  # the text does not say where


def test_a_visit_takes_place_where_it_goes(ctx):
    from eventwire.evaluate.events import code_text

    events = code_text("The Kenyan president paid a visit to Uganda last week.", ctx, published="2021-03-10").events
    [visit] = [event for event in events if event.type == "CONSULT"]
    assert visit.place is not None and visit.place.country == "UGA" and visit.place_precision == "country"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # an unidentified attacker belongs where the attack was, not where the sentence is told
        ("In Poland, Obama opened his remarks with the aftermath of the Dallas shooting, saying America is "
         "not as divided as some have suggested.", "USA"),
        ("The mayor was killed in a car bomb explosion in Baghdad.", "IRQ"),
    ],
)
def test_unidentified_attackers_take_the_country_of_the_event_place(ctx, text, country):
    from eventwire.extract import article_from_text
    from eventwire.pipeline import run_stages

    article = run_stages(article_from_text(text, published="2016-07-09"), ctx)
    attacks = [event for event in article.events if event.type == "ASSAULT"]
    assert attacks and {actor.country for actor in attacks[0].sources if actor.sector == "UAF"} == {country}



def test_a_verb_shares_the_place_of_its_later_conjunct_over_a_place_abroad(ctx):
    """ "raped and killed in Argentina" took place in Argentina, not in the Rio de Janeiro where
    the photo is shown: a more precise place of the sentence wins only inside the attached one."""
    from eventwire.extract import article_from_text
    from eventwire.pipeline import run_stages

    text = ("A photo of Lucia Perez, who was raped and killed in Argentina, is projected on a building as "
            "women take part in a demonstration in Rio de Janeiro, Brazil.")
    article = run_stages(article_from_text(text, published="2016-10-25"), ctx)
    rape = next(event for event in article.events if event.trigger == "raped")
    protest = next(event for event in article.events if event.type == "PROTEST")
    assert (rape.place.country, protest.place.country) == ("ARG", "BRA")


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # a town qualifying the event noun says where, even in a phrase the actors read as an actor
        ("The Kabul bombing killed 12 people.", "bombing", "Kabul"),
        ("The Aleppo airstrikes killed 40 civilians on Sunday.", "airstrikes", "Aleppo"),
    ],
)
def test_a_town_qualifying_the_event_noun_is_its_place(ctx, text, trigger, place):
    from eventwire.evaluate.events import code_text

    [event] = [e for e in code_text(text, ctx, published="2021-03-10").events if e.trigger == trigger]
    assert event.place is not None and event.place.name == place and event.place_precision == "city"
