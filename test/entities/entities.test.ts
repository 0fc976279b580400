import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameKey, surnameKey, syllableKey } from '../../src/entities/name-key.js';
import { actorDictionary, countryOfPrefix, personActorOf, roleSectorOf } from '../../src/entities/actors.js';
import { readLexiconLines, readLexiconRows } from '../../src/util/lexicon.js';
import { chunksOf, scoreNer } from '../../src/eval/germeval.js';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { loadPlaces } from '../../src/entities/places.js';

test('nameKey: real transliteration variants meet', () => {
  const groups = [
    ['Tikhanovskaya', 'Tichanowskaja', 'Tsikhanouskaya'],
    ['Lukaschenko', 'Lukashenko', 'Lukašenka'],
    ['Selenskyj', 'Zelensky', 'Zelenskyy'],
    ['Gorbatschow', 'Gorbachev'],
    ['Chruschtschow', 'Khrushchev'],
    ['Nawalny', 'Navalny'],
    ['Medwedew', 'Medvedev'],
    ['Kolesnikowa', 'Kalesnikava'],
  ];
  for (const g of groups) for (const n of g) assert.equal(nameKey(n), nameKey(g[0] as string), `${n} ~ ${g[0]}`);
  const firsts = groups.map((g) => nameKey(g[0] as string));
  assert.equal(new Set(firsts).size, firsts.length, 'different people keep different keys');
  assert.equal(surnameKey('Alexander Lukaschenko'), nameKey('Lukashenko'));
  for (const g of groups)
    for (const n of g) assert.equal(syllableKey(n), syllableKey(g[0] as string), `${n} ~ ${g[0]}`);
});

test('syllableKey: inflected forms meet, names that share only their consonants part', () => {
  const same = [
    ['George W. Bush', 'Georg W. Bush'],
    ['Merkels', 'Merkel'],
    ['Landtages', 'Landtags'],
    ['Christodoulos I.', 'Christodoulos'],
  ];
  for (const [a, b] of same) assert.equal(syllableKey(a as string), syllableKey(b as string), `${a} ~ ${b}`);
  // Pairs one consonant key gave one actor in the Wikinews articles.
  const apart = [
    ['Putin', 'Potiainen'],
    ['Amerika', 'Marokko'],
    ['Australien', 'Strelna'],
    ['Rumänien', 'Armenien'],
    ['Stefan', 'Stephanie'],
    ['Christian Ströbele', 'Christine Strobl'],
  ];
  for (const [a, b] of apart) {
    assert.equal(nameKey(a as string), nameKey(b as string), `${a} and ${b} share their consonants`);
    assert.notEqual(syllableKey(a as string), syllableKey(b as string), `${a} / ${b}`);
  }
});

test('GermEval chunks: I- continues its own type only; strict outer-chunk F1', () => {
  assert.deepEqual(chunksOf(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-LOCderiv']), [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
    { start: 4, end: 5, type: 'LOCderiv' },
  ]);
  const gold = [{ line: 1, forms: ['Angela', 'Merkel', 'in', 'Berlin'], labels: ['B-PER', 'I-PER', 'O', 'B-LOC'] }];
  const s = scoreNer(gold, [['B-PER', 'O', 'O', 'B-LOC']]);
  assert.equal(s.correct, 1);
  assert.equal(s.predicted, 2);
  assert.equal(s.gold, 2);
  assert.ok(Math.abs(s.f1 - 50) < 1e-9);
});

