"""Issue 16: bounded work in the readers, and no silent outcome (every input a document or a failure)."""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from pathlib import Path

import pytest

from eventwire.ingest import printable_source, read_file, read_jsonl, read_path, read_sources, read_stdin, read_warc
from eventwire.model import Document, Failure
from eventwire.options import Options

from .archive import SEED_URL, TEXT_URL, UNDATED_URL, write_warc

MIB = 2**20
SMALL = Options(max_document_bytes=MIB, max_line_bytes=1_000, max_archive_bytes=64 * MIB)
PAGE = b"<html><body><p>" + b"Talks resume in Geneva on Monday, officials said. " * 20 + b"</p></body></html>"


def warc_record(url: str, payload: bytes, *, length: int | None = None) -> bytes:
    """One uncompressed WARC response record (`length` states a wrong Content-Length)."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2021-03-15T09:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{abs(hash(url)):032x}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) if length is None else length}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def zeros_gzip(size: int) -> bytes:
    """`size` zero bytes as gzip members of 1 MiB each (cheap to build)."""
    members, rest = divmod(size, MIB)
    return gzip.compress(b"\0" * MIB, 9) * members + gzip.compress(b"\0" * rest)


def bomb(size: int) -> bytes:
    """A gzipped web archive whose one response record holds `size` zero bytes."""
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.org/bomb\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            + f"Content-Length: {len(http) + size}\r\n\r\n".encode() + http)
    return gzip.compress(head) + zeros_gzip(size) + gzip.compress(b"\r\n\r\n")


def summary(items: list[Document | Failure]) -> list[tuple[str, str, str | None]]:
    return [(type(item).__name__, item.source, getattr(item, "code", None)) for item in items]


def test_compression_bomb_stops_at_the_ratio_limit() -> None:
    items = list(read_warc(io.BytesIO(bomb(256 * MIB)), "bomb.warc.gz", SMALL))
    assert summary(items) == [("Failure", "bomb.warc.gz#https://x.org/bomb", "EW104"),
                              ("Failure", "bomb.warc.gz", "EW104")]
    assert items[0].reason.endswith("record payload over max_document_bytes=1,048,576")
    assert "max_compression_ratio=100" in items[1].reason


def test_archive_size_limit() -> None:
    data = b"".join(gzip.compress(warc_record(f"https://x.org/{n}", PAGE + str(n).encode())) for n in range(50))
    options = Options(max_archive_bytes=20_000, max_compression_ratio=10**6)
    items = list(read_warc(io.BytesIO(data), "a.warc.gz", options))
    assert [type(item) for item in items[:-1]] == [Document] * (len(items) - 1)
    assert 0 < len(items) - 1 < 50
    assert items[-1].code == "EW104" and "max_archive_bytes=20,000" in items[-1].reason


def test_record_over_the_document_limit_is_a_failure_and_reading_goes_on() -> None:
    data = (warc_record("https://x.org/big", b"x" * 5_000) + warc_record("https://x.org/small", PAGE))
    items = list(read_warc(io.BytesIO(data), "a.warc", Options(max_document_bytes=4_000)))
    assert summary(items) == [("Failure", "a.warc#https://x.org/big", "EW104"),
                              ("Document", "a.warc#https://x.org/small", None)]


@pytest.mark.parametrize("compressed", [True, False], ids=["gzip", "plain"])
def test_wrong_content_length_then_a_giant_line_is_one_short_failure(compressed: bool, capfd) -> None:  # noqa: ANN001
    good = warc_record("https://x.org/good", PAGE)
    if compressed:
        data = gzip.compress(good) + gzip.compress(warc_record("https://x.org/short", PAGE, length=10)) \
            + zeros_gzip(64 * MIB)
    else:
        data = good + warc_record("https://x.org/short", PAGE, length=10) + b"\0" * (8 * MIB)
    items = list(read_warc(io.BytesIO(data), "a.warc", SMALL))
    assert [type(item) for item in items] == [Document, Failure]
    assert items[-1].source == "a.warc" and items[-1].code == "EW201"
    assert "\n" not in items[-1].reason and len(items[-1].reason) < 400
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""  # warcio's warnings quote the whole line: kept off stderr


def test_truncated_gzip_archive_records_the_cut_record(tmp_path: Path) -> None:
    data = write_warc(tmp_path / "a.warc.gz").read_bytes()
    # cut in the last record (a resource, no document): the archive itself records the damage
    items = list(read_warc(io.BytesIO(data[:-40]), "cut.warc.gz"))
    assert summary(items) == [("Document", f"cut.warc.gz#{SEED_URL}", None),
                              ("Document", f"cut.warc.gz#{UNDATED_URL}", None),
                              ("Document", f"cut.warc.gz#{TEXT_URL}", None),
                              ("Failure", "cut.warc.gz", "EW201")]
    assert items[-1].reason.startswith("cut.warc.gz: gzip data cut off after ")


def test_truncated_plain_archive_records_the_cut_record(tmp_path: Path) -> None:
    data = write_warc(tmp_path / "a.warc", gzip=False).read_bytes()
    cut = data.index(b"Flood waters began")  # inside the payload of the text record
    items = list(read_warc(io.BytesIO(data[:cut]), "cut.warc"))
    assert summary(items) == [("Document", f"cut.warc#{SEED_URL}", None),
                              ("Document", f"cut.warc#{UNDATED_URL}", None),
                              ("Failure", f"cut.warc#{TEXT_URL}", "EW201")]
    assert "record cut off" in items[-1].reason


@pytest.mark.parametrize(
    ("data", "code", "reason"),
    [
        (b"", "EW101", "empty web archive (no bytes once decompressed)"),
        (gzip.compress(b""), "EW101", "empty web archive (no bytes once decompressed)"),
        (gzip.compress(b"WARC/1.0\r\n")[:6], "EW201", "gzip data cut off after 6 bytes; stopped after 0 documents"),
        (b"\x1f\x8b\x08\x00garbage-not-deflate" * 3, "EW201", None),
    ],
    ids=["empty", "empty-gzip", "cut-header", "bad-gzip"],
)
def test_archive_without_documents_is_one_failure(data: bytes, code: str, reason: str | None) -> None:
    (failure,) = read_warc(io.BytesIO(data), "a.warc.gz")
    assert (failure.source, failure.code) == ("a.warc.gz", code)
    if reason:
        assert failure.reason == f"a.warc.gz: {reason}"


def test_json_line_over_the_limit_is_skipped_unread() -> None:
    data = b'{"text": "One."}\n{"text": "' + b"a" * 5_000 + b'"}\n{"text": "Three."}\n'
    items = list(read_jsonl(data, "f.jsonl", SMALL))
    assert summary(items) == [("Document", "f.jsonl#L1", None), ("Failure", "f.jsonl#L2", "EW104"),
                              ("Document", "f.jsonl#L3", None)]
    assert items[1].reason == "f.jsonl line 2: over max_line_bytes=1,000"


@pytest.mark.parametrize("data", [b"", b"\n \n\t\n", b"[]"], ids=["empty", "blank-lines", "empty-array"])
def test_json_lines_without_records_is_a_failure(data: bytes) -> None:
    (failure,) = read_jsonl(data, "f.jsonl")
    assert (failure.source, failure.code) == ("f.jsonl", "EW101")


def test_large_json_lines_file_is_read_a_line_at_a_time(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Record {n} " + "x" * 200}) for n in range(20)]
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n")
    options = Options(max_document_bytes=1_000, max_line_bytes=1_000)
    items = list(read_file(path, options))
    assert summary(items) == [("Document", f"{path}#L{n}", None) for n in range(1, 21)]
    assert summary(list(read_stdin(io.BytesIO(path.read_bytes()), options))) == [
        ("Document", f"<stdin>#L{n}", None) for n in range(1, 21)]


def test_large_file_is_a_failure_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(PAGE * 100)
    (failure,) = read_file(path, Options(max_document_bytes=10_000))
    assert failure.code == "EW104"
    assert failure.reason.startswith(f"{path}: {len(PAGE) * 100:,} bytes, over max_document_bytes=10,000")
    (failure,) = read_stdin(io.BytesIO(PAGE * 100), Options(max_document_bytes=10_000))
    assert (failure.source, failure.code) == ("<stdin>", "EW104")


def special_files(folder: Path) -> dict[str, str]:
    """Make links, FIFOs and device links under `folder`; return each name and its reason's ending."""
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink("gone.txt", folder / "dangling.txt")
    os.symlink(".", folder / "up")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.mkfifo(folder / "fifo.jsonl")
    return {
        "dangling.txt": "dangling symbolic link to gone.txt",
        "fifo.jsonl": "cannot read: a FIFO, not a regular file (pipe it to standard input as -)",
        "loop-a.txt": "symbolic link loop",
        "loop-b.txt": "symbolic link loop",
        "up": "symbolic link loop: leads back to a directory it lies in",
        "zero.txt": "cannot read: a character device, not a regular file",
    }


