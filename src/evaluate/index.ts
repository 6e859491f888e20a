/**
 * `threadstance evaluate PRED.csv [GOLD.csv]`: scores the tool's stance columns against a
 * hand-coded gold file, a reviewed tool CSV, or PRED's own `review_<claim>` columns.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ThreadstanceError } from '../errors.js';
import { alignRows, type RowPair } from './align.js';
import { parseAlternatives, parseLabel, resolveGold, scoreClaim, type ClaimScore, type Label, type LabelPair } from './metrics.js';
import { alphaOfPairs, hasFilledReview, reviewerAgreement, type ReviewerAgreement } from './agreement.js';
import { sniffDelimiter } from '../output/reviewed.js';

export { formatEvaluation, formatReviewerAgreement } from './report.js';
export { alphaOfPairs, hasFilledReview, krippendorffAlpha, resolvePair, reviewClaims, reviewerAgreement } from './agreement.js';
export type { AgreementScore, ReviewerAgreement } from './agreement.js';
export { alignRows, normalizeText } from './align.js';
export { LABELS, accuracy, confusion, fAvg, kappa, macroF1, prf, resolveGold, scoreClaim } from './metrics.js';
export type { ClaimScore, Label, LabelPair, LabelScore } from './metrics.js';

/** Options shared by evaluation and its report. */
export interface EvaluateOptions {
  /** Collect (and print) every wrong cell. */
  errors?: boolean;
}

/** One scored cell where the prediction is none of the gold alternatives. */
export interface CellError {
  claim: string;
  index: string;
  id: string;
  text: string;
  predicted: string;
  /** The gold cell as coded, alternatives joined by `|`. */
  gold: string;
  evidence: string;
}

/** Scores per claim and pooled, with the gold rows that could not be aligned. */
export interface EvaluationResult {
  claims: ClaimScore[];
  pooled: ClaimScore;
  unmatched: string[];
  /** Filled only when `errors` was asked for. */
  wrong: CellError[];
  goldSource: 'gold-file' | 'review-columns';
  predFile?: string;
  goldFile?: string;
  /** Gold rows aligned to a prediction row. */
  aligned?: number;
  /** Krippendorff's alpha (nominal) per claim (in `claims` order) and pooled; given when the gold is a reviewer's review_<claim> columns. */
  alpha?: { claims: number[]; pooled: number };
}

/** Where the rows of `evaluateRows` came from, so that errors can name file and line. */
export interface EvaluateRowsOptions extends EvaluateOptions {
  predFile?: string;
  goldFile?: string;
  /** 1-based CSV line of each row (header is line 1); defaults to position + 2. */
  predLines?: number[];
  goldLines?: number[];
}

interface Table {
  rows: Record<string, string>[];
  lines: number[];
}

/** Counts 1-based line numbers at byte offsets of a buffer, moving forward only. */
function lineCounter(buf: Buffer): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset && at < buf.length; at++) {
      const byte = buf[at];
      if (byte === 0x0a || (byte === 0x0d && buf[at + 1] !== 0x0a)) line++;
    }
    return line;
  };
}

/** The offset of the first byte at or after `offset` that is not a line break. */
function skipBreaks(buf: Buffer, offset: number): number {
  let at = offset;
  while (buf[at] === 0x0a || buf[at] === 0x0d) at++;
  return at;
}

/** Reads a CSV file (BOM and CRLF tolerated) into header-keyed rows with the line each record starts on. */
export function readCsvTable(file: string): Table {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ThreadstanceError('INPUT_NOT_FOUND', 'file not found', { file });
    throw new ThreadstanceError('INPUT_UNREADABLE', `cannot read file (${code ?? String(err)})`, { file });
  }
  // `bytes` in on_record's context is the offset just past a record and its line break; the next
  // record starts after any skipped empty lines. (csv-parse's own line count miscounts CRLF in quotes.)
  const ends: number[] = [];
  const lineAt = lineCounter(buf);
  const startLine = (i: number): number => lineAt(skipBreaks(buf, i === 0 ? 0 : (ends[i - 1] ?? 0)));
  let records: string[][];
  try {
    records = parse(buf, {
      bom: true,
      // A reviewer's spreadsheet may save with semicolons (comma-decimal locales) or tabs.
      delimiter: sniffDelimiter(buf.subarray(0, 65536).toString('utf8')),
      skip_empty_lines: true,
      on_record: (record: string[], context: { bytes: number }) => {
        ends.push(context.bytes);
        return record;
      },
    }) as string[][];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ThreadstanceError('EVAL_BAD_CSV', `not valid CSV: ${message}`, { file, line: startLine(ends.length) });
  }
  const [head, ...body] = records;
  if (head === undefined) throw new ThreadstanceError('EVAL_NO_ROWS', 'the file is empty (no header row)', { file });
  const header = head.map((name) => name.trim());
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name !== '' && seen.has(name)) {
      throw new ThreadstanceError('EVAL_BAD_CSV', `column "${name}" appears twice`, { file, line: startLine(0), column: i + 1 });
    }
    seen.add(name);
  });
  const rows = body.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])));
  const lines = body.map((_record, i) => startLine(i + 1));
  return { rows, lines };
}

