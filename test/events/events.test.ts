import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { explainEvents } from '../../src/events/explain.js';
import type { Event } from '../../src/document.js';

function events(text: string): Event[] {
  return analyzeDocument(textDocument(text), { published: '2020-08-15' }).events;
}

/** The target text of the event a text codes at trigger word `trigger`. */
function targetAt(text: string, trigger: string): string | undefined {
  return events(text).find((e) => e.trigger.text === trigger)?.target?.text;
}

/** Events of a text as "TYPE|trigger". */
function types(text: string): string[] {
  return events(text).map((v) => `${v.type}|${v.trigger.text}`);
}

/** Events of a text as "TYPE|trigger|source actor|modality". */
function coded(text: string): string[] {
  return events(text).map((v) => `${v.type}|${v.trigger.text}|${v.source?.actor ?? '-'}|${v.modality}`);
}

test('separable verbs are coded with their particle, in main and coordinated clauses', () => {
  assert.deepEqual(coded('Die Regierung lehnte den Vorschlag ab.'), ['REJECT|lehnte|GOV|asserted']);
  const headline = events(
    'Der belarussische Staatschef fordert Putin auf, die Zusammenarbeit zu bekräftigen, und lehnt ausländische Vermittlungsangebote ab',
  );
  assert.deepEqual(
    headline.map((v) => `${v.type}|${v.trigger.lemma}|${v.source?.actor}`),
    ['REQUEST|auffordern|BLRGOV', 'REJECT|ablehnen|BLRGOV'],
  );
  // "vorschlagen" is not "schlagen": a particle the lexicon does not know leaves no event.
  assert.deepEqual(
    coded('Der Minister schlug einen Kompromiss vor.').filter((v) => v.startsWith('ASSAULT')),
    [],
  );
});

test('"sein" with a verb whose perfect takes it is no passive, whatever the parse made of it', () => {
  const [resign] = events(
    'Unmittelbar nach dem Bekanntwerden des Leichenfundes war die damalige Sozialsenatorin Karin Röpke von ihrem Amt zurückgetreten.',
  );
  assert.equal(resign?.type, 'RETREAT');
  assert.equal(resign?.source?.text, 'die damalige Sozialsenatorin Karin Röpke');
  assert.equal(resign?.target, null);
});

test('a "von" agent the parse hung on the passive subject, also of people and before a phrase of its own', () => {
  const [attack] = events('Dabei wurden die Demonstranten von Männern in Zivilkleidung angegriffen.');
  assert.equal(attack?.target?.text, 'die Demonstranten');
  assert.equal(attack?.source?.text, 'Männern');
  // A name stays the subject's: members of Greenpeace were arrested, not by Greenpeace.
  const [arrest] = events('In Hamburg wurden Mitglieder von Greenpeace festgenommen.');
  assert.notEqual(arrest?.source?.text, 'Greenpeace');
  // "Viele von ihnen" counts the victims; it is no agent.
  assert.equal(events('Viele von ihnen wurden erschossen.')[0]?.source, null);
  // An accusation's genitive crime is what is alleged, not who accuses; its genitive person accuses.
  assert.equal(events('Der Vorwurf der Untreue wurde fallengelassen.')[0]?.source, null);
  assert.equal(events('Die Vorwürfe der Opposition wurden zurückgewiesen.')[0]?.source?.text, 'der Opposition');
  // An attack with words: "scharf angegriffen" is criticism, an attack without such an adverb is one.
  assert.deepEqual(types('Der Betriebsrat hat die Kommission scharf angegriffen.'), ['ACCUSE|angegriffen']);
  assert.deepEqual(types('Die Armee griff die Stellungen der Rebellen an.'), ['ASSAULT|griff']);
  // What one's convictions are hurt by is no attack.
  assert.deepEqual(types('Das Buch verletze religiöse Überzeugungen.'), []);
});

test('passives: the "von" agent is the source, the subject the target; an unnamed agent comes from the lexicon', () => {
  const [arrest] = events('Am Freitag wurden in Minsk Demonstranten von der belarussischen Polizei festgenommen.');
  assert.equal(arrest?.type, 'COERCE');
  assert.equal(arrest?.mode, 'arrest');
  assert.equal(arrest?.source?.actor, 'BLRCOP');
  assert.equal(arrest?.target?.text, 'Demonstranten');
  const [implicit] = events('In Belarus wurden 6.700 Menschen festgenommen.');
  assert.equal(implicit?.source?.text, '');
  assert.equal(implicit?.source?.actor, 'BLRCOP');
});

test('a time phrase with "am" is no target; an "an"-phrase can be', () => {
  const [sanction] = events('Die EU verhängte am Freitag Sanktionen gegen Belarus.');
  assert.equal(sanction?.type, 'SANCTION');
  assert.equal(sanction?.target?.text, 'Belarus');
});

test('a subject after the verb that the parse took for its object is the source where nothing else can be', () => {
  // "demonstrieren" with an object is no protest ("Unterstützung demonstrieren"): the plural noun agreeing
  // with the verb, in a clause without a subject, is its subject.
  const [march] = events('In Berlin demonstrierten am Samstag 10.000 Menschen.');
  assert.equal(march?.type, 'PROTEST');
  assert.equal(march?.source?.text, '10.000 Menschen');
  // Also in the perfect, where the auxiliary agrees, and past a span of time the parse took for the subject.
  const [storm] = events('Einen Tag zuvor hatten Mitglieder der Bande mehrere Polizeiwachen gestürmt.');
  // (A genitive's phrase ends at its noun, unless a name follows: not "der Bande mehrere Polizeiwachen".)
  assert.equal(storm?.source?.text, 'Mitglieder der Bande');
  assert.equal(storm?.target?.text, 'mehrere Polizeiwachen');
  const [call] = events('Die Europäische Union hat die Regierung von Myanmar aufgefordert, die Grenzen zu öffnen.');
  assert.equal(call?.target?.text, 'die Regierung von Myanmar');
  // A clause with a subject keeps its object.
  const [arrest] = events('Die Polizisten nahmen den Mann fest.');
  assert.equal(arrest?.source?.text, 'Die Polizisten');
  assert.equal(arrest?.target?.text, 'den Mann');
});

test('"…, bei der Soldaten … abgegeben haben": "der" before a plural noun after a preposition is a relative pronoun', () => {
  const shots = events(
    'Es geht um eine Demonstration, bei der Soldaten laut Reuters Warnschüsse abgegeben und Mönche geschlagen haben.',
  ).filter((v) => v.type === 'ASSAULT');
  assert.deepEqual(
    shots.map((v) => v.source?.text),
    ['der Soldaten', 'der Soldaten'],
  );
});

test('a relative pronoun subject stands for its noun, also after the verb cluster; an article is no pronoun', () => {
  const source = (text: string, trigger: string): string | undefined =>
    events(text).find((v) => v.trigger.text === trigger)?.source?.text;
  assert.equal(source('Der Minister, der den Vorschlag ablehnte, trat zurück.', 'ablehnte'), 'Der Minister');
  assert.equal(source('Der Richter, der den Angeklagten verurteilte, war streng.', 'verurteilte'), 'Der Richter');
  // Moved behind the verb's particle, the clause still belongs to the noun before it.
  assert.equal(
    source('Die Polizei nahm den Mann fest, der den Vertrag unterschrieben hatte.', 'unterschrieben'),
    'den Mann',
  );
  // "der Partei" after a comma is an article and its noun, not a relative clause about "Sonntag": who joins
  // is the subject of "beschloss" (or, where the parse leaves the infinitive on "Sonntag", no one).
  assert.ok(['Sie', undefined].includes(source('Sie beschloss am Sonntag, der Partei beizutreten.', 'beizutreten')));
});

test('"Ziel ist es, … zu": the goal is no source; two names side by side are two arguments', () => {
  const [leisten] = events('Ziel war es, Widerstand gegen den Staat zu leisten.');
  assert.equal(leisten?.source, null);
  // Parsed with the infinitive as a copular predicate ("Ziel" its nsubj), and sein + zu.
  const destroy = events('Ziel der Offensive sei es, die Stellungen der Rebellen zu zerstören, sagte ein Sprecher.');
  assert.equal(destroy.find((v) => v.trigger.text === 'zerstören')?.source, null);
  assert.equal(events('Bislang sind mindestens 36 Todesopfer zu beklagen.')[0]?.source ?? null, null);
  // A purpose clause keeps the main clause's subject.
  const fight = events('Die Soldaten waren auf dem Weg in den Süden, um gegen die Rebellen zu kämpfen.');
  assert.equal(fight.find((v) => v.trigger.text === 'kämpfen')?.source?.text, 'Die Soldaten');
  // "um … zu" takes the subject of its clause, unless that clause is passive.
  const demand = events('Am Samstag versammelten sich Demonstranten auf dem Platz, um eine Veränderung zu fordern.');
  assert.equal(demand.find((v) => v.type === 'REQUEST')?.source?.text, 'Demonstranten');
  const checked = events('Alle Leitungen wurden geprüft, um weitere Verunreinigungen auszuschließen.');
  assert.equal(checked.find((v) => v.trigger.text === 'auszuschließen')?.source?.text ?? null, null);
  const sanction = events('Er sagte nicht, ob die USA Minsk Sanktionen auferlegen würden.').find(
    (v) => v.type === 'SANCTION',
  );
  assert.equal(sanction?.source?.text, 'die USA');
});

test('participles coordinated under one passive auxiliary are all passive: their subject is no source', () => {
  const coordinated = events('Die Frau war von mehreren Männern entführt und vergewaltigt worden.');
  assert.deepEqual(
    coordinated.map((v) => `${v.trigger.text}|${v.source?.text}`),
    ['entführt|mehreren Männern', 'vergewaltigt|mehreren Männern'],
  );
});

test('modality: negated, planned, hypothetical, alleged', () => {
  assert.deepEqual(coded('Die Regierung lehnte den Vorschlag nicht ab.'), ['REJECT|lehnte|GOV|negated']);
  assert.deepEqual(coded('Die Polizei verhängte keine Ausgangssperre.'), ['COERCE|Ausgangssperre|COP|negated']);
  assert.deepEqual(coded('Die EU will neue Sanktionen gegen Russland verhängen.'), ['SANCTION|Sanktionen|EUR|planned']);
  assert.deepEqual(coded('Die EU arbeitet an zusätzlichen Sanktionen.'), ['SANCTION|Sanktionen|EUR|planned']);
  assert.deepEqual(
    events('Er antwortete nicht auf Fragen, ob die USA Sanktionen auferlegen würden.')
      .filter((v) => v.type === 'SANCTION')
      .map((v) => v.modality),
    ['hypothetical'],
  );
  assert.deepEqual(coded('Einige Demonstranten behaupteten, sie seien von Polizisten geschlagen worden.'), [
    'ASSAULT|geschlagen|COP|alleged',
  ]);
  assert.deepEqual(coded('Der Journalist soll geschlagen worden sein.'), ['ASSAULT|geschlagen|-|alleged']);
});

test('what is only demanded or refused is not coded as an event of its own', () => {
  assert.deepEqual(coded('Die Opposition forderte die Regierung auf, die Gefangenen freizulassen.'), [
    'REQUEST|forderte|OPP|asserted',
  ]);
  assert.deepEqual(coded('Die Regierung lehnte eine ausländische Vermittlung ab.'), ['REJECT|lehnte|GOV|asserted']);
  // Casualties are not demands.
  assert.deepEqual(coded('Der Angriff auf das Dorf forderte zwölf Tote.'), ['ASSAULT|Angriff|-|asserted']);
  // In the passive, what is demanded or threatened is the subject; what is refused still exists.
  assert.deepEqual(
    events('Die Freilassung der Gefangenen wurde gefordert.').map((v) => v.type),
    ['REQUEST'],
  );
  assert.deepEqual(
    events('Die Klage wurde vom Gericht abgewiesen.').map((v) => v.type),
    ['ACCUSE', 'REJECT'],
  );
});

test('noun + verb pairs decide the type; support verbs lend the noun their subject', () => {
  assert.deepEqual(coded('Die EU hob die Sanktionen gegen Iran auf.'), ['CONCEDE|Sanktionen|EUR|asserted']);
  assert.deepEqual(coded('Die Opposition übte scharfe Kritik an der Regierung.'), ['ACCUSE|Kritik|OPP|asserted']);
  const [sanction] = events('Die Europäische Union verhängte Sanktionen gegen Belarus.');
  assert.equal(sanction?.source?.actor, 'EUR');
  assert.equal(sanction?.target?.actor, 'BLR');
});

