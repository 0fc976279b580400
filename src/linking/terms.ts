/**
 * What an article is about, as a sparse term vector for story clustering: its named things (by their
 * cross-article actor key, so that spelling variants meet) and its content words (lower case, crudely
 * stemmed so that "Protest", "Proteste" and "Protesten" meet). Weights are tf-idf with the document
 * frequencies of the store, and only the strongest terms are kept.
 */
import type { DocumentOut, Entity } from '../document.js';
import { actorKey } from '../store/rows.js';
import { readWordSet } from '../util/lexicon.js';

/** Terms kept per document. */
export const DOCUMENT_TERMS = 40;
/** A named thing counts as much as this many occurrences of a word. */
const ENTITY_BOOST = 2;

let stopwords: Set<string> | null = null;

/** A named thing's term, for people: its name, and what the API filters events by (actor key or code). */
export interface TermLabel {
  name: string;
  ref: string;
}

export interface DocumentTerms {
  /** Term → raw count, for the document frequencies and the weights. */
  counts: Map<string, number>;
  labels: Map<string, TermLabel>;
}

export function documentTerms(doc: Pick<DocumentOut, 'text' | 'entities'>): DocumentTerms {
  stopwords ??= readWordSet('linking/de/stopwords.txt');
  const counts = new Map<string, number>();
  const labels = new Map<string, TermLabel>();
  const add = (term: string, n: number): void => {
    counts.set(term, (counts.get(term) ?? 0) + n);
  };
  for (const entity of doc.entities) {
    const term = entityTerm(entity);
    add(term, ENTITY_BOOST * entity.mentions.length);
    if (!labels.has(term))
      labels.set(term, {
        name: entity.place?.name ?? entity.name,
        ref: term.startsWith('@country:') ? term.slice('@country:'.length) : actorKey(entity.type, entity.name),
      });
  }
  for (const match of doc.text.matchAll(/\p{L}{5,}/gu)) {
    const word = match[0].toLowerCase();
    if (!stopwords.has(word)) add(stem(word), 1);
  }
  return { counts, labels };
}

/**
 * A named thing's term: a geocoded place by its gazetteer id and a country by its code, so that
 * "Weißrussland" and "Belarus", "Kiew" and "Kyjiw" meet; anything else by its spelling-blind actor key.
 */
function entityTerm(entity: Entity): string {
  if (entity.place?.id) return `@place:${entity.place.id}`;
  const code = entity.actor?.code;
  if (entity.type === 'LOC' && code && code === entity.actor?.country) return `@country:${code}`;
  return `@${actorKey(entity.type, entity.name)}`;
}

/** "protesten" → "protest", "demonstranten" → "demonstrant": enough for overlap, not a lemmatiser. */
function stem(word: string): string {
  const cut = /(?:ern|en|er|es|em|e|n|s)$/.exec(word);
  return cut && word.length - cut[0].length >= 4 ? word.slice(0, cut.index) : word;
}

/** Document frequency of a term among `total` documents → its idf (smoothed, never below 1). */
export function idf(df: number, total: number): number {
  return Math.log((total + 1) / (df + 1)) + 1;
}

/** The top terms by (1 + ln tf) · idf, L2-normalised; sorted by term so that output is deterministic. */
export function termVector(
  counts: Map<string, number>,
  dfOf: (term: string) => number,
  total: number,
): Map<string, number> {
  const weighted: Array<[string, number]> = [];
  for (const [term, tf] of counts) weighted.push([term, (1 + Math.log(tf)) * idf(dfOf(term), total)]);
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = weighted.slice(0, DOCUMENT_TERMS);
  const norm = Math.hypot(...kept.map(([, w]) => w)) || 1;
  kept.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return new Map(kept.map(([t, w]) => [t, w / norm]));
}

/** Cosine of a unit document vector with a story centroid of the given norm. */
export function cosine(doc: Map<string, number>, centroid: Map<string, number>, centroidNorm: number): number {
  if (centroidNorm === 0) return 0;
  let dot = 0;
  for (const [term, w] of doc) dot += w * (centroid.get(term) ?? 0);
  return dot / centroidNorm;
}
