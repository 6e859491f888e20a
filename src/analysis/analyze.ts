/** The analysis stage: each comment of a thread → sentiment and a judgement per claim, with thread context. */
import type { AnalyzedComment, Judgement, Thread } from '../types.js';
import { view } from './nlp.js';
import { activate, type CompiledClaims } from './compile.js';
import { findingsOf } from './stance.js';
import { aggregate, none, type Draft } from './aggregate.js';
import { sentimentOf } from './sentiment.js';
import { replyKind, inherit, eventWord, withTopic } from './context.js';
import { sharedCues } from './cues.js';
import { rootDraft, contentWords } from './root.js';

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
    const v = view(comment.body);
    const mediaSarcasm = comment.media.filter((m) => strong.has(m)).length;
    const findings = findingsOf(v, cc, mediaSarcasm, /[a-z]/.test(comment.body));
    const own = new Map<string, Draft>();
    for (const c of cc.claims) own.set(c.claim.id, aggregate(findings.filter((f) => f.claim === c.claim.id)));
    if (position === 0) topic = titleTopic ?? new Set([...own].filter(([, d]) => d.stance !== 'none' || d.mentionOnly).map(([id]) => id));
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
    results.push({ comment, sentiment: sentimentOf(v.docSentiment), stances, ...review(stances) });
  });
  return results;
}

/** Claims the thread's title addresses, for inputs whose title is given with --title. */
function topicOf(title: string, cc: CompiledClaims): Set<string> {
  const v = view(title);
  const findings = findingsOf(v, cc, 0, true);
  return new Set(findings.map((f) => f.claim));
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
