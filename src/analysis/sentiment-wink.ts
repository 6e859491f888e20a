/**
 * wink's sentiment lexicon, word by word. wink scores only sentences and documents (a sentence's
 * score is the mean of its matched words), so the valence of each word or phrase is read once from
 * the model's sentiment automaton; the rules in sentiment.ts then weigh them per token.
 */
import { createRequire } from 'node:module';
import { ThreadstanceError } from '../errors.js';
import { winkModel } from './nlp.js';

/** A phrase of wink's lexicon: its tokens in wink's normal form and its valence in [-1, 1]. */
export interface WinkEntry {
  tokens: string[];
  valence: number;
}

/** Entries keyed by their first token, longest first, so a match is one map look-up per token. */
export type WinkLexicon = Map<string, WinkEntry[]>;

/** The automaton's serialized form: [format, lastState, transitions, terminal states, …]. */
type Machine = [number, number, Record<string, Record<string, number>>, Record<string, string>];

/** The automaton's "any other token" event (wink-nlp src/automaton.js). */
const OTHERWISE = '2070003';
const SOURCE = 'wink-eng-lite-web-model (sentiment automaton)';

let cache: WinkLexicon | undefined;

/** wink's sentiment lexicon, decoded on first use (about 10,000 entries, a few milliseconds). */
export function winkLexicon(): WinkLexicon {
  cache ??= decode();
  return cache;
}

function fail(what: string): never {
  throw new ThreadstanceError('SENTIMENT_MODEL', `cannot read wink's sentiment lexicon: ${what}; expected wink-eng-lite-web-model 1.8.x`, { file: SOURCE });
}

/**
 * Walks the automaton from its root. Events are ids of normal forms in the core model's lexeme list;
 * a terminal state's name is the valence × 1000. A phrase that is a prefix of a longer one ends in a
 * state whose "otherwise" edge is terminal. Valence 0 marks phrases wink matches in order to ignore
 * them ("kind of", "no good"), and is kept so that they shadow their words here too.
 */
function decode(): WinkLexicon {
  const sa = (winkModel() as unknown as { sa?: () => { machines?: unknown[] } }).sa?.();
  const raw = sa?.machines?.[0];
  if (typeof raw !== 'string') fail('no sentiment machine');
  const machine = JSON.parse(raw) as Machine;
  if (machine[0] !== 100 || typeof machine[2] !== 'object' || typeof machine[3] !== 'object') fail('unknown machine format');
  // The raw core model is already parsed and cached by require() when wink loads; model.core() would deep-copy it.
  const require = createRequire(import.meta.url);
  const core = require('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json') as {
    features?: { lexeme?: { list?: string[] } };
  };
  const words = core.features?.lexeme?.list;
  if (!Array.isArray(words)) fail('no lexeme list');
  const [, , fsm, terminals] = machine;
  const lexicon: WinkLexicon = new Map();
  const seen = new Set<string>();
  const add = (tokens: string[], name: string | undefined): void => {
    if (name === undefined) return;
    // A phrase reached twice keeps its first valence.
    const key = tokens.join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    const list = lexicon.get(tokens[0]!);
    const entry = { tokens, valence: Number(name) / 1000 };
    if (list) list.push(entry);
    else lexicon.set(tokens[0]!, [entry]);
  };
  const walk = (state: number, path: string[]): void => {
    for (const [event, next] of Object.entries(fsm[state] ?? {})) {
      if (event === OTHERWISE) continue;
      const word = words[Number(event)];
      if (word === undefined) fail(`unknown token id ${event}`);
      const tokens = [...path, word];
      if (terminals[next] !== undefined) add(tokens, terminals[next]);
      else add(tokens, terminals[fsm[next]?.[OTHERWISE] ?? -1]);
      // wink's longest phrase has 8 tokens; the bound only guards against a malformed machine.
      if (fsm[next] !== undefined && tokens.length < 16) walk(next, tokens);
    }
  };
  walk(0, []);
  if (lexicon.size < 1000) fail(`only ${lexicon.size} entries`);
  for (const list of lexicon.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return lexicon;
}
