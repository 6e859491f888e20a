/** How evidence is written: the sentence quoted, the words that decided, confidences rounded. */
import type { TokenView } from './nlp.js';

/** The words of tokens h.start..h.end as written, contractions joined. */
export function phraseText(v: TokenView, h: { start: number; end: number }): string {
  return v.value.slice(h.start, h.end + 1).join(' ').replace(/ (['’]|n['’]t)/g, '$1');
}

/** The sentence as evidence: whitespace folded, long sentences shortened. */
export function quote(text: string): string {
  // Only the start is shown: fold the white space of the first 1,000 characters, not of a whole 5 MB sentence.
  const t = text.slice(0, 1000).replace(/\s+/g, ' ').trim();
  return `"${t.length > 300 ? t.slice(0, 297) + '...' : text.length > 1000 && /\S/.test(text.slice(1000)) ? t + '...' : t}"`;
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
