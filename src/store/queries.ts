/**
 * What the API and the dashboard ask the store. Every query reads only the latest version of each
 * article, takes validated filters, and pages with limit/offset; results are plain objects ready for
 * JSON. Full-text search is the one place the dialects differ (FTS5 MATCH vs tsvector @@ tsquery).
 */
import { listedPersonName } from '../entities/actors.js';
import type { DocumentOut } from '../document.js';
import type { Db, Row, SqlValue } from './db.js';
import type { ActorRow } from './rows.js';
import { formatDay, parseIsoDate } from '../times/calendar.js';

export interface Page {
  limit: number;
  offset: number;
}

export interface Paged<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** WHERE clauses and their parameters, built up filter by filter. */
class Where {
  readonly clauses: string[] = [];
  readonly params: SqlValue[] = [];
  add(clause: string, ...params: SqlValue[]): this {
    this.clauses.push(clause);
    this.params.push(...params);
    return this;
  }
  in(column: string, values: readonly string[] | undefined): this {
    if (values && values.length) this.add(`${column} IN (${values.map(() => '?').join(', ')})`, ...values);
    return this;
  }
  get sql(): string {
    return this.clauses.length ? ` WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

/** Column readers: SQLite and PostgreSQL hand back numbers, strings and nulls a little differently. */
function str(r: Row, column: string): string | null {
  const v = r[column];
  return v === null || v === undefined ? null : String(v);
}
function num(r: Row, column: string): number | null {
  const v = r[column];
  return v === null || v === undefined ? null : Number(v);
}
/** The document a listed annotation belongs to (selected as content_id, document_title, document_published). */
function documentOf(r: Row): { id: string; title: string | null; published: string | null } {
  return { id: String(r['content_id']), title: str(r, 'document_title'), published: str(r, 'document_published') };
}

/** A LIKE pattern for lower-cased text containing `q`; LIKE's own wildcards in `q` are dropped. */
function containing(q: string): string {
  return `%${q.toLowerCase().replace(/[%_\\]/g, '')}%`;
}

/** Letters and digits only: user input never reaches the search syntax of either database. */
export function searchTerms(q: string): string[] {
  return (q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}

/** A condition on `content_id` true for documents whose text, quotes or entity names match every term. */
function matching(db: Db, terms: string[], column = 'd.content_id'): [string, SqlValue] {
  if (db.dialect === 'sqlite') {
    const query = terms.map((t) => `"${t}"*`).join(' ');
    return [`${column} IN (SELECT content_id FROM search WHERE search MATCH ?)`, query];
  }
  const query = terms.map((t) => `${t}:*`).join(' & ');
  return [`${column} IN (SELECT content_id FROM search WHERE tsv @@ to_tsquery('german', ?))`, query];
}

async function paged<T>(
  db: Db,
  select: string,
  from: string,
  where: Where,
  order: string,
  page: Page,
): Promise<Paged<T>> {
  const total = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${from}${where.sql}`, where.params);
  const items = await db.all<T>(`SELECT ${select} FROM ${from}${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`, [
    ...where.params,
    page.limit,
    page.offset,
  ]);
  return { total: Number(total?.n ?? 0), limit: page.limit, offset: page.offset, items };
}

// ---------------------------------------------------------------------------------------------- documents

export interface DocumentFilter extends Page {
  q?: string;
  from?: string;
  to?: string;
  source?: string;
  story?: string;
}

export interface DocumentSummary {
  id: string;
  docId: string;
  title: string | null;
  published: string | null;
  source: { name: string | null; url: string | null };
  version: number;
  chars: number;
  /** The story it belongs to (null until linked). */
  story: string | null;
  counts: { entities: number; quotes: number; quantities: number; events: number };
}

