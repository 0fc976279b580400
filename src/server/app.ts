/**
 * The HTTP API over a store (fastify). Every request is validated against a JSON schema (unknown
 * parameters are refused, not ignored), bodies are size-limited, lists are paged, and every error is JSON
 * with a message and never a stack trace. The same schemas describe the API at /openapi.json.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { isValidDate } from '../io/dates.js';
import { contentId } from '../io/sources.js';
import { toDocumentOut } from '../output/document-json.js';
import { analyzeDocument, textDocument } from '../pipeline.js';
import { joinTitle } from '../io/read-text.js';
import { normalizeText } from '../io/decode.js';
import { PLOVER_TYPES } from '../events/lexicon.js';
import {
  actorNetwork,
  eventPlaces,
  eventTimeline,
  getDocument,
  listActors,
  listDocuments,
  type EventFilter,
  listStories,
  getStory,
  listEvents,
  listFigures,
  listQuantities,
  listQuotes,
  storeSummary,
} from '../store/queries.js';
import type { Store } from '../store/store.js';
import { registerDashboard } from './dashboard.js';
import { linkPending } from '../linking/stories.js';
import { QUANTITY_CATEGORIES } from '../quantities/lexicon.js';

export interface AppOptions {
  store: Store;
  /** Largest request body in bytes (POST /api/analyze). */
  bodyLimit?: number;
  /** Largest text POST /api/analyze accepts, in characters. */
  maxTextChars?: number;
  /** Serve the web dashboard at / (default true). */
  dashboard?: boolean;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
const MODALITIES = ['asserted', 'negated', 'planned', 'hypothetical', 'alleged'];
const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'];

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' };
const page = {
  limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
};
const storyId = {
  type: 'string',
  pattern: '^story:[0-9a-f]{32}$',
  description: 'story id (story: + the content id of its first article)',
} as const;

const documentId = {
  type: 'string',
  pattern: '^sha256:[0-9a-f]{32}$',
  description: 'content id of a stored document version',
};
/** A comma-separated list of allowed values, e.g. `PROTEST,SANCTION`. */
const listOf = (values: readonly string[]): object => ({
  type: 'string',
  pattern: `^(?:${values.join('|')})(?:,(?:${values.join('|')}))*$`,
  description: `one or more of ${values.join(', ')}, comma-separated`,
});
const query = (properties: Record<string, object>): object => ({
  type: 'object',
  additionalProperties: false,
  properties: { ...properties, ...page },
});

function split(value: string | undefined): string[] | undefined {
  return value ? value.split(',') : undefined;
}

/** Dates pass the pattern first; this refuses 2020-02-30 with a message that names the parameter. */
function checkDates<T extends object>(values: T, names: Array<keyof T & string>): void {
  for (const name of names) {
    const v: unknown = values[name];
    if (typeof v === 'string' && !isValidDate(v)) throw badRequest(`${name} "${v}" is not a calendar date`);
  }
}

/** An error the error handler answers with `status` and this message. */
function httpError(status: number, message: string): FastifyError {
  const error = new Error(message) as FastifyError;
  error.statusCode = status;
  return error;
}

function badRequest(message: string): FastifyError {
  return httpError(400, message);
}

