/**
 * Adapter for Mastodon's `/api/v1/statuses/{id}/context` (`ancestors[]` and `descendants[]` of
 * Status objects: `in_reply_to_id`, HTML `content`, `spoiler_text`, `account.acct`,
 * `favourites_count`, `media_attachments`, `card`), or a JSON array of Status objects.
 */
import type { Skipped, Thread } from '../types.js';
import { ThreadstanceError } from '../errors.js';
import { parseLocatedJson, jsonPath } from './json.js';
import { htmlToText } from './html.js';
import { assemble, count, excerpt, isObject, isoFromString, str, type Draft } from './thread.js';
import { describe, sniffJsonShape } from './sniff.js';

function isStatus(v: unknown): boolean {
  return isObject(v) && 'in_reply_to_id' in v && 'content' in v && isObject(v.account);
}

/** True for a context object (`ancestors` and `descendants` arrays) or an array of statuses. */
export function sniffMastodon(text: string): boolean {
  return sniffJsonShape(
    text,
    (v) => (isObject(v) && Array.isArray(v.ancestors) && Array.isArray(v.descendants)) || (Array.isArray(v) && v.length > 0 && isStatus(v[0])),
    /^\{\s*"(ancestors|descendants)"\s*:\s*\[|"in_reply_to_id"\s*:/,
  );
}

/**
 * Reads the statuses in reply order. The context leaves out the status it was asked about: replies
 * to it keep its id as their parent, and their depth counts from its place (one below the last ancestor).
 */
export function parseMastodon(text: string, file: string, threadId: string, title: string): Thread[] {
  const doc = parseLocatedJson(text, file);
  const v = doc.value;
  const parts: { key: string | undefined; list: unknown[] }[] = [];
  if (isObject(v) && Array.isArray(v.ancestors) && Array.isArray(v.descendants)) parts.push({ key: 'ancestors', list: v.ancestors }, { key: 'descendants', list: v.descendants });
  else if (Array.isArray(v) && (v.length === 0 || isStatus(v[0]))) parts.push({ key: undefined, list: v });
  else throw new ThreadstanceError('INPUT_SHAPE', `expected a Mastodon context ({"ancestors": [...], "descendants": [...]}) or an array of statuses; found ${describe(v)}`, { file, line: 1 });
  const skipped: Skipped[] = [];
  const drafts: Draft[] = [];
  for (const { key, list } of parts) {
    list.forEach((status, i) => {
      const where = jsonPath(key ? [key, i] : [i]);
      const line = doc.lineAt(list, i);
      const d = toDraft(status, where, line);
      if (typeof d === 'string') skipped.push({ file, line, reason: `${where}: ${d}`, raw: excerpt(status) });
      else drafts.push(d);
    });
  }
  const depthOf = new Map<string, number>();
  if (isObject(v) && Array.isArray(v.ancestors)) {
    // The focal status: the parent of the first descendant, when it is not a row itself.
    const ids = new Set(drafts.map((d) => d.id));
    const ancestors = drafts.filter((d) => d.where.startsWith('ancestors'));
    const firstReply = drafts.find((d) => d.where.startsWith('descendants'));
    if (firstReply && firstReply.parentId !== '' && !ids.has(firstReply.parentId)) depthOf.set(firstReply.parentId, ancestors.length);
  }
  return [assemble(drafts, skipped, { file, id: threadId, title, format: 'mastodon', order: 'tree', depthOf })];
}

function toDraft(status: unknown, where: string, line: number): Draft | string {
  if (!isObject(status)) return `expected a Status object, found ${describe(status)}`;
  const id = str(status.id);
  if (!id) return 'a status without "id"';
  if (typeof status.content !== 'string') return `"content" is ${describe(status.content)}; expected the status's HTML`;
  const html = htmlToText(status.content);
  const warning = str(status.spoiler_text);
  const attachments = Array.isArray(status.media_attachments) ? status.media_attachments.filter(isObject).map((m) => str(m.url) || str(m.remote_url)) : [];
  const card = isObject(status.card) ? str(status.card.url) : '';
  const account = isObject(status.account) ? status.account : {};
  return {
    id,
    parentId: str(status.in_reply_to_id),
    author: str(account.acct) || str(account.username),
    likes: count(status.favourites_count),
    createdAt: isoFromString(status.created_at),
    // A content warning is read before the text it hides.
    text: [warning, html.text].filter((t) => t !== '').join('\n\n'),
    media: [...html.media, ...attachments, card],
    url: str(status.url) || str(status.uri),
    line,
    where,
  };
}
