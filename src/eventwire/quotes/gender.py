"""Guess the gender of the people an article names, from the article itself."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from eventwire.quotes.lexicon import load_first_names, load_gender_words, load_titles

WORD = re.compile(r"\w+")
PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}


def name_key(span: Span) -> str:
    """Return the key a person is known by: the last word of the name, lower-cased."""
    words = [token.lower_ for token in span if not token.is_punct and token.tag_ != "POS"]
    return words[-1] if words else ""


def gender_of(genders: dict[str, str], name: str) -> str | None:
    """Return the gender known for a name: by the full name, else (for a surname alone,
    or a full name never seen with a gender cue) by its last word ("moon" for "Ban Ki-moon",
    as `name_key` reads the tokens)."""
    lowered = " ".join(name.lower().split())
    words = WORD.findall(lowered)
    return (genders.get(lowered) or genders.get(lowered.rsplit(" ", 1)[-1])
            or (genders.get(words[-1]) if words else None))


def _full_key(span: Span) -> str:
    words = load_gender_words()
    return " ".join(token.lower_ for token in span
                    if not token.is_punct and token.tag_ != "POS" and token.lower_ not in words)


def _first_name(span: Span, surnames: set[str]) -> str | None:
    """Return the lower-cased first word of a name, titles skipped; a one-word name only
    when no longer name in the text ends with it ("Melanie", but not "Warren" in a text
    that names Elizabeth Warren)."""
    titles = load_titles()
    words = [token.lower_ for token in span if token.is_alpha and token.lower_.rstrip(".") not in titles]
    if len(words) == 1 and words[0] in surnames:
        return None
    return words[0] if words else None


def infer_genders(doc: Doc, quoted: frozenset[int]) -> dict[str, str]:
    """Return {name: "male"/"female"} for people whose gender the text makes clear.

    Keys are the lower-cased full name and its last word (votes of all people sharing a
    surname are pooled under the surname).

    Evidence: an honorific or gendered noun next to the name ("Mrs.", "spokeswoman"), a
    first name of one gender ("Angela Merkel"; `lexicon.load_first_names`), and the first personal pronoun after a mention, in the same or the next sentence,
    before anyone else is named.

    Example:
        >>> infer_genders(nlp("Ms. Ruth Adler left. She was tired."), frozenset())
        {'adler': 'female', 'ruth adler': 'female'}
    """
    words = load_gender_words()
    first_names = load_first_names()
    votes: dict[str, Counter] = {}
    people = [ent for ent in doc.ents if ent.label_ == "PERSON" and ent.start not in quoted]
    surnames = {name_key(ent) for ent in people if len(ent) > 1}
    for number, ent in enumerate(people):
        key = name_key(ent)
        if not key:
            continue
        tally = Counter()
        neighbours = [ent[0]] + ([doc[ent.start - 1]] if ent.start else [])
        neighbours += [child for child in ent.root.children if child.dep_ == "appos"]
        if ent.root.dep_ == "appos":
            neighbours.append(ent.root.head)
        for token in neighbours:
            gender = words.get(token.lower_) or words.get(token.lemma_.lower())
            if gender:
                tally[gender] += 2
        first = _first_name(ent, surnames)
        if first in first_names:
            tally[first_names[first]] += 2
        limit = people[number + 1].start if number + 1 < len(people) else len(doc)
        sentence_end = ent.sent.end
        stop = min(limit, doc[sentence_end].sent.end if sentence_end < len(doc) else len(doc))
        for token in doc[ent.end:stop]:
            if token.i in quoted:
                continue
            gender = PRONOUN_GENDER.get(token.lower_)
            if gender:
                tally[gender] += 1
                break
        for name in {key, _full_key(ent)}:
            votes.setdefault(name, Counter()).update(tally)
    genders = {}
    for key, tally in votes.items():
        ranked = tally.most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            genders[key] = ranked[0][0]
    return genders
