/**
 * Word classes from unlabelled text (models/de-clusters.tsv.gz, built by `npm run train`, see
 * src/train/build-clusters.ts): for each word, its class at each granularity (coarse first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../util/lexicon.js';

export const CLUSTERS_PATH = join(PACKAGE_ROOT, 'models', 'de-clusters.tsv.gz');

export class WordClusters {
  constructor(private readonly classes: ReadonlyMap<string, readonly string[]>) {}

  get size(): number {
    return this.classes.size;
  }

  /** The word's classes, coarse first, as written, else of its lower-cased form; null if it has none. */
  of(form: string): readonly string[] | null {
    return this.classes.get(form) ?? this.classes.get(form.toLowerCase()) ?? null;
  }
}

export function parseClusters(text: string): WordClusters {
  const classes = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    if (cells.length < 2) continue;
    classes.set(cells[0] as string, cells.slice(1));
  }
  return new WordClusters(classes);
}

let loaded: WordClusters | undefined;

/** Drops the loaded classes, so the next `loadClusters` reads the file `npm run train` just wrote. */
export function forgetClusters(): void {
  loaded = undefined;
}

/** The shipped classes, loaded once; none before the first `npm run train`. */
export function loadClusters(): WordClusters {
  return (loaded ??= existsSync(CLUSTERS_PATH)
    ? parseClusters(gunzipSync(readFileSync(CLUSTERS_PATH)).toString('utf8'))
    : new WordClusters(new Map()));
}
