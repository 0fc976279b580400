/**
 * One analysed document → the rows of the store's normalised tables. Pure: no database here, so both
 * dialects insert exactly the same rows, and the derivations (an event's day, its actors' countries and
 * cross-article actor keys, CAMEO Goldstein and QuadClass) live in one place.
 */
import type { DocumentOut, Entity, EventArgument } from '../document.js';
import { nameKey, syllableKey } from '../entities/name-key.js';
import { listedPersonName } from '../entities/actors.js';
import { eventLexicon } from '../events/lexicon.js';
import type { SqlValue } from './db.js';

export interface ActorRow {
  actor_key: string;
  type: string;
  name: string;
  code: string | null;
  country: string | null;
  sector: string | null;
  lat: number | null;
  lon: number | null;
}

export interface DocumentRows {
  actors: ActorRow[];
  /** Table name → rows as column → value, in the tables' insertion order (parents first). */
  tables: Array<[table: string, rows: Array<Record<string, SqlValue>>]>;
  /** Full-text search entries: the article, each quote, each entity name. */
  search: Array<{ kind: 'document' | 'quote' | 'entity'; ref: string | null; body: string }>;
}

/**
 * The cross-article identity of a named thing: its type and spelling-blind name key, so that
 * "Tichanowskaja" and "Tikhanovskaya" meet. Across articles no context confirms a match, so the key
 * keeps where the vowels are (`syllableKey`: Putin and Potiainen stay two). A person of the actor
 * dictionary is keyed by the name it lists, so that an article's "Putin" meets another's "Wladimir
 * Putin". Short names ("EU", "Ban") have too few consonants for any key to be safe; they keep their
 * lower-cased spelling. Keys are derived data: the store recomputes stored ones when these rules or
 * the person list change (`ACTOR_KEY_RULES`, src/store/rekey.ts).
 */
