/**
 * Bytes → analysable text: refuses binary data, reports invalid UTF-8 with its line and column, reads
 * legacy Latin-1 on request, and normalises what would otherwise shift offsets (BOM, CRLF/CR line ends,
 * decomposed umlauts) before anything is counted.
 */
import { InputError } from './errors.js';

export type Encoding = 'utf8' | 'latin1';

export const ENCODINGS: readonly Encoding[] = ['utf8', 'latin1'];

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/** Decode a file's bytes; throws InputError naming `file` on binary data or invalid UTF-8. */
export function decodeBytes(bytes: Uint8Array, file: string, encoding: Encoding): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(utf16le, bytes, file, 'UTF-16LE');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(utf16be, bytes, file, 'UTF-16BE');
  if (looksBinary(bytes)) throw new InputError(file, 'binary data, not text (a NUL byte or many control characters)');
  if (encoding === 'latin1') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const { line, column } = lineAndColumn(bytes, at);
    throw new InputError(
      file,
      `invalid UTF-8 at column ${column} (byte ${at}); for legacy files use --encoding latin1`,
      line,
    );
  }
}

function decodeWith(decoder: TextDecoder, bytes: Uint8Array, file: string, name: string): string {
  try {
    return decoder.decode(bytes.subarray(2));
  } catch {
    throw new InputError(file, `invalid ${name} text`);
  }
}

/** NUL bytes, or more than 10% control characters other than tab and line ends, in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Offset of the first byte that breaks UTF-8 (a bad lead byte, a missing continuation, an overlong form). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need = 0;
    let min = 0;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function lineAndColumn(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/**
 * The normal form every offset counts in: no BOM, `\n` line ends, NFC (so that "ü" typed as u + ¨ meets
 * the lexicons), no trailing whitespace at the very end.
 */
export function normalizeText(text: string): string {
  let t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  t = t.replace(/\r\n?/g, '\n');
  t = t.normalize('NFC');
  return t.replace(/\s+$/u, '');
}
