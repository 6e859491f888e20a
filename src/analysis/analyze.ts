/** The analysis stage: each comment of a thread → sentiment and a judgement per claim, with thread context. */
import type { AnalyzedComment, Judgement, Thread } from '../types.js';
import { view } from './nlp.js';
import { activate, type CompiledClaims } from './compile.js';
import { readComment } from './stance.js';
import { aggregate, none, type Draft } from './aggregate.js';
import { sentimentOf } from './sentiment.js';
import { replyKind, inherit, eventWord, withTopic } from './context.js';
import { sharedCues } from './cues.js';
import { rootDraft, contentWords } from './root.js';

/** Statuses whose comments have no text of their author's to score (a `dead` Hacker News comment keeps its text). */
export const UNSCORED = new Set(['deleted', 'removed', 'more', 'empty', 'action']);

/** Below this confidence a stance other than `none` is flagged for review. */
export const REVIEW_BELOW = 0.5;

/** Analyzes every comment of the thread in order; returns new values, touches no files. */
export function analyzeThread(thread: Thread, cc: CompiledClaims): AnalyzedComment[] {
  activate(cc);
  const strong = new Set(sharedCues().sarcasmStrong.map((p) => p.text));
  const drafts = new Map<string, Map<string, Draft>>();
  const byId = new Map(thread.comments.map((c) => [c.id, c]));
  const results: AnalyzedComment[] = [];
  let topic: Set<string> | undefined;
  const titleTopic = thread.title && thread.format !== 'pasted' ? topicOf(thread.title, cc) : undefined;
  const root = thread.comments.find((c) => c.parentId === '' || !byId.has(c.parentId));
  const rootClaims = cc.claims.filter((c) => c.claim.kind === 'root');
  const rootWords = rootClaims.length > 0 && root ? contentWords(view(root.body)) : new Set<string>();

  thread.comments.forEach((comment, position) => {
    if (comment.status && UNSCORED.has(comment.status)) {
      // Deleted, removed and empty comments and `more` stubs keep their row for the thread's structure, unscored.
      const { mentionOnly: _m, ...blank } = none();
      const stances = new Map<string, Judgement>(cc.claims.map((c) => [c.claim.id, { ...blank, evidence: `not scored: ${comment.status}` }]));
      drafts.set(comment.id, new Map(cc.claims.map((c) => [c.claim.id, none()])));
      results.push({ comment, sentiment: { score: 0, label: 'neutral' }, sarcasm: [], stances, needsReview: false, reviewReason: '' });
      return;
    }
    const v = view(comment.body);
    const mediaSarcasm = comment.media.filter((m) => strong.has(m)).length;
    const reading = readComment(v, cc, mediaSarcasm, /[a-z]/.test(comment.body));
    const own = new Map<string, Draft>();
    for (const c of cc.claims) own.set(c.claim.id, aggregate(reading.findings.filter((f) => f.claim === c.claim.id)));
    const quoted = comment.quoted.length > 0 ? quoteDrafts(comment.quoted.join('\n'), cc) : undefined;
    // The topic: claims the opening post (or --title) asserts. Naming an actor, or relaying someone's claim, is not asserting it.
    if (position === 0) topic = titleTopic ?? new Set([...own].filter(([, d]) => d.stance === 'support').map(([id]) => id));
    const kind = replyKind(v, comment);
    const parent = comment.parentId ? byId.get(comment.parentId) : thread.flat && position > 0 ? thread.comments[position - 1] : undefined;
    const parentLabel = parent ? `comment ${parent.index}` : '';
    const event = eventWord(v);
    const stances = new Map<string, Judgement>();
    for (const c of cc.claims) {
      const id = c.claim.id;
      let d = own.get(id)!;
      if (c.claim.kind === 'root') {
        const repliesToRoot = comment !== root && (comment.parentId === '' || comment.parentId === root?.id);
        d = rootDraft(v, comment, { isRoot: comment === root, repliesToRoot, rootWords, parent: parent && drafts.get(parent.id)?.get(id), parentLabel, kind });
      } else if (quoted && (kind === 'agree' || kind === 'disagree' || kind === 'reaction')) {
        // What the comment does with its quote: "> …\n\nExactly." endorses it, "Nope" rebuts it.
        d = inherit(kind, quoted.get(id), 'the quoted text') ?? none();
      } else if (quoted && d.stance === 'none' && reading.ridicules) {
        d = ridicule(quoted.get(id)) ?? d;
      } else if (kind === 'agree' || kind === 'disagree' || kind === 'reaction') {
        d = (parent && inherit(kind, drafts.get(parent.id)?.get(id), parentLabel)) ?? none();
      } else if (position > 0 || titleTopic) {
        d = withTopic(d, topic?.has(id) ?? false, event, v.sentenceText[0] ?? '');
      } else if (d.mentionOnly) {
        d = { ...d, stance: 'neutral', confidence: 0.4 };
      }
      own.set(id, d);
      const { mentionOnly: _m, ...judgement } = d;
      stances.set(id, judgement);
    }
    drafts.set(comment.id, own);
    results.push({ comment, sentiment: sentimentOf(v), sarcasm: reading.irony, stances, ...review(stances) });
  });
  return results;
}

/** Judgements of quoted text, as if it were a comment of its own. */
function quoteDrafts(text: string, cc: CompiledClaims): Map<string, Draft> {
  const reading = readComment(view(text), cc, 0, true);
  return new Map(cc.claims.map((c) => [c.claim.id, aggregate(reading.findings.filter((f) => f.claim === c.claim.id))]));
}

/** A comment that only mocks or dismisses what it quotes opposes what the quote supports. */
function ridicule(quote: Draft | undefined): Draft | undefined {
  if (!quote || quote.stance !== 'support') return undefined;
  return { ...quote, stance: 'oppose', score: -Math.abs(quote.score) * 0.6, confidence: Math.round(quote.confidence * 60) / 100, evidence: `ridicules the quoted text, which was support: ${quote.evidence}`, sarcasm: true };
}

/** Claims the thread's title asserts, for inputs whose title is given with --title. */
function topicOf(title: string, cc: CompiledClaims): Set<string> {
  const v = view(title);
  const findings = readComment(v, cc, 0, true).findings;
  return new Set(cc.claims.map((c) => c.claim.id).filter((id) => aggregate(findings.filter((f) => f.claim === id)).stance === 'support'));
}

function review(stances: Map<string, Judgement>): { needsReview: boolean; reviewReason: string } {
  const reasons: string[] = [];
  for (const [id, j] of stances) {
    if (j.conflict) reasons.push(`${id}: sentences disagree`);
    else if (j.sarcasm && j.stance !== 'none') reasons.push(`${id}: read as sarcasm`);
    else if (j.stance !== 'none' && j.confidence < REVIEW_BELOW) reasons.push(`${id}: low confidence ${j.confidence}`);
  }
  return { needsReview: reasons.length > 0, reviewReason: reasons.join('; ') };
}
