/**
 * Streamed inputs: JSON Lines (generic, a Reddit dump or Hacker News items) and CSV (generic or a 4CAT export) are read record by record, never
 * whole, so a dump of millions of comments is read in flat memory. Rows come in file order (threads
 * of a dump may interleave); a reply's depth is known when its parent was among the last
 * STREAM_WINDOW records, and repeated ids are caught within that window.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { parse as csvParse } from 'csv-parse';
import type { Comment, Skipped } from '../types.js';
import { ThreadstanceError } from '../errors.js';
import type { Encoding } from './decode.js';
import { chosenEncoding, headBytes, textChunks, textLines } from './text-stream.js';
import { jsonLine } from './json.js';
import { RecordMapper } from './records.js';
import { excerpt, fileThreadId, isObject, threadIdFor } from './thread.js';
import { describe, firstJsonLine, forgetParsed } from './sniff.js';
import { isRedditObject, RedditDumpReader } from './reddit-dump.js';
import { ADAPTERS } from './index.js';
import { FourcatReader } from './fourcat.js';
import { HackerNewsReader, isFirebase } from './hackernews.js';
import { csvOptions, csvError, csvStart, lineBreaks, recordCsvError } from './generic.js';

/** Formats read as streams. */
export type StreamKind = 'jsonl' | 'csv' | 'reddit' | '4cat' | 'hackernews';

/** Recent records remembered for depth and repeated ids. */
export const STREAM_WINDOW = 100000;

/** Bytes looked at to tell a streamed format. */
const HEAD = 4 << 20;

/** What a streamed reader hands on: a comment or a skipped record, under its thread's key. */
export type RawItem = { key: string; comment: Comment; title?: string } | { key: string; skipped: Skipped };

/**
 * The streamed format of `file`, or undefined when it is read whole: CSV (generic or 4CAT), or JSON
 * Lines whose first line is a JSON object on its own (generic, Reddit comments and submissions, or
 * Hacker News Firebase items).
 * JSON arrays, documents over several lines, platform JSON and pasted text are read whole.
 */
export function streamKind(file: string, format: string, encoding: Encoding): StreamKind | undefined {
  if (format !== 'auto' && format !== 'jsonl' && format !== 'csv' && format !== 'reddit' && format !== '4cat' && format !== 'hackernews') return undefined;
  let bytes: Buffer;
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    bytes = headBytes(file, HEAD);
  } catch {
    return undefined; // the whole-file reader reports it
  }
  const chosen = chosenEncoding(bytes, encoding);
  const decoder = new TextDecoder(chosen === 'latin1' || chosen === 'windows-1252' ? 'latin1' : chosen);
  const head = decoder.decode(bytes).replace(/^\uFEFF/, '');
  if (head.trim() === '') return undefined;
  let name: string | undefined;
  try {
    name = format === 'auto' ? ADAPTERS.find((a) => a.sniff(head, file))?.name : format;
  } finally {
    forgetParsed();
  }
  if (name === 'csv' || name === '4cat') return name;
  if (name !== 'jsonl' && name !== 'reddit' && name !== 'hackernews') return undefined;
  // The first record decides (the line after a damaged first one, which is then skipped as any other).
  const value = firstJsonLine(head);
  if (!value) return undefined;
  if (name === 'hackernews') return isFirebase(value) ? 'hackernews' : undefined;
  if (isRedditObject(value)) return 'reddit';
  return name === 'jsonl' ? 'jsonl' : undefined;
}

/**
 * The records of a streamed input, in file order. `light`: for a first pass that only learns the
 * threads, columns and skipped records; the comments' texts are not split or converted.
 */
export function rawItems(kind: StreamKind, file: string, encoding: Encoding, light = false): AsyncGenerator<RawItem> {
  const base = fileThreadId(file);
  if (kind === 'csv') return csvItems(file, encoding, base, light);
  if (kind === '4cat') return fourcatItems(file, encoding, light);
  if (kind === 'reddit') return platformLines(file, encoding, light, new RedditDumpReader(file, STREAM_WINDOW, light));
  if (kind === 'hackernews') return platformLines(file, encoding, light, new HackerNewsReader(file, STREAM_WINDOW, light));
  return jsonlItems(file, encoding, base, light);
}

/** Generic JSON Lines: one comment object per line; its `thread` field, else the file's name, keys its thread. */
async function* jsonlItems(file: string, encoding: Encoding, base: string, light: boolean): AsyncGenerator<RawItem> {
  const mapper = new RecordMapper(file, STREAM_WINDOW);
  let firstKey: string | undefined;
  for await (const { line, text } of textLines(textChunks(file, encoding))) {
    // A line that is not JSON is reported by the first (light) pass; the second reads only the comments.
    const entry = jsonLine(text, line, light);
    if (!entry) continue;
    if ('error' in entry) {
      if (light) yield { key: firstKey ?? base, skipped: { file, line, reason: entry.error, raw: entry.raw } };
      continue;
    }
    if (!isObject(entry.value)) {
      yield { key: firstKey ?? base, skipped: { file, line, reason: `expected a JSON object with a "text" field, found ${describe(entry.value)}`, raw: excerpt(entry.value) } };
      continue;
    }
    const key = threadKey(entry.value.thread, base);
    firstKey ??= key;
    yield item(key, mapper.map({ fields: entry.value, line }, key, light));
  }
}

