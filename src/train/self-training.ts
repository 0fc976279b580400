/**
 * Silver trees for the parser: unlabelled German news parsed by the parser trained on the treebank, to
 * be learned from again together with the treebank (self-training; with the mean of several models as
 * the teacher, each student member learns the ensemble's decisions on 50k more words than the treebank
 * has). The text is the article text of German Wikinews (CC BY 2.5) in the SpkAtt train split: only the
 * text is read here, never its speaker annotations (CC BY-NC-SA).
 *
 * Sentences are kept when a parse of them is most likely to be right and most like the treebank's: 5–40
 * words, a finite verb, ending in a full stop, question or exclamation mark (no headlines, lists or
 * fragments), in file order until `limit`.
 */
import type { ConlluSentence } from '../eval/conllu.js';
import { TAGGING_STAGES, analyzeDocument, textDocument } from '../pipeline.js';
import { sentenceWords } from '../syntax/stage.js';
import type { ParseInput, Parser } from '../syntax/parser.js';

export interface SilverSet {
  sentences: ConlluSentence[];
  /** The tags each sentence was parsed with (the shipped tagger's: what the parser sees at run time). */
  inputs: ParseInput[];
}

const MIN_WORDS = 5;
const MAX_WORDS = 40;
const FINITE_VERB = /^V[VAM]FIN$/;
const SENTENCE_END = /^[.!?]$/;

function looksLikeTreebankSentence(input: ParseInput): boolean {
  const n = input.forms.length;
  return (
    n >= MIN_WORDS &&
    n <= MAX_WORDS &&
    SENTENCE_END.test(input.forms[n - 1] as string) &&
    input.xpos.some((x) => FINITE_VERB.test(x)) &&
    !input.forms.some((f) => /\s/.test(f))
  );
}

/** Up to `limit` silver trees from `texts`, parsed by `teacher` (tagged by the shipped morphology model). */
export function silverTrees(texts: Iterable<string>, teacher: Parser, limit: number): SilverSet {
  const sentences: ConlluSentence[] = [];
  const inputs: ParseInput[] = [];
  for (const text of texts) {
    const doc = analyzeDocument(textDocument(text), {}, TAGGING_STAGES);
    for (let s = 0; s < doc.sentences.count && sentences.length < limit; s++) {
      const input = sentenceWords(doc, s)?.input;
      if (!input || !looksLikeTreebankSentence(input)) continue;
      const parse = teacher.parse(input);
      sentences.push({
        id: `silver-${sentences.length + 1}`,
        text: input.forms.join(' '),
        newDoc: false,
        newPar: false,
        surface: [...input.forms],
        surfaceOf: input.forms.map((_, i) => i),
        words: input.forms.map((form, i) => ({
          id: i + 1,
          form,
          lemma: input.lemmas?.[i] ?? '_',
          upos: input.upos[i] as string,
          xpos: input.xpos[i] as string,
          feats: input.feats[i] as string,
          head: parse.heads[i] as number,
          deprel: parse.deprels[i] as string,
          misc: '_',
        })),
      });
      inputs.push(input);
    }
    if (sentences.length >= limit) break;
  }
  return { sentences, inputs };
}
