/** Reads a claim file (YAML or JSON) and checks it field by field; errors name the file, the claim and the field. */
import { parseYaml, yamlErrorLine } from '../yaml.js';
import { ThreadstanceError } from '../errors.js';

/** attribution: blames named actors; root: whatever the thread's opening post asserts. */
export type ClaimKind = 'attribution' | 'root';
export type SourcePosition = 'makes' | 'reports' | 'rejects';

export interface ClaimSource {
  file: string;
  position: SourcePosition;
  note: string;
}

/** A checked claim, still as data (phrases are compiled by the analysis). */
export interface Claim {
  id: string;
  statement: string;
  kind: ClaimKind;
  actors: string[];
  cues: string[];
  denials: string[];
  phrases: { support: string[]; oppose: string[] };
  /**
   * True when the community studied mostly voices the claim to mock it (the Kremlin's line on a
   * Western forum): one weak irony cue ("clearly", "of course") then reads an assertion as sarcasm.
   */
  mocked: boolean;
  /**
   * How to read a comment that names one of the claim's actors and says nothing the rules can read
   * about it (no cue, no phrase, no denial): undefined leaves it `none`. Measured, not assumed: on
   * threads about the Crocus attack a bare "ISIS" mostly takes the group's responsibility as given,
   * and a bare "Ukraine" mostly answers the Kremlin's line. The judgement is marked as such and has a
   * confidence low enough to be flagged for review.
   */
  onMention?: MentionReading;
  sources: ClaimSource[];
}

export type MentionReading = 'support' | 'oppose' | 'neutral';
const MENTION_READINGS: readonly MentionReading[] = ['support', 'oppose', 'neutral'];

export interface ClaimSet {
  file: string;
  topic: string;
  claims: Claim[];
}

/** The built-in claim `root`: each reply's stance toward what the thread's opening post asserts. */
export const ROOT_CLAIM: Claim = {
  id: 'root',
  statement: "Whatever the thread's opening post (its first record without a parent) asserts.",
  kind: 'root',
  actors: [],
  cues: [],
  denials: [],
  phrases: { support: [], oppose: [] },
  mocked: false,
  sources: [],
};

/**
 * The claims named by `--claim` (comma-separated ids), in that order: ids of the claim file, or
 * `root`, which is always available. No selection keeps every claim of the file.
 */
export function selectClaims(set: ClaimSet, selection: string | undefined): ClaimSet {
  if (selection === undefined) return set;
  const ids = selection.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const claims = ids.map((id) => {
    const claim = set.claims.find((c) => c.id === id) ?? (id === ROOT_CLAIM.id ? ROOT_CLAIM : undefined);
    if (!claim) {
      throw new ThreadstanceError('USAGE_CLAIM', `--claim names "${id}", which is not a claim of ${set.file}; expected one of ${[...set.claims.map((c) => c.id), ROOT_CLAIM.id].join(', ')}`, { file: set.file });
    }
    return claim;
  });
  if (claims.length === 0) throw new ThreadstanceError('USAGE_CLAIM', '--claim names no claim; expected ids separated by commas, e.g. "root" or "isis,ukraine"', {});
  return { ...set, claims: [...new Map(claims.map((c) => [c.id, c])).values()] };
}

const TOP_KEYS = ['version', 'topic', 'claims'];
const CLAIM_KEYS = ['id', 'statement', 'kind', 'actors', 'cues', 'denials', 'phrases', 'mocked', 'on_mention', 'sources'];
const POSITIONS: readonly SourcePosition[] = ['makes', 'reports', 'rejects'];
const ID = /^[a-z][a-z0-9_]{0,39}$/;

