/** A text too long to read whole (a book pasted as one comment) is read up to MAX_READ_CHARS and flagged; the rest of the run is as before. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_READ_CHARS, readPart } from '../src/analysis/analyze.js';
import { analyzeTexts } from './helpers.js';

test('readPart: a text up to the limit whole, a longer one up to its last space before the limit, never inside a surrogate pair', () => {
  assert.equal(MAX_READ_CHARS, 200_000);
  const short = 'ISIS claimed it. '.repeat(100);
  assert.equal(readPart(short), short);
  const long = 'word '.repeat(50_000); // 250,000 characters, a space every fifth
  assert.equal(readPart(long), long.slice(0, 199_999)); // the space at 199,999 ends it
  const unbroken = 'x'.repeat(199_999) + '😀' + 'x'.repeat(10);
  assert.equal(readPart(unbroken).length, 199_999, 'the emoji across the limit is left out whole');
  assert.equal(readPart('x'.repeat(250_000)).length, 200_000);
});

test('a 300,000-character comment is read in part and flagged with why; a short one after it is not', () => {
  const long = 'The FSB knew about the attack and did nothing. '.repeat(6400); // 300,800 characters, 300,799 once trimmed
  const [big, small] = analyzeTexts([long, 'ISIS claimed the attack.']);
  assert.equal(big!.needsReview, true);
  assert.equal(big!.reviewReason.split('; ')[0], 'text cut: only its first 199,997 of 300,799 characters were read');
  assert.equal(big!.stances.get('fsb')!.stance, 'support');
  assert.equal(small!.reviewReason.includes('text cut'), false);
});
