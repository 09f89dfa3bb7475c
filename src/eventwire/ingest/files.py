"""Read files, directories (recursively) and standard input; the format goes by extension."""

from __future__ import annotations

import errno
import io
import logging
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import DocumentTooLarge, ReadError
from eventwire.ingest.content import FEED, HTML, JSONL, SNIFF_BYTES, TEXT, WARC, read_content, sniff_kind
from eventwire.ingest.jsonl import read_jsonl
from eventwire.ingest.names import printable_source
from eventwire.ingest.urls import is_url
from eventwire.ingest.warc import read_warc
from eventwire.model import Document, Failure
from eventwire.options import Options

logger = logging.getLogger(__name__)

STDIN_SOURCE = "<stdin>"
# file-name endings and what they hold; anything else is sniffed from its first bytes
EXTENSION_KINDS = (
    (".warc.gz", WARC),
    (".arc.gz", WARC),
    (".warc", WARC),
    (".arc", WARC),
    (".txt", TEXT),
    (".text", TEXT),
    (".html", HTML),
    (".htm", HTML),
    (".xhtml", HTML),
    (".jsonl", JSONL),
    (".ndjson", JSONL),
    (".json", JSONL),
    (".xml", FEED),
    (".rss", FEED),
    (".atom", FEED),
)


def kind_of(path: Path) -> str | None:
    """Return the kind of file its name says ("warc", "html", ...), or None to sniff it.

    Example:
        >>> kind_of(Path("crawl.warc.gz")), kind_of(Path("notes.md"))
        ('warc', None)
    """
    name = path.name.lower()
    return next((kind for ending, kind in EXTENSION_KINDS if name.endswith(ending)), None)


def read_path(path: Path, options: Options | None = None) -> Iterator[Document | Failure]:
    """Read a file, or every file under a directory (sorted, hidden ones skipped).

    What cannot be read is a `Failure` (EW201) naming why: no such file, a dangling or
    looping symbolic link, no permission, a FIFO or device (never opened for reading).

    Example:
        >>> [d.source for d in read_path(Path("news/"))]
        ['news/a.html', 'news/b.jsonl#L1', 'news/b.jsonl#L2']
    """
    options = options or Options()
    try:
        is_directory = stat.S_ISDIR(path.stat().st_mode)
    except OSError as error:
        yield _unreachable(path, error)
        return
    if is_directory:
        yield from read_directory(path, options)
    else:
        yield from read_file(path, options)


def read_directory(directory: Path, options: Options | None = None) -> Iterator[Document | Failure]:
    """Read every file under `directory`, recursively, in sorted path order.

    Symbolic links are followed, except one leading back to a directory it lies in (a
    `Failure`); an unreadable directory, a dangling link or a FIFO, device or socket is a
    `Failure` in its place in the order.
    """
    options = options or Options()
    found = sorted(_walk(directory), key=lambda entry: entry[0].parts)
    logger.debug("reading %d entries under %s", len(found), directory)
    for path, failure in found:
        if failure is not None:
            yield failure
        else:
            yield from read_file(path, options)


def read_file(path: Path, options: Options | None = None) -> Iterator[Document | Failure]:
    """Read one file and yield its documents (one, or one per record or entry).

    The source names the file as `printable_source` writes it (bad bytes as `\\xNN`). A
    file over `options.max_document_bytes` is a `Failure` (EW104) unread, unless it is JSON
    Lines or a web archive: those are read a record at a time.
    """
    options = options or Options()
    kind = kind_of(path)
    source = printable_source(str(path))
    try:
        # never blocks: a FIFO without a writer opens at once, and is refused below
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        yield _unreachable(path, error)
        return
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        yield Failure(source, ReadError.code, f"{source}: cannot read: {_file_type(info.st_mode)}")
        return
    with open(descriptor, "rb") as stream:
        try:
            if kind is None and info.st_size > options.max_document_bytes:
                kind = sniff_kind(stream.read(SNIFF_BYTES))
                stream.seek(0)
            if kind == WARC:
                yield from read_warc(stream, source, options)
            elif kind == JSONL and info.st_size > options.max_document_bytes:
                yield from read_jsonl(stream, source, options)
            else:
                data = stream.read(options.max_document_bytes + 1)
                if len(data) > options.max_document_bytes:
                    yield _too_large(source, info.st_size, options)
                else:
                    yield from read_content(data, source, kind, options=options)
        except OSError as error:
            yield Failure(source, ReadError.code, f"{source}: cannot read: {error.strerror or error}")


