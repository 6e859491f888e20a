/** Reads an input file into a thread: picks the adapter by `--format` or by sniffing the content. */
import type { Thread } from '../types.js';
import { ThreadstanceError } from '../errors.js';
import { sniffPasted, parsePasted } from './pasted.js';
import { forgetParsed } from './sniff.js';
import { fileThreadId } from './thread.js';
import { withoutGz } from './gzip.js';
import { sniffCsv, sniffJsonl, parseCsv, parseJsonl } from './generic.js';
import { sniffDiscourse, parseDiscourse } from './discourse.js';
import { sniffDiscourseRaw, parseDiscourseRaw } from './discourse-raw.js';
import { sniffReddit, parseReddit } from './reddit.js';
import { sniffLemmy, parseLemmy } from './lemmy.js';
import { sniffHackerNews, parseHackerNews } from './hackernews.js';
import { sniffMastodon, parseMastodon } from './mastodon.js';
import { sniffFourcat, parseFourcat } from './fourcat.js';

/** One adapter per input format. `sniff` looks at the text; `parse` builds the thread. */
export interface Adapter {
  name: string;
  description: string;
  sniff(text: string, file: string): boolean;
  /** One thread, or several when the records name their thread. */
  parse(text: string, file: string, threadId: string, title: string): Thread[];
}

/**
 * Adapters in sniffing order: the most specific shapes first. Platform JSON is told apart by its
 * keys (Discourse `post_stream`, Reddit `Listing`/`link_id`, Lemmy `comments[].comment.path`, …)
 * before the generic JSON Lines adapter, which takes any object; 4CAT's CSV (`thread_id`, `body`)
 * before the generic CSV (`text`).
 */
export const ADAPTERS: readonly Adapter[] = [
  {
    name: 'discourse',
    description: 'Discourse topic JSON (/t/{id}.json: post_stream.posts[] with cooked HTML) or its /raw/{id} text export',
    sniff: (text) => sniffDiscourse(text) || sniffDiscourseRaw(text),
    parse: (text, file, threadId, title) =>
      sniffDiscourseRaw(text) ? parseDiscourseRaw(text, file, threadId, title) : parseDiscourse(text, file, threadId, title),
  },
  {
    name: 'reddit',
    description: 'Reddit comments JSON (/comments/{id}.json: Listings of t3 post and t1 comments) or a Pushshift/Arctic Shift dump (JSON Lines with link_id, parent_id)',
    sniff: (text) => sniffReddit(text),
    parse: parseReddit,
  },
  {
    name: 'lemmy',
    description: 'Lemmy /api/v3/comment/list JSON (comments[] of {comment: {id, path, content}, creator, counts})',
    sniff: (text) => sniffLemmy(text),
    parse: parseLemmy,
  },
  {
    name: 'hackernews',
    description: 'Hacker News item JSON: Algolia items/{id} (nested children) or Firebase items (by, time, parent, kids)',
    sniff: (text) => sniffHackerNews(text),
    parse: parseHackerNews,
  },
  {
    name: 'mastodon',
    description: 'Mastodon /api/v1/statuses/{id}/context JSON (ancestors[], descendants[]) or an array of statuses',
    sniff: (text) => sniffMastodon(text),
    parse: parseMastodon,
  },
  {
    name: '4cat',
    description: '4CAT CSV export (columns id, thread_id, body, author, timestamp, …)',
    sniff: (text) => sniffFourcat(text),
    parse: parseFourcat,
  },
  {
    name: 'jsonl',
    description: 'JSON Lines (or a JSON array): one object per comment with "text" and optional id, parent_id, author, likes, created_at',
    sniff: (text) => sniffJsonl(text),
    parse: parseJsonl,
  },
  {
    name: 'csv',
    description: 'CSV with a header row that has a "text" column',
    sniff: (text, file) => sniffCsv(text) || (withoutGz(file).toLowerCase().endsWith('.csv') && !sniffPasted(text)),
    parse: parseCsv,
  },
  {
    name: 'pasted',
    description: 'a Discourse thread pasted as text: title line, posts each ending with an "N Likes" line',
    sniff: (text) => sniffPasted(text),
    parse: (text, file, threadId, title) => {
      const thread = parsePasted(text, file, threadId);
      return [title ? { ...thread, title } : thread];
    },
  },
];

export const FORMAT_NAMES = ['auto', ...ADAPTERS.map((a) => a.name)];

/** Picks the adapter for `format` ('auto' sniffs) and parses the text into its threads. */
export function readThreads(text: string, file: string, format = 'auto', title = ''): Thread[] {
  const threadId = fileThreadId(file);
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') {
    const what = content === '' ? 'the file is empty' : `the file holds only white space (${content.length} characters)`;
    throw new ThreadstanceError('INPUT_EMPTY', `${what}; expected a comment thread`, { file });
  }
  try {
    return parseAs(text, file, format, threadId, title);
  } finally {
    // Sniffing and parsing share one cached JSON parse: let go of it (and of the whole file's text) now.
    forgetParsed();
  }
}

function parseAs(text: string, file: string, format: string, threadId: string, title: string): Thread[] {
  const adapter =
    format === 'auto' ? ADAPTERS.find((a) => a.sniff(text, file)) : ADAPTERS.find((a) => a.name === format);
  if (!adapter) {
    throw new ThreadstanceError(
      format === 'auto' ? 'INPUT_UNKNOWN_FORMAT' : 'USAGE_FORMAT',
      format === 'auto'
        ? `cannot tell the format; expected one of: ${ADAPTERS.map((a) => `${a.name} (${a.description})`).join('; ')}. Name it with --format`
        : `unknown format "${format}"; expected one of ${FORMAT_NAMES.join(', ')}`,
      { file },
    );
  }
  const threads = adapter.parse(text, file, threadId, title);
  if (threads.every((t) => t.comments.length === 0)) {
    const skipped = threads.flatMap((t) => t.skipped);
    throw new ThreadstanceError(
      'INPUT_NO_COMMENTS',
      `no comments found reading it as ${adapter.name} (${adapter.description})${skipped.length ? `; ${skipped.length} records could not be read, the first on line ${skipped[0]!.line}: ${skipped[0]!.reason}` : ''}`,
      { file },
    );
  }
  return threads;
}

/** Reads an input that must hold exactly one thread. */
export function readThread(text: string, file: string, format = 'auto', title = ''): Thread {
  const threads = readThreads(text, file, format, title);
  if (threads.length !== 1) {
    throw new ThreadstanceError('INPUT_MANY_THREADS', `holds ${threads.length} threads (by its "thread" field); expected one`, { file });
  }
  return threads[0]!;
}
