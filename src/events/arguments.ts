/**
 * Event arguments from the dependency parse: the source (subject; the "von"/"durch" agent of a passive),
 * the target (object, dative, addressee, "gegen"/"auf" phrase), the place (a location named in a phrase of
 * the event) and the time (a time expression governed by the event), each with the path that found it.
 * Actors are coded from the entity a phrase names, else from its role noun and country words.
 */
import type { Doc, Entity, EventArgument } from '../document.js';
import {
  actorDictionary,
  actorOf,
  countryNamedBy,
  countryOfName,
  countryOfWord,
  isPersonNoun,
  roleSectorOf,
} from '../entities/actors.js';
import { featValue } from '../morph/features.js';
import { gazetteerKey } from '../ner/gazetteer.js';
import { loadNameHeads } from '../ner/heads.js';
import { tokensWithin } from '../text/positions.js';
import { compoundHead } from '../text/compounds.js';
import { isQuoteMark } from '../text/chars.js';
import { subtree } from '../syntax/tree.js';
import { roleWord, speakerContext, speakerOfPhrase, type SpeakerContext } from '../quotes/speaker.js';
import {
  childWith,
  finiteOf,
  isNoun,
  isPassive,
  isPurposeClause,
  isReflexive,
  kids,
  prepositionOf,
  relBase,
  type Parse,
} from './parse.js';
import type { LexiconEntry } from './lexicon.js';

export interface Found<T> {
  value: T;
  /** The token that heads the phrase; absent when the argument has no words of its own. */
  head?: number;
  /** Dependency path from the trigger, e.g. "lehnte -nsubj-> Staatschef". */
  path: string;
}

/** What argument finding needs of a document, built once. */
export interface ArgumentContext {
  parse: Parse;
  speakers: SpeakerContext;
  entityById: Map<string, Entity>;
  /** Entity of each token that lies in a mention, else undefined. */
  entityAt: Array<Entity | undefined>;
  /** The country the article is mostly about: the default for "die Polizei", "Demonstranten". */
  focus: string | null;
  /** 1 for tokens inside a time expression: never an actor. */
  inTime: Uint8Array;
  /** For tokens inside a quantity ("mehr als 2.000 Personen"), the quantity's last token; else -1. */
  quantityEnd: Int32Array;
}

