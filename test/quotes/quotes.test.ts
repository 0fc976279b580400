import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { findQuotedSpans } from '../../src/quotes/marks.js';

/** Quotes of a text as "kind|speaker|cue lemma|text". */
function quotes(text: string): string[] {
  const doc = analyzeDocument(textDocument(text), { published: '2020-08-15' });
  return doc.quotes.map((q) => `${q.kind}|${q.speaker?.text ?? '-'}|${q.cue?.lemma ?? '-'}|${q.text}`);
}

function speakerEntityName(text: string, index: number): string | null {
  const doc = analyzeDocument(textDocument(text), { published: '2020-08-15' });
  const id = doc.quotes[index]?.speaker?.entity;
  return doc.entities.find((e) => e.id === id)?.name ?? null;
}

test('quotation marks in every German style; an open quote ends with its paragraph', () => {
  const spans = (t: string): string[] => findQuotedSpans(t).map((s) => t.slice(s.start, s.end));
  assert.deepEqual(spans('Er sagte: „Wir bleiben.“ Sie: »Nein.« Dann "gut" und ‚halb‘.'), [
    'Wir bleiben.',
    'Nein.',
    'gut',
    'halb',
  ]);
  const open = findQuotedSpans('„Wir bleiben hier,\n„sagte er.');
  assert.equal(open[0]?.open, true);
  assert.equal(open[0]?.end, '„Wir bleiben hier,'.length);
  assert.deepEqual(spans('Das geht’s nicht an.'), []);
});

test('direct quotes: frame after, frame before with a colon, split by the attribution, "so X"', () => {
  assert.deepEqual(quotes('"Wir haben eine normale Regierung", sagte Lukaschenko.'), [
    'direct|Lukaschenko|sagen|Wir haben eine normale Regierung',
  ]);
  assert.deepEqual(quotes('Der Minister sagte: „Wir werden nicht nachgeben.“'), [
    'direct|Der Minister|sagen|Wir werden nicht nachgeben.',
  ]);
  assert.deepEqual(quotes('„Wir brauchen keine Vermittler“, sagte Lukaschenko, „und keine Ratschläge.“'), [
    'direct|Lukaschenko|sagen|Wir brauchen keine Vermittler',
    'direct|Lukaschenko|sagen|und keine Ratschläge.',
  ]);
  assert.deepEqual(quotes('„Es ist schwer vorstellbar“, so Lanzer.'), ['direct|Lanzer|so|Es ist schwer vorstellbar']);
});

test('a quote that is a sentence of its own continues the speaker; pronouns resolve to the last person', () => {
  const text =
    'Alexander Lukaschenko äußerte sich am Samstag. "Wir haben eine normale Regierung", sagte Lukaschenko. "Wir brauchen keine Vermittler."\n"Ordnen Sie die Dinge", fügte er hinzu.';
  const q = quotes(text);
  assert.equal(q.length, 3);
  assert.equal(q[1], 'direct|Lukaschenko|-|Wir brauchen keine Vermittler.');
  assert.equal(q[2], 'direct|er|hinzufügen|Ordnen Sie die Dinge');
  assert.equal(speakerEntityName(text, 2), 'Alexander Lukaschenko');
});

test('scare quotes and quoted names do not steal a speaker', () => {
  assert.deepEqual(quotes('Die Gruppe "Honest People" zählte die Stimmen.'), []);
  // A title in a phrase of medium or place is a name even where a speech verb stands in the sentence.
  assert.deepEqual(quotes('Titel\n\nDas schrieb er in einem Beitrag für die „BILD am Sonntag“.'), []);
  // The clause that reports the quoted phrase keeps its speaker; the phrase, words quoted inside what the
  // ministers are reported to have said, is theirs too (as the SpkAtt annotation has it).
  assert.deepEqual(quotes('Die Minister sprachen von einem "guten und konstruktiven" Treffen.'), [
    'indirect|Die Minister|sprechen|Die Minister sprachen von einem "guten und konstruktiven" Treffen',
    'direct|Die Minister|sprechen|guten und konstruktiven',
  ]);
  // A quoted noun that a speech verb applies is the speaker's word, and the quote.
  assert.deepEqual(quotes('Der Innenexperte nannte den Bericht eine „Zeitungsente“.'), [
    'direct|Der Innenexperte|nennen|Zeitungsente',
  ]);
  assert.deepEqual(quotes('Er bezeichnete die Pläne als „Wortbruch“.'), ['direct|Er|bezeichnen|Wortbruch']);
});

test('indirect quotes: dass-clause, Konjunktiv I without dass, ob-clause, negated cue', () => {
  assert.deepEqual(quotes('Beamte in Belarus sagen, dass 6.700 Menschen festgenommen wurden.'), [
    'indirect|Beamte|sagen|dass 6.700 Menschen festgenommen wurden',
  ]);
  assert.deepEqual(quotes('Einige Demonstranten behaupteten, sie seien geschlagen worden.'), [
    'indirect|Einige Demonstranten|behaupten|sie seien geschlagen worden',
  ]);
  assert.deepEqual(quotes('Die Ministerin teilte mit, die Grenze bleibe geschlossen.'), [
    'indirect|Die Ministerin|mitteilen|die Grenze bleibe geschlossen',
  ]);
  assert.deepEqual(quotes('Er antwortete nicht auf Fragen, ob die USA Sanktionen auferlegen.'), []);
  // A saying negated right before its verb, and an open decision, say nothing.
  assert.deepEqual(quotes('Ein Sprecher wollte nicht bestätigen, dass alle Insassen Soldaten waren.'), []);
  assert.deepEqual(quotes('Das Gericht entscheidet, ob Untersuchungshaft angeordnet wird.'), []);
  // "nicht" further off negates something else.
  assert.deepEqual(quotes('Nicht als Teil der Erklärung sagte er, dass es Betrug gegeben habe.'), [
    'indirect|er|sagen|dass es Betrug gegeben habe',
  ]);
});

test('findings, hopes, instructions and stances frame their clause like speech verbs', () => {
  assert.deepEqual(quotes('Die Forscher fanden heraus, dass es sich um Stein handelte.'), [
    'indirect|Die Forscher|herausfinden|dass es sich um Stein handelte',
  ]);
  assert.deepEqual(quotes('Das Kartellamt hofft, die Firmen zu Aussagen zu bewegen.'), [
    'indirect|Das Kartellamt|hoffen|die Firmen zu Aussagen zu bewegen',
  ]);
  assert.deepEqual(quotes('Der Präsident machte zur Bedingung, dass die Proteste enden.'), [
    'indirect|Der Präsident|Bedingung|dass die Proteste enden',
  ]);
  assert.deepEqual(quotes('Die Verbände hatten dazu aufgerufen, für fünf Minuten den Strom abzuschalten.'), [
    'indirect|Die Verbände|aufrufen|für fünf Minuten den Strom abzuschalten',
  ]);
  // Agreements and resolutions frame their zu-infinitive; a document a finding "geht hervor" from is its source.
  assert.deepEqual(quotes('Die Gewerkschaften haben sich darauf geeinigt, neue Verhandlungen aufzunehmen.'), [
    'indirect|Die Gewerkschaften|einigen|neue Verhandlungen aufzunehmen',
  ]);
  assert.deepEqual(quotes('Wie aus einer Mitteilung der Polizei hervorgeht, wurden fünf Menschen getötet.'), [
    'indirect|einer Mitteilung der Polizei|hervorgehen|wurden fünf Menschen getötet',
  ]);
  // Coming out of something frames nothing: the quotation after the colon is the trainer's.
  assert.deepEqual(
    quotes('Titel\n\nDer Trainer sagte, das Team sei gestärkt aus der Saison hervorgegangen: „Wir haben gelernt.“'),
    [
      'indirect|Der Trainer|sagen|das Team sei gestärkt aus der Saison hervorgegangen',
      'direct|Der Trainer|sagen|Wir haben gelernt.',
    ],
  );
  // A stance held with "sein" frames its zu-infinitive, also "werden zu können" with "werden" read as finite.
  assert.deepEqual(quotes('Die Regierung ist zuversichtlich, im Jahre 2012 Mitglied der EU werden zu können.'), [
    'indirect|Die Regierung|sein|im Jahre 2012 Mitglied der EU werden zu können',
  ]);
  // Holding something to be so: "sah es als erwiesen an, dass", with the predicate fronted too.
  assert.deepEqual(quotes('Das Gericht sah es als erwiesen an, dass die Täter Anschläge verüben wollten.'), [
    'indirect|Das Gericht|sehen|dass die Täter Anschläge verüben wollten',
  ]);
  assert.equal(
    quotes('Als wichtigste Aufgabe sieht es der Präsident an, Frieden mit den Rebellen zu schließen.')[0]?.split(
      '|',
    )[3],
    'Frieden mit den Rebellen zu schließen',
  );
  assert.deepEqual(quotes('Die Forscher formulierten die Hypothese, dass Mehl eine Rolle spielte.'), [
    'indirect|Die Forscher|Hypothese|dass Mehl eine Rolle spielte',
  ]);
  // A stance noun's clause in Konjunktiv II, the stand-in where Konjunktiv I looks indicative.
  assert.deepEqual(quotes('Die Minister vertraten die Auffassung, die Banken hätten versagt.'), [
    'indirect|Die Minister|Auffassung|die Banken hätten versagt',
  ]);
});

test('a Konjunktiv clause after a colon is what the clause before it said, and the run goes on from it', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDer Senatssprecher kritisierte den Kurs: Es sei bedauerlich, dass die Gewerkschaft streike. Das gehe zu Lasten der Bürger.',
    ),
    ['indirect|Der Senatssprecher|-|Es sei bedauerlich, dass die Gewerkschaft streike. Das gehe zu Lasten der Bürger'],
  );
  // A frame that opens a colon frames the quotation after it, not the clause before it.
  assert.deepEqual(quotes('Titel\n\nIm Brief, den er geschickt hat, erklärt er: „Das Gesetz ist falsch.“'), [
    'direct|er|erklären|Das Gesetz ist falsch.',
  ]);
  // Inside a report the colon frames nothing: the run is one quote.
  assert.deepEqual(
    quotes(
      'Titel\n\nDer Film lenke ab, vielmehr betreibe er Kolonialismus: Er fokussiere auf die Schuld eines Mannes.',
    ),
    ['indirect|-|-|Der Film lenke ab, vielmehr betreibe er Kolonialismus: Er fokussiere auf die Schuld eines Mannes'],
  );
});

test('in a verb-last clause the first noun phrase that can be nominative is the subject of its coordinated verbs', () => {
  assert.equal(
    quotes(
      'Titel\n\nDas Foto zeigt, wie die Ministerin – eine frühere Richterin – die Akte auf den Tisch legt und sagt, sie sei fertig.',
    )[0],
    'indirect|die Ministerin|sagen|sie sei fertig',
  );
});

