/**
 * Human-readable text for an evaluation: claim table, pooled line, pooled confusion matrix,
 * per-label scores, unmatched gold rows and (on request) every wrong cell.
 */
import type { EvaluateOptions, EvaluationResult, CellError } from './index.js';
import type { ReviewerAgreement } from './agreement.js';
import { LABELS, type ClaimScore } from './metrics.js';

const TEXT_MAX = 160;

function fixed(value: number, n: number): string {
  return n === 0 ? '-' : value.toFixed(3);
}

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ')
    .trimEnd();
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [pad(header, widths), ...rows.map((r) => pad(r, widths))];
}

function scoreRow(score: ClaimScore, alpha?: number): string[] {
  return [
    score.claim,
    String(score.n),
    fixed(score.accuracy, score.n),
    fixed(score.fAvg, score.n),
    fixed(score.macroF1, score.n),
    fixed(score.kappa, score.n),
    ...(alpha === undefined ? [] : [alphaText(alpha, score.n)]),
  ];
}

/** Alpha to three decimals; `-` when nothing was scored or it is undefined (no variation in the values). */
function alphaText(alpha: number, n: number): string {
  return n === 0 || Number.isNaN(alpha) ? '-' : alpha.toFixed(3);
}

/** Collapses whitespace and cuts a text to about `max` characters with an ellipsis. */
export function shortenText(text: string, max = TEXT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : flat.slice(0, max - 1).trimEnd() + '…';
}

function describeGold(result: EvaluationResult): string {
  const file = result.goldFile ?? 'gold';
  if (result.goldSource === 'gold-file') return `${file} (hand-coded gold file)`;
  if (result.goldFile !== undefined && result.goldFile === result.predFile) {
    return `review_<claim> columns of the prediction file (prediction vs reviewer)`;
  }
  return `review_<claim> columns of ${file} (empty review cells not scored)`;
}

function wrongCell(cell: CellError): string[] {
  const who = [cell.index !== '' ? `index ${cell.index}` : '', cell.id !== '' ? `id ${cell.id}` : '']
    .filter(Boolean)
    .join(', ');
  const lines = [`  ${who || '(no index)'}  ${cell.claim}: predicted ${cell.predicted} → gold ${cell.gold}`];
  if (cell.evidence.trim() !== '') lines.push(`      evidence: ${shortenText(cell.evidence)}`);
  lines.push(`      text: ${shortenText(cell.text)}`);
  return lines;
}

/** Renders an evaluation as plain text; with `opts.errors` it also lists each wrong cell. */
export function formatEvaluation(result: EvaluationResult, opts: EvaluateOptions = {}): string {
  const out: string[] = [];
  if (result.predFile !== undefined) out.push(`Predictions: ${result.predFile}`);
  out.push(`Gold: ${describeGold(result)}`);
  if (result.aligned !== undefined) {
    out.push(`Aligned gold rows: ${result.aligned} (${result.unmatched.length} unmatched)`);
  }
  out.push('');

  const alpha = result.alpha;
  const header = ['claim', 'n', 'accuracy', 'F_avg', 'macro-F1', 'kappa', ...(alpha ? ['alpha'] : [])];
  const rows = [...result.claims.map((c, i) => scoreRow(c, alpha?.claims[i])), scoreRow(result.pooled, alpha?.pooled)];
  const lines = table(header, rows);
  const rule = '-'.repeat(Math.max(...lines.map((l) => l.length)));
  out.push(...lines.slice(0, -1), rule, lines[lines.length - 1] ?? '');
  out.push('F_avg = mean F1 of support and oppose (SemEval-2016); a gold cell a|b counts either label as right.');
  if (alpha) out.push("kappa = Cohen's kappa, alpha = Krippendorff's alpha (nominal), tool and reviewer as the two coders.");
  out.push('');

  out.push('Pooled confusion matrix (rows: gold, columns: predicted)');
  const matrixRows = LABELS.map((label, i) => [label, ...LABELS.map((_l, j) => String(result.pooled.confusion[i]?.[j] ?? 0))]);
  out.push(...table(['gold \\ predicted', ...LABELS], matrixRows));
  out.push('');

  out.push('Per label (pooled)');
  const labelRows = LABELS.map((label) => {
    const s = result.pooled.perLabel[label] ?? { precision: 0, recall: 0, f1: 0, support: 0 };
    return [label, s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3), String(s.support)];
  });
  out.push(...table(['label', 'precision', 'recall', 'F1', 'support'], labelRows));

  if (result.unmatched.length > 0) {
    out.push('', `Unmatched gold rows (${result.unmatched.length}, not scored):`);
    out.push(...result.unmatched.map((u) => `  ${u}`));
  }

  if (opts.errors) {
    out.push('', `Wrong cells (${result.wrong.length}):`);
    if (result.wrong.length === 0) out.push('  none');
    for (const cell of result.wrong) out.push(...wrongCell(cell));
  }
  return out.join('\n') + '\n';
}

