/**
 * Morphology accuracy with gold tokenization (UD words as given): UPOS, XPOS, UFeats (the whole feature
 * set), AllTags (UPOS + XPOS + UFeats), Lemma, and the two features extraction leans on most: Mood
 * (Konjunktiv marks reported speech) and Case (subject vs object), each counted over every word (a word
 * without the feature must get none).
 */
import type { ConlluSentence } from './conllu.js';

export interface TaggedWord {
  upos: string;
  xpos: string;
  feats: string;
  lemma: string;
}

export interface MorphScores {
  words: number;
  upos: number;
  xpos: number;
  ufeats: number;
  allTags: number;
  lemma: number;
  mood: number;
  case: number;
}

function featValue(feats: string, name: string): string {
  for (const part of feats.split('|')) if (part.startsWith(name + '=')) return part.slice(name.length + 1);
  return '_';
}

function normFeats(feats: string): string {
  return feats === '' ? '_' : feats;
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
      const u = p.upos === gold.upos;
      const x = p.xpos === gsdXpos(s, i);
      const f = normFeats(p.feats) === normFeats(gold.feats);
      if (u) c.upos++;
      if (x) c.xpos++;
      if (f) c.ufeats++;
      if (u && x && f) c.allTags++;
      if (p.lemma === gold.lemma) c.lemma++;
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
