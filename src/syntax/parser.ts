/**
 * A transition-based dependency parser (arc-standard, greedy) over an averaged perceptron.
 *
 * Words are numbered 1..n, 0 is the root. The parser builds projective trees; training trees are made
 * projective first by lifting crossing arcs to the head's head (see `projectivize`). Features are hashed
 * like the tagger's: words, tags and morphological case of the top of the stack and the front of the
 * buffer, the relations of their leftmost and rightmost children, distance and valency.
 */
import { CompiledPerceptron } from '../morph/perceptron.js';
import { hashAdd, hashEnd, hashOf, hashOf2, hashSep, hashStart } from '../morph/features.js';

export interface ParseInput {
  forms: readonly string[];
  upos: readonly string[];
  xpos: readonly string[];
  feats: readonly string[];
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
export const MAX_PARSER_FEATURES = 64;

/** Transition t: 0 = SHIFT, 1 + 2l = LEFT-ARC(label l), 2 + 2l = RIGHT-ARC(label l). */
export function leftArc(label: number): number {
  return 1 + 2 * label;
}

export function rightArc(label: number): number {
  return 2 + 2 * label;
}

/** The parser state; arrays are indexed by word number (0 = root). */
export class ParserState {
  readonly stack: number[] = [0];
  next = 1;
  readonly head: Int32Array;
  readonly label: Int32Array;
  readonly leftmost: Int32Array;
  readonly rightmost: Int32Array;
  readonly children: Int32Array;

  constructor(readonly n: number) {
    this.head = new Int32Array(n + 1).fill(-1);
    this.label = new Int32Array(n + 1).fill(-1);
    this.leftmost = new Int32Array(n + 1).fill(-1);
    this.rightmost = new Int32Array(n + 1).fill(-1);
    this.children = new Int32Array(n + 1);
  }

  get done(): boolean {
    return this.next > this.n && this.stack.length === 1;
  }

  s(k: number): number {
    return this.stack.length > k ? (this.stack[this.stack.length - 1 - k] as number) : -1;
  }

  b(k: number): number {
    return this.next + k <= this.n ? this.next + k : -1;
  }

  canShift(): boolean {
    return this.next <= this.n;
  }

  canLeft(): boolean {
    return this.stack.length > 2; // s1 is a word, not the root
  }

  canRight(): boolean {
    // The root takes its single dependent only when nothing is left to read.
    return this.stack.length > 2 || (this.stack.length === 2 && this.next > this.n);
  }

  apply(t: number): void {
    if (t === SHIFT) {
      this.stack.push(this.next++);
      return;
    }
    const labelId = (t - 1) >> 1;
    const s0 = this.stack.pop() as number;
    if ((t & 1) === 1) {
      const s1 = this.stack.pop() as number;
      this.attach(s0, s1, labelId);
      this.stack.push(s0);
    } else {
      this.attach(this.s(0), s0, labelId);
    }
  }