test('a verbless frame before a colon names the noun phrase that opens it', () => {
  assert.deepEqual(quotes('Titel\n\nEin Hauptkommissar nach der Festnahme: „Er ist dort, wo er hingehört.“'), [
    'direct|Ein Hauptkommissar|-|Er ist dort, wo er hingehört.',
  ]);
  assert.deepEqual(quotes('Titel\n\nMerkel: „Wir schaffen das.“'), ['direct|Merkel|-|Wir schaffen das.']);
});

test('a fronted object with a determiner no nominative takes is not the speaker', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDen Unmut der CDU brachte die Sprecherin Annette Widmann-Mauz zum Ausdruck: „Es gibt keinen Grund.“',
    ),
    ['direct|die Sprecherin|-|Es gibt keinen Grund.'],
  );
});

test("a quotation standing alone after a speech verb's sentence is that verb's subject's", () => {
  assert.deepEqual(quotes('Titel\n\nDer Minister kritisierte die Regierung scharf. „Diese Regierung hat versagt.“'), [
    'direct|Der Minister|-|Diese Regierung hat versagt.',
  ]);
  // Without a speech verb before it, no one is named.
  assert.deepEqual(quotes('Titel\n\nDer Minister fuhr nach Hause. „Diese Regierung hat versagt.“'), [
    'direct|-|-|Diese Regierung hat versagt.',
  ]);
});

test('an attribution inside a relative clause reports that clause only', () => {
  assert.deepEqual(
    quotes(
      'Die Sender werden von Bevölkerungsteilen eingeschaltet, die eher liberal eingestellt sind, was sich nach Ansicht der Kritiker in der Arbeit niederschlägt.',
    ),
    ['indirect|der Kritiker|nach|was sich nach Ansicht der Kritiker in der Arbeit niederschlägt'],
  );
});

test('attributions: laut X, nach Angaben von X, X zufolge, wie X berichtete, trailing frame', () => {
  assert.deepEqual(quotes('Laut belarussischen Behörden hat Lukaschenko 80,1 Prozent der Stimmen erhalten.'), [
    'indirect|belarussischen Behörden|laut|hat Lukaschenko 80,1 Prozent der Stimmen erhalten',
  ]);
  assert.deepEqual(quotes('Nach Angaben der Polizei wurden zwei Männer festgenommen.'), [
    'indirect|der Polizei|nach|wurden zwei Männer festgenommen',
  ]);
  assert.deepEqual(quotes('Dem Bericht der BBC zufolge waren die Erschütterungen bis London zu spüren.'), [
    'indirect|der BBC|zufolge|waren die Erschütterungen bis London zu spüren',
  ]);
  assert.deepEqual(quotes('Wie die Polizei mitteilte, wurden drei Männer verletzt.'), [
    'indirect|die Polizei|mitteilen|wurden drei Männer verletzt',
  ]);
  // After a colon, "Wie …" opens the clause too.
  const afterColon = quotes(
    'Titel\n\nDer Sprecher fügte hinzu: Wie aus dem Bericht hervorgeht, hatte der Pilot versucht zu landen.',
  );
  // The source a finding "geht hervor" from is its speaker.
  assert.equal(afterColon.at(-1), 'indirect|dem Bericht|hervorgehen|hatte der Pilot versucht zu landen');
  // A heading without punctuation before it, which the splitter joined to the sentence.
  assert.deepEqual(quotes('Wahlbeteiligung Wie die Wahlleiterin mitteilte, lag die Beteiligung bei 41,9 Prozent.'), [
    'indirect|die Wahlleiterin|mitteilen|lag die Beteiligung bei 41,9 Prozent',
  ]);
  assert.deepEqual(quotes('Lukaschenko bat um den Anruf, sagte der Kreml.'), [
    'indirect|der Kreml|sagen|Lukaschenko bat um den Anruf',
  ]);
});

test('a Konjunktiv I sentence after a quote goes on reporting its speaker', () => {
  const q = quotes('Der Sprecher sagte, die Lage sei ruhig. Die Polizei habe die Kontrolle übernommen.');
  assert.deepEqual(q, [
    'indirect|Der Sprecher|sagen|die Lage sei ruhig',
    'indirect|Der Sprecher|-|Die Polizei habe die Kontrolle übernommen',
  ]);
});

test('free indirect speech: a run of Konjunktiv sentences is one report; Konjunktiv II and "sollen" only continue one', () => {
  // Two Konjunktiv I sentences after the report: one quote, same speaker.
  assert.deepEqual(
    quotes('Der Minister sagte, die Lage sei ernst. Allerdings sei das System kaputt. Es habe keine Reserven mehr.'),
    [
      'indirect|Der Minister|sagen|die Lage sei ernst',
      'indirect|Der Minister|-|Allerdings sei das System kaputt. Es habe keine Reserven mehr',
    ],
  );
  // Konjunktiv II after a report continues it; on its own it is a hypothetical, not speech.
  assert.deepEqual(quotes('Der Sprecher sagte, die Daten seien sicher. Zurzeit würden alle Daten ausgewertet.'), [
    'indirect|Der Sprecher|sagen|die Daten seien sicher',
    'indirect|Der Sprecher|-|Zurzeit würden alle Daten ausgewertet',
  ]);
  assert.deepEqual(quotes('Das Wetter war schlecht. Mit Regenschirm wäre es besser gewesen.'), []);
  // Konjunktiv II the tagger reads as a past indicative: an umlaut the infinitive lacks ("brächten"), a
  // modal's umlaut the past drops ("müssten").
  assert.deepEqual(
    quotes('Der Arzt sagte, die Studie sei richtig. Die Kassen brächten viel Geld auf. Die Patienten müssten warten.'),
    [
      'indirect|Der Arzt|sagen|die Studie sei richtig',
      'indirect|Der Arzt|-|Die Kassen brächten viel Geld auf. Die Patienten müssten warten',
    ],
  );
  // Konjunktiv I alone reports, speaker unnamed; reportative "sollen" with a perfect infinitive too.
  assert.deepEqual(quotes('Der Bus kam von der Straße ab. Der Fahrer sei zu schnell gefahren.'), [
    'indirect|-|-|Der Fahrer sei zu schnell gefahren',
  ]);
  assert.deepEqual(quotes('Er soll ein Video der Tat hochgeladen haben.'), [
    'indirect|-|-|Er soll ein Video der Tat hochgeladen haben',
  ]);
  // So does "sollen" with a passive perfect, a predicate or an object of "sein"/"haben".
  assert.deepEqual(quotes('Dabei sollen vor allem junge Männer verhaftet worden sein.'), [
    'indirect|-|-|Dabei sollen vor allem junge Männer verhaftet worden sein',
  ]);
  assert.deepEqual(quotes('Der Erreger soll resistent gegen Medikamente sein.'), [
    'indirect|-|-|Der Erreger soll resistent gegen Medikamente sein',
  ]);
  // A plan with "sollen" is not a report.
  assert.deepEqual(quotes('Die Taufe soll am 15. Juni in New York erfolgen.'), []);
  // The full Konjunktiv I of an "-eln" verb, which the dictionaries lack ("handle" only).
  assert.deepEqual(quotes('Der Sprecher sagte, es handele sich um einen Fehler.'), [
    'indirect|Der Sprecher|sagen|es handele sich um einen Fehler',
  ]);
});

test('"nach"-attributions with articles, compounds and postposed "nach"', () => {
  assert.deepEqual(quotes('Nach einem Bericht der BBC seien 62 Studien ausgewertet worden.'), [
    'indirect|der BBC|nach|seien 62 Studien ausgewertet worden',
  ]);
  // The attribution stays inside the clause it stands in, as the SpkAtt annotators mark it.
  assert.deepEqual(quotes('Dabei sind nach Polizeiangaben elf Personen gestorben.'), [
    'indirect|Polizeiangaben|nach|Dabei sind nach Polizeiangaben elf Personen gestorben',
  ]);
  assert.deepEqual(quotes('Seiner Meinung nach hätte die Aufsicht von der Landung abraten müssen.'), [
    'indirect|Seiner Meinung|nach|hätte die Aufsicht von der Landung abraten müssen',
  ]);
});

test('speakers of framing clauses: a colon frame with any verb, a fronted adverbial, a pronoun after the verb', () => {
  assert.deepEqual(quotes('Dabei griff die Kanzlerin den Präsidenten an: „Das ist nicht hinnehmbar.“'), [
    'direct|die Kanzlerin|-|Das ist nicht hinnehmbar.',
  ]);
  assert.deepEqual(quotes('Als Begründung sagte ein Wissenschaftler: „Das Feld ist breit.“'), [
    'direct|ein Wissenschaftler|sagen|Das Feld ist breit.',
  ]);
  assert.deepEqual(quotes('Die Arbeit der Koalition lobte er mit den Worten: „Sie handelt pragmatisch.“'), [
    'direct|er|loben|Sie handelt pragmatisch.',
  ]);
  // An evaluating verb frames a quoted fragment: "nannte … „aus der Luft gegriffen“".
  assert.deepEqual(quotes('Die Chefin des Senders nannte diese Zahlen „aus der Luft gegriffen“.'), [
    'direct|Die Chefin des Senders|nennen|aus der Luft gegriffen',
  ]);
});

test('after a speech verb, a clause that starts like a relative or prepositional phrase is reported when in Konjunktiv', () => {
  assert.deepEqual(quotes('Der Minister sagte in Juba, die SPLA werde nicht vergelten.'), [
    'indirect|Der Minister|sagen|die SPLA werde nicht vergelten',
  ]);
  assert.deepEqual(quotes('Brüderle sagte, mit dem Beschluss werde der Umbau forciert.'), [
    'indirect|Brüderle|sagen|mit dem Beschluss werde der Umbau forciert',
  ]);
  // The message ends where an indicative main clause takes over.
  assert.deepEqual(quotes('Er hatte vor Gericht erklärt, er sei unschuldig, erkannte das Gericht aber nicht an.'), [
    'indirect|Er|erklären|er sei unschuldig',
  ]);
});

test('a trailing frame with a perfect auxiliary: "…, hatte Obama in Moskau gesagt"', () => {
  assert.deepEqual(quotes('Es drohe ein Wettrüsten, hatte Obama bei seinem Besuch in Moskau gesagt.'), [
    'indirect|Obama|sagen|Es drohe ein Wettrüsten',
  ]);
});

test('a speech or stance verb in Konjunktiv I after "sagte," belongs to the message', () => {
  assert.deepEqual(quotes('Titel\n\nEin Sprecher sagte, er gehe nicht davon aus.'), [
    'indirect|Ein Sprecher|sagen|er gehe nicht davon aus',
  ]);
  // In the indicative it is the next frame: "…, sagte der Kreml" is not what was said.
  assert.equal(
    quotes('Titel\n\nDie Lage sei ruhig, erklärte der Sprecher, sagte die Polizei.').some((q) =>
      q.endsWith('|sagte die Polizei'),
    ),
    false,
  );
});

