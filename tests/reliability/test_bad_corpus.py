"""Issue 16: over 5,000 generated bad documents (and good ones) through `eventwire ingest` and `extract`.

Every bad document is recorded once, with a stable code and a one-line reason, or is a valid
article; every good document is stored; the batch finishes with no traceback and a bounded
stderr. The corpus is code (`corpus.py`), written under a temporary directory.
"""

from __future__ import annotations

import collections
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from .corpus import ARTICLE, EITHER, FAILURE, Corpus, write_corpus

CODE = re.compile(r"EW\d{3}")
# one failure line: its code, the source and a reason of at most a few hundred characters
MAX_LINE_CHARS = 5_000
MAX_STDERR_BYTES_PER_DOCUMENT = 400


def eventwire(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "COLUMNS": "200", "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "eventwire", *arguments], capture_output=True, text=True,
                          errors="backslashreplace", cwd=cwd, env=environment, timeout=1_200)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return write_corpus(tmp_path_factory.mktemp("bad-corpus") / "corpus")


@pytest.fixture(scope="module")
def ingested(corpus: Corpus) -> tuple[subprocess.CompletedProcess[str], Path]:
    db = corpus.root.parent / "store.duckdb"
    return eventwire("ingest", str(corpus.root), "--db", str(db), cwd=corpus.root.parent), db


def stored(db: Path) -> tuple[collections.Counter, list[tuple[str, str, str]]]:
    with duckdb.connect(str(db), read_only=True) as connection:
        rows = connection.execute("SELECT source FROM articles").fetchall()
        articles = collections.Counter(source for (source,) in rows)
        failures = connection.execute("SELECT source, code, reason FROM failures").fetchall()
    return articles, failures


def check_stderr(result: subprocess.CompletedProcess[str], documents: int) -> list[str]:
    """Assert a bounded stderr without tracebacks; return its failure lines."""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.encode()) <= MAX_STDERR_BYTES_PER_DOCUMENT * documents
    lines = result.stderr.splitlines()
    assert max(map(len, lines)) <= MAX_LINE_CHARS
    return [line for line in lines if CODE.match(line)]


def test_corpus_is_large_and_mixed(corpus: Corpus) -> None:
    counts = corpus.counts()
    assert len(corpus.expected) >= 5_000
    assert counts[ARTICLE] >= 40 and counts[FAILURE] >= 4_000 and counts[EITHER] >= 100
    assert len({item.source for item in corpus.expected}) == len(corpus.expected)


def test_ingest_finishes_without_traceback(ingested: tuple[subprocess.CompletedProcess[str], Path],
                                           corpus: Corpus) -> None:
    result, _ = ingested
    assert result.returncode == 0, result.stderr[-2_000:]
    failure_lines = check_stderr(result, len(corpus.expected))
    assert failure_lines and all(line.split(" ", 1)[0] != "EW900" for line in failure_lines)
    assert re.search(r"\d+ added, 0 already stored, \d+ failed", result.stderr)


def test_every_document_is_stored_or_recorded_once(ingested: tuple[subprocess.CompletedProcess[str], Path],
                                                   corpus: Corpus) -> None:
    _, db = ingested
    articles, failures = stored(db)
    failed = collections.Counter(source for source, _, _ in failures)
    codes = {source: code for source, code, _ in failures}
    wrong = []
    for item in corpus.expected:
        outcome = (articles[item.source], failed[item.source])
        if item.outcome == ARTICLE:
            ok = outcome == (1, 0)
        elif item.outcome == FAILURE:
            ok = outcome == (0, 1) and (item.code is None or codes[item.source] == item.code)
        else:
            ok = outcome in ((1, 0), (0, 1))
        if not ok:
            wrong.append((item.source, item.kind, item.outcome, item.code, outcome, codes.get(item.source)))
    assert wrong == []
    expected = {item.source for item in corpus.expected}
    assert set(failed) <= expected and set(articles) <= expected  # nothing recorded that was not sent


def test_failures_have_a_stable_code_and_one_line_reason(
        ingested: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, db = ingested
    _, failures = stored(db)
    assert failures
    for source, code, reason in failures:
        assert CODE.fullmatch(code) and code != "EW900", (source, code, reason)
        assert reason.strip() and "\n" not in reason and "\r" not in reason and len(reason) <= MAX_LINE_CHARS


def test_extract_gives_one_record_or_failure_per_document(corpus: Corpus) -> None:
    out = corpus.root.parent / "extracted.jsonl"
    result = eventwire("extract", str(corpus.root), "-o", str(out), cwd=corpus.root.parent)
    assert result.returncode == 0, result.stderr[-2_000:]
    failure_lines = check_stderr(result, len(corpus.expected))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) + len(failure_lines) == len(corpus.expected)
    sources = {record["source"] for record in records}
    assert {item.source for item in corpus.expected if item.outcome == ARTICLE} <= sources
    assert sources <= {item.source for item in corpus.expected if item.outcome in (ARTICLE, EITHER)}
