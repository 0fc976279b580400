/**
 * Attachment scores with gold tokenization and the tags our tagger predicts (what the parser sees at
 * run time): UAS and LAS over all words, CLAS over content words and MLAS (CLAS that also asks for the
 * right UPOS, features and function-word children), as in the CoNLL 2018 shared task, and
 * precision/recall/F1 of the relations the extraction stages rely on. Relations are compared with their
 * subtypes (GSD's own label set), where the CoNLL 2018 script compares only the universal part.
 */
import type { ConlluSentence } from './conllu.js';
import { normFeats } from './ud.js';
import type { MorphTagger } from '../morph/tagger.js';
import type { Parser, ParseInput } from '../syntax/parser.js';
import { relationBase } from '../syntax/tree.js';

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
  /** CLAS where a content word also needs its UPOS, features and function-word children right. */
  mlas: number;
  relations: RelationScores[];
}

/** The relations events, quotes and speakers are read from. */
export const KEY_RELATIONS = ['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl', 'ccomp', 'compound:prt'];

/** Function-word relations and punctuation: what CLAS leaves out (CoNLL 2018). */
const NON_CONTENT = new Set(['aux', 'cop', 'mark', 'det', 'clf', 'case', 'cc', 'punct']);
/** The function-word children MLAS compares. */
const FUNCTIONAL = new Set(['aux', 'cop', 'mark', 'det', 'clf', 'case', 'cc']);

/** Each word's function-word children as one comparable string: (child, relation, UPOS, features). */
function functionalChildren(
  heads: readonly number[],
  deprels: readonly string[],
  upos: readonly string[],
  feats: readonly string[],
): string[] {
  const out: string[] = heads.map(() => '');
  heads.forEach((h, i) => {
    if (h > 0 && FUNCTIONAL.has(relationBase(deprels[i] as string))) {
      out[h - 1] += `${i}/${deprels[i]}/${upos[i]}/${normFeats(feats[i] as string)};`;
    }
  });
  return out;
}

function isContent(deprel: string): boolean {
  return !NON_CONTENT.has(relationBase(deprel));
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
      lemmas: s.words.map((w) => w.lemma),
    };
  }
  const tagged = tagger.tagSentence(forms);
  return {
    forms,
    upos: tagged.map((t) => t.upos),
    xpos: tagged.map((t) => t.xpos),
    feats: tagged.map((t) => t.feats),
    lemmas: tagged.map((t) => t.lemma),
  };
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
  let morphCorrect = 0;
  const rel = new Map(KEY_RELATIONS.map((r) => [r, { gold: 0, predicted: 0, correct: 0 }]));
  for (const s of sentences) {
    const input = parseInputOf(s, tagger);
    const parse = parser.parse(input);
    const goldChildren = functionalChildren(
      s.words.map((w) => w.head),
      s.words.map((w) => w.deprel),
      s.words.map((w) => w.upos),
      s.words.map((w) => w.feats),
    );
    const predictedChildren = functionalChildren(parse.heads, parse.deprels, input.upos, input.feats);
    s.words.forEach((w, i) => {
      words++;
      const predicted = parse.deprels[i] as string;
      const correct = parse.heads[i] === w.head && predicted === w.deprel;
      if (parse.heads[i] === w.head) uas++;
      if (correct) las++;
      if (isContent(w.deprel)) contentGold++;
      if (isContent(predicted)) contentPredicted++;
      if (correct && isContent(w.deprel)) {
        contentCorrect++;
        if (
          input.upos[i] === w.upos &&
          normFeats(input.feats[i] as string) === normFeats(w.feats) &&
          predictedChildren[i] === goldChildren[i]
        ) {
          morphCorrect++;
        }
      }
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
    mlas: pct(2 * morphCorrect, contentGold + contentPredicted),
    relations,
  };
}
