/**
 * Streaming and workers: a 200,000-comment JSON Lines file through the CLI comes out whole and in
 * order; workers give the same bytes as one thread; interleaved threads keep their context; text is
 * read across chunk boundaries exactly.
 */
import test, { after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parse } from 'csv-parse';
import { NEEDS_SHARED, ROOT } from './helpers.js';
import { CHUNK, textChunks, textLines } from '../src/input/text-stream.js';
import { bar, Counting } from '../src/run/progress.js';
import { generateCorpus } from '../bench/corpus.js';
import { defaultSources, loadPools } from '../bench/sources.js';
import { writeCorpus } from '../bench/write-corpus.js';
import { jobsFor, WORKERS_FROM } from '../src/run/jobs.js';
import { ThreadstanceError } from '../src/errors.js';
import fc from 'fast-check';
import { params } from './property/config.js';
import { NO_COMMENT_LIMIT, openInput, type InputSource } from '../src/input/source.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-stream-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const bin = path.join(ROOT, 'dist/src/bin.js');

/** Short sentences recombined; every 40 comments a new thread, replies to earlier comments of it. */
const WORDS = ['ISIS claimed the attack.', 'The Kremlin blamed Ukraine.', 'Exactly.', 'Nope.', 'Security failed badly.', 'Who knows?', 'It was an inside job, obviously.', 'Good point.'];
function generate(file: string, n: number, interleave = false): void {
  const fd = fs.openSync(file, 'w');
  let buf = '';
  for (let i = 0; i < n; i++) {
    const thread = interleave ? i % 7 : Math.floor(i / 40);
    const first = interleave ? i < 7 : i % 40 === 0;
    const parent = first ? '' : String(interleave ? i - 7 : i - 1 - ((i * 7) % Math.min(i % 40 || 1, 5)));
    buf += JSON.stringify({ id: String(i), thread: `t${thread}`, parent_id: parent, text: `${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]} #${i}`, likes: i % 9 }) + '\n';
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
}

function cli(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [bin, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    proc.stderr.setEncoding('utf8').on('data', (d: string) => void (stderr += d));
    proc.on('close', (status) => resolve({ status, stderr }));
  });
}

test('200,000 comments streamed from JSON Lines: every comment once, in input order', { timeout: 600000 }, async () => {
  const input = path.join(tmp, 'big.jsonl');
  const out = path.join(tmp, 'big.csv');
  const n = 200000;
  generate(input, n);
  const r = await cli(['analyze', input, '--out', out, '--csv-dialect', 'rfc4180', '-q']);
  assert.equal(r.status, 0, r.stderr);
  let expected = 0;
  const parser = fs.createReadStream(out).pipe(parse({ columns: true }));
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    assert.equal(row.id, String(expected), `row ${expected + 2} holds comment ${row.id}`);
    assert.ok(row.text!.endsWith(` #${expected}`), `row ${expected + 2}: text of another comment`);
    assert.equal(row.thread, `t${Math.floor(expected / 40)}`);
    expected++;
  }
  assert.equal(expected, n);
});

test('two workers write the same bytes as one; interleaved threads keep input order and their own context', { timeout: 120000 }, async () => {
  const input = path.join(tmp, 'mixed.jsonl');
  generate(input, 3000, true);
  const outs: string[] = [];
  for (const jobs of ['1', '2']) {
    const out = path.join(tmp, `mixed-${jobs}.csv`);
    const r = await cli(['analyze', input, '--out', out, '--summary', path.join(tmp, `mixed-${jobs}-summary.csv`), '--jobs', jobs, '-q']);
    assert.equal(r.status, 0, r.stderr);
    outs.push(fs.readFileSync(out, 'utf8'));
  }
  assert.equal(outs[1], outs[0]);
  // With --report every row is kept (and written thread by thread): the workers send their judgements
  // and the main thread builds the rows.
  const kept = await Promise.all(
    ['1', '2'].map(async (jobs) => {
      const out = path.join(tmp, `mixed-kept-${jobs}.csv`);
      const r = await cli(['analyze', input, '--out', out, '--summary', path.join(tmp, `mixed-kept-${jobs}-summary.csv`), '--report', path.join(tmp, `mixed-${jobs}.html`), '--jobs', jobs, '-q']);
      assert.equal(r.status, 0, r.stderr);
      return fs.readFileSync(out, 'utf8');
    }),
  );
  assert.equal(kept[1], kept[0]);
  assert.equal(kept[0]!.split('\r\n').sort().join('\n'), outs[0]!.split('\r\n').sort().join('\n'));
  const lines = outs[0]!.split('\r\n');
  // Rows in input order: comment i of thread t(i mod 7), numbered within its thread.
  assert.match(lines[1]!, /^t0,0,0,,/);
  assert.match(lines[2]!, /^t1,0,1,,/);
  assert.match(lines[8]!, /^t0,1,7,0,/);
  // "Exactly." (comment 2, thread t2) replies to nothing; comment 9 of t2 agrees with comment 2 of t2.
  const summaries = ['1', '2'].map((j) => fs.readFileSync(path.join(tmp, `mixed-${j}-summary.csv`), 'utf8'));
  assert.equal(summaries[1], summaries[0]);
  assert.match(summaries[0]!, /\r\n\(all\),isis,support,/);
});

