"""Attach the spaCy parse to an article: sentences and named entities with their spans."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache

import numpy
from spacy.attrs import LEMMA, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from eventwire.context import Context
from eventwire.model import Article, Entity, Evidence, Sentence
from eventwire.registry import register

CODER = "nlp.spacy.v1"
SENTENCES = "eventwire.sentences"  # doc.user_data key of the doc's sentence spans
TEXT = "eventwire.text"  # doc.user_data key of the doc's text


@register("nlp", "spacy.v1")
def parse(article: Article, ctx: Context) -> Article:
    """Parse the article text with the context's spaCy pipeline (unless already parsed)."""
    doc = article.doc if article.doc is not None else ctx.nlp(article.text)
    return attach_doc(article, doc, model=model_name(ctx.nlp))


@cache
def model_name(nlp: Language) -> str:
    """Return "<lang>_<name>-<version>" of a pipeline (its `meta` is rebuilt on every read)."""
    meta = nlp.meta
    return f"{meta['lang']}_{meta['name']}-{meta['version']}"


def attach_doc(article: Article, doc: Doc, *, model: str = "") -> Article:
    """Return the article with `doc`, its sentences and its entities filled in."""
    text = doc_text(doc)  # a span's text is this text between its character offsets
    sentences = []
    for span in sentence_spans(doc):
        start = span.start_char
        sentence = text[start:span.end_char].rstrip()
        if sentence.strip():
            sentences.append(Sentence(index=len(sentences), start=start, end=start + len(sentence), text=sentence))
    starts = [s.start for s in sentences]
    entities = []
    for ent in doc.ents:
        start = ent.start_char
        name = text[start:ent.end_char].rstrip()  # spaCy may end an entity with a whitespace token ("Mo\n\n")
        entities.append(Entity(text=name, label=ent.label_,
                               evidence=Evidence(_index(starts, start), start, start + len(name), CODER, model)))
    return dataclasses.replace(article, doc=doc, sentences=tuple(sentences), entities=tuple(entities))


def sentence_spans(doc: Doc) -> tuple[Span, ...]:
    """Return the doc's sentences, as `doc.sents` gives them, read once from its sentence-start
    array and kept with the doc (`doc.sents` builds a token object per word on every call)."""
    found = doc.user_data.get(SENTENCES)
    if found is None:
        if not len(doc):
            return ()
        starts = [0, *(i for i in numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist() if i)]
        found = tuple(doc[start:end] for start, end in zip(starts, [*starts[1:], len(doc)]))
        doc.user_data[SENTENCES] = found
    return found


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, joined once and kept with the doc (`doc.text` joins a token object
    per word on every access)."""
    found = doc.user_data.get(TEXT)
    if found is None:
        found = doc.user_data[TEXT] = doc.text
    return found


def tokens_of_words(doc: Doc, words: Iterable[str]) -> list[Token]:
    """Return the tokens whose lower-cased text is one of `words`, in text order.

    Found by a regular expression over the text, not by a walk over the doc: walking makes a
    `Token` object per word, and a stage that wants a few pronouns pays for every word.

    Example:
        >>> [t.i for t in tokens_of_words(nlp("They said he left."), {"he", "they"})]
        [0, 2]
    """
    found = []
    for match in _words_pattern(frozenset(words)).finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            found.append(span[0])
    return found


def tokens_with_lemmas(doc: Doc, lemmas: frozenset[str] | set[str]) -> list[Token]:
    """Return the tokens whose lower-cased lemma is one of `lemmas`, in text order, read off
    the doc's lemma column (a `Token` object only for the tokens returned; see `tokens_of_words`)."""
    if not len(doc):
        return []
    column = doc.to_array(LEMMA)
    strings = doc.vocab.strings
    wanted = [key for key in numpy.unique(column) if strings[int(key)].lower() in lemmas]
    if not wanted:
        return []
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(column, wanted))]


@cache
def _words_pattern(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _index(starts: list[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)
