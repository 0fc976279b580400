/**
 * Trains the arc-standard parser with the static oracle on projectivised training trees, with the tags
 * the tagger predicts (what the parser will see at run time); the epoch count is chosen on dev LAS.
 */
import type { ConlluSentence } from '../eval/conllu.js';
import { PerceptronTrainer, type CompiledPerceptron } from '../morph/perceptron.js';
import type { MorphTagger } from '../morph/tagger.js';
import { isPudSentence } from './stts.js';
import { random, shuffleInPlace } from './random.js';
import { parseInputOf, scoreParser, type AttachmentScores } from '../eval/attachment.js';
import {
  DependencyParser,
  MAX_PARSER_FEATURES,
  ParserState,
  oracle,
  parserFeatures,
  projectivize,
  validTransitions,
  viewParse,
  type ParseInput,
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
  log?: (line: string) => void;
}

export const DEFAULT_PARSER_OPTIONS: ParserTrainOptions = {
  epochs: [3, 4, 5, 6, 8, 10],
  seed: 1,
  trainTags: 'predicted',
};

interface Example {
  input: ParseInput;
  heads: number[];
  labels: number[];
}

export function trainParser(
  train: readonly ConlluSentence[],
  dev: readonly ConlluSentence[],
  tagger: MorphTagger | null,
  options: ParserTrainOptions,
): { model: CompiledPerceptron; labels: string[]; epoch: number; dev: AttachmentScores } {
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
  const trainer = new PerceptronTrainer();
  trainer.label('SHIFT');
  for (const l of labels) {
    trainer.label(`L:${l}`);
    trainer.label(`R:${l}`);
  }
  const examples: Example[] = train.map((s) => ({
    input: parseInputOf(s, options.trainTags === 'gold' ? null : tagger),
    heads: projectivize(s.words.map((w) => w.head)),
    labels: s.words.map((w) => labelIds.get(relation(s, w.deprel)) as number),
  }));
  const features = new Uint32Array(MAX_PARSER_FEATURES);
  const scores = new Float64Array(trainer.labels.length);
  const valid: number[] = [];
  const rnd = random(options.seed);
  let best: { model: CompiledPerceptron; epoch: number; dev: AttachmentScores } | null = null;
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= Math.max(...options.epochs); epoch++) {
    shuffleInPlace(order, rnd);
    for (const k of order) {
      const ex = examples[k] as Example;
      const n = ex.input.forms.length;
      const goldChildren = new Int32Array(n + 1);
      for (const h of ex.heads) goldChildren[h]!++;
      const v = viewParse(ex.input);
      const st = new ParserState(n);
      while (!st.done) {
        const gold = oracle(st, ex.heads, ex.labels, goldChildren);
        if (gold === 0 && !st.canShift()) break; // not reachable for a projective tree; stop safely
        const count = parserFeatures(v, st, labels, features);
        scores.fill(0);
        trainer.score(features, count, scores);
        const candidates = validTransitions(st, labels.length, valid);
        let guess = candidates[0] as number;
        for (const t of candidates) if ((scores[t] as number) > (scores[guess] as number)) guess = t;
        trainer.update(gold, guess, features, count);
        st.apply(gold);
      }
    }
    if (options.epochs.includes(epoch)) {
      const model = trainer.compile(0.05);
      const scoresDev = scoreParser(dev, new DependencyParser(model, labels), tagger);
      log(`parser: epoch ${epoch}: dev UAS ${scoresDev.uas.toFixed(2)} LAS ${scoresDev.las.toFixed(2)}`);
      if (!best || scoresDev.las > best.dev.las) best = { model, epoch, dev: scoresDev };
    }
  }
  if (!best) throw new Error('no parser epochs');
  return { ...best, labels };
}
