import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParserState, oracle, projectivize, packParser, unpackParser } from '../../src/syntax/parser.js';
import { parseConllu } from '../../src/eval/conllu.js';
import { trainParser } from '../../src/train/train-parser.js';

test('projectivize: lifts crossing arcs, leaves projective trees alone', () => {
  // 1 ← 2 (root), 3 → 1 crosses nothing; projective trees are unchanged.
  assert.deepEqual(projectivize([2, 0, 2]), [2, 0, 2]);
  // Word 4 hangs on 1 across word 3, which hangs on 2 (the root): 4's arc is lifted to 1's head.
  const lifted = projectivize([2, 0, 2, 1]);
  assert.deepEqual(lifted, [2, 0, 2, 2]);
});

test('oracle: the static arc-standard oracle rebuilds a projective gold tree', () => {
  const heads = [2, 0, 4, 2, 2];
  const labels = [0, 1, 2, 3, 4];
  const children = new Int32Array(6);
  for (const h of heads) children[h]!++;
  const st = new ParserState(5);
  for (let steps = 0; !st.done && steps < 20; steps++) st.apply(oracle(st, heads, labels, children));
  assert.ok(st.done);
  assert.deepEqual(Array.from(st.head).slice(1), heads);
  assert.deepEqual(Array.from(st.label).slice(1), labels);
});

const TOY = `# sent_id = dev-s1
# text = Der Mann sieht die Frau.
1	Der	der	DET	ART	Case=Nom	2	det	_	_
2	Mann	Mann	NOUN	NN	Case=Nom	3	nsubj	_	_
3	sieht	sehen	VERB	VVFIN	VerbForm=Fin	0	root	_	_
4	die	der	DET	ART	Case=Acc	5	det	_	_
5	Frau	Frau	NOUN	NN	Case=Acc	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	$.	_	3	punct	_	_

`;

test('trainer: the parser learns a toy treebank and survives a binary round trip', () => {
  const sentences = parseConllu(TOY.repeat(20));
  const result = trainParser(sentences, sentences.slice(0, 1), null, { epochs: [3], seed: 3, trainTags: 'gold' });
  assert.equal(result.dev.uas, 100);
  assert.equal(result.dev.las, 100);
  const parser = unpackParser(packParser(result.model, result.labels));
  const parse = parser.parse({
    forms: ['Der', 'Mann', 'sieht', 'die', 'Frau', '.'],
    upos: ['DET', 'NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT'],
    xpos: ['ART', 'NN', 'VVFIN', 'ART', 'NN', '$.'],
    feats: ['Case=Nom', 'Case=Nom', 'VerbForm=Fin', 'Case=Acc', 'Case=Acc', '_'],
  });
  assert.deepEqual(parse.heads, [2, 3, 0, 5, 3, 3]);
  assert.deepEqual(parse.deprels, ['det', 'nsubj', 'root', 'det', 'obj', 'punct']);
});