def test_issue_16_links_fifos_and_devices_in_a_directory_are_failures(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    expected = special_files(folder)
    (folder / "good.txt").write_text("Talks resume in Geneva.")
    items = list(read_path(folder))
    assert [(item.source, getattr(item, "reason", None)) for item in items] == sorted(
        [(str(folder / name), f"{folder / name}: {reason}") for name, reason in expected.items()]
        + [(str(folder / "good.txt"), None)])
    assert all(item.code == "EW201" for item in items if isinstance(item, Failure))


@pytest.mark.parametrize("name", ["dangling.txt", "fifo.jsonl", "loop-a.txt", "zero.txt"])
def test_issue_16_special_file_given_by_name_is_a_failure(tmp_path: Path, name: str) -> None:
    reason = special_files(tmp_path)[name]
    assert list(read_sources([str(tmp_path / name)])) == [
        Failure(str(tmp_path / name), "EW201", f"{tmp_path / name}: {reason}")]


def test_issue_16_device_read_directly_is_a_failure() -> None:
    (failure,) = read_file(Path("/dev/zero"))
    assert failure == Failure("/dev/zero", "EW201", "/dev/zero: cannot read: a character device, not a regular file")


def read_unprivileged(paths: list[Path]) -> list[tuple[str, str, str | None]]:
    """Read `paths` as a user without rights to them: this user, or, as root, a forked child turned nobody."""
    def read() -> list[tuple[str, str, str | None]]:
        return [(type(item).__name__, item.source, getattr(item, "reason", None))
                for item in read_sources(map(str, paths))]

    if os.geteuid() != 0:
        return read()
    readable, writable = os.pipe()
    child = os.fork()
    if child == 0:  # root reads anything: the child drops to nobody, then reads
        try:
            os.setgid(65534)
            os.setuid(65534)
            os.write(writable, json.dumps(read()).encode())
        finally:
            os._exit(0)
    os.close(writable)
    with os.fdopen(readable, "rb") as stream:
        data = stream.read()
    os.waitpid(child, 0)
    return [tuple(item) for item in json.loads(data)]


def test_issue_16_unreadable_file_and_directory_are_failures() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        folder.chmod(0o755)  # open to the unprivileged reader, but for the locked parts
        (folder / "locked.txt").write_text("Talks resume in Geneva.")
        (folder / "locked.txt").chmod(0)
        (folder / "locked").mkdir()
        (folder / "locked" / "inside.txt").write_text("Talks resume in Geneva.")
        (folder / "locked").chmod(0)
        (folder / "open.txt").write_text("Talks resume in Geneva.")
        (folder / "open.txt").chmod(0o644)
        try:
            items = read_unprivileged([folder])
        finally:
            (folder / "locked").chmod(0o700)
    assert items == [
        ("Failure", f"{folder}/locked", f"{folder}/locked: cannot read directory: Permission denied"),
        ("Failure", f"{folder}/locked.txt", f"{folder}/locked.txt: cannot read: Permission denied"),
        ("Document", f"{folder}/open.txt", None),
    ]


@pytest.mark.parametrize(
    ("name", "printable"),
    [("a\nb.txt", "a\\x0ab.txt"), ("x" * 3_000, "x" * 2_000 + "..."), ("plain.txt", "plain.txt")],
    ids=["newline", "long", "plain"],
)
def test_issue_16_source_names_are_one_short_line(name: str, printable: str) -> None:
    assert printable_source(name) == printable


def test_record_longer_than_its_content_length_is_recorded_as_damage(capfd) -> None:  # noqa: ANN001
    first = warc_record("https://x.org/a", PAGE + b"EXTRA")
    stated = int(first.split(b"Content-Length: ")[1].split(b"\r\n")[0]) - len(b"EXTRA")
    data = warc_record("https://x.org/a", PAGE + b"EXTRA", length=stated) + warc_record("https://x.org/b", PAGE)
    items = list(read_warc(io.BytesIO(data), "a.warc"))
    assert summary(items) == [("Document", "a.warc#https://x.org/a", None),
                              ("Document", "a.warc#https://x.org/b", None),
                              ("Failure", "a.warc", "EW201")]
    assert items[-1].reason == ("a.warc: damaged web archive: 1 record(s) not followed by a blank line "
                                "(a wrong Content-Length?); 2 documents read")
    assert capfd.readouterr().err == ""
