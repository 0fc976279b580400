/**
 * `lagebild enqueue PATH... --db postgres://…`: read documents as `ingest` does and put each text the
 * store does not hold yet on the job queue, for `lagebild worker` processes on any number of machines.
 */
import { articleKey, expandPaths } from '../cli/ingest.js';
import { BatchLog } from '../cli/batch.js';
import { contentId, readInputs, type ReadOptions } from '../io/sources.js';
import { Store } from '../store/store.js';
import { jobIdOf, payloadOf } from './job.js';
import { openQueue, type QueueSettings } from './boss.js';

export interface EnqueueSettings extends Omit<ReadOptions, 'stdin'>, QueueSettings {
  published: string | null;
}

export interface EnqueueResult {
  queued: number;
  /** Same text already waiting or running (one job per content id). */
  alreadyQueued: number;
  alreadyStored: number;
  failed: number;
}

export async function runEnqueue(
  paths: readonly string[],
  settings: EnqueueSettings,
  stderr: NodeJS.WritableStream,
): Promise<EnqueueResult> {
  const files = await expandPaths(paths);
  const log = new BatchLog(stderr);
  const result: EnqueueResult = { queued: 0, alreadyQueued: 0, alreadyStored: 0, failed: 0 };
  const store = await Store.open(settings.db);
  try {
    const boss = await openQueue(settings, 'producer');
    try {
      for await (const item of readInputs(files, settings)) {
        if (!item.ok) {
          log.fail(item.error);
          continue;
        }
        const raw = item.doc;
        const id = contentId(raw.text);
        if (await store.hasText(raw.text)) {
          result.alreadyStored++;
          continue;
        }
        const jobId = await boss.send(settings.queue, payloadOf(raw, settings.published, articleKey(raw)), {
          id: jobIdOf(id),
        });
        if (jobId === null) result.alreadyQueued++;
        else result.queued++;
      }
    } finally {
      await boss.stop({ graceful: false, close: true, wait: true });
    }
  } finally {
    await store.close();
  }
  result.failed = log.failed.length;
  log.report(
    `${result.queued} documents queued on "${settings.queue}" in ${store.db.location}; ` +
      `${result.alreadyQueued} already queued, ${result.alreadyStored} already stored, ${result.failed} unreadable`,
  );
  log.listFailures(`${result.failed} unreadable:`);
  return result;
}
