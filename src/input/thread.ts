/**
 * What the platform adapters share: a `Draft` per record (the platform's fields already mapped),
 * turned into comments in thread order with depth, status, and body/media/quoted split off the text.
 */
import type { Comment, Skipped, Thread } from '../types.js';
import { splitMedia } from './media.js';
import path from 'node:path';
import { RecentMap } from '../recent.js';
import { withoutGz } from './gzip.js';

/** Why a row has no words of its own to score; empty for an ordinary comment. */
export type Status = '' | 'deleted' | 'removed' | 'dead' | 'more' | 'action' | 'empty';

/** One record as an adapter read it, before thread order, depth and text splitting. */
export interface Draft {
  id: string;
  /** The platform's parent id ('' for the opening post or a top-level reply whose post is not a row). */
  parentId: string;
  author: string;
  likes: number | null;
  createdAt: string;
  /** Plain text as the reader saw it (quotes as `> ` lines). */
  text: string;
  /** Images, attachments, oneboxes and link targets that are not in `text`. */
  media?: string[];
  /** Text to split into body/quoted/media instead of `text` (when the adapter removed reply links). */
  scored?: string;
  status?: Status;
  url?: string;
  /** Depth when the platform says it (0 = opening post); otherwise counted from the parent. */
  depth?: number;
  line: number;
  /** Where the record sits, for reports: a JSON path or `line N`. */
  where: string;
  extra?: Record<string, string>;
}

export interface AssembleOptions {
  file: string;
  id: string;
  title: string;
  format: string;
  /** `given` keeps the platform's order (parents already come first); `tree` orders depth-first. */
  order: 'given' | 'tree';
  /** The opening post's id: a reply to it becomes top-level ('') when the post is not in the file. */
  opId?: string;
  /** Depths of parents that are not rows but whose place the platform tells (Mastodon's focal status). */
  depthOf?: Map<string, number>;
  flat?: boolean;
  extraColumns?: string[];
}

/** Builds a thread from drafts: drops later duplicates (reported), orders, numbers, and counts depth. */
export function assemble(drafts: Draft[], skipped: Skipped[], o: AssembleOptions): Thread {
  const byId = new Map<string, Draft>();
  const kept: Draft[] = [];
  for (const d of drafts) {
    const first = byId.get(d.id);
    if (first) {
      skipped.push(repeatedId(o.file, d, first.line));
      continue;
    }
    byId.set(d.id, d);
    kept.push(d);
  }
  for (const d of kept) {
    if (o.opId !== undefined && d.parentId === o.opId && !byId.has(o.opId)) {
      d.parentId = '';
      d.depth ??= 1;
    }
  }
  const ordered = o.order === 'tree' ? treeOrder(kept, byId) : kept;
  const depth = new Map<string, number | undefined>();
  const comments = ordered.map((d, index) => {
    let dep = d.depth;
    // A flat thread has no reply structure: only a depth the input states is known.
    if (dep === undefined && !o.flat) {
      if (d.parentId === '') dep = 0;
      else if (byId.has(d.parentId)) dep = plusOne(depth.get(d.parentId));
      else dep = plusOne(o.depthOf?.get(d.parentId));
    }
    depth.set(d.id, dep);
    return toComment(d, index, dep);
  });
  skipped.sort((a, b) => a.line - b.line);
  return { id: o.id, title: o.title, file: o.file, format: o.format, flat: o.flat ?? false, comments, extraColumns: o.extraColumns ?? [], skipped };
}

function plusOne(n: number | undefined): number | undefined {
  return n === undefined ? undefined : n + 1;
}

/** Depth-first order: roots (no parent among the rows) in given order, each followed by its replies in given order. */
function treeOrder(drafts: Draft[], byId: Map<string, Draft>): Draft[] {
  const children = new Map<string, Draft[]>();
  const roots: Draft[] = [];
  for (const d of drafts) {
    if (d.parentId !== '' && d.parentId !== d.id && byId.has(d.parentId)) {
      const list = children.get(d.parentId) ?? [];
      list.push(d);
      children.set(d.parentId, list);
    } else roots.push(d);
  }
  const out: Draft[] = [];
  const seen = new Set<string>();
  const visit = (root: Draft): void => {
    const stack = [root];
    while (stack.length > 0) {
      const d = stack.pop()!;
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      out.push(d);
      // One push per reply: spreading 100,000 replies of one post into push() would overflow the stack.
      const replies = children.get(d.id) ?? [];
      for (let i = replies.length - 1; i >= 0; i--) stack.push(replies[i]!);
    }
  };
  roots.forEach(visit);
  // Records in a reply cycle have no root; keep them, in given order, rather than lose them.
  drafts.forEach(visit);
  return out;
}

export function toComment(d: Draft, index: number, depth: number | undefined): Comment {
  const split = splitMedia(d.scored ?? d.text);
  const media = unique([...split.media, ...(d.media ?? [])]);
  let status = d.status ?? '';
  if (status === '' && d.text.trim() === '' && media.length === 0) status = 'empty';
  const comment: Comment = {
    index,
    id: d.id,
    parentId: d.parentId,
    author: d.author,
    likes: d.likes,
    createdAt: d.createdAt,
    text: d.text,
    body: split.body,
    media,
    quoted: split.quoted,
    extra: d.extra ?? {},
    line: d.line,
  };
  if (depth !== undefined) comment.depth = depth;
  if (status !== '') comment.status = status;
  if (d.url) comment.url = d.url;
  return comment;
}

