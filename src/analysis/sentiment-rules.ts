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
  /** For a modifier that wink scores as a word: that valence, used when it modifies nothing. */
  own?: number;
}

interface Cue {
  kind: CueKind;
  tokens: string[];
  value: number;
  origin: string;
  own?: number;
}

/** Compiled sentiment cues, keyed by first token, longest first. */
export interface SentimentCues {
  index: Map<string, Cue[]>;
  wink: Map<string, WinkEntry[]>;
  /** The second tokens of every cue and wink entry of two or more tokens, by first token. */
  seconds: Map<string, Set<string>>;
  /** What a word matches on its own (see cueAt), by written form, for at most PLANS_MAX words. */
  plans: Map<string, Plan>;
}

/**
 * A token's match when no longer cue can start with it there, with and without variants (see
 * variantAt); `undefined` when it matches nothing on its own.
 */
interface Plan {
  /** The forms of the token the plan was made for. */
  type: string;
  norm: string;
  lemma: string;
  alone: CueMatch | undefined;
  strict: CueMatch | undefined;
}

const cache = new Map<boolean, SentimentCues>();

/**
 * The compiled cues of every `sentiment-*` lexicon plus wink's lexicon, built once. Without `words`,
 * only the modifier cues are kept (wink's valences alone), to measure what the word lists add.
 */
export function sentimentCues(words = true): SentimentCues {
  let cues = cache.get(words);
  if (!cues) {
    cues = compileCues([...lexicons().values()].filter((l) => l.name.startsWith('sentiment-')), winkLexicon(), words);
    cache.set(words, cues);
  }
  return cues;
}

const VALENCE_KINDS: readonly string[] = ['positive', 'negative', 'neutral'];

