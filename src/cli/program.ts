/**
 * The `lagebild` command. Exit codes: 0 all good, 1 some documents failed, 2 usage error.
 * Messages are one line each, on stderr; a stack trace is printed only with LAGEBILD_DEBUG=1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../io/errors.js';
import { DEFAULT_MAX_BYTES, INPUT_KINDS } from '../io/sources.js';
import { OUTPUT_FORMATS } from '../output/sinks.js';
import { PACKAGE_ROOT } from '../util/lexicon.js';
import {
  OPTIONAL_LAYERS,
  isBrokenPipe,
  parseAnalyzeOptions,
  parseInputOptions,
  parseWorkers,
  runAnalyze,
  type AnalyzeCliOptions,
  type InputCliOptions,
} from './analyze.js';
import { runIngest } from './ingest.js';
import { runServe } from './serve.js';
import { EXPORT_FORMATS, runExport, type ExportFormat } from './export.js';
import { parseByteSize } from './sizes.js';
import { DEFAULT_QUEUE, assertQueueName } from '../queue/boss.js';
import { runEnqueue } from '../queue/enqueue.js';
import { runQueueWorker } from '../queue/worker.js';
import { DEFAULT_DB, Store } from '../store/store.js';
import { linkPending } from '../linking/stories.js';
import { resolveDataDir, runEvalGold, runEvalNer, runEvalQuotes, runEvalSegment, runEvalUd } from './eval.js';
import { validateFile } from './validate.js';

export const EXIT_OK = 0;
const EXIT_FAILED_DOCUMENTS = 1;
const EXIT_USAGE = 2;

function version(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function buildProgram(): Command {
  const program = new Command('lagebild')
    .description('German news → evidence-linked situation picture: events, quotes, quantities, dates, actors.')
    .version(version())
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(`lagebild: ${s.replace(/^error: /, 'error: ')}`) });

  const inputOptions = (command: Command): Command =>
    command
      .option('--published <YYYY-MM-DD>', 'publication date for inputs that carry none; anchors "am Freitag"')
      .addOption(new Option('--encoding <encoding>', 'input encoding').choices(['utf8', 'latin1']).default('utf8'))
      .addOption(
        new Option('--input <kind>', 'input kind (auto: from the extension, or sniffed)')
          .choices(INPUT_KINDS)
          .default('auto'),
      )
      .option(
        '--max-bytes <size>',
        'largest text/HTML/feed file or JSONL line accepted',
        `${DEFAULT_MAX_BYTES / 1048576}MB`,
      );

  const dbOption = (command: Command): Command =>
    command.option('--db <file|url>', 'SQLite file or postgres:// URL (default: $LAGEBILD_DB or lagebild.db)');

  const analyze = program
    .command('analyze')
    .description(
      'analyse German news articles (.txt, .html, .jsonl, RSS/Atom feeds, or - for stdin) into lagebild.document/1 JSON',
    )
    .argument('<files...>', 'input files; - reads stdin');
  inputOptions(analyze)
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('json'))
    .option('--out <dir>', 'write one file per document into DIR (article.txt → DIR/article.json) instead of stdout')
    .addOption(new Option('--with <layers>', `optional layers, comma-separated: ${OPTIONAL_LAYERS.join(', ')}`))
    .option(
      '--disable <stages>',
      'skip pipeline stages, comma-separated (language, morph, syntax): faster when not needed',
    )
    .option('--no-progress', 'no progress bar (it is shown only on a terminal anyway)')
    .option('--explain', 'print for each event its lexicon entry, argument paths and modality cue (to stderr)')
    .option('--workers <n>', 'analysis threads (default: the number of cores; 1 analyses in the main thread)')
    .action(async (files: string[], options: AnalyzeCliOptions) => {
      const settings = parseAnalyzeOptions(options);
      const result = await runAnalyze(files, settings, { stdout: process.stdout, stderr: process.stderr });
      process.exitCode = result.failed.length > 0 ? EXIT_FAILED_DOCUMENTS : EXIT_OK;
    });

  const ingest = program
    .command('ingest')
    .description('analyse articles (folders, .txt, .html, .jsonl, RSS/Atom feeds) into a store; resumable')
    .argument('<paths...>', 'files or folders (searched recursively); - reads stdin');
  dbOption(inputOptions(ingest))
    .option('--no-progress', 'no progress bar (it is shown only on a terminal anyway)')
    .option('--workers <n>', 'analysis threads (default: the number of cores; 1 analyses in the main thread)')
    .action(
      async (paths: string[], options: InputCliOptions & { db?: string; progress: boolean; workers?: string }) => {
        const settings = {
          ...parseInputOptions(options),
          db: databaseOf(options.db),
          progress: options.progress,
          workers: parseWorkers(options.workers),
        };
        const result = await runIngest(paths, settings, process.stderr);
        process.exitCode = result.failed.length > 0 ? EXIT_FAILED_DOCUMENTS : EXIT_OK;
      },
    );

  const queueOptions = (command: Command): Command =>
    command
      .option('--queue <name>', 'job queue name', DEFAULT_QUEUE)
      .option('--job-timeout <seconds>', 'a job running this long is taken as lost and retried (sets the queue)')
      .option('--retries <n>', 'tries after a failure or loss before a job stays failed (sets the queue)');

  const enqueue = program
    .command('enqueue')
    .description('put articles (folders, .txt, .html, .jsonl, feeds) on the PostgreSQL job queue for workers')
    .argument('<paths...>', 'files or folders (searched recursively); - reads stdin');
  queueOptions(dbOption(inputOptions(enqueue))).action(
    async (paths: string[], options: InputCliOptions & QueueCliOptions) => {
      const result = await runEnqueue(
        paths,
        { ...parseInputOptions(options), ...parseQueueOptions(options) },
        process.stderr,
      );
      process.exitCode = result.failed > 0 ? EXIT_FAILED_DOCUMENTS : EXIT_OK;
    },
  );

  queueOptions(
    dbOption(
      program
        .command('worker')
        .description('analyse documents from the PostgreSQL job queue into the store (run one per machine)'),
    ),
  )
    .option('--workers <n>', 'analysis threads (default: the number of cores)')
    .option('--batch-size <n>', 'jobs claimed at a time (default: twice the threads)')
    .option('--until-empty', 'exit once no job is waiting, retrying or running')
    .option('--poll <seconds>', 'seconds between looks at an empty queue', '1')
    .action(
      async (
        options: QueueCliOptions & { workers?: string; batchSize?: string; untilEmpty?: boolean; poll: string },
      ) => {
        const poll = Number(options.poll);
        if (!(poll >= 0.1 && poll <= 3600)) throw new UsageError(`invalid --poll "${options.poll}" (0.1 to 3600)`);
        const stop = new AbortController();
        // The first signal finishes the jobs in hand and exits; a second one exits at once.
        const onSignal = (): void => {
          if (stop.signal.aborted) process.exit(130);
          process.stderr.write('lagebild: finishing the jobs in hand (signal again to quit now)\n');
          stop.abort();
        };
        process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
        try {
          const result = await runQueueWorker(
            {
              ...parseQueueOptions(options),
              workers: parseWorkers(options.workers),
              batchSize:
                options.batchSize === undefined ? null : positiveInteger('--batch-size', options.batchSize, 1000),
              untilEmpty: options.untilEmpty ?? false,
              pollSeconds: poll,
            },
            { stdout: process.stdout, stderr: process.stderr, signal: stop.signal },
          );
          process.exitCode = result.counts.failed > 0 ? EXIT_FAILED_DOCUMENTS : EXIT_OK;
        } finally {
          process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
        }
      },
    );

  dbOption(
    program
      .command('link')
      .description(
        'put stored articles not yet linked into stories and group their events (ingest and worker do this too)',
      ),
  ).action(async (options: { db?: string }) => {
    const started = performance.now();
    const store = await Store.open(databaseOf(options.db));
    try {
      const result = await linkPending(store.db);
      process.stderr.write(
        `lagebild: ${result.documents} articles linked into stories (${result.newStories} new) in ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
    } finally {
      await store.close();
    }
  });

  dbOption(
    program
      .command('serve')
      .description('serve the HTTP API over a store (127.0.0.1 only, unless --host says otherwise)'),
  )
    .option('--host <address>', 'address to listen on; 0.0.0.0 exposes the store to the network', '127.0.0.1')
    .option('--port <port>', 'TCP port', '8080')
    .option('--max-body <size>', 'largest request body accepted', '1MB')
    .action(async (options: { db?: string; host: string; port: string; maxBody: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port "${options.port}"`);
      const bodyLimit = parseByteSize(options.maxBody);
      if (bodyLimit === null) throw new UsageError(`invalid --max-body "${options.maxBody}" (e.g. 1MB, 500kB)`);
      await runServe({ db: databaseOf(options.db), host: options.host, port, bodyLimit }, process.stderr);
    });

  dbOption(
    program
      .command('export')
      .description('export the stored articles: PLOVER JSON events, GDELT 2.0 event TSV, CoNLL-U parses, CSV tables'),
  )
    .addOption(new Option('--format <format>', 'export format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('--out <path>', 'output file (for csv: a folder, one file per table); default stdout')
    .option('--header', 'gdelt: write the 61 column names as a first line')
    .action(async (options: { db?: string; format: ExportFormat; out?: string; header?: boolean }) => {
      const result = await runExport(
        {
          db: databaseOf(options.db),
          format: options.format,
          out: options.out ?? null,
          header: options.header ?? false,
        },
        process.stdout,
      );
      const unit = options.format === 'conllu' ? 'sentences' : 'events';
      process.stderr.write(
        `lagebild: exported ${result.records} ${unit} of ${result.documents} documents as ${options.format}${result.files.length ? ` to ${options.out}` : ''}\n`,
      );
    });

  program
    .command('validate')
    .description('check lagebild.document/1 output (a JSON object, an array, or JSONL) against the contract')
    .argument('<files...>', 'output files to check')
    .action(async (files: string[]) => {
      let failed = 0;
      for (const file of files) {
        for (const { where, problems } of await validateFile(file)) {
          if (problems.length === 0) continue;
          failed++;
          for (const problem of problems) process.stderr.write(`lagebild: ${where}: ${problem}\n`);
        }
      }
      if (failed === 0) process.stderr.write(`lagebild: ${files.length} file(s) valid\n`);
      process.exitCode = failed > 0 ? EXIT_FAILED_DOCUMENTS : EXIT_OK;
    });

  const evaluate = program.command('eval').description('measure accuracy on held-out data');
  evaluate
    .command('segment')
    .description('tokenizer and sentence splitter against UD German GSD and PUD test text')
    .argument('[conllu...]', 'treebank files (default: GSD and PUD test sets from the data directory)')
    .option('--data <dir>', 'shared corpora directory (default: $LAGEBILD_DATA or ../shared/data)')
    .option('--json', 'print scores as JSON')
    .action((files: string[], options: { data?: string; json?: boolean }) => {
      const dataDir = files.length ? '' : resolveDataDir(options.data);
      const { table, scores } = runEvalSegment(dataDir, files);
      process.stdout.write(options.json ? JSON.stringify(scores, null, 2) + '\n' : table + '\n');
    });
  evaluate
    .command('ud')
    .description('tags, features, lemmas and parse against UD German (dev split and GSD test)')
    .option('--treebank <file...>', 'CoNLL-U files to score instead of the defaults')
    .option('--data <dir>', 'shared corpora directory (default: $LAGEBILD_DATA or ../shared/data)')
    .option('--json', 'print scores as JSON')
    .action((options: { treebank?: string[]; data?: string; json?: boolean }) => {
      const files = options.treebank ?? [];
      const { table, scores } = runEvalUd(files.length ? '' : resolveDataDir(options.data), files);
      process.stdout.write(options.json ? JSON.stringify(scores, null, 2) + '\n' : table + '\n');
    });
  evaluate
    .command('ner')
    .description('named entities against GermEval 2014 test (official outer-chunk metric)')
    .argument('[tsv...]', 'GermEval-format files (default: NER-de-test.tsv from the data directory)')
    .option('--data <dir>', 'shared corpora directory (default: $LAGEBILD_DATA or ../shared/data)')
    .option('--json', 'print scores as JSON')
    .action((files: string[], options: { data?: string; json?: boolean }) => {
      const { table, scores } = runEvalNer(files.length ? '' : resolveDataDir(options.data), files);
      process.stdout.write(options.json ? JSON.stringify(scores, null, 2) + '\n' : table + '\n');
    });
  evaluate
    .command('gold')
    .description('every layer against gold files in the format of ../shared/examples/*/gold.json')
    .argument('<gold...>', 'gold JSON or JSONL files')
    .option('--json', 'print scores as JSON')
    .action((files: string[], options: { json?: boolean }) => {
      const { table, scores } = runEvalGold(files);
      process.stdout.write(options.json ? JSON.stringify(scores, null, 2) + '\n' : table + '\n');
    });
  evaluate
    .command('quotes')
    .description('quotes, speakers and cues against the SpkAtt Wikinews dev split')
    .argument('[jsonl...]', 'SpkAtt-format JSONL files (default: wikinews-spkatt/news-dev.jsonl)')
    .option('--data <dir>', 'shared corpora directory (default: $LAGEBILD_DATA or ../shared/data)')
    .option('--json', 'print scores as JSON')
    .action((files: string[], options: { data?: string; json?: boolean }) => {
      const { table, scores } = runEvalQuotes(files.length ? '' : resolveDataDir(options.data), files);
      process.stdout.write(options.json ? JSON.stringify(scores, null, 2) + '\n' : table + '\n');
    });
  return program;
}

