/**
 * Writes a run's output files all or nothing: each goes to a temporary file in its own directory,
 * and only when every one is complete are they renamed over the old files, one after another with
 * nothing in between. SIGINT or SIGTERM while they are written stops the run: the temporary files
 * are removed, the previous outputs stay as they were, and the run ends with status 130 or 143.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ThreadstanceError } from '../errors.js';

/** One file to write. */
export interface Output {
  file: string;
  text: string;
}

/** Bytes written per step; between steps a signal can stop the run. */
const CHUNK = 1 << 20;

/** Exit statuses of a run stopped by a signal: 128 + the signal's number, as a shell reports it. */
export const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNAL_STATUS;

/** The run was stopped by SIGINT or SIGTERM while writing; nothing was written. */
export class Interrupted extends ThreadstanceError {
  readonly status: number;
  constructor(
    readonly signal: StopSignal,
    file: string,
  ) {
    super('INTERRUPTED', `stopped by ${signal} while writing the outputs; nothing was written and the previous files are unchanged`, { file });
    this.status = SIGNAL_STATUS[signal];
  }
}

/** Refuses an output path that is one of the inputs, so an input is never overwritten. */
export function checkNotInput(output: string, inputs: string[], option = '--out'): void {
  const out = resolveReal(output);
  for (const input of inputs) {
    if (resolveReal(input) === out) {
      throw new ThreadstanceError('OUTPUT_IS_INPUT', `the output path is also an input (${input}); choose another ${option} so the input is never overwritten`, { file: output });
    }
  }
}

/**
 * Writes every output to a temporary sibling, then renames them all; `remove` lists files to delete
 * once the new outputs are in place (a stale skipped.csv). On failure or a signal nothing changes.
 */
export async function writeOutputs(outputs: Output[], remove: string[] = []): Promise<void> {
  const temps: string[] = [];
  let signal: StopSignal | undefined;
  const stop = (s: StopSignal): void => void (signal ??= s);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    for (const { file, text } of outputs) {
      const dir = path.dirname(path.resolve(file));
      try {
        fs.mkdirSync(dir, { recursive: true });
      } catch (err) {
        throw new ThreadstanceError('OUTPUT_DIR', `cannot create the output directory: ${(err as Error).message}`, { file: dir });
      }
      const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
      temps.push(tmp);
      await writeFile(tmp, text, file, () => signal);
    }
    if (signal) throw new Interrupted(signal, outputs[0]?.file ?? '');
    // Renames are synchronous: no signal handler runs between them, so a run is never half replaced.
    outputs.forEach(({ file }, i) => {
      try {
        fs.renameSync(temps[i]!, file);
      } catch (err) {
        throw new ThreadstanceError('OUTPUT_WRITE', `cannot write: ${(err as Error).message}`, { file });
      }
      temps[i] = '';
    });
    for (const file of remove) fs.rmSync(file, { force: true });
  } finally {
    for (const tmp of temps) if (tmp) fs.rmSync(tmp, { force: true });
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

/** Writes `text` to `tmp` in steps, stopping when `stopped()` names a signal; flushed to disk before it counts as written. */
async function writeFile(tmp: string, text: string, file: string, stopped: () => StopSignal | undefined): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(tmp, 'wx');
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const signal = stopped();
      if (signal) throw new Interrupted(signal, file);
      await handle.write(bytes, at, Math.min(CHUNK, bytes.length - at));
    }
    await handle.datasync();
  } catch (err) {
    if (err instanceof ThreadstanceError) throw err;
    throw new ThreadstanceError('OUTPUT_WRITE', `cannot write: ${(err as Error).message}`, { file });
  } finally {
    await handle?.close();
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
