/**
 * Figures of a run for the benchmark: when THREADSTANCE_STATS names a file, the run writes there
 * how many comments it analyzed, the time to the first one (start-up, model load included), the time
 * from the first to the outputs written, and the peak memory of the process (workers included).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';

export class RunStats {
  private first: number | undefined;
  private comments = 0;
  constructor(
    private readonly started: number,
    private readonly jobs: number,
  ) {}

  analyzed(): void {
    this.first ??= performance.now();
    this.comments++;
  }

  written(): void {
    const file = process.env.THREADSTANCE_STATS;
    if (!file) return;
    const now = performance.now();
    const first = this.first ?? now;
    const stats = {
      comments: this.comments,
      jobs: this.jobs,
      // performance.now() counts from the start of the process.
      startupMs: Math.round(first),
      analyzeMs: Math.round(now - first),
      totalMs: Math.round(now),
      commandMs: Math.round(now - this.started),
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    fs.writeFileSync(file, JSON.stringify(stats) + '\n');
  }
}
