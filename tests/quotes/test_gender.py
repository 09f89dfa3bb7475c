"""Gender cues read from the article itself: honorifics, gendered nouns, first names, following pronouns."""

from __future__ import annotations

import pytest

from eventwire.context import Context
from eventwire.quotes.gender import gender_of, infer_genders


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Ms. Ruth Adler resigned on Monday. She gave no reason.", "Ruth Adler", "female"),
        ("Mr. Tomas Varga left the room.", "Tomas Varga", "male"),
        ("Peter Lind arrived late and he apologised.", "Lind", "male"),
        ("The spokeswoman, Clara Dunn, refused to comment.", "Clara Dunn", "female"),
        ("Sam Quill voted against the bill.", "Sam Quill", None),
        ("Angela Merkel spoke after the summit.", "Angela Merkel", "female"),
        ("Italian Prime Minister Matteo Renzi said so.", "Renzi", "male"),
        # a first name of both genders says nothing
        ("Jordan Pike spoke after the summit.", "Jordan Pike", None),
        # a one-word name that is a surname in the text is not read as a first name
        ("Elizabeth Warren spoke. Warren left.", "Warren", "female"),
    ],
)
def test_infer_genders(ctx: Context, text: str, name: str, expected: str | None) -> None:
    genders = infer_genders(ctx.nlp(text), frozenset())
    assert gender_of(genders, name) == expected


def test_pronoun_after_another_person_is_not_counted(ctx: Context) -> None:
    genders = infer_genders(ctx.nlp("Robin Berg met Kiran Holm. She smiled."), frozenset())
    assert gender_of(genders, "Robin Berg") is None
    assert gender_of(genders, "Kiran Holm") == "female"
