/**
 * Trains the arc-standard parser on projectivised training trees, with the tags the tagger predicts
 * (what the parser will see at run time). With a beam, training is global: the beam is searched with
 * the live weights and, where the gold sequence falls furthest behind the beam's best, the weights move
 * by the difference of their feature counts (max-violation, Huang, Fayong and Guo 2012). With width 1
 * and `local` updates it is the classic greedy parser trained step by step on the static oracle.
 * The epoch count is chosen on dev LAS. With `ensemble` > 1, more models are trained from other
 * shuffles for the chosen epoch count and their weights averaged, which evens out how much one training
 * order favours some constructions (the mean is then pruned, the pruning chosen on dev).
 */
import type { ConlluSentence } from '../eval/conllu.js';
import { CompiledPerceptron, PerceptronTrainer } from '../morph/perceptron.js';
import type { MorphTagger } from '../morph/tagger.js';
import { isPudSentence } from './stts.js';
import { random, shuffleInPlace } from './random.js';
import { parseInputOf, scoreParser, type AttachmentScores } from '../eval/attachment.js';
import {
  BeamSearch,
  DependencyParser,
  MAX_PARSER_FEATURES,
  ParserState,
  bestTransition,
  goldTransitions,
  legalTransitions,
  parserFeatures,
  projectivize,
  viewSentence,
  type ParseInput,
  type SentenceView,
} from '../syntax/parser.js';

/**
 * PUD relations GSD writes without a subtype (GSD's conventions are our test set's): relative clauses,
 * names, temporal obliques, possessive nominals, pre-conjunctions.
 */
const PUD_TO_GSD_RELATION: Record<string, string> = {
  'acl:relcl': 'acl',
  'flat:name': 'flat',
  'obl:tmod': 'obl',
  'nmod:poss': 'nmod',
  'cc:preconj': 'cc',
  'csubj:pass': 'csubj',
};

export function gsdRelation(deprel: string, pud: boolean): string {
  return pud ? (PUD_TO_GSD_RELATION[deprel] ?? deprel) : deprel;
}

export interface ParserTrainOptions {
  epochs: number[];
  seed: number;
  /** Tags of the training sentences: the treebank's, or our tagger's (dev is always tagged by ours). */
  trainTags: 'gold' | 'predicted';
  /** Beam width in training and decoding (1 = greedy). */
  beam: number;
  /** `local`: one perceptron step per transition (greedy only); `max-violation`: global updates. */
  update: 'local' | 'max-violation';
  /** Tags for the training sentences, when the caller has better ones (jackknifed); else the tagger's. */
  trainInputs?: readonly ParseInput[];
  /** Choose a pruning of the weights on dev (default); `false` keeps every weight (tests). */
  prune?: boolean;
  /** How many models (seeds `seed`, `seed + 1`, …) to train and average; 1: one model. */
  ensemble?: number;
  log?: (line: string) => void;
}

export const DEFAULT_PARSER_OPTIONS: ParserTrainOptions = {
  epochs: [6, 8, 10, 12, 15],
  seed: 1,
  trainTags: 'predicted',
  beam: 4,
  update: 'max-violation',
  ensemble: 3,
};

interface Example {
  view: SentenceView;
  gold: number[];
}

export interface ParserTrainResult {
  model: CompiledPerceptron;
  labels: string[];
  epoch: number;
  beam: number;
  dev: AttachmentScores;
  /** The pruning chosen on dev: averaged weights below `prune`, or updated fewer than `minUpdates` times, are dropped. */
  prune: number;
  minUpdates: number;
  /** The beam margin chosen on dev (Infinity: a full beam). */
  margin: number;
  /** How many models were averaged. */
  ensemble: number;
}

/**
 * Beam margins tried on the chosen model, narrowest (fastest) first: the first whose dev LAS stays
 * within PRUNE_TOLERANCE of the full beam is shipped. The adaptive beam drops candidates that trail
 * the best by more than the margin, which doubles the speed where the model is sure. Narrower margins
 * were tried: 50 keeps dev LAS (75.70 against 75.77) but drops the right analysis of a separable verb
 * with its negation ("lehnte den Vorschlag nicht ab": "ab" became a modifier of the noun), which the
 * events tests check, and 30/40 lose 1.6/0.5 LAS on dev.
 */
