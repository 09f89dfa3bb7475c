"""Context: the resources a process loads once (NLP model, knowledge base, gazetteer)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from eventwire.options import Options

if TYPE_CHECKING:
    from spacy.language import Language


class Context:
    """Options plus lazily loaded, process-wide resources shared by all stages."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()

    @cached_property
    def nlp(self) -> Language:
        from eventwire.nlp.model import load_pipeline

        return load_pipeline(self.options.model)

    @cached_property
    def knowledge_base(self) -> Any:
        from eventwire.actors.knowledge import load_knowledge_base

        return load_knowledge_base()

    @cached_property
    def gazetteer(self) -> Any:
        from eventwire.places.gazetteer import load_gazetteer

        return load_gazetteer()

    @cached_property
    def lexicon(self) -> Any:
        from eventwire.events.lexicon import load_lexicon

        return load_lexicon()
