"""Every record type eventwire produces: one frozen data model shared by all stages."""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a record comes from: a sentence, a character span of `Article.text`, and its coder."""

    sentence: int
    start: int
    end: int
    coder: str
    data: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the clean text, with its character span."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention found by the NLP model (label as spaCy gives it)."""

    text: str
    label: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention coded as country (ISO3, "IGO" or None when unknown) + sector.

    `name` is the canonical name ("Donald Trump", "Iran"); `kind` is one of
    "state", "person", "organization", "group", "igo", "unknown", or "implied" for an
    actor the event implies but the text does not name (then `text` is empty).
    """

    text: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    evidence: Evidence

    @property
    def code(self) -> str:
        """PLOVER-style actor code, e.g. "IRNMIL"; "" when nothing is known."""
        return (self.country or "") + (self.sector or "")


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved to a GeoNames entry (geonameid None when unresolved).

    `point` says where `lat`/`lon` come from: "geonames" (the GeoNames entry's own point),
    "airportsdata" (an airport's), "estimated" (no package ships GeoNames' point: a country's
    centre is the mean of countryinfo's point and its largest polygon's centroid, a
    division's the middle of its towns), "curated" (eventwire's own data), or None (unknown:
    stored before it was recorded, or unresolved).
    """

    text: str
    name: str
    geonameid: int | None
    feature_class: str | None
    feature_code: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    evidence: Evidence
    point: str | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression normalised TIMEX3-style relative to the publication date.

    `type` is DATE, TIME, DURATION or SET; `value` the TIMEX3 value ("2020-01-08",
    "2020-W02", "P3D", "PRESENT_REF"; None when it cannot be resolved); `precision`
    one of "day", "week", "month", "quarter", "season", "year", "decade", "century"
    or None.
    """

    text: str
    type: str
    value: str | None
    precision: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Quote:
    """A statement with its speaker: direct quotes and indirect speech.

    `speaker` is who says it as the text first names them in full, with what it says of
    them there ("Italian Prime Minister Matteo Renzi" for a later "he said"); the coded
    actor, with its country, sector and canonical name, is `speaker_actor`.
    `events` indexes the events of `Article.events` that the quoted content reports
    ("threatened to strike Israel").
    """

    content: str
    speaker: str | None
    speaker_actor: Actor | None
    cue: str | None
    direct: bool
    evidence: Evidence
    content_start: int = -1
    content_end: int = -1
    events: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A count attached to an event: weapons, dead, injured, crowd size, ..."""

    kind: str
    value: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, where and when, coded in PLOVER and CAMEO.

    `modality` is one of "asserted", "reported", "negated", "future", "intended",
    "hypothetical", "threatened", "historical". `mentions` holds the evidence of every mention merged into
    this event; `evidence` is the first (most complete) one. `confidence` in [0, 1] says how
    sure the coding is (`events/confidence.py`); `id` ("<article id>:<n>", n its position
    among the article's events as coded) is given when the pipeline ends and kept by the
    store, whatever events a threshold later drops.
    """

    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    goldstein: float | None
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    trigger: str
    modality: str
    evidence: Evidence
    place: Place | None = None
    place_precision: str | None = None
    date: str | None = None
    date_precision: str | None = None
    quantities: tuple[Quantity, ...] = ()
    mentions: tuple[Evidence, ...] = ()
    confidence: float = 1.0
    id: str = ""

    @property
    def happened(self) -> bool:
        """Whether the text says the event took place: asserted, reported, or mentioned as
        background ("historical": "after the clashes", "since the 2014 invasion")."""
        return self.modality in ("asserted", "reported", "historical")


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed, with a stable error code and the reason."""

    source: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class Document:
    """Raw input as read by an ingest reader, before main-text extraction."""

    source: str
    content: str | bytes
    url: str | None = None
    published: str | None = None
    title: str | None = None
    media_type: str = "text/plain"


@dataclass(frozen=True, slots=True)
class Article:
    """A news article with its clean text and everything extracted from it.

    `doc` holds the spaCy parse while the pipeline runs; it is never serialised.
    """

    id: str
    text: str
    source: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    removed_lines: tuple[str, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    doc: Any = field(default=None, compare=False, repr=False)

    @property
    def body(self) -> str:
        """The text after its headline: `text` less its first paragraph when that is the title.

        Example:
            >>> Article("a", "Iran bombs bases\\n\\nMissiles hit two bases.", title="Iran bombs bases").body
            'Missiles hit two bases.'
        """
        head, separator, rest = self.text.partition("\n\n")
        if separator and self.title and " ".join(head.split()) == " ".join(self.title.split()):
            return rest
        return self.text

    def sentence_at(self, offset: int) -> int:
        """Return the index of the sentence containing character `offset` (-1 if none)."""
        position = bisect_right(self.sentences, offset, key=_sentence_start) - 1
        if position >= 0 and offset < self.sentences[position].end:
            return self.sentences[position].index
        return -1

    def to_dict(self) -> dict[str, Any]:
        """Return the article as plain JSON-ready data (without the parse)."""
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "doc"}
        return _plain(data)


def event_id(article_id: str, index: int) -> str:
    """Return the stable id of the `index`-th event of an article: "<article id>:<index>"."""
    return f"{article_id}:{index}"


def _sentence_start(sentence: Sentence) -> int:
    return sentence.start


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, Actor):
            data["code"] = value.code
        return data
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
