"""Clustering cost: linking each new article as the store grows, and clustering a store from scratch.

Synthetic articles (twenty a day, five events each on the last three days, ten cities,
six event types, so that events of one day, type and place meet) are added day by day to
a temporary DuckDB store. At 1,000,
10,000 and 50,000 stored events it prints the time to add the next 100 articles and the
part of it spent linking them (copies and clusters); then the time `Store.cluster()` takes
to cluster the first 10,000 events again from scratch, on one core.

Usage: .venv/bin/python benchmarks/clusters.py [--events 50000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from eventwire.model import Actor, Article, Event, Evidence, Place, Sentence
from eventwire.store import Store
from eventwire.store import database

CITIES = (("Baghdad", 98182, "IRQ", 33.34, 44.4), ("Aleppo", 170063, "SYR", 36.2, 37.16),
          ("Idlib", 169389, "SYR", 35.93, 36.63), ("Kabul", 1138958, "AFG", 34.53, 69.17),
          ("Sanaa", 71137, "YEM", 15.35, 44.21), ("Mosul", 99072, "IRQ", 36.34, 43.13),
          ("Tripoli", 2210247, "LBY", 32.89, 13.19), ("Kharkiv", 706483, "UKR", 49.98, 36.25),
          ("Gaza", 281133, "PSE", 31.5, 34.47), ("Mogadishu", 53654, "SOM", 2.04, 45.34))
TYPES = (("ASSAULT", "190"), ("PROTEST", "140"), ("THREATEN", "130"), ("CONSULT", "040"),
         ("ACCUSE", "112"), ("COERCE", "170"))
EVENTS_PER_ARTICLE = 5
ARTICLES_PER_DAY = 20  # 100 events a day, whatever the size of the store
WORDS = ("troops", "protesters", "officials", "forces", "rebels", "police", "ministers", "residents")


def make_article(number: int) -> Article:
    """Article `number`: five events, each at a city on a day, its text varied by number."""
    sentences, events = [], []
    for index in range(EVENTS_PER_ARTICLE):
        seed = number * EVENTS_PER_ARTICLE + index
        name, geonameid, country, lat, lon = CITIES[seed * 7 % len(CITIES)]
        kind, cameo = TYPES[seed * 3 % len(TYPES)]
        day = number // ARTICLES_PER_DAY - index % 3  # news arrives day by day; its events are recent
        text = f"{WORDS[seed % len(WORDS)].title()} in {name} clashed with {WORDS[(seed // 8) % len(WORDS)]} {number}."
        start = sum(len(s.text) + 1 for s in sentences)
        sentences.append(Sentence(index, start, start + len(text), text))
        evidence = Evidence(index, start, start + 5, "bench.v1", "bench")
        source = Actor(name, name, country, "MIL", "state", evidence)
        place = Place(name, name, geonameid, "P", "PPLA", country, "01", lat, lon, evidence)
        date = _day(day)
        events.append(Event(kind, None, (), cameo, -5.0, (source,), (), "clashed", "asserted", evidence,
                            place=place, place_precision="city", date=date, date_precision="day",
                            mentions=(evidence,)))
    text = " ".join(s.text for s in sentences)
    return Article(id=f"{number:012d}", text=text, source=f"bench/{number}",
                   url=f"https://outlet{number % 40}.example/{number}", published=_day(number // ARTICLES_PER_DAY),
                   sentences=tuple(sentences), events=tuple(events))


def _day(offset: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(1577836800 + 86400 * offset))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50_000)
    arguments = parser.parse_args()
    marks = [m for m in (1_000, 10_000, 50_000) if m <= arguments.events]
    linking = 0.0
    real_link = database.link_article

    def timed_link(*args, **kwargs):
        nonlocal linking
        started = time.perf_counter()
        try:
            return real_link(*args, **kwargs)
        finally:
            linking += time.perf_counter() - started

    database.link_article = timed_link
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clusters.duckdb"
        print(f"{'stored events':>14} {'add ms/article':>15} {'of which linking':>17}")
        with Store.open(path) as store:
            number = 0
            for mark in marks:
                while number * EVENTS_PER_ARTICLE < mark:
                    store.add(make_article(number))
                    number += 1
                linking, started = 0.0, time.perf_counter()
                for _ in range(100):
                    store.add(make_article(number))
                    number += 1
                added = time.perf_counter() - started
                print(f"{mark:>14} {10 * added:>15.1f} {10 * linking:>14.1f} ms")
        database.link_article = real_link
        with Store.open(path) as store:
            clusters = store.clusters(limit=None)
            print(f"{store.counts()['events']} events in {len(clusters)} clusters")
        first = Path(folder) / "first.duckdb"
        with Store.open(first) as store:
            for index in range(10_000 // EVENTS_PER_ARTICLE):
                store.add(make_article(index))
            started = time.perf_counter()
            counts = store.cluster()
            seconds = time.perf_counter() - started
        print(f"Store.cluster() from scratch: {counts['events']} events, {counts['clusters']} clusters"
              f" in {seconds:.1f} s")


if __name__ == "__main__":
    main()
