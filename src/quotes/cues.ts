/**
 * Cues of reported speech (`data/quotes/de/cues.tsv`): speech verbs, with their separable particle
 * rejoined ("teilte … mit" → mitteilen), attribution prepositions ("laut", "zufolge") and source nouns
 * after "nach" ("nach Angaben der Polizei").
 */
import type { Doc } from '../document.js';
import { readLexiconRows } from '../util/lexicon.js';
import { tokenForms } from '../text/forms.js';
import { particleOf, type Tree } from '../syntax/tree.js';

type CueKind = 'verb' | 'prep' | 'source';

/** Separable particles of speech verbs ("teilte … mit", "fügte … hinzu", "gab … bekannt"). */
const PARTICLES = new Set([
  'mit',
  'an',
  'auf',
  'hinzu',
  'fest',
  'bekannt',
  'ab',
  'vor',
  'ein',
  'aus',
  'fort',
  'zu',
  'klar',
  'hervor',
  'hin',
]);

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

export function isSourceNoun(lower: string): boolean {
  return SOURCE_NOUNS.has(lower);
}

/**
 * The speech-verb lemma of token `k` ("mitteilen" for "teilte" with "mit" later in the clause), or null.
 * The parse's compound:prt finds the particle; where it missed, the next particle (PTKVZ) before the
 * clause ends does.
 */
export function speechVerbAt(doc: Doc, tree: Tree | null, k: number, sentenceEnd: number): string | null {
  const morph = doc.morph;
  if (!morph) return null;
  const upos = morph.upos[k];
  if (upos !== 'VERB') return null;
  const lemma = morph.lemma[k] as string;
  const parsed = tree ? particleOf(tree, k, k + 1, sentenceEnd) : null;
  let particle = parsed === null ? null : (morph.lemma[parsed] as string).toLowerCase();
  if (particle === null && (morph.xpos[k] as string).endsWith('FIN')) {
    const { raw } = tokenForms(doc);
    for (let c = k + 1; c < sentenceEnd; c++) {
      const r = raw[c] as string;
      if (r === ',' || r === ';' || r === ':' || r === '"' || r === '„') break;
      // The particle ends its clause; the tagger sometimes takes "mit" there for a preposition.
      const endsClause = /^[,.;:!?]$/.test(raw[c + 1] ?? '.');
      if (morph.xpos[c] === 'PTKVZ' || (endsClause && PARTICLES.has(r.toLowerCase()))) {
        particle = (morph.lemma[c] as string).toLowerCase();
        break;
      }
    }
  }
  if (particle !== null && VERBS.has(particle + lemma)) return particle + lemma;
  return VERBS.has(lemma) ? lemma : null;
}
