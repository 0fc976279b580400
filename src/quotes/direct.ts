/** Direct quotes: the spans between quotation marks that are speech, not names or titles, with their frames. */
import type { Quote } from '../document.js';
import type { QuotedSpan } from './marks.js';
import { isAttributionPreposition, reportVerbAt } from './cues.js';
import { speakerOfPhrase, subjectOf, type Speaker } from './speaker.js';
import {
  type Cue,
  type Work,
  first,
  stop,
  cueOf,
  speakerOfCue,
  cueSpan,
  addQuote,
  sentenceAt,
  tokenAt,
  lastFiniteBefore,
} from './work.js';
import { headAfter } from './frames.js';
import { readWordSet } from '../util/lexicon.js';
import { frameSpeaker } from './free-indirect.js';

/** A quoted name or title ("Honest People", „Al-Qaida“-Mitglieder) is not speech. */
export function isNameLike(text: string, span: QuotedSpan): boolean {
  const content = text.slice(span.start, span.end);
  if (text[span.outerEnd] === '-') return true;
  const words = content.split(/\s+/).filter((x) => x.length > 0);
  if (words.length === 1 && /^[\w-]+(\.[\w-]+)+$/u.test(content)) return true; // news.bbc.co.uk
  if (words.length > 8 || (/[.!?…]$/.test(content) && !/\be\.\s?V\.$/.test(content))) return false;
  return words.every((word) => /^\(?[\p{Lu}\p{N}&]/u.test(word) || NAME_PARTICLES.test(word) || LEGAL_FORM.test(word));
}

/** Lower-case words inside names and titles, German and foreign ("Partij voor de Vrijheid", "Piper at the Gates of Dawn"). */
export const NAME_PARTICLES =
  /^(of|the|and|for|at|on|to|from|with|by|de|la|le|les|du|des|del|el|y|et|en|un|une|pour|voor|van|von|der)$/;

/** Legal forms written in lower case at the end of a name: „Nichtraucher-Initiative Deutschland e.V.“. */
const LEGAL_FORM = /^(e\.V\.|e\.|mbH|gGmbH|eG)$/;

/**
 * A quotation right after a common noun names it: „Deutschland schafft sich ab“ after "das Buch", the
 * motto „Wir übernehmen Verantwortung“ after "unter dem Motto". Nouns of speech (Worte, Satz, Aussage)
 * introduce what was said.
 */
export function isTitleAfterNoun(w: Work, span: QuotedSpan): boolean {
  const content = w.doc.text.slice(span.start, span.end);
  // A title starts in upper case; "nannte die Zahlen „aus der Luft gegriffen“" quotes a judgement.
  const words = content.split(/\s+/).length;
  if (!/^[\p{Lu}\p{N}]/u.test(content) || /[.!?…]$/.test(content)) return false;
  if (words > titleWordLimit(w.doc.text, span.outerStart)) return false;
  let i = span.outerStart;
  while (i > 0 && /\s/.test(w.doc.text[i - 1] as string)) i--;
  if (i === 0) return false;
  let before = tokenAt(w, i - 1);
  if (w.xpos[before] === 'NN') return !SPEECH_NOUNS.test(w.lower[before] as string);
  // "erklärte der neue „Oberste Rat zur Wiederherstellung der Demokratie“": a definite article and an
  // adjective before a quotation in title case make it a name, whatever verb the sentence has.
  let adjectives = 0;
  while (before > 0 && w.xpos[before] === 'ADJA') {
    before--;
    adjectives++;
  }
  if (adjectives > 0 && DEFINITE.has(w.lower[before] as string) && w.lower[before - 1] !== 'als')
    return titleCase(content);
  // After an article, a quotation in title case names something: der „Sacharow-Preis für geistige
  // Freiheit“, beim „2. Deutschen Klimakongress“ (but einen „drohenden Abfluss“ is a quoted phrase).
  if (w.xpos[before] !== 'ART' && w.xpos[before] !== 'APPRART') return false;
  // "bezeichnete er als einen „Akt des politischen Verbrechertums“": a speech verb makes it speech — unless
  // the quotation stands in a phrase of place or medium ("in einem Gastbeitrag für die „BILD am Sonntag“").
  const s = w.sentenceOf[before] as number;
  if (!TITLE_PREPOSITIONS.has(w.lower[before - 1] ?? '') && hasSpeechVerb(w, s)) return false;
  return titleCase(content);
}

const DEFINITE = new Set(['der', 'die', 'das', 'den', 'dem', 'des']);

/** Its short form in brackets after it: "„Allianz zur Europäischen Integration“ (AIE)", also after a translation in brackets. */
const ABBREVIATION_AFTER = /^\s*\)?\s*\((?:\p{Lu}[\p{L}\d-]{1,8})\)/u;

