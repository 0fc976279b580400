/**
 * Verbs that form their perfect with "sein" (data/lexicons/de/sein-perfect.txt): with them "sein" +
 * participle is an active perfect ("ist zurückgetreten"); with any other verb a state passive ("ist
 * angeklagt", "ist für Mai vorgesehen"), which speaks of the present.
 */
import { readWordSet } from '../util/lexicon.js';
import type { Tree } from './tree.js';

const SEIN_PERFECT = readWordSet('lexicons/de/sein-perfect.txt');

/** Whether the verb (lemma with its particle joined) forms its perfect with "sein". */
export function perfectWithSein(lemma: string): boolean {
  return SEIN_PERFECT.has(lemma);
}

/**
 * Whether participle `v` (STTS tag `xpos`), with its dependents `deps`, is a state passive: "sein" as its
 * auxiliary or copula (the parse takes either) and a verb whose perfect takes "haben" ("ist angeklagt",
 * "sind angekündigt"), not an active perfect ("ist zurückgetreten"). `lemma` is the verb's, particle joined.
 */
export function isStatePassive(
  tree: Tree,
  xpos: string,
  v: number,
  deps: Iterable<number>,
  lemma = tree.lemma[v] as string,
): boolean {
  if (xpos !== 'VVPP' || perfectWithSein(lemma)) return false;
  for (const c of deps) if (tree.lemma[c] === 'sein' && /^(?:aux|cop)/.test(tree.deprel[c] as string)) return true;
  return false;
}
