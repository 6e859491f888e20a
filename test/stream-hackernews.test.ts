/**
 * Hacker News Firebase items as JSON Lines are streamed: one thread per story, the comments, parents
 * and depths of the whole reading, in file order. Read whole (a JSON array), the same items give the
 * same threads.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openInput, type InputSource } from '../src/input/source.js';
import { readThreads } from '../src/input/index.js';
import type { Comment } from '../src/types.js';
import { fixture } from './input-helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-stream-hn-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Opens a file that must be streamed: its whole text is never asked for. */
function open(file: string): Promise<InputSource> {
  return openInput(file, {
    format: 'auto',
    encoding: 'auto',
    title: '',
    readText: (f) => {
      throw new Error(`${f} was read whole`);
    },
  });
}

async function rows(source: InputSource): Promise<string[]> {
  const out: string[] = [];
  for await (const { thread, comment: c } of source.items()) out.push(`${thread.id} #${c.index} ${c.id} parent=${c.parentId} depth=${c.depth ?? '?'} line=${c.line} ${c.body.slice(0, 24)}`);
  return out;
}

/** A comment without its place in the thread's order, which is file order when streamed and HN's ranked reply order when read whole. */
function placeless(c: Comment): Omit<Comment, 'index'> {
  const { index: _index, ...rest } = c;
  return rest;
}

test('hacker news streamed: the fixture as JSON Lines gives the whole reading\'s thread and comments, in file order', async () => {
  const items = JSON.parse(fs.readFileSync(fixture('hn-firebase__items__39791001.json'), 'utf8')) as unknown[];
  const file = path.join(tmp, 'story.jsonl');
  fs.writeFileSync(file, items.map((i) => JSON.stringify(i)).join('\n') + '\n');
  const source = await open(file);
  const whole = readThreads(fs.readFileSync(file, 'utf8'), file);
  assert.equal(source.streamed, true);
  assert.equal(whole.length, 1);
  assert.deepEqual(
    source.threads.map((t) => [t.id, t.title, t.format, t.flat, t.size, t.skipped]),
    whole.map((t) => [t.id, t.title, t.format, t.flat, t.comments.length, t.skipped]),
  );
  const got: Comment[] = [];
  for await (const { comment } of source.items()) got.push(comment);
  assert.deepEqual(got.map((c) => c.index), got.map((_, i) => i));
  assert.deepEqual(got.map((c) => c.line), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(got.map(placeless), [...whole[0]!.comments].sort((a, b) => a.line - b.line).map(placeless));
});

/** Two stories interleaved, a reply to a comment that is not in the file, a repeated id, a damaged line and an item that is not an object. */
const MIXED = [
  { id: 100, type: 'story', by: 'a', time: 1711141000, title: 'Crocus City Hall attack', kids: [102, 101] },
  { id: 200, type: 'story', by: 'b', time: 1711142000, title: 'Kremlin blames Ukraine', text: 'Discuss.' },
  { id: 101, type: 'comment', by: 'c', time: 1711141100, parent: 100, text: 'ISIS-K claimed it.' },
  { id: 201, type: 'comment', by: 'd', time: 1711142100, parent: 200, text: 'No evidence for that.' },
  { id: 102, type: 'comment', by: 'e', time: 1711141200, parent: 100, text: 'The US warned of it.' },
  { id: 103, type: 'comment', by: 'f', time: 1711141300, parent: 101, text: 'Amaq posted a video.' },
  '{"id": 104, "type": "comment", "by": "g"',
  { id: 202, type: 'comment', by: 'h', time: 1711142200, parent: 201, text: 'Agreed.' },
  { id: 101, type: 'comment', by: 'c', time: 1711141100, parent: 100, text: 'ISIS-K claimed it (again).' },
  { id: 302, type: 'comment', by: 'i', time: 1711143000, parent: 301, text: 'An orphan reply.' },
  { id: 303, type: 'comment', by: 'j', time: 1711143100, parent: 302, text: 'Its reply.' },
  [1, 2],
];
const mixedLines = MIXED.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n') + '\n';

test('hacker news streamed: one thread per story, in file order; an orphan reply opens a thread named by its parent; skipped records listed', async () => {
  const file = path.join(tmp, 'dump.jsonl');
  fs.writeFileSync(file, mixedLines);
  const source = await open(file);
  assert.equal(source.streamed, true);
  assert.deepEqual(
    source.threads.map((t) => [t.id, t.title, t.size]),
    [
      ['100', 'Crocus City Hall attack', 4],
      ['200', 'Kremlin blames Ukraine', 3],
      ['301', '', 2],
    ],
  );
  assert.deepEqual(await rows(source), [
    '100 #0 100 parent= depth=0 line=1 Crocus City Hall attack',
    '200 #0 200 parent= depth=0 line=2 Kremlin blames Ukraine\n\n',
    '100 #1 101 parent=100 depth=1 line=3 ISIS-K claimed it.',
    '200 #1 201 parent=200 depth=1 line=4 No evidence for that.',
    '100 #2 102 parent=100 depth=1 line=5 The US warned of it.',
    '100 #3 103 parent=101 depth=2 line=6 Amaq posted a video.',
    '200 #2 202 parent=201 depth=2 line=8 Agreed.',
    // Its parent is not in the file: it keeps the parent's id, and its depth is not known.
    '301 #0 302 parent=301 depth=? line=10 An orphan reply.',
    '301 #1 303 parent=302 depth=? line=11 Its reply.',
  ]);
  assert.deepEqual(
    source.skipped.map((s) => [s.line, s.reason.replace(/:.*/s, ''), s.raw.slice(0, 30)]),
    [
      [7, 'line 7', '{"id": 104, "type": "comment",'],
      [9, 'line 9', 'ISIS-K claimed it (again).'],
      [12, 'line 12', '[1,2]'],
    ],
  );
  assert.equal(source.skipped[1]!.reason, 'line 9: id "101" was already read on line 3; kept the first');
  assert.equal(source.skipped[2]!.reason, 'line 12: expected a Hacker News item object, found an array of 2');
});

test('hacker news read whole (a JSON array): the same threads, comments ranked by their parent\'s kids', () => {
  const array = MIXED.filter((x) => typeof x !== 'string');
  const threads = readThreads(JSON.stringify(array, null, 1), path.join(tmp, 'dump.json'));
  assert.deepEqual(
    threads.map((t) => [t.id, t.title, t.comments.map((c) => `${c.id}:${c.depth ?? '?'}`).join(' ')]),
    [
      // 102 before 101: the story's kids rank them so.
      ['100', 'Crocus City Hall attack', '100:0 102:1 101:1 103:2'],
      ['200', 'Kremlin blames Ukraine', '200:0 201:1 202:2'],
      ['301', '', '302:? 303:?'],
    ],
  );
  assert.deepEqual(
    threads.flatMap((t) => t.skipped).map((s) => s.reason.replace(/ \(line \d+\)|on line \d+/, 'on line N')),
    ['[7]: id "101" was already read on line N; kept the first', '[10]: expected a Hacker News item object, found an array of 2'],
  );
});
