"""Events as a Parquet dataset partitioned by event month: DIR/month=2020-01/part-<key>-0.parquet.

Each row is an event as `Store.events()` gives it, with `quantities` and `mentions` kept as
JSON text (one schema for every file), and `month` (YYYY-MM of the event's date, or
"undated") as the hive partition. Readers such as DuckDB (`read_parquet('DIR/**/*.parquet',
hive_partitioning = true)`), pandas, Polars and Spark read the folder as one table.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from eventwire.errors import WriteError
from eventwire.model import Article
from eventwire.store.database import EVENT_DETAIL_COLUMNS as DETAIL_COLUMNS
from eventwire.store.rows import article_rows

UNDATED = "undated"
ARTICLE_COLUMNS = (("article_url", "url"), ("article_title", "title"), ("article_published", "published"),
                   ("article_source", "source"))


@cache
def event_schema() -> pa.Schema:
    """The dataset's columns: the store's event columns, the article's, then `month`."""
    from eventwire.store.database import Store

    with Store.open(":memory:") as store:
        events = store._backend.arrow_schema("events")
    fields = [field for field in events if field.name not in DETAIL_COLUMNS]
    fields += [pa.field(name, pa.string()) for name, _ in ARTICLE_COLUMNS]
    fields.append(pa.field("sentence_text", pa.string()))
    return pa.schema([*fields, pa.field("month", pa.string())])


def event_rows(article: Article) -> list[dict]:
    """The dataset rows of one article's events."""
    rows = []
    sentences = {sentence.index: sentence.text for sentence in article.sentences}
    for row in article_rows(article, datetime.now(UTC))["events"]:
        row = {key: value for key, value in row.items() if key not in DETAIL_COLUMNS}
        row.update({column: getattr(article, field) for column, field in ARTICLE_COLUMNS})
        row["sentence_text"] = sentences.get(row["sentence"])
        row["month"] = row["date_start"].strftime("%Y-%m") if row["date_start"] else UNDATED
        rows.append(row)
    return rows


class ParquetDataset:
    """A folder of Parquet files, one per written batch and month, each written whole or not at all.

    An article whose events the folder already holds is not written again: a run killed
    and run again, or two runs over overlapping inputs, write each event once.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # the files written before: hidden staging folders (".part-*") are not read
            found = ds.dataset(self.folder, format="parquet", partitioning="hive")
            self.written = set(found.to_table(columns=["article_id"]).column("article_id").to_pylist()
                               if found.files else ())
        except (OSError, pa.ArrowException) as error:
            raise WriteError(f"cannot write the dataset {str(self.folder)!r}: {error}") from error

    def write(self, articles: Iterable[Article]) -> int:
        """Write the events of `articles` not written before; return how many rows were written."""
        articles = [article for article in articles if article.id not in self.written]
        rows = [row for article in articles for row in event_rows(article)]
        if not rows:
            return 0
        key = hashlib.sha1("\n".join(article.id for article in articles).encode()).hexdigest()[:16]
        staging = self.folder / f".part-{key}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            ds.write_dataset(
                pa.Table.from_pylist(rows, schema=event_schema()), staging, format="parquet",
                partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
                basename_template=f"part-{key}-{{i}}.parquet",
            )
            for written in sorted(staging.rglob("*.parquet")):  # each file moved into place whole
                target = self.folder / written.relative_to(staging)
                target.parent.mkdir(exist_ok=True)
                os.replace(written, target)
        except (OSError, pa.ArrowException) as error:
            raise WriteError(f"cannot write the dataset {str(self.folder)!r}: {error}") from error
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        self.written.update(article.id for article in articles)
        return len(rows)
