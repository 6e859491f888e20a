/**
 * Runs the real CLI (`threadstance analyze`) in a child process and measures it: wall time around
 * the child, peak RSS from GNU time (or, without it, by polling /proc/PID/status VmHWM), and the
 * figures the CLI writes itself when THREADSTANCE_STATS names a file. A run that passes the
 * RSS ceiling or its time limit is stopped; its peak RSS is then a lower bound.
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLoadWindow } from './load.js';

/** What the CLI writes at exit when THREADSTANCE_STATS names a file. */
export interface CliStats {
  comments: number;
  jobs: number;
  startupMs: number;
  analyzeMs: number;
  totalMs: number;
  maxRssBytes: number;
}

export interface CliRunOptions {
  bin: string;
  corpus: string;
  comments: number;
  /** Passed as --jobs N; undefined runs without the option (the CLI's default). */
  jobs?: number;
  /** Scratch directory for the outputs (removed after the run) and the stats files. */
  dir: string;
  timeoutMs: number;
  rssCeilingBytes: number;
  /** Runs the child under `nice -n 19` (when the machine has `nice`): it then takes only the CPU another run leaves. */
  lowPriority?: boolean;
}

export interface CliRun {
  corpus: string;
  comments: number;
  jobs: number | null;
  status: 'ok' | 'failed' | 'stopped';
  /** Why a run failed or was stopped, with the end of its stderr. */
  reason?: string;
  wallMs: number;
  stats?: CliStats;
  /** Set when THREADSTANCE_STATS wrote a file the benchmark cannot read (its figures are then not used), or one whose comment count is not the corpus's. */
  statsError?: string;
  /** Comments per second (ok runs only): from stats.analyzeMs when present, else from wall time. */
  commentsPerSec?: number;
  rateSource: 'analyzeMs' | 'wall';
  maxRssBytes?: number;
  /** Which measurements gave peak RSS (the largest is kept). */
  rssSources: string[];
  /** True when the run was stopped: its peak RSS is at least maxRssBytes. */
  rssLowerBound: boolean;
  /** CPU time of the child (all its threads), from GNU time; absent without it. */
  cpuMs?: number;
  /** Cores other processes used on average while the child ran (see load.ts); absent when not measurable. */
  otherCores?: number;
  /** True when the child ran under `nice -n 19` beside another run: its rate is not its own. */
  lowPriority?: true;
  command: string;
}

export const GNU_TIME = '/usr/bin/time';

/** coreutils' nice, which execs its command (the child's pid stays the command's). */
const NICE = ['/usr/bin/nice', '/bin/nice'].find((p) => fs.existsSync(p));

/** True when `analyze --help` lists the --jobs option. */
export function cliHasJobs(bin: string): boolean {
  const help = execFileSync(process.execPath, [bin, 'analyze', '--help'], { encoding: 'utf8' });
  return /(^|\s)--jobs\b/m.test(help);
}

