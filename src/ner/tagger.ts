/**
 * Named-entity tagger: BIO tagging with a first-order structured perceptron and Viterbi decoding, in GermEval 2014's
 * outer-level labels (PER, LOC, ORG, OTH, each also as -deriv and -part).
 *
 * Our training data is a tenth of what published German NER systems had, so the features lean on what
 * the data cannot teach: the lexicon (a capitalised word that is not a known common noun is a name
 * candidate), the gazetteers (first names, surnames, countries, cities, organisations), the tagger's
 * STTS tags, and for hyphen compounds ("EU-Budget", "US-Außenminister") the parts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompiledPerceptron } from '../morph/perceptron.js';
import { hashOf, hashOf2, hashPrefix, hashSuffix, shapeOf } from '../morph/features.js';
import { loadLexicon, type Lexicon } from '../morph/lexicon.js';
import { PACKAGE_ROOT } from '../util/lexicon.js';
import { withoutLastUmlaut } from '../text/chars.js';
import { GAZ, loadGazetteer, type Gazetteer } from './gazetteer.js';
import { loadNameHeads, type NameHeads } from './heads.js';
import { loadClusters, type WordClusters } from '../morph/clusters.js';

export const NER_MODEL_PATH = join(PACKAGE_ROOT, 'models', 'de-ner.bin');
export const MAX_NER_FEATURES = 80;

/** A sentence in NER tokens (hyphen compounds are one token, as in GermEval) with STTS tags. */
export interface NerInput {
  forms: readonly string[];
  xpos: readonly string[];
}

/** Per-sentence values the features read; index i + 2 is token i (two slots of padding each side). */
export interface NerView {
  n: number;
  forms: string[];
  lower: string[];
  xpos: string[];
  signature: string[];
  shape: string[];
  gazBegin: Uint16Array;
  gazInside: Uint16Array;
  /** Gazetteer flags of the first part of a hyphen compound ("eu" of "EU-Budget"), 0 if none. */
  gazPart: Uint16Array;
  /** Flags of a word read as a place adjective ("Hamburger", "Weimarer" → a city + -er), 0 if none. */
  gazPlaceAdjective: Uint16Array;
  /** Name-kind head of each token ('' if none), see heads.ts. */
  head: string[];
  /** Word classes from unlabelled text, coarse and fine ('?' where the word has none), see clusters.ts. */
  coarse: string[];
  fine: string[];
  /** 1 where the token is a lower-case function word no name ends with ("für", "und", "der"). */
  cannotEnd: Uint8Array;
}

/** Prepositions, articles and conjunctions as written in lower case: a name may contain, never end with one. */
const NON_FINAL = new Set(
  'für und oder sowie der die das des dem den von vom in im mit zu zur zum auf an am bei beim aus nach über unter gegen durch um ohne'.split(
    ' ',
  ),
);

const PAD = 2;
/** Words whose transition scores are kept (2 KB each: 4 MB at most). */
const TRANSITION_CACHE_SIZE = 2048;
const FLAG_NAMES: Array<[number, string]> = Object.entries(GAZ).map(([name, bit]) => [bit, name]);

export function viewNer(
  input: NerInput,
  lexicon: Lexicon | null,
  gazetteer: Gazetteer,
  heads: NameHeads = loadNameHeads(),
  clusters: WordClusters = loadClusters(),
): NerView {
  const n = input.forms.length;
  const size = n + 2 * PAD;
  const v: NerView = {
    n,
    forms: new Array<string>(size).fill('<pad>'),
    lower: new Array<string>(size).fill('<pad>'),
    xpos: new Array<string>(size).fill('<pad>'),
    signature: new Array<string>(size).fill('<pad>'),
    shape: new Array<string>(size).fill('<pad>'),
    gazBegin: new Uint16Array(size),
    gazInside: new Uint16Array(size),
    gazPart: new Uint16Array(size),
    gazPlaceAdjective: new Uint16Array(size),
    head: new Array<string>(size).fill(''),
    coarse: new Array<string>(size).fill('<pad>'),
    fine: new Array<string>(size).fill('<pad>'),
    cannotEnd: new Uint8Array(n),
  };
  const lower: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const form = input.forms[i] as string;
    const at = i + PAD;
    v.forms[at] = form;
    v.lower[at] = lower[i] = form.toLowerCase();
    v.xpos[at] = input.xpos[i] ?? '_';
    const cls = lexicon ? lexicon.lookup(form) : null;
    v.signature[at] = cls ? cls.signature : '?';
    v.shape[at] = shapeOf(form);
    v.head[at] = heads.kindOf(lower[i]!);
    v.cannotEnd[i] = NON_FINAL.has(form) ? 1 : 0;
    const classes = clusters.of(form);
    v.coarse[at] = classes?.[0] ?? '?';
    v.fine[at] = classes?.[1] ?? '?';
    const hyphen = form.indexOf('-');
    if (hyphen > 0) v.gazPart[at] = gazetteer.lookupWord(lower[i]!.slice(0, hyphen));
    v.gazPlaceAdjective[at] = placeAdjectiveFlags(lower[i]!, gazetteer);
  }
  const begin = new Uint16Array(n);
  const inside = new Uint16Array(n);
  gazetteer.match(lower, begin, inside);
  v.gazBegin.set(begin, PAD);
  v.gazInside.set(inside, PAD);
  return v;
}

