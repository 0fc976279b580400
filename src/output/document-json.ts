/** The in-memory `Doc` → the contract's JSON object (SPEC.md). */
import { SCHEMA_ID, type Doc, type DocumentOut, type Span, type TokenOut } from '../document.js';

export interface OutputOptions {
  /** Optional layers to include: `tokens`. */
  withTokens: boolean;
}

export function toDocumentOut(doc: Doc, options: OutputOptions): DocumentOut {
  const out: DocumentOut = {
    schema: SCHEMA_ID,
    id: doc.id,
    lang: doc.lang,
    title: doc.raw.title,
    published: doc.published,
    source: { name: doc.raw.source.name, url: doc.raw.source.url },
    text: doc.text,
    sentences: sentenceSpans(doc),
    entities: doc.entities,
    quotes: doc.quotes,
    quantities: doc.quantities,
    times: doc.times,
    events: doc.events,
    warnings: doc.warnings,
  };
  if (options.withTokens) out.tokens = tokenObjects(doc);
  return out;
}

function sentenceSpans(doc: Doc): Span[] {
  const { tokens, sentences } = doc;
  const spans: Span[] = new Array(sentences.count);
  for (let s = 0; s < sentences.count; s++) {
    spans[s] = {
      start: tokens.start[sentences.firstToken[s] as number] as number,
      end: tokens.end[(sentences.endToken[s] as number) - 1] as number,
    };
  }
  return spans;
}

function tokenObjects(doc: Doc): TokenOut[] {
  const { tokens, text } = doc;
  const out: TokenOut[] = new Array(tokens.count);
  for (let i = 0; i < tokens.count; i++) {
    const start = tokens.start[i] as number;
    const end = tokens.end[i] as number;
    const token: TokenOut = { start, end, text: text.slice(start, end) };
    if (doc.morph) {
      token.upos = doc.morph.upos[i] as string;
      token.xpos = doc.morph.xpos[i] as string;
      token.feats = doc.morph.feats[i] as string;
      token.lemma = doc.morph.lemma[i] as string;
    }
    if (doc.syntax) {
      const h = doc.syntax.head[i] as number;
      token.head = h < 0 ? null : h;
      token.deprel = doc.syntax.deprel[i] as string;
    }
    out[i] = token;
  }
  return out;
}
