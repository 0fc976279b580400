/**
 * The parse of one document as the event stage reads it: children lists built once (the tree stores only
 * heads), relation bases, and the preposition of a phrase ("beim Botschafter" → bei).
 */
import type { Doc } from '../document.js';
import { tokenForms } from '../text/forms.js';
import { isQuoteMark } from '../text/chars.js';
import { sentenceOfTokens, tokensWithin } from '../text/positions.js';
import { relationBase, type Tree } from '../syntax/tree.js';
import { isStatePassive, perfectWithSein } from '../syntax/perfect.js';
import { PAST_WERDEN } from '../morph/tagger.js';
import { UEBER_VERBS } from '../quantities/ueber.js';

/** Contractions of preposition + article, as their preposition. */
const CONTRACTED: Record<string, string> = {
  im: 'in',
  ins: 'in',
  am: 'an',
  ans: 'an',
  beim: 'bei',
  vom: 'von',
  zum: 'zu',
  zur: 'zu',
};

export interface Parse {
  doc: Doc;
  tree: Tree;
  raw: readonly string[];
  lower: readonly string[];
  xpos: readonly string[];
  feats: readonly string[];
  /** Children of token t: childList[childStart[t] .. childStart[t + 1]). */
  childStart: Int32Array;
  childList: Int32Array;
  /** Sentence index of each token. */
  sentenceOf: Uint32Array;
}

export function parseOf(doc: Doc, tree: Tree): Parse {
  const n = doc.tokens.count;
  const count = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) {
    const h = tree.head[t] as number;
    if (h >= 0) count[h + 1]!++;
  }
  for (let t = 0; t < n; t++) count[t + 1]! += count[t] as number;
  const childStart = count.slice();
  const fill = count.slice();
  const childList = new Int32Array(Math.max(0, childStart[n] as number));
  for (let t = 0; t < n; t++) {
    const h = tree.head[t] as number;
    if (h >= 0) childList[fill[h]!++] = t;
  }
  const sentenceOf = sentenceOfTokens(doc);
  const { raw, lower } = tokenForms(doc);
  const morph = doc.morph!;
  return { doc, tree, raw, lower, xpos: morph.xpos, feats: morph.feats, childStart, childList, sentenceOf };
}

/**
 * A counted phrase the parse did not make an argument: "mehr als 20 Menschen" hung on "mehr" as a conjunct
 * or on the verb as an "als" phrase (as GSD annotates it), "über 5000 Menschen" and "bis zu 20 Menschen" as
 * phrases of a preposition, "nach Angaben der Polizei mindestens 20 Menschen" as a genitive (a counted noun
 * without an article is none), "zehn Angreifer" as an adverbial or a loose dependent. The noun is its verb's
 * subject where the clause has none, else its object. Returns the tree with those nouns re-hung (a copy,
 * where any is), for the event stage only.
 */
/** Per token, 1 inside one of the document's time expressions. */
export function timeMask(doc: Doc): Uint8Array {
  const inTime = new Uint8Array(doc.tokens.count);
  for (const x of doc.times) {
    const within = tokensWithin(doc.tokens, x.start, x.end);
    if (within) inTime.fill(1, within[0], within[1] + 1);
  }
  return inTime;
}

