/**
 * A progress bar on stderr for batches, shown only on a terminal (never in pipes, CI or logs). The bar
 * counts input files; documents are counted beside it, since a JSONL file's record count is unknown
 * until it has been streamed.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** One document (or failed input) done; `input` is the command-line argument it came from. */
  tick(input: string, label: string): void;
  stop(): void;
}

const SILENT: Progress = { tick: () => undefined, stop: () => undefined };

export function createProgress(inputs: readonly string[], enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {bar} {value}/{total} files · {documents} documents · {rate}/s · {label}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(inputs.length, 0, { documents: 0, rate: '0.0', label: '' });
  const started = performance.now();
  let documents = 0;
  let filesStarted = 0;
  let current: string | null = null;
  return {
    tick(input, label) {
      documents++;
      if (input !== current) {
        current = input;
        filesStarted++;
      }
      const shown = label.length > 40 ? '…' + label.slice(-39) : label;
      const rate = (documents / Math.max((performance.now() - started) / 1000, 1e-3)).toFixed(1);
      bar.update(Math.min(filesStarted, inputs.length), { documents, rate, label: shown });
    },
    stop() {
      bar.stop();
    },
  };
}
