/**
 * Calendar arithmetic for resolving time expressions: days as integers (days since 1970-01-01, UTC),
 * weekdays, ISO weeks, and the TIMEX3 spellings of each.
 */

export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): DayNumber {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** "2020-08-15" → its day number; null for anything else (also for impossible dates). */
export function parseIsoDate(iso: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? dayOf(y, mo, d) : null;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilOf(day: DayNumber): CivilDate {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(day: DayNumber): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The ISO week (year and number) a day belongs to. */
export function isoWeekOf(day: DayNumber): { year: number; week: number } {
  const thursday = day - weekdayOf(day) + 4;
  const year = civilOf(thursday).year;
  const firstThursday = dayOf(year, 1, 1) + ((4 - weekdayOf(dayOf(year, 1, 1)) + 7) % 7);
  return { year, week: Math.floor((thursday - firstThursday) / 7) + 1 };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatDay(day: DayNumber): string {
  const c = civilOf(day);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

export function formatWeek(day: DayNumber): string {
  const w = isoWeekOf(day);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** The month `offset` months after the month of `day`. */
export function monthAfter(day: DayNumber, offset: number): { year: number; month: number } {
  const c = civilOf(day);
  const index = c.year * 12 + (c.month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * The day with ISO weekday `weekday` that a text means, seen from `anchor`: `direction` -1 is the last
 * one on or before the anchor, 1 the next one on or after it; `strict` excludes the anchor itself
 * ("vergangenen Samstag" on a Saturday is a week ago).
 */
export function weekdayNear(anchor: DayNumber, weekday: number, direction: -1 | 1, strict: boolean): DayNumber {
  const today = weekdayOf(anchor);
  if (direction < 0) {
    let back = (today - weekday + 7) % 7;
    if (back === 0 && strict) back = 7;
    return anchor - back;
  }
  let ahead = (weekday - today + 7) % 7;
  if (ahead === 0 && strict) ahead = 7;
  return anchor + ahead;
}
