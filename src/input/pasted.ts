/** Adapter for a Discourse thread pasted as text: a title line, posts each closed by an `N Likes` line. */
import type { Comment, Thread } from '../types.js';
import { splitMedia, normalizeText } from './media.js';

const LIKES_LINE = /^\s*(\d[\d,]*)\s+Likes?\s*$/;

/** True when the text has the shape of a pasted Discourse thread. */
export function sniffPasted(text: string): boolean {
  const lines = normalizeText(text).split('\n');
  return lines.some((l) => LIKES_LINE.test(l)) && !/^\s*[[{]/.test(text);
}

/**
 * Splits the pasted thread into comments. The title and opening post form comment 0. A post with
 * no likes has no `Likes` line on Discourse and cannot be told apart from the next post; trailing
 * text after the last `Likes` line becomes a final comment with unknown likes rather than being lost.
 */
export function parsePasted(text: string, file: string, threadId: string): Thread {
  const lines = normalizeText(text).split('\n');
  const comments: Comment[] = [];
  let buffer: string[] = [];
  let startLine = 1;
  const flush = (likes: number | null): void => {
    const raw = trimBlankLines(buffer);
    buffer = [];
    if (raw.lines.length === 0 && likes === null) return;
    const full = raw.lines.join('\n');
    // Discourse's "Originally published at: URL" line is boilerplate: the URL goes to media, the label nowhere.
    const { body, media, quoted } = splitMedia(full.replace(/^Originally published at:\s*/im, ''));
    comments.push({
      index: comments.length,
      id: String(comments.length),
      parentId: '',
      author: '',
      likes,
      createdAt: '',
      text: full,
      body,
      media,
      quoted,
      extra: {},
      line: startLine + raw.offset,
    });
  };
  lines.forEach((line, i) => {
    const m = LIKES_LINE.exec(line);
    if (m) {
      flush(Number(m[1]!.replace(/,/g, '')));
      startLine = i + 2;
    } else {
      buffer.push(line);
    }
  });
  flush(null);
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
