"""How the commands fail: one line on stderr starting with the error code, never a traceback.

Usage errors (a bad option or value, click's or ours) are "EW001 ..." with exit status 2;
an `EventwireError` is its own line with exit 1 (2 for `InvalidArgument`); any other
exception is "EW900 <type>: <message>", exit 1. `--debug` lets the exception through.
"""

from __future__ import annotations

import errno
import logging
import os
import sys
from collections.abc import Sequence
from contextlib import suppress
from typing import Any

import typer
from typer.core import TyperGroup

from eventwire.errors import EventwireError, InternalError, InvalidArgument, UnknownCoder

# errors of the caller's making: exit status 2, like a bad option
USAGE_ERRORS = (InvalidArgument, UnknownCoder)
DEBUG_FLAG = "--debug"
# the longest log line printed; the rest of a longer one is cut
MAX_LOG_CHARS = 1_000
QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "charset_normalizer")


class UsageError(typer.BadParameter):
    """A bad option value: "EW001 Invalid value for '--db': ...", exit 2."""


class Commands(TyperGroup):
    """The command group: every failure ends a command with one line, never a traceback."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        arguments = list(sys.argv[1:] if args is None else args)
        try:
            if not arguments:
                raise NoCommand()
            result = super().main(arguments, prog_name, complete_var, standalone_mode=False, **extra)
        except NoCommand:
            with self.make_context(prog_name or "eventwire", ["--help"], resilient_parsing=True) as ctx:
                typer.echo(ctx.get_help())
            result = _exit_with_line(f"{InvalidArgument.code} no command given; commands are "
                                     f"{', '.join(self.commands)}", 2)
        except typer.TyperException as error:  # click's usage errors: a bad option, a missing argument
            if DEBUG_FLAG in arguments:
                raise
            result = _exit_with_line(f"{InvalidArgument.code} {_usage_line(error)}", getattr(error, "exit_code", 2))
        except typer.Abort:
            result = _exit_with_line(f"{InternalError.code} aborted", 1)
        code = result if isinstance(result, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx: typer.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EventwireError as error:
            if ctx.params.get("debug"):
                raise
            raise _exit_for(error) from error
        except (typer.TyperException, typer.Exit, typer.Abort):
            raise
        except OSError as error:
            if error.errno == errno.EPIPE:  # the reader of stdout went away (| head): stop quietly
                _silence_stdout()
                raise typer.Exit(1) from error
            if ctx.params.get("debug"):
                raise
            raise _exit_for(InternalError(f"{type(error).__name__}: {error}")) from error
        except Exception as error:
            if ctx.params.get("debug"):
                raise
            raise _exit_for(InternalError(f"{type(error).__name__}: {error}")) from error


class NoCommand(Exception):
    """The command line names no command."""


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit raises no second broken pipe."""
    with suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _exit_for(error: EventwireError) -> typer.Exit:
    """Print `error` as one line on stderr; return the exit: 2 for a usage error, else 1."""
    code = 2 if isinstance(error, USAGE_ERRORS) else 1
    return typer.Exit(_exit_with_line(str(error), code))


def _exit_with_line(message: str, code: int) -> int:
    typer.echo(_one_line(message), err=True)
    return code


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def _usage_line(error: typer.TyperException) -> str:
    """The message of a click error on one line, with where to find help."""
    message = error.format_message()
    ctx = getattr(error, "ctx", None)
    if ctx is not None and not isinstance(error, typer.BadParameter):
        message += f" (see '{ctx.command_path} --help')"
    return _one_line(message)


class _LogLine(logging.Handler):
    """Write each log record as one bounded line on the current stderr (tracebacks: --debug)."""

    def __init__(self, debug: bool) -> None:
        super().__init__(logging.DEBUG if debug else logging.WARNING)
        self.debug = debug

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.debug:
                line = logging.Formatter("%(levelname)s %(name)s: %(message)s").format(record)
            else:
                line = _one_line(f"{record.levelname} {record.name}: {record.getMessage()}")
                if len(line) > MAX_LOG_CHARS:
                    line = line[:MAX_LOG_CHARS] + f" [... {len(line) - MAX_LOG_CHARS:,} characters cut]"
            sys.stderr.write(line + "\n")
        except Exception:  # a log line never ends a command
            self.handleError(record)


def configure_logging(debug: bool) -> None:
    """Log to stderr in bounded one-line records; with `debug`, debug records and tracebacks."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _LogLine)]:
        root.removeHandler(handler)
    root.addHandler(_LogLine(debug))
    root.setLevel(logging.DEBUG if debug else logging.WARNING)
    # the libraries' own notes on a page ("discarding data") repeat what a Failure records
    for library in QUIET_LIBRARIES:
        logging.getLogger(library).setLevel(logging.DEBUG if debug else logging.ERROR)
