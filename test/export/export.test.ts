/**
 * Exports read back with readers that share nothing with the writers: csv-parse for the GDELT TSV and the
 * CSV tables, JSON.parse for PLOVER, and a CoNLL-U reader written here against the format's rules. Each
 * is checked against the stored analyses (offsets, ids, counts), on every database backend.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runExport, type ExportFormat } from '../../src/cli/export.js';
import { ploverEvents } from '../../src/export/plover.js';
import { Store } from '../../src/store/store.js';
import { storedAnalyses, type StoredAnalysis } from '../../src/export/stored.js';
import { PLOVER_TYPES } from '../../src/events/lexicon.js';
import type { DocumentOut } from '../../src/document.js';
import { runCli } from '../helpers.js';
import { BACKENDS, freshDatabase, ingestSituation, quiet, type TestDatabase } from '../store/backends.js';

for (const backend of BACKENDS) {
  describe(`exports on ${backend}`, () => {
    let database: TestDatabase;
    let out: string;
    let stored: StoredAnalysis[];
    const byId = (): Map<string, DocumentOut> => new Map(stored.map((s) => [s.contentId, s.analysis]));
    const totalEvents = (): number => stored.reduce((n, s) => n + s.analysis.events.length, 0);

    before(async () => {
      database = await freshDatabase(backend);
      out = mkdtempSync(join(tmpdir(), 'lagebild-export-'));
      await ingestSituation(database.location);
      const store = await Store.open(database.location);
      stored = [];
      for await (const s of storedAnalyses(store.db, 2)) stored.push(s);
      await store.close();
      assert.equal(stored.length, 7, 'paged reading returns every document once');
    });
    after(async () => {
      rmSync(out, { recursive: true, force: true });
      await database.drop();
    });

    const exportTo = async (format: ExportFormat, file: string, header = false): Promise<string> => {
      const path = join(out, file);
      await runExport({ db: database.location, format, out: path, header }, quiet);
      return path;
    };

    test('GDELT: 61 tab-separated columns per event, codes and scores in range, stable ids', async () => {
      const path = await exportTo('gdelt', 'events.tsv', true);
      const rows = parse(readFileSync(path, 'utf8'), { delimiter: '\t', quote: false, columns: true }) as Array<
        Record<string, string>
      >;
      const header = readFileSync(path, 'utf8').split('\n')[0]!.split('\t');
      assert.equal(header.length, 61);
      assert.deepEqual(header.slice(0, 6), ['GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate', 'Actor1Code']);
      assert.deepEqual(header.slice(-2), ['DATEADDED', 'SOURCEURL']);
      assert.ok(rows.length > 0 && rows.length <= totalEvents());
      for (const r of rows) {
        assert.equal(Object.keys(r).length, 61);
        assert.match(r['Day']!, /^\d{8}$/);
        assert.equal(r['MonthYear'], r['Day']!.slice(0, 6));
        assert.match(r['EventCode']!, /^\d{3,4}$/);
        assert.equal(r['EventRootCode'], r['EventCode']!.slice(0, 2));
        assert.ok(['1', '2', '3', '4'].includes(r['QuadClass']!));
        const goldstein = Number(r['GoldsteinScale']);
        assert.ok(goldstein >= -10 && goldstein <= 10);
        assert.ok(Number(r['NumMentions']) >= 1);
        assert.match(r['DATEADDED']!, /^\d{14}$/);
        assert.match(r['SOURCEURL']!, /^(https?:|sha256:)/);
      }
      const minsk = rows.find((r) => r['ActionGeo_Fullname'] === 'Minsk');
      assert.ok(minsk, 'an event placed in Minsk');
      assert.equal(minsk['ActionGeo_Type'], '4');
      assert.equal(minsk['ActionGeo_CountryCode'], 'BLR');
      assert.ok(Math.abs(Number(minsk['ActionGeo_Lat']) - 53.9) < 0.2);
      const ids = rows.map((r) => r['GlobalEventID']);
      assert.equal(new Set(ids).size, ids.length, 'ids are unique');
      const again = await exportTo('gdelt', 'again.tsv');
      const firstIds = readFileSync(again, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('\t')[0]);
      assert.deepEqual(firstIds, ids, 'the same store exports the same ids (and no header by default)');
    });

    test('PLOVER: one JSON array of events whose evidence points into the stored text', async () => {
      const events = JSON.parse(readFileSync(await exportTo('plover', 'events.json'), 'utf8')) as Array<{
        event: string;
        auxiliary_mode: string | null;
        modality: string;
        quad_class: number | null;
        evidence: { document: string; trigger: { text: string; start: number; end: number } };
        size: { arrested: number | null };
      }>;
      assert.equal(events.length, totalEvents());
      const docs = byId();
      for (const e of events) {
        assert.ok((PLOVER_TYPES as readonly string[]).includes(e.event), e.event);
        const text = docs.get(e.evidence.document)!.text;
        assert.equal(text.slice(e.evidence.trigger.start, e.evidence.trigger.end), e.evidence.trigger.text);
        if (e.modality === 'negated') assert.equal(e.auxiliary_mode, 'negation');
        if (e.modality === 'planned') assert.equal(e.auxiliary_mode, 'future');
      }
      assert.ok(
        events.some((e) => e.size.arrested === 3000),
        'arrest counts fill size.arrested',
      );
    });

    test('PLOVER recodes planned cooperation as AGREE and a planned retreat as CONCEDE', () => {
      const doc = stored.find((s) => s.analysis.events.length > 1)!;
      const [first, second] = doc.analysis.events;
      const planned: DocumentOut = {
        ...doc.analysis,
        events: [
          { ...first!, type: 'CONSULT', mode: 'visit', modality: 'planned' },
          { ...second!, type: 'RETREAT', mode: 'withdraw', modality: 'planned' },
        ],
      };
      const [consult, retreat] = ploverEvents(planned, doc.contentId);
      assert.equal(consult!.event, 'AGREE');
      assert.equal(consult!.lagebild_type, 'CONSULT');
      assert.equal(consult!.mode, null);
      assert.equal(retreat!.event, 'CONCEDE');
    });

    test('CSV: one table per layer with its header; quoted text survives the round trip', async () => {
      const dir = await exportTo('csv', 'tables');
      assert.deepEqual(readdirSync(dir).sort(), [
        'documents.csv',
        'entities.csv',
        'events.csv',
        'mentions.csv',
        'quantities.csv',
        'quotes.csv',
        'times.csv',
      ]);
      const read = (table: string): Array<Record<string, string>> =>
        parse(readFileSync(join(dir, `${table}.csv`), 'utf8'), { columns: true }) as Array<Record<string, string>>;
      assert.equal(read('documents').length, stored.length);
      assert.equal(read('events').length, totalEvents());
      const docs = byId();
      const quotes = read('quotes');
      assert.equal(
        quotes.length,
        stored.reduce((n, s) => n + s.analysis.quotes.length, 0),
      );
      for (const q of quotes) {
        const text = docs.get(q['document']!)!.text;
        assert.equal(text.slice(Number(q['start']), Number(q['end'])), q['text']);
      }
      assert.ok(
        quotes.some((q) => /[",]/.test(q['text']!)),
        'some quote needs CSV quoting',
      );
      for (const m of read('mentions'))
        assert.equal(docs.get(m['document']!)!.text.slice(Number(m['start']), Number(m['end'])), m['text']);
    });

    test('CoNLL-U: ten columns, consecutive ids, one root per sentence, forms at their offsets', async () => {
      const text = readFileSync(await exportTo('conllu', 'parses.conllu'), 'utf8');
      const docs = byId();
      let document = '';
      let sentences = 0;
      for (const block of text.trim().split(/\n\n+/)) {
        const lines = block.split('\n');
        const words: string[][] = [];
        for (const line of lines) {
          const newdoc = /^# newdoc id = (.+)$/.exec(line);
          if (newdoc) document = newdoc[1]!;
          if (line.startsWith('#')) continue;
          const cols = line.split('\t');
          assert.equal(cols.length, 10, line);
          words.push(cols);
        }
        sentences++;
        assert.ok(words.length > 0);
        words.forEach((cols, i) => assert.equal(cols[0], String(i + 1)));
        const heads = words.map((cols) => Number(cols[6]));
        assert.ok(heads.every((h) => Number.isInteger(h) && h >= 0 && h <= words.length));
        assert.equal(heads.filter((h) => h === 0).length, 1, 'one root');
        const source = docs.get(document)!.text;
        for (const cols of words) {
          const range = /TokenRange=(\d+):(\d+)/.exec(cols[9]!)!;
          assert.equal(source.slice(Number(range[1]), Number(range[2])), cols[1]);
        }
      }
      assert.equal(
        sentences,
        stored.reduce((n, s) => n + s.analysis.sentences.length, 0),
      );
    });

    test('the command: usage errors exit 2, nothing half-written', async () => {
      const csvToStdout = runCli(['export', '--db', database.location, '--format', 'csv']);
      assert.equal(csvToStdout.code, 2);
      assert.match(csvToStdout.stderr, /--out/);
      const noStore = runCli(['export', '--db', join(out, 'missing.db'), '--format', 'gdelt']);
      assert.equal(noStore.code, 2);
      assert.match(noStore.stderr, /no store at/);
      assert.ok(!existsSync(join(out, 'missing.db')), 'no empty store created');
      const badFormat = runCli(['export', '--db', database.location, '--format', 'xml']);
      assert.equal(badFormat.code, 2);
      const blocked = join(out, 'a-file');
      await exportTo('gdelt', 'a-file');
      const intoFile = runCli([
        'export',
        '--db',
        database.location,
        '--format',
        'gdelt',
        '--out',
        join(blocked, 'x.tsv'),
      ]);
      assert.notEqual(intoFile.code, 0);
      assert.doesNotMatch(intoFile.stderr, /\n\s+at /, 'no stack trace');
      assert.ok(!existsSync(join(blocked, 'x.tsv')));
      assert.deepEqual(
        readdirSync(out).filter((f) => f.includes('lagebild-tmp')),
        [],
        'no temporary files left behind',
      );
    });
  });
}
