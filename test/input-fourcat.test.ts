/** 4CAT adapter: CSV exports with 4CAT's column names (4chan and Reddit data sources), written for these tests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readThreads } from '../src/input/index.js';
import { assertAdapterGolden, assertTree, childrenOf, readFixture } from './input-helpers.js';

const CHAN = '4cat__4chan-export.csv';
const REDDIT = '4cat__reddit-export.csv';

test('4cat (4chan): one thread per thread_id; parents from >>N reply links, else the opening post', () => {
  const threads = readFixture(CHAN);
  assert.deepEqual(threads.map((t) => [t.id, t.title, t.format, t.comments.length]), [
    ['465000001', 'Crocus City Hall attack thread', '4cat', 8],
    ['465100000', 'Moscow attack /general/', '4cat', 2],
  ]);
  const [t] = threads;
  assert.deepEqual(childrenOf(t!), {
    '(root)': ['465000001'],
    465000001: ['465000007', '465000023', '465000030', '465000044'],
    465000007: ['465000012'],
    465000012: ['465000019'],
    465000019: ['465000031'],
  });
  assert.deepEqual(t!.comments.map((c) => c.depth), [0, 1, 2, 3, 4, 1, 1, 1]);
  // A reply link to a post of another thread is not a parent there.
  assert.equal(threads[1]!.comments[1]!.parentId, '465100000');
  for (const th of threads) assertTree(th);
});

test('4cat (4chan): reply links stay in the text but not in the body; greentext is quoted; timestamps from unix_timestamp', () => {
  const c = readFixture(CHAN)[0]!.comments;
  const byId = (id: string): (typeof c)[number] => c.find((x) => x.id === id)!;
  const p12 = byId('465000012');
  assert.equal(p12.text, '>>465000007\n>obviously\nAmaq posted bodycam footage the same night. It was IS.');
  assert.deepEqual([p12.body, p12.quoted, p12.media], ['Amaq posted bodycam footage the same night. It was IS.', ['obviously'], ['>>465000007']]);
  assert.deepEqual(byId('465000031').media, ['>>465000019', '>>>/int/198765432']);
  assert.deepEqual([c[0]!.text, c[0]!.media, c[0]!.createdAt, c[0]!.likes, c[0]!.line], ['Crocus City Hall attack thread\n\nISIS-K claimed it through Amaq. Thoughts?', ['crocus.jpg'], '2024-03-22T21:05:13Z', null, 2]);
  assert.equal(byId('465000030').body, 'Крокус — никто не ожидал такого.');
  assert.deepEqual([byId('465000023').status, byId('465000023').media], [undefined, ['map.png']]);
  assert.deepEqual([byId('465000044').status, byId('465000044').text], ['empty', '']);
});

test('4cat: columns it does not interpret pass through, in export order', () => {
  const [t] = readFixture(CHAN);
  assert.deepEqual(t!.extraColumns, ['board', 'image_4chan', 'image_md5', 'country_name', 'country_code', 'timestamp_deleted']);
  assert.deepEqual(t!.comments[1]!.extra, { board: 'pol', image_4chan: '', image_md5: '', country_name: 'United States', country_code: 'US', timestamp_deleted: '1711200000' });
  assert.deepEqual(t!.comments.map((c) => c.line), [2, 3, 5, 8, 13, 11, 12, 16]);
});

test('4cat (reddit): parent column with t1_/t3_ prefixes, score as likes, Markdown and entities, [deleted]/[removed] kept with status', () => {
  const [t] = readFixture(REDDIT);
  assert.equal(t!.id, '4cat__reddit-export', 'one thread: the file name');
  const c = t!.comments;
  assert.deepEqual(c.map((x) => [x.id, x.parentId, x.depth, x.likes, x.status ?? '', x.author]), [
    ['1bl2xyz', '', 0, 812, '', 'Alarming_Sail'],
    ['kw1aaaa', '1bl2xyz', 1, 455, '', 'kremlinwatcher'],
    ['kw1bbbb', 'kw1aaaa', 2, 120, '', 'jens_m'],
    ['kw1cccc', 'kw1bbbb', 3, -4, 'deleted', ''],
    ['kw1dddd', 'kw1cccc', 4, 37, '', 'fritz_b'],
    ['kw1eeee', '1bl2xyz', 1, 1, 'removed', ''],
  ]);
  assert.deepEqual([c[0]!.text, c[0]!.media], ['Islamic State claims responsibility for Moscow concert hall attack', ['https://example.org/news/2024/03/22/is-claims-moscow-attack']]);
  assert.equal(c[1]!.body, 'IS-K has claimed it & posted bodycam footage. That settles it for me.');
  assert.deepEqual([c[2]!.quoted, c[2]!.body], [['That settles it for me.'], 'A claim is not proof, but blaming Ukraine is pure propaganda.']);
  assert.equal(c[4]!.body, 'Niemand glaubt der FSB-Version. Übersetzung: nobody believes the FSB version.');
  assert.deepEqual(t!.extraColumns, ['author_flair', 'post_flair', 'domain', 'image_md5', 'subreddit']);
  assertTree(t!);
});

test('4cat: a row without id or thread_id is skipped with its line; a broken CSV is an error naming the line', () => {
  const csv = 'thread_id,id,timestamp,body,author\n1,1,2024-03-22 21:00:00,op,a\n1,,2024-03-22 21:01:00,no id,b\n1,3,2024-03-22 21:02:00,reply,c\n';
  const [t] = readThreads(csv, 'x.csv');
  assert.equal(t!.format, '4cat');
  assert.deepEqual(t!.comments.map((c) => [c.id, c.parentId, c.createdAt]), [['1', '', '2024-03-22T21:00:00Z'], ['3', '1', '2024-03-22T21:02:00Z']]);
  assert.deepEqual(t!.skipped.map((s) => [s.line, s.reason]), [[3, 'line 3: "id" is empty']]);
  // Without the opening post's row, replies to it are top-level (depth 1).
  const [noOp] = readThreads('thread_id,id,timestamp,body,author\n1,2,2024-03-22 21:01:00,first,b\n1,3,2024-03-22 21:02:00,>>2 second,c\n', 'z.csv');
  assert.deepEqual(noOp!.comments.map((c) => [c.id, c.parentId, c.depth]), [['2', '', 1], ['3', '2', 2]]);
  assert.throws(() => readThreads('thread_id,id,body\n1,1,"never closed\n', 'y.csv'), { code: 'INPUT_CSV' });
});

test('4cat: a body that still has 4chan\'s HTML (quote links, greentext spans) is read as HTML', () => {
  const csv = 'thread_id,id,timestamp,body,author\n7,7,2024-03-22 21:00:00,op,a\n7,8,2024-03-22 21:01:00,"<a href=""#p7"" class=""quotelink"">&gt;&gt;7</a><br><span class=""quote"">&gt;op</span><br>no &amp; yes",b\n';
  const [t] = readThreads(csv, 'x.csv');
  assert.deepEqual([t!.comments[1]!.parentId, t!.comments[1]!.text, t!.comments[1]!.quoted, t!.comments[1]!.body], ['7', '>>7\n>op\nno & yes', ['op'], 'no & yes']);
});

test('golden: 4cat exports', () => {
  assertAdapterGolden('4cat-4chan', readFixture(CHAN));
  assertAdapterGolden('4cat-reddit', readFixture(REDDIT));
});
