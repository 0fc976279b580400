/**
 * Trains the NER tagger on GermEval 2014's dev file (its train file is not available to us; the test file
 * is only ever scored): five-fold cross-validation over its 2,200 sentences chooses the epoch count, then
 * the model is trained on all of them for that many epochs. Tags come from our morphology tagger, as at
 * run time. Training is Collins' structured perceptron: Viterbi-decode each sentence with the current
 * weights and, where the guess leaves the gold path, move the weights toward the gold path.
 */
import type { NerSentence } from '../eval/germeval.js';
import { scoreNer, type NerScores } from '../eval/germeval.js';
import { CompiledPerceptron, PerceptronTrainer } from '../morph/perceptron.js';
import { mentionReplacement } from './ner-augment.js';
import type { MorphTagger } from '../morph/tagger.js';
import { nerInputOf } from '../ner/input.js';
import type { Lexicon } from '../morph/lexicon.js';
import type { Gazetteer } from '../ner/gazetteer.js';
import {
  MAX_NER_FEATURES,
  NerDecoder,
  NerTagger,
  START,
  emissionFeatures,
  labelBigram,
  transitionFeatures,
  transitionKind,
  viewNer,
  type NerInput,
  type NerView,
} from '../ner/tagger.js';
import { random, shuffleInPlace } from './random.js';

export interface NerTrainOptions {
  /** Folds of the cross-validation that chooses the epoch count. */
  folds: number;
  maxEpochs: number;
  seed: number;
  /** Mention-replaced copies of the training sentences added to them (ner-augment.ts). */
  augmentCopies: number;
  /** Models trained with different shuffles and copies, whose mean is the shipped model. */
  models: number;
  /** Mean weights smaller than this are dropped (0.5: half the weights, same five-fold F1). */
  meanPrune: number;
  log?: (line: string) => void;
}

export const DEFAULT_NER_OPTIONS: NerTrainOptions = {
  folds: 5,
  maxEpochs: 15,
  seed: 1,
  augmentCopies: 1,
  models: 3,
  meanPrune: 0.5,
};

/** Trains for `epochs` passes; `onEpoch` sees the averaged model after each. */
export function trainNerModel(
  sentences: readonly NerSentence[],
  inputs: readonly NerInput[],
  epochs: number,
  lexicon: Lexicon | null,
  gazetteer: Gazetteer,
  seed: number,
  onEpoch?: (epoch: number, model: CompiledPerceptron) => void,
): CompiledPerceptron {
  const trainer = new PerceptronTrainer();
  const labelSet = new Set<string>(['O']);
  for (const s of sentences) for (const l of s.labels) labelSet.add(l);
  for (const l of [...labelSet].sort()) trainer.label(l);
  const views = inputs.map((input) => viewNer(input, lexicon, gazetteer));
  const decoder = new NerDecoder(trainer);
  const features = new Uint32Array(MAX_NER_FEATURES);
  const order = sentences.map((_, i) => i);
  const rnd = random(seed);
  const prune = 0.05; // averaged weights below this change no decision (tried 0.001–0.2: same F1)
  const labelOf = (id: number): string => (id < 0 ? START : (trainer.labels[id] as string));
  /** Move the weights of the step from `previous` (-1: the start) to `label` at token i by `delta`. */
  const transition = (v: NerView, i: number, previous: number, label: number, delta: number): void => {
    features[0] = labelBigram(labelOf(previous));
    trainer.adjust(features, 1, label, delta);
    trainer.adjust(features, transitionFeatures(v, i, transitionKind(labelOf(previous)), features), label, delta);
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(order, rnd);
    for (const k of order) {
      const s = sentences[k] as NerSentence;
      const v = views[k]!;
      const gold = s.labels.map((l) => trainer.labelId(l) as number);
      const guess = decoder.decode(v);
      trainer.tick();
      // Structured update: wherever the guessed path leaves the gold one, reward gold, penalise guess.
      for (let i = 0; i < v.n; i++) {
        const g = gold[i] as number;
        const p = guess[i] as number;
        const gPrev = i > 0 ? (gold[i - 1] as number) : -1;
        const pPrev = i > 0 ? (guess[i - 1] as number) : -1;
        if (g === p && gPrev === pPrev) continue;
        if (g !== p) {
          const count = emissionFeatures(v, i, features);
          trainer.adjust(features, count, g, 1);
          trainer.adjust(features, count, p, -1);
        }
        transition(v, i, gPrev, g, 1);
        transition(v, i, pPrev, p, -1);
      }
    }
    onEpoch?.(epoch, trainer.compile(prune));
  }
  return trainer.compile(prune);
}

/** Predictions of every sentence by a model that did not train on it, after each epoch. */
export interface CrossValidation {
  /** predicted[epoch][sentence] for epochs 1 … maxEpochs (index 0 unused). */
  predicted: string[][][];
  /** Scores of all sentences pooled, per epoch (index 0 unused). */
  scores: NerScores[];
  /** The epoch with the best pooled F1 (the first on ties). */
  bestEpoch: number;
}

/** The tagged sentences of a corpus and what tagging them needs. */
export interface NerCorpus {
  sentences: readonly NerSentence[];
  inputs: readonly NerInput[];
  tagger: MorphTagger | null;
  lexicon: Lexicon | null;
  gazetteer: Gazetteer;
}

/** The training part of fold `fold` of `folds`: every sentence whose index mod `folds` is not `fold`. */
function trainingFold(
  sentences: readonly NerSentence[],
  inputs: readonly NerInput[],
  folds: number,
  fold: number,
): { sentences: NerSentence[]; inputs: NerInput[] } {
  const fit = sentences.map((_, i) => i).filter((i) => i % folds !== fold);
  return { sentences: fit.map((i) => sentences[i] as NerSentence), inputs: fit.map((i) => inputs[i] as NerInput) };
}

