"""Across articles: near-duplicate articles (`copies`) and when two event mentions are one event (`link`).

The store applies both as it stores each article (`eventwire.store.linking`).
"""
