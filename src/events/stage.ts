/**
 * The events stage: who did what to whom, when and where. Triggers come from the event lexicon (verbs
 * with their particle, event nouns, noun + verb pairs); arguments, place and time from the parse; actors
 * from the entities layer; modality from negation, modal verbs, conditions, governing verbs and reported
 * speech. Quantities are linked to the event they count, and repeated mentions of one event (headline and
 * body) are merged into one event with several mentions.
 */
import type { Doc, Event, Modality, QuantityCategory, TextSpan } from '../document.js';
import type { Stage } from '../pipeline.js';
import { separableLemma } from '../syntax/separable.js';
import { treeOf } from '../syntax/tree.js';
import { tokensWithin } from '../text/positions.js';
import { compoundHead, truncationEnd } from '../text/compounds.js';
import { findQuotedSpans } from '../quotes/marks.js';
import { titleWordLimit } from '../quotes/direct.js';
import { actorDictionary, actorOf, countryOfPrefix, countryOfWord } from '../entities/actors.js';
import {
  argumentAt,
  antecedentOf,
  argumentContext,
  canAct,
  isPerson,
  isAccusativeObject,
  placeOf,
  rolesOf,
  type ArgumentContext,
} from './arguments.js';
import {
  eventLexicon,
  isDerivingPart,
  lightEntry,
  isExcludedModifier,
  nounEntry,
  type EventLexicon,
  type LexiconEntry,
} from './lexicon.js';
import { modalityOf } from './modality.js';
import { loadMorphTagger } from '../morph/tagger.js';
import { readWordSet } from '../util/lexicon.js';
import {
  childWith,
  isNoun,
  isPassive,
  isReflexive,
  kids,
  parseOf,
  withCountedPhrases,
  timeMask,
  prepositionOf,
  relBase,
  SCENE_PREPOSITIONS,
  type Parse,
} from './parse.js';

/** Why an event was coded as it was: printed by `lagebild analyze --explain`. */
export interface EventExplanation {
  event: string;
  entry: string;
  lexicon: string;
  support: string | null;
  /** The lemma of the verb that carries an event noun, if any. */
  supportLemma: string | null;
  source: string | null;
  target: string | null;
  place: string | null;
  time: string | null;
  modality: string;
  merged: number;
}

const EXPLANATIONS = new WeakMap<Doc, EventExplanation[]>();

export function explanationsOf(doc: Doc): EventExplanation[] {
  return EXPLANATIONS.get(doc) ?? [];
}

/** A trigger found in the text, before its arguments are read. */
interface Candidate {
  entry: LexiconEntry;
  trigger: number;
  /** The verb that carries an event noun ("verhängte" for "Sanktionen"), or -1. */
  support: number;
}

/** A coded event with what it was built from, before ids are given. */
interface Coded {
  event: Omit<Event, 'id'> & { mentions: Array<TextSpan & { sentence: number }> };
  explanation: Omit<EventExplanation, 'event'>;
  tokens: number[];
  /** A noun trigger: it may refer back to an event told before ("die Proteste"). */
  nominal: boolean;
  /** Lemma of the target phrase's head word ("Vermittlung" for "eine ausländische Vermittlung"). */
  targetWord: string | null;
  /** Lemma of the source phrase's head word, to tell sources without an entity apart. */
  sourceWord: string | null;
  /** The text names the source (not an implicit agent from the lexicon). */
  ownSource: boolean;
  /** A noun in a temporal or causal phrase ("während ihrer Haft"): only a mention of an event told elsewhere. */
  background: boolean;
}

/** Verbs of harm that, done to oneself, are no attack (`harmsOnlyItself`). */
const SELF_HARM = new Set(['verletzen', 'töten', 'umbringen', 'erschießen', 'erhängen']);

/** A word list of data/events/de/, by lower-case lemma. */
function lowerWordSet(name: string): ReadonlySet<string> {
  return new Set([...readWordSet(`events/de/${name}`)].map((w) => w.toLowerCase()));
}

/** Natural forces, accidents and diseases. */
const HAZARDS = lowerWordSet('hazards.txt');
/** Animals. */
const ANIMALS = lowerWordSet('animals.txt');
/** Weapons and scenes of violence. */
const VIOLENCE = lowerWordSet('violence.txt');

const PERSONAL_SOURCES = new Set(['er', 'sie', 'wir', 'ihr', 'ich', 'man']);

/**
 * Damage is an attack only where someone does it — a named actor or a pronoun for one, or a weapon — or
 * violence is the scene of the sentence; a storm, crash or fire damages houses, cars and tiles without
 * anyone attacking ("Der Aufprall beschädigte den Transporter", "Tausende Häuser wurden zerstört").
 */
function violentDamage(p: Parse, c: Candidate, coded: Coded, violentSentences: ReadonlySet<number>): boolean {
  const source = coded.event.source;
  if (coded.ownSource && (source?.entity || source?.actor)) return true;
  const word = coded.sourceWord?.toLowerCase() ?? null;
  if (word !== null && (PERSONAL_SOURCES.has(word) || isViolence(word))) return true;
  // The scene: another attack in the sentence ("… in Brand gesteckt oder zerstört", "… getötet und 100
  // Autos zerstört"), or a weapon or violent noun.
  return violentSentences.has(p.sentenceOf[c.trigger] as number) || sentenceHasNoun(p, c.trigger, isViolence);
}

/** A weapon or scene of violence, also in a plural the lemmatiser kept ("Bomben"). */
function isViolence(lemma: string): boolean {
  return inWordListOrPlural(VIOLENCE, lemma);
}

/** `inWordList`, also for a plural the lemmatiser kept as its lemma ("Bomben", "Erdrutschen"). */
function inWordListOrPlural(list: ReadonlySet<string>, lemma: string): boolean {
  // (The lexicon's old spelling of some lemmas: "Ausschuß" for "Ausschuss".)
  return [lemma, lemma.replace(/n$/, ''), lemma.replace(/en$/, ''), lemma.replace(/ß$/, 'ss')].some((w) =>
    inWordList(list, w),
  );
}

/** "3:0", "33:25", "3:3-Unentschieden": a match score (not a clock time, nor a vote "90:9 Stimmen"). */
const SCORE = /^\d{1,3}:\d{1,3}(?:-\p{L}+)?$/u;

function sentenceHasScore(p: Parse, ctx: ArgumentContext, t: number): boolean {
  const s = p.sentenceOf[t] as number;
  const end = p.doc.sentences.endToken[s] as number;
  for (let k = p.doc.sentences.firstToken[s] as number; k < end; k++) {
    const raw = p.raw[k] as string;
    if (!SCORE.test(raw) || ctx.inTime[k] || raw.startsWith('0')) continue;
    // "von 19:55 bis 20:00 Uhr", "00:36": a clock time the times layer did not take.
    if (/^(?:uhr|stimmen|stimme|h|bis)$/.test(p.lower[k + 1] ?? '')) continue;
    if (/^(?:von|um|ab|bis|gegen)$/.test(p.lower[k - 1] ?? '')) continue;
    return true;
  }
  return false;
}

