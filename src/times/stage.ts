/**
 * The times stage: TIMEX3-style time expressions (dates, times of day, durations, sets) resolved against
 * the publication date and the tense of their clause.
 */
import type { Doc, TimeExpression } from '../document.js';
import type { Stage } from '../pipeline.js';
import { tenseAt } from '../syntax/tense.js';
import { tokenForms } from '../text/forms.js';
import { parseIsoDate } from './calendar.js';
import { recognizeTimes, type TimeTokens } from './recognize.js';
import { combineDayAndTime, isDayValue, resolveTime } from './resolve.js';

/** The tokens of sentence `s` as the recogniser reads them (the document's shared token strings). */
function sentenceTokens(doc: Doc, s: number): TimeTokens {
  const first = doc.sentences.firstToken[s] as number;
  const stop = doc.sentences.endToken[s] as number;
  const { raw, lower } = tokenForms(doc);
  return {
    raw: raw.slice(first, stop),
    lower: lower.slice(first, stop),
    xpos: doc.morph ? doc.morph.xpos.slice(first, stop) : null,
  };
}

export function findTimes(doc: Doc): TimeExpression[] {
  const anchor = doc.published === null ? null : parseIsoDate(doc.published);
  const out: TimeExpression[] = [];
  for (let s = 0; s < doc.sentences.count; s++) {
    const first = doc.sentences.firstToken[s] as number;
    const tokens = sentenceTokens(doc, s);
    let previous: TimeExpression | null = null;
    // The sentence's last day before a clock time: "am 15. März stürzte … um 00:39 Uhr ab".
    let day: string | null = null;
    for (const match of recognizeTimes(tokens)) {
      // "seit 1. Januar" lies before the text's day whatever the clause's tense ("das seit 1. Januar
      // eingerichtete Mautsystem").
      const tense = tokens.lower[match.first] === 'seit' ? 'past' : tenseAt(doc, first + match.end - 1, s);
      const resolved = resolveTime(match.meaning, anchor, tense);
      const start = doc.tokens.start[first + match.first] as number;
      const end = doc.tokens.end[first + match.end - 1] as number;
      const between = previous ? doc.text.slice(previous.end, start) : '';
      // "am Freitag um 14 Uhr": the clock time takes the day before it, right before or in its sentence.
      if (previous && resolved.type === 'TIME' && /^[\s,]*$/.test(between)) {
        resolved.value = combineDayAndTime(previous.value, resolved.value) ?? resolved.value;
      } else if (resolved.type === 'TIME' && resolved.value?.startsWith('XXXX-XX-XX')) {
        resolved.value = combineDayAndTime(day, resolved.value) ?? resolved.value;
      }
      if (resolved.type === 'DATE' && isDayValue(resolved.value)) day = resolved.value;
      const expression: TimeExpression = {
        id: '',
        start,
        end,
        text: doc.text.slice(start, end),
        type: resolved.type,
        value: resolved.value,
      };
      out.push(expression);
      previous = expression;
    }
  }
  out.forEach((t, i) => (t.id = `T${i + 1}`));
  return out;
}

export const timesStage: Stage = {
  name: 'times',
  run(doc: Doc): void {
    doc.times = findTimes(doc);
  },
};
