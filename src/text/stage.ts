import type { Stage } from '../pipeline.js';
import { tokenize } from './tokenizer.js';
import { splitSentences } from './sentences.js';

/** Tokens and sentences with offsets: the layer every later stage builds on. */
export const segmentStage: Stage = {
  name: 'segment',
  run(doc) {
    doc.tokens = tokenize(doc.text);
    doc.sentences = splitSentences(doc.text, doc.tokens);
  },
};
