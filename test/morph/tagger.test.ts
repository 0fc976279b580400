import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadLexicon } from '../../src/morph/lexicon.js';
import { MorphTagger, MORPH_MODEL_PATH } from '../../src/morph/tagger.js';

test('the shipped tagger tags a sentence the same whatever it tagged before (its word caches are keyed right)', () => {
  // "werden" is an auxiliary in the first sentence and a full verb in the second, with the same STTS
  // tag: the feature scores cached for the one reading must not be used for the other.
  const before = 'Es wird geprüft werden .'.split(' ');
  const sentence = 'Wird auf jeden Fall mein neuer Hausarzt werden .'.split(' ');
  const buffer = readFileSync(MORPH_MODEL_PATH);
  const lexicon = loadLexicon();
  const warm = MorphTagger.fromBuffer(buffer, lexicon);
  const first = warm.tagSentence(before);
  const fresh = MorphTagger.fromBuffer(buffer, lexicon).tagSentence(sentence);
  assert.deepEqual(warm.tagSentence(sentence), fresh);
  // The two readings do differ, so the test sees both.
  assert.equal(first[3]?.upos, 'AUX');
  assert.equal(fresh[7]?.upos, 'VERB');
  assert.equal(first[3]?.xpos, fresh[7]?.xpos);
});

test('the full Konjunktiv I of "-eln" verbs is a known verb form, as the contracted one the dictionaries list', () => {
  const tagger = MorphTagger.fromBuffer(readFileSync(MORPH_MODEL_PATH), loadLexicon());
  for (const sentence of [
    'Er sagte , es handele sich um einen Fehler .',
    'Er sagte , es handle sich um einen Fehler .',
  ]) {
    const verb = tagger.tagSentence(sentence.split(' '))[4];
    assert.equal(verb?.xpos, 'VVFIN', sentence);
    assert.equal(verb?.lemma, 'handeln', sentence);
  }
});

test('a zu-infinitive of a particle verb has the verb as its lemma, also where the lexicon lacks the particle verb', () => {
  const tagger = MorphTagger.fromBuffer(readFileSync(MORPH_MODEL_PATH), loadLexicon());
  assert.equal(tagger.zuInfinitiveLemma('voranzutreiben'), 'vorantreiben'); // "vorantreiben" is not listed
  assert.equal(tagger.zuInfinitiveLemma('abzuschließen'), 'abschließen');
  assert.equal(tagger.zuInfinitiveLemma('zuzuhören'), 'zuhören');
  // An inner "zu" that is no infinitive's: no particle before it, or no verb after it.
  assert.equal(tagger.zuInfinitiveLemma('bezuschussen'), null);
  assert.equal(tagger.zuInfinitiveLemma('Zuckerrohrplantagen'), null);
  assert.equal(tagger.zuInfinitiveLemma('besuchen'), null);
});

test('a participle in a clause whose auxiliary is "haben" is the perfect\'s participle, not an adjective', () => {
  const tagger = MorphTagger.fromBuffer(readFileSync(MORPH_MODEL_PATH), loadLexicon());
  const tags = tagger.tagSentence('Die Zeitung hatte gestern berichtet , viele Mitarbeiter sollen gehen .'.split(' '));
  assert.equal(tags[4]?.xpos, 'VVPP');
  assert.equal(tags[4]?.lemma, 'berichten');
});

test('a verb read as an infinitive in a clause without a finite verb is finite, unless a modal waits for it', () => {
  const tagger = MorphTagger.fromBuffer(readFileSync(MORPH_MODEL_PATH), loadLexicon());
  const xpos = (sentence: string): string[] => tagger.tagSentence(sentence.split(' ')).map((t) => t.xpos);
  // The plural present looks like the infinitive; each clause's only verb is finite.
  assert.equal(xpos('NPR und PBS bestehen jedoch darauf , Programme zu machen .')[3], 'VVFIN');
  assert.equal(xpos('Viele Bürger fürchten um ihre Arbeit .')[2], 'VVFIN');
  assert.equal(xpos('Unsere Erfahrung führen dazu , dass wir wiederkommen .')[7], 'VVFIN');
  // A modal before a relative clause still governs the infinitive after it; "zu" + infinitive stays one.
  assert.equal(xpos('Seit 1992 können Ausländer , die dort wohnen , einen Pass bekommen .')[11], 'VVINF');
  assert.equal(xpos('NPR und PBS bestehen jedoch darauf , Programme zu machen .')[9], 'VVINF');
});

