import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { toDocumentOut } from '../../src/output/document-json.js';
import { renderTextSummary } from '../../src/output/text-summary.js';
import { renderHtmlPage } from '../../src/output/html-page.js';

test('text and html name the entity a pronoun speaker stands for', () => {
  const text = 'Die Polizei befragte die Anwältin Maria Huber, die sagte, dass ihre Mandantin oft angerufen habe.';
  const doc = toDocumentOut(analyzeDocument(textDocument(text), { published: '2020-08-15' }), { withTokens: false });
  const summary = renderTextSummary(doc, 'example.txt');
  assert.match(summary, /Q1 +die \[Maria Huber\] \(sagen\): dass ihre Mandantin oft angerufen habe/);
  assert.match(renderHtmlPage([{ doc, origin: 'example.txt' }]), /<td>die \[Maria Huber\]<\/td>/);
});
