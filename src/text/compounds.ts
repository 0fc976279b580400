/**
 * German compounds name their kind last: "Oppositionspolitikerin" is a politician, "Massenproteste" are
 * protests. Lexicons that list heads find compounds through this one rule.
 */

/**
 * What `lookup` knows of a lower-cased compound's last part: after a hyphen, the part after the last
 * hyphen ("us-außenminister" → "außenminister"); otherwise the longest ending of at least `minLength`
 * letters that `lookup` knows (shorter ones over-match: "haft" ends "botschaft"). Null when none.
 */
export function compoundHead<T>(lower: string, lookup: (part: string) => T | undefined, minLength = 5): T | null {
  const hyphen = lower.lastIndexOf('-');
  if (hyphen >= 0) return lookup(lower.slice(hyphen + 1)) ?? null;
  for (let i = 1; i <= lower.length - minLength; i++) {
    const found = lookup(lower.slice(i));
    if (found) return found;
  }
  return null;
}

/** Conjunctions that complete a truncated compound: "Staats- und Regierungschefs", "Ein- oder Ausreise". */
const TRUNCATION_CONJUNCTIONS = new Set(['und', 'oder', 'sowie', 'bzw.', 'bis']);

/**
 * The token that completes a truncated compound starting at token `t` ("Militär" in "Militär- und
 * Polizeibeamten", also "Bundes-, Landes- und Kommunalpolitiker"): the word after the conjunction, whose
 * last part the truncated words share. -1 where `t` is no truncated word (the hyphen must touch it).
 */
export function truncationEnd(
  raw: readonly string[],
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  t: number,
): number {
  let k = t;
  for (let parts = 0; parts < 4; parts++) {
    if (raw[k + 1] !== '-' || end[k] !== start[k + 1]) return -1;
    const next = raw[k + 2] ?? '';
    if (TRUNCATION_CONJUNCTIONS.has(next.toLowerCase())) {
      const word = raw[k + 3] ?? '';
      return /^\p{L}/u.test(word) ? k + 3 : -1;
    }
    // A list: "Bundes-, Landes- und …".
    if (next !== ',' || !/^\p{Lu}/u.test(raw[k + 3] ?? '')) return -1;
    k += 3;
  }
  return -1;
}