test('place, time and counted quantities attach to their event', () => {
  const doc = analyzeDocument(textDocument('Tausende protestierten am Freitag in Minsk gegen die Regierung.'), {
    published: '2020-08-15',
  });
  const [protest] = doc.events;
  assert.equal(protest?.type, 'PROTEST');
  assert.equal(protest?.time?.value, '2020-08-14');
  assert.equal(protest?.place?.text, 'Minsk');
  assert.equal(protest?.source?.actor, 'BLRCVL');
  const arrests = analyzeDocument(textDocument('Die Polizei in Belarus nahm 300 Menschen fest.'), {
    published: '2020-08-15',
  });
  assert.equal(arrests.quantities[0]?.event, arrests.events[0]?.id);
});

test('one event told twice is one event with two mentions; different times stay apart', () => {
  const told = events(
    'Lukaschenko lehnt Vermittlung ab. Lukaschenko lehnte am Samstag eine ausländische Vermittlung ab.',
  );
  assert.equal(told.length, 1);
  assert.equal(told[0]?.mentions.length, 2);
  assert.equal(told[0]?.time?.value, '2020-08-15');
  const two = events('Tausende protestierten am Freitag in Minsk. Tausende protestierten am Samstag in Minsk.');
  assert.equal(two.length, 2);
  // Soldiers who march are not protesters.
  assert.deepEqual(coded('Die Soldaten marschierten durch die Stadt.'), []);
});

test('--explain names the lexicon entry, the argument paths and the modality cue', () => {
  const doc = analyzeDocument(textDocument('Die EU will neue Sanktionen gegen Russland verhängen.'), {
    published: '2020-08-15',
  });
  const text = explainEvents(doc);
  assert.match(text, /V1 SANCTION "Sanktionen"/);
  assert.match(text, /light "Sanktion verhängen" → SANCTION, CAMEO 163 {2}\[data\/events\/de\/lexicon\.tsv:\d+\]/);
  assert.match(text, /source {4}Die EU = EUR {2}via verhängen -nsubj-> EU|source {4}Die EU = EUR {2}via .*EU/);
  assert.match(text, /modality {2}planned: will \(modal\)/);
});

test('scene phrases: "bei" names the news, a scene is not carried by the verb, two triggers in a sentence stay two', () => {
  assert.deepEqual(
    coded(
      'Bei Protesten kamen 22 Menschen ums Leben, als die Polizei das Feuer eröffnete und zehn Angreifer erschossen hat.',
    ),
    ['PROTEST|Protesten|CVL|asserted', 'ASSAULT|Feuer|COP|asserted', 'ASSAULT|erschossen|COP|asserted'],
  );
});

test('labels and charges are not events; a charge named first is the event told later', () => {
  assert.deepEqual(
    coded('Er ist wegen Völkermords, Kriegsverbrechen und Verbrechen gegen die Menschlichkeit angeklagt.'),
    ['ACCUSE|angeklagt|JUD|asserted'],
  );
  assert.deepEqual(coded('Das Gericht hat die Tat als Völkermord eingestuft.'), []);
  const told = events(
    'Er ist wegen des Massakers von Srebrenica angeklagt. Das Massaker wurde 1995 von Truppen verübt.',
  );
  const massacre = told.find((v) => v.type === 'ASSAULT');
  assert.equal(massacre?.trigger.text, 'Massakers');
  assert.equal(massacre?.source?.actor, 'MIL');
  assert.equal(told.length, 2);
});

test('voice: a perfect with "haben" is active, "sein" + participle of a transitive verb a state passive', () => {
  assert.deepEqual(coded('Bisher hat sich die Regierung nicht für die Vorfälle entschuldigt.'), [
    'SUPPORT|entschuldigt|GOV|negated',
  ]);
  const [charge] = events('Der General ist vor einem Gericht in Den Haag angeklagt.');
  assert.equal(charge?.target?.text, 'Der General');
  assert.equal(charge?.source?.text, '');
});

test('modality: coordinated perfect infinitives under "sollen", "wer"-clauses, failure, purposes', () => {
  assert.deepEqual(coded('Die Unruhestifter sollen Personen erstochen und Polizeiautos in Brand gesetzt haben.'), [
    'ASSAULT|erstochen|CVL|alleged',
    'ASSAULT|Brand|CVL|alleged',
  ]);
  assert.deepEqual(coded('Wer nicht zur Arbeit erscheint, macht sich der Befehlsverweigerung schuldig.'), [
    'REJECT|Befehlsverweigerung|-|hypothetical',
  ]);
  // What failed is negated, the obstacle is not; the target's country is not the source's.
  assert.deepEqual(coded('Zuletzt waren schärfere Sanktionen gegen Iran am Widerstand Russlands gescheitert.'), [
    'SANCTION|Sanktionen|-|negated',
    'REJECT|Widerstand|RUS|asserted',
  ]);
  // A purpose is as planned as the act it serves.
  assert.deepEqual(
    coded('Im nächsten Jahr sollen Staatschefs aus 30 Staaten teilnehmen, um ein gemeinsames Vorgehen zu vereinbaren.'),
    ['AGREE|vereinbaren|-|planned'],
  );
  assert.deepEqual(
    coded('Zehntausende marschierten in Minsk, um ihre Unterstützung zu demonstrieren.').map((v) => v.split('|')[3]),
    ['asserted', 'asserted'],
  );
});

test('sources the sentence leaves to the story: headline, a definite event noun, the scene, coordination', () => {
  const story = coded(
    'Pakistan: Tote bei Selbstmordattentat\n\nAm Mittwoch griffen zwei Selbstmordattentäter in Quetta das Haus eines Generals an. Bei dem Angriff wurden 24 Menschen getötet und 60 Weitere wurden verletzt.',
  );
  assert.deepEqual(story, [
    'ASSAULT|Selbstmordattentat|PAKINS|asserted',
    'ASSAULT|griffen|PAKINS|asserted',
    'ASSAULT|Angriff|PAKINS|asserted',
    'ASSAULT|getötet|PAKINS|asserted',
    'ASSAULT|verletzt|PAKINS|asserted',
  ]);
  // "sein" in "bei seinem Treffen" is the clause's subject; a scene is not what is warned of.
  const [meeting] = events('US-Präsident Obama hatte bei seinem Treffen mit Medwedew vor einem Wettrüsten gewarnt.');
  assert.equal(meeting?.type, 'CONSULT');
  assert.equal(meeting?.source?.actor, 'USAGOV');
  // So is the visitor of "bei einem Besuch in …", and the place visited is no source.
  const [visit] = events(
    'Der italienische Außenminister Massimo D’Alema hat bei einem Besuch in Bagdad den Abzug angekündigt.',
  );
  assert.equal(visit?.type, 'CONSULT');
  assert.equal(visit?.source?.text, 'Der italienische Außenminister Massimo D’Alema');
  assert.equal(visit?.source?.actor, 'ITAGOV');
});

test('a visit: a place in the genitive is what is visited, a person the visitor', () => {
  const [place] = events('Weiterhin steht ein Besuch des chinesischen Raumfahrtbahnhofs in Gansu auf dem Programm.');
  assert.equal(place?.source, null);
  assert.equal(place?.target?.text, 'des chinesischen Raumfahrtbahnhofs');
  const [person] = events('Der Besuch des französischen Präsidenten dauerte zwei Tage.');
  assert.equal(person?.source?.actor, 'FRAGOV');
  assert.equal(person?.target, null);
});

test('a name with a particle is one argument, and its country is no source', () => {
  const [work] = events('Sie wurde durch ihre Zusammenarbeit mit dem Filmemacher Theo van Gogh bekannt.');
  assert.equal(work?.type, 'COOPERATE');
  assert.equal(work?.target?.text, 'dem Filmemacher Theo van Gogh');
  assert.notEqual(work?.source?.actor, 'NLD');
});

test('"sich für/gegen … aussprechen": the phrase is what is endorsed or rejected; a reason is no target', () => {
  const [endorse] = events('Die Berliner SPD hat sich für einen Werteunterricht ausgesprochen.');
  assert.equal(endorse?.type, 'SUPPORT');
  assert.equal(endorse?.target?.text, 'einen Werteunterricht');
  const [reject] = events('Der Minister sprach sich gegen strengere Regeln aus.');
  assert.equal(reject?.type, 'REJECT');
  assert.equal(reject?.target?.text, 'strengere Regeln');
  assert.equal(events('Sie kündigte ihre Unterstützung für die Koalition auf.')[0]?.target?.text, 'die Koalition');
  // "auf" with the dative says where ("auf einem Treffen"), with the accusative at whom.
  const meeting = events('Die Minister haben sich auf einem Treffen in Innsbruck auf eine Mission geeinigt.');
  assert.equal(meeting.find((v) => v.type === 'AGREE')?.target?.text, 'eine Mission');
  // A meeting in a town is no act of its country.
  assert.equal(meeting.find((v) => v.type === 'CONSULT')?.source, null);
  const [shots] = events('Soldaten eröffneten auf der Straße das Feuer auf den Wagen.');
  assert.equal(shots?.target?.text, 'den Wagen');
  const [apology] = events('Die Regierung hat sich für die Vorfälle entschuldigt.');
  assert.equal(apology?.type, 'SUPPORT');
  assert.equal(apology?.target, null);
});

test('verb frames on the object: what is ended or seized decides the event', () => {
  assert.deepEqual(
    coded('Die Polizei beendete die Kundgebung gewaltsam.').filter((v) => v.startsWith('COERCE')),
    ['COERCE|beendete|COP|asserted'],
  );
  assert.deepEqual(coded('Der Minister beendete seine Rede.'), []);
  // Convening a committee is no call-up of troops (also where the lemma is spelt "Ausschuß").
  assert.ok(
    !types('Die Opposition berät über die Einberufung eines Untersuchungsausschusses.').includes(
      'MOBILIZE|Einberufung',
    ),
  );
  assert.deepEqual(coded('Die Regierung fasste einen Beschluss.'), []);
  assert.deepEqual(coded('Die Regierung machte die Opposition für die Gewalt verantwortlich.'), [
    'ACCUSE|verantwortlich|GOV|asserted',
  ]);
});

test('what a noun only supposes or aims at is not asserted; rules and rights are not assaulted', () => {
  assert.deepEqual(
    coded('Es gab Anzeichen dafür, dass sich die Polizisten gegen den Präsidenten wenden.').map((v) => v.split('|')[3]),
    ['hypothetical'],
  );
  assert.deepEqual(
    coded('Das gemeinsame Ziel ist es, das belarussische Volk dabei zu unterstützen.').map((v) => v.split('|')[3]),
    ['planned'],
  );
  assert.deepEqual(coded('Die Regierung hat die Souveränität des Nachbarlandes verletzt.'), []);
});

// A known parser error of the parser trained on 2026-12-04 (issue 4), kept as todo so that a parser that
// fixes it shows it: a bare plural after a temporal "am"-phrase ("am Freitag Demonstranten") is hung on
// the day (the tagger marks it dative), so the passive's subject is lost.
test(
  'a bare plural after "am Freitag" is the subject, not part of the day',
  { todo: 'the parser attaches "Demonstranten" to "Freitag" (issue 4)' },
  () => {
    const [arrest] = events('In Minsk wurden am Freitag Demonstranten von der belarussischen Polizei festgenommen.');
    assert.equal(arrest?.source?.actor, 'BLRCOP');
    assert.equal(arrest?.target?.text, 'Demonstranten');
  },
);

// A parser error from the beam parser until session 19 (issue 4): the infinitive after a verb of perception
// hung on its accusative ("sahen Demonstranten … marschieren": Demonstranten appos of Reporter), so the
// events stage's rule for the construction never saw it; one subject per head in the decoder fixed it.
test('after a verb of perception the accusative is the subject of the infinitive', () => {
  const [march] = events('Am Samstag sahen Reporter Demonstranten durch die Hauptstadt marschieren.');
  assert.equal(march?.type, 'PROTEST');
  assert.equal(march?.source?.text, 'Demonstranten');
  assert.equal(march?.target, null);
});

