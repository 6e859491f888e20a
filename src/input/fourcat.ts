/**
 * Adapter for 4CAT's CSV exports. 4CAT writes a data source's item fields as columns, with HTML
 * already stripped from `body`, `timestamp` as `YYYY-MM-DD HH:MM:SS` (UTC) and `unix_timestamp`
 * appended: the 4chan source has `thread_id,id,timestamp,board,body,subject,author,image_file,…`,
 * the Reddit source `thread_id,id,timestamp,body,subject,author,…,url,…,subreddit,parent,score`.
 */
import { parse } from 'csv-parse/sync';
import type { Skipped, Thread } from '../types.js';
import type { RawItem } from './stream.js';
import { ThreadstanceError } from '../errors.js';
import { markdownToText } from './markdown.js';
import { htmlToText } from './html.js';
import { GONE } from './reddit-dump.js';
import { assemble, count, isoFromEpoch, isoFromString, lightComment, repeatedId, str, StreamedThreads, threadIdFor, toComment, type Draft } from './thread.js';

/** Columns this adapter interprets; every other column passes through to the output. */
const KNOWN = ['id', 'thread_id', 'timestamp', 'unix_timestamp', 'body', 'subject', 'author', 'parent', 'score', 'image_file', 'url'];
/** 4chan's reply links: `>>123` (same board) and `>>>/board/123` (another board). */
const REPLY_LINK = />>(?:>\/\w+\/)?(\d+)/g;

function header(text: string): string[] {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return first.split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
}

/** True when the header has 4CAT's `id`, `thread_id` and `body` columns. */
export function sniffFourcat(text: string): boolean {
  const cols = header(text);
  return cols.includes('id') && cols.includes('thread_id') && cols.includes('body');
}

/**
 * Reads the export, one thread per `thread_id`. The parent is the `parent` column (Reddit) when
 * there is one; else the first `>>N` reply link to a post of the same thread (4chan); else the
 * thread's opening post, whose id is the thread id.
 */
