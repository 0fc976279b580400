/**
 * Command-line inputs → a stream of raw documents or input errors, in input order.
 *
 * Plain text and HTML files are read whole (refused above `maxBytes`); JSONL files and JSONL on stdin are
 * streamed line by line with the limit applied to each record, so memory stays bounded for any file size.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import type { RawDocument } from '../document.js';
import { decodeBytes, looksBinary, normalizeText, type Encoding } from './decode.js';
import { InputError } from './errors.js';
import { readHtmlArticle } from './read-html.js';
import { joinTitle, splitHeadline } from './read-text.js';
import { parseRecord } from './jsonl-record.js';
import { splitLines } from './lines.js';
import { readFeed } from './read-feed.js';

export type InputKind = 'auto' | 'txt' | 'html' | 'jsonl' | 'feed';
export const INPUT_KINDS: readonly InputKind[] = ['auto', 'txt', 'html', 'jsonl', 'feed'];

export interface ReadOptions {
  encoding: Encoding;
  /** Largest text or HTML document, and largest JSONL line, in bytes. */
  maxBytes: number;
  kind: InputKind;
  /** Read from here instead of process.stdin for `-` (tests). */
  stdin?: NodeJS.ReadableStream;
}

export type InputItem = { ok: true; doc: RawDocument } | { ok: false; error: InputError };

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export async function* readInputs(files: readonly string[], options: ReadOptions): AsyncGenerator<InputItem> {
  for (const file of files) {
    try {
      if (file === '-') yield* readStdin(options);
      else yield* readFileInput(file, options);
    } catch (error) {
      yield { ok: false, error: asInputError(error, file) };
    }
  }
}

function asInputError(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(file, 'no such file');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(file, 'permission denied');
  if (code === 'EISDIR') return new InputError(file, 'is a directory (name the files in it, e.g. dir/*.txt)');
  return new InputError(file, (error as Error).message ?? String(error));
}

async function* readFileInput(file: string, options: ReadOptions): AsyncGenerator<InputItem> {
  const info = await stat(file);
  if (info.isDirectory()) throw new InputError(file, 'is a directory (name the files in it, e.g. dir/*.txt)');
  if (!info.isFile()) throw new InputError(file, 'not a regular file');
  if (info.size === 0) throw new InputError(file, 'empty file');
  const kind = options.kind === 'auto' ? (kindFromExtension(file) ?? sniffKind(await readHead(file))) : options.kind;
  if (kind === 'jsonl') {
    yield* readJsonl(createReadStream(file), file, options);
    return;
  }
  if (info.size > options.maxBytes) throw tooLarge(file, info.size, options.maxBytes);
  yield* documentsFromBytes(await readFile(file), file, kind, options);
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2048), 0, 2048, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function* readStdin(options: ReadOptions): AsyncGenerator<InputItem> {
  const stream = options.stdin ?? process.stdin;
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new InputError('-', 'empty input on stdin');
  const firstChunk = typeof first.value === 'string' ? Buffer.from(first.value) : first.value;
  const kind = options.kind === 'auto' ? sniffKind(firstChunk) : options.kind;
  const rest = (async function* () {
    yield firstChunk;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
  })();
  if (kind === 'jsonl') {
    yield* readJsonl(Readable.from(rest), '-', options);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of rest) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > options.maxBytes) throw tooLarge('-', size, options.maxBytes, true);
    chunks.push(buffer);
  }
  yield* documentsFromBytes(Buffer.concat(chunks), '-', kind, options);
}

function tooLarge(file: string, size: number, max: number, partial = false): InputError {
  const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;
  return new InputError(
    file,
    `${partial ? 'more than ' : ''}${mb(size)}, above the --max-bytes limit of ${mb(max)}; ` +
      'raise --max-bytes or split the file (JSONL is streamed record by record)',
  );
}

function kindFromExtension(file: string): Exclude<InputKind, 'auto'> | null {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (ext === '.rss' || ext === '.atom' || ext === '.rdf') return 'feed';
  return null;
}

/**
 * For stdin and unknown extensions (.xml among them): an RSS, RDF or Atom root element makes a feed,
 * other markup HTML, `{` starts JSONL, anything else is text.
 */
