/**
 * The benchmark corpus, with no I/O: real sentences recombined into comments of threads that
 * look like a forum dump (replies to earlier comments, a few threads interleaved), drawn from a
 * seeded generator so that every run and every machine reads the same comments.
 */

/** One comment as written to the corpus file (a line of JSON Lines), in the CLI's generic JSONL shape. */
export interface CorpusRecord {
  thread: string;
  id: string;
  /** '' for a thread's opening post. */
  parent_id: string;
  author: string;
  likes: number;
  text: string;
}

/** A list of real sentences and how often a comment sentence is drawn from it. */
export interface SentencePool {
  name: string;
  sentences: readonly string[];
  weight: number;
}

export interface CorpusOptions {
  seed: number;
  /** Exactly this many records are produced; the last threads are cut short to fit. */
  count: number;
  pools: readonly SentencePool[];
}

/** Thread sizes are drawn from [MIN, MAX], more small threads than large ones. */
export const THREAD_SIZE = { min: 20, max: 200 } as const;
/** How many threads are open at once: a dump interleaves a few threads, not all of them. */
const OPEN_THREADS = 3;
/** Chance that the next comment stays in the thread of the previous one. */
const STAY = 0.85;
/** Chance that a comment has 1, 2, 3 or 4 sentences. */
const SENTENCE_COUNTS = [0.35, 0.3, 0.2, 0.15];
/** Chance that a reply starts by naming its parent's author ("@name ..."), as forum replies do. */
const MENTION = 0.15;

/** mulberry32: a small, fast, seeded generator of floats in [0, 1); the same seed gives the same sequence everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADJECTIVES = ['quiet', 'red', 'old', 'brave', 'lazy', 'north', 'grey', 'wild', 'late', 'dry', 'blue', 'odd', 'slow', 'sharp', 'pale', 'deep'];
const NOUNS = ['falcon', 'teapot', 'river', 'lantern', 'badger', 'cedar', 'harbor', 'pixel', 'walrus', 'comet', 'meadow', 'anvil', 'otter', 'quill', 'tundra', 'ember'];

/** The author name of index `i`: distinct for every index, so a larger corpus has more distinct authors (and tokens). */
export function authorName(i: number): string {
  const base = ADJECTIVES[i % 16]! + NOUNS[Math.floor(i / 16) % 16]!;
  return i < 256 ? base : `${base}${Math.floor(i / 256)}`;
}

interface OpenThread {
  id: string;
  size: number;
  ids: string[];
  authors: string[];
}

/** Yields `count` comment records; never holds more than the few open threads in memory, so a million can be streamed. */
export function* generateCorpus(opts: CorpusOptions): Generator<CorpusRecord> {
  const pools = opts.pools.filter((p) => p.sentences.length > 0 && p.weight > 0);
  if (pools.length === 0) throw new Error('generateCorpus: no sentence pool has sentences and a positive weight');
  const random = prng(opts.seed);
  const totalWeight = pools.reduce((s, p) => s + p.weight, 0);
  // About one author per six comments, as in a busy forum; a few write most of the comments.
  const authorCount = Math.max(50, Math.ceil(opts.count / 6));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const sentence = (): string => {
    let r = random() * totalWeight;
    const pool = pools.find((p) => (r -= p.weight) < 0) ?? pools.at(-1)!;
    return pick(pool.sentences);
  };
  const author = (): string => authorName(Math.floor(authorCount * random() ** 3));
  let threads = 0;
  let comments = 0;
  const open: OpenThread[] = [];
  const openThread = (): OpenThread => {
    const size = THREAD_SIZE.min + Math.floor((THREAD_SIZE.max - THREAD_SIZE.min + 1) * random() ** 2);
    return { id: `t${String(++threads).padStart(6, '0')}`, size, ids: [], authors: [] };
  };
  let current = 0;
  while (comments < opts.count) {
    while (open.length < OPEN_THREADS) open.push(openThread());
    if (random() >= STAY) current = Math.floor(random() * open.length);
    const t = open[current]!;
    const id = `c${++comments}`;
    const name = author();
    let parent = '';
    let prefix = '';
    if (t.ids.length > 0) {
      // A third answer the opening post, half of the rest one of the last few comments, the others any earlier one.
      const r = random();
      const k = r < 0.35 ? 0 : r < 0.675 ? Math.max(0, t.ids.length - 1 - Math.floor(random() * 5)) : Math.floor(random() * t.ids.length);
      parent = t.ids[k]!;
      if (random() < MENTION) prefix = `@${t.authors[k]!} `;
    }
    const n = 1 + weightedIndex(SENTENCE_COUNTS, random());
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(sentence());
    const text = prefix + parts.join(random() < 0.1 ? '\n\n' : ' ');
    // Likes: mostly a few, sometimes many; opening posts get more.
    const likes = Math.floor(-Math.log(1 - random()) * (parent === '' ? 12 : 3));
    t.ids.push(id);
    t.authors.push(name);
    yield { thread: t.id, id, parent_id: parent, author: name, likes, text };
    if (t.ids.length >= t.size) {
      open.splice(current, 1);
      current = 0;
    }
  }
}

function weightedIndex(weights: readonly number[], r: number): number {
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
  return weights.length - 1;
}

// A sentence ends at . ! ? or … (and closing quotes or brackets), before a space and a capital, digit or opening quote,
// unless the full stop ends an initial ("Colin P. Clarke") or a title.
const SENTENCE_END = /(?<=[.!?…]["”’')\]]*)(?<!\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Calif|Mt|Inc|Co|Corp)\.)\s+(?=["“‘(\[]?[A-Z0-9])/u;

/** Splits prose into sentences: paragraphs (blank lines) first, then sentence ends; whitespace inside a sentence becomes one space. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .flatMap((para) => para.replace(/\s+/g, ' ').trim().split(SENTENCE_END))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Keeps sentences a comment could be made of: at least two words and at most 600 characters; drops repeats. */
export function usableSentences(sentences: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const s of sentences) {
    if (s.length <= 600 && /\S\s+\S/.test(s)) seen.add(s);
  }
  return [...seen];
}