/** Renders the agreement of two reviewers (and, below, of the tool with each of them). */
export function formatReviewerAgreement(
  people: ReviewerAgreement,
  tool: { file: string; result: EvaluationResult }[],
  opts: EvaluateOptions = {},
): string {
  const out = [
    `Reviewer A: review_<claim> columns of ${people.fileA}`,
    `Reviewer B: review_<claim> columns of ${people.fileB}`,
    `Aligned rows: ${people.aligned} (by thread and id; ${people.unmatched.length} unmatched)`,
    '',
  ];
  const row = (s: ReviewerAgreement['pooled']): string[] => [
    s.claim, String(s.n), fixed(s.accuracy, s.n), fixed(s.kappa, s.n), alphaText(s.alpha, s.n), String(s.onlyA), String(s.onlyB),
  ];
  const lines = table(['claim', 'n', 'agreement', 'kappa', 'alpha', 'only A', 'only B'], [...people.claims.map(row), row(people.pooled)]);
  const rule = '-'.repeat(Math.max(...lines.map((l) => l.length)));
  out.push(...lines.slice(0, -1), rule, lines[lines.length - 1] ?? '');
  out.push("n = comments both reviewers labelled; agreement = share labelled alike (cells a|b count as alike when they share a label);");
  out.push("kappa = Cohen's kappa; alpha = Krippendorff's alpha (nominal); only A / only B = cells one reviewer left empty (not scored).");
  out.push('');
  out.push('Pooled confusion matrix (rows: reviewer A, columns: reviewer B)');
  const matrixRows = LABELS.map((label, i) => [label, ...LABELS.map((_l, j) => String(people.pooled.confusion[i]?.[j] ?? 0))]);
  out.push(...table(['A \\ B', ...LABELS], matrixRows));
  if (tool.length > 0) {
    out.push('', 'Tool vs each reviewer (pooled over claims)');
    const toolRows = tool.map(({ file, result }) => [file, String(result.pooled.n), fixed(result.pooled.accuracy, result.pooled.n), fixed(result.pooled.kappa, result.pooled.n), alphaText(result.alpha?.pooled ?? Number.NaN, result.pooled.n)]);
    out.push(...table(['reviewer', 'n', 'accuracy', 'kappa', 'alpha'], toolRows));
  }
  if (people.unmatched.length > 0) {
    out.push('', `Unmatched rows (${people.unmatched.length}, not scored):`);
    out.push(...people.unmatched.map((u) => `  ${u}`));
  }
  if (opts.errors) {
    out.push('', `Disagreements (${people.disagreements.length}):`);
    if (people.disagreements.length === 0) out.push('  none');
    for (const d of people.disagreements) {
      const who = [d.index !== '' ? `index ${d.index}` : '', d.id !== '' ? `id ${d.id}` : ''].filter(Boolean).join(', ');
      out.push(`  ${who || '(no index)'}  ${d.claim}: A ${d.a} / B ${d.b}`, `      text: ${shortenText(d.text)}`);
    }
  }
  return out.join('\n') + '\n';
}
