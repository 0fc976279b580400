/**
 * The syntax stage: a dependency parse of every sentence. The parser works on UD words (a contraction
 * such as "zum" is two words); each token gets the head and relation of its first word whose head lies
 * outside the token, with heads as indices into the document's tokens (-1 for a sentence root).
 */
import type { Doc, SyntaxTable } from '../document.js';
import type { Stage } from '../pipeline.js';
import { loadParser } from './model.js';
import type { Parse, ParseInput, Parser } from './parser.js';

/** A sentence parsed word by word: the words' forms, the token each belongs to, and the parse. */
export interface ParsedWords {
  forms: readonly string[];
  /** Token index (in the document) of each word. */
  tokenOf: number[];
  parse: Parse;
}

/**
 * Sentence `s` of a tagged document as parser input over its UD words ("zum" is "zu" + "dem"), with the
 * token each word belongs to (null without tags).
 */
export function sentenceWords(doc: Doc, s: number): { input: ParseInput; tokenOf: number[] } | null {
  const morph = doc.morph;
  if (!morph) return null;
  const first = doc.sentences.firstToken[s] as number;
  const end = doc.sentences.endToken[s] as number;
  const forms: string[] = [];
  const upos: string[] = [];
  const xpos: string[] = [];
  const feats: string[] = [];
  const lemmas: string[] = [];
  const tokenOf: number[] = [];
  for (let t = first; t < end; t++) {
    const split = morph.words[t];
    if (split) {
      for (const w of split) {
        forms.push(w.form);
        upos.push(w.upos);
        xpos.push(w.xpos);
        feats.push(w.feats);
        lemmas.push(w.lemma);
        tokenOf.push(t);
      }
    } else {
      forms.push(doc.text.slice(doc.tokens.start[t], doc.tokens.end[t]));
      upos.push(morph.upos[t] as string);
      xpos.push(morph.xpos[t] as string);
      feats.push(morph.feats[t] as string);
      lemmas.push(morph.lemma[t] as string);
      tokenOf.push(t);
    }
  }
  return { input: { forms, upos, xpos, feats, lemmas }, tokenOf };
}

/** Parse sentence `s` of a tagged document over its UD words (null without tags). */
export function parseSentenceWords(doc: Doc, s: number, parser: Parser): ParsedWords | null {
  const words = sentenceWords(doc, s);
  if (!words) return null;
  const { input, tokenOf } = words;
  return { forms: input.forms, tokenOf, parse: parser.parse(input) };
}

export const syntaxStage: Stage = {
  name: 'syntax',
  run(doc: Doc) {
    const parser = loadParser();
    if (!parser || !doc.morph) return; // needs tags; stays unparsed without a model
    const n = doc.tokens.count;
    const table: SyntaxTable = { head: new Int32Array(n).fill(-1), deprel: new Array(n).fill('dep') };
    for (let s = 0; s < doc.sentences.count; s++) {
      const first = doc.sentences.firstToken[s] as number;
      const { forms, tokenOf, parse } = parseSentenceWords(doc, s, parser) as ParsedWords;
      const assigned = new Uint8Array((doc.sentences.endToken[s] as number) - first);
      for (let w = 0; w < forms.length; w++) {
        const t = tokenOf[w] as number;
        if (assigned[t - first]) continue;
        const h = parse.heads[w] as number;
        if (h !== 0 && tokenOf[h - 1] === t) continue; // head inside the same token: try its next word
        table.head[t] = h === 0 ? -1 : (tokenOf[h - 1] as number);
        table.deprel[t] = h === 0 ? 'root' : (parse.deprels[w] as string);
        assigned[t - first] = 1;
      }
    }
    doc.syntax = table;
  },
};