test('"er" in a later clause is the person the sentence named as its subject before it', () => {
  // The sentence before ends on another subject ("der Kreml"), which is masculine too.
  const found = events(
    'Titel\n\nDer polnische Präsident Andrzej Duda besuchte Minsk, sagte der Kreml. Lukaschenko lehnte eine Vermittlung ab, während er mit dem Verteidigungsministerium sprach.',
  ).find((v) => v.trigger.text === 'sprach');
  assert.equal(found?.source?.text, 'er');
  assert.equal(found?.source?.actor, 'BLRGOV');
});

test('an argument before its trigger ends before it: a quoted verb the parse hung on the noun stays out', () => {
  const [consult] = events('US-Außenminister Mike Pompeo sagte, er habe sich mit europäischen Führern "beraten".');
  assert.equal(consult?.type, 'CONSULT');
  assert.equal(consult?.target?.text, 'europäischen Führern');
});

test('a truncated compound is one phrase with the word that completes it, and that word gives the role', () => {
  // "Ausländische": not the country the article is about, though the role would default to it.
  const concern = events(
    'In Weißrussland wird protestiert. Ausländische Staats- und Regierungschefs haben Bedenken geäußert.',
  );
  const foreign = concern.find((v) => v.trigger.text === 'Bedenken');
  assert.equal(foreign?.source?.text, 'Ausländische Staats- und Regierungschefs');
  assert.equal(foreign?.source?.actor, 'GOV');
  const [condemn] = events('Die Staats- und Regierungschefs der EU verurteilten den Angriff.');
  assert.equal(condemn?.source?.text, 'Die Staats- und Regierungschefs der EU');
  const [turn] = events('Die Militär- und Polizeibeamten des Landes wenden sich gegen den starken Mann.');
  assert.equal(turn?.source?.text, 'Die Militär- und Polizeibeamten des Landes');
  assert.equal(turn?.source?.actor, 'COP');
});

test('derivations are no compounds of an event noun: prefixes, particles and longer known endings', () => {
  assert.deepEqual(types('Die Behörden gaben am Abend Entwarnung.'), []);
  assert.deepEqual(types('Die Vereinigung der Buchhändler tagte in Leipzig.'), ['CONSULT|tagte']);
  assert.deepEqual(types('Die Verunreinigung des Grundwassers ist gering.'), []);
  assert.deepEqual(types('Nach dem Eintreffen der Feuerwehr beruhigte sich die Lage.'), []);
  // Compounds still are: "Massenproteste", "Gegenangriff".
  assert.ok(types('Die Massenproteste gingen weiter.').includes('PROTEST|Massenproteste'));
  assert.ok(types('Die Armee startete einen Gegenangriff.').some((t) => t.startsWith('ASSAULT|Gegenangriff')));
});

test('agent nouns in -er are no event nouns: critics and visitors are people', () => {
  assert.deepEqual(types('Kritiker fürchten Interessenskonflikte.'), []);
  assert.deepEqual(types('Die Besucher der Ausstellung staunten.'), []);
  // The plural of an event noun still is one.
  assert.ok(types('Die Besuche des Ministers häuften sich.').some((t) => t.startsWith('CONSULT|Besuche')));
});

test('Konjunktiv I reports: the event is alleged even where the parse lost the verb of saying', () => {
  const modality = (text: string, trigger: string): string | undefined =>
    events(text).find((v) => v.trigger.text === trigger)?.modality;
  assert.equal(
    modality(
      'Wenige Stunden nach dem Putsch erklärte der neue „Oberste Rat zur Wiederherstellung der Demokratie“, wie sich die Militärjunta selbst nennt, die Situation sei unter Kontrolle, die Grenzen würden wieder geöffnet und die Ausgangssperre sei aufgehoben.',
      'aufgehoben',
    ),
    'alleged',
  );
  assert.equal(modality('Dort seien auch viele Passanten verletzt worden.', 'verletzt'), 'alleged');
  // The indicative and the Konjunktiv II of "werden" are no report.
  assert.equal(modality('Dort wurden auch viele Passanten verletzt.', 'verletzt'), 'asserted');
});

test('verb frames on who acts: meeting needs people, holding someone needs an object, extradition a person', () => {
  assert.deepEqual(types('Der Kanzler traf den französischen Präsidenten in Paris.'), ['CONSULT|traf']);
  assert.deepEqual(types('Solana will sich in Kinshasa mit dem kongolesischen Präsidenten treffen.'), [
    'CONSULT|treffen',
  ]);
  // Cuts hit departments, a striker hits the goal, a court makes a decision: no meeting.
  assert.deepEqual(types('Die Stellenkürzungen sollen vor allem die Verwaltung treffen.'), []);
  assert.deepEqual(types('Christian Gentner traf das Tor.'), []);
  assert.deepEqual(types('Das Gericht hat keine Entscheidung getroffen.'), []);
  // A passive with "von" stays the strike it was.
  assert.deepEqual(types('Das Krankenhaus wurde von einer Rakete getroffen.'), ['ASSAULT|getroffen']);
  assert.deepEqual(types('Die SPD hält am Atomausstieg fest.'), []);
  assert.deepEqual(types('Die Grenzpolizei hielt den Reporter zwei Tage fest.'), ['COERCE|hielt']);
  assert.deepEqual(types('Airbus konnte die Bestellungen nicht fristgerecht ausliefern.'), []);
  assert.deepEqual(types('Der mutmaßliche NS-Scherge John Demjanjuk wurde nach München ausgeliefert.'), [
    'COOPERATE|ausgeliefert',
  ]);
});

test('a conjunct with its own subordinating conjunction shares no subject', () => {
  const [unrest] = events(
    'Die Verhandlungen waren ins Stocken geraten nachdem im Nordkosovo Unruhen ausgebrochen waren.',
  ).filter((v) => v.trigger.text === 'Unruhen');
  assert.ok(unrest);
  assert.notEqual(unrest.source?.text, 'Die Verhandlungen');
});

test('readings that need their object: aid is delivered or taken in, offers and acceptances are of deals', () => {
  assert.deepEqual(types('Enercon lieferte die beiden Turbinen.'), []);
  assert.deepEqual(types('Sie hatte mit ihrem Handy Fotos aufgenommen.'), []);
  assert.deepEqual(types('ESPN bietet einen Liveticker an.'), []);
  assert.deepEqual(types('Er nahm den Namen Rebroff an.'), []);
  assert.deepEqual(types('Die Polizei schließt ein Fremdverschulden aus.'), []);
  assert.deepEqual(types('Der Schulunterricht wurde ausgesetzt.'), []);
  assert.deepEqual(types('Sie fanden ihn mit Hilfe der Internet-Suchseite.'), []);
  // The relative pronoun stands for its noun: the resolution was adopted.
  assert.ok(
    types('In der Resolution, die vom Sicherheitsrat angenommen wurde, heißt es, dass Gewalt endet.').includes(
      'AGREE|angenommen',
    ),
  );
  assert.deepEqual(types('Deutschland nahm 1000 Flüchtlinge auf.'), ['AID|nahm']);
});

test('a natural force or accident as the source makes no attack', () => {
  assert.deepEqual(types('Am Sonntag wurden fünf Menschen vom Blitz getroffen.'), []);
  assert.deepEqual(types('Auf Kreta wurden zwei Menschen durch die Erdstöße leicht verletzt.'), []);
  assert.deepEqual(
    types('Im Dezember 2004 waren durch den Tsunami allein in Thailand 5500 Menschen getötet worden.'),
    [],
  );
  assert.deepEqual(types('In Kabul wurden fünf Menschen durch eine Autobombe getötet.'), ['ASSAULT|getötet']);
});

test('a clause that opens with "dass" is no main clause, wherever the parse hung the conjunction', () => {
  const [turn] = events(
    'Es gab auch Anzeichen dafür, dass sich die Militär- und Polizeibeamten des Landes gegen den starken Mann wenden.',
  );
  assert.equal(turn?.modality, 'hypothetical');
});

test('a warning is a threat only from someone to someone; what is warned of is supposed', () => {
  const coded2 = (text: string): string[] => events(text).map((v) => `${v.type}|${v.trigger.text}|${v.modality}`);
  assert.deepEqual(coded2('Moskau warnte Washington vor einer Einmischung.'), ['THREATEN|warnte|asserted']);
  assert.deepEqual(coded2('Der Wetterdienst warnte vor Sturm und Hagel.'), []);
  assert.ok(
    coded2('Bundespräsident Köhler warnt vor einer pauschalen Verurteilung der Abgeordneten.').every((v) =>
      v.endsWith('|hypothetical'),
    ),
  );
});

test('the first part of a truncated compound is no event noun; "am Samstag" is no place of "an"', () => {
  assert.deepEqual(types('Taktische Raketen sind Angriffs- und Verteidigungswaffen.'), []);
  assert.deepEqual(types('Am Samstag wurde er in ein Jerusalemer Krankenhaus verlegt.'), []);
  assert.deepEqual(types('Die Armee hat Panzer an die Grenze verlegt.'), ['MOBILIZE|verlegt']);
});

test('a word inside the name of an organisation names it; the lexicon of forms decides a compound split', () => {
  assert.deepEqual(types('Die Deutsche Bischofskonferenz stoppte die Studie.'), []);
  assert.deepEqual(types('Die Hotelangestellte hat ihn in einer Gegenüberstellung identifiziert.'), []);
  assert.ok(types('Die Bischöfe trafen sich zu einer Konferenz in Fulda.').some((t) => t.startsWith('CONSULT')));
});

test('private contracts are no agreement between actors; offers are political compounds or "unterbreiten"', () => {
  assert.deepEqual(types('Die Sprachschule löste den Mietvertrag.'), []);
  assert.ok(types('Der Friedensvertrag wurde in Paris unterzeichnet.').includes('AGREE|Friedensvertrag'));
  assert.deepEqual(types('Das Angebot auf der eBay-Seite stieg auf 62.000 Euro.'), []);
  assert.ok(types('Moskau unterbreitete der Opposition ein Angebot.').includes('AGREE|Angebot'));
});

test('harm done to oneself is no attack; cuts and easing need what is cut or eased', () => {
  assert.deepEqual(types('Der Spieler verletzte sich am Ellenbogen.'), []);
  assert.deepEqual(types('Der Attentäter sprengte sich auf dem Markt in die Luft.'), ['ASSAULT|sprengte']);
  assert.deepEqual(types('Die Lufthansa hat 142 Flüge gestrichen.'), []);
  assert.ok(types('Die Weltbank strich die Kredite für das Land.').includes('SANCTION|strich'));
  assert.deepEqual(types('In der Nähe des Fensters lockerte sich ein Stück Stoff.'), []);
});

test('arrivals and visits are of someone who can act; a trial is no negotiation', () => {
  assert.deepEqual(types('Gegen 08:30 Uhr trafen die Bagger ein.'), []);
  assert.deepEqual(types('Der Präsident traf am Morgen in Kiew ein.'), ['CONSULT|traf']);
  assert.deepEqual(types('Die Hauptverhandlung gegen den Moderator dauerte 44 Tage.'), []);
});

test('an accident scene with no one named makes no attack; goods are not driven out', () => {
  assert.deepEqual(types('Bei dem Unfall wurde die Frau lebensgefährlich verletzt.'), []);
  assert.deepEqual(types('Bei dem Anschlag wurde die Frau lebensgefährlich verletzt.').length > 0, true);
  assert.deepEqual(types('Die CDs wurden im Ausland gepresst und konspirativ vertrieben.'), []);
});

test('a headline participle is a passive; a label before a colon is no argument', () => {
  const [caught] = events('Mutmaßlicher Kriegsverbrecher Radovan Karadžić gefasst');
  assert.equal(caught?.type, 'COERCE');
  assert.equal(caught?.source?.text ?? '', '', 'no one named does it');
  assert.match(caught?.target?.text ?? '', /Karadžić/);
  const [labelled] = events('Serbien: Mutmaßlicher Kriegsverbrecher Radovan Karadžić gefasst');
  assert.notEqual(labelled?.target?.text, 'Serbien');
  const [executed] = events('Iran: Zwei Anhänger der Opposition hingerichtet');
  assert.equal(executed?.type, 'ASSAULT');
  assert.notEqual(executed?.target?.text, 'Iran', 'the label names where the news is from');
  // The present tense of a verb without "ge-" stays active.
  const [investigates] = events('Die Staatsanwaltschaft ermittelt');
  assert.match(investigates?.source?.text ?? '', /Staatsanwaltschaft/);
});

