/** Adapter for a Discourse thread pasted as text: a title line, posts each closed by an `N Likes` line. */
import type { Comment, Thread } from '../types.js';
import { splitMedia, normalizeText } from './media.js';
import { headerAt, markQuotes, type PostHeader } from './pasted-header.js';

const LIKES_LINE = /^\s*(\d[\d,]*)\s+Likes?\s*$/;

/** True when the text has the shape of a pasted Discourse thread. */
export function sniffPasted(text: string): boolean {
  const lines = normalizeText(text).split('\n');
  return lines.some((l) => LIKES_LINE.test(l)) && !/^\s*[[{]/.test(text);
}

/** A post's lines between two `Likes` lines (or split at an author and date header), before it becomes a comment. */
interface Block {
  lines: string[];
  /** 0-based line of the input where the block starts. */
  start: number;
  likes: number | null;
  header?: PostHeader;
}

/**
 * Splits the pasted thread into comments. The title and opening post form comment 0. A post's author
 * and date lines, when the paste has them (see pasted-header.ts), become its author and date and start
 * a new post: a post with no likes has no `Likes` line on Discourse, so without them it cannot be told
 * apart from the next post, and with them it is a comment of its own with unknown likes. Trailing text
 * after the last `Likes` line becomes a final comment with unknown likes rather than being lost.
 */
export function parsePasted(text: string, file: string, threadId: string): Thread {
  const lines = normalizeText(text).split('\n');
  const blocks: Block[] = [];
  let current: Block = { lines: [], start: 0, likes: null };
  const close = (likes: number | null, next: number): void => {
    blocks.push({ ...current, likes });
    current = { lines: [], start: next, likes: null };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = LIKES_LINE.exec(line);
    if (m) {
      close(Number(m[1]!.replace(/,/g, '')), i + 1);
      continue;
    }
    const header = current.lines.length === 0 || current.lines.at(-1)!.trim() === '' ? headerAt(lines, i) : undefined;
    if (header) {
      const own = current.lines.filter((l) => l.trim() !== '').length;
      // The opening post's header comes after the title line, which stays with it.
      const titleOnly = blocks.length === 0 && own === 1 && !current.header;
      if ((own > 0 && !titleOnly) || current.header) close(null, i);
      else if (own === 0) current.start = i;
      current.header = header;
      i += header.lines - 1;
      while (i + 1 < lines.length && lines[i + 1]!.trim() === '') i++;
      continue;
    }
    current.lines.push(line);
  }
  close(null, lines.length);
  const authors = new Set(blocks.flatMap((b) => (b.header ? [b.header.author.toLowerCase()] : [])));
  const comments: Comment[] = [];
  for (const b of blocks) {
    const raw = trimBlankLines(b.lines);
    if (raw.lines.length === 0 && b.likes === null && !b.header) continue;
    const full = raw.lines.join('\n');
    // Discourse's "Originally published at: URL" line is boilerplate: the URL goes to media, the label nowhere.
    const { body, media, quoted } = splitMedia(markQuotes(raw.lines, authors).join('\n').replace(/^Originally published at:\s*/im, ''));
    comments.push({
      index: comments.length,
      id: String(comments.length),
      parentId: '',
      author: b.header?.author ?? '',
      likes: b.likes,
      createdAt: b.header?.createdAt ?? '',
      text: full,
      body,
      media,
      quoted,
      extra: {},
      line: b.start + 1 + (b.header ? 0 : raw.offset),
    });
  }
  const title = comments[0]?.text.split('\n')[0]?.trim() ?? '';
  return { id: threadId, title, file, format: 'pasted', flat: true, comments, extraColumns: [], skipped: [] };
}

function trimBlankLines(lines: string[]): { lines: string[]; offset: number } {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return { lines: lines.slice(start, end), offset: start };
}
