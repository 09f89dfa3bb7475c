"""The REST API over a store (DuckDB file or PostgreSQL): events, articles, stats, extraction.

Read endpoints are open; `POST /extract` and `POST /ingest` need the server's token as
`Authorization: Bearer <token>` and are refused (403) when the server has none. Every
query reaches the store through its parametrised queries. OpenAPI docs at `/docs`, served
from the `swagger-ui-bundle` package: nothing is fetched from the internet.

Example:
    >>> app = create_app("news.duckdb", token="s3cret")
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import hmac
import threading
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, model_validator

from eventwire.errors import EventwireError, StoreError
from eventwire.model import Article, Document, Failure
from eventwire.serve.dashboard import mount_dashboard
from eventwire.serve.snapshot import Snapshot
from eventwire.store import Store
from eventwire.store.dates import date_range
from eventwire.store.exchange import geojson
from eventwire.store.rows import article_record

MAX_BODY_BYTES = 2 * 1024 * 1024  # a POST body larger than this is refused (413)
MAX_LIMIT = 1000
MAX_FEATURES = 20000  # points on one map: a browser draws this many at ease
DATE_PATTERN = r"^[1-9]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
BBOX_PATTERN = r"^-?\d{1,3}(\.\d+)?(,-?\d{1,3}(\.\d+)?){3}$"
SORTS = ("date", "-date", "reports", "-reports", "confidence", "-confidence")
ROW_FILTERS = ("mode", "source_country", "target_country", "dyad", "sector", "bbox", "q")  # and geonameid


class ExtractRequest(BaseModel):
    """One article to code: its plain text or its HTML, with what the text may not say."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="HTML of the page (the main text is extracted).")
    url: str | None = Field(None, max_length=2048)
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.", max_length=32)

    @model_validator(mode="after")
    def one_body(self) -> ExtractRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError('give exactly one of "text" and "html"')
        return self


