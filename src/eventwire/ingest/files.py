"""Read files, directories (recursively) and standard input; the format goes by extension."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import ReadError
from eventwire.ingest.content import FEED, HTML, JSONL, TEXT, WARC, read_content
from eventwire.ingest.names import printable_source
from eventwire.model import Document, Failure

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


def read_path(path: Path) -> Iterator[Document | Failure]:
    """Read a file, or every file under a directory (sorted, hidden ones skipped).

    Example:
        >>> [d.source for d in read_path(Path("news/"))]
        ['news/a.html', 'news/b.jsonl#L1', 'news/b.jsonl#L2']
    """
    if path.is_dir():
        yield from read_directory(path)
    elif path.is_file():
        yield from read_file(path)
    else:
        source = printable_source(str(path))
        yield Failure(source, ReadError.code, f"{source}: no such file or directory")


def read_directory(directory: Path) -> Iterator[Document | Failure]:
    """Read every file under `directory`, recursively, in sorted path order."""
    files = sorted(
        path for path in directory.rglob("*")
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )
    logger.debug("reading %d files under %s", len(files), directory)
    for path in files:
        yield from read_file(path)


def read_file(path: Path) -> Iterator[Document | Failure]:
    """Read one file as bytes and yield its documents (one, or one per record or entry).

    The source names the file as `printable_source` writes it (bad bytes as `\\xNN`).
    """
    kind = kind_of(path)
    source = printable_source(str(path))
    if kind == WARC:
        from eventwire.ingest.warc import read_warc

        try:
            with path.open("rb") as stream:
                yield from read_warc(stream, source)
        except OSError as error:
            yield Failure(source, ReadError.code, f"{source}: cannot read: {error.strerror or error}")
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Failure(source, ReadError.code, f"{source}: cannot read: {error.strerror or error}")
        return
    yield from read_content(data, source, kind)


def read_stdin(stream: BinaryIO | None = None) -> Iterator[Document | Failure]:
    """Read standard input (HTML, JSON Lines or plain text, sniffed from its first bytes)."""
    stream = stream if stream is not None else sys.stdin.buffer
    yield from read_content(stream.read(), STDIN_SOURCE)
