"""Clusters in the formats analysts already load: GDELT 2.0, ACLED and GeoJSON.

Each function takes cluster rows (`Store.clusters()`) and, for GDELT's mentions table, the
mention rows (`Store.events()`), and returns plain rows or a GeoJSON object; `docs/exports.md`
lists every column with what fills it and where eventwire departs from the original.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from typing import Any

from eventwire.store.linking import outlet_host

Row = dict[str, Any]

# GDELT 2.0 event table columns written (a subset: the ones eventwire can fill)
GDELT_EVENT_COLUMNS = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    "PLOVERType", "Modality", "ClusterID",
)
GDELT_MENTION_COLUMNS = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "ActionCharOffset", "InRawText", "Confidence", "MentionID",
)
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "cluster_id",
)
LEAD_SENTENCES = 3  # a mention in the first three sentences is in the lead: GDELT's IsRootEvent
# ACLED inter codes by eventwire actor sector (ACLED codebook: 1 state forces, 2 rebel groups,
# 3 political militias, 5 rioters, 6 protesters, 7 civilians)
ACLED_INTER = {"GOV": 1, "MIL": 1, "COP": 1, "SPY": 1, "REB": 2, "UAF": 3, "CVL": 7}
ARMED_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "REB", "UAF"})


def numeric_id(cluster_id: str) -> int:
    """A stable positive 63-bit integer for a cluster id (GDELT's ids are integers)."""
    return int.from_bytes(hashlib.blake2b(cluster_id.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def gdelt_events(clusters: Iterable[Row]) -> list[Row]:
    """One GDELT 2.0 event row per cluster."""
    rows = []
    for cluster in clusters:
        day = _day(cluster)
        cameo = cluster["cameo"] or ""
        root = cameo[:2]
        source, target = _first(cluster, "source"), _first(cluster, "target")
        rows.append({
            "GlobalEventID": numeric_id(cluster["cluster_id"]),
            "Day": day.strftime("%Y%m%d") if day else None,
            "MonthYear": day.strftime("%Y%m") if day else None,
            "Year": day.year if day else None,
            "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else None,
            "Actor1Code": source["code"], "Actor1Name": source["name"], "Actor1CountryCode": source["country"],
            "Actor1Type1Code": source["sector"],
            "Actor2Code": target["code"], "Actor2Name": target["name"], "Actor2CountryCode": target["country"],
            "Actor2Type1Code": target["sector"],
            "IsRootEvent": int(cluster["sentence"] is not None and cluster["sentence"] < LEAD_SENTENCES),
            "EventCode": cameo or None, "EventBaseCode": cameo[:3] or None, "EventRootCode": root or None,
            "QuadClass": _quad_class(root),
            "GoldsteinScale": cluster["goldstein"],
            "NumMentions": cluster["n_mentions"], "NumSources": cluster["n_sources"],
            "NumArticles": cluster["n_articles"],
            "ActionGeo_Type": _geo_type(cluster),
            "ActionGeo_FullName": cluster["place_name"], "ActionGeo_CountryCode": cluster["place_country"],
            "ActionGeo_ADM1Code": None,
            "ActionGeo_Lat": cluster["place_lat"], "ActionGeo_Long": cluster["place_lon"],
            "ActionGeo_FeatureID": cluster["place_geonameid"],
            "DATEADDED": (cluster["first_report"] or "").replace("-", "")[:8] + "000000" if cluster["first_report"]
            else None,
            "SOURCEURL": cluster["article_url"],
            "PLOVERType": cluster["type"], "Modality": cluster["modality"], "ClusterID": cluster["cluster_id"],
        })
    return rows


def gdelt_mentions(clusters: Iterable[Row], mentions: Iterable[Row]) -> list[Row]:
    """One GDELT 2.0 mentions row per member mention of each cluster."""
    cluster_of = {member: cluster for cluster in clusters for member in cluster["members"]}
    rows = []
    for mention in mentions:
        cluster = cluster_of.get(mention["event_id"])
        if cluster is None:
            continue
        published = (mention["article_published"] or "").replace("-", "")[:8]
        first = (cluster["first_report"] or "").replace("-", "")[:8]
        rows.append({
            "GlobalEventID": numeric_id(cluster["cluster_id"]),
            "EventTimeDate": first + "000000" if first else None,
            "MentionTimeDate": published + "000000" if published else None,
            "MentionType": 1 if mention["article_url"] else 6,  # 1 web, 6 other (a file)
            "MentionSourceName": outlet_host(mention["article_url"]) or mention["article_source"],
            "MentionIdentifier": mention["article_url"] or mention["article_source"],
            "SentenceID": mention["sentence"] + 1 if mention["sentence"] is not None else None,
            "ActionCharOffset": mention["start"],
            "InRawText": 1,
            "Confidence": round(100 * mention["confidence"]),
            "MentionID": mention["event_id"],
        })
    return rows


def acled_rows(clusters: Iterable[Row]) -> list[Row]:
    """ACLED-style rows for the clusters that happened and are of an ACLED event type."""
    rows = []
    for cluster in clusters:
        kind = acled_type(cluster)
        if kind is None or not cluster["happened"]:
            continue
        day = _day(cluster)
        sources, targets = _actors(cluster, "source"), _actors(cluster, "target")
        inter1 = _inter(sources[0]) if sources else 0
        inter2 = _inter(targets[0]) if targets else 0
        if kind[0] == "Protests":
            inter1 = 6
        elif kind[0] == "Riots":
            inter1 = 5
        rows.append({
            "event_id_cnty": f"{cluster['place_country'] or 'XXX'}{numeric_id(cluster['cluster_id']) % 10**8}",
            "event_date": day.isoformat() if day else None,
            "year": day.year if day else None,
            "time_precision": {"day": 1, "week": 2}.get(cluster["date_precision"] or "", 3),
            "event_type": kind[0], "sub_event_type": kind[1],
            "actor1": sources[0]["name"] if sources else None,
            "assoc_actor_1": "; ".join(a["name"] for a in sources[1:]) or None,
            "inter1": inter1 or None,
            "actor2": targets[0]["name"] if targets else None,
            "assoc_actor_2": "; ".join(a["name"] for a in targets[1:]) or None,
            "inter2": inter2 or None,
            "interaction": int(f"{min(inter1, inter2)}{max(inter1, inter2)}") if inter1 and inter2 else
            (inter1 or inter2 or None),
            "iso": cluster["place_country"], "country": cluster["place_country"], "admin1": None,
            "location": cluster["place_name"], "latitude": cluster["place_lat"], "longitude": cluster["place_lon"],
            "geo_precision": {"feature": 1, "city": 1, "admin1": 3}.get(cluster["place_precision"] or "", None),
            "source": "; ".join(sorted(_outlets(cluster))),
            "source_scale": None,
            "notes": cluster.get("sentence_text"),
            "fatalities": _fatalities(cluster),
            "cluster_id": cluster["cluster_id"],
        })
    return rows


def acled_type(cluster: Row) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) for a cluster's PLOVER type, mode and CAMEO code."""
    kind, mode, cameo = cluster["type"], cluster["mode"] or "", cluster["cameo"] or ""
    if kind == "ASSAULT":
        if mode == "suicide-attack":
            return ("Explosions/Remote violence", "Suicide bomb")
        if mode == "explosives":
            return ("Explosions/Remote violence", "Remote explosive/landmine/IED")
        if cameo.startswith("195"):
            return ("Explosions/Remote violence", "Air/drone strike")
        if cameo.startswith("194") or mode == "heavy-weapons":
            return ("Explosions/Remote violence", "Shelling/artillery/missile attack")
        if mode == "abduct":
            return ("Violence against civilians", "Abduction/forced disappearance")
        if mode == "sexual":
            return ("Violence against civilians", "Sexual violence")
        targets = {actor["sector"] for actor in _actors(cluster, "target")}
        if targets & ARMED_SECTORS:
            return ("Battles", "Armed clash")
        return ("Violence against civilians", "Attack")
    if kind == "PROTEST":
        return ("Riots", "Violent demonstration") if mode == "riot" else ("Protests", "Peaceful protest")
    if kind == "COERCE" and mode == "arrest":
        return ("Strategic developments", "Arrests")
    if kind == "AGREE" or (kind == "RETREAT" and mode == "ceasefire"):
        return ("Strategic developments", "Agreement")
    return None


def geojson(clusters: Iterable[Row]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection: one Point feature per cluster placed at a coordinate."""
    features = []
    for cluster in clusters:
        if cluster["place_lat"] is None or cluster["place_lon"] is None:
            continue
        properties = {key: cluster[key] for key in GEOJSON_PROPERTIES}
        features.append({
            "type": "Feature",
            "id": cluster["cluster_id"],
            "geometry": {"type": "Point", "coordinates": [round(cluster["place_lon"], 6),
                                                         round(cluster["place_lat"], 6)]},
            "properties": properties,
        })
    return {"type": "FeatureCollection", "features": features}


GEOJSON_PROPERTIES = (
    "cluster_id", "type", "mode", "cameo", "goldstein", "modality", "happened", "source_codes",
    "source_countries", "target_codes", "target_countries", "place_name", "place_geonameid",
    "place_country", "place_point", "place_precision", "date", "date_precision", "confidence", "n_mentions",
    "n_articles", "n_sources", "first_report", "last_report", "article_url",
)


def _day(cluster: Row) -> date | None:
    value = cluster["date_start"] or cluster["first_report"]
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _quad_class(root: str) -> int | None:
    if not root.isdigit():
        return None
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4


def _geo_type(cluster: Row) -> int | None:
    """GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    precision, us = cluster["place_precision"], cluster["place_country"] == "USA"
    if cluster["place_name"] is None:
        return None
    if precision in ("country", "article"):
        return 1
    if precision == "admin1":
        return 2 if us else 5
    return 3 if us else 4


def _actors(cluster: Row, side: str) -> list[Row]:
    codes, names, countries = (cluster[f"{side}_{key}"] or [] for key in ("codes", "names", "countries"))
    return [{"code": code, "name": name, "country": country,
             "sector": code[len(country or ""):][:3] or None if code else None}
            for code, name, country in zip(codes, names, countries)]


def _first(cluster: Row, side: str) -> Row:
    actors = _actors(cluster, side)
    return actors[0] if actors else {"code": None, "name": None, "country": None, "sector": None}


def _inter(actor: Row) -> int:
    return ACLED_INTER.get(actor["sector"] or "", 0)


def _outlets(cluster: Row) -> set[str]:
    return {host for host in (outlet_host(url) for url in cluster.get("member_urls") or [cluster["article_url"]])
            if host}


def _fatalities(cluster: Row) -> int | None:
    counts = [q["value"] for q in cluster["quantities"] or () if q.get("kind") in ("dead", "killed")]
    return max(counts) if counts else 0