test('actor dictionary: data files are well formed and answer the common cases', () => {
  for (const row of readLexiconRows('gazetteer/de/countries.tsv')) {
    assert.match(row[0] as string, /^[A-Z]{3}$/, `ISO alpha-3 code: ${row.join(' ')}`);
    // Demonyms and seats of power may be empty ("Nassau" or "Georgetown" as actors would mislead).
    assert.ok(row.length >= 3 && row.length <= 5, `three to five columns: ${row[0]}`);
  }
  // CAMEO's sector codes used in roles.tsv ("-": ends in a role but is none).
  const sectors = new Set('GOV OPP LEG MIL COP JUD MED CVL LAB BUS REB SPY REL INS CRM NGO EDU HLH -'.split(' '));
  for (const row of readLexiconRows('actors/de/roles.tsv')) assert.ok(sectors.has(row[1] as string), row.join(' '));
  const d = actorDictionary();
  assert.equal(roleSectorOf('Bundesrichter', d), 'JUD');
  assert.equal(roleSectorOf('Fußballschiedsrichter', d), null);
  assert.equal(roleSectorOf('Schiedsrichters', d), null);
  assert.equal(d.countryByName.get('weißrussland'), 'BLR');
  assert.equal(d.countryByAdjective.get('belarussischen'), 'BLR');
  assert.equal(d.countryByAdjective.get('polnische'), 'POL');
  assert.equal(d.seatOfPower.get('kreml'), 'RUS');
  // Every sovereign state, not only the ones news from Europe names most.
  assert.equal(d.countryByName.get('bolivien'), 'BOL');
  assert.equal(d.countryByAdjective.get('neuseeländische'), 'NZL');
  assert.equal(d.countryByName.get('elfenbeinküste'), 'CIV');
  assert.equal(countryOfPrefix('US-Außenminister', d), 'USA');
  assert.equal(roleSectorOf('Oppositionspolitikerin', d), 'OPP');
  assert.equal(roleSectorOf('Bereitschaftspolizei', d), 'COP');
  assert.equal(roleSectorOf('Spezialeinsatzkommando', d), 'COP');
  assert.equal(roleSectorOf('Selbstmordattentäter', d), 'INS');
  assert.equal(roleSectorOf('Mönche', d), 'REL');
  assert.equal(roleSectorOf('Oppositionsanhänger', d), 'OPP');
  assert.equal(roleSectorOf('Geiselnehmer', d), 'CRM');
  // The -s of plurals and genitives the list does not spell out.
  assert.equal(roleSectorOf('Regierungschefs', d), 'GOV');
  assert.equal(roleSectorOf('Bundeskanzlers', d), 'GOV');
  assert.equal(d.organisation.get('osze')?.kind, 'IGO');
  // An organisation opening with a strong adjective, after an article: "das Europäische Parlament".
  assert.equal(d.organisation.get('europäische parlament')?.code, 'EUR');
  assert.equal(d.organisation.get('auswärtigen amt')?.code, d.organisation.get('auswärtiges amt')?.code);
  // Parliaments are legislatures.
  assert.equal(roleSectorOf('Parlament', d), 'LEG');
  assert.equal(roleSectorOf('Landtags', d), 'LEG');
});

test('geocoding: German exonyms, and ambiguous names go to the article’s country', () => {
  const places = loadPlaces();
  const warschau = places.resolve('Warschau', new Set());
  assert.equal(warschau?.country, 'POL');
  assert.equal(warschau?.id, 'geonames:756135');
  // Brest is a French and a Belarusian city: the article's country decides.
  assert.equal(places.resolve('Brest', new Set(['BLR']))?.country, 'BLR');
  assert.equal(places.resolve('Brest', new Set(['FRA']))?.country, 'FRA');
});

