/** Helpers for the input adapter tests: fixture paths, the adapters' golden CSV, and reply-tree checks. */
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { stringify } from 'csv-stringify/sync';
import { readThreads } from '../src/input/index.js';
import type { Thread } from '../src/types.js';
import { ROOT, assertGolden } from './helpers.js';

export const INPUT_FIXTURES = path.join(ROOT, 'test/fixtures/input');

/** The path of a fixture in test/fixtures/input. */
export function fixture(name: string): string {
  return path.join(INPUT_FIXTURES, name);
}

/** Reads a fixture with `--format auto`. */
export function readFixture(name: string, format = 'auto'): Thread[] {
  const file = fixture(name);
  return readThreads(fs.readFileSync(file, 'utf8'), file, format);
}

const COLUMNS = ['thread', 'index', 'id', 'parent_id', 'depth', 'author', 'likes', 'created_at', 'status', 'url', 'line', 'media', 'quoted', 'body'];

/** The adapter's reading of every comment as CSV: what a reviewer diffs when an adapter changes. */
export function adapterCsv(threads: Thread[]): string {
  const rows = threads.flatMap((t) =>
    t.comments.map((c) => [t.id, c.index, c.id, c.parentId, c.depth ?? '', c.author, c.likes ?? '', c.createdAt, c.status ?? '', c.url ?? '', c.line, c.media.join(' | '), c.quoted.join(' | '), c.body]),
  );
  return stringify([COLUMNS, ...rows]);
}

/** Compares the adapter CSV of a fixture with test/golden/input-<name>.csv (UPDATE_GOLDEN=1 rewrites it). */
export function assertAdapterGolden(name: string, threads: Thread[]): void {
  assertGolden(`input-${name}.csv`, adapterCsv(threads));
}

/**
 * The reply structure is a tree in thread order: indexes count from 0, ids are unique, a parent
 * that is a row comes before its reply, and depth is the parent's depth + 1 wherever both are known.
 * `outside` lists parent ids allowed to be missing (a partial page, a person's comments).
 */
export function assertTree(thread: Thread, outside: (id: string) => boolean = () => false): void {
  const seen = new Map<string, number | undefined>();
  thread.comments.forEach((c, i) => {
    assert.equal(c.index, i, `index of ${c.id}`);
    assert.ok(!seen.has(c.id), `id ${c.id} is unique`);
    if (c.parentId !== '') {
      if (seen.has(c.parentId)) {
        const parentDepth = seen.get(c.parentId);
        if (parentDepth !== undefined && c.depth !== undefined) assert.equal(c.depth, parentDepth + 1, `depth of ${c.id}`);
      } else assert.ok(outside(c.parentId), `parent ${c.parentId} of ${c.id} is a row before it`);
    } else if (c.depth !== undefined) assert.ok(c.depth <= 1, `a comment without parent is the post or a top-level reply (${c.id})`);
    seen.set(c.id, c.depth);
  });
}

/** Rebuilds the tree from parent ids: each id → the ids of its replies, in thread order. */
export function childrenOf(thread: Thread): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of thread.comments) (out[c.parentId || '(root)'] ??= []).push(c.id);
  return out;
}
