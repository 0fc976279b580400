/**
 * The databases the store tests run on: SQLite always, PostgreSQL when LAGEBILD_TEST_POSTGRES names a
 * server (`.ci/run` starts one; locally: `export LAGEBILD_TEST_POSTGRES=$(scripts/postgres.sh start)`).
 * In CI a missing PostgreSQL is an error, not a skip. Each test gets a fresh database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
