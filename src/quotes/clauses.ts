/**
 * Where reported clauses start and end: dass-clauses, zu-infinitives, Konjunktiv main clauses and what
 * they govern, relative clauses read past, quoted names inside a clause, the main verb of a sentence.
 */
import { namedAppositionEnd } from '../syntax/separable.js';
import { type Work, CLAUSE_CONJUNCTIONS, stop, cueOf, isFinite, isSubjunctive } from './work.js';

/** Where a dass-clause ends: at its finite verb before punctuation, or after the clauses it governs. */
export function dassClauseEnd(w: Work, from: number, end: number): number {
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
export function continuesReport(w: Work, k: number, end: number): boolean {
  if (k >= end || w.inQuote[k]) return false;
  const x = w.xpos[k] ?? '';
  if (x === 'KOUI') return true; // um/ohne/statt … zu
  if ((w.lower[k] === 'und' || w.lower[k] === 'oder') && w.lower[k + 1] === 'dass') return true;
  if (isInfinitiveClause(w, k, end)) return true; // "unfähig sei, die Lage zu kontrollieren"
  // A subordinate or relative clause that hangs on the reported one, in any mood ("dass es
  // unwahrscheinlich sei, dass jemand …", "…, bis die Regierung die Forderungen erfüllt habe", "…, als sie
  // … geraten war", "dass es zwei Studien gebe, die gemeinsam präsentiert werden sollten"): SpkAtt counts
  // them to the report, and so do we (a relative clause only in Konjunktiv: train F1 −0.002).
  if (x === 'KOUS' || x === 'PWAV' || isRelativePronoun(w, k)) return true;
  if (ADVERBIAL_CONJUNCTIONS.has(w.lower[k] as string)) return true; // "falls", whatever its tag
  // "… nichts mit X zu tun hätte, sondern lediglich damit, dass …": the contrast is part of it.
  if (w.lower[k] === 'sondern') return true;
  // Temporal "als" the tagger took for the comparison: a clause ending in its finite verb.
  if (w.lower[k] === 'als') {
    const t = punctuationFrom(w, k + 1, end);
    return t > k + 2 && isFinite(w, t - 1);
  }
  return false;
}

/** The first punctuation mark at or after `from` that ends a clause (, . ; : ! ?), or `end`. */
export function punctuationFrom(w: Work, from: number, end: number): number {
  let t = from;
  while (t < end && !/^[,.;:!?]$/.test(w.raw[t] as string)) t++;
  return t;
}

/**
 * A zu-infinitive written as one word ("anzutreten"), also where the tagger gave it VVINF: the form is the
 * lemma with "zu" after its particle ("zurückzutreten" ← "zurücktreten").
 */
export function isZuVerb(w: Work, t: number): boolean {
  if (w.xpos[t] === 'VVIZU') return true;
  if (w.xpos[t] !== 'VVINF') return false;
  const form = w.lower[t] as string;
  const lemma = (w.doc.morph?.lemma[t] ?? '').toLowerCase();
  for (let i = form.indexOf('zu', 1); i > 0; i = form.indexOf('zu', i + 1))
    if (form.slice(0, i) + form.slice(i + 2) === lemma) return true;
  return false;
}

/** Whether a zu-infinitive clause without a finite verb starts at `k` and ends at the next comma or stop. */
export function isInfinitiveClause(w: Work, k: number, end: number): boolean {
  for (let t = k; t < end && t < k + 15; t++) {
    // A verb right before "zu" + verb is an infinitive whatever its tag ("Mitglied werden zu können").
    const beforeZu = w.xpos[t + 1] === 'PTKZU' && /n$/.test(w.lower[t] as string);
    if (w.inQuote[t] || (isFinite(w, t) && !beforeZu) || /^[,.;:!?]$/.test(w.raw[t] as string)) return false;
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
export function reportedClauseEnd(w: Work, s: number, from: number, attributed = false): number {
  const e = stop(w, s);
  for (let t = from + 1; t < e - 1; t++) {
    // "Er halte das für vertretbar und bezeichnete …": an indicative verb after "und" is the narrator's, and
    // so is a new speaker's frame ("… untergeordnet und die Fraktion der Grünen forderte …").
    if (w.lower[t] === 'und' && !w.inQuote[t] && isFinite(w, t + 1) && !isSubjunctive(w, t + 1)) return t;
    if (w.lower[t] === 'und' && !w.inQuote[t] && frameAhead(w, t + 1, e)) return t;
    // A semicolon joins two sentences: what follows is reported, or not, on its own; so does a colon
    // ("…, werde nicht in die Nahrung gelangen: „Wo Genpflanzen angebaut werden, …“").
    if ((w.raw[t] === ';' || w.raw[t] === ':') && !w.inQuote[t]) return t;
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
export function frameAhead(w: Work, k: number, e: number): boolean {
  for (let t = k; t < e && t <= k + 8; t++) {
    if (/^[,.;:!?]$/.test(w.raw[t] as string) || w.inQuote[t]) return false;
    if (isFinite(w, t)) return cueOf(w, t) !== null && !isSubjunctive(w, t);
  }
  return false;
}

/**
 * Where the search for the message's comma goes on after a named apposition opened by the comma at `t`
 * (", Andreas Huber,"): its closing comma when the frame goes on after it without a verb of its own up to a
 * further comma ("bekannt, dass …", "gegenüber der BBC, dass …"), the word before that comma when a dass- or
 * ob-clause follows it; -1 otherwise ("sagte Merkel, Deutschland, Frankreich und Polen hätten …" lists, not names).
 */
export function appositionEnd(w: Work, t: number, e: number): number {
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
export function relativeClauseEnd(w: Work, t: number, e: number): number {
  const k =
    w.xpos[t + 1] === 'PRELS' ? t + 2 : /^APPR/.test(w.xpos[t + 1] ?? '') && w.xpos[t + 2] === 'PRELS' ? t + 3 : -1;
  return k < 0 ? -1 : closingComma(w, k, t + 20, e);
}

/**
 * The first comma from `from` (up to token `last`) when a finite verb stands right before it, as at the
 * end of a verb-final clause; -1 if a quotation comes first or the comma follows no finite verb.
 */
export function closingComma(w: Work, from: number, last: number, e: number): number {
  for (let c = from; c < e && c <= last; c++) {
    if (w.inQuote[c]) return -1;
    if (w.raw[c] === ',') return isFinite(w, c - 1) ? c : -1;
  }
  return -1;
}

/** Whether token `k` opens a "so"-frame: "so der Sprecher", "so Merkel", "so Hisbollah-Chef Nasrallah". */
export function isSoFrame(w: Work, k: number): boolean {
  return w.lower[k] === 'so' && (w.xpos[k + 1] === 'ART' || w.xpos[k + 1] === 'NE' || w.xpos[k + 1] === 'NN');
}

export const ADVERBIAL_CONJUNCTIONS = new Set([
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
export function isFrontedAdverbial(w: Work, start: number, comma: number): boolean {
  // A focus particle may stand before the conjunction: "Selbst wenn …", "Auch wenn …", "Nur weil …".
  const f = FOCUS_PARTICLES.has(w.lower[start] as string) && start + 1 < comma ? start + 1 : start;
  const x = w.xpos[f] ?? '';
  const lower = w.lower[f] as string;
  // The word, not only its tag: sentence-initial "Falls" is often tagged as an adverb.
  if (!((x === 'KOUS' && lower !== 'dass' && lower !== 'ob') || x === 'PWAV' || ADVERBIAL_CONJUNCTIONS.has(lower)))
    return false;
  // Only one clause: a comma inside would open a further one ("Wenn X, dann sei Y, sagte Z").
  for (let t = f + 1; t < comma; t++) if (w.raw[t] === ',' && !w.inQuote[t]) return false;
  return true;
}

const FOCUS_PARTICLES = new Set(['selbst', 'auch', 'nur', 'gerade', 'erst', 'sogar', 'schon', 'noch']);

/** The first words of clauses that end in their finite verb: relative pronouns, subordinating conjunctions. */
export const VERB_LAST_START = /^(PRELS|PRELAT|KOUS|PWAV)$/;

/** Whether token `k` is a relative pronoun as tagged: "der", "deren", "in dem", and "welches" whatever its tag. */
export function isRelativePronoun(w: Work, k: number): boolean {
  const x = w.xpos[k] ?? '';
  return (
    x === 'PRELS' ||
    x === 'PRELAT' ||
    /^welche[mnrs]?$/.test(w.lower[k] as string) || // often tagged PIS/PWS
    (x === 'APPR' && w.xpos[k + 1] === 'PRELS')
  );
}

/** Whether token `k` opens a relative clause: a relative pronoun, or one the tagger called an article. */
export function isRelativeStart(w: Work, k: number): boolean {
  // "die aber nicht überprüft werden können": the tagger may call the pronoun an article.
  if (
    w.xpos[k] === 'ART' &&
    /^(der|die|das|dem|den)$/.test(w.lower[k] as string) &&
    !/^(ADJA|NN|NE|CARD|ADV)$/.test(w.xpos[k + 1] ?? '')
  )
    return true;
  return isRelativePronoun(w, k);
}

/** The main clause's finite verb near the sentence start (after at most one fronted phrase), or -1. */
export function leadingFinite(w: Work, f: number, e: number): number {
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
export const SHORT_QUOTED_WORDS = 3;

/**
 * Where a quoted name or title ("„Xinhua“", "„Hvalstödin“") that starts at token `t` ends: the first
 * token after its run of quoted tokens; -1 when the run is longer than a name (a quotation).
 */
export function quotedNameEnd(w: Work, t: number, e: number): number {
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
export const LONG_NAME_WORDS = 8;

/** Small words inside names and titles: "Library of Science", "Rat für Demokratische Reform". */
export const NAME_LINKS = new Set([
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
