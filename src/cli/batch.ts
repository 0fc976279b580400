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

export async function forEachDocument(
  inputs: AsyncIterable<InputItem>,
  progress: Progress,
  log: BatchLog,
  handle: (raw: RawDocument) => Promise<void>,
): Promise<void> {
  try {
    for await (const item of inputs) {
      if (!item.ok) {
        log.fail(item.error);
        progress.tick(item.error.file, item.error.file);
        continue;
      }
      await handle(item.doc);
      progress.tick(item.doc.input, item.doc.origin);
    }
  } finally {
    progress.stop();
  }
}
