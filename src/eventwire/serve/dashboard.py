"""The dashboard at `/`: a page over the API's own endpoints, and the country outlines its map draws.

The page, its script and its style are files in `serve/static/`; the outlines come from the
`countryinfo` package (rounded to 0.1°). Everything the page asks for is on this server, by
relative URLs: no tiles, fonts or scripts from elsewhere.

Example:
    >>> app = FastAPI()
    >>> mount_dashboard(app)
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

PRECISION = 1  # decimal places of the outlines' degrees: about 11 km


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard at `/`, its files under `/static/dashboard/` and the outlines at `/basemap.json`."""
    app.mount("/static/dashboard", StaticFiles(packages=[("eventwire.serve", "static")]), name="dashboard")

    @app.get("/", include_in_schema=False)
    def dashboard() -> HTMLResponse:
        return HTMLResponse(_page())

    @app.get("/basemap.json", responses={200: {"description": "A GeoJSON FeatureCollection, one feature a country"}})
    def basemap(request: Request) -> Response:
        """Country outlines (GeoJSON, degrees rounded to 0.1°) for the dashboard's map."""
        headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
        if "gzip" in request.headers.get("accept-encoding", ""):
            return Response(_basemap_gzip(), media_type="application/json",
                            headers={**headers, "Content-Encoding": "gzip"})
        return Response(_basemap_json(), media_type="application/json", headers=headers)


@lru_cache(maxsize=1)
def _page() -> str:
    return (resources.files("eventwire.serve") / "static" / "index.html").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _basemap_json() -> bytes:
    return json.dumps(country_outlines(), separators=(",", ":")).encode("utf-8")


@lru_cache(maxsize=1)
def _basemap_gzip() -> bytes:
    return gzip.compress(_basemap_json(), mtime=0)


def country_outlines() -> dict[str, Any]:
    """Return the countries' outlines from `countryinfo` as a GeoJSON FeatureCollection.

    Each feature's id is the country's ISO3 code, its `name` property the country's name and
    its geometry a MultiPolygon; rings too small to keep at 0.1° are dropped.

    Example:
        >>> country_outlines()["features"][0]["id"]
        'AFG'
    """
    features = []
    for entry in (resources.files("countryinfo") / "data").iterdir():
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        outline = info.get("geoJSON")
        for feature in outline.get("features", ()) if isinstance(outline, dict) else ():
            polygons = _rounded(feature.get("geometry") or {})
            code = feature.get("id") or (info.get("ISO") or {}).get("alpha3")
            if polygons and code:
                features.append({"type": "Feature", "id": code, "properties": {"name": info.get("name") or code},
                                 "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    features.sort(key=lambda feature: feature["id"])
    return {"type": "FeatureCollection", "features": features}


def _rounded(geometry: dict[str, Any]) -> list:
    """The geometry's polygons with their points rounded, repeats dropped, and empty rings left out."""
    if geometry.get("type") == "Polygon":
        polygons = [geometry.get("coordinates") or []]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry.get("coordinates") or []
    else:
        return []
    kept = []
    for polygon in polygons:
        rings = [_rounded_ring(ring) for ring in polygon]
        if rings and rings[0]:  # a polygon whose outer ring is too small goes, holes and all
            kept.append([ring for ring in rings if ring])
    return kept


def _rounded_ring(ring: list) -> list[list[float]]:
    points: list[list[float]] = []
    for lon, lat, *_ in ring:
        point = [round(lon, PRECISION), round(lat, PRECISION)]
        if not points or points[-1] != point:
            points.append(point)
    return points if len(points) >= 4 else []  # a closed ring: three corners and its first point again