test('reporting to the police and catching need persons; advertisements are no complaints', () => {
  assert.deepEqual(types('Die Frau zeigte ihren Nachbarn bei der Polizei an.'), ['ACCUSE|zeigte']);
  assert.deepEqual(types('Im September zeigte die 39-Jährige ihren Ehemann an.'), ['ACCUSE|zeigte']);
  assert.deepEqual(types('Ein Sensor zeigte eine Fehlfunktion an.'), []);
  assert.deepEqual(types('Der Flüchtige wurde an der Grenze gefasst.'), ['COERCE|gefasst']);
  assert.deepEqual(types('Die Menschen erschienen jedoch gefasst.'), []);
  assert.deepEqual(types('Die Anzeigen erschienen mit erheblichen Verzögerungen.'), []);
  assert.ok(types('Die Anzeige gegen die Beamten liegt der Staatsanwaltschaft vor.').includes('ACCUSE|Anzeige'));
});

test('fighting is an attack only against someone; what is ruled out did not happen', () => {
  assert.deepEqual(types('Die Rebellen kämpfen gegen die Regierungstruppen.'), ['ASSAULT|kämpfen']);
  assert.deepEqual(types('Die Menschen kämpfen mit Sandsäcken gegen die Fluten.'), []);
  assert.deepEqual(coded('US-Experten schlossen einen Terroranschlag als Absturzursache aus.'), [
    'ASSAULT|Terroranschlag|-|negated',
  ]);
  // "fehlschlagen" is not "schlagen"; "Weg" at a clause end is a noun, not the particle "weg".
  assert.deepEqual(types('Versuche, den Mann zu beruhigen, schlugen fehl.'), []);
  assert.ok(
    types('Es ist nicht realistisch, dass Israel das Feuer einstellt - ohne einen Weg, dass die Hamas aufhört.').some(
      (t) => t.startsWith('RETREAT|Feuer'),
    ),
  );
});

test('closed roads and rules are no coercion; a ban needs someone who bans', () => {
  assert.deepEqual(types('Viele Straßen wurden wegen des Sturms gesperrt.'), []);
  assert.deepEqual(types('Die Autobahn A 52 wurde nach dem Unfall in beiden Fahrtrichtungen gesperrt.'), []);
  assert.deepEqual(types('Die Regierung sperrte Facebook und Twitter.'), ['COERCE|sperrte']);
  assert.deepEqual(types('Die Statuten verbieten einen Wechsel während der Saison.'), []);
  assert.ok(types('Die Regierung verbot alle Kundgebungen.').includes('COERCE|verbot'));
});

test('negotiations are plural; "die Verhandlung" is a court hearing', () => {
  assert.deepEqual(types('Gegen 11:30 Uhr wurde die Verhandlung unterbrochen.'), []);
  assert.ok(types('Die Verhandlungen mit der Türkei begannen am Montag.').includes('CONSULT|Verhandlungen'));
});

test('killing animals is no attack between actors', () => {
  assert.deepEqual(types('Tausende Vögel werden dort getötet.'), []);
  assert.deepEqual(types('Der Bär soll erschossen werden.'), []);
  assert.deepEqual(types('Die Soldaten erschossen zwei Männer.'), ['ASSAULT|erschossen']);
  assert.deepEqual(types('Rebellen griffen das Hauptquartier der Armee an.'), ['ASSAULT|griffen']);
  assert.deepEqual(types('Das Haus wurde von einer Maus in Brand gesteckt.'), []);
  assert.deepEqual(types('Brennend lief die Katze zurück. Damit steckte das Tier das Gebäude in Brand.'), []);
  assert.deepEqual(types('Die Luftwaffe bombardierte die Stellungen.'), ['ASSAULT|bombardierte']);
});

test('damage is an attack only where someone does it or violence is the scene; candles are lit, not set on fire', () => {
  assert.deepEqual(types('Der Aufprall beschädigte den Gefahrguttransporter.'), []);
  assert.deepEqual(types('In Christchurch wurden zahlreiche Gebäude zerstört.'), []);
  assert.deepEqual(types('Bomben zerstörten auch ein Büro des Hamasführers.'), ['ASSAULT|zerstörten']);
  assert.deepEqual(types('Die Demonstranten zerstörten mehrere Geschäfte.'), ['ASSAULT|zerstörten']);
  assert.ok(types('Es wurden vierzig Menschen getötet und mehr als 100 Autos zerstört.').includes('ASSAULT|zerstört'));
  assert.deepEqual(types('Zu seinem Gedenken wurden weltweit Kerzen angezündet.'), []);
  assert.deepEqual(types('Randalierer zündeten mehrere Autos an.'), ['ASSAULT|zündeten']);
});

test('a scene that opens the sentence sets it for all its clauses', () => {
  assert.deepEqual(types('Bei dem Unfall kam ein Mensch ums Leben, 35 weitere wurden verletzt.'), []);
  assert.ok(types('Bei dem Anschlag kam ein Mensch ums Leben, 35 weitere wurden verletzt.').length > 0);
});

test('an object the parse hung on an adverb is still what the verb demands', () => {
  assert.deepEqual(types('Die Partei fordert seit gestern den Rücktritt von Micheil Saakaschwili.'), [
    'REQUEST|fordert',
  ]);
});

test('examinations by doctors and researchers are no investigations (frame notnear)', () => {
  assert.deepEqual(types('Der 61-Jährige wurde von einem Arzt untersucht.'), []);
  assert.deepEqual(types('Experten der Marine haben das Wrack untersucht.'), []);
  assert.deepEqual(types('Eine Kommission untersucht die Vorfälle.'), ['ACCUSE|untersucht']);
  assert.deepEqual(types('Das Militär hat eine Untersuchung angekündigt.'), ['ACCUSE|Untersuchung']);
});

test('sports: a club that beats or hosts another, points deducted, positions filled are no events', () => {
  assert.deepEqual(types('Zum Auftakt des Spieltages empfing Borussia Dortmund den Hamburger SV.'), []);
  assert.deepEqual(types('Der Trainer besetzte gegenüber dem Spiel gegen Deutschland vier Positionen neu.'), []);
  assert.deepEqual(types('Im Halbfinale schlug er den Spieler aus Italien, das Turnier geht weiter.'), []);
  assert.ok(types('Der Präsident empfing den Außenminister in Berlin.').includes('CONSULT|empfing'));
});

test('a relative pronoun can act only as its noun can', () => {
  assert.deepEqual(types('Sie hielten sich nicht an Absprachen, die vor der Demonstration getroffen wurden.'), []);
  assert.ok(types('Er sprach mit dem Minister, den er in Berlin getroffen hatte.').includes('CONSULT|getroffen'));
});

test('quoted names, titles and slogans are no events; a quoted measure of one word is', () => {
  assert.deepEqual(
    types('In der „Aktion Deutschland hilft“ sind mehrere Hilfsorganisationen zusammengeschlossen.'),
    [],
  );
  assert.deepEqual(types('Die Regierung rief den „Alarmzustand“ aus.'), ['COERCE|Alarmzustand']);
});

test('werden + infinitive is planned also where the tagger took the infinitive for a finite verb', () => {
  assert.deepEqual(coded('Er sagte: „Die Armee wird die Rebellen angreifen.“'), ['ASSAULT|angreifen|MIL|planned']);
  assert.deepEqual(
    coded('Die Demonstranten wurden von der Polizei festgenommen.').map((v) => v.split('|')[3]),
    ['asserted'],
  );
});

test('landings, collisions and broken rules are no attacks', () => {
  assert.deepEqual(types('Der Flughafen musste nach der Bruchlandung gesperrt werden.'), []);
  assert.deepEqual(types('Die Staatsanwaltschaft warf ihm vor, Vorschriften zur Vergabe verletzt zu haben.'), [
    'ACCUSE|warf',
  ]);
});

test('"verurteilen" is a conviction when a court, a punishment, a charge or a convicted person says so', () => {
  const type = (text: string): string[] =>
    types(text).filter((t) => t.endsWith('|verurteilt') || t.endsWith('|verurteilte'));
  // A punishment the parse hung on the nouns before it, a charge, a court as subject, a person convicted.
  assert.deepEqual(
    type(
      'Er wurde in einem Verfahren im Rahmen des Frankfurter Prozesses zu einer siebenjährigen Freiheitsstrafe verurteilt.',
    ),
    ['SANCTION|verurteilt'],
  );
  assert.deepEqual(type('Er wurde wegen Volksverhetzung verurteilt.'), ['SANCTION|verurteilt']);
  assert.deepEqual(type('Ein Londoner Gericht verurteilte den Mörder der Abgeordneten.'), ['SANCTION|verurteilte']);
  assert.deepEqual(type('Der Angeklagte wurde am Freitag verurteilt.'), ['SANCTION|verurteilt']);
  // Condemnation: of an act, by a government, of a call that is no punishment.
  assert.deepEqual(type('Der Anschlag wurde von der Regierung scharf verurteilt.'), ['ACCUSE|verurteilt']);
  assert.deepEqual(type('Das Auswärtige Amt verurteilte den Anschlag als feige Tat.'), ['ACCUSE|verurteilte']);
  assert.deepEqual(type('Die Regierung verurteilte die Aufforderung der Rebellen zur Gewalt.'), ['ACCUSE|verurteilte']);
});

test('what an accusation names is alleged, what "ohne" takes is negated', () => {
  assert.deepEqual(coded('Kachelmann wurde vom Vorwurf der Vergewaltigung freigesprochen.'), [
    'ACCUSE|Vorwurf|-|asserted',
    'ASSAULT|Vergewaltigung|-|alleged',
  ]);
  assert.ok(coded('Der Mann wurde wegen Mordverdachts festgenommen.').includes('COERCE|festgenommen|COP|asserted'));
  assert.deepEqual(
    coded('Die Behörden können Verdächtige ohne Anklage inhaftieren.').filter((e) => e.startsWith('ACCUSE')),
    ['ACCUSE|Anklage|JUD|negated'],
  );
  // Other nouns do not govern their genitive: "die Folgen der Proteste" are of real protests.
  assert.deepEqual(coded('Die Folgen der Proteste waren schwer.'), ['PROTEST|Proteste|CVL|asserted']);
});

test('what a ban forbids may not happen; what it forbids to report on did', () => {
  assert.ok(coded('Die Regierung verbot Proteste vor dem Parlament.').includes('PROTEST|Proteste|CVL|hypothetical'));
  assert.ok(
    coded('Ein neues Gesetz verbietet es Organisationen, durch Geld aus den USA finanziert zu werden.').some(
      (e) => e.startsWith('AID|finanziert|') && e.endsWith('|hypothetical'),
    ),
  );
  assert.ok(
    coded('Journalisten wurde verboten, von den Demonstrationen zu berichten.').includes(
      'PROTEST|Demonstrationen|CVL|asserted',
    ),
  );
});

test('an event still to come is planned, the next one unless told in the past', () => {
  assert.deepEqual(coded('Auf dem kommenden Gipfel wollen die Staaten verhandeln.')[0], 'CONSULT|Gipfel|-|planned');
  assert.deepEqual(coded('Der Stadtrat wird in der nächsten Sitzung darüber beraten.')[0], 'CONSULT|Sitzung|-|planned');
  assert.deepEqual(coded('Die nächste Sitzung fand am Montag statt.'), ['CONSULT|Sitzung|-|asserted']);
  assert.deepEqual(coded('Die geplanten Proteste wurden abgesagt.')[0], 'PROTEST|Proteste|CVL|planned');
});

test('a relation ended names whom it was with; no other way than an act is no denial of it', () => {
  const [cut] = events('Marokko brach die Beziehungen zu Iran ab.');
  assert.equal(cut?.type, 'SANCTION');
  assert.equal(cut?.target?.text, 'Iran');
  assert.equal(events('Die EU setzte die Zusammenarbeit mit Niger aus.')[0]?.target?.text, 'Niger');
  const [end] = events(
    'Er sagte, dem Iran bleibe keine andere Möglichkeit als die Anreicherung wieder aufzunehmen und die Zusammenarbeit mit der IAEA aufzukündigen.',
  ).filter((e) => e.type === 'SANCTION');
  assert.equal(end?.type, 'SANCTION');
  assert.equal(end?.target?.text, 'der IAEA');
  assert.equal(end?.modality, 'hypothetical');
});

