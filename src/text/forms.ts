/**
 * Token texts as strings (as written and lower-cased), computed once per document and shared by the
 * stages that read words rather than offsets.
 */
import type { Doc } from '../document.js';

export interface TokenForms {
  raw: readonly string[];
  lower: readonly string[];
}

const CACHE = new WeakMap<Doc, TokenForms>();

export function tokenForms(doc: Doc): TokenForms {
  const cached = CACHE.get(doc);
  if (cached && cached.raw.length === doc.tokens.count) return cached;
  const n = doc.tokens.count;
  const raw = new Array<string>(n);
  const lower = new Array<string>(n);
  for (let t = 0; t < n; t++) {
    raw[t] = doc.text.slice(doc.tokens.start[t], doc.tokens.end[t]);
    lower[t] = (raw[t] as string).toLowerCase();
  }
  const forms = { raw, lower };
  CACHE.set(doc, forms);
  return forms;
}
