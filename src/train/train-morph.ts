/**
 * Trains the morphology model (tags, features, lemmas) from UD German training sentences.
 *
 * - Tags: joint UPOS|STTS label, averaged perceptron, greedy left to right, trained on its own
 *   predicted history; the epoch count is chosen on dev.
 * - Features: one averaged perceptron per UD attribute, over the words whose STTS tag carries that
 *   attribute in training. PUD words are left out for an attribute PUD annotates far less often than
 *   GSD for that UPOS (PUD has no VerbForm on finite verbs, for instance), so gaps are not learned as "_".
 * - Lemmas: memory of (form, UPOS) → lemma from training, then the lexicon, then edit scripts.
 *
 * Everything is deterministic: a seeded shuffle and insertion-ordered labels.
 */
import type { ConlluSentence, ConlluWord } from '../eval/conllu.js';
import { scoreMorph, type MorphScores } from '../eval/ud.js';
import { viewSentence } from '../morph/features.js';
import { lemmaScript } from '../morph/lemma-script.js';
import type { Lexicon } from '../morph/lexicon.js';
import { PerceptronTrainer, argmax, type CompiledPerceptron } from '../morph/perceptron.js';
import {
  MAX_FEATURES,
  MorphTagger,
  agreementHead,
  featsContextFeatures,
  featsHeadFeatures,
  featsWordFeatures,
  lemmaFeatures,
  tagFeatures,
  type MorphManifest,
} from '../morph/tagger.js';
import { isPudSentence, udToStts } from './stts.js';
import { shuffled } from './random.js';

export interface TrainingWord {
  form: string;
  upos: string;
  xpos: string;
  feats: Map<string, string>;
  lemma: string;
}

export interface TrainingSentence {
  pud: boolean;
  words: TrainingWord[];
}

export interface MorphTrainOptions {
  tagEpochs: number[];
  featEpochs: number;
  lemmaEpochs: number;
  seed: number;
  /** Averaged weights smaller than this are dropped from the compiled models (size and speed). */
  prune: number;
  /** (feature, label) pairs updated fewer times than this are dropped (mostly noise; size and speed). */
  minUpdates: number;
  log?: (line: string) => void;
}

type Pruning = Pick<MorphTrainOptions, 'prune' | 'minUpdates'>;

export const DEFAULT_MORPH_OPTIONS: MorphTrainOptions = {
  tagEpochs: [6, 9, 12, 15],
  featEpochs: 8,
  lemmaEpochs: 5,
  seed: 42,
  prune: 0.05,
  minUpdates: 1,
};

function parseFeats(feats: string): Map<string, string> {
  const m = new Map<string, string>();
  if (feats === '_' || feats === '') return m;
  for (const part of feats.split('|')) {
    const eq = part.indexOf('=');
    m.set(part.slice(0, eq), part.slice(eq + 1));
  }
  return m;
}

/**
 * Treebank sentences as training data, harmonised to GSD's conventions (our test set): PUD's tags become
 * STTS, and PUD's adverbially used adjectives, which PUD tags ADV where GSD tags ADJ (ADJD), become ADJ
 * when the lexicon knows the word only as an adjective and GSD does not use it as ADV more often.
 */
export function trainingSentences(
  sentences: readonly ConlluSentence[],
  lexicon: Lexicon | null = null,
): TrainingSentence[] {
  const gsdUse = new Map<string, number>(); // form → (#ADV − #ADJ) in GSD
  for (const s of sentences) {
    if (isPudSentence(s.id)) continue;
    for (const w of s.words) {
      if (w.upos === 'ADV') gsdUse.set(w.form, (gsdUse.get(w.form) ?? 0) + 1);
      if (w.upos === 'ADJ') gsdUse.set(w.form, (gsdUse.get(w.form) ?? 0) - 1);
    }
  }
  const adverbialAdjective = (w: ConlluWord): boolean =>
    w.upos === 'ADV' && lexicon?.lookup(w.form)?.signature === 'A.base' && (gsdUse.get(w.form) ?? 0) <= 0;
  return sentences.map((s) => {
    const pud = isPudSentence(s.id);
    return {
      pud,
      words: s.words.map((w, i) => {
        if (pud && adverbialAdjective(w)) {
          return { form: w.form, upos: 'ADJ', xpos: 'ADJD', feats: new Map([['Degree', 'Pos']]), lemma: w.lemma };
        }
        return {
          form: w.form,
          upos: pud ? gsdUpos(w) : w.upos,
          xpos: pud ? udToStts(w, s.words[i - 1]) : w.xpos,
          feats: parseFeats(w.feats),
          lemma: w.lemma,
        };
      }),
    };
  });
}

