/**
 * When an existing file may be replaced by an output: when threadstance wrote it and nobody has put
 * work into it since. Anything else (a file of the user's that happens to have the name, a review CSV
 * in which a person has filled review cells) needs `--force`.
 */
import fs from 'node:fs';
import { ThreadstanceError } from '../errors.js';
import { REPORT_GENERATOR } from './report.js';
import { parseReviewedCsv } from './reviewed.js';
import { SUMMARY_HEADER } from './summary.js';
import { SKIPPED_HEADER } from './skipped.js';

/** What an output file is, to recognise an earlier one of the same kind. */
export type OutputKind = 'comments' | 'summary' | 'skipped' | 'report';


/** Review columns threadstance fills itself; every other `review_*` cell is a person's work. */
const TOOL_REVIEW_COLUMNS = new Set(['review_reason', 'review_text_changed']);

/** The option that names each kind, for messages. */
const OPTION: Record<OutputKind, string> = { comments: '--out', summary: '--summary', skipped: '--out (skipped.csv is written beside it)', report: '--report' };

/**
 * Throws OUTPUT_EXISTS unless `file` is absent, or an earlier threadstance output of this kind with no
 * review work in it, or `force` is set. A directory in the way is always an error.
 */
export function checkReplaceable(file: string, kind: OutputKind, force: boolean): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return; // nothing there yet
  }
  if (stat.isDirectory()) throw new ThreadstanceError('OUTPUT_IS_DIRECTORY', `is a directory; ${OPTION[kind]} must name a file`, { file });
  if (force) return;
  const why = notReplaceable(file, kind);
  if (why) {
    throw new ThreadstanceError('OUTPUT_EXISTS', `already exists and ${why}; choose another ${OPTION[kind]}, or pass --force to replace it`, { file });
  }
}

/** True when `file` is an earlier skipped.csv of threadstance (so that a run that skips nothing may remove it). */
export function isSkippedReport(file: string): boolean {
  return fs.existsSync(file) && notReplaceable(file, 'skipped') === undefined;
}

/** Why the file must not be replaced, or undefined when it may be. */
function notReplaceable(file: string, kind: OutputKind): string | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return `cannot be read to check who wrote it (${(err as Error).message})`;
  }
  const notOurs = `was not written by threadstance (it does not start like a threadstance ${kind === 'report' ? 'report' : `${kind} CSV`})`;
  if (kind === 'report') return bytes.subarray(0, 4096).toString('utf8').includes(REPORT_GENERATOR) ? undefined : notOurs;
  const head = firstLine(bytes);
  if (kind === 'summary') return sameCells(head, SUMMARY_HEADER) ? undefined : notOurs;
  if (kind === 'skipped') return sameCells(head, SKIPPED_HEADER) ? undefined : notOurs;
  if (!/^"?thread"?[,;\t]/.test(head)) return notOurs;
  let table;
  try {
    table = parseReviewedCsv(bytes, file);
  } catch {
    return notOurs;
  }
  if (table.header.slice(0, 3).join(',') !== 'thread,index,id' || !table.header.includes('needs_review')) return notOurs;
  const columns = table.header.filter((h) => h.startsWith('review_') && !TOOL_REVIEW_COLUMNS.has(h));
  let filled = 0;
  let first = '';
  table.rows.forEach((row, i) => {
    for (const c of columns) {
      if ((row[c] ?? '').trim() === '') continue;
      filled++;
      first ||= `row ${i + 2}, ${c}`;
    }
  });
  if (filled === 0) return undefined;
  return `holds ${filled} filled review cell${filled === 1 ? '' : 's'} (first: ${first}), a person's work that replacing it would lose. Carry them into a new file with --merge-review ${file} --out NEW.csv`;
}

function firstLine(bytes: Buffer): string {
  return bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
}

function sameCells(line: string, cells: string[]): boolean {
  return [',', ';', '\t'].some((d) => line.split(d).map((c) => c.trim().replace(/^"|"$/g, '')).join('\u0000') === cells.join('\u0000'));
}
