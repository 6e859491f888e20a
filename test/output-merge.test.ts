/** `--merge-review`: filled review cells survive a re-run with a changed claim file and a changed thread. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { runCli as run } from './helpers.js';
import { sameText } from '../src/output/merge.js';
import { parseReviewedCsv, sniffDelimiter } from '../src/output/reviewed.js';

const fx = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/output/${name}`, import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-merge-'));
const t = (...parts: string[]): string => path.join(tmp, ...parts);
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Row = Record<string, string>;

function read(file: string, delimiter = ','): { header: string[]; rows: Row[] } {
  const records = parse(fs.readFileSync(file), { bom: true, delimiter }) as string[][];
  const [header, ...body] = records;
  return { header: header!, rows: body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']))) };
}

/** Writes rows back the way a spreadsheet saves them: BOM, CRLF, every cell as text (the apostrophes kept). */
function saveLikeASpreadsheet(file: string, header: string[], rows: Row[], delimiter = ','): void {
  fs.writeFileSync(file, '\uFEFF' + stringify([header, ...rows.map((r) => header.map((h) => r[h] ?? ''))], { record_delimiter: 'windows', quote_record_delimiter: true, delimiter }));
}

/** What the reviewer filled in, by comment id: review cells and note. */
const REVIEW: Record<string, Row> = {
  c1: { review_isis: 'support', review_ukraine: 'none', review_fsb: 'none', review_note: 'clear' },
  c2: { review_isis: 'none', review_ukraine: 'none', review_fsb: 'support' },
  c3: { review_fsb: 'support|neutral', review_note: '=not a formula, a note' },
  c4: { review_isis: 'support', review_ukraine: 'oppose', review_note: 'two claims\nin one comment' },
  c5: { review_ukraine: 'none' },
};

/** A first run with claims-before.yaml (isis, ukraine, fsb), then the reviewer's cells, saved as Excel would. */
async function reviewed(name: string, input = fx('thread.csv')): Promise<string> {
  const first = t(name, 'first.csv');
  assert.equal((await run(['analyze', input, '--claims', fx('claims-before.yaml'), '--out', first, '-q'])).status, 0);
  const { header, rows } = read(first);
  const file = t(name, 'reviewed.csv');
  saveLikeASpreadsheet(file, header, rows.map((r) => ({ ...r, ...REVIEW[r.id!] })));
  return file;
}

