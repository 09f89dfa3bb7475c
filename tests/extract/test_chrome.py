"""Page-chrome lines dropped from scraped plain text; body lines always kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.extract.chrome import is_chrome, remove_chrome
from eventwire.extract.text import split_lines

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED_CHROME = (
    "Show More",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Back to top button",
    "Your browser could not load this page, use Chrome browser or disable AdBlock",
)
BODY = ("The ministry said on Monday that the talks in Geneva would resume next week, "
        "after a pause of almost two months.")


@pytest.mark.parametrize(
    "line",
    [
        *SEED_CHROME,
        "Leave a comment",
        "Cancel reply",
        "12 Comments",
        "Save my name, email, and website in this browser for the next time I comment.",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "Follow us on Twitter",
        "Subscribe to our newsletter for the latest updates",
        "Sign up for free",
        "We use cookies to give you the best experience on our site.",
        "Accept all cookies",
        "Related Articles",
        "You may also like:",
        "Advertisement",
        "Story continues below advertisement",
        "© 2020 The Daily Wire Desk. All rights reserved.",
        "Copyright 2021 Example Media Ltd",
        "Read more",
        "Read the full story »",
        "Continue reading...",
        "Home » World » Middle East",
        "Skip to content",
        "Please disable your ad blocker to continue",
        "Please enable JavaScript to view the comments",
        # issue 16: script-only pages say no more than these
        "You need to enable JavaScript to run this app.",
        "JavaScript is disabled in your browser.",
        "This site requires JavaScript to work properly.",
        "Please use a JavaScript-enabled browser",
        "Tags: Iran, Iraq, United States",
        "Updated: 8 January 2020, 10:42 GMT",
        # issue 12: chrome of saved pages of the extraction benchmark's tune half
        "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019",
        "Protesters have worn masks to protect their identities (Image: GETTY )",
        "SEE MORE: Hong Kong protests: 800 students under siege in university",
        "DON'T MISS",
        "Related Links",
        "Facebook Twitter Google+ Whatsapp",
        "Photo by Jason Kempin/Getty Images",
        "Photograph: Tim Robberts/Getty Images",
        "New York State Sex Offender Registry via AP",
        "In this Dec. 12, 2006, file photo, the skyline is seen from the harbour.",
        "Image copyright Getty Images Image caption Protesters gathered outside parliament",
        "© Provided by The Independent A man walks past a closed shop",
        "Stay up to date with Ascom. Subscribe to our newsletter.",
        "We may earn a commission from links on this page.",
        "20 Nov 2019 08:00 GMT",
        "Nov. 18, 2019 7:04 pm ET",
        "Wednesday, 20th November 2019",
        "1 of 4 A shopper looks at extension cords at a hardware store, Tuesday, Nov. 19, 2019.",
        "More:",
        "Related: 7 Strange Signs You're Having an Allergic Reaction",
        "Roughly 13,000 US troops remain in Afghanistan, 18 years after the invasion [File: Reuters]",
        "Get breaking science news on monster snakes and more! (Image credit: Future plc)",
    ],
)
def test_is_chrome(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "Iran bombs U.S. bases in Iraq",
        "Copyright infringement claims against the platform rose sharply last year, regulators said.",
        "Share prices fell in Tokyo after the announcement.",
        "Read more about the history of the dispute in our explainer, the editor wrote.",
        "Comments by the president drew criticism from allies.",
        "Related talks will take place in Vienna.",
        "Published by the ministry, the report lists 42 incidents.",
        "Home-grown militias have expanded their influence in the province.",
        "The company said it uses cookies and tracking tools, which regulators are investigating.",
        "Developers must enable JavaScript in the new browser, the company said.",
        "The photographs (images of the border crossing) were published on Monday.",
        "Don't miss the point: the talks failed, the minister said.",
        "Photos by the agency showed the damage to the runway.",
        "The opposition urged voters to sign up before Friday's deadline.",
        "Subscribers to the service were told of the breach on Tuesday.",
        "The file photos were released by the court on Monday.",
        "12 of 15 members voted against the bill.",
        "On Nov. 18, 2019, the army withdrew from the town.",
        "More: the talks failed, the minister said.",
        "Related: Iran said it would retaliate.",
        "The court cited the earlier ruling [file: 2019/44] in its decision.",
    ],
)
def test_is_not_chrome(line: str) -> None:
    assert not is_chrome(line)


def test_seed_article_loses_exactly_its_chrome() -> None:
    lines = split_lines((FIXTURES / "iran_bases_article.txt").read_text("utf-8"))
    split = remove_chrome(lines)
    assert split.removed == SEED_CHROME
    body = [line for line in lines if line and line not in SEED_CHROME]
    assert [line for line in split.kept if line] == body


@pytest.mark.parametrize(
    ("lines", "removed"),
    [
        # trailing short, unpunctuated lines after the last body paragraph
        (["Talks resume in Geneva", BODY, "", "Middle East", "World News Today"],
         ("Middle East", "World News Today")),
        # chrome inside the body and a trailing widget
        (["Talks resume in Geneva", BODY, "Advertisement", BODY, "Share", "Most Popular"],
         ("Advertisement", "Share", "Most Popular")),
        # chrome before the headline goes; the headline stays
        (["Skip to content", "Home » World » Middle East", "Talks resume in Geneva", BODY],
         ("Skip to content", "Home » World » Middle East")),
        # when every line is chrome, the first one is kept
        (["Read more", "", "Share"], ("Share",)),
        # a fact box with figures after the body is kept
        (["Storm hits coast", BODY, "Dead: 12", "Injured: 40"], ()),
        # a long final line without a full stop is body, and protects what comes before it
        (["Talks resume in Geneva", BODY, "Officials from both sides met for three hours in the old city hall"],
         ()),
    ],
)
def test_remove_chrome_variants(lines: list[str], removed: tuple[str, ...]) -> None:
    split = remove_chrome(lines)
    assert split.removed == removed
    assert [line for line in lines if line not in removed] == list(split.kept)


def test_trailing_heuristic_is_off_without_sentence_punctuation() -> None:
    unpunctuated = ["Rwanda opposition says it is hindered",
                    "Critics say the ruling party is hindering the opposition in the country",
                    "The party denies the accusations made by several groups this week",
                    "His cabinet includes four female members"]
    assert remove_chrome(unpunctuated).removed == ()


SAVED_PAGE_MENU = ["Skip to main content", "Home", "World", "Middle East", "Business", "Sport", "Sign in",
                   "Subscribe for $1 a week", "Search", "Currently Reading", "Edition: International"]
SAVED_PAGE_HEADLINE = "Iran fires missiles at two Iraqi bases housing U.S. troops"
SAVED_PAGE_BODY = [
    "Iran fired more than a dozen ballistic missiles at two bases in Iraq that house American troops "
    "early on Wednesday, the Pentagon said, in retaliation for the killing of a top Iranian general.",
    "The missiles struck the Ain al-Asad air base in Anbar province and a base in Erbil, officials said.",
    "Key points",
    "There was no immediate word on casualties, and the Iraqi military said none of its forces were hurt.",
    "Iran's foreign minister said on Twitter that his country had taken proportionate measures in self-defence.",
]
SAVED_PAGE_FOOTER = ["More from World", "Terms of use", "Privacy policy", "Cookie settings", "Contact us",
                     "About us", "Careers", "Advertise", "© 2020 The Daily Example", "Follow us"]


def test_a_saved_page_keeps_its_main_text_and_headline() -> None:
    """A page saved as text, with its menus and footer: the lines around the densest run of
    prose go, and so do the byline and date between headline and text (page furniture, not
    text); a short line inside the body ("Key points") stays, the headline is found."""
    byline = ["By Jane Doe", "8 January 2020"]
    lines = SAVED_PAGE_MENU + [SAVED_PAGE_HEADLINE, *byline] + SAVED_PAGE_BODY + SAVED_PAGE_FOOTER
    split = remove_chrome(lines)
    assert [line for line in split.kept if line] == [SAVED_PAGE_HEADLINE, *SAVED_PAGE_BODY]
    assert set(split.removed) == set(SAVED_PAGE_MENU + byline + SAVED_PAGE_FOOTER)


def test_the_main_text_heuristic_can_be_turned_off() -> None:
    lines = SAVED_PAGE_MENU + [SAVED_PAGE_HEADLINE] + SAVED_PAGE_BODY + SAVED_PAGE_FOOTER
    kept = remove_chrome(lines, find_main_text=False).kept
    assert "Home" in kept and "Sign in" in kept


def test_a_clean_article_loses_no_line_to_the_main_text_heuristic() -> None:
    """An article without chrome: its short first and last lines are headline and ending."""
    lines = [SAVED_PAGE_HEADLINE, *SAVED_PAGE_BODY * 3, "He said the talks would go on"]
    assert remove_chrome(lines).removed == ()
