"""Time storing, querying and exporting synthetic articles in a temporary DuckDB file.

Usage: .venv/bin/python benchmarks/store.py [ARTICLES] [EVENTS_PER_ARTICLE]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from eventwire.model import Actor, Article, Event, Evidence, Place, Sentence
from eventwire.store import Store
from eventwire.store.export import export_events

COUNTRIES = ("IRN", "IRQ", "USA", "SAU", "YEM", "ISR", "SYR", "RUS", "UKR", "CHN")
TYPES = ("ASSAULT", "PROTEST", "THREATEN", "COOPERATE", "CONSULT", "ACCUSE")


def make_article(number: int, events: int) -> Article:
    """Build an article with `events` events, 3 actors and 1 place per event."""
    text = "Troops attacked the base. " * events
    evidence = Evidence(0, 0, 6, "bench.v1", "bench")
    actors, built = [], []
    for index in range(events):
        country = COUNTRIES[(number + index) % len(COUNTRIES)]
        source = Actor("Troops", "Troops", country, "MIL", "state", evidence)
        target = Actor("base", "base", COUNTRIES[(number + index + 3) % len(COUNTRIES)], None, "state", evidence)
        place = Place("Baghdad", "Baghdad", 98182, "P", "PPLC", "IRQ", "07", 33.3, 44.4, evidence)
        actors += [source, target, source]
        built.append(
            Event(
                TYPES[index % len(TYPES)], None, (), "190", -10.0, (source,), (target,), "attacked",
                "asserted", evidence, place=place, date=f"2020-{1 + number % 12:02d}-{1 + index % 28:02d}",
                mentions=(evidence,),
            )
        )
    sentences = tuple(Sentence(i, 26 * i, 26 * i + 25, text[26 * i : 26 * i + 25]) for i in range(events))
    return Article(
        id=f"{number:012d}", text=text, source=f"bench/{number}", sentences=sentences,
        actors=tuple(actors), events=tuple(built),
    )


def main(articles: int = 500, events: int = 10) -> None:
    batch = [make_article(number, events) for number in range(articles)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        with Store.open(path) as store:
            started = time.perf_counter()
            for article in batch:
                store.add(article)
            added = time.perf_counter() - started
            started = time.perf_counter()
            for article in batch[:50]:
                store.add(article)
            skipped = time.perf_counter() - started
            started = time.perf_counter()
            rows = store.events(actor_country="IRN", since="2020-03", until="2020-06")
            queried = time.perf_counter() - started
            every = store.events()
            started = time.perf_counter()
            export_events(every, "parquet", Path(folder) / "events.parquet")
            exported = time.perf_counter() - started
            counts = store.counts()
        size = path.stat().st_size
    print(f"articles {articles}, events {counts['events']}, actors {counts['actors']}")
    print(f"add: {added:.2f} s ({1000 * added / articles:.1f} ms/article)")
    print(f"re-add (skipped): {1000 * skipped / 50:.2f} ms/article")
    print(f"filtered query: {1000 * queried:.1f} ms ({len(rows)} rows)")
    print(f"parquet export of {len(every)} rows: {exported:.2f} s")
    print(f"file size: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(*(int(argument) for argument in sys.argv[1:3]))
