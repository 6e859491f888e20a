/**
 * `threadstance evaluate GOLD.txt` for sentiment: a tab-separated gold file (id, mean rating on
 * -4..4, text; the format of VADER's human-rated sets) scored with the tool's sentiment rules.
 */
import { readFileSync } from 'node:fs';
import { decodeEntities } from '../input/markdown.js';
import { ThreadstanceError } from '../errors.js';
import { view } from '../analysis/nlp.js';
import { sentimentLabel, sentimentScorer, type SentimentDetail, type SentimentOptions } from '../analysis/sentiment.js';
import { LABELS, accuracy, prf } from './metrics.js';
import { shortenText } from './report.js';
import type { Sentiment } from '../types.js';

/** The sentiment labels in the order of the confusion matrix. */
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
type SentimentLabel = Sentiment['label'];

/** One rated text of a gold file. */
export interface SentimentItem {
  id: string;
  /** Mean human rating on -4..4. */
  rating: number;
  text: string;
  line: number;
}

/** Precision, recall, F1 and gold support of one label. */
export interface SentimentLabelScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** An item whose predicted label differs from the gold label. */
export interface SentimentError {
  item: SentimentItem;
  gold: SentimentLabel;
  predicted: SentimentDetail;
}

export interface SentimentEvaluation {
  file?: string;
  n: number;
  accuracy: number;
  perLabel: Record<SentimentLabel, SentimentLabelScore>;
  macroF1: number;
  /** 3×3 counts: rows gold, columns predicted, in SENTIMENT_LABELS order. */
  confusion: number[][];
  /** Pearson correlation of the score with rating / 4. */
  pearson: number;
  /** Filled only when errors were asked for. */
  wrong: SentimentError[];
}

const FIELD_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** True when the first non-empty line of `text` is `id<TAB>number<TAB>text`: a sentiment gold file. */
export function sniffSentimentGold(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '');
  if (first === undefined) return false;
  const fields = first.split('\t');
  return fields.length === 3 && FIELD_NUMBER.test(fields[1]!.trim());
}

/** Parses a gold file's text; a line that is not `id<TAB>rating<TAB>text` is an error naming it. */
export function parseSentimentGold(text: string, file = 'gold'): SentimentItem[] {
  const items: SentimentItem[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    const fields = raw.split('\t');
    if (fields.length !== 3) {
      throw new ThreadstanceError('EVAL_BAD_GOLD_LINE', `expected 3 tab-separated fields (id, rating, text), found ${fields.length}; each line must read id<TAB>rating<TAB>text`, { file, line });
    }
    const [id, rating, body] = fields as [string, string, string];
    const value = Number(rating.trim());
    if (!FIELD_NUMBER.test(rating.trim()) || value < -4 || value > 4) {
      throw new ThreadstanceError('EVAL_BAD_GOLD_LINE', `expected a rating from -4 to 4 in field 2 (the mean human rating), found "${rating}"`, { file, line, column: 2 });
    }
    items.push({ id: id.trim(), rating: value, text: decodeEntities(body), line });
  });
  if (items.length === 0) throw new ThreadstanceError('EVAL_NO_ROWS', 'the gold file has no rated texts', { file });
  return items;
}

/** Gold label of a mean rating: the predicted score's thresholds applied to rating / 4. */
export function goldLabel(rating: number): SentimentLabel {
  return sentimentLabel(rating / 4);
}

/** Pearson correlation; 0 when either side is constant. */
export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Scores the items with `score` (no I/O) and measures agreement with their gold labels. */
export function evaluateSentiment(
  items: readonly SentimentItem[],
  score: (text: string) => SentimentDetail,
  opts: { errors?: boolean } = {},
): SentimentEvaluation {
  const confusion = SENTIMENT_LABELS.map(() => SENTIMENT_LABELS.map(() => 0));
  const scores: number[] = [];
  const wrong: SentimentError[] = [];
  for (const item of items) {
    const predicted = score(item.text);
    const gold = goldLabel(item.rating);
    confusion[SENTIMENT_LABELS.indexOf(gold)]![SENTIMENT_LABELS.indexOf(predicted.label)]! += 1;
    scores.push(predicted.score);
    if (opts.errors && predicted.label !== gold) wrong.push({ item, gold, predicted });
  }
  // metrics.ts works on a matrix by position (its four stance labels); the three sentiment labels take
  // the first three positions, and the fourth row and column are empty.
  const stance = prf(confusion);
  const byPosition = LABELS.map((l) => stance[l]);
  const perLabel = Object.fromEntries(SENTIMENT_LABELS.map((label, i) => [label, byPosition[i]!])) as Record<SentimentLabel, SentimentLabelScore>;
  return {
    n: items.length,
    accuracy: accuracy(confusion),
    perLabel,
    macroF1: SENTIMENT_LABELS.reduce((sum, l) => sum + perLabel[l].f1, 0) / SENTIMENT_LABELS.length,
    confusion,
    pearson: pearson(scores, items.map((i) => i.rating / 4)),
    wrong,
  };
}

/** Reads a sentiment gold file and scores every text with the tool's sentiment rules. */
export function evaluateSentimentFile(file: string, opts: { errors?: boolean } & SentimentOptions = {}): SentimentEvaluation {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ThreadstanceError('INPUT_NOT_FOUND', 'file not found', { file });
    throw new ThreadstanceError('INPUT_UNREADABLE', `cannot read file (${code ?? String(err)})`, { file });
  }
  const scorer = sentimentScorer({ off: opts.off, evidence: opts.errors === true });
  return { ...evaluateSentiment(parseSentimentGold(text, file), (t) => scorer(view(t)), opts), file };
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/** Renders a sentiment evaluation as plain text; with `errors` it lists each wrong item. */
export function formatSentimentEvaluation(r: SentimentEvaluation, opts: { errors?: boolean } = {}): string {
  const out: string[] = [];
  if (r.file !== undefined) out.push(`Sentiment gold: ${r.file}`);
  out.push(`n: ${r.n}`, `label accuracy: ${r.accuracy.toFixed(3)}`, `macro-F1: ${r.macroF1.toFixed(3)}`);
  out.push(`Pearson r (score vs rating/4): ${r.pearson.toFixed(3)}`);
  out.push('Labels: positive above 0.05, negative below -0.05, neutral between (gold: rating/4).', '');
  out.push('Confusion matrix (rows: gold, columns: predicted)');
  out.push(...table(['gold \\ predicted', ...SENTIMENT_LABELS], SENTIMENT_LABELS.map((l, i) => [l, ...r.confusion[i]!.map(String)])));
  out.push('', 'Per label');
  out.push(
    ...table(
      ['label', 'precision', 'recall', 'F1', 'support'],
      SENTIMENT_LABELS.map((l) => {
        const s = r.perLabel[l];
        return [l, s.precision.toFixed(3), s.recall.toFixed(3), s.f1.toFixed(3), String(s.support)];
      }),
    ),
  );
  if (opts.errors) {
    out.push('', `Wrong items (${r.wrong.length}):`);
    if (r.wrong.length === 0) out.push('  none');
    for (const e of r.wrong) {
      out.push(`  ${e.item.id} (line ${e.item.line})  gold ${e.gold} ${e.item.rating}  predicted ${e.predicted.label} ${e.predicted.score}`);
      if (e.predicted.cues.length > 0) out.push(`      cues: ${e.predicted.cues.join(', ')}`);
      out.push(`      text: ${shortenText(e.item.text)}`);
    }
  }
  return out.join('\n') + '\n';
}
