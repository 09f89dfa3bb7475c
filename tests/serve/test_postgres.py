"""The API over a PostgreSQL store answers as it does over a DuckDB file holding the same articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from .conftest import TOKEN, call, make_store, serving

PATHS = [
    "/events?limit=1000", "/events?mentions=true&limit=1000", "/events?type=ASSAULT&sort=-reports",
    "/events?country=SYR&happened=true", "/events?dyad=IRN-USA", "/events?since=2020-01-08&until=2020-01-14",
    "/events?place=Idlib", "/events?bbox=36,35,37,36.5&mentions=true", "/events?q=market",
    "/events?modality=threatened", "/events?min_confidence=0.7&sort=-confidence", "/events?limit=4&offset=4",
    "/stats", "/stats?type=ASSAULT", "/events.geojson", "/events.geojson?since=2020-01-10",
    "/events/nope:0", "/articles/nope",
]
TEXT = ("Police in Nairobi arrested 40 protesters on Tuesday after a march against tax rises, "
        "officials said.")


@pytest.fixture(scope="module")
def servers(tmp_path_factory, coded_reports, postgres, ctx) -> Iterator[tuple[str, str]]:
    """A server over a DuckDB file and one over a PostgreSQL database, both holding the coded reports."""
    duckdb = make_store(tmp_path_factory.mktemp("twin") / "twin.duckdb", coded_reports)
    postgresql = make_store(postgres.new_database(), coded_reports)
    with serving(duckdb, ctx) as over_duckdb, serving(postgresql, ctx) as over_postgresql:
        yield over_duckdb, over_postgresql


@pytest.mark.parametrize("path", PATHS)
def test_postgresql_answers_as_duckdb_does(servers: tuple[str, str], path: str) -> None:
    over_duckdb, over_postgresql = servers
    expected = call(over_duckdb + path)[:2]
    assert expected[0] in (200, 404) and expected[1]
    assert call(over_postgresql + path)[:2] == expected


def test_every_event_and_article_is_the_same(servers: tuple[str, str]) -> None:
    over_duckdb, over_postgresql = servers
    items = call(f"{over_duckdb}/events?limit=1000")[1]["items"]
    paths = {f"/events/{item['cluster_id']}" for item in items} | {f"/events/{item['members'][-1]}" for item in items}
    paths |= {f"/articles/{item['article_id']}" for item in items}
    assert len(paths) > len(items)
    for path in sorted(paths):
        expected = call(over_duckdb + path)[:2]
        assert expected[0] == 200 and call(over_postgresql + path)[:2] == expected, path


def test_health_differs_only_in_the_store(servers: tuple[str, str]) -> None:
    over_duckdb, over_postgresql = servers
    one, other = call(f"{over_duckdb}/health")[1], call(f"{over_postgresql}/health")[1]
    assert other["store"].startswith("postgresql://") and one["articles"] > 0
    assert {**one, "store": None} == {**other, "store": None}


def test_ingest_into_postgresql(servers: tuple[str, str]) -> None:
    over_duckdb, over_postgresql = servers
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
    body = json.dumps({"text": TEXT, "url": "https://example.org/nairobi"}).encode()
    status, stored, _ = call(f"{over_postgresql}/ingest", method="POST", headers=headers, body=body)
    assert status == 201 and stored["stored"] and stored["events"] == 1
    query = urlencode({"place": "Nairobi", "mentions": "true"})
    status, found, _ = call(f"{over_postgresql}/events?{query}")
    assert status == 200 and [item["event_id"] for item in found["items"]] == [f"{stored['id']}:0"]
    assert call(f"{over_duckdb}/ingest", method="POST", headers=headers, body=body)[0] == 201
    assert call(f"{over_postgresql}/events?limit=1000")[:2] == call(f"{over_duckdb}/events?limit=1000")[:2]
