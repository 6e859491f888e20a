/**
 * Nothing lost (issue 7, point 2): every input record is a row of the review CSV, or a row of
 * skipped.csv beside it (and a line on stderr) with its place and the reason.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ThreadstanceError } from '../src/errors.js';
import { ROOT, runCli as run } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-skipped-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const t = (...parts: string[]): string => path.join(tmp, ...parts);
const readCsv = (file: string): Record<string, string>[] => parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];

// Seven records on seven lines: three comments and four that cannot be read.
const MIXED = [
  '{"id": "a", "text": "ISIS claimed the attack."}',
  '{"id": "b", "text": "No, the Kremlin staged it."',
  '42',
  '{"id": "c", "parent_id": "a", "text": "The FSB ignored the warnings."}',
  '{"id": "d", "body": "wrong field name"}',
  '{"id": "e", "text": {"nested": true}}',
  '{"id": "f", "parent_id": "c", "text": "Indeed."}',
].join('\n');

test('every record is a row or a row of skipped.csv, with its line and reason; stderr lists the same', async () => {
  fs.writeFileSync(t('mixed.jsonl'), MIXED);
  const out = t('mixed', 'comments.csv');
  const r = await run(['analyze', t('mixed.jsonl'), '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const rows = readCsv(out);
  const skipped = readCsv(t('mixed', 'skipped.csv'));
  assert.deepEqual(rows.map((x) => x.id), ['a', 'c', 'f']);
  assert.equal(rows.length + skipped.length, 7, 'every record accounted for');
  assert.deepEqual(Object.keys(skipped[0]!), ['file', 'line', 'reason', 'record']);
  assert.deepEqual(skipped.map((s) => [s.file, s.line]), [2, 3, 5, 6].map((line) => [t('mixed.jsonl'), String(line)]));
  assert.match(skipped[0]!.reason ?? '', /^invalid JSON: .*\(column \d+\)$/);
  assert.equal(skipped[1]!.reason, 'expected a JSON object with a "text" field, found a number');
  assert.equal(skipped[2]!.reason, 'no "text" field (found "id", "body")');
  assert.equal(skipped[3]!.reason, '"text" is an object with keys nested, expected a string');
  assert.equal(skipped[2]!.record, '{"id":"d","body":"wrong field name"}');
  for (const s of skipped) assert.ok(r.stderr.includes(`threadstance: skipped ${s.file}:${s.line}: ${s.reason}\n`), r.stderr);
  assert.ok(r.stderr.includes(`4 skipped) and ${t('mixed', 'summary.csv')}; skipped records in ${t('mixed', 'skipped.csv')}`), r.stderr);
  const summary = readCsv(t('mixed', 'summary.csv'));
  assert.ok(summary.every((s) => s.skipped_records === '4'), 'the summary counts them');
});

test('a later run that skips nothing removes the earlier skipped.csv; one that is not threadstance\'s stays', async () => {
  const out = t('mixed', 'comments.csv');
  fs.writeFileSync(t('clean.jsonl'), '{"id": "a", "text": "ISIS claimed the attack."}\n');
  assert.equal((await run(['analyze', t('clean.jsonl'), '--out', out, '-q'])).status, 0);
  assert.equal(fs.existsSync(t('mixed', 'skipped.csv')), false);
  fs.writeFileSync(t('mixed', 'skipped.csv'), 'my list of things to skip\n');
  assert.equal((await run(['analyze', t('clean.jsonl'), '--out', out, '-q'])).status, 0);
  assert.equal(fs.readFileSync(t('mixed', 'skipped.csv'), 'utf8'), 'my list of things to skip\n');
  const r = await run(['analyze', t('mixed.jsonl'), '--out', out, '-q']);
  assert.equal(r.status, 1, 'it is not replaced by a new list either');
  assert.ok(r.stderr.includes(`OUTPUT_EXISTS ${t('mixed', 'skipped.csv')}: already exists and was not written by threadstance`), r.stderr);
  assert.equal(fs.readFileSync(t('mixed', 'skipped.csv'), 'utf8'), 'my list of things to skip\n');
});

test('platform records: a repeated id and an unreadable thing are skipped with their JSON path', async () => {
  const post = { id: 'p', name: 't3_p', title: 'Crocus attack', selftext: '', subreddit: 'worldnews', author: 'op' };
  const reply = (id: string, body: string) => ({ id, link_id: 't3_p', parent_id: 't3_p', body, author: 'x' });
  fs.writeFileSync(t('dump.ndjson'), [post, reply('c1', 'ISIS did it.'), reply('c1', 'Same id again.'), 'not an object', reply('c2', 'The FSB knew.')].map((x) => JSON.stringify(x)).join('\n'));
  const r = await run(['analyze', t('dump.ndjson'), '--out', t('dump', 'comments.csv'), '-q']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readCsv(t('dump', 'comments.csv')).map((x) => x.id), ['p', 'c1', 'c2']);
  assert.deepEqual(readCsv(t('dump', 'skipped.csv')).map((s) => [s.line, s.reason]), [
    ['3', 'line 3: id "c1" was already read on line 2; kept the first'],
    ['4', 'line 4: expected a Reddit comment or submission object'],
  ]);
});

test('a file of a directory that holds no thread is listed in skipped.csv as a whole (line 0)', async () => {
  const dir = t('inputs');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'test/hostile/inputs/ok.csv'), path.join(dir, 'a.csv'));
  fs.writeFileSync(path.join(dir, 'README.md'), '# notes\n');
  const r = await run(['analyze', dir, '--out', t('dir', 'comments.csv'), '-q']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readCsv(t('dir', 'skipped.csv')), [{ file: path.join(dir, 'README.md'), line: '0', reason: 'the whole file: not in any input format (name one with --format)', record: '' }]);
});

test('CSV: records are numbered after a header whose quoted name spans two lines, streamed or read whole', async () => {
  // Lines 1-2: the header; line 3: blank; lines 4-5: a record whose text spans two lines; line 6: a repeated id.
  const csv = 'id,text,"author\nname"\r\n\r\na,"ISIS claimed it.\nThe US confirmed it.",x\r\na,Same id again.,y\r\n';
  fs.writeFileSync(t('twoline.csv'), csv);
  const r = await run(['analyze', t('twoline.csv'), '--out', t('twoline', 'comments.csv'), '-q']);
  assert.equal(r.status, 1);
  const message = 'comment id "a" was already used on line 4; ids must be unique within a thread';
  assert.ok(r.stderr.includes(`twoline.csv:6 (field "id"): ${message}`), r.stderr);
  const { parseCsv } = await import('../src/input/generic.js');
  assert.throws(() => parseCsv(csv, 'twoline.csv', 'twoline', ''), (err: unknown) => err instanceof ThreadstanceError && err.place.line === 6 && err.message.includes(message));
});

test('a Reddit dump split inside its first record: the rest of that record is skipped as line 1, every other record is read', async () => {
  const dump = fs.readFileSync(path.join(ROOT, 'test/fixtures/input/reddit-dump__46uw4y.ndjson'), 'utf8');
  fs.writeFileSync(t('part.ndjson'), dump.slice(dump.indexOf('"author"')));
  const r = await run(['analyze', t('part.ndjson'), '--out', t('part', 'comments.csv'), '-q']);
  assert.equal(r.status, 0, r.stderr);
  const lines = dump.split('\n').filter((l) => l !== '');
  const name = (l: string): string => (JSON.parse(l) as { id: string }).id;
  assert.deepEqual(readCsv(t('part', 'comments.csv')).map((x) => x.id).sort(), lines.slice(1).map(name).sort());
  assert.deepEqual(readCsv(t('part', 'skipped.csv')).map((s) => [s.line, s.reason!.slice(0, 30)]), [['1', 'line 1: invalid JSON: expected']]);
});
