/**
 * The skipped report: every input record that did not become a row of the review CSV, with where it
 * is and why, so that nothing is lost silently. Written as `skipped.csv` beside `--out` when a run
 * skips anything, and listed on stderr.
 */
import type { Skipped } from '../types.js';
import { toCsv } from './csv.js';
import type { CsvDialect } from './dialect.js';

/** The header row of skipped.csv: `record` is the start of the record as it was read (200 characters at most). */
export const SKIPPED_HEADER = ['file', 'line', 'reason', 'record'];

/** A file that was left out of a directory input as a whole (no thread in any known format). */
export function leftOutFile(file: string): Skipped {
  return { file, line: 0, reason: 'the whole file: not in any input format (name one with --format)', raw: '' };
}

/** skipped.csv text, in `dialect`; line 0 means the whole file. */
export function skippedCsv(skipped: Skipped[], dialect: CsvDialect = 'excel'): string {
  return toCsv(
    SKIPPED_HEADER,
    skipped.map((s) => [s.file, s.line, s.reason, s.raw]),
    dialect,
  );
}

/** One stderr line per skipped record (or left-out file). */
export function skippedLine(s: Skipped): string {
  return s.line === 0 ? `threadstance: left out ${s.file}: not in any input format (name one with --format)\n` : `threadstance: skipped ${s.file}:${s.line}: ${s.reason}\n`;
}
