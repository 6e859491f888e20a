/**
 * Sentiment of a comment: a score in [-1, 1] and a label, computed the way VADER does (Hutto & Gilbert
 * 2014) over wink's lexicon and the sentiment-* lexicons: word valences summed with modifiers,
 * negation, contrast, capitals and "!", then normalized. One pass over the tokens of a TokenView.
 */
import type { Sentiment } from '../types.js';
import type { TokenView } from './nlp.js';
import { cueAt, sentimentCues, type CueMatch, type SentimentCues } from './sentiment-rules.js';

/** Scores within ±NEUTRAL_BAND are neutral (the VADER convention for labels). */
export const NEUTRAL_BAND = 0.05;

/** The rules that can be switched off, to measure what each contributes. */
export const SENTIMENT_RULES = ['lexicons', 'variants', 'modifiers', 'negation', 'contrast', 'caps', 'punctuation'] as const;
export type SentimentRule = (typeof SENTIMENT_RULES)[number];

export interface SentimentOptions {
  /**
   * Rules to switch off (all are on by default): `lexicons` = the positive, negative and neutral groups of
   * the sentiment-* lexicons (wink's valences alone); `variants` = lemmas, laughter, elongation and
   * hashtags read as the words they vary; `modifiers` = boosters and dampeners.
   */
  off?: readonly SentimentRule[];
  /** Collect the cues that made the score. */
  evidence?: boolean;
  /** Cues to use instead of the shipped lexicons (see compileCues). */
  cues?: SentimentCues;
}

/** A score with the cues behind it (each `"text" ±valence`), when evidence was asked for. */
export interface SentimentDetail extends Sentiment {
  cues: string[];
}

// VADER's constants, on its valence scale of -4..4 (wink's valences are on -1..1).
const SCALE = 4;
const BOOST = 0.293;
const CAPS = 0.733;
const NEGATE = -0.74;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const BANG = 0.292;
const MAX_BANGS = 4;
const QUESTION = 0.18;
const MAX_QUESTION = 0.96;
const ALPHA = 15;
/** A modifier reaches a sentiment word at most this many words later, decaying with distance. */
const REACH = [1, 0.95, 0.9];

/** Punctuation that ends the reach of a modifier or negation (a clause boundary). */
const BOUNDARY = new Set([',', ';', ':', '(', ')', '[', ']', '-', '–', '—', '"', '“', '”', '…', '...']);

/** Label for a score in [-1, 1]. */
export function sentimentLabel(score: number): Sentiment['label'] {
  return score > NEUTRAL_BAND ? 'positive' : score < -NEUTRAL_BAND ? 'negative' : 'neutral';
}

interface Item extends CueMatch {
  caps: boolean;
}

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;

/** Upper-case words count for emphasis only when the text also has words in lower case. */
function hasMixedCase(v: TokenView): boolean {
  let upper = false;
  let lower = false;
  for (let i = 0; i < v.value.length && !(upper && lower); i++) {
    const t = v.value[i]!;
    if (v.type[i] !== 'word' || !LETTER.test(t)) continue;
    if (LOWER.test(t)) lower = true;
    else if (t.length > 1) upper = true;
  }
  return upper && lower;
}

/** A cue written in capitals: every word of it upper case, of two letters or more ("GOOD", not "I" or ":D"). */
function isCaps(v: TokenView, m: CueMatch): boolean {
  let words = 0;
  for (let k = m.start; k <= m.end; k++) {
    if (v.type[k] !== 'word') continue;
    const t = v.value[k]!;
    if (LOWER.test(t) || t.length < 2 || !LETTER.test(t)) return false;
    words++;
  }
  return words > 0;
}

/** A word that is no cue: it only counts toward a modifier's reach. */
const PLAIN: Item = { kind: 'neutral', start: -1, end: -1, value: 0, origin: '', caps: false };

/** Emoji, emoticons and interjections ("lol", "wow") voice the writer's own feeling: negation does not reach them. */
function expressive(v: TokenView, i: number): boolean {
  const type = v.type[i];
  return type === 'emoji' || type === 'emoticon' || v.pos[i] === 'INTJ';
}