test('zu-infinitives of claims, charges and demands are what was said; a demand only purposed is not', () => {
  assert.deepEqual(quotes('Titel\n\nDie Bahn gab an, den Mitarbeiter nicht mehr einsetzen zu wollen.'), [
    'indirect|Die Bahn|angeben|den Mitarbeiter nicht mehr einsetzen zu wollen',
  ]);
  assert.deepEqual(quotes('Titel\n\nDie Polizei forderte die Demonstranten auf, nach Hause zu gehen.'), [
    'indirect|Die Polizei|auffordern|nach Hause zu gehen',
  ]);
  // A particle verb's zu-infinitive the lexicon does not list ("voranzutreiben"), after a correlate "dazu".
  assert.deepEqual(quotes('Titel\n\nDas Parlament hat die Staaten dazu aufgefordert, einen Plan voranzutreiben.'), [
    'indirect|Das Parlament|auffordern|einen Plan voranzutreiben',
  ]);
  assert.deepEqual(quotes('Titel\n\nColomer empfahl dem Gericht, der Klage stattzugeben.'), [
    'indirect|Colomer|empfehlen|der Klage stattzugeben',
  ]);
  // "um … zu fordern" says why they gathered, not what anyone said; the clause after it is not a demand.
  assert.deepEqual(
    quotes(
      'Titel\n\nDemonstranten versammelten sich auf dem Platz, um eine Veränderung zu fordern, als sie an einer Mahnwache für einen dort verstorbenen Aktivisten in der Hauptstadt teilnahmen.',
    ),
    [],
  );
});

test('"Dies gab X bekannt." frames the sentence before it', () => {
  const text =
    'Titel\n\nDer Italiener Giovanni Trapattoni wird neuer Trainer beim VfB Stuttgart. ' +
    'Dies gab die Vereinsführung heute auf einer Pressekonferenz bekannt.';
  assert.deepEqual(quotes(text), [
    'indirect|die Vereinsführung|bekanntgeben|Der Italiener Giovanni Trapattoni wird neuer Trainer beim VfB Stuttgart',
  ]);
  // The paragraph before it, back to its start or to a sentence with a frame of its own.
  assert.deepEqual(
    quotes(
      'Titel\n\nDie Tour brachte einen Rekord. Sie spülte viel Geld in die Kassen der Band. ' +
        'Das berichtete die Musikzeitschrift „Billboard“ in ihrer Ausgabe.',
    ),
    [
      'indirect|die Musikzeitschrift „Billboard“|berichten|Die Tour brachte einen Rekord. Sie spülte viel Geld in die Kassen der Band',
    ],
  );
  // A question before it is no statement, and a sentence with its own frame keeps it.
  assert.deepEqual(quotes('Titel\n\nWird Trapattoni Trainer? Das erklärte der Verein.'), []);
  assert.deepEqual(quotes('Titel\n\nTrapattoni wird Trainer. Das bestätigte der Verein nicht.'), []);
});

test('a clause whose verb is itself the report is the message; comments, negations and passives are not', () => {
  assert.deepEqual(quotes('Titel\n\nEine Reporterin von n24 sprach von 800 Autos, die angezündet wurden.'), [
    'indirect|Eine Reporterin|sprechen|Eine Reporterin von n24 sprach von 800 Autos, die angezündet wurden',
  ]);
  assert.deepEqual(quotes('Titel\n\nDer Außenminister hat heute den Abzug der Truppen angekündigt.'), [
    'indirect|Der Außenminister|ankündigen|Der Außenminister hat heute den Abzug der Truppen angekündigt',
  ]);
  // "sprechen" reports only with "von"; a confirmation, a negated or a passive report names no content.
  assert.deepEqual(quotes('Titel\n\nDer Präsident sprach mit den Ministern.'), []);
  assert.deepEqual(quotes('Titel\n\nDer Sprecher bestätigte den Vorfall.'), []);
  assert.deepEqual(quotes('Titel\n\nDer Minister kündigte den Abzug nicht an.'), []);
  assert.deepEqual(quotes('Titel\n\nDer Abzug wurde am Montag angekündigt.'), []);
  // A headline announces; a demand is a REQUEST event, not a quote.
  assert.deepEqual(quotes('Minister kündigt Abzug an\n\nDer Abzug beginnt.'), []);
  assert.deepEqual(quotes('Titel\n\nDie Demonstranten forderten den Rücktritt der Regierung.'), []);
});

/** The last quote of a three-sentence text whose middle report has `object` ("die Ablehnung", "dies"). */
function handOver(object: string): string | undefined {
  const text =
    `Titel\n\nSie bezeichnet diese Lösung als Irrweg. Gewerkschaftschef Konrad Freiberg begründete ${object} ` +
    'mit den Kapazitäten. Bereits heute müssten private Firmen den Schutz übernehmen.';
  return quotes(text).at(-1);
}

const HANDED_OVER =
  'indirect|Gewerkschaftschef Konrad Freiberg|-|Bereits heute müssten private Firmen den Schutz übernehmen';

test('a report without a quote of its own hands its speaker to the Konjunktiv sentence after it', () => {
  assert.equal(handOver('die Ablehnung'), HANDED_OVER);
});

// A known parser error of the parser trained on 2026-12-04 (issue 4), kept as todo so that a parser that
// fixes it shows it: with "dies" after the verb, the parse makes the pronoun the subject and the name before
// the verb an oblique, so the report's speaker is "dies" and the hand-over goes to the sentence before.
test(
  'a report with a demonstrative object hands its named subject to the Konjunktiv sentence after it',
  { todo: 'the parser takes "dies" as the subject of "begründete" (issue 4)' },
  () => {
    assert.equal(handOver('dies'), HANDED_OVER);
  },
);

test('an announcement without the comma before its zu-infinitive', () => {
  assert.deepEqual(quotes('Titel\n\nMubarak hatte am Donnerstag angekündigt bei der Wahl erneut anzutreten.'), [
    'indirect|Mubarak|ankündigen|bei der Wahl erneut anzutreten',
  ]);
});

test('a dass-clause of means after "dadurch" is no message', () => {
  assert.deepEqual(
    quotes('Titel\n\nSeine Stellung ergibt sich vielmehr dadurch, dass er das Parlament auflösen kann.'),
    [],
  );
});

test('a speech verb followed by "aber"/"jedoch" shares its clause’s subject: no inverted frame', () => {
  assert.deepEqual(
    quotes('Titel\n\nDem Versuch, den Sitz zurückzuerobern, werden aber geringe Chancen eingeräumt.'),
    [],
  );
  assert.deepEqual(quotes('Titel\n\nDie Lage sei ruhig, sagte der Sprecher.'), [
    'indirect|der Sprecher|sagen|Die Lage sei ruhig',
  ]);
});

test('"nach Angaben von X": sources with a digit, an apposition, a coordination', () => {
  assert.deepEqual(quotes('Titel\n\nNach Angaben von n24 sind die Gruppen sehr mobil.'), [
    'indirect|n24|nach|sind die Gruppen sehr mobil',
  ]);
  assert.deepEqual(
    quotes('Titel\n\nNach Angaben von Kristján Loftsson, einem Manager der Firma, wurde eine Crew angeheuert.'),
    ['indirect|Kristján Loftsson|nach|wurde eine Crew angeheuert'],
  );
  const coordinated = quotes('Titel\n\nNach Angaben der New York Times und der Washington Post starben 24 Zivilisten.');
  assert.deepEqual(
    coordinated.map((q) => q.split('|')[3]),
    ['starben 24 Zivilisten'],
  );
  // The owner may open with a possessive or, in the plural, with an adjective alone.
  assert.deepEqual(quotes('Titel\n\nNach Angaben seines Anwalts starb er in seinem Haus.'), [
    'indirect|seines Anwalts|nach|starb er in seinem Haus',
  ]);
  assert.deepEqual(quotes('Titel\n\nNach Angaben informierter Kreise betrug das Lösegeld drei Millionen Dollar.'), [
    'indirect|informierter Kreise|nach|betrug das Lösegeld drei Millionen Dollar',
  ]);
});

test('quoted titles after a noun and quoted web addresses are names, not speech', () => {
  assert.deepEqual(quotes('Titel\n\nDas Buch „Deutschland schafft sich ab“ erschien 2010.'), []);
  assert.deepEqual(quotes('Titel\n\nEr las „news.bbc.co.uk“ jeden Tag.'), []);
});

test('a definite person role right after a person was named is that person; "verwies darauf, dass"', () => {
  const text =
    'Titel\n\nGewerkschaftschef Konrad Freiberg begründete dies mit den Kapazitäten. ' +
    'Der GdP-Vorsitzende verwies darauf, dass 7000 Stellen abgebaut worden seien.';
  assert.equal(quotes(text).at(-1), 'indirect|Der GdP-Vorsitzende|verweisen|dass 7000 Stellen abgebaut worden seien');
  assert.equal(speakerEntityName(text, quotes(text).length - 1), 'Konrad Freiberg');
});

test('"er"/"sie" take the subject of the sentence before when its noun has the pronoun\'s gender', () => {
  const text = 'Titel\n\nDie Kanzlerin Angela Merkel traf Wolfgang Schäuble. Sie sagte, das sei gut.';
  assert.equal(speakerEntityName(text, 0), 'Angela Merkel');
  // A feminine institution is no person: the pronoun stays unresolved rather than taking the last man named.
  const union =
    'Titel\n\nWolfgang Schäuble schlug den Einsatz vor. Die Gewerkschaft hat den Einsatz abgelehnt. Sie sagte, das sei falsch.';
  assert.equal(speakerEntityName(union, 0), null);
});

test('"wonach"-clauses report what the noun before them says; quoted and lower-case sources', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nEin Bericht der Agentur Interfax, wonach der Oppositionsführer festgenommen worden sein soll, wurde dementiert.',
    ),
    ['indirect|der Agentur Interfax|wonach|der Oppositionsführer festgenommen worden sein soll'],
  );
  assert.deepEqual(quotes('Titel\n\nNach einem Bericht der „Frankfurter Allgemeinen“ ist der Umsatz gesunken.'), [
    'indirect|Frankfurter|nach|ist der Umsatz gesunken',
  ]);
  assert.deepEqual(quotes('Titel\n\nNach Auskunft der NASA würde der Satellit verglühen.'), [
    'indirect|der NASA|nach|würde der Satellit verglühen',
  ]);
});

test('a dass-clause keeps what it governs; an indicative verb after "und" is the narrator again', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDer BGH begründete dies damit, dass sich die Mitglieder zusammengetan hätten, um Lieder zu vertreiben.',
    ),
    ['indirect|Der BGH|begründen|dass sich die Mitglieder zusammengetan hätten, um Lieder zu vertreiben'],
  );
  // A subordinate clause hanging on it is part of what was said, in any mood.
  assert.deepEqual(
    quotes('Titel\n\nEr sagte, dass die Maus tot gewesen sei, als sie mit den Blättern in Kontakt geraten war.'),
    ['indirect|Er|sagen|dass die Maus tot gewesen sei, als sie mit den Blättern in Kontakt geraten war'],
  );
  // So is a relative clause on it, in any mood, as SpkAtt annotates it.
  assert.deepEqual(quotes('Titel\n\nEr sagte, dass es zwei Studien gebe, die gemeinsam vorgestellt werden.'), [
    'indirect|Er|sagen|dass es zwei Studien gebe, die gemeinsam vorgestellt werden',
  ]);
  assert.deepEqual(quotes('Titel\n\nEr sagte, er halte das Gesetz für vertretbar und verließ den Saal.'), [
    'indirect|Er|sagen|er halte das Gesetz für vertretbar',
  ]);
});

