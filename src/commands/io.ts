/** File reading for the commands, with errors that name the file. */
import fs from 'node:fs';
import path from 'node:path';
import { ThreadstanceError } from '../errors.js';
import { decodeInput, type Encoding } from '../input/decode.js';
import { gunzipWhole, isGzip, withoutGz } from '../input/gzip.js';

/** Reads a file's bytes (decompressed, when gzip-compressed); a missing file or a directory is an error that says what was expected ("an input file"). */
export function readBytes(file: string, what = 'an input file'): Buffer {
  try {
    if (fs.statSync(file).isDirectory()) {
      throw new ThreadstanceError('INPUT_IS_DIRECTORY', `is a directory; expected ${what}`, { file });
    }
    const bytes = fs.readFileSync(file);
    return isGzip(bytes) ? gunzipWhole(bytes, file) : bytes;
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

/** Reads a text file: UTF-8, UTF-16 with a byte-order mark, or `encoding`; a missing file, a directory, binary data or invalid UTF-8 is a clear error. */
export function readText(file: string, what = 'an input file', encoding: Encoding = 'auto'): string {
  return decodeInput(readBytes(file, what), file, encoding);
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
    const inputs = files.filter((f) => INPUT_EXTENSIONS.includes(path.extname(withoutGz(f)).toLowerCase()));
    const left = files.filter((f) => !inputs.includes(f));
    if (left.length > 0 && !quiet) io.stderr(`threadstance: left out of ${arg} (not ${INPUT_EXTENSIONS.join(' ')}, or one of these with .gz): ${left.map((f) => path.basename(f)).join(', ')}\n`);
    if (inputs.length === 0) {
      throw new ThreadstanceError('INPUT_EMPTY_DIRECTORY', `has no input files; expected files ending in ${INPUT_EXTENSIONS.join(', ')}`, { file: arg });
    }
    return inputs.map((file) => ({ file, fromDirectory: true }));
  });
}
