import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, textDocument } from '../../src/pipeline.js';
import { eventLexicon, PLOVER_TYPES } from '../../src/events/lexicon.js';
import { explanationsOf } from '../../src/events/stage.js';

const lexicon = eventLexicon();

test('the event lexicon has at least 600 entries covering all 16 PLOVER types, with valid CAMEO codes', () => {
  assert.ok(lexicon.entries.length >= 600, `${lexicon.entries.length} entries`);
  for (const type of PLOVER_TYPES)
    assert.ok(
      lexicon.entries.some((e) => e.type === type),
      `no entry for ${type}`,
    );
  for (const e of lexicon.entries) assert.ok(lexicon.cameo.has(e.cameo), `${e.where}: CAMEO ${e.cameo}`);
  assert.equal(lexicon.cameo.get('173')?.goldstein, -5);
  assert.equal(lexicon.cameo.get('141')?.quadClass, 4);
  assert.equal(lexicon.cameo.get('057')?.quadClass, 1);
});

/**
 * Every entry's example sentence yields the entry's event at the entry's word: the entry itself fired, or
 * its verb as part of a noun + verb pair of the same type ("hob die Ausgangssperre auf"), or its noun as a
 * compound of the same type.
 */
test('every lexicon entry yields its event on its example sentence', () => {
  const failures: string[] = [];
  for (const e of lexicon.entries) {
    const doc = analyzeDocument(textDocument(e.example));
    const explanations = explanationsOf(doc);
    const word = e.kind === 'verb' ? e.lemma : (e.lemma.split(' ')[0] as string).toLowerCase();
    const fired =
      explanations.some((x) => x.lexicon === e.where) ||
      doc.events.some((v, i) => {
        if (v.type !== e.type) return false;
        if (e.kind === 'verb') return v.trigger.lemma === word || explanations[i]?.supportLemma === word;
        const lemma = v.trigger.lemma.toLowerCase().replace(/ß/g, 'ss');
        return lemma.endsWith(word) || v.trigger.text.toLowerCase().startsWith(word);
      });
    if (!fired) {
      const got = doc.events.map((v) => `${v.type}:${v.trigger.text}`).join(', ') || 'no event';
      failures.push(`${e.where} ${e.kind} "${e.lemma}" ${e.type}: "${e.example}" gave ${got}`);
    }
  }
  assert.deepEqual(failures, []);
});
