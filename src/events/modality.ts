/**
 * Modality: whether an event happened as the text asserts, or is negated, planned, supposed or alleged —
 * and the cue that decided it. Also whether the event is only the content of a demand or refusal
 * ("forderte sie auf, Proteste zu organisieren"): then it is no event of its own (the REQUEST is).
 *
 * Precedence when several cues apply: hypothetical > negated > planned > alleged > asserted.
 */
import type { Modality } from '../document.js';
import type { EventLexicon } from './lexicon.js';
import {
  afterQuotes,
  childWith,
  finiteOf,
  isFutureWerden,
  isPurposeClause,
  isSubjunctive,
  kids,
  prepositionOf,
  relBase,
  SCENE_PREPOSITIONS,
  type Parse,
} from './parse.js';
import { reportedMood } from '../quotes/mood.js';
import { tenseAt } from '../syntax/tense.js';

export interface ModalityDecision {
  modality: Modality;
  /** What decided it, for --explain: "ob (mark of auferlegen)". Empty when asserted by default. */
  cue: string;
  /** The verb that reports the event ("behaupteten"), for the attribution. */
  reporter: number;
  /** The event is the content of a demand or refusal and is not coded on its own. */
  suppressed: boolean;
}

const RANK: Record<Modality, number> = { asserted: 0, alleged: 1, planned: 2, negated: 3, hypothetical: 4 };
const COMPLEMENT = new Set([
  'xcomp',
  'ccomp',
  'obj',
  'obl',
  'nmod',
  'parataxis',
  'nsubj',
  'nsubj:pass',
  'iobj',
  'csubj',
  // "werden ihm vorgeworfen, darunter Völkermord": an apposition the parse hung on the verb is its argument's.
  'appos',
]);
/** Types whose complement is not asserted: what is demanded, refused or threatened. */
const CONTENT_OF = new Set(['REQUEST', 'REJECT', 'THREATEN', 'CONCEDE']);
/** Types whose passive subject is what is demanded or threatened, not something that exists. */
const PASSIVE_CONTENT_OF = new Set(['REQUEST', 'THREATEN']);
const SPEECH_CLAUSE = new Set(['ccomp', 'parataxis']);
/** Konjunktiv II of the auxiliaries, singular: the tagger's Mood=Sub also covers Konjunktiv I ("sei"). */
const KONJUNKTIV_2_SINGULAR = new Set(['wäre', 'hätte', 'würde']);
/**
 * A phrase that says when or where ("bei seinem Treffen … gewarnt", "in Minsk") is not what is demanded or
 * warned of; "vor" stays out ("warnte vor Gewalt" is the content).
 */
const NOT_CONTENT = new Set([...SCENE_PREPOSITIONS, 'in']);
/** Prepositions of a cause or a circumstance that is given ("wegen", "angesichts"). */
const CAUSES = new Set(['wegen', 'trotz', 'infolge', 'angesichts', 'aufgrund']);

/** A word's cue form: its lemma, or the lower-cased form without an adjective ending ("geplanten"). */
function cueOf(map: Map<string, Modality>, p: Parse, t: number): Modality | undefined {
  const lemma = (p.tree.lemma[t] as string).toLowerCase();
  const found = map.get(lemma) ?? map.get(p.lower[t] as string);
  if (found) return found;
  const m = /^(.*?)(e|en|er|es|em)$/.exec(p.lower[t] as string);
  return m ? map.get(m[1] as string) : undefined;
}

/**
 * `start` is the verb that carries the event (the trigger verb, or the support verb of an event noun);
 * `trigger` the trigger itself; `typeAt` gives the event type coded at a token (verb or noun), if any.
 */
