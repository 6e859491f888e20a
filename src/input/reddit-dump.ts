/**
 * Reddit dumps as Pushshift and Arctic Shift write them: JSON Lines with one comment (or submission)
 * object per line, `link_id` naming the post (`t3_…`) and `parent_id` the parent (`t1_…` or `t3_…`).
 * Pushshift's API answer `{"data": [...]}` and a JSON array of the same objects are read too.
 */
import type { Skipped, Thread } from '../types.js';
import { parseLocatedJson, jsonPath, readJsonLines } from './json.js';
import { decodeEntities, markdownToText, type MarkdownText } from './markdown.js';
import type { LineReader, RawItem } from './stream.js';
import { assemble, count, excerpt, isObject, isoFromEpoch, lightComment, repeatedId, str, StreamedThreads, threadIdFor, toComment, type Draft, type Status } from './thread.js';
import { firstJsonLine, jsonValue } from './sniff.js';

export interface Row {
  value: unknown;
  line: number;
  where: string;
}

/** A Reddit comment (`body` + `link_id`) or submission (`title` + `selftext` + `subreddit`) object. */
export function isRedditObject(v: unknown): boolean {
  return isObject(v) && ((typeof v.body === 'string' && 'link_id' in v) || (typeof v.title === 'string' && 'selftext' in v && 'subreddit' in v));
}

/** True when the first line (or the `data` array, or the array) holds Reddit comment or submission objects. */
export function sniffRedditDump(text: string): boolean {
  const first = firstJsonLine(text);
  if (first && isRedditObject(first)) return true;
  if (first && Array.isArray(first.data)) return isRedditObject(first.data[0]);
  const { ok, value } = jsonValue(text);
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.data) ? value.data : [];
  return ok && isRedditObject(list[0]);
}

/** Reddit's placeholders for a body or author that is gone. */
export const GONE: Record<string, Status> = { '[deleted]': 'deleted', '[removed]': 'removed', '[ Removed by Reddit ]': 'removed' };

/** Reads the dump, one thread per post (`link_id`), in reply order; a line that is not a JSON object is reported. */
export function parseRedditDump(text: string, file: string, threadId: string, title: string): Thread[] {
  const skipped: Skipped[] = [];
  const rows = readRows(text, file, skipped);
  const groups = new Map<string, { drafts: Draft[]; title: string }>();
  for (const row of rows) {
    const draft = toDraft(row);
    if (typeof draft === 'string') {
      skipped.push({ file, line: row.line, reason: `${row.where}: ${draft}`, raw: excerpt(row.value) });
      continue;
    }
    const group = groups.get(draft.link) ?? { drafts: [], title: '' };
    if (draft.isPost) group.title ||= draft.title;
    group.drafts.push(draft.draft);
    groups.set(draft.link, group);
  }
  if (groups.size === 0) groups.set('', { drafts: [], title: '' });
  return [...groups].map(([link, g], i) =>
    assemble(g.drafts, i === 0 ? skipped : [], { file, id: threadIdFor(threadId, link, groups.size), title: title || g.title, format: 'reddit', order: 'tree', opId: link }),
  );
}

