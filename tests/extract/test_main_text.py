"""The main text of a page saved as plain text: line classes, densest run, headline."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.extract import to_article
from eventwire.extract.main_text import Kind, describe_lines, locate_main_text
from eventwire.model import Document
from eventwire.options import Options

HEADLINE = "Iran fires missiles at two Iraqi bases housing U.S. troops"
BODY = (
    "Iran fired more than a dozen ballistic missiles at two bases in Iraq that house American troops "
    "early on Wednesday, the Pentagon said, in retaliation for the killing of a top Iranian general.",
    "The missiles struck the Ain al-Asad air base in Anbar province and a base in Erbil, officials said.",
    "Damage assessment",
    "There was no immediate word on casualties, and the Iraqi military said none of its forces were hurt.",
    "Iran's foreign minister said on Twitter that his country had taken proportionate measures in self-defence.",
)
MENU = ("Skip to content", "Home", "World", "Middle East", "Business", "Sport", "Sign in", "Search")
COOKIES = "We use cookies to give you the best experience on our site. Accept all cookies"
TEASERS = (
    "Related Articles",
    "Oil prices jump after the strikes as traders weigh the risk of a wider war in the Gulf",
    "Analysis: what the general's killing means for the balance of power across the region",
    "Five things to know about the bases that were hit and the troops stationed there",
)
FOOTER = ("Terms of use", "Privacy policy", "Contact us", "© 2020 The Daily Example", "Follow us")
MARKDOWN_MENU = tuple(f"* [{item}](https://news.example.org/{item.lower().replace(' ', '-')}/)"
                      for item in ("Home", "World", "Middle East", "Business", "Sport", "Opinion"))
MARKDOWN_TEASERS = tuple(f"* [{teaser}](https://news.example.org/story-{n}/)" for n, teaser in enumerate(TEASERS[1:]))


def saved_page() -> list[str]:
    """A page as a browser saves it as text: menu, title bar, byline, body, teasers, footer."""
    return [*MENU, "Daily Example | World news", COOKIES, HEADLINE, "By Jane Doe", "8 January 2020", *BODY,
            *TEASERS, *FOOTER, *MENU]


def markdown_page() -> list[str]:
    """The same page saved by html2text: links, images, a heading and a quote in the body."""
    return [*MARKDOWN_MENU, "![](https://news.example.org/pixel.gif)", COOKIES, f"# {HEADLINE}",
            "By [Jane Doe](https://news.example.org/jane-doe/)", BODY[0],
            "![The base at Ain al-Asad](https://news.example.org/base.jpg)", *BODY[1:3],
            f"> {BODY[3]}", f"{BODY[4][:-1]}, [the agency reported](https://agency.example.com/x).",
            "## Related Articles", *MARKDOWN_TEASERS, *MARKDOWN_MENU]


def test_issue_12_a_saved_page_keeps_its_prose_and_loses_its_chrome() -> None:
    article = to_article(Document("page.txt", "\n\n".join(saved_page())), Options())
    assert article.title == HEADLINE
    assert article.text == "\n\n".join([HEADLINE, *BODY])
    for chrome in (*MENU, COOKIES, *TEASERS, *FOOTER, "By Jane Doe"):
        assert chrome in article.removed_lines


def test_issue_12_a_page_saved_as_markdown_reads_as_its_visible_text() -> None:
    article = to_article(Document("page.md", "\n".join(markdown_page())), Options())
    assert article.title == HEADLINE
    body = [*BODY[:4], f"{BODY[4][:-1]}, the agency reported."]
    assert article.text == "\n\n".join([HEADLINE, *body])
    assert "https" not in article.text and "Oil prices" not in article.text


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("The ministry said on Monday that the talks in Geneva would resume next week, after a pause.", Kind.PROSE),
        # a teaser headline: prose words, but no sentence end and short of a paragraph
        (TEASERS[1], Kind.SHORT),
        ("Middle East", Kind.SHORT),
        ("Share on Facebook", Kind.CHROME),
        ("[Oil prices jump after the strikes](https://news.example.org/oil/)", Kind.CHROME),
        ("![](https://news.example.org/pixel.gif)", Kind.EMPTY),
        ("Dead: 12 | Injured: 40 | Missing: 7 | Displaced: 1,200 | Homes destroyed: 310 | Roads cut: 14.", Kind.SHORT),
    ],
)
def test_line_kinds(line: str, kind: Kind) -> None:
    context = [*BODY, line]  # the page's language comes from its text
    features = describe_lines(context, [line == "Share on Facebook" for line in context])
    assert features[-1].kind is kind


def test_a_repeated_line_is_no_evidence_of_main_text() -> None:
    """A ticker of story summaries shown at the top and the bottom: the article wins."""
    ticker = [f"Story {n} summary: the council said on Monday that the talks in the capital would resume, "
              f"officials told reporters at the ministry." for n in range(4)]
    lines = [*ticker, *MENU, HEADLINE, *BODY, *MENU, *ticker]
    found = locate_main_text(lines, set())
    assert found is not None
    assert [lines[i] for i in found.kept] == list(BODY)
    assert lines[found.headline] == HEADLINE


def test_a_short_text_is_left_to_the_other_rules() -> None:
    assert locate_main_text([HEADLINE, *BODY], set()) is None


def test_a_japanese_page_finds_its_prose_by_sentence_marks() -> None:
    body = ["先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで二十代の男性が逮捕されたというニュースを耳にしました。",
            "報道によると、今回販売されたのは、いわゆる「脱獄」したiPhoneで、正規の製品とは異なるものでした。",
            "脱獄とは、iPhoneの制限を解除することで、公式ストアにない非公式アプリを利用できるようになるとのことです。"]
    menu = ["ホーム", "商標登録の基礎知識", "サービスのご案内", "お客様の声", "料金表", "よくある質問", "お問い合わせ"]
    lines = [*menu, "商品の改造が商標法違反に！？", *body, *menu, "2019年11月 2019年4月 2019年1月 2018年8月 2018年5月 2017年12月 "
             "2017年8月 2017年4月 2017年3月 2017年2月 2017年1月 2016年12月 2016年11月 2016年10月 2016年9月"]
    found = locate_main_text(lines, set())
    assert found is not None
    assert [lines[i] for i in found.kept] == body
    assert lines[found.headline] == "商品の改造が商標法違反に！？"


# a wire story saved one sentence a line with the final full stops dropped (as VOA's pages are
# in the m2e2 corpus): one line ends in a stop, inside a quote, and one is shorter than a headline
STOPLESS = tuple((Path(__file__).parents[1] / "fixtures" / "stopless_story.txt").read_text(encoding="utf-8").splitlines())


def test_issue_12_a_story_saved_without_final_stops_keeps_every_line() -> None:
    lines = [*STOPLESS, "Related", "Share"]
    article = to_article(Document("story.txt", "\n".join(lines)), Options())
    assert article.text == "\n\n".join(STOPLESS)


# teaser headlines of a headline's length (under OPEN_MIN_WORDS words)
HEADLINES = tuple(f"{headline} in {city}" for headline in (
    "Oil prices jump as traders weigh the risk of war",
    "Five things to know about the bases that were hit",
    "Analysis: what the killing means for the region",
) for city in ("Tehran", "Baghdad", "Doha", "Riyadh"))


def test_issue_12_a_saved_page_without_final_stops_still_loses_its_chrome() -> None:
    """Teaser headlines end without a stop too, but are shorter than the sentences of a story."""
    page = [*MENU, COOKIES, HEADLINE, "By Jane Doe", *STOPLESS, "Related Articles", *HEADLINES, *FOOTER, *MENU]
    article = to_article(Document("page.txt", "\n".join(page)), Options())
    assert article.text == "\n\n".join([HEADLINE, *STOPLESS])
    for chrome in (*MENU, *HEADLINES, *FOOTER, "By Jane Doe"):
        assert chrome in article.removed_lines


def test_teaser_headlines_without_stops_are_not_a_story_without_stops() -> None:
    """A page of headlines keeps asking prose lines to end like a sentence."""
    features = describe_lines([*BODY, *HEADLINES], [False] * (len(BODY) + len(HEADLINES)))
    assert not any(feature.open_lines for feature in features)
    assert all(feature.kind is Kind.SHORT for feature in features[len(BODY):])
