/** `--format auto` picks the right adapter for every fixture, the generic formats keep working, and unreadable input says where. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADAPTERS, FORMAT_NAMES, readThreads } from '../src/input/index.js';
import { ThreadstanceError } from '../src/errors.js';
import { firstJsonLine } from '../src/input/sniff.js';
import { streamKind } from '../src/input/stream.js';
import { SEED_THREAD } from './helpers.js';
import { INPUT_FIXTURES, fixture } from './input-helpers.js';

const EXPECTED: Record<string, string> = {
  '4cat__4chan-export.csv': '4cat',
  '4cat__reddit-export.csv': '4cat',
  'criticalfallibilism__t_2108_post_452.json': 'discourse',
  'hn-algolia__item__39791001.json': 'hackernews',
  'hn-firebase__items__39791001.json': 'hackernews',
  'lemmy__comment-list__13579246.json': 'lemmy',
  'mastodon__context__112140000000000002.json': 'mastodon',
  'reddit-dump__46uw4y.ndjson': 'reddit',
  'rumoureval2019__dev__66yxyf__raw.json': 'reddit',
  'rumoureval2019__train__46uw4y__raw.json': 'reddit',
  'rumoureval2019__train__4c7iec__raw.json': 'reddit',
  'sublinks-frontend__test-person-data__66a887a7.json': 'lemmy',
  'urho3d__little-question-about-glsl-shader.4113.json': 'discourse',
  'urho3d__little-question-about-glsl-shader.4113.raw.md': 'discourse',
};

const sniffed = (text: string, file: string): string | undefined => ADAPTERS.find((a) => a.sniff(text, file))?.name;

test('auto picks the platform adapter for every fixture, and names it in the thread', () => {
  const files = fs.readdirSync(INPUT_FIXTURES).filter((f) => f !== 'SOURCES.md').sort();
  assert.deepEqual(files, Object.keys(EXPECTED).sort(), 'every fixture has an expected adapter');
  for (const [file, name] of Object.entries(EXPECTED)) {
    const text = fs.readFileSync(fixture(file), 'utf8');
    assert.equal(sniffed(text, file), name, file);
    for (const t of readThreads(text, file)) assert.equal(t.format, name === '4cat' ? '4cat' : name, file);
  }
});

test('the generic formats keep their sniffing: JSON Lines, a JSON array, CSV with text, a pasted thread', () => {
  assert.equal(sniffed('{"id": "1", "text": "hello"}\n{"id": "2", "parent": "1", "text": "hi"}\n', 'a.jsonl'), 'jsonl');
  assert.equal(sniffed('[{"text": "hello"}]', 'a.json'), 'jsonl');
  assert.equal(sniffed('id,parent_id,text\n1,,hello\n', 'a.csv'), 'csv');
  assert.equal(sniffed('id,body\n1,hello\n', 'a.csv'), 'csv', 'a .csv without thread_id is not 4CAT');
  assert.equal(sniffed(fs.readFileSync(SEED_THREAD, 'utf8'), SEED_THREAD), 'pasted');
  // A RumourEval-style record with a "thread" field and a Reddit-looking id is still generic JSON Lines.
  assert.equal(sniffed('{"id": "t1_abc", "thread": "x", "parent": "", "text": "claim", "label": "support"}\n', 'r.jsonl'), 'jsonl');
});

test('every adapter can be named with --format, and the list of formats names them all', () => {
  assert.deepEqual(FORMAT_NAMES, ['auto', 'discourse', 'reddit', 'lemmy', 'hackernews', 'mastodon', '4cat', 'jsonl', 'csv', 'pasted']);
  for (const [file, name] of Object.entries(EXPECTED)) {
    const threads = readThreads(fs.readFileSync(fixture(file), 'utf8'), file, name);
    assert.ok(threads.some((t) => t.comments.length > 0), `${file} as ${name}`);
  }
});

test('a platform file read as another platform says what was expected and what it found', () => {
  const reddit = fs.readFileSync(fixture('rumoureval2019__train__4c7iec__raw.json'), 'utf8');
  for (const [format, expected] of [
    ['discourse', /^expected a Discourse topic: a JSON object with post_stream\.posts\[\] \(from \/t\/\{id\}\.json\); found an array of 2$/],
    ['lemmy', /^expected a Lemmy response with comments\[\] \(from \/api\/v3\/comment\/list\); found an array of 2$/],
    ['mastodon', /^expected a Mastodon context \(\{"ancestors": \[\.\.\.\], "descendants": \[\.\.\.\]\}\) or an array of statuses; found an array of 2$/],
    ['hackernews', /^expected a Hacker News item: Algolia's items\/\{id\} \(with "children"\) or Firebase items \(with "by", "time", "type"\); found an array of 2$/],
  ] as const) {
    assert.throws(
      () => readThreads(reddit, 'thread.json', format),
      (err: unknown) => err instanceof ThreadstanceError && expected.test(err.message),
      format,
    );
  }
});

test('text that fits no format is INPUT_UNKNOWN_FORMAT listing every format', () => {
  assert.throws(
    () => readThreads('just some words\nwith no structure\n', 'notes.txt'),
    (err: unknown) => {
      assert.ok(err instanceof ThreadstanceError);
      assert.equal(err.code, 'INPUT_UNKNOWN_FORMAT');
      for (const name of FORMAT_NAMES.slice(1)) assert.ok(err.message.includes(`${name} (`), name);
      return true;
    },
  );
});

test('a truncated platform JSON is recognised by its keys and fails with line and column, not as generic JSON Lines', () => {
  const cases: [string, number][] = [
    ['rumoureval2019__train__4c7iec__raw.json', 5000],
    ['lemmy__comment-list__13579246.json', 4000],
    ['mastodon__context__112140000000000002.json', 3000],
    ['hn-algolia__item__39791001.json', 2000],
    ['criticalfallibilism__t_2108_post_452.json', 50000],
  ];
  for (const [file, at] of cases) {
    const text = fs.readFileSync(fixture(file), 'utf8').slice(0, at);
    assert.equal(sniffed(text, file), EXPECTED[file], file);
    assert.throws(
      () => readThreads(text, file),
      (err: unknown) => err instanceof ThreadstanceError && err.code === 'INPUT_JSON' && err.place.line !== undefined && err.place.column !== undefined && /looks truncated/.test(err.message),
      file,
    );
  }
});

test('JSON Lines whose first line is damaged (a dump split at a byte) is still JSON Lines, streamed; documents over several lines are not', () => {
  const dump = fs.readFileSync(fixture('reddit-dump__46uw4y.ndjson'), 'utf8');
  const tail = dump.slice(dump.indexOf('"author"')); // starts inside the first record
  const head = `${dump.slice(0, 40)}\n${dump}`; // a record cut short, then the whole dump
  const ids = dump.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { id: string }).id);
  // The record after the damaged line decides: the dump's second record after the tail of its first, its first after a cut one.
  for (const [name, text, id] of [['tail', tail, ids[1]], ['head', head, ids[0]]] as const) {
    assert.equal(sniffed(text, 'part.ndjson'), 'reddit', name);
    assert.equal(firstJsonLine(text)?.id, id, name);
  }
  assert.equal(sniffed('"text": "cut"}\n{"id": "2", "text": "hi"}\n{"id": "3", "text": "yo"}\n', 'a.jsonl'), 'jsonl');
  assert.deepEqual(firstJsonLine('{"id": "1", "te\n{"id": "2", "text": "hi"}\n{"id": "3", "text": "yo"}\n'), { id: '2', text: 'hi' });
  // A later line that is not an object means a document, not damaged JSON Lines.
  assert.equal(firstJsonLine('[\n{"text": "a"}\n]\n'), undefined);
  assert.equal(firstJsonLine('[\n{"text": "a"},\n{"text": "b"}\n]\n'), undefined);
  assert.equal(firstJsonLine('{\n"data": {"id": "1"}\n}\n'), undefined);
  assert.equal(firstJsonLine('{"id": "1", "te\n{"id": "2", "text": "hi"}\nnot json\n'), undefined);
  // A last line without its end may be cut where the sniffed head ends: it is not judged.
  assert.deepEqual(firstJsonLine('{"id": "1", "te\n{"id": "2", "text": "hi"}\n{"id": "3", "te'), { id: '2', text: 'hi' });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-sniff-'));
  try {
    const write = (name: string, text: string): string => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name));
    assert.equal(streamKind(write('tail.ndjson', tail), 'auto', 'auto'), 'reddit');
    assert.equal(streamKind(write('generic.jsonl', '"text": "cut"}\n{"id": "2", "text": "hi"}\n'), 'auto', 'auto'), 'jsonl');
    assert.equal(streamKind(write('generic2.jsonl', '{"id": "1", "te\n{"id": "2", "text": "hi"}\n'), 'jsonl', 'auto'), 'jsonl');
    assert.equal(streamKind(write('array.json', '[\n{"text": "a"}\n]\n'), 'auto', 'auto'), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
