/**
 * Names with a nobiliary or family particle: "Ursula von der Leyen", "Karl-Theodor zu Guttenberg",
 * "Claus Schenk Graf von Stauffenberg", "Rafael van der Vaart". The tagger ends the name before the
 * lower-case particle (or takes the parts for places); a person's mention runs on over the particle and
 * the surname after it — unless what follows is a known word, place or organisation ("Merkel von der
 * CDU", "Weber von der Universität"). Also the surnames the tagger left out after a first name
 * (`joinMissedSurnames`: "Gerhart Baum").
 */
import { GAZ, loadGazetteer } from '../ner/gazetteer.js';
import { loadLexicon } from '../morph/lexicon.js';
import { loadPlaces } from './places.js';
import { actorDictionary, roleSectorOf } from './actors.js';
import type { Mention, NerToken } from './stage.js';

/**
 * Particles that join a first name to a surname, with the words that may follow them ("von der", "von und
 * zu", "van den", "de la"). Not "vom", "zum", "zur": "Jody Hey vom Institut" says where someone works.
 */
const PARTICLES = new Map<string, ReadonlySet<string>>([
  ['von', new Set(['der', 'den', 'und'])],
  ['zu', new Set()],
  ['van', new Set(['der', 'den', 'de'])],
  ['de', new Set(['la', 'le', 'los', 'las'])],
  ['del', new Set()],
  ['della', new Set()],
  ['di', new Set()],
  ['da', new Set()],
  ['dos', new Set()],
  ['du', new Set()],
  ['ter', new Set()],
  ['ten', new Set()],
]);
/** Titles of nobility inside a name ("Schenk Graf von Stauffenberg"). */
const TITLES = new Set([
  'Graf',
  'Gräfin',
  'Freiherr',
  'Freifrau',
  'Freiin',
  'Prinz',
  'Prinzessin',
  'Fürst',
  'Fürstin',
  'Baron',
  'Baronin',
  'Ritter',
  'Edler',
]);
/** Gazetteer lists of places and organisations: such a word after "von" says where from, not who. */
const NOT_SURNAME = GAZ.country | GAZ.city | GAZ.bigCity | GAZ.organisation | GAZ.igo | GAZ.region;

/** A first name, also one of hyphenated first names ("Karl-Theodor"). */
export function isFirstName(text: string): boolean {
  const gazetteer = loadGazetteer();
  return text
    .toLowerCase()
    .split('-')
    .every((part) => (gazetteer.lookupWord(part) & GAZ.firstName) !== 0);
}

/**
 * Whether a word is German vocabulary rather than a name: in the lexicon as written or in lower case, or a
 * compound of two known words ("Linksfraktion", "Stromausfällen"; not "Guttenberg", whose "Gutten" is no
 * word).
 */
function isVocabulary(word: string): boolean {
  const lexicon = loadLexicon();
  if (!lexicon) return false;
  if (lexicon.has(word) || lexicon.has(word.toLowerCase())) return true;
  const head = lexicon.nounHead(word);
  if (!head || head.length >= word.length) return false;
  const prefix = word.slice(0, word.length - head.length).replace(/-$/, '');
  const candidates = [prefix, prefix.replace(/e?s$/, ''), prefix.replace(/n$/, '')];
  return candidates.some(
    (c) =>
      c.length >= 3 &&
      (lexicon.has(c) || lexicon.has(c.toLowerCase()) || lexicon.has(c[0]!.toUpperCase() + c.slice(1))),
  );
}

/** Where the particles and surname after token `k` end (one past the surname), or -1. */
function particleNameEnd(sentence: readonly NerToken[], k: number): number {
  let j = k;
  if (j < sentence.length && TITLES.has(sentence[j]!.text)) j++;
  const followers = j < sentence.length ? PARTICLES.get(sentence[j]!.text) : undefined;
  if (!followers) return -1;
  j++;
  while (j < sentence.length && followers.has(sentence[j]!.text)) {
    // "von und zu Guttenberg"
    j++;
    if (sentence[j - 1]!.text === 'und' && sentence[j]?.text === 'zu') j++;
  }
  const surname = sentence[j];
  if (!surname || !/^\p{Lu}\p{Ll}/u.test(surname.text) || isVocabulary(surname.text)) return -1;
  // A name of several words after it is an organisation's ("von der Rutgers University", "von Human
  // Rights Watch").
  const next = sentence[j + 1];
  if (next && /^\p{Lu}/u.test(next.text)) return -1;
  const key = surname.text.toLowerCase();
  if ((loadGazetteer().lookupWord(key) & NOT_SURNAME) !== 0 || loadPlaces().candidates(key).length > 0) return -1;
  return j + 1;
}

/**
 * Join the sentence's person names (mentions from index `from` on) with the particles and surnames after
 * them; `offset` is the sentence's first token in the document's NER token list.
 */
export function joinNameParticles(
  doc: { text: string },
  sentence: readonly NerToken[],
  offset: number,
  mentions: Mention[],
  from: number,
): void {
  for (let i = from; i < mentions.length; i++) {
    const m = mentions[i]!;
    // Whole words only: a name inside a compound ("Merkel-Regierung") has no particle after it.
    if (m.end !== sentence[m.last - offset - 1]!.end || m.start !== sentence[m.first - offset]!.start) continue;
    const person = m.type === 'PER' || isFirstName(sentence[m.first - offset]!.text);
    if (!person) continue;
    const end = particleNameEnd(sentence, m.last - offset);
    if (end < 0) continue;
    const last = offset + end;
    const endChar = sentence[end - 1]!.end;
    // The surname's own mention (often a place: "Guttenberg") is part of the name now.
    i = absorbMentions(mentions, i, from, m.last, last);
    mentions[i] = { ...m, type: 'PER', end: endChar, text: doc.text.slice(m.start, endChar), last };
  }
}