class Page(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class _Server:
    """The store and the pipeline behind the app; one request at a time uses the store.

    With `cache`, the store's events and clusters are held in memory (`Snapshot`) and read
    again when the store's generation has changed: one cheap query per request.
    """

    def __init__(self, db: str, token: str | None, cache: bool = True) -> None:
        self.db, self.token, self.cache = db, token, cache
        self.store = Store.open(db, read_only=token is None)
        self.lock = threading.Lock()
        self._ctx = None
        self._snapshot: Snapshot | None = None

    def snapshot(self) -> Snapshot:
        """The store's rows as they are now; call it holding the lock."""
        if self._snapshot is None or self._snapshot.generation != self.store.generation():
            self._snapshot = Snapshot.read(self.store)
        return self._snapshot

    def warm(self) -> None:
        """Read the store's rows now, before the first request would."""
        if self.cache:
            with self.lock:
                self.snapshot()

    def forget(self) -> None:
        """Drop the rows held in memory (after a write); call it holding the lock."""
        self._snapshot = None

    @property
    def ctx(self) -> Any:
        if self._ctx is None:
            from eventwire.context import Context

            self._ctx = Context()
        return self._ctx


def create_app(db: str, *, token: str | None = None, max_body_bytes: int = MAX_BODY_BYTES,
               cache: bool = True) -> FastAPI:
    """The API over the store at `db`; with a `token`, the store opens for writing and the
    POST endpoints take requests that carry it. Without `cache`, every request reads and
    clusters the store's events again (the answers are the same, slower)."""
    server = _Server(db, token, cache)
    app = FastAPI(title="eventwire", version="1", docs_url=None, redoc_url=None,
                  description="Political events coded from news, clustered across articles.")
    _mount_docs(app)

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        if request.method == "POST":
            length = request.headers.get("content-length")
            if length is None or not length.isdigit():
                return JSONResponse({"detail": "a POST needs a Content-Length"}, status_code=411)
            if int(length) > max_body_bytes:
                return JSONResponse({"detail": f"the body is larger than {max_body_bytes} bytes"}, status_code=413)
        return await call_next(request)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, error: StoreError) -> JSONResponse:
        return JSONResponse({"detail": error.message, "code": error.code}, status_code=400)

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        if server.token is None:
            raise HTTPException(403, "this server is read-only: start it with a token to accept writes")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), server.token.encode()):
            raise HTTPException(401, "a valid token is needed: Authorization: Bearer <token>",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.get("/health")
    def health() -> dict[str, Any]:
        """Whether the server can read its store, and how much the store holds."""
        with server.lock:
            counts = server.store.counts()
        return {"status": "ok", "store": server.store.path, "articles": counts["articles"],
                "events": counts["events"], "writable": server.token is not None}

    @app.get("/events", response_model=Page, responses={400: {"description": "A filter the store refuses"}})
    def list_events(filters: Annotated[dict, Depends(_event_filters)],
                    limit: Annotated[int, Query(ge=0, le=MAX_LIMIT)] = 100,
                    offset: Annotated[int, Query(ge=0)] = 0,
                    sort: Annotated[str, Query(pattern="^-?(date|reports|confidence)$")] = "date") -> Page:
        """Events, one per real-world event (a cluster), or per mention with `mentions=true`."""
        rows = _filtered(server, filters)
        rows = _sorted(rows, sort)
        return Page(total=len(rows), limit=limit, offset=offset, items=[_plain(r) for r in rows[offset:offset + limit]])

    @app.get("/events.geojson")
    def events_geojson(filters: Annotated[dict, Depends(_event_filters)],
                       limit: Annotated[int, Query(ge=0, le=MAX_FEATURES)] = MAX_FEATURES) -> dict[str, Any]:
        """The located events matching the filters as an RFC 7946 FeatureCollection: the
        `limit` latest (undated ones last), with `total`, how many are located, beside them."""
        filters["mentions"] = False
        collection = geojson(_sorted(_filtered(server, filters), "-date"))
        features = collection["features"]
        return _plain({**collection, "features": features[:limit], "total": len(features), "limit": limit})

    @app.get("/events/{event_id}", responses={404: {"description": "No such event"}})
    def get_event(event_id: str) -> dict[str, Any]:
        """A cluster (by its id or any of its mentions' ids) with every mention and its sentence."""
        if server.cache:
            with server.lock:
                snapshot = server.snapshot()
            cluster = snapshot.cluster(event_id)
            if cluster is None:
                raise HTTPException(404, f"no event {event_id!r}")
            return _plain({**cluster, "mentions_detail": [snapshot.by_event[m] for m in cluster["members"]]})
        with server.lock:
            clusters = server.store.clusters()
            mentions = {row["event_id"]: row for row in server.store.events()}
        for cluster in clusters:
            if cluster["cluster_id"] == event_id or event_id in cluster["members"]:
                return _plain({**cluster, "mentions_detail": [mentions[m] for m in cluster["members"]]})
        raise HTTPException(404, f"no event {event_id!r}")

    @app.get("/articles/{article_id}", responses={404: {"description": "No such article"}})
    def get_article(article_id: str) -> dict[str, Any]:
        """An article's clean text with its events, actors, places, quotes and their spans."""
        with server.lock:
            article = server.store.article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return _plain(article_record(article))

    @app.get("/stats")
    def stats(filters: Annotated[dict, Depends(_event_filters)]) -> dict[str, Any]:
        """Counts by type, country and day, and the Goldstein balance of each dyad."""
        rows = _filtered(server, filters)
        by_country: Counter[str] = Counter()
        dyads: dict[str, list[float]] = defaultdict(list)
        for row in rows:
            countries = {c for c in (row["source_countries"] or []) + (row["target_countries"] or []) if c}
            by_country.update(countries)
            for source in {c for c in row["source_countries"] or [] if c}:
                for target in {c for c in row["target_countries"] or [] if c}:
                    if row["goldstein"] is not None:
                        dyads[f"{source}-{target}"].append(row["goldstein"])
        return {
            "events": len(rows),
            "by_type": dict(Counter(row["type"] for row in rows).most_common()),
            "by_country": dict(by_country.most_common()),
            "by_day": dict(sorted(Counter(row["date_start"] for row in rows if row["date_start"]).items())),
            "dyads": {dyad: {"events": len(scores), "goldstein_sum": round(sum(scores), 2),
                             "goldstein_mean": round(sum(scores) / len(scores), 2)}
                      for dyad, scores in sorted(dyads.items(), key=lambda item: -len(item[1]))},
        }

    writes = {401: {"description": "No valid token"}, 403: {"description": "The server is read-only"},
              411: {"description": "No Content-Length"}, 413: {"description": "The body is too large"},
              422: {"description": "A bad body, or a document that cannot be coded (its failure code)"}}

    @app.post("/extract", dependencies=[Depends(authorised)], responses=writes)
    def extract(request: ExtractRequest) -> dict[str, Any]:
        """Code one article and return it (nothing is stored)."""
        return _plain(article_record(_code(server, request)))

    @app.post("/ingest", dependencies=[Depends(authorised)], status_code=201, responses=writes)
    def ingest(request: ExtractRequest) -> dict[str, Any]:
        """Code one article and store it; `stored` is false when it was stored before."""
        article = _code(server, request)
        with server.lock:
            stored = server.store.add(article)
            if stored:
                server.forget()
        return {"id": article.id, "stored": stored, "events": len(article.events)}

    mount_dashboard(app)  # the dashboard at /, its files, and the outlines its map draws

    app.state.server = server
    return app


def example_store(folder: Path) -> str:
    """Code the bundled example reports (eventwire's clustering set) into a store in `folder`."""
    from eventwire.evaluate.clusters import load_reports
    from eventwire.options import Options
    from eventwire.pipeline import default_workers, process_parallel

    documents = [Document(source=f"example#{r['id']}", content=r["text"], url=r["url"], published=r["published"],
                          title=r["title"]) for r in load_reports()]
    path = folder / "example.duckdb"
    with Store.open(path) as store:
        store.add_all(process_parallel(documents, Options(), workers=default_workers()))
    return str(path)


def _event_filters(
    type: Annotated[str | None, Query(description="PLOVER type, e.g. ASSAULT.", max_length=32)] = None,
    mode: Annotated[str | None, Query(max_length=64)] = None,
    modality: Annotated[str | None, Query(max_length=32)] = None,
    happened: Annotated[bool, Query(description="Only events that took place.")] = False,
    country: Annotated[str | None, Query(description="Source or target country (ISO3).", max_length=8)] = None,
    source_country: Annotated[str | None, Query(max_length=8)] = None,
    target_country: Annotated[str | None, Query(max_length=8)] = None,
    sector: Annotated[str | None, Query(description="Source or target sector, e.g. MIL.", max_length=8)] = None,
    dyad: Annotated[str | None, Query(description="SOURCE-TARGET countries, e.g. IRN-USA.",
                                      pattern="^[A-Za-z]{3}-[A-Za-z]{3}$")] = None,
    place: Annotated[str | None, Query(description="Place name or country ISO3.", max_length=200)] = None,
    geonameid: Annotated[int | None, Query(ge=0)] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat (degrees)",
                                      pattern=BBOX_PATTERN)] = None,
    since: Annotated[str | None, Query(description="Earliest date: 2020, 2020-01 or 2020-01-08.",
                                       pattern=DATE_PATTERN)] = None,
    until: Annotated[str | None, Query(description="Latest date.", pattern=DATE_PATTERN)] = None,
    q: Annotated[str | None, Query(description="Words the evidence sentence holds.", max_length=200)] = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
    mentions: Annotated[bool, Query(description="One item per mention, not per real-world event.")] = False,
) -> dict[str, Any]:
    for name, value in (("since", since), ("until", until)):
        if value is not None and date_range(value) is None:  # a day the calendar lacks: 2021-02-30
            raise invalid(("query", name), f"{value!r} is not a date such as 2020-01-08, 2020-01 or 2020")
    box = tuple(float(part) for part in bbox.split(",")) if bbox is not None else None
    return {"type": type, "mode": mode, "modality": modality, "happened": happened, "country": country,
            "source_country": source_country, "target_country": target_country, "sector": sector,
            "dyad": dyad, "place": place, "geonameid": geonameid, "bbox": box, "since": since, "until": until,
            "q": q, "min_confidence": min_confidence, "mentions": mentions}


