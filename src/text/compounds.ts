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
