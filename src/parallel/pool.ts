/**
 * Analysis across cores: a pool of worker threads fed one job at a time (the least busy worker first).
 * The largest model, the parser's weights, is loaded once here and read by every worker from shared
 * memory; the other models are loaded by each worker. With one worker the analysis runs in this thread
 * instead: no copying of documents between threads, and the same results.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sharedParser } from '../syntax/model.js';
import type { Analysis, AnalysisJob, AnalysisReply, Analyzer, SharedModels } from './protocol.js';
import { runJob } from './run-job.js';

export function defaultWorkers(): number {
  return availableParallelism();
}

export function createAnalyzer(workers: number): Analyzer {
  return workers <= 1 ? new InThreadAnalyzer() : new WorkerPool(workers);
}

class InThreadAnalyzer implements Analyzer {
  readonly concurrency = 1;
  analyze(job: Omit<AnalysisJob, 'id'>): Promise<Analysis> {
    return Promise.resolve(runJob(job));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

interface Pending {
  resolve(analysis: Analysis): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Pending>;
}

/**
 * A worker thread running worker.js beside this file. Run from the TypeScript sources (tests, tsx), the
 * worker registers tsx itself first: loader hooks given with --import do not reach worker threads.
 */
function startWorker(models: SharedModels): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./worker.js', here), { workerData: models });
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./worker.ts', here).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`,
    { eval: true, workerData: models },
  );
}

class WorkerPool implements Analyzer {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closed = false;
  readonly concurrency: number;
  private readonly models: SharedModels = { parser: sharedParser() };

  constructor(size: number) {
    // Two jobs per worker keep every core busy while the main thread reads and writes.
    this.concurrency = size * 2;
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const worker = startWorker(this.models);
    const slot: Slot = { worker, busy: new Map() };
    worker.on('message', (reply: AnalysisReply) => {
      const pending = slot.busy.get(reply.id);
      if (!pending) return;
      slot.busy.delete(reply.id);
      if (reply.ok) pending.resolve({ doc: reply.doc, explain: reply.explain });
      else {
        const error = new Error(reply.message);
        if (reply.stack) error.stack = reply.stack;
        pending.reject(error);
      }
    });
    // A worker that dies (out of memory, a crash) fails its jobs and is replaced; the batch goes on.
    const fail = (error: Error): void => {
      for (const pending of slot.busy.values()) pending.reject(error);
      slot.busy.clear();
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.start();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`analysis worker exited with code ${code}`));
    });
    worker.unref();
    return slot;
  }

  analyze(job: Omit<AnalysisJob, 'id'>): Promise<Analysis> {
    if (this.closed) return Promise.reject(new Error('the analysis pool is closed'));
    const slot = this.slots.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
    const id = this.nextId++;
    return new Promise<Analysis>((resolve, reject) => {
      slot.busy.set(id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ ...job, id } satisfies AnalysisJob);
    }).finally(() => {
      if (slot.busy.size === 0) slot.worker.unref();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
