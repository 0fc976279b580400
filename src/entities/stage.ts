/**
 * The entities stage: named-entity mentions from the NER tagger, grouped into entities (in-document
 * coreference by name: a surname alone joins the full name, spelling variants meet through `nameKey`),
 * each with its canonical name (the fullest form), an actor code and, for places, coordinates.
 */
import type { Actor, Doc, Entity, EntityType, Place, TextSpan } from '../document.js';
import type { Stage } from '../pipeline.js';
import { chunksOf } from '../eval/germeval.js';
import { loadNerTagger } from '../ner/tagger.js';
import {
  actorDictionary,
  actorOf,
  personActorOf,
  countryOfPrefix,
  countryNamedBy,
  countryOfName,
  countryOfWord,
  roleSectorOf,
  type ActorDictionary,
} from './actors.js';
import { loadPlaces } from './places.js';
import {
  extendLeadingParticles,
  isFirstName,
  joinMissedSurnames,
  joinNameParticles,
  withoutLeadingParticles,
} from './name-particles.js';
import { nameKey, surnameKey } from './name-key.js';
import { GAZ, gazetteerKey, loadGazetteer } from '../ner/gazetteer.js';
import { SENTENCE_STARTERS } from '../text/tokenizer.js';
import { loadNameHeads } from '../ner/heads.js';
import { readLexiconRows, readWordSet } from '../util/lexicon.js';
import { startsUpper } from '../text/chars.js';
import { TIME_ZONES } from '../times/words.js';
import { loadMorphTagger } from '../morph/tagger.js';

/** A NER token: one document token, or a hyphen compound the tokenizer split ("US", "-", "Außenminister"). */
export interface NerToken {
  start: number;
  end: number;
  text: string;
  xpos: string;
  sentence: number;
}

export interface Mention extends TextSpan {
  type: EntityType;
  sentence: number;
  /** Index of the mention's first and one past its last NER token in the document's NER token list. */
  first: number;
  last: number;
}

const TYPE_OF: Record<string, EntityType> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', OTH: 'MISC' };

/**
 * A seat of power alone ("der Kreml") acts as an organisation; a country's name the tagger called an
 * organisation ("von der Demokratischen Republik Kongo gesucht") is the place that acts.
 */
function retyped(type: EntityType, text: string, d: ActorDictionary): EntityType {
  if (type === 'LOC' && isSeatOfPowerOnly(text, d)) return 'ORG';
  if (type === 'ORG' && d.countryByName.has(gazetteerKey(text))) return 'LOC';
  if (type === 'PER' && isPlaceGenitive(text)) return 'LOC';
  return type;
}

/**
 * "Brandenburgs Wirtschaftsminister", "Bayerns Regierung": one word in -s whose base is a listed country,
 * region or large city (and no first name; many places are surnames too) is a place's genitive, whatever
 * the tagger called it.
 */
function isPlaceGenitive(text: string): boolean {
  if (!/^\p{Lu}\p{Ll}+s$/u.test(text)) return false;
  const gazetteer = loadGazetteer();
  const base = gazetteer.lookupWord(gazetteerKey(text.slice(0, -1)));
  return (base & (GAZ.country | GAZ.region | GAZ.bigCity)) !== 0 && (base & GAZ.firstName) === 0;
}

/** Prefixes before a hyphen that are no part of the name after them ("Ex-Jugoslawien"). */
const NAME_PREFIXES: ReadonlySet<string> = readWordSet('ner/de/name-prefixes.txt');

/**
 * Where the name is in a hyphen compound the tagger calls a -part ("EU-Budget"): the part before the
 * hyphen; after a prefix, the whole prefixed name ("Ex-Jugoslawien") or the name between the prefix and
 * the rest ("Anti-Trump-Kurs": Trump). Null when no capitalised name starts the compound.
 */
export function nameInCompound(word: string): { offset: number; length: number } | null {
  const hyphen = word.indexOf('-');
  if (hyphen <= 0 || !startsUpper(word)) return null;
  if (!NAME_PREFIXES.has(word.slice(0, hyphen))) return { offset: 0, length: hyphen };
  const rest = word.slice(hyphen + 1);
  if (!startsUpper(rest)) return null;
  const next = rest.indexOf('-');
  return next > 0 ? { offset: hyphen + 1, length: next } : { offset: 0, length: word.length };
}

function nerTokens(doc: Doc): NerToken[] {
  const out: NerToken[] = [];
  const { start, end } = doc.tokens;
  for (let s = 0; s < doc.sentences.count; s++) {
    const first = doc.sentences.firstToken[s] as number;
    const stop = doc.sentences.endToken[s] as number;
    for (let t = first; t < stop; t++) {
      let e = t;
      // Glue "X - Y" back together when no space separates them (GermEval keeps compounds whole).
      while (
        e + 2 < stop &&
        end[e] === start[e + 1] &&
        end[e + 1] === start[e + 2] &&
        doc.text.slice(start[e + 1], end[e + 1]) === '-'
      )
        e += 2;
      out.push({
        start: start[t] as number,
        end: end[e] as number,
        text: doc.text.slice(start[t], end[e]),
        xpos: doc.morph ? (doc.morph.xpos[e] as string) : '_',
        sentence: s,
      });
      t = e;
    }
  }
  return out;
}

