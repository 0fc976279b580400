/**
 * The quotes stage's working state (`Work`), shared by its finders: token views, the cue and speaker of a
 * frame, moods, and `addQuote`, which keeps one quote per stretch of text.
 */
import type { Doc, Quote } from '../document.js';
import type { Tree } from '../syntax/tree.js';
import { tokenAt as tokenAtOffset } from '../text/positions.js';
import { reportedMood } from './mood.js';
import { IMPERSONAL_CUE } from './cues.js';
import { clauseStartIn, speakerOfPhrase, subjectOf, type Speaker, type SpeakerContext } from './speaker.js';

export interface Cue {
  token: number;
  lemma: string;
}

export interface Work {
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

export const CLAUSE_CONJUNCTIONS = new Set(['und', 'aber', 'sowie', 'doch', 'oder', 'sondern']);

/** Clauses that start with these are subordinate or relative, not the reported main clause. */
export const SUBORDINATE_START = /^(KOUS|KOUI|PRELS|PRELAT|PWS|PWAV|PWAT|KON|APPR|APPRART|\$.*)$/;

/** Of those, the starts a reported main clause in Konjunktiv may have too ("sagte, die SPLA werde …"). */
export const MAYBE_REPORTED_START = /^(PRELS|PDS|APPR|APPRART)$/;

export function first(w: Work, s: number): number {
  return w.doc.sentences.firstToken[s] as number;
}

export function stop(w: Work, s: number): number {
  return w.doc.sentences.endToken[s] as number;
}

/** The speech-verb cue at token `t`, unless it stands inside quotation marks. */
export function cueOf(w: Work, t: number): Cue | null {
  if (t >= w.speechVerb.length || w.inQuote[t]) return null;
  const lemma = w.speechVerb[t];
  if (!lemma) return null;
  // "meldete sich bei seinem Bruder": reflexive "sich melden" is getting in touch, not reporting.
  if (lemma === 'melden' && (w.xpos[t + 1] === 'PRF' || w.xpos[t + 2] === 'PRF' || w.xpos[t - 1] === 'PRF'))
    return null;
  // "hervorgehen" reports only what a source shows ("Aus dem Bericht geht hervor, dass …", "Wie aus … hervorgeht,
  // …"); "gestärkt aus der Saison hervorgegangen" is coming out of something.
  if (lemma === 'hervorgehen' && !showsWhat(w, t)) return null;
  // "Zwölf Todesopfer forderte ein Taifun": a disaster claims lives, it demands nothing.
  if (lemma === 'fordern' && claimsLives(w, t)) return null;
  return { token: t, lemma };
}

/** Casualties, which "fordern" takes in the sense of claiming lives. */
const CASUALTY_NOUNS = /(?:todesopfer|tote|toten|opfer|menschenleben|verletzte|verletzten|leben)$/;

/** Whether the clause of "fordern" at `t` names casualties (within four words of it, either side). */
function claimsLives(w: Work, t: number): boolean {
  for (let k = Math.max(0, t - 4); k <= t + 4 && k < w.lower.length; k++)
    if (k !== t && w.xpos[k] === 'NN' && CASUALTY_NOUNS.test(w.lower[k] as string)) return true;
  return false;
}

/** Where the clause holding token `t` begins: after the last , ; or : before it, and not before `f`. */
export function clauseStart(w: Work, t: number, f: number): number {
  return clauseStartIn(w.raw, t, f);
}

/** The last finite verb outside quotation marks from `t` back to `f`, or -1. */
export function lastFiniteBefore(w: Work, t: number, f: number): number {
  for (let k = t; k >= f; k--) if (isFinite(w, k) && !w.inQuote[k]) return k;
  return -1;
}

/**
 * Whether sentence `s` is a plain statement: it ends in "." or "!" (a question asks, a headline has no
 * closing punctuation) and does not open inside quotation marks.
 */
export function isPlainStatement(w: Work, s: number): boolean {
  return /^[.!]$/.test(w.raw[stop(w, s) - 1] ?? '') && !w.inQuote[first(w, s)];
}

/** Whether "hervorgehen" at `t` frames a dass-clause after it, a wie-clause it closes or a "Dies" before it. */
function showsWhat(w: Work, t: number): boolean {
  let k = t + 1;
  while (/^(V[AM]|PTKVZ)/.test(w.xpos[k] ?? '')) k++;
  if (w.raw[k] === ',' && /^(dass|ob)$/.test(w.lower[k + 1] ?? '')) return true;
  let f = t - 1;
  while (f >= 0 && !/^[,.;:!?]$/.test(w.raw[f] as string)) f--;
  // "Wie aus … hervorgeht, …", and "Dies geht aus dem Bericht hervor" after what it shows.
  return w.lower[f + 1] === 'wie' || (/^(dies|das)$/.test(w.lower[f + 1] ?? '') && isFinite(w, f + 2));
}

export function speakerOfCue(w: Work, cue: Cue, s: number): Speaker | null {
  const f = first(w, s);
  const e = stop(w, s);
  if (cue.lemma === 'heißen') return writtenSource(w, cue.token, f, e);
  if (cue.lemma === IMPERSONAL_CUE) return null;
  // A passive cue's subject is who it is said of ("Er wird verdächtigt, …"); the speaker is its agent
  // ("von der Polizei"), or unnamed — but who "wird … zitiert" is the speaker, whoever quotes him.
  if (isPassive(w, cue.token, f, e)) {
    const quoted = cue.lemma === 'zitieren' ? passiveSubject(w, cue.token, f, e) : -1;
    if (quoted >= 0) return speakerOfPhrase(w.ctx, quoted, f, e);
    const agent = agentOf(w, cue.token, f);
    return agent < 0 ? null : speakerOfPhrase(w.ctx, agent, f, e);
  }
  // "„…“, zitierte man Yolanda Alvarez", "zitiert die Zeitung den Minister": who is quoted is the speaker.
  const quoted = cue.lemma === 'zitieren' ? quotedPerson(w, cue.token, f, e) : null;
  if (quoted) return quoted;
  const head = subjectOf(w.ctx, cue.token, f, e, (t) => w.inQuote[t] === 1);
  return head < 0 ? null : speakerOfPhrase(w.ctx, head, f, e);
}

/** The accusative object of "zitieren" where it names someone (an entity: not "den Satz"), or null. */
function quotedPerson(w: Work, verb: number, f: number, e: number): Speaker | null {
  const tree = w.tree;
  if (!tree) return null;
  for (let t = f; t < e; t++) {
    if (tree.head[t] !== verb || tree.deprel[t] !== 'obj' || w.inQuote[t]) continue;
    const speaker = speakerOfPhrase(w.ctx, t, f, e);
    if (speaker?.entity) return speaker;
  }
  // "zitierte man Yolanda Alvarez": after "man" the name is the object, whatever the parse made of it.
  const next = verb + 2;
  if (w.lower[verb + 1] === 'man' && next < e && w.xpos[next] === 'NE' && !w.inQuote[next]) {
    const speaker = speakerOfPhrase(w.ctx, next, f, e);
    if (speaker?.entity) return speaker;
  }
  return null;
}

/** The passive subject of participle `k` outside quotation marks, or -1. */
function passiveSubject(w: Work, k: number, f: number, e: number): number {
  const tree = w.tree;
  if (!tree) return -1;
  for (let t = f; t < e; t++) if (tree.head[t] === k && tree.deprel[t] === 'nsubj:pass' && !w.inQuote[t]) return t;
  return -1;
}

/** Whether participle `k` is passive: a form of "werden" next to it, or an aux:pass child in the parse. */
export function isPassive(w: Work, k: number, f: number, e: number): boolean {
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
export function agentOf(w: Work, k: number, f: number): number {
  let start = clauseStart(w, k, f);
  for (let t = k - 1; t >= start; t--) if (w.doc.morph?.lemma[t] === 'werden') start = t;
  for (let t = k - 1; t > start; t--) {
    if ((w.lower[t] !== 'von' && w.lower[t] !== 'vom') || w.inQuote[t]) continue;
    for (let h = t + 1; h < k; h++) if (/^(NN|NE|PPER|PIS|PDS)$/.test(w.xpos[h] ?? '')) return h;
    return -1;
  }
  return -1;
}

/** "In einer Erklärung des Ministeriums heißt es, …": the document the text quotes from, or null. */
export function writtenSource(w: Work, verb: number, f: number, e: number): Speaker | null {
  const tree = w.tree;
  for (let t = f; t < e - 1; t++) {
    // "hieß es in der Mitteilung", and who it comes from: "hieß es vom Abgeordneten …", "aus Paris".
    if (!/^(in|im|von|vom|aus|seitens)$/.test(w.lower[t] as string) || w.inQuote[t]) continue;
    let noun = t + 1;
    while (noun < e && /^(ART|ADJA|PPOSAT|PDAT)$/.test(w.xpos[noun] ?? '')) noun++;
    if (w.xpos[noun] !== 'NN' && w.xpos[noun] !== 'NE') continue;
    if (tree && tree.head[noun] !== verb) continue;
    return speakerOfPhrase(w.ctx, noun, f, e);
  }
  return null;
}

export function cueSpan(w: Work, cue: Cue): NonNullable<Quote['cue']> {
  const start = w.doc.tokens.start[cue.token] as number;
  const end = w.doc.tokens.end[cue.token] as number;
  return { text: w.doc.text.slice(start, end), lemma: cue.lemma, start, end };
}

export function isFinite(w: Work, t: number): boolean {
  // "falls" is a conjunction, though the tagger sometimes reads it as a form of "fallen".
  return (w.xpos[t] ?? '').endsWith('FIN') && w.lower[t] !== 'falls';
}

export function isSubjunctive(w: Work, t: number): boolean {
  return isFinite(w, t) && (w.feats[t] as string).includes('Mood=Sub');
}

/** The reported-speech mood of the finite verb at token `t` in sentence `s`. */
export function moodAt(w: Work, s: number, t: number): ReturnType<typeof reportedMood> {
  return reportedMood(
    w.raw[t] as string,
    w.doc.morph?.lemma[t] ?? '',
    w.feats[t] as string,
    w.xpos[t] as string,
    hasWord(w, 'ich', first(w, s), stop(w, s)),
  );
}

export function addQuote(
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
export function messageEnd(text: string, kind: Quote['kind'], a: number, b: number): number {
  const trailing = kind === 'direct' ? /\s/ : /[\s.,;:!?]/;
  while (b > a && trailing.test(text[b - 1] as string)) b--;
  return b;
}

export function sentenceAt(w: Work, offset: number): number {
  return w.doc.tokens.count === 0 ? 0 : (w.sentenceOf[tokenAt(w, offset)] as number);
}

/** The last token starting at or before `offset`. */
export function tokenAt(w: Work, offset: number): number {
  return tokenAtOffset(w.doc.tokens, offset);
}

// ---------------------------------------------------------------------------------------------------
// Direct quotes

export function tokenSpanOffsets(w: Work, a: number, b: number): [number, number] {
  return [w.doc.tokens.start[a] as number, w.doc.tokens.end[b - 1] as number];
}

export function coveredByDirect(w: Work, start: number, end: number): boolean {
  let covered = 0;
  for (const q of w.quotes)
    if (q.kind === 'direct' && !isFragment(w, q))
      covered += Math.max(0, Math.min(q.end, end) - Math.max(q.start, start));
  return covered >= 0.5 * (end - start);
}

/**
 * A direct quote inside a clause of the narrator's ("warnten vor einem „drohenden Abfluss“", "sei „nicht
 * aggressiv“"): words of the clause stand before it, no colon introduces it and it is not a sentence of
 * its own. The clause around it can still be reported speech.
 */
export function isFragment(w: Work, q: Quote): boolean {
  if (q.kind !== 'direct' || /[.!?…]$/.test(q.text)) return false;
  const s = sentenceAt(w, q.start);
  const before = w.doc.text.slice(w.doc.tokens.start[first(w, s)] as number, q.start);
  return /[\p{L}\p{N}]/u.test(before) && !/:\s*\S?$/.test(before);
}

export function hasWord(w: Work, lower: string, f: number, e: number): boolean {
  for (let t = f; t < e; t++) if (w.lower[t] === lower) return true;
  return false;
}
