-- Schema version 2: the first one eventwire can upgrade (an older store is refused).
-- The SQL both backends speak: DuckDB and PostgreSQL. One statement per ';' (the loader
-- splits on it): no ';' inside a statement. Quoted "index", "end" and "at": reserved words.
CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    url VARCHAR,
    title VARCHAR,
    published VARCHAR,
    language VARCHAR,
    text VARCHAR NOT NULL,
    removed_lines VARCHAR[],
    ingested_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR NOT NULL,
    "index" INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    PRIMARY KEY (article_id, "index")
);

CREATE TABLE IF NOT EXISTS entities (
    article_id VARCHAR NOT NULL,
    "index" INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    sentence INTEGER,
    start INTEGER,
    "end" INTEGER,
    coder VARCHAR,
    data VARCHAR,
    PRIMARY KEY (article_id, "index")
);

CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR NOT NULL,
    "index" INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    country VARCHAR,
    sector VARCHAR,
    kind VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    sentence INTEGER,
    start INTEGER,
    "end" INTEGER,
    coder VARCHAR,
    data VARCHAR,
    PRIMARY KEY (article_id, "index")
);

CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR NOT NULL,
    "index" INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    geonameid BIGINT,
    feature_class VARCHAR,
    feature_code VARCHAR,
    country VARCHAR,
    admin1 VARCHAR,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    sentence INTEGER,
    start INTEGER,
    "end" INTEGER,
    coder VARCHAR,
    data VARCHAR,
    PRIMARY KEY (article_id, "index")
);

CREATE TABLE IF NOT EXISTS times (
    article_id VARCHAR NOT NULL,
    "index" INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    value VARCHAR,
    precision VARCHAR,
    sentence INTEGER,
    start INTEGER,
    "end" INTEGER,
    coder VARCHAR,
    data VARCHAR,
    PRIMARY KEY (article_id, "index")
);

CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    "index" INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[],
    cameo VARCHAR,
    goldstein DOUBLE PRECISION,
    modality VARCHAR NOT NULL,
    happened BOOLEAN NOT NULL,
    trigger VARCHAR,
    source_codes VARCHAR[],
    source_names VARCHAR[],
    source_countries VARCHAR[],
    target_codes VARCHAR[],
    target_names VARCHAR[],
    target_countries VARCHAR[],
    place_name VARCHAR,
    place_geonameid BIGINT,
    place_country VARCHAR,
    place_lat DOUBLE PRECISION,
    place_lon DOUBLE PRECISION,
    place_precision VARCHAR,
    date VARCHAR,
    date_precision VARCHAR,
    date_start DATE,
    date_end DATE,
    quantities JSON,
    sentence INTEGER,
    start INTEGER,
    "end" INTEGER,
    coder VARCHAR,
    data VARCHAR,
    mentions JSON,
    sources JSON,
    targets JSON,
    place JSON
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL,
    "index" INTEGER NOT NULL,
    speaker VARCHAR,
    speaker_name VARCHAR,
    speaker_country VARCHAR,
    speaker_code VARCHAR,
    speaker_actor JSON,
    cue VARCHAR,
    direct BOOLEAN NOT NULL,
    content VARCHAR NOT NULL,
    content_start INTEGER,
    content_end INTEGER,
    events INTEGER[],
    sentence INTEGER,
    start INTEGER,
    "end" INTEGER,
    coder VARCHAR,
    data VARCHAR,
    PRIMARY KEY (article_id, "index")
);

CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR NOT NULL,
    code VARCHAR NOT NULL,
    reason VARCHAR NOT NULL,
    "at" TIMESTAMP NOT NULL,
    PRIMARY KEY (source, code)
);
