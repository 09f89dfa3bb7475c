"""Toponym recognition and resolution on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.places.resolve import distance_km

SEED = Path(__file__).parents[1] / "fixtures" / "iran_bases_article.txt"


def _place(article, text):
    matches = [p for p in article.places if p.text == text]
    assert matches, (text, [p.text for p in article.places])
    return matches[0]


@pytest.mark.parametrize(
    ("text", "mention", "country", "admin1", "feature_codes"),
    [
        ("Senators in Washington passed the budget on Tuesday.", "Washington", "USA",
         "District of Columbia", {"PPLC"}),
        ("Wildfires spread across Washington state, from Spokane to Yakima.", "Washington", "USA",
         "Washington", {"ADM1"}),
        ("Russian troops crossed into Georgia and shelled Tbilisi.", "Georgia", "GEO", None, {"PCLI"}),
        ("Storms hit Atlanta and Savannah, and Georgia declared an emergency.", "Georgia", "USA",
         "Georgia", {"ADM1"}),
        # a place listed with a country is the country, even in a story about the United States
        ("Senators in Ohio, Texas and Florida condemned the invasions of Georgia and Ukraine.", "Georgia",
         "GEO", None, {"PCLI"}),
        # a list of divisions is no town qualified by its division
        ("The candidate campaigned in Ohio, Florida and Michigan.", "Ohio", "USA", "Ohio", {"ADM1"}),
        ("The candidate campaigned in Ohio, Florida, Iowa or Michigan.", "Florida", "USA", "Florida", {"ADM1"}),
        # qualified towns listed together keep their divisions
        ("Shootings in Parkland, Florida and Austin, Texas shocked the nation.", "Parkland", "USA", "Florida",
         {"PPL"}),
        ("Protesters gathered in Baghdad on Friday.", "Baghdad", "IRQ", None, {"PPLC"}),
        ("A car bomb exploded in Mosul, police said.", "Mosul", "IRQ", None, {"PPL", "PPLC"}),
        ("The reporters flew to Paris for the summit.", "Paris", "FRA", None, {"PPLC"}),
        ("Refugees fled Darfur into Chad.", "Darfur", "SDN", None, {"RGN"}),
        ("A teenager was shot in Parkland, Florida, on Monday.", "Parkland", "USA", "Florida", {"PPL"}),
        ("The mayor of Springfield, Illinois, resigned.", "Springfield", "USA", "Illinois", {"PPL"}),
        ("Floods closed roads near Lexington, Ky., overnight.", "Ky.", "USA", "Kentucky", {"ADM1"}),
        ("He was born in Churchill, Man., in 1990.", "Man.", "CAN", "Manitoba", {"ADM1"}),
        ("Shelling hit Aleppo and Idlib.", "Aleppo", "SYR", None, {"PPL", "PPLA"}),
        # a curated feature is as prominent as the name's best-known bearer: not Gulf Province, PNG
        ("Washington urged Gulf allies to withhold the missiles.", "Gulf", None, None, {"GULF"}),
        ("Tankers were attacked in the Gulf on Thursday.", "Gulf", None, None, {"GULF"}),
        # an airport under the name news gives it, the model's facility tag beating a small town
        ("Heathrow airport was closed after drones were sighted.", "Heathrow", "GBR", None, {"AIRP"}),
        ("Flights at Gatwick Airport were suspended.", "Gatwick Airport", "GBR", None, {"AIRP"}),
        ("Police arrested a man in Heathrow, Florida.", "Heathrow", "USA", "Florida", {"PPL"}),
    ],
)
def test_resolution(resolve, text, mention, country, admin1, feature_codes):
    place = _place(resolve(text), mention)
    assert place.country == country
    assert place.feature_code in feature_codes
    if admin1 is not None:
        assert place.admin1 == admin1


@pytest.mark.parametrize(
    ("mention", "lat", "lon"),
    [("Ain al-Assad", 33.79, 42.44), ("Erbil", 36.19, 44.01), ("Baghdad", 33.31, 44.37)],
)
def test_seed_article_places(resolve, mention, lat, lon):
    article = resolve(SEED.read_text(encoding="utf-8"))
    place = _place(article, mention)
    assert place.country == "IRQ"
    assert distance_km(place.lat, place.lon, lat, lon) < 50


@pytest.mark.parametrize(
    ("text", "found", "not_found"),
    [
        ("Iranian missiles struck the base.", {"Iranian"}, set()),
        ("Two Iranians were arrested at the border.", set(), {"Iranians"}),
        ("The Washington Post reported the story.", {"Washington"}, set()),
        ("South said it would appeal the ruling.", set(), {"South"}),
        ("Officers reached Erbil on Monday.", {"Erbil"}, set()),
        ("Troops were sent by the US.", {"US"}, {"US."}),
        ("The Russian Ministry of Defence denied it.", {"Russian"}, set()),
        ("A Danish developer built the app.", {"Danish"}, set()),
        ("She speaks Danish at home.", set(), {"Danish"}),
        # a place's initials are an abbreviation only in capitals: not the ACT, not Los Angeles
        ("He slammed the Cuban Adjustment Act, which makes Cuban immigrants eligible.", {"Cuban"}, {"Act"}),
        ("Merchants from La Paradita market staged a demonstration in Lima.", {"Lima"}, {"La"}),
    ],
)
def test_what_counts_as_a_toponym(resolve, text, found, not_found):
    texts = {p.text for p in resolve(text).places}
    assert found <= texts
    assert not (not_found & texts)


def test_a_place_of_another_lies_in_it(resolve):
    # "the Western District of New York" is no "Western District" of Uganda
    article = resolve("A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar (D-Minn.), "
                      "the U.S. Attorney’s Office for the Western District of New York announced Monday.")
    assert {p.country for p in article.places if p.geonameid is not None} <= {"USA"}


def test_a_place_name_is_a_place_throughout_the_article(resolve):
    text = "An earthquake struck near Tabriz on Saturday. Hospitals said Tabriz needed blood."
    places = [p for p in resolve(text).places if p.text == "Tabriz"]
    assert len(places) == 2
    assert {p.country for p in places} == {"IRN"}


def test_person_named_after_a_place_is_not_a_place(resolve):
    text = "Rescuers reached Jordan on Monday. Michael Jordan donated money."
    starts = [p.evidence.start for p in resolve(text).places if p.text == "Jordan"]
    assert starts == [text.index("Jordan")]


def test_an_organisation_the_actors_know_is_no_small_town(ctx):
    # Congress, Arizona is a town of 2,000; "Washington" and "Moscow" name both and stay places
    from eventwire.model import Article
    from eventwire.nlp.parse import attach_doc
    from eventwire.registry import get_coder

    text = "The treaty was a bipartisan cause in Congress. Washington said the talks in Moscow failed."
    article = attach_doc(Article(id="test", text=text), ctx.nlp(text))
    for stage in ("actors", "places"):
        article = get_coder(stage, ctx.options.coder(stage))(article, ctx)
    assert {a.text: a.code for a in article.actors}["Congress"] == "USALEG"
    assert {p.text for p in article.places} == {"Washington", "Moscow"}


def test_evidence_spans_point_into_text(resolve):
    text = "Rockets hit Kabul and Kandahar in Afghanistan."
    article = resolve(text)
    assert {p.text for p in article.places} >= {"Kabul", "Kandahar", "Afghanistan"}
    for place in article.places:
        assert text[place.evidence.start:place.evidence.end] == place.text
        assert place.evidence.coder == "places.gazetteer.v1"
        assert place.evidence.sentence == 0


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # a country qualifying a noun ("US dollar") is no context for the other places
        ("Traders angry at the high US dollar rate protested outside a bank in Sidon.", "Sidon", "LBN"),
        # a town qualified by the big city of its division
        ("Teachers went on strike in Empalme, Sonora, on Friday.", "Empalme", "MEX"),
        # the same name twice: the town in the division of that name
        ("Students marched in Colon (Colon) on Thursday.", "Colon", "PAN"),
        # a district known only by its province, not a town of the same name abroad
        ("Militants attacked a post in Zari district on Sunday.", "Zari", "AFG"),
    ],
)
def test_qualified_places(resolve, text, mention, country):
    assert _place(resolve(text), mention).country == country


@pytest.mark.parametrize(
    ("text", "mention", "never"),
    [
        # a first-level division cannot lie inside another one: not the region La Libertad
        ("Nurses protested outside the hospital in La Libertad, Arequipa, on Monday.", "La Libertad", "ADM1"),
        # a village qualified by a town of another country than its only namesake
        ("Troops fired on positions near Goyali, Gadabay, overnight.", "Goyali", "IND"),
    ],
)
def test_qualifier_rules_out_namesakes(resolve, text, mention, never):
    place = _place(resolve(text), mention)
    assert never not in {place.feature_code, place.country}


SYRIA_STORY = ("Syrian forces shelled Homs on Monday. In Syria, the army also hit Hama, and Syria's "
               "government denied it. Survivors buried the dead in al-Bayda.")


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        # a town whose only namesakes lie in a country no other place names is not resolved abroad
        (SYRIA_STORY, "al-Bayda", None),
        # a capital or a town of a country the article names is
        (SYRIA_STORY + " Diplomats met in Paris.", "Paris", "FRA"),
        (SYRIA_STORY + " Refugees reached Turkey and camped near Kilis.", "Kilis", "TUR"),
    ],
)
def test_a_town_of_a_country_no_other_place_names(resolve, text, mention, country):
    assert _place(resolve(text), mention).country == country


@pytest.mark.parametrize(("actor_country", "country"), [(None, "IND"), ("PAK", "PAK")])
def test_actor_country_is_weak_context(ctx, actor_country, country):
    import dataclasses

    from eventwire.model import Actor, Article, Evidence
    from eventwire.nlp.parse import attach_doc
    from eventwire.places.resolve import resolve_places

    text = "Police officers baton-charged traders in Hyderabad on Friday."
    actors = (Actor("Police officers", "Police officers", actor_country, "COP", "organization",
                    Evidence(0, 0, 15, "test", "")),)
    article = dataclasses.replace(attach_doc(Article(id="test", text=text), ctx.nlp(text)), actors=actors)
    assert _place(resolve_places(article, ctx), "Hyderabad").country == country


@pytest.mark.parametrize(
    ("text", "mention", "point"),
    [
        ("Protesters gathered in Baghdad on Friday.", "Baghdad", "geonames"),
        ("Russian troops crossed into Georgia and shelled Tbilisi.", "Georgia", "estimated"),   # a country
        ("Wildfires spread across Washington state, from Spokane to Yakima.", "Washington", "estimated"),
        ("Rockets hit Ain al-Asad air base in Iraq.", "Ain al-Asad", "curated"),             # eventwire's data
    ],
)
def test_issue_12_a_place_says_where_its_point_comes_from(resolve, text, mention, point):
    """Countries and divisions sit at centres eventwire estimates, not GeoNames' own points."""
    assert _place(resolve(text), mention).point == point
