/**
 * Recognising German time expressions in a sentence's tokens, before resolution: each match says what
 * it means ("the Friday of the clause's tense", "the week of the publication", "26 years") and which
 * tokens it covers, preposition included as in the gold ("am Freitag", "seit 26 Jahren").
 */
import { isYear, numberValue, parseDigits } from '../numbers/german-numbers.js';
import { isValidDate } from './calendar.js';
import { TIME_ZONES, timeWord, weekdayCompound } from './words.js';

export type Relation = -1 | 0 | 1;

export type TimeMeaning =
  | { kind: 'weekday'; weekday: number; relation: Relation | null; part: string | null }
  | { kind: 'date'; year: number | null; month: number; day: number; part: string | null }
  /** relation: "letzten September" (-1), "diesen September" (0), "kommenden September" (1). */
  | { kind: 'month'; year: number | null; month: number; relation?: Relation }
  | { kind: 'year'; year: number }
  | { kind: 'decade'; decade: number }
  | { kind: 'season'; year: number | null; season: string; relation: Relation | null }
  | { kind: 'relday'; offset: number; part: string | null }
  /** A holiday: "MM-DD", or "easter" with the offset in days from Easter Sunday ("easter-2": Good Friday). */
  | { kind: 'holiday'; name: string; part: string | null }
  /** relation null: a bare "am Wochenende", whose week the clause's tense decides. */
  | { kind: 'period'; unit: 'W' | 'WE' | 'M' | 'Y'; relation: Relation | null }
  | { kind: 'ago'; amount: number; unit: string }
  | { kind: 'duration'; amount: number | null; unit: string }
  | { kind: 'clock'; hour: number; minute: number }
  | { kind: 'part'; part: string }
  | { kind: 'set'; value: string };

export interface TimeMatch {
  /** First token and one past the last token, as indices into the arrays given. */
  first: number;
  end: number;
  meaning: TimeMeaning;
}

/** What the recogniser reads of each token. */
export interface TimeTokens {
  /** Token texts as written. */
  raw: readonly string[];
  /** Lower-cased texts. */
  lower: readonly string[];
  /** STTS tags where the morph stage ran, else null. */
  xpos: readonly string[] | null;
}

/** Prepositions that belong to the expression they introduce. */
const PREPOSITIONS = new Set([
  'am',
  'an',
  'vom',
  'von',
  'im',
  'in',
  'seit',
  'bis',
  'ab',
  'zum',
  'um',
  'gegen',
  'für',
  'vor',
  'nach',
  'binnen',
  'innerhalb',
  'während',
  'über',
  'zwischen',
]);
const ARTICLES = new Set(['der', 'den', 'dem', 'des', 'die', 'das']);
const APPROXIMATIONS = new Set(['fast', 'knapp', 'gut', 'rund', 'etwa', 'beinahe', 'nahezu', 'annähernd', 'über']);
/** "(26.06)": day and month in parentheses, without the final dot. */
const BRACKETED_DATE = /^(\d{1,2})\.(\d{2})$/;
const SET_QUANTIFIERS = new Set(['jeden', 'jede', 'jedes', 'jeder', 'alle']);
/** After these, a number + unit is an age, not a time: "im Alter von 87 Jahren", "eine 20 Jahre junge Frau". */
const AGE_WORDS = new Set(['alter', 'alt', 'alte', 'alten', 'altes', 'jung', 'junge', 'jungen', 'junger', 'junges']);

const CLOCK = /^([01]?\d|2[0-4])(?:[:.]([0-5]\d))?$/;
const NUMERIC_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})?$/;
const ORDINAL = /^(\d{1,2})\.$/;
const DECADE = /^((?:1[5-9]|20)\d0)er$/;
const SHORT_DECADE = /^(\d0)er$/;

interface Cursor {
  tokens: TimeTokens;
  /** Where the expression starts (its preposition, if any). */
  first: number;
  preposition: string | null;
  mod: string | null;
}

/** Whether a preposition or a modifier ("Mitte") introduces the expression: then bare months and years count. */
function anchored(c: Cursor): boolean {
  return c.preposition !== null || c.mod !== null;
}

function unitOf(lower: string | undefined): string | undefined {
  return timeWord(lower, 'unit');
}

