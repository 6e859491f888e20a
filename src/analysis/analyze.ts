/** The analysis stage: each comment of a thread → sentiment and a judgement per claim, with thread context. */
import type { AnalyzedComment, Comment, Judgement, Thread } from '../types.js';
import { view } from './nlp.js';
import { activate, type CompiledClaims } from './compile.js';
import { readComment } from './stance.js';
import { aggregate, none, type Draft } from './aggregate.js';
import { sentimentOf } from './sentiment.js';
import { replyKind, inherit, eventWord, withTopic } from './context.js';
import { sharedCues } from './cues.js';
import { rootDraft, contentWords } from './root.js';
import { RecentMap } from '../recent.js';
import { flagOf } from './flag.js';

/** Statuses whose comments have no text of their author's to score (a `dead` Hacker News comment keeps its text). */
export const UNSCORED = new Set(['deleted', 'removed', 'more', 'empty', 'action']);

/**
 * Longest text read, in characters. wink's document and the token view take about 150 bytes per
 * character while a comment is read (one of 5 MB peaked at 800 MB), so a longer text (a book pasted as
 * one comment) is read up to the last space before this length and flagged for review; its whole text
 * stays in the output. Platforms cap comments far below it (Reddit at 10,000 characters, Discourse at
 * 32,000 by default).
 */
export const MAX_READ_CHARS = 200_000;

/** The part of `text` that is read: all of it, or up to the last space before MAX_READ_CHARS. */
export function readPart(text: string): string {
  if (text.length <= MAX_READ_CHARS) return text;
  const space = text.lastIndexOf(' ', MAX_READ_CHARS);
  let end = space > MAX_READ_CHARS / 2 ? space : MAX_READ_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // not between the halves of a surrogate pair
  return text.slice(0, end);
}

/** What the analysis needs to know of a comment's thread. */
export interface ThreadContext {
  title: string;
  format: string;
  /** No reply structure: the previous comment stands in for the parent. */
  flat: boolean;
}

/**
 * Comments kept for their replies' context (their judgements, by id), over all threads of a run. A
 * reply to an older comment is judged without its parent's stance, as if the parent were not in the
 * input (the opening post of each thread is always kept); so memory stays flat on a dump of millions
 * of comments.
 */
export const PARENT_CACHE = 10000;

/** A comment's judgements kept for its replies. */
interface ParentEntry {
  index: number;
  /** Only decisive judgements (support, oppose): no rule reads a parent's other ones. */
  drafts: ReadonlyMap<string, Draft>;
}

const NO_DRAFTS: ReadonlyMap<string, Draft> = new Map();

/** What a reply can take from its parent: the support and oppose judgements (most comments have none, and share one empty map). */
function decisive(own: Map<string, Draft>): ReadonlyMap<string, Draft> {
  let kept: Map<string, Draft> | undefined;
  for (const [id, d] of own) if (d.stance === 'support' || d.stance === 'oppose') (kept ??= new Map()).set(id, d);
  return kept ?? NO_DRAFTS;
}

/** The judgements of the most recent comments, oldest dropped first once `limit` are kept. */
export class ParentCache {
  private readonly entries: RecentMap<string, ParentEntry>;
  private analyzers = 0;
  constructor(limit: number) {
    this.entries = new RecentMap(limit);
  }
  /** A key prefix of its own for each analyzer that shares the cache. */
  nextPrefix(): string {
    return String(this.analyzers++);
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
  get(key: string): ParentEntry | undefined {
    return this.entries.get(key);
  }
  set(key: string, entry: ParentEntry): void {
    this.entries.set(key, entry);
  }
}

/** Analyzes every comment of the thread in order; returns new values, touches no files. */
export function analyzeThread(thread: Thread, cc: CompiledClaims): AnalyzedComment[] {
  const analyzer = new ThreadAnalyzer(thread, cc);
  return thread.comments.map((c) => analyzer.next(c));
}

/**
 * Analyzes one thread's comments one at a time, in thread order, keeping only the context replies
 * need: the opening post (root), the topic it sets, and the judgements of recent comments (PARENT_CACHE).
 */
export class ThreadAnalyzer {
  private readonly prefix: string;
  private readonly strong: Set<string>;
  private readonly titleTopic: Set<string> | undefined;
  private readonly rootClaims: boolean;
  private topic: Set<string> | undefined;
  private root: { id: string } | undefined;
  /** The opening post's judgements, kept however far back it is. */
  private rootEntry: ParentEntry | undefined;
  private rootWords = new Set<string>();
  private previous: string | undefined;
  private position = 0;

