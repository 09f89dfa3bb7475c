"""Store: round trip, idempotent re-add, rollback, failures, filters, schema checks and upgrade."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.errors import StoreError
from eventwire.model import Article, Failure, Quantity, Sentence
from eventwire.store import SCHEMA_VERSION, Store
from eventwire.store.database import OLDEST_VERSION, migrations

from .conftest import run_sql
from .records import actor, event, make_article, place

HODEIDAH = place("Hodeidah", 79415, "YEM", 14.8, 42.95)
WASHINGTON = place("Washington", 4140963, "USA", 38.9, -77.04)
BAGHDAD = place("Baghdad", 98182, "IRQ", 33.34, 44.4)
REBELS = actor("Rebels", "YEM", "REB", "group")
SAUDI = actor("Saudi Arabia", "SAU", None, "state")
PROTESTERS = actor("Protesters", "USA", "CVL", "group")
GOVERNMENT = actor("Government", "USA", "GOV", "state")
IRAN_ARMY = actor("Iranian army", "IRN", "MIL", "state")
UN = actor("United Nations", "IGO", None, "igo")
IRAQ = actor("Iraq", "IRQ", None, "state")


def filter_articles() -> list[Article]:
    return [
        make_article(
            "a1",
            (
                event("ASSAULT", (REBELS,), (SAUDI,), date="2020-01-06", where=HODEIDAH, confidence=0.8),
                event("THREATEN", (SAUDI,), (REBELS,), modality="future", date="2020-W02", confidence=0.5),
            ),
        ),
        make_article(
            "a2",
            (
                event(
                    "PROTEST",
                    (PROTESTERS,),
                    (GOVERNMENT,),
                    modality="reported",
                    date="2019-12",
                    where=WASHINGTON,
                    confidence=0.6,
                ),
                event("ASSAULT", (IRAN_ARMY,), (GOVERNMENT,), modality="negated"),
            ),
        ),
        make_article(
            "a3",
            (event("COOPERATE", (UN,), (IRAQ,), modality="hypothetical", date="2020", where=BAGHDAD),),
        ),
    ]


@pytest.fixture
def filled(store: Store) -> Store:
    for article in filter_articles():
        assert store.add(article)
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["a2:0", "a3:0", "a1:0", "a1:1", "a2:1"]),
        ({"type": "assault"}, ["a1:0", "a2:1"]),
        ({"actor_country": "irn"}, ["a2:1"]),
        ({"actor_country": "SAU"}, ["a1:0", "a1:1"]),
        ({"actor_country": "USA"}, ["a2:0", "a2:1"]),
        ({"actor_country": "IGO"}, ["a3:0"]),
        ({"actor_country": "FRA"}, []),
        ({"since": "2020-01-07"}, ["a3:0", "a1:1"]),
        ({"since": date(2020, 1, 7)}, ["a3:0", "a1:1"]),
        ({"until": "2019"}, ["a2:0"]),
        ({"since": "2020-01", "until": "2020-01-06"}, ["a3:0", "a1:0", "a1:1"]),
        ({"since": "2021"}, []),
        ({"place": "hodeidah"}, ["a1:0"]),
        ({"place": "USA"}, ["a2:0"]),
        ({"place": "irq"}, ["a3:0"]),
        ({"modality": "future"}, ["a1:1"]),
        ({"happened_only": True}, ["a2:0", "a1:0"]),
        ({"type": "ASSAULT", "happened_only": True}, ["a1:0"]),
        ({"min_confidence": 0.0}, ["a2:0", "a3:0", "a1:0", "a1:1", "a2:1"]),
        ({"min_confidence": 0.6}, ["a2:0", "a3:0", "a1:0", "a2:1"]),
        ({"min_confidence": 1.0}, ["a3:0", "a2:1"]),
        ({"min_confidence": 0.7, "happened_only": True}, ["a1:0"]),
        ({"article_id": "a2"}, ["a2:0", "a2:1"]),
        ({"limit": 2}, ["a2:0", "a3:0"]),
        ({"limit": 0}, []),
    ],
)
def test_event_filters(filled: Store, filters: dict, expected: list[str]) -> None:
    assert [row["event_id"] for row in filled.events(**filters)] == expected


@pytest.mark.parametrize("bad", ["yesterday", "2020-13", "01/08/2020"])
def test_bad_date_filter_is_an_error(filled: Store, bad: str) -> None:
    with pytest.raises(StoreError, match="not an ISO date"):
        filled.events(since=bad)


def test_event_row_holds_flat_columns(store: Store, full_article: Article) -> None:
    store.add(full_article)
    row = store.events(type="ASSAULT")[0]
    expected = {
        "event_id": "full:0",
        "article_id": "full",
        "index": 0,
        "mode": "artillery",
        "context": ["military", "terrorism"],
        "cameo": "194",
        "goldstein": -10.0,
        "modality": "asserted",
        "happened": True,
        "trigger": "shelled",
        "source_codes": ["YEMREB"],
        "source_names": ["Rebels"],
        "target_codes": ["SAU", "BUS"],
        "target_names": ["Saudi Arabia", "port"],
        "target_countries": ["SAU", None],
        "place_name": "Hodeidah",
        "place_geonameid": 79415,
        "place_country": "YEM",
        "place_lat": 14.8,
        "place_point": "geonames",
        "place_precision": "city",
        "date": "2020-01-06",
        "date_start": "2020-01-06",
        "date_end": "2020-01-06",
        "quantities": [
            {"kind": "shells", "value": 12, "text": "12 shells"},
            {"kind": "dead", "value": 3, "text": "three"},
        ],
        "start": 7,
        "end": 14,
        "coder": "test.rules.v1",
        "mentions": [
            {"sentence": 0, "start": 7, "end": 14, "coder": "test.rules.v1", "data": "test-2026.11"},
            {"sentence": 1, "start": 48, "end": 60, "coder": "test.rules.v1", "data": "test-2026.11"},
        ],
        "article_url": "https://example.org/full",
        "article_published": "2020-01-08",
    }
    assert {key: row[key] for key in expected} == expected


def test_round_trip_rebuilds_the_article(db: str, full_article: Article) -> None:
    with Store.open(db) as store:
        assert store.add(full_article)
    with Store.open(db) as store:
        assert store.article("full") == full_article
        assert store.article("missing") is None
        assert "full" in store and "missing" not in store


def test_counts_every_record(store: Store, full_article: Article) -> None:
    store.add(full_article)
    assert store.counts() == {
        "articles": 1,
        "sentences": 2,
        "entities": 1,
        "actors": 2,
        "places": 1,
        "times": 1,
        "events": 2,
        "quotes": 1,
        "failures": 0,
    }


def test_the_generation_changes_with_the_events(store: Store, full_article: Article) -> None:
    empty = store.generation()
    assert empty == (0, 0, 0)
    store.add(full_article)
    stored = store.generation()
    assert stored == (1, 2, 0)
    store.add(full_article)  # stored before: nothing changes
    store.add_failure(Failure("a.html", "EW101", "empty"))
    assert store.generation() == stored
    store.add(make_article("no-events"))
    assert store.generation() == (2, 2, 0)


def test_re_adding_the_same_id_stores_nothing(store: Store, full_article: Article) -> None:
    assert store.add(full_article) is True
    before = store.counts()
    changed = dataclasses.replace(full_article, text="Another text.", events=())
    assert store.add(full_article) is False
    assert store.add(changed) is False
    assert store.counts() == before
    assert store.article("full") == full_article


def _bad_goldstein(article: Article) -> Article:
    broken = dataclasses.replace(article.events[0], goldstein="very negative")
    return dataclasses.replace(article, events=(broken,))


def _sentence_without_text(article: Article) -> Article:
    return dataclasses.replace(article, sentences=(Sentence(0, 0, 5, None),))


def _duplicate_sentence_index(article: Article) -> Article:
    return dataclasses.replace(article, sentences=article.sentences[:1] * 2)


def _quantity_not_a_number(article: Article) -> Article:
    quantity = Quantity("dead", object(), "some")
    broken = dataclasses.replace(article.events[0], quantities=(quantity,))
    return dataclasses.replace(article, events=(broken,))


def _confidence_out_of_range(article: Article) -> Article:
    broken = dataclasses.replace(article.events[0], confidence=1.5)
    return dataclasses.replace(article, events=(broken,))


def _confidence_not_a_number(article: Article) -> Article:
    broken = dataclasses.replace(article.events[0], confidence=float("nan"))
    return dataclasses.replace(article, events=(broken,))


def _source_with_lone_surrogate(article: Article) -> Article:
    """Issue 16: a name that is not valid UTF-8 (here a surrogate escape) cannot be stored."""
    return dataclasses.replace(article, source="bad\udcff.txt")


@pytest.mark.parametrize(
    "breaker",
    [_bad_goldstein, _sentence_without_text, _duplicate_sentence_index, _quantity_not_a_number,
     _confidence_out_of_range, _confidence_not_a_number, _source_with_lone_surrogate],
)
def test_failed_add_rolls_back_only_that_article(store: Store, full_article: Article, breaker) -> None:
    store.add(make_article("kept"))
    before = store.counts()
    with pytest.raises(StoreError, match="cannot store article 'broken'"):
        store.add(breaker(dataclasses.replace(full_article, id="broken")))
    assert store.counts() == before
    assert "broken" not in store
    assert store.add(full_article)
    assert store.article("kept") == make_article("kept")


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ([Failure("a.html", "EW101", "empty")], [("a.html", "EW101", "empty")]),
        (
            [Failure("a.html", "EW101", "empty"), Failure("a.html", "EW101", "still empty")],
            [("a.html", "EW101", "still empty")],
        ),
        (
            [Failure("a.html", "EW101", "empty"), Failure("a.html", "EW105", "French")],
            [("a.html", "EW101", "empty"), ("a.html", "EW105", "French")],
        ),
        (
            [Failure("b.html", "EW102", "binary"), Failure("a.html", "EW102", "binary")],
            [("a.html", "EW102", "binary"), ("b.html", "EW102", "binary")],
        ),
        # issue 16: lone surrogates are stored backslash-escaped
        ([Failure("bad\udcff.txt", "EW101", "empty \ud800")], [("bad\\udcff.txt", "EW101", "empty \\ud800")]),
    ],
)
def test_failures_are_unique_per_source_and_code(db: str, records, expected) -> None:
    for _ in range(2):  # a second run over the same inputs adds no rows
        with Store.open(db) as store:
            for failure in records:
                store.add_failure(failure)
    with Store.open(db) as store:
        found = store.failures()
    assert sorted((f["source"], f["code"], f["reason"]) for f in found) == expected
    assert all(f["at"].endswith("Z") and f["at"][:2] == "20" for f in found)


def test_add_all_stores_a_stream(store: Store, full_article: Article) -> None:
    broken = _bad_goldstein(dataclasses.replace(full_article, id="broken", source="broken.txt"))
    items = [full_article, Failure("x.pdf", "EW102", "binary"), full_article, broken, make_article("b")]
    assert store.add_all(items) == {"added": 2, "skipped": 1, "failures": 2}
    assert sorted((f["source"], f["code"]) for f in store.failures()) == [
        ("broken.txt", "EW401"),
        ("x.pdf", "EW102"),
    ]


def test_issue_16_unstorable_name_does_not_stop_the_stream(store: Store, full_article: Article) -> None:
    unstorable = _source_with_lone_surrogate(dataclasses.replace(full_article, id="unstorable"))
    assert store.add_all([unstorable, full_article]) == {"added": 1, "skipped": 0, "failures": 1}
    assert [(f["source"], f["code"]) for f in store.failures()] == [("bad\\udcff.txt", "EW401")]
    assert "unstorable" not in store and full_article.id in store


VERSION_QUERY = "SELECT value FROM meta WHERE key = 'schema_version'"


def test_schema_version_is_recorded(db: str) -> None:
    Store.open(db).close()
    assert run_sql(db, VERSION_QUERY) == [(SCHEMA_VERSION,)]
    Store.open(db).close()  # opened again: nothing to do
    assert run_sql(db, VERSION_QUERY) == [(SCHEMA_VERSION,)]


def test_migrations_are_numbered_from_the_oldest_upgradable_version() -> None:
    numbers = [number for number, _ in migrations()]
    assert numbers == sorted(set(numbers)) and numbers[0] == OLDEST_VERSION
    assert str(numbers[-1]) == SCHEMA_VERSION and all(statements for _, statements in migrations())


def test_other_schema_version_is_refused(db: str) -> None:
    Store.open(db).close()
    run_sql(db, "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99.*made by a newer eventwire"):
        Store.open(db)
    assert run_sql(db, VERSION_QUERY) == [("99",)]


def test_read_only_store(db: str, full_article: Article) -> None:
    with pytest.raises(StoreError, match="cannot open store|it holds no tables"):
        Store.open(db, read_only=True)
    with Store.open(db) as store:
        store.add(full_article)
    with Store.open(db, read_only=True) as store:
        assert [row["event_id"] for row in store.events()] == ["full:0", "full:1"]
        with pytest.raises(StoreError):
            store.add(make_article("new"))


def _as_version_2(db: str, article: Article) -> None:
    """Write a store as eventwire's schema version 2 wrote it: no confidence column."""
    with Store.open(db) as store:
        store.add(article)
    run_sql(db, "DROP TABLE event_clusters", "DROP TABLE article_bands", "ALTER TABLE articles DROP COLUMN copy_of",
            "ALTER TABLE events DROP COLUMN confidence", "ALTER TABLE events DROP COLUMN place_point",
            "ALTER TABLE places DROP COLUMN point", "UPDATE meta SET value = '2' WHERE key = 'schema_version'")


