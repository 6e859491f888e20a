/** Renders rows as CSV text with csv-stringify, in a dialect (see dialect.ts) and a layout (wide or long). */
import { stringify } from 'csv-stringify/sync';
import type { AnalyzedComment, Thread } from '../types.js';
import { columnsFor, type Cell, type ClaimColumns } from './columns.js';
import { stringifyOptions, type CsvDialect } from './dialect.js';
import { longRecords } from './long.js';
import type { Carried } from './merge.js';

/** `wide`: one row per comment, columns per claim; `long`: one row per comment and claim. */
export const LAYOUTS = ['wide', 'long'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** How to write the review CSV. */
export interface CsvOptions {
  dialect?: CsvDialect;
  layout?: Layout;
  /** Review cells carried from a previous file (`--merge-review`). */
  carried?: Carried;
}

/** The review CSV of one or more analyzed threads (header once, rows in thread order). */
export function commentsCsv(threads: { thread: Thread; rows: AnalyzedComment[] }[], claims: ClaimColumns[], opts: CsvOptions = {}): string {
  if (opts.layout === 'long') {
    const { header, records } = longRecords(threads, claims, opts.carried);
    return toCsv(header, records, opts.dialect);
  }
  const extra = [...new Set(threads.flatMap((t) => t.thread.extraColumns))];
  const has = (f: (r: AnalyzedComment) => boolean): boolean => threads.some((t) => t.rows.some(f));
  const optional = {
    createdAt: has((r) => r.comment.createdAt !== ''),
    depth: has((r) => r.comment.depth !== undefined),
    url: has((r) => Boolean(r.comment.url)),
  };
  const columns = columnsFor(claims, extra, optional, opts.carried);
  const records: Cell[][] = [];
  for (const { thread, rows } of threads) for (const row of rows) records.push(columns.map((c) => c.value(row, thread)));
  return toCsv(columns.map((c) => c.name), records, opts.dialect);
}

/** CSV with a header row in `dialect` (default `excel`); numbers stay numbers, every field that needs quoting is quoted. */
export function toCsv(header: string[], records: Cell[][], dialect: CsvDialect = 'excel'): string {
  return stringify([header, ...records], stringifyOptions(dialect));
}

/** The same CSV as toCsv, in parts: the header row (with the dialect's byte-order mark), then each batch's records as a text of its own. */
export function* csvParts(header: string[], batches: Iterable<Cell[][]>, dialect: CsvDialect = 'excel'): Generator<string> {
  yield toCsv(header, [], dialect);
  const options = { ...stringifyOptions(dialect), bom: false };
  for (const records of batches) yield stringify(records, options);
}
