/** `lagebild analyze FILE...`: read, analyse and write every document, reporting bad ones and going on. */
import type { Encoding } from '../io/decode.js';
import { ENCODINGS } from '../io/decode.js';
import { isValidDate } from '../io/dates.js';
import type { InputError } from '../io/errors.js';
import { UsageError } from '../io/errors.js';
import { INPUT_KINDS, readInputs, type InputKind } from '../io/sources.js';
import { OUTPUT_FORMATS, directorySink, stdoutSink, type OutputFormat } from '../output/sinks.js';
import { STAGES, type Stage } from '../pipeline.js';
import { createProgress } from './progress.js';
import { BatchLog, forEachDocumentAhead } from './batch.js';
import { createAnalyzer, defaultWorkers } from '../parallel/pool.js';
import { parseByteSize } from './sizes.js';

export const OPTIONAL_LAYERS = ['tokens'] as const;

export interface AnalyzeCliOptions extends InputCliOptions {
  format: string;
  out?: string;
  with?: string;
  progress: boolean;
  disable?: string;
  explain?: boolean;
  workers?: string;
}

export interface AnalyzeSettings {
  published: string | null;
  format: OutputFormat;
  out: string | null;
  withTokens: boolean;
  encoding: Encoding;
  kind: InputKind;
  maxBytes: number;
  progress: boolean;
  /** The pipeline stages to run (all but those named by --disable). */
  stages: readonly Stage[];
  /** Print why each event was coded as it was (to stderr, so the output stays valid). */
  explain: boolean;
  /** Analysis threads (1: in the main thread). */
  workers: number;
}

/** The options every command that reads documents shares (analyze, ingest). */
export interface InputCliOptions {
  published?: string;
  encoding: string;
  input: string;
  maxBytes: string;
}

export function parseInputOptions(options: InputCliOptions): {
  published: string | null;
  encoding: Encoding;
  kind: InputKind;
  maxBytes: number;
} {
  const published = options.published ?? null;
  if (published !== null && !isValidDate(published)) {
    throw new UsageError(`invalid --published date "${published}" (expected YYYY-MM-DD, a real calendar date)`);
  }
  const encoding = oneOf(options.encoding, ENCODINGS, '--encoding');
  const kind = oneOf(options.input, INPUT_KINDS, '--input');
  const maxBytes = parseByteSize(options.maxBytes);
  if (maxBytes === null) throw new UsageError(`invalid --max-bytes "${options.maxBytes}" (e.g. 10MB, 500kB, 1048576)`);
  return { published, encoding, kind, maxBytes };
}

export function parseAnalyzeOptions(options: AnalyzeCliOptions): AnalyzeSettings {
  const input = parseInputOptions(options);
  const format = oneOf(options.format, OUTPUT_FORMATS, '--format');
  const layers = commaList(options.with);
  for (const layer of layers) oneOf(layer, OPTIONAL_LAYERS, '--with');
  const disabled = commaList(options.disable);
  const optional = STAGES.filter((stage) => stage.name !== 'segment').map((stage) => stage.name);
  for (const name of disabled) oneOf(name, optional, '--disable');
  return {
    ...input,
    format,
    out: options.out ?? null,
    withTokens: layers.includes('tokens') || format === 'conllu',
    progress: options.progress,
    stages: STAGES.filter((stage) => !disabled.includes(stage.name)),
    explain: options.explain ?? false,
    workers: parseWorkers(options.workers),
  };
}

/** --workers N: a whole number from 1 to 64; default the machine's cores. */
export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return defaultWorkers();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`invalid --workers "${value}" (1 to 64)`);
  return n;
}

/** "a, b,c" → ["a", "b", "c"]; nothing → []. */
function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`invalid ${flag} "${value}" (one of: ${allowed.join(', ')})`);
}

export interface AnalyzeResult {
  analysed: number;
  failed: InputError[];
  written: string[];
}

export interface AnalyzeIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
}

export async function runAnalyze(files: string[], settings: AnalyzeSettings, io: AnalyzeIo): Promise<AnalyzeResult> {
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('stdin ("-") can be read only once');
  const sink = settings.out
    ? await directorySink(settings.out, settings.format, files)
    : stdoutSink(settings.format, io.stdout);
  const progress = createProgress(files, settings.progress && files.length > 1);
  const log = new BatchLog(io.stderr);
  let analysed = 0;
  const inputs = readInputs(files, {
    encoding: settings.encoding,
    maxBytes: settings.maxBytes,
    kind: settings.kind,
    ...(io.stdin ? { stdin: io.stdin } : {}),
  });
  const analyzer = createAnalyzer(settings.workers);
  const stages = settings.stages.length === STAGES.length ? null : settings.stages.map((s) => s.name);
  try {
    await forEachDocumentAhead(
      inputs,
      progress,
      log,
      analyzer.concurrency,
      (raw) =>
        analyzer.analyze({
          raw,
          published: settings.published,
          stages,
          withTokens: settings.withTokens,
          explain: settings.explain,
        }),
      async (raw, result) => {
        // An internal failure on one document must not end the batch; say which document and why.
        if (result.status === 'rejected') return log.failDocument(raw, 'analysis failed', result.reason);
        const { doc, explain } = result.value;
        for (const warning of doc.warnings)
          if (!warning.startsWith('no publication date')) log.report(`warning: ${raw.origin}: ${warning}`);
        await sink.write(doc, raw);
        if (explain) io.stderr.write(explain);
        analysed++;
      },
    );
  } finally {
    await analyzer.close();
  }
  const written = await sink.close();
  const failed = log.failed;
  log.listFailures(`${failed.length} of ${failed.length + analysed} documents failed:`);
  return { analysed, failed, written };
}

export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}
