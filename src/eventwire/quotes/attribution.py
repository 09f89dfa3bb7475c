"""Attribute quotes: direct quotes, partial quotes and indirect speech with their speakers."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.context import Context
from eventwire.model import Article, Event, Evidence, Quote
from eventwire.nlp.parse import attach_doc, doc_text, tokens_of_words, tokens_with_lemmas
from eventwire.quotes.gender import infer_genders
from eventwire.quotes.lexicon import DATA_VERSION, load_cues
from eventwire.quotes.marks import QuoteSpan, find_quote_spans
from eventwire.quotes.speakers import Speaker, mention_tokens, resolve_speaker, subject_of
from eventwire.registry import register
from eventwire.spans import SpanIndex, actor_index

logger = logging.getLogger(__name__)

CODER = "quotes.rules.v1"
PIECE_SEPARATOR = " ... "
CONTENT_DEPS = frozenset({"ccomp"})
RIGHT_DEPS = frozenset({"dobj", "oprd", "xcomp", "ccomp", "attr", "dative"})
OBJECT_DEPS = RIGHT_DEPS | {"prep"}
EDGE_PUNCT = " \t\n,;:—–-"
MIN_CONTENT_TOKENS = 3
STANDALONE_GAP = 400
MARK_SLACK = 3
CUE_WINDOW = 10
TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}):\s+")
DASH_CHARS = "―—–"


@dataclass(slots=True)
class _Draft:
    """A quote under construction (mutable while pieces are merged)."""

    pieces: list[tuple[int, int]]
    cue: Token | None
    subject: Span | None
    direct: bool
    frame_end: int
    speaker: Speaker | None = None
    inherited: bool = False

    @property
    def start(self) -> int:
        return self.pieces[0][0]


@register("quotes", "rules.v1")
def extract_quotes(article: Article, ctx: Context) -> Article:
    """Fill `article.quotes` with direct quotes and indirect speech and their speakers.

    Needs the parse (`article.doc`); speakers are resolved to full names and to the
    actors of `article.actors` when one covers the speaker or an earlier mention of them.

    Example:
        >>> article = extract_quotes(parsed_article, Context())
        >>> [(q.speaker, q.content) for q in article.quotes]
    """
    if article.doc is None:
        article = attach_doc(article, ctx.nlp(article.text), model=ctx.options.model)
    quotes = link_events(find_quotes(article), article.events)
    logger.debug("%s: %d quotes", article.id, len(quotes))
    return dataclasses.replace(article, quotes=quotes)


def link_events(quotes: tuple[Quote, ...], events: tuple[Event, ...]) -> tuple[Quote, ...]:
    """Link each quote to the events with a mention inside its content span."""
    return tuple(
        dataclasses.replace(quote, events=tuple(
            index for index, event in enumerate(events)
            if any(quote.content_start <= mention.start < quote.content_end for mention in event.mentions)
        ))
        for quote in quotes
    )


def find_quotes(article: Article) -> tuple[Quote, ...]:
    """Return the quotes of an article whose parse (`article.doc`) is attached, in text order."""
    doc: Doc = article.doc
    text = article.text
    spans = find_quote_spans(text)
    quoted = _quoted_tokens(doc, spans)
    drafts: list[_Draft] = []
    by_cue: dict[int, _Draft] = {}
    standalone: list[QuoteSpan] = []
    for span in spans:
        if _embedded(text, doc, span):
            continue
        labelled = _transcript_turn(text, doc, span)
        if labelled is not None:
            drafts.append(labelled)
            continue
        cue = _frame_cue(text, doc, span, quoted)
        if cue is None:
            standalone.append(span)
            continue
        if _opens_clause_before(cue, span):
            continue
        if cue.i in by_cue:
            by_cue[cue.i].pieces.append((span.inner_start, span.inner_end))
            continue
        subject = _subject_span(cue, quoted)
        draft = _Draft([(span.inner_start, span.inner_end)], cue, subject, True,
                       max(span.end, _sentence_end(cue)))
        by_cue[cue.i] = draft
        drafts.append(draft)
    drafts.extend(_indirect_drafts(doc, spans, quoted, set(by_cue), drafts))
    drafts.sort(key=lambda draft: draft.start)
    drafts = _place_standalone(text, doc, drafts, standalone)
    return _finish(article, drafts, frozenset(quoted))


def _sentence_end(token: Token) -> int:
    """Return the end of the token's sentence: its first full stop, or its paragraph's end."""
    for following in token.doc[token.i:token.sent.end]:
        if following.text in (".", "!", "?") or "\n" in following.text_with_ws:
            return following.idx + len(following.text)
    return token.sent.end_char


def _quoted_tokens(doc: Doc, spans: tuple[QuoteSpan, ...]) -> set[int]:
    quoted: set[int] = set()
    for span in spans:
        tokens = doc.char_span(span.inner_start, span.inner_end, alignment_mode="expand")
        if tokens is not None:
            quoted.update(range(tokens.start, tokens.end))
    return quoted


def _embedded(text: str, doc: Doc, span: QuoteSpan) -> bool:
    """Whether the quote sits inside running prose ('led and “finished” in ...')."""
    at = _end_before(text, span.start, " \t")
    if not at or text[at - 1] in "\n:,.!?—–-(\"”’":
        return False
    token = doc.char_span(at - 1, at, alignment_mode="expand")
    if token is not None and token[-1].lemma_ in load_cues() and token[-1].pos_ == "VERB":
        return False
    return True


def _end_before(text: str, index: int, blanks: str) -> int:
    """Return the offset just after the last character before `index` not in `blanks` (0 if none)."""
    while index > 0 and text[index - 1] in blanks:
        index -= 1
    return index


def _transcript_turn(text: str, doc: Doc, span: QuoteSpan) -> _Draft | None:
    """Read a transcript turn ('"PENCE: Well, look, ...') as a quote of the labelled speaker."""
    match = TRANSCRIPT_LABEL.match(text, span.inner_start, span.inner_end)
    if match is None:
        return None
    name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    colon = doc.char_span(match.end(1), match.end(1) + 1, alignment_mode="expand")
    if name is None or colon is None or match.end() >= span.inner_end:
        return None
    return _Draft([(match.end(), span.inner_end)], colon[0], name, True, span.end)


def _frame_cue(text: str, doc: Doc, span: QuoteSpan, quoted: set[int]) -> Token | None:
    """Return the cue verb attributing a full quote: right after it, else right before it."""
    cues = load_cues()
    inner = text[span.inner_start:span.inner_end].rstrip()
    dash = _dash_signature(text, doc, span)
    if dash is not None:
        return dash
    after = _tokens_after(doc, span.end)
    if after:
        window = [token for token in after[:CUE_WINDOW] if token.i not in quoted]
        cue = next((token for token in window if _is_cue(token, cues)), None)
        first_word = next((token for token in after if not token.is_punct), None)
        lowercase_next = first_word is not None and first_word.text[:1].islower()
        ends_sentence = inner.endswith(".") and not lowercase_next
        if cue is not None and not ends_sentence:
            return cue
    before = _tokens_before(text, doc, span)
    for token in reversed(before):
        if token.i in quoted:
            break
        if _is_cue(token, cues) or token.lower_ == "according":
            return token
    return None


def _dash_signature(text: str, doc: Doc, span: QuoteSpan) -> Token | None:
    """Return the dash of a signed quote ('“...” ― Pamela Padilla') when a name follows it."""
    at = span.end
    while at < len(text) and text[at] in " \t\u00a0":
        at += 1
    if at >= len(text) or text[at] not in DASH_CHARS:
        return None
    dash = doc.char_span(at, at + 1, alignment_mode="expand")
    if dash is None:
        return None
    name = next((token for token in doc[dash.end:dash.end + 3] if not token.is_space), None)
    return dash[-1] if name is not None and name.pos_ == "PROPN" else None


def _opens_clause_before(cue: Token, span: QuoteSpan) -> bool:
    """Whether the cue's content clause starts before the quote ('said that, “...”').

    Such a quote is part of indirect speech, left to the clause rules.
    """
    if cue.idx > span.start:
        return False
    for child in cue.children:
        if child.dep_ in CONTENT_DEPS and child.left_edge.i > cue.i and child.left_edge.idx < span.start:
            return any(not token.is_punct for token in child.doc[child.left_edge.i:child.i]
                       if token.idx < span.start)
    return False


def _tokens_after(doc: Doc, offset: int) -> list[Token]:
    start = doc.char_span(offset, doc[-1].idx + len(doc[-1]), alignment_mode="expand")
    if start is None or not len(start):
        return []
    first = start[0]
    tokens = []
    for token in doc[first.i:first.sent.end]:
        if token.text in ("“", '"', "«", "‘", "''") or "\n" in token.text:
            break
        if not token.is_space:
            tokens.append(token)
    return tokens


def _tokens_before(text: str, doc: Doc, span: QuoteSpan) -> list[Token]:
    """Tokens of the clause introducing the quote, if it ends with ':' or ',' or a cue."""
    at = _end_before(text, span.start, " \t")
    if not at:
        return []
    if text[at - 1] == "\n":
        at = _end_before(text, at, " \t\n")
        if not at or text[at - 1] != ":":
            return []
    if text[at - 1] not in ":," and not text[at - 1].isalpha():
        return []
    end_token = doc.char_span(at - 1, at, alignment_mode="expand")
    if end_token is None:
        return []
    last = end_token[-1]
    return list(doc[last.sent.start:last.i + 1])


def _is_cue(token: Token, cues: Mapping[str, str]) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in cues and token.dep_ not in ("amod", "acl")


def _subject_span(cue: Token, quoted: set[int]) -> Span | None:
    if cue.lower_ == "according":
        target = next((child for child in cue.children if child.lower_ == "to"), None)
        objects = [child for child in target.children if child.dep_ == "pobj"] if target is not None else []
        return mention_tokens(objects[0]) if objects else None
    if cue.text[-1] in DASH_CHARS:
        name = next((token for token in cue.doc[cue.i + 1:] if not token.is_space), None)
        while name is not None and name.dep_ == "compound" and name.head.i > name.i:
            name = name.head
        return mention_tokens(name) if name is not None else None
    subject = subject_of(cue)
    if subject is not None and subject.i in quoted:
        subject = None
    if subject is None:
        subject = _nearby_subject(cue, quoted)
    return mention_tokens(subject) if subject is not None else None


def _nearby_subject(cue: Token, quoted: set[int]) -> Token | None:
    """Guess the speaker of a cue without a parsed subject: the nearest name or pronoun beside it."""
    doc = cue.doc

    def plausible(token: Token) -> bool:
        return (token.pos_ in ("PROPN", "PRON", "NOUN") and token.i not in quoted
                and token.ent_type_ not in ("DATE", "TIME", "ORDINAL", "CARDINAL"))

    for token in reversed(doc[max(cue.sent.start, cue.i - 8):cue.i]):
        if token.i in quoted or "\n" in token.text:
            break
        if plausible(token) and token.dep_ not in ("compound", "poss"):
            while token.dep_ == "appos" and token.head.i < token.i and token.head.i not in quoted:
                token = token.head
            return token
    following = doc[cue.i + 1:min(cue.i + 4, cue.sent.end)]
    found = next((token for token in following if plausible(token)), None)
    if found is not None:
        return found.head if found.dep_ == "compound" else found
    return None


def _indirect_drafts(doc: Doc, spans: tuple[QuoteSpan, ...], quoted: set[int], used: set[int],
                     direct: list[_Draft]) -> list[_Draft]:
    """Indirect speech and partial quotes: cue verbs with a content clause, and 'according to'."""
    cues = load_cues()
    text = doc_text(doc)
    taken = SpanIndex(piece for draft in direct for piece in draft.pieces)
    marks = SpanIndex(spans, _outer)
    drafts = []
    candidates = {token.i: token for token in [*tokens_with_lemmas(doc, set(cues)), *tokens_of_words(doc, {"according"})]}
    for token in (candidates[i] for i in sorted(candidates)):
        if token.i in quoted or token.i in used:
            continue
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            content = _according_content(token)
        elif _is_cue(token, cues):
            content = _clause_content(token)
        else:
            continue
        if not content or sum(len(piece) for piece in content) < MIN_CONTENT_TOKENS:
            continue
        pieces = [_cover_quotes(marks, *_trim(text, part.start_char, part.end_char)) for part in content]
        pieces = [(start, end) for start, end in pieces if end > start]
        if not pieces or any(taken.overlaps(start, end) for start, end in pieces):
            continue
        subject = _subject_span(token, quoted)
        if subject is None:
            continue
        has_quote = any(_inside(span, start, end) for start, end in pieces
                        for span in marks.overlapping(start - MARK_SLACK, end + MARK_SLACK))
        drafts.append(_Draft(pieces, token, subject, has_quote, max(pieces[-1][1], token.sent.end_char)))
        for piece in pieces:
            taken.add(piece)
    return drafts


def _inside(span: QuoteSpan, start: int, end: int) -> bool:
    """Whether a quote lies in the content span (give or take trimmed edge marks)."""
    return start - MARK_SLACK <= span.inner_start < span.inner_end <= end + MARK_SLACK


def _clause_content(cue: Token) -> list[Span]:
    """Return the content of an indirect-speech cue, as one or two pieces."""
    doc = cue.doc
    sentence = cue.sent
    for child in cue.children:
        if child.dep_ in CONTENT_DEPS:
            end = child.right_edge.i + 1
            rest = doc[end:_paragraph_bound(cue)]
            if child.i > cue.i and not any(_is_cue(token, load_cues()) for token in rest):
                end = rest.end
            return [doc[child.left_edge.i:end]]
    clause = [token.i for token in cue.subtree if not token.is_punct]
    left, right = min(clause), max(clause)
    if cue.dep_ in ("parataxis", "ccomp") and left > sentence.start:
        if cue.head.i < cue.i:
            return [doc[sentence.start:left]]
        if doc[left - 1].text == "," and right + 2 < sentence.end:
            return [doc[sentence.start:left], doc[right + 1:sentence.end]]
    frame = load_cues().get(cue.lemma_.lower())
    right = [child for child in cue.children if child.i > cue.i and child.dep_ in RIGHT_DEPS]
    if frame == "directive" and any(child.dep_ == "xcomp" for child in right):
        return [doc[right[0].left_edge.i:right[-1].right_edge.i + 1]]
    if frame == "object":
        right = [child for child in cue.children if child.i > cue.i and child.dep_ in OBJECT_DEPS]
        if right:
            return [doc[right[0].left_edge.i:right[-1].right_edge.i + 1]]
    return []


def _paragraph_bound(token: Token) -> int:
    """Return the index after the last token of the token's sentence within its paragraph."""
    for following in token.doc[token.i:token.sent.end]:
        if "\n" in following.whitespace_ or "\n" in following.text:
            return following.i + 1
    return token.sent.end


