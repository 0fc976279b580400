import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PackedPerceptron } from '../../src/morph/perceptron.js';
import {
  BeamSearch,
  ParserState,
  SHIFT,
  leftArc,
  rightArc,
  parserGrammar,
  legalTransitions,
  readParserModel,
  viewSentence,
  goldTransitions,
  oracle,
  projectivize,
  packParser,
  unpackParser,
  DependencyParser,
  type SentenceView,
} from '../../src/syntax/parser.js';
import { parseConllu } from '../../src/eval/conllu.js';
import { trainParser, type ParserTrainOptions } from '../../src/train/train-parser.js';
import { PARSER_MODEL_PATH, parserBeamWidth, parserMargin } from '../../src/syntax/model.js';
import { loadClusters } from '../../src/morph/clusters.js';
import { TOY_CONLLU as TOY } from '../helpers.js';

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
  let st = ParserState.start(5);
  for (let steps = 0; !st.done && steps < 20; steps++) st = st.apply(oracle(st, heads, labels, children));
  assert.ok(st.done);
  const tree = st.tree();
  assert.deepEqual(Array.from(tree.heads), heads);
  assert.deepEqual(Array.from(tree.labels), labels);
  // 2n transitions for n words, and the states keep their history.
  assert.equal(goldTransitions(heads, labels).length, 10);
  let steps = 0;
  for (let p: ParserState | null = st; p?.prev; p = p.prev) steps++;
  assert.equal(steps, 10);
});

test('states are immutable: applying a transition leaves the old state as it was', () => {
  const start = ParserState.start(2);
  const shifted = start.apply(0);
  assert.equal(start.depth, 1);
  assert.equal(start.next, 1);
  assert.equal(shifted.depth, 2);
  assert.equal(shifted.top.word, 1);
  assert.equal(shifted.prev, start);
});

for (const [beam, update] of [
  [1, 'local'],
  [4, 'max-violation'],
] as const) {
  test(`trainer (beam ${beam}, ${update}): learns a toy treebank and survives a binary round trip`, () => {
    const sentences = parseConllu(TOY.repeat(20));
    const result = trainParser(sentences, sentences.slice(0, 1), null, {
      epochs: [3],
      seed: 3,
      trainTags: 'gold',
      beam,
      update,
      prune: false,
    });
    assert.equal(result.beam, beam);
    assert.equal(result.dev.uas, 100);
    assert.equal(result.dev.las, 100);
    checkToyParse(unpackParser(packParser(result.model, result.labels, result.beam)));
    // An adaptive beam keeps the best path: a margin of 1 narrows the beam to what is nearly as good.
    checkToyParse(unpackParser(packParser(result.model, result.labels, result.beam, 1)));
    assert.equal(unpackParser(packParser(result.model, result.labels, result.beam, 1)).margin, 1);
    assert.equal(unpackParser(packParser(result.model, result.labels, result.beam)).margin, Infinity);
  });
}

const TOY_SECOND = `# sent_id = dev-s2
# text = Die Frau hat den Mann gesehen.
1	Die	der	DET	ART	Case=Nom	2	det	_	_
2	Frau	Frau	NOUN	NN	Case=Nom	3	nsubj	_	_
3	hat	haben	AUX	VAFIN	VerbForm=Fin	6	aux	_	_
4	den	der	DET	ART	Case=Acc	5	det	_	_
5	Mann	Mann	NOUN	NN	Case=Acc	6	obj	_	_
6	gesehen	sehen	VERB	VVPP	VerbForm=Part	0	root	_	SpaceAfter=No
7	.	.	PUNCT	$.	_	6	punct	_	_

`;

test('trainer: an ensemble of two shuffles averages their weights and still parses the toy treebank', () => {
  // Two kinds of sentence, so that two shuffles train two different models.
  const sentences = parseConllu((TOY + TOY_SECOND).repeat(10));
  const options: ParserTrainOptions = { epochs: [3], seed: 3, trainTags: 'gold', beam: 4, update: 'max-violation' };
  const single = trainParser(sentences, sentences.slice(0, 1), null, { ...options, prune: false });
  const pair = trainParser(sentences, sentences.slice(0, 1), null, { ...options, prune: false, ensemble: 2 });
  assert.equal(single.ensemble, 1);
  assert.equal(pair.ensemble, 2);
  assert.equal(pair.epoch, single.epoch);
  // The mean of two models is not either of them.
  assert.notDeepEqual(Array.from(pair.model.entryWeight), Array.from(single.model.entryWeight));
  checkToyParse(unpackParser(packParser(pair.model, pair.labels, pair.beam)));
});