/** `inTime`: per token, 1 inside a time expression (`timeMask`). */
export function argumentContext(doc: Doc, parse: Parse, inTime: Uint8Array): ArgumentContext {
  const entityById = new Map(doc.entities.map((e) => [e.id, e]));
  const entityAt: Array<Entity | undefined> = new Array(doc.tokens.count);
  const countryCount = new Map<string, number>();
  const add = (c: string | null | undefined, n: number): void => {
    if (c) countryCount.set(c, (countryCount.get(c) ?? 0) + n);
  };
  // Mentions are few and tokens sorted: one forward walk marks every token of every mention.
  const spans = doc.entities.flatMap((e) => e.mentions.map((m) => ({ m, e }))).sort((a, b) => a.m.start - b.m.start);
  let t = 0;
  for (const { m, e } of spans) {
    while (t < doc.tokens.count && (doc.tokens.end[t] as number) <= m.start) t++;
    for (let k = t; k < doc.tokens.count && (doc.tokens.start[k] as number) < m.end; k++) entityAt[k] = e;
  }
  for (const e of doc.entities) {
    if (e.type === 'LOC' || e.actor?.sector === 'GOV') add(e.place?.country ?? e.actor?.country, e.mentions.length);
  }
  const d = actorDictionary();
  for (const w of parse.lower) add(d.countryByAdjective.get(w), 1);
  const focus = [...countryCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const quantityEnd = new Int32Array(doc.tokens.count).fill(-1);
  for (const q of doc.quantities) {
    const within = tokensWithin(doc.tokens, q.start, q.end);
    if (within) quantityEnd.fill(within[1], within[0], within[1] + 1);
  }
  return {
    parse,
    speakers: speakerContext(doc, parse.tree, parse.sentenceOf),
    entityById,
    entityAt,
    focus,
    inTime,
    quantityEnd,
  };
}

function edge(p: Parse, from: number, to: number, rel = p.tree.deprel[to] as string): string {
  return `${p.raw[from]} -${rel}-> ${p.raw[to]}`;
}

/** The country a phrase's own words name: "US-Außenminister", "belarussische", "in Belarus", "des Landes". */
function countryOfPhrase(c: ArgumentContext, h: number, meeting = false): string | null {
  const p = c.parse;
  const d = actorDictionary();
  const own = countryOfWord(p.raw[h] as string, d);
  if (own) return own;
  for (const k of kids(p, h)) {
    // "Theo van Gogh" with "van Gogh" hung on the noun before: part of a name, no phrase of its own.
    if (isNamePart(c, k)) continue;
    // "ein Besuch in Bagdad", "ein Treffen in Innsbruck": where one meets is not where one is from.
    if (meeting && MEETING_PLACES.has(prepositionOf(p, k) ?? '')) continue;
    const rel = relBase(p, k);
    if (rel === 'amod' || rel === 'compound' || rel === 'flat') {
      // "US-Präsident" tokenised as "US" "-" "Präsident": the compound part is a country name.
      const word = p.raw[k] as string;
      const found = rel === 'compound' ? countryNamedBy(word, d) : countryOfWord(word, d);
      if (found) return found;
    }
    // "Sanktionen gegen Iran", "Kritik an Iran": that country is the target, not the source.
    if (rel === 'nmod' && !isTargetPhrase(p, k)) {
      const e = c.entityAt[k];
      const country = e?.place?.country ?? e?.actor?.country ?? d.countryByName.get(gazetteerKey(p.raw[k] as string));
      if (country) return country;
      if (p.lower[k] === 'landes') return c.focus;
    }
  }
  return null;
}

/** Prepositions of where a meeting or visit takes place or goes. */
const MEETING_PLACES = new Set(['in', 'nach', 'zu', 'bei']);

/** A phrase the parse made of a name's last part: its case word ("van") lies in the same name's mention. */
function isNamePart(c: ArgumentContext, k: number): boolean {
  const e = c.entityAt[k];
  if (!e) return false;
  const p = c.parse;
  const word = childWith(p, k, ['case']);
  return word >= 0 && c.entityAt[word] === e;
}

/** A person named again by a surname the entities layer did not link: "Tikhanovskaya" → Svetlana Tikhanovskaya. */
function namedLater(c: ArgumentContext, name: string): Entity | null {
  for (const e of c.entityById.values()) if (e.type === 'PER' && e.name.endsWith(` ${name}`)) return e;
  return null;
}

/**
 * Argument for the phrase headed by `h`: its text, entity and actor code. `until` (a character offset):
 * where the phrase must end at the latest — an argument before its event's trigger never runs on into it
 * (a quoted verb the parse hung on the noun before it: "mit europäischen Führern \"beraten\"").
 */
export function argumentAt(c: ArgumentContext, h: number, until = Infinity, after = -1): EventArgument | null {
  const p = c.parse;
  // A relative pronoun stands for the noun the clause hangs on: "Personen, die … inhaftiert waren".
  if (p.xpos[h] === 'PRELS') {
    const antecedent = antecedentOf(p, h);
    return antecedent >= 0 ? argumentAt(c, antecedent, until) : null;
  }
  const phrase = phraseAt(c, h);
  if (!phrase) return null;
  const entity = phrase.entity
    ? (c.entityById.get(phrase.entity) ?? null)
    : p.xpos[h] === 'NE'
      ? namedLater(c, p.raw[h] as string)
      : null;
  let actor: string | null = entity?.actor?.code ?? null;
  if (!actor && !entity && p.xpos[h] === 'PPER') {
    // "Der Täter … Mit einem Messer hatte er sich … bemächtigt": the role the pronoun stands for.
    const role = roleBefore(c, h);
    if (role >= 0) actor = argumentAt(c, role)?.actor ?? null;
  }
  if (!actor && entity?.type === 'LOC') actor = entity.place?.country ?? null;
  // A country name the entities layer missed, also in the genitive ("am Widerstand Russlands").
  if (!actor && !entity && p.xpos[h] === 'NE') actor = countryOfName(p.raw[h] as string, actorDictionary());
  if (!actor && (!entity || entity.type !== 'PER')) {
    const sector = roleSectorOf(p.raw[roleWord(p, h)] as string, actorDictionary());
    // "Ausländische Staats- und Regierungschefs" are, whoever they are, not the article's own country's.
    const foreign = kids(p, h).some((k) => /^ausländisch/.test(p.lower[k] as string));
    actor = actorOf(countryOfPhrase(c, h) ?? (sector && !foreign ? c.focus : null), sector)?.code ?? null;
  }
  let text = cutBefore(ownText(p, h, phrase), phrase.start, until);
  // "einer Unterstützung Mélenchons": a name's phrase, run left over a noun as over a title, may hold the
  // trigger it follows.
  if (after > phrase.start && after < phrase.start + text.length && /\s/.test(p.doc.text[after] ?? ''))
    text = text.slice(after - phrase.start).replace(/^[\s"„“”»«'‚‘’]+/u, '');
  return { entity: entity?.id ?? null, text, actor };
}

/**
 * The subject a third-person pronoun points back to when it is a role without a name ("Der Täter", "die
 * Polizei"): the nearest subject before it, in its sentence or the two before, that agrees with it; -1
 * where that subject is a name (the entities layer links names) or no role.
 */
function roleBefore(c: ArgumentContext, h: number): number {
  const p = c.parse;
  if (!/^(er|sie)$/.test(p.lower[h] as string)) return -1;
  const s = p.sentenceOf[h] as number;
  const from = p.doc.sentences.firstToken[Math.max(0, s - 2)] as number;
  for (let t = h - 1; t >= from; t--) {
    // A subject, also one the parse gave another relation to its verb in the nominative.
    const head = p.tree.head[t] as number;
    const subject =
      /^nsubj/.test(p.tree.deprel[t] as string) ||
      ((p.feats[t] as string).includes('Case=Nom') && head >= 0 && /^(VERB|AUX)$/.test(p.tree.upos[head] as string));
    if (!subject || !agrees(p, t, h)) continue;
    if (p.tree.upos[t] !== 'NOUN' || c.entityAt[t]) return -1;
    return roleSectorOf(p.raw[roleWord(p, t)] as string, actorDictionary()) !== null ? t : -1;
  }
  return -1;
}

/** `text`, starting at `start`, cut before the offset `until` (with the spaces and quotation marks there). */
function cutBefore(text: string, start: number, until: number): string {
  if (start + text.length <= until || until <= start) return text;
  return text.slice(0, until - start).replace(/[\s"„“”»«'‚‘’]+$/u, '');
}

/** The noun phrase headed by `h`, within its sentence, as the speaker rules delimit it. */
function phraseAt(c: ArgumentContext, h: number): ReturnType<typeof speakerOfPhrase> {
  const p = c.parse;
  const s = p.sentenceOf[h] as number;
  return speakerOfPhrase(c.speakers, h, p.doc.sentences.firstToken[s] as number, p.doc.sentences.endToken[s] as number);
}

/**
 * The noun a relative pronoun stands for, -1 if none can be told: the noun or name just before the clause
 * (also past a verb cluster the clause was moved behind: "nahm den Mann fest, der …", "EU-Ländern beitreten
 * würden, die …"), else the noun the parse hangs the clause on — either only where it agrees with the
 * pronoun in number and gender (where both say).
 */
export function antecedentOf(p: Parse, pronoun: number): number {
  const s = p.sentenceOf[pronoun] as number;
  const first = p.doc.sentences.firstToken[s] as number;
  // "der" before a noun is an article the tagger took for a pronoun ("der Ankündigung, der Iran werde …").
  let next = pronoun + 1;
  while (next < p.doc.tokens.count && p.tree.upos[next] === 'PUNCT') next++;
  if (/^(NN|NE|FM|CARD|ADJA|PIAT|PIDAT|PDAT|PPOSAT)$/.test(p.xpos[next] ?? '')) return -1;
  let k = pronoun - 1;
  if (k >= first && /^APPR/.test(p.xpos[k] as string)) k--; // "…, mit denen"
  if (k < first || p.raw[k] !== ',') return -1;
  k--;
  while (k >= first && /^(V|PTKVZ|PTKZU|PTKNEG)/.test(p.xpos[k] as string)) k--;
  if (k >= first && isNoun(p, k) && agrees(p, k, pronoun)) return k;
  let v = p.tree.head[pronoun] as number;
  while (v >= 0 && relBase(p, v) !== 'acl' && p.tree.head[v] !== -1) v = p.tree.head[v] as number;
  if (v < 0 || relBase(p, v) !== 'acl') return -1;
  const noun = p.tree.head[v] as number;
  return noun >= 0 && noun < pronoun && isNoun(p, noun) && agrees(p, noun, pronoun) ? noun : -1;
}

const MASC_OR_NEUT = new Set(['dem', 'dessen']);

/** No contradiction in number or gender between two words (a feature either leaves out agrees). */
function agrees(p: Parse, a: number, b: number): boolean {
  for (const feature of ['Number', 'Gender']) {
    const x = featValue(p.feats[a] as string, feature);
    const y = featValue(p.feats[b] as string, feature);
    if (x === '_' || y === '_' || x === y) continue;
    // "dem" and "dessen" are masculine or neuter alike: the tagger's choice between them is a guess.
    if (feature === 'Gender' && MASC_OR_NEUT.has(p.lower[b] as string) && x !== 'Fem' && y !== 'Fem') continue;
    return false;
  }
  return true;
}

/** The phrase without a "von"-phrase the parse hangs elsewhere (the agent of a passive, not a genitive). */
function ownText(p: Parse, h: number, phrase: { text: string; start: number; end: number }): string {
  const tokens = p.doc.tokens;
  for (let k = h + 1; k < tokens.count && (tokens.start[k] as number) < phrase.end; k++) {
    if (p.lower[k] !== 'von') continue;
    const noun = p.tree.head[k] as number;
    if (noun >= 0 && p.tree.head[noun] !== h) return p.doc.text.slice(phrase.start, tokens.end[k - 1] as number);
  }
  return phrase.text;
}

const NOMINAL_UPOS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ', 'DET']);

function nominal(p: Parse, t: number): boolean {
  return NOMINAL_UPOS.has(p.tree.upos[t] as string) && !isReflexive(p, t) && p.lower[t] !== 'es';
}

/** A bare infinitive under "lassen" with a reflexive "sich" as its object: "ließ sich festnehmen". */
function isReflexiveLassen(p: Parse, v: number): boolean {
  if (p.xpos[v] !== 'VVINF') return false;
  const h = p.tree.head[v] as number;
  const lassen =
    h >= 0 && p.tree.lemma[h] === 'lassen' ? h : childWith(p, v, ['aux'], (c) => p.tree.lemma[c] === 'lassen');
  if (lassen < 0) return false;
  return [v, lassen].some((k) => kids(p, k).some((c) => isReflexive(p, c) && relBase(p, c) === 'obj'));
}

/** Verbs of perception and "lassen": their accusative does what the bare infinitive says. */
const PERCEPTION = new Set(['sehen', 'hören', 'lassen', 'spüren', 'fühlen', 'beobachten']);

/** Verbs of sufficing: "reicht nicht aus, um … zu" says what the amount allows, not what it does. */
const SUFFICE = new Set(['ausreichen', 'reichen', 'genügen']);

/**
 * Nouns whose zu-infinitive the parse may hang on their verb: "hatte das Recht, … vorzugehen" is done by the
 * verb's subject, not by its object.
 */
const INFINITIVE_NOUNS = new Set([
  'Recht',
  'Möglichkeit',
  'Chance',
  'Gelegenheit',
  'Pflicht',
  'Auftrag',
  'Erlaubnis',
  'Befugnis',
  'Absicht',
  'Ziel',
  'Plan',
  'Versuch',
  'Aufgabe',
  'Mut',
  'Zeit',
]);

/** Verbs whose object is not the subject of their infinitive ("versprach ihm, … zu kommen"). */
const SUBJECT_CONTROL = new Set(['versprechen', 'drohen', 'anbieten', 'zusichern', 'ankündigen', 'zusagen']);

/**
 * The subject of a verb: its own, else inherited — along coordination ("… und lehnte … ab": from the verb
 * before "und"), and into infinitives (from the object where the governing verb has one: "forderte die
 * Bürgermeister auf, … zu organisieren", "sah Fallschirmjäger … marschieren").
 */
function subjectOf(p: Parse, v: number, path: string[]): number {
  // An infinitive with a copula: "Das Ziel ist es, das Volk zu unterstützen" (its "subject" is the goal) or
  // "sind 36 Todesopfer zu beklagen" (sein + zu: the subject suffers it) leave open who acts. A purpose
  // clause ("um … zu kämpfen") the parse gave the main clause's copula is not one.
  if (
    /^VV(INF|IZU)$/.test(p.xpos[v] as string) &&
    childWith(p, v, ['cop']) >= 0 &&
    childWith(p, v, ['mark'], (c) => p.lower[c] === 'um') < 0
  )
    return -1;
  for (let k = v, hops = 0; k >= 0 && hops < 3; hops++) {
    // A passive subject of an active verb is the parse's mistake ("hat sich die Regierung … entschuldigt").
    // A relative pronoun counts where it has an antecedent ("die Frau, die … angeboten hatte").
    const subj = childWith(
      p,
      k,
      ['nsubj', 'nsubj:pass'],
      // "Des Weiteren wirft die OSZE … vor": a phrase in the genitive is no subject; "Einen Tag zuvor" a time.
      (c) =>
        nominal(p, c) &&
        (p.xpos[c] !== 'PRELS' || antecedentOf(p, c) >= 0) &&
        !GENITIVE_ARTICLES.has(articleOf(p, c)) &&
        !isTimeAccusative(p, c),
    );
    if (subj >= 0) {
      path.push(edge(p, k, subj));
      return subj;
    }
    // "Die Polizei hat … festgenommen": the parse may hang the subject on the auxiliary.
    // (Also where the tagger read the verb itself as finite: "Blair hatte diesen unterstützt".)
    const aux = childWith(p, k, ['aux', 'aux:pass'], (a) => (p.xpos[a] as string).endsWith('FIN'));
    const auxSubj = aux >= 0 ? childWith(p, aux, ['nsubj'], (c) => nominal(p, c) && p.xpos[c] !== 'PRELS') : -1;
    if (auxSubj >= 0) {
      path.push(edge(p, k, aux), edge(p, aux, auxSubj));
      return auxSubj;
    }
    // "…, bei der Soldaten Warnschüsse abgegeben haben": a relative pronoun the tagger read as an article
    // makes the plural noun after it look like a phrase of the preposition; it is the clause's subject.
    const relative = childWith(p, k, ['obl', 'obl:arg'], (c) => isSubjectAfterRelative(p, c));
    if (relative >= 0) {
      path.push(edge(p, k, relative), `"${p.raw[relative - 1]}" is a relative pronoun`);
      return relative;
    }
    const coordinated = kids(p, k).some((c) => p.tree.deprel[c] === 'cc');
    if (coordinated && (p.xpos[k] as string).endsWith('FIN')) {
      const before = finiteVerbBefore(p, k);
      if (before >= 0) {
        path.push(`${p.raw[k]} (after "und") → ${p.raw[before]}`);
        k = before;
        continue;
      }
    }
    const rel = p.tree.deprel[k] as string;
    // "um/ohne/statt … zu" (advcl, or xcomp as the parse may have it): the infinitive's subject is the
    // subject of the clause it hangs on — none where that clause is passive (its subject suffers: "Rohre
    // werden geprüft, um … auszuschließen") or says what suffices ("der Betrag reicht nicht aus, um …").
    const governor = p.tree.head[k] as number;
    const purpose =
      (rel === 'advcl' || rel === 'xcomp') &&
      /^VV(INF|IZU)$/.test(p.xpos[k] as string) &&
      isPurposeClause(p, k) &&
      governor >= 0;
    if (purpose && (isPassive(p, governor) || SUFFICE.has(p.tree.lemma[governor] as string))) return -1;
    const controlled = purpose && rel === 'advcl';
    // A conjunct with a subordinating conjunction of its own ("geraten, nachdem … Unruhen ausgebrochen
    // waren") is a clause of its own that the parse coordinated: it shares no subject.
    if (rel === 'conj' && childWith(p, k, ['mark'], (c) => p.xpos[c] === 'KOUS') >= 0) return -1;
    // "Sein Land hat das Recht, … vorzugehen": the infinitive of a noun the verb holds is that verb's subject's.
    if (
      (rel === 'acl' || rel === 'xcomp') &&
      /^VV(INF|IZU)$/.test(p.xpos[k] as string) &&
      INFINITIVE_NOUNS.has(p.tree.lemma[governor] as string) &&
      p.tree.deprel[governor] === 'obj'
    ) {
      const holder = p.tree.head[governor] as number;
      const subj = childWith(p, holder, ['nsubj'], (c) => nominal(p, c) && p.xpos[c] !== 'PRELS');
      if (subj >= 0) {
        path.push(edge(p, k, governor, `${rel}⁻¹`), edge(p, governor, holder, 'obj⁻¹'), edge(p, holder, subj));
        return subj;
      }
    }
    if (rel !== 'conj' && rel !== 'xcomp' && rel !== 'parataxis' && !controlled) {
      const recovered = objectAsSubject(p, k);
      if (recovered >= 0) path.push(edge(p, k, recovered, 'obj (agrees with the verb, which has no subject)'));
      return recovered;
    }
    const h = p.tree.head[k] as number;
    // "sah Fallschirmjäger … marschieren": after a verb of perception the accusative is the infinitive's
    // subject, wherever the parse hung it.
    if (rel === 'xcomp' && p.xpos[k] === 'VVINF' && PERCEPTION.has(p.tree.lemma[h] as string)) {
      const own = childWith(p, k, ['obj'], (c) => c < k && nominal(p, c));
      const acc = own >= 0 ? own : childWith(p, h, ['obj'], (c) => nominal(p, c));
      if (acc >= 0) {
        path.push(edge(p, own >= 0 ? k : h, acc, 'obj (subject of the infinitive)'));
        return acc;
      }
    }
    // "Ziel ist es, das Volk zu unterstützen": the goal does not support, and who does the clause leaves
    // open ("Er war im Begriff, … zu verüben" has no "es" and is his).
    if (rel === 'xcomp' && p.tree.lemma[h] === 'sein' && kids(p, h).some((c) => p.lower[c] === 'es')) return -1;
    if (rel === 'xcomp' && !SUBJECT_CONTROL.has(p.tree.lemma[h] as string)) {
      const obj = childWith(p, h, ['obj'], (c) => nominal(p, c) && !INFINITIVE_NOUNS.has(p.tree.lemma[c] as string));
      if (obj >= 0) {
        path.push(edge(p, k, h, 'xcomp⁻¹'), edge(p, h, obj));
        return obj;
      }
    }
    path.push(edge(p, k, h, `${rel}⁻¹`));
    k = h;
  }
  return -1;
}

/**
 * A finite clause with an "object" but no subject is, in German news, a subject put after the verb that
 * the parse took for the object ("In Berlin demonstrierten am Samstag 10.000 Menschen"): an active,
 * finite third-person verb (or a participle whose perfect auxiliary is) whose only nominal object is a noun
 * agreeing with it in number, and no accusative pronoun or second object to say otherwise. Returns that
 * noun, or -1.
 */
export function objectAsSubject(p: Parse, v: number): number {
  if (p.tree.upos[v] !== 'VERB') return -1;
  // "… zensieren zu wollen": an infinitive the tagger read as a finite plural has no subject of its own.
  if (kids(p, v).some((c) => relBase(p, c) === 'xcomp' && kids(p, c).some((m) => p.xpos[m] === 'PTKZU'))) return -1;
  // "Einen Tag zuvor hatten Mitglieder der Bande Polizeiwachen gestürmt": a perfect's auxiliary agrees.
  const finite = finiteOf(p, v);
  if (
    finite < 0 ||
    (finite !== v && (p.xpos[v] !== 'VVPP' || !PERFECT_AUXILIARIES.has(p.tree.lemma[finite] as string)))
  )
    return -1;
  if (
    childWith(
      p,
      v,
      ['nsubj', 'nsubj:pass', 'csubj', 'expl'],
      (c) => !GENITIVE_ARTICLES.has(articleOf(p, c)) && !isTimeAccusative(p, c),
    ) >= 0
  )
    return -1;
  const verbFeats = p.feats[finite] as string;
  if (!verbFeats.includes('Person=3') || verbFeats.includes('Voice=Pass')) return -1;
  let found = -1;
  for (const c of kids(p, v)) {
    if (p.tree.deprel[c] !== 'obj' || !nominal(p, c)) continue;
    if (found >= 0 || p.tree.upos[c] === 'PRON') return -1;
    found = c;
  }
  if (found < 0) return -1;
  // "bis der Präsident das Wahlergebnis anerkannt habe": a noun the tagger read as nominative before the
  // object in its clause is the subject, wherever the parse hung it.
  if (finite !== v) {
    const first = p.doc.sentences.firstToken[p.sentenceOf[found] as number] as number;
    for (let k = found - 1; k >= first && p.raw[k] !== ','; k--)
      if (/^(NN|NE)$/.test(p.xpos[k] as string) && featValue(p.feats[k] as string, 'Case') === 'Nom') return -1;
  }
  const n = featValue(p.feats[found] as string, 'Number');
  return n !== '_' && n === featValue(verbFeats, 'Number') ? found : -1;
}

/**
 * ", bei der Soldaten …": a preposition after a comma, then "der" and a plural noun — no phrase, since
 * "der" after a preposition is singular (or a genitive, which no preposition here takes): "der" is the
 * relative pronoun and the noun the relative clause's subject.
 */
function isSubjectAfterRelative(p: Parse, n: number): boolean {
  return (
    n >= 3 &&
    p.raw[n - 3] === ',' &&
    p.xpos[n - 2] === 'APPR' &&
    p.lower[n - 1] === 'der' &&
    p.tree.upos[n] === 'NOUN' &&
    featValue(p.feats[n] as string, 'Number') === 'Plur' &&
    prepositionOf(p, n) === p.lower[n - 2]
  );
}

/** The nearest finite verb before `v` in its sentence that has a subject of its own. */
function finiteVerbBefore(p: Parse, v: number): number {
  const s = p.sentenceOf[v] as number;
  const first = p.doc.sentences.firstToken[s] as number;
  for (let k = v - 1; k >= first; k--) {
    if (p.tree.upos[k] === 'VERB' && (p.xpos[k] as string).endsWith('FIN') && childWith(p, k, ['nsubj']) >= 0) return k;
  }
  return -1;
}

function isTargetPhrase(p: Parse, k: number): boolean {
  const prep = prepositionOf(p, k);
  return prep !== null && prep in TARGET_PREPOSITIONS;
}

/**
 * The subject of a passive verb; where the parse has none, a bare noun phrase it hung on the participle
 * instead ("wurden in Minsk Demonstranten … festgenommen": obl) that agrees in number with the passive
 * auxiliary — not a time, the agent, or a phrase whose article says dative ("dem Mann wurde geholfen").
 */
function passiveSubject(c: ArgumentContext, verb: number, agent: number): number {
  const p = c.parse;
  // ("in der afghanischen Provinz Kandahar fünf Zivilisten getötet": a name after its noun is no subject.)
  const subject = childWith(p, verb, ['nsubj:pass', 'nsubj'], (k) => nominal(p, k) && !isBareNameAfterNoun(c, k));
  if (subject >= 0) return subject;
  const aux = childWith(p, verb, ['aux:pass']);
  const number = aux >= 0 ? featValue(p.feats[aux] as string, 'Number') : '_';
  if (number === '_') return -1;
  // A second participle shares the auxiliary of both ("6.700 Menschen festgenommen und eine Person getötet
  // wurden"), which agrees with the two subjects together, not with its own.
  const shared = p.tree.deprel[verb] === 'conj' && number === 'Plur';
  return childWith(
    p,
    verb,
    ['obj', 'obl'],
    (k) =>
      k !== agent &&
      !c.inTime[k] &&
      isNoun(p, k) &&
      prepositionOf(p, k) === null &&
      !isZufolgePhrase(p, k) &&
      (shared || featValue(p.feats[k] as string, 'Number') === number) &&
      !kids(p, k).some((d) => p.tree.deprel[d] === 'det' && featValue(p.feats[d] as string, 'Case') === 'Dat'),
  );
}

/**
 * The agent of a passive that the parse hung on its subject: a "von"/"durch" phrase naming a role that
 * acts ("die Polizei", "Soldaten") or people ("von Männern in Zivilkleidung") right before the participle
 * ("wurden Demonstranten von der Polizei festgenommen"). A name stays the subject's ("wurden Mitglieder
 * von Greenpeace festgenommen"), and so does a phrase before the auxiliary. Or -1.
 */
function agentOnSubject(c: ArgumentContext, verb: number, subject: number): number {
  const p = c.parse;
  const agentOn = (noun: number): number =>
    childWith(
      p,
      noun,
      ['nmod'],
      (k) =>
        /^(von|durch)$/.test(prepositionOf(p, k) ?? '') &&
        !c.entityAt[k] &&
        (roleSectorOf(p.raw[k] as string, actorDictionary()) !== null || isPersonNoun(p.tree.lemma[k] as string)),
    );
  // Also on the subject's last conjunct: "22 Zivilisten und 2 Polizisten durch die Demonstranten getötet".
  let pp = agentOn(subject);
  if (pp < 0) {
    const conjunct = childWith(p, subject, ['conj']);
    if (conjunct >= 0) pp = agentOn(conjunct);
  }
  if (pp < 0) return -1;
  const words = subtree(p.tree, pp);
  // (Also where a phrase the parse hung on the verb runs on to it: "von Männern in Zivilkleidung angegriffen".)
  let end = (words[words.length - 1] as number) + 1;
  while (end < verb && PHRASE_WORDS.test(p.xpos[end] as string)) end++;
  return end === verb ? pp : -1;
}

/** Crimes and misconduct, as what an accusation names ("Vorwurf der Untreue", "Verdacht des Betrugs"). */
const CRIMES = new Set([
  'untreue',
  'diebstahl',
  'diebstahls',
  'betrug',
  'betrugs',
  'mord',
  'mordes',
  'totschlag',
  'totschlags',
  'körperverletzung',
  'bestechung',
  'bestechlichkeit',
  'korruption',
  'steuerhinterziehung',
  'geldwäsche',
  'unterschlagung',
  'täuschung',
  'täuschungsvorsatz',
  'täuschungsvorsatzes',
  'beschuldigung',
  'missbrauch',
  'missbrauchs',
  'missbrauchsfall',
  'beihilfe',
  'verschwörung',
  'vergewaltigung',
  'plagiat',
  'plagiats',
  'erpressung',
  'nötigung',
  'beleidigung',
  'volksverhetzung',
  'spionage',
  'landesverrat',
  'hochverrat',
  'terrorismus',
  'kriegsverbrechen',
  'völkermord',
  'völkermords',
  'fälschung',
  'wahlfälschung',
  'manipulation',
  'vorteilsnahme',
  'vorteilsannahme',
  'untreuevorwurf',
]);

function isCrime(lemma: string): boolean {
  const lower = lemma.toLowerCase();
  return CRIMES.has(lower) || compoundHead(lower, (w) => (CRIMES.has(w) ? w : undefined)) !== null;
}

/** "viele von ihnen", "drei von ihnen", "einer der …": a "von" phrase right after a quantity word. */
function isPartitive(p: Parse, k: number): boolean {
  const words = subtree(p.tree, k);
  const before = (words[0] as number) - 1;
  if (before < 0 || p.lower[before + 1] !== 'von') return false;
  // (A year before "von" is a time: "im Juni 2011 von Rebellentruppen erschossen".)
  const x = p.xpos[before] as string;
  return /^(PIS|PIAT|PIDAT)$/.test(x) || (x === 'CARD' && !/^\d{4}$/.test(p.raw[before] as string));
}

/** Tags of the words a prepositional phrase is made of. */
const PHRASE_WORDS = /^(APPR|APPRART|ART|ADJA|NN|NE|CARD)$/;

/** The text of the phrase headed by `h` (as `argumentAt` takes it) up to the phrase `cut` in it. */
function textBefore(c: ArgumentContext, h: number, cut: number): string {
  const p = c.parse;
  const phrase = phraseAt(c, h);
  const first = subtree(p.tree, cut)[0] as number;
  const start = phrase ? phrase.start : (p.doc.tokens.start[h] as number);
  const end = first > h ? (p.doc.tokens.end[first - 1] as number) : -1;
  return end > start ? p.doc.text.slice(start, end) : (phrase?.text ?? (p.raw[h] as string));
}

/** Prepositions of a meeting the clause's subject takes part in ("bei einem Treffen", "während des Besuchs"). */
const MEETING_PREPOSITIONS = new Set(['bei', 'während']);

/** Third-person possessives: their owner can be found in the clause ("bei seinem Treffen"). */
const POSSESSIVE_THIRD = new Set(['sein', 'ihr']);

/** The verb a phrase belongs to, walking up through nouns (at most three steps), or -1. */
function verbAbove(p: Parse, t: number): number {
  let k = p.tree.head[t] as number;
  for (let steps = 0; steps < 3 && k >= 0; steps++) {
    if (p.tree.upos[k] === 'VERB' || p.tree.upos[k] === 'AUX') return k;
    k = p.tree.head[k] as number;
  }
  return -1;
}

/** A place that is not a country or a seat of power: a town, a region, a square. */
function isTownOrRegion(c: ArgumentContext, k: number): boolean {
  const e = c.entityAt[k];
  if (!e || e.type !== 'LOC') return false;
  const d = actorDictionary();
  const key = gazetteerKey(e.name);
  return !d.countryByName.has(key) && !d.seatOfPower.has(key);
}

/** A phrase that names someone who can act: a person or organisation, or a role ("die Polizei"). */
function isActorPhrase(c: ArgumentContext, k: number): boolean {
  const e = c.entityAt[k];
  if (e) return e.type === 'PER' || e.type === 'ORG';
  return roleSectorOf(c.parse.raw[k] as string, actorDictionary()) !== null;
}

const PERSONAL_PRONOUNS = new Set(['PPER', 'PRELS']);

/**
 * Whether the word heads a phrase about someone who can act: a person, an organisation, a country or seat
 * of power, a role, a noun for people ("einen Mann"), or a personal or relative pronoun.
 */
export function canAct(c: ArgumentContext, k: number): boolean {
  const p = c.parse;
  const e = c.entityAt[k];
  if (e) return e.type === 'PER' || e.type === 'ORG' || (e.type === 'LOC' && !isTownOrRegion(c, k));
  // "Erfolge, die geholfen haben": a relative pronoun can act as its noun can.
  if (p.xpos[k] === 'PRELS') {
    const noun = antecedentOf(p, k);
    if (noun >= 0 && noun !== k) return canAct(c, noun);
  }
  // ("hat es den Distrikt getroffen": "es" is no one.)
  if (PERSONAL_PRONOUNS.has(p.xpos[k] as string)) return p.lower[k] !== 'es';
  if (isPersonNoun(p.tree.lemma[k] as string) || roleSectorOf(p.raw[k] as string, actorDictionary()) !== null)
    return true;
  if (namesAge(p, k)) return true;
  // "der mutmaßliche NS-Scherge John Demjanjuk": the name in apposition says who.
  return kids(p, k).some((a) => p.tree.deprel[a] === 'appos' && a > k && canAct(c, a));
}

/**
 * Whether the word heads a phrase about a person (not an organisation or a country): a person's name, a
 * noun for people (also as a compound's last part: "Sexualstraftäter"), an age, a third-person pronoun,
 * or a relative pronoun whose noun is one.
 */
export function isPerson(c: ArgumentContext, k: number): boolean {
  const p = c.parse;
  const e = c.entityAt[k];
  if (e) return e.type === 'PER';
  if (p.xpos[k] === 'PRELS') {
    const noun = antecedentOf(p, k);
    return noun >= 0 && noun !== k && isPerson(c, noun);
  }
  if (p.xpos[k] === 'PPER') return /^(er|sie|ihn|ihm|ihr|ihnen)$/.test(p.lower[k] as string);
  const lemma = p.tree.lemma[k] as string;
  if (p.tree.upos[k] === 'NOUN' && (isPersonNoun(lemma) || compoundHead(lemma.toLowerCase(), personPart, 4) !== null))
    return true;
  // A role of one person ("der Gefangene", "Häftlinge", "Täter"), not an institution ("die Regierung").
  if (p.tree.upos[k] === 'NOUN' && roleSectorOf(p.raw[k] as string, actorDictionary()) !== null)
    return !loadNameHeads().kindOf(lemma.toLowerCase()).includes('ORG') && !COLLECTIVE_ROLES.has(lemma);
  // "40 Prozent aller Einwanderer", "die Hälfte der Gefangenen": a share of people is people.
  if (SHARE_NOUNS.has(lemma)) {
    const whole = childWith(p, k, ['nmod'], (d) => prepositionOf(p, d) === null || prepositionOf(p, d) === 'von');
    if (whole >= 0 && whole !== k) return isPerson(c, whole);
  }
  return namesAge(p, k);
}

/** Roles that name a body of people, not a person: what is done to them is done to an institution. */
const COLLECTIVE_ROLES = new Set([
  'Regierung',
  'Behörde',
  'Opposition',
  'Bevölkerung',
  'Menge',
  'Menschenmenge',
  'Mob',
  'Kabinett',
  'Junta',
  'Militärjunta',
  'Militär',
  'Truppe',
  'Streitkräfte',
  'Staatsführung',
]);

const SHARE_NOUNS = new Set([
  'Prozent',
  'Teil',
  'Hälfte',
  'Drittel',
  'Viertel',
  'Mehrheit',
  'Minderheit',
  'Zahl',
  'Großteil',
]);

/** "die 39-Jährige", "einen 17-jährigen": an age names a person. */
function namesAge(p: Parse, k: number): boolean {
  return /jährige[rn]?$/i.test(p.raw[k] as string) && /^(NOUN|PROPN|ADJ)$/.test(p.tree.upos[k] as string);
}

/** A compound's last part as a noun for people ("täter" of "Sexualstraftäter"), for `compoundHead`. */
function personPart(lower: string): string | undefined {
  const noun = lower.charAt(0).toUpperCase() + lower.slice(1);
  return isPersonNoun(noun) ? noun : undefined;
}

/** Prepositions that introduce an event's target, and the types they do it for (others: all types). */
const TARGET_PREPOSITIONS: Record<string, ReadonlySet<string> | null> = {
  gegen: null,
  auf: null,
  an: null,
  mit: new Set(['CONSULT', 'COOPERATE', 'AGREE', 'THREATEN']),
  bei: new Set(['CONSULT', 'ACCUSE']),
  // "Unterstützung für die Opposition", "sprach sich für den Plan aus", "Haftstrafe für den Bandleader".
  für: new Set(['SUPPORT', 'SANCTION']),
};

/**
 * Nouns of a relation and the prepositions that name whom it is with, whatever is done to it: "setzte die
 * Zusammenarbeit mit Niger aus", "brach die Beziehungen zu Iran ab", "stellten ihre Hilfe für das Land ein".
 */
const RELATION_NOUNS: Record<string, readonly string[]> = {
  Zusammenarbeit: ['mit'],
  Kooperation: ['mit'],
  Beziehung: ['mit', 'zu'],
  Kontakt: ['mit', 'zu'],
  Hilfe: ['für', 'an'],
};

/** Nouns of means after "mit": "mit Hilfe", "mit Unterstützung" say how, not with whom. */
const MEANS = new Set(['Hilfe', 'Unterstützung', 'Beteiligung']);

/** Articles that after "auf" can only be dative (the tagger's case of a bare noun is too often wrong). */
const DATIVE_AFTER_AUF = new Set(['dem', 'einem', 'der', 'einer']);

/** Support given for a reason: "dankte für die Hilfe", "entschuldigte sich für die Vorfälle". */
const FOR_A_REASON = new Set([
  'danken',
  'bedanken',
  'Dank',
  'entschuldigen',
  'Entschuldigung',
  'loben',
  'Lob',
  'ehren',
  'Ehrung',
  'würdigen',
  'Würdigung',
  'preisen',
  'auszeichnen',
  'Auszeichnung',
]);

/** Whether the phrase `k` under head `v` names the target of an event of `type`. */
function targetPreposition(p: Parse, k: number, type: string, v: number): boolean {
  const prep = prepositionOf(p, k);
  if (prep !== null && RELATION_NOUNS[p.tree.lemma[v] as string]?.includes(prep)) return true;
  if (prep === null || !(prep in TARGET_PREPOSITIONS)) return false;
  if (prep === 'für' && FOR_A_REASON.has(p.tree.lemma[v] as string)) return false;
  // "am Tag der Ankunft" says when; "mit Hilfe der Gewerkschaften" how.
  if (prep === 'an' && TIME_NOUNS.has(p.tree.lemma[k] as string)) return false;
  if (prep === 'mit' && MEANS.has(p.tree.lemma[k] as string)) return false;
  // A sentence is for someone ("für den Bandleader"), not for a crime ("Strafe für den Mord").
  if (prep === 'für' && type === 'SANCTION' && p.tree.upos[k] !== 'PROPN' && !isPersonNoun(p.tree.lemma[k] as string))
    return false;
  // "auf einem Treffen", "auf der Insel": "auf" with the dative says where, not at whom.
  if (prep === 'auf' && DATIVE_AFTER_AUF.has(articleOf(p, k))) return false;
  const only = TARGET_PREPOSITIONS[prep];
  if (type === 'PROTEST') return prep === 'gegen';
  return !only || only.has(type);
}

/**
 * Prepositions of a verb's frame that aim at its target ("auf sie einstechen", "gegen die Rebellen kämpfen",
 * "sich für den Plan aussprechen").
 */
const AIMED = new Set(['auf', 'gegen', 'für']);

/** The preposition a verb's frame aims with, also among joined frames ("prep:gegen+actor,obj:Soldat"). */
function aimedPreposition(frame: LexiconEntry['frame']): string | null {
  if (frame.kind === 'prep') return AIMED.has(frame.preposition) ? frame.preposition : null;
  if (frame.kind === 'all')
    for (const f of frame.frames) if (f.kind === 'prep' && AIMED.has(f.preposition)) return f.preposition;
  return null;
}

/**
 * The target among a head's children: object, dative, then a "gegen"/"auf"/"mit" phrase — not a time
 * ("am Freitag" has "an", as "appellierte an die Regierung" does).
 */
function objectOf(c: ArgumentContext, v: number, type: string, exclude: number, framed: string | null = null): number {
  const p = c.parse;
  // "stach auf den Studenten ein", "kämpfen gegen die Rebellen": the phrase a verb's frame asks for, where
  // it aims at someone (AIMED), names its target before any object the parse gave it.
  if (framed !== null) {
    const phrase = childWith(
      p,
      v,
      ['obl', 'obl:arg'],
      (k) => k !== exclude && nominal(p, k) && prepositionOf(p, k) === framed && targetPreposition(p, k, type, v),
    );
    if (phrase >= 0) return phrase;
  }
  // A genitive is no object of an event verb: "des Landes" after a noun is that noun's attribute, whatever
  // the parse made of it ("die Polizeibeamten des Landes wenden sich gegen …").
  // ("nahmen den Täter fest": a bare phrase the parse called obl:arg is an object too.)
  const acc = childWith(
    p,
    v,
    ['obj', 'iobj', 'obl:arg'],
    (k) =>
      k !== exclude &&
      nominal(p, k) &&
      !GENITIVE_ARTICLES.has(articleOf(p, k)) &&
      !isZufolgePhrase(p, k) &&
      (p.tree.deprel[k] !== 'obl:arg' || (prepositionOf(p, k) === null && !isBareNameAfterNoun(c, k))),
  );
  if (acc >= 0) return acc;
  return childWith(
    p,
    v,
    ['obl', 'obl:arg', 'nmod'],
    (k) => k !== exclude && !c.inTime[k] && nominal(p, k) && targetPreposition(p, k, type, v),
  );
}

export interface Roles {
  source: Found<EventArgument> | null;
  target: Found<EventArgument> | null;
}

/**
 * Source and target of an event. `trigger` is the verb or noun; `support` the verb that carries an event
 * noun (or -1).
 */
export function rolesOf(c: ArgumentContext, entry: LexiconEntry, trigger: number, support: number): Roles {
  const p = c.parse;
  const verb = entry.kind === 'verb' ? trigger : support;
  let source: Found<EventArgument> | null = null;
  let target: Found<EventArgument> | null = null;
  const found = (h: number, path: string[]): Found<EventArgument> | null => {
    if (c.inTime[h] || isLabel(p, h, trigger)) return null;
    // An article the parse made a phrase's head: "den 16-jährigen festnehmen" (the phrase is the word after
    // it); "Der … verhaftete 15 Jahre alte Junge", an attributive participle read as a verb, has none.
    // An article right after a comma the tagger took for the relative pronoun it is ("einen Mann, der …").
    if (p.xpos[h] === 'ART') {
      const noun = p.raw[h - 1] === ',' && /^d/.test(p.lower[h] as string) ? antecedentOf(p, h) : -1;
      if (noun >= 0) h = noun;
      else if (
        /^(?:ADJA|NN|NE|CARD)$/.test(p.xpos[h + 1] ?? '') &&
        p.sentenceOf[h + 1] === p.sentenceOf[h] &&
        h + 1 !== trigger
      )
        h += 1;
      else return null;
    }
    // "mehr als 2.000 Personen": the counted noun heads the phrase, whatever the parse made its head.
    const counted = c.quantityEnd[h] as number;
    if (counted >= 0 && counted !== h && p.tree.upos[counted] === 'NOUN') h = counted;
    const value =
      h < trigger
        ? argumentAt(c, h, p.doc.tokens.start[trigger] as number)
        : argumentAt(c, h, Infinity, p.doc.tokens.end[trigger] as number);
    return value ? { value, head: h, path: path.join(', ') } : null;
  };
  let subject = -1;
  if (verb >= 0) {
    if (isPassive(p, verb)) {
      // ("Viele von ihnen wurden erschossen": a "von" after a quantity names whom it counts, not who acts.)
      const agentOf = (v: number): number =>
        childWith(
          p,
          v,
          ['obl', 'obl:agent', 'nmod'],
          (k) => /^(von|durch)$/.test(prepositionOf(p, k) ?? '') && !isPartitive(p, k),
        );
      // "wurde von einer Anti-Terroreinheit gestellt und getötet": a participle coordinated with the one
      // before it shares that one's agent and subject where it has none of its own.
      // (Joined by "und"/"oder" with no comma between: not a participle of another clause.)
      const before = p.tree.head[verb] as number;
      const partner =
        p.tree.deprel[verb] === 'conj' &&
        p.xpos[verb] === 'VVPP' &&
        p.xpos[before] === 'VVPP' &&
        childWith(p, verb, ['cc']) >= 0 &&
        !p.raw.slice(before + 1, verb).includes(',')
          ? before
          : -1;
      let agent = agentOf(verb);
      if (agent < 0 && partner >= 0) agent = agentOf(partner);
      if (agent >= 0) source = found(agent, [edge(p, p.tree.head[agent] as number, agent)]);
      let patient = passiveSubject(c, verb, agent);
      // ("getötet und drei verletzt": a number alone is its own subject.)
      const own = (k: number): boolean => (nominal(p, k) || p.tree.upos[k] === 'NUM') && prepositionOf(p, k) === null;
      if (patient < 0 && partner >= 0 && childWith(p, verb, ['obj', 'obl:arg', 'obl', 'nsubj', 'nsubj:pass'], own) < 0)
        patient = passiveSubject(c, partner, agent);
      if (patient >= 0 && entry.kind === 'verb') target = found(patient, [edge(p, verb, patient)]);
      const hung = agent < 0 && patient >= 0 ? agentOnSubject(c, verb, patient) : -1;
      if (hung >= 0) {
        source = found(hung, [edge(p, verb, patient), edge(p, patient, hung, 'nmod (the agent)')]);
        if (target) target.value = { ...target.value, text: textBefore(c, patient, hung) };
      }
    } else {
      const path: string[] = [];
      subject = subjectOf(p, verb, path);
      // "wo er sich festnehmen ließ": "sich … lassen" is a passive, its subject the one it is done to.
      if (subject >= 0 && entry.kind === 'verb' && isReflexiveLassen(p, verb))
        target = found(subject, [...path, 'sich … lassen: the subject undergoes it']);
      // "findet eine Konferenz statt": the event noun is the subject of its support verb, not its own source.
      else if (subject >= 0 && subject !== trigger) source = found(subject, path);
    }
    if (!target) {
      const framed = entry.kind === 'verb' ? aimedPreposition(entry.frame) : null;
      const obj = objectOf(c, verb, entry.type, entry.kind === 'verb' ? subject : trigger, framed);
      if (obj >= 0) target = found(obj, [edge(p, verb, obj)]);
      // "Die Polizei hat das Armenviertel gestürmt": where neither article tells nominative from accusative,
      // the parse may swap the two; the first, who can act, is the subject of what the other cannot do.
      if (obj >= 0 && subject >= 0 && entry.kind === 'verb' && swappedByParse(c, subject, obj)) {
        source = found(obj, [edge(p, verb, obj), 'first and can act: the subject']);
        target = found(subject, [edge(p, verb, subject), 'after it and cannot act: the object']);
      }
    }
  }
  if (entry.kind !== 'verb') {
    // "die Festnahme des Mannes": the genitive of a noun whose verb takes an object is what is done to —
    // unless a compound's first part already names that ("das Werbeverbot der EU" is the EU's).
    const objectGenitive =
      entry.frame.kind === 'noun' && entry.frame.objectGenitive && p.tree.lemma[trigger] === entry.lemma;
    if (objectGenitive && !target) {
      // ("das Verbot von missliebigen Demonstrationen", "die Festnahme von 20 Demonstranten": "von" too.)
      const patient = childWith(p, trigger, ['nmod'], (k) => isPatientPhrase(p, k) && nominal(p, k));
      if (patient >= 0) target = found(patient, [edge(p, trigger, patient)]);
    }
    // "der Besuch des Raumfahrtbahnhofs", "Besuch Chinas": a visit's genitive place is what is visited
    // ("der Besuch des Präsidenten" is the president's, and a quoted name one the lists lack, "der „Troika“").
    const visited =
      entry.mode === 'visit' && !target
        ? childWith(
            p,
            trigger,
            ['nmod'],
            (k) =>
              prepositionOf(p, k) === null &&
              nominal(p, k) &&
              (c.entityAt[k]?.type === 'LOC' || (!canAct(c, k) && !isQuoteMark(p.raw[k - 1]))),
          )
        : -1;
    if (visited >= 0) target = found(visited, [edge(p, trigger, visited), 'a place: what is visited']);
    // The noun's own attributes: "Proteste der Opposition", "Sanktionen gegen Minsk", "russische Angriffe".
    if (!source) {
      const gen = childWith(p, trigger, ['nmod', 'nmod:poss'], (k) => {
        const prep = prepositionOf(p, k);
        if ((objectGenitive && isPatientPhrase(p, k)) || (k === visited && prep === null)) return false;
        // "der Vorwurf der Untreue": an accusation's genitive that names a crime is what is alleged.
        if (entry.type === 'ACCUSE' && prep === null && isCrime(p.tree.lemma[k] as string)) return false;
        // "Festnahme durch die Polizei", but not "Marsch durch ein Viertel".
        if (prep === 'durch') return isActorPhrase(c, k);
        // "das Massaker von Srebrenica" is where it happened; "Angriffe von Russland" is who did it.
        if (prep === 'von' && isTownOrRegion(c, k)) return false;
        // "der Vertrag von Lissabon", "das Abkommen von Minsk": an agreement is named after where it was made.
        if (prep === 'von' && entry.type === 'AGREE' && c.entityAt[k]?.type === 'LOC') return false;
        // "die bundesweit Aufsehen erregenden Proteste": a common noun before its noun is no genitive of it
        // (names are: "Russlands Angriffe").
        if (prep === null && k < trigger && p.tree.upos[k] === 'NOUN') return false;
        // "Kritik seitens der Kirche": "seitens" names who does it, as "von" does.
        return nominal(p, k) && (prep === null || prep === 'von' || prep === 'seitens');
      });
      const poss = childWith(p, trigger, ['det:poss'], (k) => POSSESSIVE_THIRD.has(p.tree.lemma[k] as string));
      // "hat bei einem Besuch in Bagdad … angekündigt": who meets or visits during the clause is its subject.
      const during = entry.type === 'CONSULT' && MEETING_PREPOSITIONS.has(prepositionOf(p, trigger) ?? '');
      const clauseVerb = poss >= 0 || during ? verbAbove(p, trigger) : -1;
      if (gen >= 0) source = found(gen, [edge(p, trigger, gen)]);
      else if (clauseVerb >= 0) {
        // "hatte Obama bei seinem Treffen … gesagt": "sein" is the clause's subject.
        const path = [
          poss >= 0 ? edge(p, trigger, poss) : `${p.raw[trigger]} (${prepositionOf(p, trigger)})`,
          `${p.raw[trigger]} ↑ ${p.raw[clauseVerb]}`,
        ];
        const subj = subjectOf(p, clauseVerb, path);
        if (subj >= 0 && subj !== trigger && (isActorPhrase(c, subj) || p.xpos[subj] === 'PPER'))
          source = found(subj, path);
      }
      if (!source) {
        const country = countryOfPhrase(c, trigger, entry.type === 'CONSULT');
        if (country)
          source = { value: { entity: null, text: '', actor: country }, path: `${p.raw[trigger]} (country word)` };
      }
    }
    if (!target) {
      const obj = objectOf(c, trigger, entry.type, -1);
      if (obj >= 0) target = found(obj, [edge(p, trigger, obj)]);
    }
    // "Rückendeckung erhielt Suttner", "erhielt Unterstützung von der EU": who receives it is its target.
    const receiver = p.tree.head[trigger] as number;
    if (
      !target &&
      receiver >= 0 &&
      p.tree.deprel[trigger] === 'obj' &&
      RECEIVING.has(p.tree.lemma[receiver] as string)
    ) {
      const path = [edge(p, receiver, trigger)];
      const subj = subjectOf(p, receiver, path);
      if (subj >= 0 && subj !== trigger && subj !== source?.head) target = found(subj, path);
    }
  }
  // One phrase is not both who acts and who is acted on (the parse gave it both roles).
  // Which it is: an object's article or a phrase that cannot act makes it the target ("das kleine Dorf",
  // "dem WikiLeaks-Gründer"), else the subject.
  if (
    source &&
    target &&
    ((source.head !== undefined && source.head === target.head) ||
      (source.value.text !== '' && source.value.text === target.value.text))
  ) {
    const h = source.head ?? -1;
    if (h >= 0 && (NEVER_NOMINATIVE.has(articleOf(p, h)) || !canAct(c, h))) source = null;
    else target = null;
  }
  // "die Vereinigung aller buddhistischen Mönche": a part of the source's phrase is not its target.
  if (source && target && target.value.text.length > 3 && source.value.text.includes(target.value.text)) target = null;
  return { source, target };
}

/** Articles that read the same in the nominative and the accusative (no article: a plural or a name). */
const NOM_ACC_ALIKE = new Set(['die', 'das', 'eine', '']);
/** Nouns of a span of time, which stand in the accusative without being an object ("Einen Tag zuvor"). */
const TIME_NOUNS = new Set([
  'Tag',
  'Woche',
  'Monat',
  'Jahr',
  'Stunde',
  'Minute',
  'Abend',
  'Morgen',
  'Nacht',
  'Moment',
  'Vortag',
  'Folgetag',
  'Vorabend',
  'Vormittag',
  'Nachmittag',
  'Wochenende',
  'Jahrestag',
]);
/** The lower-case article (determiner) of noun `n`, or ''. */
function articleOf(p: Parse, n: number): string {
  const d = childWith(p, n, ['det']);
  return d >= 0 ? (p.lower[d] as string) : '';
}

/** The auxiliaries of the perfect. */
const PERFECT_AUXILIARIES = new Set(['haben', 'sein']);

/** "Einen Tag zuvor", "den ganzen Abend": a span of time in the accusative, whatever the parse made of it. */
function isTimeAccusative(p: Parse, k: number): boolean {
  return NEVER_NOMINATIVE.has(articleOf(p, k)) && TIME_NOUNS.has(p.tree.lemma[k] as string);
}

/** "offiziellen Angaben zufolge": a phrase of the postposition says who tells it; no subject or object. */
function isZufolgePhrase(p: Parse, k: number): boolean {
  return p.lower[k + 1] === 'zufolge';
}

/** A noun's genitive or "von" phrase: what a noun like "Festnahme" or "Verbot" is done to. */
function isPatientPhrase(p: Parse, k: number): boolean {
  const prep = prepositionOf(p, k);
  return prep === null || prep === 'von';
}

/** Verbs whose subject receives what their object names ("erhielt Unterstützung"). */
const RECEIVING = new Set(['erhalten', 'bekommen', 'erfahren', 'genießen', 'empfangen']);

/** "die Staatsanwaltschaft Darmstadt": a bare name right after a noun is that noun's apposition. */
function isBareNameAfterNoun(c: ArgumentContext, k: number): boolean {
  const p = c.parse;
  return (
    (p.tree.upos[k] === 'PROPN' || c.entityAt[k]?.type === 'LOC') &&
    articleOf(p, k) === '' &&
    /^(NOUN|PROPN)$/.test(p.tree.upos[k - 1] ?? '')
  );
}

/** Articles that are only genitive. */
const GENITIVE_ARTICLES = new Set(['des', 'eines']);
/** Articles that are never nominative. */
const NEVER_NOMINATIVE = new Set(['den', 'dem', 'einen', 'einem']);
/** Personal pronouns that are never nominative. */
const NEVER_NOMINATIVE_PRONOUNS = new Set(['ihn', 'mich', 'dich', 'uns', 'euch']);

/**
 * Whether the parse swapped subject and object: the subject's article is never nominative and the object
 * can act, or the object comes first and can act, the subject cannot, and no article tells the cases apart.
 */
function swappedByParse(c: ArgumentContext, subject: number, obj: number): boolean {
  const p = c.parse;
  // "…, was dieser jedoch zurückweist": the relative "was" is what is done, the pronoun after it who does it.
  if (p.lower[subject] === 'was' && p.tree.deprel[obj] === 'obj' && /^(PDS|PDAT|PPER)$/.test(p.xpos[obj] as string))
    return /^(dieser|diese|er|sie|es)$/.test(p.lower[obj] as string);
  if (p.tree.deprel[obj] !== 'obj' || (p.tree.upos[obj] !== 'NOUN' && p.tree.upos[obj] !== 'PROPN')) return false;
  const article = (n: number): string => articleOf(p, n);
  // "Den Vorschlag unterstützen manche Staatschefs": an article that is never nominative.
  // ("Einen Tag zuvor …" is a time, whatever the parse made of it.)
  // "verurteilte ihn ein chinesisches Gericht": a pronoun that is never nominative.
  if (
    (NEVER_NOMINATIVE.has(article(subject)) || NEVER_NOMINATIVE_PRONOUNS.has(p.lower[subject] as string)) &&
    !NEVER_NOMINATIVE.has(article(obj)) &&
    !TIME_NOUNS.has(p.tree.lemma[subject] as string) &&
    canAct(c, obj)
  )
    return true;
  // "Opfer, die ein Amokläufer erschossen hatte": the finite verb agrees with the object, not the subject.
  const verb = p.tree.head[obj] as number;
  const finite = finiteOf(p, verb);
  const number = (t: number): string => featValue(p.feats[t] as string, 'Number');
  if (
    finite >= 0 &&
    number(finite) !== '_' &&
    number(obj) === number(finite) &&
    number(subject) !== '_' &&
    number(subject) !== number(finite) &&
    p.xpos[subject] === 'PRELS'
  )
    return true;
  if (obj > subject || p.tree.upos[subject] !== 'NOUN' || canAct(c, subject) || !canAct(c, obj)) return false;
  return NOM_ACC_ALIKE.has(article(subject)) && NOM_ACC_ALIKE.has(article(obj));
}

/**
 * Whether `h` lies in a verbless label before a colon and the trigger after it: "Iran: Zwei Anhänger der
 * Opposition hingerichtet" names the country the news is from, not whom it was done to.
 */
function isLabel(p: Parse, h: number, trigger: number): boolean {
  if (h >= trigger) return false;
  const first = p.doc.sentences.firstToken[p.sentenceOf[h] as number] as number;
  let colon = h + 1;
  while (colon < trigger && p.raw[colon] !== ':') colon++;
  if (colon >= trigger) return false;
  for (let k = first; k < colon; k++) if (p.tree.upos[k] === 'VERB' || p.tree.upos[k] === 'AUX') return false;
  return true;
}

/** Prepositions of a phrase that says where ("gegen Russland" says against whom, not where). */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'auf',
  'vor',
  'bei',
  'durch',
  'an',
  'um',
  'nahe',
  'außerhalb',
  'innerhalb',
  'aus',
]);

/** A located phrase of the event: a place entity in a phrase with one of PLACE_PREPOSITIONS. */
export function placeOf(
  c: ArgumentContext,
  heads: readonly number[],
): Found<{ entity: string | null; text: string }> | null {
  const p = c.parse;
  for (const h of heads) {
    if (h < 0) continue;
    for (const k of kids(p, h)) {
      const rel = relBase(p, k);
      if (rel !== 'obl' && rel !== 'nmod' && rel !== 'advmod') continue;
      if (!PLACE_PREPOSITIONS.has(prepositionOf(p, k) ?? '')) continue;
      const hit = locationIn(c, k, 0);
      if (hit) return { value: hit.value, path: `${edge(p, h, k)}${hit.path}` };
    }
  }
  return null;
}

function locationIn(
  c: ArgumentContext,
  k: number,
  depth: number,
): Found<{ entity: string | null; text: string }> | null {
  const p = c.parse;
  const e = c.entityAt[k];
  if (e && e.type === 'LOC' && e.place) {
    const m = e.mentions.find(
      (x) => x.start <= (p.doc.tokens.start[k] as number) && x.end > (p.doc.tokens.start[k] as number),
    );
    return { value: { entity: e.id, text: m?.text ?? e.name }, path: '' };
  }
  if (depth >= 2) return null;
  for (const n of kids(p, k)) {
    if (relBase(p, n) !== 'nmod' && relBase(p, n) !== 'flat' && relBase(p, n) !== 'appos') continue;
    const hit = locationIn(c, n, depth + 1);
    if (hit) return { value: hit.value, path: `, ${edge(p, k, n)}${hit.path}` };
  }
  return null;
}

export function isAccusativeObject(p: Parse, v: number): boolean {
  return childWith(p, v, ['obj'], (k) => nominal(p, k)) >= 0 && objectAsSubject(p, v) < 0;
}
