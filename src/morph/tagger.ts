/**
 * The morphology model at run time: UPOS + STTS tags (one joint perceptron, greedy left to right),
 * UD features (one perceptron per attribute, for the attributes a tag allows) and lemmas (what training
 * saw for that form and tag, else the lexicon, else a learned edit script).
 *
 * The feature functions here are shared with the trainer (src/train/train-morph.ts), so training and
 * tagging see exactly the same features.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, readWordSet } from '../util/lexicon.js';
import { CompiledPerceptron } from './perceptron.js';
import { hashOf, hashOf2, hashPrefix, hashSuffix, shapeOf, viewSentence, type SentenceView } from './features.js';
import { loadLexicon, type Analysis, type Lexicon } from './lexicon.js';
import { applyLemmaScript } from './lemma-script.js';
import { BoundedWordMap } from '../text/chars.js';
import { SENTENCE_STARTERS } from '../text/tokenizer.js';

export const MORPH_MODEL_PATH = join(PACKAGE_ROOT, 'models', 'de-morph.bin');
export const MAX_FEATURES = 64;

const START = '<s>';
const END = '</s>';

/**
 * Features of word i that depend on the word alone (its form, affixes, shape and lexicon class): the
 * tagger sums their weights once per word type and caches the result.
 */
export function tagWordFeatures(v: SentenceView, i: number, out: Uint32Array): number {
  const w = v.lower[i] as string;
  const sig = v.signature[i] as string;
  let k = 0;
  out[k++] = hashOf(1, '');
  out[k++] = hashOf(2, w);
  out[k++] = hashOf(3, v.words[i] as string);
  for (let s = 1; s <= 5; s++) out[k++] = hashSuffix(3 + s, w, s);
  out[k++] = hashPrefix(9, w, 2);
  out[k++] = hashPrefix(10, w, 3);
  out[k++] = hashOf(11, shapeOf(v.words[i] as string));
  out[k++] = hashOf(23, sig);
  out[k++] = hashOf2(27, sig, v.upper[i] ? 'U' : 'l');
  out[k++] = hashOf2(28, sig, w.length > 2 ? w.slice(-2) : w);
  out[k++] = hashOf(31, String(Math.min(w.length, 12)));
  return k;
}

/** Features of word i that depend on its neighbours and the two tags before it; appended at `k`. */
export function tagContextFeatures(
  v: SentenceView,
  i: number,
  p1: string,
  p2: string,
  out: Uint32Array,
  k: number,
): number {
  const n = v.words.length;
  const w = v.lower[i] as string;
  const prev = i > 0 ? (v.lower[i - 1] as string) : START;
  const next = i + 1 < n ? (v.lower[i + 1] as string) : END;
  const prev2 = i > 1 ? (v.lower[i - 2] as string) : START;
  const next2 = i + 2 < n ? (v.lower[i + 2] as string) : END;
  const sig = v.signature[i] as string;
  out[k++] = hashOf(12, (i === 0 ? 'F' : 'M') + (v.upper[i] ? 'U' : 'l'));
  out[k++] = hashOf(13, prev);
  out[k++] = hashOf(14, next);
  out[k++] = hashOf(15, prev2);
  out[k++] = hashOf(16, next2);
  out[k++] = hashOf2(20, p1, w);
  out[k++] = hashSuffix(21, next, 3);
  out[k++] = hashSuffix(22, prev, 3);
  out[k++] = hashOf(24, i > 0 ? (v.signature[i - 1] as string) : START);
  out[k++] = hashOf(25, i + 1 < n ? (v.signature[i + 1] as string) : END);
  out[k++] = hashOf2(26, sig, p1);
  out[k++] = hashOf2(29, w, next);
  out[k++] = hashOf2(30, prev, w);
  // sein/haben/werden and modals are auxiliaries when a participle or infinitive follows in the clause.
  if (sig.includes('V.Fin')) out[k++] = hashOf2(32, w, verbLater(v, i));
  return k;
}

/** Features of the two previous tags alone: the tagger caches their summed weights per tag pair. */
export function tagHistoryFeatures(p1: string, p2: string, out: Uint32Array, k: number): number {
  out[k++] = hashOf(17, p1);
  out[k++] = hashOf(18, p2);
  out[k++] = hashOf2(19, p1, p2);
  return k;
}

/** All features for the joint tag of word i, given the two tags before it (what training sees). */
export function tagFeatures(v: SentenceView, i: number, p1: string, p2: string, out: Uint32Array): number {
  return tagHistoryFeatures(p1, p2, out, tagContextFeatures(v, i, p1, p2, out, tagWordFeatures(v, i, out)));
}

/** The first non-finite verb form later in the clause (before punctuation), as a lexicon class. */
function verbLater(v: SentenceView, i: number): string {
  for (let j = i + 1; j < v.words.length && j <= i + 12; j++) {
    const sig = v.signature[j] as string;
    if (sig.includes('V.Part')) return 'part';
    if (sig.includes('V.Inf')) return 'inf';
    const c = (v.words[j] as string).charCodeAt(0);
    if (c === 44 || c === 46 || c === 59 || c === 58) break; // , . ; :
  }
  return 'none';
}