function sniffKind(bytes: Uint8Array): Exclude<InputKind, 'auto'> {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 32 || bytes[i] === 9 || bytes[i] === 10 || bytes[i] === 13)) i++;
  if (bytes[i] === 0x3c) {
    const head = Buffer.from(bytes.subarray(i)).toString('latin1');
    return /<(?:rss|feed|rdf:RDF)[\s>]/.test(head) ? 'feed' : 'html';
  }
  if (bytes[i] === 0x7b) return 'jsonl';
  return 'txt';
}

/** A whole file's bytes → its documents: one for text and HTML, one per item for a feed. */
async function* documentsFromBytes(
  bytes: Uint8Array,
  file: string,
  kind: Exclude<InputKind, 'auto' | 'jsonl'>,
  options: ReadOptions,
): AsyncGenerator<InputItem> {
  if (kind === 'feed') {
    const name = file === '-' ? 'stdin' : basename(file, extname(file));
    yield* readFeed(decodeBytes(bytes, file, options.encoding), file, name);
    return;
  }
  yield { ok: true, doc: await documentFromBytes(bytes, file, kind, options) };
}

async function documentFromBytes(
  bytes: Uint8Array,
  file: string,
  kind: Exclude<InputKind, 'auto' | 'jsonl' | 'feed'>,
  options: ReadOptions,
): Promise<RawDocument> {
  const decoded = decodeBytes(bytes, file, options.encoding);
  const name = file === '-' ? 'stdin' : basename(file, extname(file));
  const base = { input: file, origin: file, outputName: name, givenId: null };
  if (kind === 'html') {
    const article = await readHtmlArticle(decoded, file);
    const titled = joinTitle(article.title, normalizeText(article.body));
    return { ...base, ...titled, published: article.published, source: { name: article.siteName, url: article.url } };
  }
  const normalized = normalizeText(decoded);
  if (normalized.trim() === '') throw new InputError(file, 'no text (the file holds only whitespace)');
  return { ...base, ...splitHeadline(normalized), published: null, source: { name: null, url: null } };
}

async function* readJsonl(stream: Readable, file: string, options: ReadOptions): AsyncGenerator<InputItem> {
  const base = file === '-' ? 'stdin' : basename(file, extname(file));
  let records = 0;
  for await (const line of splitLines(stream, options.maxBytes)) {
    const where = `${file}:${line.number}`;
    try {
      if (line.tooLong)
        throw new InputError(file, `line longer than the --max-bytes limit (${options.maxBytes} bytes)`, line.number);
      if (isBlank(line.bytes)) continue;
      records++;
      if (looksBinary(line.bytes)) throw new InputError(file, 'binary data, not a JSON record', line.number);
      const source = decodeBytes(line.bytes, file, options.encoding);
      const record = parseRecord(source, file, line.number);
      let title = record.title;
      let body: string;
      let published = record.published;
      let sourceName = record.source;
      let url = record.url;
      if (record.text !== null) {
        body = normalizeText(record.text);
      } else {
        const article = await readHtmlArticle(record.html ?? '', file, line.number);
        title ??= article.title;
        body = normalizeText(article.body);
        published ??= article.published;
        sourceName ??= article.siteName;
        url ??= article.url;
      }
      if (body.trim() === '') throw new InputError(file, 'record text is empty', line.number);
      const titled = joinTitle(title, body);
      yield {
        ok: true,
        doc: {
          input: file,
          origin: where,
          outputName: record.id ?? `${base}-${line.number}`,
          givenId: record.id,
          title: titled.title,
          text: titled.text,
          published,
          source: { name: sourceName, url },
        },
      };
    } catch (error) {
      yield {
        ok: false,
        error: error instanceof InputError ? error : new InputError(file, String(error), line.number),
      };
    }
  }
  if (records === 0) throw new InputError(file, 'no JSONL records');
}

function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 32 && b !== 9 && b !== 13) return false;
  return true;
}

/** The id a document gets when its input names none: the same text always gives the same id. */
export function contentId(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}
