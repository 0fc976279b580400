import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { formatWeek, parseIsoDate, weekdayOf } from '../../src/times/calendar.js';

/** The time expressions of one sentence, as "text=value" (published on Saturday, 2020-08-15). */
function times(sentence: string, published: string | null = '2020-08-15'): string[] {
  const doc = analyzeDocument(textDocument(sentence), { published });
  return doc.times.map((t) => `${t.text}=${t.value ?? 'null'}`);
}

test('calendar: weekdays and ISO weeks', () => {
  const day = parseIsoDate('2020-08-15') as number;
  assert.equal(weekdayOf(day), 6);
  assert.equal(formatWeek(day), '2020-W33');
  assert.equal(formatWeek(parseIsoDate('2021-01-01') as number), '2020-W53');
  assert.equal(parseIsoDate('2021-02-30'), null);
});

test('weekdays follow the tense: past → last one, future → next one', () => {
  assert.deepEqual(times('Zehntausende marschierten am Freitag durch die Hauptstadt.'), ['am Freitag=2020-08-14']);
  assert.deepEqual(times('Am Samstag versammelten sich Demonstranten.'), ['Am Samstag=2020-08-15']);
  assert.deepEqual(times('Am Montag will er nach Moskau reisen.'), ['Am Montag=2020-08-17']);
  assert.deepEqual(times('Am Montag wird er nach Moskau reisen.'), ['Am Montag=2020-08-17']);
  assert.deepEqual(times('Sie habe bei der Abstimmung am vergangenen Sonntag gewonnen.'), [
    'am vergangenen Sonntag=2020-08-09',
  ]);
  assert.deepEqual(times('Die Wahl findet am kommenden Sonntag statt.'), ['am kommenden Sonntag=2020-08-16']);
  assert.deepEqual(times('Am Freitagabend gingen Tausende auf die Straße.'), ['Am Freitagabend=2020-08-14TEV']);
});

test('weeks, weekends, months, years relative to the publication date', () => {
  assert.deepEqual(times('In dieser Woche kam es zu Protesten.'), ['In dieser Woche=2020-W33']);
  assert.deepEqual(times('Er rief zu Protesten an diesem Wochenende auf.'), ['an diesem Wochenende=2020-W33-WE']);
  assert.deepEqual(times('Vergangene Woche gab es Proteste.'), ['Vergangene Woche=2020-W32']);
  assert.deepEqual(times('Im vergangenen Jahr gab es keine Proteste.'), ['Im vergangenen Jahr=2019']);
  assert.deepEqual(times('Der Vertrag endet im nächsten Monat.'), ['im nächsten Monat=2020-09']);
  // A month with a relation word: the last one before the article's month, the next one after it.
  assert.deepEqual(times('Die Zeitung hatte letzten September darüber berichtet.'), ['letzten September=2019-09']);
  assert.deepEqual(times('Das Erdbeben vom vergangenen Juli war stärker.'), ['vom vergangenen Juli=2020-07']);
  assert.deepEqual(times('Die Wahl ist im kommenden August.'), ['im kommenden August=2021-08']);
  assert.deepEqual(times('Der letzte November mit so wenigen Arbeitslosen liegt lange zurück.'), []);
  // A month told in the past is this year's once it has begun: the article's own month too.
  assert.deepEqual(times('Die Partei erzielte Anfang August einen Erfolg.', '2020-08-05'), ['Anfang August=2020-08']);
  assert.deepEqual(times('Die Partei erzielte im September einen Erfolg.', '2020-08-05'), ['im September=2019-09']);
  // An age is no time span: "ein fünf Jahre altes Mädchen", "eine 20 Jahre junge Frau".
  assert.deepEqual(times('Das Geschoss traf ein fünf Jahre altes Mädchen und eine 20 Jahre junge Frau.'), []);
});

