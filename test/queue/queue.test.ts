/**
 * Distributed analysis over the PostgreSQL job queue: documents queued once per text, two worker
 * processes against one database, one killed mid-batch — and each of 500 documents analysed and stored
 * exactly once, the lost jobs retried by the others.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PgBoss from 'pg-boss';
import { Store } from '../../src/store/store.js';
import { POSTGRES_URL, freshDatabase } from '../store/backends.js';
import { ROOT, runCli } from '../helpers.js';

const skip = POSTGRES_URL ? false : 'needs LAGEBILD_TEST_POSTGRES (CI sets it)';

const CITIES = ['Minsk', 'Berlin', 'Warschau', 'Kiew', 'Wien', 'Hamburg', 'Leipzig', 'Vilnius', 'Grodno'];
const DAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

/** `n` distinct short reports as JSONL records. */
function reports(n: number): Array<{ id: string; title: string; published: string; text: string }> {
  return Array.from({ length: n }, (_, i) => {
    const city = CITIES[i % CITIES.length]!;
    return {
      id: `bericht-${i}`,
      title: `Proteste in ${city}`,
      published: '2020-08-15',
      text:
        `In ${city} haben am ${DAYS[i % 7]} mehr als ${1000 + i * 7} Menschen gegen die Regierung demonstriert. ` +
        `Die Polizei nahm mindestens ${10 + i} Demonstranten fest, teilte das Innenministerium mit.`,
    };
  });
}

interface Report {
  job: string;
  outcome: string;
  contentId: string | null;
  retries: number;
  message?: string;
}

/** A `lagebild worker` process; `killAfterFirstReport` kills it (SIGKILL) as soon as it reports a job. */
function worker(
  db: string,
  args: string[],
  killAfterFirstReport = false,
): Promise<{ reports: Report[]; code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'cli', 'main.ts'), 'worker', '--db', db, ...args],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (killAfterFirstReport && stdout.includes('\n')) child.kill('SIGKILL');
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      // A killed worker may have been cut off in the middle of a line.
      const lines = stdout.split('\n').filter((l) => l.endsWith('}'));
      resolve({ reports: lines.map((l) => JSON.parse(l) as Report), code, stderr });
    }),
  );
}

