/** Quotation marks in a sentence: quotations (someone else's words) and scare quotes. */
import type { TokenView } from './nlp.js';

/** True when only quotation marks stand between tokens a and b ("the 'Kyiv did it' crowd"). */
export function joinedByQuotes(v: TokenView, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (!QUOTE_MARKS.has(v.lower[i]!)) return false;
  return b > a;
}

/** Quotation marks as the token view holds them (curly single quotes made straight). */
const QUOTE_MARKS = new Set(['"', "'", '“', '”']);
/** A quotation in single quotes is at most this many tokens long: beyond, the marks are more likely apostrophes. */
const SINGLE_QUOTE_SPAN = 12;

/**
 * Quotations in tokens s..e as [opening mark, closing mark]: what the commenter quotes is someone
 * else's words ("I hate how every thread turns into "the FSB did it"").
 */
export function quoteSpans(v: TokenView, s: number, e: number): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  let single = false;
  for (let i = s; i <= e; i++) {
    const t = v.lower[i]!;
    if (!QUOTE_MARKS.has(t) || v.type[i] !== 'punctuation') continue;
    const isSingle = t === "'";
    if (open >= 0 && isSingle === single && t !== '“') {
      if (!single || i - open <= SINGLE_QUOTE_SPAN) out.push([open, i]);
      open = -1;
    } else if (open < 0 && t !== '”') {
      open = i;
      single = isSingle;
    }
  }
  return out;
}
