/**
 * A worker's rendered rows for one message, packed: one string of all their texts and typed arrays
 * for the rest. The main thread turns them back into one Rendered per comment as it writes them. Sent
 * one object per comment instead (a text, a stances array of strings, a wrapper), they cost the main
 * thread's garbage collector more than anything else it does with two workers, and the main thread
 * shares the cores with them.
 */
import { STANCES, type Stance } from '../types.js';
import type { Rendered } from '../output/rows.js';

export interface PackedRows {
  /** The rows' texts one after another; row k ends at ends[k]. */
  text: string;
  ends: Uint32Array;
  /** Row k's stance toward claim c is STANCES[stances[k × claims + c] & 3], flagged for review when bit FLAGGED is set. */
  stances: Uint8Array;
  claims: number;
  /** 1 where the row needs review. */
  review: Uint8Array;
}

const STANCE_CODE = new Map<Stance, number>(STANCES.map((s, i) => [s, i]));
/** The bit of a stance code that says the judgement is flagged for review. */
const FLAGGED = 4;

/** Packs a message's rendered rows, each with its stance toward `claims` claims. */
export function packRows(rows: readonly Rendered[], claims: number): PackedRows {
  const n = rows.length;
  const ends = new Uint32Array(n);
  const stances = new Uint8Array(n * claims);
  const review = new Uint8Array(n);
  let end = 0;
  rows.forEach((rendered, k) => {
    end += rendered.text.length;
    ends[k] = end;
    for (let c = 0; c < claims; c++) stances[k * claims + c] = STANCE_CODE.get(rendered.stances[c]!)! | (rendered.flagged[c] ? FLAGGED : 0);
    review[k] = rendered.needsReview ? 1 : 0;
  });
  return { text: rows.map((r) => r.text).join(''), ends, stances, claims, review };
}

/** How many rows a packed message holds. */
export function packedCount(p: PackedRows): number {
  return p.ends.length;
}

/** Row k of a packed message. */
export function packedRow(p: PackedRows, k: number): Rendered {
  const stances: Stance[] = [];
  const flagged: boolean[] = [];
  for (let c = 0; c < p.claims; c++) {
    const code = p.stances[k * p.claims + c]!;
    stances.push(STANCES[code & (FLAGGED - 1)]!);
    flagged.push((code & FLAGGED) !== 0);
  }
  return { text: p.text.slice(k === 0 ? 0 : p.ends[k - 1]!, p.ends[k]!), stances, flagged, needsReview: p.review[k] === 1 };
}
