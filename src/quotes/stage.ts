/**
 * The quotes stage: who said what. Direct quotes are the spans between quotation marks that are speech
 * (not names or titles); indirect quotes are the dass-, ob- and Konjunktiv clauses of speech verbs, the
 * clauses attributed with "laut X", "nach Angaben von X", "X zufolge", the message before a trailing
 * frame ("…, sagte der Kreml") and the Konjunktiv I sentences that continue a quote. Each quote gets its
 * cue and its speaker; a quoted phrase with no speech verb near it gets no speaker.
 */
import type { Doc, Quote } from '../document.js';
import type { Stage } from '../pipeline.js';
import { treeOf, type Tree } from '../syntax/tree.js';
import { namedAppositionEnd } from '../syntax/separable.js';
import { tokenForms } from '../text/forms.js';
import { compoundHead } from '../text/compounds.js';
import { sentenceOfTokens, tokenAt as tokenAtOffset } from '../text/positions.js';
import { findQuotedSpans, type QuotedSpan } from './marks.js';
import { reportedMood } from './mood.js';
import {
  IMPERSONAL_CUE,
  isAttributionPreposition,
  isSourceNoun,
  reportPreposition,
  reportVerbAt,
  speechVerbAt,
} from './cues.js';
import {
  mentionStartingAt,
  speakerContext,
  speakerOfPhrase,
  possessorOf,
  subjectOf,
  nounPhrase,
  type Speaker,
  type SpeakerContext,
} from './speaker.js';

interface Cue {
  token: number;
  lemma: string;
}

interface Work {
  doc: Doc;
  tree: Tree | null;
  ctx: SpeakerContext;
  raw: readonly string[];
  lower: readonly string[];
  xpos: readonly string[];
  feats: readonly string[];
  /** Per token: 1 inside a direct quote's marks. */
  inQuote: Uint8Array;
  /** Per token: its sentence. */
  sentenceOf: Uint32Array;
  /** Per token: its speech-verb lemma (particle rejoined), or null; looked up once per document. */
  speechVerb: Array<string | null>;
  quotes: Array<Quote & { sentence: number; lastSentence: number }>;
}

const CLAUSE_CONJUNCTIONS = new Set(['und', 'aber', 'sowie', 'doch', 'oder', 'sondern']);
/** Clauses that start with these are subordinate or relative, not the reported main clause. */
const SUBORDINATE_START = /^(KOUS|KOUI|PRELS|PRELAT|PWS|PWAV|PWAT|KON|APPR|APPRART|\$.*)$/;
/** Of those, the starts a reported main clause in Konjunktiv may have too ("sagte, die SPLA werde …"). */
const MAYBE_REPORTED_START = /^(PRELS|PDS|APPR|APPRART)$/;
/**
 * Verbs whose zu-infinitive complement is what was said: an announced intention, a claim, a denial, a
 * charge or a demand ("gab an, … einsetzen zu wollen", "bestreitet, … gewusst zu haben", "werden
 * beschuldigt, … zu sein", "forderte die Bürger auf, … zu bleiben"). A demand is a REQUEST event as well;
 * the reference article's gold leaves demands out of its quotes, SpkAtt annotates them (train +25 matched).
 */
const ANNOUNCING = new Set([
  'angeben',
  'behaupten',
  'bestreiten',
  'dementieren',
  'beschuldigen',
  'verdächtigen',
  'vorwerfen',
  'ankündigen',
  'versprechen',
  'geloben',
  'drohen',
  'androhen',
  'zusagen',
  'zusichern',
  'vorschlagen',
  'beschließen',
  'entscheiden',
  'warnen',
  'anbieten',
  'erklären',
  'andeuten',
  'verkünden',
  'bekanntgeben',
  'auffordern',
  'appellieren',
  'empfehlen',
  'bitten',
  'raten',
  'mahnen',
  'ermahnen',
  'fordern',
]);

function first(w: Work, s: number): number {
  return w.doc.sentences.firstToken[s] as number;
}
function stop(w: Work, s: number): number {
  return w.doc.sentences.endToken[s] as number;
}

/** The speech-verb cue at token `t`, unless it stands inside quotation marks. */
function cueOf(w: Work, t: number): Cue | null {
  if (t >= w.speechVerb.length || w.inQuote[t]) return null;
  const lemma = w.speechVerb[t];
  if (!lemma) return null;
  // "meldete sich bei seinem Bruder": reflexive "sich melden" is getting in touch, not reporting.
  if (lemma === 'melden' && (w.xpos[t + 1] === 'PRF' || w.xpos[t + 2] === 'PRF' || w.xpos[t - 1] === 'PRF'))
    return null;
  return { token: t, lemma };
}

function speakerOfCue(w: Work, cue: Cue, s: number): Speaker | null {
  const f = first(w, s);
  const e = stop(w, s);
  if (cue.lemma === 'heißen') return writtenSource(w, cue.token, f, e);
  if (cue.lemma === IMPERSONAL_CUE) return null;
  // A passive cue's subject is who it is said of ("Er wird verdächtigt, …"); the speaker is its agent
  // ("von der Polizei"), or unnamed.
  if (isPassive(w, cue.token, f, e)) {
    const agent = agentOf(w, cue.token, f);
    return agent < 0 ? null : speakerOfPhrase(w.ctx, agent, f, e);
  }
  const head = subjectOf(w.ctx, cue.token, f, e, (t) => w.inQuote[t] === 1);
  return head < 0 ? null : speakerOfPhrase(w.ctx, head, f, e);
}

/** Whether participle `k` is passive: a form of "werden" next to it, or an aux:pass child in the parse. */
function isPassive(w: Work, k: number, f: number, e: number): boolean {
  if (w.xpos[k] !== 'VVPP') return false;
  const werden = (t: number): boolean => t >= f && t < e && w.doc.morph?.lemma[t] === 'werden';
  if (werden(k + 1) || werden(k - 1)) return true;
  const tree = w.tree;
  if (!tree) return false;
  for (let t = f; t < e; t++) if (tree.head[t] === k && tree.deprel[t] === 'aux:pass') return true;
  return false;
}

/**
 * The head of the "von"-agent of passive verb `k` ("werden … von einem Angestellten vorgeworfen"), or -1:
 * the last "von" between the clause's "werden" (or its start) and the participle.
 */
function agentOf(w: Work, k: number, f: number): number {
  let start = k;
  while (start > f && !/^[,;:]$/.test(w.raw[start - 1] as string)) start--;
  for (let t = k - 1; t >= start; t--) if (w.doc.morph?.lemma[t] === 'werden') start = t;
  for (let t = k - 1; t > start; t--) {
    if ((w.lower[t] !== 'von' && w.lower[t] !== 'vom') || w.inQuote[t]) continue;
    for (let h = t + 1; h < k; h++) if (/^(NN|NE|PPER|PIS|PDS)$/.test(w.xpos[h] ?? '')) return h;
    return -1;
  }
  return -1;
}

/** "In einer Erklärung des Ministeriums heißt es, …": the document the text quotes from, or null. */
function writtenSource(w: Work, verb: number, f: number, e: number): Speaker | null {
  const tree = w.tree;
  for (let t = f; t < e - 1; t++) {
    if (!/^(in|im)$/.test(w.lower[t] as string) || w.inQuote[t]) continue;
    let noun = t + 1;
    while (noun < e && /^(ART|ADJA|PPOSAT|PDAT)$/.test(w.xpos[noun] ?? '')) noun++;
    if (w.xpos[noun] !== 'NN' && w.xpos[noun] !== 'NE') continue;
    if (tree && tree.head[noun] !== verb) continue;
    return speakerOfPhrase(w.ctx, noun, f, e);
  }
  return null;
}

function cueSpan(w: Work, cue: Cue): NonNullable<Quote['cue']> {
  const start = w.doc.tokens.start[cue.token] as number;
  const end = w.doc.tokens.end[cue.token] as number;
  return { text: w.doc.text.slice(start, end), lemma: cue.lemma, start, end };
}

function isFinite(w: Work, t: number): boolean {
  return (w.xpos[t] ?? '').endsWith('FIN');
}

function isSubjunctive(w: Work, t: number): boolean {
  return isFinite(w, t) && (w.feats[t] as string).includes('Mood=Sub');
}

/** The reported-speech mood of the finite verb at token `t` in sentence `s`. */
function moodAt(w: Work, s: number, t: number): ReturnType<typeof reportedMood> {
  return reportedMood(
    w.raw[t] as string,
    w.doc.morph?.lemma[t] ?? '',
    w.feats[t] as string,
    w.xpos[t] as string,
    hasWord(w, 'ich', first(w, s), stop(w, s)),
  );
}

function addQuote(
  w: Work,
  kind: Quote['kind'],
  a: number,
  b: number,
  speaker: Speaker | null,
  cue: Quote['cue'],
  sentence: number,
): void {
  const text = w.doc.text;
  b = messageEnd(text, kind, a, b);
  while (a < b && (/\s/.test(text[a] as string) || (kind === 'indirect' && /[,;:]/.test(text[a] as string)))) a++;
  if (b - a < 2) return;
  // A stretch already taken by another quote of the same kind is not a second quote.
  for (const q of w.quotes) {
    if (q.kind === kind && Math.min(q.end, b) - Math.max(q.start, a) > 0.5 * Math.min(q.end - q.start, b - a)) return;
  }
  w.quotes.push({
    id: '',
    kind,
    start: a,
    end: b,
    text: text.slice(a, b),
    speaker,
    cue,
    sentence,
    lastSentence: sentenceAt(w, b - 1),
  });
}

/** Where a message ends: reported speech loses the sentence's punctuation, a direct quote keeps its own. */
function messageEnd(text: string, kind: Quote['kind'], a: number, b: number): number {
  const trailing = kind === 'direct' ? /\s/ : /[\s.,;:!?]/;
  while (b > a && trailing.test(text[b - 1] as string)) b--;
  return b;
}

function sentenceAt(w: Work, offset: number): number {
  return w.doc.tokens.count === 0 ? 0 : (w.sentenceOf[tokenAt(w, offset)] as number);
}

/** The last token starting at or before `offset`. */
function tokenAt(w: Work, offset: number): number {
  return tokenAtOffset(w.doc.tokens, offset);
}

// ---------------------------------------------------------------------------------------------------
// Direct quotes

/** A quoted name or title ("Honest People", „Al-Qaida“-Mitglieder) is not speech. */
function isNameLike(text: string, span: QuotedSpan): boolean {
  const content = text.slice(span.start, span.end);
  if (text[span.outerEnd] === '-') return true;
  const words = content.split(/\s+/).filter((x) => x.length > 0);
  if (words.length === 1 && /^[\w-]+(\.[\w-]+)+$/u.test(content)) return true; // news.bbc.co.uk
  if (words.length > 8 || /[.!?…]$/.test(content)) return false;
  return words.every((word) => /^[\p{Lu}\p{N}&]/u.test(word) || NAME_PARTICLES.test(word));
}

/** Lower-case words inside names and titles, German and foreign ("Partij voor de Vrijheid"). */
const NAME_PARTICLES = /^(of|the|and|for|de|la|le|les|du|des|del|el|y|et|en|un|une|pour|voor|van|von|der)$/;