test('--jobs takes a whole number; the default uses workers only for large inputs', async () => {
  const r = await cli(['analyze', 'seeds/003_9fc60ebbaf8355f7.txt', '--out', path.join(tmp, 'x.csv'), '--jobs', '0']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--jobs <n>' argument '0' is invalid\. expected a whole number from 1 to 256/);
  assert.equal(jobsFor(3, 10), 3);
  assert.equal(jobsFor(undefined, WORKERS_FROM - 1), 1);
  assert.equal(jobsFor(undefined, WORKERS_FROM), Math.max(1, os.availableParallelism()));
});

test('THREADSTANCE_STATS gets the run figures', async () => {
  const stats = path.join(tmp, 'stats.json');
  const r = await cli(['analyze', 'seeds/003_9fc60ebbaf8355f7.txt', '--out', path.join(tmp, 's.csv'), '-q'], { THREADSTANCE_STATS: stats });
  assert.equal(r.status, 0, r.stderr);
  const s = JSON.parse(fs.readFileSync(stats, 'utf8')) as Record<string, number>;
  assert.deepEqual(Object.keys(s), ['comments', 'jobs', 'startupMs', 'analyzeMs', 'totalMs', 'commandMs', 'maxRssBytes']);
  assert.equal(s.comments, 20);
  assert.equal(s.jobs, 1);
  assert.ok(s.maxRssBytes! > 10e6);
});

test('the progress bar: share, counts, rate and time left', () => {
  assert.equal(bar(45000, 100000, 4.5), '[=============>                ]  45% 45,000/100,000 comments  10,000/s  ETA 6s');
  assert.equal(bar(0, 100000, 0), '[                              ]   0% 0/100,000 comments  0/s  ETA 0s');
  assert.equal(bar(1000, 1000000, 1), '[                              ]   0% 1,000/1,000,000 comments  1,000/s  ETA 16m39s');
});

test('the passes before the bar show their count on a terminal after a second, at most every 200 ms, and clears it', () => {
  const written: string[] = [];
  let clock = 0;
  const io = { stdout: () => undefined, stderr: (s: string) => void written.push(s), isTTY: true };
  const counting = new Counting(io, 'counting dump.jsonl', 'comments', true, () => clock);
  const tick = (n: number): void => {
    for (let i = 0; i < n; i++) counting.tick();
  };
  tick(2048);
  clock = 999;
  tick(1024);
  assert.deepEqual(written, [], 'nothing in the first second');
  clock = 1000;
  tick(1024);
  clock = 1100;
  tick(1024);
  clock = 1200;
  tick(1024);
  counting.done();
  counting.done();
  assert.deepEqual(written, ['\rcounting dump.jsonl: 4,096 comments', '\rcounting dump.jsonl: 6,144 comments', '\r\x1b[K']);
  const off = new Counting(io, 'counting dump.jsonl', 'comments', false, () => (clock += 1000));
  for (let i = 0; i < 5000; i++) off.tick();
  off.done();
  assert.equal(written.length, 3, 'nothing when not on a terminal or with --quiet');
});

test('lines are read across chunk boundaries, CRLF split between chunks included', async () => {
  const file = path.join(tmp, 'lines.txt');
  // Put a CR as the last byte of the sixteenth chunk and its LF as the first of the next.
  const first = 'a'.repeat(16 * CHUNK - 1) + '\r';
  fs.writeFileSync(file, '\uFEFF' + first.slice(3) + '\nsecond\r\n\r\nthird é\nlast');
  const lines: string[] = [];
  for await (const l of textLines(textChunks(file, 'auto'))) lines.push(`${l.line}:${l.text.length > 20 ? `${l.text.length} chars` : l.text}`);
  assert.deepEqual(lines, [`1:${16 * CHUNK - 4} chars`, '2:second', '3:', '4:third é', '5:last']);
});

test('a bad UTF-8 byte past the first chunk is reported at its offset in the file', async () => {
  const file = path.join(tmp, 'bad.jsonl');
  const good = Buffer.from('{"text":"' + 'é'.repeat(600000) + '"}\n');
  fs.writeFileSync(file, Buffer.concat([good, Buffer.from([0x7b, 0xc3, 0x28, 0x7d])]));
  await assert.rejects(
    async () => {
      for await (const _ of textChunks(file, 'auto'));
    },
    (err: unknown) => err instanceof ThreadstanceError && err.code === 'INPUT_ENCODING' && err.message.includes(`first bad byte at offset ${good.length + 1}`),
  );
});

test('two workers, which render their own rows, write the same bytes as one on realistic comments', { timeout: 300000, skip: NEEDS_SHARED }, async () => {
  const input = path.join(tmp, 'realistic.jsonl');
  writeCorpus(input, generateCorpus({ seed: 7, count: 6000, pools: loadPools(defaultSources(ROOT)) }));
  const outs: string[] = [];
  for (const jobs of ['1', '2']) {
    const out = path.join(tmp, `realistic-${jobs}.csv`);
    const r = await cli(['analyze', input, '--out', out, '--jobs', jobs, '-q']);
    assert.equal(r.status, 0, r.stderr);
    outs.push(fs.readFileSync(out, 'utf8'));
  }
  assert.equal(outs[0]!.split('\r\n').length, 6002);
  assert.ok(outs[1] === outs[0], 'the rows of two workers differ from those of one');
});

test('a streamed input whose first 100,000 records are no comments is given up there; one comment before the limit reads on', async () => {
  const lines = (n: number): string => Array.from({ length: n }, (_, i) => JSON.stringify({ id: `c${i}`, body: 'a field named otherwise' })).join('\n') + '\n';
  const none = path.join(tmp, 'no-text.jsonl');
  fs.writeFileSync(none, lines(NO_COMMENT_LIMIT + 5000));
  const read = (file: string): Promise<InputSource> => openInput(file, { format: 'auto', encoding: 'auto', title: '', readText: () => assert.fail('read whole') });
  await assert.rejects(read(none), (err: unknown) => {
    assert.ok(err instanceof ThreadstanceError);
    assert.equal(err.code, 'INPUT_NO_COMMENTS');
    assert.match(err.message, /; stopped reading at line 100000: 100,000 records could not be read, the first on line 1: no "text" field \(found "id", "body"\)$/);
    return true;
  });
  const late = path.join(tmp, 'late-text.jsonl');
  fs.writeFileSync(late, lines(NO_COMMENT_LIMIT - 1) + JSON.stringify({ id: 'x', text: 'At last a comment.' }) + '\n' + lines(10));
  const source = await read(late);
  assert.deepEqual([source.comments, source.skipped.length, source.skipped.at(-1)!.line], [1, NO_COMMENT_LIMIT + 9, NO_COMMENT_LIMIT + 10]);
});

test('property: lines from chunks cut anywhere are the lines of the whole text, split at /\\r?\\n/', async () => {
  const piece = fc.oneof(fc.constantFrom('\n', '\r', '\r\n', '\n\n', 'é', '{"a":1}'), fc.string({ maxLength: 12 }));
  await fc.assert(
    fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat({ max: 30 }), { maxLength: 12 }), async (pieces, cuts) => {
      const text = pieces.join('');
      const chunks: string[] = [];
      let at = 0;
      for (const cut of cuts) {
        chunks.push(text.slice(at, at + cut));
        at += cut;
      }
      chunks.push(text.slice(at));
      async function* gen(): AsyncGenerator<string> {
        yield* chunks;
      }
      const lines: string[] = [];
      for await (const l of textLines(gen())) lines.push(`${l.line}:${l.text}`);
      assert.deepEqual(lines, text.split(/\r?\n/).map((t, i) => `${i + 1}:${t}`));
    }),
    params(),
  );
});