export async function listDocuments(db: Db, filter: DocumentFilter): Promise<Paged<DocumentSummary>> {
  const where = new Where().add('d.latest = 1');
  if (filter.q !== undefined) {
    const terms = searchTerms(filter.q);
    if (terms.length === 0) return { total: 0, limit: filter.limit, offset: filter.offset, items: [] };
    const [clause, param] = matching(db, terms);
    where.add(clause, param);
  }
  if (filter.from) where.add('d.published >= ?', filter.from);
  if (filter.to) where.add('d.published <= ?', filter.to);
  if (filter.source) where.add('d.source_name = ?', filter.source);
  if (filter.story) where.add('d.story_id = ?', filter.story);
  const count = (table: string): string =>
    `(SELECT COUNT(*) FROM ${table} x WHERE x.content_id = d.content_id) AS n_${table}`;
  const result = await paged<Row>(
    db,
    `d.content_id, d.doc_id, d.title, d.published, d.source_name, d.source_url, d.version, d.chars, d.story_id,
     ${['entities', 'quotes', 'quantities', 'events'].map(count).join(', ')}`,
    'documents d',
    where,
    'd.published DESC NULLS LAST, d.title, d.content_id',
    filter,
  );
  return {
    ...result,
    items: result.items.map((r) => ({
      id: String(r['content_id']),
      docId: String(r['doc_id']),
      title: str(r, 'title'),
      published: str(r, 'published'),
      source: { name: str(r, 'source_name'), url: str(r, 'source_url') },
      version: Number(r['version']),
      chars: Number(r['chars']),
      story: str(r, 'story_id'),
      counts: {
        entities: Number(r['n_entities']),
        quotes: Number(r['n_quotes']),
        quantities: Number(r['n_quantities']),
        events: Number(r['n_events']),
      },
    })),
  };
}

export interface StoredDocument {
  id: string;
  version: number;
  latest: boolean;
  /** Every stored version of the same article, oldest first. */
  versions: Array<{ id: string; version: number; ingestedAt: string }>;
  analysis: DocumentOut;
}

export async function getDocument(db: Db, id: string): Promise<StoredDocument | null> {
  const row = await db.get<Row>(
    'SELECT content_id, article_key, version, latest, analysis FROM documents WHERE content_id = ?',
    [id],
  );
  if (!row) return null;
  const versions = await db.all<Row>(
    'SELECT content_id, version, ingested_at FROM documents WHERE article_key = ? ORDER BY version',
    [row['article_key'] as string],
  );
  return {
    id,
    version: Number(row['version']),
    latest: Number(row['latest']) === 1,
    versions: versions.map((v) => ({
      id: String(v['content_id']),
      version: Number(v['version']),
      ingestedAt: String(v['ingested_at']),
    })),
    analysis: JSON.parse(String(row['analysis'])) as DocumentOut,
  };
}

// ------------------------------------------------------------------------------------------------- events

export interface EventFilter extends Page {
  types?: string[];
  modalities?: string[];
  /** An actor key ("PER:lksnk"), an actor code ("BLRGOV") or a name, as source or target. */
  actor?: string;
  /** ISO alpha-3 country of the source or target. */
  country?: string;
  from?: string;
  to?: string;
  document?: string;
  story?: string;
}

export interface EventRow {
  document: { id: string; title: string | null; published: string | null };
  id: string;
  type: string;
  mode: string | null;
  cameo: string | null;
  goldstein: number | null;
  quadClass: number | null;
  trigger: { text: string; lemma: string; start: number; end: number };
  sentence: number;
  source: EventActor | null;
  target: EventActor | null;
  place: {
    text: string | null;
    name: string | null;
    country: string | null;
    lat: number | null;
    lon: number | null;
  } | null;
  time: { id: string | null; value: string | null } | null;
  date: string | null;
  modality: string;
  attribution: { quote: string | null; entity: string | null } | null;
  mentions: number;
  /** The same event across articles: its key, how many articles report it, their mentions together. */
  group: { key: string; sources: number; mentions: number } | null;
}

export interface EventActor {
  entity: string | null;
  text: string | null;
  name: string | null;
  actor: string | null;
  country: string | null;
  key: string | null;
}

function eventWhere(filter: Omit<EventFilter, keyof Page>): Where {
  const where = new Where().add('d.latest = 1');
  where.in('e.type', filter.types).in('e.modality', filter.modalities);
  if (filter.actor)
    where.add(
      '(e.source_actor_key = ? OR e.target_actor_key = ? OR e.source_actor = ? OR e.target_actor = ? OR e.source_name = ? OR e.target_name = ?)',
      ...Array<string>(6).fill(filter.actor),
    );
  if (filter.country) where.add('(e.source_country = ? OR e.target_country = ?)', filter.country, filter.country);
  if (filter.from) where.add('e.date >= ?', filter.from);
  if (filter.to) where.add('e.date <= ?', filter.to);
  if (filter.document) where.add('e.content_id = ?', filter.document);
  if (filter.story) where.add('d.story_id = ?', filter.story);
  return where;
}

