/**
 * The event lexicon (`data/events/de/lexicon.tsv`): German verbs, event nouns and noun + verb pairs with
 * their PLOVER type and mode and CAMEO code; the CAMEO table (`data/events/cameo.tsv`) with Goldstein
 * scores; and the modality cues and support verbs (`data/events/de/modality.tsv`).
 */
import type { Modality } from '../document.js';
import { readLexiconLines } from '../util/lexicon.js';
import type { Lexicon } from '../morph/lexicon.js';

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export type EntryKind = 'verb' | 'noun' | 'light';

/**
 * A condition on the verb: no accusative object, reflexive "sich", a phrase with a preposition, an object
 * that is not one of some nouns, or one that is (also as a compound's last part: "Protestkundgebung"); an
 * object at all ("hielt den Reporter fest", not "hielt am Plan fest"); subject and object who can act
 * ("traf den Präsidenten", not "die Kürzungen treffen die Verwaltung" or "traf das Tor"); an active
 * subject who can act ("Der Präsident traf in Kiew ein", not "Die Bagger trafen ein").
 */
export type Frame =
  | { kind: 'none' }
  | { kind: 'noobj' }
  | { kind: 'refl' }
  /** No reflexive "sich": "versprach Hilfe", not "verspricht sich Synergieeffekte". */
  | { kind: 'norefl' }
  | { kind: 'trans' }
  | { kind: 'actors' }
  | { kind: 'agent' }
  /** A noun's: first parts that make its compounds no event, and the only grammatical number it is one in. */
  | {
      kind: 'noun';
      modifiers: readonly string[];
      number: 'Sing' | 'Plur' | null;
      notNear: ReadonlySet<string>;
      /** Its genitive is what is done to ("die Festnahme des Mannes"), not who does it. */
      objectGenitive: boolean;
      /** Only in a sentence that names a country: "Investitionen Chinas in Afrika", not a firm's. */
      country: boolean;
    }
  /** No word of the list (also as a compound's last part) in the sentence: "untersuchen" beside "Arzt". */
  | { kind: 'notnear'; nouns: ReadonlySet<string> }
  /**
   * A phrase with this preposition; with "+actor" naming someone who can act; with "=A|B" it may also hang
   * deeper in the clause's noun phrases when a listed noun heads it (also as a compound's last part).
   */
  | {
      kind: 'prep';
      preposition: string;
      actor: boolean;
      nouns: ReadonlySet<string> | null;
      /** With "=!A|B": a phrase no listed noun heads ("sich zur Nato bekennen", not "zu dem Anschlag"). */
      except: ReadonlySet<string> | null;
    }
  | { kind: 'objnot'; nouns: ReadonlySet<string> }
  /** No "X …" phrase headed by a listed noun: "versammelten sich zum Gebet" is no protest. */
  | { kind: 'noprep'; preposition: string; nouns: ReadonlySet<string> }
  | { kind: 'obj'; nouns: ReadonlySet<string> }
  /** An adverb A or B on the verb: "griff die Kommission scharf an" attacks in words. */
  | { kind: 'adv'; words: ReadonlySet<string> }
  /** The active subject is a listed noun (also a compound's last part): "Das Landgericht verurteilte …". */
  | { kind: 'subj'; nouns: ReadonlySet<string> }
  /** In the passive, what is done is done to a person: "Der Mann wurde verurteilt" (not "der Anschlag"). */
  | { kind: 'person' }
  /** Every one of several frames, written joined by commas: "agent,notnear:Tatort|Unfallort". */
  | { kind: 'all'; frames: readonly Frame[] };

export interface LexiconEntry {
  kind: EntryKind;
  /** Verb lemma with particle joined, noun lemma, or "Noun verb" for a light pair. */
  lemma: string;
  type: PloverType;
  mode: string | null;
  cameo: string;
  frame: Frame;
  /** Sector of the source when the text names none. */
  agent: string | null;
  example: string;
  /** Where the entry is written: `data/events/de/lexicon.tsv:123`. */
  where: string;
}

export interface CameoCode {
  code: string;
  goldstein: number;
  name: string;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass: 1 | 2 | 3 | 4;
}

export type CueKind = 'negation' | 'mark' | 'modal' | 'governor' | 'adverb' | 'support';

