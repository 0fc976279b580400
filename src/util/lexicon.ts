import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The package root, found from this module's place in `src/util/` or `dist/util/`. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of a file under the package's `data/` folder. */
export function dataPath(relative: string): string {
  return join(PACKAGE_ROOT, 'data', relative);
}

/**
 * Rows of a lexicon file under `data/`: one entry a line, `#` starts a comment line, columns separated
 * by tabs. Lexicons are data, reviewed by linguists, so the format stays this plain.
 */
export function readLexiconRows(relative: string): string[][] {
  return readLexiconLines(relative).map((r) => r.cells);
}

/** Like `readLexiconRows`, with each row's 1-based line number (for messages that point into the file). */
export function readLexiconLines(relative: string): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  readFileSync(dataPath(relative), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      const trimmed = text.trimEnd();
      if (trimmed !== '' && !trimmed.startsWith('#')) rows.push({ line: i + 1, cells: trimmed.split('\t') });
    });
  return rows;
}

/** The first column of a lexicon file as a set. */
export function readWordSet(relative: string): Set<string> {
  return new Set(readLexiconRows(relative).map((row) => row[0] as string));
}
