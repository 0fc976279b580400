/** What every throughput script shares: its numeric options, the best-of-N timing, and the report lines. */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

/** A numeric command-line option (`--runs 5`), or the fallback. */
export function numberOption(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The fastest of `runs` passes of `pass`, in seconds (the caller warms up first). */
export function bestSeconds(runs: number, pass: () => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    pass();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
}

/** A whole number with thousands separators. */
export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function machineLine(): string {
  return `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`;
}
