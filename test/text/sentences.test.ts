import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sentenceTexts } from '../helpers.js';

const cases: Array<[string, string, string[]]> = [
  [
    'plain sentences',
    'Der Kreml schwieg. Die EU protestierte! Was nun?',
    ['Der Kreml schwieg.', 'Die EU protestierte!', 'Was nun?'],
  ],
  [
    'headline without a period, then a blank line',
    'Proteste in Minsk\n\nTausende marschierten.',
    ['Proteste in Minsk', 'Tausende marschierten.'],
  ],
  [
    'one paragraph per line',
    'Erster Absatz ohne Punkt\nZweiter Absatz.\nDritter Absatz.',
    ['Erster Absatz ohne Punkt', 'Zweiter Absatz.', 'Dritter Absatz.'],
  ],
  [
    'hard-wrapped line continues in lower case',
    'Die Regierung hat\nneue Sanktionen verhängt.',
    ['Die Regierung hat\nneue Sanktionen verhängt.'],
  ],
  [
    'an ellipsis in brackets marks an omission, not an end',
    'Er sagte: „(...) Es gab auch Jahre, die schwer waren […] Wir bleiben.“ Dann ging er.',
    ['Er sagte: „(...) Es gab auch Jahre, die schwer waren […] Wir bleiben.“', 'Dann ging er.'],
  ],
  [
    'quote that ends a sentence',
    '„Wir brauchen keine Vermittler.“ Dann ging er.',
    ['„Wir brauchen keine Vermittler.“', 'Dann ging er.'],
  ],
  [
    'question inside a quote before the attribution',
    '„Warum?“, fragte sie. Er schwieg.',
    ['„Warum?“, fragte sie.', 'Er schwieg.'],
  ],
  [
    'straight quotes around a final sentence',
    'Er sagte: "Das ist gut." Sie nickte.',
    ['Er sagte: "Das ist gut."', 'Sie nickte.'],
  ],
  [
    'abbreviations and ordinals do not end sentences',
    'Am 9. August kam Dr. Müller z. B. mit ca. 5 Leuten. Sie blieben.',
    ['Am 9. August kam Dr. Müller z. B. mit ca. 5 Leuten.', 'Sie blieben.'],
  ],
  [
    'year at the end of a sentence',
    'Das geschah 2007. Die Folgen sind bekannt.',
    ['Das geschah 2007.', 'Die Folgen sind bekannt.'],
  ],
  [
    'abbreviation that ends a sentence',
    'Sie kauften Brot, Milch usw. Danach gingen sie.',
    ['Sie kauften Brot, Milch usw.', 'Danach gingen sie.'],
  ],
  ['bracket after the final period', 'Er kam (spät.) Sie nicht.', ['Er kam (spät.)', 'Sie nicht.']],
  [
    'quote left open across a line break',
    '"Wir brauchen keine Vermittler.\n"Mir scheint", fügte er hinzu.',
    ['"Wir brauchen keine Vermittler.', '"Mir scheint", fügte er hinzu.'],
  ],
  [
    'lower case after a period is not a new sentence',
    'Die Zahl stieg um 5 Proz. gegenüber dem Vorjahr.',
    ['Die Zahl stieg um 5 Proz. gegenüber dem Vorjahr.'],
  ],
];

for (const [name, text, expected] of cases) {
  test(`sentences: ${name}`, () => {
    assert.deepEqual(sentenceTexts(text), expected);
  });
}