test('a title gives a person a gender for "er"/"sie"; an apposition after a split name is the speaker', () => {
  const text =
    'Titel\n\nDen von Innenminister Wolfgang Schäuble geplanten Einsatz lehnte die Gewerkschaft ab. Sie bezeichnet ihn als Irrweg.';
  assert.equal(speakerEntityName(text, 0), null);
  const taliban =
    'Titel\n\nDer Angriff sei eine Strafe, so der Sprecher der Bewegung Tehrik-i-Taliban Pakistan, Ehsanullah Ehsan.';
  assert.equal(speakerEntityName(taliban, 0), 'Ehsanullah Ehsan');
});

test('a title-case quotation after an article names something unless a speech verb frames it', () => {
  assert.deepEqual(quotes('Titel\n\nEr erhielt den „Sacharow-Preis für geistige Freiheit“ im Dezember.'), []);
  assert.deepEqual(quotes('Titel\n\nDie Wahl bezeichnete er als einen „Akt des politischen Verbrechertums“.'), [
    'direct|er|bezeichnen|Akt des politischen Verbrechertums',
  ]);
});

test('headlines and parenthesised notes are no reports; a relative clause on a source is not the message', () => {
  assert.deepEqual(quotes('Titel\n\nDie Armee griff an (Wikinews berichtete).'), []);
  assert.deepEqual(
    quotes(
      'Titel\n\nNach Angaben der Zeitung, die sich auf Sprecher stützt, kam eine Untersuchung zu diesem Ergebnis.',
    ),
    ['indirect|der Zeitung|nach|kam eine Untersuchung zu diesem Ergebnis'],
  );
});

test('"nach" with an unnamed source gives that source as the speaker; a sentence adverb is no speaker', () => {
  assert.deepEqual(quotes('Titel\n\nNach ersten Untersuchungen war der Brand ein Unfall.'), [
    'indirect|ersten Untersuchungen|nach|war der Brand ein Unfall',
  ]);
  assert.deepEqual(quotes('Titel\n\nUnterdessen verlangen die Grünen, dass sich der Ausschuss damit befasst.'), [
    'indirect|die Grünen|verlangen|dass sich der Ausschuss damit befasst',
  ]);
});

test('reported speech reaches past long first fields, quoted names and relative clauses', () => {
  // The Konjunktiv verb comes ten words after "sagte,".
  assert.deepEqual(
    quotes(
      'Der Bürgermeister sagte, in dem kleinen Dorf an der Grenze zwischen den beiden Provinzen seien drei Häuser zerstört worden.',
    ),
    [
      'indirect|Der Bürgermeister|sagen|in dem kleinen Dorf an der Grenze zwischen den beiden Provinzen seien drei Häuser zerstört worden',
    ],
  );
  // A main clause in Konjunktiv I whose first field holds a quoted name, or a relative clause.
  const named = quotes(
    'Die Firma äußerte sich zuversichtlich. Auch das Werk „Nordlicht“ in Bremen sei bald wieder bereit.',
  );
  assert.ok(
    named.some(
      (q) => q.startsWith('indirect|') && q.endsWith('|Auch das Werk „Nordlicht“ in Bremen sei bald wieder bereit'),
    ),
    named.join('\n'),
  );
  const relative = quotes(
    'Der Minister verteidigte den Einsatz. Beim letzten Sturm, dessen Folgen geringer waren, seien nur 500 Helfer im Einsatz gewesen.',
  );
  assert.ok(
    relative.some((q) => q.startsWith('indirect|') && q.includes('seien nur 500 Helfer im Einsatz gewesen')),
    relative.join('\n'),
  );
});

test('"wie X bekannt gab": a particle written apart before the clause-final verb', () => {
  assert.deepEqual(quotes('Wie das Ministerium am Montag bekannt gab, wird die Grenze wieder geöffnet.'), [
    'indirect|das Ministerium|bekanntgeben|wird die Grenze wieder geöffnet',
  ]);
});

test('a semicolon ends a reported clause', () => {
  assert.deepEqual(quotes('Laut Polizei ist der Mann 40 Jahre alt; er lebte allein.'), [
    'indirect|Polizei|laut|ist der Mann 40 Jahre alt',
  ]);
});

test('"laut" and "gemäß" attribute only where they name a source', () => {
  assert.deepEqual(quotes('Der Vorstand dachte bereits laut über mögliche Nachfolger nach.'), []);
  assert.deepEqual(quotes('Das Strafrecht wurde gemäß dem Grundgesetz geändert.'), []);
  assert.deepEqual(quotes('Die Trümmer lagen gemäß einem Augenzeugen weit verstreut.'), [
    'indirect|einem Augenzeugen|gemäß|Die Trümmer lagen gemäß einem Augenzeugen weit verstreut',
  ]);
  assert.deepEqual(quotes('Laut Innenminister Müller ist die Lage ruhig.'), [
    'indirect|Innenminister Müller|laut|ist die Lage ruhig',
  ]);
});

test('"sich melden" (getting in touch) is no speech verb', () => {
  assert.deepEqual(quotes('Dann meldete er sich bei seiner Schwester, er hatte Heimweh.'), []);
  assert.deepEqual(quotes('Die Polizei meldete, drei Menschen seien verletzt worden.'), [
    'indirect|Die Polizei|melden|drei Menschen seien verletzt worden',
  ]);
});

test('a zu-infinitive clause inside a dass-clause belongs to the report', () => {
  assert.deepEqual(
    quotes(
      'Der Minister erklärte, dass die Polizei unfähig sei, die Lage zu kontrollieren, und dass der Armee nicht mehr vertraut werden könne.',
    ),
    [
      'indirect|Der Minister|erklären|dass die Polizei unfähig sei, die Lage zu kontrollieren, und dass der Armee nicht mehr vertraut werden könne',
    ],
  );
});

test('less common speech verbs frame reported speech too', () => {
  for (const [verb, lemma] of [
    ['urteilte', 'urteilen'],
    ['präzisierte', 'präzisieren'],
    ['konterte', 'kontern'],
    ['leugnete', 'leugnen'],
    ['prophezeite', 'prophezeien'],
    ['schlussfolgerte', 'schlussfolgern'],
  ]) {
    assert.deepEqual(quotes(`Der Richter ${verb}, dass die Wahl gültig sei.`), [
      `indirect|Der Richter|${lemma}|dass die Wahl gültig sei`,
    ]);
  }
});

test('an attribution inside its clause: the whole clause is the message, its first word too', () => {
  const found = quotes(
    'Viele Städte haben eine Umweltzone, die nach Einschätzung des Umweltbundesamtes die Luft verbessert.',
  );
  assert.ok(
    found.some((q) => q.endsWith('|die nach Einschätzung des Umweltbundesamtes die Luft verbessert')),
    found.join('\n'),
  );
});

test('an announced or charged zu-infinitive may close a long clause', () => {
  assert.deepEqual(
    quotes(
      'Kritiker warnen davor, das alte Gebot der Trennung von Polizei und Geheimdiensten bei der täglichen Arbeit der neuen Stelle aufzuweichen.',
    ),
    [
      'indirect|Kritiker|warnen|das alte Gebot der Trennung von Polizei und Geheimdiensten bei der täglichen Arbeit der neuen Stelle aufzuweichen',
    ],
  );
});

test('a stance or speech noun before a comma frames what follows ("vertrat die Ansicht, dass …")', () => {
  assert.deepEqual(quotes('Die Ministerin vertrat die Ansicht, dass die Reform scheitern werde.'), [
    'indirect|Die Ministerin|Ansicht|dass die Reform scheitern werde',
  ]);
  assert.deepEqual(quotes('Die Firma zog das Angebot mit der Begründung zurück, die Ausschreibung sei unfair.'), [
    'indirect|Die Firma|Begründung|die Ausschreibung sei unfair',
  ]);
  // A demand is a REQUEST event and, as SpkAtt marks it, a quote of what was demanded.
  assert.deepEqual(quotes('Der Präsident erteilte der Armee den Befehl, den Flüchtlingen zu helfen.'), [
    'indirect|Der Präsident|Befehl|den Flüchtlingen zu helfen',
  ]);
  assert.deepEqual(quotes('Die Kommission hatte den Standpunkt vertreten, das Gericht sei nicht zuständig.'), [
    'indirect|Die Kommission|Standpunkt|das Gericht sei nicht zuständig',
  ]);
  // Without a clause after the comma, nothing was said.
  assert.deepEqual(quotes('Er teilte die Ansicht, wie viele andere auch.'), []);
});

test('a passive speech verb: its subject is who it is said of, the speaker its "von"-agent or no one', () => {
  assert.deepEqual(quotes('Er wird verdächtigt, einen Anschlag geplant zu haben.'), [
    'indirect|-|verdächtigen|einen Anschlag geplant zu haben',
  ]);
  assert.deepEqual(quotes('Zwei Männer wurden festgenommen, die beschuldigt werden, Mitglieder einer Miliz zu sein.'), [
    'indirect|-|beschuldigen|Mitglieder einer Miliz zu sein',
  ]);
  assert.deepEqual(quotes('Es wurde von der Regierung mitgeteilt, dass die Grenze offen sei.'), [
    'indirect|der Regierung|mitteilen|dass die Grenze offen sei',
  ]);
});

test('findings and decisions: "Ermittlungen ergaben, dass …", "legte fest, dass …", "deutete an, … zu wollen"', () => {
  assert.deepEqual(quotes('Die Ermittlungen ergaben, dass der Brand gelegt wurde.'), [
    'indirect|Die Ermittlungen|ergeben|dass der Brand gelegt wurde',
  ]);
  assert.deepEqual(quotes('Das Ministerium legte fest, dass nur 30 Wale gejagt werden dürfen.'), [
    'indirect|Das Ministerium|festlegen|dass nur 30 Wale gejagt werden dürfen',
  ]);
  assert.deepEqual(quotes('Die Gruppe deutete an, die Proteste ausweiten zu wollen.'), [
    'indirect|Die Gruppe|andeuten|die Proteste ausweiten zu wollen',
  ]);
});

test('"bekannt werden" and "bekannt geben" with the particle written apart, without a speaker named', () => {
  assert.deepEqual(quotes('Es wurde bekannt, dass der Minister zurücktritt.'), [
    'indirect|-|bekanntwerden|dass der Minister zurücktritt',
  ]);
  assert.deepEqual(quotes('Wie bekannt wurde, ist der Minister krank.'), [
    'indirect|-|bekanntwerden|ist der Minister krank',
  ]);
  assert.deepEqual(quotes('Am Montag wurde bekannt gegeben, dass die Grenze offen ist.'), [
    'indirect|-|bekanntgeben|dass die Grenze offen ist',
  ]);
  assert.deepEqual(quotes('Er ist als Autor bekannt geworden.'), []);
});

