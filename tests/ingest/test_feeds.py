"""RSS and Atom feeds: one document per entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.extract import to_article
from eventwire.ingest import read_feed, read_sources
from eventwire.model import Document, Failure
from eventwire.options import Options

INGEST = Path(__file__).parent.parent / "fixtures" / "ingest"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("news.rss", [
            ("#wire-2021-0001", "Talks resume in Geneva", "https://wire.example.org/world/talks-resume-in-geneva",
             "2021-03-15"),
            ("#https://wire.example.org/world/flood-waters-recede", "Flood waters recede in the delta",
             "https://wire.example.org/world/flood-waters-recede", "2021-03-16"),
        ]),
        ("news.atom", [
            ("#urn:example:wire:2021-0103", "Parliament passes budget after long debate",
             "https://wire.example.org/politics/budget-passes", "2021-03-17"),
            ("#urn:example:wire:2021-0104", "Minister resigns over procurement row",
             "https://wire.example.org/politics/minister-resigns", "2021-03-18"),
        ]),
    ],
)
def test_read_feed_entries(name: str, expected: list[tuple[str, str, str, str]]) -> None:
    path = INGEST / name
    documents = [item for item in read_sources([str(path)]) if isinstance(item, Document)]
    assert [(d.source, d.title, d.url, d.published) for d in documents] == [
        (f"{path}{anchor}", title, url, date) for anchor, title, url, date in expected
    ]


@pytest.mark.parametrize(
    ("name", "index", "starts"),
    [
        ("news.rss", 0, "Talks resume in Geneva\n\nThe foreign ministers of the two countries met in Geneva"),
        ("news.rss", 1, "Flood waters recede in the delta\n\nFlood waters began to recede"),
        ("news.atom", 0, "Parliament passes budget after long debate\n\nParliament passed the budget"),
        ("news.atom", 1, "Minister resigns over procurement row\n\nThe health minister resigned"),
    ],
)
def test_feed_entries_become_articles(name: str, index: int, starts: str) -> None:
    documents = [item for item in read_sources([str(INGEST / name)]) if isinstance(item, Document)]
    assert to_article(documents[index], Options()).text.startswith(starts)


def test_rss_entry_without_content_is_a_failure() -> None:
    failures = [item for item in read_sources([str(INGEST / "news.rss")]) if isinstance(item, Failure)]
    assert [(f.source, f.code) for f in failures] == [
        (f"{INGEST / 'news.rss'}#https://wire.example.org/world/empty", "EW201")]


@pytest.mark.parametrize("data", [b"<?xml version='1.0'?><catalog><book/></catalog>", b"not xml at all"])
def test_not_a_feed(data: bytes) -> None:
    items = list(read_feed(data, "x.xml"))
    assert len(items) == 1 and isinstance(items[0], Failure) and items[0].code == "EW201"


@pytest.mark.parametrize(
    "reference",
    ["&#x110000;", "&#xD800;", "&#99999999999;"],
    ids=["beyond-U+10FFFF", "lone-surrogate", "overflow"],
)
def test_issue_16_feed_with_bad_character_reference_is_a_failure(tmp_path: Path, reference: str) -> None:
    feed = tmp_path / "a_bad.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>'
        f"<title>Talks {reference}</title><link>https://wire.example.org/1</link>"
        "<description>The foreign ministers met in Geneva on Monday.</description>"
        "</item></channel></rss>",
        encoding="utf-8",
    )
    good = tmp_path / "b_good.txt"
    good.write_text("Talks resume in Geneva\n\nThe foreign ministers met in Geneva.", encoding="utf-8")
    failure, document = read_sources([str(tmp_path)])
    assert isinstance(failure, Failure) and failure.source == str(feed) and failure.code == "EW201"
    assert failure.reason.startswith(f"{feed}: cannot parse feed: ") and "\n" not in failure.reason
    assert isinstance(document, Document) and document.source == str(good)
