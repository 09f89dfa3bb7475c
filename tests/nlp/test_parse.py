"""Sentences and entities attached from the parse, with their character spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.context import Context
from eventwire.model import Article
from eventwire.nlp.parse import CODER, model_name, parse, sentence_spans, tokens_of_words, tokens_with_lemmas

ARTICLE = (Path(__file__).parent.parent / "fixtures" / "iran_bases_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context()


@pytest.mark.parametrize("text", [ARTICLE, "Headline\n\nMo\n\nPutin met Xi in Beijing.  \n\n", "A"])
def test_sentences_and_entities_are_the_spans_text_without_trailing_blanks(ctx, text) -> None:
    article = parse(Article(id="a", source="s", text=text), ctx)
    doc = article.doc
    spans = [span for span in doc.sents if span.text.strip()]
    assert [(s.index, s.start, s.end, s.text) for s in article.sentences] == [
        (i, span.start_char, span.start_char + len(span.text.rstrip()), span.text.rstrip())
        for i, span in enumerate(spans)]
    assert [(e.text, e.label, e.evidence.start, e.evidence.end) for e in article.entities] == [
        (ent.text.rstrip(), ent.label_, ent.start_char, ent.start_char + len(ent.text.rstrip())) for ent in doc.ents]
    assert all(text[s.start:s.end] == s.text for s in article.sentences)
    assert all(e.evidence.coder == CODER and e.evidence.data == model_name(ctx.nlp) for e in article.entities)


def test_model_name(ctx) -> None:
    meta = ctx.nlp.meta
    assert model_name(ctx.nlp) == f"{meta['lang']}_{meta['name']}-{meta['version']}"


@pytest.mark.parametrize(("text", "expected"), [
    # a headline glued to the dateline of a page dump, then the story: three sentences
    ("Kenyan Court Frees Somali Journalists-NAIROBI —\xa0-A court in Kenya freed two Somali journalists on "
     "Monday. They had been held for a week.",
     ["Kenyan Court Frees Somali Journalists-", "NAIROBI —\xa0-",
      "A court in Kenya freed two Somali journalists on Monday.", "They had been held for a week."]),
    # a dateline of several words stays one sentence
    ("ST. LOUIS, MO. — Voters lined up early on Tuesday.", ["ST. LOUIS, MO. —", "Voters lined up early on Tuesday."]),
    # capitals inside a sentence before a dash are no dateline
    ("Officials said the NATO — and EU — missions would end soon.",
     ["Officials said the NATO — and EU — missions would end soon."]),
])
def test_a_dateline_stands_alone(ctx, text, expected) -> None:
    article = parse(Article(id="a", source="s", text=text), ctx)
    assert [s.text for s in article.sentences] == expected


def test_a_hyphen_glued_to_a_word_is_split_off(ctx) -> None:
    # the paragraphs of a dump joined by a dash: the story's first word is read as a word
    doc = ctx.nlp("NAIROBI —\xa0-After a long meeting, the two leaders signed a deal.")
    after = next(token for token in doc if token.lower_ == "after")
    assert after.nbor(-1).text == "-" and after.pos_ == "ADP"
    # hyphens inside words and before numbers stay where they are
    assert [t.text for t in ctx.nlp.tokenizer("a -5 degree day")] == ["a", "-5", "degree", "day"]


@pytest.mark.parametrize("text", [ARTICLE, "One sentence only", "Headline\n\nFirst paragraph. Second sentence here.", ""])
def test_sentence_spans_are_the_docs_sentences(ctx, text) -> None:
    """Issue 13: the sentences read once from the sentence-start array are `doc.sents`."""
    doc = ctx.nlp(text)
    assert [(s.start, s.end) for s in sentence_spans(doc)] == [(s.start, s.end) for s in doc.sents]
    assert sentence_spans(doc) is sentence_spans(doc)  # kept with the doc


@pytest.mark.parametrize(
    "text",
    ["They said he had left; He-man and the theme park stayed. THEY denied it, he's sure.",
     "Rebels shelled the town. Officials said the rebels were shelling it again, saying so twice."],
)
def test_word_and_lemma_lookups_agree_with_a_walk_over_the_tokens(ctx, text) -> None:
    """The regular-expression and lemma-column lookups find exactly the tokens a walk finds."""
    doc = ctx.nlp(text)
    words, lemmas = {"he", "they", "the"}, {"say", "shell"}
    assert [t.i for t in tokens_of_words(doc, words)] == [t.i for t in doc if t.lower_ in words]
    assert [t.i for t in tokens_with_lemmas(doc, lemmas)] == [t.i for t in doc if t.lemma_.lower() in lemmas]
    assert tokens_with_lemmas(ctx.nlp(""), lemmas) == [] and tokens_of_words(ctx.nlp("Nothing."), words) == []
