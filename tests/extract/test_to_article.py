"""The single entry point: raw documents to clean articles, and every error code."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from eventwire.errors import (
    BadDate,
    BinaryDocument,
    DocumentTooLarge,
    EmptyDocument,
    EventwireError,
    NoMainText,
    NotEnglish,
    UndecodableDocument,
)
from eventwire.extract import article_from_text, to_article
from eventwire.model import Document
from eventwire.options import Options

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED_TEXT = (FIXTURES / "iran_bases_article.txt").read_text("utf-8")
SEED_HTML = (FIXTURES / "iran_bases_article.html").read_bytes()
SEED_URL = "https://news.example.org/world/2020/iran-bombs-us-bases-in-iraq"
SEED_CHROME = (
    "Show More",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Back to top button",
    "Your browser could not load this page, use Chrome browser or disable AdBlock",
)
PARAGRAPH = ("The foreign ministers of the two countries met in Geneva on Monday to discuss the ceasefire, "
             "which has largely held since it was agreed in March, officials said.")
OPTIONS = Options()


def seed_paragraphs() -> list[str]:
    return [line for line in SEED_TEXT.splitlines() if line.strip() and line not in SEED_CHROME]


def test_seed_text_article() -> None:
    article = to_article(Document("seed.txt", SEED_TEXT.encode("utf-8"), published="2020-01-08"), OPTIONS)
    assert article.text == "\n\n".join(seed_paragraphs())
    assert article.title == "Iran bombs U.S. bases in Iraq"
    assert article.removed_lines == SEED_CHROME
    assert article.published == "2020-01-08"
    assert article.language == "en"
    assert article.source == "seed.txt"
    assert len(article.id) == 16


def test_body_is_the_text_after_the_headline() -> None:
    article = to_article(Document("seed.txt", SEED_TEXT), OPTIONS)
    assert article.body == "\n\n".join(seed_paragraphs()[1:])
    untitled = to_article(Document("x.txt", PARAGRAPH), OPTIONS)
    assert untitled.body == untitled.text == PARAGRAPH


def test_seed_html_gives_the_same_article_text() -> None:
    html = to_article(Document("seed.html", SEED_HTML, url=SEED_URL, media_type="text/html"), OPTIONS)
    text = to_article(Document("seed.txt", SEED_TEXT), OPTIONS)
    assert html.text == text.text
    assert html.id == text.id
    assert html.title == "Iran bombs U.S. bases in Iraq"
    assert html.published == "2020-01-08"
    assert html.url == SEED_URL


def test_html_sniffed_from_plain_media_type() -> None:
    article = to_article(Document("<text>", SEED_HTML.decode("utf-8")), OPTIONS)
    assert article.text.startswith("Iran bombs U.S. bases in Iraq\n\nFive days after")


@pytest.mark.parametrize(
    ("given", "expected"),
    [(None, "2020-01-08"), ("2020-01-09T01:00:00Z", "2020-01-09"), ("9 January 2020", "2020-01-09")],
)
def test_given_date_wins_over_page_date(given: str | None, expected: str) -> None:
    document = Document("seed.html", SEED_HTML, published=given, media_type="text/html")
    assert to_article(document, OPTIONS).published == expected


@pytest.mark.parametrize(
    ("html", "title", "starts"),
    [
        # the page title is put before a body that lacks it
        (f"<html><head><title>Talks resume in Geneva</title></head><body><article><p>{PARAGRAPH}</p>"
         f"<p>{PARAGRAPH}</p></article></body></html>", "Talks resume in Geneva", "Talks resume in Geneva\n\nThe foreign"),
        # a body that already starts with its headline is not given it twice
        (f"<html><head><title>Talks resume in Geneva</title></head><body><article><h1>Talks resume in Geneva</h1>"
         f"<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>", "Talks resume in Geneva",
         "Talks resume in Geneva\n\nThe foreign"),
    ],
)
def test_html_headline(html: str, title: str, starts: str) -> None:
    article = to_article(Document("page.html", html, media_type="text/html"), OPTIONS)
    assert article.title == title
    assert article.text.startswith(starts)
    assert article.text.count(title) == 1


@pytest.mark.parametrize(
    ("document", "title", "starts"),
    [
        (Document("r#1", PARAGRAPH, title="Talks resume in Geneva"), "Talks resume in Geneva",
         "Talks resume in Geneva\n\nThe foreign"),
        (Document("r#2", f"Talks resume in Geneva\n{PARAGRAPH}", title="Talks resume in Geneva"),
         "Talks resume in Geneva", "Talks resume in Geneva\n\nThe foreign"),
        (Document("r#3", f"Talks resume in Geneva\n{PARAGRAPH}"), "Talks resume in Geneva",
         "Talks resume in Geneva\n\nThe foreign"),
        (Document("r#4", f"Skip to content\nHome » World\n\nTalks resume in Geneva\n{PARAGRAPH}\nShare"),
         "Talks resume in Geneva", "Talks resume in Geneva\n\nThe foreign"),
        (Document("r#5", f"Skip to content\nTalks resume in Geneva\n{PARAGRAPH}", title="Talks resume in Geneva"),
         "Talks resume in Geneva", "Talks resume in Geneva\n\nThe foreign"),
    ],
)
def test_plain_text_headline(document: Document, title: str, starts: str) -> None:
    article = to_article(document, OPTIONS)
    assert (article.title, article.text[: len(starts)]) == (title, starts)
    assert article.text.count(title) == 1


def test_whitespace_normalised_characters_kept() -> None:
    article = to_article(Document("x", "Talks\u00a0resume  in Geneva\r\n\r\n‘Quote’ and “more”\tstay. " + PARAGRAPH), OPTIONS)
    assert article.text == "Talks resume in Geneva\n\n‘Quote’ and “more” stay. " + PARAGRAPH


def test_latin1_file_decodes() -> None:
    article = to_article(Document("latin1", (FIXTURES / "ingest" / "latin1_article.txt").read_bytes()), OPTIONS)
    assert "Besançon" in article.text and "£40" in article.text and "Müller" in article.text


def test_check_language_off_accepts_french() -> None:
    french = (FIXTURES / "ingest" / "french_article.txt").read_bytes()
    article = to_article(Document("fr", french), dataclasses.replace(OPTIONS, check_language=False))
    assert article.language == "fr"


def test_same_content_same_id() -> None:
    first = to_article(Document("a", SEED_TEXT), OPTIONS)
    second = to_article(Document("b", SEED_TEXT.replace("\n\n", "\n").replace(" ", "  ")), OPTIONS)
    assert first.id == second.id


def test_article_from_text_keeps_text_verbatim() -> None:
    text = "  Talks  resume.\nShow More\n"
    article = article_from_text(text, published="8 January 2020")
    assert (article.text, article.published, article.removed_lines) == (text, "2020-01-08", ())


@pytest.mark.parametrize(
    ("document", "options", "error", "code"),
    [
        (Document("empty", b""), OPTIONS, EmptyDocument, "EW101"),
        (Document("blank", " \n\t\n"), OPTIONS, EmptyDocument, "EW101"),
        (Document("blank-bytes", b"  \r\n  "), OPTIONS, EmptyDocument, "EW101"),
        (Document("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), OPTIONS, BinaryDocument, "EW102"),
        (Document("pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>"), OPTIONS, BinaryDocument, "EW102"),
        (Document("nul", "Text with a NUL \x00 inside " * 3), OPTIONS, BinaryDocument, "EW102"),
        (Document("noise", bytes(range(0x80, 0x100)) * 8), OPTIONS, UndecodableDocument, "EW103"),
        (Document("huge", (PARAGRAPH + "\n") * 4000), OPTIONS, DocumentTooLarge, "EW104"),
        (Document("small-max", PARAGRAPH * 3), Options(max_chars=100), DocumentTooLarge, "EW104"),
        (Document("fr", (FIXTURES / "ingest" / "french_article.txt").read_bytes()), OPTIONS, NotEnglish, "EW105"),
        (Document("es", (FIXTURES / "ingest" / "spanish_article.txt").read_bytes()), OPTIONS, NotEnglish, "EW105"),
        (Document("nav", "<html><body><nav><a href='/'>Home</a><a href='/w'>World</a></nav></body></html>",
                  media_type="text/html"), OPTIONS, NoMainText, "EW106"),
        (Document("short", "<html><body><article><p>Too short.</p></article></body></html>"),
         Options(min_chars=200), NoMainText, "EW106"),
        (Document("date", PARAGRAPH, published="last Tuesday"), OPTIONS, BadDate, "EW107"),
        (Document("year-1", PARAGRAPH, published="0001-01-01"), OPTIONS, BadDate, "EW107"),
        # issue 16: a lone surrogate (Python's json reads "\ud800" as one) cannot be hashed or stored
        (Document("surrogate", "\ud800" * 30), OPTIONS, UndecodableDocument, "EW103"),
        (Document("surrogate-end", PARAGRAPH + "\ud800"), OPTIONS, UndecodableDocument, "EW103"),
        (Document("surrogate-title", PARAGRAPH, title="Talks \udcff"), OPTIONS, UndecodableDocument, "EW103"),
        (Document("surrogate-url", PARAGRAPH, url="https://x.org/\ud800"), OPTIONS, UndecodableDocument, "EW103"),
    ],
)
def test_errors(document: Document, options: Options, error: type[EventwireError], code: str) -> None:
    with pytest.raises(error) as raised:
        to_article(document, options)
    assert raised.value.code == code
    assert str(raised.value).startswith(code)


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head><title>Ceasefire talks</title>{head}</head><body>{body}</body></html>"


def _tag_soup(seed: int) -> str:
    rng = random.Random(seed)
    tags = ["<div>", "</div>", "<span class=x>", "</span>", "<b>", "</i>", "<p>", "<<", ">", "<a href='#'>",
            "</a>", "<table>", "<td>", "<!--", "-->", "<br>", "&amp;", "<img src=x>"]
    words = "the of ministers Geneva ceasefire talks and to in said officials Monday war peace army".split()
    return "".join(rng.choice(tags) if rng.random() < 0.5 else rng.choice(words) + " " for _ in range(3000))


@pytest.mark.parametrize(
    ("document", "code", "reason"),
    [
        (Document("js", _page("<noscript>Please enable JavaScript to view this page.</noscript>"
                              "<script>var app = 1;</script>"), media_type="text/html"),
         "EW106", "only page notices such as 'Please enable JavaScript"),
        (Document("spa", _page("<p>You need to enable JavaScript to run this app.</p><div id=root></div>"
                               "<script src=main.js></script>")), "EW106", "text may be drawn by scripts"),
        (Document("script-only", _page("<script>" + "window.x = 1;" * 500 + "</script>")), "EW106",
         "0 characters extracted"),
        *[(Document(f"soup-{seed}", _tag_soup(seed).encode(), media_type="text/html"), "EW106", "tag soup")
          for seed in range(4)],
        # refused from its byte count, before any decoding or parsing
        (Document("50MB", b"<html><body>" + b"<div>x</div>" * 4_200_000, media_type="text/html"), "EW104",
         "bytes, over 4 bytes a character"),
        # refused before parsing when its text outside the markup cannot fit in max_chars
        (Document("long-page", _page(f"<p>{PARAGRAPH}</p>" * 20_000), media_type="text/html"), "EW104",
         "characters of text outside its markup"),
        (Document("invisible", "\u200b\ufeff\u2060 \u200b"), "EW101", "only invisible characters"),
        (Document("invisible-html", b"\xe2\x80\x8b", media_type="text/html"), "EW101", "only invisible"),
    ],
)
def test_issue_16_not_an_article(document: Document, code: str, reason: str) -> None:
    with pytest.raises(EventwireError) as raised:
        to_article(document, Options(check_language=False))
    assert raised.value.code == code
    assert reason in str(raised.value)


def test_issue_16_nested_divs_keep_their_text() -> None:
    depth = 100_000
    html = _page("<div>" * depth + f"<p>{PARAGRAPH}</p>" + "</div>" * depth)
    article = to_article(Document("deep", html.encode(), media_type="text/html"), OPTIONS)
    assert article.text == f"Ceasefire talks\n\n{PARAGRAPH}"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PARAGRAPH.encode("utf-16-le"), PARAGRAPH),
        (PARAGRAPH.encode("utf-16-be"), PARAGRAPH),
        (PARAGRAPH.replace("Geneva", "Genève").replace("Monday", "Mon\ufffdday").encode().replace(
            "\ufffd".encode(), b"\xff"), PARAGRAPH.replace("Geneva", "Genève").replace("Monday", "Mon\ufffdday")),
        ((PARAGRAPH + "\n\n").replace("Geneva", "Genève").encode() + "Café in Besançon.".encode("cp1252"),
         PARAGRAPH.replace("Geneva", "Genève") + "\n\nCafé in Besançon."),
    ],
)
def test_issue_16_encodings_through_to_article(data: bytes, expected: str) -> None:
    assert to_article(Document("enc", data), OPTIONS).text == expected
