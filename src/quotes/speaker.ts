/**
 * Speakers: the noun phrase that says something (the subject of the speech verb, the object of "laut"),
 * linked to its entity: directly when a mention lies in it, through a pronoun ("fügte er hinzu") to the
 * last person named before it, or through a role noun ("die Oppositionspolitikerin") to the last person
 * named with that role's sector. A speaker the text does not name stays null.
 */
import type { Doc, Entity, Quote } from '../document.js';
import { children, type Tree } from '../syntax/tree.js';
import { tokenForms } from '../text/forms.js';
import { actorDictionary, countryNamedBy, countryOfWord, roleSectorOf } from '../entities/actors.js';
import { SENTENCE_STARTERS } from '../text/tokenizer.js';
import { loadNameHeads } from '../ner/heads.js';
import { tokenAt, tokensWithin } from '../text/positions.js';
import { truncationEnd } from '../text/compounds.js';
import { isSourceNoun } from './cues.js';

export type Speaker = NonNullable<Quote['speaker']>;

interface MentionRef {
  start: number;
  end: number;
  entity: Entity;
}

/** What speaker resolution needs of a document, built once. */
export interface SpeakerContext {
  doc: Doc;
  tree: Tree | null;
  /** All entity mentions, by start offset. */
  mentions: MentionRef[];
  /** Per token: its sentence (`sentenceOfTokens`, built once by the caller). */
  sentenceOf: Uint32Array;
  /** Per token: 1 inside a time expression ("Um 10:05 Uhr", "am Montag"), which is never a speaker. */
  inTime: Uint8Array;
}

export function speakerContext(doc: Doc, tree: Tree | null, sentenceOf: Uint32Array): SpeakerContext {
  const mentions: MentionRef[] = [];
  for (const entity of doc.entities)
    for (const m of entity.mentions) mentions.push({ start: m.start, end: m.end, entity });
  mentions.sort((a, b) => a.start - b.start);
  const inTime = new Uint8Array(doc.tokens.count);
  for (const time of doc.times) {
    const span = tokensWithin(doc.tokens, time.start, time.end);
    if (span) inTime.fill(1, span[0], span[1] + 1);
  }
  return { doc, tree, mentions, sentenceOf, inTime };
}

const NP_TAGS = new Set(['ART', 'ADJA', 'PPOSAT', 'PIAT', 'PDAT', 'CARD', 'NN', 'NE', 'ADJD', 'TRUNC']);
const NOMINAL = new Set(['NN', 'NE', 'PPER', 'PIS', 'PDS']);
/** Tags inside a short prepositional phrase after a role ("beim Klimagipfel", "von Paris"). */
const PP_TAGS = new Set(['ART', 'ADJA', 'NN', 'NE', 'CARD']);
/** Personal pronouns that can be a speaker ("sagte er"), in lower case. */
export const SPEAKER_PRONOUNS: ReadonlySet<string> = new Set(['er', 'sie', 'ich', 'wir']);

function xposOf(c: SpeakerContext, t: number): string {
  return c.doc.morph ? (c.doc.morph.xpos[t] as string) : '_';
}

