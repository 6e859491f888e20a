/**
 * A child process that times one baseline over the corpus texts and prints one JSON line:
 * `readdoc` (wink's default pipeline, `winkNLP(model)`, `readDoc` and nothing extracted),
 * `vader` (vader-sentiment's polarity scores) or `reading` (threadstance's reading with no rules: the
 * token view the rules start from, and the comment's CSV row written with no judgement in it, the
 * least any analysis on wink and csv-stringify does per comment). Each runs in its own process so its
 * peak RSS is its own.
 *
 * Usage: node dist/bench/measure.js readdoc|vader|reading CORPUS.jsonl WARMUP
 */
import { performance } from 'node:perf_hooks';
import { readCorpusTexts } from './write-corpus.js';
import { openLoadWindow } from './load.js';
import type { AnalyzedComment, Comment } from '../src/types.js';
import type { ThreadInfo } from '../src/input/source.js';

/** What a baseline child prints. */
export interface Measured {
  mode: string;
  comments: number;
  /** Time to load the library (and, for wink, build the instance with its model). */
  loadMs: number;
  /** Time over all comments, after the warm-up; reading the corpus file is not included. */
  ms: number;
  maxRssBytes: number;
  /** A value computed from the results, printed so the work cannot be skipped. */
  check: number;
  /** Cores other processes used on average during the timed loop (see load.ts); absent when not measurable. */
  otherCores?: number;
}

async function main(mode: string, file: string, warmup: number): Promise<Measured> {
  const texts = readCorpusTexts(file);
  const loadStart = performance.now();
  let analyze: (text: string) => number;
  if (mode === 'readdoc') {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    analyze = (text) => (nlp.readDoc(text) ? 1 : 0);
  } else if (mode === 'vader') {
    const { SentimentIntensityAnalyzer } = (await import('vader-sentiment')).default;
    analyze = (text) => SentimentIntensityAnalyzer.polarity_scores(text).compound;
  } else if (mode === 'reading') {
    analyze = await readingOnly();
  } else throw new Error(`unknown mode ${mode}: expected readdoc, vader or reading`);
  const loadMs = performance.now() - loadStart;
  let check = 0;
  for (let i = 0; i < Math.min(warmup, texts.length); i++) check += analyze(texts[i]!);
  const load = openLoadWindow();
  const start = performance.now();
  for (const text of texts) check += analyze(text);
  const ms = performance.now() - start;
  // The measured process is this one, which the window already leaves out.
  const otherCores = load.close(0);
  return { mode, comments: texts.length, loadMs, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, check, ...(otherCores !== undefined ? { otherCores } : {}) };
}

/** threadstance's reading of a comment with no rules: view() and the review CSV row of a comment with no judgements. */
async function readingOnly(): Promise<(text: string) => number> {
  const { view } = await import('../src/analysis/nlp.js');
  const { compileClaims } = await import('../src/analysis/compile.js');
  const { loadClaimSet } = await import('../src/commands/claims.js');
  const { RowFormatter } = await import('../src/output/rows.js');
  // Compiling the default claims also makes their aliases the ones view() marks.
  const cc = compileClaims(loadClaimSet(undefined));
  const formatter = new RowFormatter({ dialect: 'excel', layout: 'wide', extraColumns: [], optional: { createdAt: false, depth: false, url: false } }, cc.claims.map((c) => c.claim));
  const thread: ThreadInfo = { id: 'bench', title: '', file: 'corpus.jsonl', format: 'jsonl', flat: false, skipped: [], size: 0 };
  let index = 0;
  return (text) => {
    const tokens = view(text).norm.length;
    const comment: Comment = { index, id: String(index), parentId: '', author: '', likes: null, createdAt: '', text, body: text, media: [], quoted: [], extra: {}, line: ++index };
    const row: AnalyzedComment = { comment, sentiment: { score: 0, label: 'neutral' }, sarcasm: [], stances: new Map(), needsReview: false, reviewReason: '' };
    return tokens + formatter.render(thread, row).text.length;
  };
}

const [mode = '', file = '', warmup = '2000'] = process.argv.slice(2);
process.stdout.write(JSON.stringify(await main(mode, file, Number(warmup))) + '\n');
