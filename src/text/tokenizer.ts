/**
 * German tokenizer with UTF-16 offsets.
 *
 * Conventions follow UD German (GSD, PUD), because the tagger and parser learn from those treebanks:
 * hyphenated compounds are split ("US-Außenminister" → US | - | Außenminister), quotation marks, brackets
 * and punctuation are tokens of their own, "%" and "€" are split from numbers; numbers (6.700, 80,1,
 * 15.08.2020, 2015-2016), ordinals ("9." before a month or noun), abbreviations (Dr., z. B., u.a.),
 * URLs, e-mail addresses, hashtags and emoji stay whole.
 *
 * The text is cut at whitespace into chunks; a chunk of plain letters is one token (the fast path), other
 * chunks lose leading and trailing punctuation one mark at a time and the rest is split by `CORE_RE`.
 */
import type { TokenTable } from '../document.js';
import { readLexiconRows, readWordSet } from '../util/lexicon.js';
import {
  CLOSING_BRACKETS,
  OPENING_BRACKETS,
  QUOTE_CHARS,
  isDigitCode,
  isPlainWordCode,
  isSpaceCode,
  startsLower,
  startsUpper,
} from './chars.js';

export type AbbreviationFlag = 'end' | 'num' | '-';

/** Abbreviation (without its period) → flag; see data/lexicons/de/abbreviations.tsv. */
export const ABBREVIATIONS: ReadonlyMap<string, AbbreviationFlag> = new Map(
  readLexiconRows('lexicons/de/abbreviations.tsv').map(
    (row) => [row[0] as string, (row[1] ?? '-') as AbbreviationFlag] as const,
  ),
);
export const MONTHS: ReadonlySet<string> = readWordSet('lexicons/de/months.txt');
export const SENTENCE_STARTERS: ReadonlySet<string> = readWordSet('lexicons/de/sentence-starters.txt');

const EMOTICONS = new Set([':-)', ':)', ';-)', ';)', ':-(', ':(', ':-D', ':D', ':-P', ':P', '<3']);

const LEADING = QUOTE_CHARS + OPENING_BRACKETS + '¿¡*';
const TRAILING = QUOTE_CHARS + CLOSING_BRACKETS + ',;:!?*';

