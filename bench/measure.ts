/**
 * A child process that times one baseline over the corpus texts and prints one JSON line:
 * `readdoc` (wink's default pipeline, `winkNLP(model)`, `readDoc` and nothing extracted) or
 * `vader` (vader-sentiment's polarity scores). Each runs in its own process so its peak RSS is its own.
 *
 * Usage: node dist/bench/measure.js readdoc|vader CORPUS.jsonl WARMUP
 */
import { performance } from 'node:perf_hooks';
import { readCorpusTexts } from './write-corpus.js';
import { openLoadWindow } from './load.js';

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
  } else throw new Error(`unknown mode ${mode}: expected readdoc or vader`);
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

const [mode = '', file = '', warmup = '2000'] = process.argv.slice(2);
process.stdout.write(JSON.stringify(await main(mode, file, Number(warmup))) + '\n');