/** Genitive endings do not belong to the name: "Lukaschenkos" → "Lukaschenko", "Belarus'" → "Belarus". */
function withoutGenitive(text: string, known: ReadonlySet<string>): string {
  if (text.endsWith("'") || text.endsWith('’')) return text.slice(0, -1);
  if (text.length > 3 && text.endsWith('s') && known.has(text.slice(0, -1).toLowerCase())) return text.slice(0, -1);
  return text;
}

/** Keys compare skeletons only where they are long enough to say something; else the exact name. */
function matchKey(name: string): string {
  const key = nameKey(name);
  return key.replace(/ /g, '').length >= 3 ? key : `=${gazetteerKey(name)}`;
}

export function findMentions(doc: Doc, tokens: readonly NerToken[]): { mentions: Mention[]; countries: string[] } {
  const ner = loadNerTagger();
  const mentions: Mention[] = [];
  const countries: string[] = [];
  if (!ner) return { mentions, countries };
  const d = actorDictionary();
  let i = 0;
  while (i < tokens.length) {
    const s = tokens[i]!.sentence;
    let j = i;
    while (j < tokens.length && tokens[j]!.sentence === s) j++;
    const sentence = tokens.slice(i, j);
    const labels = ner.tag({ forms: sentence.map((t) => t.text), xpos: sentence.map((t) => t.xpos) });
    const sentenceMentions = mentions.length;
    for (const chunk of chunksOf(labels)) {
      if (chunk.type === 'PER') chunk.end = surnameRun(sentence, labels, chunk.end);
      englishIslandName(sentence, chunk);
      // "General Soleimani", "Richter Seidling": a role word the tagger took into the name is its role.
      // (A lone "Richter" may be the surname; "Prof. Dr." alone names no one.)
      let named = chunk.start;
      while (chunk.type === 'PER' && named < chunk.end && isRoleWord(sentence[named]!.text)) named++;
      // A role alone right before a person's name is the name's title ("sagte Richter Hisashi Owada", tagged
      // as two persons).
      if (named === chunk.end && (chunk.end - chunk.start > 1 || labels[chunk.end] === 'B-PER')) continue;
      if (named < chunk.end) chunk.start = named;
      const first = sentence[chunk.start]!;
      const last = sentence[chunk.end - 1]!;
      const base = chunk.type.slice(0, 3);
      const type = TYPE_OF[base];
      if (!type || (chunk.end - chunk.start === 1 && TIME_ZONES.has(first.text))) continue;
      if (isRoleBeforeName(sentence, labels, chunk)) continue;
      if (chunk.type.endsWith('deriv')) {
        const country = d.countryByAdjective.get(first.text.toLowerCase());
        if (country) countries.push(country);
        continue;
      }
      // "hunderte Osttimoresen": a country's people, which the tagger took for a place, say its country.
      const demonymOf = chunk.end - chunk.start === 1 ? d.countryByDemonym.get(gazetteerKey(first.text)) : undefined;
      if (demonymOf && chunk.type === 'LOC') {
        countries.push(demonymOf);
        continue;
      }
      let start = first.start;
      let end = last.end;
      // "Wieczorek-Zeul": a person's part before a hyphen, with a name after it that is no word, is a double
      // surname, not a name inside a compound ("Merkel-Regierung").
      const doubleName = base === 'PER' && chunk.end - chunk.start === 1 && isDoubleName(first.text);
      if (chunk.type.endsWith('part') && !doubleName) {
        const part = chunk.end - chunk.start === 1 ? nameInCompound(first.text) : null;
        if (!part) continue;
        start += part.offset;
        end = start + part.length;
      }
      // "G8-Gipfel", "EU-Kommission" tagged whole: a dictionary name before the hyphen is the mention.
      const prefixType = chunk.end - chunk.start === 1 ? knownPrefix(first.text, d) : null;
      if (prefixType) {
        const hyphen = first.text.indexOf('-');
        mentions.push({
          type: prefixType,
          start,
          end: start + hyphen,
          text: first.text.slice(0, hyphen),
          sentence: s,
          first: i + chunk.start,
          last: i + chunk.end,
        });
        continue;
      }
      const parts = placeParts(sentence, chunk.start, chunk.end, type, d);
      let from = chunk.start;
      for (const to of parts) {
        const at = from === chunk.start ? start : sentence[from]!.start;
        const text = doc.text.slice(at, to === chunk.end ? end : sentence[to - 1]!.end);
        const own =
          parts.length > 1 || isMultiWordCity(text, type)
            ? 'LOC'
            : (kindBefore(sentence, chunk.start) ?? (afterWeatherNoun(sentence, chunk.start) ? 'MISC' : type));
        mentions.push({
          type: retyped(own, text, d),
          start: at,
          end: at + text.length,
          text,
          sentence: s,
          first: i + from,
          last: i + to,
        });
        from = to;
      }
    }
    joinNameParticles(doc, sentence, i, mentions, sentenceMentions);
    joinMissedSurnames(doc, sentence, i, mentions, sentenceMentions);
    addDictionaryMentions(doc, sentence, i, mentions, sentenceMentions, d);
    i = j;
  }
  propagateSurnames(doc, tokens, mentions);
  extendLeadingParticles(doc, tokens, mentions);
  mentions.sort((a, b) => a.start - b.start);
  return { mentions, countries };
}