export function modalityOf(
  lex: EventLexicon,
  p: Parse,
  trigger: number,
  start: number,
  verbLemmaAt: (t: number) => string,
  typeAt: (t: number) => string | null,
): ModalityDecision {
  let best: ModalityDecision = { modality: 'asserted', cue: '', reporter: -1, suppressed: false };
  const offer = (modality: Modality, cue: string, reporter = -1): void => {
    if (RANK[modality] > RANK[best.modality]) best = { modality, cue, reporter, suppressed: false };
  };
  const cues = lex.cues;
  const conditional = verbFirstCondition(p, start);
  if (conditional >= 0) offer('hypothetical', `${p.raw[conditional]} … (verb-first condition)`);
  const condition = conditionBefore(p, start);
  if (condition >= 0) offer('hypothetical', `${p.raw[condition]} … (condition before the main clause)`);
  if (start !== trigger) {
    const effect = cues.support.get(verbLemmaAt(start));
    if (effect && effect !== 'asserted') offer(effect, `${p.raw[start]} (support verb of ${p.raw[trigger]})`);
  }
  // The event's own words: negation, modal and auxiliary verbs, adverbs — also those of the verb it is
  // coordinated with when it has no finite verb of its own ("sollen Personen erstochen und … getötet haben").
  const owners = trigger === start ? [trigger] : [trigger, start];
  const host = coordinationHost(p, start);
  if (host >= 0) owners.push(host);
  for (const own of owners) {
    // Konjunktiv I marks reported speech on its own, also where the parse lost the verb of saying
    // ("erklärte …, die Ausgangssperre sei aufgehoben").
    const k1 = konjunktiv1Of(p, own);
    if (k1 >= 0) offer('alleged', `${p.raw[k1]} (Konjunktiv I)`);
    for (const c of kids(p, own)) {
      const rel = p.tree.deprel[c] as string;
      const neg = cueOf(cues.negation, p, c);
      if (neg && (rel === 'advmod' || rel === 'det' || rel === 'advmod:neg'))
        offer(neg, `${p.raw[c]} (${rel} of ${p.raw[own]})`);
      if (rel === 'obj' && own === start) {
        for (const d of kids(p, c))
          if (p.tree.deprel[d] === 'det' && cueOf(cues.negation, p, d))
            offer('negated', `${p.raw[d]} (det of ${p.raw[c]})`);
      }
      // "Weder die G8 noch die EU erkennen … an", "traf weder Merkel noch Macron": an argument in "weder …
      // noch" negates the event.
      if (rel !== 'conj')
        for (const d of kids(p, c))
          if (p.tree.deprel[d] === 'cc' && p.lower[d] === 'weder') offer('negated', `${p.raw[d]} (cc of ${p.raw[c]})`);
      if (relBase(p, c) === 'aux' && rel !== 'aux:pass') {
        const lemma = p.tree.lemma[c] as string;
        const effect = cues.modal.get(lemma);
        const infinitive = isInfinitive(p, own);
        // "Die Polizei hätte ihn beinahe festgenommen", "Er würde zurücktreten": a main clause in Konjunktiv II
        // tells what did not or might happen (plural forms are as often reported speech: "sie hätten …").
        if (KONJUNKTIV_2_SINGULAR.has(p.lower[c] as string) && p.tree.head[own] === -1)
          offer('hypothetical', `${p.raw[c]} (Konjunktiv II)`);
        if (lemma === 'werden' && infinitive && isFutureWerden(p, c)) offer('planned', `${p.raw[c]} + infinitive`);
        else if (lemma === 'sollen' && hasPerfectInfinitive(p, own, trigger))
          offer('alleged', `${p.raw[c]} + perfect infinitive`);
        else if (isSubjunctiveMayModal(lex, p, c)) offer('hypothetical', `${p.raw[c]} (Konjunktiv II)`);
        else if (effect === 'planned' && lemma !== 'werden') offer('planned', `${p.raw[c]} (modal)`);
        else if (lemma === 'müssen') {
          // "müssen dem Geschäft noch zustimmen" has yet to happen, "müsste" may; "musste zurücktreten" did.
          const must = MUST.exec(p.lower[c] as string);
          if (must) offer(must[1] ? 'hypothetical' : 'planned', `${p.raw[c]} (modal)`);
        }
      }
      if (rel === 'advmod' || rel === 'amod') {
        const effect = cueOf(cues.adverb, p, c);
        // "die nächste Sitzung" is planned, unless the clause tells of it in the past ("fand … statt"; but
        // "die geplanten Proteste wurden abgesagt" were only planned).
        const told =
          rel === 'amod' &&
          (p.lower[c] as string).startsWith('nächst') &&
          tenseAt(p.doc, own, p.sentenceOf[own] as number) === 'past';
        if (effect && !told) offer(effect, `${p.raw[c]} (${rel} of ${p.raw[own]})`);
      }
      // "ohne größeren Widerstand": a preposition that negates what it takes, as "ohne dass" does a clause.
      if (rel === 'case' && p.tree.upos[own] === 'NOUN' && cueOf(cues.mark, p, c) === 'negated')
        offer('negated', `${p.raw[c]} (case of ${p.raw[own]})`);
    }
  }
  // "vom Vorwurf der Vergewaltigung freigesprochen", "wegen des Verdachts des Mordes": what an accusation
  // names in the genitive is only alleged (other nouns do not govern their genitive: "die Folgen der Wahl").
  const head = p.tree.head[trigger] as number;
  if (
    p.tree.upos[trigger] === 'NOUN' &&
    relBase(p, trigger) === 'nmod' &&
    prepositionOf(p, trigger) === null &&
    head >= 0 &&
    p.tree.upos[head] === 'NOUN' &&
    isAccusation(p.tree.lemma[head] as string)
  )
    offer('alleged', `${p.raw[head]} ${p.raw[trigger]} (what an accusation names)`);
  // "die Gefahr eines Bürgerkriegs", "Angst vor Anschlägen": what a risk or fear names may not happen.
  if (p.tree.upos[trigger] === 'NOUN' && relBase(p, trigger) === 'nmod' && head >= 0 && p.tree.upos[head] === 'NOUN') {
    const preposition = prepositionOf(p, trigger);
    const lemma = p.tree.lemma[head] as string;
    if (preposition === null ? POTENTIAL_OF.has(lemma) : preposition === 'vor' && FEARED_BEFORE.has(lemma))
      offer('hypothetical', `${p.raw[head]} ${p.raw[trigger]} (what a risk or fear names)`);
  }
  // "Ihm drohen zehn Jahre Haft", "Es droht ein Bürgerkrieg": what looms has not happened.
  let looming = start;
  if (relBase(p, looming) === 'nmod') looming = p.tree.head[looming] as number; // "zehn Jahre Haft"
  const above = looming >= 0 ? (p.tree.head[looming] as number) : -1;
  // The parse may take what looms for an object ("drohen … zehn Jahre Haft"); "mit" is a threat's content.
  if (
    above >= 0 &&
    p.tree.lemma[above] === 'drohen' &&
    /^(?:nsubj|obj|obl)$/.test(relBase(p, looming)) &&
    prepositionOf(p, looming) === null
  )
    offer('hypothetical', `${p.raw[above]} (what looms)`);
  // Up the tree: conditions and questions, governing verbs, reported speech.
  let k = start;
  // A cause on the way up exists whatever is planned for it: "beschloss Sanktionen wegen der Gewalt bei den
  // Protesten" plans the sanctions, not the protests.
  let cause = false;
  // The word the walk came up from: "im Falle der Rechtskraft des Urteils" conditions the verb, not the Urteil.
  let below = -1;
  for (let steps = 0; steps < 8 && k >= 0; steps++) {
    // "Im Falle einer Verurteilung": what a case is named for is a condition (not what that names in turn:
    // "im Falle der Rechtskraft des Urteils").
    if (steps === 1 && isCaseOf(p, k)) offer('hypothetical', `${p.raw[k]} (im Falle)`);
    // The governor's own scene ("hat in seiner Sitzung … beschlossen", "bei einem Besuch … angekündigt") is
    // no more planned than the governor; the scene of what is planned is ("bei seinem Besuch anzusprechen").
    const preposition = /^(?:obl|nmod)/.test(p.tree.deprel[k] as string) ? prepositionOf(p, k) : null;
    if (CAUSES.has(preposition ?? '')) cause = true;
    const scene = cause || NOT_CONTENT.has(preposition ?? '');
    for (const c of kids(p, k)) {
      // "Im Falle einer Verurteilung drohen ihm 20 Jahre Haft": a case named on the verb is its condition.
      if (isCaseOf(p, c) && c !== below && p.tree.upos[k] === 'VERB')
        offer('hypothetical', `${p.raw[c]} (im Falle, on ${p.raw[k]})`);
      if (p.tree.deprel[c] === 'mark') {
        const effect = cueOf(cues.mark, p, c);
        if (effect) offer(effect, `${p.raw[c]} (mark of ${p.raw[k]})`);
        // A purpose is as planned as the act it is the purpose of: "sollen teilnehmen, um … zu vereinbaren"
        // is planned, "marschierten, um ihre Unterstützung zu demonstrieren" is not.
        const h = p.tree.head[k] as number;
        if (k === start && PURPOSE_MARKS.has(p.lower[c] as string) && h >= 0) {
          const plan = plannedByAuxiliary(lex, p, h);
          if (plan) offer('planned', `${p.raw[c]} … (purpose of ${p.raw[h]}, ${plan})`);
        }
      }
      // "Wer nicht erscheint, macht sich … schuldig": a clause about whoever does something is a condition.
      if (isGenericWer(p, c) || (CLAUSE.has(relBase(p, c)) && kids(p, c).some((d) => isGenericWer(p, d))))
        offer('hypothetical', `wer-clause (${p.raw[k]})`);
    }
    let h = p.tree.head[k] as number;
    // "fordert seit gestern den Rücktritt": an object the parse hung on an adverb is its verb's.
    if (
      h >= 0 &&
      p.tree.upos[h] === 'ADV' &&
      /^i?obj$/.test(p.tree.deprel[k] as string) &&
      (p.tree.head[h] as number) >= 0
    )
      h = p.tree.head[h] as number;
    // "weigerten sich einige Polizisten, … einzusetzen": a zu-infinitive the parse hung on the subject or
    // object of a verb is that verb's (unless the noun itself governs it, "das Recht, … zu").
    if (
      h >= 0 &&
      p.xpos[k] === 'VVIZU' &&
      p.tree.upos[h] === 'NOUN' &&
      !cues.governor.has(p.tree.lemma[h] as string) &&
      /^(nsubj|obj)/.test(p.tree.deprel[h] as string) &&
      (p.tree.head[h] as number) >= 0
    )
      h = p.tree.head[h] as number;
    // A dass-clause or zu-infinitive is the content of a noun like "Anzeichen" or "Ziel": as its noun
    // says, or that of the noun the verb above takes ("Es gab Anzeichen dafür, dass …").
    if (isContentClause(p, k) && !isPurposeClause(p, k)) {
      const noun = contentNoun(p, cues.governor, k, h);
      // "hat nicht die Absicht, … abzuziehen", "keine Möglichkeit, … zu": the content of a denied noun is denied.
      const denial = noun >= 0 && !isNoOtherThan(p, noun, k) ? negationOf(cues.negation, p, noun) : -1;
      if (denial >= 0) offer('negated', `${p.raw[denial]} ${p.raw[noun]} … ${p.raw[k]}`);
      else if (noun >= 0)
        offer(cues.governor.get(p.tree.lemma[noun] as string) as Modality, `${p.raw[noun]} … ${p.raw[k]}`);
    }
    if (h < 0) break;
    const rel = p.tree.deprel[k] as string;
    // A relative clause tells what is known of its noun; a main clause (finite verb, no conjunction,
    // not reported speech) is where a statement ends: nothing above either changes the event.
    if (relBase(p, k) === 'acl') break;
    if (isMainClauseVerb(p, k) && !SPEECH_CLAUSE.has(rel)) break;
    if (COMPLEMENT.has(rel) || rel.startsWith('obl') || isInfinitiveClauseConj(p, k, h)) {
      const headType = typeAt(h);
      // What is demanded or refused is its complement; its subject ("die Klage wurde abgewiesen") exists —
      // but what is demanded or threatened in the passive is still only demanded ("dessen Rücktritt von
      // den Demonstranten gefordert wird", "Anschläge wurden angedroht").
      const subject = relBase(p, k) === 'nsubj' && !(rel === 'nsubj:pass' && PASSIVE_CONTENT_OF.has(headType ?? ''));
      if (headType && CONTENT_OF.has(headType) && steps < 3 && !subject && !NOT_CONTENT.has(prepositionOf(p, k) ?? ''))
        return { modality: 'hypothetical', cue: `content of ${p.raw[h]}`, reporter: h, suppressed: true };
      const lemma = verbLemmaAt(h);
      // Nouns govern only clauses (above); "Sorge über die Festnahmen" does not make them supposed.
      // "Eine Einigung ist möglich": an adjective said of the event is as good as the adverb on it.
      let effect =
        p.tree.upos[h] === 'NOUN'
          ? undefined
          : p.tree.upos[h] === 'ADJ' && relBase(p, k) === 'nsubj'
            ? cueOf(cues.adverb, p, h)
            : (cues.governor.get(lemma) ?? (relBase(p, k) === 'obl' ? cues.support.get(lemma) : undefined));
      // "ihnen Gespräche mit der Presse untersagt": what is forbidden may not happen — the ban's own object
      // only, not what that names ("verboten, von den Demonstrationen zu berichten").
      if (
        !effect &&
        k === start &&
        FORBIDDING.has(lemma) &&
        (FORBIDDEN_RELATIONS.has(rel) || isInfinitiveClauseConj(p, k, h))
      )
        effect = 'hypothetical';
      // A denial denied: what is "nicht ausgeschlossen" may happen; what was "nicht verhindert" happened.
      if (effect === 'negated' && p.tree.upos[h] === 'VERB' && negationOf(cues.negation, p, h) >= 0)
        effect = lemma === 'ausschließen' ? 'hypothetical' : undefined;
      // What fails or is prevented is the subject or object, not the obstacle ("am Widerstand gescheitert");
      // beside an object the subject is who or what acts ("Der Vertrag ermöglicht die Einführung").
      const obstacle =
        (effect === 'negated' && relBase(p, k) === 'obl') ||
        (rel === 'nsubj' && childWith(p, h, ['obj'], (c) => c !== k) >= 0) ||
        // ("wurde erst durch ein Gerichtsurteil möglich": what makes something possible is no supposition.)
        (rel.startsWith('obl') &&
          (POSSIBLE.has(lemma) ||
            (p.tree.upos[h] !== 'ADJ' && !GOVERNED_PREPOSITIONS.has(prepositionOf(p, k) ?? 'an'))));
      // A main clause reported after a warning or fear ("warnte er, die Organisatoren verfolgten ihre
      // eigenen Ziele mit den Protesten") is what was said, not what is feared: its mood decides.
      const reported = effect === 'hypothetical' && SPEECH_CLAUSE.has(rel) && !isContentClause(p, k);
      if (effect && effect !== 'asserted' && !obstacle && !reported && !scene) {
        offer(effect, `${p.raw[h]} governs ${p.raw[k]}`, h);
        // "könnte Sanktionen beschließen": what a governor only might do is only supposed.
        const supposed = supposedBy(lex, p, h);
        if (supposed) offer('hypothetical', `${supposed} (of ${p.raw[h]}, which governs ${p.raw[k]})`, h);
      }
      if (SPEECH_CLAUSE.has(rel) && isSubjunctive(p, k))
        offer('alleged', `${p.raw[k]} (Konjunktiv, reported by ${p.raw[h]})`, h);
    }
    below = k;
    k = h;
  }
  const s = p.sentenceOf[trigger] as number;
  const last = (p.doc.sentences.endToken[s] as number) - 1;
  if (p.raw[last] === '?') offer('hypothetical', 'question');
  return best;
}