/**
 * Features of an attribute classifier that depend on word i and its tag alone (form, affixes, lexicon
 * class and the lexicon's values for this attribute): the tagger caches their summed weights.
 */
export function featsWordFeatures(
  v: SentenceView,
  i: number,
  u: string,
  x: string,
  attribute: string,
  out: Uint32Array,
): number {
  const w = v.lower[i] as string;
  let k = 0;
  out[k++] = hashOf(40, x);
  out[k++] = hashOf(41, u);
  out[k++] = hashOf2(42, x, w);
  for (let s = 1; s <= 4; s++) out[k++] = hashOf2(42 + s, x, w.length > s ? w.slice(-s) : w);
  out[k++] = hashOf(58, v.signature[i] as string);
  const prefix = attribute + '=';
  let cands = '';
  for (const c of v.candidates[i] as string[]) {
    if (!c.startsWith(prefix)) continue;
    if (k < MAX_FEATURES - 2) out[k++] = hashOf2(56, x, c);
    cands += c.slice(prefix.length) + ',';
  }
  out[k++] = hashOf2(57, x, cands);
  return k;
}

/** The noun an article or adjective agrees with: the first NOUN/PROPN after it within its phrase, or -1. */
export function agreementHead(upos: readonly string[], i: number): number {
  const u = upos[i] as string;
  if (u !== 'DET' && u !== 'ADJ' && u !== 'PRON' && u !== 'NUM') return -1;
  for (let j = i + 1; j < upos.length && j <= i + 5; j++) {
    const uj = upos[j] as string;
    if (uj === 'NOUN' || uj === 'PROPN') return j;
    if (uj !== 'ADJ' && uj !== 'ADV' && uj !== 'DET' && uj !== 'NUM') return -1;
  }
  return -1;
}

/**
 * Features of the attribute classifiers from the context, the same for every attribute: neighbours and
 * the article or preposition before the word (they settle case, number and gender).
 */
export function featsContextFeatures(
  v: SentenceView,
  i: number,
  xpos: readonly string[],
  out: Uint32Array,
  k: number,
): number {
  const n = v.words.length;
  const x = xpos[i] as string;
  out[k++] = hashOf2(47, i > 0 ? (v.lower[i - 1] as string) : START, x);
  out[k++] = hashOf2(48, i > 0 ? (xpos[i - 1] as string) : START, x);
  out[k++] = hashOf2(49, i + 1 < n ? (v.lower[i + 1] as string) : END, x);
  out[k++] = hashOf2(50, i + 1 < n ? (xpos[i + 1] as string) : END, x);
  out[k++] = hashOf2(51, i > 1 ? (v.lower[i - 2] as string) : START, x);
  for (let j = i - 1, seen = 0; j >= 0 && j >= i - 4 && seen < 2; j--) {
    const t = xpos[j] as string;
    if (t === 'ART' || t === 'PDAT' || t === 'PPOSAT' || t === 'PIAT' || t === 'APPR' || t === 'APPRART') {
      out[k++] = hashOf2(52 + seen, t, v.lower[j] as string);
      out[k++] = hashOf2(54 + seen, x + t, v.lower[j] as string);
      seen++;
    }
  }
  return k;
}

/** The lexicon values of the noun an article or adjective agrees with, for one attribute. */
export function featsHeadFeatures(
  v: SentenceView,
  i: number,
  xpos: readonly string[],
  head: number,
  attribute: string,
  out: Uint32Array,
  k: number,
): number {
  if (head < 0) return k;
  const x = xpos[i] as string;
  const prefix = attribute + '=';
  out[k++] = hashOf2(59, x, (v.lower[head] as string).slice(-3));
  for (const c of v.candidates[head] as string[]) {
    if (c.startsWith(prefix) && k < MAX_FEATURES - 2) out[k++] = hashOf2(60, x, c);
  }
  return k;
}

export function lemmaFeatures(word: string, upos: string, xpos: string, out: Uint32Array): number {
  const w = word.toLowerCase();
  let k = 0;
  out[k++] = hashOf(70, xpos);
  out[k++] = hashOf(71, upos);
  for (let s = 1; s <= 5; s++) out[k++] = hashOf2(71 + s, xpos, w.length > s ? w.slice(-s) : '#' + w);
  out[k++] = hashOf2(77, xpos, /^\p{Lu}/u.test(word) ? 'U' : 'l');
  out[k++] = hashOf(78, w);
  return k;
}

export interface MorphManifest {
  version: 1;
  tagLabels: string[];
  attributes: string[];
  /** XPOS → attributes predicted for it. */
  allowed: Record<string, string[]>;
  /** Frequent words that training saw with one joint tag only: tagged without scoring (a speed-up). */
  tagDictionary: Record<string, string>;
  /** "form\tUPOS" → lemma, for the forms training saw (closed classes, frequent words). */
  lemmaMemory: Record<string, string>;
  /** Byte ranges of the perceptrons in the file, after the manifest. */
  parts: Record<string, [number, number]>;
  trainedOn: string;
}

export interface TaggedToken {
  upos: string;
  xpos: string;
  feats: string;
  lemma: string;
}

