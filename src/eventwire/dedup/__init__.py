"""Deduplication: mentions of one event within an article merge into one event."""
