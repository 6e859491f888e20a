/** `threadstance evaluate`: agreement of the tool's stances with gold labels or with a reviewer. */
import type { Io } from '../cli.js';
import { EXIT } from '../errors.js';
import { evaluateFiles, formatEvaluation } from '../evaluate/index.js';

export function runEvaluate(predicted: string, gold: string | undefined, opts: { errors?: boolean }, io: Io): number {
  const result = evaluateFiles(predicted, gold, opts);
  io.stdout(formatEvaluation(result, opts) + '\n');
  return EXIT.ok;
}
