"""Score quote attribution on PolNeAR (content spans and speakers of US political news).

Example:
    python -m eventwire.evaluate ../shared/gold --suite polnear
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import defaultdict
from pathlib import Path

from eventwire.context import Context
from eventwire.errors import EventwireError
from eventwire.evaluate.report import Report, read_jsonl
from eventwire.model import Article, Quote
from eventwire.nlp.parse import attach_doc
from eventwire.quotes.attribution import PIECE_SEPARATOR, extract_quotes
from eventwire.quotes.lexicon import load_titles
from eventwire.registry import get_coder

logger = logging.getLogger(__name__)

WORD = re.compile(r"\w+")
GOLD_SEPARATOR = " ... "
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "who"})
Tokens = frozenset[int]


def evaluate_polnear(gold_dir: Path, ctx: Context, limit: int | None = None,
        half: str | None = None) -> Report:
    """Score the quotes coder on PolNeAR dev annotations (`docs_dev.jsonl`, `quotes_dev.jsonl`).

    Every annotation record (a document as one annotator labelled it) is scored against
    the system output for its text; texts are parsed once.

    Content spans are compared as sets of word tokens (`\\w+` runs, identified by char
    offset), so quote marks and edge punctuation do not count. Gold contents made of
    several pieces ("..." in PolNeAR) count only the pieces' tokens; so do system quotes.
    Each gold attribution is matched to the system quote sharing most tokens with it, and
    each system quote to the gold attribution sharing most with it. Micro-averaged:
    recall = sum of best overlaps / gold tokens, precision = sum of best overlaps / system
    tokens. `direct_*` restricts gold to `is_direct` (the content contains quoted words)
    and the system to `Quote.direct`; `all_*` uses every attribution and quote.

    Speaker accuracy is measured on gold attributions with a source whose best system
    quote overlaps them: the speaker is right when the speaker actor's mention overlaps
    the gold source span, or the resolved name shares a name word (titles and determiners
    ignored) with the gold source text or, for a pronoun source ("he"), with the nearest
    earlier gold source that names someone (a stand-in for coreference). The system
    pronoun itself counts when it equals the gold pronoun. `speaker_accuracy_all` divides
    by every gold attribution with a source instead.

    `direct_speaker_exact` is stricter, on direct gold quotes only: the speaker named must
    be the person the gold source names, word for word (see `_speaker_exact`).

    Example:
        report = evaluate_polnear(Path("gold/polnear"), Context(), limit=10)
    """
    gold_dir = Path(gold_dir)
    documents = list(read_jsonl(gold_dir / "docs_dev.jsonl", limit, half))
    attributions: dict[str, list[dict]] = defaultdict(list)
    for record in read_jsonl(gold_dir / "quotes_dev.jsonl"):
        attributions[record["id"].rsplit(":", 1)[0]].append(record)
    outputs = _system_quotes(documents, ctx)
    direct, every = _Overlap(), _Overlap()
    speakers_right = speakers_matched = speakers_total = 0
    exact_right = exact_matched = 0
    for document in documents:
        text = document["text"]
        key = document["id"].split(":", 1)[1]
        gold = [record for record in attributions.get(key, []) if record.get("content")]
        quotes = outputs[document["doc"]]
        gold_tokens = [_tokens(text, record["content"]) for record in gold]
        system_tokens = [_quote_tokens(text, quote) for quote in quotes]
        every.add(gold_tokens, system_tokens)
        direct.add([tokens for tokens, record in zip(gold_tokens, gold) if record["is_direct"]],
                   [tokens for tokens, quote in zip(system_tokens, quotes) if quote.direct])
        for index, record in enumerate(gold):
            if not record.get("source"):
                continue
            speakers_total += 1
            overlaps = [len(gold_tokens[index] & tokens) for tokens in system_tokens]
            if not overlaps or not max(overlaps):
                continue
            speakers_matched += 1
            quote = quotes[overlaps.index(max(overlaps))]
            if _speaker_right(quote, record, gold[:index]):
                speakers_right += 1
            if record["is_direct"]:
                exact_matched += 1
                exact_right += _speaker_exact(quote, record, gold[:index])
    metrics = {
        **{f"direct_{name}": value for name, value in direct.scores().items()},
        **{f"all_{name}": value for name, value in every.scores().items()},
        "speaker_accuracy": speakers_right / speakers_matched if speakers_matched else 0.0,
        "speaker_accuracy_all": speakers_right / speakers_total if speakers_total else 0.0,
        "speaker_n": float(speakers_matched),
        "direct_speaker_exact": exact_right / exact_matched if exact_matched else 0.0,
        "direct_speaker_n": float(exact_matched),
    }
    notes = "content-span token P/R/F1 (best-overlap matching, micro); speaker accuracy on matched"
    return Report("polnear", len(documents), metrics, notes=notes)


@dataclasses.dataclass(slots=True)
class _Overlap:
    """Token overlap sums for best-match precision and recall."""

    gold: int = 0
    system: int = 0
    recalled: int = 0
    precise: int = 0

    def add(self, gold: list[Tokens], system: list[Tokens]) -> None:
        for tokens in gold:
            self.gold += len(tokens)
            self.recalled += max((len(tokens & other) for other in system), default=0)
        for tokens in system:
            self.system += len(tokens)
            self.precise += max((len(tokens & other) for other in gold), default=0)

    def scores(self) -> dict[str, float]:
        p = self.precise / self.system if self.system else 0.0
        r = self.recalled / self.gold if self.gold else 0.0
        return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "n": float(self.gold)}


def _system_quotes(documents: list[dict], ctx: Context) -> dict[str, tuple[Quote, ...]]:
    """Run nlp, actors (when available) and the quotes coder once per distinct text."""
    texts = {document["doc"]: document["text"] for document in documents}
    actors = _actors_coder()
    outputs = {}
    for (name, text), doc in zip(texts.items(), ctx.nlp.pipe(texts.values())):
        article = attach_doc(Article(id=name, text=text), doc, model=ctx.options.model)
        if actors is not None:
            try:
                article = actors(article, ctx)
            except Exception:  # a broken actors coder must not stop the quote scores
                logger.exception("actors coder failed on %s; scoring without actors", name)
        outputs[name] = extract_quotes(article, ctx).quotes
    return outputs


def _actors_coder():
    try:
        return get_coder("actors", "rules.v1")
    except (EventwireError, ImportError) as error:
        logger.warning("actors coder unavailable (%s); speakers resolved without actors", error)
        return None


def _tokens(text: str, content: dict) -> Tokens:
    """Return the word tokens of a gold content ({text, start, end}; pieces joined by " ... ")."""
    return _piece_tokens(text, content["text"], content["start"], content["end"], GOLD_SEPARATOR)


def _quote_tokens(text: str, quote: Quote) -> Tokens:
    """Return the word tokens of a system quote's content."""
    return _piece_tokens(text, quote.content, quote.content_start, quote.content_end, PIECE_SEPARATOR)


