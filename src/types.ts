/** Shapes shared by the pipeline stages: input → analysis → claims → output. */

/** A comment as an input adapter hands it to the analysis. */
export interface Comment {
  /** Position in thread order; 0 is the opening post. */
  index: number;
  id: string;
  /** Empty when the comment replies to nothing known. */
  parentId: string;
  author: string;
  likes: number | null;
  createdAt: string;
  /** The full original text, as the reader saw it. */
  text: string;
  /** The commenter's own words: what gets scored (media captions, shortcodes, URLs removed). */
  body: string;
  /** Reaction GIF captions, emoji shortcodes and links kept out of `body`. */
  media: string[];
  /** Text the comment quotes from another post or an article (kept out of `body`). */
  quoted: string[];
  /** Columns of the input that threadstance does not interpret; passed through untouched. */
  extra: Record<string, string>;
  /** 1-based line of the input where the comment starts. */
  line: number;
  /** Replies between this comment and the opening post (0 = opening post); absent when the input cannot tell. */
  depth?: number;
  /**
   * Why the row has no words of its own to score: `deleted`, `removed`, `dead` (Hacker News), `more`
   * (a stub for replies the platform did not send), `action` (a forum's "closed the topic" notice),
   * `empty`; absent for an ordinary comment.
   */
  status?: string;
  /** The comment's address on its platform, where the input gives one. */
  url?: string;
}

/** A record the adapter could not turn into a comment; reported, never dropped silently. */
export interface Skipped {
  file: string;
  line: number;
  reason: string;
  raw: string;
}

/** One thread read from one input file. */
export interface Thread {
  /** Value of the `thread` column: the input's base name without extension. */
  id: string;
  title: string;
  file: string;
  format: string;
  /** True when the input gives no reply structure, so order stands in for it. */
  flat: boolean;
  comments: Comment[];
  /** Names of passthrough columns, in input order. */
  extraColumns: string[];
  skipped: Skipped[];
}

export type Stance = 'support' | 'oppose' | 'neutral' | 'none';
export const STANCES: readonly Stance[] = ['support', 'oppose', 'neutral', 'none'];

/** A stance toward one claim with the evidence that decided it. */
export interface Judgement {
  stance: Stance;
  /** Signed strength in [-1, 1]: positive supports, negative opposes. */
  score: number;
  confidence: number;
  /** The sentence or phrase that decided it, with the rule that fired. */
  evidence: string;
  /** True when sentences of the comment point different ways. */
  conflict: boolean;
  sarcasm: boolean;
  /** Finer label where the claim kind has one: `query` for a reply that asks about the opening post's claim. */
  detail?: string;
}

export interface Sentiment {
  score: number;
  label: 'positive' | 'negative' | 'neutral';
}

/** A comment with everything the analysis found. */
export interface AnalyzedComment {
  comment: Comment;
  sentiment: Sentiment;
  /** The cues of ironic sentences ("all along", capitals, "!!!"); empty when none was read as ironic. */
  sarcasm: string[];
  /** Keyed by claim id, in claim-file order. */
  stances: Map<string, Judgement>;
  needsReview: boolean;
  reviewReason: string;
}
