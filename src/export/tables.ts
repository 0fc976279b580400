/**
 * Flat CSV tables for spreadsheets and pandas: one file per layer, one row per item, joined by the
 * document's content id (`document`) and the item ids of the analysis (E1, Q2, V3 …). RFC 4180 quoting
 * by csv-stringify; numbers with a dot, empty cells for nulls.
 */
import { stringify } from 'csv-stringify/sync';
import type { DocumentOut } from '../document.js';
import { eventFacts } from './event-facts.js';
import type { EventLink } from './stored.js';

type Cell = string | number | boolean | null;

export const TABLES: Record<string, readonly string[]> = {
  documents: ['document', 'title', 'published', 'source_name', 'source_url', 'lang', 'chars', 'ingested_at', 'story'],
  entities: [
    'document',
    'entity',
    'type',
    'name',
    'actor_code',
    'country',
    'sector',
    'place_name',
    'lat',
    'lon',
    'mentions',
  ],
  mentions: ['document', 'entity', 'start', 'end', 'text'],
  quotes: ['document', 'quote', 'kind', 'start', 'end', 'text', 'speaker_entity', 'speaker_text', 'cue', 'cue_lemma'],
  quantities: [
    'document',
    'quantity',
    'start',
    'end',
    'text',
    'value',
    'bound',
    'unit',
    'counted',
    'category',
    'event',
  ],
  times: ['document', 'time', 'start', 'end', 'text', 'type', 'value'],
  events: [
    'document',
    'event',
    'type',
    'mode',
    'cameo',
    'quad_class',
    'goldstein',
    'trigger',
    'trigger_lemma',
    'start',
    'end',
    'sentence',
    'source_name',
    'source_code',
    'source_country',
    'target_name',
    'target_code',
    'target_country',
    'place',
    'place_country',
    'lat',
    'lon',
    'date',
    'modality',
    'mentions',
    'event_key',
    'articles',
  ],
};

export function csvHeader(table: string): string {
  return stringify([TABLES[table] as string[]]);
}

/** The CSV lines of every table for one stored article. */
export function csvRows(
  doc: DocumentOut,
  contentId: string,
  ingestedAt: string,
  linking: { storyId: string | null; links: ReadonlyMap<string, EventLink> } = { storyId: null, links: new Map() },
): Record<string, string> {
  const rows: Record<string, Cell[][]> = {
    documents: [
      [
        contentId,
        doc.title,
        doc.published,
        doc.source.name,
        doc.source.url,
        doc.lang,
        doc.text.length,
        ingestedAt,
        linking.storyId,
      ],
    ],
    entities: doc.entities.map((e) => [
      contentId,
      e.id,
      e.type,
      e.name,
      e.actor?.code ?? null,
      e.actor?.country ?? e.place?.country ?? null,
      e.actor?.sector ?? null,
      e.place?.name ?? null,
      e.place?.lat ?? null,
      e.place?.lon ?? null,
      e.mentions.length,
    ]),
    mentions: doc.entities.flatMap((e) => e.mentions.map((m) => [contentId, e.id, m.start, m.end, m.text])),
    quotes: doc.quotes.map((q) => [
      contentId,
      q.id,
      q.kind,
      q.start,
      q.end,
      q.text,
      q.speaker?.entity ?? null,
      q.speaker?.text ?? null,
      q.cue?.text ?? null,
      q.cue?.lemma ?? null,
    ]),
    quantities: doc.quantities.map((n) => [
      contentId,
      n.id,
      n.start,
      n.end,
      n.text,
      n.value,
      n.bound,
      n.unit,
      n.counted,
      n.category,
      n.event,
    ]),
    times: doc.times.map((t) => [contentId, t.id, t.start, t.end, t.text, t.type, t.value]),
    events: eventFacts(doc).map((f) => [
      contentId,
      f.event.id,
      f.event.type,
      f.event.mode,
      f.event.cameo,
      f.quadClass,
      f.goldstein,
      f.event.trigger.text,
      f.event.trigger.lemma,
      f.event.trigger.start,
      f.event.trigger.end,
      f.event.sentence,
      f.source?.name ?? null,
      f.source?.code ?? null,
      f.source?.country ?? null,
      f.target?.name ?? null,
      f.target?.code ?? null,
      f.target?.country ?? null,
      f.place?.name ?? null,
      f.place?.country ?? null,
      f.place?.lat ?? null,
      f.place?.lon ?? null,
      f.date,
      f.event.modality,
      f.event.mentions.length || 1,
      linking.links.get(f.event.id)?.key ?? null,
      linking.links.get(f.event.id)?.articles ?? null,
    ]),
  };
  const out: Record<string, string> = {};
  for (const [table, tableRows] of Object.entries(rows)) out[table] = tableRows.length ? stringify(tableRows) : '';
  return out;
}