/** A noun that introduces a person's name (data/ner/de/heads.tsv ROLE: "General", "Richter", "Dr."). */
function isRoleWord(word: string): boolean {
  return loadNameHeads().listedKindOf(word.toLowerCase()) === 'ROLE';
}

/**
 * "erklärte Projektkoordinator Andreas Grassauer": a word the tagger took for a person of its own right
 * before a person's name, and on no list of first names or surnames, is the name's role.
 */
function isRoleBeforeName(
  sentence: readonly NerToken[],
  labels: readonly string[],
  chunk: { start: number; end: number; type: string },
): boolean {
  if (chunk.type !== 'PER' || chunk.end - chunk.start !== 1 || labels[chunk.end] !== 'B-PER') return false;
  const flags = loadGazetteer().lookupWord(sentence[chunk.start]!.text.toLowerCase());
  return (flags & (GAZ.firstName | GAZ.surname)) === 0;
}

/**
 * "Long Island", "Tropical Island", "Lady Elliot Island": an English island name, which the German
 * "Island" (Iceland) is not. The chunk grows back over the foreign word before it (a name, or a word the
 * morphology lexicon does not know: "der Inselstaat Island" stays Iceland) and is a place.
 */
function englishIslandName(sentence: readonly NerToken[], chunk: { start: number; end: number; type: string }): void {
  const last = sentence[chunk.end - 1]!.text;
  if (last !== 'Island' && last !== 'Islands') return;
  const lexicon = loadMorphTagger()?.lexicon ?? null;
  // "Islands" is also Iceland's genitive ("der EU-Beitritt Islands"): there only names come before it.
  const foreign = (t: NerToken): boolean =>
    startsUpper(t.text) &&
    !t.text.includes('-') &&
    (t.xpos === 'NE' || t.xpos === 'FM' || (last === 'Island' && t.xpos === 'NN' && lexicon?.lookup(t.text) === null));
  // One word back at most: "überquerte Hamish Fraser Island" (the cyclone Hamish crossed Fraser Island).
  const k = chunk.start > 0 && foreign(sentence[chunk.start - 1]!) ? chunk.start - 1 : chunk.start;
  if (k === chunk.end - 1) return;
  chunk.start = k;
  chunk.type = 'LOC';
}

/**
 * What the noun right before a quoted name says it is: "die Überwachungsgruppe „Honest People“" names an
 * organisation, "die Straße „…“" a place, "der Roman „Atemschaukel“" a work (name-kind heads,
 * data/ner/de/heads.tsv); null otherwise.
 */
