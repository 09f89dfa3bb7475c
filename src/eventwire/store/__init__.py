"""Storage of articles, events and failures in DuckDB, with queries and exports.

Example:
    >>> from eventwire.store import Store
    >>> from eventwire.store.export import export_events
    >>> with Store.open("news.duckdb") as store:
    ...     store.add(article)
    ...     export_events(store.events(actor_country="IRN"), "csv", Path("iran.csv"))
"""

from __future__ import annotations

from eventwire.store.database import DEFAULT_PATH, SCHEMA_VERSION, TABLES, Store

__all__ = ["DEFAULT_PATH", "SCHEMA_VERSION", "TABLES", "Store"]
