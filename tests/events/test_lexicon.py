import pytest

from eventwire.events.lexicon import lemmas, load_lexicon


def plover_types() -> set[str]:
    return {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }


def test_lexicon_covers_all_sixteen_plover_types():
    lexicon = load_lexicon()
    covered = {t.plover for rows in lexicon.triggers.values() for t in rows}
    assert covered == plover_types()


def test_every_trigger_has_a_goldstein_score_and_known_type():
    for rows in load_lexicon().triggers.values():
        for trigger in rows:
            assert trigger.goldstein is not None, trigger
            assert -10.0 <= trigger.goldstein <= 10.0
            assert trigger.plover in plover_types(), trigger


def test_object_conditions_name_existing_word_lists():
    lexicon = load_lexicon()
    for rows in lexicon.triggers.values():
        for trigger in rows:
            if trigger.object_list:
                assert lexicon.word_lists[trigger.object_list], trigger


def test_conditioned_reading_comes_before_the_plain_one():
    strike = load_lexicon().candidates("strike", "NOUN")
    assert [t.plover for t in strike] == ["PROTEST", "PROTEST", "ASSAULT"]
    assert strike[0].with_word == "on" and strike[1].object_list == "labour_strikes"


def test_an_excluded_object_list_reverses_the_condition():
    release = load_lexicon().candidates("release", "VERB")[0]
    assert release.object_list == "publications" and release.object_excluded
    assert release.object_holds(False) and not release.object_holds(True)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Soldiers raped a woman.", "raped", "rape"),          # spaCy's rules give "rap"
        ("Workers staged a protest.", "staged", "stage"),      # and "stag"
        ("A shoot-out took place.", "out", "shoot-out"),       # split by the tokenizer
        ("Workers held sit-ins.", "ins", "sit-in"),
        ("Rebels attacked the town.", "attacked", "attack"),
    ],
)
def test_lemmas_include_the_word_the_trigger_table_names(nlp, text, word, expected):
    token = next(token for token in nlp(text) if token.text == word)
    assert expected in lemmas(token)