def _piece_tokens(text: str, content: str, start: int, end: int, separator: str) -> Tokens:
    """Return the char offsets of the word tokens of a (possibly multi-piece) content span."""
    found: set[int] = set()
    cursor = start
    for piece in content.split(separator):
        piece = piece.strip()
        if not piece:
            continue
        at = text.find(piece, cursor, max(end, cursor) + 1)
        if at < 0:
            at = text.find(piece)
        if at < 0:
            found.update(m.start() + start for m in WORD.finditer(text[start:end]))
            continue
        found.update(m.start() + at for m in WORD.finditer(piece))
        cursor = at + len(piece)
    return frozenset(found)


def _speaker_right(quote: Quote, record: dict, earlier: list[dict]) -> bool:
    source = record["source"]
    actor = quote.speaker_actor
    if actor is not None and actor.evidence.start < source["end"] and source["start"] < actor.evidence.end:
        return True
    if not quote.speaker:
        return False
    words = _name_words(quote.speaker)
    gold_words = _name_words(source["text"])
    if words and (words & gold_words or words <= _name_words(source["text"], keep_titles=True)):
        return True
    if source["text"].strip().lower() in PRONOUNS:
        if quote.speaker.lower() == source["text"].strip().lower():
            return True
        for previous in reversed(earlier):
            if previous.get("source") and _names_someone(previous["source"]["text"]):
                return bool(words & _name_words(previous["source"]["text"]))
    return False


def _speaker_exact(quote: Quote, record: dict, earlier: list[dict]) -> bool:
    """Whether the system speaker is the gold source's head, named in full or as the gold does.

    The gold source is cut to its head phrase: before any apposition or clause (", ", " (",
    " who ") and after any possessive ("Clinton's campaign manager Robby Mook" -> "campaign
    manager Robby Mook"); titles and determiners are dropped from both sides. The speaker is
    right when its words equal the head's, or end with them ("Donald Trump" for "Trump").
    A pronoun source ("he", "who") stands for the nearest earlier gold source that names
    someone; with none, only the same pronoun is right.
    """
    speaker = _ordered_words(quote.speaker or "")
    source = record["source"]["text"].strip()
    if source.lower() in PRONOUNS:
        for previous in reversed(earlier):
            if previous.get("source") and _names_someone(previous["source"]["text"]):
                source = previous["source"]["text"]
                break
        else:
            return (quote.speaker or "").strip().lower() == source.lower()
    head = _ordered_words(_head_phrase(source))
    return bool(head) and speaker[-len(head):] == head


HEAD_CUTS = re.compile(r",\s|\s\(|\swho\s|\s[—–]\s")
POSSESSIVE = re.compile(r"\w['’]s?\s", re.UNICODE)


def _head_phrase(source: str) -> str:
    """Return a gold source without appositions, clauses and a possessor."""
    source = HEAD_CUTS.split(source, maxsplit=1)[0]
    possessives = list(POSSESSIVE.finditer(source))
    return source[possessives[-1].end():] if possessives else source


def _ordered_words(name: str) -> list[str]:
    """The lower-cased words of a name in order, without determiners and (unless nothing
    else is left) titles."""
    titles = load_titles()
    words = [word.lower() for word in WORD.findall(name)]
    words = [word for word in words if word not in ("a", "an", "the")]
    named = [word for word in words if word not in titles]
    return named or words


def _names_someone(text: str) -> bool:
    """Whether a source text holds a name (a capitalised word that is no pronoun or title)."""
    titles = load_titles()
    return any(word[:1].isupper() and word.lower() not in PRONOUNS and word.lower() not in titles
               for word in WORD.findall(text))


def _name_words(name: str, *, keep_titles: bool = False) -> frozenset[str]:
    """Return the lower-cased words of a name without pronouns, determiners and (unless
    asked, or nothing else is left) titles."""
    titles = frozenset() if keep_titles else load_titles()
    words = [match.group().lower() for match in WORD.finditer(name)]
    words = [word for word in words if word not in PRONOUNS and word not in ("a", "an", "the", "of", "s")]
    named = frozenset(word for word in words if word not in titles)
    return named or frozenset(words)
