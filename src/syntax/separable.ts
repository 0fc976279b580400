/**
 * Separable verbs: "teilte … mit" is "mitteilen", "lehnt … ab" is "ablehnen". The parse's compound:prt
 * finds the particle; where it attached the particle to another verb (coordinated clauses share one
 * sentence end), the next particle (PTKVZ) before the clause ends does.
 */
import type { Doc } from '../document.js';
import { tokenForms } from '../text/forms.js';
import { particleOf, type Tree } from './tree.js';

/** Words that end a clause as a particle even when the tagger took them for a preposition or adverb. */
const LOOSE_PARTICLES = new Set([
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
  'zurück',
  'frei',
  'nieder',
  'um',
  'bei',
  'zusammen',
  'bereit',
  'statt',
  'los',
  'weiter',
  'fehl',
  'heraus',
  'entgegen',
  'voran',
  'vorbei',
  'weg',
]);

/** Adjectival particles also written apart from their verb at the clause end ("bekannt gab", "fest stand"). */
const PARTICLES_WRITTEN_APART = new Set(['bekannt', 'fest', 'klar', 'frei', 'bereit']);

/**
 * The particle token of verb `k`, or -1: from the parse, else (for a finite verb) the first particle
 * before the clause ends at a comma, colon, quotation mark or the sentence end.
 */
export function particleTokenOf(doc: Doc, tree: Tree | null, k: number, sentenceEnd: number): number {
  const morph = doc.morph;
  if (!morph) return -1;
  const parsed = tree ? particleOf(tree, k, k + 1, sentenceEnd) : null;
  // A particle after another finite verb of its own clause closes that verb's clause, whatever the parse
  // says ("sagte, er gehe nicht davon aus": "aus" is "ausgehen"'s, not "aussagen"'s); a relative clause
  // closed by its comma does not ("griffen …, die … liegt, das Haus … an").
  if (parsed !== null && !finiteInClauseBefore(doc, k, parsed)) return parsed;
  const { raw, lower } = tokenForms(doc);
  // A clause-final verb with its particle written apart before it: "wie das Ministerium bekannt gab", "wurde
  // bekannt gegeben, dass …" (auxiliaries may follow: "bekannt gegeben hat").
  const verb = morph.upos[k] === 'VERB' || morph.lemma[k] === 'werden'; // "wie bekannt wurde"
  if (verb && k > 0 && PARTICLES_WRITTEN_APART.has(lower[k - 1] as string)) {
    let next = k + 1;
    while (next < sentenceEnd && next <= k + 2 && morph.upos[next] === 'AUX') next++;
    if (/^[,.;:!?"“]$/.test(raw[next] ?? '.')) return k - 1;
  }
  if (!(morph.xpos[k] as string).endsWith('FIN')) return -1;
  for (let c = k + 1; c < sentenceEnd; c++) {
    const r = raw[c] as string;
    if (r === ',') {
      // The subject's apposition: "gab der Leiter, Andreas Huber, bekannt".
      const close = namedAppositionEnd(doc, c, sentenceEnd);
      if (close < 0) break;
      c = close;
      continue;
    }
    if (r === ';' || r === ':' || r === '"' || r === '„') break;
    // A second finite verb opens a clause of its own ("… und lehnt … ab").
    if ((morph.xpos[c] as string).endsWith('FIN') && morph.upos[c] === 'VERB') break;
    const endsClause = /^[,.;:!?"“]$/.test(raw[c + 1] ?? '.');
    // Written in lower case: "ohne einen Weg, dass …" ends with a noun, not with "weg".
    if (morph.xpos[c] === 'PTKVZ' || (endsClause && r === lower[c] && LOOSE_PARTICLES.has(r))) return c;
  }
  return -1;
}

/** Whether a finite verb stands between `verb` and `particle` with no comma between it and the particle. */
function finiteInClauseBefore(doc: Doc, verb: number, particle: number): boolean {
  const { raw } = tokenForms(doc);
  const xpos = doc.morph?.xpos ?? [];
  for (let t = particle - 1; t > verb; t--) {
    if (raw[t] === ',') return false;
    if ((xpos[t] as string).endsWith('FIN')) return true;
  }
  return false;
}

/** Tags of the words a named apposition is made of ("Andreas Huber", "der Chef der Firma X"). */
const APPOSITION_TAGS = /^(NE|NN|ART|ADJA|APPR|APPRART|CARD|TRUNC)$/;

/**
 * The closing comma of a named apposition that the comma at `c` opens (", Andreas Huber,", ", ein
 * Sprecher von Siemens,"): a noun phrase of at most eight words with a name in it, up to the next comma;
 * -1 otherwise.
 */
export function namedAppositionEnd(doc: Doc, c: number, sentenceEnd: number): number {
  const morph = doc.morph;
  if (!morph) return -1;
  const { raw } = tokenForms(doc);
  let k = c + 1;
  let named = false;
  for (; k < sentenceEnd && k <= c + 8; k++) {
    const x = morph.xpos[k] as string;
    if (!(APPOSITION_TAGS.test(x) || raw[k] === '-')) break;
    if (x === 'NE') named = true;
  }
  return named && raw[k] === ',' && morph.xpos[c + 1] !== 'APPR' ? k : -1;
}

/** The verb's lemma with its particle joined ("ablehnen"), or its plain lemma. */
export function separableLemma(doc: Doc, tree: Tree | null, k: number, sentenceEnd: number): string {
  const lemma = doc.morph ? (doc.morph.lemma[k] as string) : '';
  const p = particleTokenOf(doc, tree, k, sentenceEnd);
  return p < 0 ? lemma : (tokenForms(doc).lower[p] as string) + lemma;
}
