"""Fetch http(s) URLs with urllib: a timeout, a User-Agent, and failures as records."""

from __future__ import annotations

import http.client
import logging
import urllib.error
import urllib.request
from collections.abc import Iterator

from eventwire import __version__
from eventwire.errors import ReadError
from eventwire.ingest.content import FEED, HTML, JSONL, MEDIA_TYPES, TEXT, WARC, read_content, sniff_kind
from eventwire.model import Document, Failure
from eventwire.options import Options

logger = logging.getLogger(__name__)

USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire/eventwire)"
TIMEOUT_S = 20.0
MAX_BYTES = 20_000_000
_TYPE_KINDS = (
    ("html", HTML),
    ("rss", FEED),
    ("atom", FEED),
    ("ndjson", JSONL),
    ("jsonl", JSONL),
    ("json", JSONL),
    ("warc", WARC),
)


def is_url(source: str) -> bool:
    """Return whether `source` is an http(s) URL."""
    return source.lower().startswith(("http://", "https://"))


def read_url(url: str, *, timeout: float = TIMEOUT_S, options: Options | None = None) -> Iterator[Document | Failure]:
    """Fetch `url` and read what comes back; a network or HTTP error becomes a `Failure` (EW201).

    Example:
        >>> next(read_url("https://example.org/news/1")).media_type
        'text/html; charset=utf-8'
    """
    try:
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            final_url = response.geturl() or url
            media_type = response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        yield Failure(url, ReadError.code, f"cannot fetch {url}: HTTP {error.code} {error.reason}")
        return
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        yield Failure(url, ReadError.code, f"cannot fetch {url}: {reason}")
        return
    if len(data) > MAX_BYTES:
        yield Failure(url, ReadError.code, f"cannot fetch {url}: more than {MAX_BYTES:,} bytes")
        return
    logger.debug("fetched %s: %d bytes of %s", final_url, len(data), media_type or "unknown type")
    kind = _kind(media_type) or sniff_kind(data)
    if kind in (HTML, TEXT):
        yield Document(source=url, content=data, url=final_url, media_type=media_type or MEDIA_TYPES[kind])
    else:
        yield from read_content(data, url, kind, options=options)


def _kind(media_type: str) -> str | None:
    essence = media_type.split(";")[0].strip().lower()
    if essence == "text/plain":
        return TEXT
    return next((kind for marker, kind in _TYPE_KINDS if marker in essence), None)