const MARGINS = [80, 100];

/**
 * Pruning settings tried at each new best epoch, smallest model last: the smallest that keeps dev LAS
 * within PRUNE_TOLERANCE of the unpruned model is shipped (a smaller model is also a faster one). Dev
 * has ~3,200 words, so 0.3 LAS is ten words: differences below it are noise on this set.
 */
const PRUNING: ReadonlyArray<{ prune: number; minUpdates: number }> = [
  { prune: 0.3, minUpdates: 2 },
  { prune: 0.6, minUpdates: 2 },
  { prune: 0.6, minUpdates: 3 },
  { prune: 1, minUpdates: 3 },
];
const PRUNE_TOLERANCE = 0.3;

/**
 * Prunings of an ensemble's mean weights, smallest model last (the mean of three keeps ~2.5M weights
 * unpruned; dropping those below 0.5 halves it with dev LAS within noise).
 */
const MEAN_PRUNING = [0.25, 0.5, 1];

export function trainParser(
  train: readonly ConlluSentence[],
  dev: readonly ConlluSentence[],
  tagger: MorphTagger | null,
  options: ParserTrainOptions,
): ParserTrainResult {
  const log = options.log ?? (() => undefined);
  const labelIds = new Map<string, number>();
  const relation = (s: ConlluSentence, deprel: string): string => gsdRelation(deprel, isPudSentence(s.id));
  for (const s of train) {
    for (const w of s.words) {
      const r = relation(s, w.deprel);
      if (!labelIds.has(r)) labelIds.set(r, labelIds.size);
    }
  }
  const labels = [...labelIds.keys()];
  if (labels.length > 64) throw new Error('the parser keeps label sets in 64 bits');
  const examples: Example[] = train.map((s, i) => {
    const input = options.trainInputs?.[i] ?? parseInputOf(s, options.trainTags === 'gold' ? null : tagger);
    const heads = projectivize(s.words.map((w) => w.head));
    const ids = s.words.map((w) => labelIds.get(relation(s, w.deprel)) as number);
    return { view: viewSentence(input), gold: goldTransitions(heads, ids) };
  });
  const ensemble = options.ensemble ?? 1;
  const prune = options.prune !== false;
  const setup: TrainingSetup = { examples, labels, dev, tagger, options, log };
  // The first model chooses the epoch count (and, alone, its pruning); the others train for as long.
  let best = trainOne(setup, options.seed, options.epochs, prune && ensemble === 1);
  if (ensemble > 1) {
    const models = [best.model];
    for (let i = 1; i < ensemble; i++) {
      models.push(trainOne(setup, options.seed + i, [best.epoch], false).model);
    }
    best = prune ? smallestMean(models, best, dev, tagger, log) : { ...best, model: CompiledPerceptron.mean(models) };
    best.ensemble = ensemble;
  }
  return best.beam > 1 && prune ? withMargin(best, dev, tagger, log) : best;
}

interface TrainingSetup {
  examples: readonly Example[];
  labels: string[];
  dev: readonly ConlluSentence[];
  tagger: MorphTagger | null;
  options: ParserTrainOptions;
  log: (line: string) => void;
}

