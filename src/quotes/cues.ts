/**
 * Cues of reported speech (`data/quotes/de/cues.tsv`): speech verbs, with their separable particle
 * rejoined ("teilte … mit" → mitteilen), attribution prepositions ("laut", "zufolge") and source nouns
 * after "nach" ("nach Angaben der Polizei").
 */
import type { Doc } from '../document.js';
import { readLexiconRows } from '../util/lexicon.js';
import type { Tree } from '../syntax/tree.js';
import { separableLemma } from '../syntax/separable.js';
import { compoundHead } from '../text/compounds.js';

type CueKind = 'verb' | 'prep' | 'source';

const VERBS = new Set<string>();
const PREPOSITIONS = new Set<string>();
const SOURCE_NOUNS = new Set<string>();
for (const [lemma, kind] of readLexiconRows('quotes/de/cues.tsv')) {
  const table: Record<CueKind, Set<string>> = { verb: VERBS, prep: PREPOSITIONS, source: SOURCE_NOUNS };
  const set = table[kind as CueKind];
  if (!set) throw new Error(`cues.tsv: unknown kind ${kind} for ${lemma}`);
  set.add(lemma as string);
}

export function isAttributionPreposition(lower: string): boolean {
  return PREPOSITIONS.has(lower);
}

/** A noun that names where a claim comes from, also as a compound's head ("Polizeiangaben", "Expertenmeinung"). */
export function isSourceNoun(lower: string): boolean {
  return SOURCE_NOUNS.has(lower) || compoundHead(lower, (part) => SOURCE_NOUNS.has(part) || undefined, 6) !== null;
}

/**
 * The speech-verb lemma of token `k` ("mitteilen" for "teilte" with "mit" later in the clause), or null.
 */
export function speechVerbAt(doc: Doc, tree: Tree | null, k: number, sentenceEnd: number): string | null {
  const morph = doc.morph;
  if (!morph || morph.upos[k] !== 'VERB') return null;
  const lemma = morph.lemma[k] as string;
  const joined = separableLemma(doc, tree, k, sentenceEnd);
  if (joined !== lemma && VERBS.has(joined)) return joined;
  return VERBS.has(lemma) ? lemma : null;
}
