"""Write output files atomically: a temporary file beside the target, then `os.replace`."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from eventwire.errors import WriteError


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Give a temporary path to write; on success it replaces `path`, on failure it goes.

    A failed write never leaves a partial file nor deletes an existing one. A symbolic link
    is written through to its target; the file keeps an existing target's permissions. A
    device or FIFO (/dev/null, /dev/stdout) is written in place, never replaced.
    Raises `WriteError` (EW202) when `path` is a directory, its directory is missing, it
    is read-only, or the file cannot be written.

    Example:
        >>> with atomic_path("events.csv") as temporary:
        ...     temporary.write_text("type\\nASSAULT\\n", encoding="utf-8")
    """
    target = Path(os.path.realpath(path))
    shown = str(path)
    if target.is_dir():
        raise WriteError(f"cannot write {shown}: it is a directory")
    if not target.parent.is_dir():
        raise WriteError(f"cannot write {shown}: no directory {target.parent}")
    if target.exists() and not os.access(target, os.W_OK):
        raise WriteError(f"cannot write {shown}: the file is read-only")
    if target.exists() and not target.is_file():  # a device or FIFO (/dev/null): written in place, never replaced
        try:
            yield target
        except OSError as error:
            raise WriteError(f"cannot write {shown}: {error.strerror or error}") from error
        return
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        if target.exists():
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
    except OSError as error:
        _remove(temporary)
        raise WriteError(f"cannot write {shown}: {error.strerror or error}") from error
    try:
        yield temporary
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise WriteError(f"cannot write {shown}: {error.strerror or error}") from error
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: Path) -> None:
    with suppress(OSError):
        path.unlink()
