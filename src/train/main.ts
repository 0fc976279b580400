/**
 * `npm run train`: rebuilds every model in models/ from ../shared/data and the npm lexicon packages.
 * Deterministic (fixed seeds). Prints the dev scores the model card quotes and writes them to
 * models/training-report.json. CI never runs this; it loads the committed artifacts.
 *
 *   npm run train                 every model
 *   npm run train -- --only ner   gazetteer, places and NER only (the tagger and lexicon as committed)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readConllu } from '../eval/conllu.js';
import { resolveDataDir } from '../cli/eval.js';
import { loadLexicon, LEXICON_PATH } from '../morph/lexicon.js';
import { MORPH_MODEL_PATH, loadMorphTagger } from '../morph/tagger.js';
import { PARSER_MODEL_PATH } from '../syntax/model.js';
import { packParser } from '../syntax/parser.js';
import { DEFAULT_PARSER_OPTIONS, trainParser } from './train-parser.js';
import { PACKAGE_ROOT } from '../util/lexicon.js';
import { buildLexicon } from './build-lexicon.js';
import { buildGazetteer, buildPlaces } from './build-gazetteer.js';
import { buildClusters } from './build-clusters.js';
import { CLUSTERS_PATH } from '../ner/clusters.js';
import { DEFAULT_NER_OPTIONS, trainNer } from './train-ner.js';
import { readGermEval } from '../eval/germeval.js';
import { GAZETTEER_PATH, loadGazetteer } from '../ner/gazetteer.js';
import { NER_MODEL_PATH } from '../ner/tagger.js';
import { DEFAULT_MORPH_OPTIONS, trainMorph } from './train-morph.js';
import { jackknifedInputs } from './jackknife.js';

/** Folds for the parser's jackknifed training tags. */
const JACKKNIFE_FOLDS = 5;

const data = resolveDataDir(
  process.argv.includes('--data') ? process.argv[process.argv.indexOf('--data') + 1] : undefined,
);
const REPORT_PATH = join(PACKAGE_ROOT, 'models', 'training-report.json');
const onlyNer = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'ner';
if (process.argv.includes('--only') && !onlyNer) {
  console.error('train: --only takes "ner"');
  process.exit(2);
}

/** Lexicon, morphology tagger and parser; their part of the training report. */
function trainCore(): Record<string, unknown> {
  const t0 = performance.now();
  const lexicon = buildLexicon();
  console.log(
    `lexicon: ${lexicon.forms} forms in ${lexicon.classes} analysis classes, ${(lexicon.bytes / 1e6).toFixed(1)} MB → ${LEXICON_PATH}`,
  );
  const t1 = performance.now();
  const train = readConllu(join(data, 'ud-splits', 'train.conllu'));
  const dev = readConllu(join(data, 'ud-splits', 'dev.conllu'));
  const result = trainMorph(train, dev, loadLexicon(LEXICON_PATH), {
    ...DEFAULT_MORPH_OPTIONS,
    log: (l) => console.log(l),
  });
  writeFileSync(MORPH_MODEL_PATH, result.buffer);
  const t2 = performance.now();
  console.log(
    `morph: chose ${result.tagEpochs} tag epochs on dev; ${(result.buffer.length / 1e6).toFixed(1)} MB → ${MORPH_MODEL_PATH}`,
  );
  const trainInputs = jackknifedInputs(train, loadLexicon(LEXICON_PATH), JACKKNIFE_FOLDS, result.tagEpochs, (l) =>
    console.log(l),
  );
  const parser = trainParser(train, dev, loadMorphTagger(), {
    ...DEFAULT_PARSER_OPTIONS,
    trainInputs,
    log: (l) => console.log(l),
  });
  const parserBuffer = packParser(parser.model, parser.labels, parser.beam, parser.margin);
  writeFileSync(PARSER_MODEL_PATH, parserBuffer);
  const t3 = performance.now();
  console.log(
    `parser: chose ${parser.epoch} epochs (beam ${parser.beam}, margin ${parser.margin}, mean of ${parser.ensemble}) on dev; ${(parserBuffer.length / 1e6).toFixed(1)} MB → ${PARSER_MODEL_PATH}`,
  );

  return {
    lexicon,
    lexiconSeconds: Math.round((t1 - t0) / 100) / 10,
    morphSeconds: Math.round((t2 - t1) / 100) / 10,
    morphBytes: result.buffer.length,
    tagEpochs: result.tagEpochs,
    dev: result.dev,
    devByEpoch: result.devByEpoch,
    parserSeconds: Math.round((t3 - t2) / 100) / 10,
    parserBytes: parserBuffer.length,
    parserEpochs: parser.epoch,
    parserBeam: parser.beam,
    parserMargin: Number.isFinite(parser.margin) ? parser.margin : null,
    parserEnsemble: parser.ensemble,
    parserPrune: parser.prune,
    parserJackknifeFolds: JACKKNIFE_FOLDS,
    parserDev: parser.dev,
  };
}

const core = onlyNer ? (JSON.parse(readFileSync(REPORT_PATH, 'utf8')) as Record<string, unknown>) : trainCore();
const tagger = loadMorphTagger();
const t4 = performance.now();
const gazetteer = buildGazetteer();
console.log(`gazetteer: ${gazetteer.entries} names, ${(gazetteer.bytes / 1e6).toFixed(2)} MB → ${GAZETTEER_PATH}`);
const clusters = buildClusters(data);
console.log(`clusters: ${clusters.words} words, ${(clusters.bytes / 1e6).toFixed(2)} MB → ${CLUSTERS_PATH}`);
const placesBuilt = buildPlaces();
console.log(
  `places: ${placesBuilt.places} places under ${placesBuilt.names} names, ${(placesBuilt.bytes / 1e6).toFixed(2)} MB`,
);
const ner = trainNer(
  readGermEval(join(data, 'germeval2014', 'NER-de-dev.tsv')),
  tagger,
  loadLexicon(),
  loadGazetteer(),
  {
    ...DEFAULT_NER_OPTIONS,
    log: (l) => console.log(l),
  },
);
const nerBuffer = ner.model.toBuffer();
writeFileSync(NER_MODEL_PATH, nerBuffer);
const t5 = performance.now();
console.log(
  `ner: chose ${ner.epochs} epochs by cross-validation; ${(nerBuffer.length / 1e6).toFixed(1)} MB → ${NER_MODEL_PATH}`,
);
const report = {
  ...core,
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  gazetteer,
  places: placesBuilt,
  clusters,
  nerSeconds: Math.round((t5 - t4) / 100) / 10,
  nerBytes: nerBuffer.length,
  nerEpochs: ner.epochs,
  nerHeldOut: { ...ner.heldOut, byType: undefined },
};
writeFileSync(REPORT_PATH, JSON.stringify(report, null, 2) + '\n');
