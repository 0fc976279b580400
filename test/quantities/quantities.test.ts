import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { parseDigits } from '../../src/numbers/german-numbers.js';

/** The quantities of one sentence as "text|value|bound|unit|category" (magnitude in place of a null value). */
function quantities(sentence: string): string[] {
  const doc = analyzeDocument(textDocument(sentence), { published: '2020-08-15' });
  return doc.quantities.map(
    (q) => `${q.text}|${q.value ?? `~${q.magnitude}`}|${q.bound}|${q.unit ?? '-'}|${q.category}`,
  );
}

test('German number formats', () => {
  assert.equal(parseDigits('6.700'), 6700);
  assert.equal(parseDigits('80,1'), 80.1);
  assert.equal(parseDigits('1.234.567,89'), 1234567.89);
  assert.equal(parseDigits('24.'), null);
  assert.equal(parseDigits('3.10.2020'), null);
});

test('counts with their counted noun and category from the governing verb, also when coordinated', () => {
  assert.deepEqual(
    quantities(
      'Beamte sagen, dass 6.700 Menschen festgenommen und mindestens eine Person nach den Wahlen getötet wurden.',
    ),
    ['6.700 Menschen|6700|exact|persons|ARREST', 'mindestens eine Person|1|atLeast|persons|KILL'],
  );
  assert.deepEqual(quantities('Die Behörden haben mehr als 2.000 Personen freigelassen.'), [
    'mehr als 2.000 Personen|2000|moreThan|persons|RELEASE',
  ]);
  assert.deepEqual(quantities('Bei dem Anschlag kamen über 20 Menschen ums Leben.'), [
    'über 20 Menschen|20|moreThan|persons|KILL',
  ]);
  assert.deepEqual(quantities('Drei Polizisten wurden verletzt.'), ['Drei Polizisten|3|exact|persons|WOUND']);
  // A participle right before the finite verb says how: "4 verletzt festnahm" are arrests.
  assert.deepEqual(
    quantities(
      'Es heißt nun, dass 22 Zivilisten getötet wurden, während die Polizei 11 Demonstranten tötete und 4 verletzt festnahm.',
    ).at(-1),
    '4|4|exact|-|ARREST',
  );
});

test('a crowd noun says PROTEST unless the verb says what happened to the crowd; a weekday names no number', () => {
  assert.deepEqual(quantities('Die Polizei nahm am Freitag 20 Demonstranten fest.'), [
    '20 Demonstranten|20|exact|persons|ARREST',
  ]);
  assert.deepEqual(quantities('Mehr als 5000 Demonstranten marschierten durch Minsk.'), [
    'Mehr als 5000 Demonstranten|5000|moreThan|persons|PROTEST',
  ]);
});

test('percentages, money, scale words and vague amounts', () => {
  assert.deepEqual(quantities('Lukaschenko hat 80,1% der Stimmen erhalten.'), ['80,1%|80.1|exact|percent|VOTE']);
  assert.deepEqual(quantities('Die Partei kam bei der Wahl auf knapp 30 Prozent.'), [
    'knapp 30 Prozent|30|lessThan|percent|VOTE',
  ]);
  assert.deepEqual(quantities('Die EU stellt 2,5 Mio. Euro bereit.'), ['2,5 Mio. Euro|2500000|exact|EUR|MONEY']);
  assert.deepEqual(quantities('Eine Million Menschen flohen.'), [
    'Eine Million Menschen|1000000|exact|persons|DISPLACE',
  ]);
  assert.deepEqual(quantities('Zwei Dutzend Soldaten wurden entsandt.'), [
    'Zwei Dutzend Soldaten|24|exact|persons|DEPLOY',
  ]);
  assert.deepEqual(quantities('Zehntausende marschierten durch die Hauptstadt.'), [
    'Zehntausende|~10000|approx|persons|PROTEST',
  ]);
  assert.deepEqual(quantities('Hunderte Demonstranten zogen vor das Parlament.'), [
    'Hunderte Demonstranten|~100|approx|persons|PROTEST',
  ]);
  assert.deepEqual(quantities('Rund 50.000 Zuschauer werden erwartet.'), [
    'Rund 50.000 Zuschauer|50000|approx|persons|OTHER',
  ]);
  assert.deepEqual(quantities('Bis zu 300 Soldaten sollen stationiert werden.'), [
    'Bis zu 300 Soldaten|300|atMost|persons|DEPLOY',
  ]);
});

