"""Quote attribution on sentences written for these tests and on the seed article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.context import Context
from eventwire.model import Actor, Article, Evidence
from eventwire.nlp.parse import attach_doc
from eventwire.quotes.attribution import extract_quotes
from eventwire.registry import get_coder

SEED = Path(__file__).parent.parent / "fixtures" / "iran_bases_article.txt"


def _find(article: Article, fragment: str):
    matches = [quote for quote in article.quotes if fragment in quote.content]
    assert matches, f"no quote containing {fragment!r} in {[q.content for q in article.quotes]}"
    return matches[0]


@pytest.mark.parametrize(
    ("text", "fragment", "speaker", "direct"),
    [
        ("“We will rebuild the bridge by spring,” Mayor Anna Berg said on Monday.",
         "We will rebuild the bridge by spring", "Mayor Anna Berg", True),
        ('"The harbour will stay closed for a week," said Paul Okafor, the port director.',
         "The harbour will stay closed for a week", "Paul Okafor", True),
        ("‘The talks have failed completely,’ the minister of trade warned.",
         "The talks have failed completely", "minister of trade", True),
        ("Chancellor Olaf Weber told reporters: «Nous ne céderons pas aux menaces des voisins.»",
         "Nous ne céderons pas aux menaces des voisins.", "Chancellor Olaf Weber", True),
        ("Senator Maria Lopez tweeted that the budget deal was dead.",
         "the budget deal was dead", "Senator Maria Lopez", False),
        ("The general explained that the troops would leave the border region next week.",
         "the troops would leave the border region next week", "general", False),
        ("Officials said the storm had passed, and the port would reopen on Monday.",
         "the storm had passed, and the port would reopen on Monday", "Officials", False),
        ("The union warned that a strike would shut every port in the country.",
         "a strike would shut every port in the country", "union", False),
        ("According to the health ministry, forty people were injured in the blast.",
         "forty people were injured in the blast", "health ministry", False),
        ("Forty people were injured in the blast, according to local officials.",
         "Forty people were injured in the blast", "local officials", False),
        ("The rebels said they had “liberated” the town after a week of fighting.",
         "“liberated”", "rebels", True),
        ("“The lines are open again,” Karl Brandt, a top engineer at the phone company, said on Thursday.",
         "The lines are open again", "Karl Brandt", True),
        ("Spokeswoman Jessica Ditto said via email that, “Of course the mayor is going to defend himself” "
         "against the attacks.", "that, “Of course the mayor is going to defend himself” against the attacks",
         "Spokeswoman Jessica Ditto", True),
        ("Although he had promised to cut taxes for farmers, Governor Tom Reyes raised them on Monday.",
         "cut taxes for farmers", "Governor Tom Reyes", False),
        ("The report was published by the audit office. It said that spending had doubled since 2010.",
         "spending had doubled since 2010", "report", False),
        ("''We have shown the world what we can do,'' Mr. Obama said.",
         "We have shown the world what we can do", "Mr. Obama", True),
        ("“I am so ashamed of this campaign.” ― Pamela Padilla",
         "I am so ashamed of this campaign.", "Pamela Padilla", True),
        ("“He makes blanket statements about people.”―\u00a0Sonya Herridge\n“I am so ashamed.” ― Ana Ruiz",
         "He makes blanket statements about people.", "Sonya Herridge", True),
        ('"PENCE: Well, look, we are ready to debate tonight.',
         "Well, look, we are ready to debate tonight.", "PENCE", True),
        ("Acts of protest, Mr. Obama said, are acts of patriotism.",
         "Acts of protest ... are acts of patriotism", "Mr. Obama", False),
        ("The senator called for an immediate ceasefire in the region.",
         "an immediate ceasefire in the region", "senator", False),
    ],
)
def test_attribution(quote_article: Callable[..., Article], text: str, fragment: str, speaker: str,
                     direct: bool) -> None:
    article = quote_article(text)
    quote = _find(article, fragment)
    assert quote.speaker == speaker
    assert quote.direct is direct
    assert quote.content == article.text[quote.content_start:quote.content_end] or " ... " in quote.content


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("The country’s leaders didn’t meet at the president’s palace.", "leaders"),
        ("Protesters carried signs reading “No war” through the city centre.", "No war"),
    ],
)
def test_no_attribution_without_speaker(quote_article: Callable[..., Article], text: str, fragment: str) -> None:
    assert not [quote for quote in quote_article(text).quotes if fragment in quote.content]


@pytest.mark.parametrize(
    ("text", "pieces", "speaker"),
    [
        ("“The port is open,” said Paul Okafor. “Ships can dock again from tomorrow.”",
         ["The port is open", "Ships can dock again from tomorrow."], "Paul Okafor"),
        ("“The first part of my statement runs to the end of this paragraph,” Anna Berg said.\n\n"
         "“It is still my statement here.”",
         ["The first part of my statement runs to the end of this paragraph"], "Anna Berg"),
    ],
)
def test_quote_continued_after_attribution(quote_article: Callable[..., Article], text: str,
                                           pieces: list[str], speaker: str) -> None:
    quote = _find(quote_article(text), pieces[0])
    assert quote.speaker == speaker
    assert all(piece in quote.content for piece in pieces)


def test_quote_running_over_paragraphs(quote_article: Callable[..., Article]) -> None:
    text = ("Mayor Anna Berg said:\n\n“The first paragraph of the speech has no closing mark.\n\n"
            "“The second paragraph ends it.”")
    quote = _find(quote_article(text), "The first paragraph of the speech")
    assert quote.speaker == "Mayor Anna Berg"
    assert "The second paragraph ends it." in quote.content


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("Finance minister Karl Jensen defended the budget on Tuesday. “We cannot spend money we "
         "do not have,” he said.\n\n“Every cut will fall on the poorest families in the country.”",
         "Every cut will fall", "Finance minister Karl Jensen"),
        ("Finance minister Karl Jensen defended the budget on Tuesday.\n\n"
         "“We cannot spend money we do not have.”", "We cannot spend money", "Finance minister Karl Jensen"),
    ],
)
def test_standalone_quote_takes_previous_speaker(quote_article: Callable[..., Article], text: str,
                                                 fragment: str, speaker: str) -> None:
    standalone = _find(quote_article(text), fragment)
    assert standalone.speaker == speaker
    assert standalone.cue is None


def test_standalone_quote_without_any_speaker_is_dropped(quote_article: Callable[..., Article]) -> None:
    text = "“Nobody expected this storm to be so strong.”\n\nThe storm hit the coast at night."
    assert quote_article(text).quotes == ()


def test_surname_and_pronoun_resolve_to_full_name_and_actor(quote_article: Callable[..., Article]) -> None:
    text = ("Prime Minister Lena Holm met the unions on Friday. Holm said that wages would rise. "
            "“Nobody will be left behind,” she added.")
    start = text.index("Lena Holm")
    holm = Actor("Lena Holm", "Lena Holm", "SWE", "GOV", "person",
                 Evidence(0, start, start + len("Lena Holm"), "actors.test", ""))
    article = quote_article(text, actors=(holm,))
    for fragment in ("wages would rise", "Nobody will be left behind"):
        quote = _find(article, fragment)
        assert quote.speaker == "Prime Minister Lena Holm"
        assert quote.speaker_actor == holm


SEED_QUOTES = [
    ("The damage and casualty assessment is underway. So far, everything is fine!", "US President Donald Trump"),
    ("We are not looking for escalation of war", "Mohammad Javad Zarif"),
    ("Ballistic missiles openly launched from Iran on American targets is a new phase", "Phillip Smyth"),
    ("According to various laws, we are supposed to be careful with their cultural heritage", "US President Donald Trump"),
    ("I like to respect the law.", "US President Donald Trump"),
    ("in order to avoid further casualties", "Iranian Revolutionary Guards"),
]


@pytest.mark.parametrize(("fragment", "speaker"), SEED_QUOTES)
def test_seed_article_quotes(quote_article: Callable[..., Article], fragment: str, speaker: str) -> None:
    article = quote_article(SEED.read_text(encoding="utf-8"))
    quote = _find(article, fragment)
    assert quote.speaker == speaker
    assert quote.direct
    assert article.text[quote.evidence.start:quote.evidence.end]
    assert quote.evidence.sentence == article.sentence_at(quote.evidence.start)


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        ("Ms. Ruth Adler chairs the committee. She said the hearing was over. Senator Tom Reyes "
         "disagreed with his colleagues. “We will keep going,” she said.", "We will keep going", "Ms. Ruth Adler"),
        ("Ms. Ruth Adler chairs the committee. She said the hearing was over. Senator Tom Reyes "
         "disagreed with his colleagues. “We will keep going,” he said.", "We will keep going", "Senator Tom Reyes"),
        # the gender of a first name ("Angela"), with no other cue
        ("Angela Berg chairs the committee. Tom Reyes disagreed. “We will keep going,” she said.",
         "We will keep going", "Angela Berg"),
        # a name in apposition to an object is not what "she" refers to
        ("Loretta Lynch spoke in Atlanta on Friday. She met the governor and his wife, Hillary Clinton, "
         "on her plane. “We will not be deterred,” she said.", "We will not be deterred", "Loretta Lynch"),
    ],
)
def test_pronoun_speaker_agrees_in_gender(quote_article: Callable[..., Article], text: str, fragment: str,
                                          speaker: str) -> None:
    assert _find(quote_article(text), fragment).speaker == speaker


@pytest.mark.parametrize(
    ("fragment", "code"),
    [
        ("The damage and casualty assessment is underway", "USAGOV"),
        ("We are not looking for escalation of war", "IRNGOV"),
        ("I like to respect the law.", "USAGOV"),
        ("in order to avoid further casualties", "IRNMIL"),
    ],
)
def test_seed_speakers_take_the_actors_stage_codes(ctx: Context, fragment: str, code: str) -> None:
    text = SEED.read_text(encoding="utf-8")
    article = attach_doc(Article(id="seed", text=text), ctx.nlp(text))
    article = extract_quotes(get_coder("actors", "rules.v1")(article, ctx), ctx)
    quote = _find(article, fragment)
    assert quote.speaker_actor is not None
    assert quote.speaker_actor.code == code
