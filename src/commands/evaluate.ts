/** `threadstance evaluate`: agreement of the tool's stances with gold labels or with a reviewer, or of its sentiment with rated texts. */
import { openSync, readSync, closeSync } from 'node:fs';
import type { Io } from '../cli.js';
import { EXIT } from '../errors.js';
import { evaluateFiles, evaluateReviewerFiles, formatEvaluation, formatReviewerAgreement, isReviewerPair } from '../evaluate/index.js';
import { evaluateSentimentFile, formatSentimentEvaluation, sniffSentimentGold } from '../evaluate/sentiment.js';
import { evaluateRumourFiles, formatRumour, isRumourGold } from '../evaluate/rumoureval.js';

/** The first 64 KiB of a file, or undefined when it cannot be read (the evaluation then reports why). */
function head(file: string): string | undefined {
  try {
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(65536);
      const n = readSync(fd, buf, 0, buf.length, 0);
      return buf.subarray(0, n).toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}

export function runEvaluate(predicted: string, gold: string | undefined, opts: { errors?: boolean }, io: Io): number {
  // One argument that is a tab-separated rated-text file (id, rating, text) is a sentiment evaluation.
  const text = gold === undefined ? head(predicted) : undefined;
  if (text !== undefined && sniffSentimentGold(text)) {
    io.stdout(formatSentimentEvaluation(evaluateSentimentFile(predicted, opts), opts));
    return EXIT.ok;
  }
  // A JSON Lines gold with RumourEval labels scores the root claim (--claim root) in both label sets.
  const goldText = gold === undefined ? undefined : head(gold);
  if (gold !== undefined && goldText !== undefined && isRumourGold(goldText)) {
    const { stance, rumour } = evaluateRumourFiles(predicted, gold, opts);
    io.stdout(`${formatEvaluation(stance, opts)}\n\n${formatRumour(rumour)}\n`);
    return EXIT.ok;
  }
  // Two reviewed CSVs (both with filled review_<claim> cells): agreement between the two people.
  if (gold !== undefined && isReviewerPair(predicted, gold)) {
    const { people, tool } = evaluateReviewerFiles(predicted, gold, opts);
    io.stdout(formatReviewerAgreement(people, tool, opts));
    return EXIT.ok;
  }
  const result = evaluateFiles(predicted, gold, opts);
  io.stdout(formatEvaluation(result, opts) + '\n');
  return EXIT.ok;
}