/** Day and month names: PROPN in GSD, NOUN in PUD. */
const CALENDAR_NAMES = new Set(
  'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Sonnabend Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(
    ' ',
  ),
);

/**
 * GSD's UPOS for a PUD word where the two treebanks differ by convention: comparative "als" is ADP in
 * GSD (CCONJ in PUD), "um" before a zu-infinitive ADP (SCONJ), day and month names PROPN (NOUN).
 */
function gsdUpos(w: ConlluWord): string {
  const lower = w.form.toLowerCase();
  if (w.upos === 'CCONJ' && lower === 'als') return 'ADP';
  if (w.upos === 'SCONJ' && lower === 'um') return 'ADP';
  if (w.upos === 'NOUN' && CALENDAR_NAMES.has(w.form)) return 'PROPN';
  return w.upos;
}

/** Which attributes each STTS tag carries (in ≥ 5 % of its training words), and where PUD may teach them. */
function attributeTables(data: TrainingSentence[]): {
  attributes: string[];
  allowed: Record<string, string[]>;
  pudTeaches: (upos: string, attribute: string) => boolean;
} {
  const xposCount = new Map<string, number>();
  const xposAttr = new Map<string, number>();
  const rate = { gsd: new Map<string, number>(), pud: new Map<string, number>() };
  const uposCount = { gsd: new Map<string, number>(), pud: new Map<string, number>() };
  const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  for (const s of data) {
    const src = s.pud ? 'pud' : 'gsd';
    for (const w of s.words) {
      if (!s.pud) inc(xposCount, w.xpos);
      inc(uposCount[src], w.upos);
      for (const a of w.feats.keys()) {
        if (!s.pud) inc(xposAttr, `${w.xpos}\t${a}`);
        inc(rate[src], `${w.upos}\t${a}`);
      }
    }
  }
  const allowed: Record<string, string[]> = {};
  const attributes = new Set<string>();
  // GSD's conventions are the target (our test set is GSD's), so GSD decides which tag carries what.
  for (const [key, n] of [...xposAttr].sort()) {
    const [xpos, attribute] = key.split('\t') as [string, string];
    if (n >= 3 && n / (xposCount.get(xpos) ?? 1) >= 0.05) {
      (allowed[xpos] ??= []).push(attribute);
      attributes.add(attribute);
    }
  }
  const share = (src: 'gsd' | 'pud', upos: string, a: string): number =>
    (rate[src].get(`${upos}\t${a}`) ?? 0) / Math.max(1, uposCount[src].get(upos) ?? 0);
  // UD orders features alphabetically ignoring case (Number before NumType); the tagger relies on it.
  const udOrder = (a: string, b: string): number => a.toLowerCase().localeCompare(b.toLowerCase());
  for (const list of Object.values(allowed)) list.sort(udOrder);
  return {
    attributes: [...attributes].sort(udOrder),
    allowed,
    pudTeaches: (upos, a) => {
      const gsd = share('gsd', upos, a);
      const pud = share('pud', upos, a);
      return pud >= 0.5 * gsd && gsd >= 0.5 * pud;
    },
  };
}