/** Letters-with-periods abbreviations written without spaces: u.a, z.B, d.h, i.d.R, U.S.A, M.A. */
const DOTTED_ABBREVIATION_RE = /^(?:\p{L}{1,2}\.)+\p{L}{1,3}$/u;
const SINGLE_LETTER_RE = /^\p{L}$/u;
const ROMAN_RE = /^[IVXLC]{1,5}$/;
const SHORT_NUMBER_RE = /^\d{1,3}$/;
const LONG_NUMBER_RE = /^\d{4,}$/;
const DAY_MONTH_RE = /^\d{1,2}\.\d{1,2}$/;
const ELISION_RE = /^['’][a-zß]{1,2}$/;

/** Tokens inside a chunk whose edges have been peeled; alternatives are tried in order. */
const CORE_RE = new RegExp(
  [
    String.raw`(?:https?:\/\/|ftp:\/\/|www\.)\S+`,
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    String.raw`[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:de|at|ch|com|org|net|eu|info|gov|edu|io|uk|fr|ru|by|ua|pl|it)(?![\p{L}\p{N}])(?:\/\S*)?`,
    String.raw`[#@][\p{L}\p{N}_]+`,
    String.raw`(?:\p{L}{1,2}\.)+\p{L}{1,3}(?:\.(?=$))?`,
    String.raw`\d+(?:[.,:/]\d+)*(?:-\d+(?:[.,]\d+)*)*(?:\.(?=$))?(?![\p{L}\p{N}])`,
    String.raw`[\p{L}\p{M}\p{N}\u00AD_]+(?:['’][\p{L}]+)*(?:['’](?=$)|\.(?=$))?`,
    String.raw`-{2,}|\.{2,}|…|\x60\x60|''`,
    String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|\u20E3|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\p{Regional_Indicator})*`,
    String.raw`[\s\S]`,
  ].join('|'),
  'uy',
);

/** Growable columnar token storage. */
class TokenBuilder {
  count = 0;
  start: Uint32Array;
  end: Uint32Array;

  constructor(capacity: number) {
    this.start = new Uint32Array(Math.max(16, capacity));
    this.end = new Uint32Array(Math.max(16, capacity));
  }

  push(s: number, e: number): void {
    if (this.count === this.start.length) {
      const start = new Uint32Array(this.count * 2);
      const end = new Uint32Array(this.count * 2);
      start.set(this.start);
      end.set(this.end);
      this.start = start;
      this.end = end;
    }
    this.start[this.count] = s;
    this.end[this.count] = e;
    this.count++;
  }

  finish(text: string): TokenTable {
    const count = this.count;
    const start = this.start.slice(0, count);
    const end = this.end.slice(0, count);
    const spaceAfter = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const e = end[i] as number;
      spaceAfter[i] = e >= text.length || isSpaceCode(text.charCodeAt(e)) ? 1 : 0;
    }
    return { count, start, end, spaceAfter };
  }
}

/** Tokenize a whole text. */
export function tokenize(text: string): TokenTable {
  const builder = new TokenBuilder((text.length >> 2) + 16);
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let j = i + 1;
    while (j < n && !isSpaceCode(text.charCodeAt(j))) j++;
    splitChunk(text, i, j, builder);
    i = j;
  }
  return builder.finish(text);
}

// Trailing marks of the chunk being split, as start/end pairs, emitted in reverse; reused across chunks.
const tail: number[] = [];

function splitChunk(text: string, s: number, e: number, out: TokenBuilder): void {
  if (isPlainWord(text, s, e)) {
    out.push(s, e);
    return;
  }
  const chunkStart = s;
  const chunkEnd = e;
  const emoticon = leadingEmoticon(text, s, e);
  if (emoticon > 0) {
    out.push(s, s + emoticon);
    s += emoticon;
    if (s === e) return;
  }
  let openedWithApostrophe = false;
  // Leading marks.
  while (s < e) {
    if (e - s > 2 && (text.startsWith('``', s) || text.startsWith("''", s))) {
      out.push(s, s + 2);
      s += 2;
      continue;
    }
    const c = text[s] as string;
    if (!LEADING.includes(c)) break;
    if ((c === "'" || c === '’') && ELISION_RE.test(text.slice(s, e))) break;
    if (c === "'" || c === '‘' || c === '’') openedWithApostrophe = true;
    out.push(s, s + 1);
    s++;
  }
  // Trailing marks.
  tail.length = 0;
  while (e > s) {
    if (e - s >= 2 && text.startsWith("''", e - 2)) {
      tail.push(e - 2, e);
      e -= 2;
      continue;
    }
    const c = text[e - 1] as string;
    if (c === '.') {
      let k = e - 1;
      while (k > s && text.charCodeAt(k - 1) === 46) k--;
      if (e - k >= 2 || k === s) {
        tail.push(k, e);
        e = k;
        continue;
      }
      if (keepsPeriod(text.slice(s, e - 1), text, chunkStart, chunkEnd)) break;
      tail.push(e - 1, e);
      e--;
      continue;
    }
    if (c === '…') {
      tail.push(e - 1, e);
      e--;
      continue;
    }
    if (TRAILING.includes(c)) {
      // A genitive apostrophe (Thutmosis', Strauß') belongs to its word unless a quote was opened.
      if ((c === "'" || c === '’') && e - s > 2 && !openedWithApostrophe && /[sxzß]/i.test(text[e - 2] as string))
        break;
      tail.push(e - 1, e);
      e--;
      continue;
    }
    break;
  }
  if (s < e) splitCore(text, s, e, out);
  for (let k = tail.length - 2; k >= 0; k -= 2) out.push(tail[k] as number, tail[k + 1] as number);
}

/** Length of an emoticon at the start of the chunk (":-)." → 3), or 0. */
function leadingEmoticon(text: string, s: number, e: number): number {
  for (let len = Math.min(3, e - s); len >= 2; len--) if (EMOTICONS.has(text.slice(s, s + len))) return len;
  return 0;
}

function isPlainWord(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (!isPlainWordCode(text.charCodeAt(k))) return false;
  return true;
}

function splitCore(text: string, s: number, e: number, out: TokenBuilder): void {
  if (isPlainWord(text, s, e)) {
    out.push(s, e);
    return;
  }
  const core = text.slice(s, e);
  CORE_RE.lastIndex = 0;
  while (CORE_RE.lastIndex < core.length) {
    const from = CORE_RE.lastIndex;
    if (!CORE_RE.exec(core)) break;
    out.push(s + from, s + CORE_RE.lastIndex);
  }
}

/**
 * Whether the period after `word` belongs to it (abbreviation, ordinal, initial) rather than ending the
 * sentence. Ambiguous cases look at the next word: "am 9. August" (ordinal) but "im Jahr 2007. Die ...".
 */
function keepsPeriod(word: string, text: string, chunkStart: number, chunkEnd: number): boolean {
  if (DOTTED_ABBREVIATION_RE.test(word)) return true;
  const flag = ABBREVIATIONS.get(word) ?? lowercaseAbbreviation(word);
  if (flag !== undefined) {
    if (flag !== 'num') return true;
    const next = nextWord(text, chunkEnd);
    return next !== null && isDigitCode(next.charCodeAt(0));
  }
  if (SINGLE_LETTER_RE.test(word)) return nextWord(text, chunkEnd) !== null;
  if (SHORT_NUMBER_RE.test(word) || DAY_MONTH_RE.test(word) || ROMAN_RE.test(word)) {
    if (startsSentence(text, chunkStart) && word.length <= 2) return true; // an enumeration: "4. Die ..."
    const next = nextWord(text, chunkEnd);
    if (next === null) return false;
    if (startsLower(next) || MONTHS.has(next) || isDigitCode(next.charCodeAt(0))) return true;
    return startsUpper(next) && !SENTENCE_STARTERS.has(next);
  }
  if (LONG_NUMBER_RE.test(word)) {
    const next = nextWord(text, chunkEnd);
    return next !== null && startsLower(next);
  }
  return false;
}

/** Whether only whitespace separates `at` from the start of the text or a sentence-final mark. */
function startsSentence(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && isSpaceCode(text.charCodeAt(k))) {
    if (text.charCodeAt(k) === 10) return true;
    k--;
  }
  if (k < 0) return true;
  const c = text[k] as string;
  return c === '.' || c === '!' || c === '?';
}

/** "Ca." at the start of a sentence is the abbreviation "ca.". */
function lowercaseAbbreviation(word: string): AbbreviationFlag | undefined {
  if (!startsUpper(word)) return undefined;
  const lower = word.toLowerCase();
  return lower === word ? undefined : ABBREVIATIONS.get(lower);
}

const NEXT_WORD_RE = /[\p{L}\p{N}]+|\S/uy;

/** The word after position `from` on the same line (skipping opening quotes), or null at a line end. */
export function nextWord(text: string, from: number): string | null {
  let k = from;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return null;
    if (!isSpaceCode(c)) break;
    k++;
  }
  while (k < text.length && QUOTE_CHARS.includes(text[k] as string)) k++;
  if (k >= text.length) return null;
  NEXT_WORD_RE.lastIndex = k;
  const m = NEXT_WORD_RE.exec(text);
  return m ? m[0] : null;
}
