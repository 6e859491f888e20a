/** When a judgement is flagged for a person to check. No wink here: the summary counts flags in the main thread of a worker run. */
import type { Judgement, Stance } from '../types.js';

/** Below this confidence a stance other than `none` is flagged for review. */
export const REVIEW_BELOW = 0.5;

/** Why a person should check a judgement (sentences disagree, sarcasm, low confidence), or undefined when it stands. */
export function flagOf(j: Judgement): string | undefined {
  if (j.conflict) return 'sentences disagree';
  if (j.sarcasm && j.stance !== 'none') return 'read as sarcasm';
  if (j.stance !== 'none' && j.confidence < REVIEW_BELOW) return `low confidence ${j.confidence}`;
  return undefined;
}

/** A comment's stance toward each claim (`none` where it has no judgement) and whether it is flagged, in the order of `ids`. */
export function claimCells(stances: ReadonlyMap<string, Judgement>, ids: readonly string[]): { stances: Stance[]; flagged: boolean[] } {
  const judgements = ids.map((id) => stances.get(id));
  return {
    stances: judgements.map((j) => j?.stance ?? 'none'),
    flagged: judgements.map((j) => j !== undefined && flagOf(j) !== undefined),
  };
}