const EVENTS_FROM = 'events e JOIN documents d ON d.content_id = e.content_id';
const EVENTS_WITH_GROUPS = `${EVENTS_FROM} LEFT JOIN event_groups g ON g.event_key = e.event_key`;

export async function listEvents(db: Db, filter: EventFilter): Promise<Paged<EventRow>> {
  const result = await paged<Row>(
    db,
    'e.*, d.title AS document_title, d.published AS document_published, g.sources AS group_sources, g.mentions AS group_mentions',
    EVENTS_WITH_GROUPS,
    eventWhere(filter),
    'e.date NULLS LAST, e.content_id, e.trigger_start',
    filter,
  );
  return { ...result, items: result.items.map(eventFromRow) };
}

function eventFromRow(r: Row): EventRow {
  const s = (k: string): string | null => str(r, k);
  const n = (k: string): number | null => num(r, k);
  const actor = (p: string): EventActor | null =>
    s(`${p}_text`) === null && s(`${p}_actor`) === null
      ? null
      : {
          entity: s(`${p}_entity`),
          text: s(`${p}_text`),
          name: s(`${p}_name`),
          actor: s(`${p}_actor`),
          country: s(`${p}_country`),
          key: s(`${p}_actor_key`),
        };
  return {
    document: documentOf(r),
    id: String(r['vid']),
    type: String(r['type']),
    mode: s('mode'),
    cameo: s('cameo'),
    goldstein: n('goldstein'),
    quadClass: n('quad_class'),
    trigger: {
      text: String(r['trigger_text']),
      lemma: String(r['trigger_lemma']),
      start: Number(r['trigger_start']),
      end: Number(r['trigger_end']),
    },
    sentence: Number(r['sentence']),
    source: actor('source'),
    target: actor('target'),
    place:
      s('place_text') === null
        ? null
        : { text: s('place_text'), name: s('place_name'), country: s('place_country'), lat: n('lat'), lon: n('lon') },
    time: s('time_id') === null && s('time_value') === null ? null : { id: s('time_id'), value: s('time_value') },
    date: s('date'),
    modality: String(r['modality']),
    attribution:
      s('attribution_quote') === null && s('attribution_entity') === null
        ? null
        : { quote: s('attribution_quote'), entity: s('attribution_entity') },
    mentions: Number(r['mentions']),
    group:
      s('event_key') === null || n('group_sources') === null
        ? null
        : { key: s('event_key')!, sources: n('group_sources')!, mentions: n('group_mentions')! },
  };
}

/** Events per day and type (the timeline), under the same filters as the event list. */
export async function eventTimeline(
  db: Db,
  filter: Omit<EventFilter, keyof Page>,
): Promise<Array<{ date: string; type: string; count: number }>> {
  const where = eventWhere(filter).add('e.date IS NOT NULL');
  const rows = await db.all<Row>(
    `SELECT e.date AS date, e.type AS type, COUNT(*) AS n FROM ${EVENTS_FROM}${where.sql} GROUP BY e.date, e.type ORDER BY e.date, e.type`,
    where.params,
  );
  return rows.map((r) => ({ date: String(r['date']), type: String(r['type']), count: Number(r['n']) }));
}

// A network node is an actor code, else a named entity; arguments that are neither ("die Ergebnisse") are left out.
const SOURCE_NODE = 'COALESCE(e.source_actor, CASE WHEN e.source_entity IS NOT NULL THEN e.source_name END)';
const TARGET_NODE = 'COALESCE(e.target_actor, CASE WHEN e.target_entity IS NOT NULL THEN e.target_name END)';

/**
 * The actor network: who acts on whom, as weighted edges by PLOVER type. Nodes are actor codes where the
 * events have them (BLRGOV, USAGOV, EUR) and names otherwise, so that "die Polizei" in one article and
 * "Sicherheitskräfte" in another meet as BLRCOP.
 */