/** Finite verbs that open a condition without "wenn": "Sollte …", and Konjunktiv II "Wäre/Hätte …". */
const VERB_FIRST_CONDITIONS = /^(sollten?|wären?|hätten?|würden?|könnten?|gäbe|käme)$/;

/**
 * "Sollte der Antrag angenommen werden, könnte …", "Wäre der Haftbefehl eingetragen worden oder hätte der
 * Richter ihn verhaften lassen, würden …": a clause that opens with "sollte(n)" or a Konjunktiv II and is
 * followed by a comma and a finite verb is a condition. Returns that verb, or -1; only for a verb (a noun in
 * the clause, "der Antrag", exists).
 */
function verbFirstCondition(p: Parse, v: number): number {
  if (p.tree.upos[v] !== 'VERB') return -1;
  const s = p.sentenceOf[v] as number;
  const first = p.doc.sentences.firstToken[s] as number;
  const stop = p.doc.sentences.endToken[s] as number;
  let a = v;
  while (a > first && !/^[,;:]$/.test(p.raw[a - 1] as string)) a--;
  a = afterQuotes(p, a, v);
  if (!VERB_FIRST_CONDITIONS.test(p.lower[a] as string)) return -1;
  let b = v;
  while (b < stop && p.raw[b] !== ',') b++;
  return b + 1 < stop && (p.xpos[b + 1] as string).endsWith('FIN') ? a : -1;
}

