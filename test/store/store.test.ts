import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentOut } from '../../src/document.js';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { toDocumentOut } from '../../src/output/document-json.js';
import { Store } from '../../src/store/store.js';
import { splitHeadline } from '../../src/io/read-text.js';
import {
  getDocument,
  listActors,
  listDocuments,
  listEvents,
  listQuotes,
  eventTimeline,
  actorNetwork,
  listQuantities,
} from '../../src/store/queries.js';
import { actorKey } from '../../src/store/rows.js';
import { BACKENDS, freshDatabase, type TestDatabase } from './backends.js';

function analysed(text: string, published = '2020-08-17'): DocumentOut {
  const raw = { ...textDocument(text), ...splitHeadline(text) };
  return toDocumentOut(analyzeDocument(raw, { published }), { withTokens: false });
}

const PAGE = { limit: 50, offset: 0 };

const PROTEST = analysed(
  'Proteste in Minsk\n\nAm Sonntag demonstrierten in Minsk Zehntausende gegen Präsident Lukaschenko. ' +
    'Die Polizei nahm mehr als 200 Menschen fest. Swetlana Tichanowskaja sagte, sie sei bereit, das Land zu führen.',
);
const SANCTIONS = analysed(
  'EU beschließt Sanktionen\n\nDie EU verhängte am Freitag Sanktionen gegen Belarus. ' +
    'Die Oppositionsführerin Swetlana Tikhanovskaya rief in Vilnius zu weiteren Protesten auf.',
  '2020-08-15',
);