/** Endings of town adjectives and demonyms: Hamburger, Hamburgern, Hamburgerin, Hamburgerinnen. */
const TOWN_ENDINGS = ['erinnen', 'erin', 'ern', 'er'];

/**
 * Flags of the place a word in -er derives from ("hamburger" → hamburg, "weimarer" → weimar,
 * "darmstädtern" → darmstadt), 0 if none.
 */
function placeAdjectiveFlags(lower: string, gazetteer: Gazetteer): number {
  if (lower.length <= 4) return 0;
  for (const ending of TOWN_ENDINGS) {
    if (!lower.endsWith(ending)) continue;
    const stem = lower.slice(0, -ending.length);
    let flags = gazetteer.lookup(stem) | gazetteer.lookup(stem + 'e'); // weimar-er; lindau-er, but also halle → hall-er
    if (!flags) {
      const plain = withoutLastUmlaut(stem);
      if (plain !== stem) flags = gazetteer.lookup(plain);
    }
    return flags;
  }
  return 0;
}

/** The letters of a set of gazetteer flags ("AC" for first name + country), one string per set, made once. */
const FLAG_STRINGS: readonly string[] = Array.from({ length: 1 << FLAG_NAMES.length }, (_, flags) => {
  let s = '';
  for (let b = 0; b < FLAG_NAMES.length; b++) if (flags & (1 << b)) s += String.fromCharCode(65 + b);
  return s;
});

function flagString(flags: number): string {
  return FLAG_STRINGS[flags] as string;
}

/**
 * Features of token i that do not depend on the labels around it (scored once per token). Returns the
 * count written to `out`.
 */