function checkToyParse(parser: ReturnType<typeof unpackParser>): void {
  const parse = parser.parse({
    forms: ['Der', 'Mann', 'sieht', 'die', 'Frau', '.'],
    upos: ['DET', 'NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT'],
    xpos: ['ART', 'NN', 'VVFIN', 'ART', 'NN', '$.'],
    feats: ['Case=Nom', 'Case=Nom', 'VerbForm=Fin', 'Case=Acc', 'Case=Acc', '_'],
  });
  assert.deepEqual(parse.heads, [2, 3, 0, 5, 3, 3]);
  assert.deepEqual(parse.deprels, ['det', 'nsubj', 'root', 'det', 'obj', 'punct']);
}

test('LAGEBILD_PARSER_BEAM: a whole number from 1 to 64, else a clear error', () => {
  assert.equal(parserBeamWidth(undefined), undefined);
  assert.equal(parserBeamWidth(''), undefined);
  assert.equal(parserBeamWidth('2'), 2);
  assert.throws(() => parserBeamWidth('0'), /LAGEBILD_PARSER_BEAM/);
  assert.throws(() => parserBeamWidth('wide'), /LAGEBILD_PARSER_BEAM/);
});

test('LAGEBILD_PARSER_MARGIN: a positive number or "none", else a clear error', () => {
  assert.equal(parserMargin(undefined), undefined);
  assert.equal(parserMargin('none'), Infinity);
  assert.equal(parserMargin('50'), 50);
  assert.throws(() => parserMargin('-1'), /LAGEBILD_PARSER_MARGIN/);
  assert.throws(() => parserMargin('wide'), /LAGEBILD_PARSER_MARGIN/);
});

test('decoding with cached feature-group sums finds the same parses and scores as scoring every feature', () => {
  const parts = readParserModel(readFileSync(PARSER_MODEL_PATH));
  const packed = PackedPerceptron.from(parts.model);
  // The same weights behind a plain scorer: the search then computes all features of every state.
  const plain = { score: packed.score.bind(packed) };
  const search = (): BeamSearch =>
    new BeamSearch(parts.model.labels.length, parts.labels.length, 4, parserGrammar(parts.labels), Infinity);
  const clause = {
    forms: ['Der', 'Präsident', 'sagte', ',', 'dass', 'er', 'die', 'Wahl', 'gewonnen', 'habe', ',', 'und'],
    upos: ['DET', 'NOUN', 'VERB', 'PUNCT', 'SCONJ', 'PRON', 'DET', 'NOUN', 'VERB', 'AUX', 'PUNCT', 'CCONJ'],
    xpos: ['ART', 'NN', 'VVFIN', '$,', 'KOUS', 'PPER', 'ART', 'NN', 'VVPP', 'VAFIN', '$,', 'KON'],
    feats: [
      'Case=Nom|Gender=Masc|Number=Sing',
      'Case=Nom|Gender=Masc|Number=Sing',
      'Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin',
      '_',
      '_',
      'Case=Nom|Number=Sing|Person=3',
      'Case=Acc|Number=Sing',
      'Case=Acc|Number=Sing',
      'VerbForm=Part',
      'Mood=Sub|Number=Sing|Person=3|VerbForm=Fin',
      '_',
      '_',
    ],
  };
  const repeat = (times: number): typeof clause => ({
    forms: Array.from({ length: times }, () => clause.forms).flat(),
    upos: Array.from({ length: times }, () => clause.upos).flat(),
    xpos: Array.from({ length: times }, () => clause.xpos).flat(),
    feats: Array.from({ length: times }, () => clause.feats).flat(),
  });
  // One clause, several, and a sentence past the length up to which word pairs are cached.
  for (const input of [repeat(1), repeat(3), repeat(25)]) {
    const view = viewSentence(input);
    const cached = search().decode(view, packed);
    const full = search().decode(viewSentence(input), plain);
    assert.equal(cached.score, full.score, `${input.forms.length} words`);
    assert.deepEqual(cached.tree(), full.tree(), `${input.forms.length} words`);
  }
});

