/** Input bytes → text: byte-order marks, UTF-16, Latin-1 and Windows-1252, binary data, invalid UTF-8. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeInput, decodeWindows1252 } from '../src/input/decode.js';
import { parseReviewedCsv } from '../src/output/reviewed.js';
import { ThreadstanceError } from '../src/errors.js';

const fails = (bytes: Uint8Array, code: string, fragment: string, encoding?: Parameters<typeof decodeInput>[2]): void => {
  assert.throws(() => decodeInput(bytes, 'f.csv', encoding), (err: unknown) => err instanceof ThreadstanceError && err.code === code && err.message.includes(fragment));
};

test('UTF-8 with and without a byte-order mark; UTF-16 LE and BE by their byte-order mark', () => {
  const text = 'id,text\n1,“Ça” — 🕯️\n';
  assert.equal(decodeInput(Buffer.from(text), 'f.csv'), text);
  assert.equal(decodeInput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'f.csv'), text);
  assert.equal(decodeInput(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'f.csv'), text);
  assert.equal(decodeInput(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'f.csv'), text);
  assert.equal(decodeInput(Buffer.from(text, 'utf16le'), 'f.csv', 'utf-16le'), text);
});

test('Windows-1252 maps 0x80–0x9F to its characters (Node 20\'s own decoder gives Latin-1 there); latin1 does not', () => {
  const bytes = Buffer.from([0x93, 0x41, 0x94, 0x20, 0x80, 0x85, 0x96, 0x81, 0xe9]);
  assert.equal(decodeWindows1252(bytes), '“A” €…–\x81é');
  assert.equal(decodeInput(bytes, 'f.csv', 'windows-1252'), '“A” €…–\x81é');
  assert.equal(decodeInput(bytes, 'f.csv', 'latin1'), '\x93A\x94 \x80\x85\x96\x81é');
  const reviewed = parseReviewedCsv(Buffer.from([...Buffer.from('thread;id;review_note\nt;1;'), 0x93, 0x6f, 0x6b, 0x94]), 'r.csv');
  assert.equal(reviewed.rows[0]!.review_note, '“ok”');
});

test('invalid UTF-8 names the first bad byte and the --encoding values; invalid UTF-16 is refused', () => {
  fails(Buffer.from([0x61, 0x62, 0xe9, 0x20]), 'INPUT_ENCODING', 'first bad byte at offset 2); save the file as UTF-8, or name its encoding with --encoding latin1');
  fails(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]), 'INPUT_ENCODING', 'not valid UTF-16LE');
});

test('binary data is refused, named by its first bytes or by its control characters; a few NUL bytes are text', () => {
  fails(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'INPUT_BINARY', 'a ZIP archive (an Excel .xlsx');
  fails(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0]), 'INPUT_BINARY', 'zstd-compressed data');
  fails(Buffer.from('%PDF-1.7\n'), 'INPUT_BINARY', 'a PDF document');
  fails(Buffer.alloc(200, 1), 'INPUT_BINARY', '100% of its first 200 bytes are control characters (the first at byte offset 0)');
  fails(Buffer.from('a\u0000b\u0000c\u0000'.repeat(10), 'latin1'), 'INPUT_BINARY', 'If it is UTF-16 text without a byte-order mark');
  const damaged = 'id,text\n' + '1,a comment with a NUL\u0000 in it\n'.repeat(10);
  assert.equal(decodeInput(Buffer.from(damaged), 'f.csv'), damaged);
});
