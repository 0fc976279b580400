/** The shipped parser model (models/de-parser.bin), loaded once; null before the first `npm run train`. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/lexicon.js';
import { unpackParser, type DependencyParser } from './parser.js';

export const PARSER_MODEL_PATH = join(PACKAGE_ROOT, 'models', 'de-parser.bin');

let loaded: DependencyParser | null | undefined;

export function loadParser(): DependencyParser | null {
  if (loaded === undefined)
    loaded = existsSync(PARSER_MODEL_PATH) ? unpackParser(readFileSync(PARSER_MODEL_PATH)) : null;
  return loaded;
}
