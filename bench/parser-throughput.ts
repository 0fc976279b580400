/**
 * Speed of the dependency parser on one core: UD German PUD test sentences (1,000, gold tokenization),
 * tagged by our tagger first (not timed), parsed --runs times after two warm-up passes, with the model's
 * beam width (or LAGEBILD_PARSER_BEAM).
 *
 *   node --import tsx bench/parser-throughput.ts [--runs 5]
 *   LAGEBILD_PARSER_BEAM=1 node --import tsx bench/parser-throughput.ts
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readConllu } from '../src/eval/conllu.js';
import { resolveDataDir } from '../src/cli/eval.js';
import { parseInputOf } from '../src/eval/attachment.js';
import { loadMorphTagger } from '../src/morph/tagger.js';
import { loadParser } from '../src/syntax/model.js';
import { bestSeconds, fmt, machineLine, numberOption } from './timing.js';

const runs = numberOption('--runs', 5);
const tagger = loadMorphTagger();
const t0 = performance.now();
const parser = loadParser();
const loadMs = performance.now() - t0;
if (!parser || !tagger) throw new Error('no models in models/: run npm run train');
const inputs = readConllu(join(resolveDataDir(undefined), 'ud-german-pud/de_pud-ud-test.conllu')).map((s) =>
  parseInputOf(s, tagger),
);
const words = inputs.reduce((n, s) => n + s.forms.length, 0);
for (let r = 0; r < 2; r++) for (const input of inputs) parser.parse(input);
const best = bestSeconds(runs, () => {
  for (const input of inputs) parser.parse(input);
});
console.log(machineLine());
console.log(`Command: node --import tsx bench/parser-throughput.ts --runs ${runs}`);
console.log(`Input: ${inputs.length} sentences, ${fmt(words)} words (PUD test, our tags)`);
console.log(
  `Parser load ${fmt(loadMs)} ms; beam ${parser.beamWidth}: parsing ${fmt(words / best)} words/s (best of ${runs}, one core)`,
);