export interface EventLexicon {
  entries: LexiconEntry[];
  /** Verb lemma → entries, those with a frame first (they are tried before the plain reading). */
  verbs: Map<string, LexiconEntry[]>;
  /** Lower-cased noun lemma → entry. */
  nouns: Map<string, LexiconEntry>;
  /** "noun|verb" (noun lower-cased, ß as ss) → entry. */
  light: Map<string, LexiconEntry>;
  /** The verbs of the noun + verb pairs and the support verbs. */
  lightVerbs: Set<string>;
  cameo: Map<string, CameoCode>;
  /** word → effect, per cue kind. */
  cues: Record<CueKind, Map<string, Modality>>;
}

const LEXICON_FILE = 'events/de/lexicon.tsv';
const MODES_BY_TYPE: Partial<Record<PloverType, readonly string[]>> = {
  CONSULT: ['visit', 'third-party', 'multilateral', 'phone'],
  RETREAT: ['withdraw', 'release', 'disarm', 'ceasefire', 'access', 'resign'],
  REQUEST: ['assist', 'change', 'yield', 'meet'],
  ACCUSE: ['disapprove', 'investigate', 'allege'],
  REJECT: ['assist', 'change', 'yield', 'meet'],
  THREATEN: ['restrict', 'arrest', 'relations', 'expel', 'territory', 'violence'],
  PROTEST: ['demo', 'riot', 'strike', 'hunger', 'boycott', 'obstruct', 'vandalize'],
  SANCTION: ['convict', 'expel', 'withdraw', 'discontinue'],
  MOBILIZE: ['troops', 'weapons', 'police', 'militia'],
  COERCE: [
    'seize',
    'restrict',
    'censor',
    'curfew',
    'martial-law',
    'arrest',
    'deport',
    'withhold',
    'misinformation',
    'cyber',
  ],
  ASSAULT: [
    'abduct',
    'beat',
    'torture',
    'sexual',
    'targeted',
    'destroy',
    'primitive',
    'firearms',
    'explosives',
    'suicide-attack',
    'aerial',
    'drone',
    'heavy-weapons',
    'crowd-control',
    'unconventional',
  ],
};
const MODALITIES = new Set<string>(['asserted', 'negated', 'planned', 'hypothetical', 'alleged']);
/** The order in which a verb's readings are tried (stable within one rank: the file's order). */
const FRAME_ORDER: Record<Frame['kind'], number> = {
  all: 0,
  noobj: 0,
  refl: 0,
  norefl: 1,
  prep: 0,
  objnot: 0,
  noprep: 1,
  obj: 0,
  adv: 0,
  subj: 0,
  person: 0,
  trans: 1,
  actors: 1,
  agent: 1,
  noun: 1,
  notnear: 1,
  none: 2,
};

const CUE_KINDS = new Set<string>(['negation', 'mark', 'modal', 'governor', 'adverb', 'support']);

/**
 * "notafter:Miet|Kauf", "sing", "plur", "notnear:A|B", "objgen", "country", or several of them joined by a
 * comma.
 */
function nounFrame(value: string, where: string): Frame {
  let modifiers: string[] = [];
  let number: 'Sing' | 'Plur' | null = null;
  let notNear = new Set<string>();
  let objectGenitive = false;
  let country = false;
  for (const part of value.split(',')) {
    if (part === 'sing' || part === 'plur') number = part === 'sing' ? 'Sing' : 'Plur';
    else if (part === 'objgen') objectGenitive = true;
    else if (part === 'country') country = true;
    else if (part.startsWith('notafter:')) modifiers = part.slice(9).toLowerCase().split('|');
    else if (part.startsWith('notnear:')) notNear = new Set(part.slice(8).toLowerCase().split('|'));
    else throw new Error(`${where}: unknown frame ${value}`);
  }
  return { kind: 'noun', modifiers, number, notNear, objectGenitive, country };
}

