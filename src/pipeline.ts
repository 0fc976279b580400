/**
 * The pipeline: one `Doc` passes through an ordered list of stages, each of which reads what earlier
 * stages left and adds its own layer. Read `STAGES` top to bottom to see what Lagebild does.
 */
import type { Doc, RawDocument, SentenceTable, TokenTable } from './document.js';
import { contentId } from './io/sources.js';
import { languageStage } from './lang/stage.js';
import { segmentStage } from './text/stage.js';
import { morphStage } from './morph/stage.js';
import { syntaxStage } from './syntax/stage.js';
import { entitiesStage } from './entities/stage.js';
import { timesStage } from './times/stage.js';
import { quantitiesStage } from './quantities/stage.js';
import { quotesStage } from './quotes/stage.js';
import { eventsStage } from './events/stage.js';

export interface Stage {
  name: string;
  run(doc: Doc): void;
}

export const STAGES: readonly Stage[] = [
  segmentStage,
  languageStage,
  morphStage,
  syntaxStage,
  entitiesStage,
  timesStage,
  quantitiesStage,
  quotesStage,
  eventsStage,
];

/** The stages up to the tags, before the parse: what evaluation and parser self-training run themselves. */
export const TAGGING_STAGES: readonly Stage[] = STAGES.slice(
  0,
  STAGES.findIndex((stage) => stage.name === 'syntax'),
);

const NO_TOKENS: TokenTable = {
  count: 0,
  start: new Uint32Array(0),
  end: new Uint32Array(0),
  spaceAfter: new Uint8Array(0),
};
const NO_SENTENCES: SentenceTable = { count: 0, firstToken: new Uint32Array(0), endToken: new Uint32Array(0) };

export interface AnalyzeOptions {
  /** Publication date for documents whose input carries none (the command line's --published). */
  published?: string | null;
}

/** A raw document for text that is already in memory (evaluation, benchmarks, library use). */
export function textDocument(text: string, id: string | null = null): RawDocument {
  return {
    input: '-',
    origin: id ?? '-',
    outputName: id ?? 'document',
    givenId: id,
    title: null,
    text,
    published: null,
    source: { name: null, url: null },
  };
}

export function createDoc(raw: RawDocument, options: AnalyzeOptions = {}): Doc {
  const published = raw.published ?? options.published ?? null;
  return {
    raw,
    id: raw.givenId ?? contentId(raw.text),
    text: raw.text,
    published,
    lang: 'de',
    warnings: published === null ? ['no publication date: relative dates ("am Freitag") stay unresolved'] : [],
    tokens: NO_TOKENS,
    sentences: NO_SENTENCES,
    morph: null,
    syntax: null,
    entities: [],
    quotes: [],
    quantities: [],
    times: [],
    events: [],
  };
}

/** Run every stage over one document. */
export function analyzeDocument(
  raw: RawDocument,
  options: AnalyzeOptions = {},
  stages: readonly Stage[] = STAGES,
): Doc {
  const doc = createDoc(raw, options);
  for (const stage of stages) stage.run(doc);
  return doc;
}
