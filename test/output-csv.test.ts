/** The CSV dialects: spreadsheet-safe by default (BOM, CRLF, formulas escaped), exact round trips through csv-parse. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readThread } from '../src/input/index.js';
import { stringifyOptions, unescapeCell, type CsvDialect } from '../src/output/dialect.js';
import { SEED_THREAD, runCli as run } from './helpers.js';

const fx = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/output/${name}`, import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-csv-'));
const t = (...parts: string[]): string => path.join(tmp, ...parts);
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Parsed records (header included) of a file, as csv-parse returns them. */
function records(file: string): string[][] {
  return parse(fs.readFileSync(file), { bom: true }) as string[][];
}

function rowsOf(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
}

/** Cells a spreadsheet would read as a formula: starting with = + - @ tab CR (or full-width forms) and not a plain number. */
function live(cell: string): boolean {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) && !/^-\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/.test(cell);
}

// The nasty-strings fixture plus a 100 kB comment (quotes, line ends and a leading "=" inside), made at run time.
const big = '=' + Array.from({ length: 2000 }, (_, i) => `ISIS claimed "it" ${i},\r\n\t`).join('').padEnd(99_999, 'x');
const nastyInput = t('nasty.jsonl');
fs.writeFileSync(nastyInput, fs.readFileSync(fx('nasty.jsonl'), 'utf8') + JSON.stringify({ id: 'big', parent_id: 'formula', text: big }) + '\n');
const expected = readThread(fs.readFileSync(nastyInput, 'utf8'), nastyInput).comments;

test('fixture: the nasty strings are read as 23 comments with their texts exactly as written', () => {
  assert.equal(expected.length, 23);
  assert.equal(expected.at(-1)!.text.length, 100_000);
  assert.equal(expected[0]!.text, '=HYPERLINK("http://x","click")');
});

