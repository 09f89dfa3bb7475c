"""Cross-article clusters and copies, on both backends, with the bundled outlet-style reports."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from eventwire.clusters.copies import containment, original_of, shingles
from eventwire.clusters.link import Mention, conflict, source_actors, tie
from eventwire.evaluate.clusters import article_clusters, load_reports
from eventwire.model import Article, Document
from eventwire.pipeline import process
from eventwire.store import Store

from .conftest import run_sql
from .records import actor, event, make_article


@pytest.fixture(scope="module")
def coded(ctx) -> list[tuple[dict, Article]]:
    reports = load_reports("tune")
    documents = [Document(source=f"reports#{r['id']}", content=r["text"], url=r["url"], published=r["published"],
                          title=r["title"]) for r in reports]
    return list(zip(reports, process(documents, ctx)))


@pytest.fixture
def filled(db: str, coded) -> Store:
    with Store.open(db) as store:
        for _, article in coded:
            assert store.add(article)
        yield store


def by_report(filled: Store, coded) -> dict[str, str]:
    main = article_clusters(filled)
    return {report["id"]: main[article.id] for report, article in coded}


def test_ten_outlets_reporting_one_strike_make_one_cluster(filled: Store, coded) -> None:
    clusters = by_report(filled, coded)
    asad = {clusters[f"asad-{n:02d}"] for n in range(10)}
    assert len(asad) == 1
    [row] = [row for row in filled.clusters(type="ASSAULT", limit=None) if row["cluster_id"] in asad]
    assert (row["n_articles"], row["n_sources"], row["n_copies"]) == (10, 10, 1)
    assert row["place_name"] == "Al Asad Air Base" and row["happened"] and row["date"] == "2020-01-08"
    assert row["place_agreeing"] >= 6 and row["n_mentions"] >= 11
    assert row["first_report"] == row["last_report"] == "2020-01-08"


def test_different_strikes_and_a_threat_stay_apart(filled: Store, coded) -> None:
    clusters = by_report(filled, coded)
    idlib, aleppo = {clusters[f"idlib-{n}"] for n in range(3)}, {clusters[f"aleppo-{n}"] for n in range(2)}
    threat = {clusters[f"threat-{n}"] for n in range(2)}
    assert len(idlib) == len(aleppo) == len(threat) == 1
    assert len(idlib | aleppo | threat | {clusters["asad-00"]}) == 4
    for row in filled.clusters(limit=None):  # no cluster mixes what happened with what was threatened
        members = [event for event in filled.events() if event["event_id"] in row["members"]]
        assert len({event["happened"] for event in members}) == 1


def test_a_syndicated_copy_is_a_copy_not_a_source(filled: Store, coded) -> None:
    ids = {report["id"]: article.id for report, article in coded}
    copies = dict(filled._backend.execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL"))
    assert copies == {ids["asad-copy"]: ids["asad-01"]}


def test_clustering_again_from_scratch_gives_the_incremental_clusters(filled: Store) -> None:
    before = sorted(tuple(sorted(row["members"])) for row in filled.clusters(limit=None))
    before_ids = sorted(row["cluster_id"] for row in filled.clusters(limit=None))
    counts = filled.cluster()
    assert counts["articles"] == len(load_reports("tune")) and counts["copies"] == 1
    assert sorted(tuple(sorted(row["members"])) for row in filled.clusters(limit=None)) == before
    assert sorted(row["cluster_id"] for row in filled.clusters(limit=None)) == before_ids  # stable ids


def test_filters_select_whole_clusters(filled: Store) -> None:
    everything = {row["cluster_id"]: row for row in filled.clusters(limit=None)}
    for row in filled.clusters(place="Al Asad Air Base"):
        assert row == everything[row["cluster_id"]]  # counted over every member, not the matching ones
    assert len(filled.clusters(limit=2)) == 2


def test_events_and_clusters_are_one_read_of_both(filled: Store) -> None:
    events, clusters = filled.events_and_clusters()
    assert events == filled.events() and clusters == filled.clusters() and len(clusters) < len(events)


def test_clustering_again_changes_the_generation(filled: Store) -> None:
    before = filled.generation()
    filled.cluster()
    after = filled.generation()
    assert after[:2] == before[:2] and after != before
    filled.cluster()
    assert filled.generation() not in (before, after)


def _mention(**changes) -> Mention:
    fields = dict(event_id="a:0", article_id="a", type="ASSAULT", mode=None, modality_class="happened",
                  source_countries=frozenset({"IRN"}), target_countries=frozenset({"USA"}),
                  source_actors=frozenset({("IRN", "STATE")}), day_start=date(2020, 1, 8), day_end=date(2020, 1, 8), lat=33.8, lon=42.44,
                  place_country="IRQ", place_precision="feature", words=frozenset({"missiles", "base"}))
    return Mention(**{**fields, **changes})


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, None),
        ({"article_id": "b"}, "hard"),  # two events of one article: the article's dedup kept them apart
        ({"type": "PROTEST"}, "hard"),
        ({"modality_class": "threatened"}, "hard"),
        ({"mode": "aerial"}, None),  # one side's mode unknown
        ({"day_start": date(2020, 1, 9), "day_end": date(2020, 1, 9)}, None),  # a day apart
        ({"day_start": date(2020, 1, 11), "day_end": date(2020, 1, 11)}, "hard"),
        ({"lat": 35.0, "lon": 43.5, "place_precision": "city"}, "hard"),  # 160 km away
        ({"place_country": "SYR", "lat": None, "lon": None, "place_precision": "country"}, "hard"),
        ({"target_countries": frozenset({"IRQ"})}, None),  # the same spot: targets may differ
        ({"target_countries": frozenset({"IRQ"}), "lat": None, "lon": None, "place_precision": "country"},
         "actors"),
        ({"source_actors": frozenset({("IRN", None)})}, None),  # a country alone: any of its sectors
        ({"source_actors": frozenset({("IRN", "CVL")}), "lat": None, "lon": None, "place_precision": "country"},
         "actors"),  # Iranian civilians and the Iranian state: two actors
        ({"source_actors": frozenset({("IRN", "CVL")})}, None),  # on one spot, as for targets
        ({"source_actors": frozenset()}, None),  # no coded source
    ],
    ids=["same", "same-article", "type", "threatened", "mode-unknown", "a-day-apart", "three-days", "far",
         "other-country", "targets-on-one-spot", "targets-elsewhere", "source-country-alone",
         "source-other-sector", "source-other-sector-on-one-spot", "source-unknown"],
)
def test_what_sets_two_mentions_apart(changes: dict, expected: str | None) -> None:
    first = _mention(article_id="b", event_id="b:0")
    assert conflict(first, _mention(**changes)) == expected


MONTH = {"day_start": date(2020, 1, 1), "day_end": date(2020, 1, 31)}  # "in January"


@pytest.mark.parametrize(
    ("first", "second", "tied"),
    [
        ({}, {}, True),
        (MONTH, {}, True),  # a report dated to the month and one dated to a day in it
        (MONTH, MONTH, False),  # the same month is no evidence of the same day
        ({"day_start": date(2020, 1, 6), "day_end": date(2020, 1, 12)}, {}, True),  # "last week"
    ],
    ids=["days", "month-and-day", "months", "week-and-day"],
)
def test_mentions_dated_only_to_one_month_tie_by_nothing(first: dict, second: dict, tied: bool) -> None:
    one, other = _mention(article_id="b", event_id="b:0", **first), _mention(**second)
    assert conflict(one, other) is None
    assert (tie(one, other) > 0) is tied


@pytest.mark.parametrize(
    ("actors", "expected"),
    [
        ((actor("police", "IRQ", "COP", "group"), actor("the government", "IRQ", "GOV", "state")),
         {("IRQ", "STATE")}),  # the state's sectors as one
        ((actor("Iraq", "IRQ", None, "state"), actor("protesters", "IRQ", "CVL", "group")),
         {("IRQ", None), ("IRQ", "CVL")}),
        ((actor("", "IRQ", "CVL", "implied"),), set()),  # implied, not named
        ((dataclasses.replace(actor("Ahmed Khalil", "IRQ", None, "person"), evidence=dataclasses.replace(
            actor("x", None, None, "person").evidence, coder="actors.rules.v1+place-country")),), set()),
        ((actor("gunmen", None, "UAF", "group"),), set()),  # no country
    ],
    ids=["state-sectors", "country-and-sector", "implied", "bare-name-placed", "no-country"],
)
def test_source_actors_are_compared_as_the_dedup_stage_compares_them(actors: tuple, expected: set) -> None:
    assert source_actors(actors) == expected


def _request(article_id: str, published: str, date: str, precision: str, source_sector: str | None):
    """An article reporting that the United States asked Iran for something (one text for all:
    the sentences alike tie its events, so only their dates or sources can keep them apart)."""
    request = event("REQUEST", (actor("Washington", "USA", source_sector, "state"),),
                    (actor("Iran", "IRN", None, "state"),), date=date)
    article = make_article(article_id, (dataclasses.replace(request, date_precision=precision),))
    return dataclasses.replace(article, published=published)


def _clusters_of(db: str, *articles) -> list[list[str]]:
    with Store.open(db) as store:
        for article in articles:
            assert store.add(article)
        return sorted(sorted(row["members"]) for row in store.clusters(limit=None))


def test_two_us_requests_dated_to_one_month_are_two_clusters(db: str) -> None:
    """Issue: two US requests a month apart, both dated "2020-02" by their reports, were one cluster."""
    early = _request("early", "2020-02-03", "2020-02", "month", "GOV")
    late = _request("late", "2020-03-01", "2020-02", "month", "GOV")
    assert _clusters_of(db, early, late) == [["early:0"], ["late:0"]]


def test_a_report_dated_to_the_month_joins_one_dated_to_a_day_of_it(db: str) -> None:
    dated = _request("dated", "2020-02-11", "2020-02-10", "day", "GOV")
    later = _request("later", "2020-03-01", "2020-02", "month", "GOV")
    assert _clusters_of(db, dated, later) == [["dated:0", "later:0"]]


@pytest.mark.parametrize(
    ("sector", "expected"),
    [
        ("GOV", [["first:0", "second:0"]]),
        ("MIL", [["first:0", "second:0"]]),  # the state's sectors as one
        (None, [["first:0", "second:0"]]),  # the country alone: any of its sectors
        ("BUS", [["first:0"], ["second:0"]]),  # the government and American companies: two acts
    ],
    ids=["same-sector", "state-sectors", "country-alone", "other-sector"],
)
def test_sources_of_one_country_join_only_when_they_can_be_one_actor(db: str, sector, expected) -> None:
    first = _request("first", "2020-02-11", "2020-02-10", "day", "GOV")
    second = _request("second", "2020-02-11", "2020-02-10", "day", sector)
    assert _clusters_of(db, first, second) == expected


def test_a_version_5_store_is_clustered_again_with_its_sources_sectors(db: str) -> None:
    first = _request("first", "2020-02-11", "2020-02-10", "day", "GOV")
    second = _request("second", "2020-02-11", "2020-02-10", "day", "BUS")
    with Store.open(db) as store:
        assert store.add(first) and store.add(second)
    # as schema version 5 left it: no sectors, and the two linked by their country alone
    run_sql(db, "DROP INDEX event_clusters_window", "DROP INDEX event_clusters_cluster",
            "ALTER TABLE event_clusters DROP COLUMN source_actors",
            "CREATE INDEX event_clusters_window ON event_clusters (type, day_start)",
            "CREATE INDEX event_clusters_cluster ON event_clusters (cluster_id)",
            "UPDATE event_clusters SET cluster_id = 'first:0'",
            "UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    with Store.open(db) as store:
        assert sorted(sorted(row["members"]) for row in store.clusters(limit=None)) == [["first:0"], ["second:0"]]
    assert sorted(run_sql(db, "SELECT event_id, source_actors FROM event_clusters")) == [
        ("first:0", ["USA/STATE"]), ("second:0", ["USA/BUS"])]


def test_copies_are_measured_on_the_shorter_text() -> None:
    body = " ".join(f"word{n}" for n in range(200))
    assert containment(shingles(body), shingles("A new headline\n\n" + body + " Copyright 2020.")) > 0.95
    assert original_of("Another story entirely about " + body[:100], [("x", body)]) is None
    assert original_of("A new headline\n\n" + body, [("x", "unrelated text"), ("y", body)]) == "y"


ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}


def test_gdelt_export_reads_back_with_pandas(filled: Store, coded, tmp_path) -> None:
    import pandas

    from eventwire.store.exchange import GDELT_EVENT_COLUMNS, numeric_id
    from eventwire.store.export import export_store

    counts = export_store(filled, "gdelt", tmp_path / "events.tsv")
    events = pandas.read_csv(tmp_path / "events.tsv", sep="\t")
    mentions = pandas.read_csv(tmp_path / "events.mentions.tsv", sep="\t")
    assert tuple(events.columns) == GDELT_EVENT_COLUMNS
    assert (len(events), len(mentions)) == (counts["events"], counts["mentions"]) == (
        len(filled.clusters(limit=None)), len(filled.events()))
    assert set(mentions["GlobalEventID"]) == set(events["GlobalEventID"]) and events["GlobalEventID"].is_unique
    asad = by_report(filled, coded)["asad-00"]
    [row] = events[events["GlobalEventID"] == numeric_id(asad)].to_dict("records")
    assert (row["NumArticles"], row["NumSources"], row["QuadClass"], row["EventRootCode"]) == (10, 10, 4, 19)
    assert (row["Day"], row["ActionGeo_Type"], row["ActionGeo_CountryCode"]) == (20200108, 4, "IRQ")
    assert row["Actor1CountryCode"] == "IRN" and row["SOURCEURL"].startswith("https://")
    assert set(mentions["MentionSourceName"][mentions["GlobalEventID"] == numeric_id(asad)]) >= {
        "reuters.com", "apnews.com", "bbc.co.uk", "sfgate.com"}


def test_acled_export_holds_what_happened_in_acled_types(filled: Store, tmp_path) -> None:
    import pandas

    from eventwire.store.exchange import ACLED_COLUMNS
    from eventwire.store.export import export_store

    export_store(filled, "acled", tmp_path / "acled.csv")
    rows = pandas.read_csv(tmp_path / "acled.csv")
    assert tuple(rows.columns) == ACLED_COLUMNS and len(rows)
    assert set(rows["event_type"]) <= ACLED_TYPES and rows["event_id_cnty"].is_unique
    happened = {row["cluster_id"] for row in filled.clusters(happened_only=True, limit=None)}
    assert set(rows["cluster_id"]) <= happened
    assert rows["notes"].notna().all()  # each row's evidence sentence
    assert rows["latitude"].between(-90, 90).all() and rows["longitude"].between(-180, 180).all()


def test_geojson_export_is_valid_rfc_7946(filled: Store, tmp_path) -> None:
    import geojson

    from eventwire.store.export import export_store

    export_store(filled, "geojson", tmp_path / "events.geojson")
    collection = geojson.loads((tmp_path / "events.geojson").read_text(encoding="utf-8"))
    assert collection.is_valid, collection.errors()
    located = [row for row in filled.clusters(limit=None) if row["place_lat"] is not None]
    assert len(collection["features"]) == len(located) > 0
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]  # RFC 7946: longitude first
        row = next(r for r in located if r["cluster_id"] == feature["id"])
        assert (round(row["place_lon"], 6), round(row["place_lat"], 6)) == (lon, lat)
        assert feature["properties"]["n_articles"] == row["n_articles"]


def test_b_cubed_scores_a_split_and_a_merge() -> None:
    from eventwire.evaluate.clusters import b_cubed

    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    assert b_cubed({"a": "x", "b": "x", "c": "x", "d": "y"}, gold) == (1.0, 1.0)
    precision, recall = b_cubed({"a": "x", "b": "x", "c": "y", "d": "z"}, gold)  # one report split off
    assert precision == 1.0 and recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    precision, recall = b_cubed({"a": "x", "b": "x", "c": "x", "d": "x"}, gold)  # two events merged
    assert recall == 1.0 and precision == pytest.approx((3 / 4 * 3 + 1 / 4) / 4)