/** The noun phrase around a head: determiners and adjectives before, a genitive or "von"-phrase after. */
export function nounPhrase(
  c: SpeakerContext,
  head: number,
  first: number,
  stop: number,
): { first: number; end: number } {
  const { raw } = tokenForms(c.doc);
  let a = head;
  const named = xposOf(c, head) === 'NE';
  // The word that completes a truncated head ("Regierungschefs" for "Staats-"), else the head itself.
  const completing = roleWord(c, head);
  for (let grew = true; grew;) {
    grew = false;
    while (a - 1 >= first && xposOf(c, a) !== 'PPER') {
      const x = xposOf(c, a - 1);
      // Titles before a name belong to it ("US-Außenminister Mike Pompeo"); a noun before a noun does not.
      if (!NP_TAGS.has(x) || ((x === 'NN' || x === 'NE') && (!named || xposOf(c, a) === 'ART'))) break;
      // An adverbial adjective before the article is the verb's: "kritisierte erneut die Entscheidung"; so
      // is "unter anderem" ("unter anderem Rafael Correa").
      if (x === 'ADJD' && xposOf(c, a) === 'ART') break;
      if (raw[a - 1] === 'anderem' && raw[a - 2]?.toLowerCase() === 'unter') break;
      a--;
    }
    // A hyphen compound split by the tokenizer, and its article: "der GdP-Vorsitzende".
    while (a - 2 >= first && raw[a - 1] === '-' && c.doc.tokens.end[a - 2] === c.doc.tokens.start[a - 1]) {
      a -= 2;
      // Its first part may be quoted: die „Bild“-Zeitung.
      if (/^["“”»«]$/.test(raw[a] as string)) {
        let open = a - 1;
        while (open > first && open > a - 6 && !/^["„»«]$/.test(raw[open] as string)) open--;
        if (/^["„»«]$/.test(raw[open] as string)) a = open;
      }
      grew = xposOf(c, a - 1) === 'ART' || xposOf(c, a - 1) === 'ADJA';
    }
    // The truncated words before the word that completes them: "die Staats- und Regierungschefs".
    for (
      let k = a - 3;
      k >= first && truncationEnd(raw, c.doc.tokens.start, c.doc.tokens.end, k) === completing;
      k -= 3
    ) {
      a = k;
      grew = true;
      if (raw[k - 1] !== ',') break;
    }
  }
  let b = head + 1;
  if (xposOf(c, head) === 'PPER') return { first: head, end: head + 1 };
  // Names run on to the right ("Mike Pompeo"), but not into another entity's mention ("ob die USA Minsk
  // Sanktionen auferlegen": two names side by side, and then no name at all).
  const own = named ? overlapping(c, c.doc.tokens.start[head] as number, c.doc.tokens.end[head] as number) : null;
  const { start: from, end: to } = c.doc.tokens;
  for (let before = -1; before !== b;) {
    before = b;
    while (
      b < stop &&
      (xposOf(c, b) === 'NE' ||
        (xposOf(c, b) === 'NN' && /^[A-ZÄÖÜ]/.test(raw[b] as string) && xposOf(c, b - 1) === 'NE')) &&
      !(own && mentionStartingAt(c, c.doc.tokens.start[b] as number, (e) => e !== own))
    )
      b++;
    // …and over a particle inside the name's mention: "dem Filmemacher Theo van Gogh".
    if (b > head + 1 && b < stop && xposOf(c, b - 1) === 'NE') {
      const name = mentionCovering(c, from[b - 1] as number);
      while (name && b < stop && (to[b] as number) <= name.end) b++;
    }
    // A hyphen compound the tokenizer split runs on to its last part ("Spiegel-Online", "Navarro-Valls"),
    // and a name after it ("VW-Finanzvorstand Hans Dieter Pötsch").
    // "nach UNHCR-Angaben" keeps its source: the part after the hyphen is no source noun.
    while (
      b + 1 < stop &&
      raw[b] === '-' &&
      to[b - 1] === from[b] &&
      to[b] === from[b + 1] &&
      !isSourceNoun((raw[b + 1] as string).toLowerCase())
    )
      b += 2;
  }
  // A truncated compound runs on to the word that completes it: "Staats- und Regierungschefs".
  if (completing !== head && completing < stop) {
    // "Baseball- und fünf Golfschläger", "NATO- und afghanischen Truppen": on to the noun.
    let k = completing;
    while (k + 1 < stop && /^(ADJA|CARD|PIAT)$/.test(xposOf(c, k))) k++;
    b = /^(NN|NE)$/.test(xposOf(c, k)) ? k + 1 : completing + 1;
  }
  // A quoted name right after the head: die Überwachungsgruppe "Honest People".
  if (b < stop && /^["„»«“]$/.test(raw[b] as string)) {
    for (let k = b + 1; k < stop && k <= b + 6; k++) {
      if (/^["“”«»]$/.test(raw[k] as string)) {
        b = k + 1;
        break;
      }
    }
  }
  // Genitive attribute or "von"-phrase: "des Innenministeriums", "Frederik Pleitgen von CNN".
  for (let guard = 0; guard < 2; guard++) {
    const lower = (raw[b] ?? '').toLowerCase();
    // A genitive also after a quantifier: "nach Meinung vieler Experten".
    const genitive =
      (xposOf(c, b) === 'ART' && /^(des|der)$/.test(lower)) ||
      (xposOf(c, b) === 'PIAT' && /^(vieler|einiger|mehrerer|aller|zahlreicher|beider|weiterer)$/.test(lower));
    if ((b < stop && genitive) || lower === 'von') {
      let k = b + 1;
      let counted = false;
      // The genitive's noun may be followed by a name ("des Präsidenten Barack Obama"), not by a new phrase
      // ("Mitglieder der Bande mehrere Polizeiwachen").
      let noun = false;
      while (
        k < stop &&
        NP_TAGS.has(xposOf(c, k)) &&
        !(xposOf(c, k) === 'ART' && k > b + 1) &&
        !(noun && !nameAfterNoun(c, k))
      ) {
        if (xposOf(c, k) === 'CARD') counted = true;
        if (NOMINAL.has(xposOf(c, k))) noun = true;
        k++;
      }
      // "laut BBC von rund 10.000 Menschen … begrüßt": a name takes no counted "von"-phrase; that is the
      // passive's agent.
      const crowd = counted && lower === 'von' && xposOf(c, b - 1) === 'NE' && xposOf(c, k - 1) === 'NN';
      if (k > b + 1 && NOMINAL.has(xposOf(c, k - 1)) && !crowd) b = k;
      else break;
    } else break;
  }
  return { first: a, end: b };
}

/** The word that says a phrase's role: its head, or the word that completes a truncated head. */
export function roleWord(c: { doc: Doc }, head: number): number {
  const completed = truncationEnd(tokenForms(c.doc).raw, c.doc.tokens.start, c.doc.tokens.end, head);
  return completed >= 0 ? completed : head;
}

function overlapping(c: SpeakerContext, start: number, end: number): Entity | null {
  let best: Entity | null = null;
  for (const m of c.mentions) {
    if (m.start >= end) break;
    if (m.end <= start) continue;
    if (!best || (m.entity.type === 'PER' && best.type !== 'PER')) best = m.entity;
  }
  return best;
}

/**
 * What may follow a genitive's noun in its phrase: a name ("des Präsidenten Barack Obama", "der Gemeinde
 * Dörverden", also one the tagger called a noun), the rest of a name ("der Vereinten Nationen", "der Labour
 * Party"), a title before a name ("Herr Dieter Thalhammer"), or the noun a measure counts ("von 15 Tonnen
 * Lebensmitteln").
 */
function nameAfterNoun(c: SpeakerContext, k: number): boolean {
  const x = xposOf(c, k);
  if (x === 'NE' || x === 'FM' || inOneMention(c, k - 1, k)) return true;
  if (x !== 'NN') return false;
  const start = c.doc.tokens.start[k] as number;
  if (mentionStartingAt(c, start, () => true)) return true;
  // "der Labour Party", "der Alaska Airlines": a name's English last word.
  return xposOf(c, k + 1) === 'NE' || xposOf(c, k - 2) === 'CARD' || xposOf(c, k - 1) === 'NE';
}

/** Whether tokens `a` and `b` lie in one mention ("der Vereinten Nationen", "der IG Metall"). */
function inOneMention(c: SpeakerContext, a: number, b: number): boolean {
  const m = mentionCovering(c, c.doc.tokens.start[a] as number);
  return !!m && (c.doc.tokens.end[b] as number) <= m.end;
}

/** The mention that holds character `offset`, or null. */
function mentionCovering(c: SpeakerContext, offset: number): { start: number; end: number; entity: Entity } | null {
  for (const m of c.mentions) {
    if (m.start > offset) break;
    if (m.end > offset) return m;
  }
  return null;
}

/** The first mention starting at character `offset` whose entity `accept` takes, or null. */
export function mentionStartingAt(
  c: SpeakerContext,
  offset: number,
  accept: (e: Entity) => boolean,
): { start: number; end: number; entity: Entity } | null {
  for (const m of c.mentions) {
    if (m.start > offset) break;
    if (m.start === offset && accept(m.entity)) return m;
  }
  return null;
}

/** How far back (in characters) a bare role noun looks for its person: about three sentences. */
const ROLE_REACH = 600;

/** The last entity mentioned before `offset` (within `reach` characters) that `accept` takes. */
function lastBefore(c: SpeakerContext, offset: number, accept: (e: Entity) => boolean, reach = 1500): Entity | null {
  for (let i = c.mentions.length - 1; i >= 0; i--) {
    const m = c.mentions[i] as MentionRef;
    if (m.end > offset) continue;
    if (offset - m.end > reach) return null;
    if (accept(m.entity)) return m.entity;
  }
  return null;
}

/**
 * The person a possessive at token `t` points back to ("seiner Meinung nach": the last man or person of
 * unknown gender named before; "ihrer": the last woman), or null.
 */
export function possessorOf(c: SpeakerContext, t: number): string | null {
  const lower = tokenForms(c.doc).lower[t] as string;
  const offset = c.doc.tokens.start[t] as number;
  const entity = lower.startsWith('sein')
    ? lastBefore(c, offset, (e) => e.type === 'PER' && personGender(c, e) !== 'Fem')
    : lower.startsWith('ihr')
      ? lastBefore(c, offset, (e) => e.type === 'PER' && personGender(c, e) === 'Fem')
      : null;
  return entity?.id ?? null;
}

/**
 * A relative pronoun as the speaker ("die Anwältin, die sagte, …"): the pronoun, standing for the entity
 * its antecedent names (the noun phrase before the comma), if that names one.
 */
function relativeSpeaker(c: SpeakerContext, pronoun: number, first: number): Speaker {
  const { raw } = tokenForms(c.doc);
  const tokens = c.doc.tokens;
  let antecedent = pronoun - 1;
  if (raw[antecedent] === ',') antecedent--;
  while (antecedent > first && !/^(NN|NE)$/.test(xposOf(c, antecedent))) antecedent--;
  // "ein Prediger aus London, der …": a nearest noun in a phrase with a preposition belongs to the noun
  // before it, which the relative clause is about.
  const tree = c.tree;
  for (let hops = 0; tree && hops < 2 && antecedent > first; hops++) {
    const preposition = children(tree, antecedent, first, pronoun).find((k) => tree.deprel[k] === 'case');
    if (preposition === undefined) break;
    // The noun the phrase hangs on, or (where the parse hung it on the verb) the noun right before it.
    const head = tree.head[antecedent] as number;
    const before = head >= first && head < antecedent && /^(NN|NE)$/.test(xposOf(c, head)) ? head : preposition - 1;
    if (before < first || !/^(NN|NE)$/.test(xposOf(c, before))) break;
    antecedent = before;
  }
  let entity: Entity | null = null;
  if (antecedent >= first && /^(NN|NE)$/.test(xposOf(c, antecedent))) {
    const np = nounPhrase(c, antecedent, first, pronoun);
    entity = overlapping(c, tokens.start[np.first] as number, tokens.end[np.end - 1] as number);
  }
  return {
    entity: entity?.id ?? null,
    text: raw[pronoun] as string,
    start: tokens.start[pronoun] as number,
    end: tokens.end[pronoun] as number,
  };
}

/**
 * A common noun for one person ("Bürgermeister", "Forscher", "Staatsoberhaupt"), no word of a mention and
 * no body of people ("Regierung", "Staatsanwaltschaft", "Militär").
 */
function isPersonHead(c: SpeakerContext, head: number): boolean {
  if (xposOf(c, head) !== 'NN') return false;
  const tokens = c.doc.tokens;
  const start = tokens.start[head] as number;
  const end = tokens.end[head] as number;
  if (c.mentions.some((m) => m.start <= start && m.end >= end)) return false;
  const word = tokenForms(c.doc).raw[head] as string;
  return roleSectorOf(word, actorDictionary()) !== null && loadNameHeads().kindOf(word.toLowerCase()) === 'ROLE';
}

/** The speaker a noun phrase names, linked to its entity where the text makes that clear. */
export function speakerOfPhrase(c: SpeakerContext, head: number, first: number, stop: number): Speaker | null {
  const { lower } = tokenForms(c.doc);
  const headLower = lower[head] as string;
  if (headLower === 'es' || headLower === 'man' || headLower === 'das' || headLower === 'dies') return null;
  if (xposOf(c, head) === 'PRELS') return relativeSpeaker(c, head, first);
  const np = nounPhrase(c, head, first, stop);
  const tokens = c.doc.tokens;
  let start = tokens.start[np.first] as number;
  let end = tokens.end[np.end - 1] as number;
  let entity = overlapping(c, start, end);
  // "Der Bürgermeister von New Orleans", "eines US-Forschers": a place inside the phrase of a person who
  // speaks is where the person is from, not the speaker ("nach Meinung Russlands" keeps its country).
  if (entity?.type === 'LOC' && isPersonHead(c, head)) entity = null;
  const { raw } = tokenForms(c.doc);
  // "der Hohe Vertreter der EU, Josep Borrell Fontelles, …": the named apposition is the speaker.
  // The phrase may run on in a name the tokenizer split: "der Bewegung Tehrik-i-Taliban Pakistan, X".
  let comma = np.end;
  const glued = (k: number): boolean => tokens.end[k - 1] === tokens.start[k] && /^[\p{L}\p{N}]/u.test(raw[k] ?? '');
  while (
    comma < stop &&
    comma < np.end + 8 &&
    (xposOf(c, comma) === 'NE' || xposOf(c, comma) === 'FM' || raw[comma] === '-' || glued(comma))
  )
    comma++;
  // "der Bürgermeister von Paris, Bertrand Delanoë", "die Delegationsleiterin beim Klimagipfel, Sharon
  // Hayes": a short phrase with a preposition may stand between the role and the name.
  if (/^APPR(ART)?$/.test(xposOf(c, comma))) {
    let k = comma + 1;
    while (k < stop && k < comma + 5 && PP_TAGS.has(xposOf(c, k))) k++;
    if (raw[k] === ',' && k > comma + 1) comma = k;
  }
  // The name's first word may be tagged as a noun ("Bertrand"): the entities layer decides.
  const nameAt = (k: number): boolean =>
    xposOf(c, k) === 'NE' ||
    (/^\p{Lu}/u.test(raw[k] ?? '') &&
      overlapping(c, tokens.start[k] as number, tokens.end[k] as number)?.type === 'PER');
  if ((!entity || entity.type !== 'PER') && raw[comma] === ',' && nameAt(comma + 1)) {
    let k = comma + 1;
    while (k < stop && nameAt(k)) k++;
    // The person's mention may run on over a particle ("Heike van Laak").
    const mention = c.mentions.find((m) => m.start === tokens.start[comma + 1] && m.entity.type === 'PER');
    while (mention && k < stop && (tokens.end[k] as number) <= mention.end) k++;
    const named = overlapping(c, tokens.start[comma + 1] as number, tokens.end[k - 1] as number);
    // An apposition closes with a comma, a bracket or the sentence: "meldete die Tagesschau, Feldmann
    // rechne …" names the subject of what was reported.
    // (Names the tagger calls names count as before: "…, Anabella Morfin verwies darauf".)
    let tagged = true;
    for (let j = comma + 1; j < k; j++) if (xposOf(c, j) !== 'NE') tagged = false;
    const closed = tagged || k >= stop || /^[,(.;:!?]$/.test(raw[k] ?? '');
    if (named && named.type === 'PER' && closed) {
      entity = named;
      start = tokens.start[comma + 1] as number;
      end = tokens.end[k - 1] as number;
    }
  }
  if (!entity && SPEAKER_PRONOUNS.has(headLower) && xposOf(c, head) === 'PPER') {
    // "er"/"sie" (singular): the last person named; "ich"/"wir" inside a quote are not resolved here.
    const plural = headLower === 'wir' || headLower === 'ich' ? true : verbIsPlural(c, head);
    // "sie" is no man and "er" no woman where a title says so ("Innenminister Wolfgang Schäuble").
    const unlike = headLower === 'er' ? 'Fem' : 'Masc';
    const fits = (e: Entity): boolean => e.type === 'PER' && personGender(c, e) !== unlike;
    if (!plural)
      entity = subjectInSentence(c, head, fits) ?? subjectBeforePronoun(c, head) ?? lastBefore(c, start, fits);
  } else if (!entity && xposOf(c, head) === 'NN' && /^(der|die|das)$/.test(lower[np.first] as string)) {
    const d = actorDictionary();
    const sector = roleSectorOf(raw[roleWord(c, head)] as string, d);
    // "der brasilianische Präsident" is no Venezuelan's role: a country in the phrase must be the person's.
    let country: string | null = null;
    for (let k = np.first; k < head && !country; k++) country = countryOfWord(raw[k] as string, d);
    // …and one after it: "Das Staatsoberhaupt Neuseelands", "Die Regierungen von Deutschland".
    for (let k = head + 1; k < np.end && !country; k++) {
      const word = raw[k] as string;
      country = countryNamedBy(word, d) ?? (word.endsWith('s') ? countryNamedBy(word.slice(0, -1), d) : null);
    }
    const ofCountry = (e: Entity): boolean => country === null || e.actor?.country === country;
    // "Der Bürgermeister von New Orleans": a role of a town or region the text names is someone the
    // persons named before need not be.
    const ofPlace =
      country === null &&
      c.mentions.some((m) => m.entity.type === 'LOC' && m.start >= (c.doc.tokens.end[head] as number) && m.end <= end);
    if (sector && !ofPlace)
      entity = lastBefore(
        c,
        start,
        (e) =>
          e.type === 'PER' &&
          ofCountry(e) &&
          (e.actor?.sector === sector || (country !== null && (e.actor?.sector ?? null) === null)),
      );
    // "Gewerkschaftschef Konrad Freiberg … Der GdP-Vorsitzende verwies darauf": a definite person role
    // right after a person was named is that person; one named in the role noun's own sentence is someone
    // else ("Der Sprecher traf Merkel").
    if (!entity && !ofPlace && loadNameHeads().kindOf(headLower).includes('ROLE') && !verbIsPlural(c, head)) {
      const sentenceStart = c.doc.tokens.start[c.doc.sentences.firstToken[c.sentenceOf[head] as number] as number];
      entity = lastBefore(
        c,
        Math.min(start, sentenceStart as number),
        (e) => e.type === 'PER' && ofCountry(e),
        ROLE_REACH,
      );
    }
  }
  return { entity: entity ? entity.id : null, text: c.doc.text.slice(start, end), start, end };
}

/**
 * The antecedent of "er"/"sie" in a later clause of the sentence whose subject names a person before it
 * ("Lukaschenko lehnte … ab, während er mit … sprach"): that subject's person, the nearest one before the
 * pronoun, else null.
 */
function subjectInSentence(c: SpeakerContext, pronoun: number, fits: (e: Entity) => boolean): Entity | null {
  const tree = c.tree;
  if (!tree) return null;
  const first = c.doc.sentences.firstToken[c.sentenceOf[pronoun] as number] as number;
  for (let t = pronoun - 1; t >= first; t--) {
    if (tree.deprel[t] !== 'nsubj') continue;
    const entity = overlapping(c, c.doc.tokens.start[t] as number, c.doc.tokens.end[t] as number);
    if (entity && fits(entity)) return entity;
  }
  return null;
}

/**
 * The antecedent of "er"/"sie" when the previous sentence's subject is a noun of the pronoun's gender
 * that names someone ("Die Kanzlerin Angela Merkel traf X. Sie sagte …"): the entity in that subject, or
 * the person its role noun points back to. Null otherwise ("Der Vortrag …" names no one); then the last
 * person named is the antecedent.
 */
function subjectBeforePronoun(c: SpeakerContext, pronoun: number): Entity | null {
  const { doc, tree } = c;
  const morph = doc.morph;
  if (!tree || !morph) return null;
  const gender = tokenForms(doc).lower[pronoun] === 'er' ? 'Gender=Masc' : 'Gender=Fem';
  const s = c.sentenceOf[pronoun] as number;
  if (s <= 0) return null;
  const first = doc.sentences.firstToken[s - 1] as number;
  const stop = doc.sentences.endToken[s - 1] as number;
  for (let t = first; t < stop; t++) {
    if (tree.deprel[t] !== 'nsubj' || tree.head[tree.head[t] as number] !== -1) continue;
    if (xposOf(c, t) !== 'NN' || !(morph.feats[t] as string).includes(gender)) return null;
    if (!(morph.feats[t] as string).includes('Number=Sing')) return null;
    const entity = speakerOfPhrase(c, t, first, stop)?.entity ?? null;
    return doc.entities.find((e) => e.id === entity) ?? null;
  }
  return null;
}

/**
 * A person's grammatical gender from the title or role noun right before one of their mentions
 * ("Innenminister Wolfgang Schäuble", "die Kanzlerin Angela Merkel", "Frau Meier"), or null.
 */
function personGender(c: SpeakerContext, e: Entity): 'Masc' | 'Fem' | null {
  const morph = c.doc.morph;
  if (!morph) return null;
  for (const m of e.mentions) {
    const t = tokenAt(c.doc.tokens, m.start);
    if (t <= 0 || c.doc.tokens.start[t] !== m.start || xposOf(c, t - 1) !== 'NN') continue;
    const feats = morph.feats[t - 1] as string;
    if (feats.includes('Gender=Masc')) return 'Masc';
    if (feats.includes('Gender=Fem')) return 'Fem';
  }
  return null;
}

/** Whether the finite verb next to a pronoun is plural ("sie sagten"): then "sie" is not one person. */
function verbIsPlural(c: SpeakerContext, pronoun: number): boolean {
  const morph = c.doc.morph;
  if (!morph) return false;
  const head = c.tree ? (c.tree.head[pronoun] as number) : -1;
  const candidates = [head, pronoun - 1, pronoun + 1];
  for (const k of candidates) {
    if (k < 0 || k >= morph.feats.length) continue;
    const xpos = morph.xpos[k] as string;
    if (!xpos.startsWith('V')) continue;
    const feats = morph.feats[k] as string;
    if (feats.includes('Number=Plur')) return true;
    if (feats.includes('Number=Sing')) return false;
  }
  return false;
}

/** The subject of a speech verb: from the parse (inherited along coordination), else by position. */
/** Relative pronouns that are never a subject: "denen … vorwirft" has its subject after it. */
const OBLIQUE_RELATIVES = new Set(['denen', 'dem', 'den', 'deren', 'dessen', 'wem', 'wen']);

export function subjectOf(
  c: SpeakerContext,
  verb: number,
  first: number,
  stop: number,
  blocked: (t: number) => boolean,
  depth = 0,
): number {
  // A nominative pronoun right after the verb is its subject, whatever stands first: "Die Arbeit lobte er".
  const next = verb + 1;
  if (next < stop && !blocked(next) && xposOf(c, next) === 'PPER' && c.doc.morph?.feats[next]?.includes('Case=Nom'))
    return next;
  const tree = c.tree;
  if (tree) {
    for (let v = verb, hops = 0; v >= 0 && hops < 2; v = tree.head[v] as number, hops++) {
      for (let t = first; t < stop; t++) {
        const subject =
          tree.head[t] === v &&
          tree.deprel[t] === 'nsubj' &&
          !blocked(t) &&
          c.inTime[t] === 0 &&
          (NOMINAL.has(xposOf(c, t)) ||
            (xposOf(c, t) === 'PRELS' && !OBLIQUE_RELATIVES.has(tokenForms(c.doc).lower[t] as string))) &&
          !isAdverbAsNoun(c, t, first);
        if (
          subject &&
          !inPrepositionalPhrase(c, t, first) &&
          !nonNominative(c, t, first) &&
          !frontedDative(c, t, verb, clauseStartIn(tokenForms(c.doc).raw, t, first))
        )
          return earlierSubject(c, t, first, blocked) ?? t;
      }
      const rel = tree.deprel[v] as string;
      if (!/^(conj|parataxis|xcomp)/.test(rel)) break;
    }
  }
  const { raw, lower } = tokenForms(c.doc);
  let clauseStart = verb;
  while (clauseStart - 1 >= first && !blocked(clauseStart - 1) && !/^[,:;]$/.test(raw[clauseStart - 1] as string))
    clauseStart--;
  // "… wirft und sagt": the coordinated verb shares the subject of the verb before "und".
  if (verb - 1 >= first && lower[verb - 1] === 'und' && depth < 1) {
    const main = mainVerbBefore(c, first, verb - 1);
    if (main >= 0) return subjectOf(c, main, first, stop, blocked, depth + 1);
  }
  // Before the verb: the first noun phrase of its clause ("Beamte in Belarus sagen", "Lukaschenko sagte"),
  // unless what stands first is a prepositional phrase or an adverb: then the subject follows the verb
  // ("Am Samstag sagte der Kreml", "Als Begründung sagte ein Wissenschaftler").
  let before = subjectBefore(c, clauseStart, verb, first);
  // "Den Unmut der CDU brachte die Sprecherin zum Ausdruck": a fronted object; the subject follows the verb.
  if (before >= 0 && (nonNominative(c, before, first) || frontedDative(c, before, verb, clauseStart))) before = -1;
  if (before >= 0 && nounFirst(c, clauseStart, before, first)) return before;
  // Inverted after the verb: "sagte der Kreml", "fügte er hinzu".
  for (let t = verb + 1; t < stop && t <= verb + 6; t++) {
    if (blocked(t) || raw[t] === ',' || raw[t] === ':' || raw[t] === '.') break;
    if (c.inTime[t] === 1) continue; // "sagte heute der Minister"
    const x = xposOf(c, t);
    if (x === 'APPR' || x === 'APPRART') {
      // Skip a prepositional phrase: "sagte dazu am Samstagabend".
      while (t + 1 < stop && NP_TAGS.has(xposOf(c, t + 1))) t++;
      continue;
    }
    if (x === 'NN' || x === 'NE' || x === 'PPER') return t;
    if (x.startsWith('V')) break;
  }
  // "Wahlbeobachter monieren Unregelmäßigkeiten, sprechen aber davon, dass …": a finite verb right after a
  // comma with no subject of its own shares the subject of the main clause before it.
  if (before < 0 && depth < 1 && clauseStart === verb && raw[verb - 1] === ',' && xposOf(c, verb).endsWith('FIN')) {
    const opener = xposOf(c, first);
    if (/^(KOUS|PWAV|PWS)$/.test(opener)) return before;
    const main = mainVerbBefore(c, first, verb - 1);
    if (main >= 0) return subjectOf(c, main, first, stop, blocked, depth + 1);
    // No main clause before it: "Renate Künast, Fraktionschefin von Bündnis 90/Die Grünen, kritisierte: …",
    // "Putin, der seit 20 Jahren regiert, sagte …" — the first phrase, before the apposition, is the subject.
    if (!/^(APPR|APPRART)$/.test(opener)) {
      let comma = first;
      while (raw[comma] !== ',') comma++;
      return subjectBefore(c, first, comma, first);
    }
  }
  return before;
}

/** Whether a noun stands in a prepositional or "als"-phrase ("Als Begründung", "am Samstagabend"). */
function inPrepositionalPhrase(c: SpeakerContext, t: number, first: number): boolean {
  let k = t - 1;
  while (k >= first && /^(ART|ADJA|PPOSAT|PIAT|CARD)$/.test(xposOf(c, k))) k--;
  return k >= first && /^(APPR|APPRART|KOKOM)$/.test(xposOf(c, k));
}

/** Whether the noun phrase at `head` opens its clause (not inside a fronted "Am Samstag", "Als Begründung"). */
function nounFirst(c: SpeakerContext, clauseStart: number, head: number, first: number): boolean {
  for (let t = clauseStart; t < head; t++) {
    const x = xposOf(c, t);
    if (/^(APPR|APPRART|KOKOM|PAV|KOUS)$/.test(x)) return false;
    if ((x === 'ADV' || x === 'ADJD') && !(t === first && t === head)) return false;
  }
  return true;
}

/** "Unterdessen verlangen die Grünen": a sentence adverb the tagger took for a noun; the subject follows. */
function isAdverbAsNoun(c: SpeakerContext, t: number, first: number): boolean {
  const x = xposOf(c, t);
  const { raw, lower } = tokenForms(c.doc);
  // "Einer der Feuerwehrmänner sagte": a pronoun heading a partitive is a subject, not an adverb.
  if (PARTITIVE_HEADS.has(lower[t] as string) && /^(der|des|von)$/.test(lower[t + 1] ?? '')) return false;
  return t === first && (x === 'NN' || x === 'NE') && SENTENCE_STARTERS.has(raw[t] as string);
}

const PARTITIVE_HEADS = new Set([
  'einer',
  'eine',
  'eines',
  'keiner',
  'keine',
  'jeder',
  'jede',
  'einige',
  'viele',
  'manche',
  'mehrere',
]);

/** The head of the first noun phrase between the clause start and the verb, or -1. */
function subjectBefore(c: SpeakerContext, clauseStart: number, verb: number, first: number): number {
  const { raw } = tokenForms(c.doc);
  for (let t = clauseStart; t < verb; t++) {
    const x = xposOf(c, t);
    // A time first ("Am Montag sagte …", "Um 10:05 Uhr meldete …"): the subject follows the verb.
    if (c.inTime[t] === 1) return -1;
    // The tagger takes a capitalised first word for an adverb now and then ("Beamte in Belarus sagen").
    // A present participle ("Relativierend fügt Gall hinzu") is an adverbial, not a noun.
    const miscapitalised =
      t === first &&
      (x === 'ADV' || x === 'ADJD' || x === 'ADJA') &&
      !SENTENCE_STARTERS.has(raw[t] as string) &&
      !/end$/.test(raw[t] as string);
    if (isAdverbAsNoun(c, t, first)) return -1;
    if (x === 'NE' || x === 'PPER' || x === 'NN' || miscapitalised) {
      // The head of "die Oppositionspolitikerin Svetlana Tikhanovskaya" is the name after the role.
      let k = t;
      while (k + 1 < verb && xposOf(c, k + 1) === 'NE') k++;
      return k;
    }
  }
  return -1;
}

/** Where the clause holding token `t` begins in `raw`: after the last , ; or : before it, not before `f`. */
export function clauseStartIn(raw: readonly string[], t: number, f: number): number {
  let start = t;
  while (start > f && !/^[,;:]$/.test(raw[start - 1] as string)) start--;
  return start;
}

/**
 * In a verb-last clause ("…, wie sein Bruder … seine Uniform in einen Mülleimer wirft und sagt") the subject
 * comes first: an earlier noun phrase that can be nominative, outside any prepositional phrase, before the
 * one the parse chose. Null when there is none or the clause is not verb-last.
 */
function earlierSubject(c: SpeakerContext, t: number, first: number, blocked: (t: number) => boolean): number | null {
  const start = clauseStartIn(tokenForms(c.doc).raw, t, first);
  if (start === first || !/^(KOUS|PWAV|PRELS|ADV|KOKOM)$/.test(xposOf(c, start))) return null;
  for (let u = start + 1; u < t; u++) {
    const x = xposOf(c, u);
    if (x.startsWith('V')) return null;
    if ((x === 'NN' || x === 'NE') && !blocked(u) && !inPrepositionalPhrase(c, u, first) && !nonNominative(c, u, first))
      return u;
  }
  return null;
}

/** Determiners no nominative takes: "den", "einem", "seinen", "des" … */
const NON_NOMINATIVE_DETERMINER =
  /^(des|eines|den|dem|einen|einem|meinen|meinem|deinen|deinem|seinen|seinem|ihren|ihrem|unseren|unserem|euren|eurem|diesen|diesem|jenen|jenem|jeden|jedem|keinen|keinem)$/i;

/** Whether the noun at `t` has a determiner that cannot go with a nominative ("Den Unmut der CDU …"). */
function nonNominative(c: SpeakerContext, t: number, first: number): boolean {
  const { lower } = tokenForms(c.doc);
  let d = t - 1;
  while (d >= first && /^(ADJA|ADV|ADJD|CARD|NN)$/.test(xposOf(c, d)) && t - d <= 4) d--;
  return (
    d >= first && /^(ART|PPOSAT|PDAT|PIAT)$/.test(xposOf(c, d)) && NON_NOMINATIVE_DETERMINER.test(lower[d] as string)
  );
}

/**
 * "Der englischsprachigen Zeitung sagte Filep Karma": a common noun, feminine singular, after "der" or "einer"
 * and right before the verb is a fronted dative (a genitive would hang on a noun before it).
 */
function frontedDative(c: SpeakerContext, t: number, verb: number, first: number): boolean {
  const { lower, raw } = tokenForms(c.doc);
  if (xposOf(c, t) !== 'NN' || t + 1 !== verb) return false;
  let d = t - 1;
  // Adjectives, also hyphenated ones the tokenizer split ("englisch-sprachigen").
  while (d >= first && (/^(ADJA|ADV|ADJD)$/.test(xposOf(c, d)) || raw[d] === '-')) d--;
  if (d !== first || !/^(der|einer)$/.test(lower[d] as string)) return false;
  const feats = c.doc.morph?.feats[t] ?? '';
  return feats.includes('Gender=Fem') && feats.includes('Number=Sing');
}

/** The last finite verb before `end` that stands in a main clause (not after ", dass", ", der", …). */
/**
 * The verb of the last main clause before `end` whose subject a verb after it shares: an auxiliary's
 * subject hangs on its verb ("wollte sich … nicht festlegen, sagte aber"). -1 if none.
 */
function mainVerbBefore(c: SpeakerContext, first: number, end: number): number {
  const main = mainClauseVerbBefore(c, first, end);
  const tree = c.tree;
  if (main >= 0 && tree && /^aux/.test(tree.deprel[main] ?? '') && (tree.head[main] as number) >= 0)
    return tree.head[main] as number;
  return main;
}

function mainClauseVerbBefore(c: SpeakerContext, first: number, end: number): number {
  const { raw } = tokenForms(c.doc);
  let subordinate = false;
  let found = -1;
  for (let t = first; t < end; t++) {
    const x = xposOf(c, t);
    if (raw[t] === ',') subordinate = /^(KOUS|PRELS|PRELAT|PWS|PWAV|KOUI)$/.test(xposOf(c, t + 1));
    else if (x.endsWith('FIN') && !subordinate) found = t;
  }
  return found;
}
