/**
 * GDELT 2.0 event table: 61 tab-separated columns per event, no header line (as GDELT's own files).
 * Where Lagebild knows less or differently than GDELT, the column says so plainly:
 * - GlobalEventID is a stable 52-bit number from the document's content id and the event id, so the same
 *   stored event always gets the same id.
 * - Actor codes are Lagebild's CAMEO-style codes (BLRGOV, EUR); KnownGroup, ethnic and religion codes
 *   are empty; Type1Code is the actor's sector (GOV, COP, MIL, OPP, CVL, MED, …).
 * - Geo country codes are ISO 3166 alpha-3 (GDELT uses FIPS 10-4); ADM1/ADM2 codes are empty. Geo types:
 *   1 country, 4 world city, 5 world region. Actor geo is the actor's own place when the actor is one.
 * - AvgTone is empty (Lagebild does not score tone).
 * - One row per event, as GDELT: an event several articles report (one cross-article event key, see
 *   src/linking/) is written once, from its first report, with NumArticles = the articles reporting it,
 *   NumSources = their distinct source names, NumMentions = its mentions in all of them. Events of
 *   articles not linked yet count their own article only.
 */
import { createHash } from 'node:crypto';
import type { DocumentOut } from '../document.js';
import { eventFacts, placeFacts, type ActorFacts, type PlaceFacts } from './event-facts.js';
import type { EventLink } from './stored.js';

export const GDELT_COLUMNS = [
  'GlobalEventID',
  'Day',
  'MonthYear',
  'Year',
  'FractionDate',
  ...actorColumns('Actor1'),
  ...actorColumns('Actor2'),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...geoColumns('Actor1Geo'),
  ...geoColumns('Actor2Geo'),
  ...geoColumns('ActionGeo'),
  'DATEADDED',
  'SOURCEURL',
] as const;

function actorColumns(p: string): string[] {
  return ['Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code']
    .concat(['Type1Code', 'Type2Code', 'Type3Code'])
    .map((c) => `${p}${c}`);
}

function geoColumns(p: string): string[] {
  return ['Type', 'Fullname', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map(
    (c) => `${p}_${c}`,
  );
}

/** A stable numeric id (below 2^52, exact in JSON and in every spreadsheet). */
export function numericEventId(contentId: string, eventId: string): number {
  return parseInt(createHash('sha256').update(`${contentId}#${eventId}`).digest('hex').slice(0, 13), 16);
}

type Cell = string | number | null;

function actorCells(a: ActorFacts | null): Cell[] {
  return [a?.code ?? null, a?.name ?? null, a?.country ?? null, null, null, null, null, a?.sector ?? null, null, null];
}

function geoCells(p: PlaceFacts | null): Cell[] {
  if (!p) return [0, null, null, null, null, null, null, null];
  const type = p.kind === 'city' ? 4 : p.kind === 'country' ? 1 : 5;
  return [type, p.name, p.country, null, null, p.lat, p.lon, p.geonamesId];
}

/** An actor that is itself a place ("Minsk" as the government) has that place as its geo. */
function actorPlace(a: ActorFacts | null): PlaceFacts | null {
  return a?.entity?.place ? placeFacts(a.entity, a.entity.name) : null;
}

function fractionDate(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const days = (Date.UTC(y, m - 1, d) - start) / 86_400_000;
  return Math.round((y + days / 365) * 10_000) / 10_000;
}

function cell(value: Cell): string {
  if (value === null) return '';
  return String(value).replace(/[\t\r\n]+/g, ' ');
}

/** GDELT rows (as lines) for one stored article; events without a CAMEO code or a day are left out. */
export function gdeltLines(
  doc: DocumentOut,
  contentId: string,
  ingestedAt: string,
  links: ReadonlyMap<string, EventLink> = new Map(),
): string[] {
  const added = ingestedAt.replace(/\D/g, '').slice(0, 14);
  const url = doc.source.url ?? contentId;
  const lines: string[] = [];
  for (const f of eventFacts(doc)) {
    const code = f.event.cameo;
    if (!code || !f.date) continue;
    const link = links.get(f.event.id);
    if (link && !link.representative) continue;
    const day = f.date.replace(/-/g, '');
    const row: Cell[] = [
      numericEventId(contentId, f.event.id),
      day,
      day.slice(0, 6),
      day.slice(0, 4),
      fractionDate(f.date),
      ...actorCells(f.source),
      ...actorCells(f.target),
      f.lead ? 1 : 0,
      code,
      code.slice(0, 3),
      code.slice(0, 2),
      f.quadClass,
      f.goldstein,
      link?.mentions ?? (f.event.mentions.length || 1),
      link?.sources ?? 1,
      link?.articles ?? 1,
      null,
      ...geoCells(actorPlace(f.source)),
      ...geoCells(actorPlace(f.target)),
      ...geoCells(f.place),
      added,
      url,
    ];
    lines.push(row.map(cell).join('\t'));
  }
  return lines;
}
