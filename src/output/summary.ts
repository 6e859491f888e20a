/** Aggregates stances per claim: counts and like-weighted shares, as rows and as a terminal table. */
import type { AnalyzedComment, Stance, Thread } from '../types.js';
import { STANCES } from '../types.js';
import { csvParts } from './csv.js';
import { claimCells, flagOf } from '../analysis/flag.js';
import type { CsvDialect } from './dialect.js';

export interface SummaryRow {
  thread: string;
  claim: string;
  stance: Stance;
  comments: number;
  share: number;
  likes: number;
  /** Share of all likes in the thread that went to comments with this stance; empty when no likes are known. */
  likeShare: number | null;
  /** Of these comments, how many have this claim's judgement flagged for review (low confidence, sarcasm, sentences that disagree). */
  flagged: number;
  /** Records of the input that could not be read (reported on stderr), repeated on each row of the thread. */
  skipped: number;
}

/** The `thread` value of the rows that add up every thread of a run. */
export const ALL_THREADS = '(all)';

/** One row per claim and stance: how many comments take it and what share of the likes they drew. */
export function summarize(thread: Thread, rows: AnalyzedComment[], claimIds: string[]): SummaryRow[] {
  return summarizeRows(thread.id, rows, claimIds, thread.skipped.length);
}

/** Summary rows of every thread, followed by rows for all threads together when there are several. */
export function summarizeRun(results: { thread: Thread; rows: AnalyzedComment[] }[], claimIds: string[]): SummaryRow[] {
  const perThread = results.flatMap((r) => summarize(r.thread, r.rows, claimIds));
  if (results.length < 2) return perThread;
  const skipped = results.reduce((n, r) => n + r.thread.skipped.length, 0);
  return [...perThread, ...summarizeRows(ALL_THREADS, results.flatMap((r) => r.rows), claimIds, skipped)];
}

function summarizeRows(thread: string, rows: AnalyzedComment[], claimIds: string[], skipped: number): SummaryRow[] {
  const totalLikes = rows.reduce((n, r) => n + (r.comment.likes ?? 0), 0);
  const anyLikes = rows.some((r) => r.comment.likes !== null);
  const out: SummaryRow[] = [];
  for (const claim of claimIds) {
    for (const stance of STANCES) {
      const hit = rows.filter((r) => (r.stances.get(claim)?.stance ?? 'none') === stance);
      const likes = hit.reduce((n, r) => n + (r.comment.likes ?? 0), 0);
      const flagged = hit.filter((r) => flagOf(r.stances.get(claim)!) !== undefined).length;
      out.push({
        thread,
        claim,
        stance,
        comments: hit.length,
        share: rows.length ? round(hit.length / rows.length) : 0,
        likes,
        likeShare: anyLikes && totalLikes > 0 ? round(likes / totalLikes) : null,
        flagged,
        skipped,
      });
    }
  }
  return out;
}

/** The summary's header row. */
export const SUMMARY_HEADER = ['thread', 'claim', 'stance', 'comments', 'share', 'likes', 'like_share', 'flagged', 'skipped_records'];

/** Headers of summaries written by earlier versions, which a run may still replace as its own. */
export const EARLIER_SUMMARY_HEADERS = [['thread', 'claim', 'stance', 'comments', 'share', 'likes', 'like_share', 'skipped_records']];

/** summary.csv text, in `dialect` (default `excel`). */
export function summaryCsv(rows: SummaryRow[], dialect: CsvDialect = 'excel'): string {
  return [...summaryCsvParts([rows], dialect)].join('');
}

/** summary.csv's header (with the dialect's byte-order mark) and then its rows' texts, batch by batch. */
export function summaryCsvParts(batches: Iterable<SummaryRow[]>, dialect: CsvDialect = 'excel'): Generator<string> {
  return csvParts(SUMMARY_HEADER, records(batches), dialect);
}

function* records(batches: Iterable<SummaryRow[]>): Generator<(string | number)[][]> {
  for (const rows of batches) yield rows.map(summaryRecord);
}

function summaryRecord(r: SummaryRow): (string | number)[] {
  return [r.thread, r.claim, r.stance, r.comments, r.share, r.likes, r.likeShare ?? '', r.flagged, r.skipped];
}

