/**
 * Named-entity tagger: greedy left-to-right BIO tagging with an averaged perceptron, in GermEval 2014's
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
import { GAZ, loadGazetteer, type Gazetteer } from './gazetteer.js';

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
}

const PAD = 2;
const FLAG_NAMES: Array<[number, string]> = Object.entries(GAZ).map(([name, bit]) => [bit, name]);

export function viewNer(input: NerInput, lexicon: Lexicon | null, gazetteer: Gazetteer): NerView {
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
    const hyphen = form.indexOf('-');
    if (hyphen > 0) v.gazPart[at] = gazetteer.lookupWord(lower[i]!.slice(0, hyphen));
    const l = lower[i]!;
    if (l.length > 4 && l.endsWith('er'))
      v.gazPlaceAdjective[at] = gazetteer.lookup(l.slice(0, -2)) | gazetteer.lookup(l.slice(0, -1));
  }
  const begin = new Uint16Array(n);
  const inside = new Uint16Array(n);
  gazetteer.match(lower, begin, inside);
  v.gazBegin.set(begin, PAD);
  v.gazInside.set(inside, PAD);
  return v;
}

function flagString(flags: number): string {
  let s = '';
  for (let b = 0; b < FLAG_NAMES.length; b++) if (flags & (1 << b)) s += String.fromCharCode(65 + b);
  return s;
}

export function nerFeatures(v: NerView, i: number, p1: string, p2: string, out: Uint32Array): number {
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
    if (inside & bit) out[k++] = hashOf2(26, name, p1);
  }
  const placeAdjective = v.gazPlaceAdjective[at] as number;
  if (placeAdjective) out[k++] = hashOf2(27, flagString(placeAdjective), upper ? 'U' : 'l');
  // Label history.
  out[k++] = hashOf(30, p1);
  out[k++] = hashOf2(31, p2, p1);
  out[k++] = hashOf2(32, p1, lower);
  out[k++] = hashOf2(33, p1, shape);
  out[k++] = hashOf2(34, p1, xp);
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
  // Quoted titles and names after a quotation mark.
  const before = v.forms[at - 1] as string;
  if (before === '"' || before === '„' || before === '»' || before === '“') out[k++] = hashOf2(40, 'quote', sig);
  return k;
}

/** Allowed label sequences: I-X only continues B-X or I-X. */
export function allowed(previous: string, label: string): boolean {
  if (label.charCodeAt(0) !== 73 /* I */) return true;
  return previous.length > 2 && previous.slice(2) === label.slice(2);
}

export class NerTagger {
  private readonly features = new Uint32Array(MAX_NER_FEATURES);
  private readonly scores: Float64Array;

  constructor(
    readonly model: CompiledPerceptron,
    readonly lexicon: Lexicon | null,
    readonly gazetteer: Gazetteer,
  ) {
    this.scores = new Float64Array(model.labels.length);
  }

  tag(input: NerInput): string[] {
    const v = viewNer(input, this.lexicon, this.gazetteer);
    const labels = this.model.labels;
    const out: string[] = new Array(v.n);
    let p1 = '<s>';
    let p2 = '<s>';
    for (let i = 0; i < v.n; i++) {
      const count = nerFeatures(v, i, p1, p2, this.features);
      this.scores.fill(0);
      this.model.score(this.features, count, this.scores);
      let best = -1;
      for (let l = 0; l < labels.length; l++) {
        if (!allowed(p1, labels[l] as string)) continue;
        if (best < 0 || (this.scores[l] as number) > (this.scores[best] as number)) best = l;
      }
      const label = labels[best] as string;
      out[i] = label;
      p2 = p1;
      p1 = label;
    }
    return out;
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