test('excel dialect (default): BOM, CRLF, formula-like cells escaped, every text back exactly after removing the escape', async () => {
  const out = t('excel', 'comments.csv');
  const r = await run(['analyze', nastyInput, '--out', out, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const bytes = fs.readFileSync(out);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const text = bytes.toString('utf8');
  assert.ok(text.slice(1).startsWith('thread,index,id,parent_id,author,'), 'header right after the BOM');
  assert.ok(text.includes(',review_note\r\n'), 'the header ends with CRLF');
  assert.ok(text.endsWith('\r\n'));

  const rows = rowsOf(out);
  assert.deepEqual(rows.map((x) => x.id), expected.map((c) => c.id));
  // Raw cells as a spreadsheet gets them: the escape is a leading apostrophe.
  const raw = Object.fromEntries(rows.map((x) => [x.id, x.text]));
  assert.equal(raw.formula, `'=HYPERLINK("http://x","click")`);
  assert.equal(raw.minus, "'-1+2 is what ISIS claimed");
  assert.equal(raw.plus, "'+7 495 123-45-67, the Moscow hotline");
  assert.equal(raw.at, "'@admin ISIS claimed it");
  assert.equal(raw.tab, "'\tindented with a tab");
  assert.equal(raw.cr, "'\rstarts with a carriage return");
  assert.equal(raw.fullwidth, "'\uFF1D1+1 full-width equals");
  assert.equal(raw.apostrophe, "''=looks escaped already", 'a text that looks escaped gets one more apostrophe');
  assert.equal(raw.apostrophes, "'''@two apostrophes");
  assert.equal(raw.big!.slice(0, 2), "'=");
  // Not escaped: an apostrophe before a harmless character, a plain negative number, a leading space.
  assert.equal(raw['lone-apostrophe'], "'tis the season");
  assert.equal(raw['number-text'], '-0.25');
  assert.equal(raw['space-equals'], ' =1+1 after a space');
  // Other columns are escaped too (author), and no cell of the file is live.
  assert.equal(rows[0]!.author, "'=cmd|' /C calc'!A0");
  assert.equal(rows[3]!.author, "'@someone");
  const cells = records(out).flat();
  assert.deepEqual(cells.filter(live), []);
  // Removing the documented escape gives back every original text, the 100 kB one whole.
  assert.deepEqual(rows.map((x) => unescapeCell(x.text!)), expected.map((c) => c.text));
  assert.equal(unescapeCell(raw.big!).length, 100_000);
  assert.deepEqual(rows.map((x) => unescapeCell(x.author!)), expected.map((c) => c.author));
});

test('rfc4180 dialect: no BOM, LF, cells exactly as they are', async () => {
  const out = t('rfc', 'comments.csv');
  const r = await run(['analyze', nastyInput, '--out', out, '--csv-dialect', 'rfc4180', '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const text = fs.readFileSync(out, 'utf8');
  assert.ok(text.startsWith('thread,index,id,'), 'no BOM');
  assert.ok(text.includes(',review_note\nnasty,0,formula,'), 'LF record ends');
  assert.ok(!text.split('\n')[0]!.includes('\r'), 'the header line has no CR');
  const rows = rowsOf(out);
  assert.deepEqual(rows.map((x) => x.text), expected.map((c) => c.text));
  assert.equal(rows[0]!.author, "=cmd|' /C calc'!A0");
  const summary = fs.readFileSync(t('rfc', 'summary.csv'), 'utf8');
  assert.ok(summary.startsWith('thread,claim,stance,comments,share,likes,like_share,flagged,skipped_records\n'));
});

test('the seed thread: every comment text back exactly; summary.csv in the same dialect; negative scores stay numbers', async () => {
  const out = t('seed', 'comments.csv');
  const r = await run(['analyze', SEED_THREAD, '--out', out, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  const seed = readThread(fs.readFileSync(SEED_THREAD, 'utf8'), SEED_THREAD).comments;
  const rows = rowsOf(out);
  assert.equal(rows.length, 20);
  assert.deepEqual(rows.map((x) => unescapeCell(x.text!)), seed.map((c) => c.text));
  assert.ok(seed.some((c) => c.text.includes('\n')), 'the seed has multi-line comments');
  const scores = rows.flatMap((x) => Object.entries(x).filter(([k]) => k.endsWith('_score')).map(([, v]) => v));
  assert.ok(scores.some((s) => s.startsWith('-')), 'some score is negative');
  assert.deepEqual(scores.filter((s) => !/^-?\d+(\.\d+)?$/.test(s)), [], 'scores are plain numbers, never escaped');
  const summary = fs.readFileSync(t('seed', 'summary.csv'));
  assert.deepEqual([...summary.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(summary.toString('utf8').startsWith('\uFEFFthread,claim,stance,comments,share,likes,like_share,flagged,skipped_records\r\n'));
});

test('--csv-dialect with an unknown name is a usage error', async () => {
  const r = await run(['analyze', nastyInput, '--out', t('x', 'o.csv'), '--csv-dialect', 'tsv']);
  assert.equal(r.status, 2);
  assert.ok(r.stderr.includes("argument 'tsv' is invalid. Allowed choices are excel, rfc4180."), r.stderr);
});

test('the escape is a bijection: stringify (excel) → parse → unescapeCell gives every string back', () => {
  const strings = [
    '', '=', "'", "''", "'=", "''=", "'''=x", '-', '-1', '-1.5e3', '-1+2', '+', '@', '\t', '\r', '\n', '\r\n',
    "'\t", "' =", ' =', '=\n', '\uFF20x', "'\uFF0Dx", 'plain', '"quoted"', 'a,b',
  ];
  const csv = stringify(strings.map((s) => [s]), stringifyOptions('excel'));
  const back = (parse(csv, { bom: true }) as string[][]).map((r) => unescapeCell(r[0]!));
  assert.deepEqual(back, strings);
  // Numbers are written as numbers, a negative one without an apostrophe.
  assert.equal(stringify([[-0.25, 0, 1.5]], stringifyOptions('excel')), '\uFEFF-0.25,0,1.5\r\n');
});

test('both dialects quote a cell that starts or ends with white space (any kind), and only such cells, line breaks aside', () => {
  const cells = [' a', 'b ', '\u00a0c', 'd\u2003', 'e', '-5', "'=x", '\tt', ' -5', "'+ y ", '', 'x\ny', '\ufeffz', 'ok'];
  const line = (dialect: CsvDialect): string => stringify([cells], { ...stringifyOptions(dialect), bom: false });
  assert.equal(line('excel'), `" a","b ","\u00a0c","d\u2003",e,-5,''=x,"'\tt"," -5","''+ y ",,"x\ny","\ufeffz",ok\r\n`);
  assert.equal(line('rfc4180'), `" a","b ","\u00a0c","d\u2003",e,-5,'=x,"\tt"," -5","'+ y ",,"x\ny","\ufeffz",ok\n`);
});