/** "keine andere Möglichkeit als … aufzukündigen": what there is no other way than is no denial. */
function isNoOtherThan(p: Parse, noun: number, content: number): boolean {
  if (!kids(p, noun).some((c) => /^andere[nrs]?$/.test(p.lower[c] as string))) return false;
  for (let k = noun + 1; k < content; k++) if (p.lower[k] === 'als') return true;
  return false;
}

/** Present forms of "müssen" (what has yet to be done), and its Konjunktiv II (group 1). */
const MUST = /^(?:mu(?:ss|ß)t?|müssen|(müssten?))$/;

/** Verbs of a ban, and the relations of what they forbid. */
const FORBIDDING = new Set(['verbieten', 'untersagen']);
const FORBIDDEN_RELATIONS = new Set(['obj', 'nsubj:pass', 'xcomp', 'ccomp', 'csubj', 'csubj:pass']);

/** Adjectives of possibility: their subject or zu-infinitive is supposed, the means they name are not. */
const POSSIBLE = new Set(['möglich', 'unmöglich']);

/** Conjunctions that open a condition. */
const CONDITIONS = new Set(['wenn', 'falls', 'sofern']);

/**
 * "Wenn ein Papst … nicht mehr bewältigen kann, dann hat er ein Recht …": a sentence (or quotation) that
 * opens with a condition makes its main clause a consequence, no fact. The main clause starts at the first
 * comma followed by "dann"/"so" or a finite verb. Returns the conjunction, or -1.
 */
