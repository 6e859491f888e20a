/**
 * Random documents in the shape of each platform's API (Discourse, Reddit, Lemmy, Hacker News,
 * Mastodon, 4CAT, generic JSON Lines): mostly the right fields with the right types, now and then a
 * wrong type, a missing field or a broken reference, and HTML or Markdown bodies full of markup.
 */
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { commentText } from './config.js';

const odd = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.constant(''), fc.constant([]), fc.constant({}), commentText);
/** Usually a value of `good`, sometimes anything else, sometimes absent (undefined is left out of JSON). */
const field = <T>(good: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: odd }, { weight: 1, arbitrary: fc.constant(undefined) });

const HTML = ['<p>', '</p>', '<br>', '<blockquote>', '</blockquote>', '<aside class="quote"><div class="title">x:</div>', '</aside>', '<a href="https://x.example/a">', '<a href="https://x.example/a">https://x.example/a</a>', '</a>', '<img src="https://i.example/x.gif" alt="Yes GIF by Giphy">', '<img class="emoji" title=":thinking:">', '<div class="onebox" data-onebox-src="https://y.example">', '</div>', '<pre>', '</pre>', '<li>', '<script>x</script>', '&amp;', '&gt; ', '<span class="mention">@a</span>', 'ISIS did it', ' the FSB knew', ' not ', '?', '\n'];
const MARKDOWN = ['> ', '**', '*', '_', '~~', '`', '```\n', '    ', '# ', '>!', '!<', '[a](https://b.example)', '![i](https://c.example/i.png)', '<https://d.example>', '&gt;', '&amp;', '&#x200B;', '^(up)', '- ', '1. ', '\n', '\n\n', 'ISIS', ' did it', 'Ukraine', ' not '];
const html = fc.oneof(fc.string({ unit: fc.constantFrom(...HTML), maxLength: 20 }), commentText);
const markdown = fc.oneof(fc.string({ unit: fc.constantFrom(...MARKDOWN), maxLength: 20 }), commentText);
const id = fc.oneof(fc.constantFrom('1', '2', '3', 'a', 'b'), fc.nat({ max: 5 }).map(String));
const numId = fc.nat({ max: 6 });
const time = fc.oneof(fc.constant('2024-03-22T20:00:00.000Z'), fc.constant('2024-03-22 20:00:00'), fc.integer({ min: 0, max: 2e9 }));

const discourse = fc.record({
  title: field(commentText),
  post_stream: fc.record({
    posts: fc.array(
      fc.record({ post_number: field(numId), reply_to_post_number: field(numId), cooked: field(html), raw: field(markdown), username: field(commentText), created_at: field(time), deleted_at: field(time), hidden: field(fc.boolean()), post_type: field(fc.nat({ max: 4 })), like_count: field(fc.nat()) }),
      { maxLength: 5 },
    ),
  }),
});

const { listing } = fc.letrec<{ listing: unknown; thing: unknown }>((tie) => ({
  listing: fc.record({ kind: field(fc.constant('Listing')), data: fc.record({ children: fc.array(tie('thing'), { maxLength: 3 }) }) }),
  thing: fc.record({
    kind: field(fc.constantFrom('t1', 't1', 't3', 'more', 't5')),
    data: field(
      fc.record({ id: field(id), name: field(id), parent_id: field(id.map((i) => `t1_${i}`)), link_id: field(fc.constant('t3_p')), body: field(markdown), title: field(commentText), selftext: field(markdown), author: field(fc.constantFrom('a', '[deleted]')), score: field(fc.integer()), depth: field(fc.nat({ max: 4 })), replies: fc.oneof({ depthSize: 'small' }, fc.constant(''), tie('listing')) }),
    ),
  }),
}));

const lemmy = fc.record({
  comments: fc.array(
    fc.record({
      comment: field(fc.record({ id: field(numId), path: field(fc.array(numId, { maxLength: 4 }).map((p) => ['0', ...p].join('.'))), content: field(markdown), post_id: field(fc.nat({ max: 2 })), deleted: field(fc.boolean()), removed: field(fc.boolean()), published: field(time) })),
      creator: field(fc.record({ name: field(commentText), local: field(fc.boolean()), actor_id: field(fc.constant('https://l.example/u/a')) })),
      counts: field(fc.record({ score: field(fc.integer()) })),
      post: field(fc.record({ id: field(fc.nat({ max: 2 })), name: field(commentText) })),
    }),
    { maxLength: 5 },
  ),
});

const { item } = fc.letrec<{ item: unknown }>((tie) => ({
  item: fc.record({ id: field(numId), author: field(commentText), text: field(html), title: field(commentText), type: field(fc.constantFrom('story', 'comment')), parent_id: field(numId), story_id: field(fc.constant(1)), created_at: field(time), points: field(fc.integer()), children: fc.oneof({ depthSize: 'small' }, fc.constant([]), fc.array(tie('item'), { maxLength: 3 })) }),
}));
const firebase = fc.array(fc.record({ id: field(numId), by: field(commentText), time: fc.integer({ min: 0, max: 2e9 }), type: fc.constantFrom('story', 'comment', 'job'), parent: field(numId), kids: field(fc.array(numId, { maxLength: 3 })), text: field(html), deleted: field(fc.boolean()), dead: field(fc.boolean()) }), { minLength: 1, maxLength: 5 });

