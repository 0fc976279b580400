/** The dashboard's view of the HTTP API: typed GETs whose errors carry the server's message. */

export interface Paged<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface DocRef {
  id: string;
  title: string | null;
  published: string | null;
}

export interface Summary {
  documents: number;
  events: number;
  actors: number;
  quotes: number;
  quantities: number;
  vocabulary: { types: string[]; modalities: string[]; categories: string[]; countries: string[] };
}

export interface DocumentSummary extends DocRef {
  source: { name: string | null; url: string | null };
  version: number;
  story: string | null;
  counts: { entities: number; quotes: number; quantities: number; events: number };
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface EntityOut {
  id: string;
  type: string;
  name: string;
  mentions: Span[];
  actor: { code: string | null; country: string | null; sector: string | null } | null;
  place: { name: string; country: string | null; lat: number; lon: number } | null;
}

export interface QuoteOut extends Span {
  id: string;
  kind: string;
  speaker: { entity: string | null; text: string; start: number; end: number } | null;
  cue: { text: string; lemma: string; start: number; end: number } | null;
}

export interface QuantityOut extends Span {
  id: string;
  value: number | null;
  bound: string;
  unit: string | null;
  counted: string | null;
  category: string;
  event: string | null;
}

export interface TimeOut extends Span {
  id: string;
  type: string;
  value: string | null;
}

export interface ArgumentOut {
  entity: string | null;
  text: string;
  actor: string | null;
}

export interface EventOut {
  id: string;
  type: string;
  mode: string | null;
  cameo: string | null;
  trigger: Span & { lemma: string };
  source: ArgumentOut | null;
  target: ArgumentOut | null;
  place: { entity: string | null; text: string } | null;
  time: { time: string | null; value: string | null } | null;
  modality: string;
  attribution: { quote: string | null; entity: string | null } | null;
  sentence: number;
  mentions: Array<Span & { sentence: number }>;
}

export interface AnalysisOut {
  id: string;
  title: string | null;
  published: string | null;
  source: { name: string | null; url: string | null };
  text: string;
  entities: EntityOut[];
  quotes: QuoteOut[];
  quantities: QuantityOut[];
  times: TimeOut[];
  events: EventOut[];
}

export interface StoredDocument {
  id: string;
  version: number;
  latest: boolean;
  versions: Array<{ id: string; version: number; ingestedAt: string }>;
  analysis: AnalysisOut;
}

export interface EventActor {
  text: string | null;
  name: string | null;
  actor: string | null;
  country: string | null;
  key: string | null;
}

export interface EventRow {
  document: DocRef;
  id: string;
  type: string;
  cameo: string | null;
  goldstein: number | null;
  quadClass: number | null;
  trigger: { text: string; lemma: string; start: number; end: number };
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
  group: { key: string; sources: number; mentions: number } | null;
}

export interface StorySummary {
  id: string;
  title: string | null;
  firstDay: string;
  lastDay: string;
  documents: number;
  events: number;
  sharedEvents: number;
  actors: Array<{ key: string; name: string }>;
  keywords: string[];
}

export interface StoryDetail extends StorySummary {
  articles: Array<{ id: string; title: string | null; published: string | null; source: string | null }>;
}

export interface PlaceRow {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  count: number;
  types: Array<{ type: string; count: number }>;
}

export interface EdgeRow {
  source: string;
  target: string;
  type: string;
  quadClass: number | null;
  count: number;
  goldstein: number | null;
}

export interface ActorRow {
  key: string;
  type: string;
  name: string;
  code: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  documents: number;
  mentions: number;
}

export interface QuoteRow {
  document: DocRef;
  id: string;
  kind: string;
  text: string;
  speaker: { entity: string | null; text: string | null; name: string | null; key: string | null } | null;
  cue: { text: string | null; lemma: string | null } | null;
}

export interface FigureReport {
  document: DocRef & { source: string | null };
  quantity: string;
  text: string;
  value: number;
  bound: string;
  counted: string | null;
  date: string | null;
  attribution: string | null;
}

export interface FigureGroup {
  category: string;
  country: string | null;
  unit: string | null;
  period: { from: string; to: string } | null;
  values: number[];
  reports: FigureReport[];
}

export type Params = Record<string, string | number | boolean | null | undefined>;

export async function get<T>(path: string, params: Params = {}): Promise<T> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') search.set(k, String(v));
  const q = search.toString();
  const response = await fetch(`/api/${path}${q ? `?${q}` : ''}`, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = (body as { message?: string } | null)?.message ?? response.statusText;
    throw new Error(`${response.status}: ${message}`);
  }
  return body as T;
}

let summary: Promise<Summary> | null = null;
/** The store's counts and vocabularies (event types, modalities, categories, countries), fetched once. */
export function getSummary(): Promise<Summary> {
  summary ??= get<Summary>('summary');
  return summary;
}