/**
 * What a disaster or an accident did, not an attack or a ban, where the sentence names no actor and no
 * violence: the injured and dead where the headline names a disaster ("Erdbeben in Haiti … Etwa drei
 * Millionen Menschen sind verletzt") or the sentence an accident ("Der Fahrer wurde schwer verletzt, … die
 * bei dem Unfall beschädigten Fahrzeuge") and tells no other attack; a disaster story's closures ("In
 * Baden-Württemberg sind einige Strecken gesperrt").
 */
function hazardsDoing(
  p: Parse,
  c: Candidate,
  coded: Coded,
  closure: boolean,
  disasterStory: boolean,
  attackSentences: ReadonlySet<number>,
): boolean {
  // The cheap tests first: this runs for every candidate, the sentence scans only for the few it concerns.
  const casualty = c.entry.type === 'ASSAULT' && CASUALTY_VERBS.has(c.entry.lemma);
  if (closure ? !disasterStory : !casualty || attackSentences.has(p.sentenceOf[c.trigger] as number)) return false;
  if (coded.ownSource || sentenceHasNoun(p, c.trigger, isViolence)) return false;
  return closure || disasterStory || sentenceHasNoun(p, c.trigger, isHazard);
}

/** Verbs of casualties, which a disaster causes as well as an attack. */
const CASUALTY_VERBS = new Set(['verletzen', 'töten']);

/** Whether the first sentence (the headline) names a hazard and no weapon or violence. */
function headlineNamesDisaster(p: Parse): boolean {
  const end = p.doc.sentences.endToken[0] as number;
  let hazard = false;
  for (let t = p.doc.sentences.firstToken[0] as number; t < end; t++) {
    if (p.tree.upos[t] !== 'NOUN') continue;
    const lemma = p.tree.lemma[t] as string;
    if (isViolence(lemma)) return false;
    if (isHazard(lemma)) hazard = true;
  }
  return hazard;
}

/** Only destroying and damaging need a violent scene: arson is arson ("Brandstiftung", "steckten in Brand"). */
const DAMAGE = new Set(['zerstören', 'beschädigen', 'Zerstörung']);

/**
 * An animal; short names only alone: "Luftwaffe" ends in "Affe", "Wasserhahn" in "Hahn". A nominalised
 * adjective in "-tiger" is no tiger ("Tatverdächtiger"), nor a cyclist an eagle ("Radler").
 */
function isAnimal(lemma: string | null): boolean {
  return lemma !== null && !/(?:[^nlr]tiger|^radler)$/i.test(lemma) && inWordList(ANIMALS, lemma, 5);
}

/** A hazard, also as a compound's last part ("Orkantief", "Sturmflut"). */
function isHazard(lemma: string): boolean {
  return inWordListOrPlural(HAZARDS, lemma);
}

function inWordList(list: ReadonlySet<string>, lemma: string, minPart = 4): boolean {
  const lower = lemma.toLowerCase();
  // "Beispiel" is no "Spiel", "Verwandter" no "Wandter": a prefix derives a word of its own.
  const listed = (w: string): string | undefined =>
    list.has(w) && !isDerivingPart(lower.slice(0, lower.length - w.length)) ? w : undefined;
  return list.has(lower) || compoundHead(lower, listed, minPart) !== null;
}

/**
 * "verletzte sich am Ellenbogen", "habe sich selbst getötet": the verb's object is the reflexive alone (not
 * "um sich geschossen", nor "zwölf Menschen und anschließend sich selbst erschossen").
 */
function harmsOnlyItself(p: Parse, v: number): boolean {
  return (
    kids(p, v).some(
      (k) => isReflexive(p, k) && relBase(p, k) === 'obj' && prepositionOf(p, k) === null && p.lower[k - 1] !== 'um',
    ) && !kids(p, v).some((k) => /^obj|^obl:arg/.test(p.tree.deprel[k] as string) && !isReflexive(p, k) && isNoun(p, k))
  );
}

/**
 * An attack that no one made: a natural force or accident as its source ("von einem Zug erfasst und
 * getötet", "vom Blitz getroffen"), or, with no one named, an accident as its scene ("Bei dem Unglück
 * wurden fünf Personen verletzt").
 */
function noAttacker(p: Parse, c: Candidate, coded: Coded): boolean {
  if (coded.sourceWord !== null && isHazard(coded.sourceWord)) return true;
  return !coded.ownSource && inHazardScene(p, c.support >= 0 ? c.support : c.trigger);
}

/** Prepositions of a scene or cause: "bei dem Unglück", "durch das Erdbeben", "nach dem Absturz". */
const SCENE_OR_CAUSE = new Set(['bei', 'durch', 'nach', 'infolge', 'wegen']);

/** Whether the verb has a scene or cause phrase whose noun is a hazard ("bei dem Unglück"). */
function inHazardScene(p: Parse, v: number): boolean {
  const scene = (c: number): boolean =>
    SCENE_OR_CAUSE.has(prepositionOf(p, c) ?? '') && isNoun(p, c) && isHazard(p.tree.lemma[c] as string);
  if (kids(p, v).some(scene)) return true;
  // A scene that opens the sentence sets it for all its clauses: "Bei einem Flugzeugabsturz sind fünf
  // Menschen gestorben, vier weitere überlebten verletzt".
  const first = p.doc.sentences.firstToken[p.sentenceOf[v] as number] as number;
  if (!SCENE_OR_CAUSE.has(p.lower[first] as string)) return false;
  for (let t = first + 1; t < Math.min(v, first + 5); t++) if (isNoun(p, t)) return scene(t);
  return false;
}

/** Whether `test` holds for a noun within `depth` nmod steps below noun `n`. */
function inNounPhrase(p: Parse, n: number, test: (c: number) => boolean, depth: number): boolean {
  return kids(p, n).some(
    (c) => test(c) || (depth > 1 && relBase(p, c) === 'nmod' && inNounPhrase(p, c, test, depth - 1)),
  );
}

const NOUN_SUPPORT_RELATIONS = new Set(['obj', 'obl', 'obl:arg', 'nsubj', 'nsubj:pass', 'iobj']);