function kindBefore(sentence: readonly NerToken[], first: number): EntityType | null {
  if (first < 2 || !/^["„»“]$/.test(sentence[first - 1]!.text)) return null;
  const noun = sentence[first - 2]!;
  if (noun.xpos !== 'NN') return null;
  const kind = loadNameHeads().kindOf(noun.text.toLowerCase());
  // "der Roman „Atemschaukel“", "die Sendung „Schwaben & Altbayern“": a quoted title is a work — but a
  // magazine or journal is also its publisher, as a newspaper is: the tagger's type stays.
  if (kind === 'WORK') return /(magazin|zeitschrift)$/.test(noun.text.toLowerCase()) ? null : 'MISC';
  return kind === 'ORG' ? 'ORG' : kind === 'LOC' ? 'LOC' : null;
}

/** A storm or pressure system's name: "Tiefdruckgebiet Yolanthe", "Hurrikan Katrina", "Orkan Kyrill". */
function afterWeatherNoun(sentence: readonly NerToken[], first: number): boolean {
  const noun = sentence[first - 1];
  return !!noun && noun.xpos === 'NN' && WEATHER_NOUN.test(noun.text);
}

const WEATHER_NOUN = /(?:^Tief|^Hoch|tief|druckgebiet|^Hurrikan|^Orkan|sturm|^Sturmtief|^Taifun|^Zyklon|^Tornado)s?$/;

/**
 * The type of a dictionary name before the hyphen of a compound whose head is a common noun ("G8-Gipfel",
 * "Nato-Truppen"), when the whole compound is no dictionary name itself ("EU-Kommission" is); else null.
 */
function knownPrefix(word: string, d: ActorDictionary): EntityType | null {
  const hyphen = word.indexOf('-');
  if (hyphen <= 0 || hyphen === word.length - 1) return null;
  const whole = gazetteerKey(word);
  if (d.organisation.has(whole) || d.countryByName.has(whole)) return null;
  const head = word.slice(hyphen + 1);
  if (!/^\p{Lu}\p{Ll}+$/u.test(head) || !(COMMON_HEADS.test(head) || isCommonNoun(head))) return null;
  const prefix = gazetteerKey(word.slice(0, hyphen));
  if (d.organisation.has(prefix)) return 'ORG';
  return null;
}

/** Two capitalised parts joined by a hyphen, the second no word of the lexicon: "Wieczorek-Zeul". */
function isDoubleName(word: string): boolean {
  const parts = word.split('-');
  if (parts.length !== 2 || !parts.every((p) => /^\p{Lu}\p{Ll}+$/u.test(p))) return false;
  const lexicon = loadMorphTagger()?.lexicon;
  return !isCommonNoun(parts[1] as string) && !(lexicon?.has(parts[1] as string) ?? false);
}

/** A word the morphology lexicon knows as a common noun ("Fahrzeugen" in "UN-Fahrzeugen"). */
function isCommonNoun(word: string): boolean {
  return (
    loadMorphTagger()
      ?.lexicon?.lookup(word)
      ?.analyses.some((a) => a.pos === 'N') ?? false
  );
}

/** Heads of compounds that name something about an organisation, not the organisation itself. */
const COMMON_HEADS =
  /^(Gipfel|Gipfels|Treffen|Konferenz|Staaten|Länder|Mitglieder|Mitgliedern|Truppen|Soldaten|Mission|Einsatz|Sanktionen|Beitritt|Vertrag|Vertrags)$/;

/**
 * The actor code of a dictionary organisation: an IGO by its own code; others by sector, with their
 * country where the code has one ("DEUMIL" for the Bundeswehr), insurgents with the article's country.
 */
function organisationActor(org: { code: string; kind: string }, focus: string | null): Actor | null {
  if (org.kind === 'IGO') return { code: org.code, country: org.code, sector: 'IGO' };
  if (org.code.length === 6) return actorOf(org.code.slice(0, 3), org.code.slice(3));
  return actorOf(org.kind === 'INS' ? focus : null, org.kind);
}

/**
 * One name, one person, all through the document: once "Sebastian Pflugbeil" is tagged, a later
 * "Pflugbeil" the tagger missed (or took for a place) is a mention of him, and a tagged "Sebastian"
 * followed by "Pflugbeil" grows to the full name.
 */
function propagateSurnames(doc: Doc, tokens: readonly NerToken[], mentions: Mention[]): void {
  const surnames = new Set<string>();
  /** Surnames of persons named with a listed first name ("Muhammad Husni Mubarak", not "Palma de Mallorca"). */
  const firstNamed = new Set<string>();
  const gazetteer = loadGazetteer();
  for (const m of mentions) {
    if (m.type !== 'PER' || m.last - m.first < 2) continue;
    const surname = tokens[m.last - 1]!.text;
    if (!/^\p{Lu}\p{Ll}{2,}/u.test(surname) || SENTENCE_STARTERS.has(surname)) continue;
    surnames.add(surname);
    if (isFirstName(tokens[m.first]!.text)) firstNamed.add(surname);
  }
  if (surnames.size === 0) return;
  // "Mubarak, der seit 1981 …" after "Muhammad Husni Mubarak": the surname alone the tagger called a place
  // or organisation is the person, unless a dictionary or the geocoder knows it as a place or organisation.
  const d = actorDictionary();
  for (const m of mentions) {
    if (m.type === 'PER' || m.last - m.first !== 1) continue;
    const word = m.text.endsWith('s') && !firstNamed.has(m.text) ? m.text.slice(0, -1) : m.text;
    if (!firstNamed.has(word)) continue;
    const key = gazetteerKey(word);
    if (d.countryByName.has(key) || d.seatOfPower.has(key) || d.countryByRegion.has(key) || d.organisation.has(key))
      continue;
    const listed = GAZ.country | GAZ.city | GAZ.region | GAZ.organisation | GAZ.igo | GAZ.other;
    if ((gazetteer.lookup(key) & listed) !== 0 || loadPlaces().candidates(key).length > 0) continue;
    m.type = 'PER';
  }
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) covered.fill(1, m.first, m.last);
  for (const m of mentions) {
    const next = tokens[m.last];
    if (m.type === 'PER' && next && !covered[m.last] && surnames.has(next.text) && next.sentence === m.sentence) {
      m.last++;
      m.end = next.end;
      m.text = doc.text.slice(m.start, m.end);
      covered[m.last - 1] = 1;
    }
  }
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (covered[t] || !surnames.has(token.text) || !/^(NE|NN|FM)$/.test(token.xpos)) continue;
    mentions.push({
      type: 'PER',
      start: token.start,
      end: token.end,
      text: token.text,
      sentence: token.sentence,
      first: t,
      last: t + 1,
    });
  }
}