/**
 * A quotation right after a common noun names it: „Deutschland schafft sich ab“ after "das Buch", the
 * motto „Wir übernehmen Verantwortung“ after "unter dem Motto". Nouns of speech (Worte, Satz, Aussage)
 * introduce what was said.
 */
function isTitleAfterNoun(w: Work, span: QuotedSpan): boolean {
  const content = w.doc.text.slice(span.start, span.end);
  // A title starts in upper case; "nannte die Zahlen „aus der Luft gegriffen“" quotes a judgement.
  if (!/^[\p{Lu}\p{N}]/u.test(content) || /[.!?…]$/.test(content) || content.split(/\s+/).length > 8) return false;
  let i = span.outerStart;
  while (i > 0 && /\s/.test(w.doc.text[i - 1] as string)) i--;
  if (i === 0) return false;
  const before = tokenAt(w, i - 1);
  if (w.xpos[before] === 'NN') return !SPEECH_NOUNS.test(w.lower[before] as string);
  // After an article, a quotation in title case names something: der „Sacharow-Preis für geistige
  // Freiheit“, beim „2. Deutschen Klimakongress“ (but einen „drohenden Abfluss“ is a quoted phrase).
  if (w.xpos[before] !== 'ART' && w.xpos[before] !== 'APPRART') return false;
  // "bezeichnete er als einen „Akt des politischen Verbrechertums“": a speech verb makes it speech.
  const s = w.sentenceOf[before] as number;
  for (let t = first(w, s); t < stop(w, s); t++) {
    if (!w.inQuote[t] && (cueOf(w, t) || reportVerbAt(w.doc, w.tree, t, stop(w, s)))) return false;
  }
  const words = content.split(/\s+/);
  const capitalised = words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length;
  return words.length >= 2 && capitalised * 2 >= words.length;
}

const SPEECH_NOUNS =
  /(worte|wort|satz|sätze|aussage|aussagen|äußerung|äußerungen|zitat|frage|antwort|ausruf|rufe?n?|kommentar)$/;

function directQuotes(w: Work, spans: readonly QuotedSpan[]): void {
  const text = w.doc.text;
  const pendingInherit: number[] = [];
  for (const span of spans) {
    if (isNameLike(text, span) || isTitleAfterNoun(w, span)) continue;
    const s0 = sentenceAt(w, span.outerStart);
    const s1 = sentenceAt(w, Math.max(span.outerStart, span.outerEnd - 1));
    // The frame: the nearest speech verb outside quotation marks in the quote's sentences.
    let best: Cue | null = null;
    let bestDistance = Infinity;
    let bestSentence = s0;
    for (let s = s0; s <= s1; s++) {
      for (let t = first(w, s); t < stop(w, s); t++) {
        const cue = cueOf(w, t);
        if (!cue) continue;
        const a = w.doc.tokens.start[t] as number;
        const distance = a >= span.outerEnd ? a - span.outerEnd : span.outerStart - (w.doc.tokens.end[t] as number);
        if (distance >= 0 && distance < bestDistance) {
          best = cue;
          bestDistance = distance;
          bestSentence = s;
        }
      }
    }
    let speaker: Speaker | null = null;
    let cue: Quote['cue'] = null;
    // „…“, so der Gewerkschaftsvorstand Uwe Foullong.
    const soMatch = /^\s*,?\s*so\s/.exec(text.slice(span.outerEnd, span.outerEnd + 8));
    if (soMatch) {
      const so = tokenAt(w, span.outerEnd + soMatch[0].length - 2);
      const sSo = w.sentenceOf[so] as number;
      if (w.lower[so] === 'so') {
        const head = headAfter(w, so + 1, stop(w, sSo));
        if (head > so && /^(NN|NE|PPER)$/.test(w.xpos[head] ?? '')) {
          speaker = speakerOfPhrase(w.ctx, head, first(w, sSo), stop(w, sSo));
          cue = cueSpan(w, { token: so, lemma: 'so' });
          best = null;
        }
      }
    }
    const colon = colonBefore(w, span.outerStart);
    if (!speaker && !best && colon >= 0) {
      // "Er fuhr fort: „…“": the frame before the colon, also when the splitter ended a sentence there.
      const sc = w.sentenceOf[colon] as number;
      for (let t = colon - 1; t >= first(w, sc); t--) {
        const c = cueOf(w, t);
        if (c) {
          best = c;
          bestSentence = sc;
          break;
        }
      }
    }
    if (best) {
      speaker = speakerOfCue(w, best, bestSentence);
      cue = cueSpan(w, best);
    } else if (colon >= 0) {
      // A clause that ends in a colon before a quotation frames it, whatever its verb: "Dabei griff sie
      // den Präsidenten an: „…“" — its subject speaks. Without a verb, the name before the colon:
      // "Merkel: „Wir schaffen das.“".
      const sc = w.sentenceOf[colon] as number;
      let verb = -1;
      for (let t = colon - 1; t >= first(w, sc) && verb < 0; t--) if (isFinite(w, t) && !w.inQuote[t]) verb = t;
      const head =
        verb >= 0
          ? subjectOf(w.ctx, verb, first(w, sc), colon, (t) => w.inQuote[t] === 1)
          : /^(NE|NN)$/.test(w.xpos[colon - 1] ?? '') && colon - 1 >= first(w, sc)
            ? colon - 1
            : -1;
      if (head >= 0 && !/^(es|man)$/.test(w.lower[head] as string)) {
        speaker = speakerOfPhrase(w.ctx, head, first(w, sc), colon);
      }
    }
    const index = w.quotes.length;
    addQuote(w, 'direct', span.start, span.end, speaker, cue, s0);
    if (w.quotes.length > index && !best && !speaker && standsAlone(w, span, s0, s1)) pendingInherit.push(index);
  }
  // A quotation that is a sentence of its own continues the speaker before it (or, failing that, after).
  for (const index of pendingInherit) {
    const q = w.quotes[index] as Work['quotes'][number];
    const previous = w.quotes
      .slice(0, index)
      .reverse()
      .find((p) => p.speaker && q.sentence - p.lastSentence <= 2);
    const next = w.quotes.slice(index + 1).find((p) => p.speaker && p.sentence - q.lastSentence <= 1);
    const source = previous ?? next;
    if (source) q.speaker = source.speaker;
  }
}

/** The colon token right before a quotation mark ("sagte: „…“"), or -1. */
function colonBefore(w: Work, markStart: number): number {
  let i = markStart;
  while (i > 0 && /\s/.test(w.doc.text[i - 1] as string)) i--;
  return i > 0 && w.doc.text[i - 1] === ':' ? tokenAt(w, i - 1) : -1;
}

/** Whether the quotation fills its sentences: nothing but punctuation outside it. */
function standsAlone(w: Work, span: QuotedSpan, s0: number, s1: number): boolean {
  const a = w.doc.tokens.start[first(w, s0)] as number;
  const b = w.doc.tokens.end[stop(w, s1) - 1] as number;
  const outside = w.doc.text.slice(a, span.outerStart) + w.doc.text.slice(span.outerEnd, b);
  return !/[\p{L}\p{N}]/u.test(outside);
}

// ---------------------------------------------------------------------------------------------------
// Indirect quotes

/** Where a dass-clause ends: at its finite verb before punctuation, or after the clauses it governs. */
function dassClauseEnd(w: Work, from: number, end: number): number {
  for (let t = from + 1; t < end; t++) {
    if (w.inQuote[t]) continue;
    if (isFinite(w, t) && /^[,.;:!?]?$/.test(w.raw[t + 1] ?? '') && !w.inQuote[t + 1]) {
      const next = w.raw[t + 1];
      if (next === undefined || /^[.;:!?]$/.test(next)) return t + 1;
      // What the clause governs goes on after its comma: "um … zu"-clauses, a second "und dass", a
      // relative or adverbial clause in the reported mood ("…, den die Mehrheit überwinden könne").
      if (next === ',' && continuesReport(w, t + 2, end)) continue;
      if (next === ',') return t + 1;
    }
  }
  return end;
}

/** Whether the clause at `k` (after a comma) belongs to the reported clause before it. */
function continuesReport(w: Work, k: number, end: number): boolean {
  if (k >= end || w.inQuote[k]) return false;
  const x = w.xpos[k] ?? '';
  if (x === 'KOUI') return true; // um/ohne/statt … zu
  if ((w.lower[k] === 'und' || w.lower[k] === 'oder') && w.lower[k + 1] === 'dass') return true;
  if (isInfinitiveClause(w, k, end)) return true; // "unfähig sei, die Lage zu kontrollieren"
  // A subordinate or relative clause that hangs on the reported one, in any mood ("dass es
  // unwahrscheinlich sei, dass jemand …", "…, bis die Regierung die Forderungen erfüllt habe", "…, als sie
  // … geraten war", "dass es zwei Studien gebe, die gemeinsam präsentiert werden sollten"): SpkAtt counts
  // them to the report, and so do we (a relative clause only in Konjunktiv: train F1 −0.002).
  if (x === 'KOUS' || x === 'PWAV' || x === 'PRELS' || x === 'PRELAT') return true;
  if (/^welche[mnrs]?$/.test(w.lower[k] as string)) return true; // relative "welches", often tagged PIS/PWS
  if (x === 'APPR' && w.xpos[k + 1] === 'PRELS') return true;
  // Temporal "als" the tagger took for the comparison: a clause ending in its finite verb.
  if (w.lower[k] === 'als') {
    let t = k + 1;
    while (t < end && !/^[,.;:!?]$/.test(w.raw[t] as string)) t++;
    return t > k + 2 && isFinite(w, t - 1);
  }
  return false;
}

/**
 * A zu-infinitive written as one word ("anzutreten"), also where the tagger gave it VVINF: the form is the
 * lemma with "zu" after its particle ("zurückzutreten" ← "zurücktreten").
 */
function isZuVerb(w: Work, t: number): boolean {
  if (w.xpos[t] === 'VVIZU') return true;
  if (w.xpos[t] !== 'VVINF') return false;
  const form = w.lower[t] as string;
  const lemma = (w.doc.morph?.lemma[t] ?? '').toLowerCase();
  for (let i = form.indexOf('zu', 1); i > 0; i = form.indexOf('zu', i + 1))
    if (form.slice(0, i) + form.slice(i + 2) === lemma) return true;
  return false;
}

/** Whether a zu-infinitive clause without a finite verb starts at `k` and ends at the next comma or stop. */
function isInfinitiveClause(w: Work, k: number, end: number): boolean {
  for (let t = k; t < end && t < k + 15; t++) {
    if (w.inQuote[t] || isFinite(w, t) || /^[,.;:!?]$/.test(w.raw[t] as string)) return false;
    if (isZuVerb(w, t) || (w.xpos[t] === 'PTKZU' && (w.xpos[t + 1] ?? '').startsWith('V'))) {
      let c = t + 1;
      while (c < end && (w.xpos[c] ?? '').startsWith('V')) c++;
      return c >= end || /^[,.;:!?]$/.test(w.raw[c] as string);
    }
  }
  return false;
}

