/** Hacker News adapter: Algolia items/{id} and Firebase item JSON, on fixtures shaped like the APIs' documented responses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readThreads } from '../src/input/index.js';
import type { Comment } from '../src/types.js';
import { assertAdapterGolden, assertTree, childrenOf, fixture, readFixture } from './input-helpers.js';

const ALGOLIA = 'hn-algolia__item__39791001.json';
const FIREBASE = 'hn-firebase__items__39791001.json';

test('hacker news (Algolia): the story and its nested children in display order, with depth', () => {
  const [thread] = readFixture(ALGOLIA);
  assert.equal(thread!.format, 'hackernews');
  assert.equal(thread!.title, 'Islamic State claims responsibility for Moscow concert hall attack');
  const c = thread!.comments;
  assert.deepEqual(c.map((x) => [x.id, x.parentId, x.depth]), [
    ['39791001', '', 0],
    ['39791002', '39791001', 1],
    ['39791003', '39791002', 2],
    ['39791004', '39791003', 3],
    ['39791005', '39791004', 4],
    ['39791006', '39791005', 5],
    ['39791007', '39791001', 1],
  ]);
  assert.deepEqual([c[0]!.likes, c[1]!.likes], [412, null], 'points: the story has them, Algolia gives comments none');
  assert.deepEqual([c[0]!.text, c[0]!.media], ['Islamic State claims responsibility for Moscow concert hall attack', ['https://example.org/news/2024/03/22/moscow-concert-hall-attack']]);
  assert.deepEqual([c[1]!.author, c[1]!.createdAt, c[1]!.url], ['anon_analyst', '2024-03-22T23:26:40.000Z', 'https://news.ycombinator.com/item?id=39791002']);
  assertTree(thread!);
});

test('hacker news: HTML text as plain text, entities decoded, "&gt;" paragraphs as quotes, shortened link labels as full addresses', () => {
  const c = readFixture(ALGOLIA)[0]!.comments;
  assert.equal(c[1]!.body, 'The US embassy warned of an imminent attack on "large gatherings" two weeks earlier.');
  assert.deepEqual(c[2]!.quoted, ['The claim came with a photo of the four attackers.']);
  assert.equal(c[2]!.body, 'That photo is what convinced me. ISIS-K has done this before; blaming Ukraine is a political move.');
  assert.equal(c[4]!.text, 'Source? Here: https://example.org/reports/2024/03/amaq-claim-crocus-city-hall-full-text');
  assert.deepEqual([c[4]!.body, c[4]!.media], ['Source? Here:', ['https://example.org/reports/2024/03/amaq-claim-crocus-city-hall-full-text']]);
  assert.equal(c[5]!.body, 'Thanks. For what it\'s worth, the Russian reporting ("Крокус Сити Холл") says the same.');
  assert.equal(c[6]!.body, "Naïve question: does Amaq ever claim attacks it didn't do?\n\nI remember the 2017 case was disputed.\n\n  claims verified: 9/10");
});

test('hacker news: a deleted comment (no author, no text) stays with status deleted; its reply keeps it as parent', () => {
  const c = readFixture(ALGOLIA)[0]!.comments;
  assert.deepEqual([c[3]!.id, c[3]!.status, c[3]!.author, c[3]!.text], ['39791004', 'deleted', '', '']);
  assert.equal(c[4]!.parentId, '39791004');
});

test('hacker news (Firebase): items in any order become the same tree, siblings in the order of their parent\'s kids', () => {
  const [fb] = readFixture(FIREBASE);
  const [al] = readFixture(ALGOLIA);
  const c = fb!.comments;
  assert.deepEqual(childrenOf(fb!), {
    '(root)': ['39791001'],
    39791001: ['39791002', '39791007'],
    39791002: ['39791003', '39791008'],
    39791003: ['39791004'],
    39791004: ['39791005'],
    39791005: ['39791006'],
  });
  const dead = c.find((x) => x.id === '39791008')!;
  assert.deepEqual([dead.status, dead.author, dead.body], ['dead', 'spam4u', 'Buy cheap followers at example.com']);
  assert.deepEqual([c[3]!.status, c[3]!.author], ['deleted', '']);
  // Everything both APIs give agrees.
  const view = (x: Comment): unknown[] => [x.id, x.parentId, x.depth, x.author, Date.parse(x.createdAt), x.body, x.quoted, x.media, x.status, x.url];
  assert.deepEqual(c.filter((x) => x.id !== '39791008').map(view), al!.comments.map(view).sort((a, b) => c.findIndex((x) => x.id === a[0]) - c.findIndex((x) => x.id === b[0])));
  assert.deepEqual([c[0]!.likes, c[0]!.createdAt, c[0]!.line], [412, '2024-03-22T22:36:40Z', 2]);
  assertTree(fb!);
});

test('hacker news (Firebase): JSON Lines of items and a single item are read too', () => {
  const items = JSON.parse(fs.readFileSync(fixture(FIREBASE), 'utf8')) as Record<string, unknown>[];
  const [lines] = readThreads(items.map((i) => JSON.stringify(i)).join('\n'), 'items.jsonl');
  assert.equal(lines!.format, 'hackernews');
  assert.deepEqual(lines!.comments.map((c) => [c.id, c.line]).slice(0, 3), [['39791001', 1], ['39791002', 3], ['39791003', 4]]);
  const [single] = readThreads(JSON.stringify(items[3]), 'item.json');
  assert.deepEqual(single!.comments.map((c) => [c.id, c.parentId, c.depth]), [['39791003', '39791002', undefined]]);
});

test('hacker news: an Algolia child that is not an item is skipped with its JSON path', () => {
  const story = JSON.parse(fs.readFileSync(fixture(ALGOLIA), 'utf8')) as { children: unknown[] };
  story.children.push(17);
  const [thread] = readThreads(JSON.stringify(story, null, 2), 'story.json');
  assert.equal(thread!.comments.length, 7);
  assert.deepEqual(thread!.skipped.map((s) => [s.line, s.reason]), [[98, 'children[2]: expected an item object, found a number']]);
});

test('golden: hacker news Algolia and Firebase', () => {
  assertAdapterGolden('hn-algolia', readFixture(ALGOLIA));
  assertAdapterGolden('hn-firebase', readFixture(FIREBASE));
});
