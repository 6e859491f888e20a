/** Whose words a sentence gives: quotations (someone else's), scare quotes, a speaker's label ("Putin: ..."). */
import type { TokenView } from './nlp.js';
import { findPhrases } from './phrases.js';
import { sharedCues } from './cues.js';

/** True when only quotation marks stand between tokens a and b ("the 'Kyiv did it' crowd"). */
export function joinedByQuotes(v: TokenView, a: number, b: number): boolean {
  for (let i = a + 1; i < b; i++) if (!QUOTE_MARKS.has(v.lower[i]!)) return false;
  return b > a;
}

/** Quotation marks as the token view holds them (curly single quotes made straight). */
export const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', "'", '“', '”']);
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

/** Longest label before a colon that names whose words follow ("Putin: it was Ukraine."). */
const LABEL_TOKENS = 5;

/**
 * The label of a sentence that gives someone's words after a colon ("Putin: it was Ukraine.",
 * "Kremlin day 1: it was Ukraine."): at most LABEL_TOKENS tokens with no verb before the colon, not all
 * in capitals (a headline), and not one after which the commenter speaks ("Edit:", "Me:", "Bottom line:").
 */
export function speakerLabel(v: TokenView, s: number, e: number): { start: number; end: number } | undefined {
  let c = s + 1;
  while (c <= e && c - s <= LABEL_TOKENS && v.norm[c] !== ':') c++;
  if (c >= e || v.norm[c] !== ':') return undefined;
  let word = false;
  let lower = false;
  for (let i = s; i < c; i++) {
    if (v.pos[i] === 'VERB' || v.pos[i] === 'AUX') return undefined;
    word ||= v.type[i] === 'word';
    lower ||= v.value[i] !== v.value[i]!.toUpperCase();
  }
  // A headline in capitals ("BREAKING:", "SYDNEY SIEGE:") names a topic, not a speaker.
  if (!lower) return undefined;
  if (!word || findPhrases(v, sharedCues().ownLabel, s, c - 1).some((h) => h.start === s)) return undefined;
  // "Nonsense: …" answers what came before; a dismissal is no speaker.
  if (findPhrases(v, sharedCues().dismissal, s, c - 1).some((h) => h.start === s && h.end === c - 1)) return undefined;
  return { start: s, end: c };
}