test('a sentence opening with "Demnach" reports what the source before it says', () => {
  const found = quotes(
    'Die Bank veröffentlichte heute neue Zahlen. Demnach verlor sie im Quartal 12 Milliarden Franken.',
  );
  assert.ok(
    found.some((q) => q.startsWith('indirect|') && q.endsWith('|verlor sie im Quartal 12 Milliarden Franken')),
    found.join('\n'),
  );
});

test('a relative pronoun as the speaker stands for the entity before it', () => {
  const text = 'Die Polizei befragte die Anwältin Maria Huber, die sagte, dass ihre Mandantin oft angerufen habe.';
  assert.deepEqual(quotes(text), ['indirect|die|sagen|dass ihre Mandantin oft angerufen habe']);
  assert.equal(speakerEntityName(text, 0), 'Maria Huber');
});

test('a time expression is never the speaker', () => {
  assert.deepEqual(
    quotes('Um 11:09 Uhr MEZ berichtet die Online-Ausgabe des Spiegel, Feldmann rechne mit einer Verhandlung.'),
    ['indirect|die Online-Ausgabe des Spiegel|berichten|Feldmann rechne mit einer Verhandlung'],
  );
});

test('a quoted name between the speech verb and its comma; "verkünden" announces a zu-infinitive', () => {
  assert.deepEqual(quotes('Am Abend meldet die Nachrichtenagentur „Xinhua“, die Maschine sei abgestürzt.'), [
    'indirect|die Nachrichtenagentur „Xinhua“|melden|die Maschine sei abgestürzt',
  ]);
  assert.deepEqual(quotes('Er legte sein Amt nieder und verkündete, sich künftig um Projekte kümmern zu wollen.'), [
    'indirect|Er|verkünden|sich künftig um Projekte kümmern zu wollen',
  ]);
});

test('a plain "soll" sentence continues only a report right before it: two sentences on, it is a plan', () => {
  const texts = (text: string): string[] => quotes(text).map((q) => q.split('|')[3] as string);
  assert.deepEqual(texts('Titel\n\nDer Minister sagte, er sei zufrieden. Die Reform soll im Juni beginnen.'), [
    'er sei zufrieden',
    'Die Reform soll im Juni beginnen',
  ]);
  assert.deepEqual(
    texts('Titel\n\nDer Minister sagte, er sei zufrieden. Danach gab es Kaffee. Die Reform soll im Juni beginnen.'),
    ['er sei zufrieden'],
  );
});

test('no report: a norm cited with "nach", a time after "nach der Veröffentlichung", what is expected', () => {
  assert.deepEqual(quotes('Titel\n\nDer Präsident hat den Bundestag nach Artikel 68 des Grundgesetzes aufgelöst.'), []);
  assert.deepEqual(
    quotes('Titel\n\nSechs Tage nach der Veröffentlichung der Enzyklika lobten die Bischöfe den Papst.'),
    [],
  );
  assert.deepEqual(quotes('Titel\n\nDer Sturm hat sich wie erwartet zu einem Hurrikan entwickelt.'), []);
  assert.deepEqual(quotes('Titel\n\nIm nächsten Jahr erwartet die Bank höhere Überweisungen.'), []);
  // A source noun with a number after it is still a source: "nach Schätzungen 300 Menschen".
  assert.equal(quotes('Titel\n\nBei dem Unglück starben nach Angaben der Polizei 300 Menschen.').length, 1);
});

test("the speaker's named apposition is read past on the way to the message, and hyphens do not lengthen a quoted name", () => {
  assert.deepEqual(
    quotes('Titel\n\nJetzt gab der Leiter der Dienststelle, Andreas Huber, bekannt, dass das Handy gefunden wurde.'),
    ['indirect|Andreas Huber|bekanntgeben|dass das Handy gefunden wurde'],
  );
  assert.deepEqual(
    quotes('Titel\n\nDas sagte der Koordinator, Deftalgne Tessema, gegenüber der BBC, dass 14 Boote im Einsatz seien.'),
    ['indirect|Deftalgne Tessema|sagen|dass 14 Boote im Einsatz seien'],
  );
  assert.deepEqual(quotes('Titel\n\nEr sagte, „No-Go-Areas“ dürfe es nicht geben.'), [
    'indirect|Er|sagen|„No-Go-Areas“ dürfe es nicht geben',
  ]);
});

test('"Denn wie X berichtete, …", a quoted first part of a speaker\'s compound, an apposition right before "dass"', () => {
  assert.deepEqual(quotes('Titel\n\nDenn wie die „Bild“-Zeitung berichtete, leidet der Schauspieler an Alzheimer.'), [
    'indirect|die „Bild“-Zeitung|berichten|leidet der Schauspieler an Alzheimer',
  ]);
  assert.deepEqual(
    quotes('Titel\n\nAm Montag meldete der Radiosender, Radio Vatikan, dass die Enzyklika gut verkauft wird.'),
    ['indirect|der Radiosender|melden|dass die Enzyklika gut verkauft wird'],
  );
  assert.deepEqual(quotes('Titel\n\nDie Firma gab bekannt, für die Konsole ein Update anbieten zu wollen.'), [
    'indirect|Die Firma|bekanntgeben|für die Konsole ein Update anbieten zu wollen',
  ]);
});

test('an attribution inside a main clause: its first field before the comma and the clauses it governs belong to the report', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nNachdem Kampfflugzeuge Schüsse abgegeben haben, ist es laut dem Magazin Focus zu weiteren Zwischenfällen gekommen.',
    ),
    [
      'indirect|dem Magazin Focus|laut|Nachdem Kampfflugzeuge Schüsse abgegeben haben, ist es laut dem Magazin Focus zu weiteren Zwischenfällen gekommen',
    ],
  );
  assert.deepEqual(
    quotes(
      'Titel\n\nDen Bildern kommt nach Ansicht der Experten große Bedeutung zu, da sie das Alltagsleben im Lager zeigen.',
    ),
    [
      'indirect|der Experten|nach|Den Bildern kommt nach Ansicht der Experten große Bedeutung zu, da sie das Alltagsleben im Lager zeigen',
    ],
  );
});

test('a frame around a whole clause keeps the saying inside it, and a wonach-clause stays inside what was said', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nWie die Agentur AFP berichtet, habe sich ein Bewohner dahingehend geäußert, Panzer seien zu sehen gewesen.',
    ),
    ['indirect|die Agentur AFP|berichten|habe sich ein Bewohner dahingehend geäußert, Panzer seien zu sehen gewesen'],
  );
  assert.deepEqual(
    quotes('Titel\n\nWohlrab sagte, es sei ein falscher Eindruck entstanden, wonach die Hilfe nicht ankomme.'),
    ['indirect|Wohlrab|sagen|es sei ein falscher Eindruck entstanden, wonach die Hilfe nicht ankomme'],
  );
  // "nach ihren Angaben" inside what the group said does not take the saying from the group.
  assert.deepEqual(
    quotes('Titel\n\nDie Gruppe sagte, dass die Kandidatin nach ihren Angaben in 80 Wahllokalen gewonnen habe.'),
    ['indirect|Die Gruppe|sagen|dass die Kandidatin nach ihren Angaben in 80 Wahllokalen gewonnen habe'],
  );
});

test('a name whose first part the tagger took for an article: "laut el-Baradei"', () => {
  assert.deepEqual(quotes('Titel\n\nAnschließend sei laut el-Baradei die Bearbeitung der Brennstäbe geplant.'), [
    'indirect|el-Baradei|laut|Anschließend sei laut el-Baradei die Bearbeitung der Brennstäbe geplant',
  ]);
});

test('"seiner Meinung nach": the phrase is the speaker, standing for the person the possessive points back to', () => {
  const text =
    'Titel\n\nDer Direktor der Behörde, Mohammed el-Baradei, war in Wien. Nordkorea besitze seiner Meinung nach vier Atomwaffen.';
  assert.deepEqual(quotes(text), [
    'indirect|seiner Meinung|nach|Nordkorea besitze seiner Meinung nach vier Atomwaffen',
  ]);
  assert.equal(speakerEntityName(text, 0), 'Mohammed el-Baradei');
});

test('laut with a title the tagger missed, a participle phrase inside the source', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nLaut Oberst Franz Polzer vom Landeskriminalamt hatten die beiden Piloten ausreichend Flugerfahrung.',
    ),
    ['indirect|Franz Polzer|laut|hatten die beiden Piloten ausreichend Flugerfahrung'],
  );
  assert.deepEqual(
    quotes('Titel\n\nLaut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden 2.000 Menschen versorgt.'),
    ['indirect|des WFP|laut|wurden 2.000 Menschen versorgt'],
  );
});

test('"nach deren Angaben": an attributive "deren" the tagger took for a pronoun', () => {
  assert.deepEqual(quotes('Titel\n\nNach deren Angaben sollten täglich Speisen mit Vitamin E auf den Teller kommen.'), [
    'indirect|Angaben|nach|sollten täglich Speisen mit Vitamin E auf den Teller kommen',
  ]);
});

test('a wie-frame closed by its auxiliary; a relative clause on the reported subject', () => {
  assert.deepEqual(
    quotes('Titel\n\nWie der Weltverband FIFA in der Nacht mitgeteilt hat, wird die Meisterschaft verlegt.'),
    ['indirect|der Weltverband FIFA|mitteilen|wird die Meisterschaft verlegt'],
  );
  assert.deepEqual(
    quotes(
      'Titel\n\nDie Zeitung meldet, die Journalistin, die in Gefangenschaft gewesen war, habe die Angaben bezweifelt.',
    ),
    ['indirect|Die Zeitung|melden|die Journalistin, die in Gefangenschaft gewesen war, habe die Angaben bezweifelt'],
  );
});

test('a frame set in the middle of the report ("…, so X, …", "…, sagte X, sei …") leaves the whole sentence as the message', () => {
  assert.deepEqual(quotes('Titel\n\nDer Präsident sei, so Gamkrelidse, schuld an der Niederlage.'), [
    'indirect|Gamkrelidse|so|Der Präsident sei, so Gamkrelidse, schuld an der Niederlage',
  ]);
  assert.deepEqual(quotes('Titel\n\nDie Lage, sagte der Minister, sei ernst.'), [
    'indirect|der Minister|sagen|Die Lage, sagte der Minister, sei ernst',
  ]);
  // An indicative clause after the frame is the narrator's again.
  assert.deepEqual(quotes('Titel\n\nDie Lage sei ernst, sagte der Minister, und verließ den Saal.'), [
    'indirect|der Minister|sagen|Die Lage sei ernst',
  ]);
});