/** `inTime` as `timeMask` gives it. */
export function withCountedPhrases(doc: Doc, tree: Tree, inTime: Uint8Array): Tree {
  const { lower } = tokenForms(doc);
  const upos = tree.upos;
  let head = tree.head;
  let deprel = tree.deprel as string[];
  const copy = (): void => {
    if (head !== tree.head) return;
    head = tree.head.slice();
    deprel = tree.deprel.slice();
  };
  for (let s = 0; s < doc.sentences.count; s++) {
    const first = doc.sentences.firstToken[s] as number;
    const end = doc.sentences.endToken[s] as number;
    // Whether `v` has a child whose relation is `rel` or (unless `exact`) a subtype of it.
    const has = (v: number, rel: string, exact = false): boolean => {
      for (let k = first; k < end; k++)
        if (head[k] === v && (exact ? deprel[k] === rel : deprel[k]!.startsWith(rel))) return true;
      return false;
    };
    const rehang = (n: number, v: number): boolean => {
      // A conjunct verb shares the subject of the verb before it ("legten …, dabei über 1.400 Menschen töteten").
      let shared = false;
      for (let c = v, hops = 0; deprel[c] === 'conj' && hops < 4 && !shared; hops++) {
        c = head[c] as number;
        shared = has(c, 'nsubj');
      }
      // "Es unterstützt zwei SIM-Karten": "es" is the subject of a singular verb; "Es demonstrierten 5000
      // Menschen" only holds the first place.
      const plural = isPluralClause(doc, head, deprel, v, first, end);
      let taken = shared;
      for (let k = first; k < end && !taken; k++)
        if (head[k] === v && (deprel[k]!.startsWith('nsubj') || deprel[k] === 'expl'))
          taken = !(lower[k] === 'es' && plural);
      const subject = !taken;
      if (!subject && has(v, 'obj')) return false;
      copy();
      head[n] = v;
      deprel[n] = subject ? (has(v, 'aux:pass') ? 'nsubj:pass' : 'nsubj') : 'obj';
      return true;
    };
    // A noun with a number and neither article nor preposition ("zweier" is a genitive: "Streit zweier Familien"),
    // that is not a part of another ("darunter 1.940 Deutsche").
    const countedBare = (n: number): boolean => {
      let counted = false;
      // (Its article, preposition and number stand within a few words before it.)
      for (let k = Math.max(first, n - 6); k < n; k++) {
        if (head[k] !== n) continue;
        if (deprel[k] === 'nummod' && upos[k] === 'NUM' && !/^(zwei|drei)er$/.test(lower[k] as string)) counted = true;
        if (deprel[k] === 'det' || deprel[k] === 'case' || deprel[k] === 'det:poss') return false;
        // "darunter 1.940 Deutsche" names some of a phrase before it.
        if (lower[k] === 'darunter' || lower[k] === 'davon') return false;
      }
      return counted;
    };
    for (let t = first + 1; t < end; t++) {
      const w = lower[t];
      if (upos[t] !== 'NOUN' && w !== 'mehr' && w !== 'weniger' && w !== 'über' && w !== 'bis') continue;
      const v = head[t] as number;
      // "mehr als 20 Menschen", "mehr als ein Dutzend Menschen" ("vor mehr als 80.000 Zuschauern" is a phrase).
      if ((w === 'mehr' || w === 'weniger') && lower[t + 1] === 'als' && t + 2 < end) {
        const n = head[t + 1] as number;
        if (deprel[t] !== 'advmod' || v < 0 || upos[v] !== 'VERB' || upos[t - 1] === 'ADP') continue;
        if (n <= t + 1 || n > t + 5 || upos[n] !== 'NOUN') continue;
        if (!((head[n] === t && deprel[n] === 'conj') || (head[n] === v && deprel[n] === 'obl'))) continue;
        if (/Case=(Dat|Gen)/.test(doc.morph!.feats[n] as string) || !rehang(n, v)) continue;
        head[t] = n;
        head[t + 1] = t;
        deprel[t + 1] = 'fixed';
        continue;
      }
      // "über 5000 Menschen", "bis zu 20 Menschen": a bound, where the verb takes no such phrase.
      const ueber = w === 'über' && v >= 0 && !UEBER_VERBS.has(tree.lemma[head[v] as number] ?? '');
      const upTo = w === 'bis' && lower[t + 1] === 'zu';
      const number = upTo ? t + 2 : t + 1;
      if ((ueber || upTo) && deprel[t] === 'case' && upos[number] === 'NUM') {
        const n = v;
        const verb = head[n] as number;
        if (n <= number || n > number + 3 || deprel[n] !== 'obl' || verb < 0 || upos[verb] !== 'VERB') continue;
        if (!rehang(n, verb)) continue;
        deprel[t] = 'advmod';
        if (upTo) deprel[t + 1] = 'fixed';
        continue;
      }
      // "und zehn mutmaßliche Angreifer erschossen hat": a counted phrase without a preposition is no
      // adverbial, unless it measures or says when ("zehn Jahre", "20 Kilometer").
      // (Also one the parse made a conjunct, vocative or apposition of the verb, after a relative clause:
      // "tötete bei einem Anschlag auf einen Buskonvoi, der …, mindestens 126 Menschen".)
      if (
        upos[t] === 'NOUN' &&
        (deprel[t] === 'obl' || STRAY.has(deprel[t]!) || (deprel[t] === 'conj' && !has(t, 'cc', true))) &&
        v >= 0 &&
        upos[v] === 'VERB' &&
        countedBare(t) &&
        !MEASURES.test(tree.lemma[t] as string) &&
        !inTime[t]
      ) {
        rehang(t, v);
        continue;
      }
      // "nach Angaben der Polizei mindestens 20 Menschen": a counted noun without an article is no genitive.
      if (
        upos[t] === 'NOUN' &&
        deprel[t] === 'nmod' &&
        v >= 0 &&
        upos[v] === 'NOUN' &&
        relationBase(deprel[v]!) === 'obl'
      ) {
        const verb = head[v] as number;
        if (countedBare(t) && verb >= 0 && upos[verb] === 'VERB') rehang(t, verb);
      }
    }
  }
  return head === tree.head ? tree : { ...tree, head, deprel };
}

