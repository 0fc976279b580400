/** The shipped parser model (models/de-parser.bin), loaded once; null before the first `npm run train`. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/lexicon.js';
import { DependencyParser, unpackParser, type SharedParser } from './parser.js';

export const PARSER_MODEL_PATH = join(PACKAGE_ROOT, 'models', 'de-parser.bin');

let loaded: DependencyParser | null | undefined;

/**
 * The beam width to decode with: `LAGEBILD_PARSER_BEAM` when set (a narrower beam is faster and a little
 * less accurate, see the model card), else the width the model was trained with.
 */
export function parserBeamWidth(env: string | undefined = process.env['LAGEBILD_PARSER_BEAM']): number | undefined {
  if (env === undefined || env === '') return undefined;
  const width = Number(env);
  if (!Number.isInteger(width) || width < 1 || width > 64) {
    throw new Error(`LAGEBILD_PARSER_BEAM must be a whole number from 1 to 64, not "${env}"`);
  }
  return width;
}

/**
 * The beam margin: `LAGEBILD_PARSER_MARGIN` when set (a number, or `none` for a full beam), else the
 * model's own (chosen on dev by `npm run train`).
 */
export function parserMargin(env: string | undefined = process.env['LAGEBILD_PARSER_MARGIN']): number | undefined {
  if (env === undefined || env === '') return undefined;
  if (env === 'none') return Infinity;
  const margin = Number(env);
  if (!Number.isFinite(margin) || margin <= 0) {
    throw new Error(`LAGEBILD_PARSER_MARGIN must be a positive number or "none", not "${env}"`);
  }
  return margin;
}

/**
 * In an analysis thread: use the parser the pool's thread loaded (its weights in shared memory) instead of
 * loading and packing another copy. Call before the first `loadParser`.
 */
export function useSharedParser(shared: SharedParser | null): void {
  if (shared && loaded === undefined) loaded = DependencyParser.fromShared(shared);
}

/** The loaded parser, to hand to analysis threads (`useSharedParser`); null without a model. */
export function sharedParser(): SharedParser | null {
  return loadParser()?.shared() ?? null;
}

export function loadParser(): DependencyParser | null {
  if (loaded === undefined) {
    loaded = existsSync(PARSER_MODEL_PATH)
      ? unpackParser(readFileSync(PARSER_MODEL_PATH), parserBeamWidth(), parserMargin())
      : null;
  }
  return loaded;
}
