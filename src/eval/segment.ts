/**
 * `lagebild eval segment`: tokenizer and sentence splitter against the raw text of UD treebanks.
 *
 * Each treebank document's `# text` lines are joined with single spaces (so line breaks give the
 * splitter no help), gold token spans come from aligning the surface forms (a multi-word token such as
 * "zum" counts once) and both layers are scored by exact span match.
 */
import { tokenize } from '../text/tokenizer.js';
import { splitSentences } from '../text/sentences.js';
import type { ConlluSentence } from './conllu.js';
import { prf, type PRF } from './metrics.js';

export interface SegmentScores {
  documents: number;
  goldTokens: number;
  goldSentences: number;
  tokens: PRF;
  sentences: PRF;
  /** Surface forms that could not be found in the `# text` line (treebank inconsistencies). */
  unaligned: number;
}

export interface SegmentError {
  kind: 'token' | 'sentence';
  gold: string[];
  predicted: string[];
  context: string;
}

export interface GoldDocument {
  text: string;
  /** The treebank sentences of this document, and where each starts in `text`. */
  source: ConlluSentence[];
  offsets: number[];
  tokens: Array<[number, number]>;
  sentences: Array<[number, number]>;
  unaligned: number;
}

/** Rebuild raw documents with gold spans from treebank sentences. */
export function goldDocuments(sentences: ConlluSentence[]): GoldDocument[] {
  const docs: GoldDocument[] = [];
  let doc: GoldDocument | null = null;
  for (const sentence of sentences) {
    if (!doc || sentence.newDoc) {
      doc = { text: '', source: [], offsets: [], tokens: [], sentences: [], unaligned: 0 };
      docs.push(doc);
    }
    const offset = doc.text.length === 0 ? 0 : doc.text.length + 1;
    doc.text = doc.text.length === 0 ? sentence.text : `${doc.text} ${sentence.text}`;
    doc.sentences.push([offset, offset + sentence.text.length]);
    doc.source.push(sentence);
    doc.offsets.push(offset);
    let pos = 0;
    for (const form of sentence.surface) {
      let at = sentence.text.startsWith(form, pos) ? pos : sentence.text.indexOf(form, pos);
      while (at === pos && /\s/.test(sentence.text[pos] ?? '')) at = sentence.text.indexOf(form, ++pos);
      if (at < 0) {
        doc.unaligned++;
        continue;
      }
      doc.tokens.push([offset + at, offset + at + form.length]);
      pos = at + form.length;
    }
  }
  return docs;
}

function spanKey(s: number, e: number): number {
  return s * 1_000_003 + e;
}

export function evaluateSegmentation(
  sentences: ConlluSentence[],
  errors?: { limit: number; out: SegmentError[] },
): SegmentScores {
  let tokTp = 0;
  let tokPred = 0;
  let tokGold = 0;
  let sentTp = 0;
  let sentPred = 0;
  let sentGold = 0;
  let unaligned = 0;
  const docs = goldDocuments(sentences);
  for (const doc of docs) {
    const tokens = tokenize(doc.text);
    const sents = splitSentences(doc.text, tokens);
    const predTokens = new Set<number>();
    for (let i = 0; i < tokens.count; i++) predTokens.add(spanKey(tokens.start[i] as number, tokens.end[i] as number));
    const predSentences = new Set<number>();
    for (let s = 0; s < sents.count; s++) {
      const a = tokens.start[sents.firstToken[s] as number] as number;
      const b = tokens.end[(sents.endToken[s] as number) - 1] as number;
      predSentences.add(spanKey(a, b));
    }
    const goldTokens = new Set(doc.tokens.map(([s, e]) => spanKey(s, e)));
    for (const [s, e] of doc.tokens) {
      if (predTokens.has(spanKey(s, e))) tokTp++;
      else if (errors && errors.out.length < errors.limit) {
        errors.out.push(tokenError(doc.text, s, e, tokens, goldTokens));
      }
    }
    for (const [s, e] of doc.sentences) {
      if (predSentences.has(spanKey(s, e))) sentTp++;
      else if (errors && errors.out.length < errors.limit) {
        errors.out.push({
          kind: 'sentence',
          gold: [doc.text.slice(s, e)],
          predicted: [],
          context: doc.text.slice(Math.max(0, s - 60), Math.min(doc.text.length, e + 60)),
        });
      }
    }
    tokPred += tokens.count;
    tokGold += doc.tokens.length;
    sentPred += sents.count;
    sentGold += doc.sentences.length;
    unaligned += doc.unaligned;
  }
  return {
    documents: docs.length,
    goldTokens: tokGold,
    goldSentences: sentGold,
    tokens: prf(tokTp, tokPred, tokGold),
    sentences: prf(sentTp, sentPred, sentGold),
    unaligned,
  };
}

function tokenError(
  text: string,
  s: number,
  e: number,
  tokens: { count: number; start: Uint32Array; end: Uint32Array },
  gold: Set<number>,
): SegmentError {
  const predicted: string[] = [];
  for (let i = 0; i < tokens.count; i++) {
    const a = tokens.start[i] as number;
    const b = tokens.end[i] as number;
    if (b > s && a < e && !gold.has(spanKey(a, b))) predicted.push(text.slice(a, b));
  }
  return {
    kind: 'token',
    gold: [text.slice(s, e)],
    predicted,
    context: text.slice(Math.max(0, s - 30), Math.min(text.length, e + 30)),
  };
}
