/**
 * Adapter for Reddit's comments JSON (`/r/{sub}/comments/{id}.json`): an array of two Listings,
 * the `t3` post and the nested `t1` comments (each with `replies`, "" when none, and `more` stubs).
 */
import type { Skipped, Thread } from '../types.js';
import { ThreadstanceError } from '../errors.js';
import { parseLocatedJson, type LocatedJson } from './json.js';
import { extend, formatPath, type PathNode } from './json-path.js';
import { decodeEntities } from './markdown.js';
import { assemble, count, excerpt, shown, isObject, isoFromEpoch, str, type Draft } from './thread.js';
import { describe, sniffJsonShape } from './sniff.js';
import { GONE, parseRedditDump, redditMarkdown, sniffRedditDump, stripPrefix } from './reddit-dump.js';

/** True for a Reddit Listing (or an array of them), or a Pushshift/Arctic Shift dump. */
export function sniffReddit(text: string): boolean {
  return sniffRedditListing(text) || sniffRedditDump(text);
}

function sniffRedditListing(text: string): boolean {
  const isListing = (v: unknown): boolean => isObject(v) && v.kind === 'Listing' && isObject(v.data);
  return sniffJsonShape(text, (v) => (Array.isArray(v) ? v.length > 0 && v.every(isListing) : isListing(v)), /^\[?\s*\{\s*"kind"\s*:\s*"Listing"/);
}

/** Reads a comments page, or a Pushshift/Arctic Shift dump when the text is one. */
export function parseReddit(text: string, file: string, threadId: string, title: string): Thread[] {
  if (!sniffRedditListing(text) && sniffRedditDump(text)) return parseRedditDump(text, file, threadId, title);
  const doc = parseLocatedJson(text, file);
  const listings = Array.isArray(doc.value) ? doc.value : [doc.value];
  if (!listings.every((l) => isObject(l) && l.kind === 'Listing' && isObject(l.data) && Array.isArray(l.data.children))) {
    throw new ThreadstanceError('INPUT_SHAPE', `expected Reddit's comments JSON: an array of Listings ({"kind": "Listing", "data": {"children": [...]}}); found ${describe(doc.value)}`, { file, line: 1 });
  }
  const reader = new ListingReader(doc, file);
  listings.forEach((listing, i) => reader.read(listing as Record<string, unknown>, Array.isArray(doc.value) ? extend(undefined, i) : undefined));
  const opId = reader.drafts.find((d) => d.depth === 0)?.id ?? reader.linkId;
  return [assemble(reader.drafts, reader.skipped, { file, id: threadId, title: title || reader.title, format: 'reddit', order: 'given', opId })];
}

/** Walks the Listings depth-first with a stack of its own, so that a reply chain of any depth cannot overflow the call stack. */
class ListingReader {
  readonly drafts: Draft[] = [];
  readonly skipped: Skipped[] = [];
  title = '';
  /** The post the comments belong to, for a file that holds only the comments Listing. */
  linkId = '';

  constructor(
    private readonly doc: LocatedJson,
    private readonly file: string,
  ) {}

  /** Reads a Listing's things and, before the next sibling, each thing's replies (Reddit's display order). */
  read(listing: Record<string, unknown>, path: PathNode | undefined): void {
    const stack: { child: unknown; path: PathNode | undefined; line: number }[] = [];
    const pushChildren = (l: Record<string, unknown>, at: PathNode | undefined): void => {
      const children = (l.data as Record<string, unknown>).children as unknown[];
      for (let i = children.length - 1; i >= 0; i--) stack.push({ child: children[i], path: extend(at, 'data', 'children', i), line: this.doc.lineAt(children, i) });
    };
    pushChildren(listing, path);
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      const replies = this.thing(item.child, item.path, item.line);
      if (replies) pushChildren(replies, extend(item.path, 'data', 'replies'));
    }
  }

  /** Reads one thing; returns its replies Listing, if it has one (also of a thing that cannot be read, so that no reply is lost). */
  private thing(child: unknown, path: PathNode | undefined, line: number): Record<string, unknown> | undefined {
    const where = formatPath(path);
    const skip = (reason: string): void => void this.skipped.push({ file: this.file, line, reason: `${where}: ${reason}`, raw: excerpt(child) });
    if (!isObject(child) || !isObject(child.data)) return void skip(`expected a Reddit thing {"kind", "data"}, found ${describe(child)}`);
    const data = child.data;
    if (child.kind === 't3') {
      this.title ||= decodeEntities(str(data.title));
      this.push(post(data, where, line), skip);
    } else if (child.kind === 'more') this.push(more(data, where, line), skip);
    else if (child.kind !== 't1') skip(`unknown kind ${shown(child.kind)}; expected t1 (comment), t3 (post) or more`);
    else {
      this.linkId ||= stripPrefix(data.link_id);
      this.push(comment(data, where, line), skip);
    }
    if (isObject(data.replies) && isObject(data.replies.data) && Array.isArray(data.replies.data.children)) return data.replies;
    if (data.replies !== '' && data.replies !== undefined && data.replies !== null) skip(`"replies" is ${describe(data.replies)}; expected a Listing or ""`);
    return undefined;
  }

  private push(draft: Draft | string, skip: (reason: string) => void): void {
    if (typeof draft === 'string') skip(draft);
    else this.drafts.push(draft);
  }
}

function post(data: Record<string, unknown>, where: string, line: number): Draft | string {
  const id = str(data.id);
  if (!id) return 'a post (t3) without "id"';
  const titleText = decodeEntities(str(data.title));
  const self = typeof data.selftext === 'string' ? data.selftext : '';
  const gone = GONE[self.trim()];
  const body = redditMarkdown(gone ? '' : self);
  const text = [titleText, body.text].filter((t) => t !== '').join('\n\n');
  const link = decodeEntities(str(data.url_overridden_by_dest) || (data.is_self === false ? str(data.url) : ''));
  return {
    ...common(data, id, '', where, line),
    text,
    media: [...(link ? [link] : []), ...body.media],
    // The title stays readable when the body is deleted, so the post is still scored.
    status: text === '' && gone ? gone : '',
    depth: 0,
  };
}

function comment(data: Record<string, unknown>, where: string, line: number): Draft | string {
  const id = str(data.id);
  if (!id) return 'a comment (t1) without "id"';
  if (typeof data.body !== 'string') return `"body" is ${describe(data.body)}; expected the comment's Markdown`;
  const gone = GONE[data.body.trim()];
  const body = redditMarkdown(gone ? '' : data.body);
  return {
    ...common(data, id, stripPrefix(data.parent_id), where, line),
    text: body.text,
    media: body.media,
    status: gone ?? '',
    ...(typeof data.depth === 'number' ? { depth: data.depth + 1 } : {}),
  };
}

/** A "load more comments" or "continue this thread" stub, kept so the tree shows that replies are missing. */
function more(data: Record<string, unknown>, where: string, line: number): Draft | string {
  const parent = stripPrefix(data.parent_id);
  const id = str(data.id);
  if (!parent && !id) return 'a "more" stub without "parent_id" or "id"';
  return {
    id: `more_${id && id !== '_' ? id : parent}`,
    parentId: parent,
    author: '',
    likes: null,
    createdAt: '',
    text: '',
    status: 'more',
    ...(typeof data.depth === 'number' ? { depth: data.depth + 1 } : {}),
    line,
    where,
  };
}

function common(data: Record<string, unknown>, id: string, parentId: string, where: string, line: number): Omit<Draft, 'text'> {
  const author = str(data.author);
  const permalink = str(data.permalink);
  return {
    id,
    parentId,
    author: GONE[author] ? '' : author,
    likes: count(data.score),
    createdAt: isoFromEpoch(data.created_utc),
    url: permalink ? `https://www.reddit.com${permalink}` : '',
    line,
    where,
  };
}