/**
 * A name of several words tagged as a person or organisation that is a big city the geocoder knows
 * ("Addis Abeba", "Buenos Aires"): the tagger has too few such names to learn them.
 */
function isMultiWordCity(text: string, type: EntityType): boolean {
  if (type === 'LOC' || !/\s/.test(text)) return false;
  return loadPlaces()
    .candidates(gazetteerKey(text))
    .some((p) => p.population >= 100_000);
}

/**
 * Where a person's name really ends: Spanish and Portuguese names carry two surnames ("Alfredo Pérez
 * Rubalcaba"), and the tagger often stops after the first. Proper nouns right after it that the tagger
 * left outside any name belong to it (at most two).
 */
function surnameRun(sentence: readonly NerToken[], labels: readonly string[], end: number): number {
  let k = end;
  while (
    k < sentence.length &&
    k < end + 2 &&
    labels[k] === 'O' &&
    sentence[k]!.xpos === 'NE' &&
    /^\p{Lu}\p{Ll}/u.test(sentence[k]!.text) &&
    !SENTENCE_STARTERS.has(sentence[k]!.text)
  )
    k++;
  return k;
}

/** A known place: a country by any of its names, or a name the geocoder finds. */
function isKnownPlace(key: string, d: ActorDictionary): boolean {
  return d.countryByName.has(key) || loadPlaces().candidates(key).length > 0;
}

/**
 * Where a tagged name of several words is really two places side by side ("ob die USA Minsk Sanktionen
 * auferlegen"): the ends of its parts, or just its own end. Split only when the whole is no known place
 * and both sides are; a name tagged as something else only when it starts with a country (the tagger
 * reads such pairs as organisations; "Bayern München" stays whole).
 */
function placeParts(
  sentence: readonly NerToken[],
  start: number,
  end: number,
  type: EntityType,
  d: ActorDictionary,
): number[] {
  if (end - start < 2 || type === 'PER') return [end];
  const key = (a: number, b: number): string =>
    gazetteerKey(
      sentence
        .slice(a, b)
        .map((t) => t.text)
        .join(' '),
    );
  if (isKnownPlace(key(start, end), d)) return [end];
  for (let k = start + 1; k < end; k++) {
    const left = key(start, k);
    if (type !== 'LOC' && !d.countryByName.has(left)) continue;
    if (isKnownPlace(left, d) && isKnownPlace(key(k, end), d)) return [k, end];
  }
  return [end];
}

/**
 * A seat of power that is no place the geocoder knows ("der Kreml", "das Weiße Haus") stands for the
 * government in news, as the dictionary codes it: an organisation, whatever the tagger said.
 */
function isSeatOfPowerOnly(text: string, d: ActorDictionary): boolean {
  const key = gazetteerKey(text);
  return d.seatOfPower.has(key) && !isKnownPlace(key, d);
}

/**
 * Names the dictionaries know but the tagger missed: countries, organisations and seats of power written
 * with a capital letter ("Kreml", "Litauen", "OSZE"), and a tagged mention cut short of a dictionary name
 * ("Europäische" of "Europäische Union") is extended to it.
 */