/**
 * A quotation in title case followed by its abbreviation in brackets names something (an organisation, a
 * party, a device): "das sich selbst „Allianz zur Europäischen Integration“ (AIE) nennt".
 */
function isAbbreviatedName(text: string, span: QuotedSpan): boolean {
  return (
    titleCase(text.slice(span.start, span.end)) &&
    ABBREVIATION_AFTER.test(text.slice(span.outerEnd, span.outerEnd + 14))
  );
}

/** Nouns of works (word forms): their quoted apposition is a title, not speech ("das Buch „…“"). */
const WORK_NOUNS = readWordSet('lexicons/de/work-nouns.txt');

/**
 * The most words a quoted name or title opening at `outerStart` (its quotation mark) has: 8, or 20 after a
 * noun of a work ("das Buch „Cobra II – die wirkliche Geschichte der Invasion …“").
 */
export function titleWordLimit(text: string, outerStart: number): number {
  const before = /(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, outerStart - 40), outerStart))?.[1] ?? '';
  return WORK_NOUNS.has(before) ? 20 : 8;
}

/** Two words or more, at least half of them capitalised. */
function titleCase(content: string): boolean {
  const words = content.split(/\s+/);
  const capitalised = words.filter((word) => /^[\p{Lu}\p{N}]/u.test(word)).length;
  return words.length >= 2 && capitalised * 2 >= words.length;
}

/**
 * A quoted common noun that a speech verb applies ("nannte den Bericht eine „Zeitungsente“", "warfen der
 * Regierung „Wortbruch“ vor", "bezeichnete Stratfor als „Schatten-CIA“") is the speaker's word, not a name:
 * SpkAtt marks it as a direct quote.
 */
export function isQuotedJudgement(w: Work, span: QuotedSpan): boolean {
  const from = tokenAt(w, span.start);
  let to = from;
  while (to < w.doc.tokens.count && (w.doc.tokens.end[to] as number) < span.end) to++;
  if (to - from > 3) return false;
  let noun = false;
  for (let t = from; t <= to; t++) {
    const x = w.xpos[t] ?? '';
    if (x === 'NN') noun = true;
    else if (x !== 'ADJA' && x !== 'ART' && !/^\$/.test(x)) return false;
  }
  // The word before the quotation makes it a predicate: "als „…“", "einen „…“" (a newspaper, „Spiegel“,
  // stands after a definite article or none).
  const before = from - 1 - (w.inQuote[from - 1] ? 1 : 0);
  if (!noun || !/^(als|ein|eine|einen|einem|einer|eines|kein|keine|keinen)$/.test(w.lower[before] ?? '')) return false;
  return hasSpeechVerb(w, w.sentenceOf[from] as number);
}

/** Up to four words, not a sentence of its own. */
function isShortPhrase(content: string): boolean {
  return content.trim().split(/\s+/).length <= 4 && !/[.!?…]$/.test(content.trim());
}

/** Whether sentence `s` attributes what it says: "laut X", "X zufolge", "gemäß X". */
function hasAttribution(w: Work, s: number): boolean {
  for (let t = first(w, s); t < stop(w, s); t++) if (isAttributionPreposition(w.lower[t] as string)) return true;
  return false;
}

/** Whether sentence `s` has a speech or report verb outside quotation marks. */
function hasSpeechVerb(w: Work, s: number): boolean {
  for (let t = first(w, s); t < stop(w, s); t++) {
    if (!w.inQuote[t] && (cueOf(w, t) || reportVerbAt(w.doc, w.tree, t, stop(w, s)))) return true;
  }
  return false;
}

/**
 * Where the relative clause that token `t` stands in ends (the start offset of the comma or sentence end that
 * closes it), or Infinity where `t` stands in none: a comma before it is followed by a relative pronoun,
 * also after a preposition (", bei der …").
 */
function relativeClauseEnd(w: Work, t: number): number {
  const s = w.sentenceOf[t] as number;
  let k = t - 1;
  while (k >= first(w, s) && w.raw[k] !== ',') k--;
  if (k < first(w, s)) return Infinity;
  const opener = w.xpos[k + 1] === 'APPR' ? k + 2 : k + 1;
  if (!/^PREL/.test(w.xpos[opener] ?? '') || opener >= t) return Infinity;
  let e = t + 1;
  while (e < stop(w, s) && w.raw[e] !== ',') e++;
  return e < stop(w, s) ? (w.doc.tokens.start[e] as number) : Infinity;
}