export async function actorNetwork(
  db: Db,
  filter: Omit<EventFilter, keyof Page>,
): Promise<
  Array<{
    source: string;
    target: string;
    type: string;
    quadClass: number | null;
    count: number;
    goldstein: number | null;
  }>
> {
  const where = eventWhere(filter).add(`${SOURCE_NODE} IS NOT NULL`).add(`${TARGET_NODE} IS NOT NULL`);
  const rows = await db.all<Row>(
    `SELECT ${SOURCE_NODE} AS source, ${TARGET_NODE} AS target,
            e.type AS type, MIN(e.quad_class) AS quad_class, COUNT(*) AS n, AVG(e.goldstein) AS goldstein
     FROM ${EVENTS_FROM}${where.sql}
     GROUP BY ${SOURCE_NODE}, ${TARGET_NODE}, e.type
     ORDER BY n DESC, source, target, type LIMIT 500`,
    where.params,
  );
  return rows.map((r) => ({
    source: String(r['source']),
    target: String(r['target']),
    type: String(r['type']),
    quadClass: num(r, 'quad_class'),
    count: Number(r['n']),
    goldstein: r['goldstein'] === null ? null : Math.round(Number(r['goldstein']) * 100) / 100,
  }));
}

// ------------------------------------------------------------------------------------------------- actors

export interface ActorFilter extends Page {
  q?: string;
  type?: string;
  country?: string;
}

/** A stored actor (its row, keyed `key` on the wire) with how often it occurs. */
export interface ActorSummary extends Omit<ActorRow, 'actor_key'> {
  key: string;
  documents: number;
  mentions: number;
  variants: Array<{ name: string; documents: number }>;
}

export async function listActors(db: Db, filter: ActorFilter): Promise<Paged<ActorSummary>> {
  const where = new Where();
  if (filter.type) where.add('a.type = ?', filter.type);
  if (filter.country) where.add('a.country = ?', filter.country);
  if (filter.q)
    where.add('a.actor_key IN (SELECT actor_key FROM actor_names WHERE LOWER(name) LIKE ?)', containing(filter.q));
  const result = await paged<Row>(
    db,
    `a.*,
     (SELECT COUNT(DISTINCT en.content_id) FROM entities en JOIN documents d ON d.content_id = en.content_id
        WHERE en.actor_key = a.actor_key AND d.latest = 1) AS n_documents,
     (SELECT COALESCE(SUM(en.mentions), 0) FROM entities en JOIN documents d ON d.content_id = en.content_id
        WHERE en.actor_key = a.actor_key AND d.latest = 1) AS n_mentions`,
    'actors a',
    where,
    'n_documents DESC, n_mentions DESC, a.name',
    filter,
  );
  const keys = result.items.map((r) => String(r['actor_key']));
  const variants = new Map<string, Array<{ name: string; documents: number }>>();
  if (keys.length) {
    const rows = await db.all<Row>(
      `SELECT actor_key, name, documents FROM actor_names WHERE actor_key IN (${keys.map(() => '?').join(', ')})
       ORDER BY documents DESC, name`,
      keys,
    );
    for (const r of rows) {
      const key = String(r['actor_key']);
      const list = variants.get(key) ?? [];
      list.push({ name: String(r['name']), documents: Number(r['documents']) });
      variants.set(key, list);
    }
  }
  return {
    ...result,
    items: result.items.map((r) => {
      const key = String(r['actor_key']);
      const names = variants.get(key) ?? [];
      return {
        key,
        type: String(r['type']),
        // A listed person goes by its listed name, others by the spelling most documents use.
        name: (r['type'] === 'PER' && listedPersonName(String(r['name']))) || (names[0]?.name ?? String(r['name'])),
        code: str(r, 'code'),
        country: str(r, 'country'),
        sector: str(r, 'sector'),
        lat: num(r, 'lat'),
        lon: num(r, 'lon'),
        documents: Number(r['n_documents']),
        mentions: Number(r['n_mentions']),
        variants: names,
      };
    }),
  };
}

// ------------------------------------------------------------------------------------------------- quotes