/** One model from one shuffle of the training set: the best of `epochs` on dev. */
function trainOne(setup: TrainingSetup, seed: number, epochs: readonly number[], prune: boolean): ParserTrainResult {
  const { examples, labels, dev, tagger, options, log } = setup;
  const trainer = new PerceptronTrainer();
  trainer.label('SHIFT');
  for (const l of labels) {
    trainer.label(`L:${l}`);
    trainer.label(`R:${l}`);
  }
  const width = options.update === 'local' ? 1 : options.beam;
  // Training searches without the decoder's grammar (ParserGrammar): with it, dev LAS fell 75.8 → 75.2.
  const search = new BeamSearch(trainer.labels.length, labels.length, width);
  const features = new Uint32Array(MAX_PARSER_FEATURES);
  const scores = new Float64Array(trainer.labels.length);
  const rnd = random(seed);
  let best: ParserTrainResult | null = null;
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= Math.max(...epochs); epoch++) {
    shuffleInPlace(order, rnd);
    let violations = 0;
    for (const k of order) {
      const ex = examples[k] as Example;
      if (options.update === 'local') localEpochStep(ex, trainer, labels.length, features, scores);
      else if (maxViolationStep(ex, trainer, search, features, scores)) violations++;
    }
    if (epochs.includes(epoch)) {
      const model = trainer.compile(0.05);
      const scoresDev = scoreParser(dev, new DependencyParser(model, labels, width), tagger);
      log(
        `parser: seed ${seed}, beam ${width}, epoch ${epoch}: dev UAS ${scoresDev.uas.toFixed(2)} LAS ${scoresDev.las.toFixed(2)}` +
          (options.update === 'local' ? '' : ` (${violations} updates)`),
      );
      if (!best || scoresDev.las > best.dev.las) {
        best = {
          model,
          labels,
          epoch,
          beam: width,
          dev: scoresDev,
          prune: 0.05,
          minUpdates: 1,
          margin: Infinity,
          ensemble: 1,
        };
        if (prune) best = smallestWithinTolerance(best, trainerPrunings(trainer), dev, tagger, log);
      }
    }
  }
  if (!best) throw new Error('no parser epochs');
  return best;
}

/** The mean of `models`, pruned as far as dev LAS stays within PRUNE_TOLERANCE of the unpruned mean. */
function smallestMean(
  models: readonly CompiledPerceptron[],
  first: ParserTrainResult,
  dev: readonly ConlluSentence[],
  tagger: MorphTagger | null,
  log: (line: string) => void,
): ParserTrainResult {
  const mean = CompiledPerceptron.mean(models);
  const meanDev = scoreParser(dev, new DependencyParser(mean, first.labels, first.beam), tagger);
  log(
    `parser: mean of ${models.length}: ${mean.entryLabel.length} weights, dev UAS ${meanDev.uas.toFixed(2)} LAS ${meanDev.las.toFixed(2)}`,
  );
  const prunings = MEAN_PRUNING.map((prune) => ({
    prune,
    minUpdates: first.minUpdates,
    describe: `mean pruned (|w| ≥ ${prune})`,
    compile: () => CompiledPerceptron.mean(models, prune),
  }));
  return smallestWithinTolerance({ ...first, model: mean, dev: meanDev }, prunings, dev, tagger, log);
}

function withMargin(
  full: ParserTrainResult,
  dev: readonly ConlluSentence[],
  tagger: MorphTagger | null,
  log: (line: string) => void,
): ParserTrainResult {
  for (const margin of MARGINS) {
    const scores = scoreParser(dev, new DependencyParser(full.model, full.labels, full.beam, margin), tagger);
    log(`parser:   beam margin ${margin}: dev UAS ${scores.uas.toFixed(2)} LAS ${scores.las.toFixed(2)}`);
    if (scores.las >= full.dev.las - PRUNE_TOLERANCE) return { ...full, margin, dev: scores };
  }
  return full;
}

/** One pruning tried on dev: the weights it drops, and the model it leaves. */
interface Pruning {
  prune: number;
  minUpdates: number;
  describe: string;
  compile(): CompiledPerceptron;
}

/**
 * The last of `prunings` (each smaller than the one before) whose model keeps dev LAS within
 * PRUNE_TOLERANCE of the best of them all, `unpruned` included (a pruning can score higher than the
 * unpruned weights: measured against those alone, the smallest model was taken where a larger one led
 * by more than the tolerance).
 */
