"""docs/cli.md is generated from --help; a command missing from it fails here."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).parents[2]


def load_builder():
    spec = importlib.util.spec_from_file_location("build_cli_docs", ROOT / "scripts" / "build_cli_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_command_is_documented():
    builder = load_builder()
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in builder.command_names():
        assert f"## `eventwire {name}`" in docs


def test_cli_docs_are_up_to_date():
    builder = load_builder()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == builder.render(), (
        "docs/cli.md is stale: run python scripts/build_cli_docs.py"
    )
