/** Adapters for generic comment files: CSV with a header row, JSON Lines, or a JSON array of objects. */
import { parse } from 'csv-parse/sync';
import type { Skipped, Thread } from '../types.js';
import { ThreadstanceError } from '../errors.js';
import { recordsToComments, type RawRecord } from './records.js';
import { parseLocatedJson, readJsonLines } from './json.js';
import { excerpt, isObject } from './thread.js';
import { describe, firstJsonLine, jsonValue } from './sniff.js';

/** True when the first line is a CSV header with a `text` column. */
export function sniffCsv(text: string): boolean {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header
    .split(/[,;\t]/)
    .map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase())
    .includes('text');
}

/** True when the text starts like a JSON object (JSON Lines) or array, or is JSON Lines whose first line is damaged. */
export function sniffJsonl(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').trimStart();
  return first.startsWith('{') || first.startsWith('[') || firstJsonLine(text) !== undefined;
}

/** Reads a CSV whose header names the fields; structural errors name the line. */
export function parseCsv(text: string, file: string, threadId: string, title: string): Thread[] {
  let rows: { record: Record<string, string>; raw: string }[];
  // Start lines from the raw text of each record (csv-parse's own count is off after CRLF): the
  // header is the first non-blank line, and each record's raw text (with blank lines before it) follows the previous one.
  const { header: headerLine, first: firstLine } = csvStart(text);
  let readUpTo = firstLine;
  try {
    rows = parse(text, {
      ...csvOptions(),
      on_record: (record: { raw: string }) => {
        readUpTo += lineBreaks(record.raw);
        return record;
      },
    }) as typeof rows;
  } catch (err) {
    throw csvError(err, file, recordCsvError(err) ? readUpTo + leadingBlankLines(text, readUpTo) : 0);
  }
  if (rows.length > 0 && !('text' in rows[0]!.record)) {
    throw new ThreadstanceError(
      'INPUT_NO_TEXT_COLUMN',
      `the header has no "text" column (found: ${Object.keys(rows[0]!.record).join(', ')}); expected columns text and optionally id, parent_id, author, likes, created_at`,
      { file, line: headerLine },
    );
  }
  let line = firstLine;
  const records: RawRecord[] = rows.map(({ record, raw }) => {
    const lead = /^(?:\r\n|\r|\n)*/.exec(raw)![0];
    const start = line + lineBreaks(lead);
    line += lineBreaks(raw);
    return { fields: record, line: start };
  });
  return build(records, file, threadId, title, 'csv');
}

/**
 * Where a CSV's header starts (its first non-blank line) and where its records start: after the
 * header, which takes more than one line when a quoted column name holds a line break. `head` is
 * the start of the file; a header csv-parse cannot read is taken to be one line (the records'
 * reader reports the error).
 */
export function csvStart(head: string): { header: number; first: number } {
  const text = head.replace(/^\uFEFF/, '');
  const header = 1 + lineBreaks(/^(?:[ \t]*(?:\r\n|\r|\n))*/.exec(text)![0]);
  try {
    const [record] = parse(text, { ...csvOptions(), columns: false, to: 1 }) as unknown as { raw: string }[];
    if (record !== undefined) {
      // The raw text runs from the start of the file to the header's line break (to its "\r" of a "\r\n").
      let end = record.raw.length;
      if (text[end - 1] === '\r' && text[end] === '\n') end++;
      const breaks = lineBreaks(text.slice(0, end));
      if (breaks > 0) return { header, first: 1 + breaks };
    }
  } catch {
    // reported where the records are read
  }
  return { header, first: header + 1 };
}

/** csv-parse options of the generic CSV reader (whole or streamed); records come with their raw text. */
export function csvOptions(): { columns: true; bom: true; raw: true; skip_empty_lines: true; record_delimiter: string[] } {
  // Files edited on several systems mix CRLF and LF line ends; quoted line breaks stay as they are.
  return { columns: true, bom: true, raw: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] };
}

/** True for csv-parse errors of one record (unclosed quote, ragged row): the record starts after the last good one. */
export function recordCsvError(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_RECORD_INCONSISTENT_COLUMNS';
}

/**
 * The INPUT_CSV error for a csv-parse error. For a record error `line` is where the failing record
 * starts (after the last good one and any blank lines: an unclosed quote runs to the end of the file);
 * for others csv-parse's own line count is used.
 */
