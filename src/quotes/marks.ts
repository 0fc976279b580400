/**
 * Quotation marks: the spans of text between them, in every style German news uses („…“, "…", »…«,
 * «…», “…”, ‚…‘). A quotation left open at the end of a paragraph ends there (the next paragraph
 * usually opens a new one: the common convention for quotes over several paragraphs).
 */

export interface QuotedSpan {
  /** The content, without the marks. */
  start: number;
  end: number;
  /** The marks included. */
  outerStart: number;
  outerEnd: number;
  /** True when the paragraph ended before a closing mark. */
  open: boolean;
}

/** Opening mark → the marks that close it. */
const CLOSERS: Record<string, string> = {
  '„': '“”"',
  '»': '«',
  '«': '»',
  '“': '”"',
  '"': '"“',
  '‚': '‘’',
  '‹': '›',
  '›': '‹',
};

const isLetterOrDigit = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** An opening mark stands before a word; single low marks must not be taken for apostrophes. */
function opensHere(text: string, i: number): boolean {
  const c = text[i] as string;
  const before = text[i - 1];
  const after = text[i + 1];
  if (after === undefined || /\s/.test(after)) return false;
  if (c === '"' || c === '“' || c === '»' || c === '«' || c === '‹' || c === '›') {
    // A straight or English mark opens after a space, a bracket, a dash or the start of the paragraph.
    return before === undefined || /[\s([{\-–—/:]/.test(before);
  }
  if (c === '‚') return !isLetterOrDigit(before);
  return true;
}

function closesHere(text: string, i: number, closers: string): boolean {
  const c = text[i] as string;
  if (!closers.includes(c)) return false;
  if (c === '’' || c === '‘') return !isLetterOrDigit(text[i + 1]); // not an apostrophe ("geht’s")
  return true;
}

export function findQuotedSpans(text: string): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let paragraphStart = 0;
  while (paragraphStart <= text.length) {
    let paragraphEnd = text.indexOf('\n', paragraphStart);
    if (paragraphEnd < 0) paragraphEnd = text.length;
    scanParagraph(text, paragraphStart, paragraphEnd, out);
    paragraphStart = paragraphEnd + 1;
  }
  return out;
}

function scanParagraph(text: string, from: number, to: number, out: QuotedSpan[]): void {
  let i = from;
  while (i < to) {
    const c = text[i] as string;
    const closers = CLOSERS[c];
    if (closers === undefined || !opensHere(text, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && !closesHere(text, j, closers)) j++;
    const open = j >= to;
    let end = open ? to : j;
    while (end > i + 1 && /\s/.test(text[end - 1] as string)) end--;
    if (end > i + 1) {
      out.push({ start: i + 1, end, outerStart: i, outerEnd: open ? end : j + 1, open });
    }
    i = open ? to : j + 1;
  }
}
