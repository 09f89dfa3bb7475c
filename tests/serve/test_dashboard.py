"""The dashboard at `/` in a real browser (Debian's Chromium driven by Playwright) over a real server.

The store holds the seed article and the news_events development articles. Where Chromium or
Playwright is missing the tests are skipped, unless EVENTWIRE_REQUIRE_BROWSER is set (as in
CI): then they fail.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlparse

import pytest

from eventwire.model import Document
from eventwire.pipeline import process

from .conftest import call, make_store, serving

CHROMIUM = Path(os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium"))
READY = "document.body.dataset.ready === '1'"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def dashboard_url(tmp_path_factory, ctx, fixtures: Path, gold_dir: Path) -> Iterator[str]:
    """A server over a store of the seed article and the news_events development articles."""
    documents = [Document(source="seed", content=(fixtures / "iran_bases_article.txt").read_text(encoding="utf-8"),
                          published="2020-01-08")]
    with (gold_dir / "news_events" / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            documents.append(Document(source=f"news_events#{record['id']}", content=record["text"],
                                      published=record.get("published")))
    db = make_store(tmp_path_factory.mktemp("dashboard") / "dashboard.duckdb", list(process(documents, ctx)))
    with serving(db, ctx) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "Playwright is not installed (pip install -e '.[test]')"
    if missing is None and not CHROMIUM.is_file():
        missing = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set EVENTWIRE_CHROMIUM)"
    if missing is not None:
        if os.environ.get("EVENTWIRE_REQUIRE_BROWSER"):
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def artifacts(tmp_path_factory) -> Path:
    """Where the screenshots go: $EVENTWIRE_ARTIFACTS, or a folder under pytest's own."""
    folder = Path(os.environ["EVENTWIRE_ARTIFACTS"]) if os.environ.get("EVENTWIRE_ARTIFACTS") \
        else tmp_path_factory.mktemp("artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Watched:
    """A page with every request it made and every error its console or its scripts reported."""

    page: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_function(READY)

    def assert_clean(self) -> None:
        assert not self.errors, self.errors
        assert self.requests
        elsewhere = [url for url in self.requests if urlparse(url).hostname != "127.0.0.1"]
        assert not elsewhere, elsewhere


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    yield from _watched(browser, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone(browser) -> Iterator[Watched]:
    yield from _watched(browser, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


def _watched(browser, **options) -> Iterator[Watched]:
    context = browser.new_context(**options)
    page = context.new_page()
    watched = Watched(page)
    page.on("request", lambda request: watched.requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and watched.errors.append(message.text))
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    try:
        yield watched
    finally:
        context.close()


def api(base: str, path: str, **query: Any) -> Any:
    status, body, _ = call(f"{base}/{path}" + (f"?{urlencode(query)}" if query else ""))
    assert status == 200, body
    return body


def counts(page) -> dict[str, int]:
    return {name: page.locator(selector).count() for name, selector in
            {"points": "#map .points circle", "bars": "#timeline rect.bar", "dyads": "#dyads tbody tr",
             "rows": "#events tbody tr", "countries": "#map .countries path"}.items()}


def expected(base: str, **filters: Any) -> dict[str, int]:
    """How many points, dyad rows and list rows the API's answers call for."""
    stats = api(base, "stats", **filters)
    return {"points": len(api(base, "events.geojson", **filters)["features"]), "dyads": min(len(stats["dyads"]), 30),
            "rows": min(api(base, "events", limit=1, **filters)["total"], 25)}


def settle(page, condition: str = "true") -> None:
    """Wait until `condition` (JavaScript) holds and every view has drawn what it asked for."""
    page.wait_for_function(f"({condition}) && {READY}")


def attribute(page, selector: str, name: str) -> set[str]:
    return set(page.eval_on_selector_all(selector, f"nodes => nodes.map(node => node.getAttribute('{name}'))"))


def screenshot(page, path: Path) -> None:
    page.screenshot(path=str(path), full_page=True)
    assert path.is_file() and path.stat().st_size > 1000
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_view_is_drawn_from_this_server_alone(dashboard_url: str, watched: Watched, artifacts: Path) -> None:
    watched.open(f"{dashboard_url}/")
    page = watched.page
    drawn = counts(page)
    want = expected(dashboard_url)
    assert drawn["points"] == want["points"] > 0
    assert drawn["dyads"] == want["dyads"] > 0
    assert drawn["rows"] == want["rows"] > 0
    assert drawn["bars"] > 0 and drawn["countries"] > 150
    total = api(dashboard_url, "stats")["events"]
    assert page.locator("#summary").text_content().startswith(f"{total} events")
    by_type = api(dashboard_url, "stats")["by_type"]
    assert attribute(page, "#timeline rect.bar", "data-type") == set(by_type)
    options = page.eval_on_selector_all("select[name=type] option", "nodes => nodes.map(node => node.value)")
    assert options == ["", *sorted(by_type)]
    title = page.locator("#map .points circle title").first.text_content()
    assert any(kind in title for kind in by_type) and "report" in title
    screenshot(page, artifacts / "dashboard-desktop.png")
    watched.assert_clean()


def test_a_filter_drives_every_view_and_is_kept_in_the_url(dashboard_url: str, watched: Watched) -> None:
    watched.open(f"{dashboard_url}/")
    page = watched.page
    before = counts(page)
    kind = next(iter(api(dashboard_url, "stats")["by_type"]))  # the commonest type
    page.select_option("select[name=type]", kind)
    page.wait_for_function(READY)
    assert parse_qs(urlparse(page.url).query) == {"type": [kind]}
    after, want = counts(page), expected(dashboard_url, type=kind)
    assert after["points"] == want["points"] < before["points"]
    assert after["rows"] == want["rows"] and after["dyads"] == want["dyads"]
    for selector in ("#map .points circle", "#timeline rect.bar", "#events tbody tr"):
        assert attribute(page, selector, "data-type") == {kind}, selector

    page.check("input[name=happened]")
    page.wait_for_function(READY)
    assert parse_qs(urlparse(page.url).query) == {"type": [kind], "happened": ["true"]}
    assert counts(page)["points"] == expected(dashboard_url, type=kind, happened="true")["points"]

    page.reload()  # a shared link: the filters come back from the URL
    page.wait_for_function(READY)
    assert page.input_value("select[name=type]") == kind and page.is_checked("input[name=happened]")
    assert counts(page)["points"] == expected(dashboard_url, type=kind, happened="true")["points"]
    assert attribute(page, "#events tbody tr", "data-type") == {kind}

    page.go_back()  # the history holds each filter
    settle(page, "!document.querySelector('input[name=happened]').checked")
    assert parse_qs(urlparse(page.url).query) == {"type": [kind]}
    assert not page.is_checked("input[name=happened]")
    assert counts(page)["points"] == want["points"]
    watched.assert_clean()


def test_a_link_with_filters_opens_with_them(dashboard_url: str, watched: Watched) -> None:
    country = next(iter(api(dashboard_url, "stats")["by_country"]))
    watched.open(f"{dashboard_url}/?country={country}&since=2016&until=2017-06")
    page = watched.page
    assert page.input_value("input[name=country]") == country
    assert (page.input_value("input[name=since]"), page.input_value("input[name=until]")) == ("2016", "2017-06")
    want = expected(dashboard_url, country=country, since="2016", until="2017-06")
    assert counts(page)["points"] == want["points"] > 0 and counts(page)["rows"] == want["rows"]
    assert page.locator(f"#map .countries path[data-country={country}].selected").count() == 1
    watched.assert_clean()


def test_an_event_shows_its_reports_with_the_evidence_marked(dashboard_url: str, watched: Watched,
                                                             artifacts: Path) -> None:
    watched.open(f"{dashboard_url}/?sort=-reports")
    page = watched.page
    first = page.locator("#events tbody tr").first
    event_id = first.get_attribute("data-id")
    first.locator("a").click()
    page.wait_for_function(READY)
    assert page.locator("#event-view").is_visible()
    assert parse_qs(urlparse(page.url).query)["event"] == [event_id]

    cluster = api(dashboard_url, f"events/{quote(event_id)}")
    triggers, sentences = set(), set()
    for mention in cluster["mentions_detail"]:
        article = api(dashboard_url, f"articles/{mention['article_id']}")
        for evidence in mention["mentions"]:
            triggers.add(article["text"][evidence["start"]:evidence["end"]])
            sentences.add(article["sentences"][evidence["sentence"]]["text"])
    marks = page.locator("#event-view mark").all_text_contents()
    assert marks and set(marks) == triggers
    assert all(any(mark in sentence for sentence in sentences) for mark in marks)
    assert page.locator("#event-view mark:not(.evidence)").count() == 0  # each inside its sentence
    assert page.locator("#event-view .report").count() == len({m["article_id"] for m in cluster["mentions_detail"]})
    screenshot(page, artifacts / "dashboard-event.png")

    country = next(c for c in cluster["source_countries"] + cluster["target_countries"] if c)
    # an actor's country sets the filter
    page.locator("#event-view").get_by_role("link", name=country, exact=True).first.click()
    settle(page, "!document.querySelector('#event-view').open")
    assert not page.locator("#event-view").is_visible()
    query = parse_qs(urlparse(page.url).query)
    assert query["country"] == [country] and "event" not in query
    assert counts(page)["rows"] == expected(dashboard_url, country=country)["rows"]
    watched.assert_clean()


def test_a_point_on_the_map_opens_its_event(dashboard_url: str, watched: Watched) -> None:
    watched.open(f"{dashboard_url}/")
    page = watched.page
    point = page.locator("#map .points circle").last  # drawn last: on top of the others
    event_id = point.get_attribute("data-id")
    point.click()
    page.wait_for_function(READY)
    assert parse_qs(urlparse(page.url).query)["event"] == [event_id]
    assert page.locator("#event-view mark").count() > 0
    page.keyboard.press("Escape")
    settle(page, "!location.search.includes('event=')")
    assert not page.locator("#event-view").is_visible() and "event" not in page.url
    watched.assert_clean()


def test_on_a_phone_the_views_stack_in_one_column(dashboard_url: str, phone: Watched, artifacts: Path) -> None:
    phone.open(f"{dashboard_url}/")
    page = phone.page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    boxes = [page.locator(selector).bounding_box() for selector in
             (".map-panel", ".timeline-panel", ".dyads-panel", ".list-panel")]
    assert len({round(box["x"]) for box in boxes}) == 1
    assert all(box["width"] > PHONE["width"] * 0.9 for box in boxes)
    assert all(upper["y"] < lower["y"] for upper, lower in zip(boxes, boxes[1:]))
    assert counts(page)["points"] > 0 and counts(page)["rows"] > 0
    screenshot(page, artifacts / "dashboard-phone.png")
    phone.assert_clean()


def test_the_basemap_is_small_and_offline(dashboard_url: str) -> None:
    status, body, headers = call(f"{dashboard_url}/basemap.json")
    assert status == 200 and body["type"] == "FeatureCollection"
    codes = {feature["id"] for feature in body["features"]}
    assert {"IRN", "USA", "IRQ", "FRA"} <= codes and len(codes) > 150
    assert len(json.dumps(body)) < 400_000
    point = body["features"][0]["geometry"]["coordinates"][0][0][0]
    assert all(round(value, 1) == value for value in point)
