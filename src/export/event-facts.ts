/**
 * What every export needs to know about an event, resolved once from a stored analysis: the actors with
 * their names and codes, the place with coordinates, the day, the CAMEO code's Goldstein score and
 * QuadClass, the sentence it stands in, and the figures linked to it.
 */
import type { DocumentOut, Entity, Event, EventArgument } from '../document.js';
import { eventLexicon } from '../events/lexicon.js';
import { countryOfCode, eventDay } from '../store/rows.js';

export interface ActorFacts {
  /** The entity's canonical name, else the argument's words; null for an implicit actor. */
  name: string | null;
  code: string | null;
  country: string | null;
  sector: string | null;
  entity: Entity | null;
}

export interface PlaceFacts {
  name: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  geonamesId: string | null;
  /** A city (a GeoNames point), a country, or another region. */
  kind: 'city' | 'country' | 'region';
}

export interface EventFacts {
  event: Event;
  source: ActorFacts | null;
  target: ActorFacts | null;
  place: PlaceFacts | null;
  date: string | null;
  goldstein: number | null;
  quadClass: number | null;
  sentence: string;
  /** Whether the event is told in the headline or the first paragraph (GDELT's IsRootEvent). */
  lead: boolean;
  size: { dead: number | null; injured: number | null; arrested: number | null };
}

/** A place from an entity's geocoding; `name` names it when the entity (if any) has no place of its own. */
export function placeFacts(entity: Entity | null | undefined, name: string): PlaceFacts {
  const place = entity?.place ?? null;
  const geonamesId = place?.id?.startsWith('geonames:') ? place.id.slice('geonames:'.length) : null;
  return {
    name: place?.name ?? entity?.name ?? name,
    country: place?.country ?? null,
    lat: place?.lat ?? null,
    lon: place?.lon ?? null,
    geonamesId,
    kind: geonamesId ? 'city' : entity?.actor && entity.actor.code === entity.actor.country ? 'country' : 'region',
  };
}

export function eventFacts(doc: DocumentOut): EventFacts[] {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const cameo = eventLexicon().cameo;
  const lines = /[^\n]+/g;
  // The lead: the headline (when there is a title) and the first paragraph after it.
  let leadEnd = doc.text.length;
  let paragraphs = 0;
  for (let m = lines.exec(doc.text); m; m = lines.exec(doc.text)) {
    paragraphs++;
    if (paragraphs === (doc.title ? 2 : 1)) {
      leadEnd = m.index + m[0].length;
      break;
    }
  }
  const actor = (arg: EventArgument | null): ActorFacts | null => {
    if (!arg) return null;
    const entity = arg.entity ? (entities.get(arg.entity) ?? null) : null;
    const code = arg.actor ?? entity?.actor?.code ?? null;
    const country = entity?.actor?.country ?? countryOfCode(code) ?? entity?.place?.country ?? null;
    return {
      name: entity?.name ?? (arg.text.trim() || null),
      code,
      country,
      // The code's sector part: BLRCOP → COP (an IGO code such as EUR has none).
      sector:
        entity?.actor?.sector ??
        (code && country && code.startsWith(country) && code.length > 3 ? code.slice(3) : null),
      entity,
    };
  };
  return doc.events.map((event) => {
    const placeEntity = event.place?.entity ? entities.get(event.place.entity) : undefined;
    const code = event.cameo ? cameo.get(event.cameo) : undefined;
    const sentence = doc.sentences[event.sentence];
    const size = { dead: null as number | null, injured: null as number | null, arrested: null as number | null };
    for (const q of doc.quantities) {
      if (q.event !== event.id || q.value === null) continue;
      if (q.category === 'KILL') size.dead ??= q.value;
      if (q.category === 'WOUND') size.injured ??= q.value;
      if (q.category === 'ARREST') size.arrested ??= q.value;
    }
    return {
      event,
      source: actor(event.source),
      target: actor(event.target),
      place: event.place ? placeFacts(placeEntity, event.place.text) : null,
      date: eventDay(event.time?.value ?? null, doc.published),
      goldstein: code?.goldstein ?? null,
      quadClass: code?.quadClass ?? null,
      sentence: sentence ? doc.text.slice(sentence.start, sentence.end).replace(/\s*\n\s*/g, ' ') : '',
      lead: event.mentions.some((m) => m.start < leadEnd) || event.trigger.start < leadEnd,
      size,
    };
  });
}