export interface QuoteFilter extends Page {
  /** An actor key or a speaker name (as written or canonical). */
  speaker?: string;
  q?: string;
  kind?: string;
  document?: string;
}

export interface QuoteRow {
  document: { id: string; title: string | null; published: string | null };
  id: string;
  kind: string;
  text: string;
  start: number;
  end: number;
  speaker: { entity: string | null; text: string | null; name: string | null; key: string | null } | null;
  cue: { text: string | null; lemma: string | null } | null;
}

export async function listQuotes(db: Db, filter: QuoteFilter): Promise<Paged<QuoteRow>> {
  const where = new Where().add('d.latest = 1');
  if (filter.speaker)
    where.add(
      '(q.speaker_actor_key = ? OR q.speaker_name = ? OR q.speaker_text = ?)',
      filter.speaker,
      filter.speaker,
      filter.speaker,
    );
  if (filter.kind) where.add('q.kind = ?', filter.kind);
  if (filter.document) where.add('q.content_id = ?', filter.document);
  if (filter.q) where.add('LOWER(q.text) LIKE ?', containing(filter.q));
  const result = await paged<Row>(
    db,
    'q.*, d.title AS document_title, d.published AS document_published',
    'quotes q JOIN documents d ON d.content_id = q.content_id',
    where,
    'q.speaker_name NULLS LAST, d.published, q.content_id, q.start_offset',
    filter,
  );
  return {
    ...result,
    items: result.items.map((r) => ({
      document: documentOf(r),
      id: String(r['qid']),
      kind: String(r['kind']),
      text: String(r['text']),
      start: Number(r['start_offset']),
      end: Number(r['end_offset']),
      speaker:
        str(r, 'speaker_text') === null
          ? null
          : {
              entity: str(r, 'speaker_entity'),
              text: str(r, 'speaker_text'),
              name: str(r, 'speaker_name'),
              key: str(r, 'speaker_actor_key'),
            },
      cue: str(r, 'cue_text') === null ? null : { text: str(r, 'cue_text'), lemma: str(r, 'cue_lemma') },
    })),
  };
}

// --------------------------------------------------------------------------------------------- quantities

export interface QuantityFilter extends Page {
  categories?: string[];
  document?: string;
  from?: string;
  to?: string;
}

export interface QuantityRow {
  document: { id: string; title: string | null; published: string | null; source: string | null };
  id: string;
  text: string;
  start: number;
  end: number;
  value: number | null;
  bound: string;
  magnitude: number | null;
  unit: string | null;
  counted: string | null;
  category: string;
  event: { id: string; type: string | null; country: string | null; date: string | null } | null;
}

export async function listQuantities(db: Db, filter: QuantityFilter): Promise<Paged<QuantityRow>> {
  const where = new Where().add('d.latest = 1').in('n.category', filter.categories);
  if (filter.document) where.add('n.content_id = ?', filter.document);
  if (filter.from) where.add('d.published >= ?', filter.from);
  if (filter.to) where.add('d.published <= ?', filter.to);
  const result = await paged<Row>(
    db,
    `n.*, d.title AS document_title, d.published AS document_published, d.source_name AS document_source,
     e.type AS event_type, COALESCE(e.place_country, e.target_country, e.source_country) AS event_country,
     e.date AS event_date`,
    `quantities n JOIN documents d ON d.content_id = n.content_id
     LEFT JOIN events e ON e.content_id = n.content_id AND e.vid = n.event`,
    where,
    'n.category, d.published, n.content_id, n.start_offset',
    filter,
  );
  return {
    ...result,
    items: result.items.map((r) => ({
      document: { ...documentOf(r), source: str(r, 'document_source') },
      id: String(r['nid']),
      text: String(r['text']),
      start: Number(r['start_offset']),
      end: Number(r['end_offset']),
      value: num(r, 'value'),
      bound: String(r['bound']),
      magnitude: num(r, 'magnitude'),
      unit: str(r, 'unit'),
      counted: str(r, 'counted'),
      category: String(r['category']),
      event:
        str(r, 'event') === null
          ? null
          : {
              id: String(r['event']),
              type: str(r, 'event_type'),
              country: str(r, 'event_country'),
              date: str(r, 'event_date'),
            },
    })),
  };
}

