/** `threadstance analyze`: input files → analysis → review CSV and summary, written atomically. */
import path from 'node:path';
import type { Io } from '../cli.js';
import { EXIT, ThreadstanceError } from '../errors.js';
import { checkClaims, compileClaims } from '../analysis/compile.js';
import { commentsCsv, type Layout } from '../output/csv.js';
import type { CsvDialect } from '../output/dialect.js';
import { layoutOf, mergeReview, type MergeResult, type Uncarried } from '../output/merge.js';
import { parseReviewedCsv, type ReviewedTable } from '../output/reviewed.js';
import { SummaryTally, summaryCsvParts, summaryTable } from '../output/summary.js';
import { checkNotInput, OutputSet } from '../output/write.js';
import { checkReplaceable, isSkippedReport } from '../output/replace.js';
import { leftOutFile, SKIPPED_ON_STDERR, skippedCsvParts, skippedLine } from '../output/skipped.js';
import type { AnalyzedComment, Skipped, Thread } from '../types.js';
import { openInput, type InputSource, type SourceItem, type ThreadInfo } from '../input/source.js';
import { analyzeItems } from '../run/analyze-items.js';
import { jobsFor } from '../run/jobs.js';
import { Counting, Progress } from '../run/progress.js';
import { RunStats } from '../run/stats.js';
import { RowFormatter, RowWriter, rowFormatOf } from '../output/rows.js';
import { loadClaimSet } from './claims.js';
import { ROOT_CLAIM, selectClaims } from '../claims/load.js';
import { readText, readBytes, expandInputs } from './io.js';
import type { Encoding } from '../input/decode.js';

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
  /** Encoding of the input files (`auto`: UTF-8, or UTF-16 with a byte-order mark). */
  encoding?: Encoding;
  /** Replace existing outputs that threadstance did not write, or that hold review work. */
  force?: boolean;
  /** Worker threads (undefined: as many as cores when the input is large enough to gain). */
  jobs?: number;
}