/** Whether the finite word of verb `v` (itself or an auxiliary among the sentence's tokens) is plural. */
function isPluralClause(
  doc: Doc,
  head: Int32Array,
  deprel: readonly string[],
  v: number,
  first: number,
  end: number,
): boolean {
  const morph = doc.morph!;
  for (let k = first; k < end; k++)
    if ((k === v || (head[k] === v && deprel[k]!.startsWith('aux'))) && (morph.xpos[k] as string).endsWith('FIN'))
      return (morph.feats[k] as string).includes('Number=Plur');
  return false;
}

/** Relations a noun cannot have to a verb: the parse's guesses for a phrase it could not place. */
const STRAY = new Set(['vocative', 'dep', 'appos']);

/** Nouns that measure (time, distance, money, shares): a counted one is an adverbial. */
const MEASURES =
  /(?:Jahr|Monat|Woche|Tag|Stunde|Minute|Sekunde|Meter|Kilometer|Euro|Dollar|Prozent|Mal|Grad|Tonne|Liter|Punkt|Stimme|Platz)$/;

export function kids(p: Parse, t: number): Int32Array {
  return p.childList.subarray(p.childStart[t] as number, p.childStart[t + 1] as number);
}

/** The relation without its subtype: "nsubj:pass" → "nsubj". */
export function relBase(p: Parse, t: number): string {
  return relationBase(p.tree.deprel[t] as string);
}

/** The preposition heading a phrase (its `case` child), normalised, or null. */
export function prepositionOf(p: Parse, t: number): string | null {
  for (const c of kids(p, t)) {
    if (p.tree.deprel[c] === 'case') {
      const w = p.lower[c] as string;
      return CONTRACTED[w] ?? w;
    }
  }
  return null;
}

/**
 * Prepositions of a phrase that sets the scene of what a sentence tells — when, on what occasion, why:
 * "bei seinem Treffen", "während der Haft", "wegen des Massakers". The events stage and the modality
 * rules each add to it what their question needs.
 */
export const SCENE_PREPOSITIONS: readonly string[] = [
  'bei',
  'während',
  'nach',
  'seit',
  'trotz',
  'wegen',
  'infolge',
  'angesichts',
];

/** The finite word of verb `v`'s clause: the verb itself, or its finite auxiliary; -1 if none. */
export function finiteOf(p: Parse, v: number): number {
  if (v < 0) return -1;
  if ((p.xpos[v] as string).endsWith('FIN')) return v;
  return childWith(p, v, ['aux', 'aux:pass'], (c) => (p.xpos[c] as string).endsWith('FIN'));
}

/** The first token from `from` on (before `limit`) that is no quotation mark: where a quotation's words start. */
export function afterQuotes(p: Parse, from: number, limit: number): number {
  let k = from;
  while (k < limit && isQuoteMark(p.raw[k])) k++;
  return k;
}

/** A purpose clause: "um/ohne/statt … zu" (its verb has such a mark). */
export function isPurposeClause(p: Parse, v: number): boolean {
  return childWith(p, v, ['mark'], (c) => /^(?:um|ohne|statt|anstatt)$/.test(p.lower[c] as string)) >= 0;
}

/** The first child of `t` with one of the relations, or -1. */
export function childWith(p: Parse, t: number, rels: readonly string[], accept?: (c: number) => boolean): number {
  for (const rel of rels) for (const c of kids(p, t)) if (p.tree.deprel[c] === rel && (!accept || accept(c))) return c;
  return -1;
}

/** A common noun or a name. */
export function isNoun(p: Parse, t: number): boolean {
  return p.tree.upos[t] === 'NOUN' || p.tree.upos[t] === 'PROPN';
}

