/**
 * Morphology accuracy with gold tokenization (UD words as given): UPOS, XPOS, UFeats (the whole feature
 * set), AllTags (UPOS + XPOS + UFeats), Lemma, and the two features extraction leans on most: Mood
 * (Konjunktiv marks reported speech) and Case (subject vs object), each counted over every word (a word
 * without the feature must get none).
 */
import type { ConlluSentence, ConlluWord } from './conllu.js';
import { featValue } from '../morph/features.js';

export interface TaggedWord {
  upos: string;
  xpos: string;
  feats: string;
  lemma: string;
}

/** Per-column accuracy (or F1), in percent. */
export interface ColumnScores {
  upos: number;
  xpos: number;
  ufeats: number;
  allTags: number;
  lemma: number;
}

export interface MorphScores extends ColumnScores {
  words: number;
  mood: number;
  case: number;
}

export function normFeats(feats: string): string {
  return feats === '' ? '_' : feats;
}

/** Count what a predicted word gets right against the gold word (and the gold STTS tag). */
function tally(c: ColumnScores, p: TaggedWord, gold: ConlluWord, goldXpos: string): void {
  const u = p.upos === gold.upos;
  const x = p.xpos === goldXpos;
  const f = normFeats(p.feats) === normFeats(gold.feats);
  if (u) c.upos++;
  if (x) c.xpos++;
  if (f) c.ufeats++;
  if (u && x && f) c.allTags++;
  if (p.lemma === gold.lemma) c.lemma++;
}

export function scoreMorph(
  sentences: readonly ConlluSentence[],
  tag: (words: string[]) => TaggedWord[],
  gsdXpos: (s: ConlluSentence, i: number) => string = (s, i) => s.words[i]?.xpos ?? '_',
): MorphScores {
  const c = { words: 0, upos: 0, xpos: 0, ufeats: 0, allTags: 0, lemma: 0, mood: 0, case: 0 };
  for (const s of sentences) {
    const predicted = tag(s.words.map((w) => w.form));
    s.words.forEach((gold, i) => {
      const p = predicted[i];
      if (!p) return;
      c.words++;
      tally(c, p, gold, gsdXpos(s, i));
      if (featValue(p.feats, 'Mood') === featValue(gold.feats, 'Mood')) c.mood++;
      if (featValue(p.feats, 'Case') === featValue(gold.feats, 'Case')) c.case++;
    });
  }
  const pct = (k: number): number => (c.words ? (100 * k) / c.words : 0);
  return {
    words: c.words,
    upos: pct(c.upos),
    xpos: pct(c.xpos),
    ufeats: pct(c.ufeats),
    allTags: pct(c.allTags),
    lemma: pct(c.lemma),
    mood: pct(c.mood),
    case: pct(c.case),
  };
}

export interface SystemWord extends TaggedWord {
  /** Character span of the token the word belongs to, and its place among that token's words. */
  start: number;
  end: number;
  part: number;
  /** The head word as `start:end:part` (null for a sentence root; undefined when unparsed). */
  headKey?: string | null | undefined;
  deprel?: string | undefined;
}

export interface EndToEndScores extends ColumnScores {
  goldWords: number;
  systemWords: number;
  /** F1 over words: a word counts when its token span, place and column value all match. */
  words: number;
  /** Attachment F1: the aligned word's head is the word aligned to the gold head (and, for LAS, same relation). */
  uas: number;
  las: number;
}

/**
 * End to end from raw text, in the spirit of the CoNLL 2018 shared task: gold words are aligned to system
 * words by character span (and by position inside a multi-word token), and each column is scored as F1
 * over aligned words, so tokenization and sentence errors cost what they cost.
 */
export function scoreEndToEnd(
  documents: ReadonlyArray<{ text: string; sentences: readonly ConlluSentence[]; offsets: readonly number[] }>,
  analyse: (text: string) => SystemWord[],
): EndToEndScores {
  const c = { gold: 0, system: 0, words: 0, upos: 0, xpos: 0, ufeats: 0, allTags: 0, lemma: 0, uas: 0, las: 0 };
  for (const doc of documents) {
    const system = new Map<string, SystemWord>();
    for (const w of analyse(doc.text)) system.set(`${w.start}:${w.end}:${w.part}`, w);
    c.system += system.size;
    doc.sentences.forEach((s, k) => {
      const offset = doc.offsets[k] as number;
      const spans = surfaceSpans(s);
      const keyOf = (i: number): string | undefined => {
        const token = s.surfaceOf[i] as number;
        const span = spans[token];
        return span ? `${offset + span[0]}:${offset + span[1]}:${i - s.surfaceOf.indexOf(token)}` : undefined;
      };
      s.words.forEach((gold, i) => {
        c.gold++;
        const key = keyOf(i);
        const p = key === undefined ? undefined : system.get(key);
        if (!p) return;
        c.words++;
        tally(c, p, gold, gold.xpos);
        const goldHead = gold.head === 0 ? null : keyOf(gold.head - 1);
        if (p.headKey !== undefined && goldHead !== undefined && p.headKey === goldHead) {
          c.uas++;
          if (p.deprel === gold.deprel) c.las++;
        }
      });
    });
  }
  const f1 = (k: number): number => (k === 0 ? 0 : (200 * k) / (c.gold + c.system));
  return {
    goldWords: c.gold,
    systemWords: c.system,
    words: f1(c.words),
    upos: f1(c.upos),
    xpos: f1(c.xpos),
    ufeats: f1(c.ufeats),
    allTags: f1(c.allTags),
    lemma: f1(c.lemma),
    uas: f1(c.uas),
    las: f1(c.las),
  };
}

/** Character spans of a sentence's surface tokens within its `# text`. */
function surfaceSpans(s: ConlluSentence): Array<[number, number] | undefined> {
  const spans: Array<[number, number] | undefined> = [];
  let pos = 0;
  for (const form of s.surface) {
    const at = s.text.indexOf(form, pos);
    if (at < 0) {
      spans.push(undefined);
      continue;
    }
    spans.push([at, at + form.length]);
    pos = at + form.length;
  }
  return spans;
}