/** Coarse lexicon POS of a UPOS/XPOS pair, for lemma look-up. */
function lexiconPos(upos: string, xpos: string): Analysis['pos'] | null {
  if (upos === 'NOUN') return 'N';
  if (upos === 'VERB' || upos === 'AUX') return 'V';
  if (upos === 'ADJ') return xpos === 'VVPP' ? 'V' : 'A';
  return null;
}

/**
 * Adverbs the morphology lexicon does not list (data/lexicons/de/adverbs.txt): tagged ADV as the tag
 * dictionary would, also capitalised at a sentence's start, where the tagger took some for nouns.
 */
const ADVERBS = readWordSet('lexicons/de/adverbs.txt');

function adverbLabel(word: string): string | null {
  const lower = word.toLowerCase();
  return ADVERBS.has(lower) && (word === lower || word === lower[0]!.toUpperCase() + lower.slice(1)) ? 'ADV|ADV' : null;
}

/** Per word type: its tag-dictionary entry and the scores and lemmas worked out for it so far. */
interface WordCache {
  dictionary: string | null;
  tag: Float64Array | null;
  /**
   * By joint label (UPOS and STTS tag: the word features read both, so a word tagged NN as NOUN here and
   * as PROPN there needs two entries): the word-only feature scores of each planned attribute.
   */
  feats: Map<string, Float64Array[]> | null;
  /** By joint label. */
  lemmas: Map<string, string> | null;
}

interface FeatStep {
  attribute: string;
  model: CompiledPerceptron;
  scores: Float64Array;
  offset: number;
  /** "Attr=Value" for each label of the model ("" for none), built once. */
  parts: string[];
}

export class MorphTagger {
  private readonly features = new Uint32Array(MAX_FEATURES * 2);
  private readonly tagScores: Float64Array;

  constructor(
    readonly manifest: MorphManifest,
    private readonly tags: CompiledPerceptron,
    private readonly featModels: ReadonlyMap<string, CompiledPerceptron>,
    private readonly lemmaModel: CompiledPerceptron,
    readonly lexicon: Lexicon | null,
  ) {
    this.tagScores = new Float64Array(tags.labels.length);
    this.lemmaScores = new Float64Array(lemmaModel.labels.length);
    this.mergedFeats = mergePerceptrons(featModels);
    this.labelUpos = tags.labels.map((l) => this.uposOf(l));
    this.labelXpos = tags.labels.map((l) => this.xposOf(l));
    this.participleLabel = this.labelXpos.findIndex((x, l) => x === 'VVPP' && this.labelUpos[l] === 'VERB');
    this.finiteLabel = this.labelXpos.findIndex((x, l) => x === 'VVFIN' && this.labelUpos[l] === 'VERB');
    this.truncLabel = tags.labels.find((l) => l === 'NOUN|TRUNC') ?? null;
    this.modalLabel = tags.labels.indexOf('AUX|VMFIN');
    this.nounLabel = tags.labels.indexOf('NOUN|NN');
    this.nameLabel = tags.labels.indexOf('PROPN|NE');
    this.infinitiveLabel = tags.labels.indexOf('VERB|VVINF');
    this.adverbLabel = tags.labels.indexOf('ADV|ADV');
    this.whileLabel = tags.labels.indexOf('SCONJ|KOUS');
    this.sharedFeatScores = new Float64Array(this.mergedFeats.model.labels.length);
  }

  /** What the tagger has worked out for each word type (bounded, cleared when full). */
  private readonly wordCaches = new BoundedWordMap<WordCache>();

  private cacheOf(word: string): WordCache {
    let cache = this.wordCaches.get(word);
    if (!cache) {
      const known = this.manifest.tagDictionary[word] ?? adverbLabel(word);
      cache = { dictionary: known, tag: null, feats: null, lemmas: null };
      this.wordCaches.set(word, cache);
    }
    return cache;
  }

  /** Summed weights of the word's word-only tag features. */
  private wordScores(v: SentenceView, i: number, cache: WordCache): Float64Array {
    if (!cache.tag) {
      cache.tag = new Float64Array(this.tags.labels.length);
      this.tags.score(this.wordFeatures, tagWordFeatures(v, i, this.wordFeatures), cache.tag);
    }
    return cache.tag;
  }

  private readonly wordFeatures = new Uint32Array(MAX_FEATURES);
  /** The UPOS and STTS halves of each joint label. */
  private readonly labelUpos: string[];
  private readonly labelXpos: string[];
  /** The label of a full verb's participle (VERB/VVPP), or -1. */
  private readonly participleLabel: number;
  /** The label of a full verb's finite form (VERB/VVFIN), or -1. */
  private readonly finiteLabel: number;
  /** The labels of a finite modal (AUX/VMFIN) and a full verb's infinitive (VERB/VVINF), or -1. */
  private readonly modalLabel: number;
  /** The label of a common noun (NOUN/NN), or -1. */
  private readonly nounLabel: number;
  /** The label of a subordinating conjunction (SCONJ/KOUS), or -1. */
  private readonly whileLabel: number;
  /** The label of a proper name (PROPN/NE), or -1. */
  private readonly nameLabel: number;
  private readonly infinitiveLabel: number;
  /** The label of an adverb (ADV/ADV), or -1. */
  private readonly adverbLabel: number;
  /** The joint label of a truncated compound part, if the model has it. */
  private readonly truncLabel: string | null;

