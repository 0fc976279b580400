/**
 * `lagebild export`: the store's latest articles as PLOVER JSON, GDELT 2.0 TSV, CoNLL-U or CSV tables.
 * Output goes to stdout, or to --out through temporary files renamed into place only when the export
 * has finished, so an interrupted export never leaves a half-written file behind.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';
import { UsageError } from '../io/errors.js';
import { analyzeDocument } from '../pipeline.js';
import { toDocumentOut } from '../output/document-json.js';
import { renderConllu } from '../output/conllu.js';
import { writeChunk } from '../output/sinks.js';
import { Store } from '../store/store.js';
import { storedAnalyses } from '../export/stored.js';
import { gdeltLines, GDELT_COLUMNS } from '../export/gdelt.js';
import { ploverEvents } from '../export/plover.js';
import { csvHeader, csvRows, TABLES } from '../export/tables.js';

export const EXPORT_FORMATS = ['plover', 'gdelt', 'conllu', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportSettings {
  db: string;
  format: ExportFormat;
  /** A file (a folder for csv); null writes to stdout (csv: not possible). */
  out: string | null;
  /** gdelt: write the column names as a first line (GDELT's own files have none). */
  header: boolean;
}

export interface ExportResult {
  documents: number;
  records: number;
  files: string[];
}

/** A file written under a temporary name and renamed into place by commit(). */
class PendingFile {
  readonly tmp: string;
  readonly stream: NodeJS.WritableStream & { close?: () => void };
  constructor(readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.lagebild-tmp-${process.pid}`);
    this.stream = createWriteStream(this.tmp, { encoding: 'utf8' });
  }
  async finish(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
  async commit(): Promise<void> {
    await rename(this.tmp, this.path);
  }
  async abort(): Promise<void> {
    this.stream.end();
    await unlink(this.tmp).catch(() => undefined);
  }
}

export async function runExport(settings: ExportSettings, stdout: NodeJS.WritableStream): Promise<ExportResult> {
  if (settings.format === 'csv' && !settings.out)
    throw new UsageError('--format csv writes one file per table: give a folder with --out');
  // Exporting reads: a mistyped file name must not create (and export) an empty store.
  if (!/^postgres(ql)?:\/\//.test(settings.db) && !existsSync(settings.db))
    throw new UsageError(`no store at ${settings.db} (create one with lagebild ingest)`);
  const store = await Store.open(settings.db);
  const pending: PendingFile[] = [];
  const streams: Record<string, NodeJS.WritableStream> = {};
  try {
    if (settings.format === 'csv') {
      await mkdir(settings.out!, { recursive: true });
      for (const table of Object.keys(TABLES)) {
        const file = new PendingFile(join(settings.out!, `${table}.csv`));
        pending.push(file);
        streams[table] = file.stream;
        await writeChunk(file.stream, csvHeader(table));
      }
    } else if (settings.out) {
      await mkdir(dirname(settings.out), { recursive: true });
      const file = new PendingFile(settings.out);
      pending.push(file);
      streams['main'] = file.stream;
    } else streams['main'] = stdout;

    const main = streams['main']!;
    let documents = 0;
    let records = 0;
    if (settings.format === 'gdelt' && settings.header) await writeChunk(main, GDELT_COLUMNS.join('\t') + '\n');
    if (settings.format === 'plover') await writeChunk(main, '[');
    for await (const { contentId, ingestedAt, storyId, analysis, links } of storedAnalyses(store.db)) {
      documents++;
      switch (settings.format) {
        case 'plover':
          for (const event of ploverEvents(analysis, contentId, { storyId, links })) {
            await writeChunk(main, `${records === 0 ? '\n' : ',\n'}${JSON.stringify(event)}`);
            records++;
          }
          break;
        case 'gdelt': {
          const lines = gdeltLines(analysis, contentId, ingestedAt, links);
          if (lines.length) await writeChunk(main, lines.join('\n') + '\n');
          records += lines.length;
          break;
        }
        case 'conllu': {
          // The store keeps no tokens: the stored text is parsed again (deterministic for one model version).
          const doc = analyzeDocument({
            input: contentId,
            origin: contentId,
            outputName: contentId,
            givenId: analysis.id,
            title: analysis.title,
            text: analysis.text,
            published: analysis.published,
            source: analysis.source,
          });
          const out = toDocumentOut(doc, { withTokens: true });
          await writeChunk(main, renderConllu({ ...out, id: contentId }));
          records += out.sentences.length;
          break;
        }
        case 'csv':
          for (const [table, text] of Object.entries(csvRows(analysis, contentId, ingestedAt, { storyId, links }))) {
            if (text) await writeChunk(streams[table]!, text);
            if (table === 'events') records += analysis.events.length;
          }
          break;
      }
    }
    if (settings.format === 'plover') await writeChunk(main, records ? '\n]\n' : ']\n');
    for (const file of pending) await file.finish();
    for (const file of pending) await file.commit();
    return { documents, records, files: pending.map((f) => f.path) };
  } catch (error) {
    for (const file of pending) await file.abort();
    throw error;
  } finally {
    await store.close();
  }
}
