import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';

function tags(text: string): string[] {
  const doc = analyzeDocument(textDocument(text));
  const out: string[] = [];
  for (let t = 0; t < doc.tokens.count; t++)
    out.push(`${doc.text.slice(doc.tokens.start[t], doc.tokens.end[t])}/${doc.morph?.xpos[t]}`);
  return out;
}

test('the first part of a truncated compound is TRUNC where the hyphen touches it, also a known noun', () => {
  const tagged = tags('Die Militär- und Polizeibeamten sowie Bundes-, Landes- und Kommunalpolitiker kamen.');
  for (const word of ['Militär', 'Bundes', 'Landes']) assert.ok(tagged.includes(`${word}/TRUNC`), tagged.join(' '));
  assert.ok(tagged.includes('Polizeibeamten/NN'));
  // A dash between spaces is punctuation, not a truncation.
  assert.ok(!tags('Er sprach mit dem Militär - und ging.').includes('Militär/TRUNC'));
});
