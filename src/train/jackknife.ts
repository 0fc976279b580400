/**
 * Jackknifed tags for the parser's training sentences: each fold is tagged by a tagger trained on the
 * other folds, so the parser learns from tags as wrong as the ones it will see at run time (the shipped
 * tagger has seen every training sentence and tags them almost perfectly).
 */
import type { ConlluSentence } from '../eval/conllu.js';
import { parseInputOf } from '../eval/attachment.js';
import type { Lexicon } from '../morph/lexicon.js';
import { MorphTagger } from '../morph/tagger.js';
import type { ParseInput } from '../syntax/parser.js';
import { DEFAULT_MORPH_OPTIONS, trainMorph, type MorphTrainOptions } from './train-morph.js';

export function jackknifedInputs(
  train: readonly ConlluSentence[],
  lexicon: Lexicon | null,
  folds: number,
  /** Tag epochs of the fold taggers: the count the full tagger chose on dev. */
  tagEpochs: number,
  log: (line: string) => void = () => undefined,
): ParseInput[] {
  const inputs: ParseInput[] = new Array<ParseInput>(train.length);
  const options: MorphTrainOptions = { ...DEFAULT_MORPH_OPTIONS, tagEpochs: [tagEpochs] };
  for (let f = 0; f < folds; f++) {
    const rest = train.filter((_, i) => i % folds !== f);
    const held = train.filter((_, i) => i % folds === f);
    // The fold tagger is chosen on its held-out fold; with one epoch count there is nothing to choose.
    const { buffer } = trainMorph(rest, held, lexicon, options);
    const tagger = MorphTagger.fromBuffer(buffer, lexicon);
    for (let i = f; i < train.length; i += folds) inputs[i] = parseInputOf(train[i] as ConlluSentence, tagger);
    log(`jackknife: fold ${f + 1}/${folds} tagged ${held.length} sentences`);
  }
  return inputs;
}
