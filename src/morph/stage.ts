/**
 * The morphology stage: tags, features and lemmas for every token, sentence by sentence. Contractions
 * ("zum") are tagged as the two words UD sees ("zu dem") and the token gets STTS APPRART.
 */
import type { Doc, MorphTable } from '../document.js';
import type { Stage } from '../pipeline.js';
import { readLexiconRows } from '../util/lexicon.js';
import { loadMorphTagger } from './tagger.js';

interface Contraction {
  preposition: string;
  article: string;
  feats: string;
}

const CONTRACTIONS = new Map<string, Contraction>(
  readLexiconRows('lexicons/de/contractions.tsv').map((r) => [
    r[0] as string,
    { preposition: r[1] as string, article: r[2] as string, feats: r[3] as string },
  ]),
);

export const morphStage: Stage = {
  name: 'morph',
  run(doc: Doc) {
    const tagger = loadMorphTagger();
    if (!tagger) return; // no model built yet: tokens stay untagged
    const n = doc.tokens.count;
    const table: MorphTable = {
      upos: new Array(n),
      xpos: new Array(n),
      feats: new Array(n),
      lemma: new Array(n),
      words: new Array(n),
    };
    for (let s = 0; s < doc.sentences.count; s++) {
      const first = doc.sentences.firstToken[s] as number;
      const end = doc.sentences.endToken[s] as number;
      const words: string[] = [];
      const wordOf: number[] = []; // token → index of its (first) word
      const contractions: Array<Contraction | undefined> = [];
      for (let t = first; t < end; t++) {
        const text = doc.text.slice(doc.tokens.start[t], doc.tokens.end[t]);
        wordOf.push(words.length);
        // Contractions are short: only look up tokens of two to seven letters.
        const c = text.length >= 2 && text.length <= 7 ? CONTRACTIONS.get(text.toLowerCase()) : undefined;
        contractions.push(c);
        if (c) words.push(text[0] === text[0]?.toUpperCase() ? cap(c.preposition) : c.preposition, c.article);
        else words.push(text);
      }
      const tagged = tagger.tagSentence(words);
      for (let t = first; t < end; t++) {
        const w = wordOf[t - first] as number;
        const tag = tagged[w]!;
        const contraction = contractions[t - first];
        if (contraction) {
          table.upos[t] = 'ADP';
          table.xpos[t] = 'APPRART';
          table.feats[t] = contraction.feats;
          table.lemma[t] = contraction.preposition;
          table.words[t] = [
            { form: words[w] as string, ...tag },
            { form: words[w + 1] as string, ...tagged[w + 1]! },
          ];
        } else {
          table.upos[t] = tag.upos;
          table.xpos[t] = tag.xpos;
          table.feats[t] = tag.feats;
          table.lemma[t] = tag.lemma;
        }
      }
    }
    doc.morph = table;
  },
};

function cap(s: string): string {
  return (s[0]?.toUpperCase() ?? '') + s.slice(1);
}
