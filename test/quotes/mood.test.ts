import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportedMood } from '../../src/quotes/mood.js';

const FIN = 'Mood=Ind|Person=3|VerbForm=Fin';
const SUB = 'Mood=Sub|Person=3|VerbForm=Fin';

test('Konjunktiv I and II of finite verbs, also where the tagger says indicative', () => {
  assert.equal(reportedMood('sei', 'sein', SUB, 'VAFIN', false), 'konjunktiv1');
  assert.equal(reportedMood('müsse', 'müssen', SUB, 'VMFIN', false), 'konjunktiv1');
  assert.equal(reportedMood('hätte', 'haben', SUB, 'VAFIN', false), 'konjunktiv2');
  assert.equal(reportedMood('wäre', 'sein', SUB, 'VAFIN', false), 'konjunktiv2');
  assert.equal(reportedMood('würden', 'werden', SUB, 'VAFIN', false), 'konjunktiv2');
  assert.equal(reportedMood('könnte', 'können', SUB, 'VMFIN', false), 'konjunktiv2');
  // "-e" forms the tagger took for the first person: "er halte", "es habe".
  assert.equal(reportedMood('halte', 'halten', FIN, 'VVFIN', false), 'konjunktiv1');
  assert.equal(reportedMood('habe', 'haben', FIN, 'VAFIN', false), 'konjunktiv1');
  assert.equal(reportedMood('habe', 'haben', FIN, 'VAFIN', true), null); // "ich habe"
  // "sei"/"seien" whatever the features say (the tagger rarely predicts Mood=Sub).
  assert.equal(reportedMood('seien', 'sein', FIN, 'VVFIN', false), 'konjunktiv1');
  assert.equal(reportedMood('sei', 'sein', FIN, 'VAFIN', false), 'konjunktiv1');
  // A wrong lemma ("kostet" for the past "kostete") is no infinitive to compare the "-e" form with.
  assert.equal(reportedMood('kostete', 'kostet', FIN, 'VVFIN', false), null);
  // Past indicative forms that look alike, and plain indicatives.
  assert.equal(reportedMood('wurde', 'werden', FIN, 'VAFIN', false), null);
  assert.equal(reportedMood('würde', 'werden', FIN, 'VAFIN', false), 'konjunktiv2');
  assert.equal(reportedMood('sagte', 'sagen', FIN, 'VVFIN', false), null);
  assert.equal(reportedMood('hält', 'halten', FIN, 'VVFIN', false), null);
  assert.equal(reportedMood('gehalten', 'halten', 'VerbForm=Part', 'VVPP', false), null);
});