test('"mehr als 200 Demonstranten" is the subject or object the parse hung on "mehr" or as an "als" phrase', () => {
  const [arrest] = events('Die Polizei nahm mehr als 200 Demonstranten fest.');
  assert.equal(arrest?.target?.text, '200 Demonstranten');
  assert.equal(
    events('Am Samstag demonstrierten mehr als 5000 Menschen gegen die Regierung.')[0]?.source?.text,
    '5000 Menschen',
  );
  const killed = events('Bei dem Anschlag wurden mehr als 20 Menschen getötet.').find(
    (e) => e.trigger.text === 'getötet',
  );
  assert.equal(killed?.target?.text, '20 Menschen');
  assert.equal(events('Die Soldaten erschossen mehr als ein Dutzend Menschen.')[0]?.target?.text, 'Menschen');
  // "über" and "bis zu" before a number are bounds; a counted noun without an article is no genitive.
  assert.equal(
    events('Am Samstag demonstrierten über 5000 Menschen gegen die Regierung.')[0]?.source?.text,
    '5000 Menschen',
  );
  assert.equal(targetAt('Bei dem Anschlag wurden bis zu 20 Menschen getötet.', 'getötet'), '20 Menschen');
  assert.equal(
    targetAt('Bei dem Anschlag wurden nach Angaben der Polizei mindestens 20 Menschen getötet.', 'getötet'),
    '20 Menschen',
  );
  // A conjunct verb shares its subject: the counted phrase is its object.
  const killing = events('Die Milizen plünderten das Land und töteten dabei über 1.400 Menschen.').find(
    (e) => e.type === 'ASSAULT',
  );
  assert.equal(killing?.target?.text, '1.400 Menschen');
  // A counted phrase without a preposition is no adverbial.
  assert.equal(
    targetAt(
      'Sie flohen, bevor die Polizei das Feuer eröffnete und zehn mutmaßliche Angreifer erschossen hat.',
      'erschossen',
    ),
    'zehn mutmaßliche Angreifer',
  );
  assert.equal(
    targetAt(
      'Nach chinesischen Angaben wurden etwa 200 Menschen getötet und weitere 1.700 Menschen verletzt.',
      'verletzt',
    ),
    'weitere 1.700 Menschen',
  );
  assert.equal(
    targetAt(
      'Ein Attentäter tötete bei einem Anschlag auf einen Buskonvoi, der Menschen nach Aleppo bringen sollte, mindestens 126 Menschen.',
      'tötete',
    ),
    '126 Menschen',
  );
  // "darunter 1.940 Deutsche" names a part of the phrase before it.
  assert.equal(
    events('Nach Angaben des Instituts seien 29.547 Juden deportiert und ermordet worden, darunter 1.940 Deutsche.')[0]
      ?.target?.text,
    '29.547 Juden',
  );
  // "es" before a plural verb only holds the first place.
  assert.equal(
    events('Es demonstrierten mehr als 5000 Menschen gegen die Regierung.')[0]?.source?.text,
    '5000 Menschen',
  );
  // A name right after its noun is no passive subject, a phrase of "zufolge" no object.
  assert.equal(
    targetAt(
      'Wie aus einer Verlautbarung der ISAF hervorgeht, wurden im Bezirk Zhari in der afghanischen Provinz Kandahar fünf unbeteiligte Zivilisten getötet und zwei weitere verletzt.',
      'getötet',
    ),
    'fünf unbeteiligte Zivilisten',
  );
  assert.notEqual(
    targetAt(
      'Bei den Unruhen im Juli waren offiziellen chinesischen Angaben zufolge etwa 200 Menschen getötet und weitere 1.700 Menschen verletzt worden.',
      'getötet',
    ),
    'offiziellen chinesischen Angaben',
  );
  // A phrase of a preposition stays one: "vor mehr als 80.000 Zuschauern".
  const [riot] = events('Rund um das Spiel vor mehr als 80.000 Zuschauern ist es zu Ausschreitungen gekommen.');
  assert.equal(riot?.source?.text, '');
});

test('an alliance is an event where it is formed, not where it acts or is named', () => {
  assert.deepEqual(types('Das Bündnis gegen Rechts rief zu einer Menschenkette auf.'), ['REQUEST|rief']);
  assert.deepEqual(types('Siemens liegt auf Platz 68 und Allianz auf Platz 93.'), []);
  assert.deepEqual(types('Die Partei muss Bündnisse mit kleineren Parteien eingehen.'), ['COOPERATE|Bündnisse']);
  assert.deepEqual(types('Die Golfstaaten bildeten eine Allianz gegen den Iran.'), ['COOPERATE|Allianz']);
});

test('a quotation in title case before its abbreviation in brackets is a name, not speech', () => {
  const doc = analyzeDocument(
    textDocument('Das Bündnis, das sich selbst „Allianz für Europäische Integration“ (AIE) nennt, erhielt 57 Sitze.'),
  );
  assert.deepEqual(doc.quotes, []);
});

test('what must still be done is planned, what had to be done happened', () => {
  assert.deepEqual(coded('Die Aktionäre müssen dem Geschäft noch zustimmen.'), ['AGREE|zustimmen|-|planned']);
  assert.deepEqual(coded('Die Thronrede muss vom Parlament ratifiziert werden.'), ['AGREE|ratifiziert|LEG|planned']);
  assert.deepEqual(coded('Der Minister musste zurücktreten.'), ['RETREAT|zurücktreten|GOV|asserted']);
});

test('who receives support, aid or a sentence is its target', () => {
  const [support] = events('Die Opposition erhielt Unterstützung von der EU.');
  assert.equal(support?.source?.text, 'der EU');
  assert.equal(support?.target?.text, 'Die Opposition');
  assert.equal(events('Das Land bekommt Hilfe aus Deutschland.')[0]?.target?.text, 'Das Land');
  // A sentence "für" someone, not for a crime.
  const [sentence] = events('Ein Berufungsgericht bestätigte am Freitag die hohe Haftstrafe für Timoschenko.');
  assert.equal(sentence?.target?.text, 'Timoschenko');
  assert.equal(events('Das Gericht verhängte eine Strafe für den Mord.')[0]?.target, null);
});

test('one phrase is the source or the target, not both; a day is no target; animals take part in no event', () => {
  const [bombing] = events('Er ließ als Strafe das kleine Dorf Dudschail bombardieren.');
  assert.equal(bombing?.target?.text, 'das kleine Dorf Dudschail');
  assert.notEqual(bombing?.source?.text, 'das kleine Dorf Dudschail');
  const [demand] = events(
    'Staatssekretär Matthias Berninger hat gefordert, größere Tankstellen gesetzlich zum Angebot von Kraftstoffen zu zwingen.',
  );
  assert.equal(demand?.source?.text, 'Staatssekretär Matthias Berninger');
  assert.equal(demand?.target, null);
  const murder = events('Die Männer wurden deportiert und am Tag der Ankunft ermordet.').find(
    (e) => e.type === 'ASSAULT',
  );
  assert.equal(murder?.target?.text, 'Die Männer');
  assert.equal(events('Die Miliz griff am Tag der Ankunft an.')[0]?.target, null);
  assert.equal(events('Bei einem Raketenangriff am Vortag waren zwölf Menschen gestorben.')[0]?.target, null);
  // "mit Hilfe der Gewerkschaften" says how, and a part of the source's phrase is not its target.
  assert.deepEqual(
    events('Sie einigten sich, mit Hilfe der Gewerkschaften neue Verhandlungen aufzunehmen.').map(
      (e) => e.target?.text ?? null,
    ),
    [null, null],
  );
  const [call] = events(
    'Unterdessen ruft die Vereinigung aller buddhistischen Mönche, eine in Rangun ansässige Gruppe, alle Mönche des Landes dazu auf, keine Almosen anzunehmen.',
  );
  assert.notEqual(call?.target?.text, 'aller buddhistischen Mönche');
  assert.deepEqual(types('Die Schnecken wurden von ihrem Partner bestraft.'), []);
  assert.deepEqual(types('Ein Tatverdächtiger wurde von der Polizei erschossen.'), ['ASSAULT|erschossen']);
});

test('a bare phrase the parse called obl:arg is an object, but not a place naming the noun before it', () => {
  const [arrest] = events(
    'Die Beamten des Sondereinsatzkommandos nahmen den Täter fest, nachdem klar war, dass sich das Mädchen in Sicherheit befand.',
  );
  assert.equal(arrest?.target?.text, 'den Täter');
  assert.equal(events('Die IAEA wirft dem Iran vor, Atomwaffen zu bauen.')[0]?.target?.text, 'dem Iran');
  const [charge] = events(
    'Empört ist er auch, weil die Staatsanwaltschaft Darmstadt bis heute noch keine Anklage gegen Heidi K. erhoben hat.',
  );
  assert.equal(charge?.target?.text, 'Heidi K.');
});

test('a passive participle joined by "und" shares the agent and subject of the one before it', () => {
  const killed = events('Dulmatin wurde am Dienstag von einer Anti-Terroreinheit gestellt und getötet.').find(
    (e) => e.type === 'ASSAULT',
  );
  assert.equal(killed?.source?.text, 'einer Anti-Terroreinheit');
  assert.equal(killed?.target?.text, 'Dulmatin');
  // Not where it has its own: "getötet und drei verletzt", "festgenommen und eine Person getötet".
  assert.notEqual(targetAt('Zwei Menschen wurden getötet und drei verletzt.', 'verletzt'), 'Zwei Menschen');
  const person = events('In der Stadt wurden 6.700 Menschen festgenommen und eine Person getötet.');
  assert.equal(person.find((e) => e.type === 'ASSAULT')?.target?.text, 'eine Person');
});

test('what a risk or a possibility names in the genitive may not happen', () => {
  assert.deepEqual(coded('Der Minister sieht die Gefahr eines Angriffs.'), ['ASSAULT|Angriffs|-|hypothetical']);
  assert.deepEqual(coded('Die Regierung prüft die Möglichkeit einer Einigung.'), ['AGREE|Einigung|-|hypothetical']);
});

test('collisions of vehicles, bodies recovered, broadcasts received and trade fairs are no events', () => {
  assert.deepEqual(types('Österreich: Zusammenstoß zwischen Hubschrauber und Kleinflugzeug'), []);
  assert.deepEqual(types('Bei den Zusammenstößen mit der Polizei wurden zwölf Demonstranten verletzt.').slice(0, 1), [
    'ASSAULT|Zusammenstößen',
  ]);
  assert.deepEqual(types('Aus den Trümmern wurden die Leichen von zwei Frauen geborgen.'), []);
  assert.deepEqual(types('Der Sender ist ab heute über Satellit zu empfangen.'), []);
  assert.deepEqual(types('Auf der Entwicklerkonferenz stellte die Firma ihr neues Programm vor.'), []);
});

test('a player under contract is no agreement; "zum Beispiel" is no sports word', () => {
  assert.deepEqual(
    types('In der 61. Minute setzte sich der bei Ajax unter Vertrag stehende Stürmer durch und erzielte das Tor.'),
    [],
  );
  assert.ok(
    types(
      'Das Gesetz soll zum Beispiel Vorschriften für Kreditkartenverträge ermöglichen; die Regierung empfing den Minister.',
    ).includes('CONSULT|empfing'),
  );
});

test('an event said to be possible or likely is hypothetical', () => {
  assert.deepEqual(coded('Einigung über das Wahlbündnis bis Samstag möglich'), ['AGREE|Einigung|-|hypothetical']);
  assert.deepEqual(
    coded('Eine Freilassung der Geiseln sei am Montag denkbar.').map((e) => e.split('|')[3]),
    ['hypothetical'],
  );
});

test('an event noun that is the subject of its support verb is not its own source', () => {
  const [meeting] = events('Danach fand ein Treffen des Jungen mit seinen Eltern statt.');
  assert.equal(meeting?.type, 'CONSULT');
  assert.equal(meeting?.source?.text, 'des Jungen');
  const [conference] = events('Im Juli findet in Rabat eine Migrationskonferenz statt.');
  assert.equal(conference?.source?.text ?? null, null);
});