/** "24. August 2020", "24. August", "3.10.2020"; with `j` on the day. */
function explicitDate(t: TimeTokens, j: number): { end: number; meaning: TimeMeaning } | null {
  const token = t.raw[j] as string;
  const numeric = NUMERIC_DATE.exec(token);
  if (numeric) {
    const day = Number(numeric[1]);
    const month = Number(numeric[2]);
    let year: number | null = numeric[3] ? Number(numeric[3]) : null;
    if (year !== null && year < 100) year += year < 50 ? 2000 : 1900;
    let end = j + 1;
    if (year === null && isYear(t.raw[end] ?? '')) year = Number(t.raw[end++]);
    if (!isValidDate(year ?? 2000, month, day)) return null;
    return { end, meaning: { kind: 'date', year, month, day, part: null } };
  }
  const bracketed = BRACKETED_DATE.exec(token);
  if (bracketed && t.raw[j - 1] === '(' && t.raw[j + 1] === ')') {
    const day = Number(bracketed[1]);
    const month = Number(bracketed[2]);
    if (!isValidDate(2000, month, day)) return null;
    return { end: j + 1, meaning: { kind: 'date', year: null, month, day, part: null } };
  }
  const ordinal = ORDINAL.exec(token);
  const month = timeWord(t.lower[j + 1], 'month');
  if (ordinal && month) {
    const day = Number(ordinal[1]);
    let end = j + 2;
    let year: number | null = null;
    if (isYear(t.raw[end] ?? '')) year = Number(t.raw[end++]);
    if (!isValidDate(year ?? 2000, Number(month), day)) return null;
    return { end, meaning: { kind: 'date', year, month: Number(month), day, part: null } };
  }
  // "am 10. und 11. Juli", "vom 3. bis (zum) 5. Mai 2020": the first day takes the month (and year) of the
  // second, which is an expression of its own.
  if (ordinal && DAY_LINKS.has(t.lower[j + 1] ?? '')) {
    let k = j + 2;
    if (ARTICLES.has(t.lower[k] ?? '') || t.lower[k] === 'zum') k++;
    const next = ORDINAL.exec(t.raw[k] ?? '');
    const laterMonth = timeWord(t.lower[k + 1], 'month');
    if (next && laterMonth) {
      const day = Number(ordinal[1]);
      const year = isYear(t.raw[k + 2] ?? '') ? Number(t.raw[k + 2]) : null;
      if (day < Number(next[1]) && isValidDate(year ?? 2000, Number(laterMonth), day))
        return { end: j + 1, meaning: { kind: 'date', year, month: Number(laterMonth), day, part: null } };
    }
  }
  return null;
}

/** Words between two days of one month: "10. und 11. Juli", "3. bis 5. Mai". */
const DAY_LINKS = new Set(['und', 'bis', 'oder', ',']);

/** A part of day after a day: "am Samstag Morgen", "gestern Abend". */
function partAfter(t: TimeTokens, j: number): string | null {
  const lower = t.lower[j];
  if (lower === 'morgen' && t.raw[j] === 'morgen') return null; // "morgen" in lower case is tomorrow
  return timeWord(lower, 'part') ?? null;
}

function weekdayExpression(
  t: TimeTokens,
  j: number,
  relation: Relation | null,
): { end: number; meaning: TimeMeaning } | null {
  const lower = t.lower[j] as string;
  let weekday = timeWord(lower, 'weekday');
  let part: string | null = null;
  if (weekday === undefined) {
    const compound = weekdayCompound(lower);
    if (!compound) return null;
    weekday = String(compound.weekday);
    part = compound.part;
  }
  let end = j + 1;
  if (part === null) {
    part = partAfter(t, end);
    if (part !== null) end++;
  }
  // "am Montag, den 24. Januar 2005": the explicit date after it decides the weekday's value; the date is
  // an expression of its own.
  let k = end;
  if (t.raw[k] === ',') k++;
  if (t.lower[k] === 'den' || t.lower[k] === 'dem') k++;
  const date = explicitDate(t, k);
  if (date && date.meaning.kind === 'date') return { end, meaning: { ...date.meaning, part } };
  return { end, meaning: { kind: 'weekday', weekday: Number(weekday), relation, part } };
}

