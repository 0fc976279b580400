/**
 * The actor dictionary, kept as data (data/gazetteer/de/countries.tsv, organisations.tsv and
 * data/actors/de/roles.tsv): which country a name, adjective, demonym or seat of power stands for,
 * which organisations are IGOs, and which sector a role noun gives a person.
 */
import type { Actor } from '../document.js';
import { readLexiconRows, readWordSet } from '../util/lexicon.js';
import { gazetteerKey } from '../ner/gazetteer.js';
import { compoundHead } from '../text/compounds.js';
import { nameKey, surnameKey } from './name-key.js';

/**
 * A country's name and, where it opens with an adjective, its weak form after an article or preposition:
 * "Demokratische Republik Kongo" → "(der) Demokratischen Republik Kongo", "Vereinigte Arabische Emirate" →
 * "(den) Vereinigten Arabischen Emiraten".
 */
function nameForms(name: string): string[] {
  if (!name) return [];
  const words = name.split(' ');
  if (words.length < 2 || !/^\p{Lu}\p{Ll}+e$/u.test(words[0] as string)) return [name];
  let adjectives = 0;
  while (adjectives < words.length - 1 && /^\p{Lu}\p{Ll}+e$/u.test(words[adjectives] as string)) adjectives++;
  const weak = words.map((w, i) => (i < adjectives ? `${w}n` : w));
  const forms = [name, weak.join(' ')];
  const last = weak[weak.length - 1] as string;
  if (adjectives === words.length - 1 && last.endsWith('e')) forms.push([...weak.slice(0, -1), `${last}n`].join(' '));
  return forms;
}

/**
 * An organisation's name and, where it opens with a strong adjective, the forms it takes after an article:
 * "Europäisches Parlament" → "(das) Europäische Parlament", "(des) Europäischen Parlaments" is listed.
 */
function organisationForms(name: string): string[] {
  const [first = '', ...rest] = name.split(' ');
  const strong = /^(\p{Lu}\p{Ll}{3,})e[rs]$/u.exec(first);
  if (!strong || rest.length === 0) return [name];
  const tail = rest.join(' ');
  return [name, `${strong[1]}e ${tail}`, `${strong[1]}en ${tail}`];
}

/** How a country adjective inflects: belarussisch, -e, -en, -er, -es, -em. */
export const ADJECTIVE_ENDINGS = ['', 'e', 'en', 'er', 'es', 'em'];

export interface ActorDictionary {
  /** Country names (lower case) → ISO alpha-3. */
  countryByName: Map<string, string>;
  /** ISO alpha-3 → the country's German name as the dictionary lists it first ("Russland", "USA"). */
  countryName: Map<string, string>;
  /** Regions and states (lower case) → the country they lie in ("brandenburg" → DEU). */
  countryByRegion: Map<string, string>;
  /** Inflected country adjectives ("belarussischen") → ISO alpha-3. */
  countryByAdjective: Map<string, string>;
  /** Demonyms, singular and plural ("Osttimoresen") → ISO alpha-3. */
  countryByDemonym: Map<string, string>;
  /** Capitals and seats of power ("kreml", "weißes haus") → ISO alpha-3. */
  seatOfPower: Map<string, string>;
  /** Organisation names → code and kind. */
  organisation: Map<string, { code: string; kind: string; row: number }>;
  /** Role nouns (lower case) → sector. */
  roleSector: Map<string, string>;
  /** Persons with their codes over time (data/actors/de/persons.tsv), by nameKey of a full name. */
  personByName: Map<string, PersonEntry[]>;
  /** The same, by surname key, for persons whose surname alone names them. */
  personBySurname: Map<string, PersonEntry[]>;
}