/** Compiles lexicon groups into a cue index; a group with an unknown role is an error naming file and group. */
export function compileCues(lexs: readonly Lexicon[], wink: Map<string, WinkEntry[]>, words = true): SentimentCues {
  const index = new Map<string, Cue[]>();
  for (const lex of lexs) {
    lex.groups.forEach((g, i) => {
      if (!words && VALENCE_KINDS.includes(g.role)) return;
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
  for (const [first, list] of index) {
    // A phrase listed both as a modifier and as a sentiment word ("no", "nope") modifies the sentiment
    // word after it; with none to modify it counts as a sentiment word itself.
    const merged = list.filter((c) => {
      if (!VALENCE_KINDS.includes(c.kind)) return true;
      const modifier = list.find((m) => !VALENCE_KINDS.includes(m.kind) && m.tokens.join(' ') === c.tokens.join(' '));
      if (modifier) modifier.own = c.value;
      return modifier === undefined;
    });
    index.set(first, merged.sort((a, b) => b.tokens.length - a.tokens.length));
  }
  const seconds = new Map<string, Set<string>>();
  const second = (tokens: readonly string[]): void => {
    if (tokens.length < 2) return;
    const set = seconds.get(tokens[0]!) ?? new Set();
    set.add(tokens[1]!);
    seconds.set(tokens[0]!, set);
  };
  for (const list of index.values()) for (const c of list) second(c.tokens);
  for (const list of wink.values()) for (const e of list) second(e.tokens);
  return { index, wink, seconds, plans: new Map() };
}

/** Emoji presentation selectors and skin tones: "❤️" and "👍🏽" score as "❤" and "👍". */
const EMOJI_MODIFIERS = /[\uFE0E\uFE0F]|\uD83C[\uDFFB-\uDFFF]/g;

/** Reused by formsAt: cueAt runs once per token, so the forms need no array of their own. */
const FORMS: string[] = [];

function formsAt(v: TokenView, i: number): string[] {
  const lower = v.lower[i]!;
  const norm = v.norm[i]!;
  const lemma = v.lemma[i]!;
  const forms = FORMS;
  forms.length = 0;
  forms.push(lower);
  if (norm !== lower) forms.push(norm);
  if (lemma !== lower && lemma !== norm && lower.startsWith(lemma.slice(0, 3))) forms.push(lemma);
  if (v.type[i] === 'emoji') {
    const bare = lower.replace(EMOJI_MODIFIERS, '');
    if (bare !== lower) forms.push(bare);
  }
  return forms;
}

/** As phrases.ts matches: written or normal form, or the lemma when the written form starts like it ("loved" → "love", not "lay" → "lie"). */
function tokenMatches(v: TokenView, k: number, t: string): boolean {
  if (v.lower[k] === t || v.norm[k] === t) return true;
  return v.lemma[k] === t && v.lower[k]!.startsWith(t.slice(0, 3));
}

/**
 * The longest cue starting at token `i` and ending by token `last`: a lexicon cue (written form,
 * normal form or lemma) or a wink entry (normal form, as wink matches). On equal length the
 * lexicon wins, so the data files can correct wink. wink's zero-valence phrases ("no good",
 * "kind of") exist to stop its own scoring; they give way to a modifier cue at the same token,
 * since here negation and modifiers are rules of their own. With `variants`, a word that matches
 * nothing is tried as a variant of a known one (see variantAt).
 */
export function cueAt(cues: SentimentCues, v: TokenView, i: number, last: number, variants = true): CueMatch | undefined {
  // At most tokens no cue of two or more tokens starts: the next token is none such a cue goes on
  // with. What such a token matches then depends on its own forms alone, so it is worked out once per
  // word and remembered.
  const type = v.type[i]!;
  if (type === 'emoji') return matchAt(cues, v, i, last, variants);
  const lower = v.lower[i]!;
  const norm = v.norm[i]!;
  const lemma = v.lemma[i]!;
  if (i < last && (goesOn(cues, lower, v, i + 1) || (norm !== lower && goesOn(cues, norm, v, i + 1)) || (lemma !== lower && lemma !== norm && goesOn(cues, lemma, v, i + 1)))) {
    return matchAt(cues, v, i, last, variants);
  }
  let plan = cues.plans.get(lower);
  if (plan === undefined) {
    plan = planFor(cues, type, lower, norm, lemma);
    if (cues.plans.size >= PLANS_MAX) cues.plans.clear();
    cues.plans.set(lower, plan);
  } else if (plan.type !== type || plan.norm !== norm || plan.lemma !== lemma) {
    // The same written word read another way here ("'s" as "is" or as a possessive).
    return matchAt(cues, v, i, last, variants);
  }
  const m = variants ? plan.alone : plan.strict;
  return m && matchOf(m, i, i);
}

/** A new match like `m` over tokens start..end, built field by field (an object spread was several times slower here). */
function matchOf(m: { kind: CueKind; value: number; origin: string; own?: number }, start: number, end: number): CueMatch {
  const out: CueMatch = { kind: m.kind, start, end, value: m.value, origin: m.origin };
  if (m.own !== undefined) out.own = m.own;
  return out;
}

/** Whether a cue of two or more tokens that starts with `first` may go on with token k. */
function goesOn(cues: SentimentCues, first: string, v: TokenView, k: number): boolean {
  const next = cues.seconds.get(first);
  return next !== undefined && (next.has(v.lower[k]!) || next.has(v.norm[k]!) || next.has(v.lemma[k]!));
}

/** A token's matches as the one token of a text. */
function planFor(cues: SentimentCues, type: string, lower: string, norm: string, lemma: string): Plan {
  const one: TokenView = { norm: [norm], lower: [lower], lemma: [lemma], value: [lower], pos: [''], type: [type], stop: [false], sentences: [[0, 0]], sentenceText: [lower], entities: [] };
  return { type, norm, lemma, alone: matchAt(cues, one, 0, 0, true), strict: matchAt(cues, one, 0, 0, false) };
}

/** Words whose plans are remembered at most (a dump's vocabulary is unbounded); past it the plans start over. */
const PLANS_MAX = 30_000;

/** cueAt without the plans. */
function matchAt(cues: SentimentCues, v: TokenView, i: number, last: number, variants: boolean): CueMatch | undefined {
  let best: Cue | undefined;
  let bestN = 0;
  const forms = formsAt(v, i);
  for (let f = 0; f < forms.length; f++) {
    const list = cues.index.get(forms[f]!);
    if (list === undefined) continue;
    for (const c of list) {
      const n = c.tokens.length;
      if (i + n - 1 > last || n <= bestN) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = tokenMatches(v, i + k, c.tokens[k]!);
      if (ok) {
        best = c;
        bestN = n;
      }
    }
  }
  const modifier = best !== undefined && best.kind !== 'neutral' && best.kind !== 'positive' && best.kind !== 'negative';
  let match: CueMatch | undefined = best && matchOf(best, i, i + bestN - 1);
  const entries = cues.wink.get(v.type[i] === 'emoji' ? v.norm[i]!.replace(EMOJI_MODIFIERS, '') : v.norm[i]!);
  if (entries !== undefined) {
    for (const e of entries) {
      const n = e.tokens.length;
      if (i + n - 1 > last) continue;
      const length = match ? match.end - match.start + 1 : 0;
      if (n < length || (n === length && !modifier) || (e.valence === 0 && modifier)) continue;
      let ok = true;
      for (let k = 1; k < n && ok; k++) ok = v.norm[i + k] === e.tokens[k];
      if (!ok) continue;
      // A modifier that wink also scores ("damn", "super") keeps that valence for when it modifies nothing.
      if (n === length) match!.own ??= e.valence;
      else {
        const kind: CueKind = e.valence > 0 ? 'positive' : e.valence < 0 ? 'negative' : 'neutral';
        match = { kind, start: i, end: i + n - 1, value: e.valence, origin: 'wink' };
      }
    }
  }
  if (match !== undefined || !variants) return match;
  return variantAt(cues, v, i);
}

/** Three or more of a letter ("sooo", "goood") and laughter of any length ("hahahaha", "lolol"). */
const ELONGATED = /(\p{L})\1\1/u;
const LAUGHTER = /^(?:a?h(?:a|e)){2,}h?$|^l(?:o|u)+l(?:o?l)*z?$/;

/** Laughter starts with "a", "h" or "l": most words need no regular expression. */
function mayLaugh(t: string): boolean {
  const c = t.charCodeAt(0);
  return c === 97 || c === 104 || c === 108;
}

/** Three equal code units in a row, or a surrogate pair (whose letters the regular expression must judge). */
function mayRepeat(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (i >= 2 && c === t.charCodeAt(i - 1) && c === t.charCodeAt(i - 2)) return true;
  }
  return false;
}

/**
 * A word no cue matched, read as a variant of one: its lemma ("coolest" → "cool", a form wink's
 * lexicon lacks), laughter ("hahahaha" → "haha"), elongation ("goooood" → "good", "sooo" → "so"),
 * or a hashtag's word ("#fail" → "fail").
 */
function variantAt(cues: SentimentCues, v: TokenView, i: number): CueMatch | undefined {
  const type = v.type[i];
  if (type === 'hashtag') {
    const m = singleCue(cues, [v.lower[i]!.slice(1)], i);
    return m && (m.kind === 'positive' || m.kind === 'negative') ? m : undefined;
  }
  if (type !== 'word') return undefined;
  const lower = v.lower[i]!;
  const forms: string[] = [];
  const lemma = v.lemma[i]!;
  if (lemma !== v.norm[i] && lower.startsWith(lemma.slice(0, 3))) forms.push(lemma);
  if (mayLaugh(lower) && LAUGHTER.test(lower)) forms.push('haha');
  else if (mayRepeat(lower) && ELONGATED.test(lower)) forms.push(lower.replace(/(\p{L})\1+/gu, '$1'), lower.replace(/(\p{L})\1\1+/gu, '$1$1'));
  return singleCue(cues, forms, i);
}

/** The first of `forms` that is a one-word cue or a one-word wink entry, as a match at token i. */
function singleCue(cues: SentimentCues, forms: readonly string[], i: number): CueMatch | undefined {
  for (const form of forms) {
    const c = cues.index.get(form)?.find((x) => x.tokens.length === 1);
    if (c) return { kind: c.kind, start: i, end: i, value: c.value, origin: c.origin };
    const e = cues.wink.get(form)?.find((x) => x.tokens.length === 1);
    if (e && e.valence !== 0) return { kind: e.valence > 0 ? 'positive' : 'negative', start: i, end: i, value: e.valence, origin: 'wink' };
  }
  return undefined;
}