function threadKey(value: unknown, base: string): string {
  return value === undefined || value === null || value === '' ? base : String(value);
}

function item(key: string, out: Comment | Skipped): RawItem {
  return 'reason' in out ? { key, skipped: out } : { key, comment: out };
}

/** Generic CSV with a header row (a "text" column); its `thread` column, else the file's name, keys its thread. */
async function* csvItems(file: string, encoding: Encoding, base: string, light: boolean): AsyncGenerator<RawItem> {
  const mapper = new RecordMapper(file, STREAM_WINDOW);
  const header = (columns: string[], line: number): void => {
    if (columns.includes('text')) return;
    throw new ThreadstanceError('INPUT_NO_TEXT_COLUMN', `the header has no "text" column (found: ${columns.join(', ')}); expected columns text and optionally id, parent_id, author, likes, created_at`, { file, line });
  };
  let firstKey: string | undefined;
  for await (const { record, start } of csvRecords(file, encoding, header)) {
    const key = threadKey(record.thread, base);
    firstKey ??= key;
    yield item(key, mapper.map({ fields: record, line: start }, key, light));
  }
}

/** A 4CAT export: `thread_id` keys the thread; parents and reply links are found among the last STREAM_WINDOW records. */
async function* fourcatItems(file: string, encoding: Encoding, light: boolean): AsyncGenerator<RawItem> {
  const reader = new FourcatReader(file, STREAM_WINDOW, light);
  const header = (columns: string[], line: number): void => {
    const missing = ['id', 'thread_id', 'body'].filter((c) => !columns.includes(c));
    if (missing.length === 0) return;
    throw new ThreadstanceError('INPUT_NO_TEXT_COLUMN', `the header has no ${missing.map((c) => `"${c}"`).join(', ')} column (found: ${columns.join(', ')}); expected a 4CAT export's columns id, thread_id, body and optionally author, timestamp, subject, parent, score`, { file, line });
  };
  for await (const { record, start } of csvRecords(file, encoding, header)) yield reader.read(record, start);
}

/**
 * The records of a CSV file with a header row, each with the line it starts on; `header` checks the
 * columns before the first record. Structural errors stop the run with the line, as the whole-file
 * reader words them.
 */
async function* csvRecords(file: string, encoding: Encoding, header: (columns: string[], line: number) => void): AsyncGenerator<{ record: Record<string, string>; start: number }> {
  let line = 0;
  let readUpTo = 0;
  let checked = false;
  let headerLine = 1;
  // Lines are counted as csv-parse reads records (ahead of this loop), so an error names the right line.
  const parser = csvParse({
    ...csvOptions(),
    on_record: (record: { raw: string }) => {
      const lead = /^(?:\r\n|\r|\n)*/.exec(record.raw)![0];
      const start = line + lineBreaks(lead);
      line += lineBreaks(record.raw);
      readUpTo = line;
      return { ...record, start };
    },
  });
  const feed = (async () => {
    let first = true;
    for await (const chunk of textChunks(file, encoding)) {
      if (first) {
        // Records are counted from the line after the header (see csvStart).
        const start = csvStart(chunk);
        line = start.first;
        readUpTo = line;
        headerLine = start.header;
        first = false;
      }
      if (!parser.write(chunk)) await once(parser, 'drain');
    }
    parser.end();
  })().catch((err: Error) => parser.destroy(err));
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; start: number }>) {
      if (!checked) {
        checked = true;
        header(Object.keys(row.record), headerLine);
      }
      yield row;
    }
  } catch (err) {
    if (err instanceof ThreadstanceError) throw err;
    throw csvError(err, file, recordCsvError(err) ? readUpTo + (await blankLinesFrom(file, readUpTo, encoding)) : 0);
  } finally {
    await feed;
  }
}

/** Blank lines from 1-based line `from` on (where a failing CSV record really starts), read from the file again. */
async function blankLinesFrom(file: string, from: number, encoding: Encoding): Promise<number> {
  let n = 0;
  for await (const { line, text } of textLines(textChunks(file, encoding))) {
    if (line < from) continue;
    if (text.trim() !== '') break;
    n++;
  }
  return n;
}

/** A platform's records, one JSON object per line, read by `reader` (Reddit dumps, Hacker News items). */
async function* platformLines(file: string, encoding: Encoding, light: boolean, reader: LineReader): AsyncGenerator<RawItem> {
  for await (const { line, text } of textLines(textChunks(file, encoding))) {
    const entry = jsonLine(text, line, light); // as in jsonlItems
    if (!entry) continue;
    if ('error' in entry) {
      if (light) yield { key: reader.firstKey ?? '', skipped: { file, line, reason: `line ${line}: ${entry.error}`, raw: entry.raw } };
      continue;
    }
    yield reader.read(entry.value, line);
  }
}

/** Reads one line's record of a platform's dump into a comment or a skipped record, keyed by its thread. */
export interface LineReader {
  /** The first comment's thread, under which records read before or outside any thread are reported. */
  readonly firstKey: string | undefined;
  read(value: unknown, line: number): RawItem;
}

/** The final thread id of a key: Reddit dumps, 4CAT exports and Hacker News items name a lone thread after the file, several by their post ids. */
export function streamThreadId(kind: StreamKind, file: string, key: string, threads: number): string {
  if (kind !== 'reddit' && kind !== '4cat' && kind !== 'hackernews') return key;
  return threadIdFor(fileThreadId(file), key, threads);
}