export function csvError(err: unknown, file: string, line: number): ThreadstanceError {
  const e = err as { code?: string; message: string; lines?: number };
  const ragged = /columns length is (\d+), got (\d+)/.exec(e.message);
  const why =
    e.code === 'CSV_QUOTE_NOT_CLOSED'
      ? 'a quote opened in the record starting here is never closed'
      : ragged
        ? `the record starting here has ${ragged[2]} fields but the header has ${ragged[1]}`
        : e.message.replace(/^Invalid Record Length: /, '');
  return new ThreadstanceError('INPUT_CSV', `${why}; expected a CSV file with a header row, the same number of fields on every row and every quote closed`, {
    file,
    line: recordCsvError(err) ? line : e.lines,
  });
}

/** Reads JSON Lines (one object per line) or a JSON array of objects; a line that is not a JSON object is reported and skipped. */
export function parseJsonl(text: string, file: string, threadId: string, title: string): Thread[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('[')) return parseJsonArray(text, file, threadId, title);
  // One JSON object spread over several lines is a document of some other shape, not JSON Lines.
  const whole = jsonValue(text);
  if (whole.ok && isObject(whole.value) && /\n\s*\S/.test(trimmed)) {
    throw new ThreadstanceError(
      'INPUT_SHAPE',
      `expected JSON Lines (one comment object per line, with "text") or a JSON array of them; found one JSON document: ${describe(whole.value)}. If it comes from a forum, name its format with --format (discourse, reddit, lemmy, hackernews, mastodon)`,
      { file, line: 1 },
    );
  }
  const records: RawRecord[] = [];
  const bad: Skipped[] = [];
  for (const entry of readJsonLines(text)) {
    if ('error' in entry) bad.push({ file, line: entry.line, reason: entry.error, raw: entry.raw });
    else if (!isObject(entry.value)) {
      bad.push({ file, line: entry.line, reason: `expected a JSON object with a "text" field, found ${describe(entry.value)}`, raw: excerpt(entry.value) });
    } else records.push({ fields: entry.value, line: entry.line });
  }
  return withSkipped(build(records, file, threadId, title, 'jsonl'), bad);
}

function parseJsonArray(text: string, file: string, threadId: string, title: string): Thread[] {
  const doc = parseLocatedJson(text, file);
  const value = doc.value;
  if (!Array.isArray(value)) throw new ThreadstanceError('INPUT_SHAPE', `expected a JSON array of comment objects; found ${describe(value)}`, { file, line: 1 });
  const records: RawRecord[] = [];
  const bad: Skipped[] = [];
  value.forEach((fields, i) => {
    const line = doc.lineAt(value, i);
    if (isObject(fields)) records.push({ fields, line });
    else bad.push({ file, line, reason: `[${i}]: expected a JSON object with a "text" field, found ${describe(fields)}`, raw: excerpt(fields) });
  });
  return withSkipped(build(records, file, threadId, title, 'json'), bad);
}

/** Records that belong to no thread are reported with the first thread's. */
function withSkipped(threads: Thread[], bad: Skipped[]): Thread[] {
  for (const s of bad) threads[0]!.skipped.push(s); // one by one: there may be more than a call takes arguments
  threads[0]!.skipped.sort((a, b) => a.line - b.line);
  return threads;
}

/** How many blank lines start at 1-based line `from`. */
function leadingBlankLines(text: string, from: number): number {
  const lines = text.split(/\r\n|\r|\n/);
  let n = 0;
  while (from - 1 + n < lines.length - 1 && lines[from - 1 + n]!.trim() === '') n++;
  return n;
}

/** Line breaks in `text`: "\r\n", "\r" or "\n" each count once. */
export function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * Groups records into threads: by their `thread` field when they have one (in order of first
 * appearance), else one thread named after the file. A thread is flat when no record names a parent.
 */
function build(records: RawRecord[], file: string, threadId: string, title: string, format: string): Thread[] {
  const groups = new Map<string, RawRecord[]>();
  for (const r of records) {
    const t = r.fields.thread;
    const key = t === undefined || t === null || t === '' ? threadId : String(t);
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  if (groups.size === 0) groups.set(threadId, []);
  return [...groups].map(([id, group]) => {
    const { comments, skipped, extraColumns } = recordsToComments(group, file);
    const flat = comments.every((c) => c.parentId === '');
    return { id, title, file, format, flat, comments, extraColumns, skipped };
  });
}
