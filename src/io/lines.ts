/**
 * Byte lines from a stream, split on `\n`, without decoding (each line is decoded and validated on its
 * own so an error can name its line). A line longer than `maxBytes` is skipped rather than buffered.
 */
import type { Readable } from 'node:stream';

export interface ByteLine {
  /** 1-based. */
  number: number;
  bytes: Uint8Array;
  tooLong: boolean;
}

export async function* splitLines(
  stream: Readable | AsyncIterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<ByteLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 1;
  const take = (): ByteLine => {
    const bytes = tooLong ? new Uint8Array(0) : parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
    const line = { number, bytes: stripCr(bytes), tooLong };
    parts = [];
    size = 0;
    tooLong = false;
    number++;
    return line;
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let from = 0;
    for (let nl = buffer.indexOf(10, from); nl >= 0; nl = buffer.indexOf(10, from)) {
      append(buffer.subarray(from, nl));
      yield take();
      from = nl + 1;
    }
    append(buffer.subarray(from));
  }
  if (size > 0 || tooLong) yield take();

  function append(piece: Buffer): void {
    if (piece.length === 0 || tooLong) return;
    size += piece.length;
    if (size > maxBytes) {
      tooLong = true;
      parts = [];
      return;
    }
    parts.push(Buffer.from(piece)); // copy: the stream may reuse its chunk
  }
}

function stripCr(bytes: Uint8Array): Uint8Array {
  return bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.subarray(0, bytes.length - 1) : bytes;
}