def _according_content(token: Token) -> list[Span]:
    doc = token.doc
    sentence = token.sent
    left, right = token.left_edge.i, token.right_edge.i + 1
    if left - sentence.start >= right - left and left > sentence.start:
        return [doc[sentence.start:left]]
    if sentence.end - right > 1:
        return [doc[right:sentence.end]]
    return []


def _outer(span: QuoteSpan) -> tuple[int, int]:
    return span.start, span.end


def _cover_quotes(marks: SpanIndex[QuoteSpan], start: int, end: int) -> tuple[int, int]:
    """Widen a content span over quote marks it cuts off (a parse leaving out the closing ”)."""
    for span in marks.overlapping(start, end):
        if span.start < end < span.end and span.start >= start and span.end - end <= MARK_SLACK:
            end = span.end
        if span.start < start < span.end and span.end <= end and start - span.start <= MARK_SLACK:
            start = span.start
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCT + ".":
        end -= 1
    return start, end


def _place_standalone(text: str, doc: Doc, drafts: list[_Draft],
                      standalone: list[QuoteSpan]) -> list[_Draft]:
    """Give quotes without a cue to the attribution before them.

    Merged into it when only blanks separate them (or the quote continues a paragraph);
    the same speaker when it is near; else the subject of the previous sentence.
    """
    result = list(drafts)
    for span in standalone:
        earlier = (draft for draft in result if draft.frame_end <= span.start)
        previous = max(earlier, key=lambda draft: draft.frame_end, default=None)
        if not _full_sentence(text, span):
            continue
        if previous is not None and span.start - previous.frame_end <= STANDALONE_GAP:
            gap = text[previous.frame_end:span.start]
            if previous.direct and (span.continued or (not gap.strip() and "\n" not in gap)):
                previous.pieces.append((span.inner_start, span.inner_end))
                previous.frame_end = max(previous.frame_end, span.end)
                continue
            if not gap.strip() or "\n" not in gap:
                result.append(_Draft([(span.inner_start, span.inner_end)], None, None, True, span.end,
                                     inherited=True))
                continue
        subject = _previous_subject(doc, span)
        if subject is not None:
            result.append(_Draft([(span.inner_start, span.inner_end)], None, subject, True, span.end))
    result.sort(key=lambda draft: draft.start)
    return result


