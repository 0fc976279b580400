/**
 * The whole analysis (all stages) over ≥ 2,000 German Wikinews articles with 1 and 2 analysis threads:
 * `lagebild analyze --workers N --format jsonl` on bench/corpus/wikinews.jsonl (build it with
 * `node --import tsx bench/make-wikinews-corpus.ts --copies 3`: 2,550 articles), run as a child process
 * under /usr/bin/time for the peak RSS of the whole process (main thread and workers together).
 * Needs `npm run build` first (it times the built CLI, as users run it).
 *
 *   node --import tsx bench/parallel-throughput.ts [--workers 1,2]
 */
import { spawnSync } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDoc, textDocument } from '../src/pipeline.js';
import { segmentStage } from '../src/text/stage.js';
import { fmt, machineLine } from './timing.js';

const corpus = join(import.meta.dirname, 'corpus', 'wikinews.jsonl');
const i = process.argv.indexOf('--workers');
const counts = (i >= 0 ? process.argv[i + 1]! : '1,2').split(',').map(Number);

// Tokens as the pipeline counts them (the segmenter alone), to turn documents/s into tokens/s.
const lines = readFileSync(corpus, 'utf8').split('\n').filter(Boolean);
let tokens = 0;
for (const line of lines) {
  const record = JSON.parse(line) as { title?: string; text: string };
  const doc = createDoc(textDocument(record.title ? `${record.title}\n\n${record.text}` : record.text));
  segmentStage.run(doc);
  tokens += doc.tokens.count;
}
console.log(machineLine());
console.log(`Corpus: ${fmt(lines.length)} articles, ${fmt(tokens)} tokens\n`);
console.log('workers  seconds  articles/s  tokens/s  peak RSS (MB)  speed-up');
let base = 0;
for (const workers of counts) {
  const started = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      process.execPath,
      'dist/cli/main.js',
      'analyze',
      corpus,
      '--format',
      'jsonl',
      '--workers',
      String(workers),
      '--no-progress',
    ],
    // Output to /dev/null: reading it back here would take a core from the run being timed.
    { cwd: join(import.meta.dirname, '..'), encoding: 'utf8', stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'] },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`analyze failed: ${run.stderr.slice(-2000)}`);
  const peakMb = Number(run.stderr.trim().split('\n').pop()) / 1024;
  const rate = tokens / seconds;
  base ||= rate;
  console.log(
    `${String(workers).padStart(7)}  ${seconds.toFixed(1).padStart(7)}  ${(lines.length / seconds).toFixed(1).padStart(10)}  ${fmt(rate).padStart(8)}  ${fmt(peakMb).padStart(13)}  ${(rate / base).toFixed(2).padStart(8)}×`,
  );
}
