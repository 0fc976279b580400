/**
 * Attachment scores with gold tokenization and the tags our tagger predicts (what the parser sees at
 * run time): UAS and LAS over all words and CLAS over content words, as in the CoNLL 2018 shared task,
 * and precision/recall/F1 of the relations the extraction stages rely on.
 */
import type { ConlluSentence } from './conllu.js';
import type { MorphTagger } from '../morph/tagger.js';
import type { Parser, ParseInput } from '../syntax/parser.js';

export interface RelationScores {
  relation: string;
  gold: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface AttachmentScores {
  words: number;
  uas: number;
  las: number;
  /** LAS over content words (F1 of gold and predicted content relations), CoNLL 2018 style. */
  clas: number;
  relations: RelationScores[];
}

/** The relations events, quotes and speakers are read from. */
export const KEY_RELATIONS = ['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl', 'ccomp', 'compound:prt'];

/** Function-word relations and punctuation: what CLAS leaves out (CoNLL 2018). */
const NON_CONTENT = new Set(['aux', 'cop', 'mark', 'det', 'clf', 'case', 'cc', 'punct']);

function isContent(deprel: string): boolean {
  const colon = deprel.indexOf(':');
  return !NON_CONTENT.has(colon < 0 ? deprel : deprel.slice(0, colon));
}

/** Tags for parsing: predicted by the tagger when there is one (as at run time), else gold. */
export function parseInputOf(s: ConlluSentence, tagger: MorphTagger | null): ParseInput {
  const forms = s.words.map((w) => w.form);
  if (!tagger) {
    return {
      forms,
      upos: s.words.map((w) => w.upos),
      xpos: s.words.map((w) => w.xpos),
      feats: s.words.map((w) => w.feats),
    };
  }
  const tagged = tagger.tagSentence(forms);
  return { forms, upos: tagged.map((t) => t.upos), xpos: tagged.map((t) => t.xpos), feats: tagged.map((t) => t.feats) };
}

export function scoreParser(
  sentences: readonly ConlluSentence[],
  parser: Parser,
  tagger: MorphTagger | null,
): AttachmentScores {
  let words = 0;
  let uas = 0;
  let las = 0;
  let contentGold = 0;
  let contentPredicted = 0;
  let contentCorrect = 0;
  const rel = new Map(KEY_RELATIONS.map((r) => [r, { gold: 0, predicted: 0, correct: 0 }]));
  for (const s of sentences) {
    const parse = parser.parse(parseInputOf(s, tagger));
    s.words.forEach((w, i) => {
      words++;
      const predicted = parse.deprels[i] as string;
      const correct = parse.heads[i] === w.head && predicted === w.deprel;
      if (parse.heads[i] === w.head) uas++;
      if (correct) las++;
      if (isContent(w.deprel)) contentGold++;
      if (isContent(predicted)) contentPredicted++;
      if (correct && isContent(w.deprel)) contentCorrect++;
      const g = rel.get(w.deprel);
      if (g) g.gold++;
      const p = rel.get(predicted);
      if (p) p.predicted++;
      if (correct && g) g.correct++;
    });
  }
  const pct = (k: number, n: number): number => (100 * k) / Math.max(1, n);
  const relations = [...rel].map(([relation, c]) => {
    const precision = pct(c.correct, c.predicted);
    const recall = pct(c.correct, c.gold);
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { relation, gold: c.gold, predicted: c.predicted, precision, recall, f1 };
  });
  return {
    words,
    uas: pct(uas, words),
    las: pct(las, words),
    clas: pct(2 * contentCorrect, contentGold + contentPredicted),
    relations,
  };
}
