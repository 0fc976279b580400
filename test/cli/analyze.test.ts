import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, ROOT, SHARED, runCli } from '../helpers.js';
import { validateDocument } from '../../src/schema/validate.js';

const BAD = join(FIXTURES, 'bad');
const EXAMPLE = join(ROOT, 'examples', 'niger-2010-02-20.txt');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'lagebild-test-'));

test('analyze: one text file → one schema-valid JSON object on stdout', () => {
  const run = runCli(['analyze', EXAMPLE, '--published', '2010-02-20']);
  assert.equal(run.code, 0, run.stderr);
  const doc = JSON.parse(run.stdout);
  assert.deepEqual(validateDocument(doc), []);
  assert.equal(doc.title, 'Niger: Tausende demonstrieren für Machtübernahme durch das Militär');
  assert.equal(doc.published, '2010-02-20');
  assert.ok(doc.text.startsWith(doc.title + '\n\n'));
  assert.deepEqual(doc.sentences[0], { start: 0, end: doc.title.length });
  assert.equal(doc.tokens, undefined, 'tokens only when asked for');
});

test(
  'analyze: the reference article keeps its text exactly and splits its sentences',
  { skip: !existsSync(join(SHARED, 'examples')) },
  () => {
    const dir = join(SHARED, 'examples', 'belarus-2020-08-15');
    const run = runCli(['analyze', join(dir, 'article.txt'), '--published', '2020-08-15', '--with', 'tokens']);
    assert.equal(run.code, 0, run.stderr);
    const doc = JSON.parse(run.stdout);
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8'));
    assert.equal(doc.text, gold.text);
    assert.deepEqual(validateDocument(doc), []);
    const sentences = doc.sentences.map((s: { start: number; end: number }) => doc.text.slice(s.start, s.end));
    assert.equal(sentences[0], doc.title, 'the headline is a sentence of its own');
    assert.ok(
      sentences.includes('"Wir brauchen keine ausländischen Regierungen, keine Vermittler.'),
      'an open quote ends at its line',
    );
    assert.ok(
      sentences.every((s: string) => !s.includes('\n')),
      'no sentence crosses a paragraph',
    );
    assert.ok(sentences.at(-1).endsWith('Czaputowicz .'));
  },
);

test('analyze: --with tokens adds a token layer for JSONL input too', () => {
  const run = runCli([
    'analyze',
    join(ROOT, 'examples', 'wikinews-batch.jsonl'),
    '--with',
    'tokens',
    '--format',
    'jsonl',
  ]);
  assert.equal(run.code, 0, run.stderr);
  const docs = run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(docs.length, 2);
  for (const doc of docs) {
    assert.deepEqual(validateDocument(doc), []);
    assert.ok(doc.tokens.length > 100);
    assert.equal(doc.id.startsWith('wikinews-'), true, 'a record id is kept');
  }
});

test('analyze: several documents as json make one array; stdin works', () => {
  const run = runCli(['analyze', EXAMPLE, '-'], { input: 'Titel\n\nDie Regierung trat am Montag zurück.\n' });
  assert.equal(run.code, 0, run.stderr);
  const docs = JSON.parse(run.stdout);
  assert.equal(docs.length, 2);
  assert.equal(docs[1].title, 'Titel');
});

test('analyze: the same text always gets the same id', () => {
  const a = JSON.parse(runCli(['analyze', '-'], { input: 'Ein Satz.' }).stdout);
  const b = JSON.parse(runCli(['analyze', '-'], { input: 'Ein Satz.\r\n' }).stdout);
  assert.equal(a.id, b.id);
  assert.match(a.id, /^sha256:[0-9a-f]{32}$/);
});

test('analyze: --out writes one file per document named after its input', () => {
  const out = tmp();
  const run = runCli([
    'analyze',
    EXAMPLE,
    join(ROOT, 'examples', 'weissrussland-2006-03-27.html'),
    join(ROOT, 'examples', 'wikinews-batch.jsonl'),
    '--out',
    out,
  ]);
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(readdirSync(out).sort(), [
    'niger-2010-02-20.json',
    'weissrussland-2006-03-27.json',
    'wikinews-43134.json',
    'wikinews-61320.json',
  ]);
  const html = JSON.parse(readFileSync(join(out, 'weissrussland-2006-03-27.json'), 'utf8'));
  assert.equal(html.published, '2006-03-27', 'date from the page metadata');
  assert.equal(html.source.name, 'Wikinews');
  assert.equal(run.stdout, '');
});