test('a suicide, a promise made by a thing and a coach ending his partnership are no political events', () => {
  assert.deepEqual(types('Allerdings war die Selbsttötung offenbar misslungen.'), []);
  assert.deepEqual(types('Die neue Version verspricht schnellere Suchergebnisse.'), []);
  assert.ok(types('Der Präsident versprach eine rasche Aufklärung.').includes('AGREE|versprach'));
  assert.deepEqual(
    types('Der Trainer kündigte an, die Zusammenarbeit mit Nürnberg nach der laufenden Saison zu beenden.').filter(
      (t) => t.startsWith('COOPERATE'),
    ),
    [],
  );
});

test('an injury in a match is no attack', () => {
  assert.deepEqual(types('Der Torhüter wurde gestern Abend beim Spiel gegen den VfB Stuttgart schwer verletzt.'), []);
  assert.ok(types('Der Torhüter wurde gestern Abend von Hooligans schwer verletzt.').includes('ASSAULT|verletzt'));
});

test('"weder … noch" negates the event', () => {
  assert.deepEqual(
    coded('Weder die G8 noch die EU erkennen diese Entwicklung an.').map((e) => e.split('|')[3]),
    ['negated'],
  );
  assert.deepEqual(
    coded('Die Regierung hat weder die Wahl anerkannt noch Verhandlungen angeboten.')
      .filter((e) => !e.startsWith('CONSULT'))
      .map((e) => e.split('|')[3]),
    ['negated', 'negated'],
  );
});

test('a state passive is a passive also where the parse took its "sein" for a copula', () => {
  const [charge] = events(
    'Karadžić ist vor dem UN-Kriegsverbrechertribunal für Ex-Jugoslawien wegen Völkermords, Kriegsverbrechen und Verbrechen gegen die Menschlichkeit im Bosnienkrieg von 1992 bis 1995 angeklagt, insbesondere wegen des Massakers von Srebrenica.',
  ).filter((e) => e.trigger.text === 'angeklagt');
  assert.equal(charge?.target?.text, 'Karadžić');
  assert.notEqual(charge?.source?.text, 'Karadžić');
});

test('a passive agent the parse hung on the last of coordinated subjects is the source', () => {
  const [killing] = events(
    'Die Zahlen wurden später präzisiert und es heißt nun, dass 22 Zivilisten und 2 Polizisten durch die Demonstranten getötet wurden, während die Polizei 11 Demonstranten tötete und 4 verletzt festnahm.',
  );
  assert.equal(killing?.trigger.text, 'getötet');
  assert.equal(killing?.source?.text, 'die Demonstranten');
  assert.equal(killing?.target?.text, '22 Zivilisten und 2 Polizisten');
});

test('a pronoun takes the code of the unnamed role it points back to', () => {
  const [, seizure] = events(
    'Der Täter ist wegen Gewaltdelikten in Haft. Mit einem Messer hatte er sich der Gefängnisangestellten bemächtigt.',
  );
  assert.equal(seizure?.trigger.text, 'bemächtigt');
  assert.equal(seizure?.source?.text, 'er');
  assert.match(seizure?.source?.actor ?? '', /CRM$/);
});

test("a governor plans its content, not its own scene nor the content's causes; a case is a condition", () => {
  const modality = (text: string, trigger: string): string | undefined =>
    events(text).find((v) => v.trigger.text === trigger)?.modality;
  const decided =
    'Der Sicherheitsrat hat in seiner Sitzung am Samstag Sanktionen gegen Libyen wegen der Gewalt gegen Demonstranten bei den Massenprotesten beschlossen.';
  assert.equal(modality(decided, 'Sanktionen'), 'planned');
  assert.equal(modality(decided, 'Sitzung'), 'asserted');
  assert.equal(modality(decided, 'Massenprotesten'), 'asserted');
  // The scene of what is planned is planned with it.
  assert.equal(
    modality(
      'Der Minister kündigte an, das Problem bei seinem Israelbesuch in der kommenden Woche anzusprechen.',
      'Israelbesuch',
    ),
    'planned',
  );
  assert.equal(
    modality('Im Falle einer Verurteilung droht dem Politiker eine lange Haftstrafe.', 'Verurteilung'),
    'hypothetical',
  );
  // What a governor only might do is supposed, not planned.
  assert.equal(
    modality('Der Rat könnte möglicherweise Sanktionen gegen den Iran beschließen.', 'Sanktionen'),
    'hypothetical',
  );
});

test('a participle that says how another act went tells no event', () => {
  assert.deepEqual(types('In den letzten Jahren lebte der Gewerkschafter zurückgezogen in Stuttgart.'), []);
  assert.deepEqual(types('Zwei Passagiere überlebten den Unfall leicht verletzt.'), []);
  assert.deepEqual(types('Der Fahrer hat das Unglück verletzt überlebt.'), []);
  // Smoke and fire harm without an attacker; one who keeps to a decision holds no one.
  assert.deepEqual(types('Zwei Feuerwehrleute wurden durch den Rauch verletzt.'), []);
  assert.deepEqual(types('Die SPD will am Kurs der Erweiterung festhalten.'), []);
  // Its own auxiliary, wherever the parse hung it, keeps it a verb: "Kritisiert wird, dass …".
  assert.ok(
    types('Kritisiert wird in Deutschland vor allem, dass das Werbeverbot der EU nicht umgesetzt wurde.').includes(
      'ACCUSE|Kritisiert',
    ),
  );
});

test('several frames joined by commas must all hold: arrivals, journeys, investments, self-defence', () => {
  assert.deepEqual(types('Der Präsident traf am Morgen in Kiew ein.'), ['CONSULT|traf']);
  assert.deepEqual(types('Als die Polizei am Tatort eintraf, lebte nur noch eines der Opfer.'), []);
  assert.deepEqual(types('Die Kanzlerin reist nach Peking.'), ['CONSULT|reist']);
  assert.deepEqual(
    types('Der verletzte Nationalspieler reist nun doch nach Sardinien ins Trainingslager der Mannschaft.'),
    [],
  );
  assert.deepEqual(types('China investiert Milliarden in Serbien.'), ['COOPERATE|investiert']);
  assert.deepEqual(types('Die Bahn investiert eine halbe Million Euro in die Sicherheit der Türen.'), []);
  assert.deepEqual(types('Der Minister verteidigte sich gegen die Vorwürfe.'), ['REJECT|verteidigte']);
  assert.deepEqual(types('Der Sprecher verteidigte die Entscheidung der Regierung.'), ['SUPPORT|verteidigte']);
});

test('an adverb before the article is not part of the argument', () => {
  const [criticism] = events('Greenpeace kritisierte erneut die politische Weichenstellung der Regierung.');
  assert.equal(criticism?.type, 'ACCUSE');
  assert.equal(criticism?.target?.text, 'die politische Weichenstellung der Regierung');
});

test('what looms, and what a case on the verb conditions, has not happened', () => {
  const modality = (text: string, trigger: string): string | undefined =>
    events(text).find((v) => v.trigger.text === trigger)?.modality;
  assert.equal(modality('Dem Angeklagten drohen bis zu zehn Jahre Haft.', 'Haft'), 'hypothetical');
  assert.equal(modality('In der Fabrik droht ein Streik.', 'Streik'), 'hypothetical');
  assert.equal(
    modality('Im Falle einer Verurteilung muss der Politiker mit lebenslanger Haft rechnen.', 'Haft'),
    'hypothetical',
  );
  assert.equal(modality('Die Polizei nahm am Montag drei Männer fest.', 'nahm'), 'asserted');
});

test('things handed in or back are no retreat, a phone contract no agreement', () => {
  assert.deepEqual(types('Die Fluggäste gaben ihr Gepäck am Schalter auf.'), []);
  assert.deepEqual(types('Der Schriftsteller hat die Auszeichnung zurückgegeben.'), []);
  assert.deepEqual(types('Die Rebellen gaben die Stadt auf.'), ['RETREAT|gaben']);
  assert.deepEqual(types('Es geht um einen Handy-Vertrag.'), []);
});

test('a denial denied: "nicht ausgeschlossen" is possible; forces used against people are coercion', () => {
  assert.equal(events('Auch eine Aufstockung der Truppen sei nicht ausgeschlossen.')[0]?.modality, 'hypothetical');
  // What "es ist möglich, … zu" allows is supposed.
  assert.equal(
    events('Den Komitees ist es möglich, einen Kandidaten zu unterstützen.').find((v) => v.type === 'SUPPORT')
      ?.modality,
    'hypothetical',
  );
  const [force] = events('Die Regierung setzte Soldaten gegen die Demonstranten ein.');
  assert.equal(force?.type, 'COERCE');
  assert.equal(force?.target?.text, 'die Demonstranten');
  const [crackdown] = events('Die Regierung will hart gegen die Schmuggler durchgreifen.');
  assert.equal(crackdown?.type, 'COERCE');
  assert.equal(crackdown?.modality, 'planned');
  // What someone refuses to do, also where the parse hung the infinitive on the subject, is no event.
  assert.deepEqual(
    types('Vereinzelt weigerten sich einige Polizisten, gegen die Demonstranten Waffengewalt einzusetzen.'),
    ['REJECT|weigerten'],
  );
});

test('what is recommended is asked for; an agreement that "will succeed" is planned', () => {
  assert.deepEqual(coded('Die EU-Kommission empfiehlt Beitrittsverhandlungen mit Island.'), [
    'REQUEST|empfiehlt|EUR|asserted',
  ]);
  assert.equal(events('Er geht davon aus, dass eine Einigung gelingen wird.')[0]?.modality, 'planned');
  // Investment is cooperation between countries, not a firm's spending.
  assert.deepEqual(types('Die Investitionen Chinas in Afrika wachsen.'), ['COOPERATE|Investitionen']);
  assert.deepEqual(types('Der Rest dient für Investitionen und Rücklagen.'), []);
  // What something is compared with did not happen.
  assert.deepEqual(types('Die Maßnahme ist nicht mit herkömmlichen Hausdurchsuchungen vergleichbar.'), []);
  // "es handelt sich um X" carries X: its negation and mood are X's.
  assert.equal(events('Es soll sich nicht um einen Anschlag gehandelt haben.')[0]?.modality, 'negated');
});

test('a sentence that opens with a condition makes its main clause a consequence, not a fact', () => {
  const [threat] = events(
    'Falls das Tonband echt ist, hat der Terrorchef neue Anschläge auf Großbritannien angedroht.',
  ).filter((v) => v.type === 'THREATEN');
  assert.equal(threat?.modality, 'hypothetical');
  assert.equal(
    events('„Wenn ein Papst sein Amt nicht mehr ausüben kann, dann hat er die Pflicht zurückzutreten“, sagte er.')[0]
      ?.modality,
    'hypothetical',
  );
  // A condition may open with a Konjunktiv II instead of "wenn".
  assert.equal(
    events('Hätte der Richter den Mann verhaften lassen, würden die Frauen noch leben.').find(
      (v) => v.type === 'COERCE',
    )?.modality,
    'hypothetical',
  );
  // A truck that blocks a motorway is no protest.
  assert.deepEqual(types('Ein umgestürzter Lastwagen blockiert die Autobahn.'), []);
  // A clause after a comma inside the condition does not end it.
  assert.equal(events('Als die Polizei kam, nahm sie drei Männer fest.')[0]?.modality, 'asserted');
  // "es" is no one: the flood that hit a district met no one there.
  assert.deepEqual(types('Am schlimmsten hat es den Distrikt Phunphin getroffen.'), []);
});

test('a main clause in Konjunktiv II tells what did not or might happen, reported speech stays alleged', () => {
  const modality = (text: string): string | undefined => events(text)[0]?.modality;
  assert.equal(modality('Die Polizei hätte die Demonstranten beinahe festgenommen.'), 'hypothetical');
  assert.equal(modality('Der Minister würde zurücktreten.'), 'hypothetical');
  assert.equal(modality('Sie sagten, die Polizei hätte die Demonstranten geschlagen.'), 'alleged');
  assert.equal(modality('Dabei sei eine Person festgenommen worden.'), 'alleged');
});

