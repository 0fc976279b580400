import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConllu } from '../../src/eval/conllu.js';
import { scoreParser } from '../../src/eval/attachment.js';
import { scoreEndToEnd, type SystemWord } from '../../src/eval/ud.js';
import type { Parse, ParseInput, Parser } from '../../src/syntax/parser.js';
import { TOY_CONLLU as GOLD } from '../helpers.js';

/** A parser that answers a fixed parse, to test the scorer alone. */
const close = (actual: number, expected: number): void =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
const fixed = (parse: Parse): Parser => ({ parse: (_input: ParseInput) => parse });

test('attachment: UAS/LAS over all words, CLAS over content words, MLAS needs function-word children', () => {
  const sentences = parseConllu(GOLD);
  const perfect = scoreParser(
    sentences,
    fixed({ heads: [2, 3, 0, 5, 3, 3], deprels: ['det', 'nsubj', 'root', 'det', 'obj', 'punct'] }),
    null,
  );
  assert.deepEqual([perfect.uas, perfect.las, perfect.clas, perfect.mlas], [100, 100, 100, 100]);
  // "die" attached to "Mann" instead of "Frau": one function word wrong. CLAS does not see it (function
  // words are left out); MLAS does, twice: "Mann" gains a det child, "Frau" loses one.
  const detWrong = scoreParser(
    sentences,
    fixed({ heads: [2, 3, 0, 2, 3, 3], deprels: ['det', 'nsubj', 'root', 'det', 'obj', 'punct'] }),
    null,
  );
  close(detWrong.uas, (5 / 6) * 100);
  assert.equal(detWrong.clas, 100);
  close(detWrong.mlas, (1 / 3) * 100); // of the content words Mann, sieht, Frau only "sieht" is right
  const obj = detWrong.relations.find((r) => r.relation === 'obj');
  assert.equal(obj?.f1, 100);
});

test('end to end: heads are compared through the character alignment of words', () => {
  const sentences = parseConllu(GOLD);
  const text = 'Der Mann sieht die Frau.';
  const spans: Array<[number, number]> = [
    [0, 3],
    [4, 8],
    [9, 14],
    [15, 18],
    [19, 23],
    [23, 24],
  ];
  const key = (i: number): string => `${spans[i]![0]}:${spans[i]![1]}:0`;
  const heads = [2, 3, 0, 5, 3, 2]; // the full stop on "Mann": one head wrong
  const labels = ['det', 'nsubj', 'root', 'det', 'obj', 'punct'];
  const words: SystemWord[] = spans.map(([start, end], i) => ({
    start,
    end,
    part: 0,
    upos: sentences[0]!.words[i]!.upos,
    xpos: sentences[0]!.words[i]!.xpos,
    feats: sentences[0]!.words[i]!.feats,
    lemma: sentences[0]!.words[i]!.lemma,
    headKey: heads[i] === 0 ? null : key(heads[i]! - 1),
    deprel: labels[i],
  }));
  const scores = scoreEndToEnd([{ text, sentences, offsets: [0] }], () => words);
  assert.equal(scores.words, 100);
  close(scores.uas, (5 / 6) * 100);
  close(scores.las, (5 / 6) * 100);
});
