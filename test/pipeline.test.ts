/** Golden files for the seed thread: how it splits into comments, and the whole review CSV and summary. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { readThread } from '../src/input/index.js';
import { analyzeThread } from '../src/analysis/analyze.js';
import { commentsCsv } from '../src/output/csv.js';
import { SummaryTally, summarize, summarizeRun, summaryCsv } from '../src/output/summary.js';
import { SEED_THREAD, assertGolden, defaultClaims } from './helpers.js';

const seed = (): ReturnType<typeof readThread> => readThread(fs.readFileSync(SEED_THREAD, 'utf8'), SEED_THREAD);

test('the pasted seed thread splits into the opening post and 19 comments with their likes', () => {
  const thread = seed();
  assert.equal(thread.format, 'pasted');
  assert.equal(thread.title, 'Islamic State Claims Deadly Assault on Russian Music Venue: 40 Dead');
  assert.deepEqual(
    thread.comments.map((c) => c.likes),
    [6, 16, 14, 15, 9, 15, 13, 22, 7, 13, 20, 13, 7, 12, 6, 5, 6, 16, 7, 4],
  );
  assert.deepEqual(thread.comments.map((c) => c.index), [...Array(20).keys()]);
  assert.deepEqual(thread.skipped, []);
});

test('reaction GIFs and emoji shortcodes are kept out of the scored text but kept in media', () => {
  const c = seed().comments;
  assert.equal(c[4]!.body, 'True, I guess…');
  assert.deepEqual(c[4]!.media, ['Seth Meyers Yes GIF by Late Night with Seth Meyers']);
  assert.deepEqual(c[6]!.media, [':thinking:']);
  assert.ok(!c[6]!.body.includes(':thinking:'));
  assert.ok(c[6]!.text.includes(':thinking:'), 'the text column keeps the original');
  assert.deepEqual(c[13]!.media, ['Love You GIF by Sky']);
  assert.deepEqual(c[0]!.media, ['https://boingboing.net/2024/03/22/islamic-state-claims-deadly-assault-on-russian-music-venue-40-dead.html']);
});

test('golden: the seed thread split (index, line, likes, media, scored body)', () => {
  const rows = seed().comments.map((c) => [c.index, c.line, c.likes ?? '', c.media.join(' | '), c.body]);
  assertGolden('seed-split.csv', stringify([['index', 'line', 'likes', 'media', 'body'], ...rows]));
});

test('golden: the seed thread review CSV and summary', () => {
  const thread = seed();
  const cc = defaultClaims();
  const rows = analyzeThread(thread, cc);
  const ids = cc.claims.map((c) => c.claim.id);
  assertGolden('seed-comments.csv', commentsCsv([{ thread, rows }], cc.claims.map((c) => c.claim)));
  assertGolden('seed-summary.csv', summaryCsv(summarize(thread, rows, ids)));
});

test('the summary counted row by row gives the rows of the whole run: per thread, then (all)', () => {
  const cc = defaultClaims();
  const ids = cc.claims.map((c) => c.claim.id);
  const whole = seed();
  const rows = analyzeThread(whole, cc);
  const skip = { file: 'x', line: 3, reason: 'r', raw: '' };
  // Three threads cut from the seed thread: one with a skipped record, one whose likes are unknown, one with no comments.
  const threads = [
    { thread: { ...whole, id: 'a', comments: whole.comments.slice(0, 8), skipped: [skip] }, rows: rows.slice(0, 8) },
    { thread: { ...whole, id: 'b', comments: whole.comments.slice(8) }, rows: rows.slice(8).map((r) => ({ ...r, comment: { ...r.comment, likes: null } })) },
    { thread: { ...whole, id: 'c', comments: [] }, rows: [] },
  ];
  const tally = new SummaryTally(ids, threads.map((t) => t.thread));
  for (const t of threads) for (const row of t.rows) tally.add(t.thread.id, row);
  const expected = summarizeRun(threads, ids);
  assert.equal(expected.length, 4 * ids.length * 4);
  assert.deepEqual(tally.rows(), expected);
  assert.deepEqual([...tally.batches(2)].map((b) => b.length), [2 * ids.length * 4, 2 * ids.length * 4]);
  assert.deepEqual(tally.totals(), expected.filter((r) => r.thread === '(all)'));
  const one = new SummaryTally(ids, [threads[0]!.thread]);
  for (const row of threads[0]!.rows) one.add('a', row);
  assert.deepEqual(one.totals(), summarizeRun([threads[0]!], ids));
});

test('the review CSV has the contracted columns in order', () => {
  const thread = seed();
  const cc = defaultClaims();
  const csv = commentsCsv([{ thread, rows: analyzeThread(thread, cc) }], cc.claims.map((c) => c.claim));
  assert.ok(csv.startsWith('\uFEFFthread,index,'), 'the default (excel) dialect starts with a byte-order mark');
  const header = (parse(csv, { bom: true, to_line: 1 }) as string[][])[0]!;
  const perClaim = ['isis', 'ukraine', 'west', 'fsb', 'security_failure'].flatMap((c) => [`${c}_stance`, `${c}_score`, `${c}_confidence`, `${c}_evidence`]);
  const review = ['isis', 'ukraine', 'west', 'fsb', 'security_failure'].map((c) => `review_${c}`);
  assert.deepEqual(header, [
    'thread', 'index', 'id', 'parent_id', 'author', 'likes', 'text', 'media', 'quoted_text', 'status', 'sarcasm', 'sentiment', 'sentiment_label',
    ...perClaim, 'needs_review', 'review_reason', ...review, 'review_note',
  ]);
});

test('generic CSV: unknown columns pass through, --title sets the topic', () => {
  const csv = 'id,parent_id,author,text,score,lang\n1,,ann,"Terrible attack, so many dead.",5,en\n2,1,bob,"Yes, terrible.",2,en\n';
  const thread = readThread(csv, 'x.csv', 'auto', 'Islamic State claims Moscow attack');
  assert.equal(thread.format, 'csv');
  assert.deepEqual(thread.extraColumns, ['score', 'lang']);
  const rows = analyzeThread(thread, defaultClaims());
  assert.equal(rows[0]!.stances.get('isis')!.stance, 'neutral', 'addresses the attack in a thread titled with the ISIS claim');
  const out = commentsCsv([{ thread, rows }], defaultClaims().claims.map((c) => c.claim));
  // The default (excel) dialect ends records with CRLF.
  assert.ok(out.split('\r\n')[0]!.endsWith(',review_note,score,lang'));
  assert.ok(out.split('\r\n')[1]!.endsWith(',5,en'));
});

test('created_at is kept in the output when the input has it', () => {
  const csv = 'id,created_at,text\n1,2024-03-22T20:15:00Z,Terrible attack.\n';
  const thread = readThread(csv, 'dated.csv');
  const lines = commentsCsv([{ thread, rows: analyzeThread(thread, defaultClaims()) }], defaultClaims().claims.map((c) => c.claim)).split('\r\n');
  assert.ok(lines[0]!.endsWith(',review_note,created_at'), lines[0]);
  assert.ok(lines[1]!.endsWith(',2024-03-22T20:15:00Z'), lines[1]);
});
