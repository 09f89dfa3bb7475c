"""Main text, title and stated publication date of an HTML page (trafilatura and htmldate)."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass

from eventwire.errors import NoMainText

logger = logging.getLogger(__name__)

# a precise extraction shorter than SHORT_PRECISE_CHARS is compared with trafilatura's default
# settings, whose text replaces it when the precise one is shorter than MIN_PRECISE_CHARS or
# under MIN_PRECISE_SHARE of it: precision mode can drop a whole body it takes for a paywall
# and keep only a notice ("This copy is for your personal, non-commercial use only ...").
# On the development half of the extraction benchmark, the precise/default length ratios
# under SHORT_PRECISE_CHARS are 0.08 (a reprint notice kept, body lost) and then 0.61 and
# above (both texts right); the share sits in that gap.
MIN_PRECISE_CHARS = 250
SHORT_PRECISE_CHARS = 1000
MIN_PRECISE_SHARE = 0.25
_HTML_START = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(p|div|br|a|span|article|h[1-6]|li|table|meta|title|script)\b[^>]*>", re.IGNORECASE)
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " » ")
# libxml2 (under lxml and trafilatura) gives up on a tree deeper than 256 elements and the
# page's text is lost: elements nested deeper than this are flattened into their ancestor
MAX_HTML_DEPTH = 100
# characters lxml refuses in text it is given (control characters, non-characters, surrogates)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^<>]*?(/?)>")
_ANY_TAG = re.compile(r"<[^<>]*>")
_BLANKS = re.compile(r"\s+")
_HIDDEN_START = re.compile(r"<(script|style|template|noscript)\b|<!--", re.IGNORECASE)
# elements without content, or whose end tag the parser implies: they add no nesting
_FLAT_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp html head body".split())


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
    html = flatten_deep_html(html)
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


def count_text_chars(html: str) -> int:
    """Count the characters of a page outside tags, scripts, styles and comments, blanks aside.

    A cheap upper bound of the text a parser could extract, read before parsing: linear in
    the length of the page, whatever its markup (unclosed scripts, a `<` with no `>`).

    Example:
        >>> count_text_chars("<p>Iran <b>fired</b>.</p><script>var x = 1;</script>")
        10
    """
    lower = html.lower()
    count, position = 0, 0
    while True:
        hidden = _HIDDEN_START.search(html, position)
        segment = html[position: hidden.start() if hidden else len(html)]
        count += len(_BLANKS.sub("", _ANY_TAG.sub("", segment)))
        if hidden is None:
            return count
        marker = "-->" if hidden.group() == "<!--" else f"</{hidden.group(1).lower()}"
        end = lower.find(marker, hidden.end())
        if end == -1:
            return count
        position = end + len(marker) if marker == "-->" else html.find(">", end) + 1 or len(html)


def flatten_deep_html(html: str, max_depth: int = MAX_HTML_DEPTH) -> str:
    """Drop the tags of elements nested deeper than `max_depth`, keeping their text in place.

    A page of 10^5 nested `<div>`s is too deep for libxml2, which would lose all its text;
    a page within the depth comes back unchanged. Linear in the length of the page.

    Example:
        >>> flatten_deep_html("<div>" * 3 + "Iran" + "</div>" * 3, max_depth=1)
        '<div>Iran</div>'
    """
    stack: list[tuple[str, bool]] = []
    open_names: Counter[str] = Counter()
    dropped: list[tuple[int, int]] = []
    deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _FLAT_ELEMENTS or self_closing:
            continue
        if not closing:
            kept = len(stack) < max_depth
            stack.append((name, kept))
            open_names[name] += 1
            deepest = max(deepest, len(stack))
            if not kept:
                dropped.append(match.span())
            continue
        if not open_names[name]:
            continue  # a stray end tag: the parser ignores it
        while stack:
            top, kept = stack.pop()
            open_names[top] -= 1
            if top == name:
                if not kept:
                    dropped.append(match.span())
                break
    if deepest <= max_depth:
        return html
    logger.debug("HTML nested %d elements deep; flattened below depth %d", deepest, max_depth)
    pieces, position = [], 0
    for start, end in dropped:
        pieces.append(html[position:start])
        position = end
    pieces.append(html[position:])
    return "".join(pieces)


def _trafilatura_text(html: str, url: str | None) -> str:
    import trafilatura

    body = trafilatura.extract(html, url=url, include_comments=False, favor_precision=True,
                               output_format="txt") or ""
    if len(body) < SHORT_PRECISE_CHARS:
        body = choose_body(body, trafilatura.extract(html, url=url, include_comments=False, output_format="txt") or "")
    return body


def choose_body(precise: str, default: str) -> str:
    """Return trafilatura's precise text, or its default-settings text where the precise one
    is too short to be the article: under MIN_PRECISE_CHARS, or under MIN_PRECISE_SHARE of
    the default text (a notice kept, the body dropped).

    Example:
        >>> choose_body("This copy is for your personal use only.", "Dock workers ended a strike ..." * 20)[:12]
        'Dock workers'
    """
    too_short = len(precise) < MIN_PRECISE_CHARS or len(precise) < MIN_PRECISE_SHARE * len(default)
    if too_short and len(default) > len(precise):
        logger.debug("precise extraction gave %d chars, default settings %d", len(precise), len(default))
        return default
    return precise


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

    html = _NOT_XML.sub("", html)
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    except (AssertionError, IndexError):  # lxml's check of one <body>: a whole page given, read as one
        try:
            root = lxml_html.document_fromstring(html).body
        except (etree.ParserError, ValueError, IndexError):
            return ""
        if root is None:
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
