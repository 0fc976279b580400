import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { splitHeadline, joinTitle } from '../../src/io/read-text.js';
import { parseRecord } from '../../src/io/jsonl-record.js';
import { readHtmlArticle } from '../../src/io/read-html.js';
import { readInputs, type InputItem } from '../../src/io/sources.js';
import { dateFromTimestamp, isValidDate } from '../../src/io/dates.js';
import { splitLines } from '../../src/io/lines.js';
import { FIXTURES, ROOT } from '../helpers.js';

async function collect(files: string[], extra: Partial<Parameters<typeof readInputs>[1]> = {}): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(files, { encoding: 'utf8', maxBytes: 1 << 20, kind: 'auto', ...extra }))
    items.push(item);
  return items;
}

test('plain text: headline, blank line, body', () => {
  assert.deepEqual(splitHeadline('Titel\n\nErster Satz.\nZweiter.'), {
    title: 'Titel',
    text: 'Titel\n\nErster Satz.\nZweiter.',
  });
  assert.deepEqual(splitHeadline('\n\nTitel  \n \n\n\nText.'), { title: 'Titel', text: 'Titel\n\nText.' });
  assert.deepEqual(splitHeadline('Kein Titel.\nText.'), { title: null, text: 'Kein Titel.\nText.' });
  assert.deepEqual(splitHeadline('Nur eine Zeile'), { title: null, text: 'Nur eine Zeile' });
});

test('JSONL record with a title gets title + blank line + text', () => {
  assert.deepEqual(joinTitle('Titel', 'Text.'), { title: 'Titel', text: 'Titel\n\nText.' });
  assert.deepEqual(joinTitle(null, 'Text.'), { title: null, text: 'Text.' });
});

test('JSONL records are validated with file and line in every message', () => {
  const rec = parseRecord(
    '{"id": 7, "text": "Hallo Welt.", "published": "2020-08-15", "source": {"name": "dpa"}}',
    'f.jsonl',
    3,
  );
  assert.equal(rec.id, '7');
  assert.equal(rec.source, 'dpa');
  const bad: Array<[string, RegExp]> = [
    ['{"text": ', /f\.jsonl:3: invalid JSON/],
    ['"nur ein String"', /f\.jsonl:3: record is not a JSON object/],
    ['{"title": "x"}', /record has no "text" or "html"/],
    ['{"text": "  "}', /record "text" is empty/],
    ['{"text": "x", "published": "15.08.2020"}', /invalid "published" date/],
    ['{"text": "x", "id": {"a": 1}}', /"id" must be a string or a number/],
    ['{"text": 5}', /"text" must be a string/],
  ];
  for (const [line, message] of bad) assert.throws(() => parseRecord(line, 'f.jsonl', 3), message, line);
});

test('dates: calendar validity and timestamps from metadata', () => {
  assert.ok(isValidDate('2020-02-29'));
  assert.ok(!isValidDate('2021-02-29'));
  assert.ok(!isValidDate('2020-8-1'));
  assert.equal(dateFromTimestamp('2020-08-15T09:30:00+02:00'), '2020-08-15');
  assert.equal(dateFromTimestamp('20200815'), '2020-08-15');
  assert.equal(dateFromTimestamp('15.08.2020'), '2020-08-15');
  assert.equal(dateFromTimestamp('gestern'), null);
});

