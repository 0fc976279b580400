/** `lagebild eval ...`: accuracy on held-out data, printed as the tables README and bench/RESULTS.md quote. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../io/errors.js';
import { readConllu } from '../eval/conllu.js';
import { formatTable } from '../eval/metrics.js';
import { evaluateSegmentation, type SegmentScores } from '../eval/segment.js';
import { PACKAGE_ROOT } from '../util/lexicon.js';
import { scoreEndToEnd, scoreMorph, type EndToEndScores, type MorphScores, type SystemWord } from '../eval/ud.js';
import { goldDocuments } from '../eval/segment.js';
import { TAGGING_STAGES, analyzeDocument, textDocument } from '../pipeline.js';
import { loadParser } from '../syntax/model.js';
import { parseSentenceWords } from '../syntax/stage.js';
import { scoreParser, type AttachmentScores } from '../eval/attachment.js';
import { loadMorphTagger } from '../morph/tagger.js';
import { readGermEval, scoreNer, type NerScores } from '../eval/germeval.js';
import { loadNerTagger } from '../ner/tagger.js';
import { nerInputOf } from '../ner/input.js';
import { readSpkAtt, scoreQuotes, type QuoteScores } from '../eval/spkatt.js';
import { readGold, scoreGold, type LayerScore } from '../eval/gold.js';

/** The shared corpora: `--data`, else $LAGEBILD_DATA, else `../shared/data` beside the project. */
export function resolveDataDir(option: string | undefined): string {
  const dir = option ?? process.env['LAGEBILD_DATA'] ?? join(PACKAGE_ROOT, '..', 'shared', 'data');
  if (!existsSync(dir)) throw new UsageError(`data directory not found: ${dir} (set --data or LAGEBILD_DATA)`);
  return dir;
}

interface TreebankSet {
  name: string;
  path: string;
}

/** The files named on the command line, else the default sets in the data directory; all must exist. */
function treebankSets(dataDir: string, files: readonly string[], defaults: readonly TreebankSet[]): TreebankSet[] {
  const sets = files.length
    ? files.map((f) => ({ name: f, path: f }))
    : defaults.map((s) => ({ ...s, path: join(dataDir, s.path) }));
  for (const set of sets) if (!existsSync(set.path)) throw new UsageError(`treebank not found: ${set.path}`);
  return sets;
}

export const SEGMENT_TEST_SETS: readonly TreebankSet[] = [
  { name: 'UD German GSD test', path: 'ud-german-gsd/de_gsd-ud-test.conllu' },
  { name: 'UD German PUD test', path: 'ud-german-pud/de_pud-ud-test.conllu' },
];

export function runEvalSegment(
  dataDir: string,
  files: string[],
): { table: string; scores: Array<{ name: string } & SegmentScores> } {
  const scores = treebankSets(dataDir, files, SEGMENT_TEST_SETS).map((set) => {
    return { name: set.name, ...evaluateSegmentation(readConllu(set.path)) };
  });
  const pct = (x: number): string => (100 * x).toFixed(2);
  const table = formatTable(
    ['treebank', 'sentences', 'tokens', 'token P', 'token R', 'token F1', 'sent P', 'sent R', 'sent F1'],
    scores.map((s) => [
      s.name,
      s.goldSentences,
      s.goldTokens,
      pct(s.tokens.precision),
      pct(s.tokens.recall),
      pct(s.tokens.f1),
      pct(s.sentences.precision),
      pct(s.sentences.recall),
      pct(s.sentences.f1),
    ]),
  );
  return { table, scores };
}

export const UD_EVAL_SETS: readonly TreebankSet[] = [
  { name: 'ud-splits dev (GSD)', path: 'ud-splits/dev.conllu' },
  { name: 'UD German GSD test', path: 'ud-german-gsd/de_gsd-ud-test.conllu' },
];

/**
 * Our pipeline on raw text up to the tags, as system words with their token spans, for end-to-end
 * scoring; each sentence is then parsed word by word here (the syntax stage keeps heads per token).
 */

