"""Rows held in memory answer as the store's queries do: a cached and an uncached server over one store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from eventwire.serve.snapshot import Snapshot
from eventwire.store import Store

from .conftest import TOKEN, call, make_store, serving

# the store's filters, each alone and a few together, in the cases the SQL treats apart
STORE_FILTERS = [
    {}, {"type": "ASSAULT"}, {"type": "assault"}, {"type": "NOPE"}, {"actor_country": "SYR"},
    {"actor_country": "irn"}, {"since": "2020-01-15"}, {"until": "2020-01-07"}, {"since": "2020"},
    {"since": "2020-01", "until": "2020-01-10"}, {"place": "Idlib"}, {"place": "idlib"}, {"place": "SYR"},
    {"modality": "threatened"}, {"modality": "ASSERTED"}, {"happened_only": True}, {"min_confidence": 0.7},
    {"type": "ASSAULT", "actor_country": "SYR", "happened_only": True},
]
PATHS = [
    "/events?limit=1000", "/events?mentions=true&limit=1000", "/events?type=ASSAULT", "/events?country=SYR",
    "/events?dyad=IRN-USA", "/events?since=2020-01-08&until=2020-01-14", "/events?bbox=36,35,37,36.5",
    "/events?q=market", "/events?happened=true&sort=-reports", "/events?sort=-confidence&limit=3&offset=2",
    "/events?mentions=true&type=ASSAULT&sort=-date&offset=5", "/events?sector=MIL&mode=heavy-weapons",
    "/events?place=Idlib&mentions=true", "/events?min_confidence=0.7&geonameid=169389", "/events?type=NOPE",
    "/stats", "/stats?country=IRN", "/stats?happened=true&since=2020-01-10",
    "/events.geojson", "/events.geojson?type=ASSAULT&mentions=true", "/events/nope:0",
]
NAIROBI = ("Police in Nairobi arrested 40 protesters on Tuesday after a march against tax rises, "
           "officials said.")
LAGOS = "Soldiers in Lagos shot dead two protesters on Monday, witnesses said."


@pytest.fixture(scope="module")
def store(tmp_path_factory, coded_reports) -> Iterator[Store]:
    db = make_store(tmp_path_factory.mktemp("snapshot") / "store.duckdb", coded_reports)
    with Store.open(db, read_only=True) as opened:
        yield opened


@pytest.mark.parametrize("filters", STORE_FILTERS, ids=lambda f: json.dumps(f, sort_keys=True))
def test_a_snapshot_selects_what_the_store_queries_do(store: Store, filters: dict) -> None:
    snapshot = Snapshot.read(store)
    assert snapshot.events(**filters) == store.events(**filters)
    assert snapshot.clusters(**filters) == store.clusters(**filters)


def test_a_snapshot_finds_a_cluster_by_its_id_and_by_each_member(store: Store) -> None:
    snapshot = Snapshot.read(store)
    for cluster in store.clusters():
        assert snapshot.cluster(cluster["cluster_id"]) == cluster
        assert all(snapshot.cluster(member) == cluster for member in cluster["members"])
    assert snapshot.cluster("nope:0") is None


@pytest.fixture(scope="module")
def servers(tmp_path_factory, coded_reports, ctx) -> Iterator[tuple[str, str]]:
    """A cached and an uncached server over one DuckDB store (one database in this process)."""
    db = make_store(tmp_path_factory.mktemp("servers") / "store.duckdb", coded_reports)
    with serving(db, ctx) as cached, serving(db, ctx, cache=False) as uncached:
        yield cached, uncached


@pytest.mark.parametrize("path", PATHS)
def test_cached_answers_are_the_uncached_ones(servers: tuple[str, str], path: str) -> None:
    cached, uncached = servers
    expected = call(uncached + path)[:2]
    assert expected[0] in (200, 404) and expected[1]
    assert call(cached + path)[:2] == expected


def test_every_event_page_is_the_uncached_one(servers: tuple[str, str]) -> None:
    cached, uncached = servers
    items = call(f"{uncached}/events?limit=1000")[1]["items"]
    ids = [item["cluster_id"] for item in items] + [member for item in items for member in item["members"]]
    assert len(ids) > len(items)
    for event_id in ids:
        expected = call(f"{uncached}/events/{event_id}")[:2]
        assert expected[0] == 200 and call(f"{cached}/events/{event_id}")[:2] == expected


def _ingest(server: str, text: str, url: str) -> dict:
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
    status, body, _ = call(f"{server}/ingest", method="POST", headers=headers,
                           body=json.dumps({"text": text, "url": url}).encode())
    assert status == 201, body
    return body


def _events(server: str, **query) -> dict:
    status, body, _ = call(f"{server}/events?{urlencode(query)}")
    assert status == 200, body
    return body


def test_an_ingested_article_is_answered_at_once(servers: tuple[str, str]) -> None:
    cached, uncached = servers
    before = _events(cached, limit=1000)["total"]
    assert _events(cached, place="Nairobi", mentions="true")["total"] == 0  # the snapshot is read
    stored = _ingest(cached, NAIROBI, "https://example.org/nairobi")
    assert stored["stored"] and stored["events"] == 1
    found = _events(cached, place="Nairobi", mentions="true")["items"]
    assert [item["event_id"] for item in found] == [f"{stored['id']}:0"]
    assert _events(cached, limit=1000)["total"] == before + 1
    # written by the other server: the store's generation tells this one
    assert _events(cached, place="Lagos", mentions="true")["total"] == 0
    other = _ingest(uncached, LAGOS, "https://example.org/lagos")
    assert other["stored"] and _events(cached, place="Lagos", mentions="true")["total"] == other["events"] > 0
    assert call(f"{cached}/events/{other['id']}:0")[0] == 200
    assert _events(cached, limit=1000) == _events(uncached, limit=1000)


def test_a_warmed_server_holds_the_rows_before_the_first_request(tmp_path, coded_reports) -> None:
    from eventwire.serve.api import create_app

    db = make_store(tmp_path / "store.duckdb", coded_reports)
    app = create_app(str(db))
    server = app.state.server
    assert server._snapshot is None
    server.warm()
    assert server._snapshot is not None and server._snapshot.generation == server.store.generation()
    assert len(server._snapshot.mentions) == len(server.store.events())
    server.store.close()