test('HTML: article text, title, date and source from meta tags', async () => {
  const html = `<html lang="de"><head><title>Seite</title>
    <meta property="og:title" content="Proteste in Minsk"><meta property="og:site_name" content="Beispielzeitung">
    <meta property="article:published_time" content="2020-08-15T10:00:00+02:00">
    <link rel="canonical" href="https://example.org/minsk"></head>
    <body><nav><a href="/">Start</a> <a href="/x">Politik</a></nav>
    <article><h1>Proteste in Minsk</h1><p>Zehntausende Menschen sind am Freitag durch die Hauptstadt marschiert, um gegen das Wahlergebnis zu protestieren.</p>
    <p>Die Polizei griff <b>nicht</b> ein. Beobachter sprachen von der größten Demonstration seit Jahren in diesem Land.</p></article>
    <footer>Impressum</footer></body></html>`;
  const a = await readHtmlArticle(html, 'p.html');
  assert.equal(a.title, 'Proteste in Minsk');
  assert.equal(a.published, '2020-08-15');
  assert.equal(a.siteName, 'Beispielzeitung');
  assert.equal(a.url, 'https://example.org/minsk');
  assert.equal(a.body.split('\n').length, 2, 'one paragraph per line');
  assert.match(a.body, /^Zehntausende Menschen/);
  assert.match(a.body, /Die Polizei griff nicht ein\./);
  assert.doesNotMatch(a.body, /Impressum|Politik/);
});

test('HTML: publication date from JSON-LD when no meta tag has it', async () => {
  const html = `<html><head><title>T</title><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2021-03-04T08:00:00Z"}]}</script></head>
    <body><article><p>Der Bundestag hat am Donnerstag ein neues Gesetz zum Klimaschutz beschlossen, das ab dem kommenden Jahr gelten soll.</p></article></body></html>`;
  assert.equal((await readHtmlArticle(html, 'p.html')).published, '2021-03-04');
});

test('HTML: a page with no article is an error naming the file', async () => {
  await assert.rejects(
    readHtmlArticle('<html><body><nav><a href="/">Start</a></nav></body></html>', 'leer.html'),
    /leer\.html: no article text found/,
  );
});

test('inputs: bad files are reported and good ones still read, in order', async () => {
  const items = await collect([
    join(FIXTURES, 'good', 'crlf.txt'),
    join(FIXTURES, 'bad', 'empty.txt'),
    join(FIXTURES, 'missing.txt'),
    FIXTURES,
    join(FIXTURES, 'good', 'bom.txt'),
  ]);
  assert.deepEqual(
    items.map((i) => i.ok),
    [true, false, false, false, true],
  );
  const errors = items.flatMap((i) => (i.ok ? [] : [i.error.message]));
  assert.match(errors[0] ?? '', /empty\.txt: empty file/);
  assert.match(errors[1] ?? '', /missing\.txt: no such file/);
  assert.match(errors[2] ?? '', /fixtures: is a directory/);
  const first = items[0];
  assert.ok(first?.ok);
  assert.equal(first.doc.title, 'Kurzmeldung mit Windows-Zeilenenden');
  assert.ok(!first.doc.text.includes('\r'));
  const bom = items[4];
  assert.ok(bom?.ok);
  assert.equal(bom.doc.text[0], 'M');
});

test('inputs: a file above --max-bytes is refused, not read', async () => {
  const [item] = await collect([join(ROOT, 'examples', 'niger-2010-02-20.txt')], { maxBytes: 100 });
  assert.ok(item && !item.ok);
  assert.match(item.error.message, /above the --max-bytes limit/);
});

test('inputs: JSONL from stdin is streamed record by record', async () => {
  const stdin = Readable.from(['{"id":"a","text":"Erster ', 'Text."}\n{"id":"b","te', 'xt":"Zweiter Text."}\n']);
  const items = await collect(['-'], { stdin });
  assert.deepEqual(
    items.map((i) => (i.ok ? i.doc.givenId : null)),
    ['a', 'b'],
  );
});

test('lines: split across chunks, CRLF stripped, overlong lines skipped', async () => {
  const lines = [];
  for await (const l of splitLines(
    Readable.from([Buffer.from('ab\r\ncd'), Buffer.from('ef\n'), Buffer.from('x'.repeat(50) + '\nok')]),
    20,
  )) {
    lines.push({ n: l.number, s: Buffer.from(l.bytes).toString(), long: l.tooLong });
  }
  assert.deepEqual(lines, [
    { n: 1, s: 'ab', long: false },
    { n: 2, s: 'cdef', long: false },
    { n: 3, s: '', long: true },
    { n: 4, s: 'ok', long: false },
  ]);
});
