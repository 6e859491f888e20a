/** Reddit adapter: the comments JSON (real RumourEval threads) and Pushshift/Arctic Shift dumps. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readThreads } from '../src/input/index.js';
import { ThreadstanceError } from '../src/errors.js';
import { assertAdapterGolden, assertTree, fixture, readFixture } from './input-helpers.js';

const ETNA = 'rumoureval2019__dev__66yxyf__raw.json';
const LABOUR = 'rumoureval2019__train__46uw4y__raw.json';
const SAGAN = 'rumoureval2019__train__4c7iec__raw.json';
const DUMP = 'reddit-dump__46uw4y.ndjson';

interface Thing {
  kind: string;
  data: { id: string; parent_id: string; replies?: '' | { data: { children: Thing[] } } };
}

/** The platform's tree, walked straight from the JSON: [id, parent] in display order. */
function platformTree(name: string): string[][] {
  const doc = JSON.parse(fs.readFileSync(fixture(name), 'utf8')) as { data: { children: Thing[] } }[];
  const out: string[][] = [[doc[0]!.data.children[0]!.data.id, '']];
  const walk = (things: Thing[]): void => {
    for (const t of things) {
      const parent = t.data.parent_id.slice(3);
      out.push([t.kind === 'more' ? `more_${parent}` : t.data.id, parent]);
      if (t.data.replies) walk(t.data.replies.data.children);
    }
  };
  walk(doc[1]!.data.children);
  return out;
}

test('reddit comments JSON: the t3 post is comment 0, nested t1 comments follow in display order with their depth', () => {
  const [thread] = readFixture(ETNA);
  assert.equal(thread!.format, 'reddit');
  assert.equal(thread!.title, 'Debunk this: Mt. Etna has already put out more than 10,000x tbe CO2 than humankind has in its entire existence.');
  const c = thread!.comments;
  assert.equal(c.length, 16);
  assert.deepEqual([c[0]!.id, c[0]!.parentId, c[0]!.depth, c[0]!.author, c[0]!.likes, c[0]!.createdAt], ['66yxyf', '', 0, 'ryaniskira', 38, '2017-04-22T22:54:54Z']);
  assert.equal(c[0]!.text, thread!.title, 'a link post: its title is its text');
  assert.deepEqual(c[0]!.media, ['http://imgur.com/XaS4oh5']);
  assert.equal(c[0]!.url, 'https://www.reddit.com/r/DebunkThis/comments/66yxyf/debunk_this_mt_etna_has_already_put_out_more_than/');
  assert.deepEqual(c.map((x) => x.depth), [0, 1, 2, 3, 4, 5, 6, 7, 7, 7, 8, 9, 9, 3, 1, 1]);
  assert.deepEqual(c.map((x) => [x.id, x.parentId]), platformTree(ETNA));
  assertTree(thread!);
});

test('reddit: [deleted] comments stay as rows with status, no author and no text; their replies keep them as parent', () => {
  const c = readFixture(ETNA)[0]!.comments;
  const deleted = c.filter((x) => x.status === 'deleted');
  assert.deepEqual(deleted.map((x) => x.id), ['dgmfqgc', 'dgmgdpz', 'dgmj3qu', 'dgmod3j']);
  assert.deepEqual(deleted.map((x) => [x.author, x.text, x.body, x.likes]), [['', '', '', -8], ['', '', '', -21], ['', '', '', -17], ['', '', '', -9]]);
  assert.equal(c.find((x) => x.id === 'dgmg44w')!.parentId, 'dgmfqgc');
  // An account deleted later leaves its comment readable: no author, no status.
  const orphan = c.find((x) => x.id === 'dh6cnp1')!;
  assert.deepEqual([orphan.author, orphan.status], ['', undefined]);
  assert.ok(orphan.body.startsWith('Totally false, and ideologically inspired.'));
  // A comment that is only a link has no words of its own but is not empty.
  const link = c.find((x) => x.id === 'dgmdk4o')!;
  assert.deepEqual([link.body, link.media, link.status], ['', ['http://www.snopes.com/volcano-carbon-emissions/'], undefined]);
});

