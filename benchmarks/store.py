"""Time storing, querying and exporting synthetic articles: a DuckDB file, and PostgreSQL beside it.

Usage: .venv/bin/python benchmarks/store.py [ARTICLES] [EVENTS_PER_ARTICLE] [--postgres URL]
"""

from __future__ import annotations

import argparse
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


def measure(target: str, batch: list[Article], folder: Path) -> dict[str, float]:
    """Add, re-add, query and export `batch` in the store at `target`; return the figures."""
    with Store.open(target) as store:
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
        export_events(every, "parquet", folder / "events.parquet")
        exported = time.perf_counter() - started
        counts = store.counts()
    return {"events": counts["events"], "actors": counts["actors"], "add s": added,
            "add ms/article": 1000 * added / len(batch), "re-add ms/article": 1000 * skipped / 50,
            "query ms": 1000 * queried, "query rows": len(rows), "export s": exported}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=500)
    parser.add_argument("events", nargs="?", type=int, default=10, help="events per article")
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database to measure too")
    arguments = parser.parse_args()
    batch = [make_article(number, arguments.events) for number in range(arguments.articles)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        results = {"duckdb": measure(str(path), batch, Path(folder))}
        size = path.stat().st_size
        if arguments.postgres:
            results["postgresql"] = measure(arguments.postgres, batch, Path(folder))
    first = results["duckdb"]
    print(f"articles {arguments.articles}, events {first['events']}, actors {first['actors']};"
          f" DuckDB file size {size / 1e6:.1f} MB")
    print(f"{'':24}" + "".join(f"{name:>12}" for name in results))
    for key in ("add s", "add ms/article", "re-add ms/article", "query ms", "query rows", "export s"):
        print(f"{key:24}" + "".join(f"{found[key]:>12.2f}" if isinstance(found[key], float) else
                                    f"{found[key]:>12}" for found in results.values()))


if __name__ == "__main__":
    main()
