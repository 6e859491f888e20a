/**
 * Property: no input crashes an adapter. Random bytes, random JSON in the platforms' vocabulary,
 * damaged copies of the real fixtures and random claim files either read or fail with a
 * ThreadstanceError (a message for the user); any other exception is a bug. Whatever is read is
 * analyzed too.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { dump as yaml } from 'js-yaml';
import { FORMAT_NAMES, readThreads } from '../src/input/index.js';
import { openInput } from '../src/input/source.js';
import { decodeInput } from '../src/input/decode.js';
import { analyzeThread } from '../src/analysis/analyze.js';
import { compileClaims } from '../src/analysis/compile.js';
import { parseClaims } from '../src/claims/load.js';
import type { Thread } from '../src/types.js';
import { ThreadstanceError } from '../src/errors.js';
import { defaultClaims, ROOT } from './helpers.js';
import { commentText, noCrash, params } from './property/config.js';
import { platformDocument } from './property/shapes.js';

/** Reads `text` in every format (and by sniffing) and analyzes the first comments of what was read. */
function readAll(text: string, name: string): void {
  for (const format of FORMAT_NAMES) {
    const threads = noCrash(() => readThreads(text, name, format));
    if (!Array.isArray(threads)) continue;
    for (const thread of threads) {
      const few: Thread = { ...thread, comments: thread.comments.slice(0, 3) };
      noCrash(() => analyzeThread(few, defaultClaims()));
    }
  }
}

test('property: random bytes are decoded or refused, and never crash an adapter', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('x.json', 'x.csv', 'x.txt'), (bytes, name) => {
      const text = noCrash(() => decodeInput(bytes, name));
      readAll(typeof text === 'string' ? text : Buffer.from(bytes).toString('latin1'), name);
    }),
    params(0.5),
  );
});

/** Keys and values of the platforms' JSON, so that random documents come close to each shape. */
const KEYS = [
  'post_stream', 'posts', 'post_number', 'reply_to_post_number', 'cooked', 'raw', 'username', 'title', 'kind', 'data', 'children', 'replies',
  'id', 'name', 'parent_id', 'link_id', 'body', 'selftext', 'subreddit', 'author', 'score', 'created_utc', 'depth', 'text', 'comments', 'comment',
  'path', 'content', 'creator', 'counts', 'ancestors', 'descendants', 'in_reply_to_id', 'account', 'by', 'time', 'type', 'kids', 'parent',
  'story_id', 'created_at', 'thread', 'likes', 'deleted', 'dead', 'removed', 'spoiler_text', 'media_attachments',
];
const scalar = fc.oneof(
  fc.constantFrom('Listing', 't1', 't3', 'more', 'story', 'comment', '0.1.2', '', '[deleted]', 't3_p', 't1_a', '<p>ISIS did it</p>', null, true, 1, 2),
  commentText,
  fc.integer(),
  fc.double(),
);
const platformJson = fc.object({ key: fc.constantFrom(...KEYS), values: [scalar], maxDepth: 5, maxKeys: 6 });
const document = fc.oneof(platformJson, fc.array(platformJson, { maxLength: 4 }), fc.jsonValue());

test('property: random JSON in the platforms\' vocabulary never crashes an adapter', () => {
  fc.assert(
    fc.property(document, fc.boolean(), (value, lines) => {
      const text = lines && Array.isArray(value) ? value.map((v) => JSON.stringify(v)).join('\n') : JSON.stringify(value, null, 1);
      readAll(text, 'x.json');
    }),
    params(),
  );
});

