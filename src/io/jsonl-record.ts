/** One JSONL input record (SPEC.md): `{"id"?, "title"?, "text" | "html", "published"?, "url"?, "source"?}`. */
import { isValidDate } from './dates.js';
import { InputError } from './errors.js';

export interface InputRecord {
  id: string | null;
  title: string | null;
  text: string | null;
  html: string | null;
  published: string | null;
  url: string | null;
  source: string | null;
}

export function parseRecord(line: string, file: string, lineNumber: number): InputRecord {
  const fail = (reason: string): InputError => new InputError(file, reason, lineNumber);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw fail(`invalid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fail('record is not a JSON object');
  const record = value as Record<string, unknown>;
  const optionalString = (key: string): string | null => {
    const v = record[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw fail(`"${key}" must be a string`);
    return v;
  };
  const rawId = record['id'];
  let id: string | null = null;
  if (typeof rawId === 'string' && rawId.trim() !== '') id = rawId.trim();
  else if (typeof rawId === 'number' && Number.isFinite(rawId)) id = String(rawId);
  else if (rawId !== undefined && rawId !== null && rawId !== '') throw fail('"id" must be a string or a number');
  const text = optionalString('text');
  const html = optionalString('html');
  if (text === null && html === null) throw fail('record has no "text" or "html"');
  if ((text ?? html ?? '').trim() === '') throw fail(`record ${text !== null ? '"text"' : '"html"'} is empty`);
  const published = optionalString('published');
  if (published !== null && !isValidDate(published.slice(0, 10)))
    throw fail(`invalid "published" date "${published}" (expected YYYY-MM-DD)`);
  const source = sourceName(record['source'], fail);
  return {
    id,
    title: optionalString('title'),
    text,
    html: text === null ? html : null,
    published: published === null ? null : published.slice(0, 10),
    url: optionalString('url'),
    source,
  };
}

/** `source` may be a name or an object with a `name`. */
function sourceName(v: unknown, fail: (reason: string) => InputError): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && !Array.isArray(v) && typeof (v as { name?: unknown }).name === 'string') {
    return (v as { name: string }).name;
  }
  throw fail('"source" must be a string or an object with a "name"');
}