test(
  '500 documents through the queue: two workers and a crashed one, each document analysed exactly once',
  { skip },
  async () => {
    const database = await freshDatabase('postgres');
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-queue-'));
    try {
      const docs = reports(500);
      const file = join(dir, 'berichte.jsonl');
      // 20 of them twice: one job per text.
      writeFileSync(file, [...docs, ...docs.slice(0, 20)].map((d) => JSON.stringify(d)).join('\n') + '\n');
      const enqueued = runCli(['enqueue', file, '--db', database.location, '--job-timeout', '3', '--retries', '3']);
      assert.equal(enqueued.code, 0, enqueued.stderr);
      assert.match(enqueued.stderr, /500 documents queued on "lagebild-analyze".*20 already queued, 0 already stored/);
      const again = runCli(['enqueue', file, '--db', database.location]);
      assert.match(again.stderr, /0 documents queued.*520 already queued/);

      // Worker A claims 40 jobs at a time and is killed after its first report: the rest of its claimed jobs
      // are lost with it until they expire (3 s) and the other workers retry them.
      const crashed = await worker(database.location, ['--workers', '1', '--batch-size', '40'], true);
      assert.equal(crashed.code, null, 'killed by the signal');
      const [b, c] = await Promise.all([
        worker(database.location, ['--workers', '1', '--until-empty', '--poll', '0.2']),
        worker(database.location, ['--workers', '1', '--until-empty', '--poll', '0.2']),
      ]);
      assert.equal(b.code, 0, b.stderr);
      assert.equal(c.code, 0, c.stderr);
      assert.ok(b.reports.length > 50 && c.reports.length > 50, 'both workers took a share');

      const all = [...crashed.reports, ...b.reports, ...c.reports];
      assert.deepEqual(
        all.filter((r) => r.outcome === 'failed'),
        [],
      );
      const analysed = all.filter((r) => r.outcome === 'added').map((r) => r.contentId);
      assert.equal(new Set(analysed).size, analysed.length, 'no document analysed twice');
      assert.ok(
        [...b.reports, ...c.reports].some((r) => r.retries > 0),
        'jobs lost with the killed worker were retried by the others',
      );

      const store = await Store.open(database.location);
      try {
        const row = await store.db.get<{ n: number; texts: number }>(
          'SELECT COUNT(*) AS n, COUNT(DISTINCT content_id) AS texts FROM documents',
        );
        assert.deepEqual(row, { n: 500, texts: 500 });
        // Each job completed with the document it stored or found stored (the killed worker's own reports
        // may be cut off, so the jobs' results are the record).
        const stored = await store.db.all<{ content_id: string }>(
          'SELECT content_id FROM documents ORDER BY content_id',
        );
        const results = await store.db.all<{ content_id: string }>(
          "SELECT output->>'contentId' AS content_id FROM pgboss.job WHERE state = 'completed' ORDER BY 1",
        );
        assert.deepEqual(results, stored);
        const events = await store.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM events WHERE type = 'PROTEST'");
        assert.ok((events?.n ?? 0) >= 500, 'the documents were analysed, not just copied');
        const jobs = await store.db.all<{ state: string; n: number }>(
          'SELECT state, COUNT(*) AS n FROM pgboss.job GROUP BY state',
        );
        assert.deepEqual(jobs, [{ state: 'completed', n: 500 }], 'nothing left waiting, running or failed');
      } finally {
        await store.close();
      }

      // Everything is stored now: queuing the same files again queues nothing.
      const rerun = runCli(['enqueue', file, '--db', database.location]);
      assert.match(rerun.stderr, /0 documents queued.*520 already stored/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  },
);

test(
  'a job with a broken payload fails with a message, is retried as configured, and the worker goes on',
  { skip },
  async () => {
    const database = await freshDatabase('postgres');
    try {
      const queued = runCli([
        'enqueue',
        join(ROOT, 'examples', 'niger-2010-02-20.txt'),
        '--db',
        database.location,
        '--retries',
        '1',
        '--published',
        '2010-02-20',
      ]);
      assert.equal(queued.code, 0, queued.stderr);
      // Another producer on the same queue, sending something that is not a document.
      const boss = new PgBoss({ connectionString: database.location, supervise: false, schedule: false });
      await boss.start();
      await boss.send('lagebild-analyze', { v: 1, text: '' });
      await boss.stop({ graceful: false, close: true, wait: true });

      const run = await worker(database.location, ['--workers', '1', '--until-empty', '--poll', '0.2']);
      assert.equal(run.code, 1, 'a failed job makes the exit code 1');
      const failed = run.reports.filter((r) => r.outcome === 'failed');
      assert.equal(failed.length, 2, 'tried once more, then kept as failed');
      assert.match(failed[0]!.message ?? '', /invalid job payload: .*text.*must NOT have fewer than 1 characters/);
      assert.deepEqual(run.reports.filter((r) => r.outcome === 'added').length, 1, 'the good document is stored');
      assert.match(run.stderr, /1 added, 0 updated, 0 already stored, 2 failed/);
    } finally {
      await database.drop();
    }
  },
);

test('the queue needs PostgreSQL, and its options are checked', () => {
  const sqlite = runCli(['worker', '--db', 'out/not-a-queue.db', '--until-empty']);
  assert.equal(sqlite.code, 2);
  assert.match(sqlite.stderr, /the job queue needs PostgreSQL: --db must be a postgres:\/\/ URL/);
  assert.equal(existsSync(join(ROOT, 'out', 'not-a-queue.db')), false, 'no empty SQLite file is left behind');
  for (const args of [
    ['--job-timeout', '0'],
    ['--retries', 'many'],
    ['--batch-size', '0'],
    ['--poll', '0'],
    ['--queue', 'a b'],
  ]) {
    const run = runCli(['worker', '--db', 'postgres://127.0.0.1:1/x', ...args]);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, /invalid --/);
  }
  const unreachable = runCli(['worker', '--db', 'postgres://127.0.0.1:1/x', '--until-empty']);
  assert.equal(unreachable.code, 1);
  assert.match(unreachable.stderr, /^lagebild: error: cannot connect to postgres:\/\/127\.0\.0\.1:1\/x/m);
  assert.doesNotMatch(unreachable.stderr, /\n\s+at /, 'no stack trace');
});
