/**
 * Adapter for Lemmy's comment views: `/api/v3/comment/list` (and any response with the same
 * `comments[]`, such as a person's profile): `{comment: {id, path, content, published, deleted,
 * removed, ap_id, post_id}, creator: {name, actor_id, local}, post: {name}, counts: {score}}`.
 */
import type { Skipped, Thread } from '../types.js';
import { ThreadstanceError } from '../errors.js';
import { parseLocatedJson, jsonPath } from './json.js';
import { markdownToText } from './markdown.js';
import { assemble, count, excerpt, shown, isObject, isoFromString, str, threadIdFor, type Draft, type Status } from './thread.js';
import { describe, sniffJsonShape } from './sniff.js';

/** True for an object whose `comments[]` are Lemmy comment views (`comment.path`). */
export function sniffLemmy(text: string): boolean {
  return sniffJsonShape(
    text,
    (v) => isObject(v) && Array.isArray(v.comments) && v.comments.length > 0 && isObject(v.comments[0]) && isObject(v.comments[0].comment) && 'path' in v.comments[0].comment,
    /"comments"\s*:\s*\[\s*\{\s*"comment"\s*:\s*\{/,
  );
}

/**
 * Reads the comment views, one thread per post (`post_id`). The parent is the next-to-last id of
 * `path` ("0.12.34": 34 answers 12; "0.12": 12 answers the post, which is not a row) and the depth
 * is the number of ids in it, so a top-level comment is at depth 1 like on the other platforms.
 */
export function parseLemmy(text: string, file: string, threadId: string, title: string): Thread[] {
  const doc = parseLocatedJson(text, file);
  const root = doc.value;
  if (!isObject(root) || !Array.isArray(root.comments)) {
    throw new ThreadstanceError('INPUT_SHAPE', `expected a Lemmy response with comments[] (from /api/v3/comment/list); found ${describe(root)}`, { file, line: 1 });
  }
  const skipped: Skipped[] = [];
  const groups = new Map<string, { drafts: Draft[]; title: string }>();
  const views = root.comments;
  views.forEach((view, i) => {
    const where = jsonPath(['comments', i]);
    const line = doc.lineAt(views, i);
    const read = toDraft(view, where, line);
    if (typeof read === 'string') return void skipped.push({ file, line, reason: `${where}: ${read}`, raw: excerpt(view) });
    const group = groups.get(read.post) ?? { drafts: [], title: read.title };
    group.drafts.push(read.draft);
    groups.set(read.post, group);
  });
  if (groups.size === 0) groups.set('', { drafts: [], title: '' });
  return [...groups].map(([post, g], i) =>
    assemble(g.drafts, i === 0 ? skipped : [], { file, id: threadIdFor(threadId, post, groups.size), title: title || g.title, format: 'lemmy', order: 'tree' }),
  );
}

function toDraft(view: unknown, where: string, line: number): { draft: Draft; post: string; title: string } | string {
  if (!isObject(view) || !isObject(view.comment)) return `expected a comment view {"comment": {...}, "creator": {...}}, found ${describe(view)}`;
  const c = view.comment;
  const id = str(c.id);
  if (!id) return 'comment.id is missing';
  const path = str(c.path).split('.').filter((p) => p !== '');
  if (path.length < 2 || path.at(-1) !== id) return `comment.path is ${c.path === undefined ? 'missing' : shown(c.path)}; expected "0.….${id}"`;
  let status: Status = '';
  if (c.removed === true) status = 'removed';
  if (c.deleted === true) status = 'deleted';
  // A deleted or removed comment's content is a placeholder (or the text moderators still see): not the commenter's words now.
  const body = markdownToText(status === '' && typeof c.content === 'string' ? c.content : '');
  const post = isObject(view.post) ? view.post : {};
  return {
    draft: {
      id,
      parentId: path.length > 2 ? path.at(-2)! : '',
      author: author(view.creator),
      likes: isObject(view.counts) ? count(view.counts.score) : null,
      createdAt: isoFromString(c.published),
      text: body.text,
      media: body.media,
      status,
      url: str(c.ap_id),
      depth: path.length - 1,
      line,
      where,
    },
    post: str(c.post_id) || str(post.id),
    title: str(post.name),
  };
}

/** The name as Lemmy shows it: `name` for a user of the answering instance, `name@instance` for others. */
function author(creator: unknown): string {
  if (!isObject(creator)) return '';
  const name = str(creator.name);
  if (creator.local !== false) return name;
  const host = /^https?:\/\/([^/]+)/.exec(str(creator.actor_id))?.[1];
  return host ? `${name}@${host}` : name;
}
