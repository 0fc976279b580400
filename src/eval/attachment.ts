/**
 * Attachment scores with gold tokenization and the tags our tagger predicts (what the parser sees at
 * run time): UAS and LAS over all words, as in the CoNLL 2018 shared task.
 */
import type { ConlluSentence } from './conllu.js';
import type { MorphTagger } from '../morph/tagger.js';
import type { DependencyParser, ParseInput } from '../syntax/parser.js';

export interface AttachmentScores {
  words: number;
  uas: number;
  las: number;
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
  parser: DependencyParser,
  tagger: MorphTagger | null,
): AttachmentScores {
  let words = 0;
  let uas = 0;
  let las = 0;
  for (const s of sentences) {
    const parse = parser.parse(parseInputOf(s, tagger));
    s.words.forEach((w, i) => {
      words++;
      if (parse.heads[i] === w.head) {
        uas++;
        if (parse.deprels[i] === w.deprel) las++;
      }
    });
  }
  return { words, uas: (100 * uas) / Math.max(1, words), las: (100 * las) / Math.max(1, words) };
}