// ------------------------------------------------------------------------------------------------- places

export interface EventPlace {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  count: number;
  types: Array<{ type: string; count: number }>;
}

/** Where events happened: one point per place with coordinates, its event count and types. */
export async function eventPlaces(db: Db, filter: Omit<EventFilter, keyof Page>): Promise<EventPlace[]> {
  const where = eventWhere(filter).add('e.lat IS NOT NULL').add('e.lon IS NOT NULL');
  const rows = await db.all<Row>(
    `SELECT COALESCE(e.place_name, e.place_text) AS name, e.place_country AS country, e.lat AS lat, e.lon AS lon,
            e.type AS type, COUNT(*) AS n
     FROM ${EVENTS_FROM}${where.sql}
     GROUP BY COALESCE(e.place_name, e.place_text), e.place_country, e.lat, e.lon, e.type
     ORDER BY name, type`,
    where.params,
  );
  const places = new Map<string, EventPlace>();
  for (const r of rows) {
    const name = String(r['name']);
    const lat = Number(r['lat']);
    const lon = Number(r['lon']);
    const key = `${name}\u0000${lat}\u0000${lon}`;
    let place = places.get(key);
    if (!place) places.set(key, (place = { name, country: str(r, 'country'), lat, lon, count: 0, types: [] }));
    const n = Number(r['n']);
    place.count += n;
    place.types.push({ type: String(r['type']), count: n });
  }
  return [...places.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

// ------------------------------------------------------------------------------------------------ figures

export interface FigureFilter extends Page {
  categories?: string[];
  country?: string;
  from?: string;
  to?: string;
  /** Also the groups in which every report gives the same value. */
  all?: boolean;
}

export interface FigureReport {
  document: { id: string; title: string | null; published: string | null; source: string | null };
  quantity: string;
  text: string;
  start: number;
  end: number;
  value: number;
  bound: string;
  counted: string | null;
  date: string | null;
  /** Who gives the figure: the speaker of the quote it stands in, else the party the event is attributed to. */
  attribution: string | null;
}

export interface FigureGroup {
  category: string;
  country: string | null;
  unit: string | null;
  /** The days of the first and the last report (null for figures with no date at all). */
  period: { from: string; to: string } | null;
  values: number[];
  reports: FigureReport[];
}

/** Reports of one kind of count more than this many days after a group's first report start a new group. */
const FIGURE_WINDOW_DAYS = 7;

/**
 * Contested figures: the same kind of count (category, country, unit, within a week of each other)
 * reported by several articles or sources, grouped so that differing values stand side by side with who
 * gave them. The country is the event's (place, target, source) or else the country the article mentions
 * most; the day is the event's, else the article's publication day.
 */
export async function listFigures(db: Db, filter: FigureFilter): Promise<Paged<FigureGroup>> {
  const where = new Where()
    .add('d.latest = 1')
    .add('n.value IS NOT NULL')
    .add("n.category <> 'OTHER'")
    .in('n.category', filter.categories);
  // Filters go into the query, so that the row limit applies to the rows that are wanted.
  if (filter.from) where.add('COALESCE(e.date, d.published) >= ?', filter.from);
  if (filter.to) where.add('COALESCE(e.date, d.published) <= ?', filter.to);
  const outer = new Where();
  if (filter.country) outer.add('f.country = ?', filter.country);
  const rows = await db.all<Row>(
    `SELECT * FROM (SELECT n.content_id, n.nid, n.text, n.value, n.bound, n.unit, n.counted, n.category, n.start_offset, n.end_offset,
            d.title AS document_title, d.published AS document_published, d.source_name AS document_source,
            COALESCE(e.date, d.published) AS day,
            COALESCE(e.place_country, e.target_country, e.source_country,
              (SELECT x.country FROM entities x WHERE x.content_id = n.content_id AND x.country IS NOT NULL
               GROUP BY x.country ORDER BY SUM(x.mentions) DESC, x.country LIMIT 1)) AS country,
            COALESCE(
              (SELECT q.speaker_name FROM quotes q WHERE q.content_id = n.content_id AND q.speaker_name IS NOT NULL
                 AND q.start_offset <= n.start_offset AND q.end_offset >= n.end_offset
               ORDER BY q.end_offset - q.start_offset LIMIT 1),
              (SELECT a.name FROM entities a WHERE a.content_id = e.content_id AND a.eid = e.attribution_entity)
            ) AS attribution
     FROM quantities n JOIN documents d ON d.content_id = n.content_id
     LEFT JOIN events e ON e.content_id = n.content_id AND e.vid = n.event${where.sql}) f${outer.sql}
     ORDER BY f.category, f.day, f.content_id, f.start_offset LIMIT 20000`,
    [...where.params, ...outer.params],
  );
  // Kinds of count first (category, country, unit), then runs of reports within the window, by day.
  const kinds = new Map<string, Array<{ row: Row; day: number | null }>>();
  for (const r of rows) {
    const day = str(r, 'day');
    const key = [r['category'], r['country'], r['unit']].join('\u0000');
    let reports = kinds.get(key);
    if (!reports) kinds.set(key, (reports = []));
    reports.push({ row: r, day: day ? parseIsoDate(day) : null });
  }
  const groups: FigureGroup[] = [];
  for (const reports of kinds.values()) {
    reports.sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity));
    let group: FigureGroup | null = null;
    let first: number | null = null;
    for (const { row: r, day } of reports) {
      const sameRun =
        group !== null && (day === null ? first === null : first !== null && day - first <= FIGURE_WINDOW_DAYS);
      if (!group || !sameRun) {
        first = day;
        group = {
          category: String(r['category']),
          country: str(r, 'country'),
          unit: str(r, 'unit'),
          period: day === null ? null : { from: formatDay(day), to: formatDay(day) },
          values: [],
          reports: [],
        };
        groups.push(group);
      }
      if (group.period && day !== null) group.period.to = formatDay(day);
      const value = Number(r['value']);
      if (!group.values.includes(value)) group.values.push(value);
      group.reports.push({
        document: { ...documentOf(r), source: str(r, 'document_source') },
        quantity: String(r['nid']),
        text: String(r['text']),
        start: Number(r['start_offset']),
        end: Number(r['end_offset']),
        value,
        bound: String(r['bound']),
        counted: str(r, 'counted'),
        date: str(r, 'day'),
        attribution: str(r, 'attribution'),
      });
    }
  }
  const kept = groups
    .filter((g) => filter.all || g.values.length > 1)
    .map((g) => ({ ...g, values: g.values.sort((a, b) => a - b) }))
    // The most disputed first: most distinct values, then most reports, then the latest.
    .sort(
      (a, b) =>
        b.values.length - a.values.length ||
        b.reports.length - a.reports.length ||
        (b.period?.to ?? '').localeCompare(a.period?.to ?? ''),
    );
  return {
    total: kept.length,
    limit: filter.limit,
    offset: filter.offset,
    items: kept.slice(filter.offset, filter.offset + filter.limit),
  };
}

