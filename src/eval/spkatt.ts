/**
 * Quotes against the German Wikinews speaker-attribution gold (SpkAtt-2023 task 2, `news-dev.jsonl`):
 * quote F1, speaker accuracy and cue F1, for direct and indirect quotes separately. We only check our
 * rules against these annotations (CC BY-NC-SA): nothing is trained or extracted from them.
 *
 * Matching follows the shared scorer: a predicted quote matches a gold message when their overlap covers
 * at least half of each (gold span: first to last message piece). A speaker is right when its span
 * overlaps a gold speaker span, or its entity has a mention that does; a cue when the spans overlap.
 * Nested gold quotes (a quoted phrase inside reported speech: er sei „ein Kartenspieler“) are optional,
 * as `optional` items are in the shared scorer: finding one is not counted, and neither is missing it.
 */
import { readFileSync } from 'node:fs';
import type { Doc, Quote } from '../document.js';
import { analyzeDocument } from '../pipeline.js';
import { prf, type PRF } from './metrics.js';

type Range = [number, number];

export interface GoldQuote {
  kind: 'direct' | 'indirect';
  message: Range;
  speakers: Range[];
  cues: Range[];
  /** A quote nested in another one: neither rewarded nor punished. */
  optional: boolean;
}

export interface SpkAttArticle {
  id: string;
  text: string;
  published: string | null;
  quotes: GoldQuote[];
}

interface RawRecord {
  id: string;
  text: string;
  published?: string | null;
  quotes: Array<{
    kind: 'direct' | 'indirect';
    nested: boolean;
    message_spans: Range[];
    speaker_spans: Range[] | null;
    cue: Range[] | null;
  }>;
}

/** The articles of a SpkAtt JSONL file with their top-level (not nested) quotes. */
export function readSpkAtt(path: string): SpkAttArticle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const r = JSON.parse(line) as RawRecord;
      return {
        id: r.id,
        text: r.text,
        published: r.published ?? null,
        quotes: r.quotes
          .filter((q) => q.message_spans.length > 0)
          .map((q) => ({
            kind: q.kind,
            message: [
              Math.min(...q.message_spans.map((m) => m[0])),
              Math.max(...q.message_spans.map((m) => m[1])),
            ] as Range,
            speakers: q.speaker_spans ?? [],
            cues: q.cue ?? [],
            optional: q.nested,
          })),
      };
    });
}

const overlap = (a: Range, b: Range): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
const goodOverlap = (g: Range, p: Range): boolean => {
  const o = overlap(g, p);
  return o > 0 && o >= 0.5 * (g[1] - g[0]) && o >= 0.5 * (p[1] - p[0]);
};

export interface QuoteScores {
  kind: 'direct' | 'indirect' | 'all';
  quotes: PRF;
  /** Share of matched quotes with a gold speaker whose predicted speaker is right. */
  speakerAccuracy: number;
  speakerCount: number;
  cues: PRF;
}

interface Counts {
  tp: number;
  predicted: number;
  gold: number;
  speakerRight: number;
  speakerCount: number;
  cueTp: number;
  cuePredicted: number;
  cueGold: number;
}

function speakerRight(doc: Doc, q: Quote, gold: GoldQuote): boolean {
  if (!q.speaker) return false;
  const spans: Range[] = [[q.speaker.start, q.speaker.end]];
  const entity = doc.entities.find((e) => e.id === q.speaker?.entity);
  if (entity) for (const m of entity.mentions) spans.push([m.start, m.end]);
  return gold.speakers.some((g) => spans.some((p) => overlap(g, p) > 0));
}

function scoreArticle(doc: Doc, gold: readonly GoldQuote[], kind: QuoteScores['kind'], c: Counts): void {
  const wanted = (k: string): boolean => kind === 'all' || k === kind;
  const predicted = doc.quotes.filter((q) => wanted(q.kind));
  const golds = gold.filter((g) => !g.optional && wanted(g.kind));
  const used = new Set<number>();
  /** The first prediction not yet taken that matches gold quote `g`, taken now; -1 when none. */
  const take = (g: GoldQuote): number => {
    const hit = predicted.findIndex((p, j) => !used.has(j) && goodOverlap(g.message, [p.start, p.end]));
    if (hit >= 0) used.add(hit);
    return hit;
  };
  c.gold += golds.length;
  for (const g of golds) {
    const hit = take(g);
    if (hit < 0) continue;
    c.tp++;
    const p = predicted[hit] as Quote;
    if (g.speakers.length > 0) {
      c.speakerCount++;
      if (speakerRight(doc, p, g)) c.speakerRight++;
    }
  }
  // What is left and matches an optional gold quote (of any kind) is not counted as predicted.
  const optional = new Set<number>();
  for (const g of gold) {
    const hit = g.optional ? take(g) : -1;
    if (hit >= 0) optional.add(hit);
  }
  c.predicted += predicted.length - optional.size;
  // Cues: every predicted cue against every gold cue, by overlap.
  const goldCues = golds.filter((g) => g.cues.length > 0);
  const predictedCues = predicted.filter((p, j) => p.cue && !optional.has(j));
  c.cueGold += goldCues.length;
  c.cuePredicted += predictedCues.length;
  const usedCue = new Set<number>();
  for (const g of goldCues) {
    const hit = predictedCues.findIndex(
      (p, j) => !usedCue.has(j) && p.cue !== null && g.cues.some((r) => overlap(r, [p.cue!.start, p.cue!.end]) > 0),
    );
    if (hit >= 0) {
      usedCue.add(hit);
      c.cueTp++;
    }
  }
}

export function scoreQuotes(articles: readonly SpkAttArticle[]): QuoteScores[] {
  const kinds: Array<QuoteScores['kind']> = ['direct', 'indirect', 'all'];
  const counts = kinds.map(() => ({
    tp: 0,
    predicted: 0,
    gold: 0,
    speakerRight: 0,
    speakerCount: 0,
    cueTp: 0,
    cuePredicted: 0,
    cueGold: 0,
  }));
  for (const article of articles) {
    const doc = analyzeDocument(
      {
        input: article.id,
        origin: article.id,
        outputName: article.id,
        givenId: article.id,
        title: null,
        text: article.text,
        published: article.published,
        source: { name: null, url: null },
      },
      {},
    );
    kinds.forEach((kind, i) => scoreArticle(doc, article.quotes, kind, counts[i] as Counts));
  }
  return kinds.map((kind, i) => {
    const c = counts[i] as Counts;
    return {
      kind,
      quotes: prf(c.tp, c.predicted, c.gold),
      speakerAccuracy: c.speakerCount ? c.speakerRight / c.speakerCount : 0,
      speakerCount: c.speakerCount,
      cues: prf(c.cueTp, c.cuePredicted, c.cueGold),
    };
  });
}
