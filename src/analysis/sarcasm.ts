/** Sarcasm cues in a sentence: ironic phrases, runs of capitals, "!!!", ironic emoji; each with its evidence. */
import type { TokenView } from './nlp.js';
import { findPhrases, type Hit } from './phrases.js';
import { quoteSpans } from './voice.js';
import { sharedCues } from './cues.js';

export interface SarcasmReading {
  /** 2 or more reads the sentence as ironic. */
  strength: number;
  cues: string[];
}

/**
 * Scores sentence [s, e]: a strong phrase counts 2, a weak phrase, a run of three or more capitalised
 * words (in a comment that is not all capitals) or "!!!" 1 each; `fromComment` adds what the rest of the
 * comment says (ironic emoji in its media, strong markers in other sentences). Phrases inside a
 * quotation are the quoted speaker's and do not count; scare quotes count per claim (stance.ts).
 */
export function sarcasmIn(v: TokenView, s: number, e: number, fromComment: number, hasLowerCase: boolean): SarcasmReading {
  const cues = sharedCues();
  const found: string[] = [];
  let strength = 0;
  // Irony inside a quotation is the quoted speaker's ("Patrushev said 'of course Ukraine'").
  let quotes: [number, number][] | undefined;
  const quoted = (h: Hit): boolean => (quotes ??= quoteSpans(v, s, e)).some(([o, c]) => c - o > 2 && o < h.start && h.end < c);
  for (const h of findPhrases(v, cues.sarcasmStrong, s, e)) {
    if (quoted(h)) continue;
    strength += 2;
    found.push(`"${h.phrase.text}"`);
  }
  for (const h of findPhrases(v, cues.sarcasmWeak, s, e)) {
    if (quoted(h)) continue;
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
