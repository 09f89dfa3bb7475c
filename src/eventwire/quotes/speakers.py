"""Find who is speaking: the subject of a cue, resolved to a full name and a coded actor."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from eventwire.model import Actor, Article
from eventwire.quotes.gender import PRONOUN_GENDER, gender_of
from eventwire.quotes.lexicon import load_titles
from eventwire.spans import SpanIndex, actor_index

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "we", "them", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
DROPPED_CHILDREN = frozenset({"appos", "relcl", "acl", "punct", "advmod", "parataxis", "cc", "prep"})
CLAUSE_DEPS = frozenset({"appos", "relcl", "acl", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp"})
GROUP_TAGS = frozenset({"NNS", "NNPS", "NNP"})
SINGULAR_TAGS = frozenset({"NN", "NNP"})
DETERMINERS = frozenset({"the", "a", "an"})
UNTAGGED_NAME_TYPES = frozenset({"", "ORG"})
PEOPLE = "eventwire.people"  # doc.user_data key of the document's `_People`
GIVEN = "eventwire.speakers_given"  # doc.user_data key: {name: the person as the text first gives them}


class Speaker(NamedTuple):
    """A resolved speaker: display name, the mention that names it and its actor if coded.

    `start`/`end` are the char span of the mention in the sentence of the quote;
    `person` says whether the speaker is (likely) a single person; `content` is the char
    span of what they said, once known.
    """

    name: str
    start: int
    end: int
    actor: Actor | None
    person: bool
    content: tuple[int, int] = (-1, -1)


def subject_of(cue: Token) -> Token | None:
    """Return the token naming who utters `cue`: its subject, or its governing verb's subject.

    Example:
        "..., he said, adding that ..." -> for "adding" returns "he".
    """
    verb = cue
    for _ in range(5):
        subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
        if subject is not None and not _wh_clause(verb, cue):
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return _named_apposition(verb.head)
            return subject
        head = verb.head
        if verb.dep_ == "pcomp" and head.pos_ == "ADP":
            head = head.head
        elif verb.dep_ not in CLIMB_DEPS:
            return None
        if head is verb or head.pos_ not in ("VERB", "AUX"):
            return None
        verb = head
    return None


def _wh_clause(verb: Token, cue: Token) -> bool:
    """Whether `verb` heads a clause about something else that the subjectless cue hangs
    from ("looping the streets, where the Panthers played, while chanting ..."): its subject
    is not the cue's."""
    return verb is not cue and any(child.tag_ in ("WRB", "WDT") and child.i < verb.i for child in verb.children)


def _named_apposition(token: Token) -> Token:
    """Return the name a noun is in apposition to ("McConnell, now the majority leader, who
    said" -> "McConnell"), else the noun."""
    if token.dep_ == "appos" and token.head.pos_ == "PROPN" and token.head.i < token.i:
        return token.head
    return token


def mention_tokens(head: Token) -> Span:
    """Return the core noun phrase of `head`: its subtree without appositions or clauses."""
    keep = [head]
    dropped = DROPPED_CHILDREN if head.pos_ == "PROPN" and head.ent_type_ else DROPPED_CHILDREN - {"prep"}
    stack = [child for child in head.children if child.dep_ not in dropped]
    while stack:
        token = stack.pop()
        keep.append(token)
        stack.extend(child for child in token.children if child.dep_ not in CLAUSE_DEPS)
    indices = sorted(token.i for token in keep)
    start, end = indices[0], indices[-1] + 1
    doc = head.doc
    if head.ent_type_:
        start, end = _widen_to_entity(doc, start, end)
    breaks = [i for i in range(start, end) if "\n" in doc[i].text_with_ws]
    for i in breaks:
        if i < head.i:
            start = i + 1
        elif i >= head.i:
            end = min(end, i + 1)
            break
    while start < end - 1 and (doc[start].is_punct or doc[start].lower_ in DETERMINERS):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return doc[start:end]


