/** NER input from a GermEval sentence: its tokens with our morphology tagger's STTS tags (as at run time). */
import type { NerSentence } from '../eval/germeval.js';
import { tagTokens } from '../morph/stage.js';
import type { MorphTagger } from '../morph/tagger.js';
import type { NerInput } from './tagger.js';

export function nerInputOf(s: NerSentence, tagger: MorphTagger | null): NerInput {
  return { forms: s.forms, xpos: tagger ? tagTokens(tagger, s.forms).map((t) => t.xpos) : s.forms.map(() => '_') };
}
