/**
 * German numbers as written in news: digits with German grouping and decimal comma ("6.700", "80,1",
 * "1.234.567,89"), number words ("zwei", "zwanzig"), scale words ("2,5 Mio.", "zwei Dutzend") and vague
 * amounts ("Zehntausende"). The words live in `data/lexicons/de/number-words.tsv`.
 */
import { readLexiconRows } from '../util/lexicon.js';

const CARDINALS = new Map<string, number>();
const SCALES = new Map<string, number>();
const VAGUE = new Map<string, number>();
for (const [word, kind, value] of readLexiconRows('lexicons/de/number-words.tsv')) {
  const table = kind === 'cardinal' ? CARDINALS : kind === 'scale' ? SCALES : kind === 'vague' ? VAGUE : null;
  if (!table) throw new Error(`number-words.tsv: unknown kind ${kind} for ${word}`);
  table.set(word as string, Number(value));
}

const GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/; // 6.700, 1.234.567,89
const PLAIN = /^\d+(?:,\d+)?$/; // 12, 80,1
const SPACED = /^\d{1,3}(?:[\u202f\u00a0 ]\d{3})+(?:,\d+)?$/; // 10 000 with a (narrow) no-break space

/** The value of a number written in digits, German style; null when the token is not one. */
export function parseDigits(token: string): number | null {
  if (PLAIN.test(token)) return Number(token.replace(',', '.'));
  if (GROUPED.test(token)) return Number(token.replace(/\./g, '').replace(',', '.'));
  if (SPACED.test(token)) return Number(token.replace(/[\u202f\u00a0 ]/g, '').replace(',', '.'));
  // "2.5" is not German grouping (groups have three digits): read it as a decimal.
  if (/^\d+\.\d{1,2}$/.test(token)) return Number(token);
  return null;
}

/** A cardinal number word ("zwei", "zwanzig", "eine"), by lower-case form. */
export function cardinalWord(lower: string): number | null {
  return CARDINALS.get(lower) ?? null;
}

/** A scale word's factor ("Mio." 1e6, "Dutzend" 12), by lower-case form. */
export function scaleWord(lower: string): number | null {
  return SCALES.get(lower) ?? null;
}

/** Fraction words after a number ("zwei Drittel", "drei Viertel"), with their denominators. */
const FRACTIONS = new Map<string, number>([
  ['drittel', 3],
  ['viertel', 4],
  ['fünftel', 5],
  ['sechstel', 6],
  ['siebtel', 7],
  ['achtel', 8],
  ['neuntel', 9],
  ['zehntel', 10],
  ['hundertstel', 100],
]);

/** The denominator of a fraction word ("Drittel" 3), by lower-case form, or null. */
export function fractionDenominator(lower: string): number | null {
  return FRACTIONS.get(lower) ?? null;
}

/** A vague amount's order of magnitude ("Zehntausende" 10,000), by lower-case form. */
export function vagueAmount(lower: string): number | null {
  return VAGUE.get(lower) ?? null;
}

/** A number in digits or a cardinal word. */
export function numberValue(token: string): number | null {
  return parseDigits(token) ?? cardinalWord(token.toLowerCase());
}

/** Years a news text writes as bare four-digit numbers. */
export function isYear(token: string): boolean {
  return /^(1[5-9]\d\d|20\d\d)$/.test(token);
}