/** Everything after the preposition, modifier and article: the heart of the expression at `j`. */
function core(c: Cursor, j: number): { end: number; meaning: TimeMeaning } | null {
  const t = c.tokens;
  const lower = t.lower[j];
  const raw = t.raw[j];
  if (lower === undefined || raw === undefined) return null;

  const relation = timeWord(lower, 'relation');
  if (relation !== undefined) {
    const rel = Number(relation) as Relation;
    const next = t.lower[j + 1];
    const weekday = weekdayExpression(t, j + 1, rel);
    if (weekday) return weekday;
    if (next === 'woche') return { end: j + 2, meaning: { kind: 'period', unit: 'W', relation: rel } };
    if (next === 'wochenende') return { end: j + 2, meaning: { kind: 'period', unit: 'WE', relation: rel } };
    if (next === 'monat' || next === 'monats')
      return { end: j + 2, meaning: { kind: 'period', unit: 'M', relation: rel } };
    if (next === 'jahr' || next === 'jahres')
      return { end: j + 2, meaning: { kind: 'period', unit: 'Y', relation: rel } };
    const season = timeWord(next, 'season');
    if (season) return { end: j + 2, meaning: { kind: 'season', year: null, season, relation: rel } };
    // "letzten September", "im vergangenen September" ("Der letzte November mit solchen Zahlen" is a
    // noun phrase, no time of the story).
    const month = timeWord(next, 'month');
    if (month !== undefined && !/^(der|die|das)$/.test(t.lower[j - 1] ?? ''))
      return { end: j + 2, meaning: { kind: 'month', year: null, month: Number(month), relation: rel } };
    return null;
  }

  // Without "am", a weekday still counts when it is written as one ("Sonntagabend", "Freitag, 14. August").
  if (anchored(c) || /^[A-ZÄÖÜ]/.test(raw)) {
    const weekday = weekdayExpression(t, j, null);
    if (weekday) return weekday;
  }

  const date = explicitDate(t, j);
  if (date) return date;

  const month = timeWord(lower, 'month');
  if (month !== undefined) {
    // A month alone may be a name ("August Bebel"): it needs a preposition, a modifier or a year.
    const year = isYear(t.raw[j + 1] ?? '') ? Number(t.raw[j + 1]) : null;
    if (year !== null) return { end: j + 2, meaning: { kind: 'month', year, month: Number(month) } };
    if (anchored(c)) return { end: j + 1, meaning: { kind: 'month', year: null, month: Number(month) } };
    return null;
  }

  const season = timeWord(lower, 'season');
  if (season !== undefined && anchored(c)) {
    const year = isYear(t.raw[j + 1] ?? '') ? Number(t.raw[j + 1]) : null;
    return { end: year === null ? j + 1 : j + 2, meaning: { kind: 'season', year, season, relation: null } };
  }

  if (lower === 'jahr' || lower === 'jahre' || lower === 'jahres') {
    if (isYear(t.raw[j + 1] ?? '')) return { end: j + 2, meaning: { kind: 'year', year: Number(t.raw[j + 1]) } };
  }
  // "der 1960-er Jahre": the tokenizer split the decade at its hyphen.
  if (
    /^(1[5-9]|20)\d0$/.test(raw) &&
    t.raw[j + 1] === '-' &&
    t.lower[j + 2] === 'er' &&
    t.lower[j + 3]?.startsWith('jahre')
  )
    return { end: j + 4, meaning: { kind: 'decade', decade: Number(raw) } };
  if (isYear(raw)) {
    const nextTag = t.xpos?.[j + 1];
    // "2005 Menschen" is a quantity; "2005" before a verb, punctuation or the end is a year.
    const next = t.raw[j + 1] ?? '';
    // Unanchored, only years of our time count, and not before a currency or unit ("1500 €").
    const plausible = /^(19|20)\d\d$/.test(raw) && !/^[€$%]|^(euro|dollar|prozent|mio)/i.test(next);
    if (anchored(c) || (plausible && nextTag !== 'NN' && nextTag !== 'ADJA' && nextTag !== 'CARD'))
      return { end: j + 1, meaning: { kind: 'year', year: Number(raw) } };
    return null;
  }
  const decade = DECADE.exec(raw) ?? SHORT_DECADE.exec(raw);
  // "in den 1990er Jahren", "in den 90er-Jahren" (the hyphen split off); a two-digit decade is of the
  // 20th century from the twenties on ("die 20er Jahre"), else of the 21st ("die 10er Jahre").
  const hyphen = t.raw[j + 1] === '-' ? 1 : 0;
  if (decade && t.lower[j + 1 + hyphen]?.startsWith('jahre')) {
    const digits = decade[1] as string;
    const year = digits.length === 4 ? Number(digits) : Number(digits) + (Number(digits) >= 20 ? 1900 : 2000);
    return { end: j + 2 + hyphen, meaning: { kind: 'decade', decade: year } };
  }

  const day = timeWord(lower, 'day');
  if (
    day !== undefined &&
    !(lower === 'morgen' && raw !== 'morgen') &&
    !/^(heutigen|gestrigen|morgigen)$/.test(lower)
  ) {
    const part = partAfter(t, j + 1);
    return { end: part ? j + 2 : j + 1, meaning: { kind: 'relday', offset: Number(day), part } };
  }

  if (c.mod !== null && /^(woche|monats|jahres)$/.test(lower)) {
    const unit = lower === 'woche' ? 'W' : lower === 'monats' ? 'M' : 'Y';
    return { end: j + 1, meaning: { kind: 'period', unit, relation: 0 } };
  }
  if (lower === 'wochenende') return { end: j + 1, meaning: { kind: 'period', unit: 'WE', relation: null } };

  const holiday = timeWord(lower, 'holiday');
  if (holiday !== undefined && /^[A-ZÄÖÜ]/.test(raw)) {
    const part = partAfter(t, j + 1);
    return { end: part ? j + 2 : j + 1, meaning: { kind: 'holiday', name: holiday, part } };
  }

  const part = timeWord(lower, 'part');
  // "in der Nacht zu heute", "in der Nacht zum (heutigen) Samstag": the night that ends on that day.
  if (part === 'NI' && c.preposition === 'in' && /^(zu|zum|auf)$/.test(t.lower[j + 1] ?? '')) {
    const night = nightBefore(t, j + 2);
    if (night) return night;
  }
  if (part !== undefined && (c.preposition === 'am' || c.preposition === 'in')) {
    return { end: j + 1, meaning: { kind: 'part', part } };
  }

  // Clock times: "um 14 Uhr", "14:30 Uhr", "8.30 Uhr", with a time zone or "Ortszeit" after them.
  const clock = CLOCK.exec(raw);
  if (clock && t.lower[j + 1] === 'uhr') {
    const zone = TIME_ZONES.has(t.raw[j + 2] ?? '') || t.lower[j + 2] === 'ortszeit';
    return {
      end: zone ? j + 3 : j + 2,
      meaning: { kind: 'clock', hour: Number(clock[1]), minute: Number(clock[2] ?? 0) },
    };
  }

  // Amounts of time: "vor zwei Wochen" (a date), "seit 26 Jahren", "drei Tage" (durations).
  const amount = numberValue(raw);
  const unit = unitOf(t.lower[j + 1]);
  if (amount !== null && unit !== undefined && !ORDINAL.test(raw)) {
    if (AGE_WORDS.has(t.lower[j + 2] ?? '') || AGE_WORDS.has(t.lower[c.first - 1] ?? '')) return null;
    if (c.first >= 2 && t.lower[c.first - 2] === 'alter') return null;
    // "(60 Jahre)" after a name is an age.
    if (unit === 'Y' && t.raw[j + 2] === ')') return null;
    // "ein Tag" without a preposition is too often not a time expression at all.
    if (amount === 1 && c.preposition === null && parseDigits(raw) === null) return null;
    if (c.preposition === 'vor') return { end: j + 2, meaning: { kind: 'ago', amount, unit } };
    const end = t.lower[j + 2] === 'lang' ? j + 3 : j + 2;
    return { end, meaning: { kind: 'duration', amount, unit } };
  }
  // "seit Jahren", "seit Wochen": a duration of unknown length.
  const bareUnit = unitOf(lower);
  if (bareUnit !== undefined && c.preposition === 'seit' && /en$/.test(lower)) {
    return { end: j + 1, meaning: { kind: 'duration', amount: null, unit: bareUnit } };
  }
  return null;
}

