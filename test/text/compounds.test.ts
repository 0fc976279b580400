import { test } from 'node:test';
import assert from 'node:assert/strict';
import { truncationEnd } from '../../src/text/compounds.js';
import { createDoc, textDocument } from '../../src/pipeline.js';
import { segmentStage } from '../../src/text/stage.js';
import { tokenForms } from '../../src/text/forms.js';

/** The word that completes the truncated compound at the first token of `text`, or null. */
function completion(text: string): string | null {
  const doc = createDoc(textDocument(text));
  segmentStage.run(doc);
  const raw = tokenForms(doc).raw;
  const k = truncationEnd(raw, doc.tokens.start, doc.tokens.end, 0);
  return k >= 0 ? (raw[k] as string) : null;
}

test('a truncated compound is completed by the word after its conjunction, also at the end of a list', () => {
  assert.equal(completion('Staats- und Regierungschefs trafen sich.'), 'Regierungschefs');
  assert.equal(completion('Militär- oder Polizeibeamte kamen.'), 'Polizeibeamte');
  assert.equal(completion('Presse-, Meinungs- und Versammlungsfreiheit gelten.'), 'Versammlungsfreiheit');
});

test('a hyphen that is a dash, or a hyphen compound, is no truncation', () => {
  assert.equal(completion('Staats - und Regierungschefs trafen sich.'), null, 'the hyphen must touch the word');
  assert.equal(completion('US-Außenminister und Präsident trafen sich.'), null);
  assert.equal(completion('Staats- kamen.'), null);
});
