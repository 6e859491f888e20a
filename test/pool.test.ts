/**
 * A worker thread that fails or stops before the run is over fails the run with a message that says
 * so; the run never waits for answers that cannot come. Stand-in workers (written to a temporary
 * directory) stop the way a real one could.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzePooled } from '../src/run/pool.js';
import type { SourceItem, ThreadInfo } from '../src/input/source.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-pool-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function workerScript(name: string, body: string): URL {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, body);
  return pathToFileURL(file);
}

async function* items(n: number): AsyncGenerator<SourceItem> {
  const thread: ThreadInfo = { id: 't', title: '', file: 'in.jsonl', format: 'jsonl', flat: false, skipped: [], size: n };
  for (let index = 0; index < n; index++) {
    yield { thread, comment: { index, id: `c${index}`, parentId: '', author: 'a', likes: null, createdAt: '', text: 'x', body: 'x', media: [], quoted: [], extra: {}, line: index + 1 } };
  }
}

async function drain(script: URL, n: number): Promise<number> {
  let seen = 0;
  for await (const _ of analyzePooled(items(n), 2, { claims: undefined, claim: undefined }, script)) seen++;
  return seen;
}

// Both stand-ins stop every worker of the pool, so that no live worker keeps this process running
// if the pool waited for them.
test('workers that exit quietly, without an error, fail the run instead of leaving it waiting', { timeout: 20_000 }, async () => {
  await assert.rejects(drain(workerScript('exits.mjs', 'process.exit(0);\n'), 3), {
    message: /^worker [12] of 2 stopped \(exit code 0\) before the run was over; 3 comments were still waiting for their results$/,
  });
});

test("a worker's uncaught error is the run's error", { timeout: 20_000 }, async () => {
  await assert.rejects(drain(workerScript('throws.mjs', "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('rule failed'); });\n"), 3), { message: 'rule failed' });
});