function conditionBefore(p: Parse, v: number): number {
  const s = p.sentenceOf[v] as number;
  const first = afterQuotes(p, p.doc.sentences.firstToken[s] as number, v);
  if (!CONDITIONS.has(p.lower[first] as string)) return -1;
  for (let k = first + 1; k < v; k++) {
    if (p.raw[k] !== ',') continue;
    const next = p.lower[k + 1] as string;
    if (next === 'dann' || next === 'so' || (p.xpos[k + 1] as string).endsWith('FIN')) return first;
  }
  return -1;
}

/** Nouns whose genitive is what may happen ("die Möglichkeit einer Einigung", "Prognose der Verhaftung"). */
const POTENTIAL_OF = new Set([
  'Gefahr',
  'Risiko',
  'Möglichkeit',
  'Prognose',
  'Vorhersage',
  'Befürchtung',
  'Wahrscheinlichkeit',
]);

/** Nouns whose "vor" names what is feared ("Angst vor Anschlägen", "Warnung vor Unruhen"). */
const FEARED_BEFORE = new Set(['Angst', 'Furcht', 'Sorge', 'Warnung', 'Gefahr']);

/** Nouns of accusation, also as a compound's last part ("Tatvorwurf", "Mordverdacht"). */
const ACCUSATIONS = ['vorwurf', 'verdacht', 'anschuldigung', 'beschuldigung', 'anklage'];

