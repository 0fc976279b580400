/**
 * Sentence splitter over the token table.
 *
 * A sentence ends at a blank line; at a line break, unless the line runs on in lower case (hard-wrapped
 * text); and after terminal punctuation (. ! ? …), with any closing quotes and brackets that follow it,
 * when the next token can begin a sentence. A period the tokenizer kept on an abbreviation ("usw.") ends
 * a sentence only when a typical sentence-initial word follows it.
 */
import type { SentenceTable, TokenTable } from '../document.js';
import { CLOSING_BRACKETS, QUOTE_CHARS, isDigitCode, startsLower, startsUpper } from './chars.js';
import { ABBREVIATIONS, SENTENCE_STARTERS } from './tokenizer.js';

const PERIOD = 46;
const TERMINAL = new Set([PERIOD, 33 /* ! */, 63 /* ? */, 0x2026 /* … */]);
const OPENERS_AFTER_BOUNDARY = '„“"‚‘\'»«›‹([{–—-•*';

export function splitSentences(text: string, tokens: TokenTable): SentenceTable {
  const firsts: number[] = [];
  const ends: number[] = [];
  const count = tokens.count;
  let first = 0;
  for (let i = 0; i < count; i++) {
    let last = i;
    let boundary = i === count - 1;
    if (!boundary) {
      const newlines = newlinesBetween(text, tokens.end[i] as number, tokens.start[i + 1] as number);
      if (newlines >= 2) boundary = true;
      else if (isTerminal(text, tokens, i)) {
        last = absorbClosers(text, tokens, i);
        boundary =
          last === count - 1 ||
          newlinesBetween(text, tokens.end[last] as number, tokens.start[last + 1] as number) > 0 ||
          canStartAfter(text, tokens, i, last + 1);
      } else if (newlines === 1) {
        boundary = !startsLower(tokenText(text, tokens, i + 1));
      }
    }
    if (boundary) {
      firsts.push(first);
      ends.push(last + 1);
      first = last + 1;
      i = last;
    }
  }
  return { count: firsts.length, firstToken: Uint32Array.from(firsts), endToken: Uint32Array.from(ends) };
}

function tokenText(text: string, tokens: TokenTable, i: number): string {
  return text.slice(tokens.start[i], tokens.end[i]);
}

function newlinesBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) n++;
  return n;
}

function isTerminal(text: string, tokens: TokenTable, i: number): boolean {
  return TERMINAL.has(text.charCodeAt((tokens.end[i] as number) - 1)) && !isOmission(text, tokens, i);
}

/** "(...)", "[…]": an ellipsis in brackets marks words left out of a quotation, not a sentence's end. */
function isOmission(text: string, tokens: TokenTable, i: number): boolean {
  if (i === 0 || i + 1 >= tokens.count) return false;
  const word = tokenText(text, tokens, i);
  if (word !== '...' && word !== '…') return false;
  const before = tokenText(text, tokens, i - 1);
  const after = tokenText(text, tokens, i + 1);
  return (before === '(' && after === ')') || (before === '[' && after === ']');
}

/** Move past further terminal marks ("?!", "…") and closing quotes or brackets glued to the sentence. */
function absorbClosers(text: string, tokens: TokenTable, i: number): number {
  let last = i;
  while (last + 1 < tokens.count) {
    const next = tokenText(text, tokens, last + 1);
    const glued = tokens.spaceAfter[last] === 0;
    const closing =
      CLOSING_BRACKETS.includes(next) ||
      next === "''" ||
      (glued && next.length === 1 && QUOTE_CHARS.includes(next)) ||
      (glued && TERMINAL.has(next.charCodeAt(next.length - 1)) && !/\p{L}/u.test(next));
    if (!closing) break;
    last++;
  }
  return last;
}

/** Whether the token at `next` may begin a new sentence after the terminal token `terminal`. */
function canStartAfter(text: string, tokens: TokenTable, terminal: number, next: number): boolean {
  const word = tokenText(text, tokens, next);
  const terminalText = tokenText(text, tokens, terminal);
  if (
    terminalText.length > 1 &&
    terminalText.charCodeAt(terminalText.length - 1) === PERIOD &&
    /\p{L}/u.test(terminalText)
  ) {
    // The tokenizer kept this period on an abbreviation or ordinal: only a clear sentence start ends it.
    const abbreviation = terminalText.slice(0, -1);
    const mayEnd = ABBREVIATIONS.get(abbreviation) === 'end' || abbreviation.includes('.');
    return mayEnd && SENTENCE_STARTERS.has(word);
  }
  if (terminalText.length > 1 && isDigitCode(terminalText.charCodeAt(0)) && terminalText.endsWith('.')) {
    return false; // an ordinal or date the tokenizer recognised
  }
  if (startsUpper(word) || isDigitCode(word.charCodeAt(0))) return true;
  if (word === '``') return true;
  return OPENERS_AFTER_BOUNDARY.includes(word[0] as string) && !startsLower(word);
}
