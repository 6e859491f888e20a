/** The one wink-nlp instance of the process and a flat view of a document's tokens for the rules. */
import winkNLP, { type ItemSentence, type ItemCustomEntity } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Nlp = ReturnType<typeof winkNLP>;
let instance: Nlp | undefined;

/**
 * The pipeline steps threadstance reads: sentences, part of speech (for lemmas and the passive),
 * custom entities (aliases). wink's own negation, sentiment and named entities are left out: the
 * rules have their own (see stance.ts and sentiment.ts), and each step costs time per comment.
 */
const PIPE = ['sbd', 'pos', 'cer'];

/** The process-wide wink instance (built on first use: about 90 ms and 9 MB). */
export function nlp(): Nlp {
  instance ??= winkNLP(model, PIPE);
  return instance;
}

/** Token arrays of a document, indexed by token position, plus its sentence spans. */
export interface TokenView {
  /** Lower-case normal form, curly apostrophes made straight. */
  norm: string[];
  /** Lower-case value as written, curly apostrophes made straight. */
  lower: string[];
  lemma: string[];
  value: string[];
  pos: string[];
  type: string[];
  /** wink's stop-word flag ("the", "that", "have"). */
  stop: boolean[];
  /** Inclusive [start, end] token spans of sentences, after re-joining sentences a paste broke. */
  sentences: [number, number][];
  sentenceText: string[];
  /** Custom entities (aliases) as [start, end, entity type]. */
  entities: [number, number, string][];
}

/** Reads `text` with wink and returns the arrays the stance and sentiment rules work on. */
export function view(text: string): TokenView {
  const w = nlp();
  const its = w.its;
  const doc = w.readDoc(text);
  const tokens = doc.tokens();
  const value = tokens.out(its.value) as string[];
  const lower = value.map((t) => t.toLowerCase().replace(/[’‘]/g, "'"));
  const norm = (tokens.out(its.normal) as (string | undefined)[]).map((t, i) => (t ?? lower[i]!).replace(/[’‘]/g, "'"));
  // wink has no lemma for some tokens (seen on tweets): fall back to the normal form.
  const lemma = (tokens.out(its.lemma as unknown as typeof its.normal) as (string | undefined)[]).map((t, i) => (t ?? norm[i]!).toLowerCase().replace(/[’‘]/g, "'"));
  const pos = tokens.out(its.pos) as string[];
  const type = tokens.out(its.type) as string[];
  const stop = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const raw: { span: [number, number]; text: string }[] = [];
  doc.sentences().each((s: ItemSentence) => {
    raw.push({ span: s.out(its.span) as unknown as [number, number], text: s.out() });
  });
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const merged = splitLongSentences(mergeBrokenSentences(raw), value, spaces, type);
  const entities: [number, number, string][] = [];
  doc.customEntities().each((e: ItemCustomEntity) => {
    const span = e.out(its.span) as unknown as [number, number];
    entities.push([span[0], span[1], e.out(its.type) as string]);
  });
  return {
    norm,
    lower,
    lemma,
    value,
    pos,
    type,
    stop,
    sentences: merged.map((m) => m.span),
    sentenceText: merged.map((m) => m.text),
    entities,
  };
}

/**
 * A pasted thread loses quote markup, so "so worried about\n\nand declaring" reaches wink as two
 * sentences. A sentence without closing punctuation followed by one starting in lower case is one sentence.
 */
function mergeBrokenSentences(
  sentences: { span: [number, number]; text: string }[],
): { span: [number, number]; text: string }[] {
  const out: { span: [number, number]; text: string }[] = [];
  // The end of a merged sentence is the end of its last piece: test that, not the ever longer whole.
  let last = '';
  for (const s of sentences) {
    const prev = out[out.length - 1];
    if (prev && !/[.!?…:;"”)\]]\s*$/.test(last.slice(-200)) && /^\s*[a-z]/.test(s.text)) {
      out[out.length - 1] = {
        span: [prev.span[0], s.span[1]],
        text: `${prev.text} ${s.text}`,
      };
    } else out.push({ ...s });
    last = s.text;
  }
  return out;
}

/**
 * Longest sentence the rules read as one, in tokens. Real sentences stay far below it; a text
 * without full stops (a 5 MB comment, a list pasted without punctuation) would otherwise make every
 * cue in it look at every other word, and the run quadratic.
 */
export const MAX_SENTENCE_TOKENS = 250;

/** Cuts sentences longer than MAX_SENTENCE_TOKENS, after the last comma, semicolon or colon of each piece when there is one. */
function splitLongSentences(sentences: { span: [number, number]; text: string }[], value: string[], spaces: string[], type: string[]): { span: [number, number]; text: string }[] {
  const out: { span: [number, number]; text: string }[] = [];
  for (const s of sentences) {
    let [start, end] = s.span;
    if (end - start < MAX_SENTENCE_TOKENS) {
      out.push(s);
      continue;
    }
    while (start <= end) {
      let cut = Math.min(end, start + MAX_SENTENCE_TOKENS - 1);
      if (cut < end) {
        for (let i = cut; i > start + MAX_SENTENCE_TOKENS / 2; i--) {
          if (type[i] === 'punctuation' && /^[,;:]$/.test(value[i]!)) {
            cut = i;
            break;
          }
        }
      }
      let text = value[start]!;
      for (let i = start + 1; i <= cut; i++) text += spaces[i]! + value[i]!;
      out.push({ span: [start, cut], text });
      start = cut + 1;
    }
  }
  return out;
}
