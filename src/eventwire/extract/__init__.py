"""Main-text extraction: turn a raw `Document` (bytes or text, HTML or plain) into an `Article`.

Example:
    >>> from eventwire.model import Document
    >>> from eventwire.options import Options
    >>> article = to_article(Document("a.txt", b"Iran bombs U.S. bases in Iraq\\n\\n..."), Options())
    >>> article.title
    'Iran bombs U.S. bases in Iraq'
"""

from __future__ import annotations

import logging
import re
from typing import NamedTuple

from eventwire.errors import (
    BadDate,
    BinaryDocument,
    DocumentTooLarge,
    EmptyDocument,
    NoMainText,
    UndecodableDocument,
)
from eventwire.extract.chrome import is_chrome, remove_chrome
from eventwire.extract.dates import normalise_date
from eventwire.extract.decode import MAX_CONTROL_SHARE, SAMPLE_BYTES, check_binary, decode_bytes
from eventwire.extract.html import count_text_chars, extract_html, looks_like_html
from eventwire.extract.language import check_english, guess_language
from eventwire.extract.markup import looks_like_markdown, read_line
from eventwire.extract.text import article_id, assemble_paragraphs, join_paragraphs, split_lines
from eventwire.model import Article, Document
from eventwire.options import Options

__all__ = ["to_article", "article_from_text"]

logger = logging.getLogger(__name__)

# raw HTML may carry far more markup than text: refuse pages over this many times max_chars
HTML_SIZE_FACTOR = 20
# refused before parsing: a page whose text outside the markup (blanks aside) is over this
# many times max_chars cannot give an article within max_chars
TEXT_SIZE_FACTOR = 2
# a first paragraph longer than this is body text, not a headline
MAX_TITLE_CHARS = 300
# a first paragraph of this many words or more ending in a full stop is body text too
TITLE_MAX_SENTENCE_WORDS = 12
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_KEY = re.compile(r"[\W_]+")
_SCRIPT_TAG = re.compile(r"<script\b", re.IGNORECASE)
# text extracted from broken markup (tag soup) keeps its stray angle brackets; an article
# has few: at most MIN_STRAY_MARKUP, or this share of its characters
_STRAY_MARKUP = re.compile(r"[<>]")
MIN_STRAY_MARKUP = 5
MAX_STRAY_MARKUP_SHARE = 0.005
# a code point of a UTF-16 surrogate pair on its own: Python's json reads "\ud800" as one
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_article(document: Document, options: Options) -> Article:
    """Turn a raw document into an `Article` with clean text, title, date and language.

    Checks in order: too many bytes to decode (EW104, before any decoding or parsing),
    empty (EW101, also when only invisible characters remain), binary (EW102),
    undecodable (EW103, also text, title or URL given as a string holding a lone surrogate
    such as "\\ud800"), too large (EW104), no main text in HTML (EW106: nothing but page
    notices such as "Please enable JavaScript", or tag soup), not English (EW105, unless
    `options.check_language` is False), unreadable given date (EW107). HTML goes through
    trafilatura; plain text loses its page-chrome lines (recorded in `removed_lines`). The
    text starts with the headline and separates paragraphs with a blank line.

    Example:
        >>> to_article(Document("x", "<html>...</html>", published="8 January 2020"), Options()).published
        '2020-01-08'
    """
    text = _decoded(document, options)
    if not text.strip():
        raise EmptyDocument("the document is empty or only whitespace")
    for name, value in (("URL", document.url), ("title", document.title)):
        _check_unicode(value, name)
    if _is_html(text, document.media_type):
        prepared = _from_html(text, document, options)
    else:
        prepared = _from_text(text, document, options)
    split = remove_chrome(prepared.lines, find_main_text=prepared.plain_text)
    kept = list(split.kept)
    if prepared.plain_text and looks_like_markdown(prepared.lines):
        kept = [read_line(line).text if line else line for line in kept]
    kept = _with_headline(kept, prepared.title)
    paragraphs = assemble_paragraphs(kept) if prepared.plain_text else [line for line in kept if line]
    clean = join_paragraphs(paragraphs)
    if not clean:
        raise EmptyDocument("the document holds only invisible characters (zero-width spaces, marks) and whitespace")
    if len(clean) > options.max_chars:
        raise DocumentTooLarge(f"{len(clean):,} characters, over max_chars={options.max_chars:,}")
    language = check_english(clean) if options.check_language else guess_language(clean).code
    published = normalise_date(document.published) if document.published else _page_date(prepared.page_date)
    title = prepared.title or (paragraphs[0] if paragraphs and _reads_as_title(paragraphs[0]) else None)
    return Article(
        id=article_id(clean),
        text=clean,
        source=document.source,
        url=document.url,
        title=title,
        published=published,
        language=language,
        removed_lines=split.removed,
    )


def article_from_text(text: str, *, source: str = "", url: str | None = None,
                      published: str | None = None, title: str | None = None) -> Article:
    """Wrap an already clean text in an `Article` without changing a character of it.

    For evaluation on gold data whose spans index the text as given: no chrome removal,
    no whitespace or paragraph changes, no language check. The date is still normalised.

    Example:
        >>> article_from_text("Iran fired  missiles.\n", published="8 Jan 2020").published
        '2020-01-08'
    """
    return Article(
        id=article_id(text),
        text=text,
        source=source,
        url=url,
        title=title,
        published=normalise_date(published) if published else None,
    )


