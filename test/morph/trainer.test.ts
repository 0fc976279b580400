import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PerceptronTrainer, CompiledPerceptron, PackedPerceptron } from '../../src/morph/perceptron.js';
import { lemmaScript, applyLemmaScript } from '../../src/morph/lemma-script.js';
import { parseLexicon } from '../../src/morph/lexicon.js';
import { parseConllu } from '../../src/eval/conllu.js';
import { trainMorph } from '../../src/train/train-morph.js';
import { MorphTagger } from '../../src/morph/tagger.js';
import { udToStts } from '../../src/train/stts.js';
import { hashOf } from '../../src/morph/features.js';

test('perceptron: learns a separable toy problem, compiles, and survives a binary round trip', () => {
  const t = new PerceptronTrainer();
  const A = t.label('A');
  const B = t.label('B');
  const data: Array<[number[], number]> = [
    [[hashOf(1, 'x'), hashOf(1, 'bias')], A],
    [[hashOf(1, 'y'), hashOf(1, 'bias')], B],
  ];
  const scores = new Float64Array(2);
  for (let epoch = 0; epoch < 5; epoch++) {
    for (const [f, truth] of data) {
      scores.fill(0);
      t.score(f, f.length, scores);
      t.update(truth, scores[0]! >= scores[1]! ? A : B, f, f.length);
    }
  }
  const model = CompiledPerceptron.fromBuffer(t.compile(0).toBuffer());
  for (const [f, truth] of data) {
    scores.fill(0);
    model.score(f, f.length, scores);
    assert.equal(model.best(scores), truth);
  }
  assert.deepEqual(model.labels, ['A', 'B']);
});

test('packed perceptron: the same scores as the compiled model, to 24-bit precision', () => {
  const runs = new Map<number, Array<[number, number]>>([
    [
      7,
      [
        [0, 1.5],
        [2, -0.25],
      ],
    ],
    [9, [[1, 1000]]],
    [
      12345,
      [
        [0, -3],
        [1, 0.001],
        [2, 2],
      ],
    ],
  ]);
  const compiled = CompiledPerceptron.fromRuns(['A', 'B', 'C'], runs);
  const packed = PackedPerceptron.from(compiled);
  const features = [7, 9, 12345, 42];
  const a = new Float64Array(3);
  const b = new Float64Array(3);
  compiled.score(features, features.length, a);
  packed.score(features, features.length, b);
  const expected = [-1.5, 1000.001, 1.75];
  for (let l = 0; l < 3; l++) assert.ok(Math.abs(a[l]! - expected[l]!) < 1e-4);
  for (let l = 0; l < 3; l++) assert.ok(Math.abs(a[l]! - b[l]!) < 1000 / 2 ** 23, `label ${l}: ${a[l]} vs ${b[l]}`);
});

test('lemma scripts: round trip on inflection, umlaut, case and prefix changes', () => {
  for (const [form, lemma] of [
    ['Häuser', 'Haus'],
    ['fordert', 'fordern'],
    ['Die', 'der'],
    ['gewesen', 'sein'],
    ['ging', 'gehen'],
    ['Regierungen', 'Regierung'],
  ]) {
    assert.equal(applyLemmaScript(form as string, lemmaScript(form as string, lemma as string)), lemma);
  }
  assert.equal(applyLemmaScript('Zeitungen', lemmaScript('Regierungen', 'Regierung')), 'Zeitung', 'scripts generalise');
});

test('lexicon: forms, case-flipped look-up, compound heads and lemma candidates', () => {
  const lex = parseLexicon(
    [
      '#class\t0\tN|3:|Case=Acc,Dat,Gen,Nom|Gender=Fem|Number=Plur',
      '#class\t1\tN|0:|Case=Acc,Dat,Gen,Nom|Gender=Fem|Number=Sing',
      '#class\t2\tV|2:rn|Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin',
      'Sprecherin\t1',
      'Sprecherinnen\t0',
      'fordert\t2',
      '#class\t3\tV|2:ießen|Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin',
      'erschoß\t3',
    ].join('\n'),
  );
  assert.equal(lex.lookup('Sprecherin')?.signature, 'N');
  assert.equal(lex.lookup('Fordert')?.signature, 'V.Fin', 'sentence-initial capital');
  assert.deepEqual(lex.lemmas('fordert', 'V'), ['fordern']);
  assert.deepEqual(lex.lemmas('Regierungssprecherinnen', 'N'), ['Regierungssprecherin']);
  // The dictionaries keep some forms in the spelling before 1996: lemmas find them, tagger features do not.
  assert.deepEqual(lex.lemmas('erschoss', 'V'), ['erschießen']);
  assert.equal(lex.lookup('erschoss'), null);
  assert.ok(lex.lookup('Regierungssprecherin')?.featureCandidates.includes('Gender=Fem'));
  assert.equal(lex.lookup('Xyzzy'), null);
});