function frameHolds(ctx: ArgumentContext, v: number, entry: LexiconEntry): boolean {
  const p = ctx.parse;
  const f = entry.frame;
  switch (f.kind) {
    case 'none':
      return true;
    case 'trans':
      return objectOrPassiveSubject(p, v) >= 0;
    case 'actors': {
      // In the passive only the subject is there to test ("wurde ausgeliefert").
      const object = objectOrPassiveSubject(p, v);
      const subject = activeSubject(p, v);
      return object >= 0 && canAct(ctx, object) && (subject < 0 || canAct(ctx, subject));
    }
    case 'agent': {
      const subject = activeSubject(p, v);
      return subject < 0 || canAct(ctx, subject);
    }
    case 'noobj': {
      if (isAccusativeObject(p, v)) return false;
      // "demonstrierten damit, dass …": a dass-clause is what is shown or found, an object too.
      if (kids(p, v).some((c) => relBase(p, c) === 'ccomp' && kids(p, c).some((m) => p.lower[m] === 'dass')))
        return false;
      // A passive's subject is the object ("die Masse konnte ermittelt werden"); "Es wurde demonstriert" and
      // "Gegen Lenz, der … ist, wird ermittelt" (the parse may take a noun there for the subject) have none.
      if (!isPassive(p, v) || kids(p, v).some((c) => prepositionOf(p, c) === 'gegen')) return true;
      const nominalSubject = (k: number): boolean =>
        NOMINAL.has(p.tree.upos[k] as string) && p.lower[k] !== 'es' && !inRelativeClause(p, k);
      return childWith(p, v, ['nsubj:pass', 'nsubj'], nominalSubject) < 0;
    }
    case 'noprep':
      return !kids(p, v).some(
        (c) =>
          prepositionOf(p, c) === f.preposition &&
          (f.nouns.size === 0 || inWordList(f.nouns, p.tree.lemma[c] as string)),
      );
    case 'norefl':
      return !kids(p, v).some((c) => isReflexive(p, c));
    case 'refl': {
      // "will sich … treffen": the parse may hang "sich" on the modal verb that takes the infinitive.
      const h = p.tree.head[v] as number;
      const modal = h >= 0 && h < v && MODAL_VERBS.has(p.tree.lemma[h] as string) && childWith(p, v, ['nsubj']) < 0;
      return kids(p, v).some((c) => isReflexive(p, c)) || (modal && kids(p, h).some((c) => isReflexive(p, c)));
    }
    case 'prep': {
      // The phrase may hang one level down ("verurteilte den Blogger zu zehn Jahren Haft").
      // Not a time phrase: "Am Samstag wurde er verlegt" has no "an" of place. With "+actor", the phrase
      // names someone who can act: "kämpfen gegen die Rebellen", not "gegen die Fluten".
      const phrase = (c: number): boolean =>
        prepositionOf(p, c) === f.preposition &&
        !(ctx.inTime[c] && TIME_PREPOSITIONS.has(f.preposition)) &&
        (!f.actor || canAct(ctx, c)) &&
        !(f.except && inWordList(f.except, p.tree.lemma[relativeAntecedent(p, c)] as string));
      // With a list, only a phrase a listed noun heads counts ("zu einer Freiheitsstrafe", not "zur
      // Gewalt"), and then also deeper in the noun phrases: "im Rahmen des Prozesses zu einer
      // Freiheitsstrafe verurteilt", where the parse hung it on the last noun before it.
      const nouns = f.nouns;
      if (nouns !== null) {
        const listed = (c: number): boolean => phrase(c) && inWordList(nouns, p.tree.lemma[c] as string);
        return kids(p, v).some(
          (c) => listed(c) || (/^(obj|obl|iobj)/.test(p.tree.deprel[c] as string) && inNounPhrase(p, c, listed, 4)),
        );
      }
      return kids(p, v).some(
        (c) => phrase(c) || (/^(obj|obl|iobj)/.test(p.tree.deprel[c] as string) && kids(p, c).some(phrase)),
      );
    }
    case 'objnot': {
      // "Der Anschlag forderte zwölf Tote": casualties are not what is demanded. The objects of a verb it is
      // coordinated with count too ("Die CDs wurden gepresst und vertrieben").
      const h = coordinatedWith(p, v);
      const verbs = h >= 0 ? [v, h] : [v];
      // Also as a compound's last part: "Hauptstraße", "Todesopfer".
      return !verbs.some((u) =>
        kids(p, u).some((c) => p.tree.upos[c] === 'NOUN' && inWordListOrPlural(f.nouns, p.tree.lemma[c] as string)),
      );
    }
    case 'subj': {
      const subject = activeSubject(p, v);
      return subject >= 0 && p.tree.upos[subject] === 'NOUN' && inWordList(f.nouns, p.tree.lemma[subject] as string);
    }
    case 'person': {
      if (!isPassive(p, v)) return false;
      const patient = objectOrPassiveSubject(p, v);
      return patient >= 0 && isPerson(ctx, patient);
    }
    case 'obj':
      // "beendete die Kundgebung gewaltsam" is coercion, "beendete seine Rede" is not; passive subjects count,
      // and a noun the parse hung one level down ("die Kundgebung" under "gewaltsam").
      return objectNoun(p, v, f.nouns, 2);
    case 'noun': {
      // Compounds are checked in lexicon.ts. "Anzeige gegen die Beamten" is a complaint, "Anzeigen" are
      // adverts; "Verhandlungen" are negotiations, "die Verhandlung" is mostly a court's hearing.
      const feats = p.feats[v] as string;
      const number = f.number === null || !feats.includes('Number=') || feats.includes(`Number=${f.number}`);
      return number && !nearAny(p, v, f.notNear) && (!f.country || sentenceNamesCountry(ctx, v));
    }
    case 'notnear':
      return !nearAny(p, v, f.nouns);
    case 'adv':
      return kids(p, v).some((c) => relBase(p, c) === 'advmod' && f.words.has(p.lower[c] as string));
    case 'all':
      return f.frames.every((part) => frameHolds(ctx, v, { ...entry, frame: part }));
  }
}

/**
 * Short quoted phrases that no one is quoted as saying: names, titles and slogans ("Aktion Deutschland
 * hilft", "Gesetz zur Bekämpfung finanzieller Unterstützung des Terrors", "Kritik = Terror"). A trigger
 * inside one names a thing, not an event. A single quoted word may be the measure's own name
 * ("„Alarmzustand“ ausgerufen"): it stays.
 */
function quotedNames(doc: Doc): Array<{ start: number; end: number }> {
  return findQuotedSpans(doc.text).filter((span) => {
    const words = doc.text.slice(span.start, span.end).trim().split(/\s+/).length;
    // A work's title may be longer, and names no news: "für sein Buch „Cobra II – … der Invasion …“".
    const longest = titleWordLimit(doc.text, span.outerStart);
    return (
      !span.open &&
      words >= 2 &&
      words <= longest &&
      (longest > 8 || !doc.quotes.some((q) => q.start < span.end && span.start < q.end))
    );
  });
}

/** Whether token `t` follows a relative pronoun with no comma between: the parse took it out of that clause. */
function inRelativeClause(p: Parse, t: number): boolean {
  const first = p.doc.sentences.firstToken[p.sentenceOf[t] as number] as number;
  for (let k = t - 1; k >= first && p.raw[k] !== ','; k--) if (p.xpos[k] === 'PRELS') return true;
  return false;
}

/** The noun a relative pronoun stands for ("der Anschlag, zu dem sich …"), else `t` itself. */
function relativeAntecedent(p: Parse, t: number): number {
  if (p.xpos[t] !== 'PRELS') return t;
  const noun = antecedentOf(p, t);
  return noun >= 0 ? noun : t;
}

