/**
 * Output safety (issue 7, point 3): a run stopped by SIGINT or SIGTERM leaves no partial or temporary
 * file and the previous outputs intact; an existing file is replaced only when threadstance wrote it
 * and nobody filled review cells in it since, or with --force; skipped records are listed in
 * skipped.csv beside the output.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ROOT, runCli as run } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-safety-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const t = (...parts: string[]): string => path.join(tmp, ...parts);
const small = path.join(ROOT, 'test/hostile/inputs/ok.csv');
const bin = path.join(ROOT, 'dist/src/bin.js');

const snapshot = (dir: string): Record<string, string> => Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'latin1')]));
const readCsv = (file: string): Record<string, string>[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];

/** An input whose output is large (~33 MB: every comment is 3,000 links, kept in `text` and `media`) but cheap to analyze. */
function largeInput(): string {
  const file = t('large.jsonl');
  if (!fs.existsSync(file)) {
    const links = Array.from({ length: 3000 }, (_, i) => `https://example.org/a/${i}`).join(' ');
    fs.writeFileSync(file, Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `u${i}`, text: links })).join('\n'));
  }
  return file;
}

/**
 * Runs the CLI on the large input into `dir` (which holds a previous run's outputs) and sends
 * `signal` while it writes: when its first temporary file appears the process is stopped
 * (SIGSTOP), so the signal lands before the write can finish, then continued.
 */
function interruptWhileWriting(dir: string, signal: 'SIGINT' | 'SIGTERM'): Promise<{ status: number | null; signal: string | null; stderr: string; caught: boolean }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [bin, 'analyze', largeInput(), '--out', path.join(dir, 'comments.csv'), '--report', path.join(dir, 'report.html'), '-q'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let caught = false;
    proc.stderr.setEncoding('utf8').on('data', (d: string) => void (stderr += d));
    const watcher = fs.watch(dir, (_event, name) => {
      if (caught || !String(name).endsWith('.tmp')) return;
      caught = true;
      proc.kill('SIGSTOP');
      proc.kill(signal);
      proc.kill('SIGCONT');
    });
    const timer = setTimeout(() => proc.kill('SIGKILL'), 60000);
    proc.on('close', (status, sig) => {
      clearTimeout(timer);
      watcher.close();
      resolve({ status, signal: sig, stderr, caught });
    });
  });
}

for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`exit ${status}: ${signal} while the outputs are written leaves the previous outputs and no temporary file`, { timeout: 90000 }, async () => {
    const dir = t(`signal-${signal}`);
    assert.equal((await run(['analyze', small, '--out', path.join(dir, 'comments.csv'), '--report', path.join(dir, 'report.html'), '-q'])).status, 0);
    const before = snapshot(dir);
    const r = await interruptWhileWriting(dir, signal);
    assert.ok(r.caught, 'no temporary file was seen: the run never started writing');
    assert.equal(r.status, status, `status ${r.status} (signal ${r.signal}); stderr: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`^threadstance: INTERRUPTED \\S+comments\\.csv: stopped by ${signal} while writing the outputs; nothing was written`));
    assert.deepEqual(snapshot(dir), before, 'the previous outputs changed, or a temporary file was left');
  });
}

test('a signal before the outputs are written ends the run at once; nothing is written', { timeout: 60000 }, async () => {
  const dir = t('signal-early');
  assert.equal((await run(['analyze', small, '--out', path.join(dir, 'comments.csv'), '-q'])).status, 0);
  const before = snapshot(dir);
  const proc = spawn(process.execPath, [bin, 'analyze', largeInput(), '--out', path.join(dir, 'comments.csv'), '-q'], { cwd: ROOT, stdio: 'ignore' });
  setTimeout(() => proc.kill('SIGINT'), 300);
  const [status, sig] = await new Promise<[number | null, string | null]>((resolve) => proc.on('close', (c, s) => resolve([c, s])));
  // Killed by the signal itself (a shell reports 130), or, had the writing begun, status 130.
  assert.ok(sig === 'SIGINT' || status === 130, `status ${status}, signal ${sig}`);
  assert.deepEqual(snapshot(dir), before);
});

test('an output threadstance wrote is replaced; npm start can run again and again', async () => {
  const out = t('again', 'comments.csv');
  for (let i = 0; i < 2; i++) assert.equal((await run(['analyze', small, '--out', out, '--report', t('again', 'report.html'), '-q'])).status, 0);
  assert.deepEqual(fs.readdirSync(t('again')).sort(), ['comments.csv', 'report.html', 'summary.csv']);
});

test('a summary.csv an earlier version wrote (before the flagged column) is replaced as threadstance\'s own', async () => {
  const dir = t('older-summary');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'summary.csv'), '\uFEFFthread,claim,stance,comments,share,likes,like_share,skipped_records\r\nt,isis,support,1,1,0,,0\r\n');
  const r = await run(['analyze', small, '--out', path.join(dir, 'comments.csv'), '-q']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(fs.readFileSync(path.join(dir, 'summary.csv'), 'utf8'), /^\uFEFFthread,claim,stance,comments,share,likes,like_share,flagged,skipped_records\r\n/);
});

test('exit 1: an existing file threadstance did not write is not replaced without --force', async () => {
  for (const [name, option] of [['comments.csv', '--out'], ['summary.csv', '--summary'], ['report.html', '--report']] as const) {
    const dir = t(`foreign-${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, name), 'my own notes\n');
    const argv = ['analyze', small, '--out', path.join(dir, 'comments.csv'), '--report', path.join(dir, 'report.html'), '-q'];
    const r = await run(argv);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, `threadstance: OUTPUT_EXISTS ${path.join(dir, name)}: already exists and was not written by threadstance (it does not start like a threadstance ${name === 'report.html' ? 'report' : `${name.replace('.csv', '')} CSV`}); choose another ${option}, or pass --force to replace it\n`);
    assert.deepEqual(fs.readdirSync(dir), [name], 'nothing written');
    assert.equal((await run([...argv, '--force'])).status, 0);
    assert.notEqual(fs.readFileSync(path.join(dir, name), 'utf8'), 'my own notes\n');
  }
});

