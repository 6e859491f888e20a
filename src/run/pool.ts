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
import { unpackRows } from './packed.js';
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
  seq: number;
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

/** A comment in flight. `comment` is kept only when the main thread builds the rows (no WorkerInit.format). */
interface Slot {
  thread: ThreadInfo;
  likes: Comment['likes'];
  comment?: Comment;
  result?: { judged: Judged } | { rendered: Rendered };
  done: boolean;
}

export async function* analyzePooled(items: AsyncIterable<SourceItem>, jobs: number, init: WorkerInit): AsyncGenerator<RunItem> {
  const workers = Array.from({ length: jobs }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }));
  const queue: Slot[] = [];
  let head = 0;
  const waiting = new Map<number, Slot>();
  const batches: Task[][] = workers.map(() => []);
  const given = workers.map(() => 0);
  const threadKeys = new Map<ThreadInfo, { key: number; worker: number; left: number }>();
  let keys = 0;
  let seq = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const settle = (seq: number, result: NonNullable<Slot['result']>): void => {
    const slot = waiting.get(seq)!;
    waiting.delete(seq);
    slot.result = result;
    slot.done = true;
  };
  workers.forEach((w) => {
    w.on('message', (results: Results) => {
      if (Array.isArray(results)) for (const r of results) settle(r.seq, r);
      else unpackRows(results, (seq, rendered) => settle(seq, { rendered }));
      wake?.();
    });
    w.on('error', (err) => {
      failure ??= err;
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
  const ready = (): RunItem[] => {
    const out: RunItem[] = [];
    while (head < queue.length && queue[head]!.done) {
      const { thread, likes, comment, result } = queue[head]!;
      queue[head++] = undefined as unknown as Slot;
      out.push('rendered' in result! ? { thread, likes, rendered: result.rendered } : { thread, row: { comment: comment!, ...result!.judged } });
    }
    if (head > 1024) {
      queue.splice(0, head);
      head = 0;
    }
    return out;
  };
  const headDone = async (): Promise<void> => {
    flush();
    while (!failure && head < queue.length && !queue[head]!.done) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
  };
  try {
    for await (const item of items) {
      {
        let t = threadKeys.get(item.thread);
        const first = t === undefined;
        if (!t) {
          t = { key: keys++, worker: given.indexOf(Math.min(...given)), left: item.thread.size };
          given[t.worker]! += item.thread.size;
          threadKeys.set(item.thread, t);
        }
        const last = --t.left <= 0;
        if (last) threadKeys.delete(item.thread);
        const slot: Slot = { thread: item.thread, likes: item.comment.likes, ...(init.format ? {} : { comment: item.comment }), done: false };
        queue.push(slot);
        waiting.set(seq, slot);
        batches[t.worker]!.push({ seq: seq++, key: t.key, ...(first ? { thread: item.thread } : {}), comment: item.comment, ...(last ? { last: true as const } : {}) });
        if (batches[t.worker]!.length >= BATCH) {
          workers[t.worker]!.postMessage(batches[t.worker]);
          batches[t.worker] = [];
        }
      }
      yield* ready();
      while (queue.length - head > MAX_PENDING) {
        await headDone();
        yield* ready();
      }
    }
    while (head < queue.length) {
      await headDone();
      yield* ready();
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
