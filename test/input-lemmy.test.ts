/** Lemmy adapter: a comment/list response shaped like the API's (written for these tests) and real lemmy.ml comment views. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readThreads } from '../src/input/index.js';
import { assertAdapterGolden, assertTree, childrenOf, fixture, readFixture } from './input-helpers.js';

const LIST = 'lemmy__comment-list__13579246.json';
const PERSON = 'sublinks-frontend__test-person-data__66a887a7.json';

test('lemmy comment/list: parent and depth from path, replies after their parent, the post name as title', () => {
  const [thread] = readFixture(LIST);
  assert.equal(thread!.format, 'lemmy');
  assert.equal(thread!.title, 'Islamic State claims responsibility for the Crocus City Hall attack');
  const c = thread!.comments;
  assert.deepEqual(c.map((x) => [x.id, x.parentId, x.depth]), [
    ['24680006', '', 1],
    ['24680007', '24680006', 2],
    ['24680001', '', 1],
    ['24680002', '24680001', 2],
    ['24680003', '24680002', 3],
    ['24680004', '24680003', 4],
    ['24680005', '24680004', 5],
  ]);
  assert.deepEqual(childrenOf(thread!), {
    '(root)': ['24680006', '24680001'],
    24680006: ['24680007'],
    24680001: ['24680002'],
    24680002: ['24680003'],
    24680003: ['24680004'],
    24680004: ['24680005'],
  });
  assertTree(thread!);
});

test('lemmy: score as likes, published as ISO 8601, ap_id as url, federated authors as name@instance', () => {
  const c = readFixture(LIST)[0]!.comments;
  const boris = c.find((x) => x.id === '24680002')!;
  assert.deepEqual([boris.author, boris.likes, boris.createdAt, boris.url], ['boris@lemmy.ml', 15, '2024-03-22T23:30:18.000001Z', 'https://lemmy.ml/comment/24680002']);
  assert.equal(c.find((x) => x.id === '24680001')!.author, 'anna_k');
  assert.equal(c.find((x) => x.id === '24680006')!.likes, -6);
});

test('lemmy: deleted and removed comments are kept with a status and no text; a Markdown quote goes to quoted', () => {
  const c = readFixture(LIST)[0]!.comments;
  const byId = (id: string): (typeof c)[number] => c.find((x) => x.id === id)!;
  assert.deepEqual([byId('24680004').status, byId('24680004').text, byId('24680004').author], ['deleted', '', 'dan']);
  assert.deepEqual([byId('24680006').status, byId('24680006').text], ['removed', '']);
  assert.deepEqual(byId('24680002').quoted, ['IS-K claimed it through Amaq the same night.']);
  assert.equal(byId('24680002').body, 'A claim is not proof. But blaming Ukraine without evidence is even less convincing.');
  assert.equal(byId('24680003').body, 'Ça ressemble à leur méthode. The four suspects are from Tajikistan — «Крокус» was a soft target.');
  assert.equal(byId('24680005').body, 'Why was that deleted? It was only a link to the Amaq statement & a translation.');
  assert.deepEqual(byId('24680005').media, ['https://example.org/amaq-statement']);
});

test('lemmy: real comment views from several posts become one thread per post; parents outside the file are kept', () => {
  const threads = readFixture(PERSON);
  assert.deepEqual(threads.map((t) => [t.id, t.comments.length]), [
    ['9012262', 1],
    ['2151005', 1],
    ['8724532', 3],
    ['8959496', 1],
    ['8925517', 1],
    ['8543124', 7],
    ['8873453', 4],
    ['8896050', 2],
  ]);
  const deep = threads[5]!.comments.find((x) => x.id === '6423916')!;
  assert.deepEqual([deep.parentId, deep.depth, deep.author, deep.body], ['6307572', 6, 'dessalines', 'Thx! It turned out to be a lot more than we expected 😭']);
  const image = threads[0]!.comments[0]!;
  assert.deepEqual([image.body, image.media, image.line], ['Me getting ideas from this thread', ['https://lemmy.ml/pictrs/image/43d092c2-ecaa-4a95-833f-e6885151c086.jpeg'], 28]);
  for (const t of threads) assertTree(t, () => true);
});

test('lemmy: a comment view that cannot be read is skipped with its JSON path and line', () => {
  const doc = JSON.parse(fs.readFileSync(fixture(LIST), 'utf8')) as { comments: { comment: Record<string, unknown> }[] };
  doc.comments[1]!.comment.path = '0.1.2';
  (doc.comments as unknown[]).push('not a view');
  const [thread] = readThreads(JSON.stringify(doc, null, 2), 'list.json');
  assert.equal(thread!.comments.length, 6);
  assert.deepEqual(thread!.skipped.map((s) => [s.line, s.reason]), [
    [77, 'comments[1]: comment.path is "0.1.2"; expected "0.….24680006"'],
    [522, 'comments[7]: expected a comment view {"comment": {...}, "creator": {...}}, found a string'],
  ]);
});

test('golden: lemmy comment list and person comments', () => {
  assertAdapterGolden('lemmy-list', readFixture(LIST));
  assertAdapterGolden('lemmy-person', readFixture(PERSON));
});