/** A training set, grown by `extend` before training (see ner-augment.ts). */
export type TrainingExtension = (
  sentences: readonly NerSentence[],
  inputs: readonly NerInput[],
) => { sentences: readonly NerSentence[]; inputs: readonly NerInput[] };

/**
 * k-fold cross-validation: sentence i is in fold i mod k; each fold is tagged after every epoch by a model
 * trained on the other folds. Pooled over all folds, the scores are five times steadier than one held-out
 * fifth.
 */
export function crossValidateNer(
  sentences: readonly NerSentence[],
  inputs: readonly NerInput[],
  lexicon: Lexicon | null,
  gazetteer: Gazetteer,
  folds: number,
  maxEpochs: number,
  seed: number,
  /** Adds to a training set (augmentation); the held-out fold is never touched. */
  extend: TrainingExtension = (s, i) => ({ sentences: s, inputs: i }),
): CrossValidation {
  const predicted: string[][][] = Array.from({ length: maxEpochs + 1 }, () => new Array<string[]>(sentences.length));
  for (let fold = 0; fold < folds; fold++) {
    const fit = trainingFold(sentences, inputs, folds, fold);
    const training = extend(fit.sentences, fit.inputs);
    trainNerModel(training.sentences, training.inputs, maxEpochs, lexicon, gazetteer, seed, (epoch, model) => {
      const ner = new NerTagger(model, lexicon, gazetteer);
      for (let i = fold; i < sentences.length; i += folds) predicted[epoch]![i] = ner.tag(inputs[i] as NerInput);
    });
  }
  const scores = predicted.map((p, epoch) => (epoch === 0 ? scoreNer([], []) : scoreNer(sentences, p)));
  let bestEpoch = 1;
  for (let epoch = 2; epoch <= maxEpochs; epoch++)
    if ((scores[epoch] as NerScores).f1 > (scores[bestEpoch] as NerScores).f1) bestEpoch = epoch;
  return { predicted, scores, bestEpoch };
}

/** The training set grown by `copies` mention-replaced copies, tagged by our tagger as at run time. */
export function augmentation(tagger: MorphTagger | null, copies: number, seed: number): TrainingExtension {
  return (sentences, inputs) => {
    if (copies === 0) return { sentences, inputs };
    const more = mentionReplacement(sentences, copies, seed);
    return { sentences: [...sentences, ...more], inputs: [...inputs, ...more.map((m) => nerInputOf(m, tagger))] };
  };
}

/**
 * The mean of `models` models, each trained for `epochs` epochs on the corpus grown by its own
 * augmentation and with its own shuffle (seeds seed, seed + 1, …).
 */
export function trainMeanNer(corpus: NerCorpus, epochs: number, options: NerTrainOptions): CompiledPerceptron {
  const models: CompiledPerceptron[] = [];
  for (let m = 0; m < options.models; m++) {
    const seed = options.seed + m;
    const training = augmentation(corpus.tagger, options.augmentCopies, 7 * seed)(corpus.sentences, corpus.inputs);
    models.push(trainNerModel(training.sentences, training.inputs, epochs, corpus.lexicon, corpus.gazetteer, seed));
  }
  return models.length === 1 ? (models[0] as CompiledPerceptron) : CompiledPerceptron.mean(models, options.meanPrune);
}

/**
 * Five-fold scores of the mean model at a fixed epoch count: what `trainNer` ships, measured (the
 * per-epoch cross-validation measures one model, to choose the epochs).
 */
export function crossValidateMean(
  corpus: NerCorpus,
  epochs: number,
  options: NerTrainOptions,
): { predicted: string[][]; scores: NerScores } {
  const { sentences, inputs } = corpus;
  const predicted = new Array<string[]>(sentences.length);
  for (let fold = 0; fold < options.folds; fold++) {
    const model = trainMeanNer({ ...corpus, ...trainingFold(sentences, inputs, options.folds, fold) }, epochs, options);
    const ner = new NerTagger(model, corpus.lexicon, corpus.gazetteer);
    for (let i = fold; i < sentences.length; i += options.folds) predicted[i] = ner.tag(inputs[i] as NerInput);
  }
  return { predicted, scores: scoreNer(sentences, predicted) };
}

/**
 * Chooses the epoch count by cross-validation of one model on the training sentences (with its
 * augmentation), then trains the mean of `models` models on all of them for that many epochs.
 */
export function trainNer(
  sentences: readonly NerSentence[],
  tagger: MorphTagger | null,
  lexicon: Lexicon | null,
  gazetteer: Gazetteer,
  options: NerTrainOptions,
): { model: CompiledPerceptron; epochs: number; heldOut: NerScores } {
  const log = options.log ?? (() => undefined);
  const inputs = sentences.map((s) => nerInputOf(s, tagger));
  const cv = crossValidateNer(
    sentences,
    inputs,
    lexicon,
    gazetteer,
    options.folds,
    options.maxEpochs,
    options.seed,
    augmentation(tagger, options.augmentCopies, 7 * options.seed),
  );
  for (let epoch = 1; epoch <= options.maxEpochs; epoch++) {
    const s = cv.scores[epoch] as NerScores;
    log(
      `ner: epoch ${epoch}: ${options.folds}-fold F1 ${s.f1.toFixed(2)} (P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)})`,
    );
  }
  const model = trainMeanNer({ sentences, inputs, tagger, lexicon, gazetteer }, cv.bestEpoch, options);
  return { model, epochs: cv.bestEpoch, heldOut: cv.scores[cv.bestEpoch] as NerScores };
}