export async function runAnalyze(args: string[], opts: AnalyzeOptions, io: Io): Promise<number> {
  const started = performance.now();
  const inputs = expandInputs(args, io, opts.quiet ?? false);
  const readFiles = [...inputs.map((i) => i.file), ...(opts.claims ? [opts.claims] : []), ...(opts.mergeReview ? [opts.mergeReview] : [])];
  // Progress (the counts of the first passes, then the bar) is shown only on a terminal, and not with --quiet.
  const live = !opts.quiet && io.isTTY === true;
  const paths = await planOutputs(opts, readFiles, io, live);
  const layout = opts.layout ?? 'wide';
  const dialect = opts.csvDialect ?? 'excel';
  const previous = opts.mergeReview === undefined ? undefined : readPrevious(opts.mergeReview, layout);
  // Checked now, before any input is read; compiled (with wink) where the comments are analyzed.
  const set = selectClaims(loadClaimSet(opts.claims), opts.claim);
  checkClaims(set);
  const claimIds = set.claims.map((c) => c.id);
  // Every record that does not become a row, in input order: nothing is dropped silently.
  const skipped: Skipped[] = [];
  const sources: InputSource[] = [];
  for (const { file, fromDirectory } of inputs) {
    let source: InputSource;
    const counting = new Counting(io, `counting ${file}`, 'comments', live);
    try {
      source = await openInput(file, { format: opts.format, encoding: opts.encoding ?? 'auto', title: opts.title ?? '', readText: (f) => readText(f, 'an input file', opts.encoding), counted: () => counting.tick() });
    } catch (err) {
      counting.done();
      // A file found in a directory that is no thread at all (a README) is reported and left out; a named file fails.
      if (!(fromDirectory && err instanceof ThreadstanceError && err.code === 'INPUT_UNKNOWN_FORMAT')) throw err;
      skipped.push(leftOutFile(file));
      io.stderr(skippedLine(skipped.at(-1)!));
      continue;
    }
    counting.done();
    sources.push(source);
    for (const s of source.skipped) skipped.push(s); // one by one: a dump may skip more records than a call takes arguments
  }
  if (sources.length === 0) {
    throw new ThreadstanceError('INPUT_NO_THREADS', `none of the ${inputs.length} input files holds a thread in a known format`, { file: args[0] });
  }
  let records = 0;
  for (const s of skipped) {
    if (s.line === 0) continue;
    if (opts.strict || records < SKIPPED_ON_STDERR) io.stderr(skippedLine(s));
    records++;
  }
  if (!opts.strict && records > SKIPPED_ON_STDERR) {
    io.stderr(`threadstance: skipped ${(records - SKIPPED_ON_STDERR).toLocaleString('en-US')} more records, not shown here; all ${records.toLocaleString('en-US')} are listed in ${paths.skipped}\n`);
  }
  const leftOut = skipped.filter((s) => s.line === 0).length;
  if (skipped.length > 0 && opts.strict) {
    io.stderr(`threadstance: ${skipped.length - leftOut} record(s) could not be read, ${leftOut} file(s) left out; nothing written (--strict)\n`);
    return EXIT.badInput;
  }
  if (skipped.length > 0) {
    // Every record the run skips is known from this first reading, so skipped.csv is checked before any work, as the other outputs were.
    checkNotInput(paths.skipped, readFiles, '--out (skipped.csv is written beside it)');
    await checkReplaceable(paths.skipped, 'skipped', opts.force ?? false);
  }
  const threads = sources.flatMap((s) => s.threads);
  const total = sources.reduce((n, s) => n + s.comments, 0);
  const jobs = jobsFor(opts.jobs, total);
  const claims = set.claims;
  const progress = new Progress(io, total, live);
  const stats = new RunStats(started, jobs);
  // With --report or --merge-review every row is kept (both need the whole run); otherwise rows are
  // rendered where they are analyzed (in the workers, with --jobs) and written as they come.
  const keep = previous !== undefined || paths.report !== undefined;
  const format = keep ? undefined : rowFormatOf(sources, dialect, layout);
  const run = analyzeItems(concat(sources), jobs, { claims: opts.claims, claim: opts.claim, ...(format ? { format } : {}) }, () => compileClaims(set));
  const tally = new SummaryTally(claimIds, threads);
  const outputs = new OutputSet();
  let review = 0;
  let seen = 0;
  try {
    // Only with --report or --merge-review (rows not rendered where analyzed); an array per thread only once it has a row.
    const kept = new Map<ThreadInfo, AnalyzedComment[]>();
    const writer = format && new RowWriter(outputs.open(paths.out), new RowFormatter(format, claims).header);
    for await (const item of run) {
      stats.analyzed();
      if ('rendered' in item) {
        tally.addStances(item.thread.id, item.likes, item.rendered.stances, item.rendered.flagged);
        if (item.rendered.needsReview) review++;
        writer!.add(item.rendered.text);
      } else {
        tally.add(item.thread.id, item.row);
        if (item.row.needsReview) review++;
        const rows = kept.get(item.thread);
        if (rows) rows.push(item.row);
        else kept.set(item.thread, [item.row]);
      }
      progress.tick();
      // Let the event loop turn now and then, so that a signal is seen even when the input is all in memory.
      if ((++seen & 255) === 0) await turn();
      outputs.check();
    }
    writer?.end();
    progress.done();
    if (keep) {
      const results = threads.map((t) => {
        const rows = kept.get(t) ?? [];
        return { thread: asThread(t, rows, sources), rows };
      });
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
      // The built-in root claim alone (--claim root) owes nothing to the claim file: its topic and name would mislead.
      const fromFile = claims.some((c) => c !== ROOT_CLAIM);
      await writeText(outputs, paths.out, commentsCsv(results, claims, { dialect, layout, carried: merged?.carried }));
      if (paths.report !== undefined) {
        const { reportHtml } = await import('../output/report.js');
        await writeText(outputs, paths.report, reportHtml({ results, claims, summary: tally.rows(), topic: fromFile ? set.topic : '', claimsFile: fromFile ? path.basename(set.file) : '' }));
      }
    }
    await writeParts(outputs, paths.summary, summaryCsvParts(tally.batches(), dialect));
    const stale: string[] = [];
    if (skipped.length > 0) await writeParts(outputs, paths.skipped, skippedCsvParts(skipped, dialect));
    else if ((await isSkippedReport(paths.skipped)) && !readFiles.some((f) => path.resolve(f) === path.resolve(paths.skipped))) {
      stale.push(paths.skipped); // an earlier run's list would describe records this run read
    }
    outputs.commit(stale);
    stats.written();
    if (!opts.quiet) {
      if (io.isTTY) io.stderr(summaryTable(tally.totals()) + '\n\n');
      io.stderr(`threadstance: wrote ${paths.out} (${total} comments from ${threads.length} thread${threads.length > 1 ? 's' : ''}, ${review} flagged for review${skipped.length ? `, ${skipped.length} skipped` : ''}) and ${paths.summary}${paths.report !== undefined ? `; report ${paths.report}` : ''}${skipped.length ? `; skipped records in ${paths.skipped}` : ''}\n`);
    }
    return EXIT.ok;
  } finally {
    outputs.discard();
    progress.done();
    await run.return(undefined);
  }
}

