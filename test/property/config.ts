/**
 * Settings of the property-based tests. `npm test` (CI) runs them with a fixed seed and a fixed number
 * of runs, so that a run is reproducible; `npm run fuzz` runs them longer with a new seed each time.
 *
 *   FUZZ=1        fuzzing mode: 2,000 runs per property (instead of 100 in CI), a seed from the clock
 *   FUZZ_RUNS=N   runs per property (either mode)
 *   FUZZ_SEED=N   seed, to replay a failure fast-check reported
 */
import fc from 'fast-check';
import { ThreadstanceError } from '../../src/errors.js';

const fuzzing = process.env.FUZZ === '1';

/** Runs per property in CI; documented in the README. */
export const CI_RUNS = 100;
/** The fixed seed of CI runs. */
export const CI_SEED = 20240322;

export const RUNS = Number(process.env.FUZZ_RUNS) || (fuzzing ? 2000 : CI_RUNS);
export const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : fuzzing ? Date.now() % 2 ** 31 : CI_SEED;

if (fuzzing) process.stderr.write(`property tests: ${RUNS} runs per property, seed ${SEED} (replay with FUZZ_SEED=${SEED})\n`);

/** fast-check parameters for a property; `share` scales the runs of an expensive one. */
export function params(share = 1): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: Math.max(1, Math.round(RUNS * share)) };
}

/** Runs `f`; a ThreadstanceError (a reported input error) is an acceptable outcome, any other throw fails the property. */
export function noCrash<T>(f: () => T): T | ThreadstanceError {
  try {
    return f();
  } catch (err) {
    if (err instanceof ThreadstanceError) return err;
    throw err;
  }
}

/** Pieces that break CSV, JSON, spreadsheets and the text rules, mixed into generated comment texts. */
const NASTY = [
  '"', '""', ',', ';', '\t', '\r', '\n', '\r\n', '\n\n', '=', '+', '-', '@', "'", ' ', '\u0000', '\uFEFF', '\u200b', '\u2028', '\u00a0',
  '\uFF1D', 'ISIS', ' did it', 'Ukraine', 'the FSB', ' not ', '?', '!!!', 'yeah right', '😀', '🙄', '🇺🇦', '👍🏽', 'é', 'e\u0301', 'مرحبا', '> ',
  'http://x.example/a?b=1', ':thinking:', '&amp;', '&#x27;', 'GIF', '<b>', '**', '[a](b)', '-5', '1e3', '\\', '{"a":1}',
];

/** Comment texts: any Unicode scalar values, grapheme clusters, or runs of the pieces above. */
export const commentText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...NASTY), maxLength: 30 }),
);