test('a sentence adverb the lexicon lacks is an adverb, also capitalised at the start of a sentence', () => {
  const tagger = MorphTagger.fromBuffer(readFileSync(MORPH_MODEL_PATH), loadLexicon());
  for (const sentence of [
    'Unterdessen hat sich die Regierung bei den Opfern entschuldigt .',
    'Weiterhin soll eine Behörde Vorschriften erlassen können .',
  ]) {
    const first = tagger.tagSentence(sentence.split(' '))[0];
    assert.equal(first?.upos, 'ADV', sentence);
    assert.equal(first?.lemma, sentence.split(' ')[0]?.toLowerCase(), sentence);
  }
});

test('a verb form after a past "werden" is the passive participle, not the infinitive it looks like', () => {
  const tagger = MorphTagger.fromBuffer(readFileSync(MORPH_MODEL_PATH), loadLexicon());
  const passive = 'Am Mittwoch wurden drei 18 - Jährige von zwei Männern überfallen und ausgeraubt .'.split(' ');
  assert.equal(tagger.tagSentence(passive)[passive.indexOf('überfallen')]?.xpos, 'VVPP');
  const future = 'Die Rebellen werden die Stadt überfallen .'.split(' ');
  assert.equal(tagger.tagSentence(future)[5]?.xpos, 'VVINF');
});

test('a modal read as a full verb governs the infinitive after it; a first noun read as an adverb is a noun', () => {
  const tagger = MorphTagger.fromBuffer(readFileSync(MORPH_MODEL_PATH), loadLexicon());
  const meeting = 'Solana will sich in Kinshasa mit dem Präsidenten treffen .'.split(' ');
  const tags = tagger.tagSentence(meeting);
  assert.equal(tags[1]?.xpos, 'VMFIN');
  assert.equal(tags[meeting.indexOf('treffen')]?.xpos, 'VVINF');
  const pope = tagger.tagSentence('Papst Benedikt XVI. will zurücktreten .'.split(' '));
  assert.equal(pope[0]?.xpos, 'NN');
  assert.equal(pope[0]?.lemma, 'Papst');
  // A genitive alone at a sentence's start is no noun: "Falls" is the conjunction.
  assert.notEqual(tagger.tagSentence('Falls es regnet , bleiben wir .'.split(' '))[0]?.xpos, 'NN');
  // A first word no list knows, before the finite verb, is a name; words shaped as adverbs stay adverbs.
  const critic = 'Milinkewitsch kritisierte die Handlungsweise Kozulins .'.split(' ');
  assert.equal(tagger.tagSentence(critic)[0]?.xpos, 'NE');
  // "Während" opening a clause whose first finite verb stands before a comma is the conjunction.
  const whileClause = 'Während der Experte , Henning von Storch , die Genehmigung begrüßte , hagelte es Kritik .';
  assert.equal(tagger.tagSentence(whileClause.split(' '))[0]?.xpos, 'KOUS');
  assert.equal(tagger.tagSentence('Während der Sitzung sagte er nichts .'.split(' '))[0]?.xpos, 'APPR');
  for (const adverb of ['Hierzu', 'Typischerweise', 'Einerseits', 'Insbesondere', 'Stattdessen'])
    assert.notEqual(tagger.tagSentence([adverb, 'schrieb', 'der', 'Journalist', '.'])[0]?.xpos, 'NE', adverb);
});

test('a "-t" verb form after the first noun phrase with an object after it is the finite verb, not an adjective', () => {
  const tagger = MorphTagger.fromBuffer(readFileSync(MORPH_MODEL_PATH), loadLexicon());
  assert.equal(tagger.tagSentence('Die Regierung untersagt alle Versammlungen .'.split(' '))[2]?.xpos, 'VVFIN');
  // A headline's participle before a phrase with a preposition stays one.
  assert.equal(tagger.tagSentence('Mann in Berlin verhaftet'.split(' '))[3]?.xpos, 'VVPP');
});
