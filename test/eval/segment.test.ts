import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseConllu } from '../../src/eval/conllu.js';
import { evaluateSegmentation, goldDocuments } from '../../src/eval/segment.js';
import { runEvalSegment } from '../../src/cli/eval.js';
import { SHARED } from '../helpers.js';

const SAMPLE = `# newdoc id = d1
# sent_id = 1
# text = Er ging zum Markt.
1	Er	er	PRON	PPER	_	2	nsubj	_	_
2	ging	gehen	VERB	VVFIN	_	0	root	_	_
3-4	zum	_	_	_	_	_	_	_	_
3	zu	zu	ADP	APPR	_	5	case	_	_
4	dem	der	DET	ART	_	5	det	_	_
5	Markt	Markt	NOUN	NN	_	2	obl	_	SpaceAfter=No
6	.	.	PUNCT	$.	_	2	punct	_	_

# sent_id = 2
# text = Dann kam sie.
1	Dann	dann	ADV	ADV	_	2	advmod	_	_
2	kam	kommen	VERB	VVFIN	_	0	root	_	_
3	sie	sie	PRON	PPER	_	2	nsubj	_	SpaceAfter=No
4	.	.	PUNCT	$.	_	2	punct	_	_

`;

test('eval segment: raw text is rebuilt with multi-word tokens counted once', () => {
  const sentences = parseConllu(SAMPLE);
  assert.deepEqual(sentences[0]?.surface, ['Er', 'ging', 'zum', 'Markt', '.']);
  const [doc] = goldDocuments(sentences);
  assert.equal(doc?.text, 'Er ging zum Markt. Dann kam sie.');
  assert.deepEqual(doc?.sentences, [
    [0, 18],
    [19, 32],
  ]);
  const scores = evaluateSegmentation(sentences);
  assert.equal(scores.tokens.f1, 1);
  assert.equal(scores.sentences.f1, 1);
  assert.equal(scores.goldTokens, 9);
});

test('eval segment: the targets hold on the UD German test sets', { skip: !existsSync(join(SHARED, 'data')) }, () => {
  const { scores } = runEvalSegment(join(SHARED, 'data'), []);
  const [gsd, pud] = scores;
  assert.ok(gsd && pud);
  assert.ok(gsd.tokens.f1 >= 0.99, `GSD token F1 ${gsd.tokens.f1}`);
  assert.ok(pud.tokens.f1 >= 0.99, `PUD token F1 ${pud.tokens.f1}`);
  assert.ok(pud.sentences.f1 >= 0.95, `PUD sentence F1 ${pud.sentences.f1}`);
  assert.equal(gsd.unaligned + pud.unaligned, 0);
});
