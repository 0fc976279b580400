import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../../src/io/sources.js';
import { analyzeDocument } from '../../src/pipeline.js';
import { toDocumentOut } from '../../src/output/document-json.js';
import { validateDocument } from '../../src/schema/validate.js';
import { FIXTURES, ROOT } from '../helpers.js';
import type { DocumentOut } from '../../src/document.js';

async function analyseAll(files: string[]): Promise<DocumentOut[]> {
  const docs: DocumentOut[] = [];
  for await (const item of readInputs(files, { encoding: 'utf8', maxBytes: 1 << 22, kind: 'auto' })) {
    if (item.ok) docs.push(toDocumentOut(analyzeDocument(item.doc, { published: '2020-08-15' }), { withTokens: true }));
  }
  return docs;
}

test('contract: every output for the examples and fixtures is schema-valid with exact spans', async () => {
  const files = [
    ...readdirSync(join(ROOT, 'examples'))
      .filter((f) => /\.(txt|html|jsonl)$/.test(f))
      .map((f) => join(ROOT, 'examples', f)),
    ...readdirSync(join(FIXTURES, 'good')).map((f) => join(FIXTURES, 'good', f)),
    ...readdirSync(join(FIXTURES, 'bad')).map((f) => join(FIXTURES, 'bad', f)),
  ];
  const docs = await analyseAll(files);
  assert.ok(docs.length >= 9, `analysed ${docs.length}`);
  for (const doc of docs) {
    assert.deepEqual(validateDocument(doc), [], doc.id);
    for (const t of doc.tokens ?? []) assert.equal(doc.text.slice(t.start, t.end), t.text);
    for (const layer of ['entities', 'quotes', 'quantities', 'times', 'events'] as const)
      assert.ok(Array.isArray(doc[layer]));
  }
});

test('contract: the validator catches broken spans, unknown ids and missing layers', async () => {
  const [doc] = await analyseAll([join(ROOT, 'examples', 'niger-2010-02-20.txt')]);
  assert.ok(doc);
  const broken = (change: (d: DocumentOut & Record<string, unknown>) => void): string[] => {
    const copy = structuredClone(doc) as DocumentOut & Record<string, unknown>;
    change(copy);
    return validateDocument(copy);
  };
  assert.match(broken((d) => (d.tokens![3]!.text = 'falsch')).join(), /tokens\[3\]: text "falsch"/);
  assert.match(broken((d) => (d.sentences[0]!.end = d.text.length + 5)).join(), /outside text/);
  assert.match(broken((d) => delete (d as Record<string, unknown>)['quotes']).join(), /required property 'quotes'/);
  assert.match(broken((d) => (d.schema = 'lagebild.document/2' as never)).join(), /schema/);
  assert.match(
    broken((d) => {
      d.quotes.push({
        id: 'Q1',
        kind: 'direct',
        start: 0,
        end: 5,
        text: d.text.slice(0, 5),
        speaker: { entity: 'E999', start: 0, end: 1, text: d.text[0]! },
        cue: null,
      });
    }).join(),
    /unknown id E999/,
  );
});
