/**
 * Input bytes → text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark
 * (Excel's "Unicode text"), or an encoding named with `--encoding`; binary files and invalid UTF-8
 * are errors that say where and what to do.
 */
import { ThreadstanceError } from '../errors.js';

/** Values of `--encoding`: `auto` reads UTF-8, or UTF-16 when the file starts with its byte-order mark. */
export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'latin1', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Bytes looked at to tell text from binary data. */
const SAMPLE = 65536;
/** Share of control characters (other than tab, line feed, form feed and carriage return) above which a file is binary. */
const BINARY_SHARE = 0.05;
/** ...and more than this many: a short text with a few stray NUL bytes is still text. */
const MIN_CONTROLS = 16;

/** File types a researcher may pass by mistake, by their first bytes. */
const MAGIC: { bytes: number[]; what: string; fix: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx or Word .docx file is one)', fix: 'save the sheet as "CSV UTF-8"' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (.xls or .doc)', fix: 'save the sheet as "CSV UTF-8"' },
  { bytes: [0x1f, 0x8b], what: 'gzip-compressed data', fix: 'decompress it first (gunzip)' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed data (Pushshift dumps are)', fix: 'decompress it first (zstd -d --long=31, which Pushshift dumps need), or keep it gzip-compressed, which threadstance reads' },
  { bytes: [0x42, 0x5a, 0x68], what: 'bzip2-compressed data', fix: 'decompress it first (bunzip2)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document', fix: "save the thread from the forum's JSON API or copy its text" },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', fix: "save the thread from the forum's JSON API or copy its text" },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', fix: "save the thread from the forum's JSON API or copy its text" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', fix: "save the thread from the forum's JSON API or copy its text" },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database', fix: 'export the comments as CSV or JSON Lines' },
];

/** Decodes an input file's bytes; `file` names it in errors. */
export function decodeInput(bytes: Uint8Array, file: string, encoding: Encoding = 'auto'): string {
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const chosen = encoding === 'auto' ? (bom16 ?? 'utf-8') : encoding;
  if (chosen !== 'utf-16le' && chosen !== 'utf-16be') checkNotBinary(bytes, file);
  if (chosen === 'latin1') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (chosen === 'windows-1252') return decodeWindows1252(bytes);
  try {
    // The decoder drops a byte-order mark of its own encoding.
    return new TextDecoder(chosen, { fatal: true }).decode(bytes);
  } catch {
    if (chosen !== 'utf-8') {
      throw new ThreadstanceError('INPUT_ENCODING', `not valid ${chosen.toUpperCase()} (an odd number of bytes, or half of a surrogate pair); check --encoding`, { file });
    }
    const offset = firstInvalidUtf8(bytes);
    throw new ThreadstanceError(
      'INPUT_ENCODING',
      `not valid UTF-8 (first bad byte at offset ${offset}); save the file as UTF-8, or name its encoding with --encoding latin1 or --encoding windows-1252 (Excel's "CSV (Comma delimited)")`,
      { file },
    );
  }
}

/** Refuses images, archives, office files and other data that is not text, naming what it looks like. */
export function checkNotBinary(bytes: Uint8Array, file: string): void {
  const magic = MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b));
  if (magic) throw new ThreadstanceError('INPUT_BINARY', `is ${magic.what}, not text; ${magic.fix}. Expected a comment thread as text (JSON, CSV or pasted text)`, { file });
  const n = Math.min(bytes.length, SAMPLE);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) {
      controls++;
      if (first < 0) first = i;
    }
  }
  // A few NUL bytes inside comments are text that a scraper damaged; this many is not text at all.
  if (controls > MIN_CONTROLS && controls >= n * BINARY_SHARE) {
    throw new ThreadstanceError(
      'INPUT_BINARY',
      `looks like binary data, not text: ${Math.round((100 * controls) / n)}% of its first ${n} bytes are control characters (the first at byte offset ${first}); expected a comment thread as text. If it is UTF-16 text without a byte-order mark, name it with --encoding utf-16le or utf-16be`,
      { file },
    );
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F (the rest is Latin-1); undefined bytes keep their C1 code. */
const CP1252 = '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/**
 * Decodes Windows-1252 (Excel's "CSV (Comma delimited)" on Western systems). Node 20's
 * TextDecoder('windows-1252') decodes Latin-1 instead, turning curly quotes and € into control codes.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
}

/** Byte offset of the first byte that is not valid UTF-8 (binary search over prefixes, each decoded afresh). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      // stream: true accepts a prefix that ends inside a character, and still rejects a bad byte.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  // The valid prefix may end inside a character whose next byte broke it: report that character's lead byte.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, lo));
    return lo;
  } catch {
    // fall through: the prefix ends in an incomplete character
  }
  let start = lo;
  while (start > 0 && start > lo - 4 && (bytes[start - 1]! & 0xc0) === 0x80) start--;
  return start > 0 && bytes[start - 1]! >= 0xc0 ? start - 1 : lo;
}