function isAccusation(lemma: string): boolean {
  const lower = lemma.toLowerCase();
  return ACCUSATIONS.some((a) => lower.endsWith(a));
}

/** The verb's own finite form (itself or an auxiliary) when it is a Konjunktiv I, else -1. */
function konjunktiv1Of(p: Parse, v: number): number {
  const finite = finiteOf(p, v);
  if (finite < 0) return -1;
  const s = p.sentenceOf[finite] as number;
  let firstPerson = false;
  for (let t = p.doc.sentences.firstToken[s] as number; t < (p.doc.sentences.endToken[s] as number); t++)
    if (p.lower[t] === 'ich') firstPerson = true;
  const mood = reportedMood(
    p.raw[finite] as string,
    p.tree.lemma[finite] as string,
    p.feats[finite] as string,
    p.xpos[finite] as string,
    firstPerson,
  );
  return mood === 'konjunktiv1' ? finite : -1;
}

const PURPOSE_MARKS = new Set(['um', 'damit']);
const CONTENT_MARKS = new Set(['dass', 'ob', 'zu']);

/**
 * The prepositions of a governing verb's content ("arbeitet an Sanktionen", "rechnet mit Protesten", "warnt
 * vor Anschlägen", "hofft auf Gespräche"); other phrases on it ("zum ersten Mal", "seit den Protesten") are
 * not. A bare noun the parse took for an oblique is content, and an adjective's phrase may have any
 * preposition ("zu Verhandlungen bereit").
 */
const GOVERNED_PREPOSITIONS = new Set(['an', 'mit', 'vor', 'auf', 'über', 'von', 'um', 'für']);

/** A dass- or ob-clause, or a zu-infinitive. */
function isContentClause(p: Parse, v: number): boolean {
  if (p.xpos[v] === 'VVIZU') return true;
  for (const c of kids(p, v)) if (p.tree.deprel[c] === 'mark' && CONTENT_MARKS.has(p.lower[c] as string)) return true;
  return false;
}

const NOUN_SLOTS = new Set(['nsubj', 'obj']);

