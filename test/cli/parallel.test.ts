/**
 * Analysis on worker threads: the same output as in one thread, in input order, with bad inputs
 * reported and passed over; and ingestion with workers stores the same documents.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { listDocuments } from '../../src/store/queries.js';
import { FIXTURES, ROOT, runCli } from '../helpers.js';

const inputs = [
  join(ROOT, 'examples', 'wikinews-batch.jsonl'),
  join(FIXTURES, 'bad', 'records.jsonl'),
  join(ROOT, 'examples', 'niger-2010-02-20.txt'),
  join(FIXTURES, 'bad', 'empty.txt'),
  join(ROOT, 'examples', 'weissrussland-2006-03-27.html'),
];

test('--workers 2 writes exactly what one thread writes, in input order, failures included', () => {
  const args = ['analyze', ...inputs, '--published', '2010-02-20', '--format', 'jsonl'];
  const one = runCli([...args, '--workers', '1']);
  const two = runCli([...args, '--workers', '2']);
  assert.equal(one.code, 1, 'the bad inputs fail');
  assert.equal(two.code, one.code);
  assert.ok(one.stdout.split('\n').filter(Boolean).length >= 4);
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.stderr, one.stderr, 'the same failures, reported in the same order');
});

test('--workers must be a whole number from 1 to 64', () => {
  for (const bad of ['0', '-1', 'zwei', '1.5', '65']) {
    const run = runCli(['analyze', inputs[2]!, '--workers', bad]);
    assert.equal(run.code, 2, bad);
    assert.match(run.stderr, /invalid --workers/);
  }
});

test('ingest --workers 2 stores every document once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-parallel-'));
  try {
    const db = join(dir, 'store.db');
    const run = runCli(['ingest', join(ROOT, 'examples'), '--db', db, '--published', '2010-02-20', '--workers', '2']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /4 documents in .*3 added, 0 updated, 1 already stored; 0 failed/);
    const store = await Store.open(db);
    const docs = await listDocuments(store.db, { limit: 50, offset: 0 });
    await store.close();
    assert.equal(docs.total, 3);
    assert.ok(docs.items.every((d) => d.counts.events > 0));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