def read_stdin(stream: BinaryIO | None = None, options: Options | None = None) -> Iterator[Document | Failure]:
    """Read standard input (HTML, JSON Lines, a web archive or plain text, sniffed from its first bytes).

    Beyond `options.max_document_bytes`, JSON Lines and web archives are read on a record at
    a time; anything else is a `Failure` (EW104).
    """
    options = options or Options()
    stream = stream if stream is not None else sys.stdin.buffer
    head = stream.read(options.max_document_bytes + 1)
    if len(head) <= options.max_document_bytes:
        yield from read_content(head, STDIN_SOURCE, options=options)
        return
    kind = sniff_kind(head)
    rejoined = io.BufferedReader(_Rejoined(head, stream))
    if kind == JSONL:
        yield from read_jsonl(rejoined, STDIN_SOURCE, options)
    elif kind == WARC:
        yield from read_warc(rejoined, STDIN_SOURCE, options)
    else:
        yield _too_large(STDIN_SOURCE, None, options)


class _Rejoined(io.RawIOBase):
    """The bytes already read from a stream, then the rest of it."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self.head = memoryview(head)
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # noqa: ANN001 (a writable buffer)
        if self.head:
            size = min(len(buffer), len(self.head))
            buffer[:size] = self.head[:size]
            self.head = self.head[size:]
            return size
        data = self.rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _walk(directory: Path) -> Iterator[tuple[Path, Failure | None]]:
    """Every file under `directory` (hidden ones skipped), or the failure standing in its place."""
    try:
        top = directory.stat()
    except OSError as error:
        yield directory, _unreachable(directory, error)
        return
    pending = [(directory, frozenset({(top.st_dev, top.st_ino)}))]
    while pending:
        folder, ancestors = pending.pop()
        try:
            with os.scandir(folder) as entries:
                children = sorted(entry.name for entry in entries if not entry.name.startswith("."))
        except OSError as error:
            source = printable_source(str(folder))
            yield folder, Failure(source, ReadError.code,
                                  f"{source}: cannot read directory: {error.strerror or error}")
            continue
        for name in children:
            path = folder / name
            try:
                info = path.stat()
            except OSError as error:
                yield path, _unreachable(path, error)
                continue
            if stat.S_ISDIR(info.st_mode):
                key = (info.st_dev, info.st_ino)
                if key in ancestors:
                    source = printable_source(str(path))
                    yield path, Failure(source, ReadError.code,
                                        f"{source}: symbolic link loop: leads back to a directory it lies in")
                else:
                    pending.append((path, ancestors | {key}))
            elif stat.S_ISREG(info.st_mode):
                yield path, None
            else:
                source = printable_source(str(path))
                yield path, Failure(source, ReadError.code, f"{source}: cannot read: {_file_type(info.st_mode)}")


def _unreachable(path: Path, error: OSError) -> Failure:
    """The failure for a path that cannot be opened or looked at, saying why."""
    source = printable_source(str(path))
    if error.errno == errno.ELOOP:
        reason = "symbolic link loop"
    elif error.errno == errno.ENOENT and path.is_symlink():
        reason = f"dangling symbolic link to {printable_source(os.readlink(path))}"
    elif error.errno == errno.ENOENT:
        reason = "no such file or directory"
    else:
        reason = f"cannot read: {error.strerror or error}"
    return Failure(source, ReadError.code, f"{source}: {reason}")


def _file_type(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "a FIFO, not a regular file (pipe it to standard input as -)"
    if stat.S_ISCHR(mode):
        return "a character device, not a regular file"
    if stat.S_ISBLK(mode):
        return "a block device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    return "not a regular file"


def _too_large(source: str, size: int | None, options: Options) -> Failure:
    stated = f"{size:,} bytes" if size is not None else "more bytes than that"
    return Failure(source, DocumentTooLarge.code,
                   f"{source}: {stated}, over max_document_bytes={options.max_document_bytes:,} "
                   f"(only JSON Lines and web archives are read past it)")


def count_documents(sources: Iterable[str]) -> int | None:
    """How many items (documents and failures) reading `sources` will yield, where that is
    cheap to know: one per HTML or text file and per unreadable entry, one per non-blank
    line of a JSON Lines file. None when a source is standard input or a URL, or a file holds
    a web archive, a feed or a JSON array, whose records only a full read can count.

    Example:
        >>> count_documents(["news/"])  # two HTML pages and a JSON Lines file of 40 lines
        42
    """
    total = 0
    for source in sources:
        if source == "-" or is_url(source):
            return None
        path = Path(source)
        try:
            entries = _walk(path) if path.is_dir() else iter([(path, None)])
        except OSError:
            return None
        for entry, failure in entries:
            found = 1 if failure is not None else _count_in_file(entry)
            if found is None:
                return None
            total += found
    return total


def _count_in_file(path: Path) -> int | None:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return 1  # the failure read_file gives it
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
            kind = kind_of(path) or sniff_kind(head)
            if kind in (WARC, FEED):
                return None
            if kind != JSONL:
                return 1
            if head.lstrip().startswith(b"["):
                return None
            stream.seek(0)
            return max(1, sum(1 for line in stream if line.strip()))
    except OSError:
        return 1  # unreadable: one failure
