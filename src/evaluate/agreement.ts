/**
 * Agreement between coders: Krippendorff's alpha (nominal, any number of coders, missing values
 * allowed), and the agreement of two reviewers who filled the review_<claim> columns of two copies
 * of a review CSV. Pure functions, no I/O.
 */
import { ThreadstanceError } from '../errors.js';
import { unescapeCell } from '../output/dialect.js';
import { alignRows } from './align.js';
import { parseAlternatives, scoreClaim, type ClaimScore, type Label, type LabelPair } from './metrics.js';

/**
 * Krippendorff's alpha for nominal data. `units[u][c]` is coder c's value for unit u, `undefined`
 * when c did not code u; units with fewer than two values are not pairable and do not count.
 * α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k over the coincidence matrix o (each unit's
 * ordered pairs of values from different coders weighted 1/(m_u − 1)). NaN when fewer than two
 * values are pairable or every pairable value is the same (no variation: alpha is undefined).
 */
export function krippendorffAlpha(units: readonly (readonly (string | undefined)[])[]): number {
  const coincidence = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number): void => {
    const row = coincidence.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincidence.set(c, row);
  };
  for (const unit of units) {
    const values = unit.filter((v): v is string => v !== undefined);
    const m = values.length;
    if (m < 2) continue;
    values.forEach((c, i) => values.forEach((k, j) => (i === j ? undefined : add(c, k, 1 / (m - 1)))));
  }
  const marginals = [...coincidence.entries()].map(([c, row]) => ({ c, n: [...row.values()].reduce((a, b) => a + b, 0) }));
  const n = marginals.reduce((a, b) => a + b.n, 0);
  let observed = 0;
  for (const [c, row] of coincidence) for (const [k, o] of row) if (c !== k) observed += o;
  let expected = 0;
  for (const a of marginals) for (const b of marginals) if (a.c !== b.c) expected += a.n * b.n;
  if (n < 2 || expected === 0) return Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}

/** Alpha of two coders from their label pairs (each pair one unit coded by both). */
export function alphaOfPairs(pairs: readonly LabelPair[]): number {
  return krippendorffAlpha(pairs.map((p) => [p.gold, p.pred]));
}

/** Accuracy (share of agreeing units), Cohen's kappa, confusion matrix and Krippendorff's alpha of one claim or pooled. */
export interface AgreementScore extends ClaimScore {
  alpha: number;
}

/** Scores pairs with every measure, alpha included. */
export function scoreAgreement(claim: string, pairs: readonly LabelPair[]): AgreementScore {
  return { ...scoreClaim(claim, pairs), alpha: alphaOfPairs(pairs) };
}

/** One unit the two reviewers labelled differently. */
export interface Disagreement {
  claim: string;
  index: string;
  id: string;
  text: string;
  a: string;
  b: string;
}

/** Agreement of reviewer A (rows of file A) and reviewer B (rows of file B), per claim and pooled. */
export interface ReviewerAgreement {
  claims: (AgreementScore & { onlyA: number; onlyB: number })[];
  pooled: AgreementScore & { onlyA: number; onlyB: number };
  /** Rows of B aligned to a row of A. */
  aligned: number;
  /** Rows of B that match no row of A, and rows of A with a filled review cell that no row of B matched. */
  unmatched: string[];
  disagreements: Disagreement[];
  fileA: string;
  fileB: string;
}

/** The claims of a CSV's `review_<claim>` columns (not review_reason, review_note, review_text_changed, review_stance). */
export function reviewClaims(rows: readonly Record<string, string>[]): string[] {
  const meta = new Set(['reason', 'note', 'text_changed', 'stance']);
  const names = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) names.add(key);
  return [...names].filter((c) => c.startsWith('review_') && c.length > 7 && !meta.has(c.slice(7))).map((c) => c.slice(7));
}

/** True when some `review_<claim>` cell of the rows is filled. */
export function hasFilledReview(rows: readonly Record<string, string>[]): boolean {
  const claims = reviewClaims(rows);
  return rows.some((row) => claims.some((c) => (row[`review_${c}`] ?? '').trim() !== ''));
}

/**
 * Either-is-right between people: when the two cells share a label (a cell may hold alternatives
 * `a|b`), both count as that label; otherwise each counts as its first (preferred) label.
 */
export function resolvePair(a: readonly Label[], b: readonly Label[]): LabelPair {
  const common = a.find((label) => b.includes(label));
  return common !== undefined ? { gold: common, pred: common } : { gold: a[0]!, pred: b[0]! };
}