const status = fc.record({ id: field(id), in_reply_to_id: field(id), content: field(html), account: fc.record({ acct: field(commentText) }), spoiler_text: field(commentText), favourites_count: field(fc.nat()), created_at: field(time), media_attachments: field(fc.array(fc.record({ url: field(fc.constant('https://m.example/x.png')) }), { maxLength: 2 })), card: field(fc.record({ url: field(fc.constant('https://c.example')) })) });
const mastodon = fc.oneof(fc.record({ ancestors: fc.array(status, { maxLength: 3 }), descendants: fc.array(status, { maxLength: 4 }) }), fc.array(status, { minLength: 1, maxLength: 4 }));

const generic = fc.array(fc.record({ id: field(id), parent_id: field(id), thread: field(fc.constantFrom('t1', 't2')), author: field(commentText), likes: field(fc.nat()), text: field(commentText) }), { minLength: 1, maxLength: 5 });
const fourcatRows = fc.array(fc.record({ id: id, thread_id: fc.constantFrom('1', '2'), body: fc.oneof(markdown, html, fc.constant('>>1 yes')), subject: commentText, author: commentText, parent: fc.oneof(fc.constant(''), id), timestamp: fc.constant('2024-03-22 20:00:00') }), { minLength: 1, maxLength: 5 });

/** A Pushshift/Arctic Shift dump: comments of two posts (now and then a post itself), one JSON object per line. */
const redditDump = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ id: field(id), link_id: field(fc.constantFrom('t3_p', 't3_q')), parent_id: field(fc.oneof(fc.constantFrom('t3_p', 't3_q'), id.map((i) => `t1_${i}`))), body: fc.oneof(markdown, fc.constantFrom('[deleted]', '[removed]')), author: field(fc.constantFrom('a', '[deleted]')), score: field(fc.integer()), created_utc: field(time) }) },
    { weight: 1, arbitrary: fc.record({ id: field(fc.constantFrom('p', 'q')), name: field(fc.constantFrom('t3_p', 't3_q')), title: commentText, selftext: markdown, subreddit: fc.constant('x'), score: field(fc.integer()) }) },
  ),
  { minLength: 1, maxLength: 6 },
);

const json = (v: unknown): string => JSON.stringify(v, null, 1);
const jsonLines = (v: unknown[]): string => v.map((x) => JSON.stringify(x)).join('\n');

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Things in Reddit Listings, replies included: each must become a row or a skipped record. */
function redditThings(listings: unknown[]): number {
  let n = 0;
  const stack = [...listings];
  while (stack.length > 0) {
    const l = stack.pop();
    if (!isObj(l) || !isObj(l.data) || !Array.isArray(l.data.children)) continue;
    for (const child of l.data.children) {
      n++;
      if (isObj(child) && isObj(child.data)) stack.push(child.data.replies);
    }
  }
  return n;
}

/** Items of a Hacker News tree, and entries of `children` that are no items. */
function hnItems(root: unknown): number {
  let n = 0;
  const stack = [root];
  while (stack.length > 0) {
    const i = stack.pop();
    n++;
    if (isObj(i) && Array.isArray(i.children)) stack.push(...i.children);
  }
  return n;
}

const mastodonStatuses = (v: unknown): number => (Array.isArray(v) ? v.length : isObj(v) ? (v.ancestors as unknown[]).length + (v.descendants as unknown[]).length : 0);

/** One random document per platform, as text, with the format it is meant to be and the number of records in it. */
export const platformDocument: fc.Arbitrary<{ format: string; text: string; records: number }> = fc.oneof(
  discourse.map((v) => ({ format: 'discourse', text: json(v), records: v.post_stream.posts.length })),
  fc.tuple(listing, listing).map((v) => ({ format: 'reddit', text: json(v), records: redditThings(v) })),
  lemmy.map((v) => ({ format: 'lemmy', text: json(v), records: v.comments.length })),
  item.map((v) => ({ format: 'hackernews', text: json(v), records: hnItems(v) })),
  firebase.map((v) => ({ format: 'hackernews', text: jsonLines(v), records: v.length })),
  mastodon.map((v) => ({ format: 'mastodon', text: json(v), records: mastodonStatuses(v) })),
  generic.map((v) => ({ format: 'jsonl', text: jsonLines(v), records: v.length })),
  generic.map((v) => ({ format: 'csv', text: stringify(v, { header: true, columns: ['id', 'parent_id', 'thread', 'author', 'likes', 'text'], cast: { object: (o) => JSON.stringify(o) } }), records: v.length })),
  fourcatRows.map((v) => ({ format: '4cat', text: stringify(v, { header: true }), records: v.length })),
  redditDump.map((v) => ({ format: 'reddit', text: jsonLines(v), records: v.length })),
);