/**
 * The noun whose content the clause `k` (under `h`) is: `h` itself ("Anzeichen, dass …"), the subject or
 * object of `h` ("Es gab Anzeichen dafür, dass …"), or, where the parse hung the copula's subject on the
 * infinitive, `k`'s own subject ("Das Ziel ist es, … zu unterstützen"); -1 if none has a cue.
 */
function contentNoun(p: Parse, governor: ReadonlyMap<string, Modality>, k: number, h: number): number {
  const cued = (t: number): boolean => p.tree.upos[t] === 'NOUN' && governor.has(p.tree.lemma[t] as string);
  if (h >= 0) {
    if (cued(h)) return h;
    for (const c of kids(p, h)) if (c !== k && NOUN_SLOTS.has(relBase(p, c)) && cued(c)) return c;
  }
  for (const c of kids(p, k)) if (relBase(p, c) === 'nsubj' && cued(c)) return c;
  return -1;
}

/**
 * The negation of noun `n`: its determiner "kein", or "nicht" before it on the verb that takes it as subject
 * or object ("hat nicht die Absicht"); -1 if none.
 */
function negationOf(negation: ReadonlyMap<string, Modality>, p: Parse, n: number): number {
  const negates = (c: number): boolean => negation.get(p.lower[c] as string) === 'negated';
  for (const c of kids(p, n))
    if ((relBase(p, c) === 'det' || (relBase(p, c) === 'advmod' && c < n)) && negates(c)) return c;
  const h = p.tree.head[n] as number;
  if (h < 0 || !NOUN_SLOTS.has(relBase(p, n))) return -1;
  for (const c of kids(p, h)) if (c < n && relBase(p, c) === 'advmod' && negates(c)) return c;
  return -1;
}

/**
 * An infinitive, also where the tagger took it for a finite plural ("wird die Rebellen angreifen" tagged
 * VVFIN): the form is its own lemma (a strong participle in -en is not: "erschossen", "erschießen").
 */
function isInfinitive(p: Parse, v: number): boolean {
  const feats = p.feats[v] as string;
  if (feats.includes('VerbForm=Inf')) return true;
  return !feats.includes('VerbForm=Part') && p.lower[v] === (p.tree.lemma[v] as string).toLowerCase();
}

/** The auxiliary that makes a verb planned ("sollen teilnehmen", "wird teilnehmen"), if any. */
function plannedByAuxiliary(lex: EventLexicon, p: Parse, v: number): string | null {
  const infinitive = isInfinitive(p, v);
  for (const c of kids(p, v)) {
    if (relBase(p, c) !== 'aux' || p.tree.deprel[c] === 'aux:pass') continue;
    const lemma = p.tree.lemma[c] as string;
    if (
      (lemma === 'werden' && infinitive && isFutureWerden(p, c)) ||
      (lemma !== 'werden' && lex.cues.modal.get(lemma) === 'planned')
    )
      return p.raw[c] as string;
  }
  return null;
}

/**
 * "wird vorgeworfen, eine Angestellte festgehalten und versucht zu haben, …": participles before a perfect
 * zu-infinitive after a comma are the governor's complement, whatever the parse hung them on as a conjunct.
 */
function isInfinitiveClauseConj(p: Parse, k: number, h: number): boolean {
  if (p.tree.deprel[k] !== 'conj' || p.xpos[k] !== 'VVPP' || h >= k) return false;
  if (childWith(p, k, ['nsubj', 'nsubj:pass']) >= 0 || p.raw[firstOfSubtree(p, k) - 1] !== ',') return false;
  const end = p.doc.sentences.endToken[p.sentenceOf[k] as number] as number;
  for (let t = k + 1; t < end - 1 && p.raw[t] !== ','; t++)
    if (p.lower[t] === 'zu' && /^(?:haben|sein|werden)$/.test(p.lower[t + 1] as string)) return true;
  return false;
}

/** The first word (not a punctuation mark) of `t`'s subtree. */
function firstOfSubtree(p: Parse, t: number): number {
  let first = t;
  for (const c of kids(p, t)) if (p.tree.upos[c] !== 'PUNCT') first = Math.min(first, firstOfSubtree(p, c));
  return first;
}

/** "im Fall(e)": a phrase that names a condition. */
function isCaseOf(p: Parse, t: number): boolean {
  return /^falle?$/.test(p.lower[t] as string) && prepositionOf(p, t) === 'in';
}

