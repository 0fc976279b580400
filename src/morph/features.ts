/** The value of UD feature `name` in a feature string ("Case=Nom|Number=Sing" → "Nom"), "_" if absent. */
export function featValue(feats: string, name: string): string {
  const at = feats.indexOf(name + '=');
  if (at < 0 || (at > 0 && feats.charCodeAt(at - 1) !== 124)) return '_';
  const end = feats.indexOf('|', at);
  return feats.slice(at + name.length + 1, end < 0 ? feats.length : end);
}

/**
 * Feature hashing for the perceptron models: each feature is a template number plus a string, hashed
 * with FNV-1a to 32 bits without building the string. Collisions among ~10^6 features in 2^32 are rare
 * enough to ignore.
 */
import type { Lexicon, LexiconClass } from './lexicon.js';
import { BoundedWordMap } from '../text/chars.js';

const OFFSET = 0x811c9dc5;
const PRIME = 0x01000193;

export function hashOf(template: number, s: string): number {
  let h = Math.imul(OFFSET ^ template, PRIME);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h >>> 0;
}

export function hashOf2(template: number, a: string, b: string): number {
  let h = Math.imul(OFFSET ^ template, PRIME);
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), PRIME);
  h = Math.imul(h ^ 0x1f, PRIME);
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), PRIME);
  return h >>> 0;
}

/**
 * The same FNV-1a hashes built piece by piece, so that a feature over joined values ("NN" + "VVFIN")
 * needs no joined string: hashStart(t) → hashAdd(…) for each piece → hashSep between the two halves of a
 * hashOf2 → hashEnd. hashEnd(hashAdd(hashAdd(hashStart(t), a), b)) === hashOf(t, a + b).
 */
export function hashStart(template: number): number {
  return Math.imul(OFFSET ^ template, PRIME);
}

export function hashAdd(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h;
}

export function hashSep(h: number): number {
  return Math.imul(h ^ 0x1f, PRIME);
}

export function hashEnd(h: number): number {
  return h >>> 0;
}

/** Hash of the last `k` characters of `s` (all of it, marked, when shorter). */
export function hashSuffix(template: number, s: string, k: number): number {
  let h = Math.imul(OFFSET ^ (template + (s.length < k ? 0x100 : 0)), PRIME);
  for (let i = Math.max(0, s.length - k); i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h >>> 0;
}

export function hashPrefix(template: number, s: string, k: number): number {
  let h = Math.imul(OFFSET ^ template, PRIME);
  const n = Math.min(k, s.length);
  for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h >>> 0;
}

/** Word shape: X for upper case, x for lower, d for digits, runs of more than two cut to two. */
export function shapeOf(word: string): string {
  let out = '';
  let last = -1;
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    const ch = word.charCodeAt(i);
    const c = isUpperCode(ch) ? 88 : isLowerCode(ch) ? 120 : ch >= 48 && ch <= 57 ? 100 : ch;
    if (c === last) {
      if (++run > 2) continue;
    } else {
      last = c;
      run = 1;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

function isUpperCode(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0xde && c !== 0xd7) ||
    (c >= 0x391 && c <= 0x3a9) ||
    (c >= 0x400 && c <= 0x42f)
  );
}

function isLowerCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 0xdf && c <= 0xff && c !== 0xf7) ||
    (c >= 0x3b1 && c <= 0x3c9) ||
    (c >= 0x430 && c <= 0x45f)
  );
}

/** Per-sentence values every feature function reads, computed once per token. */
export interface SentenceView {
  words: readonly string[];
  lower: string[];
  /** Lexicon signature ("N", "A.decl+V.Fin", …), "?" for a word the lexicon lacks. */
  signature: string[];
  /** "Attr=Value" candidates from the lexicon. */
  candidates: string[][];
  upper: boolean[];
}

const NONE: string[] = [];

/** What the view needs of a word type, computed once and remembered (bounded). */
interface WordInfo {
  lower: string;
  upper: boolean;
  signature: string;
  candidates: string[];
}

const NO_LEXICON = {};
const wordCache = new WeakMap<object, BoundedWordMap<WordInfo>>();

function infoOf(lexicon: Lexicon | null, cache: BoundedWordMap<WordInfo>, word: string): WordInfo {
  let info = cache.get(word);
  if (info === undefined) {
    const cls: LexiconClass | null = lexicon ? lexicon.lookup(word) : null;
    info = {
      lower: word.toLowerCase(),
      upper: isUpperCode(word.charCodeAt(0)),
      signature: cls ? cls.signature : '?',
      candidates: cls ? cls.featureCandidates : NONE,
    };
    cache.set(word, info);
  }
  return info;
}

export function viewSentence(words: readonly string[], lexicon: Lexicon | null): SentenceView {
  const n = words.length;
  const view: SentenceView = {
    words,
    lower: new Array(n),
    signature: new Array(n),
    candidates: new Array(n),
    upper: new Array(n),
  };
  const owner = lexicon ?? NO_LEXICON;
  let cache = wordCache.get(owner);
  if (!cache) wordCache.set(owner, (cache = new BoundedWordMap()));
  for (let i = 0; i < n; i++) {
    const info = infoOf(lexicon, cache, words[i] as string);
    view.lower[i] = info.lower;
    view.upper[i] = info.upper;
    view.signature[i] = info.signature;
    view.candidates[i] = info.candidates;
  }
  return view;
}
