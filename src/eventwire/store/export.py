"""Write event rows (as `Store.events` returns them) to JSON Lines, CSV or Parquet.

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
