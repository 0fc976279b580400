import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNameHeads, loadNameHeads } from '../../src/ner/heads.js';
import { NerDecoder, loadNerTagger, viewNer, type LabelScorer } from '../../src/ner/tagger.js';
import { Gazetteer, loadGazetteer, GAZ } from '../../src/ner/gazetteer.js';
import { WordClusters } from '../../src/morph/clusters.js';
import { exchangeClusters } from '../../src/train/build-clusters.js';
import { derivePlaceWords } from '../../src/train/build-gazetteer.js';
import { readLexiconLines } from '../../src/util/lexicon.js';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { mentionReplacement } from '../../src/train/ner-augment.js';
import { chunksOf } from '../../src/eval/germeval.js';
import { CompiledPerceptron } from '../../src/morph/perceptron.js';
import { nameInCompound } from '../../src/entities/stage.js';

test('name-kind heads: listed words and the last part of compounds', () => {
  const heads = loadNameHeads();
  assert.equal(heads.kindOf('bundesärztekammer'), 'ORG');
  assert.equal(heads.kindOf('ben-jehuda-straße'), 'LOC');
  assert.equal(heads.kindOf('präsident'), 'ROLE');
  assert.equal(heads.kindOf('kirche'), 'LOC+ORG', 'a word of two kinds carries both');
  assert.equal(heads.kindOf('gestern'), '');
  assert.equal(parseNameHeads([['film|films', 'WORK']]).kindOf('dokumentarfilm'), 'WORK');
  for (const { line, cells } of readLexiconLines('ner/de/heads.tsv'))
    assert.ok(['ORG', 'LOC', 'WORK', 'ROLE'].includes(cells[1] ?? ''), `heads.tsv:${line}`);
  for (const { line, cells } of readLexiconLines('ner/de/names.tsv'))
    assert.ok(['ORG', 'OTH'].includes(cells[1] ?? ''), `names.tsv:${line}`);
});

test('gazetteer: organisations, other names, derived place adjectives and demonyms', () => {
  const g = loadGazetteer();
  assert.ok(g.lookup('commerzbank') & GAZ.organisation);
  assert.ok(g.lookup('reichsmark') & GAZ.other, 'currencies are other names');
  assert.ok(g.lookup('europäischen') & GAZ.countryAdjective, 'europäisch ← Europa');
  assert.ok(g.lookup('bayerische') & GAZ.countryAdjective, 'bayerisch ← Bayern');
  assert.ok(g.lookup('europäer') & GAZ.demonym);
  const derived = derivePlaceWords(new Set(['rom', 'afrika', 'siegen']));
  assert.ok(derived.adjectives.has('römischen') && derived.adjectives.has('afrikanisch'));
  assert.ok(derived.demonyms.has('römer') && derived.demonyms.has('afrikanerinnen'));
  assert.ok(!derived.demonyms.has('sieger'), 'an agent noun of a verb is no demonym of a town');
});

test('NER view: town adjectives and demonyms in -er, -ern, -erin', () => {
  const gazetteer = new Gazetteer(
    new Map([
      ['hamburg', GAZ.city],
      ['darmstadt', GAZ.city],
    ]),
  );
  const v = viewNer({ forms: ['Hamburgern', 'Darmstädterin', 'Lehrer'], xpos: ['NN', 'NN', 'NN'] }, null, gazetteer);
  assert.deepEqual(Array.from(v.gazPlaceAdjective.subarray(2, 5)), [GAZ.city, GAZ.city, 0]);
});

test('Viterbi decoding: I- only after its own B-, and no name ends on a lower-case function word', () => {
  // A scorer that wants every token to be part of an organisation.
  const labels = ['O', 'B-ORG', 'I-ORG', 'B-PER'];
  const scorer: LabelScorer = {
    labels,
    score(_features, _count, scores) {
      scores[0]! += 0;
      scores[1]! += 1;
      scores[2]! += 2;
      scores[3]! += 0.5;
    },
  };
  const decoder = new NerDecoder(scorer);
  const none = new Gazetteer(new Map());
  const clusters = new WordClusters(new Map());
  const tag = (forms: string[]): string[] =>
    Array.from(decoder.decode(viewNer({ forms, xpos: forms.map(() => 'NN') }, null, none, undefined, clusters)), (i) =>
      String(labels[i]),
    );
  assert.deepEqual(tag(['Bank', 'Haus', 'Wald']), ['B-ORG', 'I-ORG', 'I-ORG']);
  const ends = tag(['Union', 'für']);
  assert.notEqual(ends[1], 'I-ORG', 'a name does not end on "für"');
  assert.notEqual(ends[1], 'B-ORG');
  assert.deepEqual(tag(['Union', 'für', 'Frieden']), ['B-ORG', 'I-ORG', 'I-ORG'], 'inside a name it may stand');
});

test('gazetteer: the longest name starting at each token, also past a shorter one', () => {
  const g = new Gazetteer(
    new Map([
      ['new', GAZ.other],
      ['new york', GAZ.city],
      ['new york times', GAZ.organisation],
      ['rotes kreuz', GAZ.organisation],
    ]),
  );
  const lower = ['die', 'new', 'york', 'times', 'und', 'das', 'rotes', 'kreuz', 'in', 'new', 'york'];
  const begin = new Uint16Array(lower.length);
  const inside = new Uint16Array(lower.length);
  g.match(lower, begin, inside);
  assert.deepEqual(Array.from(begin), [0, GAZ.organisation, 0, 0, 0, 0, GAZ.organisation, 0, 0, GAZ.city, 0]);
  assert.deepEqual(Array.from(inside), [
    0,
    0,
    GAZ.organisation,
    GAZ.organisation,
    0,
    0,
    0,
    GAZ.organisation,
    0,
    0,
    GAZ.city,
  ]);
});

