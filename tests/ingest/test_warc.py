"""Web archives: HTML and text responses only, target URI and dates."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from eventwire.extract import to_article
from eventwire.ingest import read_sources, read_warc
from eventwire.model import Document, Failure
from eventwire.options import Options

from .archive import SEED_URL, TEXT_URL, UNDATED_URL, WARC_RECORDS, write_warc


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_read_warc_keeps_text_responses(tmp_path: Path, name: str) -> None:
    path = write_warc(tmp_path / name, gzip=name.endswith(".gz"))
    items = list(read_sources([str(path)]))
    assert [(item.source, item.url, item.published) for item in items] == [
        (f"{path}#{SEED_URL}", SEED_URL, "2020-01-08"),        # date stated by the page
        (f"{path}#{UNDATED_URL}", UNDATED_URL, "2021-03-15"),  # WARC-Date of the capture
        (f"{path}#{TEXT_URL}", TEXT_URL, "2021-03-16"),
    ]
    assert all(isinstance(item.content, bytes) for item in items)
    assert [item.media_type for item in items] == ["text/html; charset=utf-8", "text/html", "text/plain"]


def test_warc_documents_become_articles(warc_file: Path) -> None:
    articles = [to_article(item, Options()) for item in read_sources([str(warc_file)])]
    assert articles[0].title == "Iran bombs U.S. bases in Iraq"
    assert "Ain al-Assad and Erbil" in articles[0].text
    assert articles[1].text.startswith("Talks resume in Geneva\n\nThe foreign ministers")


@pytest.mark.parametrize(("gzip", "documents"), [(True, 3), (False, 3)])
def test_damaged_warc_gives_documents_then_a_failure(tmp_path: Path, gzip: bool, documents: int) -> None:
    data = write_warc(tmp_path / "crawl.warc", gzip=gzip).read_bytes() + b"garbage, not a record\r\n" * 5
    items = list(read_warc(io.BytesIO(data), "damaged.warc"))
    assert [type(item) for item in items] == [Document] * documents + [Failure]
    assert items[-1].code == "EW201"
    assert items[-1].reason.startswith("damaged.warc: damaged web archive: ")
    assert items[-1].reason.endswith(f"stopped after {documents} documents")


def test_warc_without_text_records(tmp_path: Path) -> None:
    images = [record for record in WARC_RECORDS if record[3] == "image/png"]
    path = write_warc(tmp_path / "images.warc.gz", images)
    # issue 16: an archive that gives nothing is a recorded failure, not a silent outcome
    assert list(read_sources([str(path)])) == [
        Failure(str(path), "EW201", f"{path}: no HTML or text responses among 1 records")]
