/**
 * Speed of the entities stage (NER + coreference + actor coding + geocoding) on one core, measured alone
 * on documents the earlier stages have already analysed: German Wikinews articles from
 * bench/corpus/wikinews.jsonl (build it with bench/make-wikinews-corpus.ts).
 *
 *   node --import tsx bench/entities-throughput.ts [--docs 850] [--runs 3]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument, STAGES, textDocument } from '../src/pipeline.js';
import { entitiesStage } from '../src/entities/stage.js';
import { bestSeconds, fmt, machineLine, numberOption } from './timing.js';

const maxDocs = numberOption('--docs', 850);
const runs = numberOption('--runs', 3);
const lines = readFileSync(join(import.meta.dirname, 'corpus', 'wikinews.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean);
const before = STAGES.filter((s) => s !== entitiesStage);
const docs = lines.slice(0, maxDocs).map((line, i) => {
  const record = JSON.parse(line) as { title?: string; text: string };
  const text = record.title ? `${record.title}\n\n${record.text}` : record.text;
  return analyzeDocument(textDocument(text, `doc${i}`), {}, before);
});
const tokens = docs.reduce((n, d) => n + d.tokens.count, 0);
entitiesStage.run(docs[0]!); // load the models once before timing
const best = bestSeconds(runs, () => {
  for (const d of docs) entitiesStage.run(d);
});
const entities = docs.reduce((n, d) => n + d.entities.length, 0);
console.log(machineLine());
console.log(`Command: node --import tsx bench/entities-throughput.ts --docs ${maxDocs} --runs ${runs}`);
console.log(`Input: ${docs.length} Wikinews articles, ${fmt(tokens)} tokens, ${fmt(entities)} entities found`);
console.log(
  `Entities stage: ${fmt(tokens / best)} tokens/s, ${fmt(docs.length / best)} articles/s (best of ${runs}, one core)`,
);
console.log(`Memory: RSS ${fmt(process.memoryUsage().rss / 1048576)} MB`);