/**
 * Where a reported main clause ends: the sentence end, or a comma before "und sagte"/"sagte er". After a
 * speech verb an indicative verb after a comma is the narrator's again ("erklärte, er sei unschuldig,
 * erkannte das Gericht aber nicht an"); in a clause attributed as a whole (`attributed`: "laut X …",
 * "X zufolge …") it carries on the clause's own subject ("liefen Menschen ins Freie, erschienen jedoch
 * gefasst").
 */
function reportedClauseEnd(w: Work, s: number, from: number, attributed = false): number {
  const e = stop(w, s);
  for (let t = from + 1; t < e - 1; t++) {
    // "Er halte das für vertretbar und bezeichnete …": an indicative verb after "und" is the narrator's, and
    // so is a new speaker's frame ("… untergeordnet und die Fraktion der Grünen forderte …").
    if (w.lower[t] === 'und' && !w.inQuote[t] && isFinite(w, t + 1) && !isSubjunctive(w, t + 1)) return t;
    if (w.lower[t] === 'und' && !w.inQuote[t] && frameAhead(w, t + 1, e)) return t;
    // A semicolon joins two sentences: what follows is reported, or not, on its own.
    if (w.raw[t] === ';' && !w.inQuote[t]) return t;
    if (w.raw[t] !== ',' || w.inQuote[t]) continue;
    const next = t + 1;
    if (isFinite(w, next) && (cueOf(w, next) || (!attributed && !isSubjunctive(w, next)))) return t;
    // "…, so Hisbollah-Chef Nasrallah": the frame of what came before.
    if (isSoFrame(w, next)) return t;
    if (CLAUSE_CONJUNCTIONS.has(w.lower[next] as string) && (cueOf(w, next + 1) || isFinite(w, next + 1))) return t;
    // "…, doch UN-Pressesprecher Nicholas Birnback erklärte, …": another frame.
    if (CLAUSE_CONJUNCTIONS.has(w.lower[next] as string) && frameAhead(w, next + 1, e)) return t;
  }
  return e;
}

/** Whether a finite, indicative speech verb follows within a few words from `k`, before any punctuation. */
function frameAhead(w: Work, k: number, e: number): boolean {
  for (let t = k; t < e && t <= k + 8; t++) {
    if (/^[,.;:!?]$/.test(w.raw[t] as string) || w.inQuote[t]) return false;
    if (isFinite(w, t)) return cueOf(w, t) !== null && !isSubjunctive(w, t);
  }
  return false;
}

function tokenSpanOffsets(w: Work, a: number, b: number): [number, number] {
  return [w.doc.tokens.start[a] as number, w.doc.tokens.end[b - 1] as number];
}

/** "X sagte, dass …", "X sagte, er sei …", "X fragte, ob …". */
function complementQuotes(w: Work, s: number): void {
  const f = first(w, s);
  const e = stop(w, s);
  for (let k = f; k < e; k++) {
    const cue = cueOf(w, k);
    if (!cue) continue;
    // A demand or announcement only purposed ("um eine Veränderung zu fordern") has no content said.
    const announcing = ANNOUNCING.has(cue.lemma) && w.xpos[k - 1] !== 'PTKZU' && !isZuVerb(w, k);
    // The comma that opens the complement, before the next finite verb.
    let comma = -1;
    // The auxiliaries that close the cue's own clause come first ("die beschuldigt werden, … zu sein").
    let from = k + 1;
    while (from < e && from <= k + 3 && /^V[AM]/.test(w.xpos[from] ?? '')) from++;
    for (let t = from; t < e && t <= k + 30; t++) {
      if (w.inQuote[t]) {
        // A quoted name between the verb and the comma ("meldet die Agentur „Xinhua“, …") is no quotation.
        const after = quotedNameEnd(w, t, e);
        if (after < 0) break;
        t = after - 1;
        continue;
      }
      if (w.raw[t] === ',') {
        // The speaker's apposition ("gab der Leiter, Andreas Huber, bekannt, dass …") is read past.
        const close = appositionEnd(w, t, e);
        if (close > 0) {
          t = close;
          continue;
        }
        comma = t;
        break;
      }
      if (isFinite(w, t) || w.raw[t] === ':') break;
    }
    if (comma < 0 && announcing) {
      // Without the optional comma: "hatte angekündigt bei der Wahl erneut anzutreten".
      const zu = announcedInfinitive(w, k, e);
      if (zu > k + 1) {
        const [a, b] = tokenSpanOffsets(w, k + 1, zu + 1);
        addQuote(w, 'indirect', a, b, speakerOfCue(w, cue, s), cueSpan(w, cue), s);
      }
      continue;
    }
    if (comma < 0 || comma + 1 >= e) continue;
    // "antwortete nicht auf Fragen, ob …": nothing was said.
    if (w.xpos.slice(k, comma).includes('PTKNEG')) continue;
    const n = comma + 1;
    let end = -1;
    if (w.lower[n] === 'dass' || w.lower[n] === 'ob') end = dassClauseEnd(w, n, e);
    else {
      // A main clause right after "sagte," is what was said: "Er sagte, er sei nicht mehr stolz". One that
      // starts like a relative or prepositional phrase ("sagte, die SPLA werde …", "sagte, mit dem
      // Beschluss werde …") counts when its verb is in Konjunktiv.
      // A quoted name opening the clause ("sagte, „No-Go-Areas“ dürfe es nicht geben") is read past.
      const named = w.inQuote[n] ? quotedNameEnd(w, n, e) : -1;
      const lead = named < 0 ? n : named;
      // Temporal "als" opens a subordinate clause too, though the tagger often calls it KOKOM.
      const subordinate = SUBORDINATE_START.test(w.xpos[lead] ?? '') || w.lower[n] === 'als';
      const ambiguous = MAYBE_REPORTED_START.test(w.xpos[lead] ?? '');
      // An announced zu-infinitive may close a long clause ("warnen davor, das Gebot … aufzuweichen").
      let reach = announcing ? 30 : 14;
      for (let t = n; t < e && t <= n + reach; t++) {
        if (w.raw[t] === ',') {
          // A relative clause on the reported clause's subject ("meldet, Giuliana Sgrena, die … befunden
          // hatte, habe …") is read past.
          const close = t > n ? relativeClauseEnd(w, t, e) : -1;
          if (close < 0) break;
          reach += close - t;
          t = close;
          continue;
        }
        if (subordinate && !ambiguous) break;
        // "andeuten, die Proteste ausweiten zu wollen": a verb before "zu" + verb is an infinitive, whatever its tag.
        if (announcing && w.xpos[t + 1] === 'PTKZU' && (w.xpos[t + 2] ?? '').startsWith('V')) {
          end = reportedClauseEnd(w, s, t + 2);
          break;
        }
        if (isFinite(w, t)) {
          // "…, sagte der Kreml" is the next frame, not the message; a speech or stance verb in Konjunktiv I
          // is part of it ("sagte, er gehe nicht davon aus", "erklärte, er glaube …").
          const frame = cueOf(w, t) !== null && moodAt(w, s, t) !== 'konjunktiv1';
          if (t > n && !frame && (!subordinate || isSubjunctive(w, t))) end = reportedClauseEnd(w, s, t);
          break;
        }
        // An announcement's zu-infinitive is what was announced ("kündigte an, erneut anzutreten").
        if (announcing && (isZuVerb(w, t) || w.xpos[t] === 'PTKZU')) {
          end = reportedClauseEnd(w, s, t);
          break;
        }
      }
    }
    if (end < 0) continue;
    const [a, b] = tokenSpanOffsets(w, n, end);
    addQuote(w, 'indirect', a, b, speakerOfCue(w, cue, s), cueSpan(w, cue), s);
  }
}

/**
 * Where the search for the message's comma goes on after a named apposition opened by the comma at `t`
 * (", Andreas Huber,"): its closing comma when the frame goes on after it without a verb of its own up to a
 * further comma ("bekannt, dass …", "gegenüber der BBC, dass …"), the word before that comma when a dass- or
 * ob-clause follows it; -1 otherwise ("sagte Merkel, Deutschland, Frankreich und Polen hätten …" lists, not names).
 */
function appositionEnd(w: Work, t: number, e: number): number {
  const c = namedAppositionEnd(w.doc, t, e);
  if (c < 0) return -1;
  // "meldete der Sender, Radio Vatikan, dass …": the complement opens with the closing comma itself, so
  // the search goes on from the word before it.
  if (w.lower[c + 1] === 'dass' || w.lower[c + 1] === 'ob') return c - 1;
  for (let k = c + 1; k < e && k <= c + 8; k++) {
    if (w.raw[k] === ',') return k > c + 1 ? c : -1;
    if (isFinite(w, k) || w.inQuote[k] || /^[.;:!?]$/.test(w.raw[k] as string)) return -1;
  }
  return -1;
}

/** The comma that closes a relative clause opened after the comma at `t` (verb-final, ≤ 20 words), or -1. */
function relativeClauseEnd(w: Work, t: number, e: number): number {
  const k =
    w.xpos[t + 1] === 'PRELS' ? t + 2 : /^APPR/.test(w.xpos[t + 1] ?? '') && w.xpos[t + 2] === 'PRELS' ? t + 3 : -1;
  if (k < 0) return -1;
  for (let c = k; c < e && c <= t + 20; c++) {
    if (w.inQuote[c]) return -1;
    if (w.raw[c] === ',') return isFinite(w, c - 1) ? c : -1;
  }
  return -1;
}

/**
 * Nouns of stance and speech whose clause after a comma is what was said or held: "vertrat die Ansicht,
 * dass …", "kam zu dem Ergebnis, dass …", "hatte den Standpunkt vertreten, das Gericht sei nicht
 * zuständig", "zog das Angebot mit der Begründung zurück, …". The speaker is the subject of the verb the
 * noun depends on. Demands (Forderung, Appell) frame their zu-infinitive as their verbs do.
 */
const STANCE_NOUNS = new Set([
  'ansicht',
  'auffassung',
  'meinung',
  'standpunkt',
  'überzeugung',
  'ergebnis',
  'schluss',
  'vorschlag',
  'warnung',
  'vorwurf',
  'eingeständnis',
  'behauptung',
  'ankündigung',
  'zusage',
  'versprechen',
  'drohung',
  'vorgabe',
  'entscheidung',
  'beschluss',
  'begründung',
  'hinweis',
  'rede',
  'forderung',
  'aufforderung',
  'mahnung',
  'appell',
  'theorie',
  'these',
  'prognose',
  'aussage',
]);

