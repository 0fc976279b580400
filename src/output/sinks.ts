/**
 * Where analysed documents go: stdout (streamed in input order) or a directory, one file per document
 * (per input file for JSONL), each written to a temporary file and renamed into place, so a reader
 * never sees half a file and a crash never leaves one.
 */
import { mkdir, open, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { DocumentOut, RawDocument } from '../document.js';
import { renderHtmlPage } from './html-page.js';
import { renderTextSummary } from './text-summary.js';
import { renderConllu } from './conllu.js';

export type OutputFormat = 'json' | 'jsonl' | 'text' | 'html' | 'conllu';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'jsonl', 'text', 'html', 'conllu'];

const EXTENSION: Record<OutputFormat, string> = {
  json: '.json',
  jsonl: '.jsonl',
  text: '.txt',
  html: '.html',
  conllu: '.conllu',
};

export interface Sink {
  write(doc: DocumentOut, raw: RawDocument): Promise<void>;
  /** Finish the output; returns the files written (empty for stdout). */
  close(): Promise<string[]>;
}

/** Write `content` to `path` via a temporary file in the same directory and a rename. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = temporaryPathFor(path);
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

/** A hidden name beside `path`, on the same file system so that rename is atomic. */
function temporaryPathFor(path: string): string {
  return join(resolve(path, '..'), `.${basename(path)}.lagebild-tmp-${process.pid}-${tmpCounter++}`);
}
let tmpCounter = 0;

/** Write to a stream, waiting when it asks us to (a slow pipe must not make us buffer everything). */
export function writeChunk(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  return new Promise((done, fail) => {
    const ok = stream.write(chunk, (error) => (error ? fail(error) : undefined));
    if (ok) done();
    else stream.once('drain', done);
  });
}

export function stdoutSink(format: OutputFormat, stream: NodeJS.WritableStream = process.stdout): Sink {
  // json: one object for one document, an array for several (held back until the second one arrives).
  let held: string | null = null;
  let count = 0;
  const html: Array<{ doc: DocumentOut; origin: string }> = [];
  return {
    async write(doc, raw) {
      count++;
      if (format === 'jsonl') return writeChunk(stream, JSON.stringify(doc) + '\n');
      if (format === 'text') return writeChunk(stream, (count > 1 ? '\n' : '') + renderTextSummary(doc, raw.origin));
      if (format === 'conllu') return writeChunk(stream, renderConllu(doc));
      if (format === 'html') {
        html.push({ doc, origin: raw.origin });
        return;
      }
      const json = indent(JSON.stringify(doc, null, 2));
      if (count === 1) held = json;
      else if (count === 2) {
        await writeChunk(stream, `[\n${held},\n${json}`);
        held = null;
      } else await writeChunk(stream, `,\n${json}`);
    },
    async close() {
      if (format === 'json') {
        if (count === 1 && held !== null) await writeChunk(stream, unindent(held) + '\n');
        else if (count === 0) await writeChunk(stream, '[]\n');
        else await writeChunk(stream, '\n]\n');
      }
      if (format === 'html' && html.length) await writeChunk(stream, renderHtmlPage(html));
      return [];
    },
  };
}

function indent(json: string): string {
  return json.replace(/^/gm, '  ');
}

function unindent(json: string): string {
  return json.replace(/^ {2}/gm, '');
}

/**
 * One file per document in `dir`, named after its input (`article.txt` → `article.json`, a JSONL record
 * by its id); for `jsonl`, one file per input file. Names never overwrite an input or each other.
 */
export async function directorySink(dir: string, format: OutputFormat, inputs: readonly string[]): Promise<Sink> {
  await mkdir(dir, { recursive: true });
  const taken = new Set(inputs.filter((f) => f !== '-').map((f) => resolve(f)));
  const written: string[] = [];
  const claim = (name: string): string => {
    const safe = safeFileName(name);
    let path = resolve(dir, safe + EXTENSION[format]);
    for (let n = 2; taken.has(path); n++) path = resolve(dir, `${safe}-${n}${EXTENSION[format]}`);
    taken.add(path);
    return path;
  };
  if (format === 'jsonl') return jsonlDirectorySink(claim, written);
  return {
    async write(doc, raw) {
      const path = claim(raw.outputName);
      const content =
        format === 'json'
          ? JSON.stringify(doc, null, 2) + '\n'
          : format === 'text'
            ? renderTextSummary(doc, raw.origin)
            : format === 'conllu'
              ? renderConllu(doc)
              : renderHtmlPage([{ doc, origin: raw.origin }]);
      await writeFileAtomic(path, content);
      written.push(path);
    },
    async close() {
      return written;
    },
  };
}

/** JSONL into a directory: all documents of one input file go to one `.jsonl`, renamed into place at its end. */
function jsonlDirectorySink(claim: (name: string) => string, written: string[]): Sink {
  let current: { input: string; path: string; tmp: string; handle: Awaited<ReturnType<typeof open>> } | null = null;
  const finish = async (): Promise<void> => {
    if (!current) return;
    await current.handle.close();
    await rename(current.tmp, current.path);
    written.push(current.path);
    current = null;
  };
  return {
    async write(doc, raw) {
      const input = raw.input;
      if (current?.input !== input) {
        await finish();
        const path = claim(input === '-' ? 'stdin' : basename(input, extname(input)));
        const tmp = temporaryPathFor(path);
        current = { input, path, tmp, handle: await open(tmp, 'w') };
      }
      await current.handle.write(JSON.stringify(doc) + '\n');
    },
    async close() {
      await finish();
      return written;
    },
  };
}

/** Letters, digits, `.`, `_` and `-` only; never hidden, never empty, at most 120 characters. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return cleaned || 'document';
}