def _widen_to_entity(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Widen a mention over the rest of a name it cuts ("the organizer Alliance" of "Alliance
    to Reclaim Our Schools"), never across punctuation."""
    while end < len(doc) and doc[end].ent_iob_ == "I" and not doc[end].is_punct and doc[end - 1].ent_type_:
        end += 1
    while start > 0 and doc[start].ent_iob_ == "I" and not doc[start - 1].is_punct:
        start -= 1
    return start, end


def resolve_speaker(article: Article, mention: Span, history: list[Speaker],
                    quoted: frozenset[int] = frozenset(), genders: dict[str, str] | None = None,
                    actors: SpanIndex[Actor] | None = None) -> Speaker:
    """Resolve a speaker mention to a full name and actor.

    Pronouns take the named subject of the main clause they precede, else the latest
    recent speaker or person named before them outside quotes whose gender (from
    `genders`, see `infer_genders`) does not clash, subjects first. A surname takes the
    fullest name in the text with it ("Trump" -> "Donald Trump"). The actor is the one
    whose mention covers the speaker's, else the person actor with the same name (`actors`:
    the article's actors indexed once by the caller, `spans.actor_index`).

    Example:
        >>> resolve_speaker(article, doc[10:11], history).name  # "he"
        'Donald Trump'
    """
    head = mention.root
    lower = mention.text.lower()
    if head.pos_ == "PRON" and len(mention) == 1:
        return _resolve_pronoun(article, mention, history, quoted, genders or {}, actors)
    start, end = mention.start_char, mention.end_char
    actor, covers_head = _overlapping_actor(actors if actors is not None else actor_index(article.actors),
                                            start, end, head.idx)
    if actor is not None and actor.kind == "person" and not covers_head:
        actor = None  # a possessor or modifier ("Obama's former strategist") is not the speaker
    is_person = _is_person(mention) or (actor is not None and actor.kind == "person")
    name = _full_name(article.doc, mention) if is_person else mention.text
    if is_person and (actor is None or (actor.kind != "person" and not covers_head)):
        actor = _named_actor(article.actors, name) or actor
    if actor is not None and actor.kind == "person":
        name = _fuller_name(name, actor.name)
    name = " ".join(name.split())
    if is_person:
        name = _as_given(article.doc, name)
    if lower in ("i", "me"):
        is_person = True
    return Speaker(name, start, end, actor, is_person)


def _as_given(doc: Doc, name: str) -> str:
    """The person as the text first names them in full, with what it says of them there
    ("Italian Prime Minister Matteo Renzi", "Clinton's campaign manager Robby Mook"), or the
    name itself. The same for every quote of theirs in the document."""
    given = doc.user_data.setdefault(GIVEN, {})
    if name not in given:
        wanted = name.lower().split()
        given[name] = name
        for ent in _people(doc).spans:
            if [part.lower() for part in _name_parts(ent)][-len(wanted):] != wanted:
                continue
            phrase = " ".join(mention_tokens(ent.root).text.split())
            if len(phrase.split()) > len(wanted) and phrase.lower().split()[-len(wanted):] == wanted:
                given[name] = phrase
            break
    return given[name]


def _fuller_name(text_name: str, actor_name: str) -> str:
    """Return the actor's canonical name unless the text's name holds it and says more
    ("Michael Flynn" for an actor named "Flynn")."""
    text_words, actor_words = text_name.lower().split(), actor_name.lower().split()
    if len(text_words) > len(actor_words) and actor_words and text_words[-len(actor_words):] == actor_words:
        return text_name
    return actor_name


def _resolve_pronoun(article: Article, mention: Span, history: list[Speaker],
                     quoted: frozenset[int], genders: dict[str, str], actors: SpanIndex[Actor] | None) -> Speaker:
    pronoun = mention.text.lower()
    start, end = mention.start_char, mention.end_char
    sentence_start = mention.sent.start_char
    window = _window_start(article.doc, mention)
    if pronoun in PERSONAL_PRONOUNS:
        wanted = PRONOUN_GENDER[pronoun]
        main_subject = _cataphoric_subject(mention.root)
        if main_subject is not None:
            resolved = resolve_speaker(article, mention_tokens(main_subject), [], quoted, genders, actors)
            return Speaker(resolved.name, start, end, resolved.actor, True)
        candidates = [(speaker.start, speaker.name, speaker) for speaker in history
                      if speaker.person and window <= speaker.start < start]
        candidates += [(ent.start_char, ent.text, ent) for ent in _people_before(article.doc, start, quoted)]
        candidates.sort(key=lambda item: item[0], reverse=True)
        reported = [speaker.content for speaker in history if speaker.person and window <= speaker.start < start]
        for subjects_only, agreeing in ((True, True), (True, False), (False, False)):
            for position, name, found in candidates:
                gender = gender_of(genders, name)
                if gender not in (None, wanted) or (agreeing and (gender is None or position < window)):
                    continue
                if isinstance(found, Speaker):
                    return Speaker(found.name, start, end, found.actor, True)
                if subjects_only and (not _is_subject(found.root) or _inside_any(reported, position)):
                    continue
                resolved = resolve_speaker(article, found, [], quoted, genders, actors)
                return Speaker(resolved.name, start, end, resolved.actor, True)
    if pronoun in GROUP_PRONOUNS or pronoun == "it":
        for speaker in reversed(history):
            if not speaker.person and speaker.start >= window and speaker.start < sentence_start:
                return Speaker(speaker.name, start, end, speaker.actor, False)
        tags = SINGULAR_TAGS if pronoun == "it" else GROUP_TAGS
        group = _previous_subject(mention, tags)
        if group is not None:
            resolved = resolve_speaker(article, mention_tokens(group), [], quoted, genders, actors)
            return Speaker(resolved.name, start, end, resolved.actor, False)
    return Speaker(mention.text, start, end, None, pronoun in PERSONAL_PRONOUNS or pronoun in ("i", "me"))


def _inside_any(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether an offset lies in one of the spans ("McLenney said Clinton doesn't ...": Clinton
    is talked about, the speaker is who "she said" more likely refers to)."""
    return any(begin <= offset < finish for begin, finish in spans)


def _is_subject(token: Token) -> bool:
    """Whether a name is the subject of its clause, in apposition to one ("X, the spokesman,
    said"; not "his wife, Hillary Clinton"), or a sentence on its own."""
    if token.dep_ == "appos":
        token = token.head
    return token.dep_ in SUBJECT_DEPS or token.dep_ == "ROOT"


def _window_start(doc: Doc, mention: Span) -> int:
    """Return the char offset three sentences before the mention's sentence."""
    sentence = mention.sent
    for _ in range(3):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    return sentence.start_char


def _people_before(doc: Doc, offset: int, quoted: frozenset[int]) -> list[Span]:
    """Return the people named before `offset` outside quotes."""
    people = _people(doc)
    return [ent for ent in people.spans[:bisect_right(people.ends, offset)] if ent.start not in quoted]


@dataclass(frozen=True, slots=True)
class _People:
    """The document's PERSON entities in text order, their end offsets, and their names'
    words indexed by first and last word (lower case), read once per document."""

    spans: tuple[Span, ...]
    ends: tuple[int, ...]
    by_end_word: dict[str, list[tuple[str, ...]]]


def _people(doc: Doc) -> _People:
    found = doc.user_data.get(PEOPLE)
    if found is None:
        spans = _with_untagged_surnames(doc, [ent for ent in doc.ents if ent.label_ == "PERSON"])
        by_end_word: dict[str, list[tuple[str, ...]]] = {}
        for ent in spans:
            parts = tuple(_name_parts(ent))
            for word in {parts[0].lower(), parts[-1].lower()} if parts else ():
                by_end_word.setdefault(word, []).append(parts)
        found = _People(spans, tuple(ent.end_char for ent in spans), by_end_word)
        doc.user_data[PEOPLE] = found
    return found


def _with_untagged_surnames(doc: Doc, people: list[Span]) -> tuple[Span, ...]:
    """Add the later mentions of a named person's surname that the model did not tag PERSON
    ("Trump responded", tagged ORG or nothing, after "Donald Trump"; "Reyes said", parsed as a
    capitalised noun, after "Paul Reyes"; not a place: "Korea"
    after a headline's "N. Korea" tagged PERSON)."""
    first_seen: dict[str, int] = {}
    for ent in people:
        parts = _name_parts(ent)
        if len(parts) > 1:
            first_seen.setdefault(parts[-1], ent.end)
    if not first_seen:
        return tuple(people)
    tagged = {i for ent in people for i in range(ent.start, ent.end)}
    surnames = {doc.vocab.strings[name]: at for name, at in first_seen.items()}
    later = [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if surnames.get(orth, len(doc)) <= i]
    extra = [doc[i:i + 1] for i in later if i not in tagged and (token := doc[i]).pos_ in ("PROPN", "NOUN")
             and token.text[:1].isupper() and token.dep_ not in ("compound", "amod")
             and token.ent_type_ in UNTAGGED_NAME_TYPES]
    return tuple(sorted(people + extra, key=lambda span: span.start))


def _cataphoric_subject(pronoun: Token) -> Token | None:
    """Return the person named after a subordinate clause holding the pronoun.

    "While he had threatened ..., Donald Trump backed down" -> "Trump".
    """
    verb = pronoun.head
    if verb.dep_ == "advcl" and verb.head.i > pronoun.i:
        subject = next((child for child in verb.head.children if child.dep_ == "nsubj"), None)
        if subject is not None and subject.i > pronoun.i and subject.pos_ == "PROPN":
            return subject
    if not any(child.dep_ == "mark" and child.i < pronoun.i for child in verb.children):
        return None
    doc = pronoun.doc
    for ent in pronoun.sent.ents:
        if ent.label_ == "PERSON" and ent.start > pronoun.i and doc[ent.start - 1].text == ",":
            return ent.root
    return None


def _previous_subject(mention: Span, tags: frozenset[str]) -> Token | None:
    """Return the first noun subject with one of `tags` in the sentence before the mention."""
    doc = mention.doc
    if mention.sent.start == 0:
        return None
    previous = doc[mention.sent.start - 1].sent
    for token in previous:
        if token.dep_ in SUBJECT_DEPS and token.tag_ in tags and token.ent_type_ != "PERSON":
            return token
    return None


def _is_person(mention: Span) -> bool:
    if _people_in(mention):
        return True
    tokens = [token for token in mention if token.lower_.rstrip(".") not in _bare_titles()]
    return bool(tokens) and len(tokens) < len(mention) and all(token.pos_ == "PROPN" for token in tokens)


def _people_in(mention: Span) -> list[Span]:
    """The PERSON entities inside the mention that name it: holding its head, unless they only
    modify a common noun ("Obama's former strategist" is not Obama). From the document's index
    (`Span.ents` walks the whole document)."""
    people = _people(mention.doc)
    after = people.spans[bisect_left(people.ends, mention.start_char + 1):]
    root = mention.root
    return [ent for ent in after[:len(mention)] if ent.start >= mention.start and ent.end <= mention.end
            and (ent.start <= root.i < ent.end or root.pos_ == "PROPN")]


def _full_name(doc: Doc, mention: Span) -> str:
    """Return the fullest PERSON name in the doc ending with the mention's surname (the most
    frequent; of those as frequent, the shortest: "Donald Trump", not a headline's "Rip Donald
    Trump")."""
    inside = _people_in(mention)
    parts = _name_parts(inside[0] if inside else mention)
    if not parts:
        return mention.text
    wanted = {part.lower() for part in parts}
    surname = parts[-1].lower()
    counts: dict[tuple[str, ...], int] = {}
    for candidate in _people(doc).by_end_word.get(surname, ()):
        lowered = [part.lower() for part in candidate]
        if len(candidate) > len(parts) and wanted <= set(lowered) and surname in (lowered[0], lowered[-1]):
            counts[candidate] = counts.get(candidate, 0) + 1
    if not counts:
        return " ".join(parts)
    best = max(counts, key=lambda candidate: (counts[candidate], candidate[-1].lower() == parts[-1].lower(),
                                              -len(candidate)))
    return " ".join(best)


def _name_parts(span: Span) -> list[str]:
    titles = _bare_titles()
    parts = [
        token.text
        for token in span
        if token.tag_ != "POS" and not token.is_punct and token.lower_.rstrip(".") not in titles
    ]
    return parts


@cache
def _bare_titles() -> frozenset[str]:
    return frozenset(title.rstrip(".") for title in load_titles())


def _overlapping_actor(actors: SpanIndex[Actor], start: int, end: int, head: int) -> tuple[Actor | None, bool]:
    """Return the actor whose mention covers the head word, else the one overlapping most,
    and whether it covers the head."""
    best, best_score = None, (False, 0)
    for actor in actors.overlapping(start, end):
        overlap = min(end, actor.evidence.end) - max(start, actor.evidence.start)
        score = (actor.evidence.start <= head < actor.evidence.end, overlap)
        if overlap > 0 and score > best_score:
            best, best_score = actor, score
    return best, best_score[0]


def _named_actor(actors: tuple[Actor, ...], name: str) -> Actor | None:
    surname = name.split()[-1].lower() if name.split() else ""
    fallback = None
    for actor in actors:
        if actor.kind != "person":
            continue
        if actor.name == name or actor.text == name:
            return actor
        if fallback is None and actor.name.split() and actor.name.split()[-1].lower() == surname:
            fallback = actor
    return fallback
