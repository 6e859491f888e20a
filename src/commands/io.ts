/** File reading for the commands, with errors that name the file. */
import fs from 'node:fs';
import { ThreadstanceError } from '../errors.js';

/** Reads a text file as UTF-8; a missing file, a directory or invalid UTF-8 is a clear error. */
export function readText(file: string, what = 'input'): string {
  let bytes: Buffer;
  try {
    if (fs.statSync(file).isDirectory()) {
      throw new ThreadstanceError('INPUT_IS_DIRECTORY', `is a directory; expected a ${what} file`, { file });
    }
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof ThreadstanceError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ThreadstanceError(
      code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE',
      code === 'ENOENT' ? `no such file; expected a ${what} file` : `cannot read: ${(err as Error).message}`,
      { file },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new ThreadstanceError('INPUT_ENCODING', `not valid UTF-8 (first bad byte at offset ${offset}); save the file as UTF-8`, { file });
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
