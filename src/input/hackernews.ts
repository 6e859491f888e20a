/**
 * Adapter for Hacker News: the Algolia API's `items/{id}` (a story or comment with nested
 * `children`, HTML `text`, `points`) and the Firebase API's items (`/v0/item/{id}.json`: `by`,
 * `time`, `parent`, `kids`, `text`, `score`, `deleted`, `dead`), saved as one item, a JSON array
 * of items or JSON Lines (read as a stream, see stream.ts). Firebase items of several stories are
 * one thread per story (see StoryKeys).
 */
import type { Skipped, Thread } from '../types.js';
import type { LineReader, RawItem } from './stream.js';
import { ThreadstanceError } from '../errors.js';
import { RecentMap } from '../recent.js';
import { parseLocatedJson, jsonPath, readJsonLines, type LocatedJson } from './json.js';
import { extend, formatPath, type PathNode } from './json-path.js';
import { htmlToText } from './html.js';
import { assemble, count, excerpt, isObject, isoFromEpoch, isoFromString, lightComment, repeatedId, str, StreamedThreads, threadIdFor, toComment, type Draft, type Status } from './thread.js';
import { describe, firstJsonLine, jsonValue, sniffJsonShape } from './sniff.js';

const TYPES = new Set(['story', 'comment', 'job', 'poll', 'pollopt']);
const ITEM_URL = 'https://news.ycombinator.com/item?id=';

function isAlgolia(v: unknown): v is Record<string, unknown> {
  return isObject(v) && Array.isArray(v.children) && typeof v.id === 'number' && ('created_at' in v || 'created_at_i' in v);
}

export function isFirebase(v: unknown): v is Record<string, unknown> {
  return isObject(v) && typeof v.id === 'number' && typeof v.type === 'string' && TYPES.has(v.type) && typeof v.time === 'number' && !Array.isArray(v.children);
}

