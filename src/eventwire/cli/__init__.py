"""The `eventwire` command: parse arguments, call the API, print results.

Results go to stdout (or --out), progress and messages to stderr. Every failure is one line
on stderr starting with its error code: exit status 2 for a usage error (EW001: a bad option
or value), 1 when the command fails (EW201 to EW900), never a traceback unless `--debug`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Annotated, Any, Optional, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)
from rich.table import Table
from rich.text import Text

from eventwire.cli import filters
from eventwire.cli.failures import DEBUG_FLAG, Commands, UsageError, configure_logging
from eventwire.errors import BadDate
from eventwire.model import Article, Document, Failure
from eventwire.options import DEFAULT_MIN_CONFIDENCE, Options

MEMORY_DB = ":memory:"
EVENT_FORMATS = ("table", "jsonl", "csv")
ENGINES = ("local", "ray")
DATASET_BATCH = 64  # articles per Parquet write


def _parameter(check: Callable[[str], str]) -> Callable[[Any], Any]:
    """Turn a `filters` check into an option callback: a `ValueError` becomes a usage error."""

    def callback(value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return check(value)
        except ValueError as error:
            raise UsageError(str(error)) from None

    return callback


def _check_published(value: str | None) -> str | None:
    from eventwire.extract.dates import normalise_date

    if value is None:
        return None
    try:
        return normalise_date(value)
    except BadDate as error:
        raise UsageError(error.message) from None


def _check_db(value: str | None) -> str | None:
    if value == MEMORY_DB:
        raise UsageError(f"the store must be a file or a PostgreSQL database: {MEMORY_DB} keeps nothing once"
                         " the command ends")
    return value


def _check_format(value: str) -> str:
    from eventwire.store.export import FORMATS

    if value.lower() not in FORMATS:
        raise UsageError(f"unknown export format {value!r}; formats are {', '.join(FORMATS)}")
    return value.lower()


def _positive(value: int | None) -> int | None:
    if value is not None and value < 1:
        raise UsageError(f"{value} is not a count; give a whole number of 1 or more")
    return value


def _event_format(value: str) -> str:
    return filters.check_choice(value, EVENT_FORMATS, "format")


def _half(value: str) -> str:
    from eventwire.evaluate.report import HALVES

    return filters.check_choice(value, HALVES, "half", "halves")


def _check_suites(value: list[str] | None) -> list[str] | None:
    from eventwire.evaluate import SUITES

    unknown = [name for name in value or () if name not in SUITES]
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        raise UsageError(f"unknown suite {names}; suites are {', '.join(SUITES)}")
    return value


app = typer.Typer(
    cls=Commands,
    help="Turn news articles into political event data (PLOVER/CAMEO), offline.\n\n"
         "Every failure is one line on stderr starting with its code (EW001 ...): exit status 2 "
         "for a usage error, 1 when the command fails; --debug shows the traceback.\n\n"
         "Example: eventwire --debug ingest news/ --db news.duckdb",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
stderr = Console(stderr=True)


@app.callback()
def settings(
    debug: Annotated[bool, typer.Option(DEBUG_FLAG, help="Show the traceback of an error and debug logs.")] = False,
) -> None:
    """Set what every command shares: logging, and with --debug tracebacks."""
    configure_logging(debug)


Sources = Annotated[list[str], typer.Argument(help="Files, directories, URLs, or - for stdin.")]
OutPath = Annotated[Optional[Path], typer.Option("--out", "-o", help="Write here instead of stdout.")]
DbPath = Annotated[str, typer.Option(
    "--db", callback=_check_db, envvar="EVENTWIRE_DB",
    help="The event store: a DuckDB file, or a PostgreSQL database as postgresql://user:password@host/name.")]
Published = Annotated[
    Optional[str],
    typer.Option("--published", callback=_check_published,
                 help="Publication date (YYYY-MM-DD) for documents that state none."),
]
Url = Annotated[
    Optional[str],
    typer.Option("--url", help="URL of the document(s) read, for documents that have none of their own."),
]
MinConfidence = Annotated[
    float,
    typer.Option("--min-confidence", min=0.0, max=1.0,
                 help="Leave out events whose confidence (0 to 1) is below this; 0 keeps all."),
]
CodingConfidence = Annotated[
    float,
    typer.Option("--min-confidence", min=0.0, max=1.0,
                 help="Leave out events whose confidence (0 to 1) is below this (the default drops"
                      " what the text barely supports); 0 keeps all."),
]
Format = Annotated[str, typer.Option("--format", "-f", callback=_check_format,
                                     help="Output format: csv, jsonl, parquet, gdelt, acled or geojson.")]
Workers = Annotated[
    Optional[int],
    typer.Option("--workers", "-w", callback=_positive,
                 help="Worker processes, each with its own model; default: one per CPU core."),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


@app.command()
def extract(
    sources: Sources,
    out: OutPath = None,
    published: Published = None,
    url: Url = None,
    min_confidence: CodingConfidence = DEFAULT_MIN_CONFIDENCE,
    workers: Workers = None,
    quiet: Quiet = False,
) -> None:
    """Extract events from articles and write one JSON object per article, in input order.

    Each event also carries its store `id`, `happened` and its `sentence` text.

    Example: eventwire extract article.html --url https://example.org/a --published 2020-01-08 -o events.jsonl
    """
    from eventwire.store.rows import article_record

    written = 0
    with _open_text(out) as stream:
        for item in _run(sources, published, url, min_confidence, workers=workers, quiet=quiet):
            if isinstance(item, Article):
                stream.write(json.dumps(article_record(item), ensure_ascii=False) + "\n")
                written += 1
    if not written:
        stderr.print("[red]no article could be read[/]")
        raise typer.Exit(1)


@app.command()
def ingest(
    sources: Sources,
    db: Annotated[Optional[str], typer.Option(
        "--db", callback=_check_db, envvar="EVENTWIRE_DB",
        help="The event store: a DuckDB file, or a PostgreSQL database as postgresql://user:password@host/name;"
             " default eventwire.duckdb unless --out is given.")] = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", help="Also (or, without --db, only) write the events as Parquet files in this folder,"
                            " partitioned by event month.")] = None,
    published: Published = None,
    url: Url = None,
    min_confidence: CodingConfidence = DEFAULT_MIN_CONFIDENCE,
    workers: Workers = None,
    engine: Annotated[str, typer.Option(
        "--engine", callback=_parameter(_engine),
        help="local (worker processes on this machine) or ray (actors on a Ray cluster).")] = "local",
    address: Annotated[Optional[str], typer.Option(
        "--address", help="With --engine ray: the cluster (ray://head:10001, or auto); default: a Ray"
                          " instance on this machine, for this run.")] = None,
    quiet: Quiet = False,
) -> None:
    """Extract events from articles into the store, DuckDB or PostgreSQL (re-ingesting adds nothing).

    Worker processes (or Ray actors) code the articles; this process writes them, in input
    order, each in one transaction. Several ingests may write to one PostgreSQL database at
    once: an article is stored once. Exits with status 1 when documents were given and none
    could be stored.

    Example: eventwire ingest news/ --db news.duckdb --workers 4 --min-confidence 0.5
    """
    from eventwire.store import Store
    from eventwire.store.dataset import ParquetDataset

    if address and engine != "ray":
        raise UsageError("--address names a Ray cluster; add --engine ray", param_hint="'--address'")
    if db is None and out is None:
        db = "eventwire.duckdb"
    with Store.open(db) if db else nullcontext() as store:
        dataset = ParquetDataset(out) if out else None
        # a stored article is known by its id (a hash of its text) before the costly parse
        known = store.article_ids() if store else frozenset()
        items = _run(sources, published, url, min_confidence, known=known, workers=workers, quiet=quiet,
                     engine=engine, address=address)
        if dataset:
            items = _written_to(dataset, items)
        counts = store.add_all(items) if store else _counted(items)
    targets = " and ".join(str(name) for name in (store and store.path, out) if name)
    stderr.print(
        f"[bold]{counts['added']}[/] added, {counts['skipped']} already stored, "
        f"{counts['failures']} failed → {escape(targets)}", soft_wrap=True,
    )
    if counts["failures"] and not counts["added"] + counts["skipped"]:
        raise typer.Exit(1)


def _engine(value: str) -> str:
    if value.lower() not in ENGINES:
        raise ValueError(f"unknown engine {value!r}; engines are {', '.join(ENGINES)}")
    return value.lower()


def _written_to(dataset: Any, items: Iterable[Article | Failure],
                every: int = DATASET_BATCH) -> Iterator[Article | Failure]:
    """Pass `items` on, each run of `every` first written to the Parquet `dataset`.

    A batch's events are written before its articles are stored: a run killed in between
    codes those articles again and finds their events written (the dataset skips them).
    """
    buffer: list[Article | Failure] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= every:
            dataset.write(article for article in buffer if isinstance(article, Article))
            yield from buffer
            buffer = []
    dataset.write(article for article in buffer if isinstance(article, Article))
    yield from buffer


def _counted(items: Iterable[Article | Failure]) -> dict[str, int]:
    counts = {"added": 0, "skipped": 0, "failures": 0}
    for item in items:
        counts["failures" if isinstance(item, Failure) else "added"] += 1
    return counts


@app.command()
def events(
    db: DbPath = "eventwire.duckdb",
    type: Annotated[Optional[str], typer.Option("--type", callback=_parameter(filters.check_type),
                                                help="PLOVER type, e.g. ASSAULT.")] = None,
    country: Annotated[Optional[str], typer.Option("--country", callback=_parameter(filters.check_country),
                                                   help="Source or target ISO3 code (or IGO).")] = None,
    since: Annotated[Optional[str], typer.Option("--since", callback=_parameter(filters.check_date),
                                                 help="Earliest event date (2020, 2020-01, ...).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", callback=_parameter(filters.check_date),
                                                 help="Latest event date.")] = None,
    place: Annotated[Optional[str], typer.Option("--place", callback=_parameter(filters.check_place),
                                                 help="Place name or country ISO3.")] = None,
    happened: Annotated[bool, typer.Option("--happened", help="Only events that took place (asserted, reported or historical).")] = False,
    min_confidence: MinConfidence = 0.0,
    limit: Annotated[int, typer.Option("--limit", callback=_positive, help="At most this many events.")] = 50,
    fmt: Annotated[str, typer.Option("--format", "-f", callback=_parameter(_event_format),
                                     help="table, jsonl or csv.")] = "table",
    mentions: Annotated[bool, typer.Option(
        "--mentions", help="One row per event mention (per article), not per real-world event.")] = False,
) -> None:
    """Query stored events by type, actor country, date range and place.

    One row per real-world event (a cluster of the articles' mentions of it, with how many
    mentions, articles and outlets report it), unless --mentions.

    Example: eventwire events --type ASSAULT --country IRN --min-confidence 0.5
    """
    from eventwire.store import Store
    from eventwire.store.dates import date_range
    from eventwire.store.export import export_events

    if since and until and date_range(since)[0] > date_range(until)[1]:
        raise UsageError(f"--since {since} is after --until {until}; no event can match", param_hint="'--until'")
    with Store.open(db, read_only=True) as store:
        query = store.events if mentions else store.clusters
        rows = query(type=type, actor_country=country, since=since, until=until, place=place,
                     happened_only=happened, min_confidence=min_confidence, limit=limit)
    if fmt == "table":
        Console().print(_event_table(rows))
    else:
        export_events(rows, fmt, sys.stdout)


@app.command()
def cluster(db: DbPath = "eventwire.duckdb") -> None:
    """Find syndicated copies and cluster every stored event again, from scratch.

    Ingest clusters each article as it stores it; this makes the clusters again for the
    whole store, in the order the articles were stored (after a change of eventwire's
    clustering rules, or after writers ran at once on one PostgreSQL store).

    Example: eventwire cluster --db news.duckdb
    """
    from eventwire.store import Store

    with Store.open(db) as store:
        counts = store.cluster()
    stderr.print(f"{counts['events']} events of {counts['articles']} articles in [bold]{counts['clusters']}[/]"
                 f" clusters; {counts['copies']} articles are copies → {escape(store.path)}", soft_wrap=True)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    db: DbPath = "eventwire.duckdb",
    fmt: Format = "jsonl",
    mentions: Annotated[bool, typer.Option(
        "--mentions", help="jsonl, csv, parquet: one row per event mention, not per real-world event.")] = False,
) -> None:
    """Export every stored event: one row per real-world event (a cluster of mentions).

    jsonl, csv and parquet hold every column (with --mentions, one row per mention);
    gdelt writes the GDELT 2.0 event table (tab-separated, with a header) and its mentions
    table beside it as NAME.mentions.EXT; acled writes ACLED-style CSV rows of what happened;
    geojson an RFC 7946 FeatureCollection of the located events (docs/exports.md lists every
    column). Each file is written whole or not at all, and never over the store itself.

    Example: eventwire export -f gdelt -o events.tsv
    """
    from eventwire.store import Store
    from eventwire.store.export import export_store, gdelt_mentions_path

    written = [out, gdelt_mentions_path(out)] if fmt == "gdelt" else [out]
    if any(_same_file(path, db) for path in written):
        raise UsageError(f"{out} is the store file; exporting there would overwrite the store",
                         param_hint="'--out'")
    if mentions and fmt not in ("jsonl", "csv", "parquet"):
        raise UsageError(f"--mentions is for jsonl, csv and parquet; {fmt} holds events and their mentions",
                         param_hint="'--mentions'")
    with Store.open(db, read_only=True) as store:
        counts = export_store(store, fmt, out, mentions=mentions)
    stderr.print(", ".join(f"{count} {name}" for name, count in counts.items()) + f" → {out}")


@app.command()
def serve(
    db: Annotated[Optional[str], typer.Option(
        "--db", callback=_check_db, envvar="EVENTWIRE_DB",
        help="The event store (a DuckDB file or a postgresql:// URL); default eventwire.duckdb if it"
             " exists, else the bundled example reports, coded at start-up.")] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[Optional[str], typer.Option(
        "--token", envvar="EVENTWIRE_TOKEN",
        help="Accept POST /extract and /ingest from requests that carry it (Authorization: Bearer);"
             " without one the server is read-only.")] = None,
) -> None:
    """Serve the store over HTTP: a dashboard at /, the REST API, its OpenAPI docs at /docs.

    Read-only unless a token is given. Listens on 127.0.0.1 unless --host says otherwise.

    Example: eventwire serve --db news.duckdb --port 8000
    """
    try:
        import uvicorn

        from eventwire.serve.api import create_app, example_store
    except ImportError as error:
        raise UsageError(f"eventwire serve needs the serve extra: pip install 'eventwire[serve]' ({error.name}"
                         " is missing)") from None
    with tempfile.TemporaryDirectory() as folder:
        if db is None:
            if Path("eventwire.duckdb").is_file():
                db = "eventwire.duckdb"
            else:
                stderr.print("no store given and no eventwire.duckdb here: coding the bundled example reports")
                db = example_store(Path(folder))
        app = create_app(db, token=token)
        app.state.server.warm()  # the events in memory before the first page asks for them
        stderr.print(f"serving {escape(app.state.server.store.path)} on http://{host}:{port} (dashboard at /, API docs at /docs)")
        uvicorn.run(app, host=host, port=port, log_level="warning")



@app.command("eval")
def evaluate_command(
    gold: Annotated[Path, typer.Argument(help="Gold directory (one folder per suite).")],
    suite: Annotated[Optional[list[str]], typer.Option("--suite", "-s", callback=_check_suites,
                                                       help="Suite(s) to run; all by default.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", callback=_positive, help="At most this many records per suite.")] = None,
    half: Annotated[Optional[str], typer.Option("--half", callback=_parameter(_half),
                                                help="Score one development half: tune or check.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print figures as JSON.")] = False,
) -> None:
    """Score the system on gold data and print a table of metrics.

    Example: eventwire eval ../shared/gold --suite plover_gsr --suite acled --half tune
    """
    from eventwire.evaluate.__main__ import print_reports
    from eventwire.evaluate import evaluate

    print_reports(evaluate(gold, suite, limit=limit, half=half), as_json=as_json)


def _run(
    sources: list[str], published: str | None, url: str | None, min_confidence: float, *,
    known: frozenset[str] = frozenset(), workers: int | None = None, quiet: bool = False,
    engine: str = "local", address: str | None = None,
) -> Iterator[Article | Failure]:
    """Read, extract and code every document, with a progress bar and failures on stderr.

    Documents without a date or URL of their own get `published` and `url`; the workers drop
    the events below `min_confidence`. An article whose id is in `known` is yielded
    uncoded, as text extraction made it (see `pipeline.process`). `workers` processes
    code the documents (default: one per core), or with `engine` "ray" as many Ray actors
    on the cluster at `address` (default: one per CPU of the cluster).
    """
    from eventwire.ingest import count_documents, read_sources
    from eventwire.pipeline import default_workers, process_parallel

    options = Options(min_confidence=min_confidence)
    documents = _with_defaults(read_sources(sources, options), published, url)
    if engine == "ray":
        from eventwire.distributed import process_ray

        coded = process_ray(documents, options, address=address, actors=workers, known=known)
    else:
        coded = process_parallel(documents, options, workers=workers or default_workers(), known=known)
    total = None if _quiet(quiet) else count_documents(sources)
    with _progress(quiet, total) as progress:
        task = progress.add_task("articles", total=total, events=0, failures=0)
        for item in coded:
            if isinstance(item, Failure):
                stderr.print(f"[red]{item.code}[/] {escape(item.source)}: {escape(item.reason)}", soft_wrap=True)
                progress.update(task, failures=progress.tasks[0].fields["failures"] + 1)
            else:
                progress.update(task, events=progress.tasks[0].fields["events"] + len(item.events))
            progress.advance(task)
            yield item


def _with_defaults(
    items: Iterable[Document | Failure], published: str | None, url: str | None
) -> Iterator[Document | Failure]:
    for item in items:
        if isinstance(item, Document):
            if published and not item.published:
                item = dataclasses.replace(item, published=published)
            if url and not item.url:
                item = dataclasses.replace(item, url=url)
        yield item


class _Rate(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "", style="progress.data.speed")


def _progress(quiet: bool = False, total: int | None = None) -> Progress:
    """A progress bar on stderr (a terminal only): articles done (of how many, with the time
    left, where the inputs tell: see `ingest.count_documents`), rate, events, failures."""
    known = [TextColumn(f"of {total}"), BarColumn(bar_width=24), TextColumn("ETA"), TimeRemainingColumn()]
    return Progress(
        SpinnerColumn(), TextColumn("{task.completed} articles"), *(known if total is not None else ()), _Rate(),
        TextColumn("{task.fields[events]} events, {task.fields[failures]} failed"),
        TimeElapsedColumn(), console=stderr, transient=True, disable=_quiet(quiet),
    )


def _quiet(quiet: bool) -> bool:
    return quiet or not stderr.is_terminal


@contextmanager
def _open_text(path: Path | None) -> Iterator[TextIO]:
    """Open --out for writing (atomically: whole or not at all), or use stdout."""
    from eventwire.store.output import atomic_path

    if path is None:
        yield sys.stdout
        return
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8") as stream:
        yield stream


def _same_file(first: Path, second: str) -> bool:
    """Whether two paths name one file (through links), existing or not."""
    from eventwire.store.backends import is_postgres

    if is_postgres(second):
        return False
    if os.path.realpath(first) == os.path.realpath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _event_table(rows: list[dict]) -> Table:
    clusters = bool(rows) and "n_articles" in rows[0]
    table = Table("date", "type", "source", "target", "place", "modality", "trigger", "confidence",
                  *(("articles", "outlets") if clusters else ()))
    for row in rows:
        table.add_row(
            str(row.get("date") or ""), row["type"], ";".join(row.get("source_codes") or []),
            ";".join(row.get("target_codes") or []), str(row.get("place_name") or ""),
            row["modality"], row["trigger"], f"{row['confidence']:.2f}",
            *((str(row["n_articles"]), str(row["n_sources"])) if clusters else ()),
        )
    return table


def main() -> None:
    """Run the CLI: every failure ends it with a one-line message, exit 1 (2: usage)."""
    app()
