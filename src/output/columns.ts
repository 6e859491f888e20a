/** The review CSV's columns as data: name and how each is read off an analyzed comment. */
import type { AnalyzedComment, Thread as FullThread } from '../types.js';

/** What a column reads of a comment's thread. */
type Thread = Pick<FullThread, 'id'>;
import type { Carried } from './merge.js';

export type Cell = string | number;

/** What the columns need to know of a claim. */
export interface ClaimColumns {
  id: string;
  kind: string;
}

export interface Column {
  name: string;
  value(row: AnalyzedComment, thread: Thread): Cell;
}

/** Columns written only when some comment of the input has the field. */
export interface OptionalColumns {
  createdAt?: boolean;
  depth?: boolean;
  url?: boolean;
}

/**
 * Columns in their contracted order; per-claim and review columns follow the claim-file order.
 * Input columns threadstance does not interpret come last, after `created_at`, `depth` and `url` when the input has them.
 * With `carried` (from `--merge-review`) the review columns hold the previous file's cells, followed by
 * `review_text_changed` and the kept review columns of claims no longer in the set.
 */
export function columnsFor(claims: ClaimColumns[], extraColumns: string[], optional: OptionalColumns = {}, carried?: Carried): Column[] {
  const claimIds = claims.map((c) => c.id);
  const base: Column[] = [
    { name: 'thread', value: (_r, t) => t.id },
    { name: 'index', value: (r) => r.comment.index },
    { name: 'id', value: (r) => r.comment.id },
    { name: 'parent_id', value: (r) => r.comment.parentId },
    { name: 'author', value: (r) => r.comment.author },
    { name: 'likes', value: (r) => (r.comment.likes === null ? '' : r.comment.likes) },
    { name: 'text', value: (r) => r.comment.text },
    { name: 'media', value: (r) => r.comment.media.join(' | ') },
    { name: 'quoted_text', value: (r) => r.comment.quoted.join(' | ') },
    { name: 'status', value: (r) => r.comment.status ?? '' },
    { name: 'sarcasm', value: (r) => r.sarcasm.join(', ') },
    { name: 'sentiment', value: (r) => r.sentiment.score },
    { name: 'sentiment_label', value: (r) => r.sentiment.label },
  ];
  const perClaim = claims.flatMap(({ id, kind }): Column[] => [
    { name: `${id}_stance`, value: (r) => r.stances.get(id)?.stance ?? 'none' },
    { name: `${id}_score`, value: (r) => r.stances.get(id)?.score ?? 0 },
    { name: `${id}_confidence`, value: (r) => r.stances.get(id)?.confidence ?? 0 },
    { name: `${id}_evidence`, value: (r) => r.stances.get(id)?.evidence ?? '' },
    ...(kind === 'root' ? [{ name: `${id}_detail`, value: (r: AnalyzedComment) => r.stances.get(id)?.detail ?? '' }] : []),
  ]);
  const review: Column[] = [
    { name: 'needs_review', value: (r) => (r.needsReview ? 'true' : 'false') },
    { name: 'review_reason', value: (r) => r.reviewReason },
    ...[...claimIds.map((id) => `review_${id}`), 'review_note'].map((name): Column => ({
      name,
      value: (r, t) => carried?.get(t.id, r.comment.id, name) ?? '',
    })),
    ...(carried
      ? [
          { name: 'review_text_changed', value: (r: AnalyzedComment, t: Thread) => carried.textChanged(t.id, r.comment.id) },
          ...carried.keptColumns.map((name): Column => ({ name, value: (r, t) => carried.get(t.id, r.comment.id, name) })),
        ]
      : []),
  ];
  const taken = new Set([...base, ...perClaim, ...review].map((c) => c.name).concat(['created_at', 'depth', 'url']));
  const passthrough = extraColumns.map((name): Column => ({
    name: taken.has(name) ? `input_${name}` : name,
    value: (r) => r.comment.extra[name] ?? '',
  }));
  const structure: Column[] = [
    ...(optional.createdAt ? [{ name: 'created_at', value: (r: AnalyzedComment) => r.comment.createdAt }] : []),
    ...(optional.depth ? [{ name: 'depth', value: (r: AnalyzedComment) => r.comment.depth ?? '' }] : []),
    ...(optional.url ? [{ name: 'url', value: (r: AnalyzedComment) => r.comment.url ?? '' }] : []),
  ];
  return [...base, ...perClaim, ...review, ...structure, ...passthrough];
}
