/** The one wink-nlp instance of the process and a flat view of a document's tokens for the rules. */
import { createRequire } from 'node:module';
import type WinkNLP from 'wink-nlp';
import type WinkModel from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof WinkNLP>;
type Model = typeof WinkModel;
const require = createRequire(import.meta.url);

let model: Model | undefined;
/**
 * wink's English model, read on first use rather than on import (about 0.3 s and 60 MB): the main
 * thread of a run with worker threads never reads a comment, so it never loads it.
 */
export function winkModel(): Model {
  model ??= require('wink-eng-lite-web-model') as Model;
  return model;
}
let instance: Nlp | undefined;

/**
 * The pipeline steps threadstance reads: sentences, and part of speech (for lemmas and the passive).
 * wink's own negation, sentiment and named entities are left out: the rules have their own (see
 * stance.ts and sentiment.ts), and each step costs time per comment. Aliases are matched on the
 * tokens' normal forms here (see setAliases), which costs a third of wink's custom-entity step.
 */
const PIPE = ['sbd', 'pos'];

/**
 * wink adds every token it has not seen before to its instance's lexicon (about 110 bytes each), so a
 * run over millions of comments would grow without end. A token's id is its place in that lexicon:
 * once a document holds a token at or past this place, the instance is dropped and built afresh (about
 * 0.1 s, the cost of a few dozen comments). wink's English model has 87,593 lexemes of its own, so
 * an instance adds some 82,000 (about 9 MB) before it is rebuilt: rarely for comments that use the
 * same words (the benchmark's million comments reach 166,000), every few hundred thousand comments
 * for a dump full of names and links. The limit stays below 174,000, where the object wink looks
 * every word up in (a V8 dictionary) would double its table, from 6.2 to 12.5 MB. What wink
 * reads hardly depends on what it read before: only a word it once cached whole ("today's") is later
 * kept whole instead of split.
 */
export const WINK_LEXEMES_PER_INSTANCE = 170_000;
let lexemeLimit = WINK_LEXEMES_PER_INSTANCE;
/**
 * Documents read per look at the tokens' ids (about 3 µs a document, 1% of the analysis). A token
 * wink has just added has one of the highest ids, so the lexicon passing the limit shows in the first
 * document looked at that holds a word added since: until then it grows by the new words of about
 * this many documents. Counted in documents, so that a run is repeatable.
 */
const LEXICON_CHECK_EVERY = 16;
let checkEvery = LEXICON_CHECK_EVERY;
let docsRead = 0;
let instances = 0;

/**
 * The model as wink reads it for each instance. Its custom-entity loader turns its data into a JSON
 * string in place, so a second call escapes the string again (and the tenth or so fails): its first
 * result is kept and handed to every later instance.
 */
let stableModel: Model | undefined;
function modelOnce(): Model {
  if (!stableModel) {
    const m = winkModel();
    const meta = (m.metaCER as () => unknown)();
    stableModel = Object.assign(Object.create(null) as Model, m, { metaCER: () => meta });
  }
  return stableModel;
}

/**
 * A word no text holds: the id wink gives it in a new instance is the number of the model's own
 * lexemes, since wink numbers the words it adds from there.
 */
const PROBE = 'qzthreadstanceprobeqz';

/** The process-wide wink instance (built on first use: about 90 ms and 9 MB). */
export function nlp(): Nlp {
  if (!instance) {
    const w = (require('wink-nlp') as typeof WinkNLP)(modelOnce(), PIPE);
    modelLexemes = (w.readDoc(PROBE).tokens().out(w.its.uniqueId) as unknown as number[])[0]!;
    forms = new Array<Forms | undefined>(modelLexemes);
    addedForms = new Map();
    instance = w;
    instances++;
  }
  return instance;
}

/** For tests: another lexicon size at which a wink instance is rebuilt, looked at every `every` documents (undefined restores the defaults). */
export function setWinkLexemeLimit(limit: number | undefined, every?: number): void {
  lexemeLimit = limit ?? WINK_LEXEMES_PER_INSTANCE;
  checkEvery = every ?? LEXICON_CHECK_EVERY;
  docsRead = 0;
}

