/**
 * Quotes framed by a speech verb or noun: complements ("sagte, dass …", "kündigte an, … zu …"), stance
 * nouns and stances, trailing frames ("…, sagte der Kreml", "…, so X"), wie-frames, "Dies gab X bekannt",
 * and main clauses whose verb itself reports ("sprach von 800 Autos").
 */
import { children, type Tree } from '../syntax/tree.js';
import { namedAppositionEnd } from '../syntax/separable.js';
import { isStatePassive } from '../syntax/perfect.js';
import { IMPERSONAL_CUE, reportPreposition, reportVerbAt } from './cues.js';
import { speakerOfPhrase, subjectOf, type Speaker } from './speaker.js';
import {
  type Cue,
  type Work,
  SUBORDINATE_START,
  MAYBE_REPORTED_START,
  first,
  stop,
  cueOf,
  speakerOfCue,
  agentOf,
  writtenSource,
  cueSpan,
  isFinite,
  isSubjunctive,
  moodAt,
  addQuote,
  clauseStart,
  lastFiniteBefore,
  isPlainStatement,
  tokenSpanOffsets,
  coveredByDirect,
  isFragment,
  hasWord,
} from './work.js';
import {
  dassClauseEnd,
  continuesReport,
  isRelativeStart,
  isZuVerb,
  isInfinitiveClause,
  reportedClauseEnd,
  appositionEnd,
  relativeClauseEnd,
  isSoFrame,
  isFrontedAdverbial,
  quotedNameEnd,
  punctuationFrom,
} from './clauses.js';

/**
 * Verbs whose zu-infinitive complement is what was said: an announced intention, a claim, a denial, a
 * charge or a demand ("gab an, … einsetzen zu wollen", "bestreitet, … gewusst zu haben", "werden
 * beschuldigt, … zu sein", "forderte die Bürger auf, … zu bleiben"), and a hope, an instruction, an
 * agreement or a resolution ("hofft, … zu bewegen", "haben sich geeinigt, … aufzunehmen"), as SpkAtt
 * annotates them. A demand is a REQUEST event as well; the reference article's gold leaves demands out of
 * its quotes, SpkAtt annotates them (train +25 matched).
 */
export const ANNOUNCING = new Set([
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
  'drängen',
  'fordern',
  'anweisen',
  'erwägen',
  'hoffen',
  'aufrufen',
  'einigen',
  'verständigen',
  'entschließen',
]);

/**
 * Whether "nicht" stands right before verb `k` (an adverb may stand between): "wollte nicht bestätigen",
 * "hat den Verdacht nicht bestätigt". Further off it negates something else ("nicht als offiziellem Teil
 * … erklärte er").
 */
function negatedBefore(w: Work, f: number, k: number): boolean {
  if (k - 1 >= f && w.xpos[k - 1] === 'PTKNEG') return true;
  return k - 2 >= f && w.xpos[k - 2] === 'PTKNEG' && /^(ADV|ADJD)$/.test(w.xpos[k - 1] ?? '');
}

/** Verbs of deciding, whose ob-clause is an open question rather than something said. */
const UNDECIDED = new Set(['entscheiden', 'festlegen', 'urteilen', 'beschließen']);

/** "X sagte, dass …", "X sagte, er sei …", "X fragte, ob …". */
/** Pronominal adverbs before a dass-clause of means or cause ("dadurch, dass", "deshalb, weil"). */
const MEANS_CORRELATES = new Set(['dadurch', 'deshalb', 'deswegen', 'daher']);