interface QueueCliOptions {
  db?: string;
  queue: string;
  jobTimeout?: string;
  retries?: string;
}

function parseQueueOptions(options: QueueCliOptions): {
  db: string;
  queue: string;
  jobTimeoutSeconds: number | null;
  retries: number | null;
} {
  assertQueueName(options.queue);
  return {
    db: databaseOf(options.db),
    queue: options.queue,
    jobTimeoutSeconds:
      options.jobTimeout === undefined ? null : positiveInteger('--job-timeout', options.jobTimeout, 86_400),
    retries: options.retries === undefined ? null : positiveInteger('--retries', options.retries, 100, 0),
  };
}

function positiveInteger(flag: string, value: string, max: number, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`invalid ${flag} "${value}" (${min} to ${max})`);
  return n;
}

/** --db, else $LAGEBILD_DB, else lagebild.db in the working directory. */
function databaseOf(option: string | undefined): string {
  return option ?? process.env['LAGEBILD_DB'] ?? DEFAULT_DB;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; commander has already printed its message
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`lagebild: error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (isBrokenPipe(error)) return EXIT_OK; // the reader went away (| head): nothing left to say
    process.stderr.write(`lagebild: error: ${(error as Error).message ?? String(error)}\n`);
    if (process.env['LAGEBILD_DEBUG']) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT_FAILED_DOCUMENTS;
  }
}