/** A Konjunktiv II modal ("könnte") or an adverb of supposition ("möglicherweise") on verb `v`, or null. */
function supposedBy(lex: EventLexicon, p: Parse, v: number): string | null {
  for (const c of kids(p, v)) {
    const rel = p.tree.deprel[c] as string;
    const modal = relBase(p, c) === 'aux' && isSubjunctiveMayModal(lex, p, c);
    if (modal || (rel === 'advmod' && cueOf(lex.cues.adverb, p, c) === 'hypothetical')) return p.raw[c] as string;
  }
  return null;
}

/** "könnte", "dürfte": a modal of possibility in Konjunktiv II. */
function isSubjunctiveMayModal(lex: EventLexicon, p: Parse, c: number): boolean {
  return (
    lex.cues.modal.get(p.tree.lemma[c] as string) === 'hypothetical' && (p.feats[c] as string).includes('Mood=Sub')
  );
}

const CLAUSE = new Set(['advcl', 'csubj', 'acl', 'nsubj']);

function isGenericWer(p: Parse, t: number): boolean {
  return p.lower[t] === 'wer' && relBase(p, t) === 'nsubj' && (p.xpos[t] === 'PWS' || p.xpos[t] === 'PRELS');
}

function isMainClauseVerb(p: Parse, v: number): boolean {
  if (!(p.xpos[v] as string).endsWith('FIN') && !hasFiniteAux(p, v)) return false;
  // "versucht zu haben": a participle the tagger read as finite, in a perfect zu-infinitive.
  if (p.lower[v + 1] === 'zu' && /^(?:haben|sein)$/.test(p.lower[v + 2] ?? '')) return false;
  for (const c of kids(p, v)) if (p.tree.deprel[c] === 'mark') return false;
  return !opensSubordinate(p, v);
}

/**
 * Whether the clause the verb ends opens with a subordinating word ("…, dass sich die Beamten gegen ihn
 * wenden"), wherever the parse hung that word: the words from the last comma before the verb.
 */
function opensSubordinate(p: Parse, v: number): boolean {
  const first = p.doc.sentences.firstToken[p.sentenceOf[v] as number] as number;
  let k = v - 1;
  while (k >= first && p.raw[k] !== ',') k--;
  return k + 1 < v && /^(KOUS|PRELS|PRELAT|PWS|PWAV|PWAT)$/.test(p.xpos[k + 1] as string);
}

function hasFiniteAux(p: Parse, v: number): boolean {
  for (const c of kids(p, v)) if (relBase(p, c) === 'aux' && (p.xpos[c] as string).endsWith('FIN')) return true;
  return false;
}

/**
 * The verb a non-finite conjunct shares its auxiliaries with: "erstochen" for "gesetzt" in "sollen Personen
 * erstochen und Autos in Brand gesetzt haben"; -1 for a verb with a finite verb of its own.
 */
function coordinationHost(p: Parse, v: number): number {
  let k = v;
  while (
    p.tree.deprel[k] === 'conj' &&
    !(p.xpos[k] as string).endsWith('FIN') &&
    !kids(p, k).some((c) => relBase(p, c) === 'nsubj')
  ) {
    const h = p.tree.head[k] as number;
    if (h < 0 || !/^V/.test(p.xpos[h] as string)) break;
    k = h;
  }
  if (k === v) return -1;
  // A conjunct with a finite auxiliary keeps its own, unless that is the tagger's reading of a perfect
  // infinitive under the host's modal ("sollen … erstochen und … gesetzt haben").
  if (hasFiniteAux(p, v) && !kids(p, k).some((c) => relBase(p, c) === 'aux' && p.xpos[c] === 'VMFIN')) return -1;
  return k;
}

/**
 * "sollen … erstochen haben": a perfect infinitive under "sollen" reports a claim. The finite verb is
 * "sollen", so any "haben"/"sein" on the verbs of the coordination (whatever their tags) is the infinitive.
 */
function hasPerfectInfinitive(p: Parse, v: number, trigger: number): boolean {
  const group = [v, trigger, ...kids(p, v).filter((c) => p.tree.deprel[c] === 'conj')];
  for (const g of group) {
    if (!/^V/.test(p.xpos[g] as string)) continue;
    for (const c of kids(p, g)) {
      const lemma = p.tree.lemma[c];
      if (relBase(p, c) === 'aux' && (lemma === 'haben' || lemma === 'sein')) return true;
    }
  }
  return false;
}
