-- Schema version 4: near-duplicate articles and cross-article event clusters.
-- articles.copy_of: the id of the article this one copies (syndicated text), or NULL.
-- article_bands: the MinHash band hashes of each article's text (clusters/copies.py).
-- event_clusters: each event's cluster, with what linking compares (clusters/link.py Mention)
-- so that a lookup reads this table alone.
-- Both are derived from the other tables: `eventwire cluster` makes them again.

ALTER TABLE articles ADD COLUMN copy_of VARCHAR;

CREATE TABLE IF NOT EXISTS article_bands (
    band INTEGER NOT NULL,
    hash BIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);

CREATE INDEX IF NOT EXISTS article_bands_hash ON article_bands (hash);

CREATE TABLE IF NOT EXISTS event_clusters (
    event_id VARCHAR NOT NULL,
    cluster_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    day_start DATE,
    day_end DATE,
    article_id VARCHAR NOT NULL,
    mode VARCHAR,
    modality_class VARCHAR NOT NULL,
    source_countries VARCHAR[],
    target_countries VARCHAR[],
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    place_country VARCHAR,
    place_precision VARCHAR,
    words VARCHAR[]
);

CREATE INDEX IF NOT EXISTS event_clusters_window ON event_clusters (type, day_start);

CREATE INDEX IF NOT EXISTS event_clusters_cluster ON event_clusters (cluster_id);
