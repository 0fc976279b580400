/**
 * Reports without a frame of their own: Konjunktiv sentences that continue a report (free indirect speech),
 * reportative "sollen", "Demnach …", and relative, adverbial or main clauses in Konjunktiv I.
 */
import { isSourceNoun } from './cues.js';
import { speakerOfPhrase, type Speaker } from './speaker.js';
import {
  type Work,
  first,
  stop,
  cueOf,
  speakerOfCue,
  isFinite,
  moodAt,
  addQuote,
  messageEnd,
  tokenSpanOffsets,
  coveredByDirect,
  isFragment,
  hasWord,
} from './work.js';
import {
  continuesReport,
  reportedClauseEnd,
  leadingFinite,
  quotedNameEnd,
  isRelativePronoun,
  punctuationFrom,
} from './clauses.js';

/** How far back (in sentences) a report goes on: its speaker carries over, Konjunktiv II continues it. */
export const REPORT_REACH = 3;

/** How far back (in sentences) a quote's speaker is taken for a report with none just before it. */
export const SPEAKER_REACH = 6;

/**
 * Sentences that report without a frame of their own: a main clause in Konjunktiv I ("Allerdings sei das
 * System kaputt"), reportative "sollen" ("Er soll resistent sein"), a sentence opening with "Demnach",
 * which points back to a source ("Die Bank veröffentlichte Zahlen. Demnach verlor sie 12 Milliarden") and,
 * right after another report, Konjunktiv II ("Zurzeit würden alle Daten ausgewertet"). The speaker is that
 * of the report just before, if there is one; otherwise the text does not say who.
 */
export function continuationQuotes(w: Work): void {
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
export function subjunctiveClauseQuotes(w: Work): void {
  for (let s = 0; s < w.doc.sentences.count; s++) {
    const f = first(w, s);
    const e = stop(w, s);
    // A question asks; it reports nothing.
    if (w.raw[e - 1] === '?') continue;
    for (let c = f; c < e - 2; c++) {
      if (w.raw[c] !== ',' || w.inQuote[c]) continue;
      const k = c + 1;
      const x = w.xpos[k] ?? '';
      const relative = isRelativePronoun(w, k);
      const adverbial = x === 'KOUS' && w.lower[k] !== 'dass' && w.lower[k] !== 'ob';
      // A main clause after the comma: "…, auch eine spätere Ausweitung sei denkbar", "Gegen das Buch wurde
      // eingewandt, es verletze religiöse Überzeugungen" (train: 34 of 44 are SpkAtt quotes).
      const main = !relative && !adverbial && !/^(KOUS|KOUI|KON|PWS|PWAV|PWAT|PRELS|\$.*)$/.test(x);
      if (!relative && !adverbial && !main) continue;
      let end = punctuationFrom(w, k + 1, e);
      let verb = -1;
      // The verb second: a clause opening with its verb is the rest of one whose subject a relative clause
      // interrupted ("Die Tat des Jungen, der … gewesen war, sei gegen den Rektor gerichtet").
      if (main) for (let t = k + 1; t < end && t < k + 6 && verb < 0; t++) verb = isFinite(w, t) ? t : -1;
      else for (let t = end - 1; t > k && verb < 0; t--) if (isFinite(w, t)) verb = t;
      // "ich habe" is indicative whatever the form says.
      if (verb < 0 || moodAt(w, s, verb) !== 'konjunktiv1' || hasWord(w, 'ich', k, end)) continue;
      if (main) end = reportedClauseEnd(w, s, verb);
      // What the clause governs goes on: "weil es zeige, dass …", "der tue und sage, was …".
      else while (w.raw[end] === ',' && continuesReport(w, end + 1, e)) end = punctuationFrom(w, end + 2, e);
      const [a, b] = tokenSpanOffsets(w, k, end);
      if (w.quotes.some((q) => q.start < b && a < q.end)) continue;
      addQuote(w, 'indirect', a, b, mainSubjectSpeaker(w, s, k) ?? lastSpeaker(w, s), null, s);
      c = end - 1;
    }
  }
}

/** The named subject of the main clause before token `k` of sentence `s` (the root's nsubj), or null. */
export function mainSubjectSpeaker(w: Work, s: number, k: number): Speaker | null {
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
export function namesSource(w: Work, s: number): boolean {
  for (let t = first(w, s); t < stop(w, s); t++)
    if (w.xpos[t] === 'NN' && (isSourceNoun(w.lower[t] as string) || SOURCE_DOCUMENTS.has(w.lower[t] as string)))
      return true;
  return false;
}

/** Documents and figures that can be cited as the source of what follows them. */
export const SOURCE_DOCUMENTS = new Set([
  'zahlen',
  'quartalszahlen',
  'bilanz',
  'statistik',
  'jahresbericht',
  'gutachten',
]);

/** The speaker of the latest quote that ends within SPEAKER_REACH sentences before sentence `s`. */
export function lastSpeaker(w: Work, s: number): Speaker | null {
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
export function frameSpeaker(w: Work, p: number): Speaker | null {
  for (let t = first(w, p); t < stop(w, p); t++) {
    const cue = cueOf(w, t);
    // The finite speech verb, or the participle heading the clause ("hat … bekannt gegeben").
    if (!cue || !(isFinite(w, t) || w.tree?.head[t] === -1)) continue;
    const speaker = speakerOfCue(w, cue, p);
    if (speaker) return speaker;
  }
  return null;
}
