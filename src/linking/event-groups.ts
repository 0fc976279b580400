import { createHash } from 'node:crypto';
import type { Db, Row } from '../store/db.js';
import { insertRows } from '../store/insert.js';

/**
 * The same event in several articles. Two event rows are one event when they agree on what happened
 * (PLOVER type and modality) and who did it to whom (actor keys, else actor codes), and:
 * - both carry their own date (a resolved time expression) and it is the same day: then across stories,
 *   since actors, type and day pin the event down wherever it is reported;
 * - otherwise, within one story: an undated "die EU arbeitet an Sanktionen" on Thursday and on Saturday
 *   is one event reported twice, not two events on two publication days. Events with neither source nor
 *   target must agree on the place too, or every protest of a story would become one.
 * An event with no source, no target and no place says too little to be matched: it stays its own.
 */
export function eventKey(e: Row, story: string): string {
  const text = (k: string): string => (typeof e[k] === 'string' ? (e[k] as string) : '');
  const who = (p: 'source' | 'target'): string => text(`${p}_actor_key`) || text(`${p}_actor`);
  const source = who('source');
  const target = who('target');
  const dated = /^\d{4}-\d{2}-\d{2}/.test(text('time_value'));
  const day = dated ? text('date') : '';
  const place = source || target ? '' : (text('place_name') || text('place_text')).toLowerCase();
  if (!source && !target && !place) return `evk:own:${text('content_id').replace(/^sha256:/, '')}:${text('vid')}`;
  const scope = dated && (source || target) ? '*' : story;
  const parts = [scope, text('type'), text('modality'), day, source, target, place];
  return `evk:${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;
}

/**
 * An article's day in SQL (`alias` the documents table's): its publication date, else the day it was
 * stored. Linking order, groups' first reports and exports' first reports all go by it.
 */
export function articleDay(alias = ''): string {
  const d = alias ? `${alias}.` : '';
  return `COALESCE(${d}published, SUBSTR(${d}ingested_at, 1, 10))`;
}

/** Recount sources (latest article versions) and mentions of each group; a group left empty goes. */
export async function refreshEventGroups(tx: Db, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 200) {
    const chunk = keys.slice(i, i + 200);
    const list = chunk.map(() => '?').join(', ');
    const groups = await tx.all<Row>(
      `SELECT e.event_key, COUNT(DISTINCT e.content_id) AS sources, SUM(e.mentions) AS mentions, MIN(e.type) AS type,
              MIN(e.date) AS date, MIN(${articleDay('d')}) AS first_seen
       FROM events e JOIN documents d ON d.content_id = e.content_id
       WHERE e.event_key IN (${list}) AND d.latest = 1 GROUP BY e.event_key ORDER BY e.event_key`,
      chunk,
    );
    await tx.run(`DELETE FROM event_groups WHERE event_key IN (${list})`, chunk);
    await insertRows(
      tx,
      'event_groups',
      groups.map((g) => ({
        event_key: String(g['event_key']),
        type: String(g['type']),
        date: (g['date'] as string | null) ?? null,
        sources: Number(g['sources']),
        mentions: Number(g['mentions']),
        first_seen: String(g['first_seen']),
      })),
    );
  }
}
