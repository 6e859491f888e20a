/**
 * Adapter for Hacker News: the Algolia API's `items/{id}` (a story or comment with nested
 * `children`, HTML `text`, `points`) and the Firebase API's items (`/v0/item/{id}.json`: `by`,
 * `time`, `parent`, `kids`, `text`, `score`, `deleted`, `dead`), saved as one item, a JSON array
 * of items or JSON Lines.
 */
import type { Skipped, Thread } from '../types.js';
import { ThreadstanceError } from '../errors.js';
import { parseLocatedJson, jsonPath, type LocatedJson } from './json.js';
import { extend, formatPath, type PathNode } from './json-path.js';
import { htmlToText } from './html.js';
import { assemble, count, excerpt, isObject, isoFromEpoch, isoFromString, str, type Draft, type Status } from './thread.js';
import { describe, firstJsonLine, jsonValue, sniffJsonShape } from './sniff.js';

const TYPES = new Set(['story', 'comment', 'job', 'poll', 'pollopt']);
const ITEM_URL = 'https://news.ycombinator.com/item?id=';

function isAlgolia(v: unknown): v is Record<string, unknown> {
  return isObject(v) && Array.isArray(v.children) && typeof v.id === 'number' && ('created_at' in v || 'created_at_i' in v);
}

function isFirebase(v: unknown): v is Record<string, unknown> {
  return isObject(v) && typeof v.id === 'number' && typeof v.type === 'string' && TYPES.has(v.type) && typeof v.time === 'number' && !Array.isArray(v.children);
}

/** True for an Algolia item tree, or Firebase items (one, an array, or JSON Lines). */
export function sniffHackerNews(text: string): boolean {
  if (sniffJsonShape(text, (v) => isAlgolia(v) || isFirebase(v) || (Array.isArray(v) && v.length > 0 && isFirebase(v[0])), /^\{\s*"(?:author|children|created_at|created_at_i)"\s*:[^]*"story_id"\s*:/)) return true;
  const first = firstJsonLine(text);
  return !jsonValue(text).ok && first !== undefined && isFirebase(first);
}

/** Reads the items into one thread; an item's replies follow it in the platform's order. */
export function parseHackerNews(text: string, file: string, threadId: string, title: string): Thread[] {
  const skipped: Skipped[] = [];
  const firstLine = firstJsonLine(text);
  const lines = !jsonValue(text).ok && firstLine !== undefined && isFirebase(firstLine);
  const drafts: Draft[] = [];
  const rank = new Map<string, number>();
  let storyId: string | undefined;
  if (lines) {
    text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
      if (raw.trim() === '') return;
      const where = `line ${i + 1}`;
      try {
        const item: unknown = JSON.parse(raw);
        const d = firebase(item, where, i + 1, rank);
        if (typeof d === 'string') skipped.push({ file, line: i + 1, reason: `${where}: ${d}`, raw: raw.slice(0, 200) });
        else drafts.push(d);
      } catch (err) {
        skipped.push({ file, line: i + 1, reason: `${where}: invalid JSON: ${(err as Error).message}`, raw: raw.slice(0, 200) });
      }
    });
  } else {
    const doc = parseLocatedJson(text, file);
    const v = doc.value;
    if (isAlgolia(v)) {
      storyId = str(v.story_id) || (v.parent_id === null || v.parent_id === undefined ? str(v.id) : undefined);
      walkAlgolia(v, doc, file, drafts, skipped, v.type === 'story' || v.parent_id === null ? 0 : undefined);
    } else if (isFirebase(v) || (Array.isArray(v) && (v.length === 0 || isFirebase(v[0])))) {
      const items = Array.isArray(v) ? v : [v];
      items.forEach((item, i) => {
        const where = jsonPath(Array.isArray(v) ? [i] : []);
        const line = Array.isArray(v) ? doc.lineAt(v, i) : doc.lineOf(v);
        const d = firebase(item, where, line, rank);
        if (typeof d === 'string') skipped.push({ file, line, reason: `${where}: ${d}`, raw: excerpt(item) });
        else drafts.push(d);
      });
    } else {
      throw new ThreadstanceError('INPUT_SHAPE', `expected a Hacker News item: Algolia's items/{id} (with "children") or Firebase items (with "by", "time", "type"); found ${describe(v)}`, { file, line: 1 });
    }
  }
  const story = drafts.find((d) => d.depth === 0);
  const storyTitle = story?.text.split('\n')[0] ?? '';
  return [assemble(byRank(drafts, rank), skipped, { file, id: threadId, title: title || storyTitle, format: 'hackernews', order: 'tree', opId: storyId ?? story?.id })];
}

