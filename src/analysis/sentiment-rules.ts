/**
 * The sentiment cue lexicons (data/lexicons/sentiment-*.yaml) compiled into one index, and the
 * matcher that finds, at a token, the longest cue among them and wink's own lexicon.
 */
import { ThreadstanceError } from '../errors.js';
import { lexicons, type Lexicon } from './lexicon.js';
import type { TokenView } from './nlp.js';
import { winkLexicon, type WinkEntry } from './sentiment-wink.js';

/** The closed set of rule kinds a sentiment lexicon group can hold (its `role`). */
export const CUE_KINDS = ['positive', 'negative', 'neutral', 'booster', 'dampener', 'negator', 'contrast'] as const;
export type CueKind = (typeof CUE_KINDS)[number];

/** A cue found in a text: what it is, where, and (for words that carry sentiment) its valence in [-1, 1]. */
export interface CueMatch {
  kind: CueKind;
  start: number;
  /** Inclusive. */
  end: number;
  /** Signed valence for positive/negative cues; the group weight for modifiers; 0 for neutral. */
  value: number;
  /** Where the cue comes from: "wink" or "<lexicon>: <group comment>". */
  origin: string;
}

interface Cue {
  kind: CueKind;
  tokens: string[];
  value: number;
  origin: string;
}

/** Compiled sentiment cues, keyed by first token, longest first. */
export interface SentimentCues {
  index: Map<string, Cue[]>;
  wink: Map<string, WinkEntry[]>;
}

let cache: SentimentCues | undefined;

/** The compiled cues of every `sentiment-*` lexicon plus wink's lexicon, built once. */
export function sentimentCues(): SentimentCues {
  cache ??= compileCues([...lexicons().values()].filter((l) => l.name.startsWith('sentiment-')), winkLexicon());
  return cache;
}

/** Compiles lexicon groups into a cue index; a group with an unknown role is an error naming file and group. */
export function compileCues(lexs: readonly Lexicon[], wink: Map<string, WinkEntry[]>): SentimentCues {
  const index = new Map<string, Cue[]>();
  for (const lex of lexs) {
    lex.groups.forEach((g, i) => {
      if (!(CUE_KINDS as readonly string[]).includes(g.role)) {
        throw new ThreadstanceError('LEXICON_BAD', `role "${g.role}" is not a sentiment rule; expected one of ${CUE_KINDS.join(', ')}`, {
          file: lex.file,
          field: `groups[${i}].role`,
        });
      }
      const kind = g.role as CueKind;
      for (const p of g.phrases) {
        const value = kind === 'positive' ? g.weight : kind === 'negative' ? -g.weight : kind === 'neutral' ? 0 : g.weight;
        const first = p.tokens[0];
        if (first === undefined) continue;
        const list = index.get(first) ?? [];
        list.push({ kind, tokens: p.tokens, value, origin: p.origin });
        index.set(first, list);
      }
    });
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return { index, wink };
}

/** Emoji presentation selectors and skin tones: "❤️" and "👍🏽" score as "❤" and "👍". */
const EMOJI_MODIFIERS = /[\uFE0E\uFE0F]|\uD83C[\uDFFB-\uDFFF]/g;

function formsAt(v: TokenView, i: number): string[] {
  const lower = v.lower[i]!;
  const norm = v.norm[i]!;
  const lemma = v.lemma[i]!;
  const forms = [lower];
  if (norm !== lower) forms.push(norm);
  if (lemma !== lower && lemma !== norm) forms.push(lemma);
  if (v.type[i] === 'emoji') {
    const bare = lower.replace(EMOJI_MODIFIERS, '');
    if (bare !== lower) forms.push(bare);
  }
  return forms;
}

function tokenMatches(v: TokenView, k: number, t: string): boolean {
  return v.lower[k] === t || v.norm[k] === t || v.lemma[k] === t;
}

/**
 * The longest cue starting at token `i` and ending by token `last`: a lexicon cue (written form,
 * normal form or lemma) or a wink entry (normal form, as wink matches). On equal length the
 * lexicon wins, so the data files can correct wink.
 */
export function cueAt(cues: SentimentCues, v: TokenView, i: number, last: number): CueMatch | undefined {
  let best: CueMatch | undefined;
  for (const form of formsAt(v, i)) {
    for (const c of cues.index.get(form) ?? []) {
      const n = c.tokens.length;
      if (i + n - 1 > last || (best && n <= best.end - best.start + 1)) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = tokenMatches(v, i + k, c.tokens[k]!);
      if (ok) best = { kind: c.kind, start: i, end: i + n - 1, value: c.value, origin: c.origin };
    }
  }
  const norm = v.type[i] === 'emoji' ? v.norm[i]!.replace(EMOJI_MODIFIERS, '') : v.norm[i]!;
  for (const e of cues.wink.get(norm) ?? []) {
    const n = e.tokens.length;
    if (i + n - 1 > last || (best && n <= best.end - best.start + 1)) continue;
    let ok = true;
    for (let k = 1; k < n && ok; k++) ok = v.norm[i + k] === e.tokens[k];
    if (ok) {
      const kind: CueKind = e.valence > 0 ? 'positive' : e.valence < 0 ? 'negative' : 'neutral';
      best = { kind, start: i, end: i + n - 1, value: e.valence, origin: 'wink' };
    }
  }
  return best;
}
