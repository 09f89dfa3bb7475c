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

    Raises an `EventwireError` subclass (with a stable code) for input that cannot be read.

    Example:
        >>> article = eventwire.extract("<html>...</html>", url="https://example.org/a")
    """
    from eventwire.pipeline import run_stages

    ctx = _context(options or Options())
    document = Document(source=url or "<text>", content=text_or_html, url=url, published=published)
    return run_stages(_to_article(document, ctx.options), ctx)


@cache
def _context(options: Options) -> Context:
    return Context(options)
