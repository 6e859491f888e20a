/** Folds a comment's sentence findings into one judgement per claim. */
import type { Judgement } from '../types.js';
import type { Finding } from './stance.js';
import { round } from './evidence.js';

/** A judgement before thread context: `mentionOnly` when the claim's actor is only named, `mentionInOthersWords` when only in someone else's words (see Finding.othersWords). */
export interface Draft extends Judgement {
  mentionOnly: boolean;
  mentionInOthersWords?: boolean;
}

/** Decisive findings (support/oppose) outweigh neutral ones; opposite signs are a conflict for review. */
export function aggregate(findings: Finding[]): Draft {
  // Irony read in one sentence colours the comment's other literal assertions of the same claim:
  // "Clearly it was Ukraine. Just like everything else is Ukraine's fault."
  const ironic = findings.some((f) => f.sarcasm && f.polarity < 0);
  const decisive = findings
    .filter((f) => f.polarity !== 0)
    .map((f) => (ironic && f.polarity > 0 && !f.sarcasm ? { ...f, polarity: -1 as const, sarcasm: true, evidence: `${f.evidence} (read with the irony of the rest of the comment)` } : f));
  const sarcasm = findings.some((f) => f.sarcasm);
  if (decisive.length > 0) {
    let sum = 0;
    let total = 0;
    for (const f of decisive) {
      sum += f.polarity * f.weight * f.confidence;
      total += f.weight * f.confidence;
    }
    const conflict = decisive.some((f) => f.polarity > 0) && decisive.some((f) => f.polarity < 0);
    const sign = Math.sign(sum);
    const winners = decisive.filter((f) => f.polarity === sign).sort((a, b) => b.weight * b.confidence - a.weight * a.confidence);
    const best = winners[0];
    if (sign === 0 || !best) {
      return { stance: 'neutral', score: 0, confidence: 0.4, evidence: decisive.map((f) => f.evidence).join(' | '), conflict: true, sarcasm, mentionOnly: false };
    }
    const confidence = round(best.confidence * (conflict ? 0.7 : 1));
    const others = conflict ? decisive.filter((f) => f.polarity !== sign).map((f) => f.evidence) : [];
    return {
      stance: sign > 0 ? 'support' : 'oppose',
      score: round((sum / total) * confidence),
      confidence,
      evidence: [best.evidence, ...others.map((o) => `against: ${o}`)].join(' | '),
      conflict,
      sarcasm,
      mentionOnly: false,
    };
  }
  const neutral = findings.filter((f) => f.kind !== 'mention').sort((a, b) => b.confidence - a.confidence);
  if (neutral[0]) {
    return { stance: 'neutral', score: 0, confidence: neutral[0].confidence, evidence: neutral[0].evidence, conflict: false, sarcasm, mentionOnly: false };
  }
  const mention = findings[0];
  if (mention) {
    const othersWords = findings.every((f) => f.othersWords);
    return { stance: 'none', score: 0, confidence: mention.confidence, evidence: mention.evidence, conflict: false, sarcasm: false, mentionOnly: true, ...(othersWords ? { mentionInOthersWords: true } : {}) };
  }
  return NONE;
}

const NONE: Draft = { stance: 'none', score: 0, confidence: 0.9, evidence: '', conflict: false, sarcasm: false, mentionOnly: false };

/** A fresh "does not address the claim" judgement. */
export function none(): Draft {
  return { ...NONE };
}
