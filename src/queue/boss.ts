/**
 * The job queue: pg-boss on the PostgreSQL the store already uses. No extra service to run, jobs are
 * rows (inspectable with SQL), workers claim them with SKIP LOCKED, and a job whose worker died is
 * expired and retried by whichever worker runs maintenance next.
 */
import PgBoss from 'pg-boss';
import { UsageError } from '../io/errors.js';
import { redact } from '../store/db.js';

export const DEFAULT_QUEUE = 'lagebild-analyze';

export interface QueueSettings {
  /** A postgres:// URL: the queue lives in its `pgboss` schema. */
  db: string;
  queue: string;
  /**
   * A job still active after this long is taken to be lost with its worker and is retried. A property
   * of the queue: given, it is set on the queue; null keeps the queue's (or the default for a new one).
   */
  jobTimeoutSeconds: number | null;
  /** How often a failed or lost job is tried again before it stays failed (like the timeout). */
  retries: number | null;
}

export const DEFAULT_JOB_TIMEOUT_SECONDS = 300;
export const DEFAULT_RETRIES = 3;

export function assertPostgres(db: string): void {
  if (!/^postgres(?:ql)?:\/\//i.test(db))
    throw new UsageError(`the job queue needs PostgreSQL: --db must be a postgres:// URL, not "${db}"`);
}

export function assertQueueName(name: string): void {
  if (!/^[\w.-]{1,100}$/.test(name))
    throw new UsageError(`invalid --queue "${name}" (letters, digits, _ . -; at most 100)`);
}

/** A started pg-boss with the queue created. Workers supervise (expire lost jobs, archive finished ones); producers do not. */
export async function openQueue(settings: QueueSettings, role: 'producer' | 'worker'): Promise<PgBoss> {
  assertPostgres(settings.db);
  assertQueueName(settings.queue);
  const boss = new PgBoss({
    connectionString: settings.db,
    max: 4,
    application_name: `lagebild-${role}`,
    supervise: role === 'worker',
    schedule: false,
    archiveCompletedAfterSeconds: 3600,
  });
  // pg-boss reports connection trouble here; without a listener an EventEmitter 'error' would crash.
  boss.on('error', (error: Error) => process.stderr.write(`lagebild: queue: ${error.message}\n`));
  try {
    await boss.start();
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw new Error(`cannot open the job queue in ${redact(settings.db)}: ${(error as Error).message}`);
  }
  try {
    await settleQueue(boss, settings);
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw error;
  }
  return boss;
}

async function settleQueue(boss: PgBoss, settings: QueueSettings): Promise<void> {
  const given: PgBoss.Queue = { name: settings.queue };
  if (settings.jobTimeoutSeconds !== null) given.expireInSeconds = settings.jobTimeoutSeconds;
  if (settings.retries !== null) given.retryLimit = settings.retries;
  if (await boss.getQueue(settings.queue)) {
    if (settings.jobTimeoutSeconds !== null || settings.retries !== null) await boss.updateQueue(settings.queue, given);
    return;
  }
  const options: PgBoss.Queue = {
    policy: 'standard',
    expireInSeconds: DEFAULT_JOB_TIMEOUT_SECONDS,
    retryLimit: DEFAULT_RETRIES,
    retryDelay: 1,
    retryBackoff: true,
    ...given,
  };
  await boss.createQueue(settings.queue, options).catch(async (error: Error) => {
    // Two processes creating the same queue at once: the other one won.
    if (!(await boss.getQueue(settings.queue))) throw error;
  });
}
