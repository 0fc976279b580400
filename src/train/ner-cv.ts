/**
 * Model selection for the NER tagger by k-fold cross-validation on GermEval's dev file (the only NER
 * training data we have; the test file is never read here). Each fold trains on the other folds and is
 * tagged after every epoch; the pooled scores per epoch say how many epochs to train and whether a
 * feature change helps, with five times the held-out chunks of a single split.
 *
 *   node --import tsx src/train/ner-cv.ts [--folds 5] [--epochs 15] [--augment 1] [--models 1] [--errors FILE]
 *
 * With --models N > 1 it also scores the mean of N models at the best epoch, as `npm run train` ships it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../cli/eval.js';
import { readGermEval, chunksOf } from '../eval/germeval.js';
import { loadLexicon } from '../morph/lexicon.js';
import { loadMorphTagger } from '../morph/tagger.js';
import { loadGazetteer } from '../ner/gazetteer.js';
import { nerInputOf } from '../ner/input.js';
import { augmentation, crossValidateMean, crossValidateNer, DEFAULT_NER_OPTIONS } from './train-ner.js';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    epochs: { type: 'string', default: '15' },
    errors: { type: 'string' },
    augment: { type: 'string', default: String(DEFAULT_NER_OPTIONS.augmentCopies) },
    models: { type: 'string', default: '1' },
    data: { type: 'string' },
  },
});
const folds = Number(values.folds);
const maxEpochs = Number(values.epochs);
const sentences = readGermEval(join(resolveDataDir(values.data), 'germeval2014', 'NER-de-dev.tsv'));
const tagger = loadMorphTagger();
const lexicon = loadLexicon();
const gazetteer = loadGazetteer();
const inputs = sentences.map((s) => nerInputOf(s, tagger));

const options = { ...DEFAULT_NER_OPTIONS, folds, augmentCopies: Number(values.augment) };
const cv = crossValidateNer(
  sentences,
  inputs,
  lexicon,
  gazetteer,
  folds,
  maxEpochs,
  options.seed,
  augmentation(tagger, options.augmentCopies, 7 * options.seed),
);
for (let epoch = 1; epoch <= maxEpochs; epoch++) {
  const s = cv.scores[epoch]!;
  console.log(
    `epoch ${String(epoch).padStart(2)}: F1 ${s.f1.toFixed(2)} (P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)})`,
  );
}
const best = cv.bestEpoch;
let predicted = cv.predicted[best]!;
let s = cv.scores[best]!;
console.log(`best epoch ${best}: F1 ${s.f1.toFixed(2)}`);
if (Number(values.models) > 1) {
  const mean = crossValidateMean({ sentences, inputs, tagger, lexicon, gazetteer }, best, {
    ...options,
    models: Number(values.models),
  });
  ({ predicted, scores: s } = mean);
  console.log(
    `mean of ${values.models} models at epoch ${best}: F1 ${s.f1.toFixed(2)} (P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)})`,
  );
}
for (const t of s.byType)
  console.log(
    `  ${t.type.padEnd(9)} gold ${String(t.gold).padStart(4)} pred ${String(t.predicted).padStart(4)}  P ${t.precision.toFixed(1)} R ${t.recall.toFixed(1)} F1 ${t.f1.toFixed(1)}`,
  );

if (values.errors) {
  // One line per sentence with a mistake: gold chunks missed (-) and predicted chunks wrong (+).
  const lines: string[] = [];
  sentences.forEach((sentence, i) => {
    const key = (c: { start: number; end: number; type: string }): string =>
      `${sentence.forms.slice(c.start, c.end).join(' ')}/${c.type}`;
    const gold = new Set(chunksOf(sentence.labels).map(key));
    const guess = new Set(chunksOf(predicted[i]!).map(key));
    const missed = [...gold].filter((k) => !guess.has(k));
    const wrong = [...guess].filter((k) => !gold.has(k));
    if (missed.length || wrong.length)
      lines.push(`${sentence.forms.join(' ')}\n  - ${missed.join(' | ')}\n  + ${wrong.join(' | ')}`);
  });
  writeFileSync(values.errors, lines.join('\n') + '\n');
}
