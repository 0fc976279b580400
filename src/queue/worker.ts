/**
 * `lagebild worker --db postgres://…`: take documents from the job queue, analyse them (on a pool of
 * threads) and store them, until stopped — or, with `untilEmpty`, until no job is waiting or running.
 *
 * Exactly once: a job is held by one worker at a time (pg-boss claims with SKIP LOCKED); a text the
 * store holds already is not analysed again (a job retried after its worker died between storing and
 * completing it); and the store keeps one row per content id whatever races.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { contentId } from '../io/sources.js';
import { createAnalyzer } from '../parallel/pool.js';
import type { Analyzer } from '../parallel/protocol.js';
import { Store, type PutOutcome } from '../store/store.js';
import { parsePayload, rawOf } from './job.js';
import { linkPending } from '../linking/stories.js';
import { assertPostgres, DEFAULT_JOB_TIMEOUT_SECONDS, openQueue, type QueueSettings } from './boss.js';

export interface WorkerSettings extends QueueSettings {
  /** Analysis threads. */
  workers: number;
  /** Jobs claimed per fetch (default: twice what the threads can analyse at once). */
  batchSize: number | null;
  /** Stop when the queue has nothing waiting, retrying or running (batch runs, tests). */
  untilEmpty: boolean;
  /** Seconds between looks at an empty queue. */
  pollSeconds: number;
}

export type JobOutcome = PutOutcome | 'failed';

/** One line per finished job on stdout (JSON Lines), for operators and tests. */
export interface JobReport {
  job: string;
  outcome: JobOutcome;
  contentId: string | null;
  origin: string | null;
  /** How often the job had been tried before (lost or failed). */
  retries: number;
  message?: string;
}

export interface WorkerResult {
  counts: Record<JobOutcome, number>;
  seconds: number;
}

export async function runQueueWorker(
  settings: WorkerSettings,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; signal?: AbortSignal },
): Promise<WorkerResult> {
  const started = performance.now();
  const counts: Record<JobOutcome, number> = { added: 0, updated: 0, unchanged: 0, failed: 0 };
  assertPostgres(settings.db); // before the store opens: a SQLite path would be created empty
  const store = await Store.open(settings.db);
  const analyzer = createAnalyzer(settings.workers);
  try {
    const boss = await openQueue(settings, 'worker');
    try {
      await workQueue(boss, store, analyzer, settings, counts, io);
    } finally {
      await boss.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
    }
  } finally {
    await analyzer.close();
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  io.stderr.write(
    `lagebild: worker on "${settings.queue}" in ${store.db.location}: ${counts.added} added, ${counts.updated} updated, ` +
      `${counts.unchanged} already stored, ${counts.failed} failed; ${seconds.toFixed(1)} s\n`,
  );
  return { counts, seconds };
}

/** Fetch, analyse, store and report jobs until stopped (or, with untilEmpty, until the queue is empty). */
async function workQueue(
  boss: PgBoss,
  store: Store,
  analyzer: Analyzer,
  settings: WorkerSettings,
  counts: Record<JobOutcome, number>,
  io: { stdout: NodeJS.WritableStream; signal?: AbortSignal },
): Promise<void> {
  const queue = settings.queue;
  const batchSize = settings.batchSize ?? analyzer.concurrency * 2;
  const handle = async (job: PgBoss.JobWithMetadata<unknown>): Promise<JobReport> => {
    const report: JobReport = {
      job: job.id,
      outcome: 'failed',
      contentId: null,
      origin: null,
      retries: job.retryCount,
    };
    try {
      const parsed = parsePayload(job.data);
      if (!parsed.ok) throw new Error(parsed.problem);
      const { text, origin, articleKey, fallbackPublished } = parsed.job;
      Object.assign(report, { contentId: contentId(text), origin });
      if (await store.hasText(text)) report.outcome = 'unchanged';
      else {
        const raw = rawOf(parsed.job);
        const { doc } = await analyzer.analyze({
          raw,
          published: fallbackPublished,
          stages: null,
          withTokens: false,
          explain: false,
        });
        report.outcome = (await store.put(doc, { articleKey, origin })).outcome;
      }
      await boss.complete(queue, job.id, { outcome: report.outcome, contentId: report.contentId });
    } catch (error) {
      report.outcome = 'failed';
      report.message = (error as Error).message ?? String(error);
      // pg-boss retries it (with backoff) until the queue's retry limit, then keeps it as failed.
      await boss.fail(queue, job.id, { message: report.message }).catch(() => undefined);
    }
    return report;
  };

  // Lost jobs (their worker died) are expired by pg-boss's maintenance; a worker also expires them
  // itself at a quarter of the queue's timeout, so they come back soon whatever pg-boss's interval.
  const timeout = (await boss.getQueue(queue))?.expireInSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS;
  const expireEvery = Math.min(60, Math.max(1, timeout / 4)) * 1000;
  let lastExpired = performance.now();
  while (!io.signal?.aborted) {
    if (performance.now() - lastExpired >= expireEvery) {
      await boss.expire();
      lastExpired = performance.now();
    }
    const jobs = await boss.fetch(queue, { batchSize, includeMetadata: true });
    if (jobs.length === 0) {
      if (settings.untilEmpty && (await boss.getQueueSize(queue, { before: 'completed' })) === 0) break;
      // An abort (the stop signal) ends the wait early; the loop then sees it and stops.
      await delay(settings.pollSeconds * 1000, undefined, { signal: io.signal }).catch(() => undefined);
      continue;
    }
    await Promise.all(
      jobs.map(async (job) => {
        const report = await handle(job);
        counts[report.outcome]++;
        io.stdout.write(JSON.stringify(report) + '\n');
      }),
    );
    // Stories and event groups for what was stored (whichever worker gets the lock first links).
    await linkPending(store.db);
  }
}
