/**
 * Reads a review CSV back after a person edited it in a spreadsheet: UTF-8 with or without BOM
 * (Windows-1252 when a spreadsheet saved it so), CRLF or LF, comma, semicolon or tab separated.
 */
import { parse } from 'csv-parse/sync';
import { ThreadstanceError } from '../errors.js';
import { decodeWindows1252 } from '../input/decode.js';

/** A reviewed file as header-keyed rows of raw cells (the formula escape is still on them). */
export interface ReviewedTable {
  file: string;
  header: string[];
  rows: Record<string, string>[];
  /** `utf-8`, or `windows-1252` when the bytes are not UTF-8 (Excel's plain "CSV (Comma delimited)"). */
  encoding: 'utf-8' | 'windows-1252';
  delimiter: string;
}

/** The field separator of a CSV, judged by its header line: the most frequent of , ; and tab (comma on a tie). */
export function sniffDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 1)[0] ?? '';
  const count = (c: string): number => header.split(c).length - 1;
  const [best] = [',', ';', '\t'].map((c) => ({ c, n: count(c) })).sort((a, b) => b.n - a.n);
  return best && best.n > 0 ? best.c : ',';
}

/** Decodes bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8. */
export function decodeSpreadsheetBytes(bytes: Uint8Array): { text: string; encoding: ReviewedTable['encoding'] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** csv-parse options for a reviewed CSV (whole or streamed): rows as arrays, short rows allowed. */
export function reviewedCsvOptions(delimiter: string): { bom: true; delimiter: string; skip_empty_lines: true; relax_column_count: true } {
  return { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true };
}

/** Parses a reviewed CSV; a structural error names the file and what to do. */
export function parseReviewedCsv(bytes: Uint8Array, file: string): ReviewedTable {
  const { text, encoding } = decodeSpreadsheetBytes(bytes);
  const delimiter = sniffDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, reviewedCsvOptions(delimiter)) as string[][];
  } catch (err) {
    const e = err as { message: string; lines?: number };
    throw new ThreadstanceError('REVIEW_BAD_CSV', `not a readable CSV (${e.message}); expected a review CSV written by threadstance analyze`, { file, line: e.lines });
  }
  const [head, ...body] = records;
  if (head === undefined) throw new ThreadstanceError('REVIEW_EMPTY', 'the file is empty; expected a review CSV written by threadstance analyze', { file });
  const header = head.map((h) => h.trim());
  if (!header.includes('id')) {
    throw new ThreadstanceError('REVIEW_NO_ID', `the header has no "id" column (found: ${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''}); expected a review CSV written by threadstance analyze`, { file, line: 1 });
  }
  const rows = body.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])));
  return { file, header, rows, encoding, delimiter };
}