def _full_sentence(text: str, span: QuoteSpan) -> bool:
    at = _end_before(text, span.start, " \t")
    starts_sentence = not at or text[at - 1] in "\n.!?”\"’:"
    return starts_sentence and len(text[span.inner_start:span.inner_end].split()) >= 3


def _previous_subject(doc: Doc, span: QuoteSpan) -> Span | None:
    tokens = doc.char_span(span.inner_start, span.inner_end, alignment_mode="expand")
    if tokens is None or tokens.start == 0 or tokens[0].sent.start == 0:
        return None
    previous = doc[tokens[0].sent.start - 1].sent
    for token in previous:
        if token.dep_ == "nsubj" and (token.ent_type_ == "PERSON" or token.lower_ in ("he", "she")):
            return mention_tokens(token)
    return None


def _finish(article: Article, drafts: list[_Draft], quoted: frozenset[int]) -> tuple[Quote, ...]:
    text = article.text
    history: list[Speaker] = []
    genders = infer_genders(article.doc, quoted)
    actors = actor_index(article.actors)
    quotes = []
    for draft in drafts:
        if draft.inherited:
            earlier = drafts[:drafts.index(draft)]
            speaker = next((d.speaker for d in reversed(earlier) if d.speaker), None)
        elif draft.subject is not None:
            speaker = resolve_speaker(article, draft.subject, history, quoted, genders, actors)
        else:
            speaker = None
        draft.speaker = speaker
        if draft.inherited and speaker is None:
            continue
        pieces = sorted(_trim_piece(text, start, end) for start, end in draft.pieces)
        if speaker is not None and not draft.inherited:
            history.append(speaker._replace(content=(pieces[0][0], pieces[-1][1])))
        content = PIECE_SEPARATOR.join(text[start:end] for start, end in pieces)
        bounds = [pieces[0][0], pieces[-1][1]]
        if draft.cue is not None:
            bounds += [draft.cue.idx, draft.cue.idx + len(draft.cue)]
        if draft.subject is not None:
            bounds += [draft.subject.start_char, draft.subject.end_char]
        start, end = min(bounds), max(bounds)
        quotes.append(Quote(
            content=content,
            speaker=speaker.name if speaker else None,
            speaker_actor=speaker.actor if speaker else None,
            cue=_cue_text(draft.cue),
            direct=draft.direct,
            evidence=Evidence(article.sentence_at(start), start, end, CODER, DATA_VERSION),
            content_start=pieces[0][0],
            content_end=pieces[-1][1],
        ))
    return tuple(quotes)


def _trim_piece(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start + 1 and text[end - 1] in " \t\n,;:":
        end -= 1
    return start, end


def _cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    if cue.lower_ == "according":
        return "according to"
    return cue.text[-1] if cue.text[-1] in DASH_CHARS else cue.text
