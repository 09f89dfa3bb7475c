"""Exceptions with stable codes; a failing document becomes a `Failure` record with its code."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: every error eventwire raises on purpose carries a stable `code`."""

    code = "EW000"

    def __init__(self, message: str) -> None:
        super().__init__(f"{self.code} {message}")
        self.message = message


class InvalidArgument(EventwireError):
    """A caller's argument of the wrong type or value: a usage error, not a bad document."""

    code = "EW001"


class EmptyDocument(EventwireError):
    code = "EW101"


class BinaryDocument(EventwireError):
    code = "EW102"


class UndecodableDocument(EventwireError):
    code = "EW103"


class DocumentTooLarge(EventwireError):
    code = "EW104"


class NotEnglish(EventwireError):
    code = "EW105"


class NoMainText(EventwireError):
    code = "EW106"


class BadDate(EventwireError):
    """A publication date given with a document that cannot be read as a calendar day."""

    code = "EW107"


class DocumentTimeout(EventwireError):
    """A document whose coding ran past `Options.max_seconds`."""

    code = "EW108"


class WorkerDied(EventwireError):
    """A document whose coding killed its worker process (a crash or the memory limit)."""

    code = "EW109"


class ReadError(EventwireError):
    """An input that cannot be read: missing file, bad JSON line, unreachable URL."""

    code = "EW201"


class WriteError(EventwireError):
    """An output that cannot be written: missing directory, a directory, no permission."""

    code = "EW202"


class UnknownCoder(EventwireError):
    code = "EW301"


class StoreError(EventwireError):
    code = "EW401"


class StoreWriteError(StoreError):
    """The store file cannot be written (full disk, file size limit): the batch stops there."""

    code = "EW402"


class EngineError(EventwireError):
    """The cluster engine cannot start, or cannot reach its cluster."""

    code = "EW601"


class GoldDataError(EventwireError):
    code = "EW501"


class InternalError(EventwireError):
    """An unexpected exception inside a stage, recorded so the batch goes on."""

    code = "EW900"
