/** Writes output files atomically: a temporary file in the same directory, renamed on success. */
import fs from 'node:fs';
import path from 'node:path';
import { ThreadstanceError } from '../errors.js';

/** Refuses an output path that is one of the inputs, so an input is never overwritten. */
export function checkNotInput(output: string, inputs: string[], option = '--out'): void {
  const out = resolveReal(output);
  for (const input of inputs) {
    if (resolveReal(input) === out) {
      throw new ThreadstanceError('OUTPUT_IS_INPUT', `the output path is also an input (${input}); choose another ${option} so the input is never overwritten`, { file: output });
    }
  }
}

/** Writes `text` to `file` via a temporary sibling and rename; the previous file stays intact on failure. */
export function writeAtomic(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new ThreadstanceError('OUTPUT_DIR', `cannot create the output directory: ${(err as Error).message}`, { file: dir });
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new ThreadstanceError('OUTPUT_WRITE', `cannot write: ${(err as Error).message}`, { file });
  }
}

function resolveReal(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    return abs;
  }
}