/** The comments of every source, one source after another. */
async function* concat(sources: InputSource[]): AsyncGenerator<SourceItem> {
  for (const s of sources) yield* s.items();
}

/** A thread with its rows' comments, for the outputs that take whole threads (report, merge). */
function asThread(info: ThreadInfo, rows: AnalyzedComment[], sources: InputSource[]): Thread {
  const extraColumns = sources.find((s) => s.threads.includes(info))?.extraColumns ?? [];
  return { ...info, comments: rows.map((r) => r.comment), extraColumns };
}

/** Writes an output given in parts to its temporary file, checking for a signal between them. */
async function writeParts(outputs: OutputSet, file: string, parts: Iterable<string>): Promise<void> {
  const write = outputs.open(file);
  for (const part of parts) {
    await turn();
    outputs.check();
    write(part);
  }
}

/** Writes a whole output's text to its temporary file in 1 MB steps, checking for a signal between them. */
function writeText(outputs: OutputSet, file: string, text: string): Promise<void> {
  const step = 1 << 20;
  return writeParts(outputs, file, Array.from({ length: Math.max(1, Math.ceil(text.length / step)) }, (_, k) => text.slice(k * step, (k + 1) * step)));
}

/** One turn of the event loop (where signal handlers run). */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Where this run writes, checked before any work: no output is an input or another output, and none replaces a file threadstance may not replace. */
async function planOutputs(opts: AnalyzeOptions, readFiles: string[], io: Io, live: boolean): Promise<{ out: string; summary: string; report?: string; skipped: string }> {
  const dir = path.dirname(opts.out);
  const plan = { out: opts.out, summary: opts.summary ?? path.join(dir, 'summary.csv'), report: opts.report, skipped: path.join(dir, 'skipped.csv') };
  const named: [string, string | undefined][] = [['--out', plan.out], ['--summary', plan.summary], ['--report', plan.report], ['skipped.csv beside --out', plan.skipped]];
  named.forEach(([option, file], i) => {
    if (file === undefined) return;
    const other = named.slice(0, i).find(([, f]) => f !== undefined && path.resolve(f) === path.resolve(file));
    if (other) throw new ThreadstanceError('USAGE_SAME_OUTPUT', `${option} names the same file as ${other[0]}`, { file });
  });
  const force = opts.force ?? false;
  for (const [option, file, kind] of [['--out', plan.out, 'comments'], ['--summary', plan.summary, 'summary'], ['--report', plan.report, 'report']] as const) {
    if (file === undefined) continue;
    checkNotInput(file, readFiles, option);
    const counting = new Counting(io, `checking ${file} for review work`, 'rows', live);
    try {
      await checkReplaceable(file, kind, force, () => counting.tick());
    } finally {
      counting.done();
    }
  }
  return plan;
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
