/**
 * The quantity lexicons (`data/quantities/de/`): bounds ("mindestens"), units ("%", "Euro"), counted
 * nouns ("Menschen", "Tote") and the verbs and nouns that say what was counted ("festgenommen" → ARREST).
 */
import type { Bound, QuantityCategory } from '../document.js';
import { readLexiconRows } from '../util/lexicon.js';

/** The contract's quantity categories. */
export const QUANTITY_CATEGORIES: readonly QuantityCategory[] = [
  'ARREST',
  'KILL',
  'WOUND',
  'PROTEST',
  'RELEASE',
  'DEPLOY',
  'VOTE',
  'MONEY',
  'EVACUATE',
  'DISPLACE',
  'DAMAGE',
  'OTHER',
];
const CATEGORIES = new Set<string>(QUANTITY_CATEGORIES);
const BOUNDS = new Set<string>(['exact', 'atLeast', 'moreThan', 'atMost', 'lessThan', 'approx']);

function category(value: string | undefined, file: string): QuantityCategory | null {
  if (value === undefined || value === '-') return null;
  if (!CATEGORIES.has(value)) throw new Error(`${file}: unknown category ${value}`);
  return value as QuantityCategory;
}

export interface UnitEntry {
  unit: string;
  category: QuantityCategory | null;
}

export interface CountedEntry {
  unit: string | null;
  category: QuantityCategory | null;
}

/** Bound words: one word ("mindestens") or two ("mehr als"), keyed by their lower-case text. */
export const BOUND_WORDS = new Map<string, Bound>();
for (const [words, bound] of readLexiconRows('quantities/de/bounds.tsv')) {
  if (!BOUNDS.has(bound as string)) throw new Error(`bounds.tsv: unknown bound ${bound}`);
  BOUND_WORDS.set(words as string, bound as Bound);
}

export const UNITS = new Map<string, UnitEntry>();
for (const [forms, unit, cat] of readLexiconRows('quantities/de/units.tsv')) {
  for (const form of (forms as string).split('|')) {
    UNITS.set(form, { unit: unit as string, category: category(cat, 'units.tsv') });
  }
}

const COUNTED = new Map<string, CountedEntry>();
for (const [forms, unit, cat] of readLexiconRows('quantities/de/counted.tsv')) {
  for (const form of (forms as string).split('|')) {
    COUNTED.set(form, { unit: unit === '-' ? null : (unit as string), category: category(cat, 'counted.tsv') });
  }
}

const CATEGORY_OF_LEMMA = new Map<string, QuantityCategory>();
for (const [lemma, cat] of readLexiconRows('quantities/de/categories.tsv')) {
  CATEGORY_OF_LEMMA.set(lemma as string, category(cat, 'categories.tsv') as QuantityCategory);
}

/** A counted noun by its lower-case form, also as the last part of a compound ("Sicherheitsbeamte"). */
export function countedNoun(lower: string): CountedEntry | null {
  const direct = COUNTED.get(lower);
  if (direct) return direct;
  const hyphen = lower.lastIndexOf('-');
  if (hyphen >= 0) return COUNTED.get(lower.slice(hyphen + 1)) ?? null;
  for (let i = 1; i <= lower.length - 4; i++) {
    const tail = COUNTED.get(lower.slice(i));
    if (tail) return tail;
  }
  return null;
}

/** The category a verb or noun lemma gives the quantity it governs ("festnehmen" → ARREST). */
export function categoryOfLemma(lemma: string): QuantityCategory | null {
  return CATEGORY_OF_LEMMA.get(lemma.toLowerCase()) ?? null;
}