export function emissionFeatures(v: NerView, i: number, out: Uint32Array): number {
  const at = i + PAD;
  const form = v.forms[at] as string;
  const lower = v.lower[at] as string;
  const shape = v.shape[at] as string;
  const sig = v.signature[at] as string;
  const xp = v.xpos[at] as string;
  const upper = form.length > 0 && form[0] !== form[0]!.toLowerCase();
  let k = 0;
  out[k++] = hashOf(1, '');
  out[k++] = hashOf(2, form);
  out[k++] = hashOf(3, lower);
  out[k++] = hashSuffix(4, lower, 2);
  out[k++] = hashSuffix(5, lower, 3);
  out[k++] = hashSuffix(6, lower, 4);
  out[k++] = hashPrefix(7, lower, 3);
  out[k++] = hashOf(8, shape);
  out[k++] = hashOf(9, xp);
  out[k++] = hashOf2(10, v.xpos[at - 1] as string, xp);
  out[k++] = hashOf2(11, xp, v.xpos[at + 1] as string);
  out[k++] = hashOf(12, v.lower[at - 1] as string);
  out[k++] = hashOf(13, v.lower[at + 1] as string);
  out[k++] = hashOf(14, v.lower[at - 2] as string);
  out[k++] = hashOf(15, v.lower[at + 2] as string);
  out[k++] = hashOf2(16, v.lower[at - 1] as string, lower);
  out[k++] = hashOf2(17, sig, (upper ? 'U' : 'l') + (i === 0 ? '0' : ''));
  out[k++] = hashOf2(18, v.signature[at - 1] as string, sig);
  out[k++] = hashOf2(19, sig, v.signature[at + 1] as string);
  out[k++] = hashOf2(20, xp, sig);
  // Gazetteers: the lists this token starts or continues a name on, and its neighbours'.
  const begin = v.gazBegin[at] as number;
  const inside = v.gazInside[at] as number;
  out[k++] = hashOf2(21, flagString(begin), flagString(inside));
  out[k++] = hashOf2(22, flagString(begin), upper ? 'U' : 'l');
  out[k++] = hashOf(23, flagString((v.gazBegin[at - 1] as number) | (v.gazInside[at - 1] as number)));
  out[k++] = hashOf(24, flagString((v.gazBegin[at + 1] as number) | (v.gazInside[at + 1] as number)));
  for (const [bit, name] of FLAG_NAMES) {
    if (begin & bit) out[k++] = hashOf2(25, name, sig);
    if (inside & bit) out[k++] = hashOf(26, name);
  }
  const placeAdjective = v.gazPlaceAdjective[at] as number;
  if (placeAdjective) out[k++] = hashOf2(27, flagString(placeAdjective), upper ? 'U' : 'l');
  // Hyphen compounds: the parts carry the name ("EU-Budget" is an ORG part).
  const hyphen = form.indexOf('-');
  if (hyphen > 0 && hyphen < form.length - 1) {
    const first = lower.slice(0, hyphen);
    const last = lower.slice(lower.lastIndexOf('-') + 1);
    out[k++] = hashOf(35, first);
    out[k++] = hashOf(36, last);
    out[k++] = hashOf(37, shapeOf(form.slice(0, hyphen)));
    out[k++] = hashOf(38, flagString(v.gazPart[at] as number));
    out[k++] = hashSuffix(39, last, 3);
  }
  // Name-kind heads: of the token itself ("Bundesärztekammer") and of the words around it ("Präsident X").
  const head = v.head[at] as string;
  if (head) out[k++] = hashOf2(42, head, sig);
  out[k++] = hashOf2(43, v.head[at - 1] as string, upper ? 'U' : 'l');
  out[k++] = hashOf(44, v.head[at + 1] as string);
  out[k++] = hashOf2(45, v.head[at - 2] as string, v.head[at - 1] as string);
  // Word classes from unlabelled text, of the token and its neighbours.
  out[k++] = hashOf2(46, v.coarse[at] as string, upper ? 'U' : 'l');
  out[k++] = hashOf(47, v.fine[at] as string);
  out[k++] = hashOf(48, v.coarse[at - 1] as string);
  out[k++] = hashOf(49, v.coarse[at + 1] as string);
  out[k++] = hashOf2(50, v.fine[at - 1] as string, v.coarse[at] as string);
  // Quoted titles and names after a quotation mark.
  const before = v.forms[at - 1] as string;
  if (before === '"' || before === '„' || before === '»' || before === '“') out[k++] = hashOf2(40, 'quote', sig);
  return k;
}

/**
 * The coarse kind of a previous label that transition features pair with the token: the sentence start,
 * O, or B-/I- of the name type (PER, LOC, ORG, OTH; -deriv and -part count as their type). Ten kinds
 * instead of 25 labels keep the lattice cheap (five-fold F1 66.48 against 66.41 with full labels; six
 * kinds without B/I: 66.13); the full label bigram is its own feature (`labelBigram`).
 */
export function transitionKind(previous: string): string {
  return previous === START || previous === 'O' ? previous : previous.slice(0, 5);
}

/** The feature of a label bigram's previous label (scored against every next label). */
export function labelBigram(previous: string): number {
  return hashOf(30, previous);
}

/** Features of token i that pair the kind of the previous label with the token (see transitionKind). */
export function transitionFeatures(v: NerView, i: number, kind: string, out: Uint32Array): number {
  const at = i + PAD;
  let k = 0;
  out[k++] = hashOf2(32, kind, v.lower[at] as string);
  out[k++] = hashOf2(33, kind, v.shape[at] as string);
  out[k++] = hashOf2(34, kind, v.xpos[at] as string);
  const inside = v.gazInside[at] as number;
  if (inside) out[k++] = hashOf2(41, flagString(inside), kind);
  return k;
}

/** Allowed label sequences: I-X only continues B-X or I-X. */
export function allowed(previous: string, label: string): boolean {
  if (label.charCodeAt(0) !== 73 /* I */) return true;
  return previous.length > 2 && previous.slice(2) === label.slice(2);
}

/** Label of the sentence start, the "previous label" of the first token. */
export const START = '<s>';