/** The one shape of every error answer. */
function errorBody(status: number, message: string): { statusCode: number; error: string; message: string } {
  return { statusCode: status, error: reasonOf(status), message };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const db = store.db;
  const maxTextChars = options.maxTextChars ?? 200_000;
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false, verbose: true },
    },
    schemaErrorFormatter: (errors, dataVar) => new Error(describeSchemaErrors(errors, dataVar)),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Lagebild API',
        description: 'German news as an evidence-linked situation picture: documents, events, actors, quotes, figures.',
        version: '1',
      },
    },
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    const message =
      status >= 500
        ? 'internal error'
        : error.validation
          ? `invalid request: ${error.message}`
          : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? `request body larger than the limit of ${app.initialConfig.bodyLimit} bytes`
            : error.message;
    if (status >= 500 && process.env['LAGEBILD_DEBUG']) process.stderr.write(`${error.stack}\n`);
    void reply.status(status).send(errorBody(status, message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(errorBody(404, `no route ${request.method} ${request.url}`));
  });

  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());

  app.get(
    '/api/documents',
    {
      schema: {
        description: 'Stored articles (latest versions), newest first; q searches text, quotes and entity names.',
        querystring: query({
          q: { type: 'string', maxLength: 500 },
          from: date,
          to: date,
          source: { type: 'string', maxLength: 200 },
          story: storyId,
        }),
      },
    },
    async (request) => {
      const q = request.query as {
        q?: string;
        from?: string;
        to?: string;
        source?: string;
        story?: string;
        limit: number;
        offset: number;
      };
      checkDates(q, ['from', 'to']);
      return listDocuments(db, q);
    },
  );

  app.get(
    '/api/documents/:id',
    {
      schema: {
        description: 'One stored document with all its annotations (the lagebild.document/1 JSON) and its versions.',
        params: { type: 'object', properties: { id: documentId }, required: ['id'] },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const doc = await getDocument(db, id);
      if (!doc) throw httpError(404, `no document ${id}`);
      return doc;
    },
  );

  const eventFilters = {
    type: listOf(PLOVER_TYPES),
    modality: listOf(MODALITIES),
    actor: { type: 'string', maxLength: 200, description: 'actor key, CAMEO actor code or name, as source or target' },
    country: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 3166 alpha-3 of source or target' },
    from: date,
    to: date,
    document: documentId,
    story: storyId,
  };
  // The query string of the event routes: the store's filter, with types and modalities as comma lists.
  type EventQuery = Omit<EventFilter, 'types' | 'modalities'> & { type?: string; modality?: string };
  const eventFilter = (q: EventQuery): EventFilter => {
    checkDates(q, ['from', 'to']);
    const { type, modality, ...rest } = q;
    return { ...rest, types: split(type), modalities: split(modality) };
  };
  app.get(
    '/api/events',
    {
      schema: {
        description: 'Events (PLOVER type, actors, place, day, modality), by day.',
        querystring: query(eventFilters),
      },
    },
    async (request) => listEvents(db, eventFilter(request.query as EventQuery)),
  );
  app.get(
    '/api/events/timeline',
    {
      schema: {
        description: 'Event counts per day and PLOVER type, under the filters of /api/events.',
        querystring: query(eventFilters),
      },
    },
    async (request) => ({ items: await eventTimeline(db, eventFilter(request.query as EventQuery)) }),
  );
  app.get(
    '/api/events/network',
    {
      schema: {
        description: 'Actor network: source → target edges per PLOVER type with counts, QuadClass and mean Goldstein.',
        querystring: query(eventFilters),
      },
    },
    async (request) => ({ items: await actorNetwork(db, eventFilter(request.query as EventQuery)) }),
  );

  app.get(
    '/api/events/places',
    {
      schema: {
        description: 'Event places with coordinates: one point per place with its event count per PLOVER type.',
        querystring: query(eventFilters),
      },
    },
    async (request) => ({ items: await eventPlaces(db, eventFilter(request.query as EventQuery)) }),
  );

  app.get(
    '/api/summary',
    {
      schema: {
        description:
          'How many documents, events, actors, quotes and figures the store holds, and the vocabularies to filter by.',
      },
    },
    async () => {
      const { countries, ...counts } = await storeSummary(db);
      return {
        ...counts,
        vocabulary: { types: PLOVER_TYPES, modalities: MODALITIES, categories: QUANTITY_CATEGORIES, countries },
      };
    },
  );

  app.get(
    '/api/stories',
    {
      schema: {
        description:
          'Stories: articles about the same thing, grouped as they arrive (most recently active first), with their defining actors and words and how many events several articles share.',
        querystring: query({
          from: date,
          to: date,
          minDocuments: { type: 'integer', minimum: 1, maximum: 100000 },
          actor: { type: 'string', maxLength: 200, description: 'actor key, e.g. PER:lksndr lksnk' },
        }),
      },
    },
    async (request) => {
      const q = request.query as Parameters<typeof listStories>[1];
      checkDates(q, ['from', 'to']);
      return listStories(db, q);
    },
  );
  app.get(
    '/api/stories/:id',
    {
      schema: {
        description: 'One story with its articles (their events: /api/events?story=ID).',
        params: { type: 'object', properties: { id: storyId }, required: ['id'] },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const story = await getStory(db, id);
      if (!story) throw httpError(404, `no story ${id}`);
      return story;
    },
  );

  app.get(
    '/api/actors',
    {
      schema: {
        description: 'Persons, organisations and places across articles, with their name variants.',
        querystring: query({
          q: { type: 'string', maxLength: 200 },
          type: { type: 'string', enum: ENTITY_TYPES },
          country: { type: 'string', pattern: '^[A-Z]{3}$' },
        }),
      },
    },
    async (request) => listActors(db, request.query as Parameters<typeof listActors>[1]),
  );

  app.get(
    '/api/quotes',
    {
      schema: {
        description: 'Direct and indirect quotes with their speakers, grouped by speaker.',
        querystring: query({
          speaker: { type: 'string', maxLength: 200, description: 'actor key or speaker name' },
          q: { type: 'string', maxLength: 200 },
          kind: { type: 'string', enum: ['direct', 'indirect'] },
          document: documentId,
        }),
      },
    },
    async (request) => listQuotes(db, request.query as Parameters<typeof listQuotes>[1]),
  );

  app.get(
    '/api/quantities',
    {
      schema: {
        description: 'Figures (arrests, deaths, crowd sizes, …) with bounds, categories and their events.',
        querystring: query({ category: listOf(QUANTITY_CATEGORIES), document: documentId, from: date, to: date }),
      },
    },
    async (request) => {
      const q = request.query as {
        category?: string;
        document?: string;
        from?: string;
        to?: string;
        limit: number;
        offset: number;
      };
      checkDates(q, ['from', 'to']);
      const { category, ...rest } = q;
      return listQuantities(db, { ...rest, categories: split(category) });
    },
  );

  app.get(
    '/api/figures',
    {
      schema: {
        description:
          'Contested figures: counts of one category, country and unit within a week of each other, reported with different values, side by side with their sources and attributions (all=true: also uncontested groups).',
        querystring: query({
          category: listOf(QUANTITY_CATEGORIES),
          country: { type: 'string', pattern: '^[A-Z]{3}$' },
          from: date,
          to: date,
          all: { type: 'boolean', default: false },
        }),
      },
    },
    async (request) => {
      const q = request.query as {
        category?: string;
        country?: string;
        from?: string;
        to?: string;
        all: boolean;
        limit: number;
        offset: number;
      };
      checkDates(q, ['from', 'to']);
      const { category, ...rest } = q;
      return listFigures(db, { ...rest, categories: split(category) });
    },
  );

  app.post(
    '/api/analyze',
    {
      schema: {
        description: 'Analyse a text ad hoc; with store: true it is also stored. Returns lagebild.document/1 JSON.',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['text'],
          properties: {
            text: { type: 'string', minLength: 1, maxLength: maxTextChars },
            title: { type: 'string', maxLength: 1000 },
            published: date,
            store: { type: 'boolean', default: false },
          },
        },
      },
    },
    async (request) => {
      const body = request.body as { text: string; title?: string; published?: string; store: boolean };
      checkDates(body, ['published']);
      if (body.text.trim() === '') throw badRequest('text is empty');
      // Posted text is normalised like every other input (BOM, CRLF, NFC) before any offset is counted.
      const text = normalizeText(body.text);
      const raw = { ...textDocument(text), ...joinTitle(body.title ?? null, text) };
      const doc = toDocumentOut(analyzeDocument(raw, { published: body.published ?? null }), { withTokens: false });
      if (body.store) {
        const stored = await store.put(doc, { articleKey: contentId(doc.text), origin: 'POST /api/analyze' });
        await linkPending(store.db);
        return { ...doc, stored: { id: stored.contentId, outcome: stored.outcome } };
      }
      return doc;
    },
  );

  if (options.dashboard ?? true) await registerDashboard(app);
  await app.ready();
  return app;
}

