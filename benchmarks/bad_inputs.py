"""Run `eventwire ingest` on the generated bad-input corpus, beside a run on its good documents only.

Prints, for each run: documents tried, failures by code, wall time, peak RSS of the child
process, stderr bytes (and its longest line) and tracebacks. The corpus (compression bombs
of 1 GiB, a 50 MB page, links, FIFOs, ...) comes from `tests/reliability/corpus.py`.

Usage: .venv/bin/python benchmarks/bad_inputs.py [--bad-lines 4000] [--bad-records 1000] [--bomb-mib 1024]
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
MIB = 2**20


def load_corpus_module():  # noqa: ANN201 (a module)
    """Import the corpus generator of the tests by path."""
    spec = importlib.util.spec_from_file_location("bad_corpus", ROOT / "tests" / "reliability" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def run_ingest(source: Path, db: Path) -> dict:
    """Run `eventwire ingest source --db db` as a child process; return its figures."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as stderr:
        child = subprocess.Popen([sys.executable, "-m", "eventwire", "ingest", str(source), "--db", str(db)],
                                 stdout=subprocess.DEVNULL, stderr=stderr, cwd=db.parent)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        stderr.seek(0)
        log = stderr.read()
    with duckdb.connect(str(db), read_only=True) as connection:
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        codes = collections.Counter(dict(connection.execute(
            "SELECT code, count(*) FROM failures GROUP BY code").fetchall()))
    lines = log.splitlines() or [b""]
    return {
        "exit": child.returncode, "articles": articles, "failures": sum(codes.values()), "codes": codes,
        "wall": wall, "rss": usage.ru_maxrss * 1024, "log": len(log), "longest": max(map(len, lines)),
        "tracebacks": log.count(b"Traceback"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bad-lines", type=int, default=4_000, help="broken JSON Lines records")
    parser.add_argument("--bad-records", type=int, default=1_000, help="broken web-archive records")
    parser.add_argument("--bomb-mib", type=int, default=1_024, help="what each compression bomb unpacks to")
    args = parser.parse_args()
    corpus_module = load_corpus_module()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "corpus"
        started = time.perf_counter()
        corpus = corpus_module.write_corpus(root, bad_lines=args.bad_lines, bad_records=args.bad_records,
                                            bomb_bytes=args.bomb_mib * MIB)
        written = time.perf_counter() - started
        counts = corpus.counts()
        print(f"corpus: {len(corpus.expected)} documents ({counts['failure']} bad, {counts['either']} bad or "
              f"valid, {counts['article']} good), {_size(root) / MIB:.0f} MiB on disk, written in {written:.1f} s; "
              f"bombs unpack to {args.bomb_mib} MiB each")
        runs = {
            "good documents only": run_ingest(root / "good", Path(folder) / "good.duckdb"),
            "whole corpus": run_ingest(root, Path(folder) / "all.duckdb"),
        }
    width = max(map(len, runs))
    print(f"{'run':<{width}}  {'tried':>6} {'stored':>6} {'failed':>6} {'exit':>4} {'wall s':>7} "
          f"{'peak RSS MiB':>12} {'stderr KiB':>10} {'longest line':>12} {'tracebacks':>10}")
    for name, run in runs.items():
        tried = run["articles"] + run["failures"]
        print(f"{name:<{width}}  {tried:>6} {run['articles']:>6} {run['failures']:>6} {run['exit']:>4} "
              f"{run['wall']:>7.1f} {run['rss'] / MIB:>12.0f} {run['log'] / 1024:>10.1f} {run['longest']:>12} "
              f"{run['tracebacks']:>10}")
    print("failures by code (whole corpus): "
          + ", ".join(f"{code} {count}" for code, count in sorted(runs["whole corpus"]["codes"].items())))


def _size(folder: Path) -> int:
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


if __name__ == "__main__":
    main()
