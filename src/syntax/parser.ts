/**
 * A transition-based dependency parser: arc-standard transitions, beam search, an averaged perceptron
 * trained globally (max-violation updates, see `src/train/train-parser.ts`).
 *
 * Words are numbered 1..n, 0 is the root. States are immutable and share their history: the stack is a
 * linked list of `StackItem`s (each a finished-so-far subtree with its outermost children), and the arcs
 * made so far a linked list of `Arc`s, so a beam of B states costs B small objects per step, not B copies
 * of the sentence. Features are integers mixed from per-sentence attribute hashes (`SentenceView`), so no
 * string is touched while parsing.
 */
import {
  CompiledPerceptron,
  MAX_PACKED_LABELS,
  PackedPerceptron,
  type SharedPackedPerceptron,
} from '../morph/perceptron.js';
import { featValue, hashOf } from '../morph/features.js';
import { loadClusters, type WordClusters } from '../morph/clusters.js';
import { BoundedWordMap } from '../text/chars.js';

export interface ParseInput {
  forms: readonly string[];
  upos: readonly string[];
  xpos: readonly string[];
  feats: readonly string[];
  /** Lemmas from the tagger; the lower-cased form where missing. */
  lemmas?: readonly string[];
}

export interface Parse {
  /** head[i] for word i (0-based), as a 1-based word number, 0 for the root. */
  heads: number[];
  deprels: string[];
}

/** What the syntax stage and the evaluation need from a parser. */
export interface Parser {
  parse(input: ParseInput): Parse;
}

export const SHIFT = 0;
export const MAX_PARSER_FEATURES = 128;

/** Transition t: 0 = SHIFT, 1 + 2l = LEFT-ARC(label l), 2 + 2l = RIGHT-ARC(label l). */
export function leftArc(label: number): number {
  return 1 + 2 * label;
}

export function rightArc(label: number): number {
  return 2 + 2 * label;
}

/** One subtree on the stack: its head word and what the features read of its children so far. */
export interface StackItem {
  readonly word: number;
  /** Leftmost and second leftmost, rightmost and second rightmost children (word numbers, -1: none). */
  readonly lc1: number;
  readonly lc2: number;
  readonly rc1: number;
  readonly rc2: number;
  /** Their relation label ids (-1: none). */
  readonly lc1Label: number;
  readonly lc2Label: number;
  readonly rc1Label: number;
  readonly rc2Label: number;
  readonly leftCount: number;
  readonly rightCount: number;
  /** The labels of all its children as a bit set (labels 0–31 and 32–63). */
  readonly labelsLo: number;
  readonly labelsHi: number;
  readonly below: StackItem | null;
  /**
   * The decoder's cache, its one mutable field: where this item's row as s1 (`GroupScores.item`) starts
   * in the pool of the sentence it belongs to (-1: not summed yet). Items never outlive their sentence's
   * search.
   */
  sums: number;
}

export interface Arc {
  readonly dependent: number;
  readonly head: number;
  readonly label: number;
  readonly prev: Arc | null;
}

export class ParserState {
  constructor(
    readonly n: number,
    readonly top: StackItem,
    /** The first word of the buffer (n + 1 when empty). */
    readonly next: number,
    readonly arcs: Arc | null,
    readonly depth: number,
    readonly score: number,
    readonly prev: ParserState | null,
    /** The transition that made this state from `prev` (-1 for the start). */
    readonly transition: number,
  ) {}

  static start(n: number): ParserState {
    return new ParserState(n, item(0, null), 1, null, 1, 0, null, -1);
  }

  get done(): boolean {
    return this.next > this.n && this.depth === 1;
  }

  canShift(): boolean {
    return this.next <= this.n;
  }

  canLeft(): boolean {
    return this.depth > 2; // s1 is a word, not the root
  }

  canRight(): boolean {
    // The root takes its single dependent only when nothing is left to read.
    return this.depth > 2 || (this.depth === 2 && this.next > this.n);
  }

  apply(t: number, score = this.score): ParserState {
    if (t === SHIFT) {
      return new ParserState(
        this.n,
        item(this.next, this.top),
        this.next + 1,
        this.arcs,
        this.depth + 1,
        score,
        this,
        t,
      );
    }
    const label = (t - 1) >> 1;
    const s0 = this.top;
    const s1 = s0.below as StackItem;
    if ((t & 1) === 1) {
      // LEFT-ARC: s1 becomes the leftmost child of s0 (everything s0 has taken lies right of s1).
      const arcs: Arc = { dependent: s1.word, head: s0.word, label, prev: this.arcs };
      const top = withChild(s0, s1.word, label, true, s1.below);
      return new ParserState(this.n, top, this.next, arcs, this.depth - 1, score, this, t);
    }
    // RIGHT-ARC: s0 becomes the rightmost child of s1.
    const arcs: Arc = { dependent: s0.word, head: s1.word, label, prev: this.arcs };
    const top = withChild(s1, s0.word, label, false, s1.below);
    return new ParserState(this.n, top, this.next, arcs, this.depth - 1, score, this, t);
  }

  /** Heads (1-based, 0 = root) and label ids of words 1..n, at index word - 1; -1 where unattached. */
  tree(): { heads: Int32Array; labels: Int32Array } {
    const heads = new Int32Array(this.n).fill(-1);
    const labels = new Int32Array(this.n).fill(-1);
    for (let a = this.arcs; a; a = a.prev) {
      heads[a.dependent - 1] = a.head;
      labels[a.dependent - 1] = a.label;
    }
    return { heads, labels };
  }
}

function item(word: number, below: StackItem | null): StackItem {
  return {
    word,
    lc1: -1,
    lc2: -1,
    rc1: -1,
    rc2: -1,
    lc1Label: -1,
    lc2Label: -1,
    rc1Label: -1,
    rc2Label: -1,
    leftCount: 0,
    rightCount: 0,
    labelsLo: 0,
    labelsHi: 0,
    below,
    sums: -1,
  };
}

function withChild(h: StackItem, child: number, label: number, left: boolean, below: StackItem | null): StackItem {
  const lo = label < 32 ? h.labelsLo | (1 << label) : h.labelsLo;
  const hi = label >= 32 ? h.labelsHi | (1 << (label - 32)) : h.labelsHi;
  // Written out rather than spread: one object shape for every item keeps the feature code monomorphic.
  return left
    ? {
        word: h.word,
        lc1: child,
        lc2: h.lc1,
        rc1: h.rc1,
        rc2: h.rc2,
        lc1Label: label,
        lc2Label: h.lc1Label,
        rc1Label: h.rc1Label,
        rc2Label: h.rc2Label,
        leftCount: h.leftCount + 1,
        rightCount: h.rightCount,
        labelsLo: lo,
        labelsHi: hi,
        below,
        sums: -1,
      }
    : {
        word: h.word,
        lc1: h.lc1,
        lc2: h.lc2,
        rc1: child,
        rc2: h.rc1,
        lc1Label: h.lc1Label,
        lc2Label: h.lc2Label,
        rc1Label: label,
        rc2Label: h.rc1Label,
        leftCount: h.leftCount,
        rightCount: h.rightCount + 1,
        labelsLo: lo,
        labelsHi: hi,
        below,
        sums: -1,
      };
}

