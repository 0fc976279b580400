/**
 * The quotes stage: who said what. Direct quotes are the spans between quotation marks that are speech
 * (not names or titles); indirect quotes are the dass-, ob- and Konjunktiv clauses of speech verbs, the
 * clauses attributed with "laut X", "nach Angaben von X", "X zufolge", the message before a trailing
 * frame ("…, sagte der Kreml") and the Konjunktiv I sentences that continue a quote. Each quote gets its
 * cue and its speaker; a quoted phrase with no speech verb near it gets no speaker.
 */
import type { Doc, Quote, TextSpan } from '../document.js';
import type { Stage } from '../pipeline.js';
import { treeOf } from '../syntax/tree.js';
import { tokenForms } from '../text/forms.js';
import { sentenceOfTokens } from '../text/positions.js';
import { findQuotedSpans } from './marks.js';
import { speechVerbAt } from './cues.js';
import { SPEAKER_PRONOUNS, speakerContext } from './speaker.js';
import type { Work } from './work.js';
import { directQuotes } from './direct.js';
import {
  complementQuotes,
  nounComplementQuotes,
  stanceQuotes,
  trailingFrameQuotes,
  anaphoricFrameQuotes,
  wieFrameQuotes,
  speechActQuotes,
  colonReportQuotes,
} from './frames.js';
import { wonachQuotes, attributedQuotes } from './attributions.js';
import { continuationQuotes, subjunctiveClauseQuotes } from './free-indirect.js';

export function findQuotes(doc: Doc): Quote[] {
  if (!doc.morph) return [];
  const tree = treeOf(doc);
  const { raw, lower } = tokenForms(doc);
  const n = doc.tokens.count;
  const sentenceOf = sentenceOfTokens(doc);
  const speechVerb = new Array<string | null>(n).fill(null);
  for (let s = 0; s < doc.sentences.count; s++) {
    const end = doc.sentences.endToken[s] as number;
    for (let t = doc.sentences.firstToken[s] as number; t < end; t++) speechVerb[t] = speechVerbAt(doc, tree, t, end);
  }
  const spans = findQuotedSpans(doc.text);
  const inQuote = new Uint8Array(n);
  let t0 = 0;
  for (const span of spans) {
    while (t0 < n && (doc.tokens.start[t0] as number) < span.outerStart) t0++;
    for (let t = t0; t < n && (doc.tokens.end[t] as number) <= span.outerEnd; t++) inQuote[t] = 1;
  }
  const w: Work = {
    doc,
    tree,
    ctx: speakerContext(doc, tree, sentenceOf),
    raw,
    lower,
    xpos: doc.morph.xpos,
    feats: doc.morph.feats,
    inQuote,
    sentenceOf,
    speechVerb,
    quotes: [],
  };
  directQuotes(w, spans);
  for (let s = 0; s < doc.sentences.count; s++) {
    // A stretch goes to the first quote that takes it, so a wie-frame, which takes a whole clause, comes
    // first: "Wie AFP berichtet, habe sich ein Bewohner geäußert, Panzer seien …" is one report, not the
    // inner saying alone. "laut"/"nach" come after the speech verbs: "sagte, dass sie nach ihren Angaben
    // … gewonnen habe" is the group's saying. A wonach-clause inside what someone said is part of it
    // ("sagte, es sei der Eindruck entstanden, wonach …").
    wieFrameQuotes(w, s);
    complementQuotes(w, s);
    nounComplementQuotes(w, s);
    attributedQuotes(w, s);
    wonachQuotes(w, s);
    stanceQuotes(w, s);
    trailingFrameQuotes(w, s);
    anaphoricFrameQuotes(w, s);
    colonReportQuotes(w, s);
  }
  for (let s = 0; s < doc.sentences.count; s++) speechActQuotes(w, s);
  continuationQuotes(w);
  subjunctiveClauseQuotes(w);
  nestedQuotesTakeTheirHost(w.quotes);
  w.quotes.sort((a, b) => a.start - b.start);
  return w.quotes.map((q, i) => ({
    id: `Q${i + 1}`,
    kind: q.kind,
    start: q.start,
    end: q.end,
    text: q.text,
    speaker: q.speaker ? speakerBefore(doc.text, q.speaker, q.start) : null,
    cue: q.cue,
  }));
}

/**
 * "kritisiert …, die Aktion erinnere „fatal an die Bücherverbrennung“": words quoted inside what someone
 * is reported to have said are theirs. A quotation inside an indirect quote takes its speaker and cue where
 * it has no speaker of its own or its cue is a verb of the reported clause itself.
 */
function nestedQuotesTakeTheirHost(quotes: Work['quotes']): void {
  for (const q of quotes) {
    if (q.kind !== 'direct') continue;
    const host = quotes.find((h) => h.kind !== 'direct' && h.speaker && h.start <= q.start && q.end <= h.end + 2);
    if (!host) continue;
    const innerCue = q.cue !== null && q.cue.start >= host.start && q.cue.end <= host.end;
    // A person or a pronoun of its own stays ("Er nannte das „maßvoll“").
    const own = q.speaker !== null && (q.speaker.entity !== null || SPEAKER_PRONOUNS.has(q.speaker.text.toLowerCase()));
    if (q.speaker && (!innerCue || own)) continue;
    q.speaker = host.speaker;
    q.cue = host.cue;
  }
}

export const quotesStage: Stage = {
  name: 'quotes',
  run(doc: Doc): void {
    doc.quotes = findQuotes(doc);
  },
};

/**
 * The speaker's phrase ends where its quote begins: in "äußerten die Richter „gravierende rechtliche
 * Bedenken“" the parse may hang the quoted words on the speaker's noun.
 */
function speakerBefore<S extends TextSpan>(text: string, speaker: S, quoteStart: number): S {
  if (speaker.start >= quoteStart || speaker.end <= quoteStart) return speaker;
  let end = quoteStart;
  while (end > speaker.start && /[\s„“”"»«‚‘’'›‹(]/u.test(text[end - 1] as string)) end--;
  return end > speaker.start ? { ...speaker, end, text: text.slice(speaker.start, end) } : speaker;
}