test('analyze: --out never overwrites an input or an earlier output', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'a', 'meldung.txt'), 'Erste Meldung.');
  writeFileSync(join(dir, 'b', 'meldung.txt'), 'Zweite Meldung.');
  const run = runCli(['analyze', 'a/meldung.txt', 'b/meldung.txt', '--format', 'text', '--out', 'a'], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(readFileSync(join(dir, 'a', 'meldung.txt'), 'utf8'), 'Erste Meldung.');
  assert.deepEqual(readdirSync(join(dir, 'a')).sort(), ['meldung-2.txt', 'meldung-3.txt', 'meldung.txt']);
});

test('analyze: bad inputs give one-line messages, exit 1, no partial files, and the good ones are analysed', () => {
  const out = tmp();
  const files = [
    'binary.txt',
    'empty.txt',
    'whitespace-only.txt',
    'invalid-utf8.txt',
    'no-article.html',
    'records.jsonl',
    'english.txt',
  ].map((f) => join(BAD, f));
  const run = runCli(['analyze', ...files, join(FIXTURES, 'nope.txt'), FIXTURES, EXAMPLE, '--out', out]);
  assert.equal(run.code, 1);
  const expected = [
    /binary\.txt: binary data/,
    /empty\.txt: empty file/,
    /whitespace-only\.txt: no text/,
    /invalid-utf8\.txt:4: invalid UTF-8 at column 31/,
    /no-article\.html: no article text found/,
    /records\.jsonl:2: invalid JSON/,
    /records\.jsonl:3: record has no "text" or "html"/,
    /records\.jsonl:4: invalid "published" date/,
    /records\.jsonl:7: record is not a JSON object/,
    /records\.jsonl:8: record "text" is empty/,
    /nope\.txt: no such file/,
    /fixtures: is a directory/,
    /english\.txt: text looks like English \(en\)/,
  ];
  for (const re of expected) assert.match(run.stderr, re);
  assert.match(run.stderr, /12 of 16 documents failed/);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.deepEqual(readdirSync(out).sort(), ['english.json', 'niger-2010-02-20.json', 'ok-1.json', 'ok-2.json']);
  const english = JSON.parse(readFileSync(join(out, 'english.json'), 'utf8'));
  assert.equal(english.lang, 'en');
  assert.ok(english.warnings.some((w: string) => w.includes('English')));
});

test('analyze: --encoding latin1 reads legacy files', () => {
  const run = runCli(['analyze', join(BAD, 'latin1.txt'), '--encoding', 'latin1']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).title, 'Straßensperre in München');
});

test('analyze: usage errors exit 2 with a clear message', () => {
  const cases: Array<[string[], RegExp]> = [
    [['analyze', EXAMPLE, '--published', '2020-02-30'], /invalid --published date "2020-02-30"/],
    [['analyze', EXAMPLE, '--published', 'gestern'], /invalid --published date/],
    [['analyze', EXAMPLE, '--format', 'xml'], /argument 'xml' is invalid/],
    [['analyze', EXAMPLE, '--with', 'magic'], /invalid --with "magic"/],
    [['analyze', EXAMPLE, '--max-bytes', 'lots'], /invalid --max-bytes/],
    [['analyze', EXAMPLE, '--disable', 'segment'], /invalid --disable "segment"/],
    [['analyze'], /missing required argument/],
    [['frobnicate'], /unknown command/],
  ];
  for (const [args, message] of cases) {
    const run = runCli(args);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, message);
    assert.equal(run.stdout, '');
  }
});