test('gestern, heute, vor zwei Wochen, Mitte August, im Frühjahr 2021', () => {
  assert.deepEqual(times('Gestern wurden drei Männer festgenommen.'), ['Gestern=2020-08-14']);
  assert.deepEqual(times('Das Treffen findet heute Abend statt.'), ['heute Abend=2020-08-15TEV']);
  assert.deepEqual(times('Vor zwei Wochen begann der Streik.'), ['Vor zwei Wochen=2020-W31']);
  assert.deepEqual(times('Vor drei Tagen begann der Streik.'), ['Vor drei Tagen=2020-08-12']);
  assert.deepEqual(times('Mitte August war die Lage ruhig.'), ['Mitte August=2020-08']);
  assert.deepEqual(times('Die Wahl soll im Frühjahr 2021 stattfinden.'), ['im Frühjahr 2021=2021-SP']);
});

test('explicit dates in German forms, with and without weekday', () => {
  // The weekday and the date are two mentions of one day; the date gives the weekday its value.
  assert.deepEqual(times('Beide werden am Montag, den 24. Januar 2005, vorgeführt.'), [
    'am Montag=2005-01-24',
    '24. Januar 2005=2005-01-24',
  ]);
  assert.deepEqual(times('Das Gesetz gilt seit dem 3.10.1990 in ganz Deutschland.'), ['seit dem 3.10.1990=1990-10-03']);
  assert.deepEqual(times('Am 9. August wurde gewählt.'), ['Am 9. August=2020-08-09']);
  assert.deepEqual(times('Im Januar 2005 wurde er gewählt.'), ['Im Januar 2005=2005-01']);
  assert.deepEqual(times('Im Jahr 1994 kam er an die Macht.'), ['Im Jahr 1994=1994']);
  assert.deepEqual(times('In den 1990er Jahren war das anders.'), ['In den 1990er Jahren=199']);
});

test('times of day, durations and sets', () => {
  assert.deepEqual(times('Am Freitag um 14 Uhr begann die Kundgebung.'), [
    'Am Freitag=2020-08-14',
    'um 14 Uhr=2020-08-14T14:00',
  ]);
  assert.deepEqual(times('Die Sitzung beginnt um 9.30 Uhr.'), ['um 9.30 Uhr=XXXX-XX-XXT09:30']);
  // A clock time takes the sentence's day before it, also one farther back.
  assert.deepEqual(times('Die Geschworenen haben am Freitag etwa um 14:15 Uhr ihr Urteil verkündet.'), [
    'am Freitag=2020-08-14',
    'um 14:15 Uhr=2020-08-14T14:15',
  ]);
  // A time zone or "Ortszeit" belongs to the clock time.
  assert.deepEqual(times('Die Landung ist für 10:46 Uhr MESZ geplant.'), ['für 10:46 Uhr MESZ=XXXX-XX-XXT10:46']);
  assert.deepEqual(times('Das Beben begann um 5.57 Uhr Ortszeit.'), ['um 5.57 Uhr Ortszeit=XXXX-XX-XXT05:57']);
  assert.deepEqual(times('Lukaschenko ist seit 26 Jahren an der Macht.'), ['seit 26 Jahren=P26Y']);
  assert.deepEqual(times('Der Streik dauerte drei Tage lang.'), ['drei Tage lang=P3D']);
  assert.deepEqual(times('Sie protestieren jeden Montag vor dem Rathaus.'), ['jeden Montag=XXXX-WXX-1']);
  assert.deepEqual(times('Die Zeitung erscheint täglich.'), ['täglich=P1D']);
});

test('ages and quantities are not time expressions', () => {
  assert.deepEqual(times('Davis starb im Alter von 87 Jahren.'), []);
  assert.deepEqual(times('Der Mann ist 45 Jahre alt.'), []);
  assert.deepEqual(times('Demonstranten sangen vor dem Gebäude.'), []);
});

test('without a publication date, relative values are null and absolute ones resolve', () => {
  assert.deepEqual(times('Am Freitag wurde am 24. Januar 2005 gewählt.', null), [
    'Am Freitag=null',
    'am 24. Januar 2005=2005-01-24',
  ]);
});

