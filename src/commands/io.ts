/** File reading for the commands, with errors that name the file. */
import fs from 'node:fs';
import path from 'node:path';
import { ThreadstanceError } from '../errors.js';

/** Reads a file's bytes; a missing file or a directory is an error that says what was expected ("an input file"). */
export function readBytes(file: string, what = 'an input file'): Buffer {
  try {
    if (fs.statSync(file).isDirectory()) {
      throw new ThreadstanceError('INPUT_IS_DIRECTORY', `is a directory; expected ${what}`, { file });
    }
    return fs.readFileSync(file);
  } catch (err) {
    if (err instanceof ThreadstanceError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new ThreadstanceError(
      code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE',
      code === 'ENOENT' ? `no such file; expected ${what}` : `cannot read: ${(err as Error).message}`,
      { file },
    );
  }
}

/** Reads a text file as UTF-8; a missing file, a directory or invalid UTF-8 is a clear error. */
export function readText(file: string, what = 'an input file'): string {
  const bytes = readBytes(file, what);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new ThreadstanceError('INPUT_ENCODING', `not valid UTF-8 (first bad byte at offset ${offset}); save the file as UTF-8`, { file });
  }
}

/** Byte offset of the first byte that is not valid UTF-8 (binary search over prefixes, each decoded afresh). */
function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      // stream: true accepts a prefix that ends inside a character, and still rejects a bad byte.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  // The valid prefix may end inside a character whose next byte broke it: report that character's lead byte.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lo));
    return lo;
  } catch {
    // fall through: the prefix ends in an incomplete character
  }
  let start = lo;
  while (start > 0 && start > lo - 4 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
  return start > 0 && bytes[start - 1]! >= 0xc0 ? start - 1 : lo;
}

/** File name endings of inputs read from a directory; other files there are listed as left out. */
export const INPUT_EXTENSIONS = ['.json', '.jsonl', '.ndjson', '.csv', '.tsv', '.txt', '.md'];

/**
 * Expands directory arguments into their input files (sorted, hidden files and other extensions left
 * out with a note); files are returned as given. An empty directory is an error.
 */
export function expandInputs(args: string[], io: { stderr(text: string): void }, quiet: boolean): { file: string; fromDirectory: boolean }[] {
  return args.flatMap((arg): { file: string; fromDirectory: boolean }[] => {
    let isDir = false;
    try {
      isDir = fs.statSync(arg).isDirectory();
    } catch {
      return [{ file: arg, fromDirectory: false }]; // readText reports the missing file
    }
    if (!isDir) return [{ file: arg, fromDirectory: false }];
    const names = fs.readdirSync(arg).filter((n) => !n.startsWith('.')).sort();
    const files = names.map((n) => path.join(arg, n)).filter((f) => fs.statSync(f).isFile());
    const inputs = files.filter((f) => INPUT_EXTENSIONS.includes(path.extname(f).toLowerCase()));
    const left = files.filter((f) => !inputs.includes(f));
    if (left.length > 0 && !quiet) io.stderr(`threadstance: left out of ${arg} (not ${INPUT_EXTENSIONS.join(' ')}): ${left.map((f) => path.basename(f)).join(', ')}\n`);
    if (inputs.length === 0) {
      throw new ThreadstanceError('INPUT_EMPTY_DIRECTORY', `has no input files; expected files ending in ${INPUT_EXTENSIONS.join(', ')}`, { file: arg });
    }
    return inputs.map((file) => ({ file, fromDirectory: true }));
  });
}
