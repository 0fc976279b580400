/**
 * Resolving a recognised time expression to its TIMEX3 type and value against the publication date and
 * the clause's tense: "am Freitag" in a past-tense clause is the last Friday, in a future one the next.
 * Without a publication date every relative value is null; absolute ones ("24. Januar 2005") resolve.
 */
import type { TimeExpression } from '../document.js';
import type { Tense } from '../syntax/tense.js';
import {
  civilOf,
  dayOf,
  formatDay,
  formatMonth,
  formatWeek,
  monthAfter,
  weekdayNear,
  weekdayOf,
  type DayNumber,
} from './calendar.js';
import { periodValue, type Relation, type TimeMeaning } from './recognize.js';

export interface Resolved {
  type: TimeExpression['type'];
  value: string | null;
}

function withPart(value: string, part: string | null): string {
  return part ? `${value}T${part}` : value;
}

/** The year a day and month without a year fall in: the publication's, or the one before/after by tense. */
function yearFor(anchor: DayNumber, month: number, day: number, tense: Tense): number {
  const year = civilOf(anchor).year;
  const candidate = dayOf(year, month, day);
  if (tense === 'past' && candidate > anchor + 1) return year - 1;
  if (tense === 'future' && candidate < anchor - 1) return year + 1;
  return year;
}

function weekdayDay(anchor: DayNumber, weekday: number, relation: Relation | null, tense: Tense): DayNumber {
  if (relation === -1) return weekdayNear(anchor, weekday, -1, true);
  if (relation === 1) return weekdayNear(anchor, weekday, 1, true);
  if (tense === 'past') return weekdayNear(anchor, weekday, -1, false);
  if (tense === 'future') return weekdayNear(anchor, weekday, 1, false);
  // Present tense: the nearer of the two, the past one on a tie (news mostly report what happened).
  const before = weekdayNear(anchor, weekday, -1, false);
  const after = weekdayNear(anchor, weekday, 1, false);
  return after - anchor < anchor - before ? after : before;
}