/** Prepositions before "der/die/das „…“" that name a medium, place or work rather than what was said. */
const TITLE_PREPOSITIONS = new Set(['in', 'für', 'aus', 'bei', 'mit', 'an', 'auf', 'zu', 'laut', 'gegenüber']);

export const SPEECH_NOUNS =
  /(worte|wort|satz|sätze|aussage|aussagen|äußerung|äußerungen|zitat|frage|antwort|ausruf|rufe?n?|kommentar)$/;

export function directQuotes(w: Work, spans: readonly QuotedSpan[]): void {
  const text = w.doc.text;
  const pendingInherit: number[] = [];
  for (const span of spans) {
    if (
      (isNameLike(text, span) && !isQuotedJudgement(w, span)) ||
      isTitleAfterNoun(w, span) ||
      isAbbreviatedName(text, span)
    )
      continue;
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
        let distance = a >= span.outerEnd ? a - span.outerEnd : span.outerStart - (w.doc.tokens.end[t] as number);
        // "kritisierte die Handlungsweise Kozulins, der zum Sturm aufgerufen haben soll, als „…“": a verb in a
        // relative clause that closes before the quotation frames it only where no other verb does.
        if (distance >= 0 && relativeClauseEnd(w, t) <= span.outerStart) distance += text.length;
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
      const verb = lastFiniteBefore(w, colon - 1, first(w, sc));
      const head =
        verb >= 0
          ? subjectOf(w.ctx, verb, first(w, sc), colon, (t) => w.inQuote[t] === 1)
          : verblessSpeaker(w, first(w, sc), colon);
      if (head >= 0 && !/^(es|man)$/.test(w.lower[head] as string)) {
        speaker = speakerOfPhrase(w.ctx, head, first(w, sc), colon);
      }
    }
    // A short phrase in quotation marks in a sentence that reports no one's words (no frame, no speaker, no
    // colon, no speech verb or attribution) is a scare quote or a name ("im „historischen Saal“", "betrug
    // „nur“ 147 Millionen Kilometer"), not speech. Inside reported speech it is the speaker's own words.
    if (
      !best &&
      !speaker &&
      colon < 0 &&
      isShortPhrase(text.slice(span.start, span.end)) &&
      !standsAlone(w, span, s0, s1) &&
      !hasSpeechVerb(w, s0) &&
      !hasAttribution(w, s0)
    )
      continue;
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
    // "Khan verurteilte die Haltung der Regierung. „Diese Regierung hat …“": the subject of a speech verb in
    // the sentence right before.
    else if (q.sentence > 0) q.speaker = frameSpeaker(w, q.sentence - 1);
  }
}

/**
 * The speaker of a verbless frame before a colon: the noun phrase that opens it ("Merkel: „…“", "Punklady
 * Nina Hagen zur neuen Heimat: „…“", "Ein Hauptkommissar nach der Festnahme: „…“"), not a noun in the
 * prepositional phrase after it; -1 when it opens with none.
 */
function verblessSpeaker(w: Work, f: number, colon: number): number {
  let t = f;
  while (t < colon && /^(ART|ADJA|PPOSAT|PDAT|PIAT|CARD)$/.test(w.xpos[t] ?? '')) t++;
  if (t >= colon || !/^(NE|NN)$/.test(w.xpos[t] ?? '') || w.inQuote[t]) return -1;
  while (t + 1 < colon && /^(NE|NN)$/.test(w.xpos[t + 1] ?? '')) t++;
  return t;
}

/** The colon token right before a quotation mark ("sagte: „…“"), or -1. */
export function colonBefore(w: Work, markStart: number): number {
  let i = markStart;
  while (i > 0 && /\s/.test(w.doc.text[i - 1] as string)) i--;
  return i > 0 && w.doc.text[i - 1] === ':' ? tokenAt(w, i - 1) : -1;
}

/** Whether the quotation fills its sentences: nothing but punctuation outside it. */
export function standsAlone(w: Work, span: QuotedSpan, s0: number, s1: number): boolean {
  const a = w.doc.tokens.start[first(w, s0)] as number;
  const b = w.doc.tokens.end[stop(w, s1) - 1] as number;
  const outside = w.doc.text.slice(a, span.outerStart) + w.doc.text.slice(span.outerEnd, b);
  return !/[\p{L}\p{N}]/u.test(outside);
}

// ---------------------------------------------------------------------------------------------------
// Indirect quotes
