"""The Parquet dataset of `ingest -o DIR`: events by month, each written once, files whole."""

from __future__ import annotations

from pathlib import Path

import pyarrow.dataset as ds
import pytest

from eventwire.errors import WriteError
from eventwire.store import Store
from eventwire.store.dataset import ParquetDataset

from .test_database import filter_articles


def read(folder: Path) -> list[dict]:
    table = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
    return sorted(table.to_pylist(), key=lambda row: row["event_id"])


def test_rows_are_the_stores_event_rows_partitioned_by_month(tmp_path: Path) -> None:
    dataset = ParquetDataset(tmp_path / "events")
    assert dataset.write(filter_articles()) == 5
    months = sorted(p.name for p in (tmp_path / "events").iterdir())
    assert months == ["month=2019-12", "month=2020-01", "month=undated"]  # "2020" spans months: its start
    with Store.open(":memory:") as store:
        for article in filter_articles():
            store.add(article)
        expected = sorted(store.events(), key=lambda row: row["event_id"])
    rows = read(tmp_path / "events")
    assert [row["event_id"] for row in rows] == [row["event_id"] for row in expected]
    for row, wanted in zip(rows, expected):
        for key in ("type", "modality", "happened", "source_countries", "target_countries", "place_name",
                    "confidence", "article_url", "date"):
            assert row[key] == wanted[key], key
        assert row["month"] == (wanted["date_start"][:7] if wanted["date_start"] else "undated")


def test_an_article_written_before_is_not_written_again(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    articles = filter_articles()
    ParquetDataset(folder).write(articles[:2])
    files = sorted(folder.rglob("*.parquet"))
    reopened = ParquetDataset(folder)  # as a run killed and run again finds it
    assert reopened.write(articles) == 1  # only the third article's event
    assert reopened.write(articles) == 0
    assert len(read(folder)) == 5 and set(files) < set(folder.rglob("*.parquet"))


def test_a_write_killed_midway_leaves_no_partial_file(tmp_path: Path) -> None:
    folder = tmp_path / "events"
    ParquetDataset(folder).write(filter_articles()[:1])
    staging = folder / ".part-0123456789abcdef.tmp" / "month=2020-01"
    staging.mkdir(parents=True)
    (staging / "part-0123456789abcdef-0.parquet").write_bytes(b"PAR1 cut off")  # a write killed here
    dataset = ParquetDataset(folder)
    assert [row["event_id"] for row in read(folder)] == ["a1:0", "a1:1"]
    assert dataset.write(filter_articles()) == 3


def test_a_file_in_the_way_is_a_write_error(tmp_path: Path) -> None:
    (tmp_path / "events").write_text("not a folder", encoding="utf-8")
    with pytest.raises(WriteError, match="cannot write the dataset"):
        ParquetDataset(tmp_path / "events")
