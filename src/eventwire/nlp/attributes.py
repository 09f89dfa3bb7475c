"""spaCy's attribute ruler and lemmatizer, remembered per token.

The two rule-based components of en_core_web_sm map each token's tag (and, for some words,
its text or dependency) to a part of speech, morphology and lemma. They cost a third of the
statistical parse on news text, while the same (word, tag, dependency) comes back again and
again. `RememberedAttributes` runs them once per new such key, on a small document of the new
tokens, and copies what they set to every later token with that key. The ruler's two-token
patterns ("there is", "let's", "gonna") make the neighbour part of the key of the tokens
they join, so the result is the components' own, token for token (tests/nlp compares both).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "eventwire_attributes"
MAX_KEYS = 500_000  # remembered keys before the memory starts afresh (a few hundred MB at most)
SEPARATOR = "\n"  # between two windows of new tokens that a pattern would join
# what a one-token pattern may test: the token's own text, tag and dependency, which the key holds
OWN_ATTRIBUTES = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "IS_SPACE", "IS_ALPHA", "IS_PUNCT",
                            "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "LENGTH", "SHAPE", "PREFIX", "SUFFIX"})
FIELDS = {"LOWER": 0, "IS_SPACE": 0, "TAG": 1, "DEP": 2}  # which of (lower, tag, dep) a pattern tests

Condition = tuple[int, Callable[[str], bool]]  # a field of (lower, tag, dep) and a test of its text


class RememberedAttributes:
    """Set POS, MORPH and LEMMA (and the ruler's rare TAG/DEP changes) as the attribute ruler
    and then the lemmatizer would, from a memory keyed by the word, its tag, its dependency
    and, where a two-token pattern joins it to a neighbour, that neighbour's.

    Example:
        add_to(nlp)  # in place of nlp's "attribute_ruler" and "lemmatizer"
    """

    def __init__(self, ruler: Any, lemmatizer: Any) -> None:
        self.ruler, self.lemmatizer = ruler, lemmatizer
        slots = pair_patterns(ruler.patterns)
        self.slots = slots or []
        self.usable = slots is not None
        self.memory: dict[tuple, tuple[int, ...]] = {}
        self._field_masks: tuple[dict[int, int], ...] = ({}, {}, {})
        self._opening = sum(1 << bit for bit in range(0, len(self.slots), 2))

    def __call__(self, doc: Doc) -> Doc:
        if not self.usable or not len(doc) or doc.to_array(LEMMA).any() or doc.to_array(POS).any():
            return self.lemmatizer(self.ruler(doc))  # patterns this cannot read, or a doc coded before
        array = doc.to_array([ORTH, LOWER, TAG, DEP])
        rows = array.tolist()
        masks = self._masks(doc, array)
        opening = self._opening
        # a key is (word, tag, dep); a token a two-token pattern joins to a neighbour also holds
        # the (lower, tag, dep) of the neighbour before and after it (or None)
        keys: list[tuple] = [(orth, tag, dep) for orth, _, tag, dep in rows]
        joined = [i for i in range(len(rows) - 1) if (masks[i] & opening) << 1 & masks[i + 1]]
        if joined:
            after = set(joined)
            for i in sorted(after | {i + 1 for i in joined}):
                orth, _, tag, dep = rows[i]
                keys[i] = (orth, tag, dep,
                           tuple(rows[i - 1][1:]) if i - 1 in after else None,
                           tuple(rows[i + 1][1:]) if i in after else None)
        memory = self.memory
        missing = {key: i for i, key in enumerate(keys) if key not in memory}
        if len(memory) + len(missing) > MAX_KEYS:
            memory.clear()
            for field_masks in self._field_masks:
                field_masks.clear()
            missing = {key: i for i, key in enumerate(keys)}
        if missing:
            self._learn(doc, rows, masks, missing)
        values = numpy.array([memory[key] for key in keys], dtype="uint64")
        doc.from_array([POS, MORPH, LEMMA], numpy.ascontiguousarray(values[:, 2:]))
        for i in numpy.flatnonzero(values[:, 0] != array[:, 2]).tolist():
            doc[i].tag = int(values[i, 0])
        for i in numpy.flatnonzero(values[:, 1] != array[:, 3]).tolist():
            doc[i].dep = int(values[i, 1])
        return doc

    def _masks(self, doc: Doc, array: numpy.ndarray) -> list[int]:
        """Per token, the bits of the pattern slots its (lower, tag, dep) satisfies: bit 2k opens
        pattern k, bit 2k + 1 closes it."""
        if not self.slots:
            return [0] * len(array)
        columns = []
        for number, field_masks in enumerate(self._field_masks):
            values = array[:, number + 1].tolist()
            for value in set(values).difference(field_masks):
                text = doc.vocab.strings[value] if value else ""
                field_masks[value] = sum(
                    1 << bit for bit, conditions in enumerate(self.slots)
                    if all(test(text) for field, test in conditions if field == number))
            columns.append([field_masks[value] for value in values])
        return [lower & tag & dep for lower, tag, dep in zip(*columns)]

    def _learn(self, doc: Doc, rows: list[list[int]], masks: list[int], missing: dict[tuple, int]) -> None:
        """Run the two components on a document of the new tokens, each with the neighbours
        its key names, and remember what they set on each."""
        strings = doc.vocab.strings
        words: list[str] = []
        tags: list[str] = []
        deps: list[str] = []
        targets: list[int] = []
        last = 0
        for key, i in missing.items():
            joined = len(key) > 3
            window = [i - 1] * (joined and key[3] is not None) + [i] + [i + 1] * (joined and key[4] is not None)
            if (last & self._opening) << 1 & masks[window[0]]:
                words.append(SEPARATOR)
                tags.append("_SP")
                deps.append("dep")
            for j in window:
                if j == i:
                    targets.append(len(words))
                words.append(strings[rows[j][0]])
                tags.append(strings[rows[j][2]] if rows[j][2] else "")
                deps.append(strings[rows[j][3]] if rows[j][3] else "dep")
            last = masks[window[-1]]
        learned = Doc(doc.vocab, words=words, spaces=[False] * len(words), tags=tags, deps=deps)
        for j, i in zip(targets, missing.values()):
            if not rows[i][3]:
                learned[j].dep = 0  # a token the parser left without a label
        found = self.lemmatizer(self.ruler(learned)).to_array([TAG, DEP, POS, MORPH, LEMMA]).tolist()
        for j, key in zip(targets, missing):
            self.memory[key] = tuple(found[j])


def pair_patterns(patterns: list[dict]) -> list[list[Condition]] | None:
    """The slots of the ruler's two-token patterns (first and second token of each, in turn),
    each a list of conditions on (lower, tag, dep). None when a pattern is longer, or tests
    anything but a token's text, tag and dependency: then the components themselves run."""
    slots: list[list[Condition]] = []
    for entry in patterns:
        for pattern in entry["patterns"]:
            if not isinstance(pattern, list) or len(pattern) > 2:
                return None
            if len(pattern) == 1:
                if not set(pattern[0]) <= OWN_ATTRIBUTES:
                    return None
                continue
            for token in pattern:
                conditions = _conditions(token)
                if conditions is None:
                    return None
                slots.append(conditions)
    return slots


def _conditions(token: dict) -> list[Condition] | None:
    """A token pattern on LOWER, TAG, DEP or IS_SPACE (a value, IN, NOT_IN or REGEX) as tests."""
    conditions: list[Condition] = []
    for attr, wanted in token.items():
        if attr not in FIELDS:
            return None
        field = FIELDS[attr]
        if attr == "IS_SPACE":
            if not isinstance(wanted, bool):
                return None
            conditions.append((field, lambda text, wanted=wanted: text.isspace() == wanted))
        elif isinstance(wanted, str):
            conditions.append((field, lambda text, wanted=wanted: text == wanted))
        elif isinstance(wanted, dict) and set(wanted) == {"IN"}:
            conditions.append((field, lambda text, values=frozenset(wanted["IN"]): text in values))
        elif isinstance(wanted, dict) and set(wanted) == {"NOT_IN"}:
            conditions.append((field, lambda text, values=frozenset(wanted["NOT_IN"]): text not in values))
        elif isinstance(wanted, dict) and set(wanted) == {"REGEX"}:
            conditions.append((field, lambda text, pattern=re.compile(wanted["REGEX"]): bool(pattern.search(text))))
        else:
            return None
    return conditions


class WordIndex(list):
    """A lemma index (a list of words, as spacy-lookups-data has it) that answers `in` from a
    set: the rule lemmatizer only asks whether a candidate form is in it, and a list of 57,000
    nouns answered that in a scan per candidate, most of the lemmatizer's time."""

    __slots__ = ("words",)

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self.words = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self.words


def index_words(lemmatizer: Any) -> None:
    """Give the lemmatizer's "lemma_index" lists set membership (what it finds is the same)."""
    lookups = getattr(lemmatizer, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for pos, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, WordIndex):
            table[pos] = WordIndex(words)


def add_to(nlp: Language) -> None:
    """Put `RememberedAttributes` in place of the pipeline's attribute ruler and lemmatizer
    (kept, disabled, as the ones it calls). A pipeline without both is left as it is."""
    if not {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        return
    index_words(nlp.get_pipe("lemmatizer"))
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=_make)
    nlp.add_pipe(FACTORY, after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")


def _make(nlp: Language, name: str) -> RememberedAttributes:
    return RememberedAttributes(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
