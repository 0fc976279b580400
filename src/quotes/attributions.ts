/** Attributed clauses: "laut X", "nach Angaben von X", "X zufolge", "gemäß X", "wonach", "nach denen". */
import { compoundHead } from '../text/compounds.js';
import { isAttributionPreposition, isSourceNoun } from './cues.js';
import { mentionStartingAt, speakerOfPhrase, possessorOf, nounPhrase, subjectOf, type Speaker } from './speaker.js';
import {
  type Work,
  first,
  stop,
  cueSpan,
  isFinite,
  addQuote,
  tokenAt,
  tokenSpanOffsets,
  coveredByDirect,
} from './work.js';
import {
  dassClauseEnd,
  continuesReport,
  reportedClauseEnd,
  VERB_LAST_START,
  isRelativeStart,
  quotedNameEnd,
  closingComma,
} from './clauses.js';

/**
 * "Pressemeldungen der New York Times, wonach UN-Inspektoren Zutritt verlangt hätten": the wonach-clause
 * is the content of the report named before it, whose source speaks.
 */
export function wonachQuotes(w: Work, s: number): void {
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

export function isRelativeSource(w: Work, t: number): boolean {
  const lower = w.lower[t] as string;
  return w.xpos[t] === 'NN' && (isSourceNoun(lower) || RELATIVE_SOURCES.has(lower));
}

/** Relative pronouns after "laut"/"nach"/"gemäß" (dative). */
export const RELATIVE_AFTER_ATTRIBUTION = /^(denen|dem|der|welchem|welcher|welchen)$/;

/** Nouns that "nach denen" attributes to besides the sources of the cue list: rumours, plans, motions. */
export const RELATIVE_SOURCES = new Set([
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

/** The noun phrase after "laut"/"gemäß"/"nach Angaben", as token range [first, end), and its speaker head. */
export function attributionPhrase(w: Work, p: number, e: number): { end: number; head: number } | null {
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
    // The owner in the genitive: "der Polizei", "seines Vermögensverwalters", "informierter Kreise".
    const genitiveStart =
      /^(des|der|von|vom|eines|einer|vieler|einiger|mehrerer|zahlreicher|beider|aller|seines|seiner|ihres|ihrer|deren|dessen|unseres|unserer)$/.test(
        w.lower[t] ?? '',
      ) ||
      (w.xpos[t] === 'ADJA' && /er$/.test(w.lower[t] ?? '') && /^(NN|NE)$/.test(w.xpos[t + 1] ?? ''));
    if (!genitiveStart) {
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
  // A quotation after the name is what the source said, not part of its name: "laut Klinikdirektor
  // Matthias Beckmann „jetzt Paaren helfen“".
  for (let k = t + 1; k < end; k++)
    if (w.inQuote[k] && !w.inQuote[k - 1] && (quotedNameEnd(w, k, e) < 0 || /^\p{Ll}/u.test(w.raw[k + 1] ?? ''))) {
      end = k;
      break;
    }
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
  if (
    /(erklärung|mitteilung|bericht|angaben|informationen|aussage|sprecher|sprecherin|meinung|ansicht|einschätzung|auffassung|schätzung|darstellung)$/.test(
      w.lower[head] ?? '',
    )
  ) {
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
export function mentionEndAt(w: Work, t: number): number {
  const m = mentionStartingAt(w.ctx, w.doc.tokens.start[t] as number, (e) => e.type === 'PER' || e.type === 'ORG');
  return m ? tokenAt(w, m.end - 1) + 1 : t;
}

/** Norms one acts "gemäß" (in accordance with), also as a compound's head ("Grundgesetz"). */
export const NORM_NOUNS = new Set(
  'gesetz recht islam koran bibel scharia vertrag vereinbarung abkommen regel regeln verfassung vorschrift vorschriften richtlinie richtlinien artikel paragraph paragraf beschluss statut statuten satzung tradition plan auftrag verordnung urteil ordnung norm normen'.split(
    ' ',
  ),
);

export function isNormNoun(lower: string): boolean {
  return NORM_NOUNS.has(lower) || compoundHead(lower, (part) => NORM_NOUNS.has(part) || undefined, 6) !== null;
}

/** Whether the comma at `c` separates items of a list that "und"/"oder"/"sowie" closes before any verb. */
function isListComma(w: Work, c: number, e: number): boolean {
  if (!/^(NN|NE|CARD)$/.test(w.xpos[c - 1] ?? '')) return false;
  for (let t = c + 1; t < e && t <= c + 12; t++) {
    if (isFinite(w, t) || /^[.;:!?]$/.test(w.raw[t] as string)) return false;
    if (/^(und|oder|sowie)$/.test(w.lower[t] as string)) return t > c + 1;
  }
  return false;
}

/** Marks after which a clause with an attribution of its own starts: "…; nach Polizeiangaben waren es …". */
export const CLAUSE_OPENERS = new Set([',', ':', ';', '(']);

/** "Laut X …", "… nach Angaben von X …", "X zufolge …", "gemäß X". */
export function attributedQuotes(w: Work, s: number): void {
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
        // Not when the phrase's own clause is a relative or subordinate one: "…, die eher liberal eingestellt
        // sind, was sich nach Ansicht der Kritiker … niederschlägt" reports only that clause.
        if (previous === ',' && a - 1 > f && !isRelativeStart(w, a) && !/^(KOUS|PWAV)$/.test(w.xpos[a] ?? '')) {
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
      const close = closingComma(w, phraseEnd + 2, phraseEnd + 20, e);
      if (close > 0) phraseEnd = close + 1;
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
          !continuesReport(w, b + 1, e) && // what the clause governs goes on: "…, da sie …"
          !isListComma(w, b, e) // "… von Belgien, Deutschland, Frankreich und der Türkei vor"
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
    // "nach eigenen Angaben": the phrase is the speaker (as SpkAtt marks it), standing for the clause's subject.
    if (speaker && !speaker.entity) speaker.entity = ownStatement(w, phraseStart, phraseEnd, a, b)?.entity ?? null;
    // "seiner Meinung nach": the phrase stands for the person the possessive points back to.
    if (speaker && !speaker.entity && w.xpos[phraseStart] === 'PPOSAT')
      speaker.entity = possessorOf(w.ctx, phraseStart);
    addQuote(w, 'indirect', start, end, speaker, cueSpan(w, { token: p, lemma: lower }), s);
    p = phraseEnd - 1;
  }
}

/**
 * "Georg Ratzinger war nach eigenem Bekunden eingeweiht", "Der Konzern hat eigenen Angaben zufolge …": the
 * one whose own statement it is, the subject of the reported clause [a, b), or null.
 */
function ownStatement(w: Work, phraseStart: number, phraseEnd: number, a: number, b: number): Speaker | null {
  let own = false;
  for (let t = phraseStart; t < phraseEnd; t++)
    if (w.xpos[t] === 'ADJA' && /^eigene[mnrs]?$/.test(w.lower[t] as string)) own = true;
  if (!own) return null;
  // The finite verb of the phrase's own clause: before it back to a comma, else after it up to one.
  let verb = -1;
  for (let t = phraseStart - 1; t >= a && verb < 0 && w.raw[t] !== ','; t--) if (isFinite(w, t)) verb = t;
  for (let t = phraseEnd; t < b && verb < 0 && w.raw[t] !== ','; t++) if (isFinite(w, t)) verb = t;
  if (verb < 0) return null;
  const s = w.sentenceOf[phraseStart] as number;
  const blocked = (k: number): boolean => w.inQuote[k] === 1 || (k >= phraseStart && k < phraseEnd);
  const subject = subjectOf(w.ctx, verb, first(w, s), stop(w, s), blocked);
  return subject < 0 ? null : speakerOfPhrase(w.ctx, subject, first(w, s), stop(w, s));
}
