import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { separableLemma } from '../../src/syntax/separable.js';
import { treeOf } from '../../src/syntax/tree.js';

/** The lemma of the first token written `form`, with its separable particle rejoined. */
function joined(text: string, form: string): string {
  const doc = analyzeDocument(textDocument(text), {});
  let k = 0;
  while (k < doc.tokens.count && doc.text.slice(doc.tokens.start[k], doc.tokens.end[k]) !== form) k++;
  return separableLemma(doc, treeOf(doc), k, doc.sentences.endToken[0] as number);
}

test('a particle belongs to the finite verb of its own clause, past a closed relative clause', () => {
  // The parser hangs "aus" on "sagte"; it closes "gehe … aus" (ausgehen).
  assert.equal(joined('Ein Sprecher sagte, er gehe nicht davon aus.', 'sagte'), 'sagen');
  assert.equal(
    joined(
      'Am Mittwoch griffen zwei Attentäter in der Stadt Quetta, die im Grenzgebiet liegt, das Haus eines Generals an.',
      'griffen',
    ),
    'angreifen',
  );
  assert.equal(joined('Der Präsident lehnte den Vorschlag ab.', 'lehnte'), 'ablehnen');
});
