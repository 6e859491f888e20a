/** Renders rows as CSV text with csv-stringify. */
import { stringify } from 'csv-stringify/sync';
import type { AnalyzedComment, Thread } from '../types.js';
import { columnsFor, type Cell, type ClaimColumns } from './columns.js';

/** The review CSV of one or more analyzed threads (header once, rows in thread order). */
export function commentsCsv(threads: { thread: Thread; rows: AnalyzedComment[] }[], claims: ClaimColumns[]): string {
  const extra = [...new Set(threads.flatMap((t) => t.thread.extraColumns))];
  const dated = threads.some((t) => t.rows.some((r) => r.comment.createdAt !== ''));
  const columns = columnsFor(claims, extra, dated);
  const records: Cell[][] = [];
  for (const { thread, rows } of threads) for (const row of rows) records.push(columns.map((c) => c.value(row, thread)));
  return toCsv(columns.map((c) => c.name), records);
}

/** CSV with a header row; numbers stay numbers, every field that needs quoting is quoted. */
export function toCsv(header: string[], records: Cell[][]): string {
  return stringify([header, ...records], { quoted_match: /^\s|\s$/ });
}
