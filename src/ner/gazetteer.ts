/**
 * Name lists for the NER model (models/de-gazetteer.tsv.gz, built by `npm run train` from npm packages
 * and data/gazetteer/de/): lower-cased names of one or more tokens with the lists they are on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../util/lexicon.js';

export const GAZETTEER_PATH = join(PACKAGE_ROOT, 'models', 'de-gazetteer.tsv.gz');

/** The lists, one bit each. */
export const GAZ = {
  firstName: 1,
  surname: 2,
  country: 4,
  city: 8,
  bigCity: 16,
  organisation: 32,
  igo: 64,
  region: 128,
  countryAdjective: 256,
  demonym: 512,
  /** Other named things: currencies, languages, eras, wars, events, products (data/ner/de/names.tsv). */
  other: 1024,
} as const;

/** The letter each list has in the gazetteer file, in the order of the bits of `GAZ`. */
const FLAG_LETTERS = 'FLCSBOGRADM';
const FLAG_OF: Record<string, number> = Object.fromEntries([...FLAG_LETTERS].map((c, bit) => [c, 1 << bit]));
const MAX_NAME_TOKENS = 5;

/** Lower case, single spaces: how names are looked up. */
export function gazetteerKey(name: string): string {
  return name.toLowerCase().trim().split(/\s+/u).join(' ');
}

export class Gazetteer {
  /** The first 1 … n−1 tokens of every name of n tokens: a longer match is only sought after one of them. */
  private readonly prefixes = new Set<string>();

  constructor(private readonly flags: ReadonlyMap<string, number>) {
    for (const name of flags.keys())
      for (let space = name.indexOf(' '); space > 0; space = name.indexOf(' ', space + 1))
        this.prefixes.add(name.slice(0, space));
  }

  get size(): number {
    return this.flags.size;
  }

  lookup(key: string): number {
    return this.flags.get(key) ?? 0;
  }

  /** Flags of a single word, also through a genitive ending ("Japans", "Griechenlandes"). */
  lookupWord(lower: string): number {
    const f = this.flags.get(lower);
    if (f !== undefined) return f;
    if (lower.length > 4 && lower.endsWith('s')) {
      const g =
        this.flags.get(lower.slice(0, -1)) ?? (lower.endsWith('es') ? this.flags.get(lower.slice(0, -2)) : undefined);
      if (g !== undefined) return g;
    }
    return 0;
  }

  /**
   * Longest matches over a sentence of lower-cased tokens: for each token, the flags of the longest name
   * starting there (`begin`) and of the names covering it without starting there (`inside`).
   */
  match(lower: readonly string[], begin: Uint16Array, inside: Uint16Array): void {
    begin.fill(0);
    inside.fill(0);
    const n = lower.length;
    for (let i = 0; i < n; i++) {
      let key = lower[i] as string;
      let best = this.lookupWord(key);
      let bestEnd = i + 1;
      for (let j = i + 1; j < Math.min(n, i + MAX_NAME_TOKENS) && this.prefixes.has(key); j++) {
        key += ' ' + (lower[j] as string);
        const f = this.flags.get(key);
        if (f !== undefined) {
          best = f;
          bestEnd = j + 1;
        }
      }
      begin[i] = (begin[i] as number) | best;
      for (let j = i + 1; j < bestEnd; j++) inside[j] = (inside[j] as number) | best;
    }
  }
}

export function parseGazetteer(text: string): Gazetteer {
  const flags = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    let f = 0;
    for (const c of line.slice(tab + 1)) f |= FLAG_OF[c] ?? 0;
    flags.set(line.slice(0, tab), f);
  }
  return new Gazetteer(flags);
}

let loaded: Gazetteer | null | undefined;

/** The shipped gazetteer, loaded once; an empty one before the first `npm run train`. */
export function loadGazetteer(): Gazetteer {
  if (loaded === undefined)
    loaded = existsSync(GAZETTEER_PATH)
      ? parseGazetteer(gunzipSync(readFileSync(GAZETTEER_PATH)).toString('utf8'))
      : null;
  return loaded ?? new Gazetteer(new Map());
}
