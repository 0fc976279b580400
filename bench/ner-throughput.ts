/**
 * Speed of the NER tagger alone (sentence view and Viterbi decoding) on one core, on the sentences of German
 * Wikinews articles the earlier stages have analysed (bench/corpus/wikinews.jsonl; build it with
 * bench/make-wikinews-corpus.ts). The entities stage around it: bench/entities-throughput.ts.
 *
 *   node --import tsx bench/ner-throughput.ts [--docs 300] [--runs 5]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument, STAGES, textDocument } from '../src/pipeline.js';
import { entitiesStage } from '../src/entities/stage.js';
import { loadNerTagger, viewNer, type NerInput } from '../src/ner/tagger.js';
import { bestSeconds, fmt, machineLine, numberOption } from './timing.js';

const maxDocs = numberOption('--docs', 300);
const runs = numberOption('--runs', 5);
const lines = readFileSync(join(import.meta.dirname, 'corpus', 'wikinews.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, maxDocs);
const before = STAGES.filter((s) => s !== entitiesStage);
const sentences: NerInput[] = [];
let tokens = 0;
for (const [i, line] of lines.entries()) {
  const record = JSON.parse(line) as { title?: string; text: string };
  const text = record.title ? `${record.title}\n\n${record.text}` : record.text;
  const doc = analyzeDocument(textDocument(text, `doc${i}`), {}, before);
  tokens += doc.tokens.count;
  for (let s = 0; s < doc.sentences.count; s++) {
    const forms: string[] = [];
    const xpos: string[] = [];
    for (let t = doc.sentences.firstToken[s] as number; t < (doc.sentences.endToken[s] as number); t++) {
      forms.push(doc.text.slice(doc.tokens.start[t], doc.tokens.end[t]));
      xpos.push(doc.morph?.xpos[t] ?? '_');
    }
    sentences.push({ forms, xpos });
  }
}
const ner = loadNerTagger();
if (!ner) throw new Error('no NER model: run npm run train first');
for (const s of sentences) ner.tag(s); // warm up (and fill the decoder's word cache)
const view = bestSeconds(runs, () => {
  for (const s of sentences) viewNer(s, ner.lexicon, ner.gazetteer);
});
const tag = bestSeconds(runs, () => {
  for (const s of sentences) ner.tag(s);
});
console.log(machineLine());
console.log(`Command: node --import tsx bench/ner-throughput.ts --docs ${maxDocs} --runs ${runs}`);
console.log(`Input: ${lines.length} Wikinews articles, ${fmt(sentences.length)} sentences, ${fmt(tokens)} tokens`);
console.log(
  `Sentence view: ${fmt(tokens / view)} tokens/s; view + decoding: ${fmt(tokens / tag)} tokens/s (best of ${runs})`,
);