/** Scores a sentence's label lattice: a scorer of feature hashes against all labels at once. */
export interface LabelScorer {
  readonly labels: readonly string[];
  score(features: ArrayLike<number>, count: number, scores: Float64Array): void;
}

/**
 * Viterbi decoding over the first-order lattice: the best label sequence under emission + transition
 * scores that never has I-X after anything but B-X or I-X, and never ends a name on a function word.
 */
export class NerDecoder {
  private readonly features = new Uint32Array(MAX_NER_FEATURES);
  /** The kinds of previous labels (see transitionKind) and the kind of each label (L = the start). */
  private readonly kinds: string[];
  private readonly kindOf: Uint8Array;
  /** sourcesOf[l]: the labels l may follow (I-X only B-X and I-X), ascending, so ties keep the first. */
  private readonly sourcesOf: Int32Array[];
  /** fromStart[l]: may label l open a sentence? */
  private readonly fromStart: Uint8Array;
  /** continues[p * L + l]: is l the I- label of p's type (p a B- or I- label)? */
  private readonly continues: Uint8Array;
  private readonly isName: Uint8Array;
  /** Label bigram scores, row p = L for the sentence start; null while they may change (training). */
  private bigramCache: Float64Array | null = null;
  private best = new Float64Array(0);
  private back = new Int32Array(0);
  private readonly emission: Float64Array;
  private readonly byKind: Float64Array;
  private readonly kindLive: Uint8Array;
  /** Transition scores per word, shape and tag (see transitionScores). */
  private readonly transitionCache = new Map<string, Float64Array>();

  /** `fixedWeights`: the scorer's weights never change, so the label bigram scores are read once. */
  constructor(
    readonly scorer: LabelScorer,
    private readonly fixedWeights = false,
  ) {
    const labels = scorer.labels;
    const L = labels.length;
    this.kinds = [...new Set([START, ...labels.map(transitionKind)])];
    this.kindOf = new Uint8Array(L + 1);
    for (let p = 0; p <= L; p++) this.kindOf[p] = this.kinds.indexOf(transitionKind(p === L ? START : labels[p]!));
    this.sourcesOf = labels.map((label) => Int32Array.from(labels.keys()).filter((p) => allowed(labels[p]!, label)));
    this.fromStart = Uint8Array.from(labels, (label) => (allowed(START, label) ? 1 : 0));
    this.isName = Uint8Array.from(labels, (l) => (l === 'O' ? 0 : 1));
    this.continues = new Uint8Array(L * L);
    for (let p = 0; p < L; p++)
      for (let l = 0; l < L; l++)
        this.continues[p * L + l] =
          this.isName[p] && labels[l]!.startsWith('I-') && allowed(labels[p]!, labels[l]!) ? 1 : 0;
    this.emission = new Float64Array(L);
    this.byKind = new Float64Array(this.kinds.length * L);
    this.kindLive = new Uint8Array(this.kinds.length);
  }

  private bigramScores(): Float64Array {
    if (this.bigramCache) return this.bigramCache;
    const labels = this.scorer.labels;
    const L = labels.length;
    const bigram = new Float64Array((L + 1) * L);
    for (let p = 0; p <= L; p++) {
      this.features[0] = labelBigram(p === L ? START : labels[p]!);
      this.scorer.score(this.features, 1, bigram.subarray(p * L, (p + 1) * L));
    }
    if (this.fixedWeights) this.bigramCache = bigram;
    return bigram;
  }

  /**
   * Transition scores of token i for every kind of previous label alive at `previous` (a row of `best`).
   * They depend on the word, its shape and tag only (and its gazetteer flags, rarely set), so with fixed
   * weights they are kept per word: the frequent words of a text are scored once.
   */
  private transitionScores(v: NerView, i: number, previous: number): Float64Array {
    const L = this.scorer.labels.length;
    const K = this.kinds.length;
    const at = i + PAD;
    const key =
      this.fixedWeights && v.gazInside[at] === 0
        ? `${v.lower[at] as string}\u0001${v.shape[at] as string}\u0001${v.xpos[at] as string}`
        : null;
    if (key !== null) {
      const known = this.transitionCache.get(key);
      if (known) return known;
    }
    const scores = key === null ? this.byKind : new Float64Array(K * L);
    const live = this.kindLive;
    if (key === null) {
      live.fill(0);
      for (let p = 0; p < L; p++)
        if ((this.best[previous + p] as number) !== -Infinity) live[this.kindOf[p] as number] = 1;
      scores.fill(0);
    } else live.fill(1); // a kept row serves any later sentence
    for (let k = 0; k < K; k++)
      if (live[k])
        this.scorer.score(
          this.features,
          transitionFeatures(v, i, this.kinds[k]!, this.features),
          scores.subarray(k * L, (k + 1) * L),
        );
    // Once full, the cache keeps the words it has: met first, they are mostly the frequent ones.
    if (key !== null && this.transitionCache.size < TRANSITION_CACHE_SIZE) this.transitionCache.set(key, scores);
    return scores;
  }