test('reddit: a chain ten deep ends in a "continue this thread" stub kept as a row with status more', () => {
  const [thread] = readFixture(SAGAN);
  const c = thread!.comments;
  assert.equal(c.length, 12);
  assert.deepEqual(c.map((x) => x.depth), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  assert.deepEqual([c[11]!.id, c[11]!.parentId, c[11]!.status, c[11]!.text, c[11]!.likes], ['more_d1hwu7p', 'd1hwu7p', 'more', '', null]);
  assert.deepEqual(c.map((x) => [x.id, x.parentId]), platformTree(SAGAN));
  assert.ok(c[0]!.text.includes('–'), 'non-ASCII (an en dash) survives');
});

test('reddit: &gt; quotes go to quoted, Markdown links to media with their label kept', () => {
  const c = readFixture(SAGAN)[0]!.comments;
  assert.deepEqual(c[2]!.quoted, ["SK was exploring ideas for the aliens later in 1965 and through 1966  ... None of this would have been done had SK followed Sagan's advice."]);
  assert.ok(c[2]!.body.startsWith('Frewin says\n\nThe baby at the end is not an alien.'));
  assert.deepEqual(c[8]!.quoted, ['at what point in the video (minutes:seconds)']);
  assert.deepEqual(c[9]!.media, ['https://www.ncbi.nlm.nih.gov/pubmed/23881860']);
  assert.ok(c[9]!.body.startsWith('Here is the science paper.'));
});

test('reddit: 48 comments in 12 top-level trees; the tree rebuilt from parent ids is the platform\'s', () => {
  const [thread] = readFixture(LABOUR);
  assert.equal(thread!.comments.length, 50);
  assert.deepEqual(thread!.comments.map((x) => [x.id, x.parentId]), platformTree(LABOUR));
  assert.equal(thread!.comments.filter((x) => x.parentId === '46uw4y').length, 12);
  assert.equal(Math.max(...thread!.comments.map((x) => x.depth ?? 0)), 11);
  assertTree(thread!);
});

test('reddit: entities decoded, Markdown removed, a comments-only Listing makes top-level replies of the absent post', () => {
  const listing = {
    kind: 'Listing',
    data: {
      children: [
        { kind: 't1', data: { id: 'c1', parent_id: 't3_p1', link_id: 't3_p1', author: 'ann', score: 3, created_utc: 1711141800, depth: 0, body: 'Fish &amp; chips, **bold**, ~~no~~ and `code`\n\n* one\n* two', replies: '' } },
        { kind: 't1', data: { id: 'c2', parent_id: 't3_p1', link_id: 't3_p1', author: 'bob', score: 0, created_utc: 1711141900, depth: 0, body: '[removed]', replies: '' } },
      ],
    },
  };
  const [thread] = readThreads(JSON.stringify(listing), 'listing.json');
  const c = thread!.comments;
  assert.deepEqual(c.map((x) => [x.id, x.parentId, x.depth, x.status]), [['c1', '', 1, undefined], ['c2', '', 1, 'removed']]);
  assert.equal(c[0]!.body, 'Fish & chips, bold, no and code\n\n- one\n- two');
  assert.equal(c[0]!.createdAt, '2024-03-22T21:10:00Z');
});

test('reddit: titles and bodies are decoded twice (the JSON escapes what Markdown already escapes); zero-width paragraphs vanish', () => {
  const page = [
    { kind: 'Listing', data: { children: [{ kind: 't3', data: { id: 'p1', title: 'Q&amp;A: who did it?', selftext: 'Line one\n\n&amp;#x200B;\n\nAT&amp;amp;T &amp;lt;3', author: 'op', score: 5, created_utc: 1711141800, is_self: true, permalink: '/r/x/comments/p1/qa/' } }] } },
    { kind: 'Listing', data: { children: [] } },
  ];
  const [thread] = readThreads(JSON.stringify(page), 'page.json');
  assert.equal(thread!.title, 'Q&A: who did it?');
  assert.equal(thread!.comments[0]!.body, 'Q&A: who did it?\n\nLine one\n\nAT&T <3');
});

test('reddit: a thing that cannot be read is skipped with its JSON path; the rest is read', () => {
  const doc = JSON.parse(fs.readFileSync(fixture(SAGAN), 'utf8')) as { data: { children: { kind: string; data: Record<string, unknown> }[] } }[];
  const first = doc[1]!.data.children[0]!;
  const child = (first.data.replies as { data: { children: { kind: string; data: Record<string, unknown> }[] } }).data.children[0]!;
  child.data.body = null;
  doc[1]!.data.children.push({ kind: 't5', data: { id: 'sub' } });
  const [thread] = readThreads(JSON.stringify(doc), 'sagan.json');
  assert.deepEqual(thread!.skipped.map((s) => s.reason), [
    '[1].data.children[0].data.replies.data.children[0]: "body" is null; expected the comment\'s Markdown',
    '[1].data.children[1]: unknown kind "t5"; expected t1 (comment), t3 (post) or more',
  ]);
  // The unreadable comment's replies are still read; they keep it as parent.
  assert.equal(thread!.comments.find((x) => x.id === 'd1gk4hc')!.parentId, 'd1gdbx9');
});

test('reddit: a file that is not a comments page is a clear error', () => {
  assert.throws(
    () => readThreads('[{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"id": "x"}}]}}, 7]', 'bad.json', 'reddit'),
    (err: unknown) => err instanceof ThreadstanceError && err.code === 'INPUT_SHAPE' && /expected Reddit's comments JSON/.test(err.message),
  );
});

test('reddit dump (Pushshift/Arctic Shift JSON Lines): same comments, parents and depths as the comments page, in reply order', () => {
  const [dump] = readFixture(DUMP);
  const [page] = readFixture(LABOUR);
  assert.equal(dump!.format, 'reddit');
  assert.equal(dump!.id, 'reddit-dump__46uw4y', 'one post: the thread keeps the file name');
  assert.equal(dump!.title, 'Would Labour win if young people voted?');
  assert.equal(dump!.comments.length, 49, 'the post and 48 comments; dumps have no "more" stubs');
  const key = (c: { id: string; parentId: string; depth?: number; author: string; likes: number | null; createdAt: string; body: string; status?: string }): string =>
    JSON.stringify([c.id, c.parentId, c.depth, c.author, c.likes, c.createdAt, c.body, c.status]);
  assert.deepEqual(dump!.comments.map(key).sort(), page!.comments.filter((c) => c.status !== 'more').map(key).sort());
  assert.deepEqual(dump!.comments.map((c) => c.line).slice(0, 3), [1, 2, 3]);
  assertTree(dump!);
});

test('reddit dump: bad lines are skipped with their line number; several posts become several threads', () => {
  const lines = [
    JSON.stringify({ id: 'a1', link_id: 't3_p1', parent_id: 't3_p1', author: 'ann', body: 'first', score: 2, created_utc: '1711141800', subreddit: 'x' }),
    '{"id": "a2", "link_id": "t3_p1", "parent_id": "t1_a1", "body": "cut off',
    JSON.stringify({ id: 'b1', link_id: 't3_p2', parent_id: 't3_p2', author: '[deleted]', body: '[deleted]', score: 1, created_utc: 1711141900, subreddit: 'x' }),
    '[1, 2]',
    JSON.stringify({ id: 'a3', parent_id: 't1_a1', author: 'cy', body: 'no link id', created_utc: 1711142000, link_id: '' }),
    JSON.stringify({ id: 'a4', link_id: 't3_p1', parent_id: 't1_zz', author: 'dee', body: 'reply to a comment not in the dump', created_utc: 1711142100 }),
    JSON.stringify({ id: 'a1', link_id: 't3_p1', parent_id: 't3_p1', author: 'ann', body: 'first, fetched twice', created_utc: 1711141800 }),
  ];
  const threads = readThreads(lines.join('\n'), 'dump.ndjson');
  assert.deepEqual(threads.map((t) => [t.id, t.comments.map((c) => [c.id, c.parentId, c.depth ?? null, c.status ?? ''])]), [
    ['p1', [['a1', '', 1, ''], ['a4', 'zz', null, '']]],
    ['p2', [['b1', '', 1, 'deleted']]],
  ]);
  assert.equal(threads[0]!.comments[0]!.createdAt, '2024-03-22T21:10:00Z', 'created_utc as a string, as in old dumps');
  assert.deepEqual(threads[0]!.skipped.map((s) => [s.line, s.reason.replace(/: invalid JSON: .*/, ': invalid JSON')]), [
    [2, 'line 2: invalid JSON'],
    [4, 'line 4: expected a Reddit comment or submission object'],
    [5, 'line 5: a comment without "link_id"; cannot tell which post it belongs to'],
    [7, 'line 7: id "a1" was already read on line 1; kept the first'],
  ]);
});

test('reddit dump: Pushshift\'s API answer {"data": [...]} is read the same way', () => {
  const data = fs.readFileSync(fixture(DUMP), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
  const [thread] = readThreads(JSON.stringify({ data }, null, 1), 'search.json');
  assert.equal(thread!.comments.length, 49);
  assert.deepEqual(thread!.skipped, []);
});

test('golden: reddit comments pages and dump', () => {
  assertAdapterGolden('reddit-etna', readFixture(ETNA));
  assertAdapterGolden('reddit-sagan', readFixture(SAGAN));
  assertAdapterGolden('reddit-labour', readFixture(LABOUR));
  assertAdapterGolden('reddit-dump', readFixture(DUMP));
});