test('a changed claim file (ukraine removed, west added): every filled review cell is kept', async () => {
  const previous = await reviewed('claims');
  const out = t('claims', 'second.csv');
  const r = await run(['analyze', fx('thread.csv'), '--claims', fx('claims-after.yaml'), '--merge-review', previous, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stderr.includes(`threadstance: carried 13 filled review cells from ${previous} (5 rows matched)`), r.stderr);
  assert.ok(r.stderr.includes('threadstance: kept review_ukraine (claims no longer in the claim set) as columns after review_text_changed'), r.stderr);
  const { header, rows } = read(out);
  assert.deepEqual(header.slice(header.indexOf('review_reason')), ['review_reason', 'review_isis', 'review_fsb', 'review_west', 'review_note', 'review_text_changed', 'review_ukraine']);
  // Every filled cell of the reviewed file is in the new output, in the same column of the same comment.
  const prev = read(previous).rows;
  let cells = 0;
  for (const p of prev) {
    const now = rows.find((x) => x.id === p.id)!;
    for (const [column, value] of Object.entries(p)) {
      if (!column.startsWith('review_') || column === 'review_reason' || value === '') continue;
      cells++;
      assert.equal(now[column]?.replace(/^'/, ''), value.replace(/^'/, ''), `${p.id} ${column}`);
    }
  }
  assert.equal(cells, 13);
  assert.deepEqual(rows.map((x) => x.review_west), ['', '', '', '', ''], 'the new claim starts unreviewed');
  assert.deepEqual(rows.map((x) => x.review_text_changed), ['false', 'false', 'false', 'false', 'false']);
  assert.equal(rows[2]!.review_note, "'=not a formula, a note", 'the note stays escaped in the excel dialect');
  assert.equal(rows[3]!.review_note, 'two claims\nin one comment');
  assert.equal(rows[2]!.review_fsb, 'support|neutral');
});

test('a changed thread: changed text flagged, a new comment unflagged, a vanished reviewed comment reported (and fatal with --strict)', async () => {
  const previous = await reviewed('thread');
  const changed = t('thread', 'thread.csv');
  const text = fs.readFileSync(fx('thread.csv'), 'utf8')
    .replace('c3,c1,cleo,,I think the FSB ignored the warnings from the US.\n', '') // c3 deleted
    .replace('"No, the Kremlin staged it.', '"No, the Kremlin staged it, obviously.') // c2 edited
    .concat('c6,c1,fay,,Kyiv is blamed for everything.\n'); // c6 new
  fs.writeFileSync(changed, text);
  const out = t('thread', 'second.csv');
  const r = await run(['analyze', changed, '--claims', fx('claims-before.yaml'), '--merge-review', previous, '--out', out, '--quiet']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(
    r.stderr,
    `threadstance: review not carried from ${previous} row 4 (thread thread, id c3): review_fsb="support|neutral", review_note="=not a formula, a note"; its comment is not in the new output (no comment with this thread and id, nor with this text)\n`,
    'reported even with --quiet',
  );
  const { rows } = read(out);
  assert.deepEqual(rows.map((x) => [x.id, x.review_text_changed, x.review_isis, x.review_fsb]), [
    ['c1', 'false', 'support', 'none'],
    ['c2', 'true', 'none', 'support'],
    ['c4', 'false', 'support', ''],
    ['c5', 'false', '', ''],
    ['c6', '', '', ''],
  ]);
  // The flag sticks on the next re-run until the reviewer clears it.
  const third = t('thread', 'third.csv');
  assert.equal((await run(['analyze', changed, '--claims', fx('claims-before.yaml'), '--merge-review', out, '--out', third, '-q'])).status, 0);
  assert.deepEqual(read(third).rows.map((x) => x.review_text_changed), ['false', 'true', 'false', 'false', 'false'], 'c6 is in the second output now');
  // --strict: a reviewed row that cannot be carried over fails the run and writes nothing.
  const strict = await run(['analyze', changed, '--claims', fx('claims-before.yaml'), '--merge-review', previous, '--out', t('strict', 'o.csv'), '--strict']);
  assert.equal(strict.status, 1);
  assert.ok(strict.stderr.includes(`1 reviewed row(s) of ${previous} could not be carried over; nothing written (--strict)`), strict.stderr);
  assert.equal(fs.existsSync(t('strict')), false);
});

test('a file saved by a spreadsheet in Windows-1252 with semicolons and a mangled id is still merged', async () => {
  const previous = await reviewed('excel');
  const { header, rows } = read(previous);
  // Excel in a comma-decimal locale saves "CSV (Comma delimited)" with ";" in Windows-1252, and may turn an id into a number.
  const mangled = rows.map((r) => (r.id === 'c4' ? { ...r, id: '4.00E+00' } : r));
  const legacy = t('excel', 'legacy.csv');
  const csv = stringify([header, ...mangled.map((r) => header.map((h) => r[h] ?? ''))], { record_delimiter: 'windows', delimiter: ';', quote_record_delimiter: true });
  fs.writeFileSync(legacy, Buffer.from(csv.replace('clear', 'clair, vérifié'), 'latin1'));
  assert.equal(parseReviewedCsv(fs.readFileSync(legacy), legacy).encoding, 'windows-1252');
  const out = t('excel', 'second.csv');
  const r = await run(['analyze', fx('thread.csv'), '--claims', fx('claims-before.yaml'), '--merge-review', legacy, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stderr.includes('(5 rows matched, 1 of them by text because the id was not found)'), r.stderr);
  assert.ok(r.stderr.includes(`${legacy} is not UTF-8; read it as Windows-1252`), r.stderr);
  const merged = read(out).rows;
  assert.equal(merged[0]!.review_note, 'clair, vérifié');
  assert.deepEqual(merged.map((x) => x.review_ukraine), ['none', 'none', '', 'oppose', 'none']);
});

test('long layout: review_stance and review_note carried per comment and claim; a dropped claim\'s rows are reported', async () => {
  const first = t('long', 'first.csv');
  assert.equal((await run(['analyze', fx('thread.csv'), '--claims', fx('claims-before.yaml'), '--out', first, '--layout', 'long', '-q'])).status, 0);
  const { header, rows } = read(first);
  const filled = rows.map((r) => (r.id === 'c2' ? { ...r, review_stance: r.claim === 'fsb' ? 'support' : 'none', review_note: r.claim === 'ukraine' ? 'no actor' : '' } : r));
  const previous = t('long', 'reviewed.csv');
  saveLikeASpreadsheet(previous, header, filled);
  const out = t('long', 'second.csv');
  const r = await run(['analyze', fx('thread.csv'), '--claims', fx('claims-after.yaml'), '--merge-review', previous, '--out', out, '--layout', 'long']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stderr.includes(`review not carried from ${previous} row 6 (thread thread, id c2, claim ukraine): review_stance="none", review_note="no actor"; claim "ukraine" is no longer in the claim set`), r.stderr);
  const merged = read(out).rows.filter((x) => x.id === 'c2');
  assert.deepEqual(merged.map((x) => [x.claim, x.review_stance, x.review_note, x.review_text_changed]), [
    ['isis', 'none', '', 'false'],
    ['fsb', 'support', '', 'false'],
    ['west', '', '', 'false'],
  ]);
  // A long file cannot be merged into the wide layout (and the other way round): said, not guessed.
  const wrong = await run(['analyze', fx('thread.csv'), '--claims', fx('claims-after.yaml'), '--merge-review', previous, '--out', t('long', 'wide.csv')]);
  assert.equal(wrong.status, 1);
  assert.ok(wrong.stderr.startsWith(`threadstance: REVIEW_LAYOUT ${previous}: the file is in the long layout but this run writes the wide layout; run with --layout long to merge it`), wrong.stderr);
});

test('--merge-review errors: the reviewed file as --out, a missing file, a file without ids', async () => {
  const previous = await reviewed('errors');
  const same = await run(['analyze', fx('thread.csv'), '--merge-review', previous, '--out', previous]);
  assert.equal(same.status, 1);
  assert.ok(same.stderr.startsWith(`threadstance: OUTPUT_IS_INPUT ${previous}: `), same.stderr);
  const missing = await run(['analyze', fx('thread.csv'), '--merge-review', t('nope.csv'), '--out', t('errors', 'o.csv')]);
  assert.equal(missing.status, 1);
  assert.ok(missing.stderr.startsWith(`threadstance: INPUT_NOT_FOUND ${t('nope.csv')}: no such file; expected a review CSV file (--merge-review)`), missing.stderr);
  fs.writeFileSync(t('noid.csv'), 'thread,text,review_isis\nx,y,support\n');
  const noId = await run(['analyze', fx('thread.csv'), '--merge-review', t('noid.csv'), '--out', t('errors', 'o.csv')]);
  assert.equal(noId.status, 1);
  assert.ok(noId.stderr.startsWith(`threadstance: REVIEW_NO_ID ${t('noid.csv')}:1: the header has no "id" column (found: thread, text, review_isis)`), noId.stderr);
});

test('sameText: escape, line ends and a spreadsheet\'s cell limit do not count as a change', () => {
  assert.ok(sameText("'=1+1", '=1+1'));
  assert.ok(sameText('a\r\nb', 'a\nb'));
  assert.ok(sameText("'\nstarts with CR", '\rstarts with CR'), 'LibreOffice saves an escaped leading CR as LF');
  assert.ok(!sameText('a b', 'a  b'));
  const long = 'x'.repeat(40_000);
  assert.ok(sameText(long.slice(0, 32_767), long), 'Excel keeps 32,767 characters of a cell');
  assert.ok(!sameText(long.slice(0, 100), long));
  assert.equal(sniffDelimiter('\uFEFFthread;index;id;text\r\n'), ';');
  assert.equal(sniffDelimiter('thread\tindex\tid\n'), '\t');
  assert.equal(sniffDelimiter('id,text;with;semicolons\n'), ';', 'the header decides; threadstance headers have no separators in names');
});
