"""The example article, end to end, from each input form: the acceptance case of issue 2.

What must come out is written by hand in shared/seed/expected.md; these tests check it.
"""

from __future__ import annotations

import json

import pytest

import eventwire
from eventwire.ingest import read_sources
from eventwire.model import Article
from eventwire.pipeline import process

CHROME = (
    "Show More",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Back to top button",
    "Your browser could not load this page, use Chrome browser or disable AdBlock",
)


@pytest.fixture(scope="module")
def seed_text(fixtures) -> str:
    return (fixtures / "iran_bases_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def from_text(seed_text) -> Article:
    return eventwire.extract(seed_text, published="2020-01-08")


@pytest.fixture(scope="module")
def from_html(fixtures, ctx) -> Article:
    return _only_article(process(read_sources([str(fixtures / "iran_bases_article.html")]), ctx))


@pytest.fixture(scope="module")
def from_jsonl(fixtures, ctx) -> Article:
    return _only_article(process(read_sources([str(fixtures / "iran_bases_article.jsonl")]), ctx))


def _only_article(items) -> Article:
    items = list(items)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def asserted(article: Article, event_type: str, source: str, target: str):
    return [
        event for event in article.events
        if event.type == event_type and event.happened
        and source in {a.country for a in event.sources} and target in {a.country for a in event.targets}
    ]


def test_chrome_lines_are_dropped_and_body_lines_kept(seed_text, from_text):
    assert set(from_text.removed_lines) == set(CHROME)
    for line in seed_text.splitlines():
        if line.strip() and line.strip() not in CHROME:
            assert line.strip() in from_text.text
    for line in CHROME:
        assert line not in from_text.text


@pytest.mark.parametrize("form", ["from_text", "from_html", "from_jsonl"])
def test_required_events(form, request):
    article: Article = request.getfixturevalue(form)
    strikes = asserted(article, "ASSAULT", "IRN", "USA")
    assert len(strikes) == 1, [e.trigger for e in strikes]
    strike = strikes[0]
    assert "MIL" in {a.sector for a in strike.targets}
    assert strike.place is not None and strike.place.country == "IRQ"
    assert len(strike.mentions) >= 3  # headline, "retaliated", "firing", "launched", ...
    iranian_attacks = [e for e in article.events if e.happened and e.type == "ASSAULT"
                       and "IRN" in {a.country for a in e.sources}]
    assert iranian_attacks == [strike], "the strike is coded once, whatever its mentions name as targets"
    assert asserted(article, "ASSAULT", "USA", "IRN"), "assassination of Soleimani"
    assert asserted(article, "THREATEN", "IRN", "ISR")
    assert asserted(article, "REQUEST", "IRN", "USA")


@pytest.mark.parametrize("form", ["from_text", "from_html", "from_jsonl"])
def test_no_attack_or_threat_from_zarifs_negated_statement(form, request):
    article: Article = request.getfixturevalue(form)
    for event in article.events:
        if event.type in ("ASSAULT", "THREATEN"):
            for mention in event.mentions:
                sentence = article.sentences[mention.sentence].text
                assert "escalation" not in sentence, (event.type, sentence)


def test_every_record_points_at_its_evidence(from_text):
    text = from_text.text
    records = [*from_text.actors, *from_text.places, *from_text.times, *from_text.quotes, *from_text.events]
    assert records
    for record in records:
        evidence = record.evidence
        sentence = from_text.sentences[evidence.sentence]
        assert sentence.start <= evidence.start < evidence.end <= sentence.end or record in from_text.quotes
        assert evidence.coder
    for event in from_text.events:
        assert text[event.evidence.start:event.evidence.end] in event.trigger


def test_article_serialises_to_json(from_text):
    data = json.loads(json.dumps(from_text.to_dict()))
    assert data["published"] == "2020-01-08"
    assert "doc" not in data
    assert {"type", "sources", "targets", "modality", "mentions"} <= set(data["events"][0])


def test_api_extract_takes_html_and_a_url(fixtures):
    html = (fixtures / "iran_bases_article.html").read_text(encoding="utf-8")
    article = eventwire.extract(html, url="https://example.org/iran-bases")
    assert article.url == "https://example.org/iran-bases"
    assert "Ain al-Assad" in article.text
    assert "Leave a Reply" not in article.text


def test_quotes_link_to_the_events_they_report(from_text):
    threat = next(q for q in from_text.quotes if "strike Israel" in q.content)
    assert threat.speaker_actor is not None and threat.speaker_actor.code == "IRNMIL"
    assert "ASSAULT" in {from_text.events[i].type for i in threat.events}
    calm = next(q for q in from_text.quotes if "not looking for escalation" in q.content)
    assert calm.speaker == "Mohammad Javad Zarif" and not calm.events
