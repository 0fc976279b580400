/** A progress bar on stderr for batches, shown only on a terminal (never in pipes, CI or logs). */
import cliProgress from 'cli-progress';

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

const SILENT: Progress = { tick: () => undefined, stop: () => undefined };

export function createProgress(totalInputs: number, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ' {bar} {value} documents · {file}',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(totalInputs, 1), 0, { file: '' });
  let done = 0;
  return {
    tick(label) {
      done++;
      if (done > bar.getTotal()) bar.setTotal(done);
      bar.update(done, { file: label.length > 40 ? '…' + label.slice(-39) : label });
    },
    stop() {
      bar.stop();
    },
  };
}
