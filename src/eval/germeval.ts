/**
 * GermEval 2014 NER data (tab-separated: index, token, outer label, inner label; BIO over PER, LOC, ORG,
 * OTH with -deriv and -part variants) and the shared task's outer-chunk metric: strict matching of
 * span and full label (LOCderiv ≠ LOC), micro-averaged over all chunks.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../io/errors.js';
import { prf } from './metrics.js';

export interface NerSentence {
  /** Line number of the sentence's first token, for messages. */
  line: number;
  forms: string[];
  /** Outer BIO labels, e.g. "B-LOCderiv". */
  labels: string[];
}

export function readGermEval(path: string): NerSentence[] {
  const sentences: NerSentence[] = [];
  let current: NerSentence | null = null;
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('#') || line.trim() === '') {
      if (current && current.forms.length > 0) sentences.push(current);
      current = null;
      return;
    }
    const cols = line.split('\t');
    if (cols.length < 3) throw new InputError(path, 'expected index, token and label columns', i + 1);
    current ??= { line: i + 1, forms: [], labels: [] };
    current.forms.push(cols[1] as string);
    current.labels.push(cols[2] as string);
  });
  if (current && (current as NerSentence).forms.length > 0) sentences.push(current);
  return sentences;
}

export interface Chunk {
  start: number;
  end: number;
  type: string;
}

/** Chunks of a BIO sequence; an I- that does not continue a chunk of its type starts one (conlleval). */
export function chunksOf(labels: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  labels.forEach((label, i) => {
    const tag = label.slice(0, 1);
    const type = label.slice(2);
    if (tag === 'I' && open && open.type === type) {
      open.end = i + 1;
      return;
    }
    if (open) chunks.push(open);
    open = tag === 'B' || tag === 'I' ? { start: i, end: i + 1, type } : null;
  });
  if (open) chunks.push(open);
  return chunks;
}

export interface NerScores {
  sentences: number;
  tokens: number;
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  byType: Array<{ type: string; gold: number; predicted: number; precision: number; recall: number; f1: number }>;
}

/** Precision, recall and F1 in percent, as the shared task reports them. */
function percent(correct: number, predicted: number, gold: number): { precision: number; recall: number; f1: number } {
  const s = prf(correct, predicted, gold);
  return { precision: 100 * s.precision, recall: 100 * s.recall, f1: 100 * s.f1 };
}

export function scoreNer(gold: readonly NerSentence[], predicted: readonly string[][]): NerScores {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const count = (type: string): { gold: number; predicted: number; correct: number } => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { gold: 0, predicted: 0, correct: 0 }));
    return c;
  };
  let tokens = 0;
  gold.forEach((s, i) => {
    tokens += s.forms.length;
    const g = chunksOf(s.labels);
    const p = chunksOf(predicted[i] ?? []);
    const goldKeys = new Set(g.map((c) => `${c.start}:${c.end}:${c.type}`));
    for (const c of g) count(c.type).gold++;
    for (const c of p) {
      const k = count(c.type);
      k.predicted++;
      if (goldKeys.has(`${c.start}:${c.end}:${c.type}`)) k.correct++;
    }
  });
  let gAll = 0;
  let pAll = 0;
  let cAll = 0;
  const byType = [...counts.entries()]
    .sort((a, b) => b[1].gold - a[1].gold)
    .map(([type, c]) => {
      gAll += c.gold;
      pAll += c.predicted;
      cAll += c.correct;
      return { type, gold: c.gold, predicted: c.predicted, ...percent(c.correct, c.predicted, c.gold) };
    });
  return {
    sentences: gold.length,
    tokens,
    gold: gAll,
    predicted: pAll,
    correct: cAll,
    ...percent(cAll, pAll, gAll),
    byType,
  };
}