function parseFrame(value: string, where: string): Frame {
  if (value === '-') return { kind: 'none' };
  if (value.includes(',')) return { kind: 'all', frames: value.split(',').map((part) => parseFrame(part, where)) };
  if (
    value === 'noobj' ||
    value === 'refl' ||
    value === 'norefl' ||
    value === 'trans' ||
    value === 'actors' ||
    value === 'agent' ||
    value === 'person'
  )
    return { kind: value };
  if (value.startsWith('subj:')) return { kind: 'subj', nouns: new Set(value.slice(5).toLowerCase().split('|')) };
  if (value.startsWith('notnear:')) return { kind: 'notnear', nouns: new Set(value.slice(8).toLowerCase().split('|')) };
  if (value.startsWith('prep:')) {
    const [phrase = '', listed] = value.slice(5).split('=');
    const [preposition = '', actor] = phrase.split('+');
    if (actor !== undefined && actor !== 'actor') throw new Error(`${where}: unknown frame ${value}`);
    const list = (text: string): Set<string> => new Set(text.toLowerCase().split('|'));
    const except = listed?.startsWith('!') ? list(listed.slice(1)) : null;
    const nouns = listed === undefined || except ? null : list(listed);
    return { kind: 'prep', preposition, actor: actor === 'actor', nouns, except };
  }
  if (value.startsWith('objnot:')) return { kind: 'objnot', nouns: new Set(value.slice(7).toLowerCase().split('|')) };
  if (value.startsWith('noprep:')) {
    // "noprep:aus" alone: no "aus …" phrase at all.
    const [preposition = '', listed = ''] = value.slice(7).split('=');
    return { kind: 'noprep', preposition, nouns: new Set(listed ? listed.toLowerCase().split('|') : []) };
  }
  if (value.startsWith('obj:')) return { kind: 'obj', nouns: new Set(value.slice(4).toLowerCase().split('|')) };
  if (value.startsWith('adv:')) return { kind: 'adv', words: new Set(value.slice(4).toLowerCase().split('|')) };
  throw new Error(`${where}: unknown frame ${value}`);
}