function smallestWithinTolerance(
  unpruned: ParserTrainResult,
  prunings: readonly Pruning[],
  dev: readonly ConlluSentence[],
  tagger: MorphTagger | null,
  log: (line: string) => void,
): ParserTrainResult {
  const candidates: ParserTrainResult[] = [unpruned];
  for (const p of prunings) {
    const model = p.compile();
    const scores = scoreParser(dev, new DependencyParser(model, unpruned.labels, unpruned.beam), tagger);
    log(`parser:   ${p.describe}: ${model.entryLabel.length} weights, dev LAS ${scores.las.toFixed(2)}`);
    candidates.push({ ...unpruned, model, dev: scores, prune: p.prune, minUpdates: p.minUpdates });
  }
  const best = Math.max(...candidates.map((c) => c.dev.las));
  return candidates.filter((c) => c.dev.las >= best - PRUNE_TOLERANCE).at(-1) as ParserTrainResult;
}

/** PRUNING of one trainer's averaged weights. */
function trainerPrunings(trainer: PerceptronTrainer): Pruning[] {
  return PRUNING.map(({ prune, minUpdates }) => ({
    prune,
    minUpdates,
    describe: `pruned (|w| ≥ ${prune}, ≥ ${minUpdates} updates)`,
    compile: () => trainer.compile(prune, minUpdates),
  }));
}

/** Greedy training on the static oracle: one update per transition, always following the gold path. */
function localEpochStep(
  ex: Example,
  trainer: PerceptronTrainer,
  labelCount: number,
  features: Uint32Array,
  scores: Float64Array,
): void {
  let st = ParserState.start(ex.view.n);
  const legal = new Uint8Array(scores.length);
  for (const gold of ex.gold) {
    const count = parserFeatures(ex.view, st, features);
    scores.fill(0);
    trainer.score(features, count, scores);
    legalTransitions(st, labelCount, null, null, legal);
    trainer.update(gold, bestTransition(scores, legal), features, count);
    st = st.apply(gold);
  }
}

/**
 * One sentence of global training: search with the live weights beside the gold sequence and update at
 * the step where the beam's best leads the gold prefix by most, if the gold prefix is not the best there.
 * Returns whether it updated.
 */
function maxViolationStep(
  ex: Example,
  trainer: PerceptronTrainer,
  search: BeamSearch,
  features: Uint32Array,
  scores: Float64Array,
): boolean {
  const goldStates: ParserState[] = [ParserState.start(ex.view.n)];
  let beam: ParserState[] = [goldStates[0] as ParserState];
  let goldInBeam: ParserState | null = goldStates[0] as ParserState;
  let worst = -Infinity;
  let worstStep = -1;
  let worstPredicted: ParserState | null = null;
  for (let k = 0; k < ex.gold.length; k++) {
    const t = ex.gold[k] as number;
    beam = search.step(ex.view, beam, trainer);
    const g = goldStates[k] as ParserState;
    const count = parserFeatures(ex.view, g, features);
    scores.fill(0);
    trainer.score(features, count, scores);
    const gNext = g.apply(t, g.score + (scores[t] as number));
    goldStates.push(gNext);
    if (goldInBeam) {
      const prev: ParserState = goldInBeam;
      goldInBeam = beam.find((st) => st.prev === prev && st.transition === t) ?? null;
    }
    const top = beam[0] as ParserState;
    if (top !== goldInBeam) {
      const violation = top.score - gNext.score;
      if (violation >= worst) {
        worst = violation;
        worstStep = k + 1;
        worstPredicted = top;
      }
    }
  }
  trainer.tick();
  if (!worstPredicted) return false;
  // The predicted path's states, oldest first.
  const predicted: ParserState[] = [];
  for (let st: ParserState | null = worstPredicted; st; st = st.prev) predicted.push(st);
  predicted.reverse();
  let from = 0;
  while (from < worstStep && (predicted[from + 1] as ParserState).transition === ex.gold[from]) from++;
  for (let i = from; i < worstStep; i++) {
    const p = predicted[i] as ParserState;
    const count = parserFeatures(ex.view, p, features);
    trainer.adjust(features, count, (predicted[i + 1] as ParserState).transition, -1);
    const g = goldStates[i] as ParserState;
    const gc = parserFeatures(ex.view, g, features);
    trainer.adjust(features, gc, ex.gold[i] as number, 1);
  }
  return true;
}
