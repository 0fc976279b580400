/**
 * Word classes learned from unlabelled German text, a feature of the NER tagger: words that occur in the
 * same contexts ("Merkel", "Sarkozy", "Putin" before "sagte") share a class, so a name seen once in the
 * NER training data lends its label to names the data never shows.
 *
 * Text: the German Wikinews articles of ../shared/data/wikinews-spkatt (the article text only, CC BY
 * 2.5; none of its annotations) and the sentences of the UD training split (CC BY-SA). GermEval is left
 * out, so cross-validation on it stays honest.
 *
 * Algorithm: the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998) for a class bigram
 * model: each word in turn moves to the class that most raises the likelihood
 *   Σ N(c,d) log N(c,d) − Σ N(c,·) log N(c,·) − Σ N(·,d) log N(·,d),
 * starting from classes by frequency rank. Deterministic: words are visited by frequency, ties to the
 * lower class. Written as `models/de-clusters.tsv.gz`: word, then its class at each granularity.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readConllu } from '../eval/conllu.js';
import { tokenize } from '../text/tokenizer.js';
import { CLUSTERS_PATH, forgetClusters } from '../morph/clusters.js';
import { articleTexts } from './wikinews.js';

/** Words seen fewer times get no class: their contexts are too few to place them. */
const MIN_COUNT = 2;

/** The running texts, one token array per paragraph or sentence. */
export function clusterCorpus(dataDir: string): string[][] {
  const texts: string[][] = [];
  for (const file of ['news-train.jsonl', 'news-dev.jsonl']) {
    for (const text of articleTexts(join(dataDir, 'wikinews-spkatt', file))) {
      for (const paragraph of text.split(/\n+/u)) {
        const t = tokenize(paragraph);
        const tokens: string[] = new Array(t.count);
        for (let i = 0; i < t.count; i++) tokens[i] = paragraph.slice(t.start[i], t.end[i]);
        if (tokens.length > 0) texts.push(tokens);
      }
    }
  }
  for (const s of readConllu(join(dataDir, 'ud-splits', 'train.conllu'))) texts.push(s.surface);
  return texts;
}

const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/**
 * Exchange clustering of the words seen at least MIN_COUNT times into `classes` classes (class 0 also
 * holds the sentence boundary and every rarer word, which never move). Returns word → class.
 */
export function exchangeClusters(texts: readonly string[][], classes: number, iterations: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of t) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = [...counts.entries()]
    .filter(([, c]) => c >= MIN_COUNT)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  // Word ids: 0 = boundary and rare words (fixed in class 0), 1 … V = vocabulary by frequency.
  const id = new Map<string, number>(vocab.map((w, i) => [w, i + 1]));
  const V = vocab.length + 1;
  // Bigram counts per word as sparse successor / predecessor lists.
  const succ: Array<Map<number, number>> = Array.from({ length: V }, () => new Map());
  const pred: Array<Map<number, number>> = Array.from({ length: V }, () => new Map());
  const unigram = new Float64Array(V);
  for (const t of texts) {
    let prev = 0;
    for (let i = 0; i <= t.length; i++) {
      const cur = i < t.length ? (id.get(t[i] as string) ?? 0) : 0;
      succ[prev]!.set(cur, (succ[prev]!.get(cur) ?? 0) + 1);
      pred[cur]!.set(prev, (pred[cur]!.get(prev) ?? 0) + 1);
      unigram[cur]! += 1;
      prev = cur;
    }
  }
  const C = classes;
  const classOf = new Int32Array(V);
  // Initial classes by frequency rank: the most frequent words get their own classes.
  for (let w = 1; w < V; w++) classOf[w] = w < C ? w : 1 + ((w - 1) % (C - 1));
  const big = new Float64Array(C * C); // N(c, d)
  const left = new Float64Array(C); // N(c, ·)
  const right = new Float64Array(C); // N(·, d)
  for (let w = 0; w < V; w++)
    for (const [v, n] of succ[w]!) {
      big[(classOf[w] as number) * C + (classOf[v] as number)]! += n;
      left[classOf[w] as number]! += n;
      right[classOf[v] as number]! += n;
    }
  const toClass = new Float64Array(C); // w → class d counts (excluding w → w)
  const fromClass = new Float64Array(C); // class c → w counts (excluding w → w)
  const touched: number[] = [];
  for (let iteration = 0; iteration < iterations; iteration++) {
    let moved = 0;
    for (let w = 1; w < V; w++) {
      const a = classOf[w] as number;
      const self = succ[w]!.get(w) ?? 0;
      const outN = unigram[w] as number; // w as a left element equals its occurrences (boundary closes each text)
      let inN = 0;
      for (const n of pred[w]!.values()) inN += n;
      toClass.fill(0);
      fromClass.fill(0);
      for (const [v, n] of succ[w]!) if (v !== w) toClass[classOf[v] as number]! += n;
      for (const [u, n] of pred[w]!) if (u !== w) fromClass[classOf[u] as number]! += n;
      touched.length = 0;
      for (let c = 0; c < C; c++) if (toClass[c] || fromClass[c]) touched.push(c);
      // Take w out of its class.
      for (const c of touched) {
        big[a * C + c]! -= toClass[c] as number;
        big[c * C + a]! -= fromClass[c] as number;
      }
      big[a * C + a]! -= self;
      left[a]! -= outN;
      right[a]! -= inN;
      // The gain of putting w into class b, up to a constant shared by all b.
      let best = a;
      let bestGain = -Infinity;
      for (let b = 1; b < C; b++) {
        let gain = 0;
        for (const c of touched) {
          if (c === b) continue;
          const t = toClass[c] as number;
          if (t) gain += xlogx((big[b * C + c] as number) + t) - xlogx(big[b * C + c] as number);
          const f = fromClass[c] as number;
          if (f) gain += xlogx((big[c * C + b] as number) + f) - xlogx(big[c * C + b] as number);
        }
        const bb = big[b * C + b] as number;
        gain += xlogx(bb + (toClass[b] as number) + (fromClass[b] as number) + self) - xlogx(bb);
        gain -= xlogx((left[b] as number) + outN) - xlogx(left[b] as number);
        gain -= xlogx((right[b] as number) + inN) - xlogx(right[b] as number);
        if (gain > bestGain + 1e-9) {
          bestGain = gain;
          best = b;
        }
      }
      // Put w into its best class.
      for (const c of touched) {
        big[best * C + c]! += toClass[c] as number;
        big[c * C + best]! += fromClass[c] as number;
      }
      big[best * C + best]! += self;
      left[best]! += outN;
      right[best]! += inN;
      if (best !== a) moved++;
      classOf[w] = best;
    }
    if (moved === 0) break;
  }
  return new Map(vocab.map((w, i) => [w, classOf[i + 1] as number]));
}

/** Builds the cluster file at two granularities; returns its size. */
export function buildClusters(
  dataDir: string,
  granularities: readonly number[] = [64, 256],
): {
  words: number;
  bytes: number;
} {
  const texts = clusterCorpus(dataDir);
  const maps = granularities.map((c) => exchangeClusters(texts, c, 12));
  const words = [...(maps[0] as Map<string, number>).keys()].sort();
  const lines = words.map((w) => [w, ...maps.map((m) => m.get(w) as number)].join('\t'));
  const buffer = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
  writeFileSync(CLUSTERS_PATH, buffer);
  forgetClusters();
  return { words: words.length, bytes: buffer.length };
}
