/**
 * `npm run train`: rebuilds every model in models/ from ../shared/data and the npm lexicon packages.
 * Deterministic (fixed seeds). Prints the dev scores the model card quotes and writes them to
 * models/training-report.json. CI never runs this; it loads the committed artifacts.
 *
 *   npm run train                 every model
 *   npm run train -- --only ner     word classes, gazetteer, places and NER only (the tagger and lexicon as
 *                                   committed; the parser reads the word classes too: retrain it if they changed)
 *   npm run train -- --only parser  the parser only (the tagger, lexicon and word classes as committed)
 *   npm run train -- --silver 3000  with a self-training round for the parser (not shipped: model card)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readConllu, type ConlluSentence } from '../eval/conllu.js';
import { resolveDataDir } from '../cli/eval.js';
import { loadLexicon, LEXICON_PATH } from '../morph/lexicon.js';
import { MORPH_MODEL_PATH, loadMorphTagger } from '../morph/tagger.js';
import { PARSER_MODEL_PATH } from '../syntax/model.js';
import { packParser, unpackParser, type ParseInput } from '../syntax/parser.js';
import { DEFAULT_PARSER_OPTIONS, trainParser, type ParserTrainResult } from './train-parser.js';
import { silverTrees } from './self-training.js';
import { articleTexts } from './wikinews.js';
import { PACKAGE_ROOT } from '../util/lexicon.js';
import { buildLexicon } from './build-lexicon.js';
import { buildGazetteer, buildPlaces } from './build-gazetteer.js';
import { buildClusters } from './build-clusters.js';
import { CLUSTERS_PATH } from '../morph/clusters.js';
import { DEFAULT_NER_OPTIONS, trainNer } from './train-ner.js';
import { readGermEval } from '../eval/germeval.js';
import { GAZETTEER_PATH, loadGazetteer } from '../ner/gazetteer.js';
import { NER_MODEL_PATH } from '../ner/tagger.js';
import { DEFAULT_MORPH_OPTIONS, trainMorph } from './train-morph.js';
import { jackknifedInputs } from './jackknife.js';

/** The value after `--name` on the command line, if the option is given. */
function optionValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

/** Folds for the parser's jackknifed training tags. */
const JACKKNIFE_FOLDS = 5;
/**
 * `--silver N`: a second parser round that also learns from the first round's parses of N Wikinews
 * sentences (self-training). Off by default: on dev it helped single models but not the mean of three
 * (model card).
 */
const silverSentences = process.argv.includes('--silver') ? Number(optionValue('--silver')) : 0;
if (!Number.isInteger(silverSentences) || silverSentences < 0) {
  console.error('train: --silver takes a whole number of sentences');
  process.exit(2);
}

const data = resolveDataDir(optionValue('--data'));
const REPORT_PATH = join(PACKAGE_ROOT, 'models', 'training-report.json');
const only = optionValue('--only');
if (only !== undefined && only !== 'ner' && only !== 'parser') {
  console.error('train: --only takes "ner" or "parser"');
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
  return {
    lexicon,
    lexiconSeconds: Math.round((t1 - t0) / 100) / 10,
    morphSeconds: Math.round((t2 - t1) / 100) / 10,
    morphBytes: result.buffer.length,
    tagEpochs: result.tagEpochs,
    dev: result.dev,
    devByEpoch: result.devByEpoch,
    ...trainParserModel(train, dev, result.tagEpochs),
  };
}

/** The parser, from jackknifed tags of taggers trained for `tagEpochs`; its part of the training report. */
function trainParserModel(
  train: readonly ConlluSentence[],
  dev: readonly ConlluSentence[],
  tagEpochs: number,
): Record<string, unknown> {
  const t2 = performance.now();
  const trainInputs = jackknifedInputs(train, loadLexicon(LEXICON_PATH), JACKKNIFE_FOLDS, tagEpochs, (l) =>
    console.log(l),
  );
  const { parser, silver } = trainParserWithSilver(train, dev, trainInputs);
  const parserBuffer = packParser(parser.model, parser.labels, parser.beam, parser.margin);
  writeFileSync(PARSER_MODEL_PATH, parserBuffer);
  const t3 = performance.now();
  console.log(
    `parser: chose ${parser.epoch} epochs (beam ${parser.beam}, margin ${parser.margin}, mean of ${parser.ensemble}) on dev; ${(parserBuffer.length / 1e6).toFixed(1)} MB → ${PARSER_MODEL_PATH}`,
  );
  return {
    parserSeconds: Math.round((t3 - t2) / 100) / 10,
    parserBytes: parserBuffer.length,
    parserEpochs: parser.epoch,
    parserBeam: parser.beam,
    parserMargin: Number.isFinite(parser.margin) ? parser.margin : null,
    parserEnsemble: parser.ensemble,
    parserPrune: parser.prune,
    parserJackknifeFolds: JACKKNIFE_FOLDS,
    ...(silver ? { parserSilver: silver } : {}),
    parserDev: parser.dev,
  };
}

