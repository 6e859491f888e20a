/** Sentiment of a comment from wink's lexicon: a score in [-1, 1] and a label. */
import type { Sentiment } from '../types.js';

/** Scores within ±NEUTRAL_BAND are neutral (the VADER convention for labels). */
export const NEUTRAL_BAND = 0.05;

/** Label for a score in [-1, 1]. */
export function sentimentLabel(score: number): Sentiment['label'] {
  return score > NEUTRAL_BAND ? 'positive' : score < -NEUTRAL_BAND ? 'negative' : 'neutral';
}

/** Wraps wink's document score (mean of sentence scores, negation-aware), clamped and rounded. */
export function sentimentOf(docScore: number): Sentiment {
  const score = Math.round(Math.max(-1, Math.min(1, docScore)) * 1000) / 1000;
  return { score, label: sentimentLabel(score) };
}