  private attach(head: number, dependent: number, labelId: number): void {
    this.head[dependent] = head;
    this.label[dependent] = labelId;
    this.children[head]!++;
    if (this.leftmost[head] === -1 || dependent < (this.leftmost[head] as number)) this.leftmost[head] = dependent;
    if (this.rightmost[head] === -1 || dependent > (this.rightmost[head] as number)) this.rightmost[head] = dependent;
  }
}

/** Per-sentence values the features read, 1-based (index 0 is the root). */
export interface ParseView {
  lower: string[];
  upos: string[];
  xpos: string[];
  kase: string[];
  verbForm: string[];
}

function featValue(feats: string, name: string): string {
  const at = feats.indexOf(name + '=');
  if (at < 0) return '_';
  const end = feats.indexOf('|', at);
  return feats.slice(at + name.length + 1, end < 0 ? feats.length : end);
}

export function viewParse(input: ParseInput): ParseView {
  const root = ['<root>'];
  return {
    lower: root.concat(input.forms.map((f) => f.toLowerCase())),
    upos: ['ROOT', ...input.upos],
    xpos: ['ROOT', ...input.xpos],
    kase: ['_', ...input.feats.map((f) => featValue(f, 'Case'))],
    verbForm: ['_', ...input.feats.map((f) => featValue(f, 'VerbForm'))],
  };
}

const NONE = '<none>';
/** String(n) for n = -1..8 (distances and valencies), without making a string per transition. */
const DIGITS = ['-1', '0', '1', '2', '3', '4', '5', '6', '7', '8'];

/** hashOf2(t, a + b, c) without joining a and b. */
function hash3(t: number, a: string, b: string, c: string): number {
  return hashEnd(hashAdd(hashSep(hashAdd(hashAdd(hashStart(t), a), b)), c));
}

/** hashOf2(t, a + b, c + d) without joining. */
function hash4(t: number, a: string, b: string, c: string, d: string): number {
  return hashEnd(hashAdd(hashAdd(hashSep(hashAdd(hashAdd(hashStart(t), a), b)), c), d));
}

export function parserFeatures(v: ParseView, st: ParserState, labels: readonly string[], out: Uint32Array): number {
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const b0 = st.b(0);
  const b1 = st.b(1);
  const b2 = st.b(2);
  const w = (i: number): string => (i < 0 ? NONE : (v.lower[i] as string));
  const u = (i: number): string => (i < 0 ? NONE : (v.upos[i] as string));
  const x = (i: number): string => (i < 0 ? NONE : (v.xpos[i] as string));
  const c = (i: number): string => (i < 0 ? NONE : (v.kase[i] as string));
  const vf = (i: number): string => (i < 0 ? NONE : (v.verbForm[i] as string));
  const lab = (i: number): string => (i < 0 ? NONE : (labels[st.label[i] as number] ?? NONE));
  const lc = (i: number): number => (i < 0 ? -1 : (st.leftmost[i] as number));
  const rc = (i: number): number => (i < 0 ? -1 : (st.rightmost[i] as number));
  // Each value once: most appear in several features.
  const ws0 = w(s0);
  const ws1 = w(s1);
  const wb0 = w(b0);
  const xs0 = x(s0);
  const xs1 = x(s1);
  const xb0 = x(b0);
  const lcs0 = lc(s0);
  const rcs0 = rc(s0);
  const lcs1 = lc(s1);
  const rcs1 = rc(s1);
  let k = 0;
  out[k++] = hashOf(100, '');
  out[k++] = hashOf(101, ws0);
  out[k++] = hashOf(102, xs0);
  out[k++] = hashOf2(103, ws0, xs0);
  out[k++] = hashOf(104, ws1);
  out[k++] = hashOf(105, xs1);
  out[k++] = hashOf2(106, ws1, xs1);
  out[k++] = hashOf(107, x(s2));
  out[k++] = hashOf(108, wb0);
  out[k++] = hashOf(109, xb0);
  out[k++] = hashOf2(110, wb0, xb0);
  out[k++] = hashOf(111, x(b1));
  out[k++] = hashOf(112, w(b1));
  out[k++] = hashOf(113, x(b2));
  out[k++] = hashOf2(114, xs1, xs0);
  out[k++] = hashOf2(115, xs0, xb0);
  out[k++] = hash3(116, xs1, xs0, xb0);
  out[k++] = hash3(117, x(s2), xs1, xs0);
  out[k++] = hashOf2(118, ws1, ws0);
  out[k++] = hashOf2(119, ws0, wb0);
  out[k++] = hash3(120, ws1, xs1, xs0);
  out[k++] = hash4(121, xs1, '', ws0, xs0);
  out[k++] = hashOf2(122, u(s1), u(s0));
  out[k++] = hashOf2(123, u(s0), u(b0));
  // Children already attached: what s0 and s1 have taken so far.
  out[k++] = hashOf2(124, xs0, lab(lcs0));
  out[k++] = hashOf2(125, xs0, lab(rcs0));
  out[k++] = hashOf2(126, xs1, lab(lcs1));
  out[k++] = hashOf2(127, xs1, lab(rcs1));
  out[k++] = hash4(128, xs0, xs1, lab(lcs0), lab(rcs1));
  out[k++] = hashOf2(129, xs0, x(lcs0));
  out[k++] = hashOf2(130, xs1, x(rcs1));
  // Distance and valency.
  const d = s0 > 0 && s1 > 0 ? Math.min(s0 - s1, 8) : -1;
  out[k++] = hash3(131, xs1, xs0, DIGITS[d + 1]!);
  out[k++] = hashOf2(132, xs0, DIGITS[Math.min(s0 >= 0 ? (st.children[s0] as number) : 0, 4) + 1]!);
  out[k++] = hashOf2(133, xs1, DIGITS[Math.min(s1 >= 0 ? (st.children[s1] as number) : 0, 4) + 1]!);
  // German morphology: case tells subject from object; verb form tells the clause's verbs apart.
  out[k++] = hash4(134, xs1, c(s1), xs0, vf(s0));
  out[k++] = hash4(135, xs0, c(s0), xs1, vf(s1));
  out[k++] = hashOf2(136, c(s0), xb0);
  out[k++] = hash3(137, xs0, c(s0), lab(lcs0));
  out[k++] = hashOf(138, st.next > st.n ? 'end' : 'more');
  out[k++] = hashOf2(139, xs0, st.next > st.n ? 'end' : xb0);
  return k;
}

/** Valid transitions of a state, as a list of transition ids. */
export function validTransitions(st: ParserState, labelCount: number, out: number[]): number[] {
  out.length = 0;
  if (st.canShift()) out.push(SHIFT);
  const left = st.canLeft();
  const right = st.canRight();
  for (let l = 0; l < labelCount; l++) {
    if (left) out.push(leftArc(l));
    if (right) out.push(rightArc(l));
  }
  return out;
}

/** The highest-scoring valid transition, without listing the valid ones. */
export function bestTransition(st: ParserState, scores: Float64Array, labelCount: number): number {
  let best = -1;
  let bestScore = -Infinity;
  if (st.canShift()) {
    best = SHIFT;
    bestScore = scores[SHIFT] as number;
  }
  const left = st.canLeft();
  const right = st.canRight();
  for (let l = 0; l < labelCount; l++) {
    if (left && (scores[1 + 2 * l] as number) > bestScore) {
      best = 1 + 2 * l;
      bestScore = scores[best] as number;
    }
    if (right && (scores[2 + 2 * l] as number) > bestScore) {
      best = 2 + 2 * l;
      bestScore = scores[best] as number;
    }
  }
  return best;
}

export class DependencyParser {
  private readonly features = new Uint32Array(MAX_PARSER_FEATURES);
  private readonly scores: Float64Array;