test('a clause attributed as a whole goes on past a comma with the same subject; after a speech verb the narrator takes over', () => {
  assert.deepEqual(
    quotes('Titel\n\nAugenzeugenberichten zufolge liefen Menschen ins Freie, erschienen jedoch gefasst.'),
    ['indirect|Augenzeugenberichten|zufolge|liefen Menschen ins Freie, erschienen jedoch gefasst'],
  );
  assert.deepEqual(
    quotes('Titel\n\nEr hatte vor Gericht erklärt, er sei unschuldig, erkannte das Gericht aber nicht an.'),
    ['indirect|Er|erklären|er sei unschuldig'],
  );
});

test('an announced zu-infinitive the tagger took for a plain infinitive ("zurückzutreten" as VVINF)', () => {
  assert.deepEqual(quotes('Titel\n\nDeiss kündigte an, von seinem Amt zurückzutreten.'), [
    'indirect|Deiss|ankündigen|von seinem Amt zurückzutreten',
  ]);
});

test('"Danach" reports after a sentence that names a source, and means "afterwards" elsewhere', () => {
  const texts = (text: string): string[] => quotes(text).map((q) => q.split('|')[3] as string);
  assert.deepEqual(
    texts(
      'Titel\n\nDie Bank veröffentlichte heute neue Quartalszahlen. Danach verzeichnet sie Verluste in Milliardenhöhe.',
    ),
    ['verzeichnet sie Verluste in Milliardenhöhe'],
  );
  assert.deepEqual(texts('Titel\n\nDie Minister trafen sich in Brüssel. Danach gingen sie essen.'), []);
});

test('an attribution opening a clause after a semicolon or parenthesis reports that clause only', () => {
  assert.deepEqual(
    quotes('Titel\n\nDie Veranstalter schätzten 2.000 Teilnehmer; nach Polizeiangaben waren es zirka 1.000.'),
    ['indirect|Polizeiangaben|nach|waren es zirka 1.000'],
  );
  assert.deepEqual(
    quotes(
      'Titel\n\nDie Rakete traf die Stadt, 37 Kilometer entfernt (nach anderen Angaben liegt sie 46 Kilometer entfernt) und richtete Schaden an.',
    ),
    ['indirect|anderen Angaben|nach|liegt sie 46 Kilometer entfernt'],
  );
  // A closed parenthesis before the attribution is read past; a demonstrative may open the source.
  assert.deepEqual(
    quotes(
      'Titel\n\nDer Ministerpräsident Kurt Beck (SPD) hat eigenen Angaben zufolge Briefe erhalten. Laut diesem Entwurf wären nur die Downloads betroffen.',
    ),
    [
      'indirect|eigenen Angaben|zufolge|Der Ministerpräsident Kurt Beck (SPD) hat eigenen Angaben zufolge Briefe erhalten',
      'indirect|diesem Entwurf|laut|wären nur die Downloads betroffen',
    ],
  );
});

test('an attribution inside a verb-last clause reaches its verb; a genitive name after the source noun is the source', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nBomben zerstörten ein Büro, das nach israelischen Angaben unter anderem der Planung, Finanzierung und Unterstützung von Anschlägen diene.',
    ),
    [
      'indirect|israelischen Angaben|nach|das nach israelischen Angaben unter anderem der Planung, Finanzierung und Unterstützung von Anschlägen diene',
    ],
  );
  const text =
    'Titel\n\nGleiches gelte nach Meinung Russlands auch für das Flugzeug, welches umgehend übergeben werden müsse.';
  const [q] = analyzeDocument(textDocument(text), {}).quotes;
  assert.equal(
    q?.text,
    'Gleiches gelte nach Meinung Russlands auch für das Flugzeug, welches umgehend übergeben werden müsse',
  );
  assert.match(q?.speaker?.text ?? '', /Russlands$/);
  assert.equal(speakerEntityName(text, 0), 'Russland');
});

test("a relative or adverbial clause in Konjunktiv I reports on its own; its speaker is the main clause's named subject", () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nAmnesty International führt schwere Mängel im Rechtssystem an, für die ein unzulänglicher Gesetzesrahmen verantwortlich sei.',
    ),
    ['indirect|Amnesty International|-|für die ein unzulänglicher Gesetzesrahmen verantwortlich sei'],
  );
  // What the clause governs goes with it; an indicative clause, and "ich habe", report nothing.
  assert.deepEqual(
    quotes('Titel\n\nInnenminister Horst Seehofer lobte das Gesetz, weil es zeige, dass der Staat handeln könne.'),
    ['indirect|Innenminister Horst Seehofer|-|weil es zeige, dass der Staat handeln könne'],
  );
  assert.deepEqual(quotes('Titel\n\nDer Minister lobte das Gesetz, weil es zeigt, wie der Staat handelt.'), []);
  assert.deepEqual(quotes('Titel\n\nEs war das beste Essen, das ich je gegessen habe.'), []);
  // So does a main clause in Konjunktiv I after a comma, with its verb second.
  assert.deepEqual(
    quotes(
      'Titel\n\nIm Jahr 2010 sollen 1.000 Fahrzeuge mit Batterien fahren, auch eine spätere Ausweitung sei denkbar.',
    ),
    ['indirect|-|-|auch eine spätere Ausweitung sei denkbar'],
  );
  // A clause opening with its verb goes on from before an embedded relative clause: no clause of its own.
  assert.deepEqual(
    quotes('Titel\n\nDie Tat des Jungen, der vorher nicht aufgefallen war, sei gegen den Rektor gerichtet.'),
    ['indirect|-|-|Die Tat des Jungen, der vorher nicht aufgefallen war, sei gegen den Rektor gerichtet'],
  );
});

test('a longer quoted name written in title case is read past like a short one', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nJody Hey berichtete im Fachmagazin „Public Library of Science“, es sei nur Genmaterial von 70 Menschen gefunden worden.',
    ).filter((q) => q.startsWith('indirect')),
    ['indirect|Jody Hey|berichten|es sei nur Genmaterial von 70 Menschen gefunden worden'],
  );
});

test('a "so"-frame ends the message before it and names who said what a passive demand leaves unsaid', () => {
  const found = quotes(
    'Titel\n\nÄgypten wird inzwischen aufgefordert, die Grenze zum Gazastreifen zu öffnen, so Hisbollah-Chef Hassan Nasrallah im Fernsehen.',
  );
  assert.equal(found.length, 1);
  assert.match(
    found[0] ?? '',
    /^indirect\|[^|]*Hisbollah[^|]*\|so\|Ägypten wird inzwischen aufgefordert, die Grenze zum Gazastreifen zu öffnen$/,
  );
});

test('"laut denen", "nach denen" attribute a relative clause to the noun it hangs on; a "nach" of time does not', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDies ist eine Folge der Umfragen im Land, nach denen 72 Prozent der Briten die Verfassung ablehnen.',
    ),
    ['indirect|der Umfragen|nach|72 Prozent der Briten die Verfassung ablehnen'],
  );
  assert.deepEqual(
    quotes('Titel\n\nEs war ein Schritt für die Pläne der Regierung, laut denen jeder Bürger ein Radio haben sollte.'),
    ['indirect|der Regierung|laut|jeder Bürger ein Radio haben sollte'],
  );
  assert.deepEqual(quotes('Titel\n\nDie Sitzung, nach der er zurücktrat, war kurz.'), []);
});

test('a wie-frame set in the middle of a sentence reports the sentence around it; a bare participle names its agent', () => {
  assert.deepEqual(quotes('Titel\n\nDie Regierung werde, wie der Sprecher sagte, die Steuern senken.'), [
    'indirect|der Sprecher|sagen|Die Regierung werde, wie der Sprecher sagte, die Steuern senken',
  ]);
  assert.deepEqual(
    quotes(
      'Titel\n\nDie Kürzung verstoße, wie schon vom Bundesgerichtshof entschieden, gegen den Grundsatz der Gleichbehandlung.',
    ),
    [
      'indirect|Bundesgerichtshof|entscheiden|Die Kürzung verstoße, wie schon vom Bundesgerichtshof entschieden, gegen den Grundsatz der Gleichbehandlung',
    ],
  );
  // At the end of the sentence, the frame leaves what stands before it.
  assert.deepEqual(quotes('Titel\n\nDas Feuer brach am Morgen aus, wie die Polizei mitteilte.'), [
    'indirect|die Polizei|mitteilen|Das Feuer brach am Morgen aus',
  ]);
});

test('a stance before a dass-clause reports what its holder thinks', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDer Wahlkampfleiter Bodo Ramelow zeigte sich optimistisch, dass ein gemeinsamer Auftritt erreicht werden kann.',
    ),
    ['indirect|Der Wahlkampfleiter Bodo Ramelow|zeigen|dass ein gemeinsamer Auftritt erreicht werden kann'],
  );
  assert.deepEqual(quotes('Titel\n\nDie Staatsanwaltschaft war sich sicher, dass die Beweise ausreichen würden.'), [
    'indirect|Die Staatsanwaltschaft|sein|dass die Beweise ausreichen würden',
  ]);
  assert.deepEqual(quotes('Titel\n\nDie WHO hält es für unwahrscheinlich, dass man sich beim Essen ansteckt.'), [
    'indirect|Die WHO|halten|dass man sich beim Essen ansteckt',
  ]);
  // Not every clause before "dass" takes a stance.
  assert.deepEqual(quotes('Titel\n\nDas Wetter war so schlecht, dass der Flug ausfiel.'), []);
});

test('a fronted adverbial clause is not what the verb after it says, and a wie-frame of naming reports nothing', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nFalls das hochverschuldete Unternehmen Insolvenz anmelden muss, droht dem Verein der Zwangsabstieg.',
    ),
    [],
  );
  assert.deepEqual(
    quotes('Titel\n\nSeit seiner Wutrede erreichte Trapattoni, wie er weitläufig genannt wird, Kultstatus.'),
    [],
  );
  // A frame after a main clause still reports it.
  assert.deepEqual(quotes('Titel\n\nDas Feuer brach am Morgen aus, teilte die Polizei mit.'), [
    'indirect|die Polizei|mitteilen|Das Feuer brach am Morgen aus',
  ]);
});

test('ruling something out is a stance, not a report of content', () => {
  assert.deepEqual(quotes('Titel\n\nDie Linkspartei schloss jegliche Koalition mit anderen Fraktionen aus.'), []);
});

test('a demand or announcement noun frames its complement, also past whose it is', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDie Partei reagierte auf die Forderung des CSU-Vorsitzenden Edmund Stoiber, in der Gesundheitspolitik auf die SPD zuzugehen.',
    ),
    ['indirect|des CSU-Vorsitzenden Edmund Stoiber|Forderung|in der Gesundheitspolitik auf die SPD zuzugehen'],
  );
  assert.deepEqual(
    quotes(
      'Titel\n\nDie Wissenschaftler stellten schon vor 20 Jahren die Theorie auf, dass der Handel auf Gegenseitigkeit beruht.',
    ),
    ['indirect|Die Wissenschaftler|Theorie|dass der Handel auf Gegenseitigkeit beruht'],
  );
});

