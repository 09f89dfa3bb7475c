"""Write docs/cli.md from the CLI's own --help texts: python scripts/build_cli_docs.py"""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli import app

DOCS = Path(__file__).parent.parent / "docs" / "cli.md"


def command_names() -> list[str]:
    """Return the CLI's command names in definition order."""
    return [command.name or command.callback.__name__ for command in app.registered_commands]


def render() -> str:
    """Return the Markdown page: the main help, then each command's help."""
    os.environ["COLUMNS"] = "100"
    os.environ["NO_COLOR"] = "1"
    os.environ["TERM"] = "dumb"
    runner = CliRunner()
    parts = ["# eventwire command line\n", "Generated from `--help` by `scripts/build_cli_docs.py`.\n"]
    for name in ["", *command_names()]:
        args = [name, "--help"] if name else ["--help"]
        result = runner.invoke(app, args, prog_name="eventwire")
        title = f"eventwire {name}".strip()
        parts.append(f"## `{title}`\n\n```\n{result.output.rstrip()}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    DOCS.write_text(render(), encoding="utf-8")
    print(f"wrote {DOCS}")
