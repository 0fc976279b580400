/**
 * What travels through the queue: one raw document and how to store it. Jobs may come from other
 * producers than `lagebild enqueue` (anything that can insert into pg-boss), so a worker validates each
 * payload before trusting it.
 */
import { Ajv } from 'ajv';
import type { RawDocument } from '../document.js';

export interface QueuedDocument {
  /** Payload version, for workers and producers of different releases. */
  v: 1;
  text: string;
  title: string | null;
  /** The article's own date (YYYY-MM-DD), when its input gave one. */
  published: string | null;
  /** The date to assume when it gave none (`--published` of the producer). */
  fallbackPublished: string | null;
  source: { name: string | null; url: string | null };
  givenId: string | null;
  /** Where it was read, for people: `feed.xml`, `news.jsonl:12`. */
  origin: string;
  /** Its identity across versions in the store (see articleKey in cli/ingest.ts). */
  articleKey: string;
}

const nullableString = { type: ['string', 'null'] } as const;
const DATE = '^\\d{4}-\\d{2}-\\d{2}';

const validatePayload = new Ajv({ allErrors: true }).compile<QueuedDocument>({
  type: 'object',
  additionalProperties: false,
  required: ['v', 'text', 'title', 'published', 'fallbackPublished', 'source', 'givenId', 'origin', 'articleKey'],
  properties: {
    v: { const: 1 },
    text: { type: 'string', minLength: 1 },
    title: nullableString,
    published: { type: ['string', 'null'], pattern: DATE },
    fallbackPublished: { type: ['string', 'null'], pattern: DATE },
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'url'],
      properties: { name: nullableString, url: nullableString },
    },
    givenId: nullableString,
    origin: { type: 'string', minLength: 1 },
    articleKey: { type: 'string', minLength: 1 },
  },
});

/** The payload, or what is wrong with it (one line). */
export function parsePayload(data: unknown): { ok: true; job: QueuedDocument } | { ok: false; problem: string } {
  if (validatePayload(data)) return { ok: true, job: data };
  const problem = (validatePayload.errors ?? [])
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
    .join('; ');
  return { ok: false, problem: `invalid job payload: ${problem}` };
}

export function payloadOf(raw: RawDocument, fallbackPublished: string | null, articleKey: string): QueuedDocument {
  return {
    v: 1,
    text: raw.text,
    title: raw.title,
    published: raw.published,
    fallbackPublished,
    source: { name: raw.source.name, url: raw.source.url },
    givenId: raw.givenId,
    origin: raw.origin,
    articleKey,
  };
}

export function rawOf(job: QueuedDocument): RawDocument {
  return {
    input: job.origin,
    origin: job.origin,
    outputName: job.givenId ?? 'queued',
    givenId: job.givenId,
    title: job.title,
    text: job.text,
    published: job.published,
    source: job.source,
  };
}

/**
 * A job's id is its text's content id written as a UUID: the same text queued twice is one job (pg-boss
 * inserts with ON CONFLICT DO NOTHING), from any producer on any machine.
 */
export function jobIdOf(contentId: string): string {
  const hex = contentId
    .replace(/^sha256:/, '')
    .padEnd(32, '0')
    .slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
