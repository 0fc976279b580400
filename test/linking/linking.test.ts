/**
 * Cross-article linking on both databases: articles about one story share a stable story id, unrelated
 * ones and late ones do not; the same event in two articles becomes one event with two sources, in the
 * API and in the exports; new versions and concurrent linkers keep the counts right.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentOut } from '../../src/document.js';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { toDocumentOut } from '../../src/output/document-json.js';
import { splitHeadline } from '../../src/io/read-text.js';
import { Store } from '../../src/store/store.js';
import { linkPending } from '../../src/linking/stories.js';
import { getStory, listDocuments, listEvents, listStories } from '../../src/store/queries.js';
import { storedAnalyses } from '../../src/export/stored.js';
import { gdeltLines, GDELT_COLUMNS } from '../../src/export/gdelt.js';
import { ploverEvents } from '../../src/export/plover.js';
import { BACKENDS, freshDatabase, type TestDatabase } from '../store/backends.js';

function analysed(text: string, published: string, source: string): DocumentOut {
  const raw = { ...textDocument(text), ...splitHeadline(text), source: { name: source, url: null } };
  return toDocumentOut(analyzeDocument(raw, { published }), { withTokens: false });
}

const PAGE = { limit: 50, offset: 0 };

// One story told three times (spellings differ: Tichanowskaja / Tikhanovskaya), two unrelated articles,
// and the same subject a month later (outside the story's week).
const ARTICLES: Array<{ key: string; text: string; published: string; source: string }> = [
  {
    key: 'minsk-1',
    published: '2020-08-10',
    source: 'Agentur A',
    text:
      'Proteste in Minsk nach der Wahl\n\nNach der Präsidentenwahl in Belarus haben in Minsk Tausende gegen Präsident ' +
      'Alexander Lukaschenko demonstriert. Die Polizei nahm Demonstranten fest. Die Oppositionskandidatin Swetlana ' +
      'Tichanowskaja erkannte das Wahlergebnis nicht an. Die EU verhängte am Freitag Sanktionen gegen Belarus.',
  },
  {
    key: 'minsk-2',
    published: '2020-08-12',
    source: 'Zeitung B',
    text:
      'Weitere Festnahmen bei Protesten in Belarus\n\nIn Minsk gingen erneut Demonstranten gegen Lukaschenko und ' +
      'die gefälschte Präsidentenwahl auf die Straße. Die Polizei setzte Blendgranaten ein und nahm Hunderte fest. ' +
      'Swetlana Tikhanovskaya rief aus Litauen zu friedlichen Protesten auf.',
  },
  {
    key: 'minsk-3',
    published: '2020-08-14',
    source: 'Sender C',
    text:
      'Lukaschenko lehnt Neuwahl ab\n\nDer belarussische Präsident Alexander Lukaschenko lehnte eine Neuwahl ab. ' +
      'Die Proteste in Minsk gegen die Präsidentenwahl dauern an. Die EU hatte am 7. August Sanktionen gegen Belarus verhängt.',
  },
  {
    key: 'fussball',
    published: '2020-08-12',
    source: 'Zeitung B',
    text:
      'Bayern gewinnt Pokalfinale\n\nDer FC Bayern München hat das Pokalfinale in Berlin gegen Bayer Leverkusen ' +
      'mit vier zu zwei Toren gewonnen. Robert Lewandowski traf zweimal für die Münchner.',
  },
  {
    key: 'raumfahrt',
    published: '2020-08-13',
    source: 'Agentur A',
    text:
      'Raumkapsel sicher gelandet\n\nDie Raumkapsel mit zwei Astronauten ist nach zwei Monaten auf der ' +
      'Internationalen Raumstation sicher im Golf von Mexiko gelandet, teilte die NASA mit.',
  },
  {
    key: 'minsk-later',
    published: '2020-09-20',
    source: 'Agentur A',
    text:
      'Wieder Proteste in Minsk\n\nIn Minsk haben erneut Tausende gegen Präsident Alexander Lukaschenko und die ' +
      'Präsidentenwahl demonstriert. Die Polizei nahm Demonstranten fest.',
  },
];

for (const backend of BACKENDS) {
  describe(`linking on ${backend}`, () => {
    let database: TestDatabase;
    let store: Store;
    const ids = new Map<string, string>();
    before(async () => {
      database = await freshDatabase(backend);
      store = await Store.open(database.location);
      for (const a of ARTICLES) {
        const put = await store.put(analysed(a.text, a.published, a.source), { articleKey: a.key, origin: a.key });
        ids.set(a.key, put.contentId);
      }
    });
    after(async () => {
      await store.close();
      await database.drop();
    });

    const storyOf = async (key: string): Promise<string | null> =>
      (
        await store.db.get<{ story_id: string | null }>('SELECT story_id FROM documents WHERE content_id = ?', [
          ids.get(key)!,
        ])
      )?.story_id ?? null;

    test('articles about one story share a story named by its first article; others get their own', async () => {
      const result = await linkPending(store.db);
      assert.deepEqual(result, { documents: 6, newStories: 4 });
      const story = `story:${ids.get('minsk-1')!.replace('sha256:', '')}`;
      for (const key of ['minsk-1', 'minsk-2', 'minsk-3']) assert.equal(await storyOf(key), story, key);
      for (const key of ['fussball', 'raumfahrt', 'minsk-later'])
        assert.equal(await storyOf(key), `story:${ids.get(key)!.replace('sha256:', '')}`, `${key} starts its own`);
      assert.deepEqual(await linkPending(store.db), { documents: 0, newStories: 0 }, 'nothing left to link');

      const detail = await getStory(store.db, story);
      assert.ok(detail);
      assert.equal(detail.documents, 3);
      assert.deepEqual([detail.firstDay, detail.lastDay], ['2020-08-10', '2020-08-14']);
      assert.deepEqual(
        detail.articles.map((a) => a.id),
        ['minsk-1', 'minsk-2', 'minsk-3'].map((k) => ids.get(k)),
      );
      assert.ok(
        detail.actors.some((a) => /Lukas/.test(a.name)),
        `Lukaschenko defines the story: ${JSON.stringify(detail.actors)}`,
      );
      const listed = await listStories(store.db, { ...PAGE, minDocuments: 2 });
      assert.deepEqual(
        listed.items.map((s) => s.id),
        [story],
      );
      assert.equal((await listDocuments(store.db, { ...PAGE, story })).total, 3);
    });

    test('the same event in two articles is one event with two sources, in the API and the exports', async () => {
      const events = await listEvents(store.db, { ...PAGE, types: ['SANCTION'] });
      const told = events.items.filter((e) => e.source?.actor === 'EUR' && e.target?.country === 'BLR');
      assert.equal(
        told.length,
        2,
        JSON.stringify(events.items.map((e) => [e.document.title, e.date, e.source, e.target])),
      );
      assert.equal(told[0]!.group?.key, told[1]!.group?.key);
      assert.equal(told[0]!.group?.sources, 2);
      assert.equal(told[0]!.date, '2020-08-07');

      let gdelt: string[][] = [];
      const plover = [];
      for await (const stored of storedAnalyses(store.db)) {
        gdelt.push(
          ...gdeltLines(stored.analysis, stored.contentId, stored.ingestedAt, stored.links).map((l) => l.split('\t')),
        );
        plover.push(...ploverEvents(stored.analysis, stored.contentId, stored));
      }
      const col = (name: string): number => GDELT_COLUMNS.indexOf(name);
      gdelt = gdelt.filter((row) => row[col('EventRootCode')] === '16' && row[col('Actor1Code')] === 'EUR');
      assert.equal(gdelt.length, 1, 'GDELT: one row for the event');
      assert.equal(gdelt[0]![col('NumArticles')], '2');
      assert.equal(gdelt[0]![col('NumSources')], '2', 'Agentur A and Sender C');
      const sanctions = plover.filter((p) => p.lagebild_type === 'SANCTION' && p.actor?.code === 'EUR');
      assert.equal(sanctions.length, 2, 'PLOVER keeps each report with its evidence');
      assert.deepEqual(sanctions.map((p) => [p.cross_article?.num_articles, p.cross_article?.first_report]).sort(), [
        [2, false],
        [2, true],
      ]);
      assert.equal(sanctions[0]!.cross_article?.event_key, sanctions[1]!.cross_article?.event_key);
    });

    test('a new version keeps its story, and only latest versions count as sources', async () => {
      const before = await storyOf('minsk-3');
      const changed = ARTICLES[2]!.text.replace(' Die EU hatte am 7. August Sanktionen gegen Belarus verhängt.', '');
      const put = await store.put(analysed(changed, '2020-08-14', 'Sender C'), { articleKey: 'minsk-3', origin: 'v2' });
      assert.equal(put.version, 2);
      assert.deepEqual(await linkPending(store.db), { documents: 1, newStories: 0 });
      const linked = await store.db.get<{ story_id: string }>('SELECT story_id FROM documents WHERE content_id = ?', [
        put.contentId,
      ]);
      assert.equal(linked?.story_id, before);
      assert.equal((await getStory(store.db, before!))?.documents, 3, 'a version is not another article');
      const events = await listEvents(store.db, { ...PAGE, types: ['SANCTION'] });
      const told = events.items.filter((e) => e.source?.actor === 'EUR' && e.target?.country === 'BLR');
      assert.equal(told.length, 1);
      assert.equal(told[0]!.group?.sources, 1, 'the withdrawn report no longer counts');
    });

    test('keys computed with older rules are recomputed on open, and the links made again', async () => {
      const snapshot = async (db: Store['db']): Promise<Record<string, unknown>> => ({
        actors: await db.all('SELECT * FROM actors ORDER BY actor_key'),
        names: await db.all('SELECT * FROM actor_names ORDER BY actor_key, name'),
        entities: await db.all('SELECT content_id, eid, actor_key FROM entities ORDER BY content_id, eid'),
        quotes: await db.all('SELECT content_id, qid, speaker_actor_key FROM quotes ORDER BY content_id, qid'),
        events: await db.all(
          `SELECT e.content_id, e.vid, e.source_actor_key, e.target_actor_key, g.sources
           FROM events e LEFT JOIN event_groups g ON g.event_key = e.event_key ORDER BY e.content_id, e.vid`,
        ),
        stories: await db.all('SELECT content_id, story_id FROM documents ORDER BY content_id'),
        storyRows: await db.all('SELECT story_id, first_day, last_day, documents FROM stories ORDER BY story_id'),
      });
      const fresh = await snapshot(store.db);
      assert.ok((fresh['actors'] as unknown[]).length > 5);
      // A store written under older key rules: every person under one old key, and links made with it.
      await store.db.transaction(async (tx) => {
        await tx.run("INSERT INTO actors (actor_key, type, name) VALUES ('PER:stale', 'PER', 'stale')");
        await tx.exec(`
          UPDATE entities SET actor_key = 'PER:stale' WHERE type = 'PER';
          UPDATE quotes SET speaker_actor_key = 'PER:stale' WHERE speaker_actor_key LIKE 'PER:%';
          UPDATE events SET source_actor_key = 'PER:stale' WHERE source_actor_key LIKE 'PER:%';
          DELETE FROM actor_names;
          DELETE FROM actors WHERE actor_key NOT IN (SELECT actor_key FROM entities);
          UPDATE events SET event_key = 'stale';
          DELETE FROM event_groups;
          UPDATE store_meta SET value = 'older rules';
        `);
      });
      assert.notDeepEqual(await snapshot(store.db), fresh);
      const upgraded = await Store.open(database.location);
      try {
        assert.deepEqual(await snapshot(upgraded.db), fresh);
      } finally {
        await upgraded.close();
      }
    });

    // Two linkers in one process on one SQLite file would wait on each other's lock (better-sqlite3 is
    // synchronous); SQLite serialises linkers of different processes with BEGIN IMMEDIATE instead.
    test('linkers running at once link every article once', { skip: backend === 'sqlite' }, async () => {
      const more = Array.from({ length: 12 }, (_, i) =>
        analysed(
          `Meldung ${i}\n\nIn Grodno protestierten am Montag ${100 + i} Arbeiter gegen Lukaschenko. Die Polizei nahm ${i + 1} Menschen fest.`,
          '2020-08-17',
          `Quelle ${i % 3}`,
        ),
      );
      for (const [i, doc] of more.entries()) await store.put(doc, { articleKey: `grodno-${i}`, origin: 'x' });
      const other = await Store.open(database.location);
      try {
        const [a, b] = await Promise.all([linkPending(store.db), linkPending(other.db)]);
        assert.equal(a.documents + b.documents, 12);
      } finally {
        await other.close();
      }
      const counted = await store.db.get<{ n: number; articles: number }>(
        'SELECT (SELECT COUNT(*) FROM documents WHERE story_id IS NULL) AS n, (SELECT SUM(documents) FROM stories) AS articles',
      );
      assert.deepEqual({ n: Number(counted?.n), articles: Number(counted?.articles) }, { n: 0, articles: 18 });
    });
  });
}
