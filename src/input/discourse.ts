/**
 * Adapter for a Discourse topic as its JSON API returns it (`/t/{id}.json`, `/t/{slug}/{id}/{post}.json`,
 * `/t/{id}/posts.json`): `post_stream.posts[]`, each with `cooked` HTML.
 */
import type { Skipped, Thread } from '../types.js';
import { ThreadstanceError } from '../errors.js';
import { parseLocatedJson, jsonPath } from './json.js';
import { htmlToText } from './html.js';
import { markdownToText } from './markdown.js';
import { assemble, count, excerpt, shown, isObject, isoFromString, str, type Draft, type Status } from './thread.js';
import { describe, sniffJsonShape } from './sniff.js';

/** True for a JSON object with a `post_stream` whose posts have `post_number` (or, when truncated, the key itself). */
export function sniffDiscourse(text: string): boolean {
  return sniffJsonShape(
    text,
    (v) => isObject(v) && isObject(v.post_stream) && Array.isArray(v.post_stream.posts) && (v.post_stream.posts.length === 0 || (isObject(v.post_stream.posts[0]) && 'post_number' in v.post_stream.posts[0])),
    /(^|[^\\])"post_stream"\s*:\s*\{/,
  );
}

/** Discourse's action id for a like in `actions_summary`. */
const LIKE_ACTION = 2;

/**
 * Reads the posts of the page. Ids are post numbers, as Discourse shows them (#12); a post without
 * `reply_to_post_number` answers the topic, i.e. post 1. A reply to a post outside the page keeps
 * that post's number as its parent.
 */
export function parseDiscourse(text: string, file: string, threadId: string, title: string): Thread[] {
  const doc = parseLocatedJson(text, file);
  const root = doc.value;
  if (!isObject(root) || !isObject(root.post_stream) || !Array.isArray(root.post_stream.posts)) {
    throw new ThreadstanceError('INPUT_SHAPE', `expected a Discourse topic: a JSON object with post_stream.posts[] (from /t/{id}.json); found ${describe(root)}`, { file, line: 1 });
  }
  const skipped: Skipped[] = [];
  const drafts: Draft[] = [];
  const posts = root.post_stream.posts;
  posts.forEach((post, i) => {
    const where = jsonPath(['post_stream', 'posts', i]);
    const line = doc.lineAt(posts, i);
    const draft = isObject(post) ? readPost(post, where, line, str(root.title)) : `expected a post object, found ${describe(post)}`;
    if (typeof draft === 'string') skipped.push({ file, line, reason: `${where}: ${draft}`, raw: excerpt(post) });
    else drafts.push(draft);
  });
  const platformTitle = str(root.title);
  return [assemble(drafts, skipped, { file, id: threadId, title: title || platformTitle, format: 'discourse', order: 'given', opId: '1' })];
}

function readPost(post: Record<string, unknown>, where: string, line: number, topicTitle: string): Draft | string {
  const number = post.post_number;
  if (typeof number !== 'number' || !Number.isInteger(number)) return `"post_number" is ${number === undefined ? 'missing' : shown(number)}; expected the post's number`;
  const replyTo = post.reply_to_post_number;
  let parentId = typeof replyTo === 'number' ? String(replyTo) : number === 1 ? '' : '1';
  if (parentId === String(number)) parentId = '';
  let status: Status = '';
  let body: { text: string; media: string[] };
  if (typeof post.cooked === 'string') body = htmlToText(post.cooked);
  else if (typeof post.raw === 'string') body = markdownToText(post.raw);
  else if (post.cooked === undefined || post.cooked === null) body = { text: '', media: [] };
  else return `"cooked" is a ${typeof post.cooked}; expected the post's HTML`;
  if (post.deleted_at || post.user_deleted === true) {
    // Discourse replaces a deleted post's text with a notice such as "(post deleted by author)".
    status = 'deleted';
    body = { text: '', media: [] };
  } else if (post.hidden === true) status = 'removed';
  else if (post.post_type === 3) status = 'action';
  // The opening post is read with the topic's title, as on Reddit and Hacker News and in a pasted thread.
  const text = number === 1 ? [topicTitle, body.text].filter((t) => t !== '').join('\n\n') : body.text;
  return {
    id: String(number),
    parentId,
    author: str(post.username),
    likes: likes(post),
    createdAt: isoFromString(post.created_at),
    text,
    // Blog-linked topics open with "Originally published at: URL": boilerplate, not the poster's words.
    scored: text.replace(/^Originally published at:\s*/im, ''),
    media: body.media,
    status,
    url: str(post.post_url) || (post.topic_slug && post.topic_id ? `/t/${str(post.topic_slug)}/${str(post.topic_id)}/${number}` : ''),
    ...(number === 1 ? { depth: 0 } : parentId === '1' ? { depth: 1 } : {}),
    line,
    where,
  };
}

/** `like_count` when the API gives it, else the like action's count (absent there means none). */
function likes(post: Record<string, unknown>): number | null {
  const direct = count(post.like_count);
  if (direct !== null) return direct;
  if (!Array.isArray(post.actions_summary)) return null;
  const like = post.actions_summary.find((a) => isObject(a) && a.id === LIKE_ACTION);
  return isObject(like) ? (count(like.count) ?? 0) : 0;
}
