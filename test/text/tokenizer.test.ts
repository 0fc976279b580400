import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/text/tokenizer.js';
import { tokenTexts } from '../helpers.js';

const cases: Array<[string, string, string[]]> = [
  [
    'abbreviations keep their period',
    'z. B. Dr. Müller, bzw. ca. 5 Nr. 3 u. a. St. Pauli im 19. Jh. usw.',
    [
      'z.',
      'B.',
      'Dr.',
      'Müller',
      ',',
      'bzw.',
      'ca.',
      '5',
      'Nr.',
      '3',
      'u.',
      'a.',
      'St.',
      'Pauli',
      'im',
      '19.',
      'Jh.',
      'usw.',
    ],
  ],
  [
    'abbreviations written without spaces',
    'Er kam u.a. mit z.B. Anna.',
    ['Er', 'kam', 'u.a.', 'mit', 'z.B.', 'Anna', '.'],
  ],
  ['ordinal before a month', 'am 9. August 2020', ['am', '9.', 'August', '2020']],
  ['ordinal before a noun', 'Im 21. Jahrhundert', ['Im', '21.', 'Jahrhundert']],
  [
    'number ending a sentence',
    'Das war 2007. Die Zeit verging.',
    ['Das', 'war', '2007', '.', 'Die', 'Zeit', 'verging', '.'],
  ],
  [
    'small number ending a sentence',
    'Es waren 12. Dann kamen mehr.',
    ['Es', 'waren', '12', '.', 'Dann', 'kamen', 'mehr', '.'],
  ],
  ['numeric dates', 'am 15.08.2020 um 12:30 Uhr', ['am', '15.08.2020', 'um', '12:30', 'Uhr']],
  [
    'numbers with separators and percent',
    '6.700 Menschen, 80,1% und 2.000 sowie 1,5 Mio. Euro',
    ['6.700', 'Menschen', ',', '80,1', '%', 'und', '2.000', 'sowie', '1,5', 'Mio.', 'Euro'],
  ],
  ['currency', 'Es kostet 10€ oder $5.', ['Es', 'kostet', '10', '€', 'oder', '$', '5', '.']],
  ['German quotes', '„Wir bleiben“, sagte er.', ['„', 'Wir', 'bleiben', '“', ',', 'sagte', 'er', '.']],
  ['single German quotes', '‚Nein‘ hieß es', ['‚', 'Nein', '‘', 'hieß', 'es']],
  ['guillemets', '»Ja« und «non»', ['»', 'Ja', '«', 'und', '«', 'non', '»']],
  ['straight quotes', 'Die Gruppe "Honest People" sagte', ['Die', 'Gruppe', '"', 'Honest', 'People', '"', 'sagte']],
  ['single straight quotes', "Er nannte es 'absurd'.", ['Er', 'nannte', 'es', "'", 'absurd', "'", '.']],
  ['dashes', 'sein Bruder – ein Offizier — kam', ['sein', 'Bruder', '–', 'ein', 'Offizier', '—', 'kam']],
  [
    'hyphenated compounds follow UD German',
    'US-Außenminister und EU-27-Außenminister',
    ['US', '-', 'Außenminister', 'und', 'EU', '-', '27', '-', 'Außenminister'],
  ],
  ['truncated compounds', 'Militär- und Polizeibeamten', ['Militär', '-', 'und', 'Polizeibeamten']],
  ['number ranges stay whole', '2015-2016 und 1995/96', ['2015-2016', 'und', '1995/96']],
  [
    'URLs and e-mail addresses',
    'Siehe https://example.org/a?b=1, www.tagesschau.de und presse@bund.de.',
    ['Siehe', 'https://example.org/a?b=1', ',', 'www.tagesschau.de', 'und', 'presse@bund.de', '.'],
  ],
  [
    'hashtags and mentions',
    'Unter #Belarus schrieb @Tsihanouskaya:',
    ['Unter', '#Belarus', 'schrieb', '@Tsihanouskaya', ':'],
  ],
  ['emoji, including astral and joined sequences', 'Super 👍🏽 und 👨‍👩‍👧 toll', ['Super', '👍🏽', 'und', '👨‍👩‍👧', 'toll']],
  ['brackets', 'Alexander Lukaschenko (links) bat', ['Alexander', 'Lukaschenko', '(', 'links', ')', 'bat']],
  ['ellipsis', 'Und dann... nichts…', ['Und', 'dann', '...', 'nichts', '…']],
  ['space before the final period', 'mit Jacek Czaputowicz .', ['mit', 'Jacek', 'Czaputowicz', '.']],
  ['genitive apostrophe', "Thutmosis' Tempel", ["Thutmosis'", 'Tempel']],
  ['roman numerals with ordinal period', 'Ludwig XIV. starb', ['Ludwig', 'XIV.', 'starb']],
  ['decades', 'in den 80er-Jahren', ['in', 'den', '80er', '-', 'Jahren']],
];

for (const [name, text, expected] of cases) {
  test(`tokenizer: ${name}`, () => {
    assert.deepEqual(tokenTexts(text), expected);
  });
}

test('tokenizer: offsets are UTF-16 indices and slice back to the token', () => {
  const text = 'Ein 🙂 Emoji vor „Minsk“, dann 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 und Ende.';
  const t = tokenize(text);
  const texts: string[] = [];
  for (let i = 0; i < t.count; i++) {
    const s = t.start[i] as number;
    const e = t.end[i] as number;
    assert.ok(s < e && e <= text.length);
    if (i > 0) assert.ok(s >= (t.end[i - 1] as number), 'tokens in order, no overlap');
    texts.push(text.slice(s, e));
  }
  assert.equal(texts[1], '🙂');
  assert.equal(text.indexOf('Emoji'), t.start[2]);
  assert.ok(texts.includes('𝔘𝔫𝔦𝔠𝔬𝔡𝔢'));
});

test('tokenizer: spaceAfter marks glued tokens', () => {
  const text = 'Er sagte: „Nein.“';
  const t = tokenize(text);
  assert.deepEqual(Array.from(t.spaceAfter), [1, 0, 1, 0, 0, 0, 1]);
});

test('tokenizer: empty and whitespace-only text give no tokens', () => {
  assert.equal(tokenize('').count, 0);
  assert.equal(tokenize(' \n\t\u00a0 ').count, 0);
});