/** Parses and validates claim-file text; `file` is used in error messages only. */
export function parseClaims(text: string, file: string): ClaimSet {
  let raw: unknown;
  try {
    raw = parseYaml(text); // YAML is a superset of JSON, so .json claim files read the same way
  } catch (err) {
    const line = yamlErrorLine(err);
    throw new ThreadstanceError('CLAIMS_SYNTAX', `not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`, { file, line });
  }
  const top = record(raw, { file }, 'a mapping with keys version, topic, claims');
  unknownKeys(top, TOP_KEYS, { file });
  if (top.version !== undefined && top.version !== 1) {
    throw new ThreadstanceError('CLAIMS_VERSION', `version is ${JSON.stringify(top.version)}; this threadstance reads version 1`, { file, field: 'version' });
  }
  const topic = top.topic === undefined ? '' : text1(top.topic, { file, field: 'topic' });
  if (!Array.isArray(top.claims) || top.claims.length === 0) {
    throw new ThreadstanceError('CLAIMS_EMPTY', 'expected "claims": a non-empty list of claims', { file, field: 'claims' });
  }
  const claims: Claim[] = [];
  top.claims.forEach((entry: unknown, i: number) => {
    const claim = parseClaim(entry, file, i);
    if (claims.some((c) => c.id === claim.id)) {
      throw new ThreadstanceError('CLAIMS_DUPLICATE_ID', `claim id "${claim.id}" appears twice; ids must be unique`, { file, claim: claim.id, field: 'id' });
    }
    claims.push(claim);
  });
  checkColumnNames(claims, file);
  return { file, topic, claims };
}

/** Column names the review CSV uses besides the per-claim ones (see src/output/columns.ts). */
const FIXED_COLUMNS = ['thread', 'index', 'id', 'parent_id', 'author', 'likes', 'text', 'media', 'quoted_text', 'status', 'sarcasm', 'sentiment', 'sentiment_label', 'needs_review', 'review_reason', 'review_note', 'review_text_changed', 'created_at', 'depth', 'url'];

/** Two claims must not produce the same CSV column (ids "review" and "stance" would both make review_stance). */
function checkColumnNames(claims: Claim[], file: string): void {
  const owner = new Map<string, string>(FIXED_COLUMNS.map((c) => [c, 'threadstance']));
  for (const { id, kind } of claims) {
    const detail = kind === 'root' ? [`${id}_detail`] : [];
    for (const column of [`${id}_stance`, `${id}_score`, `${id}_confidence`, `${id}_evidence`, ...detail, `review_${id}`]) {
      const other = owner.get(column);
      if (other !== undefined) {
        throw new ThreadstanceError('CLAIMS_COLUMN_CLASH', `id "${id}" makes the column "${column}", which ${other === 'threadstance' ? 'threadstance uses itself' : `claim "${other}" makes too`}; rename one of the claims`, { file, claim: id, field: 'id' });
      }
      owner.set(column, id);
    }
  }
}

function parseClaim(entry: unknown, file: string, i: number): Claim {
  const where = { file, claim: `#${i + 1}` };
  const c = record(entry, where, 'a mapping with id, statement, actors');
  const id = text1(c.id, { ...where, field: 'id' });
  if (!ID.test(id)) {
    throw new ThreadstanceError('CLAIMS_BAD_ID', `id "${id}" must be lower-case letters, digits and _ (starting with a letter), as it names CSV columns`, { ...where, field: 'id' });
  }
  const at = { file, claim: id };
  unknownKeys(c, CLAIM_KEYS, at);
  const kind = c.kind === undefined ? 'attribution' : text1(c.kind, { ...at, field: 'kind' });
  if (kind !== 'attribution' && kind !== 'root') {
    throw new ThreadstanceError('CLAIMS_BAD_KIND', `kind "${kind}" is not known; expected "attribution" or "root"`, { ...at, field: 'kind' });
  }
  if (kind === 'root') {
    const extra = ['actors', 'cues', 'denials', 'phrases', 'on_mention'].find((k) => c[k] !== undefined);
    if (extra) throw new ThreadstanceError('CLAIMS_BAD_FIELD', `a claim of kind "root" takes its claim from the opening post and has no ${extra}`, { ...at, field: extra });
    return { ...ROOT_CLAIM, id, statement: text1(c.statement, { ...at, field: 'statement' }), sources: sources(c.sources ?? [], at) };
  }
  const phrases = c.phrases === undefined ? {} : record(c.phrases, { ...at, field: 'phrases' }, 'a mapping with support and oppose lists');
  unknownKeys(phrases, ['support', 'oppose'], { ...at, field: 'phrases' });
  return {
    id,
    statement: text1(c.statement, { ...at, field: 'statement' }),
    kind,
    actors: list(c.actors, { ...at, field: 'actors' }, false),
    cues: list(c.cues ?? [], { ...at, field: 'cues' }, true),
    denials: list(c.denials ?? [], { ...at, field: 'denials' }, true),
    phrases: {
      support: list(phrases.support ?? [], { ...at, field: 'phrases.support' }, true),
      oppose: list(phrases.oppose ?? [], { ...at, field: 'phrases.oppose' }, true),
    },
    mocked: flag(c.mocked, { ...at, field: 'mocked' }),
    ...(c.on_mention === undefined ? {} : { onMention: mentionReading(c.on_mention, { ...at, field: 'on_mention' }) }),
    sources: sources(c.sources ?? [], at),
  };
}

