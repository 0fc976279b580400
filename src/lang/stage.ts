import type { Stage } from '../pipeline.js';
import { identifyLanguage } from './identify.js';

/** Says which language the text is in; non-German text is still analysed, with a warning. */
export const languageStage: Stage = {
  name: 'language',
  run(doc) {
    const guess = identifyLanguage(doc.text);
    doc.lang = guess.lang;
    if (!guess.determined) {
      doc.warnings.push('language not determined (text too short); assumed German');
    } else if (guess.lang !== 'de') {
      doc.warnings.push(`text looks like ${guess.lang}, not German: Lagebild's models are German, expect poor results`);
    }
  },
};
