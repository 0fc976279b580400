import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, firstInvalidUtf8, looksBinary, normalizeText } from '../../src/io/decode.js';
import { InputError } from '../../src/io/errors.js';

test('decode: valid UTF-8 passes through', () => {
  assert.equal(decodeBytes(Buffer.from('Grüße aus Köln'), 'a.txt', 'utf8'), 'Grüße aus Köln');
});

test('decode: invalid UTF-8 names the file, line and column', () => {
  const bytes = Buffer.concat([Buffer.from('Zeile eins\nZeile zwei: '), Buffer.from([0xff]), Buffer.from(' Ende')]);
  assert.throws(
    () => decodeBytes(bytes, 'alt.txt', 'utf8'),
    (e: unknown) =>
      e instanceof InputError &&
      e.line === 2 &&
      /alt\.txt:2: invalid UTF-8 at column 13/.test(e.message) &&
      /--encoding latin1/.test(e.message),
  );
});

test('decode: Latin-1 on request', () => {
  const bytes = Buffer.from([0x53, 0x74, 0x72, 0x61, 0xdf, 0x65]); // "Straße" in Latin-1
  assert.equal(decodeBytes(bytes, 'a.txt', 'latin1'), 'Straße');
});

test('decode: UTF-16 with a byte-order mark', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hallö', 'utf16le')]);
  assert.equal(decodeBytes(bytes, 'a.txt', 'utf8'), 'Hallö');
});

test('decode: binary data is refused', () => {
  assert.ok(looksBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])));
  assert.ok(!looksBinary(Buffer.from('Ganz normaler Text\tmit Tab\r\n')));
  assert.throws(() => decodeBytes(Buffer.from([1, 2, 0, 4]), 'b.bin', 'utf8'), /b\.bin: binary data/);
});

test('decode: first invalid byte is found for truncated, overlong and surrogate sequences', () => {
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc3])), 1); // truncated ä
  assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80])), 1); // overlong NUL
  assert.equal(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80])), 0); // UTF-16 surrogate
  assert.equal(firstInvalidUtf8(Buffer.from('ok ✓ 👍')), Buffer.from('ok ✓ 👍').length);
});

test('normalize: BOM, CRLF and CR line ends, NFC, trailing whitespace', () => {
  assert.equal(normalizeText('\uFEFFTitel\r\n\r\nText\rmehr\n\n  '), 'Titel\n\nText\nmehr');
  assert.equal(normalizeText('Mu\u0308nchen'), 'München');
});
