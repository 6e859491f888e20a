/**
 * An input file as the run reads it: what it holds (threads, columns, counts), known before the first
 * row is written, and its items in order. Streamed formats (see stream.ts) are read twice, the first
 * time only to count; whole documents are parsed once and kept.
 */
import type { Comment, Skipped, Thread } from '../types.js';
import { ThreadstanceError } from '../errors.js';
import type { Encoding } from './decode.js';
import { readThreads, ADAPTERS } from './index.js';
import { rawItems, streamKind, streamThreadId, type StreamKind } from './stream.js';
import { keptSkipped } from './thread.js';

/** A thread of an input, as far as the analysis and the outputs need it. */
export interface ThreadInfo {
  id: string;
  title: string;
  file: string;
  format: string;
  /** No reply structure: the previous comment stands in for the parent. */
  flat: boolean;
  /** Records of this thread's input that could not be read. */
  skipped: Skipped[];
  /** How many comments (rows) the thread has: the analysis lets go of a thread's context after its last one. */
  size: number;
}

/** One comment with its thread. */
export interface SourceItem {
  thread: ThreadInfo;
  comment: Comment;
}

export interface InputSource {
  file: string;
  /** Threads in order of first appearance. */
  threads: ThreadInfo[];
  /** Columns of the input that threadstance does not interpret, in order of first appearance. */
  extraColumns: string[];
  /** Whether any comment has a time, a depth, an address. */
  optional: { createdAt: boolean; depth: boolean; url: boolean };
  comments: number;
  /** True when read as a stream (see stream.ts). */
  streamed: boolean;
  /** Records that could not be read, in input order. */
  skipped: Skipped[];
  /** The comments in order. Can be read again. */
  items(): AsyncIterable<SourceItem>;
}

export interface InputOptions {
  format: string;
  encoding: Encoding;
  /** Thread title given with --title ('' for none). */
  title: string;
  /** Reads the whole file's text (for formats that are not streamed). */
  readText(file: string): string;
  /** Called for each comment the first pass of a streamed input counts (for progress). */
  counted?: () => void;
}

/** Opens an input: streamed when its format allows, else parsed whole. */
export async function openInput(file: string, o: InputOptions): Promise<InputSource> {
  const kind = streamKind(file, o.format, o.encoding);
  return kind ? surveyStream(kind, file, o) : wholeSource(file, readThreads(o.readText(file), file, o.format, o.title));
}

/** A source of threads already in memory: each thread's skipped records, then its comments. */
export function wholeSource(file: string, threads: Thread[]): InputSource {
  const infos = threads.map((t): ThreadInfo => ({ id: t.id, title: t.title, file: t.file, format: t.format, flat: t.flat, skipped: t.skipped, size: t.comments.length }));
  const comments = threads.flatMap((t) => t.comments);
  return {
    file,
    threads: infos,
    extraColumns: [...new Set(threads.flatMap((t) => t.extraColumns))],
    optional: {
      createdAt: comments.some((c) => c.createdAt !== ''),
      depth: comments.some((c) => c.depth !== undefined),
      url: comments.some((c) => Boolean(c.url)),
    },
    comments: comments.length,
    streamed: false,
    skipped: threads.flatMap((t) => t.skipped),
    async *items() {
      for (const [i, t] of threads.entries()) {
        const thread = infos[i]!;
        for (const comment of t.comments) yield { thread, comment };
      }
    },
  };
}

/**
 * Unreadable records read before any comment after which a streamed input is given up: a dump of
 * millions of records none of which is a comment (the wrong --format, or a field named otherwise) would
 * otherwise keep every one in memory (about half a KB each) before failing at the end.
 */
export const NO_COMMENT_LIMIT = 100_000;

/** Reads a streamed input once to learn its threads and columns; `items()` reads it again. */
async function surveyStream(kind: StreamKind, file: string, o: InputOptions): Promise<InputSource> {
  const keys = new Map<string, { title: string; flat: boolean; skipped: Skipped[]; size: number }>();
  const skipped: Skipped[] = [];
  const extra = new Set<string>();
  const optional = { createdAt: false, depth: false, url: false };
  let comments = 0;
  const skippedBeforeAny: Skipped[] = [];
  for await (const it of rawItems(kind, file, o.encoding, true)) {
    let entry = keys.get(it.key);
    if ('skipped' in it) {
      const kept = keptSkipped(it.skipped);
      skipped.push(kept);
      (entry ? entry.skipped : skippedBeforeAny).push(kept);
      if (comments === 0 && skipped.length >= NO_COMMENT_LIMIT) throw noComments(kind, file, skipped, `stopped reading at line ${kept.line}: `);
      continue;
    }
    if (!entry) {
      entry = { title: '', flat: kind === 'jsonl' || kind === 'csv', skipped: [], size: 0 };
      keys.set(it.key, entry);
    }
    const c = it.comment;
    comments++;
    o.counted?.();
    entry.size++;
    if (it.title) entry.title ||= it.title;
    if (c.parentId !== '') entry.flat = false;
    for (const k in c.extra) extra.add(k);
    optional.createdAt ||= c.createdAt !== '';
    optional.depth ||= c.depth !== undefined;
    optional.url ||= Boolean(c.url);
  }
  if (comments === 0) throw noComments(kind, file, skipped, '');
  const infos = new Map<string, ThreadInfo>();
  for (const [key, e] of keys) {
    infos.set(key, { id: streamThreadId(kind, file, key, keys.size), title: o.title || e.title, file, format: kind, flat: e.flat, skipped: e.skipped, size: e.size });
  }
  // Records read before any comment belong to no thread: they are reported with the first.
  const first = infos.values().next().value!;
  first.skipped = skippedBeforeAny.concat(first.skipped);
  for (const t of infos.values()) t.skipped.sort((a, b) => a.line - b.line);
  return {
    file,
    threads: [...infos.values()],
    extraColumns: [...extra],
    optional,
    comments,
    streamed: true,
    skipped,
    async *items() {
      for await (const it of rawItems(kind, file, o.encoding)) {
        if ('comment' in it) yield { thread: infos.get(it.key)!, comment: it.comment };
      }
    },
  };
}

/** No comment in a streamed input (`stopped`: or in its first NO_COMMENT_LIMIT records, when reading was given up). */
function noComments(kind: StreamKind, file: string, skipped: Skipped[], stopped: string): ThreadstanceError {
  const adapter = ADAPTERS.find((a) => a.name === kind);
  const first = skipped[0];
  const records = first ? `; ${stopped}${skipped.length.toLocaleString('en-US')} records could not be read, the first on line ${first.line}: ${first.reason}` : '';
  return new ThreadstanceError('INPUT_NO_COMMENTS', `no comments found reading it as ${adapter?.name} (${adapter?.description})${records}`, { file });
}
