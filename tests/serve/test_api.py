"""The REST API on a real uvicorn server: filters, pagination, 404, 401/403, 413, offline docs."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from .conftest import TOKEN, call


def events(server: str, **query) -> dict:
    status, body, _ = call(f"{server}/events?{urlencode(query)}")
    assert status == 200, body
    return body


def test_health(server: str) -> None:
    status, body, _ = call(f"{server}/health")
    assert status == 200 and body["status"] == "ok" and body["articles"] == 18 and body["writable"]


def test_events_are_clusters_with_totals_and_pages(server: str) -> None:
    everything = events(server, limit=1000)
    assert everything["total"] == len(everything["items"]) > 5
    assert all("n_articles" in item and "cluster_id" in item for item in everything["items"])
    pages = [events(server, limit=4, offset=offset)["items"] for offset in range(0, everything["total"], 4)]
    assert [item["cluster_id"] for page in pages for item in page] == [i["cluster_id"] for i in everything["items"]]
    mentions = events(server, mentions="true", limit=1000)
    assert mentions["total"] > everything["total"] and "cluster_id" not in mentions["items"][0]


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ({"type": "ASSAULT"}, lambda e: e["type"] == "ASSAULT"),
        ({"happened": "true"}, lambda e: e["happened"]),
        ({"modality": "threatened"}, lambda e: e["modality"] == "threatened"),
        ({"country": "SYR"}, lambda e: "SYR" in e["source_countries"] + e["target_countries"]),
        ({"source_country": "IRN"}, lambda e: "IRN" in e["source_countries"]),
        ({"target_country": "USA"}, lambda e: "USA" in e["target_countries"]),
        ({"dyad": "IRN-USA"}, lambda e: "IRN" in e["source_countries"] and "USA" in e["target_countries"]),
        ({"sector": "MIL"}, lambda e: any(c[3:6] == "MIL" for c in e["source_codes"] + e["target_codes"])),
        ({"place": "Idlib"}, lambda e: e["place_name"] == "Idlib"),
        ({"geonameid": 169389}, lambda e: e["place_geonameid"] == 169389),
        ({"bbox": "36,35,37,36.5"}, lambda e: 35 <= e["place_lat"] <= 36.5 and 36 <= e["place_lon"] <= 37),
        ({"since": "2020-01-15"}, lambda e: e["date_end"] >= "2020-01-15"),
        ({"until": "2020-01-07"}, lambda e: e["date_start"] <= "2020-01-07"),
        ({"q": "market"}, lambda e: "market" in e["sentence_text"].lower()),
        ({"min_confidence": 0.7}, lambda e: e["confidence"] >= 0.7),
        ({"mode": "heavy-weapons"}, lambda e: e["mode"] == "heavy-weapons"),
    ],
    ids=lambda value: "-".join(f"{k}" for k in value) if isinstance(value, dict) else "",
)
def test_every_filter_keeps_only_matching_events(server: str, query: dict, check) -> None:
    everything = events(server, limit=1000)["items"]
    found = events(server, limit=1000, **query)["items"]
    assert found, query
    assert all(check(item) for item in found)
    assert len(found) < len(everything)


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_sorting_by_date_keeps_undated_events_last_either_way(server: str, sort: str) -> None:
    dates = [item["date_start"] for item in events(server, sort=sort, limit=1000)["items"]]
    dated = [day for day in dates if day]
    assert dated and dated == sorted(dated, reverse=sort.startswith("-"))
    assert dates == dated + [None] * (len(dates) - len(dated))


def test_sorting_by_reports_puts_the_most_reported_first(server: str) -> None:
    items = events(server, sort="-reports", limit=3)["items"]
    assert items[0]["n_articles"] == 10 and items[0]["n_articles"] >= items[1]["n_articles"]


@pytest.mark.parametrize("query", [{"since": "yesterday"}, {"bbox": "1,2,3"}, {"dyad": "IRN"}, {"limit": -1},
                                   {"limit": 5000}, {"sort": "random"}, {"bbox": "a,b,c,d"},
                                   {"since": "2021-02-30"}, {"until": "2020-13"}])
def test_bad_parameters_are_a_422(server: str, query: dict) -> None:
    status, body, _ = call(f"{server}/events?{urlencode(query)}")
    assert status == 422, body


def test_one_event_with_every_mention_and_404s(server: str) -> None:
    top = events(server, sort="-reports", limit=1)["items"][0]
    status, body, _ = call(f"{server}/events/{top['cluster_id']}")
    assert status == 200 and len(body["mentions_detail"]) == len(body["members"]) == 10 + 1
    assert all(m["sentence_text"] and m["start"] is not None for m in body["mentions_detail"])
    by_member = call(f"{server}/events/{top['members'][-1]}")[1]
    assert by_member["cluster_id"] == top["cluster_id"]
    article_id = top["members"][0].rsplit(":", 1)[0]
    status, article, _ = call(f"{server}/articles/{article_id}")
    assert status == 200 and article["id"] == article_id and article["events"] and article["sentences"]
    for path in ("/events/nope:0", "/articles/nope", "/no-such-page"):
        assert call(server + path)[0] == 404


def test_geojson_and_stats(server: str) -> None:
    import geojson

    status, body, _ = call(f"{server}/events.geojson?type=ASSAULT")
    assert status == 200 and geojson.loads(json.dumps(body)).is_valid and body["features"]
    assert all(f["properties"]["type"] == "ASSAULT" for f in body["features"])
    assert body["total"] == len(body["features"]) >= 2
    status, latest, _ = call(f"{server}/events.geojson?type=ASSAULT&limit=1")
    assert status == 200 and latest["total"] == body["total"] and len(latest["features"]) == 1
    dates = [f["properties"]["date"] for f in body["features"] if f["properties"]["date"]]
    assert latest["features"][0]["properties"]["date"] == max(dates)
    assert call(f"{server}/events.geojson?limit=-1")[0] == 422
    status, stats, _ = call(f"{server}/stats")
    assert status == 200 and stats["by_type"]["ASSAULT"] >= 5 and "IRN-USA" in stats["dyads"]
    assert sum(stats["by_type"].values()) == stats["events"] == events(server, limit=1000)["total"]


def _post(server: str, path: str, payload: dict | bytes, token: str | None = TOKEN) -> tuple[int, object]:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    status, found, _ = call(server + path, method="POST", body=body, headers=headers)
    return status, found


TEXT = ("Police in Nairobi arrested 40 protesters on Tuesday after a march against tax rises, "
        "officials said.")


def test_writes_need_the_token(server: str) -> None:
    assert _post(server, "/extract", {"text": TEXT}, token=None)[0] == 401
    assert _post(server, "/ingest", {"text": TEXT}, token="wrong")[0] == 401


def test_extract_and_ingest(server: str) -> None:
    status, article = _post(server, "/extract", {"text": TEXT, "published": "2021-03-16"})
    assert status == 200 and article["published"] == "2021-03-16"
    assert [event["type"] for event in article["events"]] == ["COERCE"]
    status, stored = _post(server, "/ingest", {"text": TEXT, "url": "https://example.org/nairobi"})
    assert status == 201 and stored["stored"] and stored["events"] == 1
    assert _post(server, "/ingest", {"text": TEXT, "url": "https://example.org/nairobi"})[1]["stored"] is False
    assert events(server, place="Nairobi", mentions="true")["total"] == 1


@pytest.mark.parametrize("payload", [{}, {"text": "x", "html": "<p>x</p>"}, {"text": 5}, b"not json",
                                     {"text": "   "}, {"text": TEXT, "published": "someday"}])
def test_bad_bodies_are_a_clear_4xx(server: str, payload) -> None:
    status, body = _post(server, "/extract", payload)
    assert status in (400, 422) and body["detail"]


def test_an_oversized_body_is_a_413(server: str) -> None:
    status, body = _post(server, "/ingest", {"text": "word " * 20_000})
    assert status == 413 and "larger than" in body["detail"]


def test_docs_are_served_without_the_internet(server: str) -> None:
    status, page, _ = call(f"{server}/docs")
    assert status == 200 and "/static/swagger-ui/swagger-ui-bundle.js" in page and "cdn" not in page.lower()
    assert call(f"{server}/static/swagger-ui/swagger-ui-bundle.js")[0] == 200
    status, spec, _ = call(f"{server}/openapi.json")
    assert status == 200 and {"/events", "/events/{event_id}", "/articles/{article_id}", "/stats"} <= set(spec["paths"])
