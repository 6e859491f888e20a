/**
 * The `root` claim: a reply's stance toward whatever the thread's opening post asserts, read with the
 * RumourEval scheme (support, deny, query, comment) and mapped onto threadstance's labels:
 * support → support, deny → oppose, query → neutral (detail "query"), comment → none.
 */
import type { Comment } from '../types.js';
import type { TokenView } from './nlp.js';
import { findPhrases, type Hit } from './phrases.js';
import { phrasesOf } from './lexicon.js';
import type { Draft } from './aggregate.js';
import { quote, round } from './evidence.js';
import type { ReplyKind } from './context.js';
import { sharedCues } from './cues.js';

/** Share of a reply's content words found in the opening post above which the reply restates it. */
export const RESTATE_SHARE = 0.5;

/**
 * A reply that rejects what it answers says so early: a deny word further in than this many words is
 * about something the comment itself brings up ("... and that is the lie they keep telling"). On
 * RumourEval's replies, a deny cue after the 15th word was a denial in 6 of 76 comments, before it in 65 of 238 (words counted between spaces).
 */
export const DENY_WITHIN = 16;

export interface RootContext {
  /** True for the opening post itself. */
  isRoot: boolean;
  /** True when the comment answers the opening post directly. */
  repliesToRoot: boolean;
  /** Content words of the opening post (lemmas of four letters or more). */
  rootWords: Set<string>;
  /** The parent's root judgement, for replies that only agree or disagree. */
  parent: Draft | undefined;
  parentLabel: string;
  kind: ReplyKind;
}

let cues: { deny: Hit['phrase'][]; query: Hit['phrase'][]; support: Hit['phrase'][] } | undefined;