test('STTS harmonisation of Penn-style PUD tags', () => {
  const w = (upos: string, xpos: string, feats = '_', form = 'x', lemma = form, deprel = 'dep') => ({
    id: 1,
    form,
    lemma,
    upos,
    xpos,
    feats,
    head: 0,
    deprel,
    misc: '_',
  });
  assert.equal(udToStts(w('DET', 'DT', 'Case=Nom|Definite=Def|PronType=Art', 'Der', 'der', 'det')), 'ART');
  assert.equal(udToStts(w('VERB', 'VBC', 'Mood=Ind|Tense=Pres', 'fordert', 'fordern')), 'VVFIN');
  assert.equal(udToStts(w('AUX', 'VBC', 'Mood=Ind', 'kann', 'können')), 'VMFIN');
  assert.equal(udToStts(w('ADP', 'RP', '_', 'auf', 'auf', 'compound:prt')), 'PTKVZ');
  assert.equal(udToStts(w('ADJ', 'JJ', 'Case=Nom|Degree=Pos', 'neue', 'neu', 'amod')), 'ADJA');
  assert.equal(udToStts(w('ADJ', 'JJ', 'Degree=Pos', 'schnell', 'schnell', 'advmod')), 'ADJD');
  assert.equal(udToStts(w('PUNCT', ',', '_', ',')), '$,');
});

// A toy treebank: the trainer must learn it and tag it back.
const TOY = [
  ['Der', 'der', 'DET', 'ART', 'Case=Nom|Definite=Def|Gender=Masc|Number=Sing|PronType=Art'],
  ['Mann', 'Mann', 'NOUN', 'NN', 'Case=Nom|Gender=Masc|Number=Sing'],
  ['sieht', 'sehen', 'VERB', 'VVFIN', 'Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin'],
  ['die', 'der', 'DET', 'ART', 'Case=Acc|Definite=Def|Gender=Fem|Number=Sing|PronType=Art'],
  ['Frau', 'Frau', 'NOUN', 'NN', 'Case=Acc|Gender=Fem|Number=Sing'],
  ['.', '.', 'PUNCT', '$.', '_'],
];

function toyConllu(copies: number): string {
  let out = '';
  for (let c = 0; c < copies; c++) {
    out += `# sent_id = dev-s${c}\n# text = Der Mann sieht die Frau.\n`;
    TOY.forEach((w, i) => {
      out +=
        [i + 1, w[0], w[1], w[2], w[3], w[4], i === 2 ? 0 : 3, i === 2 ? 'root' : 'dep', '_', '_'].join('\t') + '\n';
    });
    out += '\n';
  }
  return out;
}

const TOY_OPTIONS = { tagEpochs: [2, 3], featEpochs: 3, lemmaEpochs: 3, seed: 7, prune: 0, minUpdates: 1 };

test('trainer: learns a toy treebank and the packed model tags it back', () => {
  const sentences = parseConllu(toyConllu(25));
  const result = trainMorph(sentences, sentences.slice(0, 2), null, TOY_OPTIONS);
  assert.equal(result.dev.upos, 100);
  assert.equal(result.dev.ufeats, 100);
  assert.equal(result.dev.lemma, 100);
  const tagger = MorphTagger.fromBuffer(result.buffer, null);
  const tagged = tagger.tagSentence(['Der', 'Mann', 'sieht', 'die', 'Frau', '.']);
  assert.deepEqual(
    tagged.map((t) => [t.upos, t.xpos, t.feats, t.lemma]),
    TOY.map((w) => [w[2], w[3], w[4], w[1]]),
  );
  const again = trainMorph(sentences, sentences.slice(0, 2), null, TOY_OPTIONS);
  assert.ok(again.buffer.equals(result.buffer), 'training is deterministic');
});
