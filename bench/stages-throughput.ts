/**
 * Where the pipeline's time goes: every stage timed on its own over German Wikinews articles
 * (bench/corpus/wikinews.jsonl; build it with bench/make-wikinews-corpus.ts), one core, best of N runs
 * per stage. Prints tokens/s for the whole pipeline and each stage's share, so that a new stage can be
 * checked against its budget (times, quantities and quotes together: at most 20 % of the pipeline).
 *
 *   node --import tsx bench/stages-throughput.ts [--docs 850] [--runs 3]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDoc, STAGES, textDocument } from '../src/pipeline.js';
import type { Doc } from '../src/document.js';
import { fmt, machineLine, numberOption } from './timing.js';

const maxDocs = numberOption('--docs', 850);
const runs = numberOption('--runs', 3);
const raws = readFileSync(join(import.meta.dirname, 'corpus', 'wikinews.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, maxDocs)
  .map((line, i) => {
    const record = JSON.parse(line) as { title?: string; text: string; published?: string };
    const text = record.title ? `${record.title}\n\n${record.text}` : record.text;
    return { ...textDocument(text, `doc${i}`), published: record.published ?? null };
  });

// Warm up: load every model once.
for (const stage of STAGES) stage.run(createDoc(raws[0]!));

const best = new Map<string, number>();
let tokens = 0;
for (let run = 0; run < runs; run++) {
  const docs: Doc[] = raws.map((raw) => createDoc(raw));
  for (const stage of STAGES) {
    const t0 = performance.now();
    for (const doc of docs) stage.run(doc);
    const seconds = (performance.now() - t0) / 1000;
    best.set(stage.name, Math.min(best.get(stage.name) ?? Infinity, seconds));
  }
  tokens = docs.reduce((n, d) => n + d.tokens.count, 0);
}
const total = [...best.values()].reduce((a, b) => a + b, 0);
console.log(machineLine());
console.log(`Command: node --import tsx bench/stages-throughput.ts --docs ${maxDocs} --runs ${runs}`);
console.log(`Input: ${raws.length} Wikinews articles, ${fmt(tokens)} tokens`);
console.log(
  `Pipeline: ${fmt(tokens / total)} tokens/s, ${fmt(raws.length / total)} articles/s (sum of best stage times, one core)`,
);
for (const [name, seconds] of best) {
  console.log(
    `  ${name.padEnd(11)} ${seconds.toFixed(3).padStart(7)} s  ${((100 * seconds) / total).toFixed(1).padStart(5)} %  ${fmt(tokens / seconds).padStart(10)} tokens/s`,
  );
}
const newLayers = ['times', 'quantities', 'quotes'].reduce((n, s) => n + (best.get(s) ?? 0), 0);
console.log(
  `Times + quantities + quotes: ${((100 * newLayers) / (total - newLayers)).toFixed(1)} % on top of the stages before them`,
);
console.log(`Memory: RSS ${fmt(process.memoryUsage().rss / 1048576)} MB`);
