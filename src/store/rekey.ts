/**
 * Stored cross-article actor keys are derived data: `actorKey` computes them from an entity's type and
 * name, with the rules of src/store/rows.ts and the person list of the actor dictionary. When either
 * changes, the store recomputes them on open: entities get their new keys, quotes' speakers and events'
 * actors follow their entities, the actors and their spellings are rebuilt as ingest would have built
 * them, and the links (whose terms and event keys are made of actor keys) are made again.
 */
import { createHash } from 'node:crypto';
import { relinkAll } from '../linking/stories.js';
import { readLexiconRows } from '../util/lexicon.js';
import type { Db, Row } from './db.js';
import { insertRows } from './insert.js';
import { actorKey, mergeActors, type ActorRow } from './rows.js';

/** Bump when `actorKey` or the name keys it uses change what they return. */
export const ACTOR_KEY_RULES = 2;

/** store_meta row holding the fingerprint the stored keys were computed with. */
const META_KEY = 'actor_keys';

/** What the keys depend on: the rules' version and the person list's rows. */
export function actorKeyFingerprint(): string {
  const persons = JSON.stringify(readLexiconRows('actors/de/persons.tsv'));
  return `${ACTOR_KEY_RULES}:${createHash('sha256').update(persons).digest('hex').slice(0, 16)}`;
}

/**
 * Recompute stored keys unless they were computed with the current rules; true when it did. One
 * transaction: readers see the old keys or the new ones, and concurrent openers do it once.
 */
export async function ensureActorKeys(db: Db): Promise<boolean> {
  const want = actorKeyFingerprint();
  const current = async (tx: Db): Promise<string | null> =>
    (await tx.get<{ value: string }>('SELECT value FROM store_meta WHERE key = ?', [META_KEY]))?.value ?? null;
  if ((await current(db)) === want) return false;
  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.exec('LOCK TABLE store_meta IN EXCLUSIVE MODE');
    if ((await current(tx)) === want) return false;
    await rekeyActors(tx);
    await relinkAll(tx);
    await insertRows(
      tx,
      'store_meta',
      [{ key: META_KEY, value: want }],
      'ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    return true;
  });
}

/** Give every stored entity, quote speaker and event actor the key `actorKey` gives it now. */
export async function rekeyActors(tx: Db): Promise<void> {
  // Ingestion order, and each document's entities in their own order (ids e1, e2, … e10).
  const rows = await tx.all<Row>(
    `SELECT e.content_id, e.type, e.name, e.code, e.country, e.place_country, e.sector, e.lat, e.lon
     FROM entities e JOIN documents d ON d.content_id = e.content_id
     ORDER BY d.ingested_at, e.content_id, LENGTH(e.eid), e.eid`,
  );
  const keys = new Map<string, { type: string; name: string; actor_key: string }>();
  const actors = rows.map((r) => {
    const type = String(r['type']);
    const name = String(r['name']);
    const id = `${type}\u0000${name}`;
    let key = keys.get(id);
    if (!key) keys.set(id, (key = { type, name, actor_key: actorKey(type, name) }));
    const actor: ActorRow = {
      actor_key: key.actor_key,
      type,
      name,
      code: (r['code'] as string | null) ?? null,
      country: (r['country'] as string | null) ?? (r['place_country'] as string | null) ?? null,
      sector: (r['sector'] as string | null) ?? null,
      lat: r['lat'] === null ? null : Number(r['lat']),
      lon: r['lon'] === null ? null : Number(r['lon']),
    };
    return { actor, document: String(r['content_id']) };
  });
  const merged = mergeActors(actors);

  await tx.exec(
    'CREATE TEMP TABLE actor_rekey (type TEXT NOT NULL, name TEXT NOT NULL, actor_key TEXT NOT NULL, PRIMARY KEY (type, name))',
  );
  await insertRows(tx, 'actor_rekey', [...keys.values()]);
  // New actors first (entities reference them), whole: a key that did not change is rebuilt too.
  await insertRows(
    tx,
    'actors',
    merged.actors.map((a) => ({ ...a })),
    `ON CONFLICT (actor_key) DO UPDATE SET type = excluded.type, name = excluded.name, code = excluded.code,
       country = excluded.country, sector = excluded.sector, lat = excluded.lat, lon = excluded.lon`,
  );
  await tx.exec(`
    UPDATE entities SET actor_key =
      (SELECT r.actor_key FROM actor_rekey r WHERE r.type = entities.type AND r.name = entities.name);
    UPDATE quotes SET speaker_actor_key =
      (SELECT e.actor_key FROM entities e WHERE e.content_id = quotes.content_id AND e.eid = quotes.speaker_entity)
      WHERE speaker_entity IS NOT NULL;
    UPDATE events SET source_actor_key =
      (SELECT e.actor_key FROM entities e WHERE e.content_id = events.content_id AND e.eid = events.source_entity)
      WHERE source_entity IS NOT NULL;
    UPDATE events SET target_actor_key =
      (SELECT e.actor_key FROM entities e WHERE e.content_id = events.content_id AND e.eid = events.target_entity)
      WHERE target_entity IS NOT NULL;
    DELETE FROM actor_names;
    DROP TABLE actor_rekey;
  `);
  await insertRows(tx, 'actor_names', merged.names);
  await tx.exec('DELETE FROM actors WHERE actor_key NOT IN (SELECT actor_key FROM entities)');
}