def _filtered(server: _Server, filters: dict[str, Any]) -> list[dict[str, Any]]:
    """The store's rows (or the snapshot's) for the filters it takes, then the others applied to each row."""
    query = {"type": filters["type"], "actor_country": filters["country"], "since": filters["since"],
             "until": filters["until"], "place": filters["place"], "modality": filters["modality"],
             "happened_only": filters["happened"], "min_confidence": filters["min_confidence"] or None}
    if server.cache:
        with server.lock:
            snapshot = server.snapshot()
        # outside the lock: a snapshot never changes
        rows = (snapshot.events if filters["mentions"] else snapshot.clusters)(**query)
    else:
        with server.lock:
            rows = (server.store.events if filters["mentions"] else server.store.clusters)(**query)
    if not any(filters[name] for name in ROW_FILTERS) and filters["geonameid"] is None:
        return rows  # no filter of the store's rows' own: none to apply to each row
    return [row for row in rows if _matches(row, filters)]


def _matches(row: dict[str, Any], filters: dict[str, Any]) -> bool:
    sources = {c for c in row["source_countries"] or [] if c}
    targets = {c for c in row["target_countries"] or [] if c}
    if filters["mode"] and (row["mode"] or "").lower() != filters["mode"].lower():
        return False
    if filters["source_country"] and filters["source_country"].upper() not in sources:
        return False
    if filters["target_country"] and filters["target_country"].upper() not in targets:
        return False
    if filters["dyad"]:
        source, target = filters["dyad"].upper().split("-")
        if source not in sources or target not in targets:
            return False
    if filters["sector"]:
        sector = filters["sector"].upper()
        codes = (row["source_codes"] or []) + (row["target_codes"] or [])
        if not any(code and code[3:6] == sector for code in codes):
            return False
    if filters["geonameid"] is not None and row["place_geonameid"] != filters["geonameid"]:
        return False
    if filters["bbox"]:
        min_lon, min_lat, max_lon, max_lat = filters["bbox"]
        if row["place_lat"] is None or not (min_lat <= row["place_lat"] <= max_lat
                                            and min_lon <= row["place_lon"] <= max_lon):
            return False
    if filters["q"]:
        sentence = (row.get("sentence_text") or "").lower()
        if not all(word in sentence for word in filters["q"].lower().split()):
            return False
    return True