test('property: platform documents never crash an adapter, and every record is a row or a skipped record', () => {
  fc.assert(
    fc.property(platformDocument, ({ format, text, records }) => {
      readAll(text, 'x.json');
      const threads = noCrash(() => readThreads(text, 'x.json', format));
      if (!Array.isArray(threads)) return;
      const rows = threads.reduce((n, t) => n + t.comments.length, 0);
      // A reply field of the wrong type is reported about a comment that is kept: not a record of its own.
      const skipped = threads.flatMap((t) => t.skipped).filter((s) => !s.reason.includes(': "replies" is '));
      assert.equal(rows + skipped.length, records, `${format}: ${rows} rows and ${skipped.length} skipped of ${records} records`);
    }),
    params(),
  );
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ts-property-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('property: a streamed file (JSON Lines, CSV, 4CAT, a Reddit dump, Hacker News items) gives the rows and skipped records of its whole reading', async () => {
  // Reddit documents: the dumps (JSON Lines), not the comment pages (a JSON array of two Listings).
  const streamedFormats = platformDocument.filter((d) => ['jsonl', 'csv', '4cat', 'reddit', 'hackernews'].includes(d.format) && !d.text.trimStart().startsWith('['));
  let n = 0;
  await fc.assert(
    fc.asyncProperty(streamedFormats, async ({ format, text }) => {
      const file = path.join(tmp, `doc${n++}.${format === 'csv' || format === '4cat' ? 'csv' : 'jsonl'}`);
      fs.writeFileSync(file, text);
      const whole = noCrash(() => readThreads(text, file, format));
      let source;
      try {
        source = await openInput(file, { format, encoding: 'auto', title: '', readText: (f) => fs.readFileSync(f, 'utf8') });
      } catch (err) {
        // Refused both ways (not always for the same record: the whole reading meets them thread by thread, the stream in file order).
        assert.ok(err instanceof ThreadstanceError, `${format}: streamed ${(err as Error).message}`);
        assert.ok(whole instanceof Error || whole.every((t) => t.comments.length === 0), `${format}: streamed ${err.message}, read whole`);
        return;
      }
      // A dump whose first record is not a Reddit comment or post (a Hacker News item) is read whole; so is an Algolia tree.
      if ((format === 'reddit' || format === 'hackernews') && !source.streamed) return;
      assert.equal(source.streamed, true);
      assert.ok(Array.isArray(whole), `${format}: read whole ${(whole as Error).message}`);
      const rows: string[] = [];
      for await (const { thread, comment } of source.items()) rows.push(`${thread.id} ${comment.id} ${comment.line}`);
      const wholeRows = whole.flatMap((t) => t.comments.map((c) => ({ key: `${t.id} ${c.id} ${c.line}`, line: c.line }))).sort((a, b) => a.line - b.line);
      assert.deepEqual(rows, wholeRows.map((r) => r.key), format);
      const lines = (list: { line: number; reason: string; raw: string }[]): [number, string, string][] => list.map((s): [number, string, string] => [s.line, s.reason, s.raw]).sort((a, b) => a[0] - b[0]);
      assert.deepEqual(lines(source.skipped), lines(whole.flatMap((t) => t.skipped)), format);
    }),
    params(0.5),
  );
});

const FIXTURES = path.join(ROOT, 'test/fixtures/input');
const fixtures = fs
  .readdirSync(FIXTURES)
  .filter((f) => f !== 'SOURCES.md' && fs.statSync(path.join(FIXTURES, f)).size < 60000)
  .map((f) => ({ name: f, text: fs.readFileSync(path.join(FIXTURES, f), 'utf8') }));

/** A damaged copy: cut short, a slice deleted, or random text put in at a random place. */
const damaged = fc.record({ fixture: fc.constantFrom(...fixtures), at: fc.nat(), span: fc.nat({ max: 400 }), how: fc.constantFrom('cut', 'delete', 'insert'), insert: commentText });

test('property: damaged real inputs (truncated, cut, spliced) never crash an adapter', () => {
  fc.assert(
    fc.property(damaged, ({ fixture, at, span, how, insert }) => {
      const i = at % (fixture.text.length + 1);
      const text = how === 'cut' ? fixture.text.slice(0, i) : how === 'delete' ? fixture.text.slice(0, i) + fixture.text.slice(i + span) : fixture.text.slice(0, i) + insert + fixture.text.slice(i);
      readAll(text, fixture.name);
    }),
    params(0.3),
  );
});

const claimEntry = fc.record(
  {
    id: fc.oneof(fc.constantFrom('isis', 'root', 'a', 'review', 'stance', 'Bad-Id'), commentText),
    statement: fc.oneof(commentText, fc.constant('Somebody did it.')),
    kind: fc.constantFrom('attribution', 'root', 'other'),
    actors: fc.array(fc.oneof(commentText, fc.constantFrom('ISIS', 'US', 'IS-K', '#tag', '[x]', '...', '-')), { maxLength: 4 }),
    cues: fc.array(fc.oneof(commentText, fc.constantFrom('@attribution', '@nope', '< did it', 'blamed >', '<', '>')), { maxLength: 3 }),
    phrases: fc.record({ support: fc.array(commentText, { maxLength: 2 }), oppose: fc.array(commentText, { maxLength: 2 }) }, { requiredKeys: [] }),
    mocked: fc.oneof(fc.boolean(), commentText),
    sources: fc.array(fc.record({ file: commentText, position: fc.constantFrom('makes', 'reports', 'rejects', 'maybe') }), { maxLength: 2 }),
  },
  { requiredKeys: ['id'] },
);

test('property: random claim files are read or refused with a message, never crash', () => {
  fc.assert(
    fc.property(fc.array(claimEntry, { maxLength: 3 }), fc.boolean(), (claims, asJson) => {
      const doc = { version: 1, claims };
      const text = asJson ? JSON.stringify(doc) : yaml(doc);
      const set = noCrash(() => parseClaims(text, 'fuzz.yaml'));
      if (!(set instanceof Error)) noCrash(() => compileClaims(set));
    }),
    params(0.5),
  );
});