/** Where the rows came from, for messages: file names and 1-based CSV lines of each row. */
export interface ReviewerSource {
  fileA: string;
  fileB: string;
  linesA?: number[];
  linesB?: number[];
  /** Collect every disagreement. */
  errors?: boolean;
}

/** Agreement of the review_<claim> columns of two reviewed CSVs, rows aligned by thread and id (or text). */
export function reviewerAgreement(rowsA: Record<string, string>[], rowsB: Record<string, string>[], source: ReviewerSource): ReviewerAgreement {
  const inB = new Set(reviewClaims(rowsB));
  const claims = reviewClaims(rowsA).filter((c) => inB.has(c));
  if (claims.length === 0) {
    throw new ThreadstanceError('EVAL_NO_CLAIMS', `no review_<claim> column in both files (${source.fileA}: ${reviewClaims(rowsA).join(', ') || 'none'}; ${source.fileB}: ${[...inB].join(', ') || 'none'})`, { file: source.fileB });
  }
  const cell = (rows: Record<string, string>[], r: number, claim: string, file: string, lines?: number[]): Label[] | undefined => {
    const raw = rows[r]?.[`review_${claim}`] ?? '';
    if (raw.trim() === '') return undefined;
    const labels = parseAlternatives(raw);
    if (labels === undefined) {
      const header = Object.keys(rows[r] ?? {});
      throw new ThreadstanceError('EVAL_BAD_LABEL', `invalid review label "${raw}" in column "review_${claim}": expected support, oppose, neutral or none (or alternatives a|b)`, {
        file, line: lines?.[r] ?? r + 2, column: header.indexOf(`review_${claim}`) + 1, claim, field: `review_${claim}`,
      });
    }
    return labels;
  };
  const alignment = alignRows(rowsA, rowsB, { goldFile: source.fileB, goldLines: source.linesB });
  const rowPairs = alignment.pairs;
  // alignRows speaks of gold and prediction rows; here both sides are reviewers.
  const unmatched = alignment.unmatched.map((u) => u.replace(/\bgold row\b/, 'row').replace(/\bprediction rows?\b/, `row of ${source.fileA}`));
  const pairedA = new Set(rowPairs.map((p) => p.pred));
  rowsA.forEach((row, r) => {
    if (!pairedA.has(r) && claims.some((c) => (row[`review_${c}`] ?? '').trim() !== '')) {
      unmatched.push(`${source.fileA}:${source.linesA?.[r] ?? r + 2}: reviewed row${row.id ? ` with id "${row.id}"` : ''} matches no row of ${source.fileB}`);
    }
  });

  const perClaim = new Map(claims.map((c) => [c, { pairs: [] as LabelPair[], onlyA: 0, onlyB: 0 }]));
  const disagreements: Disagreement[] = [];
  // In A's row order (thread order), whatever the order of B's rows.
  for (const { pred: a, gold: b } of [...rowPairs].sort((x, y) => x.pred - y.pred)) {
    for (const claim of claims) {
      const va = cell(rowsA, a, claim, source.fileA, source.linesA);
      const vb = cell(rowsB, b, claim, source.fileB, source.linesB);
      const acc = perClaim.get(claim)!;
      if (va === undefined && vb === undefined) continue;
      if (vb === undefined) acc.onlyA++;
      else if (va === undefined) acc.onlyB++;
      else {
        const pair = resolvePair(va, vb);
        acc.pairs.push(pair);
        if (source.errors && pair.gold !== pair.pred) {
          const row = rowsA[a] ?? {};
          disagreements.push({ claim, index: row.index ?? '', id: row.id ?? '', text: unescapeCell(row.text ?? ''), a: va.join('|'), b: vb.join('|') });
        }
      }
    }
  }
  const scored = claims.map((c) => {
    const acc = perClaim.get(c)!;
    return { ...scoreAgreement(c, acc.pairs), onlyA: acc.onlyA, onlyB: acc.onlyB };
  });
  const all = [...perClaim.values()];
  const pooled = {
    ...scoreAgreement('pooled', all.flatMap((x) => x.pairs)),
    onlyA: all.reduce((n, x) => n + x.onlyA, 0),
    onlyB: all.reduce((n, x) => n + x.onlyB, 0),
  };
  if (pooled.n === 0) {
    throw new ThreadstanceError('EVAL_NO_ROWS', `nothing to compare: no comment has a filled review cell for the same claim in both files (${rowPairs.length} rows aligned, ${unmatched.length} unmatched)`, { file: source.fileB });
  }
  return { claims: scored, pooled, aligned: rowPairs.length, unmatched, disagreements, fileA: source.fileA, fileB: source.fileB };
}