test('the genitive of a noun whose verb takes an object is the target, unless a compound names the object', () => {
  const [arrest] = events('Die Polizei meldete am Abend die Festnahme des Mannes.');
  assert.equal(arrest?.type, 'COERCE');
  assert.equal(arrest?.target?.text, 'des Mannes');
  assert.equal(arrest?.source?.text ?? '', '');
  const [occupation] = events('Die Besetzung des Geländes dauert an.');
  assert.equal(occupation?.target?.text, 'des Geländes');
  const [refusal] = events('Die Ablehnung des Plans durch das Parlament kam nicht überraschend.');
  assert.equal(refusal?.target?.text, 'des Plans');
  assert.equal(refusal?.source?.text, 'das Parlament');
  // Its "von" phrase too: "die Festnahme von Milinkewitsch durch die Polizei".
  const [byPolice] = events('Ein Sprecher dementierte die Festnahme von Milinkewitsch durch die Polizei.');
  assert.equal(byPolice?.target?.text, 'Milinkewitsch');
  assert.notEqual(byPolice?.source?.text, 'Milinkewitsch');
  // "Proteste der Opposition": a protest's genitive is who protests.
  const [protest] = events('Die Proteste der Opposition dauern an.');
  assert.equal(protest?.source?.text, 'der Opposition');
  // A name in the genitive is the argument without the event noun before it.
  const [demand] = events('Eine Forderung Frankreichs nach einer Sitzung blieb ohne Antwort.');
  assert.equal(demand?.source?.text, 'Frankreichs');
  assert.equal(demand?.source?.actor, 'FRA');
  const [ban] = events('Das Werbeverbot der EU gilt seit Mai.');
  assert.equal(ban?.source?.text, 'der EU');
  // A common noun before the event noun is no genitive of it: the object of a participle.
  const [noted] = events('Er nannte die bundesweit Aufsehen erregenden Proteste gegen den Umbau des Bahnhofs.');
  assert.equal(noted?.source?.text, '');
});

test('blocking access is censorship, filling a post or a bus no occupation', () => {
  assert.deepEqual(types('Jetzt haben türkische Behörden den Zugang zu Wikipedia blockiert.'), ['COERCE|blockiert']);
  assert.deepEqual(types('Bauern blockierten die Autobahn mit Traktoren.'), ['PROTEST|blockierten']);
  assert.deepEqual(types('Der Kanzler will das Amt im Wirtschaftsministerium neu besetzen.'), []);
  assert.deepEqual(types('Der Bus war mit rund 45 Personen besetzt.'), []);
  assert.deepEqual(types('Russische Truppen besetzten die Stadt.'), ['ASSAULT|besetzten']);
});

test('pages called up, waves made and runners given drinks are no events', () => {
  assert.deepEqual(types('Etwa eine Million Nutzer haben die Seite aufgerufen.'), []);
  assert.deepEqual(types('Die Opposition rief zu einem Generalstreik auf.'), ['REQUEST|rief']);
  assert.deepEqual(types('Die Nachricht schlug im ganzen Land hohe Wellen.'), []);
  assert.deepEqual(types('Nach dem Zieleinlauf wurden die Sportler mit Getränken versorgt.'), []);
});

test("advice services, aborted pregnancies, athletes' apologies and doctors' training are no political events", () => {
  assert.deepEqual(types('Die Drogenberatung lud zu einem Vortrag ein.'), []);
  assert.deepEqual(types('Der Abbruch der Beziehungen zu Taiwan kam überraschend.'), ['SANCTION|Abbruch']);
  assert.deepEqual(types('Der Schwangerschaftsabbruch bleibt straffrei.'), []);
  assert.deepEqual(types('Der Stürmer entschuldigte sich nach dem Spiel bei den Fans.'), []);
  assert.deepEqual(types('Der Minister entschuldigte sich bei den Opfern.'), ['SUPPORT|entschuldigte']);
  assert.deepEqual(types('Die Bundeswehr bildet ukrainische Soldaten aus.'), ['COOPERATE|bildet']);
  assert.deepEqual(types('Ärzte können sich für Zusatzbezeichnungen ausbilden lassen.'), []);
  assert.deepEqual(types('Bei der Landung wurden drei Menschen verletzt.'), []);
});

test('in a story whose headline names a disaster and no violence, the injured and dead are no attack', () => {
  const quake =
    'Tausende Tote nach schwerem Erdbeben in Haiti\n\nEtwa drei Millionen Menschen sind verletzt oder obdachlos.';
  assert.deepEqual(types(quake), []);
  // A riot in the headline keeps its injured an attack's.
  const riot = 'Randale und Unfälle an Silvester\n\nIn der Nacht wurden 46 Beamte leicht verletzt.';
  assert.deepEqual(types(riot), ['PROTEST|Randale', 'ASSAULT|verletzt']);
  // And so does an attack named in the sentence itself.
  const attack = 'Schweres Erdbeben in Haiti\n\nBei einem Angriff auf einen Hilfskonvoi wurden drei Helfer verletzt.';
  assert.ok(types(attack).includes('ASSAULT|verletzt'));
});

test('"wurden" + a participle that looks like an infinitive is a past passive, not a plan', () => {
  const [robbery] = events('Am Mittwoch wurden drei junge Männer von zwei Tätern überfallen und ausgeraubt.');
  assert.equal(robbery?.type, 'ASSAULT');
  assert.equal(robbery?.modality, 'asserted');
  assert.equal(events('Die Rebellen werden die Stadt angreifen.')[0]?.modality, 'planned');
});

test('idioms, consumer tests, warnings of landslides and accident investigations are no events', () => {
  assert.deepEqual(types('So schlägt man zwei Fliegen mit einer Klappe.'), []);
  assert.deepEqual(types('Ausgelöst hat die Diskussion ein umstrittenes Testurteil über eine Gesichtscreme.'), []);
  assert.deepEqual(
    types('Das Testurteil betraf eine Gesichtscreme, die von Uschi Glas über Home-Shopping-Kanäle vertrieben wird.'),
    [],
  );
  assert.deepEqual(types('Danach schloss sich die Festsetzung einiger Kostenerstattungen an.'), []);
  // A crewed aircraft is not occupied, and norms are not raped.
  assert.deepEqual(types('Das Flugzeug war mit einem Fluglehrer und seinem Schüler besetzt.'), []);
  // An agreement named after a city: "seit Annahme des Vertrags von Lissabon".
  const [treaty] = events('Das Parlament hat seit Annahme des Vertrags von Lissabon ein volles Mitspracherecht.');
  assert.notEqual(treaty?.source?.text, 'Lissabon');
  assert.deepEqual(types('Das Komitee nannte das Dekret eine Vergewaltigung internationaler Normen.'), []);
  // What is shown or found in a dass-clause: "demonstrierten damit, dass …", "ermittelte, dass …".
  assert.deepEqual(types('Aber sie demonstrierten damit, dass sie mit dem Plan nicht einverstanden sind.'), []);
  assert.deepEqual(types('Die Polizei ermittelte, dass der Fahrer betrunken war.'), []);
  assert.deepEqual(types('Die Handelskette, die Tiernahrung und Zubehör vertreibt, wurde durchsucht.'), [
    'COERCE|durchsucht',
  ]);
  assert.deepEqual(types('Die Bevölkerung wurde vor weiteren Erdrutschen gewarnt.'), []);
  assert.deepEqual(types('Zur Ermittlung der Unfallursache wurde ein Sachverständiger hinzugezogen.'), []);
  assert.deepEqual(types('In Pohlheim wurde ein Mensch von einem umstürzenden Baum erschlagen.'), []);
});

test('where no article tells the cases apart, the first phrase that can act is the source', () => {
  const [storm] = events('Die Polizei von Rio de Janeiro hat das dortige Armenviertel mit Hilfe von Panzern gestürmt.');
  assert.equal(storm?.type, 'ASSAULT');
  assert.equal(storm?.source?.text, 'Die Polizei von Rio de Janeiro');
  assert.equal(storm?.target?.text, 'das dortige Armenviertel');
});

test('a verb beside a match score tells sport; a clock time or a vote count is no score', () => {
  assert.deepEqual(types('Außerdem hatte Spanien Tschechien mit 33:25 geschlagen.'), []);
  assert.deepEqual(types('Der FC Bayern München empfing den 1. FC Nürnberg und besiegte ihn mit 3:0.'), []);
  assert.deepEqual(
    types('Umweltschutzorganisationen hatten dazu aufgerufen, von 19:55 bis 20:00 Uhr das Licht auszuschalten.'),
    ['REQUEST|aufgerufen'],
  );
  assert.ok(
    types('Der Senat hat dem Entwurf mit großer Mehrheit (90:9 Stimmen) zugestimmt.').includes('AGREE|zugestimmt'),
  );
});

test('an article that is never nominative marks the object, whatever the parse made of it; records and standards', () => {
  const [support] = events('Den Vorschlag für eine südamerikanische Bank unterstützen bereits manche Staatschefs.');
  assert.equal(support?.source?.text, 'manche Staatschefs');
  assert.equal(support?.target?.text, 'Den Vorschlag');
  const rejection = events(
    'Ihm wird vorgeworfen, den Putsch verantwortet zu haben, was dieser jedoch zurückweist.',
  ).find((e) => e.type === 'REJECT');
  assert.equal(rejection?.source?.text, 'dieser');
  const [sentence] = events('Im April 2008 verurteilte ihn ein chinesisches Gericht zu einer dreijährigen Haft.');
  assert.equal(sentence?.source?.text, 'ein chinesisches Gericht');
  assert.equal(sentence?.target?.text, 'ihn');
  assert.deepEqual(types('Der ehemalige Golf des Papstes schlägt alle Rekorde.'), []);
  assert.deepEqual(types('Alle neuen Geräte müssen den erweiterten Standard unterstützen.'), []);
  assert.deepEqual(types('Die EU unterstützt die Ukraine mit Milliarden.'), ['AID|unterstützt']);
});

test('what an accusation names in coordinated participles before "zu haben" is alleged', () => {
  const coded = events(
    'Ihm wird vorgeworfen, eine Angestellte festgehalten und versucht zu haben, sie zu vergewaltigen.',
  ).map((v) => `${v.trigger.text}|${v.modality}`);
  assert.ok(coded.includes('festgehalten|alleged'), coded.join(' '));
  assert.ok(coded.includes('vergewaltigen|alleged'), coded.join(' '));
  // So is a list of crimes after "darunter", wherever the parse hung it.
  const list = events('57 Verbrechen werden dem General vorgeworfen, darunter Völkermord und Deportationen.');
  assert.deepEqual(
    list.filter((v) => v.type !== 'ACCUSE').map((v) => `${v.trigger.text}|${v.modality}`),
    ['Völkermord|alleged', 'Deportationen|alleged'],
  );
});

test('casualties in a sentence that names an accident and no violence are no attack; an alarm lifted is no concession', () => {
  assert.deepEqual(
    types(
      'Der Fahrer wurde schwer verletzt, die Insassen der bei dem Unfall beschädigten Fahrzeuge blieben unverletzt.',
    ),
    [],
  );
  assert.ok(
    types('Bei dem Anschlag wurde der Fahrer schwer verletzt, das Fahrzeug geriet nach dem Unfall in Brand.').includes(
      'ASSAULT|verletzt',
    ),
  );
  assert.deepEqual(types('Der Tsunami-Alarm wurde nach einigen Stunden wieder aufgehoben.'), []);
  assert.deepEqual(types('Die Regierung hob die Ausgangssperre auf.'), ['CONCEDE|Ausgangssperre']);
});

test("closures in a disaster story are the storm's, a player's suspension is no coercion", () => {
  assert.deepEqual(
    types('Orkan wütet über Europa\n\nIn Baden-Württemberg sind ebenfalls einige Strecken gesperrt.'),
    [],
  );
  assert.deepEqual(types('Der Spieler wurde vom Verein für zwei Spiele gesperrt.'), []);
  assert.deepEqual(types('Die Regierung sperrte Facebook und Twitter.'), ['COERCE|sperrte']);
});

test('"führen zu" names a cause, not who acts: the noun event keeps its own source', () => {
  const resignation = events('Der Skandal hatte zum Rücktritt der Regierung geführt.').find(
    (v) => v.type === 'RETREAT',
  );
  assert.equal(resignation?.source?.text, 'der Regierung');
  const [talks] = events('Der Minister führte Gespräche mit der Opposition.');
  assert.equal(talks?.source?.text, 'Der Minister');
});

