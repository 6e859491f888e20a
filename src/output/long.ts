/** The long layout (`--layout long`): one row per comment and claim, for pivot tables. */
import type { AnalyzedComment, Thread as FullThread } from '../types.js';

/** What a column reads of a comment's thread. */
type Thread = Pick<FullThread, 'id'>;
import type { Cell, ClaimColumns } from './columns.js';
import type { Carried } from './merge.js';

/** A column of the long layout: read off a comment and one of its claims. */
export interface LongColumn {
  name: string;
  value(row: AnalyzedComment, thread: Thread, claim: ClaimColumns): Cell;
}

/**
 * Columns in order: the keys (`thread`, `index`, `id`, `claim`), the judgement (`stance`, `score`,
 * `confidence`, `evidence`, and `detail` when a claim is of kind root), `needs_review`, the
 * reviewer's `review_stance` and `review_note` (with `--merge-review` also `review_text_changed`),
 * and the comment's full `text` last, where its width does not push the other columns off screen.
 */
export function longColumnsFor(claims: ClaimColumns[], carried?: Carried): LongColumn[] {
  const judgement = (r: AnalyzedComment, c: ClaimColumns) => r.stances.get(c.id);
  return [
    { name: 'thread', value: (_r, t) => t.id },
    { name: 'index', value: (r) => r.comment.index },
    { name: 'id', value: (r) => r.comment.id },
    { name: 'claim', value: (_r, _t, c) => c.id },
    { name: 'stance', value: (r, _t, c) => judgement(r, c)?.stance ?? 'none' },
    { name: 'score', value: (r, _t, c) => judgement(r, c)?.score ?? 0 },
    { name: 'confidence', value: (r, _t, c) => judgement(r, c)?.confidence ?? 0 },
    { name: 'evidence', value: (r, _t, c) => judgement(r, c)?.evidence ?? '' },
    ...(claims.some((c) => c.kind === 'root') ? [{ name: 'detail', value: (r: AnalyzedComment, _t: Thread, c: ClaimColumns) => judgement(r, c)?.detail ?? '' }] : []),
    { name: 'needs_review', value: (r) => (r.needsReview ? 'true' : 'false') },
    { name: 'review_stance', value: (r, t, c) => carried?.get(t.id, r.comment.id, 'review_stance', c.id) ?? '' },
    { name: 'review_note', value: (r, t, c) => carried?.get(t.id, r.comment.id, 'review_note', c.id) ?? '' },
    ...(carried ? [{ name: 'review_text_changed', value: (r: AnalyzedComment, t: Thread) => carried.textChanged(t.id, r.comment.id) }] : []),
    { name: 'text', value: (r) => r.comment.text },
  ];
}

/** The long layout's records: comments in thread order, each followed by its claims in claim-file order. */
export function longRecords(threads: { thread: Thread; rows: AnalyzedComment[] }[], claims: ClaimColumns[], carried?: Carried): { header: string[]; records: Cell[][] } {
  const columns = longColumnsFor(claims, carried);
  const records: Cell[][] = [];
  for (const { thread, rows } of threads) {
    for (const row of rows) for (const claim of claims) records.push(columns.map((c) => c.value(row, thread, claim)));
  }
  return { header: columns.map((c) => c.name), records };
}
