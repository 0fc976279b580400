/** The loop every batch command runs: documents in input order, bad inputs reported and passed over. */
import type { RawDocument } from '../document.js';
import { InputError } from '../io/errors.js';
import type { InputItem } from '../io/sources.js';
import type { Progress } from './progress.js';

/** One line per problem on stderr as it happens, and the list of failures at the end. */
export class BatchLog {
  readonly failed: InputError[] = [];

  constructor(private readonly stderr: NodeJS.WritableStream) {}

  report(line: string): void {
    this.stderr.write(`lagebild: ${line}\n`);
  }

  fail(error: InputError): void {
    this.failed.push(error);
    this.report(`error: ${error.message}`);
  }

  /** A document that failed inside the program (pipeline, store): named, with the stack under LAGEBILD_DEBUG. */
  failDocument(raw: RawDocument, what: string, error: unknown): void {
    this.fail(new InputError(raw.origin, `${what}: ${(error as Error).message}`));
    if (process.env['LAGEBILD_DEBUG']) this.stderr.write(`${(error as Error).stack}\n`);
  }

  /** `heading` and every failure, when there were any. */
  listFailures(heading: string): void {
    if (this.failed.length === 0) return;
    this.report(heading);
    for (const f of this.failed) this.stderr.write(`  ${f.message}\n`);
  }
}

/** Documents in input order, one at a time. */
export async function forEachDocument(
  inputs: AsyncIterable<InputItem>,
  progress: Progress,
  log: BatchLog,
  handle: (raw: RawDocument) => Promise<void>,
): Promise<void> {
  await forEachDocumentAhead(inputs, progress, log, 1, handle, async (_raw, result) => {
    if (result.status === 'rejected') throw result.reason;
  });
}

/**
 * Documents started up to `ahead` at a time (analysed on other threads meanwhile) and finished strictly
 * in input order, so that output order and failure reports do not depend on which worker was faster.
 * `start` may fail for one document; `finish` is told, and decides. An error thrown by `finish` (a
 * broken pipe, a full disk) ends the batch.
 */
export async function forEachDocumentAhead<T>(
  inputs: AsyncIterable<InputItem>,
  progress: Progress,
  log: BatchLog,
  ahead: number,
  start: (raw: RawDocument) => Promise<T>,
  finish: (raw: RawDocument, result: PromiseSettledResult<T>) => Promise<void>,
): Promise<void> {
  const queue: Array<{ item: InputItem; result: Promise<PromiseSettledResult<T>> | null }> = [];
  const settle = (promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
    promise.then(
      (value) => ({ status: 'fulfilled', value }),
      (reason: unknown) => ({ status: 'rejected', reason }),
    );
  const drain = async (keep: number): Promise<void> => {
    while (queue.length > keep) {
      const { item, result } = queue.shift()!;
      if (!item.ok) {
        log.fail(item.error);
        progress.tick(item.error.file, item.error.file);
        continue;
      }
      await finish(item.doc, await result!);
      progress.tick(item.doc.input, item.doc.origin);
    }
  };
  try {
    for await (const item of inputs) {
      queue.push({ item, result: item.ok ? settle(start(item.doc)) : null });
      await drain(Math.max(0, ahead - 1));
    }
    await drain(0);
  } finally {
    progress.stop();
  }
}
