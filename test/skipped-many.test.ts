/**
 * A dump in which many records cannot be read: every one is still listed, and what is kept of them
 * (200 characters and the reason) is all that stays in memory, not the lines they came from.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT } from './helpers.js';
import { SKIPPED_ON_STDERR } from '../src/output/skipped.js';

const BIN = path.join(ROOT, 'dist/src/bin.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-skipped-many-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes `lines` (a function of the line's index) to a file a megabyte at a time. */
function writeLines(file: string, count: number, lines: (i: number) => string): void {
  const fd = fs.openSync(file, 'w');
  let buffer = '';
  for (let i = 0; i < count; i++) {
    buffer += lines(i) + '\n';
    if (buffer.length >= 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
}

test('150,000 skipped records (more than a call takes arguments) are all listed, in order, beside the comments', () => {
  const input = path.join(tmp, 'many.jsonl');
  // Lines 1 and 150,002 are comments; the 150,000 between are cut short.
  writeLines(input, 150_002, (i) => (i === 0 || i === 150_001 ? JSON.stringify({ id: `c${i}`, text: 'ISIS claimed the attack.' }) : `{"id": "b${i}", "text": "cut`));
  const out = path.join(tmp, 'many', 'comments.csv');
  const r = spawnSync(process.execPath, [BIN, 'analyze', input, '--out', out, '--jobs', '1', '--quiet'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr.slice(-2000));
  // The first 100 on stderr, then a count; all of them in skipped.csv.
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, SKIPPED_ON_STDERR + 1);
  assert.equal(lines[0], `threadstance: skipped ${input}:2: invalid JSON: the line ends inside the object opened at column 1 (at text); it looks cut short (column 26)`);
  assert.ok(lines[SKIPPED_ON_STDERR - 1]!.startsWith(`threadstance: skipped ${input}:101: `));
  assert.equal(lines[SKIPPED_ON_STDERR], `threadstance: skipped 149,900 more records, not shown here; all 150,000 are listed in ${path.join(tmp, 'many', 'skipped.csv')}`);
  const rows = parse(fs.readFileSync(out), { columns: true, bom: true }) as Record<string, string>[];
  assert.deepEqual(rows.map((r) => r.id), ['c0', 'c150001']);
  const skipped = parse(fs.readFileSync(path.join(tmp, 'many', 'skipped.csv')), { columns: true, bom: true }) as Record<string, string>[];
  assert.equal(skipped.length, 150_000);
  assert.ok(skipped.every((s, k) => s.line === String(k + 2)), 'every line from 2 to 150,001, in order');
  assert.deepEqual(skipped[0], { file: input, line: '2', reason: 'invalid JSON: the line ends inside the object opened at column 1 (at text); it looks cut short (column 26)', record: '{"id": "b1", "text": "cut' });
  const summary = parse(fs.readFileSync(path.join(tmp, 'many', 'summary.csv')), { columns: true, bom: true }) as Record<string, string>[];
  assert.ok(summary.every((s) => s.skipped_records === '150000'), 'the summary counts them');
});

test('the records kept of long broken lines do not keep the lines: 60 MB of them are surveyed in a 32 MB heap', () => {
  const input = path.join(tmp, 'long.jsonl');
  const long = 'broken line '.repeat(850); // 10,200 characters
  writeLines(input, 6001, (i) => (i === 0 ? JSON.stringify({ id: 'ok', text: 'ISIS did it' }) : `{"id": "x${i}", "text": "${long}`));
  // --strict stops after the first reading, which learns every skipped record (before wink is loaded).
  const r = spawnSync(process.execPath, ['--max-old-space-size=32', BIN, 'analyze', input, '--out', path.join(tmp, 'long', 'comments.csv'), '--strict', '--quiet'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 1, r.stderr.slice(-2000));
  assert.ok(r.stderr.endsWith('threadstance: 6000 record(s) could not be read, 0 file(s) left out; nothing written (--strict)\n'), r.stderr.slice(-500));
  assert.equal(r.stderr.split('\n').filter((l) => l.startsWith(`threadstance: skipped ${input}:`)).length, 6000);
});
