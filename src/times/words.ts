/** The time-expression lexicon (`data/times/de/time-words.tsv`), by lower-case word and kind. */
import { readLexiconRows, readWordSet } from '../util/lexicon.js';

export type TimeWordKind =
  'weekday' | 'month' | 'season' | 'part' | 'unit' | 'day' | 'relation' | 'setday' | 'setunit' | 'mod' | 'holiday';

const KINDS = new Set<string>([
  'weekday',
  'month',
  'season',
  'part',
  'unit',
  'day',
  'relation',
  'setday',
  'setunit',
  'mod',
  'holiday',
]);

const TABLE = new Map<string, Map<TimeWordKind, string>>();
for (const [word, kind, value] of readLexiconRows('times/de/time-words.tsv')) {
  if (!KINDS.has(kind as string)) throw new Error(`time-words.tsv: unknown kind ${kind} for ${word}`);
  let entry = TABLE.get(word as string);
  if (!entry) TABLE.set(word as string, (entry = new Map()));
  entry.set(kind as TimeWordKind, value as string);
}

/** The value of `lower` as a word of `kind`, or undefined. */
export function timeWord(lower: string | undefined, kind: TimeWordKind): string | undefined {
  return lower === undefined ? undefined : TABLE.get(lower)?.get(kind);
}

const WEEKDAY_WORDS = [...TABLE].filter(([, kinds]) => kinds.has('weekday')).map(([word]) => word);

/** Weekday compounds with a part of day: "freitagabend" → weekday 5, part EV. */
export function weekdayCompound(lower: string): { weekday: number; part: string } | null {
  for (const word of WEEKDAY_WORDS) {
    if (lower.length <= word.length || !lower.startsWith(word)) continue;
    const part = timeWord(lower.slice(word.length), 'part');
    if (part) return { weekday: Number(timeWord(word, 'weekday')), part };
  }
  return null;
}

/** Time-zone abbreviations after a clock time ("14 Uhr MESZ"), as written. */
export const TIME_ZONES: ReadonlySet<string> = readWordSet('times/de/time-zones.txt');