function addDictionaryMentions(
  doc: Doc,
  sentence: readonly NerToken[],
  offset: number,
  mentions: Mention[],
  /** Where the tagger's mentions of this sentence begin in `mentions`. */
  from: number,
  d: ActorDictionary,
): void {
  const places = loadPlaces();
  const covered = new Uint8Array(sentence.length);
  const own = mentions.slice(from);
  for (const m of own) for (let k = m.first; k < m.last; k++) covered[k - offset] = 1;
  const known = (key: string): EntityType | null =>
    d.countryByName.has(key) || (d.seatOfPower.has(key) && places.candidates(key).length > 0)
      ? 'LOC'
      : d.organisation.has(key) || d.seatOfPower.has(key)
        ? 'ORG'
        : null;
  const phrases = multiWordNames();
  for (let a = 0; a < sentence.length; a++) {
    const t = sentence[a]!;
    if (t.text[0] === t.text[0]?.toLowerCase()) continue;
    let best = -1;
    let type: EntityType | null = null;
    let key = '';
    for (let b = a; b < Math.min(sentence.length, a + 6); b++) {
      key += (b > a ? ' ' : '') + sentence[b]!.text.toLowerCase();
      const k =
        (b > a && phrases.firsts.has(t.text)
          ? phrases.names.get(doc.text.slice(t.start, sentence[b]!.end))
          : undefined) ??
        (b < a + 5 ? known(key) : null) ??
        (b === a && key.length > 4 && key.endsWith('s') ? known(key.slice(0, -1)) : null);
      if (k) {
        best = b;
        type = k;
      }
    }
    if (best < 0 || !type) continue;
    // A listed name of several words holds the tagger's shorter mentions inside it: "Bündnis 90/Die
    // Grünen" is one party, not "Grünen" after an alliance.
    const inside = own.filter((m) => m.first > offset + a && m.last <= offset + best + 1);
    if (inside.length > 0 && !own.some((m) => m.first < offset + best + 1 && m.last > offset + best + 1)) {
      for (const m of inside) {
        mentions.splice(mentions.indexOf(m), 1);
        own.splice(own.indexOf(m), 1);
        covered.fill(0, m.first - offset, m.last - offset);
      }
    }
    const existing = own.find((m) => m.first === offset + a);
    if (existing) {
      if (existing.last < offset + best + 1) {
        existing.last = offset + best + 1;
        existing.end = sentence[best]!.end;
        existing.text = doc.text.slice(existing.start, existing.end);
      }
      // The dictionary knows what the whole name is ("G8" is no person, "Bundeswehr" no place).
      if (existing.last === offset + best + 1) existing.type = type;
    } else if (!covered.subarray(a, best + 1).some((c) => c === 1)) {
      const start = t.start;
      const end = sentence[best]!.end;
      mentions.push({
        type,
        start,
        end,
        text: doc.text.slice(start, end),
        sentence: t.sentence,
        first: offset + a,
        last: offset + best + 1,
      });
    }
    a = best;
  }
}

let multiWord: { names: Map<string, EntityType>; firsts: Set<string> } | undefined;

/**
 * Names of several words from data/ner/de/names.tsv ("Bündnis 90/Die Grünen", "Amnesty International"),
 * as written: matched against the text with its case, so "die linke Hand" is no party; `firsts` holds
 * their first tokens, so that only text starting with one is looked up.
 */
function multiWordNames(): { names: Map<string, EntityType>; firsts: Set<string> } {
  if (!multiWord) {
    multiWord = { names: new Map(), firsts: new Set() };
    for (const [names = '', type = ''] of readLexiconRows('ner/de/names.tsv')) {
      const t = TYPE_OF[type];
      if (!t) continue;
      for (const n of names.split('|')) {
        if (!/[\s/]/.test(n)) continue;
        multiWord.names.set(n, t);
        multiWord.firsts.add(n.split(/[\s/]/)[0] as string);
      }
    }
  }
  return multiWord;
}

/** A country in the genitive ("Boliviens Präsident", "der Oberrabbiner Israels"), or null. */
function genitiveCountry(word: string, d: ActorDictionary): string | null {
  if (!word.endsWith('s') || !startsUpper(word)) return null;
  // "Brandenburgs Wirtschaftsminister": a state's or region's genitive gives its country.
  return countryOfName(word, d) ?? d.countryByRegion.get(gazetteerKey(word.slice(0, -1))) ?? null;
}

/** The country of a capital or a listed place ("Paris" → FRA), null if none is known. */
function placeCountry(name: string, d: ActorDictionary): string | null {
  return d.seatOfPower.get(gazetteerKey(name)) ?? loadPlaces().candidates(name)[0]?.country ?? null;
}

const PLACE_OR_GOAL_PREPOSITIONS = new Set(
  'zu zum zur bei beim in im ins an am auf mit nach für gegen aus über vor durch neben hinter'.split(' '),
);

/** Role and country from the words right before a person ("der polnische Außenminister Jacek …"). */
function personActor(
  tokens: readonly NerToken[],
  m: Mention,
  d: ActorDictionary,
): { sector: string | null; country: string | null } {
  let sector: string | null = null;
  let country: string | null = null;
  for (let k = m.first - 1; k >= Math.max(0, m.first - 5); k--) {
    const t = tokens[k]!;
    // The words before a person describe it only up to the verb: "Der Staatschef fordert Putin auf".
    if (t.sentence !== m.sentence || t.text === '.' || t.xpos.startsWith('V')) break;
    // …and not across the preposition it stands in: "fuhr ins Krankenhaus zu Reinke" (a "zu" the tagger
    // may take for the infinitive particle).
    // ("die Regierung von/unter Ali Larajedh", "die Forschungsgruppe um …" still say who the person is.)
    if (k === m.first - 1 && PLACE_OR_GOAL_PREPOSITIONS.has(t.text.toLowerCase())) break;
    if (t.text === ',') continue;
    sector ??= roleSectorOf(t.text, d);
    country ??= countryOfWord(t.text, d) ?? genitiveCountry(t.text, d);
    // "der Bürgermeister von Paris, Bertrand Delanoë": the country of the place the role is of.
    if (!country && tokens[k - 1]?.text === 'von' && startsUpper(t.text)) country = placeCountry(t.text, d);
    // "der Hohe Vertreter der EU, Josep Borrell": a person speaking for an IGO carries its code.
    const org = d.organisation.get(gazetteerKey(t.text));
    if (org?.kind === 'IGO' && !country) return { sector: null, country: org.code };
  }
  // Apposition: "Lukaschenko, der Staatschef von Belarus"
  const opener = tokens[m.last + 1];
  if (!sector && tokens[m.last]?.text === ',' && opener && (opener.xpos === 'ART' || roleSectorOf(opener.text, d))) {
    for (let k = m.last + 1; k < Math.min(tokens.length, m.last + 5); k++) {
      const t = tokens[k]!;
      if (t.sentence !== m.sentence || t.text === ',') break;
      sector ??= roleSectorOf(t.text, d);
      country ??= countryNamedBy(t.text, d) ?? genitiveCountry(t.text, d);
    }
  }
  return { sector, country };
}

