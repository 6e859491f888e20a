/**
 * Reads a text file in pieces, for inputs too large to hold: decoded chunks (same encodings and
 * errors as decode.ts, with the byte offset of a bad byte counted over the whole file) and lines.
 */
import fs from 'node:fs';
import { ThreadstanceError } from '../errors.js';
import { checkNotBinary, decodeWindows1252, firstInvalidUtf8, type Encoding } from './decode.js';
import { gunzipHead, gunzipStream, gzipError, isGzip } from './gzip.js';

/**
 * Bytes read per step. 1 MB steps left about 45 MB of freed buffers in the C heap (glibc serves
 * them from its main arena once its mmap threshold has risen past them) and 30 MB of external
 * memory over a long read; 64 KB steps keep both under 10 MB for about 5% more reading time.
 */
export const CHUNK = 64 << 10;

/** The first bytes of a file (for sniffing and the binary check), at most `max`; of its decompressed text when it is gzip-compressed. */
export function headBytes(file: string, max: number): Buffer {
  const raw = rawHead(file, max);
  // Text compresses at least twice over: half as many compressed bytes give `max` of text.
  return isGzip(raw) ? gunzipHead(raw.subarray(0, Math.max(max >> 1, 64)), max, file) : raw;
}

function rawHead(file: string, max: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(max);
    const n = fs.readSync(fd, buf, 0, max, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** A file's bytes in CHUNK-sized pieces, decompressed when it is gzip-compressed. */
async function* fileBytes(file: string): AsyncGenerator<Buffer> {
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK });
  if (!isGzip(rawHead(file, 2))) {
    yield* stream as AsyncIterable<Buffer>;
    return;
  }
  const gunzip = gunzipStream(CHUNK);
  stream.on('error', (err) => gunzip.destroy(err));
  stream.pipe(gunzip);
  const pieces = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await pieces.next();
      } catch (err) {
        throw (err as NodeJS.ErrnoException).code?.startsWith('Z_') ? gzipError(file, err) : err;
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    stream.destroy();
    gunzip.destroy();
  }
}

/** The encoding a file is read in: `auto` is UTF-16 after its byte-order mark, else UTF-8. */
export function chosenEncoding(head: Uint8Array, encoding: Encoding): Exclude<Encoding, 'auto'> {
  if (encoding !== 'auto') return encoding;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** The file's text, chunk by chunk; a byte-order mark is dropped. Errors name the file and, for UTF-8, the byte offset. */
export async function* textChunks(file: string, encoding: Encoding): AsyncGenerator<string> {
  const head = headBytes(file, 65536);
  const chosen = chosenEncoding(head, encoding);
  if (chosen !== 'utf-16le' && chosen !== 'utf-16be') checkNotBinary(head, file);
  const decoder = chosen === 'latin1' || chosen === 'windows-1252' ? undefined : new TextDecoder(chosen, { fatal: true });
  let offset = 0;
  let previous: Buffer | undefined;
  let first = true;
  for await (const chunk of fileBytes(file)) {
    let text: string;
    if (chosen === 'latin1') text = chunk.toString('latin1');
    else if (chosen === 'windows-1252') text = decodeWindows1252(chunk);
    else {
      try {
        text = decoder!.decode(chunk, { stream: true });
      } catch {
        throw encodingError(file, chosen, previous, chunk, offset);
      }
    }
    if (first && text.startsWith('\uFEFF')) text = text.slice(1);
    first = false;
    offset += chunk.length;
    previous = chunk;
    if (text !== '') yield text;
  }
  if (decoder) {
    try {
      const rest = decoder.decode();
      if (rest !== '') yield rest;
    } catch {
      throw encodingError(file, chosen, previous, Buffer.alloc(0), offset);
    }
  }
}

/** The error for undecodable bytes in `chunk` (which starts at byte `offset`), as decode.ts words it. */
function encodingError(file: string, chosen: string, previous: Buffer | undefined, chunk: Buffer, offset: number): ThreadstanceError {
  if (chosen !== 'utf-8') {
    return new ThreadstanceError('INPUT_ENCODING', `not valid ${chosen.toUpperCase()} (an odd number of bytes, or half of a surrogate pair); check --encoding`, { file });
  }
  // The character the previous chunk ended inside starts there: decode from its first byte.
  const tail = previous ? incompleteTail(previous) : 0;
  const bytes = Buffer.concat([previous ? previous.subarray(previous.length - tail) : Buffer.alloc(0), chunk]);
  const at = offset - tail + firstInvalidUtf8(bytes);
  return new ThreadstanceError(
    'INPUT_ENCODING',
    `not valid UTF-8 (first bad byte at offset ${at}); save the file as UTF-8, or name its encoding with --encoding latin1 or --encoding windows-1252 (Excel's "CSV (Comma delimited)")`,
    { file },
  );
}

/** How many bytes at the end of `buf` begin a UTF-8 character that does not end in it (0 to 3). */
function incompleteTail(buf: Buffer): number {
  for (let k = 1; k <= Math.min(3, buf.length); k++) {
    const b = buf[buf.length - k]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

/** One line of a file: its 1-based number and its text without the line end. */
export interface Line {
  line: number;
  text: string;
}

/**
 * Lines split at LF, a CR before the LF dropped (as `/\r?\n/` splits), numbered from 1. Lines are
 * searched for in each chunk itself: only the line that began in an earlier chunk is joined. (Joining
 * the rest of the last chunk to each new chunk, as this did, made every search copy the joined
 * string: 320 ms to split 139 MB into lines, against 24 ms.)
 */
export async function* textLines(chunks: AsyncIterable<string>): AsyncGenerator<Line> {
  let carry = '';
  let line = 1;
  for await (const chunk of chunks) {
    let at = chunk.indexOf('\n');
    if (at < 0) {
      carry += chunk;
      continue;
    }
    let start = 0;
    if (carry !== '') {
      const joined = carry + chunk.slice(0, at);
      yield { line: line++, text: joined.charCodeAt(joined.length - 1) === 13 ? joined.slice(0, -1) : joined };
      carry = '';
      start = at + 1;
      at = chunk.indexOf('\n', start);
    }
    while (at >= 0) {
      const end = at > start && chunk.charCodeAt(at - 1) === 13 ? at - 1 : at;
      yield { line: line++, text: chunk.slice(start, end) };
      start = at + 1;
      at = chunk.indexOf('\n', start);
    }
    carry = chunk.slice(start);
  }
  yield { line, text: carry };
}