// ------------------------------------------------------------------------------------------------ summary

/** How much the store holds: the dashboard's header line. */
export async function storeSummary(db: Db): Promise<{
  documents: number;
  events: number;
  actors: number;
  quotes: number;
  quantities: number;
  countries: string[];
}> {
  const count = async (sql: string): Promise<number> => Number((await db.get<Row>(sql))?.['n'] ?? 0);
  const latest = 'JOIN documents d ON d.content_id = x.content_id AND d.latest = 1';
  return {
    documents: await count('SELECT COUNT(*) AS n FROM documents WHERE latest = 1'),
    events: await count(`SELECT COUNT(*) AS n FROM events x ${latest}`),
    actors: await count(`SELECT COUNT(DISTINCT x.actor_key) AS n FROM entities x ${latest}`),
    quotes: await count(`SELECT COUNT(*) AS n FROM quotes x ${latest}`),
    quantities: await count(`SELECT COUNT(*) AS n FROM quantities x ${latest}`),
    // The countries events name as source or target: the choices of the dashboard's country filter.
    countries: (
      await db.all<Row>(
        `SELECT c FROM (SELECT x.source_country AS c FROM events x ${latest}
                        UNION SELECT x.target_country AS c FROM events x ${latest}) u
         WHERE c IS NOT NULL ORDER BY c`,
      )
    ).map((r) => String(r['c'])),
  };
}

