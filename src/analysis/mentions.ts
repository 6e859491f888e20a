/** Finds where a comment names the actors of the claims: wink custom entities, exact-case acronyms (also with a clitic: "FSB's"), hashtags. */
import { beforeClitic, type TokenView } from './nlp.js';
import type { CompiledClaims } from './compile.js';

/** An actor named in the text; `target` when it is named as a target, place or victim rather than an agent. */
export interface Mention {
  start: number;
  end: number;
  claims: string[];
  text: string;
  target: boolean;
}

/** Parts of speech of words that an acronym written in lower case may be instead ("is", "us", "it"). */
const FUNCTION_WORDS = new Set(['AUX', 'PRON', 'VERB', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'ADV', 'INTJ']);

/** An acronym alias (two or three letters) written in another case ("fsb", "Cia"), unless wink reads the word as a function word ("is", "us"). */
function otherCase(cc: CompiledClaims, v: TokenView, i: number): string[] | undefined {
  const value = v.value[i]!;
  if (FUNCTION_WORDS.has(v.pos[i]!)) return undefined;
  const upper = value.toUpperCase();
  return upper === value ? undefined : cc.exactAliases.get(upper);
}

/** All actor mentions in token order (entities first; acronyms and hashtags where no entity covers the token). */
export function findMentions(v: TokenView, cc: CompiledClaims): Mention[] {
  const out: Mention[] = [];
  const covered = new Set<number>();
  for (const [start, end, type] of v.entities) {
    const claims = cc.entityClaims.get(type);
    if (!claims) continue;
    out.push({ start, end, claims, text: v.value.slice(start, end + 1).join(' '), target: false });
    for (let i = start; i <= end; i++) covered.add(i);
  }
  v.value.forEach((value, i) => {
    if (covered.has(i)) return;
    const exact = cc.exactAliases.get(value) ?? cc.exactAliases.get(beforeClitic(value) ?? '') ?? (value.length === 2 || value.length === 3 ? otherCase(cc, v, i) : undefined);
    const tag = v.type[i] === 'hashtag' ? cc.singleAliases.get(value.slice(1).toLowerCase()) : undefined;
    const claims = exact ?? tag;
    if (claims) out.push({ start: i, end: i, claims, text: value, target: false });
  });
  return out.sort((a, b) => a.start - b.start);
}
