/**
 * Speed of the morphology model (tags + features + lemmas) on one core, with its load time and memory.
 * Input: the words of UD German PUD test and GSD dev (gold tokenization, 1,000 + 799 sentences), tagged
 * --runs times after one warm-up pass.
 *
 *   node --import tsx bench/tagger-throughput.ts [--runs 5]
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readConllu } from '../src/eval/conllu.js';
import { resolveDataDir } from '../src/cli/eval.js';
import { loadLexicon } from '../src/morph/lexicon.js';
import { loadMorphTagger } from '../src/morph/tagger.js';
import { bestSeconds, fmt, machineLine, numberOption } from './timing.js';

const runs = numberOption('--runs', 5);
const data = resolveDataDir(undefined);
const sentences = ['ud-german-pud/de_pud-ud-test.conllu', 'ud-german-gsd/de_gsd-ud-dev.conllu'].flatMap((f) =>
  readConllu(join(data, f)).map((s) => s.words.map((w) => w.form)),
);
const words = sentences.reduce((n, s) => n + s.length, 0);

const rssBefore = process.memoryUsage().rss;
let t0 = performance.now();
const lexicon = loadLexicon();
const lexiconMs = performance.now() - t0;
t0 = performance.now();
const tagger = loadMorphTagger();
const modelMs = performance.now() - t0;
if (!tagger || !lexicon) throw new Error('no model in models/: run npm run train');
const rssLoaded = process.memoryUsage().rss;

for (const s of sentences) tagger.tagSentence(s); // warm-up: JIT and the word caches
const best = bestSeconds(runs, () => {
  for (const s of sentences) tagger.tagSentence(s);
});
console.log(machineLine());
console.log(`Command: node --import tsx bench/tagger-throughput.ts --runs ${runs}`);
console.log(`Input: ${sentences.length} sentences, ${fmt(words)} words (PUD test + GSD dev, gold tokenization)`);
console.log(`Load: lexicon ${fmt(lexiconMs)} ms (${fmt(lexicon.size)} forms), model ${fmt(modelMs)} ms`);
console.log(`Tags + features + lemmas: ${fmt(words / best)} words/s (best of ${runs}, one core)`);
console.log(
  `Memory: RSS ${fmt(rssBefore / 1048576)} MB before loading, ${fmt(rssLoaded / 1048576)} MB loaded, ${fmt(process.memoryUsage().rss / 1048576)} MB after tagging`,
);
