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
/** Report verbs, each with the preposition it must govern for that reading ('' for none). */
const REPORTS = new Map<string, string>();
for (const [lemma, kind, preposition] of readLexiconRows('quotes/de/cues.tsv')) {
  if (kind === 'report') {
    REPORTS.set(lemma as string, preposition ?? '');
    continue;
  }
  const table: Record<CueKind, Set<string>> = { verb: VERBS, prep: PREPOSITIONS, source: SOURCE_NOUNS };
  const set = table[kind as CueKind];
  if (!set) throw new Error(`cues.tsv: unknown kind ${kind} for ${lemma}`);
  set.add(lemma as string);
}

/** "Es wurde bekannt, dass …": the cue of "bekannt werden", which names no speaker. */
export const IMPERSONAL_CUE = 'bekanntwerden';

/**
 * For a verb whose nominal object reports what was said ("kündigte den Abzug an"), the preposition it
 * must govern for that reading ('' for none); undefined for other verbs.
 */
export function reportPreposition(lemma: string): string | undefined {
  return REPORTS.get(lemma);
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
  return verbIn(VERBS, doc, tree, k, sentenceEnd, true);
}

/** The report-verb lemma of token `k` ("kündigte … an" → ankündigen, "sprach" → sprechen), or null. */
export function reportVerbAt(doc: Doc, tree: Tree | null, k: number, sentenceEnd: number): string | null {
  return verbIn(REPORTS, doc, tree, k, sentenceEnd, false);
}

/**
 * The lemma of verb `k` (its particle rejoined) when `lemmas` has it. With `baseToo`, a verb whose joined
 * form is unknown is looked up without its particle; otherwise the particle decides ("fordert … auf" is
 * not "fordern").
 */
function verbIn(
  lemmas: { has(lemma: string): boolean },
  doc: Doc,
  tree: Tree | null,
  k: number,
  end: number,
  baseToo: boolean,
): string | null {
  const morph = doc.morph;
  if (!morph) return null;
  // "Es wurde bekannt, dass …": "bekannt werden" reports with the auxiliary as its verb.
  if (morph.upos[k] === 'AUX' && morph.lemma[k] === 'werden') {
    const joined = separableLemma(doc, tree, k, end);
    return joined === IMPERSONAL_CUE && lemmas.has(joined) ? joined : null;
  }
  if (morph.upos[k] !== 'VERB') return null;
  const lemma = morph.lemma[k] as string;
  const joined = separableLemma(doc, tree, k, end);
  if (joined !== lemma && (lemmas.has(joined) || !baseToo)) return lemmas.has(joined) ? joined : null;
  return lemmas.has(lemma) ? lemma : null;
}
