/** A worker thread of `--jobs N`: builds the claims once, then analyzes the comments it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzedComment } from '../types.js';
import { compileClaims } from '../analysis/compile.js';
import { selectClaims } from '../claims/load.js';
import { loadClaimSet } from '../commands/claims.js';
import type { ThreadInfo } from '../input/source.js';
import { ThreadAnalyzers } from './analyze-items.js';
import type { Task, WorkerInit } from './pool.js';

/** What a worker sends back for a comment: everything but the comment itself, which the main thread has. */
export type Judged = Omit<AnalyzedComment, 'comment'>;

const init = workerData as WorkerInit;
const analyzers = new ThreadAnalyzers(compileClaims(selectClaims(loadClaimSet(init.claims), init.claim)));
const threads = new Map<number, ThreadInfo>();

parentPort!.on('message', (tasks: Task[]) => {
  const out = tasks.map(({ seq, key, thread, comment, last }) => {
    if (thread) threads.set(key, thread);
    const { comment: _c, ...judged } = analyzers.next(threads.get(key)!, comment, key);
    if (last) threads.delete(key);
    return { seq, judged };
  });
  parentPort!.postMessage(out);
});