for (const backend of BACKENDS) {
  describe(`store on ${backend}`, () => {
    let database: TestDatabase;
    let store: Store;
    before(async () => {
      database = await freshDatabase(backend);
      store = await Store.open(database.location);
    });
    after(async () => {
      await store.close();
      await database.drop();
    });

    test('the same text is stored once; a changed text of the same article becomes its next version', async () => {
      const first = await store.put(PROTEST, { articleKey: 'url:https://example.org/minsk', origin: 'a.txt' });
      assert.equal(first.outcome, 'added');
      assert.equal(first.version, 1);
      const again = await store.put(PROTEST, { articleKey: 'url:https://example.org/minsk', origin: 'a.txt' });
      assert.equal(again.outcome, 'unchanged');
      assert.equal(await store.hasText(PROTEST.text), true);

      const changed = analysed(PROTEST.text.replace('mehr als 200', 'mehr als 250'));
      const second = await store.put(changed, { articleKey: 'url:https://example.org/minsk', origin: 'a.txt' });
      assert.deepEqual([second.outcome, second.version], ['updated', 2]);

      const listed = await listDocuments(store.db, PAGE);
      assert.equal(listed.total, 1, 'only the latest version is listed');
      assert.equal(listed.items[0]?.id, second.contentId);
      assert.equal(listed.items[0]?.version, 2);

      const stored = await getDocument(store.db, first.contentId);
      assert.ok(stored);
      assert.equal(stored.latest, false);
      assert.deepEqual(
        stored.versions.map((v) => v.version),
        [1, 2],
      );
      assert.deepEqual(stored.analysis, JSON.parse(JSON.stringify(PROTEST)), 'the analysis JSON comes back whole');
      assert.equal(await getDocument(store.db, 'sha256:00000000000000000000000000000000'), null);
    });

    test('normalised tables hold every annotation of the latest version', async () => {
      await store.put(SANCTIONS, { articleKey: 'url:https://example.org/eu', origin: 'b.txt' });
      const listed = await listDocuments(store.db, PAGE);
      const eu = listed.items.find((d) => d.title === 'EU beschließt Sanktionen');
      assert.ok(eu);
      assert.deepEqual(eu.counts, {
        entities: SANCTIONS.entities.length,
        quotes: SANCTIONS.quotes.length,
        quantities: SANCTIONS.quantities.length,
        events: SANCTIONS.events.length,
      });
      const events = await listEvents(store.db, { ...PAGE, document: eu.id });
      assert.equal(events.total, SANCTIONS.events.length);
      const sanction = events.items.find((e) => e.type === 'SANCTION');
      assert.ok(sanction, 'the sanction is stored');
      assert.equal(sanction.source?.actor, 'EUR');
      assert.equal(sanction.date, '2020-08-14', 'the day comes from "am Freitag", not the publication date');
      assert.equal(sanction.quadClass, 4);
      assert.equal(typeof sanction.goldstein, 'number');
    });

    test('spelling variants of one person meet as one actor across articles', async () => {
      const actors = await listActors(store.db, { ...PAGE, q: 'swetlana', type: 'PER' });
      assert.equal(actors.total, 1, JSON.stringify(actors.items));
      const names = actors.items[0]?.variants.map((v) => v.name).sort();
      assert.deepEqual(names, ['Swetlana Tichanowskaja', 'Swetlana Tikhanovskaya']);
      assert.equal(actors.items[0]?.documents, 2);
      const listed = await listActors(store.db, { ...PAGE, q: 'lukaschenko', type: 'PER' });
      assert.deepEqual(
        listed.items.map((a) => [a.name, a.code, a.variants.map((v) => v.name)]),
        [['Alexander Lukaschenko', 'BLRGOV', ['Lukaschenko']]],
        'a listed person goes by its listed name',
      );
      assert.equal(actorKey('PER', 'Lukaschenko'), actorKey('PER', 'Lukashenko'));
      assert.equal(actorKey('PER', 'Putin'), actorKey('PER', 'Wladimir Putin'), 'a listed person by surname');
      assert.equal(actorKey('PER', 'Wladimir W. Putin'), actorKey('PER', 'Wladimir Putin'));
      assert.notEqual(actorKey('PER', 'Potiainen'), actorKey('PER', 'Putin'), 'consonants alone do not merge');
      assert.notEqual(actorKey('PER', 'Tanja Potiainen'), actorKey('PER', 'Wladimir Putin'));
      assert.equal(actorKey('ORG', 'Europäischen Union'), actorKey('ORG', 'Europäische Union'), 'inflected names');
      assert.equal(actorKey('ORG', 'Grünen'), actorKey('ORG', 'Grüne'));
      assert.equal(actorKey('MISC', 'Zweiten Weltkrieges'), actorKey('MISC', 'Zweiten Weltkrieg'));
      assert.notEqual(actorKey('ORG', 'EU'), actorKey('ORG', 'UN'), 'short names keep their spelling');
    });

    test('events filter by type, modality, country, actor and date; timeline and network agree', async () => {
      const all = await listEvents(store.db, PAGE);
      assert.ok(all.total >= 4, `${all.total} events`);
      const sanctions = await listEvents(store.db, { ...PAGE, types: ['SANCTION'] });
      assert.ok(sanctions.total >= 1 && sanctions.total < all.total);
      assert.ok(sanctions.items.every((e) => e.type === 'SANCTION'));
      const byCode = await listEvents(store.db, { ...PAGE, actor: 'EUR' });
      assert.ok(byCode.items.some((e) => e.type === 'SANCTION'));
      const byCountry = await listEvents(store.db, { ...PAGE, country: 'BLR' });
      assert.ok(byCountry.items.every((e) => e.source?.country === 'BLR' || e.target?.country === 'BLR'));
      const early = await listEvents(store.db, { ...PAGE, to: '2020-08-14' });
      assert.ok(early.items.every((e) => (e.date ?? '') <= '2020-08-14'));
      assert.equal((await listEvents(store.db, { ...PAGE, modalities: ['negated'] })).total, 0);
      const paged = await listEvents(store.db, { limit: 1, offset: 1 });
      assert.equal(paged.items.length, 1);
      assert.equal(paged.total, all.total);
      assert.deepEqual(paged.items[0], all.items[1]);

      const timeline = await eventTimeline(store.db, {});
      assert.equal(
        timeline.reduce((n, t) => n + t.count, 0),
        all.items.filter((e) => e.date !== null).length,
      );
      const network = await actorNetwork(store.db, {});
      assert.ok(network.some((edge) => edge.source === 'EUR' && edge.target === 'BLR' && edge.type === 'SANCTION'));
    });

    test('full-text search finds words in text, quotes and names, and survives search syntax', async () => {
      const hits = await listDocuments(store.db, { ...PAGE, q: 'Vilnius' });
      assert.deepEqual(
        hits.items.map((d) => d.title),
        ['EU beschließt Sanktionen'],
      );
      assert.equal((await listDocuments(store.db, { ...PAGE, q: 'Sanktion' })).total, 1, 'prefixes match');
      assert.equal((await listDocuments(store.db, { ...PAGE, q: 'Kathmandu' })).total, 0);
      for (const hostile of ['"', 'AND OR NOT', 'a*"(b', "'; DROP TABLE documents; --", '***'])
        await listDocuments(store.db, { ...PAGE, q: hostile });
      assert.equal((await listDocuments(store.db, PAGE)).total, 2, 'nothing was dropped');
    });

    test('quotes by speaker and figures by category', async () => {
      const quotes = await listQuotes(store.db, { ...PAGE, speaker: 'Swetlana Tichanowskaja' });
      assert.equal(quotes.total, 1);
      assert.match(quotes.items[0]?.text ?? '', /bereit/);
      const key = quotes.items[0]?.speaker?.key;
      assert.ok(key);
      assert.equal((await listQuotes(store.db, { ...PAGE, speaker: key })).total, 1);
      const arrests = await listQuantities(store.db, { ...PAGE, categories: ['ARREST'] });
      assert.equal(arrests.total, 1);
      assert.equal(arrests.items[0]?.value, 250, 'the latest version counts');
      assert.equal(arrests.items[0]?.bound, 'moreThan');
    });

    test('opening again migrates nothing and keeps the data', async () => {
      const again = await Store.open(database.location);
      try {
        assert.equal((await listDocuments(again.db, PAGE)).total, 2);
        const versions = await again.db.all<{ version: number }>('SELECT version FROM schema_migrations');
        assert.deepEqual(versions.map((v) => Number(v.version)).sort(), [1, 2, 3]);
      } finally {
        await again.close();
      }
    });
  });
}
