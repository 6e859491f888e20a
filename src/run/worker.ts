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
import { packRows, type PackedRows } from './packed.js';

/** What a worker sends back for a comment: everything but the comment itself, which the main thread has. */
export type Judged = Omit<AnalyzedComment, 'comment'>;

/**
 * What a worker sends for a message of tasks, in the order of the tasks: the rows packed when it
 * renders them (WorkerInit.format), else each comment's judgements.
 */
export type Results = Judged[] | PackedRows;

const init = workerData as WorkerInit;
const compiled = compileClaims(selectClaims(loadClaimSet(init.claims), init.claim));
const analyzers = new ThreadAnalyzers(compiled);
const formatter = init.format && new RowFormatter(init.format, compiled.claims.map((c) => c.claim));
const threads = new Map<number, ThreadInfo>();

parentPort!.on('message', (tasks: Task[]) => {
  const rendered: Rendered[] = [];
  const judged: Judged[] = [];
  for (const { key, thread, comment, last } of tasks) {
    if (thread) threads.set(key, thread);
    const info = threads.get(key)!;
    const row = analyzers.next(info, comment, key);
    if (last) threads.delete(key);
    if (formatter) rendered.push(formatter.render(info, row));
    else {
      const { comment: _c, ...rest } = row;
      judged.push(rest);
    }
  }
  const results: Results = formatter ? packRows(rendered, compiled.claims.length) : judged;
  parentPort!.postMessage(results);
});
