/** `threadstance analyze`: input files → analysis → review CSV and summary, written atomically. */
import path from 'node:path';
import type { Io } from '../cli.js';
import { EXIT, ThreadstanceError } from '../errors.js';
import { readThreads } from '../input/index.js';
import { compileClaims } from '../analysis/compile.js';
import { analyzeThread } from '../analysis/analyze.js';
import { commentsCsv, type Layout } from '../output/csv.js';
import type { CsvDialect } from '../output/dialect.js';
import { layoutOf, mergeReview, type MergeResult, type Uncarried } from '../output/merge.js';
import { parseReviewedCsv, type ReviewedTable } from '../output/reviewed.js';
import { summarizeRun, summaryCsv, summaryTable } from '../output/summary.js';
import { reportHtml } from '../output/report.js';
import { checkNotInput, writeAtomic } from '../output/write.js';
import { loadClaimSet } from './claims.js';
import { ROOT_CLAIM, selectClaims } from '../claims/load.js';
import { readText, readBytes, expandInputs } from './io.js';

export interface AnalyzeOptions {
  claims?: string;
  claim?: string;
  out: string;
  summary?: string;
  /** An HTML report to write besides the CSVs. */
  report?: string;
  format: string;
  title?: string;
  strict?: boolean;
  quiet?: boolean;
  csvDialect?: CsvDialect;
  layout?: Layout;
  /** A previous review CSV whose filled review cells are carried over. */
  mergeReview?: string;
}

export function runAnalyze(args: string[], opts: AnalyzeOptions, io: Io): number {
  const inputs = expandInputs(args, io, opts.quiet ?? false);
  const summaryPath = opts.summary ?? path.join(path.dirname(opts.out), 'summary.csv');
  const readFiles = [...inputs.map((i) => i.file), ...(opts.claims ? [opts.claims] : []), ...(opts.mergeReview ? [opts.mergeReview] : [])];
  const layout = opts.layout ?? 'wide';
  const dialect = opts.csvDialect ?? 'excel';
  checkNotInput(opts.out, readFiles, '--out');
  checkNotInput(summaryPath, readFiles, '--summary');
  if (path.resolve(opts.out) === path.resolve(summaryPath)) {
    throw new ThreadstanceError('USAGE_SAME_OUTPUT', '--out and --summary name the same file', { file: opts.out });
  }
  if (opts.report !== undefined) {
    checkNotInput(opts.report, readFiles, '--report');
    const other = [opts.out, summaryPath].find((f) => path.resolve(f) === path.resolve(opts.report!));
    if (other !== undefined) {
      throw new ThreadstanceError('USAGE_SAME_OUTPUT', `--report names the same file as ${other === opts.out ? '--out' : '--summary'}`, { file: opts.report });
    }
  }
  const previous = opts.mergeReview === undefined ? undefined : readPrevious(opts.mergeReview, layout);
  const compiled = compileClaims(selectClaims(loadClaimSet(opts.claims), opts.claim));
  const claimIds = compiled.claims.map((c) => c.claim.id);
  const leftOut: string[] = [];
  const results = inputs.flatMap(({ file, fromDirectory }) => {
    let threads;
    try {
      threads = readThreads(readText(file), file, opts.format, opts.title ?? '');
    } catch (err) {
      // A file found in a directory that is no thread at all (a README) is reported and left out; a named file fails.
      if (!(fromDirectory && err instanceof ThreadstanceError && err.code === 'INPUT_UNKNOWN_FORMAT')) throw err;
      leftOut.push(file);
      io.stderr(`threadstance: left out ${file}: not in any input format (name one with --format)\n`);
      return [];
    }
    return threads.map((thread) => ({ thread, rows: analyzeThread(thread, compiled) }));
  });
  if (results.length === 0) {
    throw new ThreadstanceError('INPUT_NO_THREADS', `none of the ${inputs.length} input files holds a thread in a known format`, { file: args[0] });
  }
  const skipped = results.flatMap((r) => r.thread.skipped);
  for (const s of skipped) io.stderr(`threadstance: skipped ${s.file}:${s.line}: ${s.reason}\n`);
  if ((skipped.length > 0 || leftOut.length > 0) && opts.strict) {
    io.stderr(`threadstance: ${skipped.length} record(s) could not be read, ${leftOut.length} file(s) left out; nothing written (--strict)\n`);
    return EXIT.badInput;
  }
  const merged = previous === undefined ? undefined : mergeReview(previous, results, claimIds, layout);
  if (previous && merged) {
    // Review work that cannot be carried is always reported, even with --quiet: it is never dropped silently.
    for (const u of merged.report.uncarried) io.stderr(uncarriedLine(previous.file, u));
    if (merged.report.uncarried.length > 0 && opts.strict) {
      io.stderr(`threadstance: ${merged.report.uncarried.length} reviewed row(s) of ${previous.file} could not be carried over; nothing written (--strict)\n`);
      return EXIT.badInput;
    }
    if (!opts.quiet) io.stderr(mergeMessage(previous, merged));
  }
  const summary = summarizeRun(results, claimIds);
  const claims = compiled.claims.map((c) => c.claim);
  // Every output is made before any is written, so a failure leaves no mix of old and new files.
  // The built-in root claim alone (--claim root) owes nothing to the claim file: its topic and name would mislead.
  const fromFile = claims.some((c) => c !== ROOT_CLAIM);
  const reportInput = { results, claims, summary, topic: fromFile ? compiled.set.topic : '', claimsFile: fromFile ? path.basename(compiled.set.file) : '' };
  const report = opts.report === undefined ? undefined : { file: opts.report, html: reportHtml(reportInput) };
  writeAtomic(opts.out, commentsCsv(results, claims, { dialect, layout, carried: merged?.carried }));
  writeAtomic(summaryPath, summaryCsv(summary, dialect));
  if (report) writeAtomic(report.file, report.html);
  if (!opts.quiet) {
    const n = results.reduce((k, r) => k + r.rows.length, 0);
    const review = results.reduce((k, r) => k + r.rows.filter((x) => x.needsReview).length, 0);
    if (io.isTTY) io.stderr(summaryTable(summary) + '\n\n');
    io.stderr(`threadstance: wrote ${opts.out} (${n} comments from ${results.length} thread${results.length > 1 ? 's' : ''}, ${review} flagged for review${skipped.length ? `, ${skipped.length} skipped` : ''}) and ${summaryPath}${opts.report !== undefined ? `; report ${opts.report}` : ''}\n`);
  }
  return EXIT.ok;
}