test('analyze: a 50 MB file is refused above --max-bytes; a 50 MB JSONL file streams in bounded memory', () => {
  const dir = tmp();
  const sentence = 'Die Polizei nahm am Freitag in der Hauptstadt mehr als 2.000 Menschen fest. ';
  const big = join(dir, 'gross.txt');
  writeFileSync(big, 'Titel\n\n' + sentence.repeat(Math.ceil((50 * 1048576) / sentence.length)));
  const refused = runCli(['analyze', big, EXAMPLE, '--out', join(dir, 'out')]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /gross\.txt: 50\.\d MB, above the --max-bytes limit of 10\.0 MB/);
  assert.deepEqual(readdirSync(join(dir, 'out')), ['niger-2010-02-20.json']);

  const record = JSON.stringify({ text: sentence.repeat(60) }) + '\n';
  const jsonl = join(dir, 'viele.jsonl');
  writeFileSync(jsonl, record.repeat(Math.ceil((50 * 1048576) / record.length)));
  // A heap of 96 MB could not hold the file, let alone its analysis: only streaming passes. (Morphology
  // is switched off to keep the suite fast; it works per document and does not change what is held.)
  const streamed = runCli(['analyze', jsonl, '--format', 'jsonl', '--disable', 'morph', '--out', join(dir, 'out2')], {
    nodeArgs: ['--max-old-space-size=96'],
  });
  assert.equal(streamed.code, 0, streamed.stderr);
  const lines = readFileSync(join(dir, 'out2', 'viele.jsonl'), 'utf8')
    .trim()
    .split('\n').length;
  assert.equal(lines, Math.ceil((50 * 1048576) / record.length));
});

test('analyze: text and html formats are readable and escaped', () => {
  const text = runCli(['analyze', EXAMPLE, '--format', 'text']);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /Title\s+Niger: Tausende demonstrieren/);
  assert.match(text.stdout, /Sentences\n\s+0\s+Niger:/);
  const html = runCli(['analyze', '-', '--format', 'html'], {
    input: 'Ein <script>alert(1)</script> Test & "mehr"\n\nDer Text geht weiter.',
  });
  assert.equal(html.code, 0);
  assert.match(html.stdout, /^<!doctype html>/);
  assert.doesNotMatch(html.stdout, /<script>alert/);
  assert.match(html.stdout, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
});

test('analyze: tokens carry tags, features and lemmas; conllu output points back to the text', () => {
  const input = 'Die Polizei nahm am Freitag 12 Demonstranten fest.\n';
  const json = runCli(['analyze', '-', '--with', 'tokens'], { input });
  assert.equal(json.code, 0, json.stderr);
  const doc = JSON.parse(json.stdout);
  assert.deepEqual(validateDocument(doc), []);
  const byText = new Map(doc.tokens.map((t: { text: string }) => [t.text, t]));
  const polizei = byText.get('Polizei') as Record<string, unknown>;
  assert.deepEqual(
    { ...polizei, head: undefined, deprel: undefined },
    {
      start: 4,
      end: 11,
      text: 'Polizei',
      upos: 'NOUN',
      xpos: 'NN',
      feats: 'Case=Nom|Gender=Fem|Number=Sing',
      lemma: 'Polizei',
      head: undefined,
      deprel: undefined,
    },
  );
  assert.equal(polizei['deprel'], 'nsubj', 'the subject of "nahm"');
  assert.equal(doc.tokens[polizei['head'] as number].text, 'nahm');
  assert.equal(doc.tokens.filter((t: { head: number | null }) => t.head === null).length, 1, 'one root');
  assert.equal((byText.get('nahm') as { lemma: string }).lemma, 'nehmen');
  assert.equal((byText.get('am') as { xpos: string }).xpos, 'APPRART');
  const conllu = runCli(['analyze', '-', '--format', 'conllu'], { input });
  assert.equal(conllu.code, 0, conllu.stderr);
  const rows = conllu.stdout
    .split('\n')
    .filter((l) => /^\d/.test(l))
    .map((l) => l.split('\t'));
  assert.equal(rows.length, doc.tokens.length);
  for (const row of rows) {
    const range = /TokenRange=(\d+):(\d+)/.exec(row[9] ?? '');
    assert.ok(range);
    assert.equal(doc.text.slice(Number(range[1]), Number(range[2])), row[1]);
  }
  assert.match(conllu.stdout, /^# newdoc id = sha256:/);
  assert.match(conllu.stdout, /# text = Die Polizei nahm am Freitag 12 Demonstranten fest\./);
  assert.ok(
    rows.every((r) => /^\d+$/.test(r[6] ?? '') && (r[7] ?? '_') !== '_'),
    'heads and relations filled',
  );
});
