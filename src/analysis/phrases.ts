/** Cue phrases compiled to token sequences and matched against a document's tokens (normal form or lemma). */
import { nlp, straight, type TokenView } from './nlp.js';
import { phrasesOf } from './lexicon.js';

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
  const tokens = (w.readDoc(text.replace(/[\u2010\u2011]/g, '-')).tokens().out(w.its.value) as string[]).map(straight);
  return { text, tokens, direction, weight, origin };
}

/**
 * Every phrase list matching has been asked for, in one index keyed by first token, so a document is
 * scanned once for all of them (three map look-ups per token) rather than once per list. A list first
 * asked for after a document was scanned is scanned on its own for that document.
 */
interface Entry {
  phrase: Phrase;
  list: number;
}

/** Past this many lists (claim sets compiled again and again, as in tests), the registry starts over. */
const MAX_LISTS = 256;

let epoch = 0;
let lists: (readonly Phrase[])[] = [];
let listIds = new WeakMap<readonly Phrase[], number>();
let combined: Map<string, Candidates> | undefined;

/**
 * The phrases that start with one word, and the words their second tokens may be: most tokens that
 * start a phrase ("it", "had", "no") are not followed by any phrase's second word, and the set lets
 * the scan pass over the longer phrases without comparing them token by token.
 */
interface Candidates {
  entries: Entry[];
  seconds: Set<string>;
}

function listId(phrases: readonly Phrase[]): number {
  let id = listIds.get(phrases);
  if (id === undefined) {
    if (lists.length >= MAX_LISTS) {
      epoch++;
      lists = [];
      listIds = new WeakMap();
    }
    id = lists.length;
    lists.push(phrases);
    listIds.set(phrases, id);
    combined = undefined;
  }
  return id;
}

/** Phrases of the given lists keyed by their first token, in list order then phrase order. */
function indexOf(of: readonly (readonly Phrase[])[], ids: readonly number[]): Map<string, Candidates> {
  const index = new Map<string, Candidates>();
  of.forEach((phrases, k) => {
    for (const phrase of phrases) {
      const [first, second] = phrase.tokens;
      if (first === undefined) continue;
      let candidates = index.get(first);
      if (!candidates) index.set(first, (candidates = { entries: [], seconds: new Set() }));
      candidates.entries.push({ phrase, list: ids[k]! });
      if (second !== undefined) candidates.seconds.add(second);
    }
  });
  return index;
}

/** A document's hits per list id, for the lists registered when it was scanned. */
interface DocHits {
  epoch: number;
  /** Lists with ids below this were part of the scan. */
  scanned: number;
  hits: Map<number, Hit[]>;
}

const docHits = new WeakMap<TokenView, DocHits>();
const NO_HITS: Hit[] = [];

/**
 * Finds every occurrence of the phrases in tokens [from, to] (inclusive), matching each token's
 * written form, normal form or lemma. A document is scanned once; later calls (one per sentence, per
 * rule) filter that result. The returned array must not be changed.
 */
export function findPhrases(v: TokenView, phrases: readonly Phrase[], from = 0, to = v.norm.length - 1): Hit[] {
  const id = listId(phrases);
  let doc = docHits.get(v);
  if (!doc || doc.epoch !== epoch) {
    combined ??= indexOf(lists, lists.map((_, k) => k));
    doc = { epoch, scanned: lists.length, hits: scan(v, combined) };
    docHits.set(v, doc);
  }
  let all = doc.hits.get(id);
  if (!all) {
    if (id < doc.scanned) all = NO_HITS;
    else {
      all = scan(v, indexOf([phrases], [id])).get(id) ?? NO_HITS;
      doc.hits.set(id, all);
    }
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
  // No hit in range (the common case, asked once per sentence and list): the shared empty list, no allocation.
  if (lo >= all.length || all[lo]!.start > to) return NO_HITS;
  const out: Hit[] = [];
  for (let i = lo; i < all.length && all[i]!.start <= to; i++) if (all[i]!.end <= to) out.push(all[i]!);
  return out;
}

function scan(v: TokenView, index: Map<string, Candidates>): Map<number, Hit[]> {
  const hits = new Map<number, Hit[]>();
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

/** Inserted words one phrase may hold (see data/lexicons/insert.yaml). */
const MAX_INSERTS = 2;
let inserts: Set<string> | undefined;

/** True when token i is a word a cue phrase may hold inside it ("had absolutely nothing to do with"). */
function inserted(v: TokenView, i: number): boolean {
  inserts ??= new Set(phrasesOf('insert').map((p) => p.text));
  return inserts.has(v.lower[i]!);
}

/** Whether token j can be a phrase's second token, by a form matches() compares. */
function isSecond(v: TokenView, seconds: Set<string>, j: number): boolean {
  return j < v.norm.length && (seconds.has(v.lower[j]!) || seconds.has(v.norm[j]!) || seconds.has(v.lemma[j]!));
}

function collect(v: TokenView, candidates: Candidates | undefined, i: number, hits: Map<number, Hit[]>): void {
  if (!candidates) return;
  const length = v.norm.length;
  // Whether token i + 1 (or the one after an inserted word) can be any phrase's second token (by a form matches() compares).
  const { seconds } = candidates;
  const next = seconds.size > 0 && (isSecond(v, seconds, i + 1) || (i + 1 < length && inserted(v, i + 1) && (isSecond(v, seconds, i + 2) || (i + 2 < length && inserted(v, i + 2) && isSecond(v, seconds, i + 3)))));
  for (const { phrase: p, list } of candidates.entries) {
    const n = p.tokens.length;
    if (i + n > length || (n > 1 && !next)) continue;
    if (!matches(v, i, p.tokens[0]!)) continue;
    let j = i;
    let skipped = 0;
    let ok = true;
    for (let k = 1; k < n && ok; k++) {
      j++;
      while (j < length && skipped < MAX_INSERTS && !matches(v, j, p.tokens[k]!) && inserted(v, j)) {
        j++;
        skipped++;
      }
      ok = j < length && matches(v, j, p.tokens[k]!);
    }
    if (!ok) continue;
    const hit = { phrase: p, start: i, end: j };
    const found = hits.get(list);
    if (found) found.push(hit);
    else hits.set(list, [hit]);
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
