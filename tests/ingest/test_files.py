"""Files, directories and standard input; sniffing of unknown kinds."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from eventwire.ingest import read_file, read_path, read_stdin, sniff_kind
from eventwire.ingest.files import kind_of
from eventwire.model import Document, Failure

from .archive import write_warc

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"), ("a.TEXT", "text"), ("a.html", "html"), ("a.htm", "html"), ("a.jsonl", "jsonl"),
        ("a.json", "jsonl"), ("a.ndjson", "jsonl"), ("a.warc", "warc"), ("a.warc.gz", "warc"), ("a.arc", "warc"),
        ("a.xml", "feed"), ("a.rss", "feed"), ("a.atom", "feed"), ("a.md", None), ("noext", None),
    ],
)
def test_kind_of(name: str, kind: str | None) -> None:
    assert kind_of(Path(name)) == kind


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "html"),
        (b"\xef\xbb\xbf  <html lang='en'>", "html"),
        (b"<div><p>One</p><p>Two</p><a href='/'>x</a></div>", "html"),
        (b'{"text": "Iran fired missiles."}\n{"text": "Two."}\n', "jsonl"),
        (b'[{"text": "One."}]', "jsonl"),
        (b"<?xml version='1.0'?>\n<rss version='2.0'><channel></channel></rss>", "feed"),
        (b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"Iran bombs U.S. bases in Iraq\n\nFive days after...", "text"),
        (b"{braces} in plain text are not JSON", "text"),
        (b"%PDF-1.7 binary", "text"),
    ],
)
def test_sniff_kind(data: bytes, kind: str) -> None:
    assert sniff_kind(data) == kind


def test_sniff_gzipped_warc(tmp_path: Path) -> None:
    assert sniff_kind(write_warc(tmp_path / "x.warc.gz").read_bytes()) == "warc"


def test_text_file_read_as_bytes() -> None:
    path = FIXTURES / "iran_bases_article.txt"
    (document,) = read_path(path)
    assert document == Document(source=str(path), content=path.read_bytes(), media_type="text/plain")


@pytest.mark.parametrize(
    ("name", "data", "media_type"),
    [
        ("page.xyz", b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "text/html"),
        ("notes", b"Plain notes about the talks.", "text/plain"),
        ("image.bin", b"\x89PNG\r\n\x1a\n\x00\x00", "text/plain"),  # extraction refuses it (EW102)
    ],
)
def test_unknown_extension_is_sniffed(tmp_path: Path, name: str, data: bytes, media_type: str) -> None:
    (tmp_path / name).write_bytes(data)
    (document,) = read_path(tmp_path / name)
    assert (document.content, document.media_type) == (data, media_type)


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.")
    (tmp_path / "b" / "a.html").write_text("<html><body><p>A</p></body></html>")
    (tmp_path / "c.jsonl").write_text('{"text": "One."}\n{"text": "Two."}\n')
    (tmp_path / "a.txt").write_text("Alpha.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("Hidden too.")
    sources = [item.source for item in read_path(tmp_path)]
    assert sources == [str(tmp_path / name) for name in ("a.txt", "b/a.html", "b/z.txt", "c.jsonl#L1", "c.jsonl#L2")]


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    (failure,) = read_path(tmp_path / "nope.txt")
    assert failure == Failure(str(tmp_path / "nope.txt"), "EW201", f"{tmp_path / 'nope.txt'}: no such file or directory")


@pytest.mark.parametrize("name", ["folder.txt", "folder.warc.gz"])
def test_unreadable_file_is_a_failure(tmp_path: Path, name: str) -> None:
    (tmp_path / name).mkdir()  # reading a directory as a file fails with an OSError
    (failure,) = read_file(tmp_path / name)
    assert failure.code == "EW201" and "cannot read" in failure.reason


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Iran bombs U.S. bases in Iraq\n\nBody.", [("<stdin>", "text/plain")]),
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", [("<stdin>", "text/html")]),
        (b'{"text": "One."}\n{"text": "Two."}\n', [("<stdin>#L1", "text/plain"), ("<stdin>#L2", "text/plain")]),
        # issue 16: a first line nested too deep to decode is still sniffed as JSON Lines
        (b'{"a":' * 5_000 + b"1" + b"}" * 5_000 + b'\n{"text": "Two."}\n', [("<stdin>#L1", None),
                                                                         ("<stdin>#L2", "text/plain")]),
    ],
)
def test_read_stdin_sniffs(data: bytes, expected: list[tuple[str, str]]) -> None:
    items = list(read_stdin(io.BytesIO(data)))
    assert [(item.source, getattr(item, "media_type", None)) for item in items] == expected


def test_issue_16_undecodable_file_name_is_named_printably(tmp_path: Path) -> None:
    descriptor = os.open(os.fsencode(tmp_path) + b"/bad\xff.txt", os.O_WRONLY | os.O_CREAT)
    os.write(descriptor, b"Talks resume in Geneva")
    os.close(descriptor)
    (tmp_path / "good.txt").write_bytes(b"Flood waters recede")
    items = list(read_path(tmp_path))
    assert [(type(item).__name__, item.source) for item in items] == [
        ("Document", f"{tmp_path}/bad\\xff.txt"), ("Document", f"{tmp_path}/good.txt")]
    assert items[0].content == b"Talks resume in Geneva"
    items[0].source.encode("utf-8")  # printable: it can be stored and written as JSON


def test_issue_16_missing_undecodable_path_is_named_printably(tmp_path: Path) -> None:
    (failure,) = read_path(Path(os.fsdecode(os.fsencode(tmp_path) + b"/gone\xff.txt")))
    assert failure.source == f"{tmp_path}/gone\\xff.txt"
    assert failure.reason == f"{tmp_path}/gone\\xff.txt: no such file or directory"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"a.html": b"<html><body><p>One.</p></body></html>", "b.txt": b"Two."}, 2),
        ({"records.jsonl": b'{"text": "One."}\n\n{"text": "Two."}\n{"text": "Three."}\n'}, 3),
        ({"notes.md": b'{"text": "One."}\n{"text": "Two."}\n'}, 2),           # sniffed as JSON Lines
        ({"empty.jsonl": b""}, 1),                                               # one failure
        ({"array.json": b'[{"text": "One."}, {"text": "Two."}]'}, None),        # records only a parse counts
        ({"feed.rss": b"<rss><channel><item/></channel></rss>"}, None),
        ({"sub/deep/c.txt": b"Three.", "a.txt": b"One.", ".hidden.txt": b"skipped"}, 2),
    ],
)
def test_count_documents_matches_what_reading_yields(tmp_path: Path, files: dict, expected: int | None) -> None:
    from eventwire.ingest import count_documents, read_sources

    for name, data in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    assert count_documents([str(tmp_path)]) == expected
    if expected is not None:
        assert len(list(read_sources([str(tmp_path)]))) == expected


def test_count_documents_of_a_warc_stdin_or_url_is_unknown(tmp_path: Path) -> None:
    from eventwire.ingest import count_documents

    write_warc(tmp_path / "crawl.warc.gz")
    assert count_documents([str(tmp_path / "crawl.warc.gz")]) is None
    assert count_documents(["-"]) is None
    assert count_documents(["https://example.org/a"]) is None
    assert count_documents([str(tmp_path / "missing.txt")]) == 1  # the failure it becomes