function nounComplementQuotes(w: Work, s: number): void {
  const tree = w.tree;
  const f = first(w, s);
  const e = stop(w, s);
  for (let k = f; k < e - 2; k++) {
    if (w.xpos[k] !== 'NN' || w.inQuote[k]) continue;
    if (!STANCE_NOUNS.has((w.doc.morph?.lemma[k] ?? (w.lower[k] as string)).toLowerCase())) continue;
    // The comma right after the noun, or after the verbs and particle that close its clause ("den
    // Standpunkt vertreten,", "mit der Begründung zurück,").
    let comma = k + 1;
    let owner = -1;
    // Whose stance it is may stand between: "die Forderung des CSU-Vorsitzenden Edmund Stoiber, …", "der
    // Ankündigung ihres Trainers, Greg Poss, …".
    if (
      /^(ART|PPOSAT)$/.test(w.xpos[comma] ?? '') &&
      /^(des|der|eines|einer|seines|seiner|ihres|ihrer)$/.test(w.lower[comma] as string)
    ) {
      let t = comma + 1;
      while (t < e && t <= comma + 6 && (/^(ADJA|NN|NE)$/.test(w.xpos[t] ?? '') || w.raw[t] === '-')) t++;
      if (t > comma + 1 && /^(NN|NE)$/.test(w.xpos[t - 1] ?? '')) {
        owner = t - 1;
        comma = t;
      }
      if (w.raw[comma] === ',') {
        const close = namedAppositionEnd(w.doc, comma, e);
        if (close > 0 && w.raw[close] === ',') comma = close;
      }
    }
    while (comma < e && comma <= k + 3 && /^(V|PTKVZ)/.test(w.xpos[comma] ?? '')) comma++;
    if (w.raw[comma] !== ',') continue;
    const n = comma + 1;
    let end = -1;
    if (w.lower[n] === 'dass') end = dassClauseEnd(w, n, e);
    else if (isInfinitiveClause(w, n, e)) end = reportedClauseEnd(w, s, n);
    else {
      // A main clause in Konjunktiv I: "den Standpunkt vertreten, das Gericht sei nicht zuständig".
      const subordinate = SUBORDINATE_START.test(w.xpos[n] ?? '') && !MAYBE_REPORTED_START.test(w.xpos[n] ?? '');
      for (let t = n; t < e && t <= n + 14 && w.raw[t] !== ','; t++) {
        if (!isFinite(w, t)) continue;
        if (t > n && moodAt(w, s, t) === 'konjunktiv1' && !subordinate) {
          end = reportedClauseEnd(w, s, t);
        }
        break;
      }
    }
    if (end < 0) continue;
    // The verb the noun depends on ("vertrat", "kam zu"), whose subject is the speaker.
    let verb = tree ? (tree.head[k] as number) : -1;
    while (verb >= 0 && tree && !/^V/.test(w.xpos[verb] ?? '') && tree.head[verb] !== -1)
      verb = tree.head[verb] as number;
    const speaker =
      owner >= 0
        ? speakerOfPhrase(w.ctx, owner, f, e)
        : verb >= 0 && /^V/.test(w.xpos[verb] ?? '')
          ? speakerOfCue(w, { token: verb, lemma: '' }, s)
          : null;
    const [a, b] = tokenSpanOffsets(w, n, end);
    addQuote(
      w,
      'indirect',
      a,
      b,
      speaker,
      cueSpan(w, { token: k, lemma: w.doc.morph?.lemma[k] ?? (w.lower[k] as string) }),
      s,
    );
  }
}

/** The zu-infinitive that closes the clause right after an announcing verb, with no finite verb between; or -1. */
function announcedInfinitive(w: Work, k: number, e: number): number {
  for (let t = k + 1; t < e; t++) {
    if (w.inQuote[t] || isFinite(w, t) || w.raw[t] === ',') return -1;
    if (isZuVerb(w, t) || (w.xpos[t - 1] === 'PTKZU' && (w.xpos[t] ?? '').startsWith('V'))) {
      return /^[.;!]$/.test(w.raw[t + 1] ?? '') ? t : -1;
    }
  }
  return -1;
}

/**
 * "Pressemeldungen der New York Times, wonach UN-Inspektoren Zutritt verlangt hätten": the wonach-clause
 * is the content of the report named before it, whose source speaks.
 */
function wonachQuotes(w: Work, s: number): void {
  const f = first(w, s);
  const e = stop(w, s);
  for (let k = f + 2; k < e - 2; k++) {
    if (w.raw[k - 1] !== ',' || w.inQuote[k]) continue;
    // "laut denen", "nach denen", "nach welchem": an attribution to the noun the relative clause hangs on.
    const relative =
      /^(laut|nach|gemäß)$/.test(w.lower[k] as string) && RELATIVE_AFTER_ATTRIBUTION.test(w.lower[k + 1] as string);
    if (w.lower[k] !== 'wonach' && !relative) continue;
    // The source: the last noun before the comma ("Pressemeldungen der New York Times, wonach …").
    let noun = k - 2;
    while (noun > f && !/^(NN|NE)$/.test(w.xpos[noun] ?? '') && k - noun < 6) noun--;
    const named = /^(NN|NE)$/.test(w.xpos[noun] ?? '');
    // "die Sitzung, nach der er zurücktrat" is a time: "nach" needs a source ("Umfragen im Land, nach denen …").
    if (relative && w.lower[k] === 'nach') {
      let source = noun;
      while (source > f && k - source < 6 && !isRelativeSource(w, source)) source--;
      if (!isRelativeSource(w, source)) continue;
      noun = source;
    }
    const from = relative ? k + 2 : k + 1;
    const end = dassClauseEnd(w, from - 1, e);
    if (end <= from + 1) continue;
    const [a, b] = tokenSpanOffsets(w, from, end);
    const speaker = named ? speakerOfPhrase(w.ctx, noun, f, k - 1) : null;
    addQuote(w, 'indirect', a, b, speaker, cueSpan(w, { token: k, lemma: w.lower[k] as string }), s);
  }
}

function isRelativeSource(w: Work, t: number): boolean {
  const lower = w.lower[t] as string;
  return w.xpos[t] === 'NN' && (isSourceNoun(lower) || RELATIVE_SOURCES.has(lower));
}

/** Relative pronouns after "laut"/"nach"/"gemäß" (dative). */
const RELATIVE_AFTER_ATTRIBUTION = /^(denen|dem|der|welchem|welcher|welchen)$/;
/** Nouns that "nach denen" attributes to besides the sources of the cue list: rumours, plans, motions. */
const RELATIVE_SOURCES = new Set([
  'gerüchte',
  'gerüchten',
  'gerücht',
  'plänen',
  'pläne',
  'plan',
  'antrag',
  'theorie',
  'these',
  'version',
  'vorwürfe',
  'vorwürfen',
  'hinweise',
  'hinweisen',
]);

/**
 * A stance taken before a dass- or ob-clause, which SpkAtt counts as a report of what the holder thinks:
 * "hält es für unwahrscheinlich, dass …", "zeigte sich optimistisch, dass …", "ist überzeugt, dass …",
 * "spricht davon, dass …". The holder (the verb's subject) is the speaker.
 */
function stanceQuotes(w: Work, s: number): void {
  const f = first(w, s);
  const e = stop(w, s);
  for (let c = f + 2; c < e - 2; c++) {
    if (w.raw[c] !== ',' || w.inQuote[c] || (w.lower[c + 1] !== 'dass' && w.lower[c + 1] !== 'ob')) continue;
    let start = c - 1;
    while (start > f && !/^[,;:]$/.test(w.raw[start - 1] as string)) start--;
    let verb = -1;
    for (let t = start; t < c && verb < 0; t++) if (isFinite(w, t)) verb = t;
    if (verb < 0 || !takesStance(w, verb, start, c)) continue;
    const end = dassClauseEnd(w, c + 1, e);
    const [a, b] = tokenSpanOffsets(w, c + 1, end);
    const cue: Cue = { token: verb, lemma: w.doc.morph?.lemma[verb] ?? (w.lower[verb] as string) };
    // "Die WHO hält es für …": the parser may take "es" for the subject; the noun before the verb is.
    let speaker = speakerOfCue(w, cue, s);
    for (let t = start; t < verb && !speaker; t++)
      if (/^(NN|NE)$/.test(w.xpos[t] ?? '') && w.tree?.head[t] === verb) speaker = speakerOfPhrase(w.ctx, t, f, e);
    addQuote(w, 'indirect', a, b, speaker, cueSpan(w, cue), s);
  }
}

/** Adjectives of a stance shown or held ("zeigte sich optimistisch", "ist überzeugt"). */
const STANCE_ADJECTIVES = new Set([
  'optimistisch',
  'zuversichtlich',
  'überzeugt',
  'besorgt',
  'skeptisch',
  'sicher',
  'enttäuscht',
  'erfreut',
  'erleichtert',
  'beunruhigt',
]);

/** Whether the clause [from, to) with finite verb `verb` takes a stance on what follows it. */
function takesStance(w: Work, verb: number, from: number, to: number): boolean {
  const lemma = w.doc.morph?.lemma[verb] ?? '';
  const has = (word: string): boolean => hasWord(w, word, from, to);
  const stanceWord = (): boolean => {
    for (let t = from; t < to; t++) if (STANCE_ADJECTIVES.has(w.lower[t] as string)) return true;
    return false;
  };
  if (lemma === 'halten') return has('es') && has('für');
  if (lemma === 'zeigen') return has('sich') && stanceWord();
  if (lemma === 'sein') return stanceWord() && !has('nicht');
  if (lemma === 'sprechen') return has('davon');
  return false;
}

/** "…, sagte der Kreml." and "…, so der Sprecher.": the frame after the message. */
function trailingFrameQuotes(w: Work, s: number): void {
  const f = first(w, s);
  const e = stop(w, s);
  for (let k = f + 2; k < e; k++) {
    if (w.raw[k - 1] !== ',' || w.inQuote[k - 1]) continue;
    const isSo = isSoFrame(w, k);
    // "…, hatte Obama bei seinem Treffen gesagt": an auxiliary with the speech verb's participle at the end.
    const cue = isSo ? { token: k, lemma: 'so' } : ((w.xpos[k] === 'VAFIN' ? frameCue(w, k, e) : null) ?? cueOf(w, k));
    if (!cue || (!isSo && !isFinite(w, k))) continue;
    // The frame is the rest of the clause: no dass/Konjunktiv complement after it.
    if (!isSo && (w.raw[k + 1] === ',' || w.lower[k + 2] === 'dass')) continue;
    // The message runs back to the sentence start or the previous frame's end.
    let a = f;
    for (let t = k - 2; t > f; t--) if (w.raw[t] === ':' && !w.inQuote[t]) a = t + 1;
    // "Falls das Unternehmen Insolvenz anmelden muss, droht …", "Warum die Wahl auf X fiel, begründete …": a
    // fronted adverbial or interrogative clause belongs to the verb's own clause; it is not what was said.
    if (!isSo && a === f && isFrontedAdverbial(w, f, k - 1)) continue;
    // A frame set in the middle ("Der Präsident sei, so Gamkrelidse, schuld daran, …"): the message goes
    // on after it, and is the whole sentence.
    let b = k - 1;
    let close = k + 1;
    while (close < e && close <= k + 8 && w.raw[close] !== ',' && !isFinite(w, close)) close++;
    if (w.raw[close] === ',' && close + 2 < e) {
      let reported = isSo;
      for (let t = close + 1; t < e && !reported; t++) if (isFinite(w, t)) reported = isSubjunctive(w, t);
      if (reported) b = e;
    }
    const [start, end] = tokenSpanOffsets(w, a, b);
    if (coveredByDirect(w, start, end)) continue;
    let speaker: Speaker | null;
    if (isSo) speaker = speakerOfPhrase(w.ctx, headAfter(w, k + 1, e), f, e);
    else if (cue.lemma === 'heißen') speaker = writtenSource(w, k, k, e);
    else {
      // Only an inverted frame ("sagte der Kreml") leaves the clause before it as the message.
      const head = subjectOf(w.ctx, k, f, e, (t) => w.inQuote[t] === 1);
      if (head <= k) continue;
      speaker = speakerOfPhrase(w.ctx, head, f, e);
    }
    // The frame names who said what a passive inside it leaves unsaid ("Ägypten wird aufgefordert, … zu
    // öffnen, so Nasrallah"): its quote replaces the speakerless one it contains.
    if (speaker) w.quotes = w.quotes.filter((q) => q.kind === 'direct' || q.speaker || q.start < start || q.end > end);
    addQuote(w, 'indirect', start, end, speaker, cueSpan(w, cue), s);
  }
}