  /** `cache` may be shared by the analyzers of many threads (a dump): then PARENT_CACHE bounds them all together. */
  constructor(
    private readonly thread: ThreadContext,
    private readonly cc: CompiledClaims,
    private readonly cache: ParentCache = new ParentCache(PARENT_CACHE),
  ) {
    this.prefix = `${cache.nextPrefix()}\u0000`;
    activate(cc);
    this.strong = strongTexts();
    this.titleTopic = thread.title && thread.format !== 'pasted' ? topicOf(thread.title, cc) : undefined;
    this.rootClaims = cc.claims.some((c) => c.claim.kind === 'root');
  }

  /** The next comment of the thread: its sentiment, a judgement per claim, and whether to review it. */
  next(comment: Comment): AnalyzedComment {
    activate(this.cc);
    const position = this.position++;
    // The root: the thread's first comment whose parent is not among the comments read before it.
    const isRoot = !this.root && (comment.parentId === '' || !this.cache.has(this.prefix + comment.parentId));
    if (isRoot) {
      this.root = { id: comment.id };
      if (this.rootClaims) this.rootWords = contentWords(view(readPart(comment.body)));
    }
    const parentEntry = comment.parentId ? (comment.parentId === this.root?.id ? this.rootEntry : this.cache.get(this.prefix + comment.parentId)) : this.thread.flat && position > 0 ? this.previousEntry() : undefined;
    const result = this.judge(comment, position, isRoot, parentEntry);
    this.remember(comment, result.drafts);
    return result.analyzed;
  }

  private previousEntry(): ParentEntry | undefined {
    return this.previous === undefined ? undefined : this.cache.get(this.prefix + this.previous);
  }

  private remember(comment: Comment, own: Map<string, Draft>): void {
    const entry = { index: comment.index, drafts: decisive(own) };
    if (comment.id === this.root?.id && !this.rootEntry) this.rootEntry = entry;
    this.cache.set(this.prefix + comment.id, entry);
    this.previous = comment.id;
  }