class _Prepared(NamedTuple):
    """Lines of a document before chrome removal, and what its source says of title and date."""

    lines: list[str]
    title: str | None
    page_date: str | None
    plain_text: bool  # saved text (hard-wrapped lines joined, menus and footers cut), not HTML


def _from_html(html: str, document: Document, options: Options) -> _Prepared:
    if len(html) > options.max_chars * HTML_SIZE_FACTOR:
        raise DocumentTooLarge(f"HTML page of {len(html):,} characters is over "
                               f"{HTML_SIZE_FACTOR} x max_chars ({options.max_chars:,})")
    text_chars = count_text_chars(html)
    if text_chars > TEXT_SIZE_FACTOR * options.max_chars:
        raise DocumentTooLarge(f"HTML page holds {text_chars:,} characters of text outside its markup, over "
                               f"{TEXT_SIZE_FACTOR} x max_chars ({options.max_chars:,})")
    parts = extract_html(html, document.url)
    body_lines = split_lines(parts.body)
    notices = [line for line in body_lines if line and is_chrome(line)]
    extracted = sum(len(line) for line in body_lines if line and not is_chrome(line))
    if extracted < options.min_chars:
        found = f"; only page notices such as {notices[0][:80]!r}" if notices else ""
        scripted = "; its text may be drawn by scripts" if _SCRIPT_TAG.search(html) else ""
        raise NoMainText(f"no article text in the HTML page ({extracted} characters extracted, "
                         f"fewer than min_chars={options.min_chars}{found}{scripted})")
    stray = sum(len(_STRAY_MARKUP.findall(line)) for line in body_lines)
    if stray > max(MIN_STRAY_MARKUP, MAX_STRAY_MARKUP_SHARE * extracted):
        raise NoMainText(f"the HTML page is tag soup, not an article: {stray} stray markup characters "
                         f"('<', '>') in {extracted} characters of extracted text")
    title = parts.title or _clean(document.title)
    return _Prepared(body_lines, title, parts.published, plain_text=False)


def _from_text(text: str, document: Document, options: Options) -> _Prepared:
    if len(text) > options.max_chars:
        raise DocumentTooLarge(f"{len(text):,} characters, over max_chars={options.max_chars:,}")
    title = _clean(document.title)
    return _Prepared(split_lines(text), title, None, plain_text=True)


def _decoded(document: Document, options: Options) -> str:
    content = document.content
    if isinstance(content, bytes):
        # refused before decoding: no encoding takes more than 4 bytes a character
        if len(content) > 4 * HTML_SIZE_FACTOR * options.max_chars:
            raise DocumentTooLarge(f"{len(content):,} bytes, over 4 bytes a character for {HTML_SIZE_FACTOR} x "
                                   f"max_chars ({options.max_chars:,})")
        if not content.strip():
            raise EmptyDocument("the document is empty or only whitespace")
        check_binary(content)
        return decode_bytes(content, document.media_type)
    _check_unicode(content, "text")
    sample = content[:SAMPLE_BYTES]
    if "\x00" in sample:
        raise BinaryDocument("binary content (NUL characters), not text")
    if sample and len(_CONTROL_CHARS.findall(sample)) / len(sample) > MAX_CONTROL_SHARE:
        raise BinaryDocument("binary content (control characters), not text")
    return content


def _check_unicode(value: str | None, name: str) -> None:
    """Refuse a string that is not valid Unicode: it could be neither hashed nor stored."""
    found = _LONE_SURROGATE.search(value) if isinstance(value, str) else None
    if found:
        raise UndecodableDocument(f"the {name} holds a lone surrogate U+{ord(found.group()):04X} at "
                                  f"character {found.start()}; it is not valid Unicode")


def _is_html(text: str, media_type: str) -> bool:
    return looks_like_html(text) or ("html" in (media_type or "").lower() and "<" in text[:4096])


def _with_headline(lines: list[str], title: str | None) -> list[str]:
    """Put the title first unless the text already starts with it."""
    if not title:
        return lines
    first = next((line for line in lines if line), "")
    title_key, first_key = _KEY.sub(" ", title.lower()).strip(), _KEY.sub(" ", first.lower()).strip()
    same = first_key.startswith(title_key) or (
        title_key.startswith(first_key) and len(first_key) >= 0.6 * len(title_key))
    if title_key and first_key and same:
        return lines
    return [title, "", *lines]


def _reads_as_title(paragraph: str) -> bool:
    """Whether a first paragraph is a headline: short, and not a sentence of body text (a
    full stop after TITLE_MAX_SENTENCE_WORDS words or more)."""
    sentence = paragraph.endswith(".") and len(paragraph.split()) >= TITLE_MAX_SENTENCE_WORDS
    return len(paragraph) <= MAX_TITLE_CHARS and not sentence


def _clean(title: str | None) -> str | None:
    joined = " ".join((title or "").split())
    return joined or None


def _page_date(value: str | None) -> str | None:
    """Normalise a date found in the page; one that does not read as a day is dropped."""
    if not value:
        return None
    try:
        return normalise_date(value)
    except BadDate:
        logger.debug("page date %r is not a day; dropped", value)
        return None