/** Ajv's errors as one sentence a person can act on: which parameter, what it got, what it wants. */
function describeSchemaErrors(
  errors: Array<{
    keyword: string;
    instancePath: string;
    message?: string;
    params: Record<string, unknown>;
    data?: unknown;
    parentSchema?: { description?: string };
  }>,
  dataVar: string,
): string {
  const where = dataVar === 'querystring' ? 'query parameter' : dataVar === 'params' ? 'path parameter' : 'body field';
  return errors
    .map((e) => {
      const name = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
      if (e.keyword === 'additionalProperties') return `unknown ${where} "${String(e.params['additionalProperty'])}"`;
      if (e.keyword === 'required') return `missing ${where} "${String(e.params['missingProperty'])}"`;
      const got = typeof e.data === 'string' || typeof e.data === 'number' ? ` "${String(e.data).slice(0, 80)}"` : '';
      const wanted = e.parentSchema?.description ?? e.message ?? 'a valid value';
      return name ? `${where} ${name}${got} is invalid: expected ${wanted}` : `${dataVar} ${e.message ?? 'is invalid'}`;
    })
    .join('; ');
}

function reasonOf(status: number): string {
  const reasons: Record<number, string> = {
    400: 'Bad Request',
    404: 'Not Found',
    405: 'Method Not Allowed',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    500: 'Internal Server Error',
  };
  return reasons[status] ?? 'Error';
}
