/**
 * Agreement measures over (gold, predicted) label pairs: pure functions, no I/O.
 * Ratios are computed from integer counts in one division each, so that hand-computed
 * fractions such as 0.4 come out exactly.
 */

/** The four stance labels in the fixed order used by every confusion matrix. */
export const LABELS = ['support', 'oppose', 'neutral', 'none'] as const;

/** One stance label. */
export type Label = (typeof LABELS)[number];

/** A gold label (already resolved against its alternatives) and the predicted label. */
export interface LabelPair {
  gold: Label;
  pred: Label;
}

/** Precision, recall and F1 of one label, and its support (number of gold cells with it). */
export interface LabelScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** All measures for one claim, or for all claims pooled. */
export interface ClaimScore {
  claim: string;
  n: number;
  accuracy: number;
  fAvg: number;
  macroF1: number;
  kappa: number;
  /** 4×4 counts: rows gold, columns predicted, both in `LABELS` order. */
  confusion: number[][];
  perLabel: Record<string, LabelScore>;
}

/** Reads one label from a cell (trimmed, case-insensitive); undefined when it is not one of the four. */
export function parseLabel(raw: string): Label | undefined {
  const value = raw.trim().toLowerCase();
  return (LABELS as readonly string[]).includes(value) ? (value as Label) : undefined;
}

/** Reads a gold cell such as `support|neutral` into its alternatives, first preferred; undefined if any part is invalid. */
export function parseAlternatives(raw: string): Label[] | undefined {
  if (raw.trim() === '') return undefined;
  const labels: Label[] = [];
  for (const part of raw.split('|')) {
    const label = parseLabel(part);
    if (label === undefined) return undefined;
    if (!labels.includes(label)) labels.push(label);
  }
  return labels;
}

/** Either-is-right: the prediction when it is one of the alternatives, otherwise the first (preferred) alternative. */
export function resolveGold(alternatives: readonly Label[], predicted: Label): Label {
  if (alternatives.includes(predicted)) return predicted;
  const first = alternatives[0];
  if (first === undefined) throw new RangeError('resolveGold needs at least one alternative');
  return first;
}

function at(matrix: number[][], row: number, col: number): number {
  return matrix[row]?.[col] ?? 0;
}

/** Counts pairs into a 4×4 matrix: rows gold, columns predicted, in `LABELS` order. */
export function confusion(pairs: readonly LabelPair[]): number[][] {
  const matrix = LABELS.map(() => LABELS.map(() => 0));
  for (const { gold, pred } of pairs) {
    const row = matrix[LABELS.indexOf(gold)];
    const col = LABELS.indexOf(pred);
    if (row !== undefined && col >= 0) row[col] = (row[col] ?? 0) + 1;
  }
  return matrix;
}

function total(matrix: number[][]): number {
  return matrix.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
}

function trace(matrix: number[][]): number {
  return LABELS.reduce((sum, _l, i) => sum + at(matrix, i, i), 0);
}

function rowSum(matrix: number[][], i: number): number {
  return LABELS.reduce((sum, _l, j) => sum + at(matrix, i, j), 0);
}

function colSum(matrix: number[][], j: number): number {
  return LABELS.reduce((sum, _l, i) => sum + at(matrix, i, j), 0);
}

/** Share of cells on the diagonal; 0 for an empty matrix. */
export function accuracy(matrix: number[][]): number {
  const n = total(matrix);
  return n === 0 ? 0 : trace(matrix) / n;
}

/** Per-label precision, recall and F1 (each 0 when its denominator is 0) with gold support. */
export function prf(matrix: number[][]): Record<Label, LabelScore> {
  const out = {} as Record<Label, LabelScore>;
  LABELS.forEach((label, i) => {
    const tp = at(matrix, i, i);
    const predicted = colSum(matrix, i);
    const support = rowSum(matrix, i);
    out[label] = {
      precision: predicted === 0 ? 0 : tp / predicted,
      recall: support === 0 ? 0 : tp / support,
      // F1 = 2PR/(P+R) = 2tp / (predicted + support), 0 when both are 0.
      f1: predicted + support === 0 ? 0 : (2 * tp) / (predicted + support),
      support,
    };
  });
  return out;
}

/** SemEval-2016 stance measure: the mean of F1(support) and F1(oppose). */
export function fAvg(perLabel: Record<Label, LabelScore>): number {
  return (perLabel.support.f1 + perLabel.oppose.f1) / 2;
}

/** Unweighted mean of the four labels' F1. */
export function macroF1(perLabel: Record<Label, LabelScore>): number {
  return LABELS.reduce((sum, label) => sum + perLabel[label].f1, 0) / LABELS.length;
}

/**
 * Cohen's kappa from a confusion matrix: (po − pe) / (1 − pe), computed as
 * (n·Σdiag − Σ rowᵢ·colᵢ) / (n² − Σ rowᵢ·colᵢ). When pe = 1 it is 1 if po = 1, else 0.
 */
export function kappa(matrix: number[][]): number {
  const n = total(matrix);
  if (n === 0) return 0;
  const agree = trace(matrix);
  const chance = LABELS.reduce((sum, _l, i) => sum + rowSum(matrix, i) * colSum(matrix, i), 0);
  if (chance === n * n) return agree === n ? 1 : 0;
  return (n * agree - chance) / (n * n - chance);
}

/** Every measure for one set of pairs, labelled with `claim`. */
export function scoreClaim(claim: string, pairs: readonly LabelPair[]): ClaimScore {
  const matrix = confusion(pairs);
  const perLabel = prf(matrix);
  return {
    claim,
    n: pairs.length,
    accuracy: accuracy(matrix),
    fAvg: fAvg(perLabel),
    macroF1: macroF1(perLabel),
    kappa: kappa(matrix),
    confusion: matrix,
    perLabel,
  };
}