  constructor(
    readonly model: CompiledPerceptron,
    readonly labels: readonly string[],
  ) {
    this.scores = new Float64Array(model.labels.length);
  }

  parse(input: ParseInput): Parse {
    const n = input.forms.length;
    const v = viewParse(input);
    const st = new ParserState(n);
    while (!st.done) {
      const count = parserFeatures(v, st, this.labels, this.features);
      this.scores.fill(0);
      this.model.score(this.features, count, this.scores);
      st.apply(bestTransition(st, this.scores, this.labels.length));
    }
    const heads: number[] = new Array(n);
    const deprels: string[] = new Array(n);
    for (let i = 1; i <= n; i++) {
      heads[i - 1] = Math.max(0, st.head[i] as number);
      deprels[i - 1] = this.labels[st.label[i] as number] ?? 'dep';
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

/** The static arc-standard oracle for a projective gold tree. */
export function oracle(
  st: ParserState,
  goldHead: readonly number[],
  goldLabel: readonly number[],
  goldChildren: Int32Array,
): number {
  const s0 = st.s(0);
  const s1 = st.s(1);
  if (s1 > 0 && goldHead[s1 - 1] === s0) return leftArc(goldLabel[s1 - 1] as number);
  if (s1 >= 0 && s0 > 0 && goldHead[s0 - 1] === s1 && st.children[s0] === goldChildren[s0]) {
    if (s1 > 0 || st.next > st.n) return rightArc(goldLabel[s0 - 1] as number);
  }
  return SHIFT;
}

/** Binary form: a 4-byte header length, a JSON header (relation labels), then the perceptron. */
export function packParser(model: CompiledPerceptron, labels: readonly string[]): Buffer {
  const head = Buffer.from(JSON.stringify({ version: 1, labels }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return Buffer.concat([len, head, model.toBuffer()]);
}

export function unpackParser(buffer: Buffer): DependencyParser {
  const length = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8')) as { labels: string[] };
  return new DependencyParser(CompiledPerceptron.fromBuffer(buffer.subarray(4 + length)), header.labels);
}
