"""API latency on a large store: GET /events with its filters, the server's rows held in memory or not.

Synthetic articles (those of benchmarks/clusters.py, five events each) are written to a
temporary DuckDB store in one transaction, then clustered once with `Store.cluster()`
(which makes the clusters adding them one by one makes, in seconds rather than minutes).
The API runs on a real uvicorn server on loopback; each filter is asked `--requests` times
over one connection. The first request is reported apart (cold: the cached server reads the
store then); p50 and p99 are over the others. The baseline, in the same process, is the
same server made with `create_app(..., cache=False)`: every request reads and clusters
the store again, as before the rows were held in memory. Its answers are checked to be the
same bytes. With `--postgres`, the same again over a PostgreSQL database.

Usage: .venv/bin/python benchmarks/serve.py [--events 50000] [--requests 50] [--baseline-requests 5]
       [--postgres URL]
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from clusters import ARTICLES_PER_DAY, EVENTS_PER_ARTICLE, make_article

from eventwire.serve.api import create_app
from eventwire.serve.background import serving_in_thread
from eventwire.store import Store
from eventwire.store.rows import article_rows

FILTERS = {
    "none": "",
    "type=ASSAULT": "type=ASSAULT",
    "country=SYR": "country=SYR",
    "dyad=SYR-IRQ": "dyad=SYR-IRQ",
    "since/until a week": "since={since}&until={until}",
    "bbox (Syria)": "bbox=35,32,42,37.5",
    "q=protesters": "q=protesters",
    "happened=true": "happened=true",
    "sort=-reports": "sort=-reports",
    "offset deep page": "offset={deep}",
    "mentions=true": "mentions=true",
}
FIRST_INGEST = datetime(2026, 1, 1)
FIRST_DAY = date(2020, 1, 1)  # the day of make_article(0)


def build_store(target: str, articles: int) -> float:
    """Store `articles` synthetic articles at `target` and cluster them; return the seconds it took."""
    started = time.perf_counter()
    tables: dict[str, list[dict]] = {}
    for number in range(articles):
        # ingested in number order, a microsecond apart: the order clustering follows
        for table, rows in article_rows(make_article(number), FIRST_INGEST + timedelta(microseconds=number)).items():
            tables.setdefault(table, []).extend(rows)
        if number % 2000 == 1999:
            print(f"  {number + 1} articles made", file=sys.stderr, flush=True)
    with Store.open(target) as store:
        backend = store._backend  # one transaction for them all: Store.add commits each article
        backend.begin()
        for table, rows in tables.items():
            if rows:
                backend.insert(table, rows)
        backend.commit()
        print(f"  inserted in {time.perf_counter() - started:.1f} s; clustering", file=sys.stderr, flush=True)
        store.cluster()
    return time.perf_counter() - started


@contextmanager
def serving(db: str, cache: bool) -> Iterator[int]:
    """The read-only API over `db` on a uvicorn server on loopback; its port."""
    app = create_app(db, cache=cache)
    try:
        with serving_in_thread(app) as port:
            yield port
    finally:
        app.state.server.store.close()


def timed_gets(port: int, path: str, count: int) -> tuple[list[float], bytes]:
    """GET `path` `count` times over one connection; the milliseconds each took and the first body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    times, first = [], b""
    for _ in range(count):
        started = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        times.append(1000 * (time.perf_counter() - started))
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status} {body[:200]!r}")
        first = first or body
    connection.close()
    return times, first


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of `values`."""
    ordered = sorted(values)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]


def measure(db: str, articles: int, requests: int, baseline_requests: int) -> list[str]:
    """The markdown table of the store at `db`: the uncached server beside the cached one."""
    with serving(db, cache=True) as port:
        total = json.loads(timed_gets(port, "/events?limit=0", 1)[1])["total"]
    middle = FIRST_DAY + timedelta(days=articles // ARTICLES_PER_DAY // 2)  # a week in the middle of the news
    values = {"deep": total * 4 // 5, "since": middle.isoformat(), "until": (middle + timedelta(days=6)).isoformat()}
    paths = {name: "/events" + ("?" + query.format(**values) if query else "") for name, query in FILTERS.items()}
    results: dict[str, dict[str, tuple[list[float], bytes]]] = {"baseline": {}, "now": {}}
    for label, cache, count in (("baseline", False, baseline_requests), ("now", True, requests)):
        with serving(db, cache=cache) as port:  # a new server: its first request is cold
            for name, path in paths.items():
                print(f"  {label}: {name}", file=sys.stderr, flush=True)
                results[label][name] = timed_gets(port, path, count)
    lines = [f"{total} clusters; {baseline_requests} baseline requests and {requests} now per filter,"
             " p50 and p99 over all but the first (cold)", "",
             "| GET /events | matching | baseline cold ms | baseline p50 | baseline p99 | cold ms | p50 | p99 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    warm: dict[str, list[float]] = {"baseline": [], "now": []}
    for name, path in paths.items():
        (before, expected), (after, found) = results["baseline"][name], results["now"][name]
        if found != expected:
            raise SystemExit(f"GET {path}: the cached answer differs from the uncached one")
        items = json.loads(found)["total"]
        warm["baseline"] += before[1:] or before
        warm["now"] += after[1:] or after
        lines.append(f"| {name} | {items} | {before[0]:.0f} | {percentile(before[1:] or before, 0.5):.0f}"
                     f" | {percentile(before[1:] or before, 0.99):.0f} | {after[0]:.0f}"
                     f" | {percentile(after[1:], 0.5):.1f} | {percentile(after[1:], 0.99):.1f} |")
    lines.append(f"| **overall** | | | {percentile(warm['baseline'], 0.5):.0f} | {percentile(warm['baseline'], 0.99):.0f}"
                 f" | | {percentile(warm['now'], 0.5):.1f} | {percentile(warm['now'], 0.99):.1f} |")
    lines.append("")
    lines.append("Every answer of the cached server is byte for byte the uncached server's.")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=50, help="per filter, the cached server")
    parser.add_argument("--baseline-requests", type=int, default=5,
                        help="per filter, the uncached server (seconds each on a large store)")
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database to measure too")
    arguments = parser.parse_args()
    if arguments.requests < 2 or arguments.baseline_requests < 1:
        parser.error("--requests must be at least 2 and --baseline-requests at least 1")
    articles = arguments.events // EVENTS_PER_ARTICLE
    with tempfile.TemporaryDirectory() as folder:
        targets = {"DuckDB": str(Path(folder) / "serve.duckdb")}
        if arguments.postgres:
            targets["PostgreSQL"] = arguments.postgres
        for name, target in targets.items():
            print(f"building the {name} store: {articles} articles", file=sys.stderr, flush=True)
            seconds = build_store(target, articles)
            with Store.open(target, read_only=True) as store:
                events = store.counts()["events"]
            lines = [f"**{name}**: {events} events, store built and clustered in {seconds:.0f} s", "",
                     *measure(target, articles, arguments.requests, arguments.baseline_requests), ""]
            print("\n".join(lines), flush=True)


if __name__ == "__main__":
    main()