// ---------------------------------------------------------------------------------------------------
// Per-sentence attributes as integer hashes. Index i + 1 holds word i (0 = root, so index 1); index 0
// stands for "no word" (-1), so a feature never tests for a missing position.

/** The attributes the features read of each word, one Int32Array each. */
export interface SentenceView {
  n: number;
  word: Int32Array;
  lemma: Int32Array;
  xpos: Int32Array;
  upos: Int32Array;
  /** Case, Number, Person, Gender, VerbForm, Mood of the word (hash of the value or of "_"). */
  kase: Int32Array;
  number: Int32Array;
  person: Int32Array;
  verbForm: Int32Array;
  /** Number and person as one value, for subject–verb agreement. */
  agree: Int32Array;
  /** Coarse word class for in-between features: punctuation, comma, conjunction, finite verb, other. */
  between: Uint8Array;
  /** Prefix counts of commas and finite verbs before each index, for the material between s1 and s0. */
  commas: Int32Array;
  finites: Int32Array;
  /** Prefix counts of punctuation of any kind, likewise. */
  puncts: Int32Array;
  /** 1 for a noun or proper noun (STTS NN, NE). */
  noun: Uint8Array;
  /** The word's class from unlabelled text, coarse and fine (hash of '?' where it has none). */
  wordClass: Int32Array;
  wordClassFine: Int32Array;
}

const NO_WORD = hashOf(1, '<none>') | 0;
const ROOT_WORD = hashOf(1, '<root>') | 0;

/**
 * The hashed coarse and fine word class of each form met (bounded): the look-up lower-cases words the
 * classes lack as written, which would otherwise allocate for every token of every sentence.
 */
const classHashes = new BoundedWordMap<Int32Array>();
let classesOf: WordClusters | null = null;

function wordClassHashes(clusters: WordClusters, form: string): Int32Array {
  let h = classHashes.get(form);
  if (h === undefined) {
    const classes = clusters.of(form);
    h = Int32Array.of(hashOf(11, classes?.[0] ?? '?') | 0, hashOf(12, classes?.[1] ?? '?') | 0);
    classHashes.set(form, h);
  }
  return h;
}