def _sorted(rows: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    key, reverse = sort.lstrip("-"), sort.startswith("-")
    if key == "date":  # undated events last, whichever way
        dated = sorted((r for r in rows if r["date_start"]), key=lambda r: r["date_start"], reverse=reverse)
        return dated + [r for r in rows if not r["date_start"]]
    if key == "reports":
        return sorted(rows, key=lambda r: r.get("n_articles", 1), reverse=reverse)
    return sorted(rows, key=lambda r: r["confidence"], reverse=reverse)


def _code(server: _Server, request: ExtractRequest) -> Article:
    from eventwire.pipeline import process

    document = Document(source=request.url or "request", content=request.text if request.text is not None
                        else request.html, url=request.url, published=request.published)
    try:
        [result] = list(process([document], server.ctx))
    except EventwireError as error:
        raise invalid(("body",), error.message, error.code) from error
    if isinstance(result, Failure):
        raise invalid(("body",), f"{result.code} {result.reason}", result.code)
    return result


def invalid(where: tuple[str, ...], message: str, kind: str = "value_error") -> HTTPException:
    """A 422 shaped as FastAPI's own validation errors (the schema's HTTPValidationError)."""
    return HTTPException(422, [{"loc": list(where), "msg": message, "type": kind}])


def _plain(value: Any) -> Any:
    """JSON-ready: dates as ISO text, tuples as lists."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI from the swagger-ui-bundle package, served by this app."""
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/static/swagger-ui", StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="eventwire API",
                                   swagger_js_url="/static/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger-ui/favicon-32x32.png")