/**
 * Custody named as what a court sentences to or a release ends is part of that event, not an arrest of its
 * own: "zu zehn Jahren Haft verurteilt", "aus der Haft entlassen".
 */
function isSentenceOrRelease(p: Parse, c: Candidate, typeAt: ReadonlyMap<number, string>): boolean {
  if (c.entry.kind !== 'noun' || c.entry.mode !== 'arrest') return false;
  let t = c.trigger;
  // "zu sieben Jahren Haft": the phrase is the duration's (the word before, whatever the parse hung it on).
  const above = p.tree.head[t] as number;
  if (prepositionOf(p, t) === null && p.tree.upos[t - 1] === 'NOUN' && prepositionOf(p, t - 1) !== null) t -= 1;
  else if (prepositionOf(p, t) === null && above >= 0 && p.tree.upos[above] === 'NOUN') t = above;
  const preposition = prepositionOf(p, t);
  if (preposition !== 'zu' && preposition !== 'aus') return false;
  const head = p.tree.head[t] as number;
  const type = typeAt.get(head);
  return (type === 'SANCTION' && preposition === 'zu') || (type === 'RETREAT' && preposition === 'aus');
}

/** Whether a noun of `nouns` (also as a compound's last part) is in the sentence of token `v`. */
function nearAny(p: Parse, v: number, nouns: ReadonlySet<string>): boolean {
  return nouns.size > 0 && sentenceHasNoun(p, v, (lemma) => inWordListOrPlural(nouns, lemma));
}

/** Whether the sentence of token `v` names a country: an entity of one, or a country adjective or prefix. */
function sentenceNamesCountry(ctx: ArgumentContext, v: number): boolean {
  const p = ctx.parse;
  const s = p.sentenceOf[v] as number;
  const end = p.doc.sentences.endToken[s] as number;
  const d = actorDictionary();
  for (let t = p.doc.sentences.firstToken[s] as number; t < end; t++) {
    const e = ctx.entityAt[t];
    if (e && (e.place?.country || e.actor?.country)) return true;
    if (countryOfWord(p.raw[t] as string, d) || countryOfPrefix(p.raw[t] as string, d)) return true;
  }
  return false;
}

/** Whether the sentence of token `v` has a noun whose lemma passes `test`. */
function sentenceHasNoun(p: Parse, v: number, test: (lemma: string) => boolean): boolean {
  const s = p.sentenceOf[v] as number;
  const end = p.doc.sentences.endToken[s] as number;
  for (let t = p.doc.sentences.firstToken[s] as number; t < end; t++)
    if (p.tree.upos[t] === 'NOUN' && test(p.tree.lemma[t] as string)) return true;
  return false;
}

/** Prepositions that also open a time phrase ("am Samstag", "im Mai"), not a place or a goal then. */
const TIME_PREPOSITIONS = new Set(['an', 'in']);

const MODAL_VERBS = new Set(['wollen', 'sollen', 'müssen', 'können', 'dürfen', 'mögen']);

/**
 * The accusative object of a verb, or its subject in the passive: a noun or pronoun, also that of the verb
 * it is coordinated with ("verfolgt und festgehalten"); -1 if none.
 */
function objectOrPassiveSubject(p: Parse, v: number): number {
  // "sich retten" has no one rescued: a reflexive is no object here.
  const nominal = (c: number): boolean =>
    NOMINAL.has(p.tree.upos[c] as string) && prepositionOf(p, c) === null && !isReflexive(p, c);
  const own = childWith(
    p,
    v,
    isPassive(p, v) ? ['obj', 'obl:arg', 'nsubj:pass', 'nsubj'] : ['obj', 'obl:arg', 'nsubj:pass'],
    nominal,
  );
  const h = coordinatedWith(p, v);
  return own >= 0 || h < 0 ? own : childWith(p, h, ['obj', 'obl:arg', 'nsubj:pass'], nominal);
}

/** The verb a conjunct is coordinated with ("gepresst" for "vertrieben" in "gepresst und vertrieben"), or -1. */
function coordinatedWith(p: Parse, v: number): number {
  const h = p.tree.head[v] as number;
  return p.tree.deprel[v] === 'conj' && h >= 0 && isVerb(p, h) ? h : -1;
}

