/**
 * The tense a clause speaks in, from its verb group (the verb with its auxiliaries): past ("marschierten",
 * "hat … gewonnen", "wurde … festgenommen"), future ("wird … treffen", "will … reisen") or present.
 * Time expressions use it to pick the Friday a text means: the last one, or the next.
 */
import type { Doc } from '../document.js';
import { treeOf, verbLemma } from './tree.js';
import { perfectWithSein } from './perfect.js';

export type Tense = 'past' | 'present' | 'future';

const PLANNING_MODALS = new Set(['wollen', 'sollen', 'planen', 'beabsichtigen']);

function isVerb(upos: string): boolean {
  return upos === 'VERB' || upos === 'AUX';
}

/** The verb group a token belongs to: its nearest verbal ancestor and that verb's auxiliaries. */
function verbGroup(doc: Doc, token: number, first: number, stop: number): number[] {
  const morph = doc.morph;
  const syntax = doc.syntax;
  if (!morph || !syntax) return [];
  let verb = -1;
  for (let k = token, guard = 0; k >= 0 && guard < stop - first; k = syntax.head[k] as number, guard++) {
    if (isVerb(morph.upos[k] as string)) {
      verb = k;
      break;
    }
  }
  // A copula or auxiliary is attached to its predicate: the group is the predicate's.
  if (verb >= 0 && /^(aux|cop)/.test(syntax.deprel[verb] as string)) verb = syntax.head[verb] as number;
  if (verb < 0) return [];
  const group = [verb];
  for (let k = first; k < stop; k++) {
    if (syntax.head[k] === verb && /^(aux|cop)/.test(syntax.deprel[k] as string)) group.push(k);
  }
  return group;
}

function tenseOfGroup(doc: Doc, group: readonly number[]): Tense | null {
  const morph = doc.morph;
  if (!morph || group.length === 0) return null;
  let finite = -1;
  let participle = false;
  let infinitive = false;
  // "ist … vorgesehen" is a state (present), "ist zurückgetreten" and "ist … gewählt worden" are past.
  let seinPerfect = false;
  for (const k of group) {
    const xpos = morph.xpos[k] as string;
    if (xpos.endsWith('FIN')) finite = k;
    else if (xpos.endsWith('PP')) {
      participle = true;
      if (xpos === 'VAPP' || perfectWithSein(morph.lemma[k] as string)) seinPerfect = true;
    } else if (xpos.endsWith('INF') || xpos.endsWith('IZU')) infinitive = true;
  }
  if (finite < 0) return null;
  const feats = morph.feats[finite] as string;
  const lemma = morph.lemma[finite] as string;
  if (lemma === 'werden' && infinitive && !participle) return 'future';
  if (feats.includes('Tense=Past')) return 'past';
  if (PLANNING_MODALS.has(lemma) && infinitive) return 'future';
  if ((lemma === 'haben' || (lemma === 'sein' && seinPerfect)) && participle) return 'past';
  return 'present';
}

/** Verbs whose zu-infinitive looks ahead: "kündigte an, im September anzutreten", "plant, im Mai zu reisen". */
const PROSPECTIVE = new Set([
  'ankündigen',
  'planen',
  'beabsichtigen',
  'vorhaben',
  'beschließen',
  'versprechen',
  'zusagen',
  'drohen',
  'androhen',
  'erwägen',
  'vorschlagen',
  'auffordern',
  'aufrufen',
  'bitten',
  'hoffen',
  'vereinbaren',
  'entscheiden',
]);

/** A zu-infinitive without a finite verb or participle of its own, governed by a verb that looks ahead. */
function isProspective(doc: Doc, group: readonly number[], first: number, stop: number): boolean {
  const morph = doc.morph;
  const syntax = doc.syntax;
  if (!morph || !syntax || group.length === 0) return false;
  const verb = group[0] as number;
  const xpos = morph.xpos[verb] as string;
  let zu = xpos === 'VVIZU';
  for (let k = first; k < stop && !zu; k++) if (syntax.head[k] === verb && morph.xpos[k] === 'PTKZU') zu = true;
  if (!zu || group.some((k) => (morph.xpos[k] as string).endsWith('PP'))) return false;
  const governor = syntax.head[verb] as number;
  const tree = treeOf(doc);
  return governor >= 0 && tree !== null && PROSPECTIVE.has(verbLemma(tree, governor, first, stop));
}

/** The tense of the clause `token` stands in; the sentence's first finite verb decides where the parse cannot. */
export function tenseAt(doc: Doc, token: number, sentence: number): Tense {
  const first = doc.sentences.firstToken[sentence] as number;
  const stop = doc.sentences.endToken[sentence] as number;
  const group = verbGroup(doc, token, first, stop);
  const byGroup = tenseOfGroup(doc, group);
  if (byGroup) return byGroup;
  if (isProspective(doc, group, first, stop)) return 'future';
  const morph = doc.morph;
  if (!morph) return 'present';
  for (let k = first; k < stop; k++) {
    if ((morph.xpos[k] as string).endsWith('FIN')) {
      return (morph.feats[k] as string).includes('Tense=Past') ? 'past' : 'present';
    }
  }
  return 'present';
}