/** Key `key` for `g`, or for no one (null) once two different values claim it. */
function claim<T>(map: Map<string, T | null>, key: string, g: T): void {
  map.set(key, map.has(key) && map.get(key) !== g ? null : g);
}

export function groupEntities(
  doc: Doc,
  tokens: readonly NerToken[],
  mentions: readonly Mention[],
  derivCountries: readonly string[],
): Entity[] {
  const d = actorDictionary();
  const places = loadPlaces();
  // Names as written, and the surnames of persons: "Hölzls Marke" is Kathrin Hölzl's.
  const known = new Set(mentions.map((m) => m.text.toLowerCase()));
  for (const m of mentions)
    if (m.type === 'PER' && m.text.includes(' ')) known.add(m.text.slice(m.text.lastIndexOf(' ') + 1).toLowerCase());
  const names = mentions.map((m) => withoutGenitive(m.text, known));
  interface Group {
    type: EntityType;
    mentions: number[];
  }
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const bySurname = new Map<string, Group | null>();
  /** Organisations by the first word of a name of several words (null: two organisations share it). */
  const byOrgHead = new Map<string, Group | null>();
  // Full names first, so that a surname alone finds its person wherever it occurs.
  const order = mentions.map((_, k) => k);
  // "Von der Leyen" is a surname alone: its particles are no first name.
  const words = (k: number): number => withoutLeadingParticles(names[k] as string).split(/\s+/).length;
  order.sort((a, b) => Number(words(b) > 1) - Number(words(a) > 1) || a - b);
  for (const k of order) {
    const m = mentions[k]!;
    // One entity per country and per organisation, whatever the name it goes by (Belarus, Weißrussland).
    const dictKey = gazetteerKey(names[k] as string);
    const country = m.type === 'LOC' ? d.countryByName.get(dictKey) : undefined;
    const org = m.type === 'ORG' ? d.organisation.get(dictKey) : undefined;
    const key = country
      ? `LOC:country:${country}`
      : org
        ? `ORG:org:${org.row}`
        : `${m.type}:${matchKey(names[k] as string)}`;
    let g = byKey.get(key);
    if (!g && m.type === 'PER' && words(k) === 1) g = bySurname.get(surnameKey(names[k] as string)) ?? undefined;
    // "Tesla" after "Tesla Motors", "Glock" after "Glock GmbH": the first word of an organisation's name,
    // alone, is that organisation, whatever the tagger called it (not a first name: "Claudia Roth Stiftung";
    // not a listed organisation, which is an entity of its own: "SPD", not a chunk "SPD Senat").
    if (!g && words(k) === 1 && m.type !== 'LOC' && !org && !isFirstName(names[k] as string))
      g = byOrgHead.get((names[k] as string).toLowerCase()) ?? undefined;
    if (!g) {
      g = { type: m.type, mentions: [] };
      groups.push(g);
      byKey.set(key, g);
      if (m.type === 'PER' && words(k) > 1) {
        const sk = surnameKey(names[k] as string);
        // Two people with one surname: a bare surname stays ambiguous and keeps its own entity.
        claim(bySurname, sk, g);
      }
      if (m.type === 'ORG' && words(k) > 1) {
        const head = (names[k] as string).split(/\s+/)[0]!.toLowerCase();
        claim(byOrgHead, head, g);
      }
    }
    g.mentions.push(k);
  }
  for (const g of groups) g.mentions.sort((a, b) => a - b);
  groups.sort((a, b) => (a.mentions[0] as number) - (b.mentions[0] as number));

  // The countries the article is about: named countries, their adjectives, their seats of power.
  const countryCount = new Map<string, number>();
  const count = (c: string | null | undefined): void => {
    if (c) countryCount.set(c, (countryCount.get(c) ?? 0) + 1);
  };
  for (const c of derivCountries) count(c);
  names.forEach((n, k) => {
    const key = gazetteerKey(n);
    if (mentions[k]!.type === 'LOC') count(d.countryByName.get(key) ?? d.seatOfPower.get(key));
  });
  const focus = [...countryCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const articleCountries = new Set(countryCount.keys());

  const year = doc.published ? Number(doc.published.slice(0, 4)) : null;
  return groups.map((g, index): Entity => {
    const texts = g.mentions.map((k) => names[k] as string);
    const longest = texts.reduce((best, t) => (t.length > best.length ? t : best), texts[0] as string);
    // The name as the article writes it (a place without its genitive -s); a country goes by its one German
    // name, whatever form the article uses ("der Russischen Föderation").
    const written = g.type === 'LOC' ? placeName(longest, d) : longest;
    const countryCode = g.type === 'LOC' ? d.countryByName.get(gazetteerKey(written)) : undefined;
    const name = countryCode ? (d.countryName.get(countryCode) as string) : written;
    const key = gazetteerKey(name);
    let actor = null;
    let place: Place | null = null;
    if (g.type === 'LOC') {
      const country = d.countryByName.get(key);
      const seat = d.seatOfPower.get(key);
      if (country) {
        actor = actorOf(country, null);
        place = { name, country, lat: null, lon: null, id: null };
      } else if (seat && !places.candidates(name).length) {
        actor = actorOf(seat, 'GOV');
      }
      if (!place) {
        const direct = places.resolve(name, articleCountries);
        const found = direct ?? placeAfterIn(doc, tokens, mentions[g.mentions[0] as number]!, articleCountries);
        // The place under the name the article uses; a square's fallback city under the city's.
        if (found)
          place = {
            name: direct ? name : found.name,
            country: found.country,
            lat: found.lat,
            lon: found.lon,
            id: found.id,
          };
      }
      // A state or region the place list lacks ("Brandenburg", "Kalifornien") still says its country.
      const regionCountry = d.countryByRegion.get(key);
      if (!place && regionCountry) place = { name, country: regionCountry, lat: null, lon: null, id: null };
    } else if (g.type === 'ORG') {
      // The dictionary may know a shorter name the group holds ("RTL" of "RTL Group").
      const org =
        d.organisation.get(key) ?? texts.map((t) => d.organisation.get(gazetteerKey(t))).find((o) => o !== undefined);
      const seat = d.seatOfPower.get(key);
      if (org) actor = organisationActor(org, focus);
      else if (seat) actor = actorOf(seat, 'GOV');
      else {
        const sector = roleSectorOf(name.split(/\s+/).pop() as string, d);
        const country = countryOfPrefix(name, d) ?? focus;
        if (sector) actor = actorOf(country, sector);
      }
    } else if (g.type === 'PER') {
      for (const k of g.mentions) {
        const found = personActor(tokens, mentions[k]!, d);
        if (found.sector || found.country) {
          actor = actorOf(found.country ?? (found.sector ? focus : null), found.sector);
          break;
        }
      }
      // No role in the text: the persons the dictionary knows, with the code they had then.
      actor ??= personActorOf(name, year, d);
    }
    return {
      id: `E${index + 1}`,
      type: g.type,
      name,
      mentions: g.mentions.map((k) => ({ start: mentions[k]!.start, end: mentions[k]!.end, text: mentions[k]!.text })),
      actor,
      place,
    };
  });
}

/** A place named in the genitive ("Russlands", "Kairos") under its own name, where that is known. */
function placeName(name: string, d: ActorDictionary): string {
  const key = gazetteerKey(name);
  if (!key.endsWith('s') || name.length < 5 || d.countryByName.has(key) || loadPlaces().candidates(name).length)
    return name;
  const base = name.slice(0, -1);
  const known = d.countryByName.has(gazetteerKey(base)) || d.countryByRegion.has(gazetteerKey(base));
  return known || loadPlaces().candidates(base).length ? base : name;
}

/** A square or street that is not in the gazetteer falls back to its city: "Puschkin-Platz in Minsk". */
function placeAfterIn(doc: Doc, tokens: readonly NerToken[], m: Mention, countries: ReadonlySet<string>) {
  const next = tokens[m.last];
  const city = tokens[m.last + 1];
  if (!next || !city || next.sentence !== m.sentence || city.sentence !== m.sentence) return null;
  if (next.text !== 'in' && next.text !== 'im') return null;
  return loadPlaces().resolve(city.text, countries);
}

export const entitiesStage: Stage = {
  name: 'entities',
  run(doc: Doc) {
    if (!doc.morph) return; // the tagger's STTS tags are NER features; without them, no entities
    const tokens = nerTokens(doc);
    const { mentions, countries } = findMentions(doc, tokens);
    doc.entities = groupEntities(doc, tokens, mentions, countries);
  },
};
