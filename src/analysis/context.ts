/** Thread context: the opening post's claims as the topic, and replies that only agree or disagree with their parent. */
import type { Comment } from '../types.js';
import type { TokenView } from './nlp.js';
import { findPhrases } from './phrases.js';
import { sharedCues } from './cues.js';
import type { Draft } from './aggregate.js';
import type { MentionReading } from '../claims/load.js';
import { round, quote } from './evidence.js';

export type ReplyKind = 'agree' | 'disagree' | 'reaction' | 'content' | 'empty';

/**
 * What a reply does on its own: `agree`/`disagree` when nothing is left once agreement phrases and
 * filler are removed ("Exactly.", "True, I guess…", "Nope"), `reaction` for a GIF or emoji with no words.
 */
export function replyKind(v: TokenView, comment: Comment): ReplyKind {
  const words = v.norm.map((_t, i) => (v.type[i] === 'word' || v.type[i] === 'number' || v.type[i] === 'emoji' ? i : -1)).filter((i) => i >= 0);
  // A reaction is a GIF or an emoji with no words; a bare link is not one.
  if (words.length === 0) return comment.media.some((m) => !/^https?:/.test(m)) ? 'reaction' : 'empty';
  if (words.length > 12) return 'content';
  const cues = sharedCues();
  const used = new Set<number>();
  const mark = (hits: { start: number; end: number }[]): number => {
    let n = 0;
    for (const h of hits) for (let i = h.start; i <= h.end; i++) if (!used.has(i)) { used.add(i); n++; }
    return n;
  };
  const disagree = mark(findPhrases(v, cues.disagree));
  const agree = mark(findPhrases(v, cues.agree));
  mark(findPhrases(v, cues.filler));
  if (words.some((i) => !used.has(i))) return 'content';
  if (disagree > 0 && agree === 0) return 'disagree';
  return agree > 0 ? 'agree' : 'content';
}

/** A reply that only agrees takes its parent's unambiguous stance, at lower confidence; one that only disagrees takes the opposite. */
export function inherit(kind: ReplyKind, parent: Draft | undefined, parentLabel: string): Draft | undefined {
  if (!parent || (parent.stance !== 'support' && parent.stance !== 'oppose') || parent.confidence < 0.5) return undefined;
  const flip = kind === 'disagree';
  const stance = flip ? (parent.stance === 'support' ? 'oppose' : 'support') : parent.stance;
  const confidence = round(parent.confidence * 0.6);
  return {
    stance,
    score: round((flip ? -parent.score : parent.score) * 0.6),
    confidence,
    evidence: `${flip ? 'disagrees with' : kind === 'reaction' ? 'reacts to' : 'agrees with'} ${parentLabel}, which was ${parent.stance}: ${parent.evidence}`,
    conflict: false,
    sarcasm: false,
    mentionOnly: false,
  };
}

/** The first event word in the comment, if any ("attack", "unexpected"). */
export function eventWord(v: TokenView): string | undefined {
  const hit = findPhrases(v, sharedCues().event)[0];
  return hit ? v.value.slice(hit.start, hit.end + 1).join(' ') : undefined;
}

/**
 * Resolves a draft with the thread's topic: a named actor or an event word addresses a claim the
 * opening post makes. A bare mention of a claim off the topic takes the claim file's reading of one
 * (on_mention), if it has one.
 */
export function withTopic(d: Draft, onTopic: boolean, event: string | undefined, sentence: string, onMention?: MentionReading): Draft {
  if (d.stance !== 'none') return d;
  if (d.mentionOnly && onTopic) {
    return { ...d, stance: 'neutral', confidence: 0.4, evidence: `${d.evidence}; the opening post makes this claim` };
  }
  if (!d.mentionOnly && onTopic && event) {
    return { ...d, stance: 'neutral', confidence: 0.3, evidence: `${quote(sentence)} [addresses the event ("${event}") without naming an actor; the opening post makes this claim]` };
  }
  if (d.mentionOnly && onMention) {
    // Named only in someone else's words ("Moscow accused Ukraine of ...", "the Ukraine theory"): the claim is addressed, not taken.
    const reading = d.mentionInOthersWords ? 'neutral' : onMention;
    const sign = reading === 'support' ? 1 : reading === 'oppose' ? -1 : 0;
    const why = d.mentionInOthersWords ? "named in someone else's words" : 'how the claim file reads a bare mention (on_mention)';
    return { ...d, stance: reading, score: round(sign * MENTION_CONFIDENCE), confidence: MENTION_CONFIDENCE, evidence: `${d.evidence}; read as ${reading}, ${why}`, mentionOnly: false };
  }
  return { ...d, mentionOnly: false };
}

/** A bare mention read by the claim file's on_mention: below the review threshold, so every such row is flagged. */
const MENTION_CONFIDENCE = 0.35;