/** A record whose id its thread already had on line `firstLine`: skipped, shown with `text` (the draft's own by default). */
export function repeatedId(file: string, d: Draft, firstLine: number, text = d.text): Skipped {
  return { file, line: d.line, reason: `${d.where}: id "${d.id}" was already read on line ${firstLine}; kept the first`, raw: text.slice(0, 200) };
}

/**
 * The threads of a platform's dump read as a stream (Reddit, 4CAT, Hacker News), keyed by their
 * opening post's id: what `assemble` does with a whole thread, over the last `window` records. A
 * repeated id is caught, a depth comes from a parent read before, and (with `keyIsOp`: the key is
 * surely the opening post's id) a reply to an opening post that was not read is top-level.
 */
export class StreamedThreads {
  private readonly seen: RecentMap<string, { line: number; depth: number | undefined }>;
  /** Comments so far per thread. */
  private readonly positions = new Map<string, number>();

  constructor(
    window: number,
    private readonly keyIsOp = true,
  ) {
    this.seen = new RecentMap(window);
  }

  /** Whether post `id` of `thread` is among the recent records. */
  has(thread: string, id: string): boolean {
    return this.seen.has(`${thread}\u0000${id}`);
  }

  /** The line post `id` of `thread` was first read on, when it is among the recent records. */
  firstLine(thread: string, id: string): number | undefined {
    return this.seen.get(`${thread}\u0000${id}`)?.line;
  }

  /** Places a draft (not a repeated id) in `thread`, whose opening post has the thread's id: its index and depth. */
  place(thread: string, d: Draft): { index: number; depth: number | undefined } {
    let depth = d.depth;
    if (this.keyIsOp && d.parentId === thread && !this.has(thread, thread)) {
      d.parentId = '';
      depth ??= 1;
    } else depth ??= d.parentId === '' ? 0 : plusOne(this.seen.get(`${thread}\u0000${d.parentId}`)?.depth);
    this.seen.set(`${thread}\u0000${d.id}`, { line: d.line, depth });
    const index = this.positions.get(thread) ?? 0;
    this.positions.set(thread, index + 1);
    return { index, depth };
  }
}

/** A draft as the first pass of a streamed input counts it: what decides the threads and columns, without its text. */
export function lightComment(d: Draft, index: number, depth: number | undefined): Comment {
  return { index, id: d.id, parentId: d.parentId, author: '', likes: null, createdAt: d.createdAt, text: '', body: '', media: [], quoted: [], extra: d.extra ?? {}, line: d.line, ...(depth === undefined ? {} : { depth }), ...(d.url ? { url: d.url } : {}) };
}

function unique(items: string[]): string[] {
  return [...new Set(items.filter((m) => m !== ''))];
}

/** Seconds since 1970 (a number or a numeric string) as ISO 8601 UTC without a zero fraction; '' when not a time. */
export function isoFromEpoch(value: unknown): string {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return '';
  return new Date(n * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * A platform's date string as ISO 8601: kept as given when it already is one with a zone; a time
 * without a zone (Lemmy 0.18, 4CAT's `YYYY-MM-DD HH:MM:SS`) is UTC and gets `Z`; '' when not a date.
 */
export function isoFromString(value: unknown): string {
  if (typeof value !== 'string') return '';
  const s = value.trim();
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return Number.isNaN(Date.parse(s)) || s === '' ? '' : new Date(s).toISOString();
  return `${m[1]}T${m[2]}${m[3] ?? 'Z'}`;
}

/** A whole number of likes, score or favourites; null when the platform gives none. */
export function count(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/** A field as a trimmed string ('' for null, undefined and objects). */
export function str(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return '';
}

/** True for a plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value as JSON text; one nested too deeply for JSON.stringify is described instead of crashing the run. */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '(nested too deeply to show)';
  }
}

/** A value as JSON for a message (strings quoted), cut at 200 characters. */
export function shown(value: unknown): string {
  return jsonText(value).slice(0, 200);
}

/**
 * A skipped record to keep for the whole run, with strings of its own. In V8 a slice keeps the whole
 * string it was cut from: the first 200 characters of a bad line kept the line, and the line the 64 KB
 * piece of the file it was read from, so a dump with many bad lines was held in memory nearly whole.
 */
export function keptSkipped(s: Skipped): Skipped {
  return { file: s.file, line: s.line, reason: ownCopy(s.reason), raw: ownCopy(s.raw) };
}

/** A copy of `text` that shares no memory with the string it came from (JSON keeps lone surrogates as they are). */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** A short excerpt of a record for a skipped-record report (a value nested too deeply to print is described instead). */
export function excerpt(value: unknown): string {
  return (typeof value === 'string' ? value : jsonText(value)).slice(0, 200);
}

/** The thread id a file's name gives: the name without its extension (and without `.gz`). */
export function fileThreadId(file: string): string {
  return path.basename(withoutGz(file)).replace(/\.[^.]+$/, '');
}

/** Keeps a file's records grouped by the platform's thread: one thread keeps the file's name, several take the platform's thread ids. */
export function threadIdFor(fileThreadId: string, platformId: string, groups: number): string {
  return groups > 1 && platformId !== '' ? platformId : fileThreadId;
}