function systemWords(text: string): SystemWord[] {
  const doc = analyzeDocument(textDocument(text), {}, TAGGING_STAGES);
  const out: SystemWord[] = [];
  const m = doc.morph;
  if (!m) return out;
  const parser = loadParser();
  const key = (t: number, part: number): string => `${doc.tokens.start[t]}:${doc.tokens.end[t]}:${part}`;
  for (let s = 0; s < doc.sentences.count; s++) {
    const parsed = parser ? parseSentenceWords(doc, s, parser) : null;
    let w = 0; // the sentence's word index, as the parse numbers them
    const wordKeys: string[] = [];
    const sentenceWords: SystemWord[] = [];
    for (let t = doc.sentences.firstToken[s] as number; t < (doc.sentences.endToken[s] as number); t++) {
      const start = doc.tokens.start[t] as number;
      const end = doc.tokens.end[t] as number;
      const split = m.words[t];
      const tags = split ?? [{ form: '', upos: m.upos[t]!, xpos: m.xpos[t]!, feats: m.feats[t]!, lemma: m.lemma[t]! }];
      tags.forEach((tag, part) => {
        sentenceWords.push({
          start,
          end,
          part,
          upos: tag.upos,
          xpos: tag.xpos,
          feats: tag.feats,
          lemma: tag.lemma,
          deprel: parsed ? (parsed.parse.deprels[w] ?? 'dep') : undefined,
          headKey: undefined,
        });
        wordKeys.push(key(t, part));
        w++;
      });
    }
    if (parsed) {
      sentenceWords.forEach((word, i) => {
        const h = parsed.parse.heads[i] as number;
        word.headKey = h === 0 ? null : (wordKeys[h - 1] ?? null);
        if (h === 0) word.deprel = 'root';
      });
    }
    out.push(...sentenceWords);
  }
  return out;
}

export function runEvalUd(
  dataDir: string,
  files: string[],
): {
  table: string;
  scores: Array<{ name: string; gold: MorphScores; attachment: AttachmentScores | null; endToEnd: EndToEndScores }>;
} {
  const tagger = loadMorphTagger();
  if (!tagger) throw new UsageError('no morphology model in models/ (run `npm run train`)');
  const parser = loadParser();
  const scores = treebankSets(dataDir, files, UD_EVAL_SETS).map((set) => {
    const sentences = readConllu(set.path);
    const gold = scoreMorph(sentences, (words) => tagger.tagSentence(words));
    const documents = goldDocuments(sentences).map((d) => ({ text: d.text, sentences: d.source, offsets: d.offsets }));
    const attachment = parser ? scoreParser(sentences, parser, tagger) : null;
    return { name: set.name, gold, attachment, endToEnd: scoreEndToEnd(documents, systemWords) };
  });
  const f = (x: number): string => x.toFixed(2);
  const table = formatTable(
    [
      'treebank',
      'input',
      'words',
      'UPOS',
      'XPOS',
      'UFeats',
      'AllTags',
      'Lemma',
      'Mood',
      'Case',
      'UAS',
      'LAS',
      'CLAS',
      'MLAS',
    ],
    scores.flatMap(({ name, gold: g, attachment: a, endToEnd: e }) => [
      [
        name,
        'gold tokenization',
        g.words,
        f(g.upos),
        f(g.xpos),
        f(g.ufeats),
        f(g.allTags),
        f(g.lemma),
        f(g.mood),
        f(g.case),
        a ? f(a.uas) : '',
        a ? f(a.las) : '',
        a ? f(a.clas) : '',
        a ? f(a.mlas) : '',
      ],
      [
        name,
        `raw text, F1 (words ${f(e.words)})`,
        e.goldWords,
        f(e.upos),
        f(e.xpos),
        f(e.ufeats),
        f(e.allTags),
        f(e.lemma),
        '',
        '',
        a ? f(e.uas) : '',
        a ? f(e.las) : '',
        '',
        '',
      ],
    ]),
  );
  const relations = scores.flatMap(({ name, attachment }) =>
    (attachment?.relations ?? []).map((r) => [name, r.relation, r.gold, f(r.precision), f(r.recall), f(r.f1)]),
  );
  const relationTable = relations.length
    ? '\n\nKey relations (gold tokenization, predicted tags; correct = right head and label):\n' +
      formatTable(['treebank', 'relation', 'gold', 'P', 'R', 'F1'], relations)
    : '';
  return { table: table + relationTable, scores };
}

