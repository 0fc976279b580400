/**
 * More NER training sentences from the ones we have, by mention replacement (Dai & Adel 2020): a copy of
 * a sentence with each name swapped for another name of the same type from the training data. The
 * contexts that signal a person, a place or an organisation are few in 2,200 sentences; the copies show
 * each context with other names, so the tagger leans on the context instead of memorising the name.
 */
import { chunksOf, type NerSentence } from '../eval/germeval.js';
import { random } from './random.js';

/** Types whose chunks are swapped (-deriv and -part chunks are words, not names, and stay). */
const SWAPPED = new Set(['PER', 'LOC', 'ORG', 'OTH']);

export function mentionReplacement(sentences: readonly NerSentence[], copies: number, seed: number): NerSentence[] {
  const pool = new Map<string, string[][]>();
  for (const s of sentences)
    for (const c of chunksOf(s.labels))
      if (SWAPPED.has(c.type)) {
        let list = pool.get(c.type);
        if (!list) pool.set(c.type, (list = []));
        list.push(s.forms.slice(c.start, c.end));
      }
  const rnd = random(seed);
  const out: NerSentence[] = [];
  for (let copy = 0; copy < copies; copy++)
    for (const s of sentences) {
      const chunks = chunksOf(s.labels).filter((c) => SWAPPED.has(c.type));
      if (chunks.length === 0) continue;
      const forms: string[] = [];
      const labels: string[] = [];
      let at = 0;
      for (const c of chunks) {
        for (; at < c.start; at++) {
          forms.push(s.forms[at] as string);
          labels.push(s.labels[at] as string);
        }
        const list = pool.get(c.type) as string[][];
        const name = list[Math.floor(rnd() * list.length)] as string[];
        name.forEach((form, k) => {
          forms.push(form);
          labels.push(`${k === 0 ? 'B' : 'I'}-${c.type}`);
        });
        at = c.end;
      }
      for (; at < s.forms.length; at++) {
        forms.push(s.forms[at] as string);
        labels.push(s.labels[at] as string);
      }
      out.push({ line: s.line, forms, labels });
    }
  return out;
}