  private judge(comment: Comment, position: number, isRoot: boolean, parentEntry: ParentEntry | undefined): { analyzed: AnalyzedComment; drafts: Map<string, Draft> } {
    const cc = this.cc;
    if (comment.status && UNSCORED.has(comment.status)) {
      // Deleted, removed and empty comments and `more` stubs keep their row for the thread's structure, unscored.
      const { mentionOnly: _m, ...blank } = none();
      const stances = new Map<string, Judgement>(cc.claims.map((c) => [c.claim.id, { ...blank, evidence: `not scored: ${comment.status}` }]));
      const drafts = new Map(cc.claims.map((c) => [c.claim.id, none()]));
      return { analyzed: { comment, sentiment: { score: 0, label: 'neutral' }, sarcasm: [], stances, needsReview: false, reviewReason: '' }, drafts };
    }
    const body = readPart(comment.body);
    const v = view(body);
    const mediaSarcasm = comment.media.filter((m) => this.strong.has(m)).length;
    const reading = readComment(v, cc, mediaSarcasm, /[a-z]/.test(comment.body));
    const own = new Map<string, Draft>();
    for (const c of cc.claims) own.set(c.claim.id, aggregate(reading.findings.filter((f) => f.claim === c.claim.id)));
    const quoted = comment.quoted.length > 0 ? quoteDrafts(comment.quoted.join('\n'), cc) : undefined;
    // The topic: claims the opening post (or --title) asserts. Naming an actor, or relaying someone's claim, is not asserting it.
    if (position === 0) this.topic = this.titleTopic ?? new Set([...own].filter(([, d]) => d.stance === 'support').map(([id]) => id));
    const kind = replyKind(v, comment);
    const parentLabel = parentEntry ? `comment ${parentEntry.index}` : '';
    const event = eventWord(v);
    const stances = new Map<string, Judgement>();
    for (const c of cc.claims) {
      const id = c.claim.id;
      let d = own.get(id)!;
      if (c.claim.kind === 'root') {
        const repliesToRoot = !isRoot && (comment.parentId === '' || comment.parentId === this.root?.id);
        d = rootDraft(v, comment, { isRoot, repliesToRoot, rootWords: this.rootWords, parent: parentEntry?.drafts.get(id), parentLabel, kind });
      } else if (quoted && (kind === 'agree' || kind === 'disagree' || kind === 'reaction')) {
        // What the comment does with its quote: "> …\n\nExactly." endorses it, "Nope" rebuts it.
        d = inherit(kind, quoted.get(id), 'the quoted text') ?? none();
      } else if (quoted && d.stance === 'none' && reading.ridicules) {
        d = ridicule(quoted.get(id)) ?? d;
      } else if (kind === 'agree' || kind === 'disagree' || kind === 'reaction') {
        d = (parentEntry && inherit(kind, parentEntry.drafts.get(id), parentLabel)) ?? none();
      } else {
        // The opening post sets the topic, so it is on it only when a --title set it.
        const onTopic = (position > 0 || this.titleTopic !== undefined) && (this.topic?.has(id) ?? false);
        d = withTopic(d, onTopic, event, v.sentenceText[0] ?? '', c.claim.onMention);
      }
      own.set(id, d);
      const { mentionOnly: _m, ...judgement } = d;
      stances.set(id, judgement);
    }
    const cut = body.length < comment.body.length ? `text cut: only its first ${body.length.toLocaleString('en-US')} of ${comment.body.length.toLocaleString('en-US')} characters were read` : undefined;
    return { analyzed: { comment, sentiment: sentimentOf(v), sarcasm: reading.irony, stances, ...review(stances, cut) }, drafts: own };
  }
}

let strong: { list: readonly unknown[]; texts: Set<string> } | undefined;

/** The texts of the strong sarcasm cues (for emoji kept out of a comment's text), one set for every thread. */
function strongTexts(): Set<string> {
  const list = sharedCues().sarcasmStrong;
  if (strong?.list !== list) strong = { list, texts: new Set(list.map((p) => p.text)) };
  return strong.texts;
}

/** Judgements of quoted text, as if it were a comment of its own. */
function quoteDrafts(text: string, cc: CompiledClaims): Map<string, Draft> {
  const reading = readComment(view(readPart(text)), cc, 0, true);
  return new Map(cc.claims.map((c) => [c.claim.id, aggregate(reading.findings.filter((f) => f.claim === c.claim.id))]));
}

/** A comment that only mocks or dismisses what it quotes opposes what the quote supports. */
function ridicule(quote: Draft | undefined): Draft | undefined {
  if (!quote || quote.stance !== 'support') return undefined;
  return { ...quote, stance: 'oppose', score: -Math.abs(quote.score) * 0.6, confidence: Math.round(quote.confidence * 60) / 100, evidence: `ridicules the quoted text, which was support: ${quote.evidence}`, sarcasm: true };
}

/** Claims the thread's title asserts, for inputs whose title is given with --title. */
function topicOf(title: string, cc: CompiledClaims): Set<string> {
  const v = view(readPart(title));
  const findings = readComment(v, cc, 0, true).findings;
  return new Set(cc.claims.map((c) => c.claim.id).filter((id) => aggregate(findings.filter((f) => f.claim === id)).stance === 'support'));
}

/** Whether a person should check the row, and why; `cut` says that only part of the text was read. */
function review(stances: Map<string, Judgement>, cut?: string): { needsReview: boolean; reviewReason: string } {
  const reasons: string[] = cut ? [cut] : [];
  for (const [id, j] of stances) {
    const why = flagOf(j);
    if (why !== undefined) reasons.push(`${id}: ${why}`);
  }
  return { needsReview: reasons.length > 0, reviewReason: reasons.join('; ') };
}