// ------------------------------------------------------------------------------------------------ stories

export interface StoryFilter extends Page {
  /** Stories active on or after / before this day. */
  from?: string;
  to?: string;
  /** Only stories with at least this many articles. */
  minDocuments?: number;
  /** An actor key or country code (as in a story's `actors`): stories whose centroid names it. */
  actor?: string;
}

export interface StorySummary {
  id: string;
  title: string | null;
  firstDay: string;
  lastDay: string;
  documents: number;
  /** Events of its articles, and how many of them more than one article reports. */
  events: number;
  sharedEvents: number;
  /** The named things and words that define it, strongest first; `key` filters events by it (actor key or code). */
  actors: Array<{ key: string; name: string }>;
  keywords: string[];
}

export async function listStories(db: Db, filter: StoryFilter): Promise<Paged<StorySummary>> {
  const where = new Where();
  if (filter.from) where.add('s.last_day >= ?', filter.from);
  if (filter.to) where.add('s.first_day <= ?', filter.to);
  if (filter.minDocuments) where.add('s.documents >= ?', filter.minDocuments);
  if (filter.actor) where.add('s.story_id IN (SELECT story_id FROM story_terms WHERE ref = ?)', filter.actor);
  const result = await paged<Row>(
    db,
    's.*',
    'stories s',
    where,
    's.last_day DESC, s.documents DESC, s.story_id',
    filter,
  );
  return { ...result, items: await storySummaries(db, result.items) };
}

async function storySummaries(db: Db, rows: Row[]): Promise<StorySummary[]> {
  const ids = rows.map((r) => String(r['story_id']));
  if (ids.length === 0) return [];
  const list = ids.map(() => '?').join(', ');
  const terms = await db.all<Row>(
    `SELECT story_id, term, label, ref FROM story_terms WHERE story_id IN (${list}) ORDER BY story_id, weight DESC, term`,
    ids,
  );
  const events = await db.all<Row>(
    `SELECT d.story_id, COUNT(*) AS n, SUM(CASE WHEN g.sources > 1 THEN 1 ELSE 0 END) AS shared
     FROM events e JOIN documents d ON d.content_id = e.content_id LEFT JOIN event_groups g ON g.event_key = e.event_key
     WHERE d.latest = 1 AND d.story_id IN (${list}) GROUP BY d.story_id`,
    ids,
  );
  const eventCounts = new Map(events.map((r) => [String(r['story_id']), r]));
  return rows.map((r) => {
    const id = String(r['story_id']);
    const own = terms.filter((t) => t['story_id'] === id);
    const counts = eventCounts.get(id);
    return {
      id,
      title: str(r, 'title'),
      firstDay: String(r['first_day']),
      lastDay: String(r['last_day']),
      documents: Number(r['documents']),
      events: Number(counts?.['n'] ?? 0),
      sharedEvents: Number(counts?.['shared'] ?? 0),
      actors: own
        .filter((t) => String(t['term']).startsWith('@') && t['label'] !== null)
        .slice(0, 8)
        .map((t) => ({ key: String(t['ref'] ?? t['label']), name: String(t['label']) })),
      keywords: own
        .filter((t) => !String(t['term']).startsWith('@'))
        .slice(0, 8)
        .map((t) => String(t['term'])),
    };
  });
}

export interface StoryDetail extends StorySummary {
  articles: Array<{ id: string; title: string | null; published: string | null; source: string | null }>;
}

export async function getStory(db: Db, id: string): Promise<StoryDetail | null> {
  const row = await db.get<Row>('SELECT * FROM stories WHERE story_id = ?', [id]);
  if (!row) return null;
  const [summary] = await storySummaries(db, [row]);
  const articles = await db.all<Row>(
    `SELECT content_id, title, published, source_name FROM documents WHERE story_id = ? AND latest = 1
     ORDER BY published NULLS LAST, content_id`,
    [id],
  );
  return {
    ...summary!,
    articles: articles.map((a) => ({
      id: String(a['content_id']),
      title: str(a, 'title'),
      published: str(a, 'published'),
      source: str(a, 'source_name'),
    })),
  };
}