test('holidays, nights before a day, approximate durations, bracketed dates, announced plans', () => {
  assert.deepEqual(times('Am Karfreitag gegen 16 Uhr nahm er zwei Geiseln.', '2013-03-30'), [
    'Am Karfreitag=2013-03-29',
    'gegen 16 Uhr=2013-03-29T16:00',
  ]);
  assert.deepEqual(times('Zu Ostern kamen Tausende.', '2021-04-10'), ['Ostern=2021-04-04']);
  assert.deepEqual(times('Die Geiselnahme endete in der Nacht zum heutigen Samstag.', '2013-03-30'), [
    'in der Nacht zum heutigen Samstag=2013-03-30TNI',
  ]);
  assert.deepEqual(times('Er wurde in der Nacht zu heute gefasst.', '2008-07-22'), [
    'in der Nacht zu heute=2008-07-22TNI',
  ]);
  assert.deepEqual(times('Er war seit fast 13 Jahren auf der Flucht.'), ['seit fast 13 Jahren=P13Y']);
  assert.deepEqual(times('Am Mittwoch (26.06) starben 35 Menschen.', '2013-06-30'), [
    'Am Mittwoch=2013-06-26',
    '26.06=2013-06-26',
  ]);
  assert.deepEqual(times('Die Punktzahl lag bei 26.06 im Mittel.'), []);
  // The zu-infinitive of an announcement looks ahead, whatever the tense of the announcement.
  assert.deepEqual(times('Er hatte angekündigt, im September erneut anzutreten.', '2005-07-31'), [
    'im September=2005-09',
  ]);
  assert.deepEqual(times('Im September hatte er gewonnen.', '2005-07-31'), ['Im September=2004-09']);
  assert.deepEqual(times('Am Freitagabend begann der Streik.', '2010-12-04'), ['Am Freitagabend=2010-12-03TEV']);
  // Written on a Wednesday, a weekend in the past tense is the last one; in the present, the coming one.
  assert.deepEqual(times('Die Krise spitzte sich am Wochenende zu.', '2008-09-03'), ['am Wochenende=2008-W35-WE']);
  assert.deepEqual(times('Am Wochenende wird gewählt.', '2008-09-03'), ['Am Wochenende=2008-W36-WE']);
});

test('a state passive speaks of the present, a perfect with "sein" of the past; dative relation words', () => {
  // Published Saturday 2020-08-15: "ist für Montag vorgesehen" is the next Monday, "ist am Montag
  // eingetroffen" the last one; a day and month without a year fall in the publication's year when planned.
  assert.deepEqual(times('Die Abstimmung ist für Montag vorgesehen.'), ['für Montag=2020-08-17']);
  assert.deepEqual(times('Die Hunde sind am Montag eingetroffen.'), ['am Montag=2020-08-10']);
  assert.deepEqual(times('Die Abstimmung ist für den 24. September geplant.'), ['für den 24. September=2020-09-24']);
  assert.deepEqual(times('Er ist am Montag gewählt worden.'), ['am Montag=2020-08-10']);
  assert.deepEqual(times('Seit vergangenem Montag wird gestreikt.'), ['Seit vergangenem Montag=2020-08-10']);
  // "seit" looks back whatever the clause's tense.
  assert.deepEqual(times('Die Besetzung dauert seit Montag an.'), ['seit Montag=2020-08-10']);
  assert.deepEqual(times('Das seit 1. September eingerichtete System wird geprüft.'), ['seit 1. September=2019-09-01']);
});

test('decades with a hyphen the tokenizer split and with two digits', () => {
  assert.deepEqual(times('Mitte der 1960-er Jahre verkürzte er die Arbeitszeit.'), ['Mitte der 1960-er Jahre=196']);
  assert.deepEqual(times('Anfang der 90er-Jahre spionierten sie in Florida.'), ['Anfang der 90er-Jahre=199']);
  assert.deepEqual(times('In den 20er Jahren gingen sie gegen Radioläden vor.'), ['In den 20er Jahren=192']);
});

test('two days of one month: the first takes the month and year of the second', () => {
  assert.deepEqual(times('Am 10. und 11. Juli 2019 tagte der Rat.'), ['Am 10.=2019-07-10', '11. Juli 2019=2019-07-11']);
  assert.deepEqual(times('Vom 3. bis zum 5. Mai wurde gestreikt.'), ['Vom 3.=2020-05-03', 'bis zum 5. Mai=2020-05-05']);
  assert.deepEqual(times('Er wurde 10. und sie 11. im Rennen.'), []);
});
