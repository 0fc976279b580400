/**
 * Scoring against gold files in the format of the shared examples (`../shared/examples/NAME/gold.json`;
 * one object, or JSONL of them): each gold text is analysed with its publication date and compared layer by layer as the shared
 * scorer (`../shared/eval/score.py`) does — spans match when their overlap covers half of each; quotes
 * add speaker accuracy, quantities value+bound and category accuracy, times value accuracy; entities
 * match by name or alias; events by type and trigger overlap, with modality and source-country accuracy and
 * a count of events asserted where the gold says the text only supposes them ("forbidden"). A layer a gold
 * text has no key for (an events-only file) is not scored for that text.
 */
import { readFileSync } from 'node:fs';
import type { Doc } from '../document.js';
import { analyzeDocument } from '../pipeline.js';
import { prf, type PRF } from './metrics.js';

type Range = [number, number];

interface GoldCase {
  id?: string;
  text: string;
  published?: string | null;
  quotes?: Array<{ content: string; span?: Range; speaker?: string | null; optional?: boolean }>;
  quantities?: Array<{ text: string; span?: Range; value: number | null; bound: string; category?: string }>;
  times?: Array<{ text: string; span?: Range; value: string | null }>;
  entities?: Array<{ name: string; type: string; aliases?: string[]; actor?: string; optional?: boolean }>;
  events?: GoldEvent[];
}

interface GoldEvent {
  type: string;
  trigger: string;
  trigger_span?: Range;
  source?: string | null;
  modality?: string;
  optional?: boolean;
  note?: string;
}

export function readGold(path: string): GoldCase[] {
  const text = readFileSync(path, 'utf8').trim();
  if (text.startsWith('[')) return JSON.parse(text) as GoldCase[];
  try {
    return [JSON.parse(text) as GoldCase];
  } catch {
    return text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldCase);
  }
}

const norm = (s: string | null | undefined): string =>
  (s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}_ ]+/gu, ' ')
    .trim();

function goodOverlap(g: Range, p: Range): boolean {
  const o = Math.max(0, Math.min(g[1], p[1]) - Math.max(g[0], p[0]));
  return o > 0 && o >= 0.5 * (g[1] - g[0]) && o >= 0.5 * (p[1] - p[0]);
}

function spanOf(text: string, sub: string, span?: Range): Range {
  if (span) return span;
  const i = text.indexOf(sub);
  return i < 0 ? [-1, -1] : [i, i + sub.length];
}

export interface LayerScore extends PRF {
  layer: string;
  /** Layer-specific accuracies over matched items, by name. */
  accuracy: Record<string, number | null>;
}

interface Tally {
  tp: number;
  predicted: number;
  gold: number;
  right: Record<string, number>;
  counted: Record<string, number>;
}

const tally = (): Tally => ({ tp: 0, predicted: 0, gold: 0, right: {}, counted: {} });
function count(t: Tally, key: string, ok: boolean): void {
  t.counted[key] = (t.counted[key] ?? 0) + 1;
  if (ok) t.right[key] = (t.right[key] ?? 0) + 1;
}

/** Greedy matching of gold items to predicted spans; optional gold items neither count nor cost. */
function match<G>(
  golds: readonly G[],
  predicted: readonly Range[],
  spanOfGold: (g: G) => Range,
  optional: (g: G) => boolean,
  t: Tally,
  onMatch: (g: G, j: number) => void,
): void {
  const used = new Set<number>();
  for (const g of golds) {
    const gs = spanOfGold(g);
    const hit = predicted.findIndex((p, j) => !used.has(j) && goodOverlap(gs, p));
    if (hit < 0) {
      if (!optional(g)) t.gold++;
      continue;
    }
    used.add(hit);
    if (optional(g)) {
      t.predicted--; // a matched optional item is not a false positive; its accuracies still count
      onMatch(g, hit);
      continue;
    }
    t.gold++;
    t.tp++;
    onMatch(g, hit);
  }
  t.predicted += predicted.length;
}

function speakerNames(doc: Doc, q: Doc['quotes'][number]): string[] {
  const names = new Set<string>();
  if (q.speaker?.text) names.add(norm(q.speaker.text));
  const e = doc.entities.find((x) => x.id === q.speaker?.entity);
  if (e) {
    names.add(norm(e.name));
    for (const m of e.mentions) names.add(norm(m.text));
  }
  return [...names].filter(Boolean);
}

function speakerOk(gold: string, names: readonly string[], aliases: Map<string, string[]>): boolean {
  const want = [gold, ...(aliases.get(gold) ?? [])].map(norm);
  return names.some((n) =>
    want.some(
      (w) =>
        n === w ||
        (n.length > 3 && (w.split(' ').includes(n) || w.endsWith(n) || n.endsWith(w))) ||
        (n.length > 3 && w.length > 3 && (n.includes(w) || w.includes(n))),
    ),
  );
}

