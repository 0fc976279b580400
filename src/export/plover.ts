/**
 * PLOVER-style JSON events (the attributes of the PLOVER manual: actor, recipient, event, mode, context,
 * date, event_loc, event_text, size), each with its CAMEO code, QuadClass and Goldstein score and the
 * evidence: the document, the sentence and the character offsets of every mention.
 *
 * Modality maps to PLOVER's auxiliary modes (negated → negation, planned → future, hypothetical →
 * hypothetical; alleged has no PLOVER mode and stays in `modality`), and PLOVER's own rule for future
 * events applies: a planned CONSULT, SUPPORT, COOPERATE or AID is coded AGREE, a planned RETREAT CONCEDE
 * (the type Lagebild found stays in `lagebild_type`).
 */
import type { DocumentOut } from '../document.js';
import { eventFacts, type ActorFacts } from './event-facts.js';
import type { EventLink } from './stored.js';
import { numericEventId } from './gdelt.js';

const AUXILIARY_MODE: Record<string, string | null> = {
  asserted: null,
  negated: 'negation',
  planned: 'future',
  hypothetical: 'hypothetical',
  alleged: null,
};
const FUTURE_AS_AGREE = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);

export interface PloverActor {
  name: string | null;
  code: string | null;
  country: string | null;
  sector: string | null;
}

export interface PloverEvent {
  id: string;
  event_id: number;
  event: string;
  lagebild_type: string;
  mode: string | null;
  auxiliary_mode: string | null;
  modality: string;
  context: string[];
  date: string | null;
  actor: PloverActor | null;
  recipient: PloverActor | null;
  event_loc: {
    name: string;
    country: string | null;
    lat: number | null;
    lon: number | null;
    geonames_id: string | null;
  } | null;
  event_text: string;
  size: { dead: number | null; injured: number | null; arrested: number | null };
  cameo: string | null;
  quad_class: number | null;
  goldstein: number | null;
  num_mentions: number;
  /** The same event in other articles (src/linking/): null for an article not linked yet. */
  cross_article: {
    event_key: string;
    story_id: string | null;
    num_articles: number;
    num_sources: number;
    num_mentions: number;
    first_report: boolean;
  } | null;
  evidence: {
    document: string;
    sentence: number;
    trigger: { text: string; lemma: string; start: number; end: number };
    mentions: Array<{ text: string; start: number; end: number; sentence: number }>;
    attribution: { quote: string | null; entity: string | null } | null;
  };
  story: {
    title: string | null;
    published: string | null;
    source: string | null;
    url: string | null;
    language: string;
  };
}

function ploverActor(a: ActorFacts | null): PloverActor | null {
  return a ? { name: a.name, code: a.code, country: a.country, sector: a.sector } : null;
}

export function ploverEvents(
  doc: DocumentOut,
  contentId: string,
  linking: { storyId: string | null; links: ReadonlyMap<string, EventLink> } = { storyId: null, links: new Map() },
): PloverEvent[] {
  return eventFacts(doc).map((f) => {
    const e = f.event;
    const link = linking.links.get(e.id);
    const planned = e.modality === 'planned';
    const type =
      planned && FUTURE_AS_AGREE.has(e.type) ? 'AGREE' : planned && e.type === 'RETREAT' ? 'CONCEDE' : e.type;
    return {
      id: `${contentId}#${e.id}`,
      event_id: numericEventId(contentId, e.id),
      event: type,
      lagebild_type: e.type,
      // A mode belongs to its type; a recoded event keeps none.
      mode: type === e.type ? e.mode : null,
      auxiliary_mode: AUXILIARY_MODE[e.modality] ?? null,
      modality: e.modality,
      context: [],
      date: f.date,
      actor: ploverActor(f.source),
      recipient: ploverActor(f.target),
      event_loc: f.place
        ? {
            name: f.place.name,
            country: f.place.country,
            lat: f.place.lat,
            lon: f.place.lon,
            geonames_id: f.place.geonamesId,
          }
        : null,
      event_text: f.sentence,
      size: f.size,
      cameo: e.cameo,
      quad_class: f.quadClass,
      goldstein: f.goldstein,
      num_mentions: e.mentions.length || 1,
      cross_article: link
        ? {
            event_key: link.key,
            story_id: linking.storyId,
            num_articles: link.articles,
            num_sources: link.sources,
            num_mentions: link.mentions,
            first_report: link.representative,
          }
        : null,
      evidence: {
        document: contentId,
        sentence: e.sentence,
        trigger: { text: e.trigger.text, lemma: e.trigger.lemma, start: e.trigger.start, end: e.trigger.end },
        mentions: e.mentions.map((m) => ({ text: m.text, start: m.start, end: m.end, sentence: m.sentence })),
        attribution: e.attribution,
      },
      story: {
        title: doc.title,
        published: doc.published,
        source: doc.source.name,
        url: doc.source.url,
        language: doc.lang,
      },
    };
  });
}
