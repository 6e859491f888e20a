/**
 * Adapter for Discourse's plain-text topic export (`/raw/{topic_id}`): each post is a header line
 * `user | YYYY-MM-DD HH:MM:SS UTC | #N`, a blank line, its Markdown, and a line of 25 dashes.
 */
import type { Skipped, Thread } from '../types.js';
import { markdownToText } from './markdown.js';
import { assemble, type Draft } from './thread.js';

const HEADER = /^(.*\S) \| (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) UTC \| #(\d+)\s*$/;
const SEPARATOR = /^-{25}\s*$/;

/** True when the first non-blank line is a `/raw` post header. */
export function sniffDiscourseRaw(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return HEADER.test(first);
}

/**
 * Splits the export into posts. The export has no reply structure, so the thread is flat (each
 * post taken to answer the one before), and no likes. Discourse writes a post's last edit time.
 */
export function parseDiscourseRaw(text: string, file: string, threadId: string, title: string): Thread[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const drafts: Draft[] = [];
  const skipped: Skipped[] = [];
  let current: { head: RegExpExecArray; line: number; body: string[] } | undefined;
  let stray: { line: number; body: string[] } | undefined;
  const flush = (): void => {
    if (current) drafts.push(toDraft(current.head, current.line, current.body));
    current = undefined;
  };
  let lastNonBlank = '';
  lines.forEach((line, i) => {
    const head = HEADER.exec(line);
    // A header counts at the start or after a separator line; elsewhere it is text.
    const afterSeparator = lastNonBlank === '' || SEPARATOR.test(lastNonBlank);
    if (line.trim() !== '') lastNonBlank = line;
    if (head && afterSeparator) {
      flush();
      current = { head, line: i + 1, body: [] };
      return;
    }
    if (current) current.body.push(line);
    else if (line.trim() !== '') (stray ??= { line: i + 1, body: [] }).body.push(line);
  });
  flush();
  if (stray) skipped.push({ file, line: stray.line, reason: `line ${stray.line}: text before the first post header ("user | date UTC | #N")`, raw: stray.body.join('\n').slice(0, 200) });
  return [assemble(drafts, skipped, { file, id: threadId, title, format: 'discourse', order: 'given', flat: true })];
}

function toDraft(head: RegExpExecArray, line: number, body: string[]): Draft {
  while (body.length > 0 && (body.at(-1)!.trim() === '' || SEPARATOR.test(body.at(-1)!))) body.pop();
  const { text, media } = markdownToText(bbQuotes(body.join('\n')));
  const number = head[4]!;
  return {
    id: number,
    parentId: '',
    author: head[1]!,
    likes: null,
    createdAt: `${head[2]}T${head[3]}Z`,
    text,
    media,
    ...(number === '1' ? { depth: 0 } : {}),
    line,
    where: `line ${line}`,
  };
}

/** Discourse's `[quote="user, post:N, topic:T"]…[/quote]` blocks as `> ` lines; other BBCode tags dropped. */
function bbQuotes(markdown: string): string {
  let depth = 0;
  const out: string[] = [];
  for (const raw of markdown.split('\n')) {
    let line = raw;
    const opens = (line.match(/\[quote(?:=[^\]]*)?\]/gi) ?? []).length;
    const closes = (line.match(/\[\/quote\]/gi) ?? []).length;
    line = line.replace(/\[quote(?:=[^\]]*)?\]|\[\/quote\]/gi, '');
    line = line.replace(/\[\/?(?:details|spoiler|summary)(?:=[^\]]*)?\]/gi, '');
    const inQuote = depth > 0 || opens > 0;
    depth = Math.max(0, depth + opens - closes);
    if (line.trim() !== '') out.push(inQuote ? `> ${line.trim()}` : line);
    else if (opens === 0 && closes === 0) out.push('');
    // A closed quote ends there, even when the reply follows on the next line.
    if (closes > 0 && depth === 0) out.push('');
  }
  return out.join('\n');
}