def test_a_version_2_store_is_upgraded_when_opened_for_writing(db: str, full_article: Article) -> None:
    _as_version_2(db, full_article)
    with Store.open(db) as store:
        assert [row["confidence"] for row in store.events()] == [1.0, 1.0]
        assert store.add(make_article("new", (event("ASSAULT", (REBELS,), (SAUDI,), confidence=0.4),)))
        assert [row["event_id"] for row in store.events(min_confidence=0.5)] == ["full:0", "full:1"]
    assert run_sql(db, VERSION_QUERY) == [(SCHEMA_VERSION,)]


def test_a_version_2_store_opened_read_only_is_left_as_it_is(db: str, full_article: Article) -> None:
    _as_version_2(db, full_article)
    with Store.open(db, read_only=True) as store:
        rows = store.events(min_confidence=0.9)
        assert [(row["event_id"], row["confidence"]) for row in rows] == [("full:0", 1.0), ("full:1", 1.0)]
        assert [event.confidence for event in store.article("full").events] == [1.0, 1.0]
        assert [place.point for place in store.article("full").places] == [None]  # not recorded then
        assert "place_point" not in rows[0]
    assert run_sql(db, VERSION_QUERY) == [("2",)]


def test_a_failed_upgrade_leaves_the_store_as_it_was(db: str, full_article: Article) -> None:
    """The upgrade is one transaction: a store whose upgrade fails keeps its version 2 tables."""
    _as_version_2(db, full_article)
    run_sql(db, "ALTER TABLE events ADD COLUMN confidence VARCHAR")  # in the way of the migration
    with pytest.raises(StoreError, match="cannot read store"):
        Store.open(db)
    assert run_sql(db, VERSION_QUERY) == [("2",)]


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        (("CREATE TABLE articles (id INTEGER, body VARCHAR)", "CREATE TABLE meta (k VARCHAR, v VARCHAR)"),
         "is not an eventwire store: it holds other tables (articles, meta)"),
        (("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
          "INSERT INTO meta VALUES ('schema_version', '1')"),
         f"has schema version 1; this eventwire reads {SCHEMA_VERSION} and upgrades 2"),
    ],
    ids=["other-program", "schema-version-1"],
)
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_a_database_that_is_no_store_is_refused_untouched(db: str, statements, message, read_only) -> None:
    run_sql(db, *statements)
    tables = "SELECT table_name FROM information_schema.tables WHERE table_schema IN ('main', 'public')"
    before = sorted(run_sql(db, tables))
    with pytest.raises(StoreError, match=re.escape(message)):
        Store.open(db, read_only=read_only)
    assert sorted(run_sql(db, tables)) == before