export function viewSentence(input: ParseInput): SentenceView {
  // `npm run train` may write new classes after a parse: the remembered hashes are of the old ones.
  const clusters = loadClusters();
  if (clusters !== classesOf) {
    classHashes.clear();
    classesOf = clusters;
  }
  const n = input.forms.length;
  const size = n + 2;
  const column = (): Int32Array => {
    const a = new Int32Array(size);
    a[0] = NO_WORD;
    a[1] = ROOT_WORD;
    return a;
  };
  const v: SentenceView = {
    n,
    word: column(),
    lemma: column(),
    xpos: column(),
    upos: column(),
    kase: column(),
    number: column(),
    person: column(),
    verbForm: column(),
    agree: column(),
    between: new Uint8Array(size),
    noun: new Uint8Array(size),
    wordClass: column(),
    wordClassFine: column(),
    commas: new Int32Array(size),
    finites: new Int32Array(size),
    puncts: new Int32Array(size),
  };
  for (let i = 0; i < n; i++) {
    const at = i + 2;
    const form = input.forms[i] as string;
    const lower = form.toLowerCase();
    const feats = input.feats[i] as string;
    const xpos = input.xpos[i] as string;
    v.word[at] = hashOf(2, lower) | 0;
    v.lemma[at] = hashOf(3, input.lemmas?.[i] ?? lower) | 0;
    v.xpos[at] = hashOf(4, xpos) | 0;
    v.upos[at] = hashOf(5, input.upos[i] as string) | 0;
    v.kase[at] = hashOf(6, featValue(feats, 'Case')) | 0;
    const num = featValue(feats, 'Number');
    const person = featValue(feats, 'Person');
    v.number[at] = hashOf(7, num) | 0;
    v.person[at] = hashOf(8, person) | 0;
    v.verbForm[at] = hashOf(9, featValue(feats, 'VerbForm')) | 0;
    v.agree[at] = hashOf(10, num + '/' + (person === '_' && num !== '_' && xpos !== 'PPER' ? '3' : person)) | 0;
    const cls = form === ',' ? 2 : xpos.startsWith('$') ? 1 : xpos === 'KON' ? 3 : xpos.endsWith('FIN') ? 4 : 0;
    v.between[at] = cls;
    v.noun[at] = xpos === 'NN' || xpos === 'NE' ? 1 : 0;
    const classes = wordClassHashes(clusters, form);
    v.wordClass[at] = classes[0] as number;
    v.wordClassFine[at] = classes[1] as number;
  }
  // commas[k] = commas among words 1..k-1 (view indices 2..k); finites likewise.
  for (let k = 2; k < size; k++) {
    v.commas[k] = (v.commas[k - 1] as number) + (k > 2 && v.between[k - 1] === 2 ? 1 : 0);
    v.finites[k] = (v.finites[k - 1] as number) + (k > 2 && v.between[k - 1] === 4 ? 1 : 0);
    v.puncts[k] = (v.puncts[k - 1] as number) + (k > 2 && isPunctuation(v, k - 2) ? 1 : 0);
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------
// Feature mixing: a template number and up to four integer values → a 32-bit feature hash.

function m(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return h ^ (h >>> 15);
}

/**
 * The final mix. It returns the hash as a signed 32-bit integer, not `>>> 0`: every caller stores it in a
 * Uint32Array (the same bits), and a signed value stays a small integer where an unsigned one above 2^31
 * would be boxed as a heap number on each call.
 */
function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const T = (t: number): number => Math.imul(t + 0x51ed27, 0x27d4eb2f);
const f1 = (t: number, a: number): number => fin(m(T(t), a));
const f2 = (t: number, a: number, b: number): number => fin(m(m(T(t), a), b));
const f3 = (t: number, a: number, b: number, c: number): number => fin(m(m(m(T(t), a), b), c));
const f4 = (t: number, a: number, b: number, c: number, d: number): number => fin(m(m(m(m(T(t), a), b), c), d));

/** Bucketed distance and valency values. */
function bucket(k: number): number {
  return k < 0 ? -1 : k <= 4 ? k : k <= 7 ? 5 : k <= 12 ? 6 : 7;
}

/**
 * Features that read only one or two positions come in groups: s0's word, s1's, s2's, the buffer from
 * `next` on (with the bias), the pair s0–s1 and the pair s0–next. A group's weights are the same in every
 * state with the same positions, so the decoder sums each group once per sentence and key and reuses it
 * (`GroupScores`). The subtrees of s1 and s0 (`s1ItemFeatures`, `s0ItemFeatures`) are cached per item
 * and for bare items; only `stateFeatures` are looked up for every state. On PUD a state then costs
 * ~47 feature look-ups (16 its own, the rest filling rows) instead of 86, and ~700 weights instead of
 * ~1,650, plus adding three or four rows.
 */
export const GROUP_S0 = 0;
export const GROUP_S1 = 1;
export const GROUP_S2 = 2;
export const GROUP_NEXT = 3;
export const GROUP_S0_S1 = 4;
export const GROUP_S0_NEXT = 5;
export const GROUPS = 6;

/** Whether a group reads two positions (its key space is the square of a sentence's). */
export function isPairGroup(group: number): boolean {
  return group >= GROUP_S0_S1;
}

/**
 * Writes group `group`'s features at `out[k..]` and returns the new count. `a` and `b` are view indices
 * (0: no word), except that the buffer's position is the state's `next`: `a` for GROUP_NEXT, `b` for
 * GROUP_S0_NEXT.
 */
export function groupFeatures(
  v: SentenceView,
  group: number,
  a: number,
  b: number,
  out: Uint32Array,
  k: number,
): number {
  const W = v.word;
  const X = v.xpos;
  const L = v.lemma;
  switch (group) {
    case GROUP_NEXT: {
      const b0 = a <= v.n ? a + 1 : 0;
      const b1 = a + 1 <= v.n ? a + 2 : 0;
      const b2 = a + 2 <= v.n ? a + 3 : 0;
      const b3 = a + 3 <= v.n ? a + 4 : 0;
      const wb0 = W[b0] as number;
      const xb0 = X[b0] as number;
      const xb1 = X[b1] as number;
      const xb2 = X[b2] as number;
      out[k++] = f1(1, 0);
      out[k++] = f1(10, wb0);
      out[k++] = f1(11, xb0);
      out[k++] = f2(12, wb0, xb0);
      out[k++] = f2(13, L[b0] as number, xb0);
      out[k++] = f1(14, W[b1] as number);
      out[k++] = f1(15, xb1);
      out[k++] = f2(16, W[b1] as number, xb1);
      out[k++] = f1(17, xb2);
      out[k++] = f1(18, X[b3] as number);
      out[k++] = f3(40, xb0, xb1, xb2);
      const cb0 = v.wordClass[b0] as number;
      out[k++] = f1(90, cb0);
      out[k++] = f2(91, cb0, xb0);
      out[k++] = f1(92, v.wordClassFine[b0] as number);
      out[k++] = f2(93, cb0, v.wordClass[b1] as number);
      return k;
    }
    case GROUP_S2:
      out[k++] = f1(19, X[a] as number);
      return k;
    case GROUP_S0:
    case GROUP_S1: {
      const w = W[a] as number;
      const x = X[a] as number;
      // s0's templates are 2–5, s1's 6–9.
      const t = group === GROUP_S0 ? 2 : 6;
      out[k++] = f1(t, w);
      out[k++] = f1(t + 1, x);
      out[k++] = f2(t + 2, w, x);
      out[k++] = f2(t + 3, L[a] as number, x);
      // s0's templates are 94–96, s1's 97–99.
      const u = group === GROUP_S0 ? 94 : 97;
      const c = v.wordClass[a] as number;
      out[k++] = f1(u, c);
      out[k++] = f2(u + 1, c, x);
      out[k++] = f1(u + 2, v.wordClassFine[a] as number);
      return k;
    }
    case GROUP_S0_S1:
      return s0s1Features(v, a, b, out, k);
    default:
      return s0NextFeatures(v, a, b, out, k);
  }
}

/** Features of s0 (view index `s0`) and s1 (`s1`, 0 when the stack holds only s0). */
function s0s1Features(v: SentenceView, s0: number, s1: number, out: Uint32Array, k: number): number {
  const W = v.word;
  const L = v.lemma;
  const X = v.xpos;
  const C = v.kase;
  const ws0 = W[s0] as number;
  const ws1 = W[s1] as number;
  const ls0 = L[s0] as number;
  const ls1 = L[s1] as number;
  const xs0 = X[s0] as number;
  const xs1 = X[s1] as number;
  const cs0 = C[s0] as number;
  const cs1 = C[s1] as number;
  const dist = s1 > 1 ? bucket(s0 - s1) : -1;
  out[k++] = f2(20, v.upos[s0] as number, v.upos[s1] as number);
  out[k++] = f2(21, ws0, ws1);
  out[k++] = f2(22, xs0, xs1);
  out[k++] = f3(24, ws0, xs0, xs1);
  out[k++] = f3(25, xs0, ws1, xs1);
  out[k++] = f3(26, ws0, ws1, xs1);
  out[k++] = f3(27, ws0, xs0, ws1);
  out[k++] = f4(28, ws0, xs0, ws1, xs1);
  out[k++] = f2(29, ls0, ls1);
  out[k++] = f3(30, ls0, xs1, xs0);
  out[k++] = f3(31, ls1, xs1, xs0);
  // Distance.
  out[k++] = f2(66, dist, ws0);
  out[k++] = f2(67, dist, ws1);
  out[k++] = f3(68, dist, xs0, xs1);
  // What lies between s1 and s0: clause boundaries (commas) and other finite verbs.
  const lo = s1 > 1 ? s1 + 1 : 0; // view index just after s1
  const commas = lo > 0 && s0 > lo ? (v.commas[s0] as number) - (v.commas[lo] as number) : -1;
  const finites = lo > 0 && s0 > lo ? (v.finites[s0] as number) - (v.finites[lo] as number) : -1;
  out[k++] = f4(74, xs0, xs1, Math.min(commas, 3), Math.min(finites, 2));
  // German morphology: case tells subject from object, agreement a subject from a bystander.
  out[k++] = f4(75, xs1, cs1, xs0, v.verbForm[s0] as number);
  out[k++] = f4(76, xs0, cs0, xs1, v.verbForm[s1] as number);
  out[k++] = f3(79, cs0, cs1, xs0);
  const agreeS = v.agree[s0] === v.agree[s1] ? 1 : 0;
  out[k++] = f4(80, xs0, xs1, cs0 ^ cs1, agreeS);
  const ks0 = v.wordClass[s0] as number;
  const ks1 = v.wordClass[s1] as number;
  out[k++] = f2(100, ks0, ks1);
  out[k++] = f3(101, ks0, xs0, xs1);
  out[k++] = f3(102, xs0, ks1, xs1);
  return k;
}

/** Features of s0 (view index `s0`) and the buffer from word number `next` on. */
function s0NextFeatures(v: SentenceView, s0: number, next: number, out: Uint32Array, k: number): number {
  const W = v.word;
  const X = v.xpos;
  const b0 = next <= v.n ? next + 1 : 0;
  const b1 = next + 1 <= v.n ? next + 2 : 0;
  const ws0 = W[s0] as number;
  const xs0 = X[s0] as number;
  const wb0 = W[b0] as number;
  const xb0 = X[b0] as number;
  const xb1 = X[b1] as number;
  const distB = b0 && s0 > 1 ? bucket(next - (s0 - 1)) : -1;
  out[k++] = f2(23, xs0, xb0);
  out[k++] = f2(32, ws0, wb0);
  out[k++] = f3(33, xs0, wb0, xb0);
  out[k++] = f3(34, v.lemma[s0] as number, xs0, xb0);
  out[k++] = f3(35, xs0, xb0, xb1);
  out[k++] = f3(37, ws0, xb0, xb1);
  out[k++] = f3(69, distB, xs0, xb0);
  out[k++] = f2(77, v.kase[s0] as number, xb0);
  out[k++] = f2(85, xs0, b0 === 0 ? 1 : 0);
  const ks0 = v.wordClass[s0] as number;
  const kb0 = v.wordClass[b0] as number;
  out[k++] = f2(103, ks0, kb0);
  out[k++] = f2(104, xs0, kb0);
  out[k++] = f2(105, ks0, xb0);
  return k;
}

/**
 * Features of s1's subtree: its word and the children it has taken. The item is shared by every state
 * that has it below the top, so the decoder sums these once per item (`StackItem.sums`).
 */
export function s1ItemFeatures(v: SentenceView, i1: StackItem | null, out: Uint32Array, k: number): number {
  const W = v.word;
  const X = v.xpos;
  const s1 = i1 ? i1.word + 1 : 0;
  const s1r = i1 ? i1.rc1 + 1 : 0;
  const ls1l = i1 ? i1.lc1Label + 1 : 0;
  const ls1r = i1 ? i1.rc1Label + 1 : 0;
  const xs1 = X[s1] as number;
  const xs1r = X[s1r] as number;
  out[k++] = f2(50, xs1, ls1l);
  out[k++] = f2(51, xs1, ls1r);
  out[k++] = f3(54, xs1, ls1r, i1 ? i1.rc2Label + 1 : 0);
  out[k++] = f3(57, xs1, xs1r, X[i1 ? i1.rc2 + 1 : 0] as number);
  out[k++] = f2(59, W[s1] as number, ls1r);
  out[k++] = f2(62, W[s1r] as number, xs1);
  out[k++] = f3(64, xs1, i1 ? i1.labelsLo : 0, i1 ? i1.labelsHi : 0);
  out[k++] = f3(71, xs1, bucket(i1 ? i1.leftCount : -1), bucket(i1 ? i1.rightCount : -1));
  out[k++] = f2(73, W[s1] as number, bucket(i1 ? i1.rightCount : -1));
  out[k++] = f3(84, v.kase[s1r] as number, xs1r, xs1);
  return k;
}

/**
 * Features of s0's subtree: its word and the children it has taken. A bare item (just shifted) reads its
 * word only, so the decoder sums these once per position for bare items (`GroupScores.bare`).
 */
export function s0ItemFeatures(v: SentenceView, i0: StackItem, out: Uint32Array, k: number): number {
  const W = v.word;
  const X = v.xpos;
  const s0 = i0.word + 1;
  const s0l = i0.lc1 + 1;
  const s0r = i0.rc1 + 1;
  const ls0l = i0.lc1Label + 1;
  const ls0r = i0.rc1Label + 1;
  const ws0 = W[s0] as number;
  const xs0 = X[s0] as number;
  const xs0l = X[s0l] as number;
  out[k++] = f2(48, xs0, ls0l);
  out[k++] = f2(49, xs0, ls0r);
  out[k++] = f3(52, xs0, ls0l, i0.lc2Label + 1);
  out[k++] = f3(53, xs0, ls0r, i0.rc2Label + 1);
  out[k++] = f3(55, xs0, xs0l, X[i0.lc2 + 1] as number);
  out[k++] = f3(56, xs0, X[s0r] as number, X[i0.rc2 + 1] as number);
  out[k++] = f2(58, ws0, ls0l);
  out[k++] = f2(61, W[s0l] as number, xs0);
  out[k++] = f3(63, xs0, i0.labelsLo, i0.labelsHi);
  out[k++] = f3(70, xs0, bucket(i0.leftCount), bucket(i0.rightCount));
  out[k++] = f2(72, ws0, bucket(i0.leftCount));
  out[k++] = f3(78, xs0, v.kase[s0] as number, ls0l);
  out[k++] = f3(83, v.kase[s0l] as number, xs0l, xs0);
  return k;
}

/** Fills `out` with the features of state `st`; returns how many. */
export function parserFeatures(v: SentenceView, st: ParserState, out: Uint32Array): number {
  const i1 = st.top.below;
  const i2 = i1 ? i1.below : null;
  const s0 = st.top.word + 1;
  const s1 = i1 ? i1.word + 1 : 0;
  let k = groupFeatures(v, GROUP_S0, s0, 0, out, 0);
  k = groupFeatures(v, GROUP_S1, s1, 0, out, k);
  k = groupFeatures(v, GROUP_S2, i2 ? i2.word + 1 : 0, 0, out, k);
  k = groupFeatures(v, GROUP_NEXT, st.next, 0, out, k);
  k = groupFeatures(v, GROUP_S0_S1, s0, s1, out, k);
  k = groupFeatures(v, GROUP_S0_NEXT, s0, st.next, out, k);
  k = s0ItemFeatures(v, st.top, out, k);
  k = s1ItemFeatures(v, i1, out, k);
  return stateFeatures(v, st, out, k);
}

/** The features that read s0 and s1 with their children, or three positions, from `out[k]` on. */
export function stateFeatures(v: SentenceView, st: ParserState, out: Uint32Array, k: number): number {
  const i0 = st.top;
  const i1 = i0.below;
  const i2 = i1 ? i1.below : null;
  const s0 = i0.word + 1;
  const s1 = i1 ? i1.word + 1 : 0;
  const s2 = i2 ? i2.word + 1 : 0;
  const b0 = st.next <= v.n ? st.next + 1 : 0;
  const W = v.word;
  const X = v.xpos;
  const C = v.kase;
  const ws0 = W[s0] as number;
  const xs0 = X[s0] as number;
  const xs1 = X[s1] as number;
  const xs2 = X[s2] as number;
  const xb0 = X[b0] as number;
  const cs0 = C[s0] as number;
  const cs1 = C[s1] as number;
  // Children of s0 and s1 (view indices) and their labels (+1, so 0 is "none").
  const s0l = i0.lc1 + 1;
  const s0r = i0.rc1 + 1;
  const s1l = i1 ? i1.lc1 + 1 : 0;
  const s1r = i1 ? i1.rc1 + 1 : 0;
  const ls0l = i0.lc1Label + 1;
  const ls1r = i1 ? i1.rc1Label + 1 : 0;
  const xs0l = X[s0l] as number;
  const xs0r = X[s0r] as number;
  const xs1l = X[s1l] as number;
  const xs1r = X[s1r] as number;
  const end = b0 === 0 ? 1 : 0;
  // Three tags.
  out[k++] = f3(36, xs1, xs0, xb0);
  out[k++] = f3(38, xs1, ws0, xb0);
  out[k++] = f3(39, xs2, xs1, xs0);
  // Children already attached.
  out[k++] = f3(41, xs1, xs1l, xs0);
  out[k++] = f3(42, xs1, xs1r, xs0);
  out[k++] = f3(43, xs1, xs0, xs0r);
  out[k++] = f3(44, xs1, xs1l, ws0);
  out[k++] = f3(45, xs1, xs1r, ws0);
  out[k++] = f3(46, xs1, ws0, xs0l);
  out[k++] = f3(47, xs1, xs0, xs0l);
  out[k++] = f4(60, xs0, xs1, ls0l, ls1r);
  // Label sets: a verb takes one subject, one object; with case, which of them is still open.
  out[k++] = f4(65, xs0, xs1, i0.labelsLo, i1 ? i1.labelsLo : 0);
  out[k++] = f4(81, xs1, cs1, xs0, i0.labelsLo & 0xffff);
  out[k++] = f4(82, xs0, cs0, xs1, i1 ? i1.labelsLo & 0xffff : 0);
  // The end of the sentence.
  out[k++] = f3(86, xs0, xs1, end);
  return k;
}

/**
 * Marks in `legal` (one entry per transition) what the state allows and, with a grammar, what German
 * allows: LEFT-ARC's dependent is s1, RIGHT-ARC's is s0.
 */
export function legalTransitions(
  st: ParserState,
  labelCount: number,
  grammar: ParserGrammar | null,
  v: SentenceView | null,
  legal: Uint8Array,
): void {
  legal[SHIFT] = st.canShift() ? 1 : 0;
  const left = st.canLeft();
  const right = st.canRight();
  const bare = grammar !== null && v !== null && left && !punctuationBetween(v, st);
  const leftCase = grammar !== null && left && hasChildLabel(st.top.below as StackItem, grammar.caseLabel);
  const rightCase = grammar !== null && right && hasChildLabel(st.top, grammar.caseLabel);
  const leftNoun = grammar !== null && v !== null && left && v.noun[(st.top.below as StackItem).word + 1] === 1;
  const rightNoun = grammar !== null && v !== null && right && v.noun[st.top.word + 1] === 1;
  // Punctuation heads nothing and hangs as `punct` (s1 only where it is not the root); where s0 and s1 are
  // both punctuation, neither arc is barred, so some arc is always legal.
  const below = st.top.below;
  const g = grammar !== null && v !== null;
  const s1Word = below !== null && below.word > 0;
  const p0 = g && (left || right) && isPunctuation(v, st.top.word);
  const p1 = g && s1Word && isPunctuation(v, below.word);
  const leftOk = left && !(p0 && !p1);
  const rightOk = right && !(p1 && !p0);
  // LEFT-ARC's head is s0, RIGHT-ARC's is s1: the relations each has taken already.
  const s0Lo = st.top.labelsLo;
  const s0Hi = st.top.labelsHi;
  const s1Lo = below !== null ? below.labelsLo : 0;
  const s1Hi = below !== null ? below.labelsHi : 0;
  for (let l = 0; l < labelCount; l++) {
    const noCase = grammar !== null && grammar.noCaseChild[l] === 1;
    const notNoun = grammar !== null && grammar.notForNouns[l] === 1;
    const needsPunctuation = bare && grammar.leftNeedsPunctuation[l] === 1;
    const notPunct = grammar !== null && l !== grammar.punctLabel;
    const takenLo = grammar !== null ? (grammar.excludesLo[l] as number) : 0;
    const takenHi = grammar !== null ? (grammar.excludesHi[l] as number) : 0;
    const leftTaken = ((s0Lo & takenLo) | (s0Hi & takenHi)) !== 0;
    const rightTaken = ((s1Lo & takenLo) | (s1Hi & takenHi)) !== 0;
    legal[1 + 2 * l] =
      leftOk && !needsPunctuation && !(leftCase && noCase) && !(leftNoun && notNoun) && !(p1 && notPunct) && !leftTaken
        ? 1
        : 0;
    legal[2 + 2 * l] =
      rightOk && !(rightCase && noCase) && !(rightNoun && notNoun) && !(p0 && s1Word && notPunct) && !rightTaken
        ? 1
        : 0;
  }
}

/** Whether word `word` (1-based) is a punctuation mark (STTS $., $, or $(). */
function isPunctuation(v: SentenceView, word: number): boolean {
  const cls = v.between[word + 1] as number;
  return cls === 1 || cls === 2;
}

/** The highest-scoring legal transition (the first on ties). */
export function bestTransition(scores: Float64Array, legal: Uint8Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let t = 0; t < legal.length; t++) {
    if (legal[t] === 1 && (best < 0 || (scores[t] as number) > bestScore)) {
      best = t;
      bestScore = scores[t] as number;
    }
  }
  return best;
}

/**
 * What German grammar guarantees and the treebank is too small to teach, enforced while decoding:
 * - A clause that precedes the verb it complements (ccomp: a fronted quote or report; parataxis) is set
 *   off by punctuation — a comma, a quotation mark, a dash (72 of 74 left ccomp arcs and all left
 *   parataxis arcs in the training split). Without punctuation between s1 and s0, LEFT-ARC with those
 *   labels is not allowed, so a speech verb's preceding subject is never taken for its quote.
 * - A nominal with a preposition (a `case` child) is an oblique or a modifier, never a subject, object,
 *   determiner or numeral (2 exceptions among 7,900 such arcs in training).
 * - A noun or proper noun is never an adjectival modifier (5 of 6,932 NN/NE words in train and dev):
 *   "am Freitag Demonstranten" is two phrases, not a day modifying the demonstrators.
 * - A punctuation mark heads nothing and is attached as `punct` (2 exceptions among 1,674 in train and
 *   dev; without it a comma was once read as an object).
 * - A head takes at most one subject of any kind (nsubj, nsubj:pass, csubj, csubj:pass), one object,
 *   indirect object, copula, separable particle and expletive: no exception in the training split, while
 *   the parser without the rule gave 13 heads of dev two subjects and 9 two objects (dev LAS 76.83 →
 *   76.93, UAS 82.96 → 83.19).
 * The trainer searches without these (with them, dev LAS fell), so they are the decoder's alone.
 */
export interface ParserGrammar {
  /** Per relation label id: 1 where LEFT-ARC needs punctuation between the two words. */
  leftNeedsPunctuation: Uint8Array;
  /** Per relation label id: 1 where the dependent may not have a `case` child. */
  noCaseChild: Uint8Array;
  /** The id of the `case` relation (-1 if the model has none). */
  caseLabel: number;
  /** Per relation label id: 1 where the dependent may not be a noun or proper noun. */
  notForNouns: Uint8Array;
  /** The id of the `punct` relation (-1 if the model has none). */
  punctLabel: number;
  /**
   * Per relation label id: the relations (bit sets over label ids 0–31 and 32–63) a head that already
   * has one of them may not take again with this label (0: no limit).
   */
  excludesLo: Int32Array;
  excludesHi: Int32Array;
}

const CLAUSE_BEFORE_VERB = new Set(['ccomp', 'parataxis']);
const NOT_WITH_PREPOSITION = new Set(['nsubj', 'obj', 'iobj', 'expl', 'det', 'nummod', 'csubj']);
const NOT_FOR_NOUNS = new Set(['amod']);
/** Relations a head takes at most once, in groups that exclude each other (one subject of any kind). */
const ONCE_PER_HEAD: readonly (readonly string[])[] = [
  ['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass'],
  ['obj'],
  ['iobj'],
  ['cop'],
  ['compound:prt'],
  ['expl'],
];

export function parserGrammar(labels: readonly string[]): ParserGrammar {
  const leftNeedsPunctuation = new Uint8Array(labels.length);
  const noCaseChild = new Uint8Array(labels.length);
  const notForNouns = new Uint8Array(labels.length);
  labels.forEach((l, i) => {
    const base = l.split(':')[0] as string;
    if (CLAUSE_BEFORE_VERB.has(base)) leftNeedsPunctuation[i] = 1;
    if (NOT_WITH_PREPOSITION.has(base)) noCaseChild[i] = 1;
    if (NOT_FOR_NOUNS.has(base)) notForNouns[i] = 1;
  });
  const excludesLo = new Int32Array(labels.length);
  const excludesHi = new Int32Array(labels.length);
  for (const group of ONCE_PER_HEAD) {
    const ids = group.map((l) => labels.indexOf(l)).filter((i) => i >= 0);
    let lo = 0;
    let hi = 0;
    for (const i of ids) {
      if (i < 32) lo |= 1 << i;
      else hi |= 1 << (i - 32);
    }
    for (const i of ids) {
      excludesLo[i] = lo;
      excludesHi[i] = hi;
    }
  }
  return {
    leftNeedsPunctuation,
    noCaseChild,
    caseLabel: labels.indexOf('case'),
    notForNouns,
    punctLabel: labels.indexOf('punct'),
    excludesLo,
    excludesHi,
  };
}

/** Whether a finished subtree has a child with relation `label`. */
function hasChildLabel(it: StackItem, label: number): boolean {
  if (label < 0) return false;
  return label < 32 ? (it.labelsLo & (1 << label)) !== 0 : (it.labelsHi & (1 << (label - 32))) !== 0;
}

/** Whether punctuation stands between s1 and s0 (false when s1 is the root or missing). */
function punctuationBetween(v: SentenceView, st: ParserState): boolean {
  const below = st.top.below;
  if (!below || below.word === 0) return false;
  const lo = below.word + 2; // view index just after s1
  const hi = st.top.word + 1; // view index of s0
  return hi > lo && (v.puncts[hi] as number) > (v.puncts[lo] as number);
}

/** Anything that scores the transitions of a feature vector: the trainer's live weights or a model. */
export interface TransitionScorer {
  score(features: ArrayLike<number>, count: number, scores: Float64Array): void;
}

/** Sentences up to this many words cache their pair groups (the key space is the square). */
const MAX_PAIR_CACHE_WORDS = 254;

/**
 * Summed weights of feature groups for one sentence, in the packed model's units, filled as the search
 * first needs them: a word is s0, s1 or at the front of the buffer in many states, and the weights of
 * its groups are the same in all of them. Each state adds up four rows:
 * - s0 and the buffer: the NEXT and S0 groups and the s0–next pair (`s0Next`);
 * - the s0–s1 pair (`s0S1`);
 * - s1's subtree with its word and s2, which an item fixes (`item`, cached on the item itself);
 * - s0's subtree when it is bare, i.e. just shifted (`bare`; else its features are the state's own).
 * Rows are whole numbers, so the sums are exactly those of adding every feature's weights.
 */
class GroupScores {
  private pool = new Float64Array(0);
  private used = 0;
  /** Per group and key, the offset of its row in the pool (-1: not yet summed). */
  private readonly index: Int32Array[] = [];
  private bareRows = new Int32Array(0);
  private noItemRow = -1;
  private view: SentenceView | null = null;
  private slots = 0;
  /** Whether the pair groups are cached for the current sentence. */
  pairs = false;
  private readonly features = new Uint32Array(MAX_PARSER_FEATURES);

  constructor(
    readonly model: PackedPerceptron,
    private readonly transitions: number,
  ) {
    for (let g = 0; g < GROUPS; g++) this.index.push(new Int32Array(0));
  }

  /** Start sentence `v` (a no-op when it is the current one). */
  begin(v: SentenceView): void {
    if (v === this.view) return;
    this.view = v;
    this.used = 0;
    this.slots = v.n + 2;
    this.pairs = v.n <= MAX_PAIR_CACHE_WORDS;
    this.noItemRow = -1;
    for (let g = 0; g < GROUPS; g++) {
      const size = isPairGroup(g) ? (this.pairs ? this.slots * this.slots : 0) : this.slots;
      if ((this.index[g] as Int32Array).length < size) this.index[g] = new Int32Array(size);
      (this.index[g] as Int32Array).fill(-1, 0, size);
    }
    if (this.bareRows.length < this.slots) this.bareRows = new Int32Array(this.slots * 2);
    this.bareRows.fill(-1, 0, this.slots);
  }

  /** The pool the offsets point into (read it after the last offset: a new row may replace it). */
  get sums(): Float64Array {
    return this.pool;
  }

  /** The row of a one-position group (GROUP_S0, GROUP_S1, GROUP_S2 or GROUP_NEXT) at `at`. */
  position(g: number, at: number): number {
    const index = this.index[g] as Int32Array;
    let row = index[at] as number;
    if (row < 0) index[at] = row = this.fill(groupFeatures(this.view as SentenceView, g, at, 0, this.features, 0));
    return row;
  }

  /** The row of s0 (view index) with the buffer from `next`: groups NEXT, S0 and S0_NEXT. */
  s0Next(s0: number, next: number): number {
    const index = this.index[GROUP_S0_NEXT] as Int32Array;
    const key = s0 + this.slots * next;
    let row = index[key] as number;
    if (row >= 0) return row;
    const a = this.position(GROUP_NEXT, next);
    const b = this.position(GROUP_S0, s0);
    row = this.fill(groupFeatures(this.view as SentenceView, GROUP_S0_NEXT, s0, next, this.features, 0));
    this.add(row, a);
    this.add(row, b);
    index[key] = row;
    return row;
  }

  /** The row of the s0–s1 pair (view indices). */
  s0S1(s0: number, s1: number): number {
    const index = this.index[GROUP_S0_S1] as Int32Array;
    const key = s0 + this.slots * s1;
    let row = index[key] as number;
    if (row < 0) {
      index[key] = row = this.fill(groupFeatures(this.view as SentenceView, GROUP_S0_S1, s0, s1, this.features, 0));
    }
    return row;
  }

  /** The row of s1's subtree `item` (null: the stack holds only s0), with groups S1 and S2. */
  item(item: StackItem | null): number {
    if (item ? item.sums >= 0 : this.noItemRow >= 0) return item ? item.sums : this.noItemRow;
    const below = item ? item.below : null;
    const a = this.position(GROUP_S1, item ? item.word + 1 : 0);
    const b = this.position(GROUP_S2, below ? below.word + 1 : 0);
    const row = this.fill(s1ItemFeatures(this.view as SentenceView, item, this.features, 0));
    this.add(row, a);
    this.add(row, b);
    if (item) item.sums = row;
    else this.noItemRow = row;
    return row;
  }

  /** The row of `s0ItemFeatures` for a bare item (no children yet), which depends on its word only. */
  bare(item: StackItem): number {
    const key = item.word + 1;
    let row = this.bareRows[key] as number;
    if (row < 0)
      this.bareRows[key] = row = this.fill(s0ItemFeatures(this.view as SentenceView, item, this.features, 0));
    return row;
  }

  /** A new row holding the weights of the first `count` of `this.features`. */
  private fill(count: number): number {
    const T = this.transitions;
    if (this.used + T > this.pool.length) {
      const grown = new Float64Array(Math.max(4096 * T, 2 * this.pool.length));
      grown.set(this.pool.subarray(0, this.used));
      this.pool = grown;
    }
    const row = this.used;
    this.used += T;
    this.pool.fill(0, row, row + T);
    this.model.addUnits(this.features, count, this.pool, row);
    return row;
  }

  private add(row: number, from: number): void {
    const u = this.pool;
    for (let t = 0; t < this.transitions; t++) u[row + t]! += u[from + t] as number;
  }
}

/**
 * Beam search over transition sequences. Every state in step k has made k transitions (arc-standard
 * always takes 2n), so scores are comparable across the beam. Returns the beams of every step when
 * `keepSteps` is set (training needs them), else only the final best state.
 */
export class BeamSearch {
  private readonly features = new Uint32Array(MAX_PARSER_FEATURES);
  private scores: Float64Array[] = [];
  private readonly legal: Uint8Array;
  private readonly candState: Int32Array;
  private readonly candTransition: Int32Array;
  private readonly candScore: Float64Array;

  constructor(
    readonly transitions: number,
    readonly labelCount: number,
    readonly width: number,
    readonly grammar: ParserGrammar | null = null,
    /** How far (in path score) a candidate may trail the best and stay in the beam. */
    readonly margin = Infinity,
  ) {
    for (let b = 0; b < width; b++) this.scores.push(new Float64Array(transitions));
    this.legal = new Uint8Array(transitions);
    this.candState = new Int32Array(width);
    this.candTransition = new Int32Array(width);
    this.candScore = new Float64Array(width);
  }

  /** One step: the next beam from `beam` (sorted best first). */
  step(v: SentenceView, beam: readonly ParserState[], scorer: TransitionScorer): ParserState[] {
    this.count = 0;
    for (let b = 0; b < beam.length; b++) {
      const st = beam[b] as ParserState;
      const scores = this.scores[b] as Float64Array;
      this.scoreState(v, st, scorer, scores);
      const base = st.score;
      legalTransitions(st, this.labelCount, this.grammar, v, this.legal);
      for (let t = 0; t < this.transitions; t++) {
        if (this.legal[t] === 1) this.consider(b, t, base + (scores[t] as number));
      }
    }
    // An adaptive beam: candidates further than `margin` behind the best are dropped, so where the model
    // is sure the beam narrows and fewer states are scored.
    let keep = this.count;
    const floor = (this.candScore[0] as number) - this.margin;
    while (keep > 1 && (this.candScore[keep - 1] as number) < floor) keep--;
    this.count = keep;
    const next: ParserState[] = new Array(this.count);
    for (let c = 0; c < this.count; c++) {
      next[c] = (beam[this.candState[c] as number] as ParserState).apply(
        this.candTransition[c] as number,
        this.candScore[c] as number,
      );
    }
    return next;
  }

  private count = 0;
  private groupScores: GroupScores | null = null;

  /**
   * The scores of `st`'s transitions into `scores`. A packed model adds the cached rows of the feature
   * groups (`GroupScores`) to the state's own features; any other scorer (the trainer's live weights)
   * takes them all.
   */
  private scoreState(v: SentenceView, st: ParserState, scorer: TransitionScorer, scores: Float64Array): void {
    if (!(scorer instanceof PackedPerceptron)) {
      const n = parserFeatures(v, st, this.features);
      scores.fill(0);
      scorer.score(this.features, n, scores);
      return;
    }
    let cache = this.groupScores;
    if (!cache || cache.model !== scorer) cache = this.groupScores = new GroupScores(scorer, this.transitions);
    cache.begin(v);
    const i0 = st.top;
    const i1 = i0.below;
    const s0 = i0.word + 1;
    const out = this.features;
    let k = 0;
    // The rows first (each may add to the pool), then the sums.
    let a: number;
    let b: number;
    if (cache.pairs) {
      a = cache.s0Next(s0, st.next);
      b = cache.s0S1(s0, i1 ? i1.word + 1 : 0);
    } else {
      a = cache.position(GROUP_NEXT, st.next);
      b = cache.position(GROUP_S0, s0);
      k = groupFeatures(v, GROUP_S0_NEXT, s0, st.next, out, k);
      k = groupFeatures(v, GROUP_S0_S1, s0, i1 ? i1.word + 1 : 0, out, k);
    }
    const c = cache.item(i1);
    const bare = i0.leftCount + i0.rightCount === 0;
    const d = bare ? cache.bare(i0) : -1;
    if (!bare) k = s0ItemFeatures(v, i0, out, k);
    const u = cache.sums;
    const T = this.transitions;
    if (d >= 0) {
      for (let t = 0; t < T; t++) {
        scores[t] = (u[a + t] as number) + (u[b + t] as number) + (u[c + t] as number) + (u[d + t] as number);
      }
    } else {
      for (let t = 0; t < T; t++) scores[t] = (u[a + t] as number) + (u[b + t] as number) + (u[c + t] as number);
    }
    scorer.addUnits(out, stateFeatures(v, st, out, k), scores, 0);
    const unit = scorer.unit;
    for (let t = 0; t < T; t++) scores[t]! *= unit;
  }

  /** Insert a candidate into the sorted list of the best `width` (ties keep the earlier one first). */
  private consider(state: number, transition: number, total: number): void {
    const width = this.width;
    const cs = this.candState;
    const ct = this.candTransition;
    const cv = this.candScore;
    if (this.count === width && total <= (cv[width - 1] as number)) return;
    let at = this.count < width ? this.count++ : width - 1;
    while (at > 0 && (cv[at - 1] as number) < total) {
      cs[at] = cs[at - 1] as number;
      ct[at] = ct[at - 1] as number;
      cv[at] = cv[at - 1] as number;
      at--;
    }
    cs[at] = state;
    ct[at] = transition;
    cv[at] = total;
  }

  /** The best complete parse. */
  decode(v: SentenceView, scorer: TransitionScorer): ParserState {
    let beam: ParserState[] = [ParserState.start(v.n)];
    if (this.width === 1) {
      let st = beam[0] as ParserState;
      const scores = this.scores[0] as Float64Array;
      while (!st.done) {
        this.scoreState(v, st, scorer, scores);
        legalTransitions(st, this.labelCount, this.grammar, v, this.legal);
        const t = bestTransition(scores, this.legal);
        st = st.apply(t, st.score + (scores[t] as number));
      }
      return st;
    }
    while (!(beam[0] as ParserState).done) beam = this.step(v, beam, scorer);
    return beam[0] as ParserState;
  }
}

/** A parser as another thread receives it: its packed weights over shared memory and its settings. */
export interface SharedParser {
  weights: SharedPackedPerceptron;
  labels: readonly string[];
  beamWidth: number;
  margin: number;
}

export class DependencyParser implements Parser {
  private readonly search: BeamSearch;

  /** A compiled `model` is repacked for scoring and not kept (it would double the parser's memory). */
  constructor(
    model: CompiledPerceptron | PackedPerceptron,
    readonly labels: readonly string[],
    readonly beamWidth = 1,
    readonly margin = Infinity,
  ) {
    this.search = new BeamSearch(model.labels.length, labels.length, beamWidth, parserGrammar(labels), margin);
    this.scorer = model instanceof PackedPerceptron || model.labels.length > 255 ? model : PackedPerceptron.from(model);
  }

  private readonly scorer: TransitionScorer;

  /** The parser for another thread (`DependencyParser.fromShared`), its weights in shared memory; null if unpacked. */
  shared(): SharedParser | null {
    if (!(this.scorer instanceof PackedPerceptron)) return null;
    return { weights: this.scorer.shared(), labels: this.labels, beamWidth: this.beamWidth, margin: this.margin };
  }

  static fromShared(s: SharedParser): DependencyParser {
    return new DependencyParser(PackedPerceptron.fromShared(s.weights), s.labels, s.beamWidth, s.margin);
  }

  parse(input: ParseInput): Parse {
    const n = input.forms.length;
    const best = this.search.decode(viewSentence(input), this.scorer);
    const tree = best.tree();
    const heads: number[] = new Array(n);
    const deprels: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      heads[i] = Math.max(0, tree.heads[i] as number);
      deprels[i] = this.labels[tree.labels[i] as number] ?? 'dep';
    }
    return { heads, deprels };
  }
}