function trainTags(
  data: TrainingSentence[],
  lexicon: Lexicon | null,
  epochs: number,
  seed: number,
  checkpoint: (epoch: number, model: CompiledPerceptron) => void,
  checkpoints: readonly number[],
  pruning: Pruning,
): void {
  const trainer = new PerceptronTrainer();
  for (const s of data) for (const w of s.words) trainer.label(`${w.upos}|${w.xpos}`);
  const views = data.map((s) =>
    viewSentence(
      s.words.map((w) => w.form),
      lexicon,
    ),
  );
  const features = new Uint32Array(MAX_FEATURES);
  const scores = new Float64Array(trainer.labels.length);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const k of shuffled(data.length, seed + epoch)) {
      const s = data[k] as TrainingSentence;
      const v = views[k]!;
      let p1 = '<s>';
      let p2 = '<s>';
      for (let i = 0; i < s.words.length; i++) {
        const w = s.words[i] as TrainingWord;
        const count = tagFeatures(v, i, p1, p2, features);
        scores.fill(0);
        trainer.score(features, count, scores);
        const guess = argmax(scores);
        trainer.update(trainer.labelId(`${w.upos}|${w.xpos}`) as number, guess, features, count);
        p2 = p1;
        p1 = trainer.labels[guess] as string;
      }
    }
    if (checkpoints.includes(epoch)) checkpoint(epoch, trainer.compile(pruning.prune, pruning.minUpdates));
  }
}

function trainFeats(
  data: TrainingSentence[],
  lexicon: Lexicon | null,
  tables: ReturnType<typeof attributeTables>,
  epochs: number,
  seed: number,
  pruning: Pruning,
): Map<string, CompiledPerceptron> {
  const trainers = new Map(tables.attributes.map((a) => [a, new PerceptronTrainer()] as const));
  const views = data.map((s) =>
    viewSentence(
      s.words.map((w) => w.form),
      lexicon,
    ),
  );
  const features = new Uint32Array(MAX_FEATURES);
  for (const t of trainers.values()) t.label('_');
  for (const s of data) for (const w of s.words) for (const [a, v] of w.feats) trainers.get(a)?.label(v);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const k of shuffled(data.length, seed + 1000 + epoch)) {
      const s = data[k] as TrainingSentence;
      const v = views[k]!;
      const upos = s.words.map((w) => w.upos);
      const xpos = s.words.map((w) => w.xpos);
      s.words.forEach((w, i) => {
        const head = agreementHead(upos, i);
        for (const attribute of tables.allowed[w.xpos] ?? []) {
          if (s.pud && !tables.pudTeaches(w.upos, attribute)) continue;
          const trainer = trainers.get(attribute) as PerceptronTrainer;
          const word = featsWordFeatures(v, i, w.upos, w.xpos, attribute, features);
          const count = featsHeadFeatures(
            v,
            i,
            xpos,
            head,
            attribute,
            features,
            featsContextFeatures(v, i, xpos, features, word),
          );
          const scores = new Float64Array(trainer.labels.length);
          trainer.score(features, count, scores);
          trainer.update(trainer.labelId(w.feats.get(attribute) ?? '_') as number, argmax(scores), features, count);
        }
      });
    }
  }
  return new Map([...trainers].map(([a, t]) => [a, t.compile(pruning.prune, pruning.minUpdates)] as const));
}

function trainLemmas(
  data: TrainingSentence[],
  epochs: number,
  seed: number,
  pruning: Pruning,
): { model: CompiledPerceptron; memory: Record<string, string> } {
  const counts = new Map<string, Map<string, number>>();
  const trainer = new PerceptronTrainer();
  const features = new Uint32Array(MAX_FEATURES);
  for (const s of data) {
    for (const w of s.words) {
      const key = `${w.form}\t${w.upos}`;
      let m = counts.get(key);
      if (!m) counts.set(key, (m = new Map()));
      m.set(w.lemma, (m.get(w.lemma) ?? 0) + 1);
      trainer.label(lemmaScript(w.form, w.lemma));
    }
  }
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const k of shuffled(data.length, seed + 2000 + epoch)) {
      for (const w of (data[k] as TrainingSentence).words) {
        const count = lemmaFeatures(w.form, w.upos, w.xpos, features);
        const scores = new Float64Array(trainer.labels.length);
        trainer.score(features, count, scores);
        trainer.update(trainer.labelId(lemmaScript(w.form, w.lemma)) as number, argmax(scores), features, count);
      }
    }
  }
  const memory: Record<string, string> = {};
  for (const key of [...counts.keys()].sort()) {
    const best = [...counts.get(key)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    if (best) memory[key] = best[0];
  }
  return { model: trainer.compile(pruning.prune, pruning.minUpdates), memory };
}