/** One row of persons.tsv: a person's code from one year to another (to: null while it lasts). */
export interface PersonEntry {
  /** Which person: the index of the person's first row. */
  row: number;
  actor: Actor;
  from: number;
  to: number | null;
  /** The person's first-written name ("Wladimir Putin"): what the store keys the person by. */
  name: string;
  /** In the surname index: the listed surname as written, lower case. */
  surname?: string;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function build(): ActorDictionary {
  const personIds = new Map<string, number>();
  const personNames = new Map<number, string>();
  const d: ActorDictionary = {
    countryByName: new Map(),
    countryName: new Map(),
    countryByRegion: new Map(),
    countryByAdjective: new Map(),
    countryByDemonym: new Map(),
    seatOfPower: new Map(),
    organisation: new Map(),
    roleSector: new Map(),
    personByName: new Map(),
    personBySurname: new Map(),
  };
  for (const [iso, names = '', adjectives = '', demonyms = '', seats = ''] of readLexiconRows(
    'gazetteer/de/countries.tsv',
  )) {
    const code = iso as string;
    for (const n of demonyms.split('|')) if (n) d.countryByDemonym.set(gazetteerKey(n), code);
    for (const n of names.split('|')) for (const form of nameForms(n)) d.countryByName.set(gazetteerKey(form), code);
    const name = names.split('|')[0];
    if (name) d.countryName.set(code, name);
    for (const a of adjectives.split('|'))
      if (a) for (const e of ADJECTIVE_ENDINGS) d.countryByAdjective.set(a + e, code);
    for (const n of seats.split('|')) if (n) d.seatOfPower.set(gazetteerKey(n), code);
  }
  for (const [names = '', iso = ''] of readLexiconRows('gazetteer/de/regions.tsv'))
    if (/^[A-Z]{3}$/.test(iso)) for (const n of names.split('|')) if (n) d.countryByRegion.set(gazetteerKey(n), iso);
  readLexiconRows('gazetteer/de/organisations.tsv').forEach(([names = '', code = '', kind = ''], row) => {
    const entry = { code, kind, row };
    for (const n of names.split('|'))
      for (const form of organisationForms(n)) {
        const key = gazetteerKey(form);
        // A listed name wins over another row's inflected form.
        if (form === n || !d.organisation.has(key)) d.organisation.set(key, entry);
      }
  });
  for (const [forms = '', sector = ''] of readLexiconRows('actors/de/roles.tsv')) {
    for (const f of forms.split('|')) if (f) d.roleSector.set(f.toLowerCase(), sector);
  }
  const igo = new Set([...d.organisation.values()].filter((o) => o.kind === 'IGO').map((o) => o.code));
  readLexiconRows('actors/de/persons.tsv').forEach(([names = '', code = '', from = '', to = '', alone = ''], row) => {
    // A person's rows share the id of the first row with its first-written name.
    const first = names.split('|')[0] as string;
    const person = nameKey(first);
    let id = personIds.get(person);
    if (id === undefined) personIds.set(person, (id = row));
    if (!personNames.has(id)) personNames.set(id, first);
    const actor: Actor = igo.has(code)
      ? { code, country: code, sector: 'IGO' }
      : { code, country: code.slice(0, 3), sector: code.slice(3) || null };
    const entry: PersonEntry = {
      row: id,
      name: personNames.get(id) as string,
      actor,
      from: Number(from),
      to: to ? Number(to) : null,
    };
    for (const n of names.split('|')) {
      push(d.personByName, nameKey(n), entry);
      if (alone === 'x') push(d.personBySurname, surnameKey(n), { ...entry, surname: lastWord(n) });
    }
  });
  return d;
}

let dictionary: ActorDictionary | undefined;

export function actorDictionary(): ActorDictionary {
  dictionary ??= build();
  return dictionary;
}

/**
 * The dictionary's code for a person at a time: by full name, or by surname where the surname alone
 * names one listed person; the entry in force in `year` (the latest without a year). Null when the
 * name is not listed, is ambiguous, or had no code then.
 */
export function personActorOf(name: string, year: number | null, d: ActorDictionary): Actor | null {
  const entries = listedPerson(name, d);
  if (!entries) return null;
  if (year === null) return entries.reduce((a, b) => (b.from > a.from ? b : a)).actor;
  return entries.find((e) => e.from <= year && (e.to === null || year <= e.to))?.actor ?? null;
}

/** The name a listed person goes by ("Putin", "Wladimir W. Putin" → "Wladimir Putin"), else null. */
export function listedPersonName(name: string, d: ActorDictionary = actorDictionary()): string | null {
  return listedPerson(name, d)?.[0]?.name ?? null;
}

/** The rows of the one listed person `name` names, or null when it names none or several. */
function listedPerson(name: string, d: ActorDictionary): PersonEntry[] | null {
  const words = name.trim().split(/\s+/u);
  // A full name finds its person by the full name; by the surname only where the other words are initials
  // ("George W. Bush") — "Tanja Potiainen" is no "Putin", whose consonants her surname shares.
  const initialsOnly = words.slice(0, -1).every((w) => /^(\p{Lu}\.?|da|de|do|dos|van|von|der|al|bin|ibn)$/u.test(w));
  const bySurname = (): PersonEntry[] | undefined => {
    const surname = foldSpelling(lastWord(name));
    const all = d.personBySurname.get(surnameKey(name));
    // The key folds vowels away, and a surname alone has no first name to confirm it: it must be spelt as
    // listed (the list holds the transliterations), up to one letter in a long name or a genitive -s.
    // "Wolf" is not Wulff, "Roth" not Rutte.
    const close = all?.filter((e) => {
      const listed = foldSpelling(e.surname ?? '');
      return surname === listed || surname === `${listed}s` || (listed.length >= 6 && withinOneEdit(surname, listed));
    });
    return all && new Set(all.map((e) => e.row)).size === 1 && close?.length ? close : undefined;
  };
  // "Wladimir W. Putin" is listed as "Wladimir Putin".
  const withoutInitials = words.filter((w) => !/^\p{Lu}\.$/u.test(w)).join(' ');
  const entries =
    (words.length > 1
      ? (d.personByName.get(nameKey(name)) ?? d.personByName.get(nameKey(withoutInitials)))
      : undefined) ?? (words.length === 1 || initialsOnly ? bySurname() : undefined);
  return entries && new Set(entries.map((e) => e.row)).size === 1 ? entries : null;
}

const GERMAN_DIGRAPHS: Record<string, string> = { š: 'sch', ž: 'sch', č: 'tsch', ß: 'ss' };

/** Lower case without diacritics, Slavic carons as German writes them: Erdoğan = erdogan, Lukašenka = lukaschenka. */
function foldSpelling(word: string): string {
  return word
    .toLowerCase()
    .replace(/[šžčß]/g, (c) => GERMAN_DIGRAPHS[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** Whether one insertion, deletion or substitution (or none) turns `a` into `b`. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, from: number): string => x.slice(from);
  if (a.length === b.length) return rest(a, i + 1) === rest(b, i + 1);
  return a.length > b.length ? rest(a, i + 1) === rest(b, i) : rest(a, i) === rest(b, i + 1);
}

function lastWord(name: string): string {
  const parts = name.trim().toLowerCase().split(/\s+/u);
  return parts[parts.length - 1] as string;
}

export function actorOf(country: string | null, sector: string | null): Actor | null {
  if (!country && !sector) return null;
  return { code: `${country ?? ''}${sector ?? ''}`, country, sector };
}

/** A country written as the first part of a hyphen compound: "US-Außenminister", "EU-Kommission". */
export function countryOfPrefix(word: string, d: ActorDictionary): string | null {
  const hyphen = word.indexOf('-');
  if (hyphen <= 0) return null;
  const prefix = gazetteerKey(word.slice(0, hyphen));
  return d.countryByName.get(prefix) ?? (d.countryByAdjective.get(prefix) || null);
}

/** The country a word names as a compound prefix or an adjective: "US-Außenminister", "polnische". */
export function countryOfWord(word: string, d: ActorDictionary): string | null {
  return countryOfPrefix(word, d) ?? d.countryByAdjective.get(word.toLowerCase()) ?? null;
}

/** The country a word names as a prefix, an adjective or a name ("US" tokenised apart from "-Präsident"). */
export function countryNamedBy(word: string, d: ActorDictionary): string | null {
  return countryOfWord(word, d) ?? d.countryByName.get(gazetteerKey(word)) ?? null;
}

/** A country name, also in the genitive ("Russlands"). */
export function countryOfName(word: string, d: ActorDictionary): string | null {
  const key = gazetteerKey(word);
  return d.countryByName.get(key) ?? (key.endsWith('s') ? d.countryByName.get(key.slice(0, -1)) : undefined) ?? null;
}

const PERSON_NOUNS = readWordSet('lexicons/de/person-nouns.txt');

/** Whether a noun (lemma) names people without a sector of its own: "Mann", "Verdächtige", "Amtskollege". */
export function isPersonNoun(lemma: string): boolean {
  return PERSON_NOUNS.has(lemma);
}

/**
 * The sector of a role noun, also as the last part of a compound ("Oppositionspolitikerin") and with the
 * -s of plurals and genitives the role list does not spell out ("Regierungschefs", "des Kanzlers").
 */
export function roleSectorOf(word: string, d: ActorDictionary): string | null {
  const lower = word.toLowerCase();
  const role = (part: string): string | undefined => d.roleSector.get(part);
  let found = role(lower) ?? compoundHead(lower, role);
  // Without the -s, a compound's last part must be longer: "Verbandes" does not end in "Bande".
  if (!found && lower.endsWith('s')) found = role(lower.slice(0, -1)) ?? compoundHead(lower.slice(0, -1), role, 6);
  // "-": a word that ends in a role but is none ("Schiedsrichter" is no judge).
  return found === '-' ? null : found;
}
