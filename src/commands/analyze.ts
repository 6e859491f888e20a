/** `threadstance analyze`: input files → analysis → review CSV and summary, written atomically. */
import path from 'node:path';
import type { Io } from '../cli.js';
import { EXIT, ThreadstanceError } from '../errors.js';
import { readThreads } from '../input/index.js';
import { compileClaims } from '../analysis/compile.js';
import { analyzeThread } from '../analysis/analyze.js';
import { commentsCsv } from '../output/csv.js';
import { summarize, summaryCsv, summaryTable } from '../output/summary.js';
import { checkNotInput, writeAtomic } from '../output/write.js';
import { loadClaimSet } from './claims.js';
import { selectClaims } from '../claims/load.js';
import { readText } from './io.js';

export interface AnalyzeOptions {
  claims?: string;
  claim?: string;
  out: string;
  summary?: string;
  format: string;
  title?: string;
  strict?: boolean;
  quiet?: boolean;
}

export function runAnalyze(inputs: string[], opts: AnalyzeOptions, io: Io): number {
  const summaryPath = opts.summary ?? path.join(path.dirname(opts.out), 'summary.csv');
  const readFiles = opts.claims ? [...inputs, opts.claims] : inputs;
  checkNotInput(opts.out, readFiles, '--out');
  checkNotInput(summaryPath, readFiles, '--summary');
  if (path.resolve(opts.out) === path.resolve(summaryPath)) {
    throw new ThreadstanceError('USAGE_SAME_OUTPUT', '--out and --summary name the same file', { file: opts.out });
  }
  const compiled = compileClaims(selectClaims(loadClaimSet(opts.claims), opts.claim));
  const claimIds = compiled.claims.map((c) => c.claim.id);
  const results = inputs.flatMap((file) =>
    readThreads(readText(file), file, opts.format, opts.title ?? '').map((thread) => ({ thread, rows: analyzeThread(thread, compiled) })),
  );
  const skipped = results.flatMap((r) => r.thread.skipped);
  for (const s of skipped) io.stderr(`threadstance: skipped ${s.file}:${s.line}: ${s.reason}\n`);
  if (skipped.length > 0 && opts.strict) {
    io.stderr(`threadstance: ${skipped.length} record(s) could not be read; nothing written (--strict)\n`);
    return EXIT.badInput;
  }
  const summary = results.flatMap((r) => summarize(r.thread, r.rows, claimIds));
  writeAtomic(opts.out, commentsCsv(results, compiled.claims.map((c) => c.claim)));
  writeAtomic(summaryPath, summaryCsv(summary));
  if (!opts.quiet) {
    const n = results.reduce((k, r) => k + r.rows.length, 0);
    const review = results.reduce((k, r) => k + r.rows.filter((x) => x.needsReview).length, 0);
    if (io.isTTY) io.stderr(summaryTable(summary) + '\n\n');
    io.stderr(`threadstance: wrote ${opts.out} (${n} comments from ${results.length} thread${results.length > 1 ? 's' : ''}, ${review} flagged for review${skipped.length ? `, ${skipped.length} skipped` : ''}) and ${summaryPath}\n`);
  }
  return EXIT.ok;
}
