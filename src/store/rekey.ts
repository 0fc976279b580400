/**
 * Recompute every stored cross-article actor key with the current `actorKey` (a migration does this
 * whenever the key changes). The key is a function of an entity's type and name, so the stored rows
 * carry all it needs: entities get their new keys, quotes' speakers and events' actors follow their
 * entities, and the actors and their spellings are rebuilt as ingest would have built them.
 */
import type { Db, Row } from './db.js';
import { insertRows } from './insert.js';
import { actorKey, mergeActors, type ActorRow } from './rows.js';

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