export function isReflexive(p: Parse, t: number): boolean {
  return p.xpos[t] === 'PRF' || p.lower[t] === 'sich';
}

/** A passive verb: "wurde festgenommen", "ist angeklagt" (state passive); not "hat … entschuldigt". */
export function isPassive(p: Parse, v: number): boolean {
  const own = voiceOf(p, v);
  if (own !== null) return own;
  // "entführt und vergewaltigt und verurteilt worden war": a bare participle takes the voice of the
  // participles it is coordinated with.
  if (p.xpos[v] === 'VVPP') {
    const head = p.tree.deprel[v] === 'conj' ? (p.tree.head[v] as number) : v;
    const partners = head === v ? [] : [head];
    for (const c of kids(p, head)) if (c !== v && p.tree.deprel[c] === 'conj') partners.push(c);
    for (const partner of partners) if (p.xpos[partner] === 'VVPP' && voiceOf(p, partner) === true) return true;
    if (isHeadlinePassive(p, v)) return true;
  }
  return kids(p, v).some((c) => p.tree.deprel[c] === 'nsubj:pass');
}

/**
 * A headline's bare participle ends its clause with no auxiliary and no object: "Mutmaßlicher
 * Kriegsverbrecher Karadžić gefasst", "Mafiaboss festgenommen" are passives. Only a participle with "ge-"
 * (also after a particle), of a verb whose perfect takes "haben": "Die Kriminalpolizei ermittelt" is the
 * present tense, "Papst zurückgetreten" a perfect.
 */
function isHeadlinePassive(p: Parse, v: number): boolean {
  if (p.tree.deprel[v] !== 'root' || perfectWithSein(p.tree.lemma[v] as string)) return false;
  if (
    !/^(?:ab|an|auf|aus|bei|ein|fest|frei|hin|her|mit|nach|vor|weg|zu|zurück|zusammen|fort|los)?ge/.test(
      p.lower[v] as string,
    )
  )
    return false;
  if (kids(p, v).some((c) => relBase(p, c) === 'aux' || p.tree.deprel[c] === 'obj')) return false;
  const s = p.sentenceOf[v] as number;
  let last = (p.doc.sentences.endToken[s] as number) - 1;
  while (last > v && p.xpos[last]?.startsWith('$')) last--;
  return last === v;
}

/**
 * A present form of "werden", which with an infinitive makes the future: "wurden … überfallen" is a past
 * passive whose participle the tagger read as the infinitive it looks like.
 */
export function isFutureWerden(p: Parse, aux: number): boolean {
  const form = p.lower[aux] as string;
  return !PAST_WERDEN.has(form) && form !== 'geworden';
}

/** Passive (true) or active (false) as a verb's own auxiliaries say, null where it has none that tell. */
function voiceOf(p: Parse, v: number): boolean | null {
  let werden = false;
  let haben = false;
  for (const c of kids(p, v)) {
    // "war … von ihrem Amt zurückgetreten": "sein" with a verb whose perfect takes it is an active perfect,
    // whatever relation the parse gave the auxiliary.
    if (p.tree.deprel[c] === 'aux:pass') {
      if (p.tree.lemma[c] === 'sein' && perfectWithSein(p.tree.lemma[v] as string)) haben = true;
      else werden = true;
    }
    if (relBase(p, c) !== 'aux') continue;
    const lemma = p.tree.lemma[c];
    // "wurde … erschlagen": a past "werden" makes a participle of what the tagger read as an infinitive.
    if (lemma === 'werden' && (p.xpos[v] === 'VVPP' || !isFutureWerden(p, c))) werden = true;
    else if (lemma === 'haben') haben = true;
  }
  if (werden) return true;
  // "hat sich … entschuldigt": a perfect with "haben" is active, whatever relation the parse gave.
  if (haben) return false;
  if (isStatePassive(p.tree, p.xpos[v] as string, v, kids(p, v))) return true;
  return null;
}

/** The mood features of a verb or its auxiliaries: Konjunktiv I/II show as Mood=Sub. */
export function isSubjunctive(p: Parse, v: number): boolean {
  if ((p.feats[v] as string).includes('Mood=Sub')) return true;
  for (const c of kids(p, v))
    if (relBase(p, c) === 'aux' && (p.feats[c] as string).includes('Mood=Sub') && p.tree.lemma[c] !== 'werden')
      return true;
  return false;
}
