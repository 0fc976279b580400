/**
 * From character offsets to tokens and sentences: the layers point into the text by offsets, the parse
 * works on token indices, and the stages that join them need to go from one to the other.
 */
import type { Doc, TokenTable } from '../document.js';

/** The last token starting at or before `offset` (0 when none does). */
export function tokenAt(tokens: TokenTable, offset: number): number {
  let lo = 0;
  let hi = tokens.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tokens.start[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The tokens lying wholly inside `start..end` as [first, last], or null when none does. */
export function tokensWithin(tokens: TokenTable, start: number, end: number): [number, number] | null {
  if (tokens.count === 0) return null;
  let first = tokenAt(tokens, start);
  if ((tokens.start[first] as number) < start) first++;
  let last = tokenAt(tokens, end);
  while (last >= first && (tokens.end[last] as number) > end) last--;
  return first <= last && first < tokens.count ? [first, last] : null;
}

/** The sentence index of every token. */
export function sentenceOfTokens(doc: Doc): Uint32Array {
  const sentenceOf = new Uint32Array(doc.tokens.count);
  for (let s = 0; s < doc.sentences.count; s++)
    sentenceOf.fill(s, doc.sentences.firstToken[s] as number, doc.sentences.endToken[s] as number);
  return sentenceOf;
}