function quadClassOf(code: string): CameoCode['quadClass'] {
  const root = Number(code.slice(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

function build(): EventLexicon {
  const cameo = new Map<string, CameoCode>();
  for (const { cells } of readLexiconLines('events/cameo.tsv')) {
    const [code = '', goldstein = '', name = ''] = cells;
    cameo.set(code, { code, goldstein: Number(goldstein), name, quadClass: quadClassOf(code) });
  }
  const lexicon: EventLexicon = {
    entries: [],
    verbs: new Map(),
    nouns: new Map(),
    light: new Map(),
    lightVerbs: new Set(),
    cameo,
    cues: {
      negation: new Map(),
      mark: new Map(),
      modal: new Map(),
      governor: new Map(),
      adverb: new Map(),
      support: new Map(),
    },
  };
  for (const { line, cells } of readLexiconLines(LEXICON_FILE)) {
    const where = `data/${LEXICON_FILE}:${line}`;
    const [kind = '', lemma = '', type = '', mode = '', code = '', frame = '', agent = '', example = ''] = cells;
    if (kind !== 'verb' && kind !== 'noun' && kind !== 'light') throw new Error(`${where}: unknown kind ${kind}`);
    if (!(PLOVER_TYPES as readonly string[]).includes(type)) throw new Error(`${where}: unknown type ${type}`);
    if (mode !== '-' && !MODES_BY_TYPE[type as PloverType]?.includes(mode))
      throw new Error(`${where}: ${mode} is not a PLOVER mode of ${type}`);
    if (!cameo.has(code)) throw new Error(`${where}: CAMEO code ${code} is not in data/events/cameo.tsv`);
    if (!example) throw new Error(`${where}: no example sentence`);
    const entry: LexiconEntry = {
      kind,
      lemma,
      type: type as PloverType,
      mode: mode === '-' ? null : mode,
      cameo: code,
      frame: kind === 'noun' && frame !== '-' ? nounFrame(frame, where) : parseFrame(frame, where),
      agent: agent === '-' ? null : agent,
      example,
      where,
    };
    lexicon.entries.push(entry);
    if (kind === 'verb') {
      const list = lexicon.verbs.get(lemma) ?? [];
      list.push(entry);
      // Conditions on the words of the clause first, then those on who acts; the plain reading is the fallback.
      list.sort((a, b) => FRAME_ORDER[a.frame.kind] - FRAME_ORDER[b.frame.kind]);
      lexicon.verbs.set(lemma, list);
    } else if (kind === 'noun') {
      lexicon.nouns.set(lemma.toLowerCase(), entry);
    } else {
      const [noun = '', verb = ''] = lemma.split(' ');
      lexicon.light.set(`${lightKey(noun)}|${verb}`, entry);
      lexicon.lightVerbs.add(verb);
    }
  }
  for (const { line, cells } of readLexiconLines('events/de/modality.tsv')) {
    const [word = '', kind = '', effect = ''] = cells;
    if (!CUE_KINDS.has(kind) || !MODALITIES.has(effect))
      throw new Error(`data/events/de/modality.tsv:${line}: bad cue ${kind} ${effect}`);
    lexicon.cues[kind as CueKind].set(word, effect as Modality);
    if (kind === 'support') lexicon.lightVerbs.add(word);
  }
  return lexicon;
}

let lexicon: EventLexicon | undefined;

export function eventLexicon(): EventLexicon {
  lexicon ??= build();
  return lexicon;
}

/** Whether a compound's first part (lower case) makes the entry's compounds no event ("Miet", "Handy"). */
export function isExcludedModifier(entry: LexiconEntry, modifier: string): boolean {
  const f = entry.frame;
  return (
    f.kind === 'noun' &&
    f.modifiers.some((m) => modifier.endsWith(m) || modifier.endsWith(`${m}s`) || modifier.endsWith(`${m}es`))
  );
}

/**
 * The entry for a noun, also as the last part of a compound ("Massenproteste" → Protest): the longest
 * entry that ends the lemma, at least five letters long, wins ("Haft" would match "Botschaft"). Not after
 * a prefix or a particle, which make a derivation with a meaning of its own ("Entwarnung" is no warning,
 * "Eintreffen" no meeting, "Anforderungen" no demands), nor after a part shorter than three letters
 * ("Vermittlungsverfahren" is no "Ermittlungsverfahren"); and where the morphology lexicon (`words`)
 * knows a longer last part, that one decides ("Verunreinigung" ends in "Reinigung", not in "Einigung").
 */
export function nounEntry(
  lex: EventLexicon,
  lemma: string,
  form?: string,
  words?: Lexicon | null,
): LexiconEntry | null {
  for (const key of nounKeys(lemma, form)) {
    const direct = lex.nouns.get(key);
    if (direct) return direct;
  }
  const lower = lemma.toLowerCase().replace(/ß/g, 'ss');
  for (let i = 1; i <= lower.length - 5; i++) {
    const entry = lex.nouns.get(lower.slice(i));
    if (!entry) continue;
    // "Handy-Vertrag": the hyphen belongs to neither part.
    const modifier = lower.slice(0, lower[i - 1] === '-' ? i - 1 : i);
    if (modifier.length < 3 || NOT_COMPOUND_PARTS.has(modifier)) return null;
    // "Mietvertrag", "Kaufvertrag": the entry names the first parts that make its compounds no event.
    if (isExcludedModifier(entry, modifier)) return null;
    // The morphology lexicon's own split decides: a longer known last part is another noun
    // ("Verunreinigung"), a shorter one another split ("Rück|lage", not "Rüc|klage").
    const head = words?.nounHead(lemma) ?? null;
    if (head === null || head.length === lower.length - i) return entry;
    return head.length > lower.length - i ? (lex.nouns.get(head.toLowerCase().replace(/ß/g, 'ss')) ?? null) : null;
  }
  return null;
}

/** Whether a first part is a prefix or particle that derives a noun ("Bei|spiel") rather than compounds it. */
export function isDerivingPart(modifier: string): boolean {
  return NOT_COMPOUND_PARTS.has(modifier);
}

/** Prefixes and verb particles that derive nouns rather than compound them. */
const NOT_COMPOUND_PARTS = new Set(
  'ent ver zer emp miss ein auf aus bei nach vor zurück wieder heraus herab hinaus hinein herbei über unter durch dar'.split(
    ' ',
  ),
);

/**
 * Keys to look a noun up by: its lemma (also in reformed spelling: "Kompromiß" → "kompromiss"), and where
 * the lemmatiser kept an inflected form ("Spenden"), the form without its plural ending.
 */
function nounKeys(lemma: string, form?: string): string[] {
  const lower = lemma.toLowerCase();
  const keys = [lower, lower.replace(/ß/g, 'ss')];
  if (form) {
    const f = form.toLowerCase();
    keys.push(f);
    // Not "-er": it makes agent nouns of events ("Kritiker", "Besucher"), no plural of an event noun.
    for (const ending of ['en', 'n', 'e', 's']) if (f.endsWith(ending)) keys.push(f.slice(0, -ending.length));
  }
  return keys;
}

/** A pair's noun as looked up: lower case, reformed spelling ("Warnschuß" → "warnschuss"). */
function lightKey(noun: string): string {
  return noun.toLowerCase().replace(/ß/g, 'ss');
}

/** The pair entry for a noun under a verb, also for compounds ("Wirtschaftssanktionen verhängen"). */
export function lightEntry(lex: EventLexicon, nounLemma: string, verbLemma: string): LexiconEntry | null {
  const lower = lightKey(nounLemma);
  const direct = lex.light.get(`${lower}|${verbLemma}`);
  if (direct) return direct;
  for (let i = 1; i <= lower.length - 5; i++) {
    const e = lex.light.get(`${lower.slice(i)}|${verbLemma}`);
    if (e) return e;
  }
  return null;
}