export function parseFourcat(text: string, file: string, threadId: string, title: string): Thread[] {
  let rows: { record: Record<string, string>; raw: string }[];
  try {
    rows = parse(text, { columns: true, bom: true, raw: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as typeof rows;
  } catch (err) {
    const e = err as { message: string; lines?: number };
    throw new ThreadstanceError('INPUT_CSV', `${e.message}; expected a 4CAT CSV export with a header row`, { file, line: e.lines });
  }
  const columns = rows.length > 0 ? Object.keys(rows[0]!.record) : header(text);
  const extraColumns = columns.filter((c) => !KNOWN.includes(c));
  const markdown = columns.includes('subreddit');
  const skipped: Skipped[] = [];
  const groups = new Map<string, { drafts: Draft[]; title: string; ids: Set<string> }>();
  let line = 2 + (/^(?:[ \t]*\r?\n)*/.exec(text.replace(/^\uFEFF/, ''))![0].match(/\n/g)?.length ?? 0);
  const records = rows.map(({ record, raw }) => {
    const start = line + (/^(?:\r?\n)*/.exec(raw)![0].match(/\n/g)?.length ?? 0);
    line += raw.match(/\r\n|\r|\n/g)?.length ?? 0;
    return { record, line: start };
  });
  for (const { record, line: at } of records) {
    const id = str(record.id);
    const thread = str(record.thread_id);
    if (!id || !thread) {
      skipped.push(emptyKey(file, at, record));
      continue;
    }
    const group = groups.get(thread) ?? { drafts: [], title: '', ids: new Set<string>() };
    groups.set(thread, group);
    group.ids.add(id);
    if (id === thread) group.title ||= str(record.subject);
    group.drafts.push(toDraft(record, id, thread, at, markdown, extraColumns));
  }
  if (groups.size === 0) groups.set('', { drafts: [], title: '', ids: new Set() });
  return [...groups].map(([thread, g], i) => {
    // A 4chan reply link names its parent only when that post is in the same thread.
    for (const d of g.drafts) if (d.parentId.startsWith('>>')) d.parentId = linkedParent(d, thread, (n) => g.ids.has(n));
    return assemble(g.drafts, i === 0 ? skipped : [], { file, id: threadIdFor(threadId, thread, groups.size), title: title || g.title, format: '4cat', order: 'tree', opId: thread, extraColumns });
  });
}

/** A record without its id or thread id, as skipped. */
function emptyKey(file: string, line: number, record: Record<string, string>): Skipped {
  return { file, line, reason: `line ${line}: ${!str(record.id) ? '"id"' : '"thread_id"'} is empty`, raw: JSON.stringify(record).slice(0, 200) };
}

/** A 4chan reply's parent: the first post its reply links name that `known` holds in the thread, else the opening post. */
function linkedParent(d: Draft, thread: string, known: (id: string) => boolean): string {
  return d.parentId.slice(2).split(' ').find((n) => n !== d.id && known(n)) ?? (d.id === thread ? '' : thread);
}

/**
 * An export read a record at a time, in file order, for a streamed run (see stream.ts): what the
 * whole-file reader does, but a reply link or a parent is found only among the last `window` records
 * (4CAT writes a 4chan dataset in post id order, so a post's parent comes before it), and a repeated
 * id is caught within them. `light`: for the first pass, which only counts; the body is not converted.
 */
export class FourcatReader {
  private readonly threads: StreamedThreads;
  private columns: { extra: string[]; markdown: boolean } | undefined;
  private firstKey: string | undefined;

  constructor(
    private readonly file: string,
    window: number,
    private readonly light: boolean,
  ) {
    this.threads = new StreamedThreads(window);
  }

  read(record: Record<string, string>, line: number): RawItem {
    const file = this.file;
    if (!this.columns) {
      const names = Object.keys(record);
      this.columns = { extra: names.filter((c) => !KNOWN.includes(c)), markdown: names.includes('subreddit') };
    }
    const id = str(record.id);
    const thread = str(record.thread_id);
    if (!id || !thread) return { key: this.firstKey ?? '', skipped: emptyKey(file, line, record) };
    this.firstKey ??= thread;
    const d = toDraft(record, id, thread, line, this.columns.markdown, this.columns.extra, this.light);
    const first = this.threads.firstLine(thread, id);
    if (first !== undefined) {
      // The record as the whole-file reader shows it: its text converted (rare enough to convert in the first pass too).
      const text = this.light ? toDraft(record, id, thread, line, this.columns.markdown, this.columns.extra).text : d.text;
      return { key: thread, skipped: repeatedId(file, d, first, text) };
    }
    if (d.parentId.startsWith('>>')) d.parentId = linkedParent(d, thread, (n) => this.threads.has(thread, n));
    const { index, depth } = this.threads.place(thread, d);
    const comment = this.light ? lightComment(d, index, depth) : toComment(d, index, depth);
    return { key: thread, comment, ...(id === thread && str(record.subject) ? { title: str(record.subject) } : {}) };
  }
}

/** A record as a draft comment; `light` leaves the body as it is (a first pass that only counts). */
function toDraft(record: Record<string, string>, id: string, thread: string, line: number, markdown: boolean, extraColumns: string[], light = false): Draft {
  const raw = record.body ?? '';
  const gone = GONE[raw.trim()];
  const source = gone ? '' : raw;
  // 4CAT strips HTML from `body` on export; a body that still has 4chan's markup is read as HTML.
  const body = light
    ? { text: source, media: [] }
    : markdown
      ? markdownToText(source)
      : /<(br|a|span|wbr|p)\b[^>]*>/i.test(source)
        ? htmlToText(source)
        : { text: source.replace(/\r\n?/g, '\n').trim(), media: [] };
  const subject = id === thread ? str(record.subject) : '';
  const text = [subject, body.text].filter((t) => t !== '').join('\n\n');
  const matches = [...text.matchAll(REPLY_LINK)];
  const links = matches.map((m) => m[1]!);
  const parentColumn = str(record.parent).replace(/^t\d_/, '');
  const parentId = parentColumn || (links.length > 0 ? `>>${links.join(' ')}` : id === thread ? '' : thread);
  const extra: Record<string, string> = {};
  for (const c of extraColumns) extra[c] = record[c] ?? '';
  return {
    id,
    parentId,
    author: GONE[str(record.author)] ? '' : str(record.author),
    likes: count(record.score),
    createdAt: isoFromEpoch(record.unix_timestamp) || (/^\d+$/.test(str(record.timestamp)) ? isoFromEpoch(record.timestamp) : isoFromString(record.timestamp)),
    text,
    // Reply links stay in the text but are not the poster's words (and `>>` would read as a quote).
    scored: text.replace(REPLY_LINK, ' '),
    media: [...matches.map((m) => m[0]), str(record.image_file), str(record.url), ...body.media],
    status: text === '' && gone ? gone : '',
    line,
    where: `line ${line}`,
    extra,
  };
}
