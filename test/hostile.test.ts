/**
 * Hostile and extreme inputs (issue 7, points 1 and 4): every case of test/hostile/cases.json runs
 * `threadstance analyze` on an input of test/hostile/inputs/ or one generated into a temporary
 * directory, and checks the exit status, the message, and that no comment is lost. Large cases run
 * in a child process with a time limit, so that a stack overflow or a quadratic slowdown fails the
 * case instead of hanging the suite.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { execute } from '../src/cli.js';
import { ROOT } from './helpers.js';
import { generate, type Spec } from './hostile/generate.js';

interface Case {
  name: string;
  /** A file or directory of test/hostile/inputs/ (it need not exist: "missing file"). */
  input?: string;
  generate?: Spec;
  /** More arguments; "@name" is a path in test/hostile/inputs/. */
  args?: string[];
  status: number;
  stderr?: string[];
  /** Rows expected in comments.csv: every comment of the input, each once. */
  rows?: number;
  /** Exact text of the comments with these ids. */
  texts?: Record<string, string>;
  /** Deepest reply depth expected in the depth column. */
  depth?: number;
  /** Records expected in skipped.csv beside the output (none: the file must not exist). */
  skipped?: number;
  child?: boolean;
  timeoutMs?: number;
}

const HOSTILE = path.join(ROOT, 'test/hostile');
const cases = JSON.parse(fs.readFileSync(path.join(HOSTILE, 'cases.json'), 'utf8')) as Case[];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-hostile-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const inputPath = (name: string): string => path.join(HOSTILE, 'inputs', name);

interface Run {
  status: number | null;
  stderr: string;
  ms: number;
}

async function inProcess(argv: string[]): Promise<Run> {
  const err: string[] = [];
  const started = performance.now();
  const status = await execute(argv, { stdout: () => undefined, stderr: (s) => void err.push(s), isTTY: false });
  return { status, stderr: err.join(''), ms: performance.now() - started };
}

/** Runs the real binary; a run longer than `timeoutMs` is killed and reported as status null. */
function child(argv: string[], timeoutMs: number): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [path.join(ROOT, 'dist/src/bin.js'), ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.setEncoding('utf8').on('data', (d: string) => void (stderr += d));
    const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
    proc.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr, ms: performance.now() - started });
    });
  });
}

cases.forEach((c, n) => {
  test(`hostile ${n + 1}: ${c.name} → exit ${c.status}`, { timeout: (c.timeoutMs ?? 30000) + 60000 }, async () => {
    const dir = path.join(tmp, String(n + 1));
    fs.mkdirSync(dir, { recursive: true });
    const input = c.generate ? generate(c.generate, dir) : inputPath(c.input!);
    const out = path.join(dir, 'out', 'comments.csv');
    const args = (c.args ?? []).map((a) => (a.startsWith('@') ? inputPath(a.slice(1)) : a));
    const argv = ['analyze', input, ...args, '--out', out, '--quiet'];
    const r = c.child ? await child(argv, c.timeoutMs ?? 30000) : await inProcess(argv);
    assert.notEqual(r.status, null, `killed after ${c.timeoutMs} ms: too slow for its size`);
    assert.equal(r.status, c.status, `status ${r.status}; stderr:\n${r.stderr.slice(0, 2000)}`);
    for (const s of c.stderr ?? []) assert.ok(r.stderr.includes(s), `stderr lacks ${JSON.stringify(s)}:\n${r.stderr.slice(0, 2000)}`);
    assert.ok(!/\n\s+at /.test(r.stderr) && !r.stderr.includes('internal error'), `a stack trace:\n${r.stderr.slice(0, 2000)}`);
    if (c.status !== 0) {
      assert.ok(r.stderr.startsWith('threadstance: '), r.stderr);
      assert.equal(fs.existsSync(out), false, 'a failed run wrote its output');
      return;
    }
    const rows = parse(fs.readFileSync(out), { columns: true, bom: true }) as Record<string, string>[];
    if (c.rows !== undefined) assert.equal(rows.length, c.rows, 'every comment once');
    assert.equal(new Set(rows.map((row) => row.id)).size, rows.length, 'no comment twice');
    for (const [id, text] of Object.entries(c.texts ?? {})) assert.equal(rows.find((row) => row.id === id)?.text, text, `text of comment ${id}`);
    if (c.depth !== undefined) assert.equal(Math.max(...rows.map((row) => Number(row.depth))), c.depth);
    const skipped = path.join(dir, 'out', 'skipped.csv');
    if (c.skipped) assert.equal((parse(fs.readFileSync(skipped), { columns: true, bom: true }) as unknown[]).length, c.skipped);
    else assert.equal(fs.existsSync(skipped), false, 'skipped.csv without a skipped record');
  });
});
