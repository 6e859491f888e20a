/**
 * gzip-compressed inputs are read as their text: a streamed dump and a whole document give the same
 * outputs as uncompressed, and a damaged or cut-short file fails with INPUT_GZIP before anything is written.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers.js';
import { headBytes, textChunks, textLines } from '../src/input/text-stream.js';
import { fileThreadId } from '../src/input/thread.js';
import { expandInputs } from '../src/commands/io.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-gzip-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const BIN = path.join(ROOT, 'dist/src/bin.js');

function analyze(input: string, out: string, ...more: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'analyze', input, '--out', path.join(out, 'comments.csv'), '--summary', path.join(out, 'summary.csv'), '--jobs', '1', ...more], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

/** 3,000 comments in 30 threads, one line cut short (a skipped record). */
function dump(): string {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) lines.push(JSON.stringify({ thread: `t${i % 30}`, id: `c${i}`, parent_id: i >= 30 ? `c${i - 30}` : '', likes: i % 7, text: `Comment ${i}: ${['ISIS-K claimed it.', 'The Kremlin blamed Ukraine.', 'An inside job?', 'Security failed.'][i % 4]}` }));
  lines[1500] = '{"thread": "t0", "id": "cut';
  return lines.join('\n') + '\n';
}

test('a gzip-compressed JSON Lines dump is streamed: the same outputs, skipped records and messages as uncompressed', () => {
  fs.mkdirSync(path.join(tmp, 'plain'));
  fs.mkdirSync(path.join(tmp, 'gz'));
  fs.writeFileSync(path.join(tmp, 'plain', 'dump.jsonl'), dump());
  fs.writeFileSync(path.join(tmp, 'gz', 'dump.jsonl.gz'), zlib.gzipSync(dump()));
  const plain = analyze(path.join(tmp, 'plain', 'dump.jsonl'), path.join(tmp, 'plain-out'), '-q');
  const gz = analyze(path.join(tmp, 'gz', 'dump.jsonl.gz'), path.join(tmp, 'gz-out'), '-q');
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal(gz.status, 0, gz.stderr);
  assert.equal(gz.stderr, plain.stderr.replaceAll(path.join(tmp, 'plain', 'dump.jsonl'), path.join(tmp, 'gz', 'dump.jsonl.gz')).replaceAll('plain-out', 'gz-out'));
  assert.match(gz.stderr, /skipped .*dump\.jsonl\.gz:1501: /);
  for (const name of ['comments.csv', 'summary.csv']) {
    assert.equal(fs.readFileSync(path.join(tmp, 'gz-out', name), 'utf8'), fs.readFileSync(path.join(tmp, 'plain-out', name), 'utf8'), name);
  }
  const rows = fs.readFileSync(path.join(tmp, 'gz-out', 'comments.csv'), 'utf8').trim().split('\r\n');
  assert.equal(rows.length, 1 + 2999);
});

test('a gzip-compressed document read whole (the pasted seed thread) gives the same review CSV; its thread is named without .gz', () => {
  const seed = path.join(ROOT, 'seeds/003_9fc60ebbaf8355f7.txt');
  const gz = path.join(tmp, '003_9fc60ebbaf8355f7.txt.gz');
  fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(seed)));
  assert.equal(analyze(seed, path.join(tmp, 'seed-plain'), '-q').status, 0);
  assert.equal(analyze(gz, path.join(tmp, 'seed-gz'), '-q').status, 0);
  assert.equal(fs.readFileSync(path.join(tmp, 'seed-gz', 'comments.csv'), 'utf8'), fs.readFileSync(path.join(tmp, 'seed-plain', 'comments.csv'), 'utf8'));
  assert.equal(fileThreadId('/data/RC_crocus.jsonl.gz'), 'RC_crocus');
  assert.equal(fileThreadId('thread.GZ'), 'thread');
});

test('a gzip file cut short or damaged fails with INPUT_GZIP naming it, and nothing is written', () => {
  const whole = zlib.gzipSync(dump());
  const cut = path.join(tmp, 'cut.jsonl.gz');
  fs.writeFileSync(cut, whole.subarray(0, whole.length >> 1));
  const r = analyze(cut, path.join(tmp, 'cut-out'));
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `threadstance: INPUT_GZIP ${cut}: starts as gzip-compressed data but cannot be decompressed (unexpected end of file): the file is damaged or cut short (\`gzip -t\` tests it); expected a whole gzip file\n`);
  assert.equal(fs.existsSync(path.join(tmp, 'cut-out')), false);
  const bad = path.join(tmp, 'bad.json.gz');
  fs.writeFileSync(bad, Buffer.concat([whole.subarray(0, 10), Buffer.from('not deflate data at all')]));
  const b = analyze(bad, path.join(tmp, 'bad-out'));
  assert.equal(b.status, 1);
  assert.match(b.stderr, /^threadstance: INPUT_GZIP .*bad\.json\.gz: starts as gzip-compressed data but cannot be decompressed \(/);
});

test('gzip: the head for sniffing is decompressed text, and lines come across decompressed chunks', async () => {
  const text = dump();
  const file = path.join(tmp, 'lines.jsonl.gz');
  fs.writeFileSync(file, zlib.gzipSync(text));
  assert.equal(headBytes(file, 4096).toString('utf8'), text.slice(0, 4096));
  const lines: string[] = [];
  for await (const l of textLines(textChunks(file, 'auto'))) lines.push(l.text);
  assert.deepEqual(lines, text.split('\n'));
});

test('a directory\'s .jsonl.gz and .csv.gz files are inputs, a .tar.gz is left out', () => {
  const dir = path.join(tmp, 'dir');
  fs.mkdirSync(dir);
  for (const name of ['a.jsonl.gz', 'b.csv.gz', 'c.tar.gz', 'd.json']) fs.writeFileSync(path.join(dir, name), '');
  let said = '';
  const inputs = expandInputs([dir], { stderr: (t) => void (said += t) }, false);
  assert.deepEqual(inputs.map((i) => path.basename(i.file)), ['a.jsonl.gz', 'b.csv.gz', 'd.json']);
  assert.match(said, /, or one of these with \.gz\): c\.tar\.gz\n$/);
});
