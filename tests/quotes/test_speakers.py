"""Speakers (issue #12): pronouns and surnames resolve to the person's full name as the text
gives it; possessors, quoted words and clauses about others do not name the speaker."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Actor, Article, Evidence
from eventwire.quotes.gender import gender_of


def _find(article: Article, fragment: str):
    matches = [quote for quote in article.quotes if fragment in quote.content]
    assert matches, f"no quote containing {fragment!r} in {[q.content for q in article.quotes]}"
    return matches[0]


def _person(text: str, mention: str, name: str, country: str | None) -> Actor:
    start = text.index(mention)
    return Actor(mention, name, country, "GOV", "person",
                 Evidence(0, start, start + len(mention), "actors.test", ""))


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # a surname, then a pronoun: both are the full name the text gave first
        ("John Smith arrived in the city on Monday. Smith met the unions. “We will not give up,” he said.",
         "We will not give up", "John Smith"),
        # a person talked about in what someone said is not who "he" is
        ("Paul Reyes spoke on Monday. Reyes said Mark Olsen does not care about the budget. "
         "“It is only words,” he said.", "It is only words", "Paul Reyes"),
        # a female pronoun does not take the nearer male name
        ("Maria Lopez chairs the committee. Tom Reyes spoke after her. “We will keep going,” she said.",
         "We will keep going", "Maria Lopez"),
    ],
)
def test_pronoun_and_surname_resolve_to_the_first_full_name(quote_article: Callable[..., Article], text: str,
                                                            fragment: str, speaker: str) -> None:
    assert _find(quote_article(text), fragment).speaker == speaker


def test_issue_12_actor_named_by_surname_keeps_the_texts_full_name(quote_article: Callable[..., Article]) -> None:
    text = "Retired Lt. Gen. Michael Flynn said the army was tired. “We are not able to do our jobs,” Flynn said."
    flynn = _person(text, "Michael Flynn", "Flynn", "USA")
    quote = _find(quote_article(text, actors=(flynn,)), "We are not able to do our jobs")
    assert quote.speaker == "Retired Lt. Gen. Michael Flynn"  # as the text first gives him
    assert quote.speaker_actor is not None and quote.speaker_actor.country == "USA"


def test_issue_12_a_possessor_is_not_the_speaker(quote_article: Callable[..., Article]) -> None:
    text = "“My reaction was that it was outrageous,” Obama's former campaign strategist said in an interview."
    obama = _person(text, "Obama", "Barack Obama", "USA")
    quote = _find(quote_article(text, actors=(obama,)), "My reaction was that it was outrageous")
    assert quote.speaker is not None and quote.speaker.endswith("campaign strategist")
    assert quote.speaker_actor != obama


def test_issue_12_a_speaker_after_the_quote_is_not_a_noun_inside_it(quote_article: Callable[..., Article]) -> None:
    text = ("“There is a severe disconnect between this White House and frankly the president and our military,” "
            "Flynn, a top Trump surrogate, said Thursday morning on Fox News.")
    assert _find(quote_article(text), "There is a severe disconnect").speaker == "Flynn"


def test_issue_12_who_in_apposition_is_the_named_person(quote_article: Callable[..., Article]) -> None:
    text = ("Obama has had a frosty relationship with Mitch McConnell, now the Senate majority leader, "
            "who in 2010 said the most important goal was to make Obama a “one-term president.”")
    assert _find(quote_article(text), "one-term president").speaker == "Mitch McConnell"


def test_issue_12_a_mention_does_not_cut_a_name(quote_article: Callable[..., Article]) -> None:
    text = ("More than 100,000 people took part in a walk-in at more than 2,000 schools, "
            "according to the event organizer Alliance to Reclaim Our Schools.")
    quote = _find(quote_article(text), "100,000 people")
    assert quote.speaker is not None and quote.speaker.endswith("Alliance to Reclaim Our Schools")


def test_gender_of_a_hyphenated_surname() -> None:
    """ "Ban Ki-moon" is known by his last token, as `name_key` reads it."""
    assert gender_of({"moon": "male"}, "Ban Ki-moon") == "male"
    assert gender_of({"moon": "male"}, "Ban Ki-soo") is None
