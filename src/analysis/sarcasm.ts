/** Sarcasm cues in a sentence: ironic phrases, runs of capitals, "!!!", ironic emoji; each with its evidence. */
import type { TokenView } from './nlp.js';
import { findPhrases } from './phrases.js';
import { sharedCues } from './cues.js';

export interface SarcasmReading {
  /** 2 or more reads the sentence as ironic. */
  strength: number;
  cues: string[];
}

/**
 * Scores sentence [s, e]: a strong phrase counts 2, a weak phrase, a run of three or more capitalised
 * words (in a comment that is not all capitals) or "!!!" 1 each; `fromComment` adds what the rest of the
 * comment says (ironic emoji in its media, strong markers in other sentences).
 */
export function sarcasmIn(v: TokenView, s: number, e: number, fromComment: number, hasLowerCase: boolean): SarcasmReading {
  const cues = sharedCues();
  const found: string[] = [];
  let strength = 0;
  for (const h of findPhrases(v, cues.sarcasmStrong, s, e)) {
    strength += 2;
    found.push(`"${h.phrase.text}"`);
  }
  for (const h of findPhrases(v, cues.sarcasmWeak, s, e)) {
    strength += 1;
    found.push(`"${h.phrase.text}"`);
  }
  if (hasLowerCase) {
    let run = 0;
    let best = 0;
    for (let i = s; i <= e; i++) {
      const t = v.value[i]!;
      if (/[A-Z]/.test(t) && !/[a-z]/.test(t) && /[A-Z]{2,}/.test(t)) run++;
      else if (v.type[i] !== 'punctuation' || run === 0) run = 0;
      best = Math.max(best, run);
    }
    if (best >= 3) {
      strength += 1;
      found.push('capitals');
    }
  }
  let bangs = 0;
  for (let i = s; i <= e; i++) {
    bangs = v.value[i] === '!' ? bangs + 1 : 0;
    if (bangs === 3) {
      strength += 1;
      found.push('"!!!"');
    }
  }
  if (fromComment > 0) {
    strength += fromComment;
    found.push('irony elsewhere in the comment');
  }
  return { strength, cues: found };
}
