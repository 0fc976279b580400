import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { FIXTURES, ROOT, runCli } from '../helpers.js';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-ingest-'));
  for (const f of ['niger-2010-02-20.txt', 'weissrussland-2006-03-27.html', 'wikinews-batch.jsonl'])
    copyFileSync(join(ROOT, 'examples', f), join(dir, f));
  for (const f of ['nachrichten.rss', 'meldungen.atom']) copyFileSync(join(FIXTURES, 'feeds', f), join(dir, f));
  return dir;
}

function count(db: string, sql: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    return Number((conn.prepare(sql).get() as { n: number }).n);
  } finally {
    conn.close();
  }
}

test('ingest stores folders of text, HTML, JSONL and feeds; a rerun is a no-op; a changed file is a new version', () => {
  const dir = workspace();
  const db = join(dir, 'store', 'lagebild.db');
  const first = runCli(['ingest', dir, '--db', db, '--published', '2010-02-20']);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /7 documents in .*lagebild\.db: 6 added, 0 updated, 1 already stored; 0 failed/);
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM documents'), 6);

  const feed = new Database(db, { readonly: true });
  const items = feed
    .prepare(
      "SELECT title, published, source_name, source_url, text FROM documents WHERE source_name = 'Testnachrichten' ORDER BY title",
    )
    .all() as Array<{ title: string; published: string; source_url: string; text: string }>;
  feed.close();
  assert.deepEqual(
    items.map((i) => [i.title, i.published, i.source_url]),
    [
      ['Proteste in Minsk', '2020-08-16', 'https://example.org/minsk'],
      ['Sanktionen beschlossen', '2020-08-14', 'https://example.org/eu'],
    ],
  );
  assert.ok(
    items.every((i) => !i.text.includes('alert')),
    'script content is never text',
  );

  const again = runCli(['ingest', dir, '--db', db]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /0 added, 0 updated, 7 already stored/);

  const file = join(dir, 'niger-2010-02-20.txt');
  writeFileSync(file, readFileSync(file, 'utf8') + '\nDie Lage blieb am Abend ruhig.\n');
  const changed = runCli(['ingest', dir, '--db', db, '--published', '2010-02-20']);
  assert.match(changed.stderr, /0 added, 1 updated, 6 already stored/);
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM documents WHERE latest = 1'), 6);
  assert.equal(count(db, 'SELECT MAX(version) AS n FROM documents'), 2);
});

test('ingest reports bad inputs by file and line, stores the good ones and exits 1', () => {
  const dir = workspace();
  const db = join(dir, 'bad.db');
  copyFileSync(join(FIXTURES, 'feeds', 'kaputt.rss'), join(dir, 'kaputt.rss'));
  copyFileSync(join(FIXTURES, 'bad', 'records.jsonl'), join(dir, 'records.jsonl'));
  const run = runCli(['ingest', dir, join(dir, 'missing.txt'), '--db', db]);
  assert.equal(run.code, 1);
  assert.match(run.stderr, /kaputt\.rss: not a readable RSS, Atom or JSON feed/);
  assert.match(run.stderr, /records\.jsonl:\d+: /);
  assert.match(run.stderr, /missing\.txt: no such file/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.ok(count(db, 'SELECT COUNT(*) AS n FROM documents') >= 6);
});

test('ingest killed at any moment finishes on the next run with nothing lost or doubled', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-resume-'));
  const base = readFileSync(join(ROOT, 'examples', 'niger-2010-02-20.txt'), 'utf8');
  const records = Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({ id: `meldung-${i}`, text: `${base}\nMeldung Nummer ${i} des Tages.`, published: '2010-02-20' }),
  );
  writeFileSync(join(dir, 'batch.jsonl'), records.join('\n') + '\n');
  const db = join(dir, 'resume.db');
  const child = spawn(
    process.execPath,
    [
      '--import',
      import.meta.resolve('tsx'),
      join(ROOT, 'src', 'cli', 'main.ts'),
      'ingest',
      join(dir, 'batch.jsonl'),
      '--db',
      db,
    ],
    { stdio: 'ignore' },
  );
  let stored = 0;
  for (let i = 0; i < 600 && stored < 3; i++) {
    await sleep(50);
    try {
      stored = count(db, 'SELECT COUNT(*) AS n FROM documents');
    } catch {
      stored = 0; // not created or not migrated yet
    }
  }
  child.kill('SIGKILL');
  await new Promise((done) => child.once('exit', done));
  const before = count(db, 'SELECT COUNT(*) AS n FROM documents');
  assert.ok(before >= 3 && before < 40, `killed after ${before} documents`);

  const resumed = runCli(['ingest', join(dir, 'batch.jsonl'), '--db', db]);
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, new RegExp(`${40 - before} added, 0 updated, ${before} already stored`));
  assert.equal(count(db, 'SELECT COUNT(*) AS n FROM documents'), 40);
  assert.equal(count(db, 'SELECT COUNT(DISTINCT article_key) AS n FROM documents'), 40);
  assert.equal(count(db, 'SELECT MAX(version) AS n FROM documents'), 1);
  // Every document's rows are complete: as many stored events as its analysis lists.
  const conn = new Database(db, { readonly: true });
  const rows = conn
    .prepare(
      'SELECT d.analysis, (SELECT COUNT(*) FROM events e WHERE e.content_id = d.content_id) AS n FROM documents d',
    )
    .all() as Array<{ analysis: string; n: number }>;
  conn.close();
  for (const row of rows) assert.equal(row.n, (JSON.parse(row.analysis) as { events: unknown[] }).events.length);
});
