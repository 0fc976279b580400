/**
 * `--format conllu`: CoNLL-U, one sentence block per sentence. Columns the pipeline does not fill yet
 * (heads and relations before the parser exists) are "_". MISC carries SpaceAfter=No and the token's
 * character range in the document (TokenRange=start:end), so every word points back to the text.
 */
import type { DocumentOut, TokenOut } from '../document.js';

function field(value: string | number | null | undefined): string {
  if (value === undefined || value === null || value === '') return '_';
  return String(value).replace(/[\t\n\r]/g, ' ');
}

export function renderConllu(doc: DocumentOut): string {
  const tokens = doc.tokens ?? [];
  const lines: string[] = [`# newdoc id = ${doc.id}`];
  let t = 0;
  doc.sentences.forEach((sentence, s) => {
    lines.push(`# sent_id = ${doc.id}-${s + 1}`);
    lines.push(`# text = ${doc.text.slice(sentence.start, sentence.end).replace(/\s*\n\s*/g, ' ')}`);
    while (t < tokens.length && (tokens[t] as TokenOut).end <= sentence.start) t++;
    const first = t;
    for (; t < tokens.length && (tokens[t] as TokenOut).start < sentence.end; t++) {
      const token = tokens[t] as TokenOut;
      const next = tokens[t + 1];
      const misc = [
        ...(next && next.start === token.end && next.start < sentence.end ? ['SpaceAfter=No'] : []),
        `TokenRange=${token.start}:${token.end}`,
      ].join('|');
      const head = typeof token.head === 'number' ? token.head - first + 1 : token.head === null ? 0 : '_';
      lines.push(
        [
          t - first + 1,
          field(token.text),
          field(token.lemma),
          field(token.upos),
          field(token.xpos),
          field(token.feats),
          head,
          field(token.deprel),
          '_',
          misc,
        ].join('\t'),
      );
    }
    lines.push('');
  });
  return lines.join('\n') + '\n';
}
