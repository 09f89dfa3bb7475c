"""eventwire: turn news articles into political event data (PLOVER/CAMEO), offline.

Example:
    >>> import eventwire
    >>> article = eventwire.extract(open("article.txt").read(), published="2020-01-08")
    >>> [(e.type, e.sources[0].code) for e in article.events]
"""

from __future__ import annotations

import logging
from functools import cache

# The stage package eventwire.extract is imported before the function of the same name is
# defined below, so that the function, not the package, is the attribute `eventwire.extract`.
from eventwire.extract import to_article as _to_article
from eventwire.context import Context
from eventwire.errors import EventwireError, InternalError, InvalidArgument
from eventwire.model import Article, Document
from eventwire.options import Options

__version__ = "0.1.0"
__all__ = ["Article", "Context", "Options", "__version__", "extract"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def extract(
    text_or_html: str | bytes,
    *,
    url: str | None = None,
    published: str | None = None,
    options: Options | None = None,
) -> Article:
    """Extract the clean text, actors, events, places, times and quotes of one article.

    Raises only `EventwireError` subclasses, each with a stable code: `InvalidArgument`
    (EW001) for an argument of the wrong type, the document's error (EW101 to EW107) for
    input that cannot be read, `InternalError` (EW900, the stage error as its message and
    cause) when a stage fails unexpectedly.

    Example:
        >>> article = eventwire.extract("<html>...</html>", url="https://example.org/a")
    """
    from eventwire.pipeline import run_stages

    content = _content(text_or_html)
    for name, value in (("url", url), ("published", published)):
        if value is not None and not isinstance(value, str):
            raise InvalidArgument(f"extract() takes {name} as a string, not {type(value).__name__}")
    if options is not None and not isinstance(options, Options):
        raise InvalidArgument(f"extract() takes options as an eventwire.Options, not {type(options).__name__}")
    document = Document(source=url or "<text>", content=content, url=url, published=published)
    try:
        ctx = _context(options or Options())
        return run_stages(_to_article(document, ctx.options), ctx)
    except EventwireError:
        raise
    except Exception as error:  # as the batch path records it: the reason, never a stray exception
        raise InternalError(f"{type(error).__name__}: {error}") from error


def _content(text_or_html: object) -> str | bytes:
    if isinstance(text_or_html, (bytearray, memoryview)):
        return bytes(text_or_html)
    if not isinstance(text_or_html, (str, bytes)):
        raise InvalidArgument(f"extract() takes the article as str or bytes, not {type(text_or_html).__name__}")
    return text_or_html


@cache
def _context(options: Options) -> Context:
    return Context(options)
