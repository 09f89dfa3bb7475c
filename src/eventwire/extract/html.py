"""Main text, title and stated publication date of an HTML page (trafilatura and htmldate)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from eventwire.errors import NoMainText

logger = logging.getLogger(__name__)

# a precise extraction shorter than this is retried with trafilatura's default settings
MIN_PRECISE_CHARS = 250
_HTML_START = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(p|div|br|a|span|article|h[1-6]|li|table|meta|title|script)\b[^>]*>", re.IGNORECASE)
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ")


@dataclass(frozen=True, slots=True)
class HtmlParts:
    """What a page gives: its main text (paragraphs as lines), title and stated date."""

    body: str
    title: str | None
    published: str | None


def looks_like_html(text: str) -> bool:
    """Return whether `text` is an HTML page or fragment rather than plain text.

    Example:
        >>> looks_like_html("<!DOCTYPE html><html>..."), looks_like_html("Iran <3 talks")
        (True, False)
    """
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 3


def extract_html(html: str, url: str | None = None) -> HtmlParts:
    """Extract the main text with trafilatura (precision first), its title and stated date.

    Example:
        >>> extract_html(page, url="https://example.org/news/1").title
        'Iran bombs U.S. bases in Iraq'
    """
    try:
        body = _trafilatura_text(html, url)
        if not body.strip() and not _HTML_START.match(html[:4096]):
            body = fragment_text(html)
        metadata = _trafilatura_metadata(html, url)
    except Exception as error:  # a parser crash on one odd page must not stop a batch
        logger.warning("HTML extraction failed on %s", url or "a page", exc_info=True)
        raise NoMainText(f"HTML extraction failed: {type(error).__name__}: {error}") from error
    title = clean_title(metadata.title, metadata.sitename) if metadata is not None else None
    published = metadata.date if metadata is not None else None
    return HtmlParts(body=body, title=title, published=published)


def _trafilatura_text(html: str, url: str | None) -> str:
    import trafilatura

    body = trafilatura.extract(html, url=url, include_comments=False, favor_precision=True,
                               output_format="txt") or ""
    if len(body) < MIN_PRECISE_CHARS:
        fallback = trafilatura.extract(html, url=url, include_comments=False, output_format="txt") or ""
        if len(fallback) > len(body):
            logger.debug("precise extraction gave %d chars, default settings %d", len(body), len(fallback))
            body = fallback
    return body


def _trafilatura_metadata(html: str, url: str | None):  # noqa: ANN202 (trafilatura's Document)
    import trafilatura

    return trafilatura.extract_metadata(html, default_url=url, date_config=date_settings())


def fragment_text(html: str) -> str:
    """Return the text of an HTML fragment (a feed summary, a record's `html` field), one
    line per block element; scripts and styles are dropped.

    Example:
        >>> fragment_text("<p>Iran fired missiles.</p><p>Two bases were hit.</p>")
        'Iran fired missiles.\nTwo bases were hit.'
    """
    from lxml import etree, html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter("script", "style", "noscript", "template")):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def find_page_date(html: str, url: str | None = None) -> str | None:
    """Return the publication date the page states (meta tags, JSON-LD, <time>, URL), or None.

    Example:
        >>> find_page_date('<meta property="article:published_time" content="2020-01-08T02:00">')
        '2020-01-08'
    """
    from htmldate import find_date

    try:
        return find_date(html, url=url, **date_settings())
    except ValueError:
        logger.debug("htmldate could not read %s", url or "page")
        return None


def date_settings() -> dict[str, object]:
    """htmldate settings: the original (not updated) date, only where the page states one.

    `extensive_search=False` keeps htmldate to the page's own markup (meta tags, JSON-LD,
    <time>, date classes, the URL): no guesses from free text or copyright years.
    `max_date` is yesterday, so the current day shown in page headers is never taken for
    the publication date (a page read on the day it appeared gets no date from its markup;
    give one with the document). trafilatura's `filedate` (today) is never used.
    """
    yesterday = dt.date.today() - dt.timedelta(days=1)
    return {"original_date": True, "extensive_search": False, "max_date": yesterday.isoformat()}


def clean_title(title: str | None, sitename: str | None = None) -> str | None:
    """Strip the site name that pages append to or prepend before their title.

    Example:
        >>> clean_title("Iran bombs U.S. bases in Iraq | World News", "World News")
        'Iran bombs U.S. bases in Iraq'
    """
    if not title:
        return None
    title = " ".join(title.split())
    site = " ".join((sitename or "").split()).lower()
    for separator in _TITLE_SEPARATORS:
        if separator not in title:
            continue
        head, _, tail = title.rpartition(separator)
        if site and (tail.lower() == site or tail.lower() in site or site in tail.lower()):
            return head.strip() or title
        first, _, rest = title.partition(separator)
        if site and (first.lower() == site or site in first.lower()):
            return rest.strip() or title
    return title
