/** Character classes shared by the tokenizer and the sentence splitter (UTF-16 code units). */

/** Whitespace between tokens, including no-break, thin and zero-width spaces and a stray BOM. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Letters and digits of the scripts news text is written in; anything else takes the slow path. */
export function isPlainWordCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x3ff) ||
    (c >= 0x400 && c <= 0x52f)
  );
}

const UPPER_RE = /^\p{Lu}/u;
const LOWER_RE = /^\p{Ll}/u;

export function startsUpper(s: string): boolean {
  return UPPER_RE.test(s);
}

export function startsLower(s: string): boolean {
  return LOWER_RE.test(s);
}

const PLAIN_VOWEL: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u' };

/**
 * The word with its last umlaut undone ("darmstädt" → "darmstadt", "europä" → "europa"): German derives
 * demonyms, adjectives and agent nouns by umlauting the stem's last vowel. The word itself when it has none.
 */
export function withoutLastUmlaut(word: string): string {
  return word.replace(/[äöü](?=[^äöü]*$)/u, (c) => PLAIN_VOWEL[c] ?? c);
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Quotation marks of every style German news uses; each may open or close depending on position. */
export const QUOTE_CHARS = '„“”"‚‘’\'»«›‹';

/** Whether a token is one quotation mark. */
export function isQuoteMark(token: string | undefined): boolean {
  return token !== undefined && token.length === 1 && QUOTE_CHARS.includes(token);
}
export const OPENING_BRACKETS = '([{';
export const CLOSING_BRACKETS = ')]}';

/**
 * A copy of `s` that does not share memory with the string it was sliced from. V8 keeps a slice of 13 or
 * more characters as a view of its parent, so a cache keyed by words sliced from documents would keep every
 * such document's whole text alive; keys of long-lived caches are made with this.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * What a stage has worked out per word type, for words met in documents: keys are `detached`, and the map
 * is emptied when it reaches `limit` words, so a long stream of text neither pins its documents nor grows
 * the cache without end.
 */
export class BoundedWordMap<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit = 200_000) {}

  get(word: string): V | undefined {
    return this.map.get(word);
  }

  set(word: string, value: V): void {
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(detached(word), value);
  }

  clear(): void {
    this.map.clear();
  }
}