test('entities stage: mentions grouped by name, canonical full name, actor codes and places', () => {
  const text =
    'Maas besucht Kiew\n\n' +
    'Der deutsche Außenminister Heiko Maas ist am Montag in Kiew mit dem ukrainischen Präsidenten ' +
    'Wolodymyr Selenskyj zusammengetroffen. Maas sagte, Deutschland stehe an der Seite der Ukraine. ' +
    'Selenskyj dankte auch der Europäischen Union für ihre Hilfe. Die EU hatte weitere Mittel zugesagt.';
  const doc = analyzeDocument(textDocument(text, 'test'));
  const byName = new Map(doc.entities.map((e) => [e.name, e]));
  const maas = byName.get('Heiko Maas');
  assert.ok(maas, JSON.stringify(doc.entities.map((e) => e.name)));
  assert.equal(maas.type, 'PER');
  assert.ok(maas.mentions.filter((m) => m.text === 'Maas').length >= 2, 'the surname alone joins the full name');
  assert.equal(maas.actor?.code, 'DEUGOV');
  assert.equal(byName.get('Wolodymyr Selenskyj')?.actor?.code, 'UKRGOV');
  const kiew = byName.get('Kiew');
  assert.equal(kiew?.place?.country, 'UKR');
  assert.ok(kiew?.place?.lat && kiew.place.lat > 50 && kiew.place.lat < 51);
  const eu = doc.entities.find((e) => e.actor?.code === 'EUR');
  assert.ok(eu && eu.mentions.length === 2, 'Europäische Union and EU are one entity');
  for (const e of doc.entities) for (const m of e.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test('persons dictionary: the code a listed person had at the time, by full name or a distinctive surname', () => {
  const d = actorDictionary();
  for (const row of readLexiconRows('actors/de/persons.tsv')) {
    assert.match(row[1] as string, /^[A-Z]{3}([A-Z]{3})?$/, `CAMEO code: ${row.join(' ')}`);
    assert.match(row[2] as string, /^\d{4}$/, `from year: ${row.join(' ')}`);
    assert.ok(!row[3] || Number(row[3]) >= Number(row[2]), `to year: ${row.join(' ')}`);
  }
  assert.equal(personActorOf('Angela Merkel', 2010, d)?.code, 'DEUGOV');
  assert.equal(personActorOf('Merkel', 2010, d)?.code, 'DEUGOV', 'a distinctive surname alone');
  assert.equal(personActorOf('Angela Merkel', 1995, d), null, 'not yet in office');
  assert.equal(personActorOf('Lukashenko', 2020, d)?.code, 'BLRGOV', 'a transliteration');
  assert.deepEqual(personActorOf('Ursula von der Leyen', 2021, d), { code: 'EUR', country: 'EUR', sector: 'IGO' });
  assert.equal(personActorOf('Ursula von der Leyen', 2010, d)?.code, 'DEUGOV');
  assert.equal(personActorOf('Fischer', 2000, d), null, 'a common surname alone is not enough');
  assert.equal(personActorOf('Donald Trump', null, d)?.code, 'USAGOV', 'without a date, the latest entry');
  // The key folds vowels away; a surname must also be about as long and start alike, and a full name with
  // another first name is another person.
  assert.equal(personActorOf('Potiainen', 2009, d), null, 'no Putin');
  assert.equal(personActorOf('Tanja Potiainen', 2009, d), null);
  assert.equal(personActorOf('Maria Putin', 2009, d), null, 'another first name, another person');
  assert.equal(personActorOf('Wladimir W. Putin', 2009, d)?.code, 'RUSGOV', 'initials do not hide the surname');
  const doc = analyzeDocument({ ...textDocument('Putin sprach am Telefon mit Merkel.', 't'), published: '2015-03-01' });
  assert.equal(doc.entities.find((e) => e.name === 'Putin')?.actor?.code, 'RUSGOV');
});

test('capitals under their German names are places; a dictionary name decides its type and code', () => {
  for (const [name, id] of [
    ['Addis Abeba', 'geonames:344979'],
    ['Wien', 'geonames:2761369'],
    ['Taschkent', 'geonames:1512569'],
  ] as const) {
    assert.equal(loadPlaces().candidates(name.toLowerCase())[0]?.id, id, name);
  }
  const doc = analyzeDocument(
    textDocument('Gipfel\n\nIn Addis Abeba trafen sich die G8. Die Bundeswehr schickte Soldaten nach Wien.'),
    { published: '2020-08-15' },
  );
  const byName = new Map(doc.entities.map((e) => [e.name, e]));
  assert.equal(byName.get('Addis Abeba')?.type, 'LOC');
  assert.equal(byName.get('Addis Abeba')?.place?.country, 'ETH');
  assert.equal(byName.get('G8')?.type, 'ORG');
  assert.equal(byName.get('G8')?.actor?.sector, 'IGO');
  assert.equal(byName.get('Bundeswehr')?.actor?.code, 'DEUMIL');
  assert.equal(byName.get('Wien')?.place?.country, 'AUT');
});

test("a second surname the tagger left out belongs to the name; an armed group takes the article's country", () => {
  const doc = analyzeDocument(
    textDocument(
      'Streik\n\nLaut Innenminister Alfredo Pérez Rubalcaba werden die Fluglotsen dem Militärrecht unterstellt.',
    ),
    { published: '2010-12-04' },
  );
  assert.ok(doc.entities.some((e) => e.type === 'PER' && e.name === 'Alfredo Pérez Rubalcaba'));
  const attack = analyzeDocument(
    textDocument(
      'Anschlag\n\nIn Pakistan griffen die Taliban einen Stützpunkt in Quetta an. Pakistan verurteilte den Angriff.',
    ),
    { published: '2011-09-08' },
  );
  assert.equal(attack.entities.find((e) => e.name === 'Taliban')?.actor?.code, 'PAKINS');
});

test('a surname seen in a full name is that person wherever it stands again', () => {
  const doc = analyzeDocument(
    textDocument(
      'Vortrag\n\nDer Physiker Sebastian Pflugbeil sprach in Bremen. Pflugbeil hatte schon 1986 eine Studie geleitet. Pflugbeil war mehrmals in Japan.',
    ),
    { published: '2014-01-10' },
  );
  const person = doc.entities.find((e) => e.name === 'Sebastian Pflugbeil');
  assert.equal(person?.mentions.length, 3);
  // Also in the genitive: "Hölzls Marke".
  const race = analyzeDocument(
    textDocument('Slalom\n\nKathrin Hölzl fuhr die beste Zeit. Erst Sandra Gini verbesserte Hölzls Marke.'),
    { published: '2009-02-14' },
  );
  assert.equal(race.entities.find((e) => e.name === 'Kathrin Hölzl')?.mentions.length, 2);
  assert.ok(!race.entities.some((e) => e.name === 'Hölzls'));
});

test('a quoted name after an organisation noun is an organisation; "G8-Gipfel" is no person', () => {
  const doc = analyzeDocument(
    textDocument(
      'Wahl\n\nDie unabhängige Überwachungsgruppe „Honest People“ zählte die Stimmen. Zum G8-Gipfel kamen acht Staaten.',
    ),
    { published: '2020-08-15' },
  );
  assert.equal(doc.entities.find((e) => e.name === 'Honest People')?.type, 'ORG');
  // A compound of a dictionary organisation and a common head is never a person, whatever the tagger says.
  const summit = analyzeDocument(textDocument('G8-Gipfel: Nein zu Atomwaffen\n\nObama will einen Gipfel.'), {});
  assert.ok(!summit.entities.some((e) => e.type === 'PER' && e.name.startsWith('G8')));
});

test('"X Island" is an English island name, not Iceland; "der Inselstaat Island" and "Islands" after a noun are', () => {
  const doc = analyzeDocument(
    textDocument(
      'Er wurde auf Long Island erschossen. Das Tropical Island ist ein Freizeitpark. Der Inselstaat Island ' +
        'verhandelt mit der EU über den Beitritt Islands.',
      't',
    ),
  );
  const names = doc.entities.map((e) => `${e.name}|${e.type}|${e.actor?.code ?? '-'}`);
  assert.ok(names.includes('Long Island|LOC|-'), names.join(', '));
  assert.ok(names.includes('Tropical Island|LOC|-'), names.join(', '));
  const iceland = doc.entities.find((e) => e.actor?.code === 'ISL');
  assert.deepEqual(
    iceland?.mentions.map((m) => m.text),
    ['Island', 'Islands'],
  );
});

test('a listed name of several words is one entity, matched with its case', () => {
  const doc = analyzeDocument(
    textDocument('Anja Hajduk von Bündnis 90/Die Grünen kritisierte die Pläne. Er hob die linke Hand.'),
    { published: '2020-08-15' },
  );
  const names = doc.entities.map((e) => `${e.type}|${e.name}`);
  assert.ok(names.includes('ORG|Bündnis 90/Die Grünen'), names.join(', '));
  assert.ok(!names.some((n) => /Grünen$/.test(n) && n !== 'ORG|Bündnis 90/Die Grünen'), names.join(', '));
  assert.ok(!names.some((n) => /linke/i.test(n)), 'no party in "die linke Hand"');
  assert.deepEqual(
    doc.events.filter((v) => v.type === 'COOPERATE'),
    [],
    'the party is no alliance',
  );
});

test('a time zone after a clock time is no organisation', () => {
  const doc = analyzeDocument(textDocument('Die Raumfähre landete um 10:46 Uhr MESZ in Florida, um 8:46 Uhr UTC.'), {
    published: null,
  });
  assert.deepEqual(
    doc.entities.flatMap((e) => e.mentions.map((m) => m.text)).filter((t) => /^(MESZ|UTC)$/.test(t)),
    [],
  );
  assert.ok(doc.entities.some((e) => e.name === 'Florida'));
});

test('a country in the genitive gives a person with a role its country', () => {
  const doc = analyzeDocument(
    textDocument(
      'Der Anschlag in Paris wurde verurteilt. Boliviens Präsident Evo Morales sprach von Schuld. Der Oberrabbiner Israels, Yona Metzger, schwieg.',
    ),
    { published: null },
  );
  const code = (name: string): string | undefined => doc.entities.find((e) => e.name === name)?.actor?.code;
  assert.equal(code('Evo Morales'), 'BOLGOV');
  assert.equal(code('Yona Metzger'), 'ISRREL');
});

test('a surname alone that the tagger took for a place is the person named before in full', () => {
  const doc = analyzeDocument(
    textDocument(
      'Am Samstag wurde in Kairo eine Kundgebung von Gegnern des ägyptischen Präsidenten Muhammad Husni Mubarak gewaltsam beendet. Mubarak, der seit 1981 in Ägypten regiert, will erneut kandidieren. Die Opposition will gegen eine fünfte Amtszeit von Mubarak demonstrieren.',
    ),
    { published: null },
  );
  const mubarak = doc.entities.find((e) => e.name === 'Muhammad Husni Mubarak');
  assert.equal(mubarak?.type, 'PER');
  assert.equal(mubarak?.mentions.length, 3, JSON.stringify(doc.entities.map((e) => [e.type, e.name])));
  // A place keeps its type: "Ägypten" is no one's surname.
  assert.equal(doc.entities.find((e) => e.name === 'Ägypten')?.type, 'LOC');
  // Hyphenated first names are first names too.
  const guttenberg = analyzeDocument(
    textDocument(
      'Verteidigungsminister Karl-Theodor zu Guttenberg besuchte die Truppe. Guttenberg sagte, die Lage sei ernst. Später reiste Guttenberg nach Kabul.',
    ),
    { published: null },
  ).entities.find((e) => e.name === 'Karl-Theodor zu Guttenberg');
  assert.equal(guttenberg?.mentions.length, 3);
});

test('names with a nobiliary particle are one person; "vom" and an organisation after "von" are not', () => {
  const names = (text: string): string[][] =>
    analyzeDocument(textDocument(text), { published: null }).entities.map((e) => [
      e.type,
      e.name,
      ...e.mentions.map((m) => m.text),
    ]);
  assert.deepEqual(
    names(
      'Karl-Theodor zu Guttenberg warf der Linken Lügen vor. Ursula von der Leyen sprach mit Richard von Weizsäcker. Claus Schenk Graf von Stauffenberg verübte das Attentat.',
    ).filter((e) => e[0] === 'PER'),
    [
      ['PER', 'Karl-Theodor zu Guttenberg', 'Karl-Theodor zu Guttenberg'],
      ['PER', 'Ursula von der Leyen', 'Ursula von der Leyen'],
      ['PER', 'Richard von Weizsäcker', 'Richard von Weizsäcker'],
      ['PER', 'Claus Schenk Graf von Stauffenberg', 'Claus Schenk Graf von Stauffenberg'],
    ],
  );
  // The surname alone with its particle is the same person.
  assert.deepEqual(
    names('Bundesarbeitsministerin Ursula von der Leyen sprach in Berlin. Von der Leyen betonte die Lage.')[0],
    ['PER', 'Ursula von der Leyen', 'Ursula von der Leyen', 'Von der Leyen'],
  );
  // Where someone works or comes from is no part of the name.
  const merkel = names('Merkel von der CDU schwieg. Petra Pau von der Linksfraktion sprach mit Jody Hey vom Institut.');
  assert.ok(merkel.some((e) => e[1] === 'Merkel'));
  assert.ok(merkel.some((e) => e[1] === 'Petra Pau'));
  assert.ok(!merkel.some((e) => e[1]?.includes('von der Linksfraktion') || e[1]?.includes('vom')));
});

test('a quoted title after a word for a work is a work; a role before a name is no person of its own', () => {
  const doc = analyzeDocument(
    textDocument(
      'In ihrem Roman „Atemschaukel“ wird das Exil geschildert. Das sei eine neue Ära, erklärte Projektkoordinator Andreas Grassauer.',
    ),
    { published: null },
  );
  assert.deepEqual(
    doc.entities.map((e) => `${e.type} ${e.name}`),
    ['MISC Atemschaukel', 'PER Andreas Grassauer'],
  );
  assert.equal(doc.quotes[0]?.speaker?.text, 'Projektkoordinator Andreas Grassauer');
});

test('a first name the tagger ended a person at takes the surname after it, where that ends the phrase', () => {
  const persons = (text: string): string[] =>
    analyzeDocument(textDocument(text), { published: null })
      .entities.filter((e) => e.type === 'PER')
      .map((e) => e.name);
  assert.deepEqual(persons('Darunter war der ehemalige Bundesinnenminister Gerhart Baum.'), ['Gerhart Baum']);
  assert.deepEqual(persons('Außenminister Frank-Walter Steinmeier sagte das.'), ['Frank-Walter Steinmeier']);
  // An object after a name and its role is no surname; nor is a word a preposition goes on with.
  assert.deepEqual(persons('Am Montag kündigte Kanzlerin Merkel Reformen an.'), ['Merkel']);
  assert.ok(!persons('Gestern hatte Rita Kurs auf Texas genommen.').includes('Rita Kurs'));
});

test('a role "von" a place gives the person that place\'s country', () => {
  const actorOf = (text: string, name: string): string | undefined =>
    analyzeDocument(textDocument(text), { published: null }).entities.find((e) => e.name === name)?.actor?.code;
  assert.equal(actorOf('Der Bürgermeister von Paris, Bertrand Delanoë, sagte das.', 'Bertrand Delanoë'), 'FRAGOV');
});

test('storms are no persons, an IGO before a hyphen is its own mention, a role stops at a preposition', () => {
  const doc = analyzeDocument(
    textDocument(
      'Hurrikan Katrina traf New Orleans. Die Soldaten seien in UN-Fahrzeugen transportiert worden. ' +
        'Dann fuhr der Arzt ins Krankenhaus zu Reinke. Die Regierung von Ali Larajedh will Reformen.',
      'test',
    ),
  );
  const byName = new Map(doc.entities.map((e) => [e.name, e]));
  assert.equal(byName.get('Katrina')?.type, 'MISC');
  const un = doc.entities.find((e) => e.mentions.some((m) => m.text === 'UN'));
  assert.equal(un?.actor?.code, 'UNO');
  assert.ok(!doc.entities.some((e) => e.name === 'UN-Fahrzeugen'));
  const reinke = doc.entities.find((e) => e.mentions.some((m) => m.text === 'Reinke'));
  assert.equal(reinke?.actor ?? null, null, 'the hospital is not his role');
  const larajedh = doc.entities.find((e) => e.name === 'Ali Larajedh');
  assert.equal(larajedh?.actor?.sector, 'GOV', '"die Regierung von X" still names his role');
});

test('a role word the tagger took into a name is the role: "General Sonthi" is Sonthi, of the military', () => {
  const doc = analyzeDocument(
    textDocument(
      'Der thailändische Armeechef hat geputscht. In Bangkok erklärte General Sonthi, die Lage sei ruhig.',
      'test',
    ),
  );
  const sonthi = doc.entities.find((e) => e.mentions.some((m) => m.text.endsWith('Sonthi')));
  assert.equal(sonthi?.name, 'Sonthi');
  assert.equal(sonthi?.actor?.sector, 'MIL');
});

test("a country's people the tagger took for a place are no place: they say the country", () => {
  const doc = analyzeDocument(
    textDocument(
      'Erst am 19. Dezember hatten hunderte Osttimoresen vor einem Regierungsgebäude in Dili protestiert.',
      'test',
    ),
  );
  assert.ok(!doc.entities.some((e) => e.name === 'Osttimoresen'), JSON.stringify(doc.entities.map((e) => e.name)));
});

test('a country goes by its one German name in any form, also where the tagger called it an organisation', () => {
  const doc = analyzeDocument(
    textDocument(
      'Bemba wird von der Demokratischen Republik Kongo wegen Hochverrats gesucht. Die Regierung der Russischen Föderation schwieg. Russland lehnte ab.',
    ),
    { published: '2020-08-15' },
  );
  const congo = doc.entities.find((e) => e.mentions.some((m) => m.text.includes('Demokratischen Republik Kongo')));
  assert.equal(congo?.type, 'LOC');
  assert.equal(congo?.actor?.code, 'COD');
  const russia = doc.entities.filter((e) => e.actor?.code === 'RUS');
  assert.equal(russia.length, 1);
  assert.equal(russia[0]?.name, 'Russland');
  assert.equal(russia[0]?.mentions.length, 2);
});

test('parties, courts and agencies have their codes, one entity each; a double surname stays whole', () => {
  const doc = analyzeDocument(
    textDocument(
      'Die SPD und die CDU stritten. Das Bundesverfassungsgericht entschied, die UNESCO lobte. SPD-Politikerin Heidemarie Wieczorek-Zeul trat zurück.',
    ),
    { published: '2020-08-15' },
  );
  const code = (name: string): string | undefined => doc.entities.find((e) => e.name === name)?.actor?.code;
  assert.equal(code('SPD'), 'DEUPTY');
  assert.equal(code('CDU'), 'DEUPTY');
  assert.notEqual(
    doc.entities.find((e) => e.name === 'SPD'),
    doc.entities.find((e) => e.name === 'CDU'),
  );
  assert.equal(code('Bundesverfassungsgericht'), 'DEUJUD');
  assert.equal(code('UNESCO'), 'UNO');
  assert.ok(doc.entities.some((e) => e.type === 'PER' && e.name === 'Heidemarie Wieczorek-Zeul'));
  for (const { line, cells } of readLexiconLines('gazetteer/de/organisations.tsv'))
    assert.ok(/^[A-Z]{3}([A-Z]{3})?$/.test(cells[1] ?? ''), `organisations.tsv:${line}: code`);
});

test('a role word right before a name is its title, not a second person', () => {
  const doc = analyzeDocument(
    textDocument('Die Urteile seien nicht vereinbar, sagte Richter Hisashi Owada in der Urteilsbegründung.'),
    { published: '2020-08-15' },
  );
  assert.deepEqual(
    doc.entities.filter((e) => e.type === 'PER').map((e) => e.name),
    ['Hisashi Owada'],
  );
});

test('a state in the genitive is a place, and a role after it takes its country', () => {
  const doc = analyzeDocument(
    textDocument('Brandenburgs Wirtschaftsminister Ulrich Junghanns hat den Hersteller in Kalifornien besucht.'),
    { published: '2020-08-15' },
  );
  const state = doc.entities.find((e) => e.name === 'Brandenburg');
  assert.equal(state?.type, 'LOC');
  assert.equal(state?.place?.country, 'DEU');
  assert.equal(doc.entities.find((e) => e.name === 'Ulrich Junghanns')?.actor?.code, 'DEUGOV');
  assert.equal(doc.entities.find((e) => e.name === 'Kalifornien')?.place?.country, 'USA');
});

test('an organisation named short after its full name is one entity; a listed one keeps its own', () => {
  const doc = analyzeDocument(
    textDocument('Die Siemens AG baut Stellen ab. Siemens will damit sparen. Die SPD kritisierte Siemens scharf.'),
    { published: '2020-08-15' },
  );
  const siemens = doc.entities.filter((e) => e.name.startsWith('Siemens'));
  assert.equal(siemens.length, 1);
  assert.equal(siemens[0]?.mentions.length, 3);
  assert.equal(doc.entities.find((e) => e.name === 'SPD')?.actor?.code, 'DEUPTY');
});
