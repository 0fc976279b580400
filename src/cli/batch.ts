/** The loop every batch command runs: documents in input order, bad inputs reported and passed over. */
import type { RawDocument } from '../document.js';
import type { InputError } from '../io/errors.js';
import type { InputItem } from '../io/sources.js';
import type { Progress } from './progress.js';

export async function forEachDocument(
  inputs: AsyncIterable<InputItem>,
  progress: Progress,
  onBadInput: (error: InputError) => void,
  handle: (raw: RawDocument) => Promise<void>,
): Promise<void> {
  try {
    for await (const item of inputs) {
      if (!item.ok) {
        onBadInput(item.error);
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
