"""Ingest the same documents into a DuckDB file and a PostgreSQL database; compare every table.

The documents are the texts of the gold suites (whole articles first, then ACLED notes up to
the number asked for), written to a temporary JSON Lines file and read by `eventwire ingest
--workers N`, as a user runs it, once per store. Prints each run's time and the rows each
table holds on each backend (the clusters and copy bands too), and how many rows differ
(every column but the write times).

Usage: .venv/bin/python benchmarks/backends.py GOLD_DIR --postgres URL [--documents 2000] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eventwire.store import TABLES, Store

ARTICLE_FILES = ("news_events/articles.jsonl", "polnear/docs_dev.jsonl", "m2e2_voa/docs.jsonl",
                 "geowebnews/docs.jsonl", "trnews/docs.jsonl", "timebank/docs.jsonl")
NOTES_FILE = "acled/cases.jsonl"
KEYS = {"articles": ("id",), "events": ("event_id",), "failures": ("source", "code"),
        "event_clusters": ("event_id",), "article_bands": ("article_id", "band")}
COMPARED = (*TABLES, "event_clusters", "article_bands")  # with what linking derived
SKIPPED_COLUMNS = frozenset({"ingested_at", "at"})  # the time each run wrote a row


def documents(gold: Path, wanted: int) -> list[dict]:
    """Up to `wanted` records {id, text, published}: whole articles, then ACLED notes."""
    found: list[dict] = []
    for name in (*ARTICLE_FILES, NOTES_FILE):
        with (gold / name).open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                published = record.get("published") or record.get("date") or record.get("dct_value")
                found.append({"id": record["id"], "text": record["text"],
                              "published": str(published)[:10] if published else None})
                if len(found) == wanted:
                    return found
    return found


def ingest(source: Path, db: str, workers: int) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(source), "--db", db,
                    "--workers", str(workers), "--quiet"], check=True)
    return time.perf_counter() - started


def table_rows(store: Store, table: str) -> list[tuple]:
    """Every row of `table`, its columns but the write times, in key order."""
    keys = KEYS.get(table, ("article_id", "index"))
    order = ", ".join(f'"{key}"' for key in keys)
    rows = store._backend.query(f"SELECT * FROM {table} ORDER BY {order}")
    return [tuple(value for name, value in row.items() if name not in SKIPPED_COLUMNS) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--postgres", metavar="URL", required=True, help="an empty PostgreSQL database")
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    arguments = parser.parse_args()
    records = documents(arguments.gold, arguments.documents)
    words = sum(len(record["text"].split()) for record in records)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "documents.jsonl"
        source.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
        duckdb_file = str(Path(folder) / "events.duckdb")
        seconds = {"duckdb": ingest(source, duckdb_file, arguments.workers),
                   "postgresql": ingest(source, arguments.postgres, arguments.workers)}
        print(f"{len(records)} documents, {words} words, `eventwire ingest --workers {arguments.workers}`")
        print(f"{'':12}{'duckdb':>10}{'postgresql':>12}{'rows differing':>16}")
        print(f"{'seconds':12}{seconds['duckdb']:>10.1f}{seconds['postgresql']:>12.1f}")
        with Store.open(duckdb_file, read_only=True) as left, Store.open(arguments.postgres, read_only=True) as right:
            for table in COMPARED:
                first, second = table_rows(left, table), table_rows(right, table)
                differing = sum(a != b for a, b in zip(first, second)) + abs(len(first) - len(second))
                print(f"{table:12}{len(first):>10}{len(second):>12}{differing:>16}")


if __name__ == "__main__":
    main()
