/**
 * Language identification. Lagebild is built for German, so other languages are analysed anyway but
 * flagged in `lang` and `warnings`. Most input is German news, recognised at once by its share of
 * German function words; anything else goes to franc-min (trigram profiles of 82 languages).
 */
import { francAll } from 'franc-min';
import type { TokenTable } from '../document.js';
import { readLexiconRows, readWordSet } from '../util/lexicon.js';

const TWO_LETTER = new Map(readLexiconRows('lexicons/iso639.tsv').map((row) => [row[0] as string, row[1] as string]));
const GERMAN_FUNCTION_WORDS = readWordSet('lexicons/de/function-words.txt');

/** Words looked at for the function-word test, and the share that settles it. */
const SAMPLE_WORDS = 300;
const GERMAN_SHARE = 0.25;
/** Enough text for a reliable trigram guess; more only costs time. */
const SAMPLE_CHARS = 2000;
const MIN_CHARS = 40;
/** German close behind the best trigram guess (names, quotes in other languages) still counts as German. */
const GERMAN_MARGIN = 0.9;

export interface LanguageGuess {
  /** ISO 639-1 where one exists ("de", "en"), else ISO 639-3; "de" when undetermined. */
  lang: string;
  determined: boolean;
}

/** Share of the first words that are German function words. */
export function germanFunctionWordShare(text: string, tokens: TokenTable): number {
  let words = 0;
  let german = 0;
  for (let i = 0; i < tokens.count && words < SAMPLE_WORDS; i++) {
    const s = tokens.start[i] as number;
    const e = tokens.end[i] as number;
    const c = text.charCodeAt(s);
    if (e - s > 6 || !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 0xbf)) continue;
    words++;
    if (GERMAN_FUNCTION_WORDS.has(text.slice(s, e).toLowerCase())) german++;
  }
  return words === 0 ? 0 : german / words;
}

export function identifyLanguage(text: string, tokens?: TokenTable): LanguageGuess {
  if (tokens && germanFunctionWordShare(text, tokens) >= GERMAN_SHARE) return { lang: 'de', determined: true };
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_CHARS) return { lang: 'de', determined: false };
  const ranked = francAll(sample, { minLength: MIN_CHARS });
  const [best] = ranked;
  if (!best || best[0] === 'und') return { lang: 'de', determined: false };
  const german = ranked.find(([code]) => code === 'deu');
  if (best[0] === 'deu' || (german && german[1] >= GERMAN_MARGIN)) return { lang: 'de', determined: true };
  return { lang: TWO_LETTER.get(best[0]) ?? best[0], determined: true };
}
