/**
 * The skipped report: every input record that did not become a row of the review CSV, with where it
 * is and why, so that nothing is lost silently. Written as `skipped.csv` beside `--out` when a run
 * skips anything, and listed on stderr.
 */
import type { Skipped } from '../types.js';
import { csvParts } from './csv.js';
import type { CsvDialect } from './dialect.js';

/** The header row of skipped.csv: `record` is the start of the record as it was read (200 characters at most). */
export const SKIPPED_HEADER = ['file', 'line', 'reason', 'record'];

/** A file that was left out of a directory input as a whole (no thread in any known format). */
export function leftOutFile(file: string): Skipped {
  return { file, line: 0, reason: 'the whole file: not in any input format (name one with --format)', raw: '' };
}

/** Records per piece of skipped.csv's text: a dump may skip hundreds of thousands, and their text made at once took hundreds of MB. */
const PART = 1000;

/** skipped.csv's header (with the dialect's byte-order mark) and then its rows' texts, PART records at a time; line 0 means the whole file. */
export function skippedCsvParts(skipped: readonly Skipped[], dialect: CsvDialect = 'excel'): Generator<string> {
  return csvParts(SKIPPED_HEADER, records(skipped), dialect);
}

function* records(skipped: readonly Skipped[]): Generator<(string | number)[][]> {
  for (let k = 0; k < skipped.length; k += PART) yield skipped.slice(k, k + PART).map((s) => [s.file, s.line, s.reason, s.raw]);
}

/** One stderr line per skipped record (or left-out file). */
/**
 * Skipped records listed one per line on stderr, at most (all of them with --strict, which writes no
 * skipped.csv); the rest are counted there and listed in skipped.csv. A dump with a million unreadable
 * lines would otherwise print a million.
 */
export const SKIPPED_ON_STDERR = 100;

export function skippedLine(s: Skipped): string {
  return s.line === 0 ? `threadstance: left out ${s.file}: not in any input format (name one with --format)\n` : `threadstance: skipped ${s.file}:${s.line}: ${s.reason}\n`;
}