/** Reads PRED (and GOLD, if given) and scores them; throws ThreadstanceError with file/line context. */
export function evaluateFiles(predPath: string, goldPath: string | undefined, opts: EvaluateOptions = {}): EvaluationResult {
  const pred = readCsvTable(predPath);
  const gold = goldPath === undefined ? undefined : readCsvTable(goldPath);
  return evaluateRows(pred.rows, gold?.rows, {
    ...opts,
    predFile: predPath,
    goldFile: goldPath,
    predLines: pred.lines,
    goldLines: gold?.lines,
  });
}

function columnsOf(rows: readonly Record<string, string>[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  return [...columns];
}

interface BadCell {
  file: string;
  line: number;
  column: number;
  columnName: string;
  claim: string;
  value: string;
  why: string;
}

function badLabelError(bad: BadCell[]): ThreadstanceError {
  const [first] = bad as [BadCell, ...BadCell[]];
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more invalid cell${bad.length > 2 ? 's' : ''})` : '';
  const place = { file: first.file, line: first.line, column: first.column, claim: first.claim };
  return new ThreadstanceError(
    'EVAL_BAD_LABEL',
    `${first.why} "${first.value}" in column "${first.columnName}": expected support, oppose, neutral or none${more}`,
    first.columnName === first.claim ? place : { ...place, field: first.columnName },
  );
}

/** Scores prediction rows against gold rows (or, when `goldRows` is undefined, against PRED's review columns); no I/O. */
export function evaluateRows(
  predRows: Record<string, string>[],
  goldRows: Record<string, string>[] | undefined,
  opts: EvaluateRowsOptions = {},
): EvaluationResult {
  const predFile = opts.predFile ?? 'predictions';
  const goldFile = goldRows === undefined ? predFile : (opts.goldFile ?? 'gold');
  if (predRows.length === 0) throw new ThreadstanceError('EVAL_NO_ROWS', 'the prediction file has no rows', { file: predFile });
  const predCols = columnsOf(predRows);
  const claims = predCols.filter((c) => c.endsWith('_stance') && c.length > 7).map((c) => c.slice(0, -7));
  if (claims.length === 0) {
    throw new ThreadstanceError('EVAL_NO_CLAIMS', 'no <claim>_stance columns: is this a threadstance output file?', { file: predFile });
  }
  const gold = goldRows ?? predRows;
  const goldLines = goldRows === undefined ? opts.predLines : opts.goldLines;
  const goldCols = columnsOf(gold);
  let goldSource: EvaluationResult['goldSource'] = 'gold-file';
  let scored = goldRows === undefined ? [] : claims.filter((c) => goldCols.includes(c));
  if (scored.length === 0) {
    goldSource = 'review-columns';
    scored = claims.filter((c) => goldCols.includes(`review_${c}`));
  }
  if (scored.length === 0) {
    const want = goldRows === undefined ? 'review_<claim> columns' : 'a column named after a claim, nor review_<claim> columns';
    throw new ThreadstanceError('EVAL_NO_CLAIMS', `no ${want} for the claims ${claims.join(', ')}`, { file: goldFile });
  }
  const goldColumn = (claim: string): string => (goldSource === 'gold-file' ? claim : `review_${claim}`);
  const lineOf = (lines: number[] | undefined, i: number): number => lines?.[i] ?? i + 2;

  // Gold cells: every row is checked, matched or not; empty review cells are simply not scored.
  const bad: BadCell[] = [];
  const alternatives = gold.map((row, g) => {
    const cells = new Map<string, Label[]>();
    for (const claim of scored) {
      const name = goldColumn(claim);
      const raw = row[name] ?? '';
      if (raw.trim() === '' && goldSource === 'review-columns') continue;
      const parsed = parseAlternatives(raw);
      if (parsed === undefined) {
        const why = raw.trim() === '' ? 'empty gold label' : 'invalid gold label';
        bad.push({ file: goldFile, line: lineOf(goldLines, g), column: goldCols.indexOf(name) + 1, columnName: name, claim, value: raw, why });
      } else cells.set(claim, parsed);
    }
    return cells;
  });
  if (bad.length > 0) throw badLabelError(bad);

  const alignment: { pairs: RowPair[]; unmatched: string[] } =
    goldRows === undefined
      ? { pairs: predRows.map((_r, i) => ({ gold: i, pred: i })), unmatched: [] }
      : alignRows(predRows, goldRows, { goldFile, goldLines });

  const perClaim = new Map<string, LabelPair[]>(scored.map((c) => [c, []]));
  const wrong: CellError[] = [];
  for (const { gold: g, pred: p } of alignment.pairs) {
    const predRow = predRows[p] ?? {};
    const goldRow = gold[g] ?? {};
    for (const claim of scored) {
      const alts = alternatives[g]?.get(claim);
      if (alts === undefined) continue;
      const name = `${claim}_stance`;
      const raw = predRow[name] ?? '';
      const predicted = parseLabel(raw);
      if (predicted === undefined) {
        const why = raw.trim() === '' ? 'empty predicted label' : 'invalid predicted label';
        bad.push({ file: predFile, line: lineOf(opts.predLines, p), column: predCols.indexOf(name) + 1, columnName: name, claim, value: raw, why });
        continue;
      }
      const resolved = resolveGold(alts, predicted);
      perClaim.get(claim)?.push({ gold: resolved, pred: predicted });
      if (opts.errors && resolved !== predicted) {
        wrong.push({
          claim,
          index: predRow.index ?? goldRow.index ?? '',
          id: predRow.id ?? '',
          text: predRow.text ?? goldRow.text_start ?? '',
          predicted,
          gold: alts.join('|'),
          evidence: predRow[`${claim}_evidence`] ?? '',
        });
      }
    }
  }
  if (bad.length > 0) throw badLabelError(bad);

  const claimScores = scored.map((c) => scoreClaim(c, perClaim.get(c) ?? []));
  const pooled = scoreClaim('pooled', scored.flatMap((c) => perClaim.get(c) ?? []));
  if (pooled.n === 0) {
    const why =
      alignment.unmatched.length > 0
        ? `no gold row matched a prediction row (${alignment.unmatched.length} unmatched; first: ${alignment.unmatched[0]})`
        : goldSource === 'review-columns'
          ? 'every review_<claim> cell is empty: fill some in, or give a GOLD file'
          : 'the gold file has no rows';
    throw new ThreadstanceError('EVAL_NO_ROWS', `nothing to score: ${why}`, { file: goldFile });
  }
  return {
    claims: claimScores,
    pooled,
    unmatched: alignment.unmatched,
    wrong,
    goldSource,
    predFile: opts.predFile,
    goldFile: goldRows === undefined ? opts.predFile : opts.goldFile,
    aligned: alignment.pairs.length,
    ...(goldSource === 'review-columns'
      ? { alpha: { claims: scored.map((c) => alphaOfPairs(perClaim.get(c) ?? [])), pooled: alphaOfPairs(scored.flatMap((c) => perClaim.get(c) ?? [])) } }
      : {}),
  };
}

/** True when both files are reviewed CSVs (filled review_<claim> cells) and not the same file: their reviewers can be compared. */
export function isReviewerPair(fileA: string, fileB: string): boolean {
  if (realPath(fileA) === realPath(fileB)) return false;
  try {
    return hasFilledReview(readCsvTable(fileA).rows) && hasFilledReview(readCsvTable(fileB).rows);
  } catch {
    return false; // the evaluation proper reports why a file cannot be read
  }
}

/** Agreement between the reviewers of two reviewed CSVs, plus each file's tool-vs-reviewer scores where it has stance columns. */
export function evaluateReviewerFiles(
  fileA: string,
  fileB: string,
  opts: EvaluateOptions = {},
): { people: ReviewerAgreement; tool: { file: string; result: EvaluationResult }[] } {
  const a = readCsvTable(fileA);
  const b = readCsvTable(fileB);
  const people = reviewerAgreement(a.rows, b.rows, { fileA, fileB, linesA: a.lines, linesB: b.lines, errors: opts.errors });
  const tool: { file: string; result: EvaluationResult }[] = [];
  for (const [file, table] of [[fileA, a], [fileB, b]] as const) {
    try {
      tool.push({ file, result: evaluateRows(table.rows, undefined, { predFile: file, predLines: table.lines }) });
    } catch (err) {
      // A file without stance columns, or whose reviewer left every cell of its claims empty, has no tool line.
      if (!(err instanceof ThreadstanceError) || !['EVAL_NO_CLAIMS', 'EVAL_NO_ROWS'].includes(err.code)) throw err;
    }
  }
  return { people, tool };
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