/**
 * Make a tree projective by lifting: while an arc crosses another, attach its dependent to the head's
 * head (shortest crossing arcs first). Heads are 1-based word numbers, 0 the root.
 */
export function projectivize(heads: readonly number[]): number[] {
  const h = [...heads];
  for (let guard = 0; guard < h.length * h.length; guard++) {
    let lift = -1;
    let shortest = Infinity;
    for (let d = 1; d <= h.length; d++) {
      const head = h[d - 1] as number;
      if (head === 0 || !isNonProjective(h, d, head)) continue;
      const len = Math.abs(head - d);
      if (len < shortest) {
        shortest = len;
        lift = d;
      }
    }
    if (lift < 0) return h;
    const head = h[lift - 1] as number;
    h[lift - 1] = h[head - 1] as number;
  }
  return h;
}

/** An arc head→dependent is non-projective if a word between them is not dominated by the head. */
function isNonProjective(h: readonly number[], dependent: number, head: number): boolean {
  const lo = Math.min(dependent, head);
  const hi = Math.max(dependent, head);
  for (let k = lo + 1; k < hi; k++) {
    let a = k;
    let steps = 0;
    while (a !== 0 && a !== head && steps++ <= h.length) a = h[a - 1] as number;
    if (a !== head) return true;
  }
  return false;
}

