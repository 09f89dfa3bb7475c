"""Quotes stage: direct quotes and indirect speech with their resolved speakers."""
