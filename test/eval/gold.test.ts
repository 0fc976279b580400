import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreGold } from '../../src/eval/gold.js';

test('eval gold: spans match by mutual half overlap; misses, extras and accuracies are counted', () => {
  const text =
    'Titel\n\nAm Freitag wurden 20 Menschen festgenommen. Die Polizei sprach von einem "guten und konstruktiven" Einsatz.';
  const scores = scoreGold([
    {
      text,
      published: '2020-08-15',
      times: [
        { text: 'Am Freitag', value: '2020-08-14' },
        { text: 'Titel', value: null }, // a gold item no system finds: a miss
      ],
      quantities: [{ text: '20 Menschen', value: 20, bound: 'exact', category: 'ARREST' }],
      quotes: [],
      entities: [],
    },
  ]);
  const by = Object.fromEntries(scores.map((s) => [s.layer, s]));
  assert.equal(by['times']?.tp, 1);
  assert.equal(by['times']?.gold, 2);
  assert.equal(by['times']?.accuracy['value'], 1);
  assert.equal(by['quantities']?.f1, 1);
  assert.equal(by['quantities']?.accuracy['category'], 1);
  // The scare quote and the clause that reports it are extra quotes against an empty gold list.
  assert.equal(by['quotes']?.predicted, 2);
  assert.equal(by['quotes']?.precision, 0);
});

test('eval gold: a layer the gold text has no key for is not scored (an events-only file)', () => {
  const scores = scoreGold([
    {
      text: 'Die Polizei nahm am Freitag in Minsk 20 Demonstranten fest.',
      published: '2020-08-15',
      events: [{ type: 'COERCE', trigger: 'nahm', source: 'BLRCOP' }],
    },
  ]);
  const by = Object.fromEntries(scores.map((s) => [s.layer, s]));
  assert.equal(by['events']?.tp, 1);
  assert.equal(by['events']?.gold, 1);
  for (const layer of ['quotes', 'quantities', 'times', 'entities']) {
    assert.equal(by[layer]?.predicted, 0, layer);
    assert.equal(by[layer]?.gold, 0, layer);
  }
});
