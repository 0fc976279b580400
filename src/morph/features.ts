/**
 * Feature hashing for the perceptron models: each feature is a template number plus a string, hashed
 * with FNV-1a to 32 bits without building the string. Collisions among ~10^6 features in 2^32 are rare
 * enough to ignore.
 */
import type { Lexicon } from './lexicon.js';

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
  let last = '';
  let run = 0;
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (c === last) {
      if (++run > 2) continue;
    } else {
      last = c;
      run = 1;
    }
    out += c;
  }
  return out;
}

/** Per-sentence values every feature function reads, computed once per token. */
export interface SentenceView {
  words: readonly string[];
  lower: string[];
  shape: string[];
  /** Lexicon signature ("N", "A.decl+V.Fin", …), "?" for a word the lexicon lacks. */
  signature: string[];
  /** "Attr=Value" candidates from the lexicon. */
  candidates: string[][];
  upper: boolean[];
}

const NONE: string[] = [];

export function viewSentence(words: readonly string[], lexicon: Lexicon | null): SentenceView {
  const n = words.length;
  const view: SentenceView = {
    words,
    lower: new Array(n),
    shape: new Array(n),
    signature: new Array(n),
    candidates: new Array(n),
    upper: new Array(n),
  };
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    view.lower[i] = w.toLowerCase();
    view.shape[i] = shapeOf(w);
    view.upper[i] = /^\p{Lu}/u.test(w);
    const cls = lexicon?.lookup(w) ?? null;
    view.signature[i] = cls ? cls.signature : '?';
    view.candidates[i] = cls ? cls.featureCandidates : NONE;
  }
  return view;
}