test('years, dates, ages, times of day, ordinals and numbers in names are not quantities', () => {
  assert.deepEqual(quantities('Am 24. August 2020 um 14 Uhr trafen sich die EU-27-Außenminister.'), []);
  assert.deepEqual(quantities('Der 29-jährige Iraker ist seit 26 Jahren in Deutschland.'), []);
  assert.deepEqual(quantities('Davis starb im Alter von 87 Jahren.'), []);
  assert.deepEqual(quantities('Artikel 5 des Vertrags gilt seit 1994.'), []);
  assert.deepEqual(quantities('Die Regierung verfügt über eine eigene Mehrheit.'), []);
  // "verfügt über 50 Stimmen": the verb's preposition is no bound; "Lisa Martinek, 47," is an age.
  assert.deepEqual(quantities('Ron Paul verfügt über 50 Delegiertenstimmen.'), [
    '50 Delegiertenstimmen|50|exact|-|VOTE',
  ]);
  assert.deepEqual(quantities('Die Schauspielerin Lisa Martinek, 47, ist gestorben.'), []);
  assert.deepEqual(quantities('Ein Mann und zwei Kinder wurden gerettet.'), ['zwei Kinder|2|exact|persons|OTHER']);
});

test('number words before any plural noun, lower-case vague amounts, "weitere" for the noun', () => {
  assert.deepEqual(quantities('Acht Flughäfen mussten ihren Betrieb einstellen.'), ['Acht Flughäfen|8|exact|-|OTHER']);
  assert.deepEqual(quantities('Dort liefen hunderte Mönche um die Pagode.'), ['hunderte Mönche|~100|approx|-|OTHER']);
  assert.deepEqual(quantities('Dabei wurden 35 Personen getötet und vier weitere verletzt.'), [
    '35 Personen|35|exact|persons|KILL',
    'vier weitere|4|exact|persons|WOUND',
  ]);
  // After a noun, a number with a plural noun counts; without one it names ("Artikel 5").
  assert.deepEqual(quantities('Dann tötete die Polizei 11 Demonstranten.'), ['11 Demonstranten|11|exact|persons|KILL']);
  assert.deepEqual(quantities('Das regelt Artikel 5 des Vertrags.'), []);
  // A number word with a singular noun is no count: "drei Jahre" is a duration, "zwei Mal" a frequency.
  assert.deepEqual(quantities('Er kam zwei Mal.'), []);
});

test('a unit the tokenizer split at its hyphen is one unit ("US-Dollar"); grams', () => {
  assert.deepEqual(quantities('Die Firma zahlte 350.000 US-Dollar.'), ['350.000 US-Dollar|350000|exact|USD|MONEY']);
  assert.deepEqual(quantities('Der Ausstoß soll auf 130 Gramm sinken.'), ['130 Gramm|130|exact|g|OTHER']);
});

test('a fraction is a share in percent; forces in action are deployed', () => {
  assert.deepEqual(quantities('Mussawi habe rund zwei Drittel der Stimmen erhalten.'), [
    'rund zwei Drittel|66.67|approx|percent|VOTE',
  ]);
  assert.deepEqual(quantities('Ein Viertel der Passagiere flog ab Hahn.'), ['Ein Viertel|25|exact|percent|OTHER']);
  // "eine halbe Stunde" is no share.
  assert.deepEqual(quantities('Er kam eine halbe Stunde zu spät.'), []);
  assert.deepEqual(quantities('In der Nacht waren etwa 1.300 Polizisten im Einsatz.'), [
    'etwa 1.300 Polizisten|1300|approx|persons|DEPLOY',
  ]);
});

test('the number of a road or an aircraft type is no quantity', () => {
  assert.deepEqual(quantities('Auf der A 2 hatte der Unfall weitreichende Folgen.'), []);
  assert.deepEqual(quantities('Die B 500 und die Bundesautobahn 5 mussten gesperrt werden.'), []);
  assert.deepEqual(quantities('Ermittler erheben nach der Bruchlandung eines A 340 schwere Vorwürfe.'), []);
});