export function resolveTime(meaning: TimeMeaning, anchor: DayNumber | null, tense: Tense): Resolved {
  switch (meaning.kind) {
    case 'weekday':
      return {
        type: meaning.part ? 'TIME' : 'DATE',
        value:
          anchor === null
            ? null
            : withPart(formatDay(weekdayDay(anchor, meaning.weekday, meaning.relation, tense)), meaning.part),
      };
    case 'date': {
      const year = meaning.year ?? (anchor === null ? null : yearFor(anchor, meaning.month, meaning.day, tense));
      return {
        type: meaning.part ? 'TIME' : 'DATE',
        value: year === null ? null : withPart(formatDay(dayOf(year, meaning.month, meaning.day)), meaning.part),
      };
    }
    case 'holiday': {
      if (anchor === null) return { type: 'DATE', value: null };
      return {
        type: meaning.part ? 'TIME' : 'DATE',
        value: withPart(formatDay(holidayDay(anchor, meaning.name, tense)), meaning.part),
      };
    }
    case 'month': {
      // "letzten September" is the last one before the article's month whatever the tense, "kommenden
      // September" the next after it; "diesen September" this year's.
      let year = meaning.year;
      if (year === null && anchor !== null) {
        const now = civilOf(anchor);
        if (meaning.relation === -1) year = meaning.month < now.month ? now.year : now.year - 1;
        else if (meaning.relation === 1) year = meaning.month > now.month ? now.year : now.year + 1;
        else if (meaning.relation === 0) year = now.year;
        // A month told in the past may be the article's own ("gab Anfang April …" on 9 April): it has begun
        // by its first day; one told in the future lasts to its end.
        else year = yearFor(anchor, meaning.month, tense === 'past' ? 1 : tense === 'future' ? 28 : 15, tense);
      }
      return { type: 'DATE', value: year === null ? null : formatMonth(year, meaning.month) };
    }
    case 'year':
      return { type: 'DATE', value: String(meaning.year) };
    case 'decade':
      return { type: 'DATE', value: String(meaning.decade).slice(0, 3) };
    case 'season': {
      if (meaning.year !== null) return { type: 'DATE', value: `${meaning.year}-${meaning.season}` };
      if (anchor === null) return { type: 'DATE', value: null };
      return { type: 'DATE', value: `${civilOf(anchor).year + (meaning.relation ?? 0)}-${meaning.season}` };
    }
    case 'relday':
      return {
        type: meaning.part ? 'TIME' : 'DATE',
        value: anchor === null ? null : withPart(formatDay(anchor + meaning.offset), meaning.part),
      };
    case 'period': {
      if (anchor === null) return { type: 'DATE', value: null };
      if (meaning.unit === 'W' || meaning.unit === 'WE') {
        // "spitzte sich am Wochenende zu", written on a weekday: the weekend before.
        const bareLast = meaning.relation === null && tense === 'past' && weekdayOf(anchor) < 6;
        const week = formatWeek(anchor + 7 * (bareLast ? -1 : (meaning.relation ?? 0)));
        return { type: 'DATE', value: meaning.unit === 'WE' ? `${week}-WE` : week };
      }
      if (meaning.unit === 'M') {
        const m = monthAfter(anchor, meaning.relation ?? 0);
        return { type: 'DATE', value: formatMonth(m.year, m.month) };
      }
      return { type: 'DATE', value: String(civilOf(anchor).year + (meaning.relation ?? 0)) };
    }
    case 'ago': {
      if (anchor === null) return { type: 'DATE', value: null };
      const n = Math.round(meaning.amount);
      switch (meaning.unit) {
        case 'D':
          return { type: 'DATE', value: formatDay(anchor - n) };
        case 'W':
          return { type: 'DATE', value: formatWeek(anchor - 7 * n) };
        case 'M': {
          const m = monthAfter(anchor, -n);
          return { type: 'DATE', value: formatMonth(m.year, m.month) };
        }
        case 'Y':
          return { type: 'DATE', value: String(civilOf(anchor).year - n) };
        case 'DE':
          return { type: 'DATE', value: String(civilOf(anchor).year - 10 * n).slice(0, 3) };
        default:
          return { type: 'DATE', value: formatDay(anchor) };
      }
    }
    case 'duration':
      return { type: 'DURATION', value: periodValue(meaning.amount, meaning.unit) };
    case 'clock':
      return {
        type: 'TIME',
        value: `XXXX-XX-XXT${String(meaning.hour).padStart(2, '0')}:${String(meaning.minute).padStart(2, '0')}`,
      };
    case 'part':
      return { type: 'TIME', value: `XXXX-XX-XXT${meaning.part}` };
    case 'set':
      return { type: 'SET', value: meaning.value };
  }
}

/** The day of a holiday in year `year`: fixed dates, or days counted from Easter Sunday. */
function holidayIn(year: number, name: string): DayNumber {
  const fixed = /^(\d\d)-(\d\d)$/.exec(name);
  if (fixed) return dayOf(year, Number(fixed[1]), Number(fixed[2]));
  return easterSunday(year) + Number(name.slice('easter'.length));
}

/** Easter Sunday of the Gregorian calendar (the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(year, month, day);
}

/** The occurrence of a holiday the clause means: the last one in the past tense, the next in the future, else the nearer. */
function holidayDay(anchor: DayNumber, name: string, tense: Tense): DayNumber {
  const year = civilOf(anchor).year;
  const options = [year - 1, year, year + 1].map((y) => holidayIn(y, name));
  const past = options.filter((d) => d <= anchor + 1).at(-1) as DayNumber;
  const next = options.find((d) => d >= anchor - 1) as DayNumber;
  if (tense === 'past') return past;
  if (tense === 'future') return next;
  return next - anchor < anchor - past ? next : past;
}

/** Whether a value names one day ("2020-08-14"), not a week, month or time. */
export function isDayValue(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** "am Freitag um 14 Uhr": a clock time takes its day (null where `day` names no single day). */
export function combineDayAndTime(day: string | null, time: string | null): string | null {
  if (!isDayValue(day) || time === null) return null;
  return `${day}${time.slice('XXXX-XX-XX'.length)}`;
}
