/**
 * A 4CAT export is streamed like a generic CSV: the comments, parents and depths of the whole reading
 * (test/input-fourcat.test.ts), in file order, and the file is never held in memory.
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

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-stream-4cat-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function open(file: string): Promise<InputSource> {
  return openInput(file, { format: 'auto', encoding: 'auto', title: '', readText: (f) => fs.readFileSync(f, 'utf8') });
}

async function streamed(source: InputSource): Promise<Map<string, Comment[]>> {
  const byThread = new Map<string, Comment[]>();
  for await (const { thread, comment } of source.items()) {
    const list = byThread.get(thread.id) ?? [];
    list.push(comment);
    byThread.set(thread.id, list);
  }
  return byThread;
}

/** A comment without its place in the thread's order, which is file order when streamed and reply order when read whole. */
function placeless(c: Comment): Omit<Comment, 'index'> {
  const { index: _index, ...rest } = c;
  return rest;
}

for (const name of ['4cat__4chan-export.csv', '4cat__reddit-export.csv']) {
  test(`4cat streamed (${name}): the whole reading's threads and comments, in file order`, async () => {
    const file = fixture(name);
    const source = await open(file);
    const whole = readThreads(fs.readFileSync(file, 'utf8'), file);
    assert.equal(source.streamed, true);
    assert.deepEqual(
      source.threads.map((t) => [t.id, t.title, t.format, t.flat, t.size, t.skipped]),
      whole.map((t) => [t.id, t.title, t.format, t.flat, t.comments.length, t.skipped]),
    );
    assert.deepEqual(source.extraColumns, whole[0]!.extraColumns);
    const got = await streamed(source);
    for (const t of whole) {
      const comments = got.get(t.id)!;
      assert.deepEqual(comments.map((c) => c.index), comments.map((_, i) => i), 'indexes count the thread in file order');
      assert.deepEqual(comments.map((c) => c.line), [...comments.map((c) => c.line)].sort((a, b) => a - b));
      const inFileOrder = [...t.comments].sort((a, b) => a.line - b.line);
      assert.deepEqual(comments.map(placeless), inFileOrder.map(placeless));
    }
  });
}

test('4cat streamed: rows without ids and repeated ids are skipped as when read whole; a reply link names only an earlier post', async () => {
  const file = path.join(tmp, 'edge.csv');
  fs.writeFileSync(
    file,
    'thread_id,id,timestamp,body,author\n' +
      '1,1,2024-03-22 21:00:00,op,a\n' +
      '1,,2024-03-22 21:01:00,no id,b\n' +
      '1,3,2024-03-22 21:02:00,">>1\nreply",c\n' +
      '1,3,2024-03-22 21:03:00,again,d\n' +
      '1,5,2024-03-22 21:04:00,>>6 a link to a later post,e\n' +
      '1,6,2024-03-22 21:05:00,>>3 later,f\n' +
      '2,8,2024-03-22 21:06:00,>>1 another thread without its opening post,g\n',
  );
  const source = await open(file);
  assert.deepEqual(source.skipped.map((s) => [s.line, s.reason]), [
    [3, 'line 3: "id" is empty'],
    [6, 'line 6: id "3" was already read on line 4; kept the first'],
  ]);
  const got = await streamed(source);
  assert.deepEqual([...got.get('1')!].map((c) => [c.id, c.parentId, c.depth]), [['1', '', 0], ['3', '1', 1], ['5', '1', 1], ['6', '3', 2]]);
  // Post 2's opening post is not in the export: its reply is top-level, as assemble makes it.
  assert.deepEqual([...got.get('2')!].map((c) => [c.id, c.parentId, c.depth]), [['8', '', 1]]);
  // Read whole, the later post 6 is found as post 5's parent.
  const whole = readThreads(fs.readFileSync(file, 'utf8'), file);
  assert.equal(whole[0]!.comments.find((c) => c.id === '5')!.parentId, '6');
});

test('4cat streamed: a header without 4CAT\'s columns (--format 4cat) is an error naming them', async () => {
  const file = path.join(tmp, 'plain.csv');
  fs.writeFileSync(file, 'text,author\nISIS did it,a\n');
  await assert.rejects(openInput(file, { format: '4cat', encoding: 'auto', title: '', readText: (f) => fs.readFileSync(f, 'utf8') }), {
    code: 'INPUT_NO_TEXT_COLUMN',
    message: /the header has no "id", "thread_id", "body" column \(found: text, author\)/,
  });
});

test('a 4CAT export is never read whole: its text is not asked for, and a second reading gives the same comments', async () => {
  const file = fixture('4cat__4chan-export.csv');
  const source = await openInput(file, {
    format: 'auto',
    encoding: 'auto',
    title: '',
    readText: () => {
      throw new Error('read whole');
    },
  });
  assert.equal(source.comments, 10);
  const first = await streamed(source);
  assert.deepEqual(await streamed(source), first);
});

test('streamed JSON Lines: ids repeat freely across threads whose names differ only in spaces, as when read whole', async () => {
  const file = path.join(tmp, 'spaced.jsonl');
  fs.writeFileSync(file, ['{"thread": "7", "id": "1", "text": "ISIS did it"}', '{"thread": " 7", "id": "1", "text": "No"}'].join('\n') + '\n');
  const whole = readThreads(fs.readFileSync(file, 'utf8'), file);
  const got = await streamed(await open(file));
  assert.deepEqual([...got].map(([t, cs]) => [t, cs.map((c) => c.id)]), whole.map((t) => [t.id, t.comments.map((c) => c.id)]));
  assert.deepEqual([...got.keys()], ['7', ' 7']);
});
