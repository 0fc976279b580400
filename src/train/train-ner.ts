/**
 * Trains the NER tagger on GermEval 2014's dev file (its train file is not available to us; the test file
 * is only ever scored): every fifth sentence is held out to choose the epoch count, then the model is
 * retrained on all 2,200 sentences for that many epochs. Tags come from our morphology tagger, as at run
 * time; the tagger trains on its own predicted label history.
 */
import type { NerSentence } from '../eval/germeval.js';
import { scoreNer, type NerScores } from '../eval/germeval.js';
import { PerceptronTrainer, type CompiledPerceptron } from '../morph/perceptron.js';
import type { MorphTagger } from '../morph/tagger.js';
import { nerInputOf } from '../ner/input.js';
import type { Lexicon } from '../morph/lexicon.js';
import type { Gazetteer } from '../ner/gazetteer.js';
import { MAX_NER_FEATURES, NerTagger, allowed, nerFeatures, viewNer, type NerInput } from '../ner/tagger.js';
import { random, shuffleInPlace } from './random.js';

export interface NerTrainOptions {
  epochs: number[];
  seed: number;
  log?: (line: string) => void;
}

export const DEFAULT_NER_OPTIONS: NerTrainOptions = { epochs: [4, 6, 8, 10, 12, 15], seed: 1 };

function train(
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
  const features = new Uint32Array(MAX_NER_FEATURES);
  const scores = new Float64Array(trainer.labels.length);
  const order = sentences.map((_, i) => i);
  const rnd = random(seed);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffleInPlace(order, rnd);
    for (const k of order) {
      const s = sentences[k] as NerSentence;
      const v = views[k]!;
      let p1 = '<s>';
      let p2 = '<s>';
      for (let i = 0; i < v.n; i++) {
        const count = nerFeatures(v, i, p1, p2, features);
        scores.fill(0);
        trainer.score(features, count, scores);
        let guess = -1;
        for (let l = 0; l < trainer.labels.length; l++) {
          if (!allowed(p1, trainer.labels[l] as string)) continue;
          if (guess < 0 || (scores[l] as number) > (scores[guess] as number)) guess = l;
        }
        const truth = trainer.labelId(s.labels[i] as string) as number;
        trainer.update(truth, guess, features, count);
        p2 = p1;
        p1 = trainer.labels[guess] as string; // its own history, as at run time
      }
    }
    onEpoch?.(epoch, trainer.compile(0.05));
  }
  return trainer.compile(0.05);
}

export function trainNer(
  sentences: readonly NerSentence[],
  tagger: MorphTagger | null,
  lexicon: Lexicon | null,
  gazetteer: Gazetteer,
  options: NerTrainOptions,
): { model: CompiledPerceptron; epochs: number; heldOut: NerScores } {
  const log = options.log ?? (() => undefined);
  const inputs = sentences.map((s) => nerInputOf(s, tagger));
  const fit = sentences.filter((_, i) => i % 5 !== 4);
  const fitInputs = inputs.filter((_, i) => i % 5 !== 4);
  const held = sentences.filter((_, i) => i % 5 === 4);
  const heldInputs = inputs.filter((_, i) => i % 5 === 4);
  let best: { epochs: number; heldOut: NerScores } | null = null;
  train(fit, fitInputs, Math.max(...options.epochs), lexicon, gazetteer, options.seed, (epoch, model) => {
    if (!options.epochs.includes(epoch)) return;
    const ner = new NerTagger(model, lexicon, gazetteer);
    const scores = scoreNer(
      held,
      heldInputs.map((input) => ner.tag(input)),
    );
    log(
      `ner: epoch ${epoch}: held-out F1 ${scores.f1.toFixed(2)} (P ${scores.precision.toFixed(2)} R ${scores.recall.toFixed(2)})`,
    );
    if (!best || scores.f1 > best.heldOut.f1) best = { epochs: epoch, heldOut: scores };
  });
  const chosen = best as { epochs: number; heldOut: NerScores } | null;
  if (!chosen) throw new Error('no NER epochs');
  const model = train(sentences, inputs, chosen.epochs, lexicon, gazetteer, options.seed);
  return { model, ...chosen };
}
