/** Mastodon adapter: /api/v1/statuses/{id}/context and arrays of statuses, on fixtures shaped like the documented Status entity. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readThreads } from '../src/input/index.js';
import { assertAdapterGolden, assertTree, fixture, readFixture } from './input-helpers.js';

const CONTEXT = 'mastodon__context__112140000000000002.json';

interface Status {
  id: string;
  in_reply_to_id: string | null;
  content: string;
  media_attachments: unknown[];
  [key: string]: unknown;
}

const statuses = (): { ancestors: Status[]; descendants: Status[] } => JSON.parse(fs.readFileSync(fixture(CONTEXT), 'utf8')) as { ancestors: Status[]; descendants: Status[] };

test('mastodon context: ancestors then descendants in reply order; replies to the status asked about keep its id, one below the last ancestor', () => {
  const [thread] = readFixture(CONTEXT);
  assert.equal(thread!.format, 'mastodon');
  const c = thread!.comments;
  assert.deepEqual(c.map((x) => [x.id, x.parentId, x.depth]), [
    ['112140000000000001', '', 0],
    ['112140000000000003', '112140000000000002', 2],
    ['112140000000000004', '112140000000000003', 3],
    ['112140000000000005', '112140000000000004', 4],
    ['112140000000000008', '112140000000000003', 3],
  ]);
  assert.deepEqual(c.map((x) => [x.author, x.likes]), [['osint_anna', 42], ['jens@chaos.social', 17], ['kira@mstdn.jp', 5], ['factcheck@fosstodon.org', 9], ['jens@chaos.social', 0]]);
  assert.deepEqual([c[1]!.createdAt, c[1]!.url, c[1]!.line], ['2024-03-22T22:31:07.000Z', 'https://chaos.social/@jens/112140000000000003', 59]);
  assertTree(thread!, (id) => id === '112140000000000002');
});

test('mastodon: HTML content as text; mentions and hashtags stay words; "&gt;" and <blockquote> are quotes; hidden URL parts restored', () => {
  const c = readFixture(CONTEXT)[0]!.comments;
  assert.equal(c[0]!.body, 'Shooting reported at Crocus City Hall near Moscow. Details unclear. #Moscow');
  assert.deepEqual(c[0]!.media, []);
  assert.deepEqual(c[1]!.quoted, ['Amaq says IS carried it out']);
  assert.equal(c[1]!.body, '@osint_anna\n\nDas deckt sich mit dem Bekennerschreiben. Blaming Ukraine makes no sense here.');
  assert.equal(c[2]!.text, '速報です。 The claim came with a photo: https://example.org/news/2024/03/22/amaq-claim-photo-of-the-attackers');
  assert.deepEqual([c[2]!.body, c[2]!.media], ['速報です。 The claim came with a photo:', ['https://example.org/news/2024/03/22/amaq-claim-photo-of-the-attackers']]);
});

test('mastodon: a content warning is read before the text; attachments are media; an attachment-only reply is not empty', () => {
  const c = readFixture(CONTEXT)[0]!.comments;
  assert.deepEqual(c[3]!.quoted, ['The claim came with a photo']);
  assert.equal(c[3]!.body, 'graphic image, violence\n\nVerified: the photo matches the CCTV stills. Graphic image below.');
  assert.deepEqual(c[3]!.media, ['https://files.fosstodon.org/media_attachments/files/112/140/000/000/901/original/cctv.jpg']);
  assert.deepEqual([c[4]!.body, c[4]!.status, c[4]!.media], ['', undefined, ['https://files.chaos.social/media_attachments/files/112/140/000/000/902/original/nod.mp4']]);
});

test('mastodon: an array of statuses; a reply to a deleted status keeps its id; a status with nothing in it is empty', () => {
  const { ancestors, descendants } = statuses();
  const reply: Status = { ...descendants[0]!, id: '112140000000000007', in_reply_to_id: '112140000000000006', content: '<p>Replying to a post that is gone now: no, nobody credible says it was staged.</p>' };
  const blank: Status = { ...descendants[0]!, id: '112140000000000009', in_reply_to_id: '112140000000000001', content: '', media_attachments: [] };
  const [thread] = readThreads(JSON.stringify([...ancestors, reply, blank]), 'statuses.json');
  assert.deepEqual(thread!.comments.map((x) => [x.id, x.parentId, x.depth ?? null, x.status ?? '']), [
    ['112140000000000001', '', 0, ''],
    ['112140000000000009', '112140000000000001', 1, 'empty'],
    ['112140000000000007', '112140000000000006', null, ''],
  ]);
});

test('mastodon: a status that cannot be read is skipped with its JSON path and line', () => {
  const doc = statuses();
  (doc.descendants[1] as Record<string, unknown>).content = null;
  const [thread] = readThreads(JSON.stringify(doc, null, 2), 'context.json');
  assert.equal(thread!.comments.length, 4);
  assert.deepEqual(thread!.skipped.map((s) => [s.line, s.reason]), [[120, 'descendants[1]: "content" is null; expected the status\'s HTML']]);
  // Its reply keeps it as parent; the depth below it is unknown.
  assert.deepEqual(thread!.comments.find((x) => x.id === '112140000000000005')!.parentId, '112140000000000004');
});

test('mastodon: the "RE: link" line of a quote post is not text; the quoted post\'s address is media', () => {
  const { ancestors } = statuses();
  const quotePost: Status = { ...ancestors[0]!, id: '112140000000000010', content: '<p class="quote-inline">RE: <a href="https://mastodon.social/@x/1">mastodon.social/@x/1</a></p><p>This aged badly.</p>' };
  const [thread] = readThreads(JSON.stringify([quotePost]), 'q.json');
  assert.deepEqual([thread!.comments[0]!.body, thread!.comments[0]!.media], ['This aged badly.', ['https://mastodon.social/@x/1']]);
});

test('golden: mastodon context', () => {
  assertAdapterGolden('mastodon-context', readFixture(CONTEXT));
});
