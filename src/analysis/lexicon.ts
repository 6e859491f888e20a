/** Loads the cue lexicons in data/lexicons/, checks their shape once, and compiles their phrases. */
import fs from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../yaml.js';
import { ThreadstanceError, type Place } from '../errors.js';
import { dataPath } from '../paths.js';
import { compilePhrase, type Phrase } from './phrases.js';

export interface LexiconGroup {
  comment: string;
  role: string;
  weight: number;
  readonly phrases: Phrase[];
}

export interface Lexicon {
  name: string;
  file: string;
  groups: LexiconGroup[];
}

export const LEXICON_DIR = dataPath('data/lexicons');

/** An entry of a `"words": true` group: lower-case letters, at most one inner apostrophe. */
export const LEXICON_WORD = /^[a-z]+(?:'[a-z]+)?$/;

/**
 * A checked group whose phrases are read with wink on first use: a run's main thread checks the
 * lexicons a claim file names without loading the model, which only its worker threads need.
 */
class Group implements LexiconGroup {
  private compiled: Phrase[] | undefined;
  constructor(
    readonly comment: string,
    readonly role: string,
    readonly weight: number,
    private readonly origin: string,
    private readonly entries: string[],
    private readonly words: boolean,
  ) {}
  get phrases(): Phrase[] {
    this.compiled ??= this.entries.map((e): Phrase => {
      if (!this.words) return compilePhrase(e, this.weight, this.origin);
      // A generated word list (sentiment-vader.json) whose generator checked that wink reads each entry
      // as that one token: no wink read here, which saves start-up the cost of wink learning 4,000 words.
      return { text: e, tokens: [e], direction: 'any', weight: this.weight, origin: this.origin };
    });
    return this.compiled;
  }
}

let cache: Map<string, Lexicon> | undefined;

/** All lexicons by name, read and validated on first use. */
export function lexicons(): Map<string, Lexicon> {
  cache ??= loadLexicons(LEXICON_DIR);
  return cache;
}

/**
 * Reads every lexicon's phrases with wink now. wink's reading of a word depends a little on what it
 * read before (see nlp.ts), so every thread that analyzes reads the lexicons first, in the same
 * order, before any comment: one worker or several then give the same rows.
 */
export function compileLexicons(): void {
  for (const lex of lexicons().values()) for (const g of lex.groups) void g.phrases;
}

/** One lexicon by name; an unknown name is an error naming the place (claim file, claim, field) that asked for it. */
export function lexicon(name: string, place: Place = {}): Lexicon {
  const lex = lexicons().get(name);
  if (!lex) {
    throw new ThreadstanceError('LEXICON_UNKNOWN', `refers to lexicon "@${name}", which does not exist; expected one of ${[...lexicons().keys()].map((n) => '@' + n).join(', ')}`, place);
  }
  return lex;
}

/** Phrases of a lexicon, optionally only those of groups with the given role. */
export function phrasesOf(name: string, role?: string): Phrase[] {
  return lexicon(name).groups.filter((g) => role === undefined || g.role === role).flatMap((g) => g.phrases);
}

/**
 * Reads every `*.yaml` and `*.json` in `dir`; each must have `name` (its file name) and `groups` of
 * {comment, entries, role?, weight?}. JSON is for generated lexicons (sentiment-vader.json): the
 * YAML parser takes about a millisecond per kilobyte, JSON.parse a tenth of that.
 */
export function loadLexicons(dir: string): Map<string, Lexicon> {
  const out = new Map<string, Lexicon>();
  for (const entry of fs.readdirSync(dir).filter((f) => /\.(yaml|json)$/.test(f)).sort()) {
    const file = path.join(dir, entry);
    const fail = (field: string, msg: string): never => {
      throw new ThreadstanceError('LEXICON_BAD', msg, { file, field });
    };
    const text = fs.readFileSync(file, 'utf8');
    let raw: Record<string, unknown> | null;
    if (entry.endsWith('.json')) {
      try {
        raw = JSON.parse(text) as Record<string, unknown> | null;
      } catch (err) {
        throw new ThreadstanceError('LEXICON_BAD', `not valid JSON: ${(err as Error).message}`, { file });
      }
    } else raw = parseYaml(text) as Record<string, unknown> | null;
    const name = entry.replace(/\.(yaml|json)$/, '');
    if (!raw || raw.name !== name) fail('name', `expected name: ${name} (the file name)`);
    if (!Array.isArray(raw!.groups) || raw!.groups.length === 0) fail('groups', 'expected a non-empty list of groups');
    const groups = (raw!.groups as Record<string, unknown>[]).map((g, i): LexiconGroup => {
      if (typeof g.comment !== 'string' || g.comment.trim() === '') fail(`groups[${i}].comment`, 'every group needs a short comment saying what it holds');
      if (!Array.isArray(g.entries) || g.entries.length === 0) fail(`groups[${i}].entries`, 'expected a non-empty list of phrases');
      const weight = g.weight === undefined ? 1 : Number(g.weight);
      if (!(weight > 0 && weight <= 1)) fail(`groups[${i}].weight`, 'expected a number in (0, 1]');
      if (g.words !== undefined && g.words !== true) fail(`groups[${i}].words`, 'expected true (every entry is one lower-case word) or no "words" field');
      const origin = `${name}: ${g.comment as string}`;
      const entries = (g.entries as unknown[]).map((e, j): string => {
        if (typeof e !== 'string' || e.trim() === '') fail(`groups[${i}].entries[${j}]`, 'expected a non-empty text');
        if (g.words === true && !LEXICON_WORD.test(String(e))) fail(`groups[${i}].entries[${j}]`, `"${String(e)}" is not one lower-case word, which a group with "words": true must hold`);
        return String(e);
      });
      return new Group(String(g.comment), typeof g.role === 'string' ? g.role : '', weight, origin, entries, g.words === true);
    });
    out.set(name, { name, file, groups });
  }
  return out;
}