  /** Label ids of the best sequence for the sentence in `v`. */
  decode(v: NerView): Int32Array {
    const labels = this.scorer.labels;
    const L = labels.length;
    const n = v.n;
    if (this.best.length < n * L) {
      this.best = new Float64Array(n * L * 2);
      this.back = new Int32Array(n * L * 2);
    }
    const { best, back, emission, kindOf, isName, continues, sourcesOf } = this;
    const bigram = this.bigramScores();
    for (let i = 0; i < n; i++) {
      emission.fill(0);
      this.scorer.score(this.features, emissionFeatures(v, i, this.features), emission);
      const row = i * L;
      if (i === 0) {
        // Only the sentence start comes before the first token: its transition scores fill the first row.
        const byKind = this.byKind.fill(0, 0, L);
        this.scorer.score(this.features, transitionFeatures(v, 0, START, this.features), byKind);
        for (let l = 0; l < L; l++) {
          best[l] = this.fromStart[l]
            ? 0 + (bigram[L * L + l] as number) + (byKind[l] as number) + (emission[l] as number)
            : -Infinity;
          back[l] = L;
        }
        continue;
      }
      const previous = row - L;
      // The token's transition scores for each kind of previous label. (Extending only the labels within
      // a margin of the best was tried for speed: five-fold F1 66.5 → 64.0 at margin 5.)
      const byKind = this.transitionScores(v, i, previous);
      const afterCannotEnd = v.cannotEnd[i - 1] === 1;
      for (let l = 0; l < L; l++) {
        let top = -Infinity;
        let arg = 0;
        const sources = sourcesOf[l]!;
        for (let q = 0; q < sources.length; q++) {
          const p = sources[q] as number;
          const before = best[previous + p] as number;
          if (before === -Infinity) continue;
          if (afterCannotEnd && isName[p] === 1 && !continues[p * L + l]) continue; // the name must go on
          const total =
            before +
            (bigram[p * L + l] as number) +
            (byKind[(kindOf[p] as number) * L + l] as number) +
            (emission[l] as number);
          if (total > top) {
            top = total;
            arg = p;
          }
        }
        best[row + l] = top;
        back[row + l] = arg;
      }
    }
    const out = new Int32Array(n);
    if (n === 0) return out;
    const last = (n - 1) * L;
    const lastCannotEnd = v.cannotEnd[n - 1] === 1;
    let arg = -1;
    for (let l = 0; l < L; l++) {
      if (lastCannotEnd && isName[l]) continue;
      if (arg < 0 || (best[last + l] as number) > (best[last + arg] as number)) arg = l;
    }
    for (let i = n - 1; i >= 0; i--) {
      out[i] = arg;
      arg = back[i * L + arg] as number;
    }
    return out;
  }
}

export class NerTagger {
  private readonly decoder: NerDecoder;

  constructor(
    readonly model: CompiledPerceptron,
    readonly lexicon: Lexicon | null,
    readonly gazetteer: Gazetteer,
  ) {
    this.decoder = new NerDecoder(model, true);
  }

  tag(input: NerInput): string[] {
    const ids = this.decoder.decode(viewNer(input, this.lexicon, this.gazetteer));
    return Array.from(ids, (id) => this.model.labels[id] as string);
  }
}

let loaded: NerTagger | null | undefined;

/** The shipped NER model, loaded once; null before the first `npm run train`. */
export function loadNerTagger(): NerTagger | null {
  if (loaded === undefined) {
    loaded = existsSync(NER_MODEL_PATH)
      ? new NerTagger(CompiledPerceptron.fromBuffer(readFileSync(NER_MODEL_PATH)), loadLexicon(), loadGazetteer())
      : null;
  }
  return loaded;
}
