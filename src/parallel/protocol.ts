/** Messages between the main thread and the analysis workers (structured-cloned, so plain data only). */
import type { DocumentOut, RawDocument } from '../document.js';
import type { SharedParser } from '../syntax/parser.js';

/** Models the pool's thread loaded once for all workers (`workerData`): their weights in shared memory. */
export interface SharedModels {
  parser: SharedParser | null;
}

export interface AnalysisJob {
  id: number;
  raw: RawDocument;
  published: string | null;
  /** Names of the pipeline stages to run (all when null). */
  stages: string[] | null;
  withTokens: boolean;
  explain: boolean;
}

export type AnalysisReply =
  | { id: number; ok: true; doc: DocumentOut; explain: string | null }
  | { id: number; ok: false; message: string; stack: string | null };

/** What analysing one document gives, wherever it ran. */
export interface Analysis {
  doc: DocumentOut;
  explain: string | null;
}

/** Anything that analyses documents: in this thread, or in a pool of worker threads. */
export interface Analyzer {
  analyze(job: Omit<AnalysisJob, 'id'>): Promise<Analysis>;
  /** How many documents may usefully be in flight at once. */
  readonly concurrency: number;
  close(): Promise<void>;
}
