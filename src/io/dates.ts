/** Publication dates: the contract's YYYY-MM-DD, validated as a real calendar date. */

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const m = ISO_DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * The calendar date of a timestamp found in metadata ("2020-08-15T09:30:00+02:00", "2020-08-15",
 * "20200815", RSS's "Sat, 15 Aug 2020 10:00:00 +0200"), as written (the publisher's local date, not
 * converted to UTC); null when there is none.
 */
export function dateFromTimestamp(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (iso) {
    const date = `${iso[1]}-${iso[2]}-${iso[3]}`;
    return isValidDate(date) ? date : null;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\D|$)/.exec(v);
  if (compact) {
    const date = `${compact[1]}-${compact[2]}-${compact[3]}`;
    return isValidDate(date) ? date : null;
  }
  const german = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})/.exec(v);
  if (german) {
    const date = `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
    return isValidDate(date) ? date : null;
  }
  // RFC 822, as RSS writes it: "Sat, 15 Aug 2020 10:00:00 +0200"
  const rfc822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(v);
  if (rfc822) {
    const month = MONTHS.indexOf((rfc822[2] as string).toLowerCase()) + 1;
    if (month === 0) return null;
    const date = `${rfc822[3]}-${String(month).padStart(2, '0')}-${rfc822[1]!.padStart(2, '0')}`;
    return isValidDate(date) ? date : null;
  }
  return null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
