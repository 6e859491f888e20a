/**
 * A skipped.csv beside --out that threadstance may not replace stops the run before any work, like
 * every other output: the records a run skips are all known from the first reading of its inputs.
 * This file runs in a process of its own, so the module cache shows whether the analysis began
 * (it loads wink's model).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli as run, winkModules } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-skipped-first-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('a skipped.csv that is not threadstance\'s stops the run before the analysis, with one worker or two', async () => {
  const input = path.join(tmp, 'dump.jsonl');
  fs.writeFileSync(input, ['{"id": "a", "text": "ISIS claimed the attack."}', '{"id": "b", "text": "unclosed', '{"id": "c", "text": "The FSB knew."}'].join('\n') + '\n');
  const out = path.join(tmp, 'comments.csv');
  const mine = path.join(tmp, 'skipped.csv');
  fs.writeFileSync(mine, 'my list of things to skip\n');
  for (const jobs of ['1', '2']) {
    const r = await run(['analyze', input, '--out', out, '--jobs', jobs, '-q']);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(r.stderr.includes(`OUTPUT_EXISTS ${mine}: already exists and was not written by threadstance`), r.stderr);
    assert.deepEqual(winkModules(), [], `--jobs ${jobs}: the analysis began`);
  }
  assert.equal(fs.readFileSync(mine, 'utf8'), 'my list of things to skip\n');
  assert.deepEqual(fs.readdirSync(tmp).sort(), ['dump.jsonl', 'skipped.csv']);

  // With --force the same run writes it (and, analyzing, loads wink: the check above can fail).
  assert.equal((await run(['analyze', input, '--out', out, '--jobs', '1', '-q', '--force'])).status, 0);
  const written = fs.readFileSync(mine, 'utf8').split('\r\n');
  assert.equal(written[0], '\uFEFFfile,line,reason,record');
  assert.ok(written[1]!.startsWith(`${input},2,invalid JSON: the line ends inside the object`), written[1]);
  assert.ok(winkModules().length > 0);
});
