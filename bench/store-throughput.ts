/**
 * What storing costs beside analysing: the Wikinews corpus (bench/corpus/wikinews.jsonl, first copy only,
 * so every text is distinct) analysed once, then put into a fresh SQLite store, and into PostgreSQL when
 * LAGEBILD_BENCH_POSTGRES names a server (a database there is created and dropped).
 *
 *   node --import tsx bench/make-wikinews-corpus.ts --copies 1
 *   node --import tsx bench/store-throughput.ts [--docs 850]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentOut } from '../src/document.js';
import { joinTitle } from '../src/io/read-text.js';
import { toDocumentOut } from '../src/output/document-json.js';
import { analyzeDocument } from '../src/pipeline.js';
import { Store } from '../src/store/store.js';
import { listEvents } from '../src/store/queries.js';

const i = process.argv.indexOf('--docs');
const limit = i >= 0 ? Number(process.argv[i + 1]) : 850;
const records = readFileSync(join(import.meta.dirname, 'corpus', 'wikinews.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { id: string; title: string; text: string; published: string })
  .filter((r) => r.id.endsWith('-0'))
  .slice(0, limit);

let started = performance.now();
const docs: DocumentOut[] = records.map((r) => {
  const titled = joinTitle(r.title, r.text);
  const raw = {
    input: 'bench',
    origin: r.id,
    outputName: r.id,
    givenId: r.id,
    title: titled.title,
    text: titled.text,
    published: r.published,
    source: { name: 'Wikinews', url: null },
  };
  return toDocumentOut(analyzeDocument(raw), { withTokens: false });
});
const analyseSeconds = (performance.now() - started) / 1000;
const events = docs.reduce((n, d) => n + d.events.length, 0);
console.log(`analysed ${docs.length} documents (${events} events) in ${analyseSeconds.toFixed(2)} s`);

async function timeStore(location: string, label: string): Promise<void> {
  const store = await Store.open(location);
  started = performance.now();
  for (const doc of docs) await store.put(doc, { articleKey: `id:${doc.id}`, origin: doc.id });
  const putSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const page = await listEvents(store.db, { limit: 500, offset: 0, types: ['PROTEST', 'ASSAULT'] });
  const querySeconds = (performance.now() - started) / 1000;
  await store.close();
  console.log(
    `${label}: put ${docs.length} documents in ${putSeconds.toFixed(2)} s (${(docs.length / putSeconds).toFixed(0)} documents/s, ` +
      `${((100 * putSeconds) / (analyseSeconds + putSeconds)).toFixed(1)} % of ingest time); ` +
      `event query (${page.total} PROTEST/ASSAULT) ${(querySeconds * 1000).toFixed(1)} ms`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'lagebild-bench-'));
await timeStore(join(dir, 'bench.db'), 'SQLite');
rmSync(dir, { recursive: true, force: true });

const pgUrl = process.env['LAGEBILD_BENCH_POSTGRES'];
if (pgUrl) {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS lagebild_bench');
  await admin.query('CREATE DATABASE lagebild_bench');
  const url = new URL(pgUrl);
  url.pathname = '/lagebild_bench';
  await timeStore(url.toString(), 'PostgreSQL');
  await admin.query('DROP DATABASE lagebild_bench WITH (FORCE)');
  await admin.end();
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