test('exit 1: a review CSV in which a person filled review cells is not replaced; --merge-review carries them, --force replaces', async () => {
  const out = t('reviewed', 'comments.csv');
  assert.equal((await run(['analyze', small, '--out', out, '-q'])).status, 0);
  const rows = readCsv(out);
  rows[1]!.review_isis = 'oppose';
  // Saved as a spreadsheet saves it: no byte-order mark, every cell quoted.
  fs.writeFileSync(out, stringify(rows, { header: true, quoted: true, record_delimiter: 'windows' }));
  const reviewed = fs.readFileSync(out);
  const r = await run(['analyze', small, '--out', out, '-q']);
  assert.equal(r.status, 1);
  assert.ok(r.stderr.includes('OUTPUT_EXISTS') && r.stderr.includes('holds 1 filled review cell (first: row 3, review_isis)'), r.stderr);
  assert.ok(r.stderr.includes(`--merge-review ${out} --out NEW.csv`), r.stderr);
  assert.deepEqual(fs.readFileSync(out), reviewed);
  assert.equal((await run(['analyze', small, '--merge-review', out, '--out', t('reviewed', 'v2.csv'), '-q'])).status, 0);
  assert.equal(readCsv(t('reviewed', 'v2.csv'))[1]!.review_isis, 'oppose');
  assert.equal((await run(['analyze', small, '--out', out, '--force', '-q'])).status, 0);
  assert.equal(readCsv(out)[1]!.review_isis, '');
});

test('exit 1: an output path that is a directory', async () => {
  fs.mkdirSync(t('dir-out', 'comments.csv'), { recursive: true });
  const r = await run(['analyze', small, '--out', t('dir-out', 'comments.csv')]);
  assert.equal(r.status, 1);
  assert.ok(r.stderr.startsWith(`threadstance: OUTPUT_IS_DIRECTORY ${t('dir-out', 'comments.csv')}: is a directory`), r.stderr);
});

test('an existing review CSV is checked as a stream: a 40 MB one with a filled cell in its last row, in a 48 MB heap', async () => {
  const out = t('big-review', 'comments.csv');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  assert.equal((await run(['analyze', small, '--out', out, '-q'])).status, 0);
  const [header, row] = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  const names = parse(header!)[0] as string[];
  const last = parse(row!)[0] as string[];
  last[names.indexOf('review_fsb')] = 'support';
  const fd = fs.openSync(out, 'w');
  fs.writeSync(fd, `${header}\r\n`);
  const block = `${row}\r\n`.repeat(1000);
  let rows = 0;
  while (rows < 40_000_000 / block.length * 1000) {
    fs.writeSync(fd, block);
    rows += 1000;
  }
  fs.writeSync(fd, stringify([last], { record_delimiter: 'windows' }));
  fs.closeSync(fd);
  const script = `import { checkReplaceable } from ${JSON.stringify(path.join(ROOT, 'dist/src/output/replace.js'))};
    try { await checkReplaceable(${JSON.stringify(out)}, 'comments', false); console.log('replaceable'); } catch (err) { console.log(err.message); }`;
  const child = spawn(process.execPath, ['--max-old-space-size=48', '--input-type=module', '-e', script]);
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(status, 0, stdout);
  assert.equal(stdout.trim(), `already exists and holds 1 filled review cell (first: row ${rows + 2}, review_fsb), a person's work that replacing it would lose. Carry them into a new file with --merge-review ${out} --out NEW.csv; choose another --out, or pass --force to replace it`);
});
