/** A worker thread of `--jobs N`: builds the claims once, then analyzes the comments it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzedComment } from '../types.js';
import { compileClaims } from '../analysis/compile.js';
import { selectClaims } from '../claims/load.js';
import { loadClaimSet } from '../commands/claims.js';
import type { ThreadInfo } from '../input/source.js';
import { ThreadAnalyzers } from './analyze-items.js';
import type { Task, WorkerInit } from './pool.js';
import { RowFormatter, type Rendered } from '../output/rows.js';

/** What a worker sends back for a comment: everything but the comment itself, which the main thread has. */
export type Judged = Omit<AnalyzedComment, 'comment'>;

/** A comment's result: its rendered rows when the worker renders them (WorkerInit.format), else its judgements. */
export type Result = { seq: number; judged: Judged } | { seq: number; rendered: Rendered };

const init = workerData as WorkerInit;
const compiled = compileClaims(selectClaims(loadClaimSet(init.claims), init.claim));
const analyzers = new ThreadAnalyzers(compiled);
const formatter = init.format && new RowFormatter(init.format, compiled.claims.map((c) => c.claim));
const threads = new Map<number, ThreadInfo>();

parentPort!.on('message', (tasks: Task[]) => {
  const out = tasks.map(({ seq, key, thread, comment, last }) => {
    if (thread) threads.set(key, thread);
    const info = threads.get(key)!;
    const row = analyzers.next(info, comment, key);
    if (last) threads.delete(key);
    if (formatter) return { seq, rendered: formatter.render(info, row) };
    const { comment: _c, ...judged } = row;
    return { seq, judged };
  });
  parentPort!.postMessage(out);
});