/** Whether token `k` opens a "so"-frame: "so der Sprecher", "so Merkel", "so Hisbollah-Chef Nasrallah". */
function isSoFrame(w: Work, k: number): boolean {
  return w.lower[k] === 'so' && (w.xpos[k + 1] === 'ART' || w.xpos[k + 1] === 'NE' || w.xpos[k + 1] === 'NN');
}

const ADVERBIAL_CONJUNCTIONS = new Set([
  'falls',
  'wenn',
  'weil',
  'obwohl',
  'nachdem',
  'sobald',
  'sofern',
  'solange',
  'bevor',
  'seitdem',
  'obgleich',
]);

/** Whether [f, comma) is one subordinate clause opened by a conjunction other than dass/ob, or by "warum". */
function isFrontedAdverbial(w: Work, f: number, comma: number): boolean {
  const x = w.xpos[f] ?? '';
  const lower = w.lower[f] as string;
  // The word, not only its tag: sentence-initial "Falls" is often tagged as an adverb.
  if (!((x === 'KOUS' && lower !== 'dass' && lower !== 'ob') || x === 'PWAV' || ADVERBIAL_CONJUNCTIONS.has(lower)))
    return false;
  // Only one clause: a comma inside would open a further one ("Wenn X, dann sei Y, sagte Z").
  for (let t = f + 1; t < comma; t++) if (w.raw[t] === ',' && !w.inQuote[t]) return false;
  return true;
}

/** The speech-verb participle that closes an auxiliary's clause ("hatte … gesagt") as its cue, or null. */
function frameCue(w: Work, aux: number, e: number): Cue | null {
  let last = e - 1;
  while (last > aux && /^[.!?]$/.test(w.raw[last] as string)) last--;
  for (let t = aux + 1; t < last; t++) if (w.raw[t] === ',' || isFinite(w, t)) return null;
  return last > aux && w.xpos[last] === 'VVPP' ? cueOf(w, last) : null;
}

function headAfter(w: Work, from: number, e: number): number {
  let t = from;
  while (t + 1 < e && (w.xpos[t] === 'ART' || w.xpos[t] === 'ADJA' || w.xpos[t] === 'PPOSAT')) t++;
  while (t + 1 < e && w.xpos[t + 1] === 'NE' && (w.xpos[t] === 'NE' || w.xpos[t] === 'NN')) t++;
  return t;
}

function coveredByDirect(w: Work, start: number, end: number): boolean {
  let covered = 0;
  for (const q of w.quotes)
    if (q.kind === 'direct' && !isFragment(w, q))
      covered += Math.max(0, Math.min(q.end, end) - Math.max(q.start, start));
  return covered >= 0.5 * (end - start);
}

