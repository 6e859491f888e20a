/**
 * Worker threads for `--jobs N`: each loads its own wink model and claims; a thread's comments all go
 * to one worker, in order, and results are handed on in input order. At most MAX_PENDING comments are
 * in flight, so memory stays flat. A thread goes to the worker given the fewest comments so far
 * (threads' sizes are known from the first pass), not to the least busy one at the time: wink's
 * reading of a rare token can depend on what the same instance read before (see nlp.ts), so which
 * worker reads which thread must not depend on timing for a run to be repeatable.
 */
import { Worker } from 'node:worker_threads';
import type { Comment } from '../types.js';
import type { SourceItem, ThreadInfo } from '../input/source.js';
import type { RunItem } from './analyze-items.js';
import type { Judged, Results } from './worker.js';
import { packedCount, packedRow } from './packed.js';
import type { Rendered, RowFormat } from '../output/rows.js';

/**
 * What a worker needs to build its claims (the claim file and the --claim selection) and, when it
 * renders the review CSV's rows itself, their format.
 */
export interface WorkerInit {
  claims: string | undefined;
  claim: string | undefined;
  format?: RowFormat;
}

/** One comment sent to a worker; `thread` is sent with a thread's first comment only. */
export interface Task {
  key: number;
  thread?: ThreadInfo;
  comment: Comment;
  /** Set on a thread's last comment: the worker lets go of the thread. */
  last?: true;
}

/**
 * A worker's young generation, in MB. V8's default (48 MB here) only adds RSS for a worker's short-lived
 * garbage (20,000 comments, 2 workers: 405 MB against 330 MB with 8). Each collection has a fixed
 * cost, though: on 100,000 comments a worker spent 2.1 s in them with 8 MB, 1.3 s with 16 and 0.9 s
 * with 32; two workers peaked at 293 MB with 8 and 301 MB with 16, and 32 took about 50 MB more.
 */
const WORKER_YOUNG_MB = 16;

/** Comments per message to a worker. */
const BATCH = 64;
/** Comments analyzed or waiting, at most. */
const MAX_PENDING = 4096;

/**
 * A worker's results not yet handed on, in the order its comments were sent: a worker answers each
 * message with one message, in order, so the k-th result it returns is that of the k-th comment it was given.
 */
class Returned {
  private readonly messages: Results[] = [];
  /** The next result's place in messages[0]. */
  private k = 0;

  add(results: Results): void {
    if (size(results) > 0) this.messages.push(results);
  }

  get empty(): boolean {
    return this.messages.length === 0;
  }

  /** The oldest result; only when not empty. */
  take(): RunResult {
    const m = this.messages[0]!;
    const k = this.k++;
    if (this.k === size(m)) {
      this.messages.shift();
      this.k = 0;
    }
    return Array.isArray(m) ? { judged: m[k]! } : { rendered: packedRow(m, k) };
  }
}

type RunResult = { judged: Judged } | { rendered: Rendered };

const size = (r: Results): number => (Array.isArray(r) ? r.length : packedCount(r));

/**
 * The comments of `items`, analyzed by `jobs` worker threads, in input order. `script` is the
 * worker's module (tests give another). A worker that fails or stops before the run is over fails the
 * run: its comments would otherwise never be answered.
 */
export async function* analyzePooled(items: AsyncIterable<SourceItem>, jobs: number, init: WorkerInit, script: URL = new URL('./worker.js', import.meta.url)): AsyncGenerator<RunItem> {
  const workers = Array.from({ length: jobs }, () => new Worker(script, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }));
  const returned = workers.map(() => new Returned());
  // The comments in flight, in input order from `head`: the worker each went to, its thread and
  // likes, and (only when the main thread builds the rows) the comment itself. No object per comment,
  // so that a comment waiting for its result costs the main thread's garbage collector nothing to keep.
  let workerOf: number[] = [];
  let threadOf: ThreadInfo[] = [];
  let likesOf: Comment['likes'][] = [];
  let commentOf: Comment[] = [];
  let head = 0;
  const batches: Task[][] = workers.map(() => []);
  const given = workers.map(() => 0);
  const threadKeys = new Map<ThreadInfo, { key: number; worker: number; left: number }>();
  let keys = 0;
  let failure: Error | undefined;
  let closing = false;
  let wake: (() => void) | undefined;
  workers.forEach((w, i) => {
    w.on('message', (results: Results) => {
      returned[i]!.add(results);
      wake?.();
    });
    w.on('error', (err) => {
      failure ??= err;
      wake?.();
    });
    // After an 'error' comes an 'exit', and the error is what is reported.
    w.on('exit', (code) => {
      if (closing) return;
      failure ??= new Error(`worker ${i + 1} of ${jobs} stopped (exit code ${code}) before the run was over; ${workerOf.length - head} comments were still waiting for their results`);
      wake?.();
    });
  });
  const flush = (): void => {
    batches.forEach((b, i) => {
      if (b.length === 0) return;
      workers[i]!.postMessage(b);
      batches[i] = [];
    });
  };
  const headReady = (): boolean => head < workerOf.length && !returned[workerOf[head]!]!.empty;
  const ready = (): RunItem[] => {
    const out: RunItem[] = [];
    while (headReady()) {
      const result = returned[workerOf[head]!]!.take();
      const thread = threadOf[head]!;
      out.push('rendered' in result ? { thread, likes: likesOf[head]!, rendered: result.rendered } : { thread, row: { comment: commentOf[head]!, ...result.judged } });
      head++;
    }
    if (head > 1024) {
      workerOf = workerOf.slice(head);
      threadOf = threadOf.slice(head);
      likesOf = likesOf.slice(head);
      if (!init.format) commentOf = commentOf.slice(head);
      head = 0;
    }
    return out;
  };
  const headDone = async (): Promise<void> => {
    flush();
    while (!failure && head < workerOf.length && !headReady()) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
  };
  try {
    for await (const item of items) {
      let t = threadKeys.get(item.thread);
      const first = t === undefined;
      if (!t) {
        t = { key: keys++, worker: given.indexOf(Math.min(...given)), left: item.thread.size };
        given[t.worker]! += item.thread.size;
        threadKeys.set(item.thread, t);
      }
      const last = --t.left <= 0;
      if (last) threadKeys.delete(item.thread);
      workerOf.push(t.worker);
      threadOf.push(item.thread);
      likesOf.push(item.comment.likes);
      if (!init.format) commentOf.push(item.comment);
      const batch = batches[t.worker]!;
      batch.push({ key: t.key, ...(first ? { thread: item.thread } : {}), comment: item.comment, ...(last ? { last: true as const } : {}) });
      if (batch.length >= BATCH) {
        workers[t.worker]!.postMessage(batch);
        batches[t.worker] = [];
      }
      yield* ready();
      if (failure) throw failure;
      while (workerOf.length - head > MAX_PENDING) {
        await headDone();
        yield* ready();
      }
    }
    while (head < workerOf.length) {
      await headDone();
      yield* ready();
    }
  } finally {
    closing = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