  private uposOf(label: string): string {
    return label.slice(0, label.indexOf('|'));
  }

  private xposOf(label: string): string {
    return label.slice(label.indexOf('|') + 1);
  }

  /** Summed weights of the tag-history features per (previous tag, tag before it). */
  private readonly historyCache = new Map<string, Map<string, Float64Array>>();

  private historyScores(p1: string, p2: string): Float64Array {
    let byP2 = this.historyCache.get(p1);
    if (!byP2) this.historyCache.set(p1, (byP2 = new Map()));
    let cached = byP2.get(p2);
    if (!cached) {
      cached = new Float64Array(this.tags.labels.length);
      this.tags.score(this.wordFeatures, tagHistoryFeatures(p1, p2, this.wordFeatures, 0), cached);
      byP2.set(p2, cached);
    }
    return cached;
  }
  private readonly lemmaScores: Float64Array;

  static fromBuffer(buffer: Buffer, lexicon: Lexicon | null): MorphTagger {
    const length = buffer.readUInt32LE(0);
    const manifest = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8')) as MorphManifest;
    const base = 4 + length;
    const part = (name: string): CompiledPerceptron => {
      const [a, b] = manifest.parts[name] ?? [0, 0];
      return CompiledPerceptron.fromBuffer(buffer.subarray(base + a, base + b));
    };
    const featModels = new Map(manifest.attributes.map((a) => [a, part(`feat:${a}`)] as const));
    return new MorphTagger(manifest, part('tags'), featModels, part('lemma'), lexicon);
  }