function readRows(text: string, file: string, skipped: Skipped[]): Row[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const whole = trimmed.startsWith('[') || /^\{\s*"data"\s*:\s*\[/.test(trimmed) ? parseLocatedJson(text, file) : undefined;
  if (whole) {
    const list = Array.isArray(whole.value) ? whole.value : isObject(whole.value) && Array.isArray(whole.value.data) ? whole.value.data : [];
    const base = Array.isArray(whole.value) ? [] : ['data'];
    return list.map((value, i) => ({ value, line: whole.lineAt(list, i), where: jsonPath([...base, i]) }));
  }
  const rows: Row[] = [];
  for (const entry of readJsonLines(text)) {
    if ('error' in entry) skipped.push({ file, line: entry.line, reason: `line ${entry.line}: ${entry.error}`, raw: entry.raw });
    else rows.push({ value: entry.value, line: entry.line, where: `line ${entry.line}` });
  }
  return rows;
}

/** A record as a draft comment, or why it is skipped; `light` (a first pass that only counts) leaves the body's Markdown unread. */
export function toDraft(row: Row, light = false): { draft: Draft; link: string; isPost: boolean; title: string } | string {
  const v = row.value;
  if (!isObject(v)) return 'expected a Reddit comment or submission object';
  const id = stripPrefix(v.name) || str(v.id);
  if (!id) return 'no "id"';
  const isPost = typeof v.body !== 'string' && typeof v.title === 'string';
  const link = isPost ? id : stripPrefix(v.link_id);
  if (!link) return 'a comment without "link_id"; cannot tell which post it belongs to';
  const source = isPost ? str(v.selftext) : typeof v.body === 'string' ? v.body : '';
  const gone = GONE[source.trim()];
  const body = light ? { text: source, media: [] } : redditMarkdown(gone ? '' : source);
  const titleText = isPost ? decodeEntities(str(v.title)) : '';
  const text = [titleText, body.text].filter((t) => t !== '').join('\n\n');
  const parentRaw = str(v.parent_id);
  const parentId = isPost ? '' : stripPrefix(parentRaw);
  const author = str(v.author);
  const permalink = str(v.permalink);
  const linkUrl = isPost && v.is_self !== true ? decodeEntities(str(v.url_overridden_by_dest) || str(v.url)) : '';
  const draft: Draft = {
    id,
    parentId,
    author: GONE[author] ? '' : author,
    likes: count(v.score),
    createdAt: isoFromEpoch(v.created_utc),
    text,
    media: [...(linkUrl && !linkUrl.includes(`/comments/${id}/`) ? [linkUrl] : []), ...body.media],
    status: text === '' && gone ? gone : '',
    url: permalink ? (permalink.startsWith('http') ? permalink : `https://www.reddit.com${permalink}`) : '',
    // A reply to the post (t3_) is top-level whether or not the post is in the dump.
    ...(isPost ? { depth: 0 } : parentRaw.startsWith('t3_') ? { depth: 1 } : {}),
    line: row.line,
    where: row.where,
  };
  return { draft, link, isPost, title: titleText };
}

/**
 * A Reddit dump (Pushshift, Arctic Shift) read one line at a time: `link_id` keys the thread, a reply
 * to the post is top-level whether or not the post is in the dump, and depth and repeated ids are
 * known within the last `window` records. `light`: for the first pass, which only counts; a body's
 * Markdown is not read.
 */
export class RedditDumpReader implements LineReader {
  private readonly threads: StreamedThreads;
  /** The first comment's thread, under which records read before or outside any thread are reported. */
  firstKey: string | undefined;

  constructor(
    private readonly file: string,
    window: number,
    private readonly light: boolean,
  ) {
    this.threads = new StreamedThreads(window);
  }

  read(value: unknown, line: number): RawItem {
    const row = { value, line, where: `line ${line}` };
    const draft = toDraft(row, this.light);
    if (typeof draft === 'string') return { key: this.firstKey ?? '', skipped: { file: this.file, line, reason: `${row.where}: ${draft}`, raw: excerpt(value) } };
    const { link, isPost, title } = draft;
    const d = draft.draft;
    this.firstKey ??= link;
    const first = this.threads.firstLine(link, d.id);
    if (first !== undefined) {
      // The record as the whole-file reader shows it: its text converted (rare enough to convert in the first pass too).
      const full = this.light ? toDraft(row, false) : draft;
      return { key: link, skipped: repeatedId(this.file, d, first, typeof full === 'string' ? d.text : full.draft.text) };
    }
    const { index, depth } = this.threads.place(link, d);
    const comment = this.light ? lightComment(d, index, depth) : toComment(d, index, depth);
    return { key: link, comment, ...(isPost ? { title } : {}) };
  }
}

/** `t1_abc` / `t3_xyz` → `abc` / `xyz`. */
export function stripPrefix(value: unknown): string {
  return str(value).replace(/^t\d_/, '');
}

/**
 * Reddit's Markdown as text. Reddit escapes `&`, `<` and `>` in the JSON on top of the Markdown
 * itself, where entities are text too (`&#x200B;` for an empty paragraph): so two decodings.
 */
export function redditMarkdown(body: string): MarkdownText {
  return markdownToText(decodeEntities(body));
}
