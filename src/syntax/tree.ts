/**
 * Questions the extraction stages ask of a parse, over token indices of a document (heads -1 for roots):
 * children, subtrees, the path between two tokens, a verb with its separable particle rejoined
 * ("fordert … auf" → "auffordern"), and the clause a token belongs to.
 */

import type { Doc } from '../document.js';

export interface Tree {
  head: Int32Array;
  deprel: readonly string[];
  upos: readonly string[];
  lemma: readonly string[];
}

/** Relations that open a clause of their own: its head is a clause head. */
const CLAUSAL = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'acl', 'csubj', 'parataxis']);

/** A relation without its subtype: "nsubj:pass" → "nsubj". */
export function relationBase(deprel: string): string {
  const colon = deprel.indexOf(':');
  return colon < 0 ? deprel : deprel.slice(0, colon);
}

/** The dependents of `t` (among tokens `from`..`to`, its sentence where the caller knows it). */
export function children(tree: Tree, t: number, from = 0, to = tree.head.length): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (tree.head[i] === t) out.push(i);
  return out;
}

/** The token and everything below it, in text order. */
export function subtree(tree: Tree, t: number): number[] {
  const out: number[] = [];
  const pending = [t];
  while (pending.length > 0) {
    const k = pending.pop() as number;
    out.push(k);
    for (const c of children(tree, k)) pending.push(c);
  }
  return out.sort((a, b) => a - b);
}

/** Tokens from `t` up to the root (inclusive). */
export function ancestors(tree: Tree, t: number): number[] {
  const out = [t];
  for (
    let k = tree.head[t] as number, guard = 0;
    k >= 0 && guard < tree.head.length;
    k = tree.head[k] as number, guard++
  ) {
    out.push(k);
  }
  return out;
}

/** The path from `a` to `b` through their lowest common ancestor, or null if they are in different trees. */
export function pathBetween(tree: Tree, a: number, b: number): number[] | null {
  const up = ancestors(tree, a);
  const down = ancestors(tree, b);
  const inDown = new Set(down);
  const meet = up.findIndex((k) => inDown.has(k));
  if (meet < 0) return null;
  const common = up[meet] as number;
  return [...up.slice(0, meet + 1), ...down.slice(0, down.indexOf(common)).reverse()];
}

/**
 * The separable particle of a verb (compound:prt child), if the parse found one. `from`/`to` bound the
 * tokens looked at (the verb's sentence, where the caller knows it); the whole document otherwise.
 */
export function particleOf(tree: Tree, verb: number, from = 0, to = tree.head.length): number | null {
  for (let c = from; c < to; c++) if (tree.head[c] === verb && tree.deprel[c] === 'compound:prt') return c;
  return null;
}

/** The verb's lemma with its particle rejoined: "fordert … auf" → "auffordern", "lehnt … ab" → "ablehnen". */
export function verbLemma(tree: Tree, verb: number, from = 0, to = tree.head.length): string {
  const lemma = tree.lemma[verb] as string;
  const particle = particleOf(tree, verb, from, to);
  return particle === null ? lemma : (tree.lemma[particle] as string).toLowerCase() + lemma;
}

/** The head of the clause a token belongs to: the nearest ancestor (or itself) heading a clause. */
export function clauseOf(tree: Tree, t: number): number {
  for (const k of ancestors(tree, t)) {
    const rel = relationBase(tree.deprel[k] as string);
    if (CLAUSAL.has(rel) || tree.head[k] === -1) return k;
    if (rel === 'conj' && (tree.upos[k] === 'VERB' || tree.upos[k] === 'AUX')) return k;
  }
  return t;
}

/** The parse of a document as a Tree, or null when it has not been parsed. */
export function treeOf(doc: Doc): Tree | null {
  if (!doc.syntax || !doc.morph) return null;
  return { head: doc.syntax.head, deprel: doc.syntax.deprel, upos: doc.morph.upos, lemma: doc.morph.lemma };
}
