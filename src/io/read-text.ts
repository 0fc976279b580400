/** Plain text: the first line is the headline when a blank line follows it (SPEC.md), then the body. */

export interface TitledText {
  title: string | null;
  /** headline + "\n\n" + body when there is a headline; otherwise the text as given. */
  text: string;
}

/** Split normalised text into headline and body; leading blank lines are dropped. */
export function splitHeadline(normalized: string): TitledText {
  const text = normalized.replace(/^(?:[ \t]*\n)+/, '');
  const m = /^([^\n]*\S[^\n]*)\n[ \t]*\n(?:[ \t]*\n)*/.exec(text);
  if (!m) return { title: null, text };
  const title = (m[1] as string).trim();
  const body = text.slice(m[0].length);
  if (body.trim() === '') return { title: null, text: title };
  return { title, text: `${title}\n\n${body}` };
}

/** The contract's text for a record with a separate title: title + "\n\n" + text. */
export function joinTitle(title: string | null, body: string): TitledText {
  const t = title?.replace(/\s+/g, ' ').trim() || null;
  if (!t) return { title: null, text: body };
  return { title: t, text: body === '' ? t : `${t}\n\n${body}` };
}
