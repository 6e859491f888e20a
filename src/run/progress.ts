/**
 * Progress on stderr for long runs, only on a terminal: records read so far by the passes before the
 * analysis (see Counting), then a bar with comments done, comments/s and time left.
 */
import type { Io } from '../cli.js';

/** Inputs smaller than this finish before a bar would help. */
export const PROGRESS_FROM = 5000;
/** Redraw at most this often (ms). */
const EVERY = 200;
const WIDTH = 30;

/** A line on stderr redrawn in place at most every EVERY ms, and cleared at the end. */
class StatusLine {
  private shown = false;

  /** `last`: the time of a draw that never was, so that the first comes EVERY ms after it. */
  constructor(
    private readonly io: Io,
    private readonly now: () => number,
    private last: number,
  ) {}

  /** Draws the line `text` makes of the current time, unless the last draw was less than EVERY ms ago. */
  draw(text: (now: number) => string): void {
    const now = this.now();
    if (now - this.last < EVERY) return;
    this.last = now;
    this.io.stderr(`\r${text(now)}`);
    this.shown = true;
  }

  /** Clears the line (once). */
  clear(): void {
    if (!this.shown) return;
    this.io.stderr('\r\x1b[K');
    this.shown = false;
  }
}

export class Progress {
  private done_ = 0;
  private readonly start = performance.now();
  private readonly line: StatusLine;
  private readonly on: boolean;

  constructor(
    io: Io,
    private readonly total: number,
    enabled: boolean,
  ) {
    this.on = enabled && total >= PROGRESS_FROM;
    this.line = new StatusLine(io, () => performance.now(), 0);
  }

  /** One more comment analyzed. */
  tick(): void {
    this.done_++;
    if (!this.on || (this.done_ & 63) !== 0) return;
    this.line.draw((now) => bar(this.done_, this.total, (now - this.start) / 1000));
  }

  /** Clears the bar (once). */
  done(): void {
    this.line.clear();
  }
}

/** A count shown after this long (ms): reading a file of a few thousand records takes less. */
const COUNT_AFTER = 1000;

/**
 * How many records a pass over a file has read so far, for the passes that come before the bar can
 * show a share: counting a streamed input's comments (a million-comment dump takes several seconds),
 * and reading an earlier review CSV for review work before replacing it.
 */
export class Counting {
  private n = 0;
  private readonly line: StatusLine;

  /** `what` and `unit` make the line: `counting dump.jsonl: 350,000 comments`. */
  constructor(
    io: Io,
    private readonly what: string,
    private readonly unit: string,
    private readonly enabled: boolean,
    now: () => number = () => performance.now(),
  ) {
    this.line = new StatusLine(io, now, now() - EVERY + COUNT_AFTER);
  }

  /** One more record read. */
  tick(): void {
    this.n++;
    if (!this.enabled || (this.n & 1023) !== 0) return;
    this.line.draw(() => `${this.what}: ${this.n.toLocaleString('en-US')} ${this.unit}`);
  }

  /** Clears the line (once). */
  done(): void {
    this.line.clear();
  }
}

/** `[=====>      ] 45% 45,000/100,000 comments  9,800/s  ETA 6s` */
export function bar(done: number, total: number, seconds: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * WIDTH);
  const rate = seconds > 0 ? done / seconds : 0;
  const left = rate > 0 ? Math.ceil((total - done) / rate) : 0;
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  return `[${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? '>' : ''}${' '.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${n(done)}/${n(total)} comments  ${n(rate)}/s  ETA ${duration(left)}`;
}

function duration(s: number): string {
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
