/**
 * The article text of the German Wikinews corpus in ../shared/data/wikinews-spkatt (CC BY 2.5), read
 * without its speaker annotations (CC BY-NC-SA): the unlabelled text that word clusters and parser
 * self-training learn from.
 */
import { readFileSync } from 'node:fs';

/** The article texts of a JSONL file whose records have a `text` field ('' for a record without). */
export function articleTexts(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { text?: string }).text ?? '');
}