def _sqlite(path: Path) -> None:
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE articles (id INTEGER)")


def _foreign(path: Path) -> None:
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE articles (id INTEGER, body VARCHAR)")
        connection.execute("CREATE TABLE meta (k VARCHAR, v VARCHAR)")


def _version_1(path: Path) -> None:
    with duckdb.connect(str(path)) as connection:
        connection.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")
        connection.execute("INSERT INTO meta VALUES ('schema_version', '1')")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_sqlite, "is not a DuckDB store: it is a SQLite database"),
        (lambda path: path.write_bytes(b"PAR1" + bytes(60)), "is not a DuckDB store: it is a Parquet file"),
        (lambda path: path.write_text("id,type\n", encoding="utf-8"), "it is a file of another format"),
        (lambda path: path.write_bytes(b""), "it is an empty file"),
        (lambda path: path.mkdir(), "it is a directory"),
        (_foreign, "is not an eventwire store: it holds other tables (articles, meta)"),
        (_version_1, f"has schema version 1; this eventwire reads {SCHEMA_VERSION} and upgrades 2"),
    ],
    ids=["sqlite", "parquet", "csv", "empty", "directory", "other-program", "schema-version-1"],
)
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_issue_16_a_file_that_is_no_store_is_refused_untouched(tmp_path: Path, make, message, read_only) -> None:
    path = tmp_path / "store.duckdb"
    make(path)
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(StoreError, match=re.escape(message)):
        Store.open(path, read_only=read_only)
    assert (path.read_bytes() if path.is_file() else None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.duckdb"]


def test_issue_16_a_store_killed_while_being_made_is_made_again(db_path: Path) -> None:
    """The tables are made in one transaction: a file without any is a new store, not another program's."""
    duckdb.connect(str(db_path)).close()
    with Store.open(db_path) as store:
        assert store.counts()["articles"] == 0


def test_issue_16_a_full_store_stops_the_batch(db: str, full_article: Article, monkeypatch) -> None:
    from eventwire.errors import StoreWriteError

    with Store.open(db) as store:
        def refuse(what: str) -> None:  # as a commit on a full disk fails: rolled back, then raised
            store._backend.rollback()
            raise StoreWriteError(f"cannot write store {db!r} ({what} not stored): File too large")

        monkeypatch.setattr(store, "_commit", refuse)
        with pytest.raises(StoreWriteError, match="EW402 cannot write store"):
            store.add_all([full_article, make_article("second")])
        monkeypatch.undo()
        assert store.counts()["articles"] == 0 and store.failures() == []


def test_postgres_store_in_a_schema_of_its_own(postgres_url: str, full_article: Article) -> None:
    """The store uses the connection's current schema: two stores share one database apart."""
    run_sql(postgres_url, "CREATE SCHEMA news")
    in_schema = postgres_url + "?options=-csearch_path%3Dnews"
    with Store.open(in_schema) as store:
        assert store.add(full_article)
    with Store.open(postgres_url) as public, Store.open(in_schema, read_only=True) as news:
        assert public.counts()["articles"] == 0 and news.article("full") == full_article
    assert run_sql(postgres_url, "SELECT count(*) FROM news.articles") == [(1,)]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://eventwire:hunter2@127.0.0.1:1/news", "cannot open store 'postgresql://eventwire:***@127.0.0.1:1/news'"),
        ("postgresql://nobody-here@127.0.0.1:{port}/news", 'role "nobody-here" does not exist'),
        ("postgresql://eventwire@127.0.0.1:{port}/no_such_db", 'database "no_such_db" does not exist'),
    ],
    ids=["no-server", "unknown-user", "unknown-database"],
)
def test_postgres_connection_failures_are_clear(postgres, url: str, message: str) -> None:
    with pytest.raises(StoreError, match=re.escape(message)) as raised:
        Store.open(url.format(port=postgres.port))
    assert "hunter2" not in str(raised.value) and "\n" not in str(raised.value)