/**
 * The static arc-standard oracle for a projective gold tree: attach as soon as a word has all its
 * dependents. `attached[w]` counts the dependents word w has been given so far on this (gold) path.
 */
export function oracle(
  st: ParserState,
  goldHead: readonly number[],
  goldLabel: readonly number[],
  goldChildren: Int32Array,
): number {
  const s0 = st.top.word;
  const s1 = st.top.below ? st.top.below.word : -1;
  if (s1 > 0 && goldHead[s1 - 1] === s0) return leftArc(goldLabel[s1 - 1] as number);
  if (s1 >= 0 && s0 > 0 && goldHead[s0 - 1] === s1) {
    const taken = st.top.leftCount + st.top.rightCount;
    if (taken === goldChildren[s0] && (s1 > 0 || st.next > st.n)) return rightArc(goldLabel[s0 - 1] as number);
  }
  return SHIFT;
}

/** The gold transition sequence of a projective tree (heads 1-based, 0 = root). */
export function goldTransitions(heads: readonly number[], labels: readonly number[]): number[] {
  const n = heads.length;
  const children = new Int32Array(n + 1);
  for (const h of heads) children[h]!++;
  const out: number[] = [];
  let st = ParserState.start(n);
  while (!st.done) {
    const t = oracle(st, heads, labels, children);
    if (t === SHIFT && !st.canShift()) throw new Error('tree is not projective');
    out.push(t);
    st = st.apply(t);
  }
  return out;
}

