/**
 * With worker threads the main thread only reads, checks and writes: it never loads wink's model
 * (about 60 MB and 0.3 s), yet a bad claim file is still refused before any input is read. This file
 * runs in a process of its own, so the module cache shows what the main thread loaded.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { SEED_THREAD, runCli as run, winkModules } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-worker-main-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('with --jobs 2 the main thread refuses a bad claim file and writes the rows without loading wink', async () => {
  const claims = path.join(tmp, 'bad.yaml');
  fs.writeFileSync(claims, 'topic: t\nclaims:\n  - id: x\n    statement: X did it\n    actors: ["the [unit]"]\n');
  const bad = await run(['analyze', SEED_THREAD, '--claims', claims, '--out', path.join(tmp, 'bad.csv'), '--jobs', '2', '--quiet']);
  assert.equal(bad.status, 1, bad.stderr);
  assert.match(bad.stderr, /CLAIMS_BAD_ALIAS/);
  assert.match(bad.stderr, /alias "the \[unit\]" contains \[ \] or \|/);
  assert.equal(fs.existsSync(path.join(tmp, 'bad.csv')), false);

  const out = path.join(tmp, 'comments.csv');
  const ok = await run(['analyze', SEED_THREAD, '--out', out, '--jobs', '2', '--quiet']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(winkModules(), []);
  const rows = parse(fs.readFileSync(out, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  assert.equal(rows.length, 20);
  assert.equal(rows.filter((r) => r.isis_stance === 'support').length, 5);

  // The same rows as the analysis in this thread, which does load wink (so the check above can fail).
  const here = path.join(tmp, 'here.csv');
  assert.equal((await run(['analyze', SEED_THREAD, '--out', here, '--jobs', '1', '--quiet'])).status, 0);
  assert.equal(fs.readFileSync(out, 'utf8'), fs.readFileSync(here, 'utf8'));
  assert.ok(winkModules().length > 0);
});
