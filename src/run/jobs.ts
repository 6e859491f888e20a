/** How many worker threads a run uses. */
import os from 'node:os';

/**
 * Below this many comments workers cost more than they gain: each loads its own model (about 0.3 s)
 * and messages cost time; above it, one worker per core.
 */
export const WORKERS_FROM = 20000;

/** `--jobs N` as given; by default the number of cores, when the input has WORKERS_FROM comments or more; else 1 (analysis in the main thread). */
export function jobsFor(requested: number | undefined, comments: number): number {
  if (requested !== undefined) return requested;
  return comments >= WORKERS_FROM ? Math.max(1, os.availableParallelism()) : 1;
}