/** The noun phrase after "laut"/"gemäß"/"nach Angaben", as token range [first, end), and its speaker head. */
function attributionPhrase(w: Work, p: number, e: number): { end: number; head: number } | null {
  let t = p + 1;
  if (w.lower[p] === 'nach') {
    // "nach Angaben der Polizei", "nach einem Bericht der BBC", "nach eigenen Angaben", "nach Grupps Meinung".
    let genitive = -1;
    // "nach deren Angaben": the tagger may take the attributive "deren"/"dessen" for a pronoun (PDS).
    while (t < e && /^(ART|ADJA|PPOSAT|PDAT|PDS|PRELAT|PIAT|ADV|ADJD)$/.test(w.xpos[t] ?? '')) t++;
    if (w.xpos[t] === 'NE' && /s$/.test(w.raw[t] ?? '') && isSourceNoun(w.lower[t + 1] ?? '')) genitive = t++;
    // A compound split at its hyphen: "nach UNHCR-Angaben" (the first part names the source).
    const glued = (k: number): boolean => w.doc.tokens.end[k] === w.doc.tokens.start[k + 1];
    if (w.raw[t + 1] === '-' && glued(t) && glued(t + 1) && isSourceNoun(w.lower[t + 2] ?? '')) {
      genitive = t;
      t += 2;
    }
    if (!isSourceNoun(w.lower[t] ?? '')) return null;
    // "nach Artikel 68 des Grundgesetzes" cites a norm; "nach der Veröffentlichung von X" is a time.
    if (
      (w.lower[t] === 'artikel' && w.xpos[t + 1] === 'CARD') ||
      (w.lower[t] === 'veröffentlichung' && /^(von|des|der)$/.test(w.lower[t + 1] ?? ''))
    )
      return null;
    const sourceNoun = t;
    t++;
    // "nach Informationen vom späten Abend": a time, not a source.
    const from = w.doc.tokens.start[t] as number;
    const time = w.doc.times.find(
      (x) => x.start === from || (x.start === w.doc.tokens.start[t + 1] && /^(vom|von|am)$/.test(w.lower[t] ?? '')),
    );
    if (time) {
      while (t < e && (w.doc.tokens.end[t] as number) <= time.end) t++;
      return { end: t, head: genitive };
    }
    // A name in the genitive after the noun is the source: "nach Meinung Russlands", "nach Aussagen Gordons".
    if (w.xpos[t] === 'NE' && /s$/.test(w.raw[t] ?? '')) return { end: t + 1, head: t };
    if (!/^(des|der|von|vom|eines|einer)$/.test(w.lower[t] ?? '')) {
      // "nach Polizeiangaben", "nach ersten Untersuchungen": with no source named after it, the source
      // noun is what the text gives as the speaker (its entity stays null unless the compound names one).
      return { end: sourceNoun + 1, head: genitive < 0 ? sourceNoun : genitive };
    }
  }
  // "dachte laut über Nachfolger nach": the adverb, not the attribution (which takes its noun phrase directly).
  if (w.lower[p] === 'laut' && /^(APPR|APPRART)$/.test(w.xpos[t] ?? '')) return null;
  const headStart = t;
  const tokens = w.doc.tokens;
  // A word glued to a hyphen after it is the first part of a name, whatever its tag ("el-Baradei").
  const namePart = (k: number): boolean => w.raw[k + 1] === '-' && tokens.end[k] === tokens.start[k + 1];
  for (;;) {
    while (
      t < e &&
      !namePart(t) &&
      (w.xpos[t] === 'ART' ||
        w.xpos[t] === 'ADJA' ||
        w.xpos[t] === 'PPOSAT' ||
        w.xpos[t] === 'PDAT' || // "laut diesem Entwurf"
        w.xpos[t] === 'PIAT' || // "laut einigen Berichten"
        w.lower[t] === 'dessen' ||
        w.lower[t] === 'deren' ||
        w.xpos[t] === 'APPR' ||
        w.lower[t] === 'von')
    )
      t++;
    // A participle's own phrase inside the noun phrase: "laut einer am Dienstag veröffentlichten Mitteilung".
    if (/^APPR/.test(w.xpos[t] ?? '') && /^(NN|NE|CARD)$/.test(w.xpos[t + 1] ?? '') && w.xpos[t + 2] === 'ADJA') t += 2;
    // A hyphenated adjective: "des schleswig-holsteinischen Sozialministeriums".
    else if (namePart(t) && /^\p{Ll}/u.test(w.raw[t] ?? '') && w.xpos[t + 2] === 'ADJA') t += 2;
    else break;
  }
  // A title the tagger did not take for a noun, before a name: "laut Oberst Franz Polzer".
  if (/^\p{Lu}/u.test(w.raw[t] ?? '') && !/^(NN|NE)$/.test(w.xpos[t] ?? '') && w.xpos[t + 1] === 'NE') t++;
  // A quoted name: laut „Welt“, nach einem Bericht der „Frankfurter Allgemeine Zeitung“.
  if (/^["„»“]$/.test(w.raw[t] ?? '')) {
    for (let k = t + 1; k < e && k <= t + 8; k++) {
      if (/^["“”«]$/.test(w.raw[k] as string)) return k > t + 1 ? { end: k + 1, head: t + 1 } : null;
    }
    return null;
  }
  // A hyphen compound the tokenizer split ("laut ai-Bericht", "laut UN-Angaben"): its last part heads it.
  while (t + 2 < e && namePart(t) && tokens.end[t + 1] === tokens.start[t + 2]) t += 2;
  // A name may start in lower case when it has a digit, a dot or a hyphen: "n24", "taz", "faz.net".
  const raw = w.raw[t] ?? '';
  const nameLike = /^[\p{Lu}\p{N}]/u.test(raw) || /[\p{N}.-]/u.test(raw) || (w.xpos[t] === 'NE' && raw.length > 1);
  if (t >= e || !/^(NN|NE|FM|XY|CARD)$/.test(w.xpos[t] ?? '') || !nameLike) return null;
  const np = nounPhrase(w.ctx, t, headStart, e);
  // "gemäß dem Gesetz" conforms to a norm; "gemäß einem Bericht", "gemäß einem Augenzeugen" report.
  if (w.lower[p] === 'gemäß' && isNormNoun(w.lower[t] as string)) return null;
  // "laut Innenminister Müller": a name the tagger did not take for one still belongs to the phrase.
  let end = Math.max(np.end, mentionEndAt(w, np.end));
  // "laut Oberst Franz Polzer vom Landeskriminalamt": the source's "vom" attribute belongs to it.
  if (w.lower[end] === 'vom') {
    let k = end + 1;
    while (k < e && /^(ADJA|NN|NE)$/.test(w.xpos[k] ?? '')) k++;
    if (k > end + 1 && /^(NN|NE)$/.test(w.xpos[k - 1] ?? '')) end = k;
  }
  // "der New York Times und der Los Angeles Times": coordinated sources.
  while (/^(und|sowie)$/.test(w.lower[end] ?? '') && end + 1 < e) {
    let n = end + 1;
    while (n < e && /^(ART|ADJA|PPOSAT)$/.test(w.xpos[n] ?? '')) n++;
    if (!/^(NN|NE)$/.test(w.xpos[n] ?? '')) break;
    end = nounPhrase(w.ctx, n, end + 1, e).end;
  }
  // "nach Angaben der Times, die sich auf Sprecher stützen, …": a relative clause on the source.
  if (w.raw[end] === ',' && w.xpos[end + 1] === 'PRELS') {
    let c = end + 2;
    while (c < e && c < end + 25 && w.raw[c] !== ',') c++;
    if (w.raw[c] === ',' && (w.xpos[c - 1] ?? '').startsWith('V')) end = c + 1;
  }
  // "von Kristján Loftsson, einem Manager der Firma,": an apposition closed by a comma.
  if (w.raw[end] === ',' && /^(ART|PPOSAT)$/.test(w.xpos[end + 1] ?? '')) {
    let c = end + 2;
    while (c < e && c < end + 12 && w.raw[c] !== ',' && !isFinite(w, c)) c++;
    if (w.raw[c] === ',' && isFinite(w, c + 1)) end = c + 1;
  }
  let head = t;
  while (head + 1 < np.end && w.xpos[head + 1] === 'NE') head++;
  // "laut einer Erklärung des Innenministeriums": the ministry speaks, not its statement.
  if (/(erklärung|mitteilung|bericht|angaben|informationen|aussage|sprecher|sprecherin)$/.test(w.lower[head] ?? '')) {
    for (let g = head + 1; g < np.end; g++) {
      if (w.xpos[g] === 'NN' || w.xpos[g] === 'NE') {
        if (/^(sprecher|sprecherin)$/.test(w.lower[head] ?? '')) break;
        head = g;
        break;
      }
    }
  }
  return { end, head };
}

/** The token after a person or organisation mention that starts at token `t` (t itself when none does). */
function mentionEndAt(w: Work, t: number): number {
  const m = mentionStartingAt(w.ctx, w.doc.tokens.start[t] as number, (e) => e.type === 'PER' || e.type === 'ORG');
  return m ? tokenAt(w, m.end - 1) + 1 : t;
}

/** Norms one acts "gemäß" (in accordance with), also as a compound's head ("Grundgesetz"). */
const NORM_NOUNS = new Set(
  'gesetz recht islam koran bibel scharia vertrag vereinbarung abkommen regel regeln verfassung vorschrift vorschriften richtlinie richtlinien artikel paragraph paragraf beschluss statut statuten satzung tradition plan auftrag verordnung urteil ordnung norm normen'.split(
    ' ',
  ),
);

function isNormNoun(lower: string): boolean {
  return NORM_NOUNS.has(lower) || compoundHead(lower, (part) => NORM_NOUNS.has(part) || undefined, 6) !== null;
}

/** The first words of clauses that end in their finite verb: relative pronouns, subordinating conjunctions. */
const VERB_LAST_START = /^(PRELS|PRELAT|KOUS|PWAV)$/;

/** Whether token `k` opens a relative clause: "der", "welches", "in dem", "deren". */
function isRelativeStart(w: Work, k: number): boolean {
  const x = w.xpos[k] ?? '';
  // "die aber nicht überprüft werden können": the tagger may call the pronoun an article.
  if (
    x === 'ART' &&
    /^(der|die|das|dem|den)$/.test(w.lower[k] as string) &&
    !/^(ADJA|NN|NE|CARD|ADV)$/.test(w.xpos[k + 1] ?? '')
  )
    return true;
  return (
    x === 'PRELS' ||
    x === 'PRELAT' ||
    /^welche[mnrs]?$/.test(w.lower[k] as string) ||
    (x === 'APPR' && w.xpos[k + 1] === 'PRELS')
  );
}

/** Marks after which a clause with an attribution of its own starts: "…; nach Polizeiangaben waren es …". */
const CLAUSE_OPENERS = new Set([',', ':', ';', '(']);

/** "Laut X …", "… nach Angaben von X …", "X zufolge …", "gemäß X". */
function attributedQuotes(w: Work, s: number): void {
  const f = first(w, s);
  const e = stop(w, s);
  for (let p = f; p < e; p++) {
    if (w.inQuote[p]) continue;
    const lower = w.lower[p] as string;
    let phraseStart = p;
    let phraseEnd = -1;
    let head = -1;
    if (lower === 'zufolge') {
      // The noun phrase before: "Berichten der BBC zufolge", "dem Kreml zufolge".
      let a = p - 1;
      while (a > f && w.xpos[a - 1] !== '$,' && w.xpos[a - 1] !== '$.' && p - a < 8 && !isFinite(w, a - 1)) a--;
      phraseStart = a;
      phraseEnd = p + 1;
      head = p - 1;
      while (head > a && !(w.xpos[head] === 'NN' || w.xpos[head] === 'NE')) head--;
      for (let g = a; g < p; g++) {
        if ((w.xpos[g] === 'NN' || w.xpos[g] === 'NE') && !isSourceNoun(w.lower[g] as string) && g > a) {
          head = g;
          break;
        }
      }
    } else if (lower === 'nach' && p > f && isSourceNoun(w.lower[p - 1] as string) && w.xpos[p + 1] !== 'ART') {
      // Postposed: "Seiner Meinung nach", "Dem Vernehmen nach". The phrase is what the text gives as the
      // source, as with "nach Polizeiangaben".
      let a = p - 1;
      while (a > f && /^(ART|ADJA|PPOSAT|PDAT)$/.test(w.xpos[a - 1] ?? '')) a--;
      phraseStart = a;
      phraseEnd = p + 1;
      head = p - 1;
    } else if (isAttributionPreposition(lower) || lower === 'nach') {
      const phrase = attributionPhrase(w, p, e);
      if (!phrase) continue;
      phraseEnd = phrase.end;
      head = phrase.head;
    } else continue;
    // The message: the clause around the attribution (with it, when it stands inside the clause: "die nach
    // Einschätzung des Amtes die Luft verbessert"), or the part after an attribution that opens the clause.
    let a = phraseStart;
    while (a > f) {
      const previous = w.raw[a - 1] as string;
      if (previous === ')') {
        // A closed parenthesis before the phrase is read past: "Kurt Beck (SPD) hat eigenen Angaben zufolge".
        const open = w.raw.lastIndexOf('(', a - 2);
        if (open < f) break;
        a = open;
        continue;
      }
      if (CLAUSE_OPENERS.has(previous)) {
        // A relative clause closed before the phrase is read past: "Das Kraftwerk, welches von Vattenfall
        // betrieben wird, bleibt nach Berichten des Ministeriums außer Betrieb".
        if (previous === ',' && a - 1 > f) {
          let open = a - 2;
          while (open > f && w.raw[open] !== ',') open--;
          if (w.raw[open] === ',' && isRelativeStart(w, open + 1) && open + 2 < a - 1) {
            a = open;
            continue;
          }
        }
        break;
      }
      a--;
    }
    // "Nachdem …, ist es laut Focus zu … gekommen": a clause whose finite verb follows the comma has what
    // stands before the comma in its first field, which belongs to what was reported.
    if (a > f && w.raw[a - 1] === ',' && isFinite(w, a)) a = f;
    // A time expression right after the attribution belongs to it: "laut einer Erklärung … vom Freitag".
    const after0 = w.doc.tokens.start[phraseEnd];
    const time = w.doc.times.find((x) => x.start === after0);
    if (time) while (phraseEnd < e && (w.doc.tokens.end[phraseEnd] as number) <= time.end) phraseEnd++;
    // So does a relative clause on the source: "Nach offiziellen Angaben, die nicht überprüft werden können,
    // waren die meisten Opfer …".
    if (w.raw[phraseEnd] === ',' && isRelativeStart(w, phraseEnd + 1)) {
      let close = phraseEnd + 2;
      while (close < e && close <= phraseEnd + 20 && w.raw[close] !== ',' && !w.inQuote[close]) close++;
      if (w.raw[close] === ',' && isFinite(w, close - 1)) phraseEnd = close + 1;
    }
    let b = phraseEnd;
    if (a === phraseStart) b = reportedClauseEnd(w, s, phraseEnd, true);
    else {
      // A clause with its verb last ("das nach israelischen Angaben der Planung, Finanzierung … diene") runs
      // to its finite verb, past the commas of a list.
      const verbLast = VERB_LAST_START.test(w.xpos[a] ?? '');
      let verb = !verbLast;
      while (
        b < e &&
        !(
          w.raw[b] === ',' &&
          b > phraseEnd + 2 &&
          verb &&
          w.xpos[b + 1] !== 'KON' &&
          !continuesReport(w, b + 1, e) // what the clause governs goes on: "…, da sie …"
        ) &&
        w.raw[b] !== ';'
      ) {
        if (isFinite(w, b)) verb = true;
        b++;
      }
    }
    // "(nach anderen Angaben liegt die Stadt 46 Kilometer entfernt)": the parenthesis closes it.
    if (w.raw[a - 1] === '(') {
      const close = w.raw.indexOf(')', phraseEnd);
      if (close >= 0 && close < b) b = close;
    }
    const before = phraseStart - a;
    const after = b - phraseEnd;
    if (before + after < 3) continue;
    const [start, end] =
      before === 0
        ? tokenSpanOffsets(w, phraseEnd, b)
        : after < 2
          ? tokenSpanOffsets(w, a, phraseStart)
          : tokenSpanOffsets(w, a, b);
    if (coveredByDirect(w, start, end)) continue;
    const speaker = head >= 0 ? speakerOfPhrase(w.ctx, head, phraseStart, phraseEnd) : null;
    // "seiner Meinung nach": the phrase stands for the person the possessive points back to.
    if (speaker && !speaker.entity && w.xpos[phraseStart] === 'PPOSAT')
      speaker.entity = possessorOf(w.ctx, phraseStart);
    addQuote(w, 'indirect', start, end, speaker, cueSpan(w, { token: p, lemma: lower }), s);
    p = phraseEnd - 1;
  }
}

/**
 * "… wird neuer Trainer. Dies gab die Vereinsführung bekannt.": a sentence that opens with "Das"/"Dies"
 * and a speech verb frames the sentence before it, which is the message (unless it is a question, is
 * already a quote, or is a frame itself).
 */
function anaphoricFrameQuotes(w: Work, s: number): void {
  if (s === 0) return;
  const f = first(w, s);
  const e = stop(w, s);
  if (!/^(das|dies)$/.test(w.lower[f] ?? '') || w.xpos[f] !== 'PDS' || w.inQuote[f]) return;
  const k = f + 1;
  const cue = (w.xpos[k] === 'VAFIN' ? frameCue(w, k, e) : null) ?? cueOf(w, k);
  if (!cue || !isFinite(w, k) || w.xpos.slice(f, e).includes('PTKNEG')) return; // "Das bestätigte er nicht"
  const pf = first(w, s - 1);
  const pe = stop(w, s - 1);
  if (w.raw[pe - 1] === '?' || w.inQuote[pf]) return;
  for (let t = pf; t < pe; t++) if (cueOf(w, t)) return; // the sentence before reports on its own
  const [a, b] = tokenSpanOffsets(w, pf, pe);
  if (coveredByDirect(w, a, b) || w.quotes.some((q) => q.start < b && q.end > a)) return;
  // The subject stands after the verb; the parse may take the fronted "Dies" for it.
  const speaker = speakerOfCue(w, cue, s) ?? speakerOfPhrase(w.ctx, headAfter(w, k + 1, e), f, e);
  addQuote(w, 'indirect', a, b, speaker, cueSpan(w, cue), s - 1);
}

/** "Wie die Polizei mitteilte, wurden …": the clause after the wie-frame is the message. */
function wieFrameQuotes(w: Work, s: number): void {
  const f = first(w, s);
  const e = stop(w, s);
  // "Denn wie die Zeitung berichtete, …": a conjunction or adverb before "wie" still lets it open the sentence.
  const opening = (p: number): boolean => p === f || (p === f + 1 && /^(KON|ADV|PAV)$/.test(w.xpos[f] ?? ''));
  for (let p = f; p < e; p++) {
    if (w.lower[p] !== 'wie' || !(opening(p) || w.raw[p - 1] === ',') || w.inQuote[p]) continue;
    for (let k = p + 2; k < e && k <= p + 25; k++) {
      if (w.raw[k] === ',' && !(k + 1 < e && /^(NE|NN|ART)$/.test(w.xpos[k + 1] ?? '')) && k < p + 3) break;
      if (isFinite(w, k) && !cueOf(w, k)) break; // "wie" opens some other clause
      const cue = cueOf(w, k);
      if (!cue) continue;
      // "„Trap“, wie er genannt wird": naming someone is not saying something.
      if (cue.lemma === 'nennen') break;
      // "Wie die FIFA mitgeteilt hat, …": the auxiliaries close the frame.
      let close = k + 1;
      while (close < e && close <= k + 3 && /^V[AM]/.test(w.xpos[close] ?? '')) close++;
      // Without the comma after the frame, a verb after the cue is the message's ("Wie die Sender berichten
      // sind zwei Polizisten …").
      if (w.raw[close] !== ',' && /^V[AMV]FIN$/.test(w.xpos[k + 1] ?? '')) close = k + 1;
      const after = w.raw[close];
      // "Wie bekannt wurde, …" names no one.
      // "wie vom Bundesgerichtshof entschieden": a bare participle's speaker is its agent.
      const agent = w.xpos[k] === 'VVPP' && close === k + 1 ? agentOf(w, k, p + 1) : -1;
      const speakerHead =
        cue.lemma === IMPERSONAL_CUE
          ? -1
          : agent >= 0
            ? agent
            : subjectOf(w.ctx, k, p + 1, k, (t) => w.inQuote[t] === 1);
      const speaker = speakerHead >= 0 ? speakerOfPhrase(w.ctx, speakerHead, p + 1, k) : null;
      // The comma after the frame is often left out: "Wie die Sender berichten sind zwei Polizisten …".
      if ((after === ',' || isFinite(w, close)) && opening(p)) {
        const from = after === ',' ? close + 1 : close;
        const end = reportedClauseEnd(w, s, from, true);
        const [a, b] = tokenSpanOffsets(w, from, end);
        addQuote(w, 'indirect', a, b, speaker, cueSpan(w, cue), s);
      } else if (p > f && after === ',' && close + 2 < e) {
        // A frame set in the middle ("Die Kürzung verstoße, wie vom Gericht entschieden, gegen …"): the
        // message is the sentence around it.
        const [a, b] = tokenSpanOffsets(w, f, reportedClauseEnd(w, s, close + 1, true));
        if (!coveredByDirect(w, a, b)) addQuote(w, 'indirect', a, b, speaker, cueSpan(w, cue), s);
      } else if (p > f) {
        const [a, b] = tokenSpanOffsets(w, f, p - 1);
        if (!coveredByDirect(w, a, b)) addQuote(w, 'indirect', a, b, speaker, cueSpan(w, cue), s);
      }
      break;
    }
  }
}

/**
 * A main clause whose verb is itself the report, with a nominal content: "Die Polizei sprach von 800
 * Autos", "Der Minister hat den Abzug der Truppen angekündigt", "Sie bezeichnete die Lösung als Irrweg".
 * The clause is the message (what the speaker is reported to have said), its subject the speaker.
 */
function speechActQuotes(w: Work, s: number): void {
  const tree = w.tree;
  if (!tree) return;
  const f = first(w, s);
  const e = stop(w, s);
  // Headlines (no closing punctuation) announce rather than report; questions report nothing.
  if (!/^[.!]$/.test(w.raw[e - 1] ?? '') || w.inQuote[f]) return;
  const [a, b] = tokenSpanOffsets(w, f, e);
  if (w.quotes.some((q) => q.start < b && q.end > a && !isFragment(w, q))) return;
  for (let k = f; k < e; k++) {
    if (!isMainVerb(tree, k) || w.inQuote[k] || inParentheses(w, f, k)) continue;
    const lemma = reportVerbAt(w.doc, tree, k, e);
    if (!lemma) continue;
    // "nannte die Zahlen „aus der Luft gegriffen“": the quotation already is what this verb reports.
    if (w.quotes.some((q) => q.cue?.start === w.doc.tokens.start[k])) return;
    const cue: Cue = { token: k, lemma };
    const preposition = reportPreposition(lemma) as string;
    if (preposition !== '' && !governs(w, tree, k, preposition, f, e)) return;
    // "wurde nicht bestätigt", "kritisierte nicht": no one is reported to have said it.
    for (let t = f; t < e; t++) if (tree.head[t] === k && tree.deprel[t] === 'aux:pass') return;
    if (w.xpos.slice(f, e).includes('PTKNEG')) return;
    const speaker = speakerOfCue(w, cue, s);
    if (!speaker) return;
    addQuote(w, 'indirect', a, b, speaker, cueSpan(w, cue), s);
    return;
  }
}

/**
 * A direct quote inside a clause of the narrator's ("warnten vor einem „drohenden Abfluss“", "sei „nicht
 * aggressiv“"): words of the clause stand before it, no colon introduces it and it is not a sentence of
 * its own. The clause around it can still be reported speech.
 */
function isFragment(w: Work, q: Quote): boolean {
  if (q.kind !== 'direct' || /[.!?…]$/.test(q.text)) return false;
  const s = sentenceAt(w, q.start);
  const before = w.doc.text.slice(w.doc.tokens.start[first(w, s)] as number, q.start);
  return /[\p{L}\p{N}]/u.test(before) && !/:\s*\S?$/.test(before);
}

/** Whether token `k` stands inside parentheses opened after `f`: "(Wikinews berichtete)". */
function inParentheses(w: Work, f: number, k: number): boolean {
  let depth = 0;
  for (let t = f; t < k; t++) depth += w.raw[t] === '(' ? 1 : w.raw[t] === ')' ? -1 : 0;
  return depth > 0;
}

/** The root, or a verb coordinated with it ("wies … zurück und bezeichnete sie als …"). */
function isMainVerb(tree: Tree, k: number): boolean {
  const head = tree.head[k] as number;
  if (head === -1) return true;
  return /^(conj|parataxis)$/.test(tree.deprel[k] as string) && tree.head[head] === -1 && tree.upos[k] === 'VERB';
}

/** Whether verb `k` has an oblique argument introduced by `preposition` ("sprach von …"). */
function governs(w: Work, tree: Tree, k: number, preposition: string, f: number, e: number): boolean {
  for (let t = f; t < e; t++) {
    if (w.lower[t] !== preposition && !(preposition === 'von' && w.lower[t] === 'vom')) continue;
    const head = tree.head[t] as number;
    if (head >= 0 && (tree.head[head] === k || head === k)) return true;
  }
  return false;
}

/** How far back (in sentences) a report goes on: its speaker carries over, Konjunktiv II continues it. */
const REPORT_REACH = 3;
/** How far back (in sentences) a quote's speaker is taken for a report with none just before it. */
const SPEAKER_REACH = 6;

/**
 * Sentences that report without a frame of their own: a main clause in Konjunktiv I ("Allerdings sei das
 * System kaputt"), reportative "sollen" ("Er soll resistent sein"), a sentence opening with "Demnach",
 * which points back to a source ("Die Bank veröffentlichte Zahlen. Demnach verlor sie 12 Milliarden") and,
 * right after another report, Konjunktiv II ("Zurzeit würden alle Daten ausgewertet"). The speaker is that
 * of the report just before, if there is one; otherwise the text does not say who.
 */
function continuationQuotes(w: Work): void {
  const latest = new Map<number, Work['quotes'][number]>();
  for (const q of w.quotes) {
    const seen = latest.get(q.lastSentence);
    if (!seen || seen.end < q.end) latest.set(q.lastSentence, q);
  }
  const covered = new Uint8Array(w.doc.sentences.count);
  for (const q of w.quotes) {
    if (!isFragment(w, q)) for (let s = q.sentence; s <= q.lastSentence; s++) covered[s] = 1;
  }
  /** How the sentences of each run of free indirect speech report. */
  const runForm = new Map<Work['quotes'][number], string>();
  for (let s = 0; s < w.doc.sentences.count; s++) {
    if (covered[s]) continue;
    const f = first(w, s);
    const e = stop(w, s);
    // A question reports nothing; a headline (no closing punctuation) is no continuation of a report.
    if (w.raw[e - 1] === '?' || /^[\p{L}\p{N}]/u.test(w.raw[e - 1] ?? '')) continue;
    if (w.inQuote[f] && quotedNameEnd(w, f, e) < 0) continue;
    const finite = leadingFinite(w, f, e);
    if (finite < 0) continue;
    // "Danach" points back to a source too when the sentence before names one ("Die Bank veröffentlichte
    // neue Zahlen. Danach verlor sie …"); elsewhere it means "afterwards".
    const demnach = w.lower[f] === 'demnach' || (w.lower[f] === 'danach' && s > 0 && namesSource(w, s - 1));
    const lemma = w.doc.morph?.lemma[finite] ?? '';
    const mood = moodAt(w, s, finite);
    // Reportative "sollen": "… sollen drei Lagerhallen abgebrannt sein", "… verhaftet worden sein", "Er soll
    // resistent sein", "Er soll umfassendes Wissen haben"; ending in another infinitive ("Die Taufe soll im
    // Juni erfolgen") it may be a plan, so it only continues a report.
    const sollen = lemma === 'sollen' && /^soll(en)?$/.test(w.lower[finite] as string);
    const endsSeinHaben = /^(sein|haben)$/.test(w.lower[e - 2] ?? '');
    // Only a sentence that could report is worth looking back for its speaker.
    if (mood !== 'konjunktiv1' && mood !== 'konjunktiv2' && !sollen && !demnach) continue;
    let previous: Work['quotes'][number] | null = null;
    let framed: Speaker | null = null;
    let back = 1;
    for (; back <= REPORT_REACH && s - back >= 0; back++) {
      previous = latest.get(s - back) ?? null;
      // A speaker who has just spoken without a quote of their own ("Freiberg begründete dies damit …")
      // is closer than an older quote.
      if (!previous) framed = frameSpeaker(w, s - back);
      if (previous || framed) break;
    }
    // A plain "soll" sentence ("Die Taufe soll im Juni erfolgen") is more often a plan than a report: it
    // continues only a report in the sentence right before.
    const justReported = (previous !== null || framed !== null) && back === 1;
    const reports =
      mood === 'konjunktiv1' ||
      demnach ||
      (sollen && endsSeinHaben) ||
      ((previous !== null || framed !== null) && (mood === 'konjunktiv2' || (sollen && justReported)));
    if (!reports) continue;
    const [a, b] = tokenSpanOffsets(w, demnach ? f + 1 : f, e);
    if (coveredByDirect(w, a, b)) continue;
    // A run of such sentences is one report: the quote before grows, while the sentences report alike
    // (Konjunktiv after Konjunktiv, "soll" after "soll"; a hearsay "soll" next to a Konjunktiv sentence is
    // a report of its own, as SpkAtt marks it: train +19 matched).
    const form = mood === 'konjunktiv1' || mood === 'konjunktiv2' ? 'konjunktiv' : 'sollen';
    const run = latest.get(s - 1);
    if (
      run &&
      run.cue === null &&
      run.kind === 'indirect' &&
      run.lastSentence === s - 1 &&
      !demnach &&
      (runForm.get(run) ?? form) === form
    ) {
      run.end = messageEnd(w.doc.text, 'indirect', a, b);
      run.text = w.doc.text.slice(run.start, run.end);
      run.lastSentence = s;
      latest.set(s, run);
      covered[s] = 1;
      continue;
    }
    const before = w.quotes.length;
    addQuote(w, 'indirect', a, b, previous?.speaker ?? framed ?? lastSpeaker(w, s), null, s);
    const added = w.quotes[before];
    if (added) {
      runForm.set(added, form);
      latest.set(s, added);
      covered[s] = 1;
    }
  }
}

/**
 * A relative or adverbial clause in Konjunktiv I that no quote covers reports on its own: "führt der Bericht
 * schwere Mängel an, für die ein unzulänglicher Gesetzesrahmen verantwortlich sei", "…, weil er sich bedroht
 * fühle". The main clause is the narrator's; the clause is what someone said (train: 28 of 31 such clauses
 * are in SpkAtt's gold). dass-/ob-clauses are left to the frames that govern them.
 */
function subjunctiveClauseQuotes(w: Work): void {
  for (let s = 0; s < w.doc.sentences.count; s++) {
    const f = first(w, s);
    const e = stop(w, s);
    // A question asks; it reports nothing.
    if (w.raw[e - 1] === '?') continue;
    const clauseEnd = (from: number): number => {
      let t = from;
      while (t < e && !/^[,;.:!?]$/.test(w.raw[t] as string)) t++;
      return t;
    };
    for (let c = f; c < e - 2; c++) {
      if (w.raw[c] !== ',' || w.inQuote[c]) continue;
      const k = c + 1;
      const x = w.xpos[k] ?? '';
      const relative =
        x === 'PRELS' ||
        x === 'PRELAT' ||
        /^welche[mnrs]?$/.test(w.lower[k] as string) ||
        (x === 'APPR' && w.xpos[k + 1] === 'PRELS');
      const adverbial = x === 'KOUS' && w.lower[k] !== 'dass' && w.lower[k] !== 'ob';
      // A main clause after the comma: "…, auch eine spätere Ausweitung sei denkbar", "Gegen das Buch wurde
      // eingewandt, es verletze religiöse Überzeugungen" (train: 34 of 44 are SpkAtt quotes).
      const main = !relative && !adverbial && !/^(KOUS|KOUI|KON|PWS|PWAV|PWAT|PRELS|\$.*)$/.test(x);
      if (!relative && !adverbial && !main) continue;
      let end = clauseEnd(k + 1);
      let verb = -1;
      // The verb second: a clause opening with its verb is the rest of one whose subject a relative clause
      // interrupted ("Die Tat des Jungen, der … gewesen war, sei gegen den Rektor gerichtet").
      if (main) for (let t = k + 1; t < end && t < k + 6 && verb < 0; t++) verb = isFinite(w, t) ? t : -1;
      else for (let t = end - 1; t > k && verb < 0; t--) if (isFinite(w, t)) verb = t;
      // "ich habe" is indicative whatever the form says.
      if (verb < 0 || moodAt(w, s, verb) !== 'konjunktiv1' || hasWord(w, 'ich', k, end)) continue;
      if (main) end = reportedClauseEnd(w, s, verb);
      // What the clause governs goes on: "weil es zeige, dass …", "der tue und sage, was …".
      else while (w.raw[end] === ',' && continuesReport(w, end + 1, e)) end = clauseEnd(end + 2);
      const [a, b] = tokenSpanOffsets(w, k, end);
      if (w.quotes.some((q) => q.start < b && a < q.end)) continue;
      addQuote(w, 'indirect', a, b, mainSubjectSpeaker(w, s, k) ?? lastSpeaker(w, s), null, s);
      c = end - 1;
    }
  }
}

/** The named subject of the main clause before token `k` of sentence `s` (the root's nsubj), or null. */
function mainSubjectSpeaker(w: Work, s: number, k: number): Speaker | null {
  const tree = w.tree;
  if (!tree) return null;
  const f = first(w, s);
  for (let t = f; t < k; t++) {
    if (tree.deprel[t] !== 'nsubj' || tree.head[tree.head[t] as number] !== -1) continue;
    const speaker = speakerOfPhrase(w.ctx, t, f, stop(w, s));
    return speaker?.entity ? speaker : null;
  }
  return null;
}

/** Whether sentence `s` has a noun that names a source of information (Studie, Bericht, Zahlen, Umfrage). */
function namesSource(w: Work, s: number): boolean {
  for (let t = first(w, s); t < stop(w, s); t++)
    if (w.xpos[t] === 'NN' && (isSourceNoun(w.lower[t] as string) || SOURCE_DOCUMENTS.has(w.lower[t] as string)))
      return true;
  return false;
}

/** Documents and figures that can be cited as the source of what follows them. */
const SOURCE_DOCUMENTS = new Set(['zahlen', 'quartalszahlen', 'bilanz', 'statistik', 'jahresbericht', 'gutachten']);

/** The speaker of the latest quote that ends within SPEAKER_REACH sentences before sentence `s`. */
function lastSpeaker(w: Work, s: number): Speaker | null {
  let best: Work['quotes'][number] | null = null;
  for (const q of w.quotes) {
    if (!q.speaker || q.lastSentence >= s || s - q.lastSentence > SPEAKER_REACH) continue;
    if (!best || q.end > best.end) best = q;
  }
  if (best?.speaker) return best.speaker;
  // "Die Länder fordern Konsequenzen. So sollen …": the subject of a speech verb just before.
  for (let back = 1; back <= REPORT_REACH - 1 && s - back >= 0; back++) {
    const speaker = frameSpeaker(w, s - back);
    if (speaker) return speaker;
  }
  return null;
}

/** The subject of the first finite speech verb of sentence `p` ("Freiberg begründete dies …"), or null. */
function frameSpeaker(w: Work, p: number): Speaker | null {
  for (let t = first(w, p); t < stop(w, p); t++) {
    const cue = cueOf(w, t);
    // The finite speech verb, or the participle heading the clause ("hat … bekannt gegeben").
    if (!cue || !(isFinite(w, t) || w.tree?.head[t] === -1)) continue;
    const speaker = speakerOfCue(w, cue, p);
    if (speaker) return speaker;
  }
  return null;
}

function hasWord(w: Work, lower: string, f: number, e: number): boolean {
  for (let t = f; t < e; t++) if (w.lower[t] === lower) return true;
  return false;
}

/** The main clause's finite verb near the sentence start (after at most one fronted phrase), or -1. */
function leadingFinite(w: Work, f: number, e: number): number {
  // A fronted subordinate clause ("Da das Kraftwerk heruntergefahren wurde, sei es …", "Nachdem er sie
  // verfolgt hat, habe er …") is the first field: the main clause's verb follows its comma.
  if (w.xpos[f] === 'KOUS' || ADVERBIAL_CONJUNCTIONS.has(w.lower[f] as string) || w.lower[f] === 'da') {
    for (let t = f + 2; t < e - 1 && t < f + 25; t++) {
      if (w.inQuote[t]) return -1;
      if (w.raw[t] === ',') return isFinite(w, t + 1) ? t + 1 : -1;
    }
    return -1;
  }
  for (let t = f; t < e && t < f + 20; t++) {
    if (w.raw[t] === ',' && t < f + 2) return -1;
    // A relative clause in the first field ("Beim Hochwasser 1999, dessen Ausmaße geringer waren, seien …").
    if (w.raw[t] === ',' && /^(PRELS|PRELAT)$/.test(w.xpos[t + 1] ?? '')) {
      let c = t + 2;
      while (c < e && c < t + 20 && w.raw[c] !== ',') c++;
      if (w.raw[c] !== ',') return -1;
      t = c;
      continue;
    }
    if (w.inQuote[t]) {
      // A quoted name in the first field ("Auch die Walfangstation „Hvalstödin“ sei …") is no quotation.
      const after = quotedNameEnd(w, t, e);
      if (after < 0) return -1;
      t = after - 1;
      continue;
    }
    if (isFinite(w, t)) return t;
  }
  return -1;
}

/** Words a quoted name or title has at most. */
const SHORT_QUOTED_WORDS = 3;

/**
 * Where a quoted name or title ("„Xinhua“", "„Hvalstödin“") that starts at token `t` ends: the first
 * token after its run of quoted tokens; -1 when the run is longer than a name (a quotation).
 */
function quotedNameEnd(w: Work, t: number, e: number): number {
  let k = t;
  let words = 0;
  // A longer run is a name when written like one: "„Public Library of Science“", "„Rat für Demokratische
  // Reform“" (every word capitalised but the little words between).
  let titled = true;
  // Words, not tokens: the quotation marks and the hyphens of "„No-Go-Areas“" do not count.
  for (; k < e && w.inQuote[k]; k++) {
    const raw = w.raw[k] as string;
    if (!/[\p{L}\p{N}]/u.test(raw)) continue;
    words++;
    if (!/^[\p{Lu}\p{N}]/u.test(raw) && !NAME_LINKS.has(raw)) titled = false;
  }
  return words > SHORT_QUOTED_WORDS && !(titled && words <= LONG_NAME_WORDS) ? -1 : k;
}

/** The most words a title-cased quoted name has. */
const LONG_NAME_WORDS = 8;
/** Small words inside names and titles: "Library of Science", "Rat für Demokratische Reform". */
const NAME_LINKS = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'la',
  'le',
  'du',
  'des',
  'der',
  'die',
  'das',
  'und',
  'für',
  'von',
  'vom',
  'zur',
  'zum',
  'im',
  'in',
  'am',
  'an',
  'auf',
  'unter',
  'e.V.',
]);

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
  }
  for (let s = 0; s < doc.sentences.count; s++) speechActQuotes(w, s);
  continuationQuotes(w);
  subjunctiveClauseQuotes(w);
  w.quotes.sort((a, b) => a.start - b.start);
  return w.quotes.map((q, i) => ({
    id: `Q${i + 1}`,
    kind: q.kind,
    start: q.start,
    end: q.end,
    text: q.text,
    speaker: q.speaker,
    cue: q.cue,
  }));
}

export const quotesStage: Stage = {
  name: 'quotes',
  run(doc: Doc): void {
    doc.quotes = findQuotes(doc);
  },
};
