"""Temporal expressions (TIMEX3) and event dates."""
