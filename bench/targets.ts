/** The issue's targets, checked against measured figures with no I/O: each is met, not met, or not available (with why). */

/** A peak RSS; `lowerBound` when the run was stopped before its end (the true peak is at least this). */
export interface Rss {
  bytes: number;
  lowerBound: boolean;
}

/** The figures the targets are checked against; a missing figure was not measured. */
export interface BenchFigures {
  /** Size of the throughput corpus. */
  comments: number;
  /** Size of the corpus of the RSS runs (0: not run). */
  rssComments: number;
  /** N of the N-worker runs. */
  workers: number;
  /** Whether the CLI has --jobs; without it the N-worker runs are not made. */
  hasJobs: boolean;
  /** Comments per second. */
  readdoc?: number;
  vader?: number;
  /** threadstance's reading with no rules (measure.ts `reading`). */
  reading?: number;
  jobs1?: number;
  jobsN?: number;
  /** How the CLI's comments/s were timed: its own analyzeMs, or wall time around the child (start-up and file I/O included). */
  rateBasis: 'analyzeMs' | 'wall';
  startupMs?: number;
  /** False when start-up is the wall time of a one-comment run (an upper bound), not the CLI's own figure. */
  startupExact: boolean;
  rss: { jobs1Small?: Rss; jobsNSmall?: Rss; jobs1Large?: Rss; jobsNLarge?: Rss };
  /** Cores other processes used on average during each run (see load.ts); absent when not measured. */
  load?: { readdoc?: number; vader?: number; jobs1?: number; jobsN?: number };
}

export type Status = 'met' | 'not met' | 'not available';

export interface TargetResult {
  target: string;
  want: string;
  measured: string;
  status: Status;
  note?: string;
}

/** x / y, when both were measured. */
export function ratio(x: number | undefined, y: number | undefined): number | undefined {
  return x === undefined || y === undefined || y === 0 ? undefined : x / y;
}

/**
 * One rate from runs of the same corpus: comments over the time they took together (the harmonic mean
 * of their rates). The one-worker run is made before and after the N-worker run, so that a machine
 * whose speed drifts during the benchmark biases the worker ratio less than one run before it would.
 */
export function pooledRate(rates: (number | undefined)[]): number | undefined {
  const measured = rates.filter((r): r is number => r !== undefined && r > 0);
  return measured.length === 0 ? undefined : measured.length / measured.reduce((t, r) => t + 1 / r, 0);
}

/** Growth of peak RSS from the small to the large run (0.25 = 25%); a lower bound when the large run was stopped. */
export function growth(small: Rss | undefined, large: Rss | undefined): { value: number; lowerBound: boolean } | undefined {
  if (!small || !large || small.lowerBound) return undefined;
  return { value: large.bytes / small.bytes - 1, lowerBound: large.lowerBound };
}

