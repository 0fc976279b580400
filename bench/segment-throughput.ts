/**
 * Throughput of the text layer (tokenizer + sentence splitter) and of the whole current pipeline, on a
 * corpus built from the raw text of the UD German treebanks in ../shared/data (every `# text` line of
 * GSD dev/test and PUD, grouped into documents of 20 sentences, repeated to reach --mb megabytes).
 *
 *   node --import tsx bench/segment-throughput.ts [--mb 20] [--runs 5]
 *
 * Prints a Markdown block for bench/RESULTS.md: machine, date, command, tokens/s, MB/s, articles/s, peak RSS.
 */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { readConllu } from '../src/eval/conllu.js';
import { tokenize } from '../src/text/tokenizer.js';
import { splitSentences } from '../src/text/sentences.js';
import { analyzeDocument, textDocument } from '../src/pipeline.js';
import { resolveDataDir } from '../src/cli/eval.js';
import { bestSeconds, fmt, numberOption } from './timing.js';

const targetMb = numberOption('--mb', 20);
const runs = numberOption('--runs', 5);
const dataDir = resolveDataDir(undefined);
const files = [
  'ud-german-gsd/de_gsd-ud-dev.conllu',
  'ud-german-gsd/de_gsd-ud-test.conllu',
  'ud-german-pud/de_pud-ud-test.conllu',
];
const sentences = files.flatMap((f) => readConllu(join(dataDir, f)).map((s) => s.text));

const base: string[] = [];
for (let i = 0; i < sentences.length; i += 20) base.push(sentences.slice(i, i + 20).join(' '));
const docs: string[] = [];
let bytes = 0;
while (bytes < targetMb * 1048576) {
  for (const d of base) {
    docs.push(d);
    bytes += Buffer.byteLength(d);
    if (bytes >= targetMb * 1048576) break;
  }
}

let peakRss = process.memoryUsage().rss;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function measure(label: string, work: (text: string) => number): { label: string; seconds: number; tokens: number } {
  let tokens = 0;
  work(docs[0] as string); // warm-up
  const seconds = bestSeconds(runs, () => {
    tokens = 0;
    for (const d of docs) tokens += work(d);
  });
  sampleRss();
  return { label, seconds, tokens };
}

const segment = measure('tokenize + sentences', (text) => {
  const t = tokenize(text);
  splitSentences(text, t);
  return t.count;
});
const pipeline = measure('analyzeDocument (segment + language id + morphology)', (text) => {
  return analyzeDocument(textDocument(text, 'bench')).tokens.count;
});

const mb = bytes / 1048576;
console.log(
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}`,
);
console.log(`Date: ${new Date().toISOString().slice(0, 10)}`);
console.log(`Command: node --import tsx bench/segment-throughput.ts --mb ${targetMb} --runs ${runs}`);
console.log(
  `Corpus: ${docs.length} documents, ${mb.toFixed(1)} MB, ${fmt(segment.tokens)} tokens (UD German GSD dev+test, PUD raw text, repeated)`,
);
console.log('');
console.log('| stage | tokens/s | MB/s | documents/s | best of |');
console.log('|---|---:|---:|---:|---:|');
for (const m of [segment, pipeline]) {
  console.log(
    `| ${m.label} | ${fmt(m.tokens / m.seconds)} | ${(mb / m.seconds).toFixed(1)} | ${fmt(docs.length / m.seconds)} | ${runs} |`,
  );
}
console.log('');
console.log(`Peak RSS: ${(peakRss / 1048576).toFixed(0)} MB (single thread)`);
