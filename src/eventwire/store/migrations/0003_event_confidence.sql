-- Schema version 3: every event has a confidence (0 to 1).
-- Events coded before there was one read as 1.0, the model's default (LEGACY_CONFIDENCE).

ALTER TABLE events ADD COLUMN confidence DOUBLE PRECISION;

UPDATE events SET confidence = 1.0;
