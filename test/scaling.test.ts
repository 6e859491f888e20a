/**
 * Time proportional to size (issue 7, point 4): reading reply chains and wide threads, and analyzing
 * one long comment, take about four times as long on four times the input. A quadratic step (a
 * parent looked up by scanning, a path copied per level, a regex retried at every position) would
 * take sixteen times as long; the test allows up to eight.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readThreads } from '../src/input/index.js';
import { analyzeThread } from '../src/analysis/analyze.js';
import { defaultClaims } from './helpers.js';
import { generate } from './hostile/generate.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-scaling-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The faster of two timed runs of `work` on the input made by `spec`, in milliseconds. */
function time(spec: { kind: string } & Record<string, number | string>, work: (text: string, file: string) => void): number {
  const dir = fs.mkdtempSync(path.join(tmp, 'x'));
  const file = generate(spec, dir);
  const text = fs.readFileSync(file, 'utf8');
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    work(text, file);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const read = (text: string, file: string): void => void readThreads(text, file);
const analyze = (text: string, file: string): void => {
  for (const thread of readThreads(text, file)) analyzeThread(thread, defaultClaims());
};

const cases: { name: string; kind: string; size: string; small: number; work: (text: string, file: string) => void }[] = [
  { name: 'reading a Reddit reply chain', kind: 'reddit-chain', size: 'depth', small: 2000, work: read },
  { name: 'reading a Hacker News reply chain', kind: 'hn-chain', size: 'depth', small: 2000, work: read },
  { name: 'reading replies to one post', kind: 'reddit-fan', size: 'replies', small: 10000, work: read },
  { name: 'analyzing one long comment', kind: 'big-comment', size: 'bytes', small: 100000, work: analyze },
];

for (const c of cases) {
  test(`scaling: ${c.name} takes linear time`, { timeout: 120000 }, () => {
    time({ kind: c.kind, [c.size]: c.small / 4 }, c.work); // warm up the JIT
    const small = time({ kind: c.kind, [c.size]: c.small }, c.work);
    const large = time({ kind: c.kind, [c.size]: c.small * 4 }, c.work);
    assert.ok(large / small < 8, `${c.size} ${c.small} took ${small.toFixed(0)} ms, ${c.small * 4} took ${large.toFixed(0)} ms: ${(large / small).toFixed(1)}×`);
  });
}
