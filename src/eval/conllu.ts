/** A small CoNLL-U reader: sentences with their `# text`, document breaks and surface tokens. */
import { readFileSync } from 'node:fs';

export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: number;
  deprel: string;
  misc: string;
}

export interface ConlluSentence {
  id: string;
  text: string;
  newDoc: boolean;
  newPar: boolean;
  /** Surface tokens: a multi-word token ("zum" = zu + dem) counts once, as written. */
  surface: string[];
  /** For each word, the index of its surface token (two words of "zum" share one). */
  surfaceOf: number[];
  words: ConlluWord[];
}

export function readConllu(path: string): ConlluSentence[] {
  return parseConllu(readFileSync(path, 'utf8'));
}

export function parseConllu(source: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence | null = null;
  let coveredUntil = 0;
  const fresh = (): ConlluSentence => ({
    id: '',
    text: '',
    newDoc: false,
    newPar: false,
    surface: [],
    surfaceOf: [],
    words: [],
  });
  for (const raw of source.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line === '') {
      if (current && current.words.length > 0) sentences.push(current);
      current = null;
      coveredUntil = 0;
      continue;
    }
    current ??= fresh();
    if (line.startsWith('#')) {
      const m = /^#\s*([^=]+?)\s*(?:=\s?(.*))?$/.exec(line);
      const key = m?.[1] ?? '';
      if (key === 'sent_id') current.id = m?.[2] ?? '';
      else if (key === 'text') current.text = m?.[2] ?? '';
      else if (key.startsWith('newdoc')) current.newDoc = true;
      else if (key.startsWith('newpar')) current.newPar = true;
      continue;
    }
    const cols = line.split('\t');
    const id = cols[0] ?? '';
    if (id.includes('.')) continue; // empty nodes
    const range = /^(\d+)-(\d+)$/.exec(id);
    if (range) {
      current.surface.push(cols[1] ?? '');
      coveredUntil = Number(range[2]);
      continue;
    }
    const n = Number(id);
    if (n > coveredUntil) current.surface.push(cols[1] ?? '');
    current.surfaceOf.push(current.surface.length - 1);
    current.words.push({
      id: n,
      form: cols[1] ?? '',
      lemma: cols[2] ?? '',
      upos: cols[3] ?? '',
      xpos: cols[4] ?? '',
      feats: cols[5] ?? '',
      head: Number(cols[6]),
      deprel: cols[7] ?? '',
      misc: cols[9] ?? '',
    });
  }
  if (current && current.words.length > 0) sentences.push(current);
  return sentences;
}
