import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { NEEDS_SHARED, SHARED, runCli as run, type CliRun } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fx = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/cli/${name}`, import.meta.url));
const seed = path.join(root, 'seeds/003_9fc60ebbaf8355f7.txt');
const gold = path.join(SHARED, 'eval/seed-thread.gold.csv');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-cli-'));
const t = (...parts: string[]): string => path.join(tmp, ...parts);
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
// Inside tmp, so that it goes with it (a directory of its own in the system's temp was left behind by every run).
const emptyDir = t('empty');
fs.mkdirSync(emptyDir);
fs.writeFileSync(path.join(emptyDir, 'notes.docx'), 'not an input');

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
}

// Inputs made at run time: invalid UTF-8 (0xFF, never valid, at byte 13) and a copy of a fixture to be used as --out.
const badUtf8 = t('bad-utf8.csv');
fs.writeFileSync(badUtf8, Buffer.concat([Buffer.from('id,text\n1,caf'), Buffer.from([0xff]), Buffer.from(' au lait\n')]));
const sameIn = t('same.csv');
fs.copyFileSync(fx('generic.csv'), sameIn);
const sameBytes = fs.readFileSync(sameIn);
const hostile = (name: string): string => path.join(root, 'test/hostile/inputs', name);
// A file of the user's where the output would go: threadstance did not write it, so it is not replaced.
const foreign = t('foreign', 'comments.csv');
fs.mkdirSync(path.dirname(foreign), { recursive: true });
fs.writeFileSync(foreign, 'my notes\n');

interface Row {
  name: string;
  argv: string[];
  status: 0 | 1 | 2;
  stdout?: string[];
  stderr?: string[];
  /** File the error message must name (status 1 rows). */
  names?: string;
  check?: (r: CliRun) => void;
  /** Why the row cannot run here (see NEEDS_SHARED), or false. */
  skip?: string | false;
}

const CLAIM_IDS = ['isis', 'ukraine', 'west', 'fsb', 'security_failure'];
const bad = (name: string, argv: string[], code: string, file: string, more: string[] = []): Row => ({
  name, argv, status: 1, stderr: [`threadstance: ${code} ${file}`, ...more], names: file,
});

const rows: Row[] = [
  // 0: success
  { name: '--help', argv: ['--help'], status: 0, stdout: ['Usage: threadstance [options] [command]', 'analyze [options] <input...>', 'claims [options]', 'evaluate [options] <predicted> [gold]'] },
  { name: 'analyze --help', argv: ['analyze', '--help'], status: 0, stdout: ['Usage: threadstance analyze [options] <input...>', '--claims <file>', '--out <file>', '--summary <file>', '--format <name>', '--title <text>', '--strict', '--quiet', 'choices: "auto", "discourse", "reddit",'] },
  { name: 'claims --help', argv: ['claims', '--help'], status: 0, stdout: ['Usage: threadstance claims [options]', '-c, --claims <file>'] },
  { name: 'evaluate --help', argv: ['evaluate', '--help'], status: 0, stdout: ['Usage: threadstance evaluate [options] <predicted> [gold]', '--errors'] },
  { name: '--version', argv: ['--version'], status: 0, stdout: ['0.1.0\n'] },
  {
    name: 'claims lists the default claims and their seed files', argv: ['claims'], status: 0,
    stdout: [
      'Claims from ', 'crocus.yaml — Attack on Crocus City Hall', ...CLAIM_IDS.map((id) => `\n${id}: `),
      'makes it: seeds/001_a5b8ceef3d8d7a3e.txt', 'makes it: seeds/002_33599a4590a38672.txt', 'makes it: seeds/004_f364e3f7d4b45b52.txt',
      'rejects it: seeds/000_4b7ab1ae6bf1a380.txt', 'makes it: seeds/000_4b7ab1ae6bf1a380.txt',
    ],
  },
  {
    name: 'analyze the pasted seed thread', argv: ['analyze', seed, '--out', t('seed', 'comments.csv')], status: 0,
    stderr: [`threadstance: wrote ${t('seed', 'comments.csv')} (20 comments from 1 thread, `, `and ${t('seed', 'summary.csv')}\n`],
    check: () => {
      const data = readCsv(t('seed', 'comments.csv'));
      assert.equal(data.length, 20);
      assert.deepEqual(data.map((r) => r.index), Array.from({ length: 20 }, (_, i) => String(i)));
      assert.ok(data.every((r) => r.thread === '003_9fc60ebbaf8355f7'));
      assert.equal(data[0]!.likes, '6');
      for (const id of CLAIM_IDS) assert.ok(`${id}_stance` in data[0]!, `column ${id}_stance`);
      const summary = readCsv(t('seed', 'summary.csv'));
      assert.equal(summary.length, 20); // 5 claims × 4 stances
      assert.deepEqual(Object.keys(summary[0]!), ['thread', 'claim', 'stance', 'comments', 'share', 'likes', 'like_share', 'flagged', 'skipped_records']);
      // flagged counts the comments of the stance whose review reason names the claim.
      for (const s of summary) {
        const named = data.filter((r) => r[`${s.claim}_stance`] === s.stance && r.review_reason!.split('; ').some((x) => x.startsWith(`${s.claim}: `)));
        assert.equal(s.flagged, String(named.length), `${s.claim} ${s.stance}`);
      }
      assert.ok(summary.some((s) => Number(s.flagged) > 0), 'the seed has flagged judgements');
    },
  },
  {
    name: 'evaluate the seed output against the gold file', argv: ['evaluate', t('seed', 'comments.csv'), gold], status: 0, skip: NEEDS_SHARED,
    stdout: [`Predictions: ${t('seed', 'comments.csv')}`, 'Aligned gold rows: 20 (0 unmatched)', '\npooled ', 'security_failure'],
  },
  {
    name: 'analyze a generic CSV with --title', argv: ['analyze', fx('generic.csv'), '--title', 'Who attacked Crocus City Hall?', '--out', t('csv', 'out.csv'), '--summary', t('csv', 'sum.csv')], status: 0,
    stderr: [`wrote ${t('csv', 'out.csv')} (3 comments from 1 thread`],
    check: () => {
      const data = readCsv(t('csv', 'out.csv'));
      assert.deepEqual(data.map((r) => [r.thread, r.id, r.parent_id, r.author, r.likes]), [
        ['generic', 'c1', '', 'anna', '3'], ['generic', 'c2', 'c1', 'ben', '1'], ['generic', 'c3', 'c1', 'cleo', ''],
      ]);
      assert.equal(data[0]!.isis_stance, 'support');
      assert.equal(readCsv(t('csv', 'sum.csv')).length, 20);
      assert.equal(fs.existsSync(t('csv', 'summary.csv')), false);
    },
  },
  {
    name: 'analyze a JSONL thread', argv: ['analyze', fx('thread.jsonl'), '--out', t('jsonl', 'out.csv'), '--quiet'], status: 0,
    check: (r) => {
      assert.equal(r.stderr, '');
      const data = readCsv(t('jsonl', 'out.csv'));
      assert.deepEqual(data.map((x) => [x.thread, x.id, x.parent_id, x.likes]), [['thread', 'p1', '', '4'], ['thread', 'p2', 'p1', '0']]);
    },
  },
  {
    name: 'JSONL with a malformed line, without --strict: skipped and reported', argv: ['analyze', fx('malformed.jsonl'), '--out', t('lenient', 'out.csv')], status: 0,
    stderr: [`threadstance: skipped ${fx('malformed.jsonl')}:2: invalid JSON`, '(2 comments from 1 thread, 0 flagged for review, 1 skipped)'],
    check: () => assert.deepEqual(readCsv(t('lenient', 'out.csv')).map((x) => x.id), ['p1', 'p3']),
  },
  {
    name: 'a Latin-1 export with --encoding latin1', argv: ['analyze', hostile('latin1.csv'), '--encoding', 'latin1', '--out', t('latin1', 'out.csv'), '-q'], status: 0,
    check: () => assert.equal(readCsv(t('latin1', 'out.csv'))[1]!.text, 'Déjà vu.'),
  },
  // 1: bad input
  bad('missing input file', ['analyze', fx('no-such-file.txt'), '--out', t('x', 'o.csv')], 'INPUT_NOT_FOUND', fx('no-such-file.txt'), ['no such file']),
  bad('a directory with no input files', ['analyze', emptyDir, '--out', t('x', 'o.csv')], 'INPUT_EMPTY_DIRECTORY', emptyDir, ['has no input files']),
  bad('empty file', ['analyze', fx('empty.txt'), '--out', t('x', 'o.csv')], 'INPUT_EMPTY', fx('empty.txt'), ['the file is empty']),
  bad('CSV without a text column', ['analyze', fx('no-text.csv'), '--out', t('x', 'o.csv')], 'INPUT_NO_TEXT_COLUMN', `${fx('no-text.csv')}:1`, ['(found: id, author, body)']),
  {
    ...bad('CSV with an unclosed quote', ['analyze', fx('unclosed.csv'), '--out', t('x', 'o.csv')], 'INPUT_CSV', fx('unclosed.csv'), ['every quote closed']),
    check: (r) => assert.match(r.stderr, /^threadstance: INPUT_CSV \S+unclosed\.csv:2: .*quote.* never closed/),
  },
  bad('invalid UTF-8', ['analyze', badUtf8, '--out', t('x', 'o.csv')], 'INPUT_ENCODING', badUtf8, ['not valid UTF-8 (first bad byte at offset 13)']),
  bad('no known format', ['analyze', fx('unknown.txt'), '--out', t('x', 'o.csv')], 'INPUT_UNKNOWN_FORMAT', fx('unknown.txt'), ['cannot tell the format', 'Name it with --format']),
  bad('bad claims file', ['analyze', fx('generic.csv'), '--claims', fx('bad-claims.yaml'), '--out', t('x', 'o.csv')], 'CLAIMS_UNKNOWN_KEY', fx('bad-claims.yaml'), ['(claim "isis", field "colour"): unknown key "colour"']),
  bad('bad claims file for the claims command', ['claims', '--claims', fx('bad-claims.yaml')], 'CLAIMS_UNKNOWN_KEY', fx('bad-claims.yaml')),
  bad('duplicate ids in a CSV', ['analyze', fx('dup-ids.csv'), '--out', t('x', 'o.csv')], 'INPUT_DUPLICATE_ID', `${fx('dup-ids.csv')}:4 (field "id")`, ['comment id "a1" was already used on line 2']),
  bad('bad likes value', ['analyze', fx('bad-likes.csv'), '--out', t('x', 'o.csv')], 'INPUT_BAD_LIKES', `${fx('bad-likes.csv')}:3 (field "likes")`, ['"likes" is "many"']),
  {
    ...bad('--out equal to the input', ['analyze', sameIn, '--out', sameIn], 'OUTPUT_IS_INPUT', sameIn, ['the output path is also an input', 'choose another --out']),
    check: () => {
      assert.deepEqual(fs.readFileSync(sameIn), sameBytes);
      assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.startsWith('.')), []);
    },
  },
  {
    name: 'JSONL with a malformed line and --strict: nothing written', argv: ['analyze', fx('malformed.jsonl'), '--strict', '--out', t('strict', 'out.csv')], status: 1,
    stderr: [`threadstance: skipped ${fx('malformed.jsonl')}:2: invalid JSON`, 'threadstance: 1 record(s) could not be read, 0 file(s) left out; nothing written (--strict)\n'],
    check: () => assert.equal(fs.existsSync(t('strict')), false),
  },
  bad('binary data', ['analyze', hostile('screenshot.png'), '--out', t('x', 'o.csv')], 'INPUT_BINARY', hostile('screenshot.png'), ['is a PNG image, not text']),
  bad('a JSON document of the wrong shape', ['analyze', hostile('reddit-comments.json'), '--format', 'lemmy', '--out', t('x', 'o.csv')], 'INPUT_SHAPE', `${hostile('reddit-comments.json')}:1`, ['expected a Lemmy response', 'found an array of 2']),
  {
    ...bad('an existing output threadstance did not write', ['analyze', fx('generic.csv'), '--out', foreign], 'OUTPUT_EXISTS', foreign, ['was not written by threadstance', 'pass --force to replace it']),
    check: () => assert.equal(fs.readFileSync(foreign, 'utf8'), 'my notes\n'),
  },
  // 2: usage
  { name: 'unknown command', argv: ['frobnicate'], status: 2, stderr: ["error: unknown command 'frobnicate'", '(run with --help for usage)'] },
  { name: 'unknown option', argv: ['analyze', fx('generic.csv'), '--bogus'], status: 2, stderr: ["error: unknown option '--bogus'"] },
  { name: 'analyze without input', argv: ['analyze'], status: 2, stderr: ["error: missing required argument 'input'"] },
  { name: '--format nope', argv: ['analyze', fx('generic.csv'), '--format', 'nope'], status: 2, stderr: ["argument 'nope' is invalid. Allowed choices are auto, discourse, reddit, lemmy, hackernews, mastodon, 4cat, jsonl, csv, pasted."] },
  { name: '--encoding nope', argv: ['analyze', fx('generic.csv'), '--encoding', 'nope'], status: 2, stderr: ["argument 'nope' is invalid. Allowed choices are auto, utf-8, utf-16le, utf-16be, latin1, windows-1252."] },
  { name: 'evaluate without predictions', argv: ['evaluate'], status: 2, stderr: ["error: missing required argument 'predicted'"] },
];

for (const row of rows) {
  test(`exit ${row.status}: ${row.name}`, { skip: row.skip ?? false }, async () => {
    const r = await run(row.argv);
    assert.equal(r.status, row.status, `status ${r.status}; stderr: ${r.stderr}`);
    for (const s of row.stdout ?? []) assert.ok(r.stdout.includes(s), `stdout lacks ${JSON.stringify(s)}:\n${r.stdout}`);
    for (const s of row.stderr ?? []) assert.ok(r.stderr.includes(s), `stderr lacks ${JSON.stringify(s)}:\n${r.stderr}`);
    if (row.status !== 0) assert.equal(r.stdout, '');
    if (row.status === 1) {
      assert.ok(!r.stderr.includes('    at '), `stack trace in stderr:\n${r.stderr}`);
      assert.ok(!r.stderr.includes('internal error'), r.stderr);
      if (row.names) assert.ok(r.stderr.startsWith('threadstance: ') && r.stderr.includes(row.names));
    }
    row.check?.(r);
  });
}

test('real binary: missing input exits 1 with a one-line error; an unknown command exits 2', () => {
  const bin = path.join(root, 'dist/src/bin.js');
  const missing = t('does-not-exist.txt');
  const a = spawnSync(process.execPath, [bin, 'analyze', missing, '--out', t('bin', 'o.csv')], { cwd: root, encoding: 'utf8' });
  assert.equal(a.status, 1, a.stderr);
  assert.ok(a.stderr.startsWith('threadstance: INPUT_NOT_FOUND'), a.stderr);
  assert.ok(a.stderr.startsWith(`threadstance: INPUT_NOT_FOUND ${missing}: no such file`), a.stderr);
  assert.equal(a.stderr.trimEnd().split('\n').length, 1, 'one line, no stack trace');
  assert.equal(a.stdout, '');
  const b = spawnSync(process.execPath, [bin, 'nope'], { cwd: root, encoding: 'utf8' });
  assert.equal(b.status, 2, b.stderr);
  assert.ok(b.stderr.startsWith("error: unknown command 'nope'"), b.stderr);
});

// Places in error messages: byte offsets and line numbers.

async function encodingOffset(name: string, bytes: Buffer): Promise<string> {
  fs.writeFileSync(t(name), bytes);
  const r = await run(['analyze', t(name), '--out', t('x', 'o.csv')]);
  assert.equal(r.status, 1);
  return /first bad byte at offset (\d+)/.exec(r.stderr)?.[1] ?? r.stderr;
}

test('INPUT_ENCODING offset after multi-byte characters', async () => {
  // "é" is 2 bytes (C3 A9), so the 0xFF sits at byte 11 (a reused streaming decoder once said 10).
  assert.equal(await encodingOffset('multibyte.txt', Buffer.concat([Buffer.from('text\ncafé '), Buffer.from([0xff, 0x0a])])), '11');
});

test('INPUT_ENCODING offset of a Latin-1 "é" is the é itself', async () => {
  // 0xE9 at byte 13 starts a 3-byte sequence that the following space breaks (once reported as 14).
  assert.equal(await encodingOffset('latin1.csv', Buffer.concat([Buffer.from('id,text\n1,caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')])), '13');
});

test('INPUT_ENCODING offset of a bad byte right after a complete "é"', async () => {
  // "é" = C3 A9 at bytes 8-9, 0xFF at byte 10 (not the é's lead byte 8).
  assert.equal(await encodingOffset('after-e.txt', Buffer.concat([Buffer.from('text\ncafé'), Buffer.from([0xff, 0x0a])])), '10');
});

test('CSV line numbers count blank lines before a record', async () => {
  const r = await run(['analyze', fx('blank-lines.csv'), '--out', t('x', 'o.csv')]);
  assert.equal(r.status, 1);
  assert.ok(r.stderr.includes(`INPUT_DUPLICATE_ID ${fx('blank-lines.csv')}:5 `), r.stderr);
});

test('--out equal to the --claims file is refused and the claim file is unchanged', async () => {
  const claims = t('claims-copy.yaml');
  fs.copyFileSync(path.join(root, 'claims/crocus.yaml'), claims);
  const before = fs.readFileSync(claims);
  const r = await run(['analyze', fx('generic.csv'), '--claims', claims, '--out', claims, '--summary', t('x', 's.csv')]);
  assert.equal(r.status, 1);
  assert.ok(r.stderr.startsWith(`threadstance: OUTPUT_IS_INPUT ${claims}: `), r.stderr);
  assert.deepEqual(fs.readFileSync(claims), before);
});

test('CSV line numbers when blank lines precede the header', async () => {
  fs.writeFileSync(t('lead-blank.csv'), '\nid,text\na1,ISIS claimed it.\na1,Same id again.\n'); // records on lines 3 and 4
  const r = await run(['analyze', t('lead-blank.csv'), '--out', t('x', 'o.csv')]);
  assert.equal(r.status, 1);
  assert.ok(r.stderr.includes(`INPUT_DUPLICATE_ID ${t('lead-blank.csv')}:4 (field "id"): comment id "a1" was already used on line 3`), r.stderr);
});

test('an unclosed quote is reported on the line where it opens, not at the end of the file', async () => {
  fs.writeFileSync(t('unclosed-long.csv'), 'id,text\n1,"ISIS claimed it\n2,fine\n3,ok\n4,ok\n'); // quote opens on line 2
  const r = await run(['analyze', t('unclosed-long.csv'), '--out', t('x', 'o.csv')]);
  assert.equal(r.status, 1);
  assert.ok(r.stderr.startsWith(`threadstance: INPUT_CSV ${t('unclosed-long.csv')}:2: `), r.stderr);
});

test('a directory of inputs: one thread per file, sorted; summary rows per thread plus totals', async () => {
  const dir = t('dir-input');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(root, 'seeds/003_9fc60ebbaf8355f7.txt'), path.join(dir, 'b-seed.txt'));
  fs.copyFileSync(fx('thread.jsonl'), path.join(dir, 'a-thread.jsonl'));
  fs.writeFileSync(path.join(dir, '.hidden.csv'), 'text\nnot read\n');
  fs.writeFileSync(path.join(dir, 'README.md'), '# Notes about these threads\n');
  const r = await run(['analyze', dir, '--out', t('dir-out', 'c.csv')]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stderr.includes(`threadstance: left out ${path.join(dir, 'README.md')}: not in any input format`), r.stderr);
  const strict = await run(['analyze', dir, '--strict', '--out', t('dir-strict', 'c.csv')]);
  assert.equal(strict.status, 1);
  assert.equal(fs.existsSync(t('dir-strict', 'c.csv')), false);
  const rows = readCsv(t('dir-out', 'c.csv'));
  assert.deepEqual([...new Set(rows.map((x) => x.thread))], ['a-thread', 'b-seed']);
  const summary = readCsv(t('dir-out', 'summary.csv'));
  assert.deepEqual([...new Set(summary.map((x) => x.thread))], ['a-thread', 'b-seed', '(all)']);
  const total = (thread: string) => summary.filter((x) => x.thread === thread && x.claim === 'isis').reduce((n, x) => n + Number(x.comments), 0);
  assert.equal(total('(all)'), total('a-thread') + total('b-seed'));
  assert.equal(total('b-seed'), 20);
});
