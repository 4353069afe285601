//! The store's schema, as numbered migrations. An SQLite store records the
//! number of the last one applied in `PRAGMA user_version`, and its kind in
//! `PRAGMA application_id`, so that a file of another program, or of a newer
//! dossier, is refused rather than misread; a PostgreSQL store keeps both in
//! its `dossier_meta` table.
//!
//! Both backends go through the same versions with the same logical tables
//! (names, columns, keys); each version has one DDL text per backend, where
//! the engines differ: SQLite's `WITHOUT ROWID`, FTS5 and triggers in SQL
//! against PostgreSQL's identity columns, a `tsvector` column with a GIN
//! index and PL/pgSQL triggers. Integers are `bigint` and reals `double
//! precision` in PostgreSQL, as in SQLite, and text compares byte by byte
//! (`COLLATE "C"`, SQLite's `BINARY`), so that both backends sort alike.

/// `PRAGMA application_id` of a dossier store: "DOSS" in ASCII.
pub const APPLICATION_ID: i32 = 0x444f_5353;

/// The SQLite migrations, in order; migration `i` brings a store from
/// version `i` to `i + 1`. Never edit one that has shipped: add another.
pub const SQLITE: &[&str] = &[
    // 1: articles, actors, document entities, times, relations, events,
    // claims, curation judgements.
    r#"
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL,
    url TEXT,
    source TEXT,
    outlet TEXT NOT NULL,
    title TEXT,
    published TEXT,
    published_day INTEGER,
    ingested_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    text TEXT NOT NULL,
    sentences TEXT NOT NULL,
    diagnostics TEXT NOT NULL,
    duplicate_of INTEGER REFERENCES articles(rowid),
    similarity REAL,
    minhash BLOB
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published_day);
CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE article_bands (
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(rowid),
    PRIMARY KEY (band, key, article)
) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands(article);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kb_id TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    geonames_id INTEGER,
    created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX actors_type ON actors(type);

CREATE TABLE actor_names (
    actor TEXT NOT NULL REFERENCES actors(id),
    name TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (actor, name)
) WITHOUT ROWID;

CREATE TABLE actor_keys (
    key TEXT NOT NULL,
    actor TEXT NOT NULL REFERENCES actors(id),
    type TEXT NOT NULL,
    n INTEGER NOT NULL,
    curated INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, actor)
) WITHOUT ROWID;
CREATE INDEX actor_keys_actor ON actor_keys(actor);

