/** The benchmark's outputs with no I/O: the table printed on stdout and the object written to out/bench.json. */
import type { CliRun } from './cli-run.js';
import type { Measured } from './measure.js';
import { DISTURBED_CORES, fmt, growth, ratio, type BenchFigures, type Rss, type TargetResult } from './targets.js';

/** Everything one benchmark run measured. */
export interface BenchResult {
  date: string;
  durationMs: number;
  machine: { cpuModel: string; cpus: number; totalMemBytes: number; node: string; platform: string; commit: string };
  options: { comments: number; rssComments: number; workers: number; seed: number; warmup: number; rssCeilingMb: number };
  corpus: { comments: number; bytes: number; meanChars: number; pools: Record<string, number> };
  cli: { hasJobs: boolean; statsWritten: boolean; claims: string[]; claimsNote?: string };
  startup: { ms?: number; exact: boolean; runs: CliRun[] };
  readdoc?: Measured & { commentsPerSec: number };
  vader?: Measured & { commentsPerSec: number };
  reading?: Measured & { commentsPerSec: number };
  baselineErrors: string[];
  jobs1?: CliRun;
  jobsN?: CliRun;
  /** The one-worker run again, after the N-worker run; figures.jobs1 pools both (pooledRate). */
  jobs1After?: CliRun;
  rssRuns: CliRun[];
  figures: BenchFigures;
  targets: TargetResult[];
  notAvailable: string[];
}

/** Peak RSS of a CLI run as the targets read it (none when it failed). */
export function rssOf(run: CliRun | undefined): Rss | undefined {
  return run?.maxRssBytes === undefined || run.status === 'failed' ? undefined : { bytes: run.maxRssBytes, lowerBound: run.rssLowerBound };
}

/** The JSON written to out/bench.json: the result plus the ratios spelled out. */
export function benchJson(r: BenchResult): object {
  const f = r.figures;
  return {
    ...r,
    ratios: {
      jobs1_over_readdoc: ratio(f.jobs1, f.readdoc) ?? null,
      reading_over_readdoc: ratio(f.reading, f.readdoc) ?? null,
      jobs1_over_vader: ratio(f.jobs1, f.vader) ?? null,
      jobsN_over_readdoc: ratio(f.jobsN, f.readdoc) ?? null,
      jobsN_over_vader: ratio(f.jobsN, f.vader) ?? null,
      jobsN_over_jobs1: ratio(f.jobsN, f.jobs1) ?? null,
    },
    rssGrowth: { jobs1: growth(f.rss.jobs1Small, f.rss.jobs1Large) ?? null, jobsN: growth(f.rss.jobsNSmall, f.rss.jobsNLarge) ?? null },
  };
}

