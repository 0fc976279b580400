/**
 * Verbs that form their perfect with "sein" (data/lexicons/de/sein-perfect.txt): with them "sein" +
 * participle is an active perfect ("ist zurückgetreten"); with any other verb a state passive ("ist
 * angeklagt", "ist für Mai vorgesehen"), which speaks of the present.
 */
import { readWordSet } from '../util/lexicon.js';

const SEIN_PERFECT = readWordSet('lexicons/de/sein-perfect.txt');

/** Whether the verb (lemma with its particle joined) forms its perfect with "sein". */
export function perfectWithSein(lemma: string): boolean {
  return SEIN_PERFECT.has(lemma);
}