/** How many wink instances this process has built. */
export function winkInstanceCount(): number {
  return instances;
}

/** Alias token sequences (normal forms) by first token, longest first; the entity type is the sequence joined by spaces. */
let aliases = new Map<string, { tokens: string[]; type: string }[]>();

/** Makes `types` (aliases as normal-form tokens joined by single spaces) the custom entities view() marks. */
export function setAliases(types: readonly string[]): void {
  const index = new Map<string, { tokens: string[]; type: string }[]>();
  for (const type of types) {
    const tokens = type.split(' ');
    const list = index.get(tokens[0]!) ?? [];
    list.push({ tokens, type });
    index.set(tokens[0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  aliases = index;
}

/**
 * The word before a clitic ("ukraine's" → "ukraine", "fsb’s" → "fsb"), or undefined. wink splits
 * "Ukraine's" into "Ukraine" and "'s", but once an instance has read "Ukraine's." at the end of a
 * sentence it caches "Ukraine's" whole and keeps it whole from then on: an alias must match either way.
 */
export function beforeClitic(token: string): string | undefined {
  if (!token.includes("'") && !token.includes('’')) return undefined;
  const m = /^(.+?)['’](?:s|re|ll|ve|d|m)$/i.exec(token);
  return m ? m[1] : undefined;
}

/**
 * Leftmost-longest, non-overlapping occurrences of the aliases, as wink's custom entities would mark
 * them; an alias's last word may carry a clitic (see beforeClitic).
 */
function findAliases(norm: string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  if (aliases.size === 0) return out;
  for (let i = 0; i < norm.length; i++) {
    const candidates = aliases.get(norm[i]!) ?? aliases.get(beforeClitic(norm[i]!) ?? '');
    if (!candidates) continue;
    for (const { tokens, type } of candidates) {
      let k = 0;
      while (k < tokens.length && i + k < norm.length && (norm[i + k] === tokens[k] || (k === tokens.length - 1 && beforeClitic(norm[i + k]!) === tokens[k]))) k++;
      if (k === tokens.length) {
        out.push([i, i + k - 1, type]);
        i += k - 1;
        break;
      }
    }
  }
  return out;
}

/** Token arrays of a document, indexed by token position, plus its sentence spans. */
export interface TokenView {
  /** Lower-case normal form, curly apostrophes made straight. */
  norm: string[];
  /** Lower-case value as written, curly apostrophes made straight. */
  lower: string[];
  lemma: string[];
  value: string[];
  pos: string[];
  type: string[];
  /** wink's stop-word flag ("the", "that", "have"). */
  stop: boolean[];
  /** Inclusive [start, end] token spans of sentences, after re-joining sentences a paste broke. */
  sentences: [number, number][];
  sentenceText: string[];
  /** Custom entities (aliases) as [start, end, entity type]. */
  entities: [number, number, string][];
}

/** Curly apostrophes made straight (the regular expression only where one occurs). */
export function straightQuotes(t: string): string {
  return t.includes('’') || t.includes('‘') ? t.replace(/[’‘]/g, "'") : t;
}

/** A token's normal form as the rules read it: wink's (lower case already, so only apostrophes are straightened), or the lower-case form when wink has none. */
function normalForm(normal: string | undefined, lower: string): string {
  return normal === undefined ? lower : straightQuotes(normal);
}

/** Lower case, curly apostrophes made straight: the form phrases are written in. */
export function straight(t: string): string {
  return straightQuotes(t.toLowerCase());
}

/**
 * What the rules read of a lexeme (a token's uniqueId in its instance), worked out at its first
 * token and remembered (about 100 bytes a lexeme, dropped with the instance): reading every token's
 * forms from wink took about a tenth of the analysis. wink's normal form and lemma of a contraction
 * ("isnt" → "is" + "nt", read "not") come from the token, not the lexeme, so those are read token by
 * token; a lemma also depends on the part of speech, and wink has none for some tokens (seen on
 * tweets), which then take their normal form.
 */
class Forms {
  /** The normal form, for tokens that are no contraction (read at the first such token). */
  norm: string | undefined;
  /** The lemma for the first part of speech seen, `pos`; for others in `more`. */
  private pos = '';
  private lemma: string | undefined;
  private more: Map<string, string> | undefined;
  constructor(
    readonly value: string,
    readonly lower: string,
    readonly type: string,
  ) {}

  /** The lemma for part of speech `pos`, if remembered. */
  lemmaFor(pos: string): string | undefined {
    return this.pos === pos && this.lemma !== undefined ? this.lemma : this.more?.get(pos);
  }

  /** Remembers `lemma` for part of speech `pos` and returns it. */
  remember(pos: string, lemma: string): string {
    if (this.lemma === undefined) {
      this.pos = pos;
      this.lemma = lemma;
    } else (this.more ??= new Map()).set(pos, lemma);
    return lemma;
  }
}

/** Forms of the model's own lexemes, by uniqueId, for the current instance. */
let forms: (Forms | undefined)[] = [];
let modelLexemes = 0;
/**
 * Forms of the words the current instance added (names, links, handles, misspellings), by uniqueId.
 * Most are rare, and kept for the instance's life they would make memory grow with the run (by some
 * 10 MB over the benchmark's million comments): they are forgotten, all at once, every OOV_FORMS_MAX.
 */
let addedForms = new Map<number, Forms>();
const OOV_FORMS_MAX = 20_000;

/** Reads `text` with wink and returns the arrays the stance and sentiment rules work on. */
export function view(text: string): TokenView {
  const w = nlp();
  const its = w.its;
  const memo = forms;
  const added = addedForms;
  const known = modelLexemes;
  const doc = w.readDoc(text);
  const tokens = doc.tokens();
  const ids = tokens.out(its.uniqueId) as unknown as number[];
  const n = ids.length;
  if (++docsRead % checkEvery === 0) {
    // This document keeps the old instance alive until it is dropped; the next one gets a new instance.
    if (ids.some((id) => id >= lexemeLimit)) instance = undefined;
  }
  const contraction = tokens.out(its.contractionFlag) as unknown as boolean[];
  const pos = tokens.out(its.pos) as string[];
  const value = new Array<string>(n);
  const lower = new Array<string>(n);
  const type = new Array<string>(n);
  const norm = new Array<string>(n);
  const lemma = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    let f = id < known ? memo[id] : added.get(id);
    if (f === undefined) {
      const item = tokens.itemAt(i);
      const v = item.out(its.value) as string;
      f = new Forms(v, straight(v), item.out(its.type) as string);
      if (id < known) memo[id] = f;
      else {
        if (added.size >= OOV_FORMS_MAX) added.clear();
        added.set(id, f);
      }
    }
    value[i] = f.value;
    lower[i] = f.lower;
    type[i] = f.type;
    if (contraction[i]) {
      const item = tokens.itemAt(i);
      const normal = normalForm(item.out(its.normal) as string | undefined, f.lower);
      norm[i] = normal;
      lemma[i] = straight((item.out(its.lemma as unknown as typeof its.normal) as string | undefined) ?? normal);
      continue;
    }
    const normal = (f.norm ??= normalForm(tokens.itemAt(i).out(its.normal) as string | undefined, f.lower));
    norm[i] = normal;
    const p = pos[i]!;
    lemma[i] = f.lemmaFor(p) ?? f.remember(p, straight((tokens.itemAt(i).out(its.lemma as unknown as typeof its.normal) as string | undefined) ?? normal));
  }
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  // A sentence's text as wink's sentences().out() gives it (each token after its preceding spaces,
  // trimmed), from the values already read: wink would look every token's value up again.
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const raw = spans.map((span) => ({ span, text: spanText(value, spaces, span[0], span[1]) }));
  const merged = splitLongSentences(mergeBrokenSentences(raw), value, spaces, type);
  return new DocView(
    norm,
    lower,
    lemma,
    value,
    pos,
    type,
    merged.map((m) => m.span),
    merged.map((m) => m.text),
    findAliases(norm),
    () => tokens.out(its.stopWordFlag) as unknown as boolean[],
  );
}

/**
 * A document's TokenView. Only the root rules read stop words, so they are looked up when first asked
 * for, by a getter on this class. A getter written in each view's object literal would give every view
 * a hidden class of its own (its own getter function), and V8 keeps such classes, with the document
 * they reach, until a full collection: every comment's wink document then survived the young
 * generation's collections and was copied to the old one (about 1.4 MB per collection, a tenth of
 * what was allocated, on a 20,000-comment run).
 */
class DocView implements TokenView {
  private stopFlags: boolean[] | undefined;
  constructor(
    readonly norm: string[],
    readonly lower: string[],
    readonly lemma: string[],
    readonly value: string[],
    readonly pos: string[],
    readonly type: string[],
    readonly sentences: [number, number][],
    readonly sentenceText: string[],
    readonly entities: [number, number, string][],
    private readonly stopWords: () => boolean[],
  ) {}

  get stop(): boolean[] {
    return (this.stopFlags ??= this.stopWords());
  }
}

/**
 * A pasted thread loses quote markup, so "so worried about\n\nand declaring" reaches wink as two
 * sentences. A sentence without closing punctuation followed by one starting in lower case is one sentence.
 */
function mergeBrokenSentences(
  sentences: { span: [number, number]; text: string }[],
): { span: [number, number]; text: string }[] {
  const out: { span: [number, number]; text: string }[] = [];
  // The end of a merged sentence is the end of its last piece: test that, not the ever longer whole.
  let last = '';
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev && !/[.!?…:;"”)\]]\s*$/.test(last.slice(-200)) && /^\s*[a-z]/.test(s.text)) {
      out[out.length - 1] = {
        span: [prev.span[0], s.span[1]],
        text: `${prev.text} ${s.text}`,
      };
    } else out.push({ ...s });
    last = s.text;
  }
  return out;
}

/** Tokens start..end (inclusive), each after its preceding spaces, trimmed: wink's text of a span. */
function spanText(value: string[], spaces: string[], start: number, end: number): string {
  let text = '';
  for (let i = start; i <= end; i++) text += spaces[i]! + value[i]!;
  return text.trim();
}

/**
 * Longest sentence the rules read as one, in tokens. Real sentences stay far below it; a text
 * without full stops (a 5 MB comment, a list pasted without punctuation) would otherwise make every
 * cue in it look at every other word, and the run quadratic.
 */
export const MAX_SENTENCE_TOKENS = 250;

/** Cuts sentences longer than MAX_SENTENCE_TOKENS, after the last comma, semicolon or colon of each piece when there is one. */
function splitLongSentences(sentences: { span: [number, number]; text: string }[], value: string[], spaces: string[], type: string[]): { span: [number, number]; text: string }[] {
  const out: { span: [number, number]; text: string }[] = [];
  for (const s of sentences) {
    let [start, end] = s.span;
    if (end - start < MAX_SENTENCE_TOKENS) {
      out.push(s);
      continue;
    }
    while (start <= end) {
      let cut = Math.min(end, start + MAX_SENTENCE_TOKENS - 1);
      if (cut < end) {
        for (let i = cut; i > start + MAX_SENTENCE_TOKENS / 2; i--) {
          if (type[i] === 'punctuation' && /^[,;:]$/.test(value[i]!)) {
            cut = i;
            break;
          }
        }
      }
      let text = value[start]!;
      for (let i = start + 1; i <= cut; i++) text += spaces[i]! + value[i]!;
      out.push({ span: [start, cut], text });
      start = cut + 1;
    }
  }
  return out;
}
