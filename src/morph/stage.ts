/**
 * The morphology stage: tags, features and lemmas for every token, sentence by sentence. Contractions
 * ("zum") are tagged as the two words UD sees ("zu dem") and the token gets STTS APPRART.
 */
import type { Doc, MorphTable, MorphWord } from '../document.js';
import type { Stage } from '../pipeline.js';
import { truncationEnd } from '../text/compounds.js';
import { readLexiconRows } from '../util/lexicon.js';
import { loadMorphTagger, type MorphTagger, type TaggedToken } from './tagger.js';

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

/** Tags of one token: a contraction keeps the two words it was tagged as. */
export interface TokenTags extends TaggedToken {
  words?: MorphWord[];
}

/**
 * Tag a sentence given as token texts, contractions split into their two words (as the treebank).
 * `truncated` marks the tokens that are the first part of a truncated compound ("Militär" in "Militär- und
 * Polizeibeamten"), which only the token offsets tell: they are tagged TRUNC.
 */
export function tagTokens(tagger: MorphTagger, texts: readonly string[], truncated?: ReadonlySet<number>): TokenTags[] {
  const words: string[] = [];
  const wordOf: number[] = []; // token → index of its (first) word
  const contractions: Array<Contraction | undefined> = [];
  const truncatedWords = truncated?.size ? new Set<number>() : undefined;
  for (const [t, text] of texts.entries()) {
    if (truncatedWords && truncated?.has(t)) truncatedWords.add(words.length);
    wordOf.push(words.length);
    // Contractions are short: only look up tokens of two to seven letters.
    const c = text.length >= 2 && text.length <= 7 ? CONTRACTIONS.get(text.toLowerCase()) : undefined;
    contractions.push(c);
    if (c) words.push(text[0] === text[0]?.toUpperCase() ? cap(c.preposition) : c.preposition, c.article);
    else words.push(text);
  }
  const tagged = tagger.tagSentence(words, truncatedWords);
  return texts.map((_, t) => {
    const w = wordOf[t] as number;
    const tag = tagged[w]!;
    const contraction = contractions[t];
    if (!contraction) return tag; // the tagger's own result: no copy per token
    return {
      upos: 'ADP',
      xpos: 'APPRART',
      feats: contraction.feats,
      lemma: contraction.preposition,
      words: [
        { form: words[w] as string, ...tag },
        { form: words[w + 1] as string, ...tagged[w + 1]! },
      ],
    };
  });
}

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
      const texts: string[] = [];
      for (let t = first; t < end; t++) texts.push(doc.text.slice(doc.tokens.start[t], doc.tokens.end[t]));
      tagTokens(tagger, texts, truncatedTokens(doc, first, texts)).forEach((tag, i) => {
        const t = first + i;
        table.upos[t] = tag.upos;
        table.xpos[t] = tag.xpos;
        table.feats[t] = tag.feats;
        table.lemma[t] = tag.lemma;
        if (tag.words) table.words[t] = tag.words;
      });
    }
    doc.morph = table;
  },
};

/** Sentence positions of the words written with a hyphen before a conjunction ("Militär- und …"). */
function truncatedTokens(doc: Doc, first: number, texts: readonly string[]): Set<number> | undefined {
  let found: Set<number> | undefined;
  // The sentence's offsets, viewed only where a hyphen calls for them (most sentences have none).
  let offsets: { start: Uint32Array; end: Uint32Array } | undefined;
  for (let i = 0; i + 3 < texts.length; i++) {
    if (texts[i + 1] !== '-' || !/^\p{L}+$/u.test(texts[i] as string)) continue;
    offsets ??= {
      start: doc.tokens.start.subarray(first, first + texts.length),
      end: doc.tokens.end.subarray(first, first + texts.length),
    };
    if (truncationEnd(texts, offsets.start, offsets.end, i) >= 0) (found ??= new Set()).add(i);
  }
  return found;
}

function cap(s: string): string {
  return (s[0]?.toUpperCase() ?? '') + s.slice(1);
}