export function complementQuotes(w: Work, s: number): void {
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
    // "ergibt sich vielmehr dadurch, dass …": a clause of means or cause says how, not what was said.
    if (MEANS_CORRELATES.has(w.lower[comma - 1] ?? '')) continue;
    // "antwortete nicht auf Fragen, ob …", "wollte nicht bestätigen, dass …": nothing was said.
    if (w.xpos.slice(k, comma).includes('PTKNEG') || negatedBefore(w, f, k)) continue;
    const n = comma + 1;
    let end = -1;
    // "entscheidet, ob …": what is yet to be decided has not been said.
    if (w.lower[n] === 'ob' && UNDECIDED.has(cue.lemma)) continue;
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
 * Nouns of stance and speech whose clause after a comma is what was said or held: "vertrat die Ansicht,
 * dass …", "kam zu dem Ergebnis, dass …", "hatte den Standpunkt vertreten, das Gericht sei nicht
 * zuständig", "zog das Angebot mit der Begründung zurück, …". The speaker is the subject of the verb the
 * noun depends on. Demands (Forderung, Appell) frame their zu-infinitive as their verbs do.
 */
export const STANCE_NOUNS = new Set([
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
  'wort', // "mit den Worten, …"
  'befehl',
  'bereitschaft',
  'zweifel',
  'bedingung',
  'befürchtung',
  'hoffnung',
  'vermutung',
  'verdacht',
  'bericht',
  'hypothese',
  'schlussfolgerung',
  'konsens',
  'einigkeit',
]);

export function nounComplementQuotes(w: Work, s: number): void {
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
    // "Es gibt Zweifel daran, ob …": a pronominal adverb pointing to the clause, too.
    while (comma < e && comma <= k + 3 && /^(V|PTKVZ|PAV)/.test(w.xpos[comma] ?? '')) comma++;
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
        const mood = moodAt(w, s, t);
        if (t > n && (mood === 'konjunktiv1' || mood === 'konjunktiv2') && !subordinate)
          end = stanceContentEnd(w, s, t);
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

/**
 * Where a stance noun's content in Konjunktiv I, whose verb is `verb`, ends. The noun's own clause may go on
 * after it: "trat dem Vorwurf, das Gericht sei nicht legitim, mit den Worten entgegen, …" — at a comma
 * before no verb and no clause the content governs.
 */
function stanceContentEnd(w: Work, s: number, verb: number): number {
  const e = stop(w, s);
  const end = reportedClauseEnd(w, s, verb);
  for (let c = verb + 1; c < end; c++) {
    if (w.raw[c] !== ',' || w.inQuote[c]) continue;
    const next = c + 1;
    const goesOn =
      isFinite(w, next) ||
      continuesReport(w, next, e) ||
      isRelativeStart(w, next) ||
      subjunctiveBeforeComma(w, next, e) ||
      /^(KON|\$.*)$/.test(w.xpos[next] ?? '');
    if (!goesOn) return c;
  }
  return end;
}

/** Whether the clause from `k` to the next comma has a finite verb in Konjunktiv (it goes on with the report). */
function subjunctiveBeforeComma(w: Work, k: number, e: number): boolean {
  for (let t = k; t < e && w.raw[t] !== ','; t++)
    if (isFinite(w, t)) return isSubjunctive(w, t) || moodAt(w, w.sentenceOf[t] as number, t) !== null;
  return false;
}

/** The zu-infinitive that closes the clause right after an announcing verb, with no finite verb between; or -1. */
export function announcedInfinitive(w: Work, k: number, e: number): number {
  for (let t = k + 1; t < e; t++) {
    if (w.inQuote[t] || isFinite(w, t) || w.raw[t] === ',') return -1;
    if (isZuVerb(w, t) || (w.xpos[t - 1] === 'PTKZU' && (w.xpos[t] ?? '').startsWith('V'))) {
      return /^[.;!]$/.test(w.raw[t + 1] ?? '') ? t : -1;
    }
  }
  return -1;
}

/**
 * A stance taken before a dass- or ob-clause, which SpkAtt counts as a report of what the holder thinks:
 * "hält es für unwahrscheinlich, dass …", "zeigte sich optimistisch, dass …", "ist überzeugt, dass …",
 * "spricht davon, dass …". The holder (the verb's subject) is the speaker.
 */
export function stanceQuotes(w: Work, s: number): void {
  const f = first(w, s);
  const e = stop(w, s);
  for (let c = f + 2; c < e - 2; c++) {
    if (w.raw[c] !== ',' || w.inQuote[c]) continue;
    const dass = w.lower[c + 1] === 'dass' || w.lower[c + 1] === 'ob';
    // "hielten es für sinnvoll, die Passagiere zu evakuieren": a zu-infinitive for what one holds.
    if (!dass && !isInfinitiveClause(w, c + 1, e)) continue;
    const start = clauseStart(w, c - 1, f);
    // The verb nearest the comma: "Damals stand ein Kleid im Angebot. eBay hält es für möglich, …" may be
    // one sentence when the splitter saw no capital.
    let verb = -1;
    for (let t = c - 1; t >= start && verb < 0; t--) if (isFinite(w, t)) verb = t;
    // The stance words follow a verb-second verb and precede a verb-last one ("da sie es für sinnvoll hielten").
    if (
      verb < 0 ||
      !takesStance(w, verb, verb === c - 1 ? start : verb, c, start) ||
      (!dass && !ZU_STANCES.has(w.doc.morph?.lemma[verb] ?? ''))
    )
      continue;
    const end = dass ? dassClauseEnd(w, c + 1, e) : reportedClauseEnd(w, s, c + 1);
    const [a, b] = tokenSpanOffsets(w, c + 1, end);
    const cue: Cue = { token: verb, lemma: w.doc.morph?.lemma[verb] ?? (w.lower[verb] as string) };
    // "Die WHO hält es für …": the parser may take "es" for the subject; the noun before the verb is.
    let speaker = speakerOfCue(w, cue, s);
    for (let t = start; t < verb && !speaker; t++)
      if (/^(NN|NE)$/.test(w.xpos[t] ?? '') && w.tree?.head[t] === verb) speaker = speakerOfPhrase(w.ctx, t, f, e);
    addQuote(w, 'indirect', a, b, speaker, cueSpan(w, cue), s);
  }
}

/** Stance verbs whose zu-infinitive is what is held: "hält es für sinnvoll, …", "ist zuversichtlich, … zu können". */
const ZU_STANCES = new Set(['halten', 'sein', 'zeigen', 'sehen', 'ansehen', 'betrachten', 'bestehen']);

/** Adjectives of a stance shown or held ("zeigte sich optimistisch", "ist überzeugt"). */
export const STANCE_ADJECTIVES = new Set([
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

/**
 * Whether the clause [from, to) with finite verb `verb` takes a stance on what follows it; `clauseStart`
 * is where the clause begins, for a predicate fronted before the verb ("Als Aufgabe sieht es X an, …").
 */
export function takesStance(w: Work, verb: number, from: number, to: number, clauseStart = from): boolean {
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
  // "beruft sich darauf, dass", "legten Wert darauf, dass".
  if (lemma === 'berufen') return has('sich') && has('darauf');
  if (lemma === 'legen') return has('wert') && has('darauf');
  // "sah es als erwiesen an, dass", "betrachten es als wichtiger, dass", "Als Aufgabe sieht es X an, … zu".
  if ((lemma === 'sehen' && has('an')) || lemma === 'ansehen' || lemma === 'betrachten')
    return has('es') && hasWord(w, 'als', clauseStart, to);
  // "bestehen darauf, … zu machen".
  if (lemma === 'bestehen') return has('darauf');
  return false;
}

/** "…, sagte der Kreml." and "…, so der Sprecher.": the frame after the message. */
/** Adverbs of contrast or addition that, right after a speech verb, say it is no inverted frame. */
const CONTRAST_AFTER_VERB = new Set(['aber', 'jedoch', 'allerdings', 'zudem', 'außerdem']);

export function trailingFrameQuotes(w: Work, s: number): void {
  const f = first(w, s);
  const e = stop(w, s);
  for (let k = f + 2; k < e; k++) {
    if (w.raw[k - 1] !== ',' || w.inQuote[k - 1]) continue;
    const isSo = isSoFrame(w, k);
    // "…, so schätzen die Forscher, …": "so" before the speech verb of an inverted frame.
    const v = !isSo && w.lower[k] === 'so' && cueOf(w, k + 1) && isFinite(w, k + 1) ? k + 1 : k;
    // "…, hatte Obama bei seinem Treffen gesagt": an auxiliary with the speech verb's participle at the end.
    const cue = isSo ? { token: k, lemma: 'so' } : ((w.xpos[v] === 'VAFIN' ? frameCue(w, v, e) : null) ?? cueOf(w, v));
    if (!cue || (!isSo && !isFinite(w, v))) continue;
    // "„Wikiasari“, so heißt ein Projekt" names; "…, so heißt es in der Erklärung" reports.
    if (v > k && cue.lemma === 'heißen' && w.lower[v + 1] !== 'es') continue;
    // The frame is the rest of the clause: no dass/Konjunktiv complement after it.
    if (!isSo && (w.raw[v + 1] === ',' || w.lower[v + 2] === 'dass')) continue;
    // "…, befürchtet aber weitere Tote": a verb that goes on with a contrast shares the clause's subject; an
    // inverted frame names its speaker right after the verb.
    if (!isSo && CONTRAST_AFTER_VERB.has(w.lower[v + 1] ?? '')) continue;
    // "Im Brief, den er geschickt hat, erklärt er: „…“": a frame that opens a colon frames what follows.
    if (!isSo && w.raw[punctuationFrom(w, v + 1, e)] === ':') continue;
    // The message runs back to the sentence start or the previous frame's end.
    let a = f;
    for (let t = k - 2; t > f; t--) if (w.raw[t] === ':' && !w.inQuote[t]) a = t + 1;
    // "Falls das Unternehmen Insolvenz anmelden muss, droht …", "Warum die Wahl auf X fiel, begründete …": a
    // fronted adverbial or interrogative clause belongs to the verb's own clause; it is not what was said.
    if (!isSo && a === f && isFrontedAdverbial(w, f, k - 1)) continue;
    // A frame set in the middle ("Der Präsident sei, so Gamkrelidse, schuld daran, …"): the message goes
    // on after it, and is the whole sentence.
    let b = k - 1;
    let close = v + 1;
    while (close < e && close <= v + 8 && w.raw[close] !== ',' && !isFinite(w, close)) close++;
    if (w.raw[close] === ',' && close + 2 < e) {
      let reported = isSo || v > k;
      for (let t = close + 1; t < e && !reported; t++) if (isFinite(w, t)) reported = isSubjunctive(w, t);
      if (reported) b = e;
    }
    // Before a plain inverted frame what was said is a clause (it has a verb): "Der drittgrößten Volkswirtschaft der Erde,
    // Japan, droht eine Rezession" fronts a dative and its apposition, no message ("…, so X" may be verbless).
    if (!isSo && v === k && b === k - 1 && !w.inQuote[a] && !hasVerb(w, a, b)) continue;
    const [start, end] = tokenSpanOffsets(w, a, b);
    if (coveredByDirect(w, start, end)) continue;
    let speaker: Speaker | null;
    if (isSo) speaker = speakerOfPhrase(w.ctx, headAfter(w, k + 1, e), f, e);
    else if (cue.lemma === 'heißen') speaker = writtenSource(w, v, v, e);
    else {
      // Only an inverted frame ("sagte der Kreml") leaves the clause before it as the message.
      const head = subjectOf(w.ctx, v, f, e, (t) => w.inQuote[t] === 1);
      // A quoted name right after the verb is its subject: "…, zitiert „BBC News“ aus ihrer Stellungnahme".
      const named = head <= v && w.inQuote[v + 1] ? quotedNameEnd(w, v + 1, e) : -1;
      if (head <= v && named < 0) continue;
      speaker = named > 0 ? speakerOfPhrase(w.ctx, v + 2, v + 1, named) : speakerOfPhrase(w.ctx, head, f, e);
    }
    // The frame names who said what a passive inside it leaves unsaid ("Ägypten wird aufgefordert, … zu
    // öffnen, so Nasrallah"): its quote replaces the speakerless one it contains.
    if (speaker) w.quotes = w.quotes.filter((q) => q.kind === 'direct' || q.speaker || q.start < start || q.end > end);
    addQuote(w, 'indirect', start, end, speaker, cueSpan(w, cue), s);
  }
}

/** The speech-verb participle that closes an auxiliary's clause ("hatte … gesagt") as its cue, or null. */
export function frameCue(w: Work, aux: number, e: number): Cue | null {
  let last = e - 1;
  while (last > aux && /^[.!?]$/.test(w.raw[last] as string)) last--;
  for (let t = aux + 1; t < last; t++) if (w.raw[t] === ',' || isFinite(w, t)) return null;
  return last > aux && w.xpos[last] === 'VVPP' ? cueOf(w, last) : null;
}

export function headAfter(w: Work, from: number, e: number): number {
  let t = from;
  while (t + 1 < e && (w.xpos[t] === 'ART' || w.xpos[t] === 'ADJA' || w.xpos[t] === 'PPOSAT')) t++;
  while (t + 1 < e && w.xpos[t + 1] === 'NE' && (w.xpos[t] === 'NE' || w.xpos[t] === 'NN')) t++;
  return t;
}

/**
 * "… wird neuer Trainer. Dies gab die Vereinsführung bekannt.": a sentence that opens with "Das"/"Dies"
 * and a speech verb frames what comes before it, which is the message: the sentence before and those
 * before it in the same paragraph ("Die Tour stellte einen Rekord auf. Sie spülte … ein. Das berichtete
 * „Billboard“"), unless one is a question, is already a quote, or is a frame itself.
 */
export function anaphoricFrameQuotes(w: Work, s: number): void {
  if (s === 0) return;
  const f = first(w, s);
  const e = stop(w, s);
  const k = f + 1;
  if (!opensWithDemonstrative(w, f) || w.inQuote[f]) return;
  const cue = (w.xpos[k] === 'VAFIN' ? frameCue(w, k, e) : null) ?? cueOf(w, k);
  if (!cue || !isFinite(w, k) || w.xpos.slice(f, e).includes('PTKNEG')) return; // "Das bestätigte er nicht"
  // "Dies begründe die Fluchtgefahr": in Konjunktiv I the sentence is itself reported, no frame of its own.
  if (moodAt(w, s, k) === 'konjunktiv1') return;
  // "Das sagte der Koordinator, dass …": the demonstrative points ahead, to the sentence's own message.
  const [sa, sb] = tokenSpanOffsets(w, f, e);
  if (w.quotes.some((q) => q.start < sb && q.end > sa)) return;
  let from = s;
  while (from > 0 && s - from < ANAPHORIC_REACH && reportable(w, from - 1) && (from === s || sameParagraph(w, from)))
    from--;
  if (from === s) return;
  const [a, b] = tokenSpanOffsets(w, first(w, from), stop(w, s - 1));
  // The subject stands after the verb; the parse may take the fronted "Dies" for it.
  const speaker = speakerOfCue(w, cue, s) ?? speakerOfPhrase(w.ctx, headAfter(w, k + 1, e), f, e);
  addQuote(w, 'indirect', a, b, speaker, cueSpan(w, cue), from);
}

/**
 * "Der Senatssprecher kritisierte den Kurs: Es sei bedauerlich, dass …": a clause in Konjunktiv I after a
 * colon is what the subject of the clause before the colon said, whatever that clause's verb.
 */
export function colonReportQuotes(w: Work, s: number): void {
  const f = first(w, s);
  const e = stop(w, s);
  for (let c = f + 2; c < e - 3; c++) {
    if (w.raw[c] !== ':' || w.inQuote[c] || w.inQuote[c + 1]) continue;
    // The reported clause's verb stands second (after one field of up to four words).
    let verb = -1;
    for (let t = c + 2; t < e && t <= c + 5 && verb < 0; t++) {
      if (/^[,;:]$/.test(w.raw[t] as string)) break;
      if (isFinite(w, t)) verb = t;
    }
    if (verb < 0 || moodAt(w, s, verb) !== 'konjunktiv1') continue;
    const frame = lastFiniteBefore(w, c - 1, f);
    // A clause before the colon that is itself reported ("…, vielmehr betreibe der Film …: Er fokussiere …")
    // runs on into what follows; it frames nothing.
    if (frame < 0 || moodAt(w, s, frame) !== null) continue;
    const cue = cueOf(w, frame) ?? { token: frame, lemma: w.doc.morph?.lemma[frame] ?? (w.lower[frame] as string) };
    const speaker = speakerOfCue(w, cue, s);
    if (!speaker) continue;
    const [a, b] = tokenSpanOffsets(w, c + 1, reportedClauseEnd(w, s, verb));
    if (w.quotes.some((q) => q.start < b && q.end > a)) continue;
    addQuote(w, 'indirect', a, b, speaker, null, s);
  }
}

/** Whether the clause at `f` opens with "Das"/"Dies" and its verb: "Das berichtete die Zeitung". */
function opensWithDemonstrative(w: Work, f: number): boolean {
  if (!/^(das|dies)$/.test(w.lower[f] ?? '')) return false;
  // The tagger often takes a demonstrative right before the verb for an article; no article stands there.
  return w.xpos[f] === 'PDS' || (w.xpos[f] === 'ART' && isFinite(w, f + 1));
}

/** How many sentences back a "Das berichtete X" reaches within its paragraph. */
const ANAPHORIC_REACH = 4;

/** Whether sentence `p` can be what a later "Das sagte X" refers to: a statement no quote or frame takes. */
function reportable(w: Work, p: number): boolean {
  const pf = first(w, p);
  const pe = stop(w, p);
  if (!isPlainStatement(w, p)) return false;
  for (let t = pf; t < pe; t++) if (cueOf(w, t)) return false;
  const [a, b] = tokenSpanOffsets(w, pf, pe);
  return !coveredByDirect(w, a, b) && !w.quotes.some((q) => q.start < b && q.end > a);
}

/** Whether sentence `p` and the one before it stand in the same paragraph (no line break between). */
function sameParagraph(w: Work, p: number): boolean {
  const gap = w.doc.text.slice(
    w.doc.tokens.end[stop(w, p - 1) - 1] as number,
    w.doc.tokens.start[first(w, p)] as number,
  );
  return !gap.includes('\n');
}

/** "Wie die Polizei mitteilte, wurden …": the clause after the wie-frame is the message. */
export function wieFrameQuotes(w: Work, s: number): void {
  const f = first(w, s);
  const e = stop(w, s);
  // "Denn wie die Zeitung berichtete, …": a conjunction or adverb before "wie" still lets it open the sentence.
  // A capital "Wie" after a word opens a sentence the splitter joined to a heading without punctuation
  // ("Wahlbeteiligung Wie der Bundeswahlleiter mitteilte, lag …"), or after a colon ("fügte hinzu: Wie …").
  const opening = (p: number): boolean =>
    p === f ||
    (p === f + 1 && /^(KON|ADV|PAV)$/.test(w.xpos[f] ?? '')) ||
    (w.raw[p] === 'Wie' && /^[\p{L}\p{N}:]/u.test(w.raw[p - 1] ?? ''));
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
      let speakerHead =
        cue.lemma === IMPERSONAL_CUE
          ? -1
          : agent >= 0
            ? agent
            : subjectOf(w.ctx, k, p + 1, k, (t) => w.inQuote[t] === 1);
      // "Wie aus dem Bericht hervorgeht", "wie sich aus der Auswertung ergab": the source is the aus-phrase.
      if (speakerHead < 0 && (cue.lemma === 'hervorgehen' || cue.lemma === 'ergeben')) {
        for (let t = p + 1; t < k && speakerHead < 0; t++)
          if (w.lower[t] === 'aus') speakerHead = headAfter(w, t + 1, k);
      }
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
export function speechActQuotes(w: Work, s: number): void {
  const tree = w.tree;
  if (!tree) return;
  const f = first(w, s);
  const e = stop(w, s);
  // Headlines (no closing punctuation) announce rather than report; questions report nothing.
  if (!isPlainStatement(w, s)) return;
  const [a, b] = tokenSpanOffsets(w, f, e);
  if (w.quotes.some((q) => q.start < b && q.end > a && !isFragment(w, q))) return;
  // "Das berichtete die Zeitung": what was reported is what came before (anaphoricFrameQuotes).
  if (opensWithDemonstrative(w, f)) return;
  for (let k = f; k < e; k++) {
    if (!isMainVerb(tree, k) || w.inQuote[k] || inParentheses(w, f, k)) continue;
    const lemma = reportVerbAt(w.doc, tree, k, e);
    if (!lemma) continue;
    // "nannte die Zahlen „aus der Luft gegriffen“": the quotation already is what this verb reports.
    if (w.quotes.some((q) => q.cue?.start === w.doc.tokens.start[k])) return;
    const cue: Cue = { token: k, lemma };
    const preposition = reportPreposition(lemma) as string;
    if (preposition !== '' && !governs(w, tree, k, preposition, f, e)) return;
    // "wurde nicht bestätigt", "kritisierte nicht", "Weitere Aktionen sind angekündigt" (a state passive):
    // no one is reported to have said it.
    for (let t = f; t < e; t++) if (tree.head[t] === k && tree.deprel[t] === 'aux:pass') return;
    const deps = children(tree, k, f, e);
    if (isStatePassive(tree, w.xpos[k] as string, k, deps, lemma)) return;
    // "Bislang sind 36 Todesopfer zu beklagen": "sein" + "zu" + infinitive says what is to be done.
    if (w.xpos[k] === 'VVINF' && deps.some((c) => w.xpos[c] === 'PTKZU') && deps.some((c) => tree.lemma[c] === 'sein'))
      return;
    if (w.xpos.slice(f, e).includes('PTKNEG')) return;
    const speaker = speakerOfCue(w, cue, s);
    if (!speaker) return;
    addQuote(w, 'indirect', a, b, speaker, cueSpan(w, cue), s);
    return;
  }
}

/** Whether token `k` stands inside parentheses opened after `f`: "(Wikinews berichtete)". */
export function inParentheses(w: Work, f: number, k: number): boolean {
  let depth = 0;
  for (let t = f; t < k; t++) depth += w.raw[t] === '(' ? 1 : w.raw[t] === ')' ? -1 : 0;
  return depth > 0;
}

/** The root, or a verb coordinated with it ("wies … zurück und bezeichnete sie als …"). */
export function isMainVerb(tree: Tree, k: number): boolean {
  const head = tree.head[k] as number;
  if (head === -1) return true;
  return /^(conj|parataxis)$/.test(tree.deprel[k] as string) && tree.head[head] === -1 && tree.upos[k] === 'VERB';
}

/** Whether verb `k` has an oblique argument introduced by `preposition` ("sprach von …"). */
export function governs(w: Work, tree: Tree, k: number, preposition: string, f: number, e: number): boolean {
  for (let t = f; t < e; t++) {
    if (w.lower[t] !== preposition && !(preposition === 'von' && w.lower[t] === 'vom')) continue;
    const head = tree.head[t] as number;
    if (head >= 0 && (tree.head[head] === k || head === k)) return true;
  }
  return false;
}

/**
 * A verb in [a, b) outside quotation marks and outside a relative clause: "Der Ministerpräsident, der die
 * Geschäfte übergeben hatte, hat … angekündigt" has none before its verb — the subject and its relative
 * clause, no message.
 */
function hasVerb(w: Work, a: number, b: number): boolean {
  let relative = false;
  for (let t = a; t < b; t++) {
    if (w.raw[t] === ',') relative = isRelativeStart(w, t + 1);
    else if ((w.xpos[t] ?? '').startsWith('V') && !w.inQuote[t] && !relative) return true;
  }
  return false;
}
