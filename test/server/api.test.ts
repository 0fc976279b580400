import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { Store } from '../../src/store/store.js';
import { ROOT } from '../helpers.js';
import { BACKENDS, freshDatabase, ingestInto, type TestDatabase } from '../store/backends.js';

for (const backend of BACKENDS) {
  describe(`HTTP API on ${backend}`, () => {
    let database: TestDatabase;
    let store: Store;
    let app: FastifyInstance;
    before(async () => {
      database = await freshDatabase(backend);
      await ingestInto(database.location, [join(ROOT, 'examples')], '2010-02-20');
      store = await Store.open(database.location);
      app = await buildApp({ store, bodyLimit: 64 * 1024 });
    });
    after(async () => {
      await app.close();
      await store.close();
      await database.drop();
    });

    const get = async (url: string): Promise<{ status: number; body: Record<string, unknown> }> => {
      const response = await app.inject({ method: 'GET', url });
      return { status: response.statusCode, body: response.json() };
    };

    test('documents: list, search, one document with all annotations', async () => {
      const list = await get('/api/documents?limit=10');
      assert.equal(list.status, 200);
      const items = list.body['items'] as Array<{ id: string; title: string }>;
      assert.equal(list.body['total'], 3);
      const found = await get('/api/documents?q=Niger');
      assert.ok((found.body['total'] as number) >= 1);
      const one = await get(`/api/documents/${encodeURIComponent(items[0]!.id)}`);
      assert.equal(one.status, 200);
      const analysis = one.body['analysis'] as { schema: string; events: unknown[]; entities: unknown[] };
      assert.equal(analysis.schema, 'lagebild.document/1');
      assert.ok(analysis.entities.length > 0);
    });

    test('events, timeline and network honour the same filters', async () => {
      const all = await get('/api/events?limit=500');
      assert.equal(all.status, 200);
      const protests = await get('/api/events?type=PROTEST&limit=500');
      const items = protests.body['items'] as Array<{ type: string }>;
      assert.ok(items.length > 0 && items.every((e) => e.type === 'PROTEST'));
      assert.ok((protests.body['total'] as number) < (all.body['total'] as number));
      const timeline = await get('/api/events/timeline?type=PROTEST');
      const days = timeline.body['items'] as Array<{ type: string; count: number }>;
      assert.ok(days.every((d) => d.type === 'PROTEST'));
      const network = await get('/api/events/network');
      assert.equal(network.status, 200);
      assert.ok(Array.isArray(network.body['items']));
      const two = await get(
        '/api/events?type=PROTEST,SANCTION&modality=asserted,alleged&from=2000-01-01&to=2030-12-31',
      );
      assert.equal(two.status, 200);
    });

    test('actors with name variants, quotes by speaker, figures by category', async () => {
      const actors = await get('/api/actors?type=PER&limit=5');
      const first = (actors.body['items'] as Array<{ key: string; variants: unknown[] }>)[0];
      assert.ok(first && first.variants.length >= 1);
      const quotes = await get('/api/quotes?limit=100');
      const withSpeaker = (
        quotes.body['items'] as Array<{ speaker: { key: string | null; name: string } | null }>
      ).find((q) => q.speaker?.key);
      assert.ok(withSpeaker?.speaker);
      const bySpeaker = await get(`/api/quotes?speaker=${encodeURIComponent(withSpeaker.speaker.key!)}`);
      assert.ok((bySpeaker.body['items'] as unknown[]).length >= 1);
      const figures = await get('/api/quantities?category=KILL,ARREST,WOUND,OTHER');
      assert.equal(figures.status, 200);
    });

    test('stories: every stored article in one, its articles and events reachable by story id', async () => {
      const list = await get('/api/stories?limit=50');
      assert.equal(list.status, 200);
      const stories = list.body['items'] as Array<{ id: string; documents: number; firstDay: string }>;
      assert.equal(
        stories.reduce((n, s) => n + s.documents, 0),
        3,
        'ingest linked every article',
      );
      const story = stories[0]!;
      const one = await get(`/api/stories/${story.id}`);
      assert.equal(one.status, 200);
      const articles = one.body['articles'] as Array<{ id: string }>;
      assert.equal(articles.length, story.documents);
      const docs = await get(`/api/documents?story=${story.id}`);
      assert.deepEqual(
        (docs.body['items'] as Array<{ id: string; story: string }>).map((d) => d.story),
        articles.map(() => story.id),
      );
      const events = await get(`/api/events?story=${story.id}&limit=500`);
      const items = events.body['items'] as Array<{ document: { id: string }; group: { sources: number } | null }>;
      assert.ok(items.every((e) => articles.some((a) => a.id === e.document.id) && (e.group?.sources ?? 0) >= 1));
      assert.equal((await get('/api/stories/story:0123456789abcdef0123456789abcdef')).status, 404);
      assert.equal((await get('/api/stories/nonsense')).status, 400);
      assert.equal((await get('/api/stories?minDocuments=0')).status, 400);
    });

    test('bad requests get a 4xx with a message that names the problem, never a stack trace', async () => {
      const cases: Array<[string, number, RegExp]> = [
        ['/api/documents/not-an-id', 400, /path parameter id "not-an-id" is invalid/],
        [`/api/documents/sha256:${'0'.repeat(32)}`, 404, /no document/],
        ['/api/events?type=RIOT', 400, /query parameter type "RIOT" is invalid: expected one or more of AGREE/],
        ['/api/events?bogus=1', 400, /unknown query parameter "bogus"/],
        ['/api/events?from=2020-02-30', 400, /from "2020-02-30" is not a calendar date/],
        ['/api/events?limit=100000', 400, /limit/],
        ['/api/events?country=Belarus', 400, /country/],
        ['/api/quantities?category=PEOPLE', 400, /category/],
        ['/api/nothing', 404, /no route GET \/api\/nothing/],
      ];
      for (const [url, status, message] of cases) {
        const response = await get(url);
        assert.equal(response.status, status, url);
        assert.match(String(response.body['message']), message, url);
        assert.doesNotMatch(JSON.stringify(response.body), /\n\s+at /, 'no stack trace');
      }
    });

    test('POST /api/analyze analyses, validates and limits the body', async () => {
      const ok = await app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: { text: 'Die Polizei nahm am Freitag 20 Demonstranten fest.', published: '2020-08-15' },
      });
      assert.equal(ok.statusCode, 200);
      const doc = ok.json<{ quantities: Array<{ category: string }>; times: Array<{ value: string }> }>();
      assert.equal(doc.quantities[0]?.category, 'ARREST');
      assert.equal(doc.times[0]?.value, '2020-08-14');

      const crlf = await app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: { title: 'Meldung', text: '\ufeffDie Polizei nahm 20 Demonstranten fest.\r\nDie Lage ist ruhig.\r\n' },
      });
      assert.equal(
        crlf.json<{ text: string }>().text,
        'Meldung\n\nDie Polizei nahm 20 Demonstranten fest.\nDie Lage ist ruhig.',
        'posted text is normalised like a file',
      );

      const stored = await app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: { text: 'Die EU verhängte Sanktionen gegen Belarus.', store: true },
      });
      const id = stored.json<{ stored: { id: string } }>().stored.id;
      assert.equal((await get(`/api/documents/${id}`)).status, 200);

      const huge = await app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: { text: 'Wort '.repeat(20000) },
      });
      assert.equal(huge.statusCode, 413);
      assert.match(huge.json<{ message: string }>().message, /larger than the limit of 65536 bytes/);
      const broken = await app.inject({
        method: 'POST',
        url: '/api/analyze',
        headers: { 'content-type': 'application/json' },
        payload: '{"text": ',
      });
      assert.equal(broken.statusCode, 400);
      const missing = await app.inject({ method: 'POST', url: '/api/analyze', payload: { title: 'x' } });
      assert.equal(missing.statusCode, 400);
      assert.match(missing.json<{ message: string }>().message, /missing body field "text"/);
      const badDate = await app.inject({
        method: 'POST',
        url: '/api/analyze',
        payload: { text: 'x', published: 'gestern' },
      });
      assert.equal(badDate.statusCode, 400);
    });

    test('/openapi.json describes every endpoint', async () => {
      const spec = await get('/openapi.json');
      const paths = Object.keys(spec.body['paths'] as object);
      for (const path of [
        '/api/documents',
        '/api/documents/{id}',
        '/api/events',
        '/api/events/timeline',
        '/api/events/network',
        '/api/actors',
        '/api/quotes',
        '/api/quantities',
        '/api/events/places',
        '/api/figures',
        '/api/summary',
        '/api/analyze',
      ])
        assert.ok(paths.includes(path), path);
    });

    test('event places, figures grouped by kind of count, and the summary', async () => {
      const places = await get('/api/events/places');
      assert.equal(places.status, 200);
      const items = places.body['items'] as Array<{ name: string; lat: number; lon: number; count: number }>;
      const bangkok = items.find((p) => p.name === 'Bangkok');
      assert.ok(bangkok, JSON.stringify(items));
      assert.ok(Math.abs(bangkok.lat - 13.75) < 0.5 && Math.abs(bangkok.lon - 100.5) < 0.5);
      const filtered = await get('/api/events/places?type=SANCTION');
      assert.ok((filtered.body['items'] as unknown[]).length < items.length);

      const all = await get('/api/figures?all=true');
      assert.equal(all.status, 200);
      const groups = all.body['items'] as Array<{
        category: string;
        country: string | null;
        values: number[];
        period: { from: string; to: string } | null;
        reports: Array<{ value: number; date: string | null; document: { id: string } }>;
      }>;
      assert.ok(groups.length > 0);
      for (const g of groups) {
        assert.notEqual(g.category, 'OTHER');
        assert.deepEqual(
          [...new Set(g.reports.map((r) => r.value))].sort((a, b) => a - b),
          g.values,
        );
        if (g.period) assert.ok(g.period.from <= g.period.to);
      }
      const country = groups.find((g) => g.country)!.country!;
      const inCountry = (await get(`/api/figures?all=true&country=${country}`)).body['items'] as typeof groups;
      assert.ok(inCountry.length > 0 && inCountry.every((g) => g.country === country));
      const later = (await get('/api/figures?all=true&from=2010-01-01')).body['items'] as typeof groups;
      assert.ok(later.length > 0 && later.length < groups.length);
      assert.ok(later.every((g) => g.reports.every((r) => r.date !== null && r.date >= '2010-01-01')));
      const contested = await get('/api/figures');
      for (const g of contested.body['items'] as typeof groups) assert.ok(g.values.length > 1);
      const bad = await get('/api/figures?category=ARRESTS');
      assert.equal(bad.status, 400);
      assert.match(String(bad.body['message']), /category/);

      const summary = await get('/api/summary');
      assert.equal(summary.body['documents'], (await get('/api/documents')).body['total']);
      const vocabulary = summary.body['vocabulary'] as { types: string[]; countries: string[] };
      assert.ok(vocabulary.types.includes('SANCTION'));
      assert.ok(vocabulary.countries.every((c) => /^[A-Z]{3}$/.test(c)));
    });

    test('the dashboard: page, scripts and map data from the package, under a strict CSP', async () => {
      const page = await app.inject({ method: 'GET', url: '/' });
      assert.equal(page.statusCode, 200);
      assert.match(String(page.headers['content-type']), /text\/html/);
      assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
      assert.doesNotMatch(page.body, /https?:\/\//, 'the page loads nothing from the network');
      for (const url of ['/static/style.css', '/app/main.js', '/vendor/d3.min.js', '/vendor/countries-50m.json']) {
        const response = await app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200, url);
      }
      for (const url of ['/vendor/package.json', '/static/../package.json', '/app/../cli/main.js', '/app/main.js.map'])
        assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
    });
  });
}