/** A fixed-width table for the terminal: per claim, comments (and like share) per stance, over all threads of the run. */
export function summaryTable(all: SummaryRow[]): string {
  const threads = new Set(all.map((r) => r.thread));
  const rows = threads.size > 1 ? all.filter((r) => r.thread === ALL_THREADS) : all;
  const claims = [...new Set(rows.map((r) => r.claim))];
  const width = Math.max(5, ...claims.map((c) => c.length));
  const head = ['claim'.padEnd(width), ...STANCES.map((s) => s.padStart(16))].join(' ');
  const lines = [head, '-'.repeat(head.length)];
  for (const claim of claims) {
    const cells = STANCES.map((s) => {
      const r = rows.find((x) => x.claim === claim && x.stance === s)!;
      const like = r.likeShare === null ? '' : ` (${Math.round(r.likeShare * 100)}%♥)`;
      return `${r.comments}${like}`.padStart(16);
    });
    lines.push([claim.padEnd(width), ...cells].join(' '));
  }
  lines.push('counts of comments per stance; (N%♥) = share of the thread\'s likes');
  return lines.join('\n');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The summary counted row by row, for runs whose rows are not kept: gives exactly the rows of
 * `summarizeRun` over the same threads (in the order given) and rows.
 *
 * Each thread's counts are one stretch of a single array, (all) last: a dump can have a million
 * threads, and a typed array of its own cost a thread about 650 bytes besides its 500 bytes of counts (five claims).
 */
export class SummaryTally {
  /** A thread's place among the stretches, by id. */
  private readonly places = new Map<string, number>();
  private readonly ids: string[] = [];
  /**
   * Per place: rows, likes, and then comments, likes and flagged comments per claim and stance, at
   * CELLS + (claim × STANCES.length + stance) × PER_CELL and the next two indexes.
   */
  private readonly counts: Float64Array;
  /** Per place: whether any row of the thread had a known like count. */
  private readonly anyLikes: Uint8Array;
  private readonly skipped: number[] = [];
  private readonly stride: number;
  private readonly all: number;

  constructor(
    private readonly claimIds: string[],
    threads: { id: string; skipped: readonly unknown[] }[],
  ) {
    for (const t of threads) {
      const place = this.places.get(t.id);
      // Threads of one id (files of one name in two folders) are counted as one, with the last one's skipped records.
      if (place !== undefined) {
        this.skipped[place] = t.skipped.length;
        continue;
      }
      this.places.set(t.id, this.ids.length);
      this.ids.push(t.id);
      this.skipped.push(t.skipped.length);
    }
    this.all = this.ids.length;
    this.skipped.push(threads.reduce((n, t) => n + t.skipped.length, 0));
    this.stride = CELLS + claimIds.length * STANCES.length * PER_CELL;
    this.counts = new Float64Array((this.all + 1) * this.stride);
    this.anyLikes = new Uint8Array(this.all + 1);
  }

  add(threadId: string, row: AnalyzedComment): void {
    const cells = claimCells(row.stances, this.claimIds);
    this.addStances(threadId, row.comment.likes, cells.stances, cells.flagged);
  }

  /** A comment by its likes, its stance toward each claim and whether that judgement is flagged for review, in claim order. */
  addStances(threadId: string, likesOrNull: number | null, stances: readonly Stance[], flagged: readonly boolean[]): void {
    const likes = likesOrNull ?? 0;
    const counts = this.counts;
    for (const place of [this.places.get(threadId)!, this.all]) {
      const base = place * this.stride;
      counts[base] = counts[base]! + 1;
      counts[base + 1] = counts[base + 1]! + likes;
      if (likesOrNull !== null) this.anyLikes[place] = 1;
      for (let c = 0; c < stances.length; c++) {
        const at = base + CELLS + (c * STANCES.length + STANCE_INDEX.get(stances[c]!)!) * PER_CELL;
        counts[at] = counts[at]! + 1;
        counts[at + 1] = counts[at + 1]! + likes;
        if (flagged[c]) counts[at + 2] = counts[at + 2]! + 1;
      }
    }
  }

  rows(): SummaryRow[] {
    return [...this.batches(Infinity)].flat();
  }

  /**
   * The rows in batches of about `threads` threads' rows, (all) last: a dump of 10,000 threads has
   * 200,000 summary rows, which are better turned into text a batch at a time than all at once. Small
   * batches: csv-stringify's garbage for 256 threads' rows (5,120 with five claims) outlived V8's young
   * generation, and 100,000 threads' summary took 7.2 s to write (2.8 s of it collecting) against 4.1 s
   * (0.3 s) in batches of 16.
   */
  *batches(threads = 16): Generator<SummaryRow[]> {
    let batch: SummaryRow[] = [];
    let n = 0;
    for (let place = 0; place < this.all; place++) {
      batch.push(...this.rowsOf(this.ids[place]!, place));
      if (++n >= threads) {
        yield batch;
        batch = [];
        n = 0;
      }
    }
    if (this.all >= 2) batch.push(...this.rowsOf(ALL_THREADS, this.all));
    if (batch.length > 0) yield batch;
  }

  /** The rows over every thread: (all), or the thread's own when there is one. */
  totals(): SummaryRow[] {
    if (this.all >= 2) return this.rowsOf(ALL_THREADS, this.all);
    return this.all === 1 ? this.rowsOf(this.ids[0]!, 0) : this.rowsOf('', this.all);
  }

  private rowsOf(thread: string, place: number): SummaryRow[] {
    const counts = this.counts;
    const base = place * this.stride;
    const rows = counts[base]!;
    const allLikes = counts[base + 1]!;
    const anyLikes = this.anyLikes[place] === 1;
    return this.claimIds.flatMap((claim, c) =>
      STANCES.map((stance, k): SummaryRow => {
        const at = base + CELLS + (c * STANCES.length + k) * PER_CELL;
        const comments = counts[at]!;
        const likes = counts[at + 1]!;
        return {
          thread,
          claim,
          stance,
          comments,
          share: rows ? round(comments / rows) : 0,
          likes,
          likeShare: anyLikes && allLikes > 0 ? round(likes / allLikes) : null,
          flagged: counts[at + 2]!,
          skipped: this.skipped[place]!,
        };
      }),
    );
  }
}

/** Counts at the start of each thread's stretch before its cells: rows and likes. */
const CELLS = 2;
/** Counts per claim and stance: comments, likes, flagged comments. */
const PER_CELL = 3;

const STANCE_INDEX = new Map<Stance, number>(STANCES.map((s, k) => [s, k]));
