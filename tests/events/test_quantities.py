import pytest

from eventwire.events.quantities import find_quantities, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["12"], 12),
        (["a", "dozen"], 12),
        (["3,000"], 3000),
        (["twenty-five"], 25),
        (["two", "hundred"], 200),
        (["at", "least", "40"], 40),
        (["several"], None),
    ],
)
def test_parse_number(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A dozen missiles were launched at the base.", {("weapons", 12)}),
        ("The raid killed 12 people and wounded 30 others.", {("dead", 12), ("injured", 30)}),
        ("At least 3,000 protesters gathered in the square.", {("crowd", 3000)}),
        ("Two soldiers were injured by a landmine.", {("injured", 2)}),
        ("Police arrested 40 people in 2019.", {("arrested", 40)}),
        ("The ministry opened in 2019.", set()),
    ],
)
def test_find_quantities(nlp, sentence, expected):
    doc = nlp(sentence)
    assert {(q.kind, q.value) for q in find_quantities(doc[:])} == expected


@pytest.mark.parametrize(
    ("sentence", "harm"),
    [
        ("The senator attacked the governor in a television interview.", False),
        ("Gunmen attacked the governor's convoy, killing two guards.", True),
        ("The governor was wounded when his convoy was attacked.", True),
    ],
)
def test_names_harm(nlp, sentence, harm):
    from eventwire.events.quantities import names_harm

    assert names_harm(nlp(sentence)[:]) is harm