CREATE TABLE actor_redirects (
    old TEXT PRIMARY KEY,
    new TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE key_blocks (
    actor TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (actor, key)
) WITHOUT ROWID;

CREATE TABLE judgements (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    actor TEXT NOT NULL,
    other TEXT,
    name TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE entities (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    local TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    kb_id TEXT,
    actor TEXT,
    link_confidence REAL NOT NULL,
    aliases TEXT NOT NULL,
    titles TEXT NOT NULL,
    geo TEXT,
    mentions TEXT NOT NULL,
    n_mentions INTEGER NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (article, local)
) WITHOUT ROWID;
CREATE INDEX entities_actor ON entities(actor);

CREATE TABLE times (
    article INTEGER NOT NULL REFERENCES articles(rowid),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT,
    modifier TEXT,
    valid_start INTEGER,
    valid_end INTEGER,
    confidence REAL NOT NULL
);
CREATE INDEX times_article ON times(article);

CREATE TABLE relations (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object TEXT NOT NULL,
    first_seen INTEGER,
    last_seen INTEGER,
    valid_start INTEGER,
    valid_end INTEGER,
    n_mentions INTEGER NOT NULL DEFAULT 0,
    n_articles INTEGER NOT NULL DEFAULT 0,
    confidence REAL NOT NULL DEFAULT 0,
    UNIQUE (subject, predicate, object)
);
CREATE INDEX relations_object ON relations(object);

CREATE TABLE relation_mentions (
    relation INTEGER REFERENCES relations(id),
    article INTEGER NOT NULL REFERENCES articles(rowid),
    subject_local TEXT NOT NULL,
    object_local TEXT NOT NULL,
    predicate TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    time TEXT,
    valid_start INTEGER,
    valid_end INTEGER,
    attributed_to TEXT,
    confidence REAL NOT NULL
);
CREATE INDEX relation_mentions_relation ON relation_mentions(relation);
CREATE INDEX relation_mentions_article ON relation_mentions(article);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    label TEXT NOT NULL,
    source TEXT,
    target TEXT,
    place TEXT,
    modality TEXT NOT NULL,
    day INTEGER,
    lat REAL,
    lon REAL,
    country TEXT,
    goldstein REAL NOT NULL,
    n_mentions INTEGER NOT NULL DEFAULT 0,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_sources INTEGER NOT NULL DEFAULT 0,
    first_seen INTEGER,
    confidence REAL NOT NULL DEFAULT 0
);
CREATE INDEX events_pair ON events(source, target, root, day);
CREATE INDEX events_target ON events(target, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_root_day ON events(root, day);

CREATE TABLE event_mentions (
    event INTEGER REFERENCES events(id),
    article INTEGER NOT NULL REFERENCES articles(rowid),
    local TEXT NOT NULL,
    code TEXT NOT NULL,
    source_local TEXT,
    target_local TEXT,
    place_local TEXT,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    time TEXT,
    valid_start INTEGER,
    valid_end INTEGER,
    modality TEXT NOT NULL,
    attributed_to TEXT,
    confidence REAL NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event);
CREATE INDEX event_mentions_article ON event_mentions(article);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(rowid),
    local TEXT NOT NULL,
    speaker TEXT,
    speaker_local TEXT,
    medium TEXT,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    sentence INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    direct INTEGER NOT NULL,
    polarity TEXT NOT NULL,
    about TEXT NOT NULL,
    valid_start INTEGER,
    valid_end INTEGER,
    confidence REAL NOT NULL
);
CREATE INDEX claims_article ON claims(article);
CREATE INDEX claims_speaker ON claims(speaker);
"#,
    // 2: full-text search over the articles' titles and text (FTS5, an
    // external-content index: the text is stored once, in `articles`).
    r#"
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text, content='articles', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO article_fts(rowid, title, text) SELECT rowid, coalesce(title, ''), text FROM articles;
"#,
    // 3: what the queries read for an actor without scanning: the articles
    // that name it, with their publication day (`actor_articles`, kept by
    // triggers on `entities`: `n` counts its entities in the article), the
    // actors each claim is about (`claim_about`, kept by triggers on
    // `claims`), and the events an actor is the target of by root and day
    // as a covering index (the source side is covered by `events_pair`).
    // Written so that applying it again changes nothing.
    r#"
CREATE TABLE IF NOT EXISTS actor_articles (
    actor TEXT NOT NULL,
    article INTEGER NOT NULL,
    day INTEGER,
    n INTEGER NOT NULL,
    PRIMARY KEY (actor, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_articles_day ON actor_articles(actor, day);
INSERT OR IGNORE INTO actor_articles (actor, article, day, n)
    SELECT e.actor, e.article, a.published_day, count(*) FROM entities e
    JOIN articles a ON a.rowid = e.article WHERE e.actor IS NOT NULL
    GROUP BY e.actor, e.article;
CREATE TRIGGER IF NOT EXISTS entities_actor_insert AFTER INSERT ON entities WHEN NEW.actor IS NOT NULL
BEGIN
    INSERT INTO actor_articles (actor, article, day, n)
        SELECT NEW.actor, NEW.article, published_day, 1 FROM articles WHERE rowid = NEW.article
        ON CONFLICT (actor, article) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER IF NOT EXISTS entities_actor_delete AFTER DELETE ON entities WHEN OLD.actor IS NOT NULL
BEGIN
    UPDATE actor_articles SET n = n - 1 WHERE actor = OLD.actor AND article = OLD.article;
    DELETE FROM actor_articles WHERE actor = OLD.actor AND article = OLD.article AND n <= 0;
END;
CREATE TRIGGER IF NOT EXISTS entities_actor_update AFTER UPDATE OF actor ON entities
    WHEN OLD.actor IS NOT NEW.actor
BEGIN
    UPDATE actor_articles SET n = n - 1 WHERE actor = OLD.actor AND article = OLD.article;
    DELETE FROM actor_articles WHERE actor = OLD.actor AND article = OLD.article AND n <= 0;
    INSERT INTO actor_articles (actor, article, day, n)
        SELECT NEW.actor, NEW.article, published_day, 1 FROM articles
        WHERE rowid = NEW.article AND NEW.actor IS NOT NULL
        ON CONFLICT (actor, article) DO UPDATE SET n = n + 1;
END;

CREATE TABLE IF NOT EXISTS claim_about (
    actor TEXT NOT NULL,
    claim INTEGER NOT NULL,
    PRIMARY KEY (actor, claim)
) WITHOUT ROWID;
INSERT OR IGNORE INTO claim_about (actor, claim)
    SELECT j.value, c.id FROM claims c, json_each(c.about) j;
CREATE TRIGGER IF NOT EXISTS claims_about_insert AFTER INSERT ON claims
BEGIN
    INSERT OR IGNORE INTO claim_about (actor, claim) SELECT value, NEW.id FROM json_each(NEW.about);
END;
CREATE TRIGGER IF NOT EXISTS claims_about_delete AFTER DELETE ON claims
BEGIN
    DELETE FROM claim_about WHERE claim = OLD.id AND actor IN (SELECT value FROM json_each(OLD.about));
END;
CREATE TRIGGER IF NOT EXISTS claims_about_update AFTER UPDATE OF about ON claims
BEGIN
    DELETE FROM claim_about WHERE claim = OLD.id AND actor IN (SELECT value FROM json_each(OLD.about));
    INSERT OR IGNORE INTO claim_about (actor, claim) SELECT value, NEW.id FROM json_each(NEW.about);
END;

CREATE INDEX IF NOT EXISTS events_target_root ON events(target, root, day, source);
"#,
    // 4: the work queue that `dossier enqueue` fills and `dossier ingest
    // --worker` drains: one row per input, with its content, so that workers
    // on other machines need no shared disk; a claim is a lease (`worker`,
    // `lease_until` in Unix seconds of the database's clock, `attempts`).
    r#"
CREATE TABLE work_queue (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    content BLOB NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    worker TEXT,
    lease_until INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    queued_at TEXT NOT NULL,
    done_at TEXT
);
CREATE INDEX work_queue_open ON work_queue(state, key);
"#,
    // 5: what an actor's dossier reads, index-only at any size (issue 21's
    // speed bars, on a store of 100,000 articles):
    // - its events by day and root, and their places, from two covering
    //   indices, one per role (`events_target` is the second's prefix);
    // - the titles its entities carry, from a partial index of the entities
    //   that have any;
    // - its latest claims: a claim's valid time is its article's publication
    //   day (`valid_start`), so the claims a speaker made are read in day
    //   order from an index, and `claim_about` keeps that day beside the
    //   actor a claim is about;
    // - the strongest mention of each relation and event, and who asserts a
    //   relation, from indices in that order;
    // - and, for `dossier events --country`, the country's events in day
    //   order with their root and modality, so a country with one more
    //   filter is counted and paged from the index alone.
    r#"
DROP INDEX IF EXISTS events_target;
CREATE INDEX IF NOT EXISTS events_source_cover ON events(source, day, root, place);
CREATE INDEX IF NOT EXISTS events_country_day ON events(country, day, root, modality) WHERE country IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_target_cover ON events(target, day, root, place, source);
CREATE INDEX IF NOT EXISTS entities_titled ON entities(actor, titles) WHERE titles != '[]';
DROP INDEX IF EXISTS claims_speaker;
CREATE INDEX IF NOT EXISTS claims_speaker_day ON claims(speaker, valid_start, id);
ALTER TABLE claim_about ADD COLUMN day INTEGER;
UPDATE claim_about SET day = (SELECT valid_start FROM claims WHERE id = claim_about.claim);
CREATE INDEX IF NOT EXISTS claim_about_day ON claim_about(actor, day, claim);
DROP TRIGGER IF EXISTS claims_about_insert;
CREATE TRIGGER claims_about_insert AFTER INSERT ON claims
BEGIN
    INSERT OR IGNORE INTO claim_about (actor, claim, day)
        SELECT value, NEW.id, NEW.valid_start FROM json_each(NEW.about);
END;
DROP TRIGGER IF EXISTS claims_about_update;
CREATE TRIGGER claims_about_update AFTER UPDATE OF about, valid_start ON claims
BEGIN
    DELETE FROM claim_about WHERE claim = OLD.id AND actor IN (SELECT value FROM json_each(OLD.about));
    INSERT OR IGNORE INTO claim_about (actor, claim, day)
        SELECT value, NEW.id, NEW.valid_start FROM json_each(NEW.about);
END;
DROP INDEX IF EXISTS relation_mentions_relation;
CREATE INDEX IF NOT EXISTS relation_mentions_best ON relation_mentions(relation, confidence DESC, article);
CREATE INDEX IF NOT EXISTS relation_mentions_said ON relation_mentions(relation, attributed_to)
    WHERE attributed_to IS NOT NULL;
DROP INDEX IF EXISTS event_mentions_event;
CREATE INDEX IF NOT EXISTS event_mentions_best ON event_mentions(event, confidence DESC, article);
"#,
];

/// The PostgreSQL migrations: the same versions, the same tables.
pub const POSTGRES: &[&str] = &[
    // 1: articles, actors, document entities, times, relations, events,
    // claims, curation judgements.
    r#"
CREATE TABLE articles (
    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    id TEXT COLLATE "C" NOT NULL UNIQUE,
    key TEXT COLLATE "C" NOT NULL UNIQUE,
    doc_id TEXT COLLATE "C" NOT NULL,
    url TEXT COLLATE "C",
    source TEXT COLLATE "C",
    outlet TEXT COLLATE "C" NOT NULL,
    title TEXT COLLATE "C",
    published TEXT COLLATE "C",
    published_day BIGINT,
    ingested_at TEXT COLLATE "C" NOT NULL,
    content_hash TEXT COLLATE "C" NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    sentences TEXT COLLATE "C" NOT NULL,
    diagnostics TEXT COLLATE "C" NOT NULL,
    duplicate_of BIGINT REFERENCES articles(rowid),
    similarity DOUBLE PRECISION,
    minhash BYTEA
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_published ON articles(published_day);
CREATE INDEX articles_duplicate ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE article_bands (
    band BIGINT NOT NULL,
    key BIGINT NOT NULL,
    article BIGINT NOT NULL REFERENCES articles(rowid),
    PRIMARY KEY (band, key, article)
);
CREATE INDEX article_bands_article ON article_bands(article);

CREATE TABLE actors (
    id TEXT COLLATE "C" PRIMARY KEY,
    name TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL,
    kb_id TEXT COLLATE "C",
    country TEXT COLLATE "C",
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    geonames_id BIGINT,
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE INDEX actors_type ON actors(type);

CREATE TABLE actor_names (
    actor TEXT COLLATE "C" NOT NULL REFERENCES actors(id),
    name TEXT COLLATE "C" NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (actor, name)
);

CREATE TABLE actor_keys (
    key TEXT COLLATE "C" NOT NULL,
    actor TEXT COLLATE "C" NOT NULL REFERENCES actors(id),
    type TEXT COLLATE "C" NOT NULL,
    n BIGINT NOT NULL,
    curated BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (key, actor)
);
CREATE INDEX actor_keys_actor ON actor_keys(actor);

CREATE TABLE actor_redirects (
    old TEXT COLLATE "C" PRIMARY KEY,
    new TEXT COLLATE "C" NOT NULL
);

CREATE TABLE key_blocks (
    actor TEXT COLLATE "C" NOT NULL,
    key TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (actor, key)
);

CREATE TABLE judgements (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    kind TEXT COLLATE "C" NOT NULL,
    actor TEXT COLLATE "C" NOT NULL,
    other TEXT COLLATE "C",
    name TEXT COLLATE "C",
    created_at TEXT COLLATE "C" NOT NULL
);

CREATE TABLE entities (
    article BIGINT NOT NULL REFERENCES articles(rowid),
    local TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL,
    kb_id TEXT COLLATE "C",
    actor TEXT COLLATE "C",
    link_confidence DOUBLE PRECISION NOT NULL,
    aliases TEXT COLLATE "C" NOT NULL,
    titles TEXT COLLATE "C" NOT NULL,
    geo TEXT COLLATE "C",
    mentions TEXT COLLATE "C" NOT NULL,
    n_mentions BIGINT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (article, local)
);
CREATE INDEX entities_actor ON entities(actor);

CREATE TABLE times (
    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    article BIGINT NOT NULL REFERENCES articles(rowid),
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    text TEXT COLLATE "C" NOT NULL,
    type TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C",
    modifier TEXT COLLATE "C",
    valid_start BIGINT,
    valid_end BIGINT,
    confidence DOUBLE PRECISION NOT NULL
);
CREATE INDEX times_article ON times(article);

CREATE TABLE relations (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    subject TEXT COLLATE "C" NOT NULL,
    predicate TEXT COLLATE "C" NOT NULL,
    object TEXT COLLATE "C" NOT NULL,
    first_seen BIGINT,
    last_seen BIGINT,
    valid_start BIGINT,
    valid_end BIGINT,
    n_mentions BIGINT NOT NULL DEFAULT 0,
    n_articles BIGINT NOT NULL DEFAULT 0,
    confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
    UNIQUE (subject, predicate, object)
);
CREATE INDEX relations_object ON relations(object);

CREATE TABLE relation_mentions (
    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    relation BIGINT REFERENCES relations(id),
    article BIGINT NOT NULL REFERENCES articles(rowid),
    subject_local TEXT COLLATE "C" NOT NULL,
    object_local TEXT COLLATE "C" NOT NULL,
    predicate TEXT COLLATE "C" NOT NULL,
    sentence BIGINT NOT NULL,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    time TEXT COLLATE "C",
    valid_start BIGINT,
    valid_end BIGINT,
    attributed_to TEXT COLLATE "C",
    confidence DOUBLE PRECISION NOT NULL
);
CREATE INDEX relation_mentions_relation ON relation_mentions(relation);
CREATE INDEX relation_mentions_article ON relation_mentions(article);

CREATE TABLE events (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code TEXT COLLATE "C" NOT NULL,
    root TEXT COLLATE "C" NOT NULL,
    label TEXT COLLATE "C" NOT NULL,
    source TEXT COLLATE "C",
    target TEXT COLLATE "C",
    place TEXT COLLATE "C",
    modality TEXT COLLATE "C" NOT NULL,
    day BIGINT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country TEXT COLLATE "C",
    goldstein DOUBLE PRECISION NOT NULL,
    n_mentions BIGINT NOT NULL DEFAULT 0,
    n_articles BIGINT NOT NULL DEFAULT 0,
    n_sources BIGINT NOT NULL DEFAULT 0,
    first_seen BIGINT,
    confidence DOUBLE PRECISION NOT NULL DEFAULT 0
);
CREATE INDEX events_pair ON events(source, target, root, day);
CREATE INDEX events_target ON events(target, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_root_day ON events(root, day);

CREATE TABLE event_mentions (
    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    event BIGINT REFERENCES events(id),
    article BIGINT NOT NULL REFERENCES articles(rowid),
    local TEXT COLLATE "C" NOT NULL,
    code TEXT COLLATE "C" NOT NULL,
    source_local TEXT COLLATE "C",
    target_local TEXT COLLATE "C",
    place_local TEXT COLLATE "C",
    sentence BIGINT NOT NULL,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    trigger TEXT COLLATE "C" NOT NULL,
    time TEXT COLLATE "C",
    valid_start BIGINT,
    valid_end BIGINT,
    modality TEXT COLLATE "C" NOT NULL,
    attributed_to TEXT COLLATE "C",
    confidence DOUBLE PRECISION NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event);
CREATE INDEX event_mentions_article ON event_mentions(article);

CREATE TABLE claims (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    article BIGINT NOT NULL REFERENCES articles(rowid),
    local TEXT COLLATE "C" NOT NULL,
    speaker TEXT COLLATE "C",
    speaker_local TEXT COLLATE "C",
    medium TEXT COLLATE "C",
    text TEXT COLLATE "C" NOT NULL,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    sentence BIGINT NOT NULL,
    evidence_start BIGINT NOT NULL,
    evidence_end BIGINT NOT NULL,
    direct BIGINT NOT NULL,
    polarity TEXT COLLATE "C" NOT NULL,
    about TEXT COLLATE "C" NOT NULL,
    valid_start BIGINT,
    valid_end BIGINT,
    confidence DOUBLE PRECISION NOT NULL
);
CREATE INDEX claims_article ON claims(article);
CREATE INDEX claims_speaker ON claims(speaker);
"#,
    // 2: full-text search over the articles' titles and text: a generated
    // `tsvector` with a GIN index (the `simple` configuration: no stemming,
    // as FTS5's unicode61).
    r#"
ALTER TABLE articles ADD COLUMN fts tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(title, '') || ' ' || text)) STORED;
CREATE INDEX articles_fts ON articles USING gin (fts);
"#,
    // 3: `actor_articles` and `claim_about`, kept by triggers, and the
    // covering index of events by target.
    r#"
CREATE TABLE IF NOT EXISTS actor_articles (
    actor TEXT COLLATE "C" NOT NULL,
    article BIGINT NOT NULL,
    day BIGINT,
    n BIGINT NOT NULL,
    PRIMARY KEY (actor, article)
);
CREATE INDEX IF NOT EXISTS actor_articles_day ON actor_articles(actor, day);
INSERT INTO actor_articles (actor, article, day, n)
    SELECT e.actor, e.article, a.published_day, count(*) FROM entities e
    JOIN articles a ON a.rowid = e.article WHERE e.actor IS NOT NULL
    GROUP BY e.actor, e.article, a.published_day
    ON CONFLICT DO NOTHING;
CREATE OR REPLACE FUNCTION dossier_entities_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.actor IS NOT DISTINCT FROM NEW.actor THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.actor IS NOT NULL THEN
        UPDATE actor_articles SET n = n - 1 WHERE actor = OLD.actor AND article = OLD.article;
        DELETE FROM actor_articles WHERE actor = OLD.actor AND article = OLD.article AND n <= 0;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.actor IS NOT NULL THEN
        INSERT INTO actor_articles AS x (actor, article, day, n)
            SELECT NEW.actor, NEW.article, published_day, 1 FROM articles WHERE rowid = NEW.article
            ON CONFLICT (actor, article) DO UPDATE SET n = x.n + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER entities_actor AFTER INSERT OR DELETE OR UPDATE OF actor ON entities
    FOR EACH ROW EXECUTE FUNCTION dossier_entities_actor();

CREATE TABLE IF NOT EXISTS claim_about (
    actor TEXT COLLATE "C" NOT NULL,
    claim BIGINT NOT NULL,
    PRIMARY KEY (actor, claim)
);
INSERT INTO claim_about (actor, claim)
    SELECT j.value, c.id FROM claims c, jsonb_array_elements_text(c.about::jsonb) j
    ON CONFLICT DO NOTHING;
CREATE OR REPLACE FUNCTION dossier_claims_about() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM claim_about WHERE claim = OLD.id
            AND actor IN (SELECT jsonb_array_elements_text(OLD.about::jsonb));
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO claim_about (actor, claim)
            SELECT v, NEW.id FROM jsonb_array_elements_text(NEW.about::jsonb) v
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER claims_about AFTER INSERT OR DELETE OR UPDATE OF about ON claims
    FOR EACH ROW EXECUTE FUNCTION dossier_claims_about();

CREATE INDEX IF NOT EXISTS events_target_root ON events(target, root, day, source);
"#,
    // 4: the work queue (see the SQLite text).
    r#"
CREATE TABLE work_queue (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    key TEXT COLLATE "C" NOT NULL UNIQUE,
    name TEXT COLLATE "C" NOT NULL,
    content BYTEA NOT NULL,
    state TEXT COLLATE "C" NOT NULL DEFAULT 'queued',
    worker TEXT COLLATE "C",
    lease_until BIGINT,
    attempts BIGINT NOT NULL DEFAULT 0,
    error TEXT,
    queued_at TEXT NOT NULL,
    done_at TEXT
);
CREATE INDEX work_queue_open ON work_queue(state, key);
"#,
    // 5: the dossier's indices (see the SQLite text).
    r#"
DROP INDEX IF EXISTS events_target;
CREATE INDEX events_source_cover ON events(source, day, root, place);
CREATE INDEX events_country_day ON events(country, day, root, modality) WHERE country IS NOT NULL;
CREATE INDEX events_target_cover ON events(target, day, root, place, source);
CREATE INDEX entities_titled ON entities(actor, titles) WHERE titles != '[]';
DROP INDEX IF EXISTS claims_speaker;
CREATE INDEX claims_speaker_day ON claims(speaker, valid_start, id);
ALTER TABLE claim_about ADD COLUMN day BIGINT;
UPDATE claim_about SET day = c.valid_start FROM claims c WHERE c.id = claim_about.claim;
CREATE INDEX claim_about_day ON claim_about(actor, day, claim);
CREATE OR REPLACE FUNCTION dossier_claims_about() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        DELETE FROM claim_about WHERE claim = OLD.id
            AND actor IN (SELECT jsonb_array_elements_text(OLD.about::jsonb));
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO claim_about (actor, claim, day)
            SELECT v, NEW.id, NEW.valid_start FROM jsonb_array_elements_text(NEW.about::jsonb) v
            ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS claims_about ON claims;
CREATE TRIGGER claims_about AFTER INSERT OR DELETE OR UPDATE OF about, valid_start ON claims
    FOR EACH ROW EXECUTE FUNCTION dossier_claims_about();
DROP INDEX IF EXISTS relation_mentions_relation;
CREATE INDEX relation_mentions_best ON relation_mentions(relation, confidence DESC, article);
CREATE INDEX relation_mentions_said ON relation_mentions(relation, attributed_to)
    WHERE attributed_to IS NOT NULL;
DROP INDEX IF EXISTS event_mentions_event;
CREATE INDEX event_mentions_best ON event_mentions(event, confidence DESC, article);
"#,
];

/// The schema version this build writes and reads.
pub const SCHEMA_VERSION: i64 = SQLITE.len() as i64;

// One version history for both backends.
const _: () = assert!(SQLITE.len() == POSTGRES.len());