/** True for an Algolia item tree, or Firebase items (one, an array, or JSON Lines). */
export function sniffHackerNews(text: string): boolean {
  if (sniffJsonShape(text, (v) => isAlgolia(v) || isFirebase(v) || (Array.isArray(v) && v.length > 0 && isFirebase(v[0])), /^\{\s*"(?:author|children|created_at|created_at_i)"\s*:[^]*"story_id"\s*:/)) return true;
  const first = firstJsonLine(text);
  return !jsonValue(text).ok && first !== undefined && isFirebase(first);
}

/** Reads an Algolia tree into one thread, Firebase items into one thread per story; an item's replies follow it in the platform's order. */
export function parseHackerNews(text: string, file: string, threadId: string, title: string): Thread[] {
  const skipped: Skipped[] = [];
  const firstLine = firstJsonLine(text);
  const rank = new Map<string, number>();
  const items: { value: unknown; where: string; line: number }[] = [];
  if (!jsonValue(text).ok && firstLine !== undefined && isFirebase(firstLine)) {
    for (const entry of readJsonLines(text)) {
      if ('error' in entry) skipped.push({ file, line: entry.line, reason: `line ${entry.line}: ${entry.error}`, raw: entry.raw });
      else items.push({ value: entry.value, where: `line ${entry.line}`, line: entry.line });
    }
  } else {
    const doc = parseLocatedJson(text, file);
    const v = doc.value;
    if (isAlgolia(v)) {
      const drafts: Draft[] = [];
      const storyId = str(v.story_id) || (v.parent_id === null || v.parent_id === undefined ? str(v.id) : undefined);
      walkAlgolia(v, doc, file, drafts, skipped, v.type === 'story' || v.parent_id === null ? 0 : undefined);
      const story = drafts.find((d) => d.depth === 0);
      return [assemble(drafts, skipped, { file, id: threadId, title: title || storyTitle(story), format: 'hackernews', order: 'tree', opId: storyId ?? story?.id })];
    }
    if (!isFirebase(v) && !(Array.isArray(v) && (v.length === 0 || isFirebase(v[0])))) {
      throw new ThreadstanceError('INPUT_SHAPE', `expected a Hacker News item: Algolia's items/{id} (with "children") or Firebase items (with "by", "time", "type"); found ${describe(v)}`, { file, line: 1 });
    }
    const list = Array.isArray(v) ? v : [v];
    list.forEach((value, i) => items.push({ value, where: jsonPath(Array.isArray(v) ? [i] : []), line: Array.isArray(v) ? doc.lineAt(v, i) : doc.lineOf(v) }));
  }
  const keys = new StoryKeys(Infinity);
  const groups = new Map<string, Draft[]>();
  for (const { value, where, line } of items) {
    const d = firebase(value, where, line, rank);
    if (typeof d === 'string') {
      skipped.push({ file, line, reason: `${where}: ${d}`, raw: excerpt(value) });
      continue;
    }
    const key = keys.of(d);
    const group = groups.get(key) ?? [];
    group.push(d);
    groups.set(key, group);
  }
  if (groups.size === 0) groups.set('', []);
  return [...groups].map(([key, drafts], i) =>
    assemble(byRank(drafts, rank), i === 0 ? skipped : [], { file, id: threadIdFor(threadId, key, groups.size), title: title || storyTitle(drafts.find((d) => d.depth === 0)), format: 'hackernews', order: 'tree' }),
  );
}

/** A story's title: the first line of its text (its title, when it has one). */
function storyTitle(story: Draft | undefined): string {
  return story?.text.split('\n')[0] ?? '';
}

/**
 * Which story's thread each Firebase item belongs to, read in file order: a story (an item with no
 * parent) opens its own thread; an item whose parent was read before (among the last `window`) joins
 * the parent's thread; any other opens the thread named by its parent's id (its story or nearest
 * ancestor is not in the file, or comes later). Dumps list items by id or fetch them from the story
 * down, so a parent comes first.
 */
export class StoryKeys {
  private readonly threadOf: RecentMap<string, string>;

  constructor(window: number) {
    this.threadOf = new RecentMap(window);
  }

  of(d: Draft): string {
    const key = d.parentId === '' ? d.id : (this.threadOf.get(d.parentId) ?? d.parentId);
    // A repeated id keeps the thread of its first reading.
    if (!this.threadOf.has(d.id)) this.threadOf.set(d.id, key);
    return key;
  }
}

/**
 * JSON Lines of Firebase items read one line at a time: rows in file order (not ranked by `kids`),
 * one thread per story (StoryKeys); depth and repeated ids within the last `window` items. A reply
 * whose parent was not read keeps its parent id, and no depth. `light`: for the first pass, which only
 * counts; a comment's HTML is not converted.
 */
export class HackerNewsReader implements LineReader {
  private readonly keys: StoryKeys;
  private readonly threads: StreamedThreads;
  /** The first comment's thread, under which records read before or outside any thread are reported. */
  firstKey: string | undefined;

  constructor(
    private readonly file: string,
    window: number,
    private readonly light: boolean,
  ) {
    this.keys = new StoryKeys(window);
    this.threads = new StreamedThreads(window, false);
  }

  read(value: unknown, line: number): RawItem {
    const where = `line ${line}`;
    const d = firebase(value, where, line, undefined, this.light);
    if (typeof d === 'string') return { key: this.firstKey ?? '', skipped: { file: this.file, line, reason: `${where}: ${d}`, raw: excerpt(value) } };
    const key = this.keys.of(d);
    const first = this.threads.firstLine(key, d.id);
    // The record as the whole-file reader shows it: its text converted (rare enough to convert in the first pass too).
    const full = (): Draft => (this.light ? (firebase(value, where, line) as Draft) : d);
    if (first !== undefined) return { key, skipped: repeatedId(this.file, d, first, full().text) };
    const { index, depth } = this.threads.place(key, d);
    this.firstKey ??= key;
    const comment = this.light ? lightComment(d, index, depth) : toComment(d, index, depth);
    return { key, comment, ...(d.depth === 0 ? { title: storyTitle(full()) } : {}) };
  }
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

/** One Firebase item; its `kids` go to `rank` (each kid's place among its siblings). `light`: its HTML is not converted. */
function firebase(item: unknown, where: string, line: number, rank?: Map<string, number>, light = false): Draft | string {
  if (!isObject(item)) return `expected a Hacker News item object, found ${describe(item)}`;
  const id = str(item.id);
  if (!id) return 'an item without "id"';
  let status: Status = '';
  if (item.dead === true) status = 'dead';
  if (item.deleted === true) status = 'deleted';
  const html = light ? { text: '', media: [] } : htmlToText(typeof item.text === 'string' ? item.text : '');
  const titleText = str(item.title);
  const isStory = item.type !== 'comment' && item.type !== 'pollopt';
  if (rank && Array.isArray(item.kids)) item.kids.forEach((k, i) => rank.set(str(k), i));
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
