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
    const exact = cc.exactAliases.get(value) ?? cc.exactAliases.get(beforeClitic(value) ?? '');
    const tag = v.type[i] === 'hashtag' ? cc.singleAliases.get(value.slice(1).toLowerCase()) : undefined;
    const claims = exact ?? tag;
    if (claims) out.push({ start: i, end: i, claims, text: value, target: false });
  });
  return out.sort((a, b) => a.start - b.start);
}
