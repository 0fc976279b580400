import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ancestors,
  children,
  clauseOf,
  particleOf,
  pathBetween,
  subtree,
  verbLemma,
  type Tree,
} from '../../src/syntax/tree.js';

// "Der Staatschef fordert Putin auf , dass er kommt ."
//   0    1         2       3     4   5  6    7   8    9
const tree: Tree = {
  head: Int32Array.from([1, 2, -1, 2, 2, 8, 8, 8, 2, 2]),
  deprel: ['det', 'nsubj', 'root', 'obj', 'compound:prt', 'punct', 'mark', 'nsubj', 'ccomp', 'punct'],
  upos: ['DET', 'NOUN', 'VERB', 'PROPN', 'ADP', 'PUNCT', 'SCONJ', 'PRON', 'VERB', 'PUNCT'],
  lemma: ['der', 'Staatschef', 'fordern', 'Putin', 'auf', ',', 'dass', 'er', 'kommen', '.'],
};

test('tree: children, subtree and ancestors', () => {
  assert.deepEqual(children(tree, 2), [1, 3, 4, 8, 9]);
  assert.deepEqual(subtree(tree, 8), [5, 6, 7, 8]);
  assert.deepEqual(subtree(tree, 1), [0, 1]);
  assert.deepEqual(ancestors(tree, 7), [7, 8, 2]);
});

test('tree: path between two tokens through their common ancestor', () => {
  assert.deepEqual(pathBetween(tree, 1, 3), [1, 2, 3]);
  assert.deepEqual(pathBetween(tree, 7, 0), [7, 8, 2, 1, 0]);
  assert.deepEqual(pathBetween(tree, 3, 3), [3]);
});

test('tree: separable particle rejoins its verb', () => {
  assert.equal(particleOf(tree, 2), 4);
  assert.equal(verbLemma(tree, 2), 'auffordern');
  assert.equal(verbLemma(tree, 8), 'kommen');
});

test('tree: clause of a token', () => {
  assert.equal(clauseOf(tree, 7), 8, 'the subject of the dass-clause');
  assert.equal(clauseOf(tree, 3), 2, 'the object of the main clause');
  assert.equal(clauseOf(tree, 2), 2);
});

test('tree: the pipeline parse of a real sentence answers the same questions', async () => {
  const { analyzeDocument, textDocument } = await import('../../src/pipeline.js');
  const { treeOf } = await import('../../src/syntax/tree.js');
  const doc = analyzeDocument(textDocument('Der Staatschef lehnt ausländische Vermittlungsangebote ab.'));
  const t = treeOf(doc);
  assert.ok(t, 'parsed');
  const words = Array.from({ length: doc.tokens.count }, (_, i) =>
    doc.text.slice(doc.tokens.start[i], doc.tokens.end[i]),
  );
  const verb = words.indexOf('lehnt');
  assert.equal(t.head[verb], -1, 'the finite verb is the root');
  assert.equal(verbLemma(t, verb), 'ablehnen');
  assert.equal(t.deprel[words.indexOf('Staatschef')], 'nsubj');
});