export const fmt = {
  ratio: (r: number): string => `${r.toFixed(2)}×`,
  mb: (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`,
  pct: (g: number): string => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)}%`,
  int: (n: number): string => Math.round(n).toLocaleString('en-US'),
  /** Other load, in cores (see load.ts). */
  cores: (n: number): string => n.toFixed(2),
};

/** Above this many cores of other load during a run (5% of two cores), its rate is reported as disturbed. */
export const DISTURBED_CORES = 0.1;

/** The c/a target: the full analysis with one worker at this share of bare readDoc's rate, at least. */
const READDOC_SHARE = 0.75;
const MILLION = 1_000_000;
const HUNDRED_K = 100_000;

/** Checks every target of the issue against `f`, in the order the issue lists them. */
export function evaluateTargets(f: BenchFigures): TargetResult[] {
  const wall = f.rateBasis === 'wall' ? 'CLI timed by wall time around the child (start-up, file reading and CSV writing included)' : undefined;
  const noJobs = f.hasJobs ? `the ${f.workers}-worker run did not finish` : 'the CLI has no --jobs option yet';
  const big = f.rssComments >= MILLION ? undefined : `needs runs on 1,000,000 comments (this run: ${f.rssComments ? fmt.int(f.rssComments) : 'none'})`;
  const pair = f.comments === HUNDRED_K && f.rssComments === MILLION ? undefined : 'needs --comments 100000 and --rss-comments 1000000';
  const two = f.workers === 2 ? undefined : `measured with ${f.workers} workers, the target is for two`;
  const l = f.load ?? {};
  return [
    atLeast('full analysis, 1 worker ÷ bare readDoc', READDOC_SHARE, ratio(f.jobs1, f.readdoc), undefined, notes(wall, disturbed({ '1-worker': l.jobs1, readDoc: l.readdoc }), readingNote(f))),
    atLeast('full analysis, 1 worker ÷ vader-sentiment', 1.5, ratio(f.jobs1, f.vader), undefined, notes(wall, disturbed({ '1-worker': l.jobs1, vader: l.vader }))),
    atLeast(`2 workers ÷ 1 worker, ${fmt.int(f.comments)} comments`, 1.6, ratio(f.jobsN, f.jobs1), two ?? (f.comments < HUNDRED_K ? `corpus of ${fmt.int(f.comments)} comments, the target is for 100,000 or more` : f.jobsN === undefined ? noJobs : undefined), notes(wall, disturbed({ '1-worker': l.jobs1, [`${f.workers}-worker`]: l.jobsN }))),
    below('peak RSS, 1M comments, 1 worker', 250 * 2 ** 20, f.rss.jobs1Large, fmt.mb, big),
    below('peak RSS, 1M comments, 2 workers', 400 * 2 ** 20, f.rss.jobsNLarge, fmt.mb, two ?? big ?? (f.rss.jobsNLarge === undefined ? noJobs : undefined)),
    below('RSS growth 100k → 1M, 1 worker', 0.25, growth(f.rss.jobs1Small, f.rss.jobs1Large), fmt.pct, pair),
    below('RSS growth 100k → 1M, 2 workers', 0.25, growth(f.rss.jobsNSmall, f.rss.jobsNLarge), fmt.pct, two ?? pair ?? (f.rss.jobsNLarge === undefined ? noJobs : undefined)),
    startup(f),
  ];
}

/**
 * What the c/a target leaves for the rules: the time per comment of the one-worker run beyond
 * threadstance's reading with no rules (the token view and the row's CSV), against what it may be for
 * `min` times readDoc's rate. In microseconds; undefined unless all three rates were measured.
 */
export function rulesBudget(f: BenchFigures, min = READDOC_SHARE): { readingRatio: number; allowedUs: number; takenUs: number } | undefined {
  if (!f.jobs1 || !f.readdoc || !f.reading) return undefined;
  const us = (rate: number): number => 1e6 / rate;
  return { readingRatio: f.reading / f.readdoc, allowedUs: us(f.readdoc * min) - us(f.reading), takenUs: us(f.jobs1) - us(f.reading) };
}

function readingNote(f: BenchFigures): string | undefined {
  const b = rulesBudget(f);
  if (!b) return undefined;
  const allowed = b.allowedUs <= 0 ? 'nothing: the reading alone is slower than that' : `${Math.round(b.allowedUs)} µs`;
  return `threadstance's reading with no rules (token view and CSV row) runs at ${fmt.ratio(b.readingRatio)} readDoc's rate; for ${fmt.ratio(READDOC_SHARE)} the rest of a comment's time (rules, reading the input, writing) may be ${allowed}, and is ${Math.round(b.takenUs)} µs`;
}

/** The notes that apply, joined; undefined when none does. */
function notes(...xs: (string | undefined)[]): string | undefined {
  const kept = xs.filter((x): x is string => x !== undefined);
  return kept.length ? kept.join('; ') : undefined;
}

/** A note when other processes took more than DISTURBED_CORES during any run a ratio compares. */
export function disturbed(runs: Record<string, number | undefined>): string | undefined {
  const busy = Object.entries(runs).filter(([, cores]) => cores !== undefined && cores > DISTURBED_CORES);
  if (busy.length === 0) return undefined;
  return `disturbed: other processes used ${busy.map(([run, cores]) => `${fmt.cores(cores!)} cores on average during the ${run} run`).join(' and ')}, so that run's rate is low`;
}

function atLeast(target: string, min: number, value: number | undefined, missing: string | undefined, note: string | undefined): TargetResult {
  const want = `≥ ${fmt.ratio(min)}`;
  if (missing !== undefined || value === undefined) return { target, want, measured: '—', status: 'not available', note: missing ?? 'a run it needs did not finish' };
  return { target, want, measured: fmt.ratio(value), status: value >= min ? 'met' : 'not met', ...(note ? { note } : {}) };
}

/** A "less than" target; `value` may be a lower bound (a stopped run), which decides only when it is already too high. */
function below(target: string, max: number, value: { value: number; lowerBound: boolean } | Rss | undefined, show: (n: number) => string, missing: string | undefined): TargetResult {
  const want = target.startsWith('RSS growth') ? `≤ ${show(max)}` : `< ${show(max)}`;
  if (missing !== undefined || value === undefined) return { target, want, measured: '—', status: 'not available', note: missing ?? 'a run it needs did not finish' };
  const n = 'bytes' in value ? value.bytes : value.value;
  const ok = target.startsWith('RSS growth') ? n <= max : n < max;
  if (!value.lowerBound) return { target, want, measured: show(n), status: ok ? 'met' : 'not met' };
  const measured = `≥ ${show(n)}`;
  return ok
    ? { target, want, measured, status: 'not available', note: 'run stopped before its end below the limit' }
    : { target, want, measured, status: 'not met', note: 'run stopped before its end, already past the limit' };
}

function startup(f: BenchFigures): TargetResult {
  const target = 'start-up to first comment analyzed (model load included)';
  const want = '< 1000 ms';
  if (f.startupMs === undefined) return { target, want, measured: '—', status: 'not available', note: 'the start-up runs failed' };
  const ms = `${Math.round(f.startupMs)} ms`;
  if (f.startupExact) return { target, want, measured: ms, status: f.startupMs < 1000 ? 'met' : 'not met' };
  const note = 'upper bound: wall time of a whole one-comment run (THREADSTANCE_STATS not written by the CLI)';
  return f.startupMs < 1000 ? { target, want, measured: `≤ ${ms}`, status: 'met', note } : { target, want, measured: `≤ ${ms}`, status: 'not available', note };
}
