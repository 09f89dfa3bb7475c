-- Schema version 5: where a place's coordinates come from (model.Place.point): "geonames",
-- "airportsdata", "estimated" (a country's or division's centre) or "curated". Places stored
-- before it was recorded read as NULL: unknown.

ALTER TABLE places ADD COLUMN point VARCHAR;

ALTER TABLE events ADD COLUMN place_point VARCHAR;
