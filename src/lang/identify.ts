/**
 * Language identification with franc-min (trigram profiles of 82 languages): Lagebild is built for
 * German, so other languages are analysed anyway but flagged in `lang` and `warnings`.
 */
import { francAll } from 'franc-min';
import { readLexiconRows } from '../util/lexicon.js';

const TWO_LETTER = new Map(readLexiconRows('lexicons/iso639.tsv').map((row) => [row[0] as string, row[1] as string]));

/** Enough text for a reliable guess; more only costs time. */
const SAMPLE_CHARS = 3000;
const MIN_CHARS = 40;
/** German close behind the best guess (names, quotes in other languages) still counts as German. */
const GERMAN_MARGIN = 0.9;

export interface LanguageGuess {
  /** ISO 639-1 where one exists ("de", "en"), else ISO 639-3; "de" when undetermined. */
  lang: string;
  determined: boolean;
}

export function identifyLanguage(text: string): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_CHARS) return { lang: 'de', determined: false };
  const ranked = francAll(sample, { minLength: MIN_CHARS });
  const [best] = ranked;
  if (!best || best[0] === 'und') return { lang: 'de', determined: false };
  const german = ranked.find(([code]) => code === 'deu');
  if (best[0] === 'deu' || (german && german[1] >= GERMAN_MARGIN)) return { lang: 'de', determined: true };
  return { lang: TWO_LETTER.get(best[0]) ?? best[0], determined: true };
}
