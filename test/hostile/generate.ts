/**
 * Inputs of test/hostile/cases.json too large (or too random) to commit: each generator writes one
 * file into a temporary directory and returns its path. Everything is deterministic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { prng } from '../../bench/corpus.js';

/** A generator's name and its parameters, as a case of cases.json gives them. */
export type Spec = { kind: string } & Record<string, unknown>;

const num = (spec: Spec, key: string): number => {
  const v = spec[key];
  if (typeof v !== 'number') throw new Error(`test/hostile/cases.json: generator "${spec.kind}" needs a number "${key}"`);
  return v;
};

/** A small deterministic pseudo-random generator (mulberry32, shared with the benchmark's corpus), so that a failing case can be re-made. */
const random = prng;

const lines = (n: number, f: (i: number) => unknown): string => Array.from({ length: n }, (_, i) => JSON.stringify(f(i))).join('\n') + '\n';

/**
 * `depth` JSON values, each inside the one before: `level(i)` is value i with "@" where its child
 * goes, and `slot(inner)` is what stands there (`inner` is '' for the innermost). Joined once, in linear time.
 */
function nest(depth: number, level: (i: number) => string, slot: (inner: string) => string): string {
  const [open, close] = [[] as string[], [] as string[]];
  const marker = slot('\u0000');
  const [before, after] = marker.split('\u0000') as [string, string];
  for (let i = 0; i < depth; i++) {
    const [head, tail] = level(i).split('"@"') as [string, string];
    open.push(head, i === depth - 1 ? slot('') : before);
    close.push(tail, i === depth - 1 ? '' : after);
  }
  return open.join('') + close.reverse().join('');
}

/** A Reddit comments page (two Listings) whose comments form one chain `depth` replies deep. */
function redditChain(depth: number): string {
  const post = { kind: 'Listing', data: { children: [{ kind: 't3', data: { id: 'p', title: 'ISIS claims the Crocus attack', selftext: '', author: 'op', score: 5, created_utc: 1711100000 } }] } };
  // Written as text, each reply inside its parent's "replies": JSON.stringify itself would overflow on this depth.
  const chain = nest(depth, (i) => {
    const data = { id: `c${i}`, parent_id: i === 0 ? 't3_p' : `t1_c${i - 1}`, link_id: 't3_p', author: `u${i % 50}`, body: `Reply ${i}: I doubt ISIS did it.`, score: 1, created_utc: 1711100000 + i, depth: i };
    return JSON.stringify({ kind: 't1', data: { ...data, replies: '@' } });
  }, (inner) => (inner === '' ? '""' : `{"kind":"Listing","data":{"children":[${inner}]}}`));
  return `[${JSON.stringify(post)},{"kind":"Listing","data":{"children":[${chain}]}}]`;
}

/** A Hacker News Algolia item whose comments form one chain `depth` replies deep. */
function hnChain(depth: number): string {
  const chain = nest(depth, (i) => {
    const item = { id: i + 2, created_at: '2024-03-22T20:00:00.000Z', author: `u${i % 50}`, text: `<p>Reply ${i + 1}: the FSB knew.</p>`, type: 'comment', parent_id: i + 1, story_id: 1, children: ['@'] };
    return JSON.stringify(item);
  }, (inner) => inner);
  const story = { id: 1, created_at: '2024-03-22T20:00:00.000Z', author: 'op', title: 'Concert hall attack near Moscow', text: null, points: 10, type: 'story', parent_id: null, story_id: 1, children: ['@'] };
  return JSON.stringify(story).replace('"@"', chain);
}

/** A Pushshift-style Reddit dump: one post and `replies` comments that all answer it. */
function fan(replies: number): string {
  const post = { id: 'p', name: 't3_p', title: 'Moscow attack: ISIS claims it', selftext: '', subreddit: 'worldnews', author: 'op', score: 10, created_utc: 1711100000 };
  return JSON.stringify(post) + '\n' + lines(replies, (i) => ({ id: `c${i}`, link_id: 't3_p', parent_id: 't3_p', body: `Reply ${i}: I think ISIS did it.`, author: `u${i % 100}`, score: i % 7, created_utc: 1711100001 + i }));
}

/** One comment of `bytes` bytes of prose, with cues and actors all through it. */
function bigComment(bytes: number): string {
  const prose = 'The attack was terrible and ISIS claimed it, but some say the FSB knew. Ukraine denied it! ';
  return lines(1, () => ({ id: 'big', text: prose.repeat(Math.ceil(bytes / prose.length)).slice(0, bytes) }));
}

/** One comment of `count` emoji (with ironic ones among them), and a short one after it. */
function emoji(count: number): string {
  const set = ['😀', '🙄', '🔥', '🇺🇦', '👍🏽', '🕯️'];
  const text = Array.from({ length: count }, (_, i) => set[i % set.length]).join('');
  return lines(2, (i) => (i === 0 ? { id: 'e', text } : { id: 'after', parent_id: 'e', text: 'ISIS did it.' }));
}

/** A CSV whose records are lines of `bytes` bytes, with CRLF and LF line ends mixed. */
function longLines(bytes: number, rows: number): string {
  const out = ['id,text'];
  for (let i = 0; i < rows; i++) out.push(`${i},${`word${i} ISIS `.repeat(Math.ceil(bytes / 11)).slice(0, bytes)}`);
  return out.map((l, i) => l + (i % 2 === 0 ? '\r\n' : '\n')).join('');
}

/** JSON Lines with a line of `depth` opening brackets (never closed) between two comments. */
function deepBrokenLine(depth: number): string {
  return `${JSON.stringify({ id: 'a', text: 'ISIS did it.' })}\n${'['.repeat(depth)}\n${JSON.stringify({ id: 'b', text: 'The FSB knew.' })}\n`;
}

/** Random bytes: binary data, never text. */
function randomBytes(bytes: number, seed: number): Buffer {
  const next = random(seed);
  return Buffer.from(Array.from({ length: bytes }, () => Math.floor(next() * 256)));
}

const GENERATORS: Record<string, { ext: string; make: (p: Spec) => string | Buffer }> = {
  'reddit-chain': { ext: 'json', make: (p) => redditChain(num(p, 'depth')) },
  'hn-chain': { ext: 'json', make: (p) => hnChain(num(p, 'depth')) },
  'reddit-fan': { ext: 'ndjson', make: (p) => fan(num(p, 'replies')) },
  'big-comment': { ext: 'jsonl', make: (p) => bigComment(num(p, 'bytes')) },
  emoji: { ext: 'jsonl', make: (p) => emoji(num(p, 'count')) },
  'long-lines': { ext: 'csv', make: (p) => longLines(num(p, 'bytes'), num(p, 'rows')) },
  'random-bytes': { ext: 'bin', make: (p) => randomBytes(num(p, 'bytes'), num(p, 'seed')) },
  'deep-broken-line': { ext: 'jsonl', make: (p) => deepBrokenLine(num(p, 'depth')) },
};

/** Writes the input a case names (`kind` and its parameters) into `dir`; returns its path. */
export function generate(spec: Spec, dir: string): string {
  const gen = GENERATORS[spec.kind];
  if (!gen) throw new Error(`test/hostile/cases.json: unknown generator "${spec.kind}"; known: ${Object.keys(GENERATORS).join(', ')}`);
  const file = path.join(dir, `${spec.kind}.${gen.ext}`);
  fs.writeFileSync(file, gen.make(spec));
  return file;
}
