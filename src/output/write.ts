/**
 * Writes a run's output files all or nothing: each goes to a temporary file in its own directory,
 * and only when every one is complete are they renamed over the old files, one after another with
 * nothing in between. SIGINT or SIGTERM while they are written stops the run: the temporary files
 * are removed, the previous outputs stay as they were, and the run ends with status 130 or 143.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ThreadstanceError } from '../errors.js';

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
 * Outputs written while the run goes on (streamed): each to a temporary sibling, renamed over the old
 * files together by `commit`; SIGINT or SIGTERM makes `check` throw Interrupted, and `discard` (always
 * called, in a finally) removes whatever temporary files are left.
 */
export class OutputSet {
  private readonly temps: { file: string; tmp: string; fd: number }[] = [];
  private signal: StopSignal | undefined;
  private readonly stop = (s: StopSignal): void => void (this.signal ??= s);

  constructor() {
    process.on('SIGINT', this.stop);
    process.on('SIGTERM', this.stop);
  }

  /** Creates the temporary file of `file`; returns the function that appends text to it. */
  open(file: string): (text: string) => void {
    const dir = path.dirname(path.resolve(file));
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new ThreadstanceError('OUTPUT_DIR', `cannot create the output directory: ${(err as Error).message}`, { file: dir });
    }
    const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
    let fd: number;
    try {
      fd = fs.openSync(tmp, 'wx');
    } catch (err) {
      throw new ThreadstanceError('OUTPUT_WRITE', `cannot write: ${(err as Error).message}`, { file });
    }
    this.temps.push({ file, tmp, fd });
    return (text: string) => {
      try {
        fs.writeSync(fd, text);
      } catch (err) {
        throw new ThreadstanceError('OUTPUT_WRITE', `cannot write: ${(err as Error).message}`, { file });
      }
    };
  }

  /** Throws Interrupted once SIGINT or SIGTERM has arrived. */
  check(): void {
    if (this.signal) throw new Interrupted(this.signal, this.temps[0]?.file ?? '');
  }

  /** Flushes and closes every temporary file, then renames them over the outputs and removes `remove`. */
  commit(remove: string[] = []): void {
    for (const t of this.temps) {
      try {
        fs.fdatasyncSync(t.fd);
        fs.closeSync(t.fd);
        t.fd = -1;
      } catch (err) {
        throw new ThreadstanceError('OUTPUT_WRITE', `cannot write: ${(err as Error).message}`, { file: t.file });
      }
    }
    this.check();
    // Renames are synchronous: no signal handler runs between them, so a run is never half replaced.
    for (const t of this.temps) {
      try {
        fs.renameSync(t.tmp, t.file);
      } catch (err) {
        throw new ThreadstanceError('OUTPUT_WRITE', `cannot write: ${(err as Error).message}`, { file: t.file });
      }
      t.tmp = '';
    }
    for (const file of remove) fs.rmSync(file, { force: true });
  }

  /** Removes the temporary files not renamed, and stops listening for signals. */
  discard(): void {
    for (const t of this.temps) {
      if (t.fd >= 0) fs.closeSync(t.fd);
      if (t.tmp) fs.rmSync(t.tmp, { force: true });
    }
    process.off('SIGINT', this.stop);
    process.off('SIGTERM', this.stop);
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