/** Reads an Algolia item tree depth-first (an item, then its replies), with a stack of its own so that no depth overflows the call stack. */
function walkAlgolia(top: Record<string, unknown>, doc: LocatedJson, file: string, drafts: Draft[], skipped: Skipped[], topDepth: number | undefined): void {
  const stack: { item: Record<string, unknown>; path: PathNode | undefined; depth: number | undefined }[] = [{ item: top, path: undefined, depth: topDepth }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { item, path, depth } = next;
    const where = formatPath(path);
    const line = doc.lineOf(item);
    const children = Array.isArray(item.children) ? item.children : [];
    // Replies are read even under an item that cannot be: none is lost with it.
    for (let i = children.length - 1; i >= 0; i--) {
      const child: unknown = children[i];
      const childPath = extend(path, 'children', i);
      if (isObject(child)) stack.push({ item: child, path: childPath, depth: depth === undefined ? undefined : depth + 1 });
      else skipped.push({ file, line: doc.lineAt(children, i), reason: `${formatPath(childPath)}: expected an item object, found ${describe(child)}`, raw: excerpt(child) });
    }
    if (typeof item.id !== 'number' && typeof item.id !== 'string') {
      skipped.push({ file, line, reason: `${where}: an item without "id"`, raw: excerpt(item) });
      continue;
    }
    const deleted = item.author === null && (item.text === null || item.text === undefined) && item.type !== 'story';
    const html = htmlToText(typeof item.text === 'string' ? item.text : '');
    const titleText = str(item.title);
    drafts.push({
      id: str(item.id),
      parentId: depth === 0 ? '' : str(item.parent_id),
      author: str(item.author),
      likes: count(item.points),
      createdAt: isoFromString(item.created_at) || isoFromEpoch(item.created_at_i),
      text: [titleText, html.text].filter((t) => t !== '').join('\n\n'),
      media: [...(str(item.url) ? [str(item.url)] : []), ...html.media],
      status: deleted ? 'deleted' : '',
      url: `${ITEM_URL}${str(item.id)}`,
      ...(depth === undefined ? {} : { depth }),
      line,
      where,
    });
  }
}

/** One Firebase item; its `kids` go to `rank` (each kid's place among its siblings). */
function firebase(item: unknown, where: string, line: number, rank: Map<string, number>): Draft | string {
  if (!isObject(item)) return `expected a Hacker News item object, found ${describe(item)}`;
  const id = str(item.id);
  if (!id) return 'an item without "id"';
  let status: Status = '';
  if (item.dead === true) status = 'dead';
  if (item.deleted === true) status = 'deleted';
  const html = htmlToText(typeof item.text === 'string' ? item.text : '');
  const titleText = str(item.title);
  const isStory = item.type !== 'comment' && item.type !== 'pollopt';
  if (Array.isArray(item.kids)) item.kids.forEach((k, i) => rank.set(str(k), i));
  return {
    id,
    parentId: str(item.parent),
    author: str(item.by),
    likes: count(item.score),
    createdAt: isoFromEpoch(item.time),
    text: [titleText, html.text].filter((t) => t !== '').join('\n\n'),
    media: [...(str(item.url) ? [str(item.url)] : []), ...html.media],
    status,
    url: `${ITEM_URL}${id}`,
    ...(isStory && item.parent === undefined ? { depth: 0 } : {}),
    line,
    where,
  };
}

/** Siblings in the order of their parent's `kids` (HN's ranked display order); the rest as given. */
function byRank(drafts: Draft[], rank: Map<string, number>): Draft[] {
  if (rank.size === 0) return drafts;
  return drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (rank.get(a.d.id) ?? Infinity) - (rank.get(b.d.id) ?? Infinity) || a.i - b.i)
    .map(({ d }) => d);
}
