/** Cue phrases compiled to token sequences and matched against a document's tokens (normal form or lemma). */
import { nlp, type TokenView } from './nlp.js';

export type Direction = 'any' | 'before' | 'after';

/** A compiled cue: `before` means the actor must stand before the cue ("< did it"), `after` after it ("blamed >"). */
export interface Phrase {
  text: string;
  tokens: string[];
  direction: Direction;
  weight: number;
  /** Where the phrase comes from (lexicon and group, or claim and field), for evidence. */
  origin: string;
}

export interface Hit {
  phrase: Phrase;
  start: number;
  /** Inclusive. */
  end: number;
}

/** Compiles an entry such as "< did it", "blamed >" or "inside job" with wink's tokenizer. */
export function compilePhrase(entry: string, weight: number, origin: string): Phrase {
  let text = entry.trim();
  let direction: Direction = 'any';
  if (text.startsWith('< ')) {
    direction = 'before';
    text = text.slice(2).trim();
  } else if (text.endsWith(' >')) {
    direction = 'after';
    text = text.slice(0, -2).trim();
  }
  const w = nlp();
  // The written form, lower-cased: wink's normal form of a phrase out of context can differ ("yeah" → "yes").
  const tokens = (w.readDoc(text.replace(/[\u2010\u2011]/g, '-')).tokens().out(w.its.value) as string[]).map((t) =>
    t.toLowerCase().replace(/[’‘]/g, "'"),
  );
  return { text, tokens, direction, weight, origin };
}

const indexes = new WeakMap<readonly Phrase[], Map<string, Phrase[]>>();

/** Phrases keyed by their first token, so matching costs one map look-up per token and form. */
function indexOf(phrases: readonly Phrase[]): Map<string, Phrase[]> {
  let index = indexes.get(phrases);
  if (!index) {
    index = new Map();
    for (const p of phrases) {
      const first = p.tokens[0];
      if (first === undefined) continue;
      const list = index.get(first) ?? [];
      list.push(p);
      index.set(first, list);
    }
    indexes.set(phrases, index);
  }
  return index;
}

const docHits = new WeakMap<TokenView, Map<readonly Phrase[], Hit[]>>();

/**
 * Finds every occurrence of the phrases in tokens [from, to] (inclusive), matching each token's
 * written form, normal form or lemma. A document is scanned once per phrase list; later calls (one
 * per sentence, per rule) filter that result. The returned array must not be changed.
 */
export function findPhrases(v: TokenView, phrases: readonly Phrase[], from = 0, to = v.norm.length - 1): Hit[] {
  let perDoc = docHits.get(v);
  if (!perDoc) {
    perDoc = new Map();
    docHits.set(v, perDoc);
  }
  let all = perDoc.get(phrases);
  if (!all) {
    all = scan(v, indexOf(phrases));
    perDoc.set(phrases, all);
  }
  if (from <= 0 && to >= v.norm.length - 1) return all;
  // Hits are in order of their start: find the first one at `from` by bisection, so that asking once
  // per sentence costs the sentence's hits, not the document's (a 5 MB comment has 100,000 sentences).
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Hit[] = [];
  for (let i = lo; i < all.length && all[i]!.start <= to; i++) if (all[i]!.end <= to) out.push(all[i]!);
  return out;
}

function scan(v: TokenView, index: Map<string, Phrase[]>): Hit[] {
  const hits: Hit[] = [];
  const n = v.norm.length;
  for (let i = 0; i < n; i++) {
    const lower = v.lower[i]!;
    const norm = v.norm[i]!;
    const lemma = v.lemma[i]!;
    // Each distinct form once, so no phrase is found twice at the same place.
    collect(v, index.get(lower), i, hits);
    if (norm !== lower) collect(v, index.get(norm), i, hits);
    if (lemma !== lower && lemma !== norm) collect(v, index.get(lemma), i, hits);
  }
  return hits;
}

function collect(v: TokenView, candidates: Phrase[] | undefined, i: number, hits: Hit[]): void {
  if (!candidates) return;
  for (const p of candidates) {
    const n = p.tokens.length;
    if (i + n > v.norm.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = matches(v, i + k, p.tokens[k]!);
    if (ok) hits.push({ phrase: p, start: i, end: i + n - 1 });
  }
}

/**
 * A token matches a phrase word by its written or normal form, or by its lemma when the written form
 * starts like the phrase word ("attacked" → "attack", "lies" → "lie", but not "lay" → "lie").
 */
function matches(v: TokenView, i: number, t: string): boolean {
  if (v.lower[i] === t || v.norm[i] === t) return true;
  return v.lemma[i] === t && v.lower[i]!.startsWith(t.slice(0, 3));
}

/** True when any phrase occurs in tokens [from, to]. */
export function hasPhrase(v: TokenView, phrases: readonly Phrase[], from: number, to: number): Hit | undefined {
  return findPhrases(v, phrases, from, to)[0];
}