/** Words seen at least 20 times, with one joint tag in at least 99.5 % of them. */
function tagDictionary(data: TrainingSentence[]): Record<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of data) {
    for (const w of s.words) {
      let m = counts.get(w.form);
      if (!m) counts.set(w.form, (m = new Map()));
      const label = `${w.upos}|${w.xpos}`;
      m.set(label, (m.get(label) ?? 0) + 1);
    }
  }
  const out: Record<string, string> = {};
  for (const form of [...counts.keys()].sort()) {
    const m = counts.get(form)!;
    let total = 0;
    for (const c of m.values()) total += c;
    const [label, top] = [...m].sort((a, b) => b[1] - a[1])[0] as [string, number];
    if (total >= 20 && top / total >= 0.995) out[form] = label;
  }
  return out;
}

export function packMorphModel(
  manifest: Omit<MorphManifest, 'parts'>,
  parts: ReadonlyMap<string, CompiledPerceptron>,
): Buffer {
  const buffers: Buffer[] = [];
  const ranges: Record<string, [number, number]> = {};
  let at = 0;
  for (const [name, model] of parts) {
    const b = model.toBuffer();
    const pad = Buffer.alloc((8 - (b.length % 8)) % 8);
    ranges[name] = [at, at + b.length];
    buffers.push(b, pad);
    at += b.length + pad.length;
  }
  const head = Buffer.from(JSON.stringify({ ...manifest, parts: ranges }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return Buffer.concat([len, head, ...buffers]);
}

export interface MorphTrainResult {
  buffer: Buffer;
  tagEpochs: number;
  dev: MorphScores;
  devByEpoch: Array<{ epoch: number; scores: MorphScores }>;
}

export function trainMorph(
  train: readonly ConlluSentence[],
  dev: readonly ConlluSentence[],
  lexicon: Lexicon | null,
  options: MorphTrainOptions = DEFAULT_MORPH_OPTIONS,
): MorphTrainResult {
  const log = options.log ?? (() => undefined);
  const data = trainingSentences(train, lexicon);
  const tables = attributeTables(data);
  log(`features: ${tables.attributes.length} attributes; training feature classifiers (${options.featEpochs} epochs)`);
  const feats = trainFeats(data, lexicon, tables, options.featEpochs, options.seed, options);
  log(`lemmas: training edit scripts (${options.lemmaEpochs} epochs)`);
  const lemma = trainLemmas(data, options.lemmaEpochs, options.seed, options);
  const manifestBase = {
    version: 1 as const,
    tagDictionary: tagDictionary(data),
    attributes: tables.attributes,
    allowed: tables.allowed,
    lemmaMemory: lemma.memory,
    trainedOn: `${train.length} sentences`,
  };
  let best: { epoch: number; buffer: Buffer; scores: MorphScores } | null = null;
  const devByEpoch: Array<{ epoch: number; scores: MorphScores }> = [];
  trainTags(
    data,
    lexicon,
    Math.max(...options.tagEpochs),
    options.seed,
    (epoch, tags) => {
      const parts = new Map<string, CompiledPerceptron>([
        ['tags', tags],
        ['lemma', lemma.model],
      ]);
      for (const [a, m] of feats) parts.set(`feat:${a}`, m);
      const buffer = packMorphModel({ ...manifestBase, tagLabels: [...tags.labels] }, parts);
      const tagger = MorphTagger.fromBuffer(buffer, lexicon);
      const scores = scoreMorph(dev, (words) => tagger.tagSentence(words));
      devByEpoch.push({ epoch, scores });
      log(
        `tags: epoch ${epoch}: dev UPOS ${scores.upos.toFixed(2)} XPOS ${scores.xpos.toFixed(2)} UFeats ${scores.ufeats.toFixed(2)} Lemma ${scores.lemma.toFixed(2)}`,
      );
      if (!best || scores.allTags > best.scores.allTags) best = { epoch, buffer, scores };
    },
    options.tagEpochs,
    options,
  );
  const chosen = best as { epoch: number; buffer: Buffer; scores: MorphScores } | null;
  if (!chosen) throw new Error('no tag epochs to train');
  return { buffer: chosen.buffer, tagEpochs: chosen.epoch, dev: chosen.scores, devByEpoch };
}