/** Version 3: the features read word classes (models/de-clusters.tsv.gz). */
const PARSER_FILE_VERSION = 3;

/**
 * Binary form: a 4-byte header length, a JSON header (relation labels, beam width, beam margin — null
 * for none), then the perceptron.
 */
export function packParser(
  model: CompiledPerceptron,
  labels: readonly string[],
  beamWidth = 1,
  margin = Infinity,
): Buffer {
  const header = { version: PARSER_FILE_VERSION, labels, beamWidth, margin: Number.isFinite(margin) ? margin : null };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return Buffer.concat([len, head, model.toBuffer()]);
}

/** The header of a parser file: relation labels, beam width and margin; `weights` is the rest. */
interface ParserFile {
  labels: string[];
  beamWidth: number;
  margin: number;
  weights: Buffer;
}

function readParserFile(buffer: Buffer): ParserFile {
  const length = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8')) as {
    version: number;
    labels: string[];
    beamWidth?: number;
    margin?: number | null;
  };
  if (header.version !== PARSER_FILE_VERSION) {
    throw new Error(
      `parser model version ${header.version}, this code reads version ${PARSER_FILE_VERSION}: run npm run train -- --only parser`,
    );
  }
  return {
    labels: header.labels,
    beamWidth: header.beamWidth ?? 1,
    margin: header.margin ?? Infinity,
    weights: buffer.subarray(4 + length),
  };
}

/** A parser file's weights as the trainer made them, with its header. */
export function readParserModel(buffer: Buffer): Omit<ParserFile, 'weights'> & { model: CompiledPerceptron } {
  const { weights, ...header } = readParserFile(buffer);
  return { ...header, model: CompiledPerceptron.fromBuffer(weights) };
}

/** The parser in `buffer`; `beamWidth` and `margin` replace the model's own when given. */
export function unpackParser(buffer: Buffer, beamWidth?: number, margin?: number): DependencyParser {
  const file = readParserFile(buffer);
  // Packed straight from the file: the compiled table would be built only to be thrown away.
  const model =
    1 + 2 * file.labels.length <= MAX_PACKED_LABELS
      ? PackedPerceptron.fromBuffer(file.weights)
      : CompiledPerceptron.fromBuffer(file.weights);
  return new DependencyParser(model, file.labels, beamWidth ?? file.beamWidth, margin ?? file.margin);
}
