/** Turns generic records (CSV rows, JSON objects) into comments: the field mapping shared by the CSV and JSONL adapters. */
import type { Comment, Skipped } from '../types.js';
import { ThreadstanceError } from '../errors.js';
import { splitMedia } from './media.js';
import { excerpt, jsonText, shown } from './thread.js';
import { describe } from './sniff.js';
import { RecentMap } from '../recent.js';

/**
 * Fields threadstance interprets; every other column passes through untouched. `parent` is read as
 * `parent_id` when that is absent (RumourEval and many dumps call it so); `thread` groups records into threads.
 */
export const KNOWN_FIELDS = ['id', 'parent_id', 'parent', 'thread', 'author', 'likes', 'created_at', 'text'] as const;

/** An unvalidated record with the line where it starts. */
export interface RawRecord {
  fields: Record<string, unknown>;
  line: number;
}

/** Maps records onto comments; a record without usable `text` is reported as skipped, not dropped. */
export function recordsToComments(
  records: RawRecord[],
  file: string,
): { comments: Comment[]; skipped: Skipped[]; extraColumns: string[] } {
  const mapper = new RecordMapper(file, Infinity);
  const comments: Comment[] = [];
  const skipped: Skipped[] = [];
  for (const r of records) {
    const out = mapper.map(r, '');
    if ('reason' in out) skipped.push(out);
    else comments.push(out);
  }
  return { comments, skipped, extraColumns: mapper.extraColumns };
}

/**
 * Maps records onto comments one at a time: positions counted per thread, repeated ids caught among
 * the last `window` records (all of them for a file read whole; a bounded number when streaming).
 */
export class RecordMapper {
  /** Columns threadstance does not interpret, in order of first appearance. */
  readonly extraColumns: string[] = [];
  private readonly extraSet = new Set<string>();
  private readonly positions = new Map<string, number>();
  private readonly seenIds: RecentMap<string, number>;

  constructor(
    private readonly file: string,
    window: number,
  ) {
    this.seenIds = new RecentMap(window);
  }

  /** The comment of a record (`thread` keys its position count), or why it is skipped; `light` (a first pass that only counts) leaves the text unsplit. */
  map({ fields, line }: RawRecord, thread: string, light = false): Comment | Skipped {
    const file = this.file;
    for (const key in fields) {
      if (!(KNOWN_FIELDS as readonly string[]).includes(key) && !this.extraSet.has(key)) {
        this.extraSet.add(key);
        this.extraColumns.push(key);
      }
    }
    const text = fields.text;
    if (typeof text !== 'string') {
      return {
        file,
        line,
        reason:
          text === undefined || text === null
            ? `no "text" field (found ${Object.keys(fields).slice(0, 8).map((k) => JSON.stringify(k)).join(', ') || 'no fields'})`
            : `"text" is ${describe(text)}, expected a string`,
        raw: excerpt(fields),
      };
    }
    const index = this.positions.get(thread) ?? 0;
    this.positions.set(thread, index + 1);
    const id = asString(fields.id) || String(index);
    // Within the thread as the reader keys it (a `thread` of " 7" is not thread "7", as when read whole).
    const key = `${thread}\u0000${id}`;
    const earlier = this.seenIds.get(key);
    if (earlier !== undefined) {
      throw new ThreadstanceError(
        'INPUT_DUPLICATE_ID',
        `comment id "${id}" was already used on line ${earlier}; ids must be unique within a thread`,
        { file, line, field: 'id' },
      );
    }
    this.seenIds.set(key, line);
    const { body, media, quoted } = light ? { body: text, media: [], quoted: [] } : splitMedia(text);
    const extra: Record<string, string> = {};
    for (const key in fields) if (this.extraSet.has(key)) extra[key] = asString(fields[key]);
    return {
      index,
      id,
      parentId: asString(fields.parent_id ?? fields.parent),
      author: asString(fields.author),
      likes: parseLikes(fields.likes, file, line),
      createdAt: asString(fields.created_at),
      text,
      body,
      media,
      quoted,
      extra,
      line,
    };
  }
}

function asString(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return jsonText(value);
}

function parseLikes(value: unknown, file: string, line: number): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(/,/g, '').trim());
  if (!Number.isInteger(n) || n < 0) {
    throw new ThreadstanceError(
      'INPUT_BAD_LIKES',
      `"likes" is ${shown(value)}; expected a whole number of 0 or more, or an empty cell`,
      { file, line, field: 'likes' },
    );
  }
  return n;
}
