"""HTML pages: main text, title and stated date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.extract.html import (
    MIN_PRECISE_CHARS,
    choose_body,
    clean_title,
    count_text_chars,
    extract_html,
    find_page_date,
    flatten_deep_html,
    fragment_text,
    looks_like_html,
)

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED_URL = "https://news.example.org/world/2020/iran-bombs-us-bases-in-iraq"
PARAGRAPH = ("The foreign ministers of the two countries met in Geneva on Monday to discuss the ceasefire, "
             "which has largely held since it was agreed in March, officials said.")


def page(head: str = "", body: str = f"<p>{PARAGRAPH}</p>" * 3) -> str:
    return f"<!DOCTYPE html><html><head><title>Talks in Geneva</title>{head}</head><body><article>{body}</article></body></html>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("  <?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", True),
        ("<!-- saved page --><html>", True),
        ("<div><p>One</p><p>Two</p></div>", True),
        ("Iran <3 talks and a <b>bold</b> move", False),
        ("Plain text about a 5 < 6 comparison.", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_seed_page_keeps_every_body_paragraph_and_drops_chrome() -> None:
    parts = extract_html((FIXTURES / "iran_bases_article.html").read_text("utf-8"), SEED_URL)
    seed = (FIXTURES / "iran_bases_article.txt").read_text("utf-8").splitlines()
    body = [line for line in seed[1:] if line.strip()][:8]
    assert parts.body.splitlines() == body
    assert parts.title == "Iran bombs U.S. bases in Iraq"
    assert parts.published == "2020-01-08"
    for chrome in ("Leave a Reply", "Show More", "Back to top", "AdBlock", "Related Articles", "cookies"):
        assert chrome not in parts.body


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta property="article:published_time" content="2019-05-02T10:00:00Z">', "2019-05-02"),
        ('<meta name="date" content="2018-11-30">', "2018-11-30"),
        ("", None),
        ('<meta name="copyright" content="2021">', None),
    ],
)
def test_find_page_date_only_when_stated(head: str, expected: str | None) -> None:
    assert find_page_date(page(head)) == expected
    assert extract_html(page(head)).published == expected


def test_page_date_not_guessed_from_text() -> None:
    body = f"<p>{PARAGRAPH}</p><p>Talks were first held on 3 March 2015 and again in 2017.</p><footer>© 2024</footer>"
    assert extract_html(page(body=body)).published is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (f'<div class="date">{dt.date.today():%B %d, %Y}</div>', None),
        (f'<div class="date">{dt.date.today():%B %d, %Y}</div><time datetime="2019-04-02">April 2, 2019</time>',
         "2019-04-02"),
    ],
)
def test_todays_date_in_page_header_is_never_the_publication_date(header: str, expected: str | None) -> None:
    assert extract_html(page(body=header + f"<p>{PARAGRAPH}</p>" * 3)).published == expected


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Iran bombs U.S. bases in Iraq | World News", "World News", "Iran bombs U.S. bases in Iraq"),
        ("Example Times - Talks resume in Geneva", "Example Times", "Talks resume in Geneva"),
        ("Talks resume - but slowly", None, "Talks resume - but slowly"),
        ("  Talks   resume ", None, "Talks resume"),
        (None, "Site", None),
    ],
)
def test_clean_title(title: str | None, site: str | None, expected: str | None) -> None:
    assert clean_title(title, site) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Iran fired missiles.</p><p>Two bases were hit.</p>", "Iran fired missiles.\nTwo bases were hit."),
        ("<p>Text<br>next line</p><script>var x = 1;</script>", "Text\nnext line"),
        ("Only words, no tags.", "Only words, no tags."),
    ],
)
def test_fragment_text(html: str, expected: str) -> None:
    assert fragment_text(html) == expected


def test_short_fragment_still_gives_text() -> None:
    parts = extract_html(f"<p>{PARAGRAPH}</p>")
    assert parts.body == PARAGRAPH


def test_user_comments_are_not_article_text() -> None:
    body = (f"<h1>Talks resume in Geneva</h1><p>{PARAGRAPH}</p>"
            "<p>A second round is planned for April in Vienna, the ministry said in a statement.</p>")
    comments = ('<section id="comments" class="comments"><h3>3 Comments</h3><ol class="comment-list">'
                '<li class="comment"><div class="comment-author">JohnD</div><div class="comment-content">'
                "<p>This ceasefire will never hold, mark my words, they have broken every one before.</p>"
                "</div></li></ol></section>")
    html = page(body=body).replace("</article>", "</article>" + comments)
    text = extract_html(html).body
    assert "A second round is planned" in text and PARAGRAPH in text
    assert "never hold" not in text and "Comments" not in text


def test_parser_crash_becomes_no_main_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    from eventwire.errors import NoMainText

    def crash(*args: object, **kwargs: object) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "extract", crash)
    with pytest.raises(NoMainText, match="EW106 HTML extraction failed: RecursionError"):
        extract_html(page())


@pytest.mark.parametrize(
    ("html", "max_depth", "expected"),
    [
        ("<div>" * 3 + "Iran" + "</div>" * 3, 1, "<div>Iran</div>"),
        ("<div><span><b>Iran</b></span></div>", 2, "<div><span>Iran</span></div>"),
        ("<div>" * 4 + "Iran", 2, "<div><div>Iran"),  # never closed
        ("<p>One<p>Two<br><img src=x><li>Three</span></div>", 1, "<p>One<p>Two<br><img src=x><li>Three</span></div>"),
        ("<div><div>shallow</div></div>", 5, "<div><div>shallow</div></div>"),
    ],
)
def test_issue_16_flatten_deep_html(html: str, max_depth: int, expected: str) -> None:
    assert flatten_deep_html(html, max_depth) == expected


@pytest.mark.parametrize("closed", [True, False])
def test_issue_16_deeply_nested_page_keeps_its_text(closed: bool) -> None:
    depth = 100_000
    paragraphs = [PARAGRAPH, "Both sides agreed to meet again in April, after the holiday.",
                  "The talks were the first since the ceasefire was signed in the capital."]
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    html = page(body="<div>" * depth + body + ("</div>" * depth if closed else ""))
    parts = extract_html(html)
    assert parts.body.splitlines() == paragraphs
    assert parts.title == "Talks in Geneva"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<html>", ""),  # lxml asserted one <body> and raised AssertionError (found by fuzzing)
        ("<html><body><p>Iran fired.</p>", "Iran fired."),
        ("<br>\x1f", ""),  # control characters made lxml raise ValueError (found by fuzzing)
        ("<p>Iran\x00 fired.</p><p>Bases\ud800 hit.</p>", "Iran fired.\nBases hit."),
    ],
)
def test_issue_16_fragment_text_of_odd_markup(html: str, expected: str) -> None:
    assert fragment_text(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Iran <b>fired</b>.</p><script>var x = 1;</script>", len("Iranfired.")),
        ("a<SCRIPT>b</script >c<!-- d -->e<style>p {}</style>", 3),
        ("<script>" * 100_000, 0),  # never closed: the rest is script, read once
        ("text <" * 1_000, 5_000),  # a "<" with no ">" is text
    ],
)
def test_issue_16_count_text_chars(html: str, expected: int) -> None:
    assert count_text_chars(html) == expected


NOTICE = ("This copy is for your personal, non-commercial use only. To order presentation-ready copies for "
          "distribution to your colleagues, clients or customers visit the reprints desk.\n"
          "https://news.example.org/articles/port-strike-ends-123")


@pytest.mark.parametrize(("precise", "default", "expected"), [
    # precision mode kept a reprint notice and dropped the body it took for a paywall
    (NOTICE, NOTICE + "\n" + PARAGRAPH * 12, "default"),
    ("x" * (MIN_PRECISE_CHARS - 1), "x" * MIN_PRECISE_CHARS, "default"),  # too short to be an article
    # the precise text is most of the default one: the default only adds chrome
    (PARAGRAPH * 3, "Share this article\n" + PARAGRAPH * 3 + "\nRead more", "precise"),
    (PARAGRAPH * 2, PARAGRAPH * 5, "precise"),  # 0.4 of it: a body, not a notice
    (NOTICE, "", "precise"),  # nothing better to take
])
def test_choose_body_takes_default_text_only_for_a_notice_or_a_stub(precise: str, default: str, expected: str) -> None:
    assert choose_body(precise, default) == (precise if expected == "precise" else default)