  /**
   * Tag one sentence of words. `truncated` holds the positions of words the text writes as the first part
   * of a truncated compound ("Militär" in "Militär- und Polizeibeamten"; the caller sees the hyphen touch
   * it): they are TRUNC, which the model, having seen eight in training, rarely finds for a known noun.
   */
  tagSentence(words: readonly string[], truncated?: ReadonlySet<number>): TaggedToken[] {
    const v = viewSentence(words, this.lexicon);
    const n = words.length;
    const upos: string[] = new Array(n);
    const xpos: string[] = new Array(n);
    const labels: string[] = new Array(n);
    const caches: WordCache[] = new Array(n);
    for (let i = 0; i < n; i++) caches[i] = this.cacheOf(words[i] as string);
    for (let i = 0; i < n; i++) {
      const cache = caches[i] as WordCache;
      const known = truncated?.has(i) && this.truncLabel ? this.truncLabel : cache.dictionary;
      if (known !== null) {
        labels[i] = known;
        upos[i] = this.uposOf(known);
        xpos[i] = this.xposOf(known);
        continue;
      }
      const p1 = i > 0 ? (labels[i - 1] as string) : START;
      const p2 = i > 1 ? (labels[i - 2] as string) : START;
      const count = tagContextFeatures(v, i, p1, p2, this.features, 0);
      const scores = this.tagScores;
      scores.set(this.wordScores(v, i, cache));
      const history = this.historyScores(p1, p2);
      for (let l = 0; l < scores.length; l++) scores[l]! += history[l] as number;
      this.tags.score(this.features, count, scores);
      const best = this.tags.best(this.tagScores);
      labels[i] = this.tags.labels[best] as string;
      upos[i] = this.labelUpos[best] as string;
      xpos[i] = this.labelXpos[best] as string;
    }
    const state: TagState = { words, signature: v.signature, labels, upos, xpos };
    this.perfectParticiples(state);
    this.pastPassiveParticiples(state);
    this.modalsWithInfinitive(state);
    this.firstNounReadAsAdverb(state);
    this.secondPositionVerb(state);
    this.asFollows(state);
    this.finiteInfinitives(state);
    this.whileClause(state);
    const out: TaggedToken[] = new Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = {
        upos: upos[i] as string,
        xpos: xpos[i] as string,
        feats: this.featsOf(v, i, upos, xpos, labels[i] as string, caches[i] as WordCache),
        lemma: this.cachedLemma(
          words[i] as string,
          labels[i] as string,
          upos[i] as string,
          xpos[i] as string,
          caches[i] as WordCache,
        ),
      };
    }
    return out;
  }

  private featsOf(
    v: SentenceView,
    i: number,
    upos: string[],
    xpos: string[],
    label: string,
    wordCache: WordCache,
  ): string {
    const u = upos[i] as string;
    const x = xpos[i] as string;
    const plan = this.featPlan(x);
    if (plan.length === 0) return '_';
    const head = agreementHead(upos, i);
    const byTag = (wordCache.feats ??= new Map());
    let cached = byTag.get(label);
    if (!cached) {
      cached = plan.map(({ attribute, model }) => {
        const scores = new Float64Array(model.labels.length);
        model.score(this.wordFeatures, featsWordFeatures(v, i, u, x, attribute, this.wordFeatures), scores);
        return scores;
      });
      byTag.set(label, cached);
    }
    let out = '';
    // The context features are the same for every attribute: score them once, in the merged table.
    const shared = featsContextFeatures(v, i, xpos, this.features, 0);
    const sharedScores = this.sharedFeatScores;
    sharedScores.fill(0);
    this.mergedFeats.model.score(this.features, shared, sharedScores);
    // The plan is in UD order, so the feature string comes out sorted.
    for (let a = 0; a < plan.length; a++) {
      const { attribute, model, scores, offset, parts } = plan[a]!;
      scores.set(cached[a] as Float64Array);
      for (let l = 0; l < scores.length; l++) scores[l]! += sharedScores[offset + l] as number;
      if (head >= 0)
        model.score(this.features, featsHeadFeatures(v, i, xpos, head, attribute, this.features, 0), scores);
      const part = parts[model.best(scores)] as string;
      if (part !== '') out = out === '' ? part : out + '|' + part;
    }
    return out || '_';
  }

  /** For each STTS tag, the attribute classifiers to run, with their scratch space and merged-table offset. */
  private readonly featPlans = new Map<string, FeatStep[]>();

  private featPlan(xpos: string): FeatStep[] {
    let plan = this.featPlans.get(xpos);
    if (!plan) {
      plan = (this.manifest.allowed[xpos] ?? []).flatMap((attribute) => {
        const model = this.featModels.get(attribute);
        const offset = this.mergedFeats.offset.get(attribute);
        if (!model || offset === undefined) return [];
        const scores = new Float64Array(model.labels.length);
        const parts = model.labels.map((value) => (value === '_' ? '' : `${attribute}=${value}`));
        return [{ attribute, model, scores, offset, parts }];
      });
      this.featPlans.set(xpos, plan);
    }
    return plan;
  }

  /** All attribute models in one table (labels offset per attribute), for the features they share. */
  private readonly mergedFeats: { model: CompiledPerceptron; offset: ReadonlyMap<string, number> };
  private readonly sharedFeatScores: Float64Array;

  /** Lemmas depend on the word and its tags only: remember them per word type. */
  private cachedLemma(word: string, label: string, upos: string, xpos: string, cache: WordCache): string {
    const byTag = (cache.lemmas ??= new Map());
    let lemma = byTag.get(label);
    if (lemma === undefined) byTag.set(label, (lemma = this.lemmaOf(word, upos, xpos)));
    return lemma;
  }

  /**
   * A participle the tagger read as an adverbial adjective in a clause whose auxiliary is "haben" ("Die
   * Zeitung hatte gestern berichtet, …", "…, weil sie berichtet hatte"): "haben" takes no adjective
   * predicate, so a form the lexicon also knows as a participle is the perfect's participle.
   */
  private perfectParticiples(state: TagState): void {
    const { words, signature, xpos } = state;
    const n = words.length;
    for (let i = 0; i < n; i++) {
      if (xpos[i] !== 'ADJD' || !(signature[i] as string).includes('V.Part')) continue;
      const next = i + 1 < n ? (xpos[i + 1] as string) : '$.';
      let perfect = false;
      if (next.startsWith('$') || next.startsWith('V')) {
        // The auxiliary before it in its clause ("hatte … berichtet") or right after it ("berichtet hatte").
        if (HABEN.has((words[i + 1] ?? '').toLowerCase())) perfect = true;
        for (let j = i - 1; j >= 0 && !perfect && !(xpos[j] as string).startsWith('$') && xpos[j] !== 'KON'; j--)
          if (xpos[j] === 'VAFIN' && HABEN.has((words[j] as string).toLowerCase())) perfect = true;
      }
      if (perfect) this.retagVerb(state, i, this.participleLabel, 'VVPP');
    }
  }

  /**
   * An infinitive in a clause whose auxiliary is a past form of "werden" ("wurden … überfallen",
   * "erschlagen worden"): the past of "werden" takes no infinitive, so a form the lexicon also knows as a
   * participle is the passive's participle.
   */
  private pastPassiveParticiples(state: TagState): void {
    const { words, signature, xpos } = state;
    const n = words.length;
    for (let i = 0; i < n; i++) {
      if (xpos[i] !== 'VVINF' || !(signature[i] as string).includes('V.Part')) continue;
      if ((words[i - 1] ?? '').toLowerCase() === 'zu') continue;
      let passive = PAST_WERDEN.has((words[i + 1] ?? '').toLowerCase());
      // Back to the clause's start: a comma, a full stop or a conjunction (a hyphen or bracket is inside it).
      for (let j = i - 1; j >= 0 && !passive && xpos[j] !== '$,' && xpos[j] !== '$.' && xpos[j] !== 'KON'; j--) {
        if ((xpos[j] as string).startsWith('VM')) break;
        if (xpos[j] === 'VAFIN' && PAST_WERDEN.has((words[j] as string).toLowerCase())) passive = true;
      }
      if (passive) this.retagVerb(state, i, this.participleLabel, 'VVPP');
    }
  }

  /**
   * A modal the tagger read as a full verb, with a verb that can be an infinitive later in its clause
   * ("Solana will sich in Kinshasa mit Kabila treffen", both read as finite): the modal is VMFIN and governs
   * the infinitive, as the treebank tags it — and as the events' modality needs it.
   */
  private modalsWithInfinitive(state: TagState): void {
    const { words, signature, xpos } = state;
    const n = words.length;
    for (let t = 0; t < n; t++) {
      if (xpos[t] !== 'VVFIN' || !MODAL_FORMS.has((words[t] as string).toLowerCase())) continue;
      let verb = -1;
      for (let u = t + 1; u < n && xpos[u] !== '$,' && xpos[u] !== '$.' && xpos[u] !== 'KON'; u++)
        if ((xpos[u] as string).startsWith('VV') && (signature[u] as string).includes('V.Inf')) verb = u;
      if (verb < 0 || this.modalLabel < 0 || this.infinitiveLabel < 0) continue;
      state.labels[t] = this.tags.labels[this.modalLabel] as string;
      state.upos[t] = 'AUX';
      xpos[t] = 'VMFIN';
      this.retagVerb(state, verb, this.infinitiveLabel, 'VVINF');
    }
  }

  /**
   * A sentence's first word, capitalised, that the lexicon lists as written only as a noun, read as an
   * adverb ("Papst Benedikt XVI. will …" — sentences often start with an adverb, so the model leans to it):
   * a noun. Nouns that are also adverbs of time or manner ("Morgen", "Abends", "Mal") stay as read.
   */
  private firstNounReadAsAdverb(state: TagState): void {
    const word = state.words[0];
    if (!word || state.xpos[0] !== 'ADV' || this.nounLabel < 0 || !/^\p{Lu}/u.test(word)) return;
    if (ADVERB_NOUNS.has(word.toLowerCase())) return;
    // "Milinkewitsch kritisierte …": a word no list knows, before the finite verb, names someone.
    if (!this.lexicon?.has(word)) {
      const lower = word.toLowerCase();
      const unknown =
        !ADVERB_SHAPE.test(lower) &&
        !SENTENCE_STARTERS.has(word) &&
        !SENTENCE_STARTERS.has(word.replace(/ss/g, 'ß')) &&
        !this.lexicon?.has(lower) &&
        this.manifest.tagDictionary[word] === undefined &&
        this.manifest.tagDictionary[lower] === undefined &&
        adverbLabel(lower) === null;
      if (unknown && this.nameLabel >= 0 && (state.xpos[1] ?? '').endsWith('FIN') && !/[-.]/.test(word)) {
        state.labels[0] = this.tags.labels[this.nameLabel] as string;
        state.upos[0] = 'PROPN';
        state.xpos[0] = 'NE';
      }
      return;
    }
    const cls = this.lexicon.lookup(word);
    if (cls?.signature !== 'N') return;
    // A genitive alone is a conjunction or preposition at a sentence's start: "Falls", "Angesichts", "Namens".
    if (!cls.featureCandidates.some((f) => /^Case=(Nom|Acc|Dat)$/.test(f))) return;
    state.labels[0] = this.tags.labels[this.nounLabel] as string;
    state.upos[0] = 'NOUN';
    state.xpos[0] = 'NN';
  }

  /**
   * A verb form in "-t" right after a sentence's first noun phrase, read as an adjective or participle, with
   * a noun phrase after it and no finite verb before it: the finite verb in second position ("Der
   * Ausnahmezustand untersagt Versammlungen", "Die Regierung untersagt alle Versammlungen"). A headline's
   * participle stands last or before a phrase with a preposition ("Mann in Berlin verhaftet").
   */
  private secondPositionVerb(state: TagState): void {
    const { words, signature, xpos } = state;
    let j = 0;
    while (j < xpos.length && /^(ART|PDAT|PPOSAT|PIAT|ADJA|CARD)$/.test(xpos[j] as string)) j++;
    const head = j;
    while (j < xpos.length && (xpos[j] === 'NN' || xpos[j] === 'NE')) j++;
    if (j === head || j + 1 >= xpos.length) return;
    if (xpos[j] !== 'ADJD' && xpos[j] !== 'VVPP') return;
    if (!/t$/.test(words[j] as string) || !(signature[j] as string).includes('V.Fin')) return;
    if (!/^(ART|PDAT|PPOSAT|PIAT|ADJA|CARD|NN|NE)$/.test(xpos[j + 1] as string)) return;
    // Not where an auxiliary makes it the participle: "Die Stadt bekannt … hat".
    if (xpos.some((x) => x === 'VAFIN' || x === 'VMFIN')) return;
    this.retagVerb(state, j, this.finiteLabel, 'VVFIN');
  }

  /**
   * "wie folgt" before a colon or a verb ("wird wie folgt zitiert:", "begründete seine Entscheidung wie
   * folgt:") is a fixed adverbial; read as a finite verb it would head the sentence in the parse.
   */
  private asFollows(state: TagState): void {
    const { words, xpos } = state;
    if (this.adverbLabel < 0) return;
    for (let i = 1; i < words.length; i++) {
      if (words[i] !== 'folgt' || (words[i - 1] as string).toLowerCase() !== 'wie') continue;
      const next = xpos[i + 1] ?? '$.';
      if (next !== '$.' && next !== '$(' && !next.startsWith('V')) continue;
      state.labels[i] = this.tags.labels[this.adverbLabel] as string;
      state.upos[i] = 'ADV';
      xpos[i] = 'ADV';
    }
  }

  /**
   * "Während der Experte … die Genehmigung begrüßte, …": "während" opening a clause that ends in a finite
   * verb before its comma is the conjunction, not the preposition ("Während der Sitzung …").
   */
  private whileClause(state: TagState): void {
    const { words, xpos } = state;
    if (this.whileLabel < 0) return;
    for (let i = 0; i < words.length; i++) {
      if (xpos[i] !== 'APPR' || (words[i] as string).toLowerCase() !== 'während') continue;
      if (i > 0 && !/^[,;:„“"(–-]$/.test(words[i - 1] as string)) continue;
      // Its first finite verb ends the clause (past commas of an apposition): "…, Henning von Storch, … begrüßte,".
      let verb = i + 2;
      while (verb < words.length && !(xpos[verb] as string).endsWith('FIN')) verb++;
      if (verb + 1 >= words.length || words[verb + 1] !== ',') continue;
      state.labels[i] = this.tags.labels[this.whileLabel] as string;
      state.upos[i] = 'SCONJ';
      xpos[i] = 'KOUS';
    }
  }

  /** Token `t` becomes a full verb with tag label `label` (STTS `stts`); nothing when the model lacks it. */
  private retagVerb(state: TagState, t: number, label: number, stts: string): void {
    if (label < 0) return;
    state.labels[t] = this.tags.labels[label] as string;
    state.upos[t] = 'VERB';
    state.xpos[t] = stts;
  }

  /**
   * A verb the tagger read as an infinitive in a clause without any finite verb is the clause's finite
   * verb when its form can be one ("Für den Wirt entstehen dabei nur Kosten", plural present = infinitive
   * form) — unless an auxiliary or modal earlier in the sentence still waits for its infinitive ("können
   * Ausländer, die … wohnen, einen Pass bekommen") or a verb or "zu" follows it in its clause.
   */
  private finiteInfinitives(state: TagState): void {
    const { words, signature, xpos } = state;
    const n = words.length;
    let start = 0;
    let waiting = false; // an auxiliary or modal whose infinitive or participle has not come yet
    for (let i = 0; i <= n; i++) {
      if (i < n && xpos[i] !== '$,' && xpos[i] !== '$.') continue;
      let finite = false;
      for (let t = start; t < i; t++) if ((xpos[t] as string).endsWith('FIN')) finite = true;
      for (let t = start; t < i; t++) {
        const x = xpos[t] as string;
        if (/^V[AM]FIN$/.test(x)) waiting = true;
        else if (/^V.(INF|PP|IZU)$/.test(x)) {
          // The infinitive a waiting modal governs, across the clause set between them, stays one.
          const governed = waiting && !finite;
          waiting = false;
          if (governed) continue;
        }
        if (x !== 'VVINF' || finite || t === start || xpos[t - 1] === 'PTKZU') continue;
        if (!(signature[t] as string).includes('V.Fin')) continue;
        let verbAfter = false;
        for (let u = t + 1; u < i && !verbAfter; u++)
          verbAfter = (xpos[u] as string).startsWith('V') || xpos[u] === 'PTKZU';
        if (verbAfter) continue;
        this.retagVerb(state, t, this.finiteLabel, 'VVFIN');
      }
      start = i + 1;
    }
  }

  /**
   * The lexicon lists no zu-infinitives of separable verbs: "voranzutreiben" is "vorantreiben" with "zu"
   * after its particle. The infinitive without an inner "zu" that the lexicon knows as a verb, or null.
   */
  zuInfinitiveLemma(word: string): string | null {
    const lower = word.toLowerCase();
    if (!lower.endsWith('n')) return null;
    for (let i = lower.indexOf('zu', 2); i > 0 && i < lower.length - 3; i = lower.indexOf('zu', i + 1)) {
      const particle = lower.slice(0, i);
      const base = lower.slice(i + 2);
      const joined = particle + base;
      if ((this.lexicon?.lemmas(joined, 'V') ?? []).includes(joined)) return joined;
      // A particle verb the lexicon lacks ("vorantreiben"): a separable particle and a verb it knows.
      if (SEPARABLE_PARTICLE.test(particle) && (this.lexicon?.lemmas(base, 'V') ?? []).includes(base)) return joined;
    }
    return null;
  }

  lemmaOf(word: string, upos: string, xpos: string): string {
    const memory = this.manifest.lemmaMemory;
    const known = memory[`${word}\t${upos}`] ?? memory[`${word.toLowerCase()}\t${upos}`];
    if (known !== undefined) return known;
    if (upos === 'ADV' && ADVERBS.has(word.toLowerCase())) return word.toLowerCase();
    const pos = lexiconPos(upos, xpos);
    if (pos && this.lexicon) {
      const candidates = this.lexicon.lemmas(word, pos);
      if (candidates.length > 0) return candidates[0] as string;
      if (pos === 'V') {
        const infinitive = this.zuInfinitiveLemma(word);
        if (infinitive) return infinitive;
      }
    }
    if (upos === 'PUNCT' || upos === 'NUM' || upos === 'SYM' || upos === 'X' || upos === 'PROPN') return word;
    const count = lemmaFeatures(word, upos, xpos, this.features);
    const scores = this.lemmaScores;
    scores.fill(0);
    this.lemmaModel.score(this.features, count, scores);
    const lemma = applyLemmaScript(word, this.lemmaModel.labels[this.lemmaModel.best(scores)] as string);
    return lemma || word;
  }
}

/** A tagged sentence, as the grammar rules after the tagger read and correct it. */
interface TagState {
  words: readonly string[];
  /** Lexicon signature of each word ("A.base+V.Part", "?"). */
  signature: readonly string[];
  labels: string[];
  upos: string[];
  xpos: string[];
}

/** Past forms of "werden", which take a participle, never an infinitive. */
export const PAST_WERDEN: ReadonlySet<string> = new Set(['wurde', 'wurden', 'wurdest', 'wurdet', 'worden']);

/** Finite forms of "haben", the perfect's auxiliary. */
const HABEN = new Set([
  'hat',
  'hatte',
  'hatten',
  'haben',
  'habe',
  'hätte',
  'hätten',
  'hast',
  'hattest',
  'habt',
  'hattet',
  'habest',
]);

/** Separable verb particles, alone or stacked ("voran", "hinaus", "wieder"), that "zu" follows in a zu-infinitive. */
const SEPARABLE_PARTICLE =
  /^(ab|an|auf|aus|bei|ein|fest|fort|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen|weiter|wieder|voran|vorbei|voraus|vorweg|heran|heraus|herein|herunter|herauf|herbei|hervor|hinaus|hinein|hinzu|hinunter|hinauf|hinweg|entgegen|nieder|um|durch|über|unter|dar|bereit|bekannt|frei|klar|statt|teil|hoch|offen|sicher|stand|kennen|fehl|gegenüber|gleich|empor)$/;

/** One table holding several models' weights, each model's labels shifted by its offset. */
function mergePerceptrons(models: ReadonlyMap<string, CompiledPerceptron>): {
  model: CompiledPerceptron;
  offset: ReadonlyMap<string, number>;
} {
  const offset = new Map<string, number>();
  const labels: string[] = [];
  const runs = new Map<number, Array<[number, number]>>();
  for (const [name, m] of models) {
    offset.set(name, labels.length);
    const base = labels.length;
    for (const l of m.labels) labels.push(`${name}=${l}`);
    for (let s = 0; s < m.keys.length; s++) {
      const key = m.keys[s] as number;
      if (key === 0xffffffff) continue;
      let run = runs.get(key);
      if (!run) runs.set(key, (run = []));
      const start = m.runStart[s] as number;
      for (let e = start; e < start + (m.runLength[s] as number); e++) {
        run.push([base + (m.entryLabel[e] as number), m.entryWeight[e] as number]);
      }
    }
  }
  return { model: CompiledPerceptron.fromRuns(labels, runs), offset };
}

let loaded: MorphTagger | null | undefined;

/** The shipped model, loaded once; null when models/ has none (before the first `npm run train`). */
export function loadMorphTagger(): MorphTagger | null {
  if (loaded !== undefined) return loaded;
  loaded = existsSync(MORPH_MODEL_PATH) ? MorphTagger.fromBuffer(readFileSync(MORPH_MODEL_PATH), loadLexicon()) : null;
  return loaded;
}

/** Finite forms of the modal verbs ("mögen" and "möchte" included), which take an infinitive. */
const MODAL_FORMS: ReadonlySet<string> = new Set(
  (
    'will willst wollen wollt wollte wolltest wollten wolltet wolle wollest ' +
    'soll sollst sollen sollt sollte solltest sollten solltet solle ' +
    'muss musst müssen müsst musste musstest mussten musstet müsse müsste müssten ' +
    'kann kannst können könnt konnte konntest konnten konntet könne könnte könnten ' +
    'darf darfst dürfen dürft durfte durften dürfe dürfte dürften ' +
    'mag magst mögen mögt mochte mochten möge möchte möchtest möchten'
  ).split(' '),
);

/**
 * Words shaped as adverbs: "Typischerweise", "Einerseits", "Allerdings", "Damals", and "hier/da/wo" with a
 * preposition ("Hierzu", "Hierdurch", "Woraufhin").
 */
const ADVERB_SHAPE =
  /(?:weise|seits|dings|mals|wärts|falls|halber|maßen)$|^(?:hie|da|wo)r?(?:an|auf|aus|bei|durch|für|gegen|hin|in|mit|nach|neben|über|um|unter|von|vor|zu|zwischen)(?:hin)?$/;

/** Nouns that are also adverbs, capitalised at a sentence's start ("Morgen kommt er", "Abends …"). */
const ADVERB_NOUNS: ReadonlySet<string> = new Set(
  'morgen abends morgens mittags nachts anfangs teils mal heim weg fest zeit dank kraft laut statt'.split(' '),
);