/** The day after "in der Nacht zu(m)", with the night as its part of day. */
function nightBefore(t: TimeTokens, k: number): { end: number; meaning: TimeMeaning } | null {
  const day = timeWord(t.lower[k], 'day');
  if (day !== undefined) {
    // "heute", or "heutigen" with its weekday: "zum heutigen Samstag".
    const adjective = /^(heutigen|gestrigen|morgigen)$/.test(t.lower[k] ?? '');
    if (adjective && timeWord(t.lower[k + 1], 'weekday') === undefined) return null;
    return { end: adjective ? k + 2 : k + 1, meaning: { kind: 'relday', offset: Number(day), part: 'NI' } };
  }
  const weekday = timeWord(t.lower[k], 'weekday');
  if (weekday === undefined) return null;
  return { end: k + 1, meaning: { kind: 'weekday', weekday: Number(weekday), relation: null, part: 'NI' } };
}

/** Sets: "jeden Montag", "montags", "täglich", "jedes Jahr", "alle zwei Wochen". */
function setExpression(t: TimeTokens, j: number): { end: number; meaning: TimeMeaning } | null {
  const lower = t.lower[j] as string;
  const setday = timeWord(lower, 'setday');
  if (setday) return { end: j + 1, meaning: { kind: 'set', value: `XXXX-WXX-${setday}` } };
  const setunit = timeWord(lower, 'setunit');
  if (setunit) return { end: j + 1, meaning: { kind: 'set', value: setunit } };
  if (!SET_QUANTIFIERS.has(lower)) return null;
  const weekday = timeWord(t.lower[j + 1], 'weekday');
  if (weekday && lower !== 'alle') return { end: j + 2, meaning: { kind: 'set', value: `XXXX-WXX-${weekday}` } };
  const unit = unitOf(t.lower[j + 1]);
  if (unit && lower !== 'alle') return { end: j + 2, meaning: { kind: 'set', value: periodValue(1, unit) } };
  const amount = numberValue(t.raw[j + 1] ?? '');
  const unit2 = unitOf(t.lower[j + 2]);
  if (lower === 'alle' && amount !== null && unit2) {
    return { end: j + 3, meaning: { kind: 'set', value: periodValue(amount, unit2) } };
  }
  return null;
}

