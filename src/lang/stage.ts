import type { Stage } from '../pipeline.js';
import { identifyLanguage } from './identify.js';

const names = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Says which language the text is in (after segmentation, whose tokens it samples); non-German text is still analysed, with a warning. */
export const languageStage: Stage = {
  name: 'language',
  run(doc) {
    const guess = identifyLanguage(doc.text, doc.tokens);
    doc.lang = guess.lang;
    if (!guess.determined) {
      doc.warnings.push('language not determined (text too short); assumed German');
    } else if (guess.lang !== 'de') {
      doc.warnings.push(`text looks like ${languageName(guess.lang)} (${guess.lang}), not German: expect poor results`);
    }
  },
};