/**
 * "Bundesinnenminister Gerhart Baum.", "Außenminister Frank-Walter Steinmeier sagte": a person's mention of
 * one word — a listed first name, or a name right after a role — takes the capitalised word right after it
 * as the surname the tagger missed, often one it knows as a noun ("Baum", "Prinz", "Macht"). Not where a
 * capitalised word follows that one, nor (after an unlisted name) where anything but a punctuation mark
 * does: "kündigte Kanzlerin Merkel Reformen an" has an object there; and a word the lexicon lists, without a
 * role before the name, not where a preposition or article goes on with it or a headline ends on it. Never
 * a place or organisation.
 */
export function joinMissedSurnames(
  doc: { text: string },
  sentence: readonly NerToken[],
  offset: number,
  mentions: Mention[],
  from: number,
): void {
  for (let i = from; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (m.type !== 'PER' || m.last - m.first !== 1) continue;
    const name = sentence[m.first - offset]!;
    if (m.start !== name.start || m.end !== name.end) continue;
    // "Stevens Amtszeit" is Steven's, "Michael Jackson Song" already has its surname.
    if (name.text.endsWith('s') && isFirstName(name.text.slice(0, -1))) continue;
    const role = sentence[m.first - offset - 1];
    if (role && /^\p{Lu}/u.test(role.text) && (role.xpos === 'NE' || isFirstName(role.text))) continue;
    const listed = isFirstName(name.text);
    const titled = role !== undefined && roleSectorOf(role.text, actorDictionary()) !== null;
    if (!listed && !titled) continue;
    const k = m.last - offset;
    const surname = sentence[k];
    if (!surname || surname.start !== name.end + 1 || !/^\p{Lu}\p{Ll}+$/u.test(surname.text)) continue;
    if (/^V/.test(surname.xpos) || isFirstName(surname.text)) continue;
    // After a name the lists do not know, only at the phrase's end: "kündigte Kanzlerin Merkel Reformen an"
    // has an object there.
    const after = sentence[k + 1];
    const ends = after !== undefined && after.xpos.startsWith('$');
    if (after && (/^\p{Lu}/u.test(after.text) || (!listed && !ends))) continue;
    // A word the lexicon lists ("Baum", "Song", "Kurs") not where a preposition or article goes on with
    // it or a headline ends on it: "hatte Rita Kurs auf Texas genommen", "Bald neuer Jackson Song".
    const continues = after === undefined || /^(?:APPR|APPRART|ART)$/.test(after.xpos);
    if (!titled && continues && loadLexicon()?.has(surname.text)) continue;
    if ((loadGazetteer().lookupWord(surname.text.toLowerCase()) & NOT_SURNAME) !== 0) continue;
    // The surname may be a person's mention of its own, which joins the name; never another kind's.
    if (mentions.some((o) => o.first === m.last && o.type !== 'PER')) continue;
    i = absorbMentions(mentions, i, from, m.last, m.last + 1);
    mentions[i] = { ...m, end: surname.end, text: doc.text.slice(m.start, surname.end), last: m.last + 1 };
  }
}

/**
 * Remove the mentions (from index `from` on, other than the `i`th) that start at NER tokens `first` up to
 * `last`, whose words the `i`th mention takes over; returns the `i`th mention's index afterwards.
 */
function absorbMentions(mentions: Mention[], i: number, from: number, first: number, last: number): number {
  for (let j = mentions.length - 1; j >= from; j--) {
    const o = mentions[j]!;
    if (j !== i && o.first >= first && o.first < last) {
      mentions.splice(j, 1);
      if (j < i) i--;
    }
  }
  return i;
}

/** Two-word particles that can only begin a name ("von der Leyen"; "von Merkel" is "by Merkel"). */
const LEADING_PARTICLES = new Set(['von der', 'van der', 'van den', 'de la']);

/**
 * "Von der Leyen betonte", "sagte van der Vaart": a surname alone (as the tagger or the surname pass found
 * it) takes the two-word particle before it. `tokens` are the document's NER tokens.
 */
export function extendLeadingParticles(doc: { text: string }, tokens: readonly NerToken[], mentions: Mention[]): void {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const k = m.first;
    if (m.type !== 'PER' || m.last - k !== 1 || k < 2) continue;
    const a = tokens[k - 2]!;
    const b = tokens[k - 1]!;
    if (a.sentence !== m.sentence || !LEADING_PARTICLES.has(`${a.text.toLowerCase()} ${b.text}`)) continue;
    if (isVocabulary(tokens[k]!.text)) continue;
    mentions[i] = { ...m, start: a.start, text: doc.text.slice(a.start, m.end), first: k - 2 };
  }
}

/** A name without the particles it begins with ("Von der Leyen" → "Leyen"). */
export function withoutLeadingParticles(name: string): string {
  const words = name.split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && /^(von|van|der|den|de|la|zu)$/i.test(words[i]!)) i++;
  return words.slice(i).join(' ');
}