test('a parser handed to a worker thread reads the same weights from shared memory and parses alike', async () => {
  const parser = unpackParser(readFileSync(PARSER_MODEL_PATH));
  const shared = parser.shared();
  assert.ok(shared, 'the shipped parser is packed');
  assert.ok(shared.weights.table.buffer instanceof SharedArrayBuffer);
  const input = {
    forms: ['Die', 'Polizei', 'nahm', 'am', 'Freitag', 'mehrere', 'Demonstranten', 'fest', '.'],
    upos: ['DET', 'NOUN', 'VERB', 'ADP', 'PROPN', 'DET', 'NOUN', 'ADP', 'PUNCT'],
    xpos: ['ART', 'NN', 'VVFIN', 'APPRART', 'NN', 'PIAT', 'NN', 'PTKVZ', '$.'],
    feats: ['_', '_', '_', '_', '_', '_', '_', '_', '_'],
  };
  // Through a real thread the weights arrive as views of the same memory, not as copies.
  const { Worker } = await import('node:worker_threads');
  const probe = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const t = workerData.weights.table;
     parentPort.postMessage({ shared: t.buffer instanceof SharedArrayBuffer, length: t.length, first: t[0] });`,
    { eval: true, workerData: shared },
  );
  const seen = await new Promise<{ shared: boolean; length: number; first: number }>((resolve) =>
    probe.once('message', resolve),
  );
  await probe.terminate();
  assert.deepEqual(seen, { shared: true, length: shared.weights.table.length, first: shared.weights.table[0] });
  const received = DependencyParser.fromShared(shared);
  assert.deepEqual(received.parse(input), parser.parse(input));
  assert.equal(received.beamWidth, parser.beamWidth);
});

test('decoder grammar: a noun is never an adjectival modifier, an adjective may be', () => {
  const labels = ['amod', 'nsubj'];
  const grammar = parserGrammar(labels);
  const input = (xpos: string[]): Parameters<typeof viewSentence>[0] => ({
    forms: xpos.map((_, i) => `w${i}`),
    upos: xpos.map(() => 'X'),
    xpos,
    feats: xpos.map(() => '_'),
  });
  const legal = new Uint8Array(1 + 2 * labels.length);
  // Stack: root, word 1, word 2; LEFT-ARC makes word 1 a dependent of word 2.
  const state = ParserState.start(2).apply(0).apply(0);
  legalTransitions(state, labels.length, grammar, viewSentence(input(['NN', 'NN'])), legal);
  assert.equal(legal[1], 0, 'LEFT-ARC amod with a noun dependent');
  assert.equal(legal[3], 1, 'LEFT-ARC nsubj with a noun dependent');
  legalTransitions(state, labels.length, grammar, viewSentence(input(['ADJA', 'NN'])), legal);
  assert.equal(legal[1], 1, 'LEFT-ARC amod with an adjective dependent');
});

test('sentence view: words the unlabelled text puts in one class share the parser’s word-class attribute', () => {
  const clusters = loadClusters();
  assert.ok(clusters.size > 1000, 'models/de-clusters.tsv.gz is committed');
  const input = (forms: string[]): Parameters<typeof viewSentence>[0] => ({
    forms,
    upos: forms.map(() => 'X'),
    xpos: forms.map(() => 'NN'),
    feats: forms.map(() => '_'),
  });
  // Two frequent words of one coarse class and one of another (looked up, not assumed).
  const [a, b, other] = sameClassPair(clusters);
  const v = viewSentence(input([a, b, other, 'Xyzzyquux']));
  assert.equal(v.wordClass[2], v.wordClass[3], `${a} and ${b}`);
  assert.notEqual(v.wordClass[2], v.wordClass[4], `${a} and ${other}`);
  // A word the text never showed has the class of none.
  assert.notEqual(v.wordClass[5], v.wordClass[2]);
  assert.equal(viewSentence(input(['Qwxzzyv'])).wordClass[2], v.wordClass[5]);
});

test('parser files: a file of an older version is refused with what to run', () => {
  const current = readFileSync(PARSER_MODEL_PATH);
  const length = current.readUInt32LE(0);
  const header = JSON.parse(current.subarray(4, 4 + length).toString('utf8')) as { version: number };
  const old = Buffer.from(JSON.stringify({ ...header, version: header.version - 1 }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(old.length);
  const file = Buffer.concat([len, old, current.subarray(4 + length)]);
  assert.throws(() => unpackParser(file), /run npm run train -- --only parser/);
});

/** Two words of one coarse class and a third of another, from the committed classes. */
function sameClassPair(clusters: ReturnType<typeof loadClusters>): [string, string, string] {
  const words = ['der', 'die', 'das', 'und', 'oder', 'in', 'auf', 'mit', 'sagte', 'erklärte', 'Berlin', 'Paris'];
  for (const a of words) {
    for (const b of words) {
      const ca = clusters.of(a)?.[0];
      if (a === b || ca === undefined || clusters.of(b)?.[0] !== ca) continue;
      const other = words.find((w) => clusters.of(w)?.[0] !== undefined && clusters.of(w)?.[0] !== ca);
      if (other) return [a, b, other];
    }
  }
  throw new Error('no two of the listed words share a class');
}

/** The parser's view of words with only their STTS tags (what the decoder grammar reads). */
function taggedView(forms: string[], xpos: string[]): SentenceView {
  return viewSentence({ forms, upos: xpos.map(() => 'X'), xpos, feats: xpos.map(() => '_') });
}

test('decoder grammar: punctuation heads nothing and hangs as punct; two marks side by side still attach', () => {
  const labels = ['punct', 'obj'];
  const grammar = parserGrammar(labels);
  const legal = new Uint8Array(1 + 2 * labels.length);
  // Stack: root, word 1, word 2. LEFT-ARC(l) = 1 + 2l makes word 1 depend on word 2; RIGHT-ARC(l) = 2 + 2l
  // makes word 2 depend on word 1.
  const state = ParserState.start(2).apply(0).apply(0);
  legalTransitions(state, labels.length, grammar, taggedView(['Haus', ','], ['NN', '$,']), legal);
  assert.deepEqual([legal[1], legal[3]], [0, 0], 'the comma heads no word');
  assert.deepEqual([legal[2], legal[4]], [1, 0], 'the comma hangs on the noun as punct only');
  legalTransitions(state, labels.length, grammar, taggedView([',', 'Haus'], ['$,', 'NN']), legal);
  assert.deepEqual([legal[1], legal[3], legal[2], legal[4]], [1, 0, 0, 0]);
  legalTransitions(state, labels.length, grammar, taggedView(['"', '.'], ['$(', '$.']), legal);
  assert.equal(legal[1], 1, 'two marks: one takes the other, as punct');
  assert.equal(legal[2], 1);
});

test('decoder grammar: a head takes one subject of any kind and one object, other relations as often as needed', () => {
  const labels = ['nsubj', 'nsubj:pass', 'obj', 'advmod'];
  const grammar = parserGrammar(labels);
  const legal = new Uint8Array(1 + 2 * labels.length);
  const left = (l: number): number => legal[1 + 2 * l] as number;
  const right = (l: number): number => legal[2 + 2 * l] as number;
  // RIGHT-ARC (head s1): "lobte sie ihn" — "sie" taken with label `l`, then "ihn" on the stack.
  const verbFirst = taggedView(['lobte', 'sie', 'ihn'], ['VVFIN', 'PPER', 'PPER']);
  const afterRightArc = (l: number): ParserState =>
    ParserState.start(3).apply(SHIFT).apply(SHIFT).apply(rightArc(l)).apply(SHIFT);
  legalTransitions(afterRightArc(0), labels.length, grammar, verbFirst, legal);
  assert.deepEqual([right(0), right(1)], [0, 0], 'no second subject, active or passive');
  assert.deepEqual([right(2), right(3)], [1, 1], 'an object, or a modifier, is fine');
  legalTransitions(afterRightArc(2), labels.length, grammar, verbFirst, legal);
  assert.deepEqual([right(0), right(2)], [1, 0], 'after an object: a subject, not a second object');
  // LEFT-ARC (head s0): "Peter Maria lobte" — "Maria" taken as the subject of "lobte", then "Peter".
  const verbLast = taggedView(['Peter', 'Maria', 'lobte'], ['NE', 'NE', 'VVFIN']);
  const three = ParserState.start(3).apply(SHIFT).apply(SHIFT).apply(SHIFT);
  legalTransitions(three.apply(leftArc(0)), labels.length, grammar, verbLast, legal);
  assert.deepEqual([left(0), left(1), left(2)], [0, 0, 1]);
  legalTransitions(three.apply(leftArc(3)), labels.length, grammar, verbLast, legal);
  assert.deepEqual([left(0), left(3)], [1, 1], 'a second modifier, or a first subject, is fine');
});
