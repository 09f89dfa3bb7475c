"""Main-text extraction: eventwire's `to_article` text against bare trafilatura, on HTML pages
and on plain-text dumps of the same pages, scored by the benchmark's own scorer.

    pip install -e '.[bench]'
    python benchmarks/extraction.py ../shared/extraction_bench [--markdown] [--pages N] [--half tune|check]

The benchmark folder (the scrapinghub article-extraction benchmark layout: `html/<key>.html.gz`,
`ground-truth.json` with each page's `articleBody`, and its `evaluate.py`) is read at run
time; nothing of it is copied. Rows:

- HTML: bare trafilatura (precision mode, as eventwire calls it; and default settings), and
  `Article.body` of eventwire's `to_article` on the raw page bytes (the text after its
  headline, as the benchmark's `articleBody` has no headline; a refused page scores as an
  empty text and is counted by error code; pages the default language check would refuse
  are counted by the language guessed).
- text dumps: each page turned into plain text by `html2text` and by `inscriptis` (what a
  browser "save as text" or a scraper keeps: menus, footers and all), scored as saved, and
  the text of eventwire's `to_article` on that dump (chrome lines removed).

Figures are the scorer's word 4-gram shingle F1, precision and recall (per-page means).
`--half` scores one half of the pages, split by the first byte of the SHA-1 of the page key
(even: "tune", the half to study errors on; odd: "check", to see that changes generalise).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

from eventwire.errors import EventwireError
from eventwire.extract import to_article
from eventwire.model import Document
from eventwire.options import Options


def load_scorer(bench: Path):  # noqa: ANN201 (the benchmark's own module)
    """Import the benchmark's `evaluate.py` from its folder."""
    spec = importlib.util.spec_from_file_location("extraction_bench_scorer", bench / "evaluate.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no evaluate.py in {bench}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HALVES = ("tune", "check")


def page_half(key: str) -> str:
    """The half a page belongs to: "tune" or "check", by a hash of its key."""
    return HALVES[hashlib.sha1(key.encode("utf-8")).digest()[0] % 2]


def load_pages(bench: Path, limit: int | None, half: str | None = None) -> tuple[dict[str, dict], dict[str, bytes]]:
    """Return the ground truth and the raw page bytes, keyed alike (of one half, if given)."""
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    keys = [key for key in sorted(truth) if half is None or page_half(key) == half][:limit]
    pages = {key: gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()) for key in keys}
    return {key: truth[key] for key in keys}, pages


def eventwire_text(key: str, content: bytes | str, media_type: str, errors: Counter[str]) -> str:
    """The body of `to_article` (its text after the headline); "" (and the error counted) when
    refused. The language check is off, as the benchmark scores text, not language
    filtering: a page the default check refuses is counted as "not English: <language>"."""
    try:
        article = to_article(Document(key, content, media_type=media_type), Options(check_language=False))
    except EventwireError as error:
        errors[f"{error.code} {type(error).__name__}"] += 1
        return ""
    if article.language != "en":
        errors[f"not English: {article.language}"] += 1
    return article.body


def html_dump(page: bytes) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0  # no hard wrapping: the paragraphs a browser would show
    return converter.handle(_decoded(page))


def inscriptis_dump(page: bytes) -> str:
    from inscriptis import get_text

    return get_text(_decoded(page))


def _decoded(page: bytes) -> str:
    from eventwire.extract.decode import decode_bytes

    return decode_bytes(page, "text/html")


def trafilatura_text(page: bytes, **settings: object) -> str:
    import trafilatura

    return trafilatura.extract(page, include_comments=False, output_format="txt", **settings) or ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path, help="the extraction benchmark folder")
    parser.add_argument("--pages", type=int, help="score only the first N pages (by key)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--half", choices=HALVES, help="score only one half of the pages (split by a hash of the key)")
    args = parser.parse_args()
    scorer = load_scorer(args.bench)
    truth, pages = load_pages(args.bench, args.pages, args.half)
    dumps = {"html2text": {key: html_dump(page) for key, page in pages.items()},
             "inscriptis": {key: inscriptis_dump(page) for key, page in pages.items()}}
    rows: list[tuple[str, str, dict[str, float], Counter[str]]] = []

    def score(input_name: str, system: str, extract: Callable[[str], str], errors: Counter[str]) -> None:
        prediction = {key: {"articleBody": extract(key)} for key in truth}
        metrics = scorer.evaluate(truth, prediction, n_bootstrap=0)
        rows.append((input_name, system, metrics, errors))

    score("HTML", "trafilatura, precision", lambda key: trafilatura_text(pages[key], favor_precision=True), Counter())
    score("HTML", "trafilatura, default", lambda key: trafilatura_text(pages[key]), Counter())
    errors: Counter[str] = Counter()
    score("HTML", "eventwire to_article", lambda key: eventwire_text(key, pages[key], "text/html", errors), errors)
    for name, dump in dumps.items():
        score(f"{name} text dump", "the dump as saved", dump.__getitem__, Counter())
        errors = Counter()
        score(f"{name} text dump", "eventwire to_article",
              lambda key, dump=dump, errors=errors: eventwire_text(key, dump[key], "text/plain", errors), errors)
    print(f"{len(truth)} pages of {args.bench}" + (f" ({args.half} half)" if args.half else ""), file=sys.stderr)
    if args.markdown:
        print("| input | system | token F1 | precision | recall | refused or not English |")
        print("|---|---|---:|---:|---:|---|")
    for input_name, system, metrics, errors in rows:
        refused = ", ".join(f"{count} {code}" for code, count in errors.most_common()) or "0"
        if args.markdown:
            print(f"| {input_name} | {system} | {metrics['f1']:.3f} | {metrics['precision']:.3f} | "
                  f"{metrics['recall']:.3f} | {refused} |")
        else:
            print(f"{input_name:<22} {system:<24} F1 {metrics['f1']:.3f}  P {metrics['precision']:.3f}  "
                  f"R {metrics['recall']:.3f}  refused or not English: {refused}")


if __name__ == "__main__":
    main()
