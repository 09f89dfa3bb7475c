"""A batch over mixed sources: good and bad inputs give documents, articles and failures."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from eventwire.errors import EventwireError
from eventwire.extract import to_article
from eventwire.ingest import read_sources
from eventwire.model import Article, Document, Failure
from eventwire.options import Options

from .archive import write_warc

FIXTURES = Path(__file__).parent.parent / "fixtures"
PARAGRAPH = "The foreign ministers met in Geneva on Monday to discuss the ceasefire, officials said. "


def outcome(item: Document | Failure) -> str:
    """"ok" for a document that becomes an article, else the error code."""
    if isinstance(item, Failure):
        return item.code
    try:
        return "ok" if isinstance(to_article(item, Options()), Article) else "?"
    except EventwireError as error:
        return error.code


@pytest.fixture
def mixed_directory(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    shutil.copytree(FIXTURES / "ingest", folder)
    shutil.copy(FIXTURES / "iran_bases_article.html", folder / "seed.html")
    (folder / "binary.pdf").write_bytes(b"%PDF-1.5\n%\xb5\xed\xae\xfb\n4 0 obj\n<< /Length 5 >>")
    (folder / "huge.txt").write_text("Huge report\n\n" + PARAGRAPH * 6000)
    (folder / "noise.dat").write_bytes(bytes(range(0x80, 0x100)) * 4)
    (folder / "sub").mkdir()
    write_warc(folder / "sub" / "crawl.warc.gz")
    return folder


def test_batch_over_directory(mixed_directory: Path) -> None:
    items = list(read_sources([str(mixed_directory)]))
    results = [(item.source.removeprefix(f"{mixed_directory}/"), outcome(item)) for item in items]
    assert results == [
        ("binary.pdf", "EW102"),
        ("empty.txt", "EW101"),
        ("french_article.txt", "EW105"),
        ("huge.txt", "EW104"),
        ("latin1_article.txt", "ok"),
        ("news.atom#urn:example:wire:2021-0103", "ok"),
        ("news.atom#urn:example:wire:2021-0104", "ok"),
        ("news.rss#wire-2021-0001", "ok"),
        ("news.rss#https://wire.example.org/world/flood-waters-recede", "ok"),
        ("news.rss#https://wire.example.org/world/empty", "EW201"),
        ("noise.dat", "EW103"),
        ("records.jsonl#a1", "ok"),
        ("records.jsonl#L2", "ok"),
        ("records.jsonl#L3", "EW201"),
        ("records.jsonl#L5", "EW201"),
        ("records.jsonl#h4", "ok"),
        ("records.jsonl#c5", "ok"),
        ("records.jsonl#n6", "EW201"),
        ("seed.html", "ok"),
        ("spanish_article.txt", "EW105"),
        ("sub/crawl.warc.gz#https://news.example.org/world/2020/iran-bombs-us-bases-in-iraq", "ok"),
        ("sub/crawl.warc.gz#https://wire.example.org/world/talks-resume", "ok"),
        ("sub/crawl.warc.gz#https://wire.example.org/world/flood.txt", "ok"),
        ("whitespace.txt", "EW101"),
    ]


def test_mixed_sources_in_given_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, http_server) -> None:  # noqa: ANN001
    base, _ = http_server({"/a": (200, "text/html", (FIXTURES / "iran_bases_article.html").read_bytes())})
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "From stdin."}\n')))
    sources = [str(FIXTURES / "iran_bases_article.txt"), "-", f"{base}/a", str(tmp_path / "missing.txt"),
               f"{base}/gone"]
    items = list(read_sources(sources))
    assert [(type(item).__name__, item.source) for item in items] == [
        ("Document", str(FIXTURES / "iran_bases_article.txt")),
        ("Document", "<stdin>#L1"),
        ("Document", f"{base}/a"),
        ("Failure", str(tmp_path / "missing.txt")),
        ("Failure", f"{base}/gone"),
    ]


def test_reingesting_gives_the_same_ids(mixed_directory: Path) -> None:
    def ids() -> list[str]:
        return [to_article(item, Options()).id for item in read_sources([str(mixed_directory / "seed.html"),
                                                                          str(FIXTURES / "iran_bases_article.txt")])]

    first = ids()
    assert first == ids()
    assert first[0] == first[1]  # the page and the scraped text are the same article
