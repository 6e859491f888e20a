/**
 * `--merge-review`: carries what a person filled into a previous review CSV over to a new run, by
 * (thread, id), so that re-running with a better claim file keeps the hours of checking.
 */
import type { AnalyzedComment, Thread } from '../types.js';
import { unescapeCell } from './dialect.js';
import type { ReviewedTable } from './reviewed.js';

/** Review columns that are not `review_<claim>`: the tool's reason, the note, the flag, the long layout's label. */
export const REVIEW_META = ['review_reason', 'review_note', 'review_text_changed', 'review_stance'] as const;

/** The layout a review CSV is in: `long` has a `claim` column and `review_stance`. */
export function layoutOf(header: readonly string[]): 'wide' | 'long' {
  return header.includes('claim') && header.includes('review_stance') ? 'long' : 'wide';
}

/** Review cells carried to the new output, looked up by the cells' column names. */
export interface Carried {
  /** The carried value of `column` (`review_<claim>` and `review_note`; in the long layout per claim, `review_stance` too), or ''. */
  get(thread: string, id: string, column: string, claim?: string): string;
  /** `true` when the comment's text differs from the previous file's (or was flagged there), `false` when not, '' for a comment the previous file lacks. */
  textChanged(thread: string, id: string): string;
  /** `review_<claim>` columns of claims no longer in the claim set that hold filled cells: kept, after `review_text_changed` (wide layout). */
  keptColumns: string[];
}

/** A previous row with filled review cells that found no place in the new output. */
export interface Uncarried {
  /** Spreadsheet row number in the previous file (the header is row 1). */
  row: number;
  thread: string;
  id: string;
  claim?: string;
  cells: Record<string, string>;
  why: string;
}

/** What the merge did, for the run's message. */
export interface MergeReport {
  /** New comments (rows in the long layout) that found their previous row. */
  matched: number;
  /** Of those, matched by identical text because the id was not found (a spreadsheet may mangle long numeric ids). */
  byText: number;
  /** Filled review cells carried over. */
  carriedCells: number;
  /** Ids of matched comments whose text changed, with a carried review. */
  changed: string[];
  uncarried: Uncarried[];
}

export interface MergeResult {
  carried: Carried;
  report: MergeReport;
}

interface NewRow {
  thread: string;
  id: string;
  text: string;
  claim?: string;
}

const key = (...parts: string[]): string => parts.join('\u0000');

/**
 * Texts equal up to the formula escape, line ends (LibreOffice saves CR and CRLF in a cell as LF,
 * so an escaped leading CR comes back as `'` + LF) and a spreadsheet's cell limit (Excel keeps
 * 32,767 characters of a cell, Sheets 50,000): a cut text equals a text it begins.
 */
export function sameText(previous: string, current: string): boolean {
  if (previous === current) return true;
  const norm = (s: string): string => s.replace(/\r\n?/g, '\n');
  const b = norm(current);
  const candidates = [unescapeCell(previous), ...(previous.startsWith("'") ? [previous.slice(1)] : [])].map(norm);
  return candidates.some((a) => a === b || (a.length >= 32767 && b.startsWith(a)));
}

/**
 * Matches the previous file's rows to the new run's comments and collects their filled review cells.
 * `claims` are the ids of the new claim set; `layout` the new output's layout (the previous file's must be the same).
 */
