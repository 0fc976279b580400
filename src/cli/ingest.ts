/**
 * `lagebild ingest PATH... --db FILE|URL`: read folders, text, HTML, JSONL and feed files, analyse what
 * the store does not hold yet and store it. Each document is committed on its own, and a text already
 * stored is skipped before analysis, so a killed run started again finishes the batch with nothing lost
 * and nothing doubled.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { RawDocument } from '../document.js';
import type { InputError } from '../io/errors.js';
import { contentId, readInputs, type ReadOptions } from '../io/sources.js';
import { createAnalyzer } from '../parallel/pool.js';
import { Store, type PutOutcome } from '../store/store.js';
import { linkPending, type LinkResult } from '../linking/stories.js';
import { createProgress } from './progress.js';
import { BatchLog, forEachDocumentAhead } from './batch.js';

export interface IngestSettings extends Omit<ReadOptions, 'stdin'> {
  db: string;
  published: string | null;
  progress: boolean;
  /** Analysis threads (default 1: in the main thread). */
  workers?: number;
}

export interface IngestResult {
  counts: Record<PutOutcome, number>;
  /** Articles put into stories after storing (every unlinked one in the store, not only this run's). */
  linked: LinkResult;
  failed: InputError[];
  seconds: number;
}

/** The extensions a folder is searched for; files named on the command line are read whatever they are. */
const INGESTED = new Set([
  '.txt',
  '.text',
  '.html',
  '.htm',
  '.xhtml',
  '.jsonl',
  '.ndjson',
  '.rss',
  '.atom',
  '.rdf',
  '.xml',
]);

/** Files named stay as given; folders become their readable files, recursively, in a stable order. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = path === '-' ? null : await stat(path).catch(() => null);
    if (info?.isDirectory()) files.push(...(await filesUnder(path)));
    else files.push(path);
  }
  return files;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(path)));
    else if (entry.isFile() && INGESTED.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}

/**
 * An article's identity across versions: the id its input gives, else its URL, else the file it was
 * read from; a JSONL record with neither id nor URL is identified by its text alone.
 */
export function articleKey(raw: RawDocument): string {
  if (raw.givenId) return `id:${raw.givenId}`;
  if (raw.source.url) return `url:${raw.source.url}`;
  if (raw.input !== '-' && raw.origin === raw.input) return `file:${resolve(raw.input)}`;
  return contentId(raw.text);
}

export async function runIngest(
  paths: readonly string[],
  settings: IngestSettings,
  stderr: NodeJS.WritableStream,
): Promise<IngestResult> {
  const started = performance.now();
  const files = await expandPaths(paths);
  const store = await Store.open(settings.db);
  const counts: Record<PutOutcome, number> = { added: 0, updated: 0, unchanged: 0 };
  const log = new BatchLog(stderr);
  const progress = createProgress(files, settings.progress);
  const analyzer = createAnalyzer(settings.workers ?? 1);
  let linked: LinkResult = { documents: 0, newStories: 0 };
  try {
    await forEachDocumentAhead(
      readInputs(files, settings),
      progress,
      log,
      analyzer.concurrency,
      // Texts already stored are not analysed again (that is what makes a rerun after a kill cheap).
      async (raw) =>
        (await store.hasText(raw.text))
          ? null
          : analyzer.analyze({ raw, published: settings.published, stages: null, withTokens: false, explain: false }),
      async (raw, result) => {
        try {
          if (result.status === 'rejected') throw result.reason;
          if (result.value === null) counts.unchanged++;
          else {
            const { outcome } = await store.put(result.value.doc, { articleKey: articleKey(raw), origin: raw.origin });
            counts[outcome]++;
          }
        } catch (error) {
          log.failDocument(raw, 'not stored', error);
        }
      },
    );
    // The analysis threads are done: free them before linking (closing again below is harmless).
    await analyzer.close();
    linked = await linkPending(store.db);
  } finally {
    await analyzer.close();
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const done = counts.added + counts.updated + counts.unchanged;
  const failed = log.failed;
  log.report(
    `${done} documents in ${store.db.location}: ${counts.added} added, ${counts.updated} updated, ` +
      `${counts.unchanged} already stored; ${failed.length} failed; ${seconds.toFixed(1)} s ` +
      `(${(done / Math.max(seconds, 1e-3)).toFixed(1)} documents/s); ${linked.documents} linked into stories ` +
      `(${linked.newStories} new)`,
  );
  log.listFailures(`${failed.length} failed:`);
  return { counts, linked, failed, seconds };
}