/** The readable report for stdout. */
export function benchTable(r: BenchResult): string {
  const f = r.figures;
  const n = f.workers;
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`threadstance benchmark — ${r.date}, ${m.cpus} × ${m.cpuModel}, ${fmt.mb(m.totalMemBytes)} RAM, Node ${m.node}, commit ${m.commit}`);
  lines.push(`corpus: ${fmt.int(r.corpus.comments)} comments (${fmt.mb(r.corpus.bytes)} JSON Lines, mean ${Math.round(r.corpus.meanChars)} characters), seed ${r.options.seed}; sentences: ${Object.entries(r.corpus.pools).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  lines.push(`claims: ${r.cli.claims.join(', ')}${r.cli.claimsNote ? ` (${r.cli.claimsNote})` : ''}`);
  lines.push('');
  const rows: string[][] = [['configuration', 'comments/s', 'peak RSS', 'other load', 'timed by']];
  const base = (name: string, x: (Measured & { commentsPerSec: number }) | undefined): void => {
    rows.push([name, x ? fmt.int(x.commentsPerSec) : 'failed', x ? fmt.mb(x.maxRssBytes) : '—', cores(x?.otherCores), x ? `in-process loop, own child, after ${r.options.warmup} warm-up` : '']);
  };
  base('(a) bare readDoc, winkNLP(model)', r.readdoc);
  base("(a′) threadstance's reading, no rules", r.reading);
  base('(b) vader-sentiment polarity_scores', r.vader);
  const cli = (name: string, run: CliRun | undefined, missing: string): void => {
    if (!run) return void rows.push([name, missing, '—', '—', '']);
    rows.push([name, run.commentsPerSec === undefined ? run.status : fmt.int(run.commentsPerSec), rssText(run), cores(run.otherCores), run.rateSource === 'analyzeMs' ? 'CLI analyzeMs' : 'wall time of the CLI child']);
  };
  if (r.jobs1After) {
    const both = [r.jobs1, r.jobs1After];
    const rates = both.map((x) => (x?.commentsPerSec === undefined ? (x?.status ?? 'failed') : fmt.int(x.commentsPerSec))).join(' and ');
    rows.push(['(c) threadstance analyze, 1 worker', f.jobs1 === undefined ? 'failed' : fmt.int(f.jobs1), r.jobs1 ? rssText(r.jobs1) : '—', cores(f.load?.jobs1), `CLI analyzeMs, runs before and after ${n} workers (${rates}), pooled`]);
  } else cli('(c) threadstance analyze, 1 worker', r.jobs1, 'failed');
  cli(`(c) threadstance analyze, ${n} workers`, r.jobsN, 'not available');
  lines.push(table(rows));
  lines.push('');
  const ratios: string[][] = [['ratio', 'value']];
  const addRatio = (name: string, v: number | undefined): void => void ratios.push([name, v === undefined ? 'not available' : fmt.ratio(v)]);
  addRatio("a′/a: threadstance's reading, no rules ÷ readDoc", ratio(f.reading, f.readdoc));
  addRatio('c/a: 1 worker ÷ readDoc', ratio(f.jobs1, f.readdoc));
  addRatio('c/b: 1 worker ÷ vader', ratio(f.jobs1, f.vader));
  addRatio(`c/a: ${n} workers ÷ readDoc`, ratio(f.jobsN, f.readdoc));
  addRatio(`c/b: ${n} workers ÷ vader`, ratio(f.jobsN, f.vader));
  addRatio(`${n} workers ÷ 1 worker`, ratio(f.jobsN, f.jobs1));
  lines.push(table(ratios));
  lines.push(`other load: cores other processes used on average during the run (from /proc/stat; above ${DISTURBED_CORES} the run's rate is marked disturbed in the notes)`);
  lines.push('');
  const rss: string[][] = [['CLI run', 'comments', 'status', 'wall', 'comments/s', 'peak RSS', 'other load', 'RSS from']];
  for (const run of [r.jobs1, r.jobsN, r.jobs1After, ...r.rssRuns]) {
    if (!run) continue;
    rss.push([`jobs ${run.jobs ?? '(default)'}`, fmt.int(run.comments), run.status, `${(run.wallMs / 1000).toFixed(1)} s`, run.commentsPerSec === undefined ? '—' : fmt.int(run.commentsPerSec), rssText(run), cores(run.otherCores), run.rssSources.join(', ')]);
  }
  const g1 = growth(f.rss.jobs1Small, f.rss.jobs1Large);
  const gN = growth(f.rss.jobsNSmall, f.rss.jobsNLarge);
  lines.push(table(rss));
  if (r.rssRuns.length > 1) lines.push(`the ${fmt.int(f.rssComments)}-comment runs are for peak RSS: they ran side by side${r.rssRuns.some((x) => x.lowPriority) ? `, the ${n}-worker run under nice -n 19` : ''}, so their rates are not each one's own`);
  lines.push(`RSS growth ${fmt.int(f.comments)} → ${fmt.int(f.rssComments)}: 1 worker ${g1 ? (g1.lowerBound ? '≥ ' : '') + fmt.pct(g1.value) : 'not available'}, ${n} workers ${gN ? (gN.lowerBound ? '≥ ' : '') + fmt.pct(gN.value) : 'not available'}`);
  lines.push(`start-up to first comment: ${r.startup.ms === undefined ? 'not available' : `${r.startup.exact ? '' : '≤ '}${Math.round(r.startup.ms)} ms`}${r.startup.exact ? ' (CLI startupMs, median of 3)' : ' (upper bound: wall time of a one-comment run, median of 3)'}`);
  lines.push('');
  lines.push(table([['target', 'wanted', 'measured', 'status'], ...r.targets.map((t) => [t.target, t.want, t.measured, t.status.toUpperCase()])]));
  const notes = r.targets.filter((t) => t.note).map((t) => `  ${t.target}: ${t.note}`);
  if (notes.length) lines.push('', 'notes:', ...notes);
  if (r.notAvailable.length) lines.push('', 'not available in this run:', ...r.notAvailable.map((s) => `  - ${s}`));
  for (const run of [r.jobs1, r.jobsN, r.jobs1After, ...r.rssRuns, ...r.startup.runs]) {
    const which = `${fmt.int(run?.comments ?? 0)} comments, jobs ${run?.jobs ?? '(default)'}`;
    if (run?.reason) lines.push(`  ! ${which}: ${run.status}: ${run.reason}`);
    if (run?.statsError) lines.push(`  ! ${which}: THREADSTANCE_STATS: ${run.statsError}`);
  }
  for (const e of r.baselineErrors) lines.push(`  ! ${e}`);
  lines.push('', `took ${(r.durationMs / 1000).toFixed(0)} s`);
  return lines.join('\n') + '\n';
}

/** Other load in cores, or — when not measured. */
function cores(x: number | undefined): string {
  return x === undefined ? '—' : fmt.cores(x);
}

function rssText(run: CliRun): string {
  if (run.maxRssBytes === undefined) return '—';
  return `${run.rssLowerBound ? '≥ ' : ''}${fmt.mb(run.maxRssBytes)}`;
}

/** Left-aligned text columns, numbers right-aligned. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((cell, i) => (/^[≥≤]?\s?[\d,.]+(×| MB| s|%)?$/.test(cell) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}