export const NER_EVAL_SETS: readonly TreebankSet[] = [
  { name: 'GermEval 2014 test', path: 'germeval2014/NER-de-test.tsv' },
];

/** GermEval 2014's outer-chunk metric (strict span and full label) on its test file, which we never train on. */
export function runEvalNer(
  dataDir: string,
  files: string[],
): { table: string; scores: Array<{ name: string } & NerScores> } {
  const ner = loadNerTagger();
  if (!ner) throw new UsageError('no NER model in models/ (run `npm run train`)');
  const tagger = loadMorphTagger();
  const scores = treebankSets(dataDir, files, NER_EVAL_SETS).map((set) => {
    const sentences = readGermEval(set.path);
    return {
      name: set.name,
      ...scoreNer(
        sentences,
        sentences.map((s) => ner.tag(nerInputOf(s, tagger))),
      ),
    };
  });
  const f = (x: number): string => x.toFixed(2);
  const table = formatTable(
    ['data', 'label', 'gold', 'predicted', 'P', 'R', 'F1'],
    scores.flatMap((s) => [
      [s.name, 'all (outer chunks, strict)', s.gold, s.predicted, f(s.precision), f(s.recall), f(s.f1)],
      ...s.byType.map((t) => [s.name, t.type, t.gold, t.predicted, f(t.precision), f(t.recall), f(t.f1)]),
    ]),
  );
  return { table, scores };
}

export const QUOTE_EVAL_SETS: readonly TreebankSet[] = [
  { name: 'SpkAtt Wikinews dev', path: 'wikinews-spkatt/news-dev.jsonl' },
];

/** Quotes, speakers and cues against the SpkAtt Wikinews dev split (checked against, never trained on). */
export function runEvalQuotes(
  dataDir: string,
  files: string[],
): { table: string; scores: Array<{ name: string; byKind: QuoteScores[] }> } {
  const scores = treebankSets(dataDir, files, QUOTE_EVAL_SETS).map((set) => ({
    name: set.name,
    byKind: scoreQuotes(readSpkAtt(set.path)),
  }));
  const f = (x: number): string => x.toFixed(3);
  const table = formatTable(
    ['data', 'kind', 'gold', 'predicted', 'P', 'R', 'F1', 'speaker acc', 'cue P', 'cue R', 'cue F1'],
    scores.flatMap((s) =>
      s.byKind.map((k) => [
        s.name,
        k.kind,
        k.quotes.gold,
        k.quotes.predicted,
        f(k.quotes.precision),
        f(k.quotes.recall),
        f(k.quotes.f1),
        `${f(k.speakerAccuracy)} (${k.speakerCount})`,
        f(k.cues.precision),
        f(k.cues.recall),
        f(k.cues.f1),
      ]),
    ),
  );
  return { table, scores };
}

/** Every layer against gold files in the shared examples' format (the project's counterpart of score.py). */
export function runEvalGold(files: string[]): { table: string; scores: LayerScore[] } {
  for (const f of files) if (!existsSync(f)) throw new UsageError(`gold file not found: ${f}`);
  const scores = scoreGold(files.flatMap((f) => readGold(f)));
  const f3 = (x: number): string => x.toFixed(3);
  const table = formatTable(
    ['layer', 'gold', 'predicted', 'P', 'R', 'F1', 'accuracy (matched)'],
    // A layer no gold text annotates (an events-only file) is left out of the table.
    scores
      .filter((s) => s.gold > 0 || s.predicted > 0)
      .map((s) => [
        s.layer,
        s.gold,
        s.predicted,
        f3(s.precision),
        f3(s.recall),
        f3(s.f1),
        Object.entries(s.accuracy)
          .map(([k, v]) => `${k} ${v === null ? '-' : f3(v)}`)
          .join(', '),
      ]),
  );
  return { table, scores };
}