/** Builds a scorer with the given rules; it reads a TokenView and returns its sentiment. */
export function sentimentScorer(options: SentimentOptions = {}): (v: TokenView) => SentimentDetail {
  const off = new Set(options.off ?? []);
  const on = (rule: SentimentRule): boolean => !off.has(rule);
  const evidence = options.evidence === true;
  const variants = on('variants');

  return (v) => {
    const cues = options.cues ?? sentimentCues(on('lexicons'));
    const mixed = on('caps') && hasMixedCase(v);
    // One pass over the tokens: cues and plain words in order; `null` marks a clause or sentence boundary.
    const items: (Item | null)[] = [];
    // The first contrast word of the text: what comes before it weighs less, what follows more ("Bad food. But great service.").
    let contrast = -1;
    let bangs = 0;
    let questions = 0;
    for (const [from, to] of v.sentences) {
      for (let i = from; i <= to; i++) {
        const t = v.value[i]!;
        const m = cueAt(cues, v, i, to, variants);
        if (m === undefined) {
          // Punctuation is no word; an emoticon made of it ("-_-", ">.<") was matched above.
          if (v.type[i] !== 'punctuation') items.push(PLAIN);
          else if (t === '!') bangs++;
          else if (t === '?') questions++;
          else if (BOUNDARY.has(t)) items.push(null);
          continue;
        }
        if (m.kind === 'contrast' && on('contrast') && contrast < 0) contrast = items.length;
        // cueAt returns a new match each time: it becomes the item.
        const item = m as Item;
        item.caps = mixed && isCaps(v, m);
        items.push(item);
        i = m.end;
      }
      items.push(null);
    }

    const found: string[] = [];
    let sum = 0;
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      if (!item) continue;
      let valence: number;
      if (item.kind === 'positive' || item.kind === 'negative') valence = item.value * SCALE;
      else if (item.own !== undefined && !modifies(items, k)) valence = item.own * SCALE;
      else continue;
      if (item.caps) valence += Math.sign(valence) * CAPS;
      for (let d = 1; d <= REACH.length; d++) {
        const before = items[k - d];
        if (!before || before.kind === 'contrast') break;
        if ((before.kind === 'booster' || before.kind === 'dampener') && on('modifiers')) {
          let s = Math.sign(valence) * BOOST * before.value * (before.kind === 'dampener' ? -1 : 1);
          if (before.caps) s += Math.sign(s) * CAPS;
          valence += s * REACH[d - 1]!;
        } else if (before.kind === 'negator' && on('negation') && !expressive(v, item.start)) valence *= NEGATE;
      }
      if (contrast >= 0) valence *= k < contrast ? BEFORE_CONTRAST : k > contrast ? AFTER_CONTRAST : 1;
      sum += valence;
      if (evidence) found.push(`"${v.value.slice(item.start, item.end + 1).join(' ')}" ${valence >= 0 ? '+' : ''}${valence.toFixed(2)}`);
    }
    if (sum !== 0 && on('punctuation')) {
      const emphasis = Math.min(bangs, MAX_BANGS) * BANG + (questions > 1 ? Math.min(questions * QUESTION, MAX_QUESTION) : 0);
      if (emphasis > 0 && evidence) found.push(`punctuation ${sum > 0 ? '+' : '-'}${emphasis.toFixed(2)}`);
      sum += Math.sign(sum) * emphasis;
    }
    const score = Math.round((sum / Math.sqrt(sum * sum + ALPHA)) * 1000) / 1000;
    return { score, label: sentimentLabel(score), cues: found };
  };
}

/** True when a sentiment word follows item k within a modifier's reach (so k is a modifier, not a word). */
function modifies(items: readonly (Item | null)[], k: number): boolean {
  for (let d = 1; d <= REACH.length; d++) {
    const next = items[k + d];
    if (!next) return false;
    if (next.kind === 'positive' || next.kind === 'negative') return true;
  }
  return false;
}

const scoreDefault = sentimentScorer();

/** The comment's sentiment with every rule on. */
export function sentimentOf(v: TokenView): Sentiment {
  const { score, label } = scoreDefault(v);
  return { score, label };
}
