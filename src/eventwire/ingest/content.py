"""Tell what raw bytes are (HTML, plain text, JSON Lines, a feed, a WARC) and read them so."""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from collections.abc import Iterator
from types import MappingProxyType

from eventwire.model import Document, Failure
from eventwire.options import Options

HTML = "html"
TEXT = "text"
JSONL = "jsonl"
FEED = "feed"
WARC = "warc"
MEDIA_TYPES = MappingProxyType({HTML: "text/html", TEXT: "text/plain"})
SNIFF_BYTES = 4096
_HTML_START = re.compile(rb"(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)\b", re.IGNORECASE)
_HTML_TAGS = re.compile(rb"<(p|div|br|a|span|article|h[1-6]|li|table|meta|title|script)\b[^>]*>", re.IGNORECASE)


def sniff_kind(data: bytes) -> str:
    """Return what `data` holds: "warc", "feed", "html", "jsonl" or "text" (binary counts as text).

    Example:
        >>> sniff_kind(b'{"text": "Iran fired missiles."}\\n'), sniff_kind(b"<!DOCTYPE html><html>")
        ('jsonl', 'html')
    """
    head = data[:SNIFF_BYTES]
    if head.startswith(b"\x1f\x8b"):
        return WARC if _gunzip_head(data).startswith((b"WARC/", b"filedesc://")) else TEXT
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith((b"WARC/", b"filedesc://")):
        return WARC
    if _HTML_START.match(head):
        return HTML
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf:RDF")):
        return FEED if _FEED_ROOT.search(head) else TEXT
    if head.startswith(b"[") or (head.startswith(b"{") and _first_line_is_json(data)):
        return JSONL
    if len(_HTML_TAGS.findall(head)) >= 3:
        return HTML
    return TEXT


def read_content(data: bytes, source: str, kind: str | None = None, *, url: str | None = None,
                 media_type: str | None = None, options: Options | None = None) -> Iterator[Document | Failure]:
    """Read raw bytes of a known (or sniffed) kind into documents.

    Example:
        >>> next(read_content(b"Iran bombs U.S. bases in Iraq", "a.txt")).media_type
        'text/plain'
    """
    kind = kind or sniff_kind(data)
    if kind == JSONL:
        from eventwire.ingest.jsonl import read_jsonl

        yield from read_jsonl(data, source, options)
    elif kind == FEED:
        from eventwire.ingest.feeds import read_feed

        yield from read_feed(data, source)
    elif kind == WARC:
        from eventwire.ingest.warc import read_warc

        yield from read_warc(io.BytesIO(data), source, options)
    else:
        yield Document(source=source, content=data, url=url, media_type=media_type or MEDIA_TYPES.get(kind, "text/plain"))


def _gunzip_head(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data[:65_536])) as stream:
            return stream.read(64)
    except (OSError, EOFError, zlib.error):
        return b""


def _first_line_is_json(data: bytes) -> bool:
    line = data.lstrip().split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except RecursionError:  # an object nested too deep to decode is still JSON; read_jsonl says so
        return True
    except ValueError:
        # a pretty-printed JSON object spans lines; its first line alone is not JSON
        return line.strip() == b"{"