test("an article the parse made a phrase's head is no argument: its noun, the word after it, or nothing", () => {
  const [charge] = events('Er hatte einen Mann verteidigt, der wegen Gotteslästerung angeklagt worden war.').filter(
    (v) => v.type === 'ACCUSE',
  );
  assert.equal(charge?.target?.text, 'einen Mann');
  for (const v of events('Der kurz nach der Tat wegen Mordes verhaftete 15 Jahre alte Junge wurde angeklagt.'))
    assert.notEqual(v.source?.text, 'Der');
});

test('a genitive is no object, and a participle sharing its plural auxiliary keeps its singular subject', () => {
  const [turn] = events(
    'Es gibt Anzeichen, dass sich die Militär- und Polizeibeamten des Landes gegen den Präsidenten wenden.',
  );
  assert.equal(turn?.type, 'ACCUSE');
  assert.equal(turn?.source?.text, 'die Militär- und Polizeibeamten des Landes');
  assert.equal(turn?.target?.text, 'den Präsidenten');
  const killing = events(
    'Beamte sagen, dass 6.700 Menschen festgenommen und mindestens eine Person getötet wurden.',
  ).find((v) => v.type === 'ASSAULT');
  assert.equal(killing?.target?.text, 'eine Person');
});

test("a work's quoted title names no events, and a long one is no quote", () => {
  const doc = analyzeDocument(
    textDocument(
      'Gordon hat für sein Buch „Cobra II – die wirkliche Geschichte der Invasion und der Besetzung Iraks“ recherchiert.',
    ),
  );
  assert.deepEqual(doc.events, []);
  assert.deepEqual(doc.quotes, []);
});

test('custody a court sentences to or a release ends is no arrest of its own; a discharge from service no release', () => {
  assert.deepEqual(types('Sie wurde zu sieben Jahren Haft wegen Amtsmissbrauch verurteilt.'), ['SANCTION|verurteilt']);
  assert.deepEqual(types('Er wurde am Abend wieder aus der Haft entlassen.'), ['RETREAT|entlassen']);
  assert.deepEqual(types('Der Täter ist wegen Gewaltdelikten in Haft.'), ['COERCE|Haft']);
  assert.deepEqual(types('Die Offiziere sind aus dem Dienst entlassen worden.'), []);
});

test('claiming an attack is no support; professing an alliance is', () => {
  assert.deepEqual(types('Die Regierung bekannte sich zur Nato.'), ['SUPPORT|bekannte']);
  assert.ok(!types('Es gab einen Anschlag, zu dem sich die Taliban bekennen.').includes('SUPPORT|bekennen'));
  assert.ok(!types('Zu den Anschlägen bekannte sich eine Gruppe.').includes('SUPPORT|bekannte'));
  assert.deepEqual(types('Fünf der Festgenommenen bekannten sich schuldig.'), []);
});

test('what is measured is not investigated; idioms of greeting, heat and lawyering are no events', () => {
  assert.deepEqual(types('Im Herbst konnte die Masse eines Neutrinos ermittelt werden.'), []);
  assert.deepEqual(types('Gegen den Bürgermeister wird von der Staatsanwaltschaft ermittelt.'), ['ACCUSE|ermittelt']);
  assert.deepEqual(types('Die Familie begrüßte auf der Brücke das neue Jahr.'), []);
  assert.deepEqual(types('Ich habe in der Hitze des Gefechts Dinge gesagt.'), []);
  assert.deepEqual(types('Sie wurde daran gehindert, ihren Mandanten vor Gericht zu verteidigen.'), []);
  assert.deepEqual(types('Bei dem Blitzeinschlag wurden 19 Menschen verletzt.'), []);
});

test("talks taken up, agreements reached and strikes lasting carry their verb's modal; what is hoped for is supposed", () => {
  assert.deepEqual(coded('Angela Merkel will Gespräche mit allen Parteien aufnehmen.'), [
    'CONSULT|Gespräche|DEUGOV|planned',
  ]);
  assert.deepEqual(
    coded('Dort soll eine Vereinbarung zwischen den Staaten erzielt werden.').map((e) => e.split('|').pop()),
    ['planned'],
  );
  assert.deepEqual(
    coded('Er hofft auf eine Begnadigung.').map((e) => e.split('|').pop()),
    ['hypothetical'],
  );
});

test('idioms of granting chances, expecting for oneself, falling prices and striking the same note are no events', () => {
  assert.deepEqual(types('Den Kandidaten werden aber geringe Chancen eingeräumt.'), []);
  assert.deepEqual(types('Die Bundesregierung hatte den USA Überflugrechte eingeräumt.'), ['CONCEDE|eingeräumt']);
  assert.deepEqual(types('Von dem neuen Standort verspricht sich der Konzern Synergieeffekte.'), []);
  assert.deepEqual(types('Der Präsident versprach eine rasche Aufklärung.'), ['AGREE|versprach']);
  assert.deepEqual(types('Der Aktienkurs des Konzerns gab um drei Prozent nach.'), []);
  assert.deepEqual(types('Die Schutzvereinigung schlug in die gleiche Kerbe.'), []);
  assert.deepEqual(types('Die Versorgung der Rentner soll gekürzt werden.'), []);
  assert.ok(types('Die USA kürzten ihre Hilfe für das Land.').includes('SANCTION|kürzten'));
});

test('a relative clause whose finite verb agrees with the object, not the pronoun, has the object as its subject', () => {
  const [shooting] = events(
    'Er war eines von sechs Opfern, die ein Amokläufer vor 15 Jahren in einem Pendlerzug erschossen hatte.',
  );
  assert.equal(shooting?.source?.text, 'ein Amokläufer');
  assert.equal(shooting?.target?.text, 'sechs Opfern');
});

test('what is required or attempted is supposed, and a custody sentence in a coordination is the sentencing', () => {
  assert.deepEqual(
    coded('Um die Einführung verabschieden zu können, ist nun noch die Zustimmung des Bundesrates erforderlich.').map(
      (e) => e.split('|').pop(),
    ),
    ['hypothetical'],
  );
  assert.deepEqual(
    coded('Nun ist auch der Versuch, sich auf einen Finanzrahmen zu einigen, gescheitert.').map((e) =>
      e.split('|').pop(),
    ),
    ['hypothetical'],
  );
  assert.deepEqual(
    types(
      'Laut ROG wurden der Blogger Zarganar zu 59 Jahren Haft und der Dissident Latt zu 20 Jahren Haft verurteilt.',
    ),
    ['SANCTION|verurteilt'],
  );
});

test('a share of people is people; posts filled are no occupation, also where the lemmatiser kept the plural', () => {
  assert.deepEqual(types('Die Hälfte der Gefangenen wurde verurteilt.'), ['SANCTION|verurteilt']);
  assert.deepEqual(types('Die Regierung wurde für ihr Vorgehen verurteilt.'), ['ACCUSE|verurteilt']);
  assert.deepEqual(types('Damit sind nun 11 Professorenstellen besetzt.'), []);
});

test('a participle right before the full verb that ends its clause says how, it tells no event', () => {
  assert.ok(
    !types('Die Polizei tötete elf Demonstranten, während sie vier verletzt festnahm.').includes('ASSAULT|verletzt'),
  );
  assert.ok(types('Die Polizei hat vier Demonstranten verletzt.').includes('ASSAULT|verletzt'));
});

test('a gathering to pray is no protest (frame noprep), one after the Friday prayer may be', () => {
  assert.deepEqual(types('Die Mönche betraten die Pagode, wo sie sich zum Beten versammelten.'), []);
  assert.ok(types('Nach dem Freitagsgebet versammelten sich Tausende zu Protesten.').includes('PROTEST|versammelten'));
});

test('figures a company reports and goods it sells are no expulsion', () => {
  assert.deepEqual(types('Der Konzern weist für das Jahr einen Gewinn von 4,6 Milliarden Euro aus.'), []);
  assert.deepEqual(types('Die Kolariks vertreiben vorrangig Bier aus tschechischer Produktion.'), []);
  assert.deepEqual(types('Deutschland wies vier russische Diplomaten aus.'), ['SANCTION|wies']);
});

test('a right to act is no act, and the one who holds it acts; "vorgehen gegen" is coercion or, in court, a suit', () => {
  const [action] = events('Sein Land hat das Recht, gegen die Rebellen vorzugehen.');
  assert.equal(action?.type, 'COERCE');
  assert.equal(action?.modality, 'hypothetical');
  assert.equal(action?.source?.text, 'Sein Land');
  assert.deepEqual(types('Die Polizei ging gewaltsam gegen die Demonstranten vor.'), ['COERCE|ging']);
  assert.deepEqual(types('Der Verlag ging vor Gericht gegen die Kündigung vor.'), ['ACCUSE|ging']);
});

test('what is allowed or made possible is supposed; who allows it, and a phrase of time on it, are not', () => {
  const [strikes] = events('Der Beschluss soll auch Luftschläge erlauben.');
  assert.equal(strikes?.type, 'ASSAULT');
  assert.equal(strikes?.modality, 'hypothetical');
  const [warrant] = events('Ein nicht vollstreckter Haftbefehl ermöglichte den Doppelmord.');
  assert.equal(warrant?.modality, 'asserted');
  const [protests] = events(
    'Zum ersten Mal seit Beginn der Proteste wurde den Geistlichen erlaubt, die Pagode zu betreten.',
  );
  assert.equal(protests?.modality, 'asserted');
});

test("the content of a denied intention is denied; a purpose clause is no noun's content", () => {
  const [withdrawal] = events('Frankreich hat nicht die Absicht, Truppen aus Afghanistan abzuziehen.');
  assert.equal(withdrawal?.type, 'RETREAT');
  assert.equal(withdrawal?.modality, 'negated');
  const [inquiry] = events(
    'Um die andauernden Ermittlungen nicht zu gefährden, wollte die Polizei keine weiteren Hinweise geben.',
  );
  assert.equal(inquiry?.modality, 'asserted');
  assert.deepEqual(types('Anonymous hackt sich bei einem Sicherheitsunternehmen ein.'), ['COERCE|hackt']);
});

test('talks one is ready for are supposed', () => {
  const [talks] = events('Der Premierminister war nur zu Verhandlungen über den Haushalt bereit.');
  assert.equal(talks?.type, 'CONSULT');
  assert.equal(talks?.modality, 'hypothetical');
});

test('the phrase a verb aims with names its target before an object the parse gave it', () => {
  const [stabbing] = events('Bei dem Treffen stach sie mit einem Messer auf den Studenten ein.').filter(
    (e) => e.type === 'ASSAULT',
  );
  assert.equal(stabbing?.source?.text, 'sie');
  assert.equal(stabbing?.target?.text, 'den Studenten');
});

test('a clause opening with "sollte" before the main clause is a condition; a hunter\'s shot is no attack', () => {
  const [accepted] = events('Sollte der Antrag angenommen werden, könnte die Seite wieder online gehen.').filter(
    (e) => e.type === 'AGREE',
  );
  assert.equal(accepted?.modality, 'hypothetical');
  assert.deepEqual(types('Der Jäger, der den Schuss abgab, ist der Polizei bekannt.'), []);
  assert.deepEqual(types('Soldaten gaben Warnschüsse in die Luft ab.'), ['ASSAULT|Warnschüsse']);
});

test('"sich … lassen" is a passive: its subject undergoes the event', () => {
  const [arrest] = events('Der Mann ging zur Wache, wo er sich widerstandslos festnehmen ließ.');
  assert.equal(arrest?.type, 'COERCE');
  assert.equal(arrest?.target?.text, 'er');
  assert.ok(!arrest?.source?.text, 'the police, unnamed');
});

test('a subject the parse hung on the auxiliary is the source', () => {
  const [arrest] = events(
    'Die Jenaer Polizei hat einen 34-jährigen Mann festgenommen, der mehr als zehn Brandstiftungen gestand.',
  ).filter((e) => e.type === 'COERCE');
  assert.equal(arrest?.source?.text, 'Die Jenaer Polizei');
});

test('a phrase in the genitive is no subject ("Des Weiteren wirft die OSZE … vor")', () => {
  const [accusation] = events(
    'Des Weiteren wirft die OSZE der Wahlkommission vor, mit den Wahlbeobachtern nicht zusammengearbeitet zu haben.',
  ).filter((e) => e.type === 'ACCUSE');
  assert.notEqual(accusation?.source?.text, 'Des Weiteren');
});