/** The subject of an active verb; -1 for a passive or where the parse gives none. */
function activeSubject(p: Parse, v: number): number {
  return isPassive(p, v) ? -1 : childWith(p, v, ['nsubj']);
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON']);

const OBJECT_RELATIONS = new Set(['obj', 'nsubj:pass', 'nsubj', 'nmod', 'xcomp']);

/** Whether one of `nouns` (also as a compound's last part) is an object below `v`, without a preposition. */
function objectNoun(p: Parse, v: number, nouns: ReadonlySet<string>, depth: number): boolean {
  for (const c of kids(p, v)) {
    if (!OBJECT_RELATIONS.has(p.tree.deprel[c] as string) || prepositionOf(p, c) !== null) continue;
    // "eine Resolution, die vom Sicherheitsrat angenommen wurde": the relative pronoun stands for its noun.
    const noun = relativeAntecedent(p, c);
    if (p.tree.upos[noun] === 'NOUN' && inWordList(nouns, p.tree.lemma[noun] as string)) return true;
    if (depth > 1 && objectNoun(p, c, nouns, depth - 1)) return true;
  }
  return false;
}

/** The first part of a hyphen compound the tokenizer split ("Handy" of "Handy-Vertrag"), lower case, or "". */
function hyphenPrefix(p: Parse, t: number): string {
  const { start, end } = p.doc.tokens;
  const glued = t >= 2 && p.raw[t - 1] === '-' && end[t - 2] === start[t - 1] && end[t - 1] === start[t];
  return glued ? (p.lower[t - 2] as string) : '';
}

/**
 * A participle that says how the act of another verb went, with no auxiliary of its own: "lebte
 * zurückgezogen in Stuttgart", "kam verletzt an", "… und 4 verletzt festnahm", "überlebten schwer
 * verletzt", "hat … verletzt überlebt". It describes a state, it tells no event.
 */
function isMannerParticiple(p: Parse, t: number): boolean {
  if (p.xpos[t] !== 'VVPP') return false;
  // "… und 4 verletzt festnahm": right before the full verb that ends its clause, whatever the parse made of it.
  const beforeFinite = p.xpos[t + 1] === 'VVFIN' && p.sentenceOf[t + 1] === p.sentenceOf[t];
  const h = p.tree.head[t] as number;
  // "überlebten den Unfall leicht verletzt": a participle the parse coordinated with a finite full verb,
  // with no conjunction of its own, is no verb form of its own either.
  const unjoined =
    h >= 0 &&
    p.tree.deprel[t] === 'conj' &&
    p.xpos[h] === 'VVFIN' &&
    !kids(p, t).some((c) => relBase(p, c) === 'cc' || p.raw[c] === ',') &&
    // (An auxiliary on the finite verb says the parse misread the clause: "hätten … definierte … gerettet".)
    !kids(p, h).some((c) => relBase(p, c) === 'aux');
  const manner =
    h >= 0 &&
    (((p.xpos[h] as string).startsWith('VV') && MANNER_RELATIONS.has(p.tree.deprel[t] as string)) || unjoined);
  if (!beforeFinite && !manner) return false;
  // "hat das Unglück verletzt überlebt": in a cluster of participles the auxiliary is the last one's,
  // wherever the parse hung it.
  if (manner && h === t + 1 && p.xpos[h] === 'VVPP') return true;
  // "Kritisiert wird, dass …": an auxiliary beside it is its own, wherever the parse hung it.
  if (p.tree.upos[t - 1] === 'AUX' || p.tree.upos[t + 1] === 'AUX') return false;
  return !kids(p, t).some((c) => relBase(p, c) === 'aux');
}

const MANNER_RELATIONS = new Set(['obj', 'advmod', 'xcomp', 'obl', 'amod']);

function isVerb(p: Parse, t: number): boolean {
  return p.tree.upos[t] === 'VERB' || (p.xpos[t] as string).startsWith('VV');
}

/**
 * The verb reading of a word the tagger took for an adjective or adverb in a sentence that has no finite
 * verb at all ("Die Wahlbeobachter beanstandeten …" tagged ADJ): weak past forms back to the infinitive.
 */
function missedVerbLemma(lex: EventLexicon, p: Parse, t: number): string | null {
  const w = p.lower[t] as string;
  for (const ending of ['eten', 'ete', 'ten', 'te', 'et', 't']) {
    if (!w.endsWith(ending)) continue;
    const stem = w.slice(0, -ending.length);
    for (const inf of [`${stem}en`, `${stem}n`]) if (lex.verbs.has(inf) || lex.lightVerbs.has(inf)) return inf;
  }
  return null;
}

/** The verb a noun belongs to within its clause (object, oblique, or attached one level down), or -1. */
function governingVerb(p: Parse, t: number): number {
  let k = t;
  for (let steps = 0; steps < 2; steps++) {
    const rel = p.tree.deprel[k] as string;
    if (rel === 'nsubj' || (CLAUSE_BREAK.has(relBase(p, k)) && isVerb(p, k))) return -1;
    const h = p.tree.head[k] as number;
    if (h < 0) return -1;
    if (isVerb(p, h)) return h;
    k = h;
  }
  return -1;
}

/**
 * The triggers of one sentence. `verbLemma` holds each verb's lemma with its particle; a word the tagger
 * missed as a verb gets its verb lemma there too.
 */
function findCandidates(
  lex: EventLexicon,
  ctx: ArgumentContext,
  verbLemma: string[],
  first: number,
  end: number,
): Candidate[] {
  const p = ctx.parse;
  const out: Candidate[] = [];
  const words = loadMorphTagger()?.lexicon ?? null;
  const used = new Uint8Array(end - first);
  const missedVerb = new Uint8Array(end - first);
  let finite = false;
  for (let t = first; t < end; t++) if ((p.xpos[t] as string).endsWith('FIN')) finite = true;
  if (!finite) {
    for (let t = first + 1; t < end; t++) {
      if (p.tree.upos[t] !== 'ADJ' && p.tree.upos[t] !== 'ADV') continue;
      const lemma = missedVerbLemma(lex, p, t);
      if (lemma) {
        verbLemma[t] = lemma;
        missedVerb[t - first] = 1;
      }
    }
  }
  // Noun + verb pairs first: they decide the type of both words ("Sanktionen aufheben" is CONCEDE).
  for (let c = first; c < end; c++) {
    const noun = isNoun(p, c);
    // Predicative adjectives and participles pair too: "machte die Opposition verantwortlich", "nahmen
    // zwei Journalisten gefangen".
    if (!noun && p.xpos[c] !== 'ADJD' && p.xpos[c] !== 'VVPP') continue;
    const v = governingVerb(p, c);
    if (v < 0 || used[v - first]) continue;
    const entry = noun
      ? lightEntry(lex, p.tree.lemma[c] as string, verbLemma[v] as string)
      : (lex.light.get(`${p.lower[c]}|${verbLemma[v]}`) ?? null);
    if (!entry || !frameHolds(ctx, v, entry)) continue;
    out.push({ entry, trigger: c, support: v });
    used[v - first] = 1;
    used[c - first] = 1;
  }
  for (let t = first; t < end; t++) {
    if (used[t - first]) continue;
    if (isVerb(p, t) || missedVerb[t - first]) {
      if (isMannerParticiple(p, t)) continue;
      const entry = lex.verbs.get(verbLemma[t] as string)?.find((e) => frameHolds(ctx, t, e));
      if (entry) out.push({ entry, trigger: t, support: -1 });
    } else if (p.tree.upos[t] === 'NOUN' || (p.tree.upos[t] === 'PROPN' && !/^[A-ZÄÖÜ]{2,}/.test(p.raw[t] as string))) {
      // "Klage-, Verteidigungs- und Richtertisch": the first part of a truncated compound is no event noun.
      if (truncationEnd(p.raw, p.doc.tokens.start, p.doc.tokens.end, t) >= 0) continue;
      // "Organisation für Sicherheit und Zusammenarbeit in Europa", "Bündnis 90/Die Grünen": a word inside
      // the name of an organisation or a work names it.
      const named = ctx.entityAt[t];
      if (
        named &&
        named.type !== 'PER' &&
        named.type !== 'LOC' &&
        (ctx.entityAt[t - 1] === named || ctx.entityAt[t + 1] === named)
      )
        continue;
      const entry = nounEntry(lex, p.tree.lemma[t] as string, p.raw[t] as string, words);
      if (entry && isExcludedModifier(entry, hyphenPrefix(p, t))) continue;
      // "als Völkermord eingestuft", "bezeichnete den Einsatz als Angriff": a label, not an event told;
      // "mit Hilfe von Radioastronomie": a preposition, not aid.
      if (
        !entry ||
        (entry.frame.kind === 'noun' && !frameHolds(ctx, t, entry)) ||
        kids(p, t).some((c) => p.lower[c] === 'als' && p.xpos[c] === 'KOKOM')
      )
        continue;
      if (p.lower[t] === 'hilfe' && p.lower[t - 1] === 'mit') continue;
      const h = p.tree.head[t] as number;
      // "nicht mit herkömmlichen Hausdurchsuchungen vergleichbar": what something is compared with is no event.
      if (h >= 0 && COMPARING.has(verbLemma[h] ?? (p.tree.lemma[h] as string))) continue;
      // "Bei Protesten kamen 22 Menschen ums Leben": a phrase that sets the scene is not carried by the verb.
      const carried =
        h >= 0 &&
        NOUN_SUPPORT_RELATIONS.has(p.tree.deprel[t] as string) &&
        lex.cues.support.has(verbLemma[h] ?? '') &&
        !NOT_CARRIED.has(prepositionOf(p, t) ?? '') &&
        // "Der Skandal hatte zum Rücktritt der Regierung geführt": "führen zu" names a cause, not who acts.
        !(verbLemma[h] === 'führen' && prepositionOf(p, t) === 'zu') &&
        // "Gespräche aufnehmen", not "auf der Konferenz aufgenommen": these carry their object only.
        !(OBJECT_SUPPORT.has(verbLemma[h] ?? '') && prepositionOf(p, t) !== null);
      out.push({ entry, trigger: t, support: carried ? h : -1 });
    }
  }
  return out.sort((a, b) => a.trigger - b.trigger);
}

const CONTENT_TYPES = new Set(['REQUEST', 'REJECT', 'THREATEN']);

/** Words that compare: the event noun they take is a yardstick, not something that happened. */
const COMPARING = new Set(['vergleichbar', 'vergleichen', 'ähnlich', 'ähneln', 'gleichen', 'gleichsetzen']);

/**
 * A zu-infinitive right after a demand, refusal or threat ("Forderungen der Demonstranten, … zurückzutreten")
 * is its content even where the parse hung it elsewhere: the clause opens with a comma, and the nearest
 * trigger before that comma (within a few words) takes such content.
 */
function isContentAfterComma(p: Parse, c: Candidate, typeAt: ReadonlyMap<number, string>): boolean {
  const v = c.support >= 0 ? c.support : c.trigger;
  if (p.xpos[v] !== 'VVIZU' && !kids(p, v).some((k) => p.lower[k] === 'zu' && p.tree.deprel[k] === 'mark'))
    return false;
  const s = p.sentenceOf[v] as number;
  const first = p.doc.sentences.firstToken[s] as number;
  let comma = v - 1;
  while (comma >= first && p.raw[comma] !== ',') comma--;
  if (comma < first) return false;
  for (let k = comma - 1; k >= Math.max(first, comma - 6); k--) {
    const type = typeAt.get(k);
    if (type) return CONTENT_TYPES.has(type);
  }
  return false;
}

/** Token index of each time expression's head (the token whose head lies outside it), -1 if none. */
function timeHeads(doc: Doc, p: Parse): number[] {
  return doc.times.map((time) => {
    const within = tokensWithin(doc.tokens, time.start, time.end);
    if (!within) return -1;
    const [first, last] = within;
    for (let t = first; t <= last; t++) {
      const h = p.tree.head[t] as number;
      if (h < first || h > last) return t;
    }
    return last;
  });
}

/** Support verbs that carry an event noun as their object only, never in a phrase with a preposition. */
const OBJECT_SUPPORT = new Set(['aufnehmen', 'erzielen']);

/** Scene phrases, with temporal "vor" ("vor der Wahl"): their noun is not carried by the sentence's verb. */
const NOT_CARRIED = new Set([...SCENE_PREPOSITIONS, 'vor']);

/**
 * Prepositions that put an event noun in the background of the sentence's own event. Not "bei": "Tote bei
 * Protesten", "Bei dem Angriff wurden 24 Menschen getötet" name the news itself.
 */
const BACKGROUND_PREPOSITIONS = new Set([...NOT_CARRIED].filter((w) => w !== 'bei'));

const CLAUSE_BREAK = new Set(['ccomp', 'advcl', 'acl', 'xcomp', 'parataxis', 'csubj']);

/** Whether the phrase at `from` belongs to one of `anchors` (walking up without leaving the clause). */
function governedBy(p: Parse, from: number, anchors: readonly number[], limit = 4): boolean {
  let k = from;
  for (let steps = 0; steps <= limit && k >= 0; steps++) {
    if (anchors.includes(k)) return true;
    if (steps > 0 && CLAUSE_BREAK.has(relBase(p, k))) return false;
    k = p.tree.head[k] as number;
  }
  return false;
}

/** The tokens an event's phrases hang on: its trigger, and the verb that carries an event noun. */
function anchorsOf(c: Candidate): number[] {
  return c.support >= 0 ? [c.trigger, c.support] : [c.trigger];
}

const CATEGORY_TYPES: Partial<Record<QuantityCategory, readonly string[]>> = {
  ARREST: ['COERCE'],
  KILL: ['ASSAULT'],
  WOUND: ['ASSAULT'],
  PROTEST: ['PROTEST'],
  RELEASE: ['RETREAT'],
  DEPLOY: ['MOBILIZE'],
  EVACUATE: ['AID'],
  DISPLACE: ['ASSAULT', 'COERCE'],
  DAMAGE: ['ASSAULT'],
  MONEY: ['AID', 'SANCTION', 'COOPERATE'],
};

/** Link each quantity to the event it counts: one its phrase belongs to, of a type that fits. */
function linkQuantities(doc: Doc, p: Parse, coded: readonly Coded[], ids: readonly string[]): void {
  for (const q of doc.quantities) {
    const within = tokensWithin(doc.tokens, q.start, q.end);
    if (!within) continue;
    const h = within[1];
    const s = p.sentenceOf[h] as number;
    const fits = CATEGORY_TYPES[q.category];
    let best = -1;
    let bestScore = -Infinity;
    coded.forEach((c, i) => {
      if (!c.event.mentions.some((m) => m.sentence === s)) return;
      const attached = governedBy(p, h, c.tokens, 3);
      const fit = fits?.includes(c.event.type) ?? false;
      if (!attached && !fit) return;
      const distance = Math.min(...c.tokens.map((t) => Math.abs(t - h)));
      const score = (fit ? 100 : 0) + (attached ? 50 : 0) - distance;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    q.event = best >= 0 ? (ids[best] as string) : null;
  }
}

function compatible(a: string | null | undefined, b: string | null | undefined): boolean {
  return !a || !b || a === b;
}

/**
 * Two mentions of one event: same type, mode and modality, and nothing that tells them apart. A later verb
 * needs the same named source; a later noun without a source of its own may refer back ("die Proteste").
 */
function sameEvent(first: Coded, later: Coded): boolean {
  const a = first.event;
  const b = later.event;
  if (a.type !== b.type || a.modality !== b.modality || a.mode !== b.mode) return false;
  if (!compatible(a.target?.actor, b.target?.actor) || !compatible(a.time?.value, b.time?.value)) return false;
  if (!compatible(a.place?.entity, b.place?.entity)) return false;
  // Two triggers in one sentence are two events ("eröffnete das Feuer und erschoss zehn Angreifer").
  if (a.mentions.some((m) => m.sentence === b.sentence)) return false;
  // The same event noun again, also where the lemmatiser kept an inflection ("Massakers" … "Massaker").
  const [la, lb] = [a.trigger.lemma.toLowerCase(), b.trigger.lemma.toLowerCase()];
  const repeated = later.nominal && (la.startsWith(lb) || lb.startsWith(la));
  if (later.ownSource) {
    // "wegen des Massakers … Das Massaker wurde von Truppen verübt": the later mention says who did it.
    if (!first.ownSource) return repeated && !a.source?.actor;
    // "forderte die Bürgermeister auf … und forderte ihre Anhänger auf": two demands, two targets.
    if (a.target && b.target && (a.target.entity ?? first.targetWord) !== (b.target.entity ?? later.targetWord))
      return false;
    // The same named source: one entity, or without one the same head word ("die Demonstranten").
    const sa = a.source?.entity ?? first.sourceWord;
    const sb = b.source?.entity ?? later.sourceWord;
    return !!sa && sa === sb && a.source?.actor === b.source?.actor;
  }
  // A noun refers back to an event told before when it repeats its word ("die Proteste").
  return repeated && compatible(a.source?.actor, b.source?.actor);
}

export function findEvents(doc: Doc): { events: Event[]; explanations: EventExplanation[] } {
  const parsed = treeOf(doc);
  if (!parsed || !doc.morph) return { events: [], explanations: [] };
  const inTime = timeMask(doc);
  const tree = withCountedPhrases(doc, parsed, inTime);
  const lex = eventLexicon();
  const p = parseOf(doc, tree);
  const ctx = argumentContext(doc, p, inTime);
  const n = doc.tokens.count;
  const verbLemma = new Array<string>(n);
  for (let s = 0; s < doc.sentences.count; s++) {
    const end = doc.sentences.endToken[s] as number;
    for (let t = doc.sentences.firstToken[s] as number; t < end; t++)
      verbLemma[t] = isVerb(p, t) ? separableLemma(doc, tree, t, end) : (tree.lemma[t] as string);
  }
  const candidates: Candidate[] = [];
  for (let s = 0; s < doc.sentences.count; s++)
    candidates.push(
      ...findCandidates(
        lex,
        ctx,
        verbLemma,
        doc.sentences.firstToken[s] as number,
        doc.sentences.endToken[s] as number,
      ),
    );
  const typeAt = new Map<number, string>();
  for (const c of candidates) typeAt.set(c.trigger, c.entry.type);
  // Sentences with violence other than damage, and those that tell an attack other than its casualties
  // ("Bei dem Angriff wurden drei getötet").
  const violentSentences = new Set<number>();
  const attackSentences = new Set<number>();
  for (const c of candidates) {
    if (c.entry.type !== 'ASSAULT' || DAMAGE.has(c.entry.lemma)) continue;
    violentSentences.add(p.sentenceOf[c.trigger] as number);
    if (!CASUALTY_VERBS.has(c.entry.lemma)) attackSentences.add(p.sentenceOf[c.trigger] as number);
  }
  const heads = timeHeads(doc, p);
  const disasterStory = doc.sentences.count > 0 && headlineNamesDisaster(p);
  const named = quotedNames(doc);

  const coded: Coded[] = [];
  for (const c of candidates) {
    if (
      named.some(
        (q) => q.start <= (doc.tokens.start[c.trigger] as number) && (doc.tokens.end[c.trigger] as number) <= q.end,
      )
    )
      continue;
    const start = c.support >= 0 ? c.support : c.trigger;
    const decision = modalityOf(
      lex,
      p,
      c.trigger,
      start,
      (t) => verbLemma[t] as string,
      (t) => typeAt.get(t) ?? null,
    );
    if (decision.suppressed || isContentAfterComma(p, c, typeAt) || isSentenceOrRelease(p, c, typeAt)) continue;
    if (SELF_HARM.has(verbLemma[c.trigger] ?? '') && harmsOnlyItself(p, c.trigger)) continue;
    const coded1 = code(doc, p, ctx, c, decision, heads, verbLemma);
    // No one attacks or bans in an accident or storm: "Viele Straßen wurden wegen umgestürzter Bäume gesperrt".
    const closure = c.entry.type === 'COERCE' && (c.entry.mode === 'restrict' || c.entry.mode === 'censor');
    if ((c.entry.type === 'ASSAULT' || closure) && noAttacker(p, c, coded1)) continue;
    if (hazardsDoing(p, c, coded1, closure, disasterStory, attackSentences)) continue;
    if (c.entry.type === 'ASSAULT' && DAMAGE.has(c.entry.lemma) && !violentDamage(p, c, coded1, violentSentences))
      continue;
    // "besiegte ihn mit 3:0", "hatte Tschechien mit 33:25 geschlagen": a verb beside a match score tells sport.
    if (c.entry.kind === 'verb' && sentenceHasScore(p, ctx, c.trigger)) continue;
    // Culled birds and a bear shot are no attack between actors, nor is a fire a mouse started, nor snails
    // punished by their partners: animals take part in no political event.
    if (isAnimal(coded1.targetWord) || isAnimal(coded1.sourceWord)) continue;
    // Soldiers or police who march are not protesters: the lexicon's protest reading needs civilians.
    const actor = coded1.event.source?.actor ?? '';
    if (c.entry.type === 'PROTEST' && coded1.ownSource && /(MIL|COP)$/.test(actor)) continue;
    coded.push(coded1);
  }
  const kept = mergeMentions(coded);
  inheritSources(p, kept);
  const ids = kept.map((_, i) => `V${i + 1}`);
  linkQuantities(doc, p, kept, ids);
  const events = kept.map((c, i): Event => ({ id: ids[i] as string, ...c.event }));
  const explanations = kept.map((c, i) => ({ event: ids[i] as string, ...c.explanation }));
  return { events, explanations };
}

function code(
  doc: Doc,
  p: Parse,
  ctx: ArgumentContext,
  c: Candidate,
  decision: ReturnType<typeof modalityOf>,
  heads: readonly number[],
  verbLemma: readonly string[],
): Coded {
  const { entry, trigger, support } = c;
  const sentence = p.sentenceOf[trigger] as number;
  const roles = rolesOf(ctx, entry, trigger, support);
  const anchors = anchorsOf(c);
  const place = placeOf(ctx, anchors);
  let time: Event['time'] = null;
  let timePath: string | null = null;
  doc.times.forEach((t, i) => {
    const h = heads[i] as number;
    if (time || h < 0 || p.sentenceOf[h] !== sentence) return;
    if (governedBy(p, h, anchors)) {
      time = { time: t.id, value: t.value };
      timePath = `${t.text} → ${p.raw[p.tree.head[h] as number] ?? ''}`;
    }
  });
  let source = roles.source?.value ?? null;
  let sourcePath = roles.source?.path ?? null;
  if (entry.agent && !source?.actor) {
    // An agent the text leaves implicit ("wurden festgenommen"): the lexicon's sector, in the country where
    // it happened or that the article is about.
    const placeEntity = place?.value.entity ? ctx.entityById.get(place.value.entity) : undefined;
    const country = placeEntity?.place?.country ?? ctx.focus;
    source = {
      entity: source?.entity ?? null,
      text: source?.text ?? '',
      actor: actorOf(country, entry.agent)?.code ?? null,
    };
    sourcePath = `${sourcePath ? `${sourcePath}; ` : ''}implicit ${entry.agent} agent (lexicon)`;
  }
  const start = doc.tokens.start[trigger] as number;
  const end = doc.tokens.end[trigger] as number;
  const quote = doc.quotes.find((q) => q.start <= start && q.end >= end) ?? null;
  let attribution: Event['attribution'] = null;
  if (quote) attribution = { quote: quote.id, entity: quote.speaker?.entity ?? null };
  else if (decision.reporter >= 0) {
    const subj = childWith(p, decision.reporter, ['nsubj']);
    const who = subj >= 0 ? argumentAt(ctx, subj) : null;
    if (who) attribution = { quote: null, entity: who.entity };
  }
  const text = doc.text.slice(start, end);
  const lemma = entry.kind === 'verb' ? (verbLemma[trigger] as string) : (p.tree.lemma[trigger] as string);
  const modality: Modality = decision.modality;
  return {
    event: {
      type: entry.type,
      mode: entry.mode,
      cameo: entry.cameo,
      trigger: { text, lemma, start, end },
      source,
      target: roles.target?.value ?? null,
      place: place?.value ?? null,
      time,
      modality,
      attribution,
      sentence,
      mentions: [{ text, start, end, sentence }],
    },
    explanation: {
      entry: `${entry.kind} "${entry.lemma}" → ${entry.type}${entry.mode ? `/${entry.mode}` : ''}, CAMEO ${entry.cameo}`,
      lexicon: entry.where,
      support: support >= 0 ? `${p.raw[support]} carries ${p.raw[trigger]} (${p.tree.deprel[trigger]})` : null,
      supportLemma: support >= 0 ? (verbLemma[support] as string) : null,
      source: sourcePath,
      target: roles.target?.path ?? null,
      place: place?.path ?? null,
      time: timePath,
      modality: decision.cue ? `${modality}: ${decision.cue}` : `${modality} (no cue)`,
      merged: 0,
    },
    tokens: anchors,
    nominal: entry.kind !== 'verb',
    ownSource: !!roles.source?.value.text,
    targetWord: roles.target?.head !== undefined ? (p.tree.lemma[roles.target.head] as string) : null,
    sourceWord: roles.source?.head !== undefined ? (p.tree.lemma[roles.source.head] as string) : null,
    background:
      entry.kind === 'noun' && support < 0 && BACKGROUND_PREPOSITIONS.has(phrasePreposition(p, trigger) ?? ''),
  };
}

/** The preposition of a noun's phrase, also for a later conjunct ("wegen Völkermords, Kriegsverbrechen …"). */
function phrasePreposition(p: Parse, t: number): string | null {
  const own = prepositionOf(p, t);
  if (own !== null || p.tree.deprel[t] !== 'conj') return own;
  const h = p.tree.head[t] as number;
  return h >= 0 ? prepositionOf(p, h) : null;
}

/**
 * Later mentions of an event already coded become mentions of it; its gaps are filled from them. A
 * background mention ("wegen des Massakers") is no event of its own, but when the event is told later
 * ("Das Massaker wurde …") it is its first mention.
 */
function mergeMentions(coded: readonly Coded[]): Coded[] {
  const kept: Coded[] = [];
  const background: Coded[] = [];
  for (const c of coded) {
    let same = kept.find((k) => sameEvent(k, c));
    if (!same) {
      const told = background.findIndex((b) => sameEvent(b, c));
      if (told < 0) {
        (c.background ? background : kept).push(c);
        continue;
      }
      same = background.splice(told, 1)[0] as Coded;
      kept.push(same);
    }
    const e = same.event;
    e.mentions.push(...c.event.mentions);
    e.source ??= c.event.source;
    e.target ??= c.event.target;
    e.place ??= c.event.place;
    e.time ??= c.event.time;
    same.tokens.push(...c.tokens);
    same.explanation.merged++;
  }
  return kept.sort((a, b) => a.event.trigger.start - b.event.trigger.start);
}

/** How many sentences back a definite event noun ("der Angriff") looks for the event it names. */
const ANAPHOR_REACH = 3;

function hasSource(c: Coded): boolean {
  return !!c.event.source?.actor;
}

function isDefiniteNoun(p: Parse, t: number): boolean {
  return kids(p, t).some(
    (k) =>
      (p.tree.deprel[k] === 'det' && (p.feats[k] as string).includes('Definite=Def')) ||
      (p.tree.deprel[k] === 'case' && p.xpos[k] === 'APPRART'),
  );
}

const BLANK_LINE = /[ \t]*\n[ \t]*\n/y;

/** Whether the text's first sentence is a headline: a paragraph of its own without a full stop. */
function startsWithHeadline(p: Parse): boolean {
  const end = p.doc.sentences.count ? (p.doc.sentences.endToken[0] as number) : 0;
  if (end === 0 || p.raw[end - 1] === '.') return false;
  BLANK_LINE.lastIndex = p.doc.tokens.end[end - 1] as number;
  return BLANK_LINE.test(p.doc.text);
}

/**
 * Sources the sentence leaves to the story: a definite event noun ("Bei dem Angriff …") names an event of
 * its type told just before; a headline's event is told by the body; and an event set in the scene of
 * another of its type ("Bei dem Angriff wurden 24 Menschen getötet") was done by that event's source.
 */
function inheritSources(p: Parse, kept: Coded[]): void {
  const take = (to: Coded, from: Coded | undefined, why: string): void => {
    if (!from?.event.source) return;
    to.event.source = { ...from.event.source };
    to.explanation.source = `${to.explanation.source ? `${to.explanation.source}; ` : ''}${why} "${from.event.trigger.text}"`;
  };
  const headline = startsWithHeadline(p);
  kept.forEach((c, i) => {
    if (hasSource(c) || !c.nominal) return;
    const t = c.tokens[0] as number;
    if (headline && c.event.sentence === 0)
      take(
        c,
        kept.slice(i + 1).find((o) => o.event.type === c.event.type && hasSource(o)),
        'told in the body as',
      );
    else if (isDefiniteNoun(p, t)) {
      const before = kept
        .slice(0, i)
        .reverse()
        .find(
          (o) => o.event.type === c.event.type && hasSource(o) && c.event.sentence - o.event.sentence <= ANAPHOR_REACH,
        );
      take(c, before, 'the event named before as');
    }
  });
  const byTrigger = new Map<number, Coded>();
  for (const c of kept) byTrigger.set(c.tokens[0] as number, c);
  for (const c of kept) {
    if (hasSource(c) || c.nominal) continue;
    const v = c.tokens[0] as number;
    for (const k of kids(p, v)) {
      const scene = prepositionOf(p, k) === 'bei' ? byTrigger.get(k) : undefined;
      if (scene?.nominal && scene.event.type === c.event.type && hasSource(scene)) {
        take(c, scene, 'in the scene of');
        break;
      }
    }
    // "… wurden 24 Menschen getötet und mehr als 60 Weitere wurden verletzt": the same scene.
    const first = p.tree.deprel[v] === 'conj' ? byTrigger.get(p.tree.head[v] as number) : undefined;
    if (!hasSource(c) && first && !first.nominal && first.event.type === c.event.type)
      take(c, first, 'coordinated with');
  }
}

export const eventsStage: Stage = {
  name: 'events',
  run(doc: Doc): void {
    const { events, explanations } = findEvents(doc);
    doc.events = events;
    EXPLANATIONS.set(doc, explanations);
  },
};