/** Reads and parses the --merge-review file; its layout must be the one being written. */
function readPrevious(file: string, layout: Layout): ReviewedTable {
  const bytes = readBytes(file, 'a review CSV file (--merge-review)');
  const table = parseReviewedCsv(bytes, file);
  const found = layoutOf(table.header);
  if (found !== layout) {
    throw new ThreadstanceError(
      'REVIEW_LAYOUT',
      `the file is in the ${found} layout but this run writes the ${layout} layout; run with --layout ${found} to merge it`,
      { file },
    );
  }
  return table;
}

function uncarriedLine(file: string, u: Uncarried): string {
  const cells = Object.entries(u.cells)
    .map(([name, value]) => `${name}=${JSON.stringify(value.length > 60 ? value.slice(0, 59) + '…' : value)}`)
    .join(', ');
  const where = [u.thread ? `thread ${u.thread}` : '', `id ${u.id}`, u.claim ? `claim ${u.claim}` : ''].filter(Boolean).join(', ');
  return `threadstance: review not carried from ${file} row ${u.row} (${where}): ${cells}; ${u.why}\n`;
}

function mergeMessage(previous: ReviewedTable, merged: MergeResult): string {
  const r = merged.report;
  const lines = [`threadstance: carried ${r.carriedCells} filled review cell${r.carriedCells === 1 ? '' : 's'} from ${previous.file} (${r.matched} row${r.matched === 1 ? '' : 's'} matched${r.byText ? `, ${r.byText} of them by text because the id was not found` : ''})`];
  if (previous.encoding === 'windows-1252') lines.push(`threadstance: ${previous.file} is not UTF-8; read it as Windows-1252 (in Excel, save as "CSV UTF-8" to keep every character)`);
  if (r.changed.length > 0) lines.push(`threadstance: ${r.changed.length} reviewed comment${r.changed.length === 1 ? '' : 's'} changed text since the review (review_text_changed = true): ${r.changed.slice(0, 10).join(', ')}${r.changed.length > 10 ? ', …' : ''}`);
  if (merged.carried.keptColumns.length > 0) lines.push(`threadstance: kept ${merged.carried.keptColumns.join(', ')} (claims no longer in the claim set) as columns after review_text_changed`);
  return lines.join('\n') + '\n';
}
