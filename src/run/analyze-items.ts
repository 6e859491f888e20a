/**
 * The analysis of a run's items, in input order: in this thread (`jobs` 1) or in worker threads, each
 * thread of comments on one worker so that replies see their parents. 
 */
import type { AnalyzedComment, Comment } from '../types.js';
import type { SourceItem, ThreadInfo } from '../input/source.js';
import type { CompiledClaims } from '../analysis/compile.js';
import { ParentCache, PARENT_CACHE, ThreadAnalyzer } from '../analysis/analyze.js';
import { analyzePooled, type WorkerInit } from './pool.js';
import { RowFormatter, type RowFormat, type Rendered } from '../output/rows.js';

/**
 * An analyzed comment with its thread: the whole row, or, when the run renders rows where they are
 * analyzed (WorkerInit.format), its rendered rows and its likes (for the summary). The rendered kind
 * does not carry the comment, so that with workers the main thread lets go of it once it is sent: a
 * comment kept until its rows come back outlived two young collections and was copied to the old
 * generation, every one of them.
 */
export type RunItem = { thread: ThreadInfo; row: AnalyzedComment } | { thread: ThreadInfo; likes: Comment['likes']; rendered: Rendered };

/**
 * Analyzes every comment of `items`; results come in the order of the items. `compile` is called
 * only when the analysis runs in this thread, so that with workers this thread never loads wink's model.
 */
export function analyzeItems(items: AsyncIterable<SourceItem>, jobs: number, init: WorkerInit, compile: () => CompiledClaims): AsyncGenerator<RunItem> {
  return jobs > 1 ? analyzePooled(items, jobs, init) : analyzeHere(items, compile(), init.format);
}

async function* analyzeHere(items: AsyncIterable<SourceItem>, cc: CompiledClaims, format: RowFormat | undefined): AsyncGenerator<RunItem> {
  const analyzers = new ThreadAnalyzers(cc);
  const formatter = format && new RowFormatter(format, cc.claims.map((c) => c.claim));
  for await (const { thread, comment } of items) {
    const row = analyzers.next(thread, comment);
    yield formatter ? { thread, likes: comment.likes, rendered: formatter.render(thread, row) } : { thread, row };
  }
}

/**
 * One analyzer per thread, all sharing one bounded parent cache. A thread's analyzer is dropped after
 * the thread's last comment (ThreadInfo.size), so a dump of a million short threads keeps only the
 * threads still open.
 */
export class ThreadAnalyzers {
  private readonly byThread = new Map<unknown, { analyzer: ThreadAnalyzer; left: number }>();
  private readonly cache = new ParentCache(PARENT_CACHE);
  constructor(private readonly cc: CompiledClaims) {}
  next(thread: ThreadInfo, comment: Comment, key: unknown = thread): AnalyzedComment {
    let open = this.byThread.get(key);
    if (!open) {
      open = { analyzer: new ThreadAnalyzer(thread, this.cc, this.cache), left: thread.size };
      this.byThread.set(key, open);
    }
    const row = open.analyzer.next(comment);
    if (--open.left <= 0) this.byThread.delete(key);
    return row;
  }
  /** Threads with comments still to come. */
  get open(): number {
    return this.byThread.size;
  }
}