/** A TIMEX3 duration value: P26Y, P2W, PT3H, PT30M. */
export function periodValue(amount: number | null, unit: string): string {
  const n = amount === null ? 'X' : String(amount);
  if (unit === 'H' || unit === 'S') return `PT${n}${unit}`;
  if (unit === 'MIN') return `PT${n}M`;
  return `P${n}${unit}`;
}

/** All time expressions among `tokens`, left to right, longest first, not overlapping. */
export function recognizeTimes(tokens: TimeTokens): TimeMatch[] {
  const out: TimeMatch[] = [];
  const n = tokens.lower.length;
  for (let i = 0; i < n;) {
    const found = matchAt(tokens, i);
    if (found) {
      out.push(found);
      i = found.end;
    } else i++;
  }
  return out;
}

function matchAt(t: TimeTokens, i: number): TimeMatch | null {
  const set = setExpression(t, i);
  if (set) return { first: i, ...set };
  const c: Cursor = { tokens: t, first: i, preposition: null, mod: null };
  let j = i;
  const lower = t.lower[j] as string;
  if (PREPOSITIONS.has(lower)) {
    c.preposition = lower;
    j++;
    if (lower === 'bis' && (t.lower[j] === 'zum' || t.lower[j] === 'zur')) j++;
    if (lower === 'innerhalb' && t.lower[j] === 'von') j++;
  }
  // "seit fast 13 Jahren", "vor mehr als zwei Wochen": an approximation stays in the expression.
  if (c.preposition !== null && APPROXIMATIONS.has(t.lower[j] ?? '') && numberValue(t.raw[j + 1] ?? '') !== null) j++;
  else if (c.preposition !== null && /^(mehr|weniger)$/.test(t.lower[j] ?? '') && t.lower[j + 1] === 'als') j += 2;
  const mod = timeWord(t.lower[j], 'mod');
  if (mod !== undefined && /^[A-ZÄÖÜ]/.test(t.raw[j] ?? '')) {
    c.mod = mod;
    j++;
  }
  if (anchored(c) && ARTICLES.has(t.lower[j] ?? '')) j++;
  const found = core(c, j);
  if (found) return { first: i, end: found.end, meaning: found.meaning };
  return null;
}