/** Content words of a text: lemmas of words and hashtags of four letters or more, stop words, mentions and links left out. */
export function contentWords(v: TokenView): Set<string> {
  const out = new Set<string>();
  v.lemma.forEach((lemma, i) => {
    const type = v.type[i];
    if ((type !== 'word' && type !== 'hashtag') || v.stop[i]) return;
    const word = lemma.replace(/^#/, '');
    if (word.length >= 4) out.add(word);
  });
  return out;
}

/** Judges one comment toward the root claim; the evidence names the rule and the words. */
export function rootDraft(v: TokenView, comment: Comment, ctx: RootContext): Draft {
  cues ??= { deny: phrasesOf('rumour', 'deny'), query: phrasesOf('rumour', 'query'), support: phrasesOf('rumour', 'support') };
  const text = v.sentenceText.join(' ');
  const ask = asks(v);
  if (ctx.isRoot) {
    return ask
      ? draft('neutral', 0.7, `${quote(text)} [the opening post asks rather than asserts]`, 'query')
      : draft('support', 0.9, '[the opening post makes the claim]');
  }
  if (ctx.kind === 'agree' || ctx.kind === 'disagree' || ctx.kind === 'reaction') {
    const parent = ctx.repliesToRoot ? draft('support', 0.9, '') : ctx.parent;
    if (parent && (parent.stance === 'support' || parent.stance === 'oppose')) {
      const flip = ctx.kind === 'disagree';
      const stance = flip === (parent.stance === 'support') ? 'oppose' : 'support';
      return draft(stance, round(0.6 * parent.confidence), `${quote(comment.body || comment.media.join(' '))} [${flip ? 'disagrees with' : 'agrees with'} ${ctx.parentLabel}]`);
    }
  }
  // "No, ..." / "Yes, ..." answering the opening post (or a reply that supports it) takes a side on it.
  const open = opener(v);
  const answered = ctx.repliesToRoot ? 'support' : ctx.parent?.stance;
  if (open && (answered === 'support' || answered === 'oppose')) {
    const stance = open.agree === (answered === 'support') ? 'support' : 'oppose';
    return draft(stance, 0.5, `${quote(text)} [opens with "${words(v, open.hit)}" answering ${ctx.repliesToRoot ? 'the opening post' : `${ctx.parentLabel}, which was ${answered}`}]`);
  }
  const deny = findPhrases(v, cues.deny).find((h) => wordsBefore(v, h) < DENY_WITHIN && !inQuestion(v, h));
  if (deny) return draft('oppose', 0.55, `${quote(text)} [deny cue "${words(v, deny)}"]`);
  const query = findPhrases(v, cues.query)[0];
  if (query || (ask && ctx.repliesToRoot)) {
    return draft('neutral', 0.5, `${quote(text)} [${query ? `query cue "${words(v, query)}"` : 'asks the opening post a question'}]`, 'query');
  }
  const own = contentWords(v);
  const shared = [...own].filter((w) => ctx.rootWords.has(w));
  const negation = findPhrases(v, sharedCues().negation)[0];
  if (negation && shared.length >= 2) {
    // Only a direct answer denies so: deeper in the thread a reply that negates the opening post's words
    // answers its parent (on RumourEval's replies, 3 denials in 96 such comments), and restates nothing.
    if (!ctx.repliesToRoot) return draft('none', 0.6, '');
    return draft('oppose', 0.45, `${quote(text)} [negates the opening post's words (${shared.slice(0, 4).join(', ')}) with "${words(v, negation)}"]`);
  }
  if (shared.length >= 2 && shared.length / own.size > RESTATE_SHARE) {
    return draft('support', 0.5, `${quote(text)} [restates the opening post: ${shared.slice(0, 6).join(', ')}]`);
  }
  const support = findPhrases(v, cues.support)[0];
  if (support && ctx.repliesToRoot) return draft('support', 0.45, `${quote(text)} [support cue "${words(v, support)}"]`);
  return draft('none', 0.6, '');
}

/** True when the comment's last sentence is a question. */
function asks(v: TokenView): boolean {
  return v.sentences.slice(-1).some((span) => isQuestion(v, span));
}

/** True when a sentence ends with a question mark (links, mentions, hashtags and emoji after it aside). */
function isQuestion(v: TokenView, [s, e]: [number, number]): boolean {
  for (let i = e; i >= s; i--) {
    if (v.type[i] === 'url' || v.type[i] === 'mention' || v.type[i] === 'hashtag' || v.type[i] === 'emoji') continue;
    return v.value[i] === '?';
  }
  return false;
}

/** Words (not mentions, links, hashtags or punctuation) before a hit. */
function wordsBefore(v: TokenView, h: Hit): number {
  let n = 0;
  for (let i = 0; i < h.start; i++) if (v.type[i] === 'word' || v.type[i] === 'number') n++;
  return n;
}

/** True when the hit's sentence ends with a question mark: a deny word in a question asks, it does not deny ("why are you still alive"). */
function inQuestion(v: TokenView, h: Hit): boolean {
  const span = v.sentences.find(([s, e]) => h.start >= s && h.start <= e);
  return span !== undefined && isQuestion(v, span);
}

/** An agreeing or disagreeing word that opens the comment and stands alone ("No, ...", "Yes!"), mentions and links aside. */
function opener(v: TokenView): { hit: Hit; agree: boolean } | undefined {
  let first = 0;
  while (first < v.type.length && (v.type[first] === 'mention' || v.type[first] === 'url' || v.type[first] === 'punctuation')) first++;
  const shared = sharedCues();
  for (const [list, agree] of [[shared.disagree, false], [shared.agree, true]] as const) {
    const hit = findPhrases(v, list, first, Math.min(v.type.length - 1, first + 3)).find((h) => h.start === first);
    if (hit && (hit.end + 1 >= v.type.length || v.type[hit.end + 1] === 'punctuation')) return { hit, agree };
  }
  return undefined;
}

function words(v: TokenView, h: Hit): string {
  return v.value.slice(h.start, h.end + 1).join(' ');
}

function draft(stance: Draft['stance'], confidence: number, evidence: string, detail?: string): Draft {
  const sign = stance === 'support' ? 1 : stance === 'oppose' ? -1 : 0;
  return { stance, score: round(sign * confidence), confidence, evidence, conflict: false, sarcasm: false, mentionOnly: false, ...(detail ? { detail } : {}) };
}
