/**
 * Scores the `root` claim against RumourEval-style gold: JSON Lines whose records carry `id`,
 * `thread` and `label` (support, deny, query, comment). The four RumourEval labels map one to one
 * onto threadstance's: support → support, deny → oppose, query → neutral with detail "query",
 * comment → none (a neutral prediction without the query detail counts as comment).
 */
import { readFileSync } from 'node:fs';
import { ThreadstanceError } from '../errors.js';
import { readCsvTable, evaluateRows, type EvaluateOptions, type EvaluationResult } from './index.js';
import { confusion, macroF1, prf, accuracy, type Label, type LabelPair } from './metrics.js';

export const RUMOUR_LABELS = ['support', 'deny', 'query', 'comment'] as const;
export type RumourLabel = (typeof RUMOUR_LABELS)[number];
const TO_STANCE: Record<RumourLabel, Label> = { support: 'support', deny: 'oppose', query: 'neutral', comment: 'none' };

export interface RumourScore {
  claim: string;
  n: number;
  accuracy: number;
  macroF1: number;
  /** Keyed by RumourEval label. */
  perLabel: Record<RumourLabel, { precision: number; recall: number; f1: number; support: number }>;
  /** Rows gold, columns predicted, in RUMOUR_LABELS order. */
  confusion: number[][];
}

/** True when the text is JSON Lines whose first record has `id` and a RumourEval `label`. */
export function isRumourGold(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '');
  if (!first?.trimStart().startsWith('{')) return false;
  try {
    const rec = JSON.parse(first) as Record<string, unknown>;
    return 'id' in rec && typeof rec.label === 'string' && (RUMOUR_LABELS as readonly string[]).includes(rec.label);
  } catch {
    return false;
  }
}

/** The RumourEval label of a prediction row for `claim`. */
export function rumourLabel(row: Record<string, string>, claim: string): RumourLabel {
  const stance = row[`${claim}_stance`];
  if (stance === 'support') return 'support';
  if (stance === 'oppose') return 'deny';
  return stance === 'neutral' && row[`${claim}_detail`] === 'query' ? 'query' : 'comment';
}

/** Reads PRED.csv and the RumourEval gold; returns the stance scores of the root claim and the four-label RumourEval scores. */
export function evaluateRumourFiles(predPath: string, goldPath: string, opts: EvaluateOptions = {}): { stance: EvaluationResult; rumour: RumourScore } {
  const pred = readCsvTable(predPath);
  const claim = Object.keys(pred.rows[0] ?? {}).find((c) => c.endsWith('_detail'))?.slice(0, -7);
  if (!claim) {
    throw new ThreadstanceError('EVAL_NO_CLAIMS', 'no <claim>_detail column: analyze the thread with --claim root to score it against RumourEval labels', { file: predPath });
  }
  const gold = readRumourGold(goldPath);
  const goldRows = gold.map((g) => ({ id: g.id, thread: g.thread, [claim]: TO_STANCE[g.label] }));
  const stance = evaluateRows(pred.rows, goldRows, { ...opts, predFile: predPath, goldFile: goldPath, predLines: pred.lines });
  const byKey = new Map(pred.rows.map((r) => [`${r.thread ?? ''}\u0000${r.id ?? ''}`, r]));
  const pairs: LabelPair[] = [];
  for (const g of gold) {
    const row = byKey.get(`${g.thread}\u0000${g.id}`);
    if (row) pairs.push({ gold: TO_STANCE[g.label], pred: TO_STANCE[rumourLabel(row, claim)] });
  }
  const matrix = confusion(pairs);
  const scores = prf(matrix);
  const perLabel = Object.fromEntries(RUMOUR_LABELS.map((l) => [l, scores[TO_STANCE[l]]])) as RumourScore['perLabel'];
  return { stance, rumour: { claim, n: pairs.length, accuracy: accuracy(matrix), macroF1: macroF1(scores), perLabel, confusion: matrix } };
}

interface RumourGold {
  id: string;
  thread: string;
  label: RumourLabel;
}

function readRumourGold(file: string): RumourGold[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ThreadstanceError(code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE', code === 'ENOENT' ? 'file not found' : `cannot read file (${code})`, { file });
  }
  const out: RumourGold[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line) as Record<string, unknown>;
    } catch (err) {
      throw new ThreadstanceError('EVAL_BAD_JSON', `invalid JSON: ${(err as Error).message}`, { file, line: i + 1 });
    }
    const label = String(rec.label ?? '');
    if (!(RUMOUR_LABELS as readonly string[]).includes(label)) {
      throw new ThreadstanceError('EVAL_BAD_LABEL', `label "${label}": expected support, deny, query or comment`, { file, line: i + 1, field: 'label' });
    }
    out.push({ id: String(rec.id ?? ''), thread: String(rec.thread ?? ''), label: label as RumourLabel });
  });
  return out;
}

/** Text report of the four-label scores. */
export function formatRumour(score: RumourScore): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [
    `RumourEval labels for claim "${score.claim}" (support, deny, query, comment): n ${score.n}, accuracy ${f(score.accuracy)}, macro-F1 ${f(score.macroF1)}`,
    'label     precision  recall     F1  support',
    ...RUMOUR_LABELS.map((l) => {
      const s = score.perLabel[l];
      return `${l.padEnd(8)}  ${f(s.precision).padStart(9)}  ${f(s.recall).padStart(6)}  ${f(s.f1).padStart(5)}  ${String(s.support).padStart(7)}`;
    }),
    'confusion (rows gold, columns predicted): ' + RUMOUR_LABELS.join(', '),
    ...RUMOUR_LABELS.map((l, i) => `  ${l.padEnd(8)} ${score.confusion[i]!.map((n) => String(n).padStart(6)).join('')}`),
  ];
  return lines.join('\n');
}
