/**
 * The databases the store tests run on: SQLite always, PostgreSQL when LAGEBILD_TEST_POSTGRES names a
 * server (`.ci/run` starts one; locally: `export LAGEBILD_TEST_POSTGRES=$(scripts/postgres.sh start)`).
 * In CI a missing PostgreSQL is an error, not a skip. Each test gets a fresh database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import assert from 'node:assert/strict';
import { runIngest } from '../../src/cli/ingest.js';
import { DEFAULT_MAX_BYTES } from '../../src/io/sources.js';
import { FIXTURES, ROOT, SHARED } from '../helpers.js';

export const POSTGRES_URL = process.env['LAGEBILD_TEST_POSTGRES'] ?? '';
if (process.env['CI'] && !POSTGRES_URL)
  throw new Error('CI must run the store tests on PostgreSQL too: set LAGEBILD_TEST_POSTGRES');

export type Backend = 'sqlite' | 'postgres';
export const BACKENDS: Backend[] = POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  location: string;
  drop(): Promise<void>;
}

let counter = 0;

export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-store-'));
    return {
      location: join(dir, 'test.db'),
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const { default: pg } = await import('pg');
  const name = `lagebild_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A stream that swallows what batch commands report. */
export const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });

/** Ingest `paths` into `db` as `lagebild ingest` would, failing the test if any document fails. */
export async function ingestInto(db: string, paths: string[], published: string | null): Promise<void> {
  const result = await runIngest(
    paths,
    { db, published, encoding: 'utf8', kind: 'auto', maxBytes: DEFAULT_MAX_BYTES, progress: false },
    quiet,
  );
  assert.equal(result.failed.length, 0, JSON.stringify(result.failed));
}

/**
 * The small situation picture the dashboard and export tests share: the bundled examples, the reference
 * article, and the three test reports of test/fixtures/dashboard (7 documents).
 */
export async function ingestSituation(db: string): Promise<void> {
  await ingestInto(db, [join(ROOT, 'examples')], '2010-02-20');
  await ingestInto(db, [join(SHARED, 'examples', 'belarus-2020-08-15', 'article.txt')], '2020-08-15');
  await ingestInto(db, [join(FIXTURES, 'dashboard')], null);
}