test('a run of free indirect speech is one report while its sentences report alike', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDabei sollen vor allem junge Männer verhaftet worden sein. Auch freigelassene Demonstranten seien erneut inhaftiert worden. Sie seien geschlagen worden.',
    ),
    [
      'indirect|-|-|Dabei sollen vor allem junge Männer verhaftet worden sein',
      'indirect|-|-|Auch freigelassene Demonstranten seien erneut inhaftiert worden. Sie seien geschlagen worden',
    ],
  );
});

test('attributions past a relative clause, hyphenated words and a left-out comma', () => {
  assert.deepEqual(quotes('Titel\n\nNach UNHCR-Angaben sind 35.000 Menschen in der Stadt eingeschlossen.'), [
    'indirect|UNHCR|nach|sind 35.000 Menschen in der Stadt eingeschlossen',
  ]);
  assert.deepEqual(
    quotes(
      'Titel\n\nDas Kraftwerk, welches von Vattenfall betrieben wird, bleibt nach Berichten des schleswig-holsteinischen Ministeriums außer Betrieb.',
    ),
    [
      'indirect|des schleswig-holsteinischen Ministeriums|nach|Das Kraftwerk, welches von Vattenfall betrieben wird, bleibt nach Berichten des schleswig-holsteinischen Ministeriums außer Betrieb',
    ],
  );
  assert.deepEqual(
    quotes('Titel\n\nWie die lokalen Fernsehsender berichten sind mindestens zwei Polizisten ums Leben gekommen.'),
    ['indirect|die lokalen Fernsehsender|berichten|sind mindestens zwei Polizisten ums Leben gekommen'],
  );
});

test('a report ends where a conjunction brings in another speaker, and a relative clause on the source is not the message', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDer Präsident sagte vor der Presse, Annabi sei tot, doch UN-Pressesprecher Nicholas Birnback erklärte, den Tod bislang nicht bestätigen zu können.',
    ),
    [
      'indirect|Der Präsident|sagen|Annabi sei tot',
      'indirect|UN-Pressesprecher Nicholas Birnback|erklären|den Tod bislang nicht bestätigen zu können',
    ],
  );
  assert.deepEqual(
    quotes(
      'Titel\n\nNach offiziellen chinesischen Angaben, die aber nicht überprüft werden können, waren die meisten Opfer Han-Chinesen.',
    ),
    ['indirect|offiziellen chinesischen Angaben|nach|waren die meisten Opfer Han-Chinesen'],
  );
});

test('hoping, objecting and hinting frame a dass-clause', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nEin Sprecher ließ gegenüber der Zeitschrift durchblicken, dass ein neues Zentrum entstehen solle.',
    ),
    ['indirect|Ein Sprecher|durchblicken|dass ein neues Zentrum entstehen solle'],
  );
  assert.deepEqual(
    quotes('Titel\n\nDer Senat hatte sich erhofft, dass die Grundstücke in den Haushalt fließen würden.'),
    ['indirect|Der Senat|erhoffen|dass die Grundstücke in den Haushalt fließen würden'],
  );
});

test('a Konjunktiv sentence opening with a subordinate clause continues the report', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDer Sprecher sagte, es habe einen Kurzschluss gegeben. Da das Kraftwerk sofort heruntergefahren wurde, sei es zu Problemen gekommen.',
    ),
    [
      'indirect|Der Sprecher|sagen|es habe einen Kurzschluss gegeben',
      'indirect|Der Sprecher|-|Da das Kraftwerk sofort heruntergefahren wurde, sei es zu Problemen gekommen',
    ],
  );
});

test('"mit den Worten, …" frames a Konjunktiv clause; a stance noun\'s content ends where its own clause goes on', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nEr trat dem Vorwurf der Verteidigung, das Gericht sei nicht legitim, mit den Worten entgegen, das Gericht sei ein irakisches.',
    ),
    [
      'indirect|der Verteidigung|Vorwurf|das Gericht sei nicht legitim',
      'indirect|Er|Wort|das Gericht sei ein irakisches',
    ],
  );
});

test('stances with a zu-infinitive or "darauf, dass"; the verb nearest the comma holds the stance', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDa die Flugbegleiter es für sinnvoll hielten, die Passagiere zu evakuieren, öffneten sie die Türen.',
    ),
    ['indirect|die Flugbegleiter|halten|die Passagiere zu evakuieren'],
  );
  assert.deepEqual(
    quotes(
      'Titel\n\nIm ersten Satz beruft sich die Bank darauf, dass die Freigabe der Daten dem Kampf gegen den Terror diene.',
    ),
    ['indirect|die Bank|berufen|dass die Freigabe der Daten dem Kampf gegen den Terror diene'],
  );
});

test('urging, stating and testifying frame their complements; an order noun its zu-infinitive', () => {
  assert.deepEqual(quotes('Titel\n\nSie drängten den Premierminister auch, seine Bemühungen zu verstärken.'), [
    'indirect|Sie|drängen|seine Bemühungen zu verstärken',
  ]);
  assert.deepEqual(
    quotes('Titel\n\nJugendliche haben gegenüber der Kreiszeitung ausgesagt, dass Paris das Vorbild sei.'),
    ['indirect|Jugendliche|aussagen|dass Paris das Vorbild sei'],
  );
  assert.deepEqual(
    quotes('Titel\n\nSie erteilten den 140 Menschen an Bord den Befehl, das Flugzeug über Notrutschen zu verlassen.'),
    ['indirect|Sie|Befehl|das Flugzeug über Notrutschen zu verlassen'],
  );
});

test('giving a figure is not a report of content; what is stated after "gab an, dass" is', () => {
  assert.deepEqual(quotes('Titel\n\nDie Polizei gab die Zahl der Toten mit 20 an.'), []);
  assert.deepEqual(quotes('Titel\n\nDie Polizei gab an, dass 20 Menschen gestorben seien.'), [
    'indirect|Die Polizei|angeben|dass 20 Menschen gestorben seien',
  ]);
});

test('"so" before the verb of an inverted frame; "so heißt" a name is no report', () => {
  assert.deepEqual(quotes('Titel\n\nDie Lage habe sich entspannt, so sagte der Sprecher am Abend.'), [
    'indirect|der Sprecher|sagen|Die Lage habe sich entspannt',
  ]);
  assert.deepEqual(
    quotes('Titel\n\nIn zehn bis fünfzehn Jahren, so schätzen die Forscher, soll die Forschung abgeschlossen sein.'),
    [
      'indirect|die Forscher|schätzen|In zehn bis fünfzehn Jahren, so schätzen die Forscher, soll die Forschung abgeschlossen sein',
    ],
  );
  assert.deepEqual(quotes('Titel\n\n„Wikiasari“, so heißt ein geplantes Projekt des Wikipedia-Gründers.'), []);
});

test('a report runs on past a list, a "falls"-clause the tagger took for a verb, and a "sondern"', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nBisher liegen laut Airbus Bestellungen für 184 Flugzeuge von Belgien, Deutschland, Frankreich und der Türkei vor.',
    ),
    [
      'indirect|Airbus|laut|Bisher liegen laut Airbus Bestellungen für 184 Flugzeuge von Belgien, Deutschland, Frankreich und der Türkei vor',
    ],
  );
  assert.deepEqual(
    quotes(
      'Titel\n\nSchwulenfeindliche Gruppen hatten angekündigt, die Parade gewaltsam anzugreifen, falls sie wie vorgesehen stattfinden würde.',
    ),
    [
      'indirect|Schwulenfeindliche Gruppen|ankündigen|die Parade gewaltsam anzugreifen, falls sie wie vorgesehen stattfinden würde',
    ],
  );
  assert.deepEqual(
    quotes(
      'Titel\n\nChomsky meinte, dass die Haltung der USA nichts mit Antikommunismus zu tun hätte, sondern lediglich damit, dass sich Kuba widersetze.',
    ),
    [
      'indirect|Chomsky|meinen|dass die Haltung der USA nichts mit Antikommunismus zu tun hätte, sondern lediglich damit, dass sich Kuba widersetze',
    ],
  );
});

test('a quoted name after the verb of a trailing frame is its speaker', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDie serbische Republik habe kapituliert, wir nicht, zitiert „BBC News“ aus ihrer jüngsten Stellungnahme.',
    ),
    ['indirect|BBC News|zitieren|Die serbische Republik habe kapituliert, wir nicht'],
  );
});

test('a reported clause ends at a colon that opens something else', () => {
  const found = quotes(
    'Titel\n\nDer Experte wandte sich gegen die Behauptung, die Kartoffel werde nicht in die Nahrung gelangen: „Wo Genpflanzen angebaut werden, tauchen sie auch in Lebensmitteln auf.“',
  );
  assert.ok(
    found.includes('indirect|Der Experte|Behauptung|die Kartoffel werde nicht in die Nahrung gelangen'),
    found.join('\n'),
  );
});

test("a quotation after an attribution's name is not part of the name", () => {
  assert.deepEqual(quotes('Titel\n\nDie Methode soll laut Klinikdirektor Matthias Beckmann „jetzt Paaren helfen“.'), [
    'indirect|Klinikdirektor Matthias Beckmann|laut|Die Methode soll laut Klinikdirektor Matthias Beckmann „jetzt Paaren helfen“',
    'direct|Klinikdirektor Matthias Beckmann|laut|jetzt Paaren helfen',
  ]);
});

test('a pronoun heading a partitive is the speaker ("Einer der Feuerwehrmänner sagte")', () => {
  assert.deepEqual(
    quotes(
      'Titel\n\nDie Feuerwehr war im Einsatz. Einer der 13 beteiligten Feuerwehrmänner sagte: „Ich habe schon viele Brände gesehen.“',
    ),
    ['direct|Einer der 13 beteiligten Feuerwehrmänner|sagen|Ich habe schon viele Brände gesehen.'],
  );
});

test('a quoted name after a definite article and an adjective is no quote; a name takes no counted "von"-phrase', () => {
  const found = quotes(
    'Wenige Stunden nach dem Putsch erklärte der neue „Oberste Rat zur Wiederherstellung der Demokratie“, die Situation sei unter Kontrolle.',
  );
  assert.ok(!found.some((q) => q.startsWith('direct|')), found.join('\n'));
  assert.ok(found.some((q) => q.startsWith('indirect|') && q.endsWith('die Situation sei unter Kontrolle')));
  const crowd = quotes('Der Putsch wurde am Samstag laut BBC von rund 10.000 Menschen mit Jubel begrüßt.');
  assert.equal(crowd[0]?.split('|')[1], 'BBC');
});

test('a fronted dative or genitive is not the speaker; "nach Meinung X" is X', () => {
  const speakers = (text: string): string[] => quotes(text).map((q) => q.split('|')[1] as string);
  assert.deepEqual(
    speakers('Titel\n\nDer englisch-sprachigen Zeitung sagte Filep Karma: „Ich werde im Gefängnis gehalten.“'),
    ['Filep Karma'],
  );
  assert.deepEqual(
    speakers('Titel\n\nDes Weiteren verwies Steinbrück darauf, dass der Haushalt verfassungskonform sei.'),
    ['Steinbrück'],
  );
  assert.equal(
    speakers(
      'Titel\n\nNach Meinung vieler Experten werden sich im Osten Detroit und im Westen San Antonio durchsetzen.',
    )[0],
    'vieler Experten',
  );
});

