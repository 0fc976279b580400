/**
 * The store: analysed documents kept whole (the lagebild.document/1 JSON) beside normalised tables for
 * fast queries, on SQLite or PostgreSQL. A document is keyed by its content id: putting the same text
 * twice is a no-op, a changed text of a known article becomes its next version and the one queries see.
 */
import type { DocumentOut } from '../document.js';
import { contentId } from '../io/sources.js';
import { openDb, type Db } from './db.js';
import { migrate } from './migrations.js';
import { ensureActorKeys } from './rekey.js';
import { insertRows } from './insert.js';
import { documentRows, mergeActors, type ActorRow } from './rows.js';

export type PutOutcome = 'added' | 'updated' | 'unchanged';

export interface PutMeta {
  /** The article's identity across versions: its input id, URL or path. */
  articleKey: string;
  /** Where it came from, for people: `file.jsonl:12`, a path, a feed item. */
  origin: string | null;
}

export const DEFAULT_DB = 'lagebild.db';

export class Store {
  private constructor(readonly db: Db) {}

  /** Open (creating and migrating as needed) `location`: a SQLite file path or a postgres:// URL. */
  static async open(location: string = DEFAULT_DB): Promise<Store> {
    const db = await openDb(location);
    try {
      await migrate(db);
      await ensureActorKeys(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    return new Store(db);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  /** Is this exact text stored already? (Checked before analysing, so a rerun skips finished work.) */
  async hasText(text: string): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS x FROM documents WHERE content_id = ?', [contentId(text)])) !== undefined;
  }

  /**
   * Store one analysed document in one transaction. Concurrent writers (several ingest processes on one
   * PostgreSQL) may race for the same text or the same next version: the loser sees a unique-key
   * violation and tries again, and then finds the text stored.
   */
  async put(doc: DocumentOut, meta: PutMeta): Promise<{ outcome: PutOutcome; contentId: string; version: number }> {
    const id = contentId(doc.text);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => insertDocument(tx, doc, id, meta));
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }
}

async function insertDocument(
  tx: Db,
  doc: DocumentOut,
  id: string,
  meta: PutMeta,
): Promise<{ outcome: PutOutcome; contentId: string; version: number }> {
  const existing = await tx.get<{ version: number }>('SELECT version FROM documents WHERE content_id = ?', [id]);
  if (existing) return { outcome: 'unchanged', contentId: id, version: Number(existing.version) };
  const previous = await tx.get<{ version: number | null }>(
    'SELECT MAX(version) AS version FROM documents WHERE article_key = ?',
    [meta.articleKey],
  );
  const version = Number(previous?.version ?? 0) + 1;
  if (version > 1) await tx.run('UPDATE documents SET latest = 0 WHERE article_key = ?', [meta.articleKey]);
  await insertRows(tx, 'documents', [
    {
      content_id: id,
      article_key: meta.articleKey,
      version,
      latest: 1,
      doc_id: doc.id,
      title: doc.title,
      published: doc.published,
      source_name: doc.source.name,
      source_url: doc.source.url,
      lang: doc.lang,
      origin: meta.origin,
      chars: doc.text.length,
      text: doc.text,
      analysis: JSON.stringify(doc),
      ingested_at: new Date().toISOString(),
    },
  ]);
  const rows = documentRows(doc, id);
  await upsertActors(tx, rows.actors);
  for (const [table, tableRows] of rows.tables) await insertRows(tx, table, tableRows);
  await insertRows(
    tx,
    'search',
    rows.search.map((s) => ({ body: s.body, kind: s.kind, content_id: id, ref: s.ref })),
  );
  return { outcome: version > 1 ? 'updated' : 'added', contentId: id, version };
}

/**
 * Actors gain codes, countries and coordinates they lacked; each spelling counts the documents using it.
 * One multi-row upsert per table: PostgreSQL refuses to update one row twice in a statement, so the
 * document's actors are merged by key first.
 */
async function upsertActors(tx: Db, actors: ActorRow[]): Promise<void> {
  const { actors: merged, names } = mergeActors(actors.map((actor) => ({ actor, document: '' })));
  await insertRows(
    tx,
    'actors',
    merged.map((a) => ({ ...a })),
    `ON CONFLICT (actor_key) DO UPDATE SET
       code = COALESCE(actors.code, excluded.code),
       country = COALESCE(actors.country, excluded.country),
       sector = COALESCE(actors.sector, excluded.sector),
       lat = COALESCE(actors.lat, excluded.lat),
       lon = COALESCE(actors.lon, excluded.lon)`,
  );
  await insertRows(
    tx,
    'actor_names',
    names,
    'ON CONFLICT (actor_key, name) DO UPDATE SET documents = actor_names.documents + 1',
  );
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
