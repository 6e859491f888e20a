/** Discourse adapter: topic JSON (old and current quote markup, a partial page) and the /raw export, on real server responses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readThread, readThreads } from '../src/input/index.js';
import { analyzeThread } from '../src/analysis/analyze.js';
import { ThreadstanceError } from '../src/errors.js';
import { SEED_THREAD, defaultClaims } from './helpers.js';
import { assertAdapterGolden, assertTree, fixture, readFixture } from './input-helpers.js';

const TOPIC = 'urho3d__little-question-about-glsl-shader.4113.json';
const PARTIAL = 'criticalfallibilism__t_2108_post_452.json';
const RAW = 'urho3d__little-question-about-glsl-shader.4113.raw.md';

test('discourse topic JSON: post numbers as ids, reply_to_post_number as parent, 20 posts 15 deep', () => {
  const [thread] = readFixture(TOPIC);
  assert.equal(thread!.format, 'discourse');
  assert.equal(thread!.title, 'Little question about glsl shader');
  assert.equal(thread!.flat, false);
  const c = thread!.comments;
  assert.deepEqual(c.map((x) => x.id), Array.from({ length: 20 }, (_, i) => String(i + 1)));
  assert.deepEqual(
    c.map((x) => x.parentId),
    ['', '1', '2', '3', '3', '5', '6', '7', '8', '9', '10', '10', '12', '1', '12', '15', '16', '17', '18', '19'],
  );
  assert.deepEqual(c.map((x) => x.depth), [0, 1, 2, 3, 3, 4, 5, 6, 7, 8, 9, 9, 10, 1, 10, 11, 12, 13, 14, 15]);
  assert.deepEqual(thread!.skipped, []);
  assertTree(thread!);
});

test('discourse: likes from actions_summary (id 2), none listed means 0; dates and author as given', () => {
  const c = readFixture(TOPIC)[0]!.comments;
  assert.deepEqual(c.map((x) => x.likes), [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0]);
  assert.equal(c[1]!.author, 'Eugene');
  assert.equal(c[1]!.createdAt, '2018-03-21T15:29:36.279Z');
  assert.equal(c[1]!.url, '/t/little-question-about-glsl-shader/4113/2');
});

test('discourse: the opening post is read with the topic title; old-style quotes go to quoted; entities decoded, curly quotes kept', () => {
  const c = readFixture(TOPIC)[0]!.comments;
  assert.ok(c[0]!.text.startsWith('Little question about glsl shader\n\nHello community,'));
  assert.deepEqual(c[1]!.quoted, ['Now i don’t know if this is valid shader code']);
  assert.ok(c[1]!.body.startsWith('It doesn’t do what you wish, so it’s not.\n\nI suppose that GLES2 hardware may not have integer ops.\nIf you are sure that only small ints are used (<1kk)'));
  assert.ok(!c[1]!.body.includes('simonsch:'), 'the quote header (avatar, user name) is not text');
  // A bare <blockquote> (Markdown "> ") is a quote too.
  assert.deepEqual(c[2]!.quoted, ['This is quite offtopic, but have you tried to make GLES 3 context in Urho?']);
});

test('discourse: emoji images become shortcodes in media, oneboxes and link targets media, code blocks keep their lines', () => {
  const c = readFixture(TOPIC)[0]!.comments;
  assert.deepEqual(c[4]!.media, [':smiley:']);
  assert.ok(c[4]!.text.includes(':smiley:') && !c[4]!.body.includes(':smiley:'));
  assert.deepEqual(c[13]!.media, ['https://github.com/urho3d/Urho3D/issues/1545']);
  assert.equal(c[13]!.body.split('\n')[0], '@Eugene in case you missed it:');
  assert.deepEqual(c[3]!.media, [
    'https://www.khronos.org/registry/OpenGL-Refpages/es3.0/',
    'https://www.khronos.org/registry/OpenGL-Refpages/es3.0/html/cos.xhtml',
    'https://www.khronos.org/registry/OpenGL-Refpages/es3.0/html/cosh.xhtml',
    'https://github.com/urho3d/Urho3D/blob/master/Source/Urho3D/Graphics/OpenGL/OGLGraphics.cpp#L382',
  ]);
  assert.ok(c[3]!.body.includes('It’s pretty clear what’s supported, e.g. cos and cosh'), 'link labels stay in the text');
  assert.ok(c[0]!.body.includes('int mod(int a, int b)\n{\n   return a - (b * floor(a/b));\n}'));
});

test('discourse partial page: replies to posts outside the page keep their parent, depth unknown; replies to the topic are top-level', () => {
  const [thread] = readFixture(PARTIAL);
  const c = thread!.comments;
  assert.equal(c.length, 20);
  assert.equal(thread!.title, "Comments on The Boyfriend's Introduction to Feminism");
  assert.deepEqual(c.slice(0, 5).map((x) => [x.id, x.parentId, x.depth]), [
    ['433', '428', undefined],
    ['434', '432', undefined],
    ['435', '', 1],
    ['436', '', 1],
    ['437', '', 1],
  ]);
  assert.equal(c[10]!.parentId, '149');
  assert.deepEqual([c[8]!.depth, c[9]!.depth], [2, 3], '441 answers 435, 442 answers 441');
  assertTree(thread!, (id) => Number(id) < 433);
  assert.deepEqual(thread!.skipped, []);
});

test('discourse partial page: current quote markup (data-username, nested quotes) and video oneboxes', () => {
  const c = readFixture(PARTIAL)[0]!.comments;
  const p442 = c.find((x) => x.id === '442')!;
  assert.equal(p442.quoted[0], 'If husband doesn’t give a hoot anymore about op then does he that mean he doens’t care about op’s wellbeing anymore?');
  assert.ok(p442.body.startsWith('Lol that’s actually great point.'));
  const p436 = c.find((x) => x.id === '436')!;
  assert.deepEqual([p436.body, p436.media, p436.status], ['', ['https://www.tiktok.com/@ollanicko/video/7583988830068313366'], undefined]);
  const p448 = c.find((x) => x.id === '448')!;
  assert.ok(p448.quoted.length >= 2 && p448.quoted.every((q) => !q.startsWith('>')), 'a quote inside a quote is flattened');
});

test('discourse: deleted, hidden and small-action posts are kept with a status', () => {
  const topic = JSON.parse(fs.readFileSync(fixture(TOPIC), 'utf8')) as { post_stream: { posts: Record<string, unknown>[] } };
  const posts = topic.post_stream.posts;
  Object.assign(posts[8]!, { cooked: '<p>(post deleted by author)</p>', user_deleted: true });
  Object.assign(posts[9]!, { hidden: true });
  posts.push({ ...posts[19]!, id: 23900, post_number: 21, post_type: 3, cooked: '', reply_to_post_number: null, action_code: 'closed.enabled' });
  const c = readThread(JSON.stringify(topic), 'topic.json').comments;
  assert.deepEqual([c[8]!.status, c[8]!.text, c[8]!.body], ['deleted', '', '']);
  assert.equal(c[9]!.status, 'removed');
  assert.ok(c[9]!.body.startsWith('That sucks'), 'a hidden post keeps the text the API sent');
  assert.deepEqual([c[20]!.id, c[20]!.status, c[20]!.parentId], ['21', 'action', '1']);
  assert.equal(c[10]!.parentId, '10', 'replies to a deleted post keep it as parent');
});

test('discourse: a post that cannot be read is skipped with its JSON path and line; the others are read', () => {
  const topic = JSON.parse(fs.readFileSync(fixture(TOPIC), 'utf8')) as { post_stream: { posts: Record<string, unknown>[] } };
  delete topic.post_stream.posts[1]!.post_number;
  topic.post_stream.posts[2]!.cooked = 42;
  const thread = readThread(JSON.stringify(topic, null, 1), 'topic.json');
  assert.equal(thread.comments.length, 18);
  assert.deepEqual(
    thread.skipped.map((s) => [s.line, s.reason]),
    [
      [54, 'post_stream.posts[1]: "post_number" is missing; expected the post\'s number'],
      [109, 'post_stream.posts[2]: "cooked" is a number; expected the post\'s HTML'],
    ],
  );
});

test('discourse: a truncated topic JSON is a clear error naming line, column and the open container', () => {
  const text = fs.readFileSync(fixture(TOPIC), 'utf8').slice(0, 30000);
  assert.throws(
    () => readThreads(text, 'cut.json'),
    (err: unknown) => {
      assert.ok(err instanceof ThreadstanceError);
      assert.equal(err.code, 'INPUT_JSON');
      assert.deepEqual(err.place, { file: 'cut.json', line: 1, column: 30001 });
      assert.equal(
        err.message,
        'invalid JSON: the file ends inside the object opened at line 1, column 28546 (at post_stream.posts[11]); it looks truncated (the outermost object, opened at line 1, column 1, is never closed). Save the whole response again',
      );
      return true;
    },
  );
});

test('discourse /raw export: posts by header line, flat, [quote] blocks as quotes, last-edit dates, no likes', () => {
  const [thread] = readFixture(RAW);
  assert.equal(thread!.format, 'discourse');
  assert.equal(thread!.flat, true);
  const c = thread!.comments;
  assert.deepEqual(c.map((x) => x.id), Array.from({ length: 20 }, (_, i) => String(i + 1)));
  assert.deepEqual(c.slice(0, 3).map((x) => [x.author, x.createdAt, x.line, x.parentId, x.depth, x.likes]), [
    ['simonsch', '2018-03-21T15:12:04Z', 1, '', 0, null],
    ['Eugene', '2018-03-27T11:30:34Z', 25, '', undefined, null],
    ['simonsch', '2018-03-22T08:21:08Z', 40, '', undefined, null],
  ]);
  assert.deepEqual(c[1]!.quoted, ['Now i don’t know if this is valid shader code']);
  assert.ok(c[1]!.body.startsWith("It doesn't do what you wish, so it's not."));
  // A quote line followed by more lines without a blank line continues the quote (lazy continuation).
  assert.deepEqual(c[4]!.quoted, ['#version 300 es', 'If I understood you correctly…', 'I usually use official specs to check things', 'https://www.khronos.org/registry/OpenGL-Refpages/es3.0/']);
  assert.deepEqual([c[16]!.quoted, c[16]!.body], [['dreading it.'], 'Hah, the same thing. Don’t know why, just don’t want to go through this pipeline.']);
  assert.deepEqual(c[5]!.media, ['upload://6kcK0gp5GKNNSbpVB1VhAXdOHDS.png']);
  assert.deepEqual(thread!.skipped, []);
});

test('golden: discourse topic, partial page and raw export', () => {
  assertAdapterGolden('discourse-topic', readFixture(TOPIC));
  assertAdapterGolden('discourse-partial', readFixture(PARTIAL));
  assertAdapterGolden('discourse-raw', readFixture(RAW));
});

/** Renders a pasted comment's text as Discourse would cook it: paragraphs, <br>, emoji images, links, GIF images, quotes. */
function cook(text: string): string {
  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const inline = (line: string): string =>
    /\bGIF(?: by .+)?$/.test(line.trim())
      ? `<img src="https://media.giphy.com/media/x/giphy.gif" alt="${esc(line.trim())}" width="480" height="270">`
      : esc(line)
          .replace(/https?:\/\/[^\s<>"]+/g, (u) => `<a href="${u}">${u}</a>`)
          .replace(/:[a-z0-9_+-]{2,40}:/g, (e) => `<img src="https://emoji.discourse-cdn.com/twitter/${e.slice(1, -1)}.png?v=12" title="${e}" class="emoji" alt="${e}">`);
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${para.split('\n').map(inline).join('<br>\n')}</p>`)
    .join('\n');
}

test('the pasted seed thread and a Discourse JSON rendering of it give the same stances for every comment and claim', () => {
  const pasted = readThread(fs.readFileSync(SEED_THREAD, 'utf8'), SEED_THREAD);
  const title = pasted.comments[0]!.text.split('\n')[0]!;
  const posts = pasted.comments.map((c, i) => ({
    id: 5000 + i,
    username: `user${i}`,
    created_at: '2024-03-22T20:00:00.000Z',
    cooked: cook(i === 0 ? c.text.split('\n').slice(1).join('\n').trim() : c.text),
    post_number: i + 1,
    post_type: 1,
    // The pasted thread has no reply structure: each post answers the one before, as threadstance reads it.
    reply_to_post_number: i >= 2 ? i : null,
    like_count: c.likes,
  }));
  const json = readThread(JSON.stringify({ post_stream: { posts }, title, id: 244001 }), 'seed.json');
  assert.equal(json.format, 'discourse');
  assert.deepEqual(json.comments.map((c) => c.likes), pasted.comments.map((c) => c.likes));
  assert.deepEqual(json.comments.map((c) => c.body.replace(/\s+/g, ' ')), pasted.comments.map((c) => c.body.replace(/\s+/g, ' ')));
  const cc = defaultClaims();
  const fromPasted = analyzeThread(pasted, cc);
  const fromJson = analyzeThread(json, cc);
  const stances = (rows: typeof fromPasted): string[][] => rows.map((r) => [...r.stances].map(([id, j]) => `${id}:${j.stance}:${j.score}`));
  assert.deepEqual(stances(fromJson), stances(fromPasted));
});
