/**
 * The store's schema, as numbered migrations applied in order and recorded in `schema_migrations`. The
 * tables are the same on SQLite and PostgreSQL; only types and full-text search differ, so each
 * migration is written once with `{REAL}` for a floating-point column and has per-dialect search DDL.
 * Never edit a released migration: add the next one.
 */
import type { Db, Dialect } from './db.js';

interface Migration {
  version: number;
  name: string;
  /** DDL for both dialects; `{REAL}` becomes REAL (SQLite) or DOUBLE PRECISION (PostgreSQL). */
  both: string;
  sqlite?: string;
  postgres?: string;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, annotations, actors and full-text search',
    both: `
      -- One row per version of an article. content_id is the hash of the text: the same text is stored
      -- once; a changed text under the same article_key (input id, URL or path) is the next version.
      CREATE TABLE documents (
        content_id   TEXT PRIMARY KEY,
        article_key  TEXT NOT NULL,
        version      INTEGER NOT NULL,
        latest       INTEGER NOT NULL DEFAULT 1,
        doc_id       TEXT NOT NULL,
        title        TEXT,
        published    TEXT,
        source_name  TEXT,
        source_url   TEXT,
        lang         TEXT NOT NULL,
        origin       TEXT,
        chars        INTEGER NOT NULL,
        text         TEXT NOT NULL,
        analysis     TEXT NOT NULL,
        ingested_at  TEXT NOT NULL,
        UNIQUE (article_key, version)
      );
      CREATE INDEX documents_latest_published ON documents (latest, published);

      -- Persons, organisations and places across articles: one actor per type and spelling-blind name key.
      CREATE TABLE actors (
        actor_key  TEXT PRIMARY KEY,
        type       TEXT NOT NULL,
        name       TEXT NOT NULL,
        code       TEXT,
        country    TEXT,
        sector     TEXT,
        lat        {REAL},
        lon        {REAL}
      );
      CREATE TABLE actor_names (
        actor_key  TEXT NOT NULL REFERENCES actors (actor_key),
        name       TEXT NOT NULL,
        documents  INTEGER NOT NULL,
        PRIMARY KEY (actor_key, name)
      );

      CREATE TABLE entities (
        content_id    TEXT NOT NULL REFERENCES documents (content_id) ON DELETE CASCADE,
        eid           TEXT NOT NULL,
        type          TEXT NOT NULL,
        name          TEXT NOT NULL,
        actor_key     TEXT NOT NULL REFERENCES actors (actor_key),
        code          TEXT,
        country       TEXT,
        sector        TEXT,
        place_name    TEXT,
        place_country TEXT,
        lat           {REAL},
        lon           {REAL},
        place_id      TEXT,
        mentions      INTEGER NOT NULL,
        PRIMARY KEY (content_id, eid)
      );
      CREATE INDEX entities_actor ON entities (actor_key);

      CREATE TABLE mentions (
        content_id    TEXT NOT NULL,
        eid           TEXT NOT NULL,
        start_offset  INTEGER NOT NULL,
        end_offset    INTEGER NOT NULL,
        text          TEXT NOT NULL,
        FOREIGN KEY (content_id, eid) REFERENCES entities (content_id, eid) ON DELETE CASCADE
      );
      CREATE INDEX mentions_entity ON mentions (content_id, eid);

      CREATE TABLE quotes (
        content_id         TEXT NOT NULL REFERENCES documents (content_id) ON DELETE CASCADE,
        qid                TEXT NOT NULL,
        kind               TEXT NOT NULL,
        start_offset       INTEGER NOT NULL,
        end_offset         INTEGER NOT NULL,
        text               TEXT NOT NULL,
        speaker_entity     TEXT,
        speaker_text       TEXT,
        speaker_name       TEXT,
        speaker_actor_key  TEXT,
        cue_text           TEXT,
        cue_lemma          TEXT,
        PRIMARY KEY (content_id, qid)
      );
      CREATE INDEX quotes_speaker ON quotes (speaker_actor_key);

      CREATE TABLE quantities (
        content_id    TEXT NOT NULL REFERENCES documents (content_id) ON DELETE CASCADE,
        nid           TEXT NOT NULL,
        start_offset  INTEGER NOT NULL,
        end_offset    INTEGER NOT NULL,
        text          TEXT NOT NULL,
        value         {REAL},
        bound         TEXT NOT NULL,
        magnitude     {REAL},
        unit          TEXT,
        counted       TEXT,
        category      TEXT NOT NULL,
        event         TEXT,
        PRIMARY KEY (content_id, nid)
      );
      CREATE INDEX quantities_category ON quantities (category);

      CREATE TABLE times (
        content_id    TEXT NOT NULL REFERENCES documents (content_id) ON DELETE CASCADE,
        tid           TEXT NOT NULL,
        start_offset  INTEGER NOT NULL,
        end_offset    INTEGER NOT NULL,
        text          TEXT NOT NULL,
        type          TEXT NOT NULL,
        value         TEXT,
        PRIMARY KEY (content_id, tid)
      );

      CREATE TABLE events (
        content_id          TEXT NOT NULL REFERENCES documents (content_id) ON DELETE CASCADE,
        vid                 TEXT NOT NULL,
        type                TEXT NOT NULL,
        mode                TEXT,
        cameo               TEXT,
        goldstein           {REAL},
        quad_class          INTEGER,
        trigger_text        TEXT NOT NULL,
        trigger_lemma       TEXT NOT NULL,
        trigger_start       INTEGER NOT NULL,
        trigger_end         INTEGER NOT NULL,
        sentence            INTEGER NOT NULL,
        source_entity       TEXT,
        source_text         TEXT,
        source_name         TEXT,
        source_actor        TEXT,
        source_country      TEXT,
        source_actor_key    TEXT,
        target_entity       TEXT,
        target_text         TEXT,
        target_name         TEXT,
        target_actor        TEXT,
        target_country      TEXT,
        target_actor_key    TEXT,
        place_entity        TEXT,
        place_text          TEXT,
        place_name          TEXT,
        place_country       TEXT,
        lat                 {REAL},
        lon                 {REAL},
        time_id             TEXT,
        time_value          TEXT,
        date                TEXT,
        modality            TEXT NOT NULL,
        attribution_quote   TEXT,
        attribution_entity  TEXT,
        mentions            INTEGER NOT NULL,
        PRIMARY KEY (content_id, vid)
      );
      CREATE INDEX events_type_date ON events (type, date);
      CREATE INDEX events_date ON events (date);
      CREATE INDEX events_source_actor ON events (source_actor_key);
      CREATE INDEX events_target_actor ON events (target_actor_key);
    `,
    // Article text, quotes and entity names in one index; kind says which, ref which quote or entity.
    sqlite: `
      CREATE VIRTUAL TABLE search USING fts5 (
        body, kind UNINDEXED, content_id UNINDEXED, ref UNINDEXED,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `,
    postgres: `
      CREATE TABLE search (
        content_id  TEXT NOT NULL REFERENCES documents (content_id) ON DELETE CASCADE,
        kind        TEXT NOT NULL,
        ref         TEXT,
        body        TEXT NOT NULL,
        tsv         tsvector GENERATED ALWAYS AS (to_tsvector('german', body)) STORED
      );
      CREATE INDEX search_tsv ON search USING GIN (tsv);
      CREATE INDEX search_document ON search (content_id);
    `,
  },
  {
    version: 2,
    name: 'stories and cross-article event groups',
    both: `
      -- Which story an article belongs to (null: not linked yet; src/linking/ assigns it after storing).
      ALTER TABLE documents ADD COLUMN story_id TEXT;
      CREATE INDEX documents_story ON documents (story_id);

      -- A story is named by its first article's content id, so its id never changes.
      CREATE TABLE stories (
        story_id    TEXT PRIMARY KEY,
        title       TEXT,
        first_day   TEXT NOT NULL,
        last_day    TEXT NOT NULL,
        documents   INTEGER NOT NULL,
        norm        {REAL} NOT NULL
      );
      CREATE INDEX stories_last_day ON stories (last_day);
      -- The story's centroid: the sum of its articles' unit term vectors, strongest terms only. Named
      -- things (terms starting with @) carry a name and what events are filtered by (actor key or code).
      CREATE TABLE story_terms (
        story_id  TEXT NOT NULL REFERENCES stories (story_id),
        term      TEXT NOT NULL,
        weight    {REAL} NOT NULL,
        label     TEXT,
        ref       TEXT,
        PRIMARY KEY (story_id, term)
      );
      CREATE INDEX story_terms_term ON story_terms (term);
      -- Document frequencies of terms among linked articles (for idf).
      CREATE TABLE link_terms (
        term  TEXT PRIMARY KEY,
        df    INTEGER NOT NULL
      );

      -- The same event reported by several articles: events with one event_key are one event.
      ALTER TABLE events ADD COLUMN event_key TEXT;
      CREATE INDEX events_event_key ON events (event_key);
      CREATE TABLE event_groups (
        event_key   TEXT PRIMARY KEY,
        type        TEXT NOT NULL,
        date        TEXT,
        sources     INTEGER NOT NULL,
        mentions    INTEGER NOT NULL,
        first_seen  TEXT NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'fingerprints of derived data',
    both: `
      -- What derived columns were computed with (actor_keys: src/store/rekey.ts); a changed rule or list
      -- makes the store recompute them on open.
      CREATE TABLE store_meta (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

function ddl(migration: Migration, dialect: Dialect): string {
  const real = dialect === 'sqlite' ? 'REAL' : 'DOUBLE PRECISION';
  return migration.both.replaceAll('{REAL}', real) + (migration[dialect] ?? '');
}

/** Bring the database up to the newest schema; each migration commits whole or not at all. */
export async function migrate(db: Db): Promise<number[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
  );
  const newest = Math.max(0, ...applied);
  if (newest > SCHEMA_VERSION)
    throw new Error(
      `${db.location} has schema version ${newest}, newer than this lagebild (${SCHEMA_VERSION}): upgrade lagebild`,
    );
  const done: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    await db.transaction(async (tx) => {
      // PostgreSQL serialises concurrent migrators on this lock; SQLite's BEGIN IMMEDIATE already does.
      if (tx.dialect === 'postgres') await tx.exec('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const again = await tx.get('SELECT version FROM schema_migrations WHERE version = ?', [migration.version]);
      if (again) return;
      await tx.exec(ddl(migration, tx.dialect));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      done.push(migration.version);
    });
  }
  return done;
}
