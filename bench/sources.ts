/** Reads the real sentences the corpus recombines: the seed articles and thread, the rated sentiment texts, RumourEval posts. */
import fs from 'node:fs';
import path from 'node:path';
import { splitSentences, usableSentences, type SentencePool } from './corpus.js';

/** Where the sentences come from, relative to the repository root. */
export interface SourcePaths {
  seeds: string;
  sentiment: string;
  rumoureval: string;
}

export function defaultSources(root: string): SourcePaths {
  return {
    seeds: path.join(root, 'seeds'),
    sentiment: path.join(root, '../shared/eval/sentiment'),
    rumoureval: path.join(root, '../shared/eval/rumoureval2019/traindev.jsonl'),
  };
}

// Lines of a pasted forum page that are page furniture, not what someone wrote.
const FURNITURE = [/^\d+ Likes?$/i, /^Originally published at:/i, /\bGIF\b/, /^(?::[\w+-]+:\s*)+$/, /^https?:\/\/\S+$/];

/**
 * The three pools, in a fixed order with their weights: the seed texts (on topic, so the claims
 * find their actors) 40%, RumourEval posts 30%, rated sentiment texts 30%. A missing file fails
 * with its name: the corpus must be the same on every machine.
 */
export function loadPools(paths: SourcePaths): SentencePool[] {
  const seedFiles = fs.readdirSync(paths.seeds).filter((f) => f.endsWith('.txt')).sort();
  const seeds = seedFiles.flatMap((f) =>
    fs
      .readFileSync(path.join(paths.seeds, f), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*\d+\.\s+/, '').trim())
      .filter((line) => line !== '' && !FURNITURE.some((re) => re.test(line)))
      .flatMap(splitSentences),
  );
  const ratedFiles = fs.readdirSync(paths.sentiment).filter((f) => f.endsWith('.txt')).sort();
  const rated = ratedFiles.flatMap((f) =>
    fs
      .readFileSync(path.join(paths.sentiment, f), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.split('\t')[2] ?? '')
      .flatMap(splitSentences),
  );
  const rumours = fs
    .readFileSync(paths.rumoureval, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => String((JSON.parse(line) as { text?: unknown }).text ?? ''))
    .flatMap(splitSentences);
  return [
    { name: 'seeds', sentences: usableSentences(seeds), weight: 0.4 },
    { name: 'rumoureval', sentences: usableSentences(rumours), weight: 0.3 },
    { name: 'sentiment', sentences: usableSentences(rated), weight: 0.3 },
  ];
}