test('the shipped NER decoder: its kept transition scores give the labels of scoring every word afresh', () => {
  const ner = loadNerTagger();
  if (!ner) return;
  const fresh = new NerDecoder(ner.model);
  const kept = new NerDecoder(ner.model, true);
  const doc = analyzeDocument(
    textDocument(
      'Die Bundeskanzlerin Angela Merkel traf in Berlin den französischen Präsidenten. Die Europäische Union ' +
        'kündigte an, der Rat werde in Brüssel beraten. In Berlin sprach Merkel mit Vertretern der Vereinten Nationen.',
    ),
  );
  for (let s = 0; s < doc.sentences.count; s++) {
    const forms: string[] = [];
    const xpos: string[] = [];
    for (let t = doc.sentences.firstToken[s]!; t < doc.sentences.endToken[s]!; t++) {
      forms.push(doc.text.slice(doc.tokens.start[t], doc.tokens.end[t]));
      xpos.push(doc.morph!.xpos[t]!);
    }
    const v = viewNer({ forms, xpos }, ner.lexicon, ner.gazetteer);
    const expected = Array.from(fresh.decode(v));
    assert.deepEqual(Array.from(kept.decode(v)), expected, `sentence ${s}, first pass`);
    assert.deepEqual(Array.from(kept.decode(v)), expected, `sentence ${s}, from the kept scores`);
  }
});

test('word classes: words in the same contexts share a class', () => {
  const texts: string[][] = [];
  const names = ['Merkel', 'Putin', 'Obama', 'Macron'];
  const towns = ['Berlin', 'Moskau', 'Paris', 'Rom'];
  for (let r = 0; r < 5; r++)
    for (const n of names) for (const t of towns) texts.push(['gestern', 'sagte', n, 'in', t, ',', 'es', 'regnet']);
  const classes = exchangeClusters(texts, 8, 10);
  const of = (w: string): number => classes.get(w) as number;
  for (const n of names) assert.equal(of(n), of('Merkel'), n);
  for (const t of towns) assert.equal(of(t), of('Berlin'), t);
  assert.notEqual(of('Merkel'), of('Berlin'));
});

test('entities: two places side by side are two; a seat of power is an organisation; roles stop at the verb', () => {
  const doc = analyzeDocument(
    textDocument(
      'Der belarussische Staatschef fordert Putin auf, zu helfen. ' +
        'Er antwortete nicht auf Fragen, ob die USA Minsk Sanktionen auferlegen. Das sagte der Kreml.',
      't',
    ),
  );
  const byName = new Map(doc.entities.map((e) => [e.name, e]));
  assert.ok(!byName.has('USA Minsk'), JSON.stringify([...byName.keys()]));
  assert.equal(byName.get('Minsk')?.type, 'LOC');
  assert.equal(byName.get('Kreml')?.type, 'ORG');
  const putin = byName.get('Putin');
  assert.ok(putin, 'Putin is found');
  assert.notEqual(putin.actor?.country, 'BLR', 'the subject’s role is not the object’s');
});

test('mention replacement: names swapped for names of the same type, everything else kept', () => {
  const sentences = [
    { line: 1, forms: ['Merkel', 'besucht', 'Paris', '.'], labels: ['B-PER', 'O', 'B-LOC', 'O'] },
    { line: 2, forms: ['Barack', 'Obama', 'in', 'Kiew'], labels: ['B-PER', 'I-PER', 'O', 'B-LOC'] },
    { line: 3, forms: ['der', 'deutsche', 'Präsident'], labels: ['O', 'B-LOCderiv', 'O'] },
  ];
  const copies = mentionReplacement(sentences, 2, 1);
  assert.equal(copies.length, 4, 'two copies of each sentence with a name, none of the others');
  for (const c of copies) {
    assert.equal(c.forms.length, c.labels.length);
    const chunks = chunksOf(c.labels);
    assert.deepEqual(
      chunks.map((k) => k.type),
      ['PER', 'LOC'],
    );
    for (const k of chunks) {
      const name = c.forms.slice(k.start, k.end).join(' ');
      assert.ok((k.type === 'PER' ? ['Merkel', 'Barack Obama'] : ['Paris', 'Kiew']).includes(name), name);
    }
  }
});

test('the mean of perceptrons averages each weight, a missing one counting as 0', () => {
  const a = CompiledPerceptron.fromRuns(['O', 'B-PER'], new Map([[7, [[1, 2]] as Array<[number, number]>]]));
  const b = CompiledPerceptron.fromRuns(
    ['O', 'B-PER'],
    new Map([
      [7, [[1, 4]] as Array<[number, number]>],
      [9, [[0, 6]] as Array<[number, number]>],
    ]),
  );
  const scores = new Float64Array(2);
  CompiledPerceptron.mean([a, b]).score(Uint32Array.of(7, 9), 2, scores);
  assert.deepEqual(Array.from(scores), [3, 3]);
});

test('names in hyphen compounds: the first part, or after a prefix the prefixed name or the middle part', () => {
  const name = (w: string): string | null => {
    const p = nameInCompound(w);
    return p ? w.slice(p.offset, p.offset + p.length) : null;
  };
  assert.equal(name('EU-Budget'), 'EU');
  assert.equal(name('US-Außenminister'), 'US');
  assert.equal(name('Ex-Jugoslawien'), 'Ex-Jugoslawien');
  assert.equal(name('Anti-Trump-Kurs'), 'Trump');
  assert.equal(name('Ex-freundin'), null);
  assert.equal(name('öko-Bilanz'), null);
});