export function actorKey(type: string, name: string): string {
  const known = type === 'PER' ? (listedPersonName(name) ?? name) : name;
  const consonants = nameKey(known).replace(/\s/g, '').length;
  const key = syllableKey(known, type === 'ORG' || type === 'MISC');
  return `${type}:${consonants >= 3 ? key : known.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

/**
 * Actor rows (in the order they were stored, each with the document it came from) → one actor per key
 * and its spellings: the first row names the actor (a listed person: its listed name), later ones fill in
 * a code, country or place it lacked; a spelling counts the distinct documents that use it.
 */
export function mergeActors(rows: Iterable<{ actor: ActorRow; document: string }>): {
  actors: ActorRow[];
  names: Array<{ actor_key: string; name: string; documents: number }>;
} {
  const byKey = new Map<string, ActorRow>();
  const names = new Map<string, { actor_key: string; name: string; documents: Set<string> }>();
  for (const { actor: a, document } of rows) {
    const seen = byKey.get(a.actor_key);
    // A listed person goes by the name the dictionary lists, whatever spelling came first.
    if (!seen) byKey.set(a.actor_key, { ...a, name: (a.type === 'PER' && listedPersonName(a.name)) || a.name });
    else
      for (const field of ['code', 'country', 'sector', 'lat', 'lon'] as const)
        if (seen[field] === null) (seen as unknown as Record<string, unknown>)[field] = a[field];
    const id = `${a.actor_key}\u0000${a.name}`;
    let name = names.get(id);
    if (!name) names.set(id, (name = { actor_key: a.actor_key, name: a.name, documents: new Set() }));
    name.documents.add(document);
  }
  return {
    actors: [...byKey.values()],
    names: [...names.values()].map((n) => ({ actor_key: n.actor_key, name: n.name, documents: n.documents.size })),
  };
}

/** The calendar day an event happened on: its own resolved date, else the article's publication date. */
export function eventDay(timeValue: string | null, published: string | null): string | null {
  if (timeValue && /^\d{4}-\d{2}-\d{2}/.test(timeValue)) return timeValue.slice(0, 10);
  return published;
}

export function documentRows(doc: DocumentOut, contentId: string): DocumentRows {
  const byId = new Map<string, Entity>(doc.entities.map((e) => [e.id, e]));
  const keyOf = new Map<string, string>();
  const actors: ActorRow[] = [];
  const entities: Array<Record<string, SqlValue>> = [];
  const mentions: Array<Record<string, SqlValue>> = [];
  for (const entity of doc.entities) {
    const key = actorKey(entity.type, entity.name);
    keyOf.set(entity.id, key);
    actors.push({
      actor_key: key,
      type: entity.type,
      name: entity.name,
      code: entity.actor?.code ?? null,
      country: entity.actor?.country ?? entity.place?.country ?? null,
      sector: entity.actor?.sector ?? null,
      lat: entity.place?.lat ?? null,
      lon: entity.place?.lon ?? null,
    });
    entities.push({
      content_id: contentId,
      eid: entity.id,
      type: entity.type,
      name: entity.name,
      actor_key: key,
      code: entity.actor?.code ?? null,
      country: entity.actor?.country ?? null,
      sector: entity.actor?.sector ?? null,
      place_name: entity.place?.name ?? null,
      place_country: entity.place?.country ?? null,
      lat: entity.place?.lat ?? null,
      lon: entity.place?.lon ?? null,
      place_id: entity.place?.id ?? null,
      mentions: entity.mentions.length,
    });
    for (const m of entity.mentions)
      mentions.push({ content_id: contentId, eid: entity.id, start_offset: m.start, end_offset: m.end, text: m.text });
  }

  const quotes = doc.quotes.map((q) => {
    const speaker = q.speaker?.entity ? byId.get(q.speaker.entity) : undefined;
    return {
      content_id: contentId,
      qid: q.id,
      kind: q.kind,
      start_offset: q.start,
      end_offset: q.end,
      text: q.text,
      speaker_entity: q.speaker?.entity ?? null,
      speaker_text: q.speaker?.text ?? null,
      speaker_name: speaker?.name ?? q.speaker?.text ?? null,
      speaker_actor_key: q.speaker?.entity ? (keyOf.get(q.speaker.entity) ?? null) : null,
      cue_text: q.cue?.text ?? null,
      cue_lemma: q.cue?.lemma ?? null,
    };
  });

  const quantities = doc.quantities.map((n) => ({
    content_id: contentId,
    nid: n.id,
    start_offset: n.start,
    end_offset: n.end,
    text: n.text,
    value: n.value,
    bound: n.bound,
    magnitude: n.magnitude,
    unit: n.unit,
    counted: n.counted,
    category: n.category,
    event: n.event,
  }));

  const times = doc.times.map((t) => ({
    content_id: contentId,
    tid: t.id,
    start_offset: t.start,
    end_offset: t.end,
    text: t.text,
    type: t.type,
    value: t.value,
  }));

  const cameo = eventLexicon().cameo;
  const argument = (arg: EventArgument | null, prefix: 'source' | 'target'): Record<string, SqlValue> => {
    const entity = arg?.entity ? byId.get(arg.entity) : undefined;
    const code = arg?.actor ?? entity?.actor?.code ?? null;
    return {
      [`${prefix}_entity`]: arg?.entity ?? null,
      [`${prefix}_text`]: arg ? arg.text : null,
      [`${prefix}_name`]: entity?.name ?? (arg?.text || null),
      [`${prefix}_actor`]: code,
      [`${prefix}_country`]: entity?.actor?.country ?? countryOfCode(code),
      [`${prefix}_actor_key`]: arg?.entity ? (keyOf.get(arg.entity) ?? null) : null,
    };
  };
  const events = doc.events.map((v) => {
    const place = v.place?.entity ? byId.get(v.place.entity) : undefined;
    const code = v.cameo ? cameo.get(v.cameo) : undefined;
    return {
      content_id: contentId,
      vid: v.id,
      type: v.type,
      mode: v.mode,
      cameo: v.cameo,
      goldstein: code?.goldstein ?? null,
      quad_class: code?.quadClass ?? null,
      trigger_text: v.trigger.text,
      trigger_lemma: v.trigger.lemma,
      trigger_start: v.trigger.start,
      trigger_end: v.trigger.end,
      sentence: v.sentence,
      ...argument(v.source, 'source'),
      ...argument(v.target, 'target'),
      place_entity: v.place?.entity ?? null,
      place_text: v.place?.text ?? null,
      place_name: place?.place?.name ?? place?.name ?? v.place?.text ?? null,
      place_country: place?.place?.country ?? null,
      lat: place?.place?.lat ?? null,
      lon: place?.place?.lon ?? null,
      time_id: v.time?.time ?? null,
      time_value: v.time?.value ?? null,
      date: eventDay(v.time?.value ?? null, doc.published),
      modality: v.modality,
      attribution_quote: v.attribution?.quote ?? null,
      attribution_entity: v.attribution?.entity ?? null,
      mentions: v.mentions.length,
    };
  });

  const search: DocumentRows['search'] = [{ kind: 'document', ref: null, body: doc.text }];
  for (const q of doc.quotes) search.push({ kind: 'quote', ref: q.id, body: q.text });
  for (const e of doc.entities) search.push({ kind: 'entity', ref: e.id, body: e.name });

  return {
    actors,
    tables: [
      ['entities', entities],
      ['mentions', mentions],
      ['quotes', quotes],
      ['quantities', quantities],
      ['times', times],
      ['events', events],
    ],
    search,
  };
}

/** CAMEO actor codes start with the ISO 3166 alpha-3 country ("BLRGOV"); IGO codes do not. */
export function countryOfCode(code: string | null): string | null {
  if (!code || code.length < 3) return null;
  const head = code.slice(0, 3);
  return /^[A-Z]{3}$/.test(head) && !NOT_COUNTRIES.has(head) ? head : null;
}

/** CAMEO's regional and IGO prefixes that look like country codes. */
const NOT_COUNTRIES = new Set(['EUR', 'IGO', 'NGO', 'AFR', 'ASA', 'MEA', 'WST', 'NAF', 'SAM', 'CAS', 'UNO']);