/** The self-training round's data and the dev LAS of both rounds. */
interface SilverReport {
  sentences: number;
  words: number;
  teacherLas: number;
  studentLas: number;
}

/**
 * The parser: a mean of models trained on the treebank (the teacher); with `--silver N`, the same trained
 * again on the treebank and the teacher's parses of N Wikinews sentences, kept when its dev LAS beats the
 * teacher's.
 */
function trainParserWithSilver(
  train: readonly ConlluSentence[],
  dev: readonly ConlluSentence[],
  trainInputs: readonly ParseInput[],
): { parser: ParserTrainResult; silver: SilverReport | null } {
  const log = (l: string): void => console.log(l);
  const tagger = loadMorphTagger();
  const teacher = trainParser(train, dev, tagger, { ...DEFAULT_PARSER_OPTIONS, trainInputs, log });
  if (silverSentences === 0) return { parser: teacher, silver: null };
  const teacherParser = unpackParser(packParser(teacher.model, teacher.labels, teacher.beam, teacher.margin));
  const texts = articleTexts(join(data, 'wikinews-spkatt', 'news-train.jsonl'));
  const set = silverTrees(texts, teacherParser, silverSentences);
  const words = set.sentences.reduce((sum, s) => sum + s.words.length, 0);
  log(`parser: ${set.sentences.length} silver sentences (${words} words) parsed by the teacher`);
  const student = trainParser([...train, ...set.sentences], dev, tagger, {
    ...DEFAULT_PARSER_OPTIONS,
    trainInputs: [...trainInputs, ...set.inputs],
    log,
  });
  log(`parser: dev LAS teacher ${teacher.dev.las.toFixed(2)}, student ${student.dev.las.toFixed(2)}`);
  return {
    parser: student.dev.las > teacher.dev.las ? student : teacher,
    silver: { sentences: set.sentences.length, words, teacherLas: teacher.dev.las, studentLas: student.dev.las },
  };
}

/** The report of the last full run (for the models `--only` leaves as they are). */
function previousReport(): Record<string, unknown> {
  return JSON.parse(readFileSync(REPORT_PATH, 'utf8')) as Record<string, unknown>;
}

/** Gazetteer, places and NER (the word classes are built before); then the whole training report. */
function trainNerModels(core: Record<string, unknown>, clusters: ReturnType<typeof buildClusters>): void {
  const tagger = loadMorphTagger();
  const t4 = performance.now();
  const gazetteer = buildGazetteer();
  console.log(`gazetteer: ${gazetteer.entries} names, ${(gazetteer.bytes / 1e6).toFixed(2)} MB → ${GAZETTEER_PATH}`);
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
}

if (only === 'parser') {
  // The parser alone, from the committed lexicon and tagger: the same bytes as a full run makes.
  const previous = previousReport();
  const train = readConllu(join(data, 'ud-splits', 'train.conllu'));
  const dev = readConllu(join(data, 'ud-splits', 'dev.conllu'));
  const parser = trainParserModel(train, dev, previous['tagEpochs'] as number);
  writeFileSync(REPORT_PATH, JSON.stringify({ ...previous, ...parser }, null, 2) + '\n');
} else {
  // Word classes first: the parser and the NER tagger both read them (the same bytes on every run).
  const clusters = buildClusters(data);
  console.log(`clusters: ${clusters.words} words, ${(clusters.bytes / 1e6).toFixed(2)} MB → ${CLUSTERS_PATH}`);
  trainNerModels(only === 'ner' ? previousReport() : trainCore(), clusters);
}
