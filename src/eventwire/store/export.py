"""Write event rows (`Store.clusters` or `Store.events`) to JSON Lines, CSV or Parquet, and
clusters as GDELT 2.0 tables, ACLED rows or GeoJSON (`exchange`).

A file named by path is written atomically: it appears whole or, on failure, not at all.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from io import TextIOBase
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.errors import StoreError
from eventwire.store.output import atomic_path

Rows = list[dict[str, Any]]
Output = Path | str | TextIO | BinaryIO
LIST_SEPARATOR = ";"


def export_events(rows: Rows, fmt: str, out: Output) -> None:
    """Write event rows to `out` (a path or an open file) as "jsonl", "csv" or "parquet".

    CSV joins lists with ";" and writes nested values (quantities, mentions) as JSON.
    Parquet needs a path or a binary file. A path is written atomically (see `atomic_path`):
    a failed export leaves an existing file as it was; `WriteError` (EW202) when it cannot
    be written.

    Example:
        >>> export_events(store.events(actor_country="IRN"), "csv", Path("iran.csv"))
    """
    try:
        writer = WRITERS[fmt.lower()]
    except KeyError:
        known = ", ".join(sorted(WRITERS))
        raise StoreError(f"unknown export format {fmt!r}; formats are {known}") from None
    writer(rows, out)


def write_jsonl(rows: Rows, out: Output) -> None:
    """Write one JSON object per line."""
    with _text_output(out) as stream:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False, default=_plain) + "\n")


def write_csv(rows: Rows, out: Output) -> None:
    """Write a header and one line per row; lists joined with ";", nested values as JSON."""
    columns = _columns(rows)
    with _text_output(out, newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(row.get(column)) for column in columns])


def write_parquet(rows: Rows, out: Output) -> None:
    """Write a Parquet file (column types inferred from the rows)."""
    if isinstance(out, TextIOBase):
        raise StoreError("parquet output needs a path or a binary file, not a text stream")
    columns = _columns(rows)
    try:
        table = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows])
    except (pa.ArrowInvalid, pa.ArrowTypeError) as error:
        raise StoreError(f"cannot convert event rows to Parquet: {error}") from error
    if isinstance(out, (str, Path)):
        # into an open file: given a path, a failed write_table deletes that path (a device too)
        with atomic_path(out) as temporary, open(temporary, "wb") as stream:
            pq.write_table(table, stream)
    else:
        pq.write_table(table, out)


WRITERS: dict[str, Callable[[Rows, Output], None]] = {
    "csv": write_csv,
    "jsonl": write_jsonl,
    "parquet": write_parquet,
}
CLUSTER_FORMATS = ("gdelt", "acled", "geojson")
FORMATS = (*sorted(WRITERS), *CLUSTER_FORMATS)


def export_store(store: Any, fmt: str, out: Path, *, mentions: bool = False) -> dict[str, int]:
    """Write a store's events to `out` in `fmt` (one of `FORMATS`); return what was written.

    jsonl, csv and parquet write one row per cluster (real-world event), or per mention
    with `mentions`; "gdelt" writes the GDELT 2.0 event table to `out` (tab-separated, with
    a header) and its mentions table beside it (`<name>.mentions<suffix>`); "acled" writes
    ACLED-style CSV rows for the clusters that happened and have an ACLED type; "geojson"
    a FeatureCollection of the located clusters.

    Example:
        >>> export_store(store, "gdelt", Path("events.tsv"))
        {'events': 120, 'mentions': 340}
    """
    from eventwire.store import exchange

    fmt = fmt.lower()
    if fmt in WRITERS:
        rows = store.events() if mentions else store.clusters()
        export_events(rows, fmt, out)
        return {"mentions" if mentions else "events": len(rows)}
    if fmt not in CLUSTER_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; formats are {', '.join(FORMATS)}")
    clusters = store.clusters()
    if fmt == "geojson":
        collection = exchange.geojson(clusters)
        with _text_output(out) as stream:
            json.dump(collection, stream, ensure_ascii=False, default=_plain)
        return {"events": len(collection["features"])}
    if fmt == "acled":
        rows = exchange.acled_rows(clusters)
        _write_table(rows, exchange.ACLED_COLUMNS, out, ",")
        return {"events": len(rows)}
    events = exchange.gdelt_events(clusters)
    linked = exchange.gdelt_mentions(clusters, store.events())
    _write_table(linked, exchange.GDELT_MENTION_COLUMNS, gdelt_mentions_path(out), "\t")
    _write_table(events, exchange.GDELT_EVENT_COLUMNS, out, "\t")
    return {"events": len(events), "mentions": len(linked)}


def gdelt_mentions_path(out: Path) -> Path:
    """Where `export_store` puts the GDELT mentions table of an event table written to `out`."""
    return out.with_name(f"{out.stem}.mentions{out.suffix}")


def _write_table(rows: Rows, columns: tuple[str, ...], out: Output, delimiter: str) -> None:
    with _text_output(out, newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(row.get(column)) for column in columns])


def _columns(rows: Rows) -> list[str]:
    """Column names in first-seen order over all rows."""
    return list(dict.fromkeys(key for row in rows for key in row))


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)) and all(not isinstance(v, (dict, list)) for v in value):
        return LIST_SEPARATOR.join("" if v is None else str(v) for v in value)
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=_plain)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


@contextmanager
def _text_output(out: Output, newline: str | None = None) -> Iterator[TextIO]:
    if isinstance(out, (str, Path)):
        with atomic_path(out) as temporary, open(temporary, "w", encoding="utf-8", newline=newline) as stream:
            yield stream
    else:
        yield out  # type: ignore[misc]