/** Runs `analyze` once over `opts.corpus` and resolves to what was measured; never rejects for a failing CLI. */
export async function runCli(opts: CliRunOptions): Promise<CliRun> {
  const tag = `${path.basename(opts.corpus, '.jsonl')}-j${opts.jobs ?? 'default'}`;
  const outDir = fs.mkdtempSync(path.join(opts.dir, `${tag}-`));
  const statsFile = path.join(opts.dir, `${tag}.stats.json`);
  const rssFile = path.join(opts.dir, `${tag}.rss.txt`);
  fs.rmSync(statsFile, { force: true });
  fs.rmSync(rssFile, { force: true });
  const args = [opts.bin, 'analyze', opts.corpus, '--out', path.join(outDir, 'comments.csv'), '--summary', path.join(outDir, 'summary.csv'), '--quiet', '--force'];
  if (opts.jobs !== undefined) args.push('--jobs', String(opts.jobs));
  const timed = fs.existsSync(GNU_TIME);
  const timedArgv = timed ? [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, process.execPath, ...args] : [process.execPath, ...args];
  const niced = opts.lowPriority === true && NICE !== undefined;
  const [cmd, ...argv] = niced ? [NICE, '-n', '19', ...timedArgv] : timedArgv;
  const load = openLoadWindow();
  const started = performance.now();
  const child = spawn(cmd!, argv, { env: { ...process.env, THREADSTANCE_STATS: statsFile }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-2000)));
  let polledKb = 0;
  let stopped: string | undefined;
  const poll = setInterval(() => {
    const pid = timed ? childPid(child.pid) : child.pid;
    if (pid === undefined) return;
    polledKb = Math.max(polledKb, vmHwmKb(pid));
    const why =
      polledKb * 1024 > opts.rssCeilingBytes
        ? `RSS passed the ceiling of ${mb(opts.rssCeilingBytes)} MB`
        : performance.now() - started > opts.timeoutMs
          ? `not finished within the time limit of ${Math.round(opts.timeoutMs / 1000)} s`
          : undefined;
    if (why && stopped === undefined) {
      stopped = why;
      process.kill(pid, 'SIGKILL');
    }
  }, 100);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  clearInterval(poll);
  const wallMs = performance.now() - started;
  const timing = timed ? gnuTime(rssFile) : {};
  const otherCores = load.close(timing.cpuMs);
  fs.rmSync(outDir, { recursive: true, force: true });
  const read = readStats(statsFile);
  const { stats } = read;
  // The CLI must have analyzed every comment of the corpus, or its rate would mislead.
  const statsError = read.statsError ?? (stats && stats.comments !== opts.comments ? `the CLI reports ${stats.comments} comments analyzed, the corpus has ${opts.comments}` : undefined);
  const rss: [string, number][] = [];
  if (timing.kb !== undefined) rss.push(['GNU time %M', timing.kb * 1024]);
  if (polledKb > 0) rss.push(['VmHWM polled', polledKb * 1024]);
  if (stats) rss.push(['THREADSTANCE_STATS', stats.maxRssBytes]);
  const failed = stopped === undefined && (code !== 0 || signal !== null);
  const status = stopped ? 'stopped' : failed ? 'failed' : 'ok';
  const useStats = stats !== undefined && stats.analyzeMs > 0;
  const tail = stderr.trim().split('\n').slice(-3).join(' | ');
  return {
    corpus: opts.corpus,
    comments: opts.comments,
    jobs: opts.jobs ?? null,
    status,
    ...(status === 'ok' ? {} : { reason: [stopped ?? `exit ${code ?? signal}`, tail].filter(Boolean).join(': ') }),
    wallMs,
    ...(stats ? { stats } : {}),
    ...(statsError ? { statsError } : {}),
    ...(status === 'ok' ? { commentsPerSec: opts.comments / ((useStats ? stats.analyzeMs : wallMs) / 1000) } : {}),
    rateSource: useStats ? 'analyzeMs' : 'wall',
    ...(rss.length ? { maxRssBytes: Math.max(...rss.map(([, b]) => b)) } : {}),
    rssSources: rss.map(([s]) => s),
    rssLowerBound: status === 'stopped',
    ...(timing.cpuMs !== undefined ? { cpuMs: timing.cpuMs } : {}),
    ...(otherCores !== undefined ? { otherCores } : {}),
    ...(niced ? { lowPriority: true as const } : {}),
    command: [...(niced ? ['nice', '-n', '19'] : []), 'node', ...args.map((a) => (a === opts.bin ? path.relative(process.cwd(), a) : a))].join(' '),
  };
}

/** The stats file of a run, when the CLI wrote one; a malformed file is reported, not used. */
function readStats(file: string): { stats?: CliStats; statsError?: string } {
  if (!fs.existsSync(file)) return {};
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    return { statsError: `${file}: not JSON (${(err as Error).message})` };
  }
  for (const k of ['comments', 'jobs', 'startupMs', 'analyzeMs', 'totalMs', 'maxRssBytes'] as const) {
    if (typeof raw[k] !== 'number') return { statsError: `${file}: "${k}" should be a number, found ${JSON.stringify(raw[k])}` };
  }
  return { stats: raw as unknown as CliStats };
}

/** What GNU time wrote (`%M %U %S`, on its last line): peak RSS in kB and user + system CPU in ms. */
export function gnuTime(file: string): { kb?: number; cpuMs?: number } {
  const last = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').at(-1) : undefined;
  const [kb, user, system] = (last ?? '').trim().split(/\s+/).map(Number);
  return {
    ...(kb !== undefined && Number.isFinite(kb) && kb > 0 ? { kb } : {}),
    ...(user !== undefined && system !== undefined && Number.isFinite(user) && Number.isFinite(system) ? { cpuMs: Math.round((user + system) * 1000) } : {}),
  };
}

/** The first child of `pid` (node under GNU time). */
function childPid(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const first = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0];
    return first ? Number(first) : undefined;
  } catch {
    return undefined;
  }
}

/** Peak resident set of a process so far, in kB (0 once it is gone). */
function vmHwmKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function mb(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
