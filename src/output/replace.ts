/**
 * When an existing file may be replaced by an output: when threadstance wrote it and nobody has put
 * work into it since. Anything else (a file of the user's that happens to have the name, a review CSV
 * in which a person has filled review cells) needs `--force`.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { ThreadstanceError } from '../errors.js';
import { REPORT_GENERATOR } from './report.js';
import { reviewedCsvOptions, sniffDelimiter } from './reviewed.js';
import { headBytes } from '../input/text-stream.js';
import { EARLIER_SUMMARY_HEADERS, SUMMARY_HEADER } from './summary.js';
import { SKIPPED_HEADER } from './skipped.js';

/** What an output file is, to recognise an earlier one of the same kind. */
export type OutputKind = 'comments' | 'summary' | 'skipped' | 'report';


/** Review columns threadstance fills itself; every other `review_*` cell is a person's work. */
const TOOL_REVIEW_COLUMNS = new Set(['review_reason', 'review_text_changed']);

/** The option that names each kind, for messages. */
const OPTION: Record<OutputKind, string> = { comments: '--out', summary: '--summary', skipped: '--out (skipped.csv is written beside it)', report: '--report' };

/**
 * Throws OUTPUT_EXISTS unless `file` is absent, or an earlier threadstance output of this kind with no
 * review work in it, or `force` is set. A directory in the way is always an error. `read` is called
 * for each row of a review CSV read (for progress).
 */
export async function checkReplaceable(file: string, kind: OutputKind, force: boolean, read?: () => void): Promise<void> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return; // nothing there yet
  }
  if (stat.isDirectory()) throw new ThreadstanceError('OUTPUT_IS_DIRECTORY', `is a directory; ${OPTION[kind]} must name a file`, { file });
  if (force) return;
  const why = await notReplaceable(file, kind, read);
  if (why) {
    throw new ThreadstanceError('OUTPUT_EXISTS', `already exists and ${why}; choose another ${OPTION[kind]}, or pass --force to replace it`, { file });
  }
}

/** True when `file` is an earlier skipped.csv of threadstance (so that a run that skips nothing may remove it). */
export async function isSkippedReport(file: string): Promise<boolean> {
  return fs.existsSync(file) && (await notReplaceable(file, 'skipped')) === undefined;
}

/** Bytes read to recognise a file by its start. */
const HEAD = 4096;

/**
 * Why the file must not be replaced, or undefined when it may be. A review CSV is read as a stream,
 * so that checking the output of a million-comment run costs no memory.
 */
async function notReplaceable(file: string, kind: OutputKind, read?: () => void): Promise<string | undefined> {
  let head: string;
  try {
    head = headBytes(file, HEAD).toString('utf8');
  } catch (err) {
    return `cannot be read to check who wrote it (${(err as Error).message})`;
  }
  const notOurs = `was not written by threadstance (it does not start like a threadstance ${kind === 'report' ? 'report' : `${kind} CSV`})`;
  if (kind === 'report') return head.includes(REPORT_GENERATOR) ? undefined : notOurs;
  const line = firstLine(head);
  if (kind === 'summary') return [SUMMARY_HEADER, ...EARLIER_SUMMARY_HEADERS].some((h) => sameCells(line, h)) ? undefined : notOurs;
  if (kind === 'skipped') return sameCells(line, SKIPPED_HEADER) ? undefined : notOurs;
  if (!/^"?thread"?[,;\t]/.test(line)) return notOurs;
  let work: ReviewWork | undefined;
  try {
    work = await reviewWork(file, sniffDelimiter(line), read);
  } catch {
    return notOurs;
  }
  if (work === undefined) return notOurs;
  if (work.filled === 0) return undefined;
  return `holds ${work.filled} filled review cell${work.filled === 1 ? '' : 's'} (first: ${work.first}), a person's work that replacing it would lose. Carry them into a new file with --merge-review ${file} --out NEW.csv`;
}

/** Filled review cells of a review CSV, and where the first is. */
interface ReviewWork {
  filled: number;
  first: string;
}

/**
 * Counts the review cells a person filled in a review CSV, or undefined when its header is not
 * threadstance's. Cells are only tested for being empty, so a file a spreadsheet saved as
 * Windows-1252 is read as UTF-8 here without harm. A malformed CSV throws.
 */
async function reviewWork(file: string, delimiter: string, read?: () => void): Promise<ReviewWork | undefined> {
  const records = fs.createReadStream(file).pipe(parse(reviewedCsvOptions(delimiter)));
  let header: string[] | undefined;
  let columns: number[] = [];
  let filled = 0;
  let first = '';
  let row = 1;
  for await (const record of records as AsyncIterable<string[]>) {
    if (header === undefined) {
      header = record.map((h) => h.trim());
      if (header.slice(0, 3).join(',') !== 'thread,index,id' || !header.includes('needs_review')) return undefined;
      columns = header.flatMap((h, i) => (h.startsWith('review_') && !TOOL_REVIEW_COLUMNS.has(h) ? [i] : []));
      continue;
    }
    row++;
    read?.();
    for (const c of columns) {
      if ((record[c] ?? '').trim() === '') continue;
      filled++;
      first ||= `row ${row}, ${header[c]}`;
    }
  }
  return header === undefined ? undefined : { filled, first };
}

function firstLine(head: string): string {
  return head.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
}

function sameCells(line: string, cells: string[]): boolean {
  return [',', ';', '\t'].some((d) => line.split(d).map((c) => c.trim().replace(/^"|"$/g, '')).join('\u0000') === cells.join('\u0000'));
}