export function mergeReview(
  previous: ReviewedTable,
  results: { thread: Thread; rows: AnalyzedComment[] }[],
  claims: string[],
  layout: 'wide' | 'long',
): MergeResult {
  const hasThread = previous.header.includes('thread');
  const threadOf = (t: string): string => (hasThread ? t.trim() : '');
  const reviewColumns = previous.header.filter((h) => h.startsWith('review_') && !(REVIEW_META as readonly string[]).includes(h));
  const cellColumns = layout === 'long' ? ['review_stance', 'review_note'] : [...reviewColumns, 'review_note'].filter((c) => previous.header.includes(c));

  const newRows: NewRow[] = results.flatMap(({ thread, rows }) =>
    rows.flatMap((r) =>
      layout === 'long'
        ? claims.map((claim) => ({ thread: thread.id, id: r.comment.id, text: r.comment.text, claim }))
        : [{ thread: thread.id, id: r.comment.id, text: r.comment.text }],
    ),
  );
  const claimOf = (row: { claim?: string }): string[] => (layout === 'long' ? [(row.claim ?? '').trim()] : []);
  const byId = new Map<string, number[]>();
  const byTextKey = new Map<string, number[]>();
  newRows.forEach((row, i) => {
    const k = key(threadOf(row.thread), row.id, ...claimOf(row));
    byId.set(k, [...(byId.get(k) ?? []), i]);
    const t = key(threadOf(row.thread), row.text.replace(/\r\n?/g, '\n'), ...claimOf(row));
    byTextKey.set(t, [...(byTextKey.get(t) ?? []), i]);
  });

  const used = new Map<number, number>(); // new row → previous row
  const report: MergeReport = { matched: 0, byText: 0, carriedCells: 0, changed: [], uncarried: [] };
  const pending: number[] = [];
  previous.rows.forEach((row, p) => {
    const found = (byId.get(key(threadOf(row.thread ?? ''), (row.id ?? '').trim(), ...claimOf(row))) ?? []).find((i) => !used.has(i));
    if (found === undefined) pending.push(p);
    else used.set(found, p);
  });
  // Second chance, by identical text, for a row whose id was not found: only when exactly one free new row has that text.
  for (const p of pending) {
    const row = previous.rows[p]!;
    const text = unescapeCell(row.text ?? '').replace(/\r\n?/g, '\n');
    const free = text.trim() === '' ? [] : (byTextKey.get(key(threadOf(row.thread ?? ''), text, ...claimOf(row))) ?? []).filter((i) => !used.has(i));
    if (free.length === 1) {
      used.set(free[0]!, p);
      report.byText++;
      continue;
    }
    const cells = filled(row, cellColumns);
    if (Object.keys(cells).length === 0) continue;
    const claim = layout === 'long' ? (row.claim ?? '').trim() : undefined;
    const why =
      claim !== undefined && claim !== '' && !claims.includes(claim)
        ? `claim "${claim}" is no longer in the claim set`
        : free.length > 1
          ? 'its id is not in the new output and its text matches several comments'
          : 'its comment is not in the new output (no comment with this thread and id, nor with this text)';
    report.uncarried.push({ row: p + 2, thread: (row.thread ?? '').trim(), id: (row.id ?? '').trim(), ...(claim ? { claim } : {}), cells, why });
  }

  const carriedByRow = new Map<string, Record<string, string>>();
  const changedByComment = new Map<string, boolean>();
  const previousById = new Map<string, Record<string, string>>();
  for (const [i, p] of used) {
    const row = newRows[i]!;
    const prev = previous.rows[p]!;
    const cells = filled(prev, cellColumns);
    report.matched++;
    report.carriedCells += Object.keys(cells).length;
    carriedByRow.set(key(row.thread, row.id, row.claim ?? ''), cells);
    const changed = !sameText(prev.text ?? '', row.text) || (prev.review_text_changed ?? '').trim().toLowerCase() === 'true';
    const commentKey = key(row.thread, row.id);
    changedByComment.set(commentKey, (changedByComment.get(commentKey) ?? false) || changed);
    if (changed && Object.keys(cells).length > 0) previousById.set(commentKey, cells);
  }
  report.changed = [...previousById.keys()].map((k) => k.split('\u0000')[1] ?? '');

  // Claims no longer in the set: their filled cells stay, as columns of their own (wide layout).
  const keptColumns =
    layout === 'wide'
      ? reviewColumns.filter((c) => !claims.includes(c.slice('review_'.length)) && [...carriedByRow.values()].some((cells) => c in cells))
      : [];

  const carried: Carried = {
    get: (thread, id, column, claim) => carriedByRow.get(key(thread, id, claim ?? ''))?.[column] ?? '',
    textChanged: (thread, id) => {
      const changed = changedByComment.get(key(thread, id));
      return changed === undefined ? '' : String(changed);
    },
    keptColumns,
  };
  return { carried, report };
}

/** The filled cells of `columns` in a row, formula escape removed. */
function filled(row: Record<string, string>, columns: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of columns) {
    const value = unescapeCell(row[c] ?? '');
    if (value.trim() !== '') out[c] = value;
  }
  return out;
}
