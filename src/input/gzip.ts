/**
 * gzip-compressed inputs (a dump saved as `.jsonl.gz`, BigQuery's compressed exports) are read as
 * their decompressed text: streamed formats a chunk at a time, the others whole. Positions in
 * errors (lines, byte offsets) are those of the decompressed text.
 */
import zlib from 'node:zlib';
import { ThreadstanceError } from '../errors.js';

/** Whether bytes start with gzip's magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A whole compressed file's decompressed bytes. */
export function gunzipWhole(bytes: Uint8Array, file: string): Buffer {
  try {
    return zlib.gunzipSync(bytes);
  } catch (err) {
    throw gzipError(file, err);
  }
}

/** The decompressed bytes of the start of a compressed file (the rest of it not read), at most `max`. */
export function gunzipHead(bytes: Uint8Array, max: number, file: string): Buffer {
  try {
    // A partial stream flushed as far as it goes, instead of "unexpected end of file".
    return zlib.gunzipSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).subarray(0, max);
  } catch (err) {
    throw gzipError(file, err);
  }
}

/** A decompressing stream of `chunkSize`-byte pieces. */
export function gunzipStream(chunkSize: number): zlib.Gunzip {
  return zlib.createGunzip({ chunkSize });
}

export function gzipError(file: string, err: unknown): ThreadstanceError {
  return new ThreadstanceError('INPUT_GZIP', `starts as gzip-compressed data but cannot be decompressed (${(err as Error).message}): the file is damaged or cut short (\`gzip -t\` tests it); expected a whole gzip file`, { file });
}

/** The name a compressed file has once decompressed: `dump.jsonl.gz` → `dump.jsonl`. */
export function withoutGz(file: string): string {
  return file.replace(/\.gz$/i, '');
}