function mentionReading(value: unknown, where: Where): MentionReading {
  const reading = text1(value, where);
  if (!(MENTION_READINGS as readonly string[]).includes(reading)) {
    throw new ThreadstanceError('CLAIMS_BAD_FIELD', `"${reading}" is not one of ${MENTION_READINGS.join(', ')} (leave on_mention out to read a bare mention as none)`, where);
  }
  return reading as MentionReading;
}

function flag(value: unknown, where: Where): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new ThreadstanceError('CLAIMS_BAD_FIELD', `expected true or false, found ${describe(value)}`, where);
  return value;
}

function sources(value: unknown, at: { file: string; claim: string }): ClaimSource[] {
  if (!Array.isArray(value)) throw new ThreadstanceError('CLAIMS_BAD_FIELD', 'expected a list of {file, position, note}', { ...at, field: 'sources' });
  return value.map((s, i) => {
    const where = { ...at, field: `sources[${i}]` };
    const r = record(s, where, 'a mapping with file, position, note');
    unknownKeys(r, ['file', 'position', 'note'], where);
    const position = text1(r.position, { ...at, field: `sources[${i}].position` }) as SourcePosition;
    if (!POSITIONS.includes(position)) {
      throw new ThreadstanceError('CLAIMS_BAD_FIELD', `position "${position}" is not one of ${POSITIONS.join(', ')}`, { ...at, field: `sources[${i}].position` });
    }
    return { file: text1(r.file, { ...at, field: `sources[${i}].file` }), position, note: r.note === undefined ? '' : text1(r.note, { ...at, field: `sources[${i}].note` }) };
  });
}

type Where = { file: string; claim?: string; field?: string };

function record(value: unknown, where: Where, expected: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ThreadstanceError('CLAIMS_BAD_FIELD', `expected ${expected}, found ${describe(value)}`, where);
  }
  return value as Record<string, unknown>;
}

function text1(value: unknown, where: Where): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ThreadstanceError(value === undefined ? 'CLAIMS_MISSING_FIELD' : 'CLAIMS_BAD_FIELD', value === undefined ? 'is missing; expected a non-empty text' : `expected a non-empty text, found ${describe(value)}`, where);
  }
  return value.trim();
}

function list(value: unknown, where: Where, mayBeEmpty: boolean): string[] {
  if (value === undefined) throw new ThreadstanceError('CLAIMS_MISSING_FIELD', 'is missing; expected a list of texts', where);
  if (!Array.isArray(value)) throw new ThreadstanceError('CLAIMS_BAD_FIELD', `expected a list of texts, found ${describe(value)}`, where);
  if (!mayBeEmpty && value.length === 0) throw new ThreadstanceError('CLAIMS_EMPTY_LIST', 'is empty; expected at least one entry', where);
  const out = value.map((v, i) => text1(typeof v === 'number' ? String(v) : v, { ...where, field: `${where.field}[${i}]` }));
  const dup = out.find((v, i) => out.findIndex((w) => w.toLowerCase() === v.toLowerCase()) !== i);
  if (dup !== undefined) throw new ThreadstanceError('CLAIMS_DUPLICATE_ENTRY', `"${dup}" is listed twice`, where);
  return out;
}

function unknownKeys(obj: Record<string, unknown>, known: string[], where: Where): void {
  const extra = Object.keys(obj).filter((k) => !known.includes(k));
  if (extra.length > 0) {
    throw new ThreadstanceError('CLAIMS_UNKNOWN_KEY', `unknown key${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')}; expected only ${known.join(', ')}`, { ...where, field: where.field ? `${where.field}.${extra[0]}` : extra[0] });
  }
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
