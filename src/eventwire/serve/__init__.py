"""Serve a store over HTTP: the REST API (`api.create_app`), run by `eventwire serve`."""