export function scoreGold(cases: readonly GoldCase[]): LayerScore[] {
  const quotes = tally();
  const quantities = tally();
  const times = tally();
  const entities = tally();
  const events = tally();
  for (const [i, g] of cases.entries()) {
    const doc = analyzeDocument({
      input: g.id ?? `case${i + 1}`,
      origin: g.id ?? `case${i + 1}`,
      outputName: g.id ?? `case${i + 1}`,
      givenId: g.id ?? null,
      title: null,
      text: g.text,
      published: g.published ?? null,
      source: { name: null, url: null },
    });
    const aliases = new Map((g.entities ?? []).map((e) => [e.name, e.aliases ?? []]));
    // A layer the gold file does not annotate (no key at all) is not scored for that text.
    if (g.quotes)
      match(
        g.quotes,
        doc.quotes.map((q) => [q.start, q.end] as Range),
        (q) => spanOf(g.text, q.content, q.span),
        (q) => q.optional === true,
        quotes,
        (q, j) => {
          if (q.speaker) count(quotes, 'speaker', speakerOk(q.speaker, speakerNames(doc, doc.quotes[j]!), aliases));
        },
      );
    if (g.quantities)
      match(
        g.quantities,
        doc.quantities.map((n) => [n.start, n.end] as Range),
        (n) => spanOf(g.text, n.text, n.span),
        () => false,
        quantities,
        (n, j) => {
          const p = doc.quantities[j]!;
          const valueOk =
            (n.value === null && p.value === null) ||
            (n.value !== null && p.value !== null && Math.abs(n.value - p.value) < 1e-6);
          count(quantities, 'value+bound', valueOk && n.bound === p.bound);
          count(quantities, 'category', n.category !== undefined && n.category === p.category);
        },
      );
    if (g.times)
      match(
        g.times,
        doc.times.map((t) => [t.start, t.end] as Range),
        (t) => spanOf(g.text, t.text, t.span),
        () => false,
        times,
        (t, j) => {
          if (t.value !== null) count(times, 'value', doc.times[j]!.value === t.value);
        },
      );
    if (g.entities) scoreEntities(g, doc, entities);
    if (g.events) scoreEvents(g, doc, events);
  }
  const layer = (name: string, t: Tally): LayerScore => ({
    layer: name,
    ...prf(t.tp, t.predicted, t.gold),
    accuracy: Object.fromEntries(Object.keys(t.counted).map((k) => [k, (t.right[k] ?? 0) / (t.counted[k] as number)])),
  });
  const eventScore = layer('events', events);
  eventScore.accuracy['forbidden asserted'] = events.right['forbidden'] ?? 0;
  return [
    layer('quotes', quotes),
    layer('quantities', quantities),
    layer('times', times),
    layer('entities', entities),
    eventScore,
  ];
}

function scoreEntities(g: GoldCase, doc: Doc, entities: Tally): void {
  const predictedNames = doc.entities.map((e) => new Set([norm(e.name), ...e.mentions.map((m) => norm(m.text))]));
  for (const e of g.entities ?? []) {
    const want = [e.name, ...(e.aliases ?? [])].map(norm);
    const hit = predictedNames.findIndex((names) => want.some((w) => names.has(w)));
    if (hit < 0) {
      if (!e.optional) entities.gold++;
      continue;
    }
    entities.gold++;
    entities.tp++;
    count(entities, 'type', doc.entities[hit]!.type === e.type);
    // Issue 5's actor measure: of the gold entities that have an actor code, the share whose predicted
    // code names the same country (its first three letters).
    if (e.actor) count(entities, 'actor country', doc.entities[hit]!.actor?.code.slice(0, 3) === e.actor.slice(0, 3));
  }
  entities.predicted += doc.entities.length;
}

/**
 * Events as score.py matches them: same type and a trigger overlap. A gold event marked "must NOT" (a
 * supposition) is never counted, but a predicted match asserted counts as forbidden.
 */
function scoreEvents(g: GoldCase, doc: Doc, t: Tally): void {
  const used = new Set<number>();
  let tp = 0;
  for (const v of g.events ?? []) {
    const gs = spanOf(g.text, v.trigger, v.trigger_span);
    const hit = doc.events.findIndex(
      (e, j) => !used.has(j) && e.type === v.type && goodOverlap(gs, [e.trigger.start, e.trigger.end]),
    );
    if (v.modality === 'hypothetical' && (v.note ?? '').startsWith('must NOT')) {
      if (hit >= 0) {
        used.add(hit);
        if (doc.events[hit]!.modality === 'asserted') t.right['forbidden'] = (t.right['forbidden'] ?? 0) + 1;
      }
      continue;
    }
    if (hit < 0) {
      if (!v.optional) t.gold++;
      continue;
    }
    used.add(hit);
    if (v.optional) continue;
    t.gold++;
    t.tp++;
    tp++;
    const e = doc.events[hit]!;
    count(t, 'modality', e.modality === (v.modality ?? 'asserted'));
    if (v.source) count(t, 'source country', (e.source?.actor ?? '').slice(0, 3) === v.source.slice(0, 3));
  }
  // As score.py: every unmatched prediction is a false positive; matched optional ones cost nothing.
  t.predicted += tp + doc.events.length - used.size;
}
