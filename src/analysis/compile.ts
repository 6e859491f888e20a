/** Compiles a checked claim set for matching: cue phrases, and aliases taught to wink as custom entities. */
import type { Claim, ClaimSet } from '../claims/load.js';
import { ThreadstanceError } from '../errors.js';
import { nlp, setAliases, straightQuotes } from './nlp.js';
import { compilePhrase, type Phrase } from './phrases.js';
import { compileLexicons, lexicon } from './lexicon.js';

export interface CompiledClaim {
  claim: Claim;
  /** Cues that link an actor to the claim (from "@lexicon" references and the claim's own strings). */
  cues: Phrase[];
  /** Cues that, next to an actor, deny the claim. */
  denials: Phrase[];
  support: Phrase[];
  oppose: Phrase[];
}

export interface CompiledClaims {
  set: ClaimSet;
  claims: CompiledClaim[];
  /** Custom-entity type (an alias's token pattern) → ids of the claims naming that alias. */
  entityClaims: Map<string, string[]>;
  /** Aliases of two or three capitals (IS, US, UK): matched as that upper-case token, or in another case where wink does not read a function word ("fsb", but not "is", "us"). */
  exactAliases: Map<string, string[]>;
  /** Single-token aliases, lower case, for hashtags (#Ukraine). */
  singleAliases: Map<string, string[]>;
}

const ACRONYM = /^[A-Z]{2,3}$/;
let active: CompiledClaims | undefined;

/**
 * Checks what compileClaims would refuse, without reading anything with wink: aliases with [ ] or |
 * (which wink's normal forms keep), and lexicons that do not exist or are malformed. A run's main
 * thread checks; its worker threads compile.
 */
export function checkClaims(set: ClaimSet): void {
  for (const claim of set.claims) {
    for (const alias of claim.actors) {
      if (!ACRONYM.test(alias) && /[[\]|]/.test(alias)) {
        throw new ThreadstanceError('CLAIMS_BAD_ALIAS', `alias "${alias}" contains [ ] or |, which are not allowed in names`, { file: set.file, claim: claim.id, field: 'actors' });
      }
    }
    for (const [field, entries] of [['cues', claim.cues], ['denials', claim.denials]] as const) {
      for (const cue of entries) if (cue.startsWith('@')) lexicon(cue.slice(1), { file: set.file, claim: claim.id, field });
    }
  }
}

/** Compiles the claims and teaches wink their aliases; errors name the claim file and claim. */
export function compileClaims(set: ClaimSet): CompiledClaims {
  checkClaims(set);
  compileLexicons();
  const w = nlp();
  const entityClaims = new Map<string, string[]>();
  const exactAliases = new Map<string, string[]>();
  const singleAliases = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string): void => {
    const ids = map.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    map.set(key, ids);
  };
  const claims = set.claims.map((claim): CompiledClaim => {
    for (const alias of claim.actors) {
      if (ACRONYM.test(alias)) {
        add(exactAliases, alias, claim.id);
        continue;
      }
      const tokens = (w.readDoc(alias.replace(/[\u2010\u2011\u2013]/g, '-')).tokens().out(w.its.normal) as string[]).map(straightQuotes);
      add(entityClaims, tokens.join(' '), claim.id);
      if (tokens.length === 1) add(singleAliases, tokens[0]!, claim.id);
    }
    const compileCues = (entries: string[], field: string): Phrase[] =>
      entries.flatMap((cue) =>
        cue.startsWith('@')
          ? lexicon(cue.slice(1), { file: set.file, claim: claim.id, field }).groups.flatMap((g) => g.phrases)
          : [compilePhrase(cue, 1, `claim ${claim.id}: ${field}`)],
      );
    return {
      claim,
      cues: compileCues(claim.cues, 'cues'),
      denials: compileCues(claim.denials, 'denials'),
      support: claim.phrases.support.map((p) => compilePhrase(p, 1, `claim ${claim.id}: phrases.support`)),
      oppose: claim.phrases.oppose.map((p) => compilePhrase(p, 1, `claim ${claim.id}: phrases.oppose`)),
    };
  });
  // wink marks the longest alias only: "Russian security services" (fsb) must also count for a claim
  // that lists "security services", so each alias also serves the claims of the aliases inside it, when
  // the two name the same side (share a claim): "Ukrainian security services" (ukraine) is not the
  // "security services" of the claims about Russia's.
  const own = new Map([...entityClaims].map(([key, ids]) => [key, [...ids]]));
  for (const [key, ids] of entityClaims) {
    for (const [inner, innerIds] of own) {
      if (inner === key || !` ${key} `.includes(` ${inner} `) || !innerIds.some((id) => own.get(key)!.includes(id))) continue;
      for (const id of innerIds) if (!ids.includes(id)) ids.push(id);
    }
  }
  const compiled = { set, claims, entityClaims, exactAliases, singleAliases };
  activate(compiled);
  return compiled;
}

/** Makes these claims' aliases the ones view() marks (one set per process, as wink keeps one per instance). */
export function activate(compiled: CompiledClaims): void {
  if (active === compiled) return;
  setAliases([...compiled.entityClaims.keys()]);
  active = compiled;
}