test('a short quoted phrase in a sentence that reports no one is a scare quote or a name, not a quote', () => {
  assert.deepEqual(quotes('Titel\n\nDer Abstand betrug zu diesem Zeitpunkt „nur“ 147 Millionen Kilometer.'), []);
  assert.deepEqual(quotes('Titel\n\nApple präsentierte am Donnerstag den „iPod nano“ in San Francisco.'), []);
  // In reported speech the quoted words stay the speaker's.
  assert.ok(quotes('Titel\n\nDer Minister sagte, die Lage sei „sehr ernst“.').some((q) => q.startsWith('direct|')));
});

test('a speaker split at a hyphen by the tokenizer is whole ("Spiegel-Online", "Navarro-Valls")', () => {
  const speakers = (text: string): string[] => quotes(text).map((q) => q.split('|')[1] as string);
  assert.deepEqual(speakers('Titel\n\nVatikansprecher Navarro-Valls sagte, das Gespräch sei freundlich verlaufen.'), [
    'Vatikansprecher Navarro-Valls',
  ]);
});

test("a speaker's phrase ends where its quote begins", () => {
  const [q] = analyzeDocument(
    textDocument('In der Begründung äußerten die Richter „gravierende rechtliche Bedenken“ gegen den Krieg.'),
    { published: '2020-08-15' },
  ).quotes;
  assert.equal(q?.text, 'gravierende rechtliche Bedenken');
  assert.equal(q?.speaker?.text, 'die Richter');
});

test('a role with a country points back to a person of that country', () => {
  const text =
    'Die Ansichten des venezolanischen Präsidenten Hugo Chávez und seines brasilianischen Amtskollegen Luiz Inácio ' +
    'Lula da Silva gehen auseinander. Der brasilianische Präsident sagte, Ethanol sei die Zukunft.';
  assert.equal(speakerEntityName(text, 0), 'Luiz Inácio Lula da Silva');
});

test('a sentence adverb before a colon frame is no speaker', () => {
  const found = quotes('Derzeit steht in dem Gesetzentwurf noch der Passus: „Die Fingerabdrücke sind zu löschen.“');
  assert.equal(found.length, 1);
  assert.notEqual(found[0]?.split('|')[1], 'Derzeit');
});

test('a state passive of a report verb names no speaker: "Weitere Aktionen sind angekündigt"', () => {
  assert.deepEqual(quotes('Weitere Aktionen sind für Montag angekündigt.'), []);
  assert.equal(quotes('Die Regierung kündigte für Montag weitere Reformen an.').length, 1);
});

test('"sein … zu" + infinitive of a report verb names no speaker: "Bislang sind 36 Todesopfer zu beklagen"', () => {
  assert.deepEqual(quotes('Titel\n\nBislang sind mindestens 36 Todesopfer zu beklagen.'), []);
  assert.equal(quotes('Titel\n\nDie Hilfsorganisation beklagte den Tod von 36 Menschen.').length, 1);
});

test('the named apposition is the speaker also after a phrase with a preposition, and only where it closes', () => {
  const speakers = (text: string): Array<string | undefined> =>
    analyzeDocument(textDocument(text), { published: null }).quotes.map((q) => q.speaker?.text);
  assert.deepEqual(speakers('Titel\n\nDer Bürgermeister von Paris, Bertrand Delanoë, sagte, die Stadt sei bereit.'), [
    'Bertrand Delanoë',
  ]);
  assert.deepEqual(
    speakers(
      'Titel\n\nAuch die Delegationsleiterin beim Klimagipfel, Sharon Hayes, äußerte sich: „Wir haben viel erreicht.“',
    ),
    ['Sharon Hayes'],
  );
});

test('words quoted inside what someone is reported to have said are theirs', () => {
  const quotes = analyzeDocument(
    textDocument(
      'Titel\n\nDer Redakteur Martin Hatzius kritisiert in der Zeitung, die Aktion erinnere „fatal an die Bücherverbrennung“.',
    ),
    { published: null },
  ).quotes;
  assert.ok(quotes.length >= 1);
  for (const q of quotes) assert.match(q.speaker?.text ?? '', /Martin Hatzius/, q.text);
});

test('a speech verb right after a comma without a subject shares the subject of the clause before it', () => {
  assert.deepEqual(
    quotes(
      'Internationale Wahlbeobachter monieren Unregelmäßigkeiten, sprechen aber davon, dass die Wahl fairer als im Jahr 2000 verlaufen sei.',
    ),
    ['indirect|Internationale Wahlbeobachter|sprechen|dass die Wahl fairer als im Jahr 2000 verlaufen sei'],
  );
  // After a fronted subordinate clause the subject follows the verb.
  assert.deepEqual(quotes('Als der Minister kam, sagte die Sprecherin, dass die Lage ernst sei.'), [
    'indirect|die Sprecherin|sagen|dass die Lage ernst sei',
  ]);
});

test('a speaker before an apposition, who is quoted ("zitierte man X") and whom "hieß es von" names', () => {
  assert.deepEqual(
    quotes(
      'Renate Künast, Fraktionschefin von Bündnis 90/Die Grünen, kritisierte: „Dieser Minister hat die Demokratie nicht verstanden!“',
    ).map((q) => q.split('|')[1]),
    ['Renate Künast'],
  );
  assert.deepEqual(
    quotes('Der Text endet. „Wir sind unwillkommene Zeugen“, zitierte man Yolanda Alvarez vom Sender RTVE.').map(
      (q) => q.split('|')[1],
    ),
    ['Yolanda Alvarez'],
  );
  assert.deepEqual(
    quotes(
      'Der Text endet. „Alle Anzeichen deuteten auf einen Anschlag hin“, hieß es vom Abgeordneten Viktor Oserow.',
    ).map((q) => q.split('|')[1]),
    ['Abgeordneten Viktor Oserow'],
  );
});

test('no message before a frame that is no clause, nor a fronted "Selbst wenn …" clause', () => {
  assert.deepEqual(quotes('Der drittgrößten Volkswirtschaft der Erde, Japan, droht eine erneute Rezession.'), []);
  assert.deepEqual(
    quotes(
      'Selbst wenn die Frau als Heranwachsende gesehen wird, droht ihr im Falle einer Verurteilung eine lange Strafe.',
    ),
    [],
  );
  // A verbless message is one where "so" frames it.
  assert.ok(
    quotes('Ein „außerordentlicher Sieg“, so urteilte Romney selbst über seinen Erfolg.').some((q) =>
      q.includes('|Romney|'),
    ),
  );
});

test('a disaster that claims lives demands nothing, and speaks for no report after it', () => {
  const q = quotes(
    'Zwölf Todesopfer forderte ein Taifun, der den Norden heimsuchte. 9.000 Häuser sollen beschädigt worden sein.',
  );
  assert.ok(!q.some((x) => x.includes('Taifun')), q.join('\n'));
});

test('who "wird wie folgt zitiert" is the speaker, not the website that quotes him; quoted names are no speech', () => {
  const [quote] = quotes(
    'Zu seiner neuen Aufgabe wird Watzke auf der Internetseite von Borussia Dortmund wie folgt zitiert: „(...) Es gab bestimmt auch Jahre, wo ich dieses Amt mit mehr Freude übernommen hätte.“',
  );
  assert.equal(quote?.split('|')[1], 'Watzke');
  assert.deepEqual(
    quotes('Wegweisend ist das erste Album der Gruppe, „Piper at the Gates of Dawn“, das Barrett schrieb.'),
    [],
  );
  assert.deepEqual(
    quotes('Darüber informierten die „Deutsche Krebshilfe“ und die „Nichtraucher-Initiative Deutschland e.V. (NID)“.'),
    [],
  );
});

test('"nach eigenen Angaben" is the speaker, standing for the subject whose statement it is', () => {
  const text = 'Der ältere Bruder des Papstes, Georg Ratzinger, war nach eigenem Bekunden seit langem eingeweiht.';
  assert.equal(quotes(text)[0]?.split('|')[1], 'eigenem Bekunden');
  assert.equal(speakerEntityName(text, 0), 'Georg Ratzinger');
});

test('a "Dies …" sentence in Konjunktiv I is reported speech, not a frame for what came before', () => {
  const found = quotes(
    'Die Staatsanwaltschaft begründete ihren Antrag mit der Fluchtgefahr. Im Falle einer Verurteilung müsse er mit einer langen Haftstrafe rechnen. Dies begründe die Fluchtgefahr des Beschuldigten.',
  );
  assert.ok(found.length > 0);
  for (const q of found) assert.equal(q.split('|')[1], 'Die Staatsanwaltschaft');
});

test('a dative relative pronoun is no speaker; a relative clause after a phrase with a preposition is about the noun before it', () => {
  const [accusation] = quotes(
    'Die Kritik gilt der Weltbank und dem Währungsfonds, denen unter anderem Rafael Correa vorwirft, Urheber der Krise zu sein.',
  );
  assert.equal(accusation?.split('|')[1], 'Rafael Correa');
  const text =
    'In der Sendung wurde ein Prediger aus London zugeschaltet, der alle Zuschauer aufforderte, nicht mehr Israel zu unterstützen.';
  assert.notEqual(speakerEntityName(text, 0), 'London');
});

test('a subject with its relative clause before the verb is no message of an inverted frame', () => {
  assert.deepEqual(
    quotes(
      'Der Ministerpräsident, der die Geschäfte übergeben hatte, hat nun seine Rückkehr in die Politik angekündigt.',
    ).map((q) => q.split('|')[1]),
    ['Der Ministerpräsident'],
  );
});

test('a person role with a place in its phrase is not that place, nor an earlier person of another place', () => {
  const text =
    'Gouverneur Rick Perry sprach von einer Katastrophe. Der Bürgermeister von New Orleans sagte, die Stadt sei verloren.';
  const found = analyzeDocument(textDocument(text), { published: '2020-08-15' });
  const quote = found.quotes.find((q) => q.speaker?.text === 'Der Bürgermeister von New Orleans');
  assert.ok(quote, 'the mayor speaks');
  assert.equal(quote?.speaker?.entity ?? null, null);
});

test('a speech verb in a relative clause closed before the quotation does not frame it', () => {
  assert.deepEqual(
    quotes(
      'Milinkewitsch kritisierte die Handlungsweise Kozulins, der zum Sturm des Gefängnisses aufgerufen haben soll, als „Provokation, die der Staatsmacht sehr gelegen kam“.',
    ),
    ['direct|Milinkewitsch|kritisieren|Provokation, die der Staatsmacht sehr gelegen kam'],
  );
});

test('a quotation in title case before its abbreviation in brackets is a name, also after a translation', () => {
  assert.deepEqual(
    quotes(
      'Die im Bündnis „National United Front“ (übersetzt etwa: „Nationale Vereinigte Front“) (UDD) organisierten Kräfte haben eine Kundgebung angekündigt.',
    ).filter((q) => q.startsWith('direct')),
    [],
  );
});
