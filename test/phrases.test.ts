/**
 * Cue phrases found in a document's tokens: each word by its written form, normal form or lemma (the
 * lemma only where the written form starts like it), every list in one scan, hits in token order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { view } from '../src/analysis/nlp.js';
import { compilePhrase, findPhrases } from '../src/analysis/phrases.js';

const list = (...entries: string[]) => entries.map((e) => compilePhrase(e, 1, 'test'));
const hits = (text: string, phrases: ReturnType<typeof list>, from?: number, to?: number): string[] =>
  findPhrases(view(text), phrases, from, to).map((h) => `${h.start}-${h.end}:${h.phrase.text}`);

test('phrases: the second and later words match by written form, normal form or lemma', () => {
  const phrases = list('they attack', 'did not', 'took part', 'they', 'inside job');
  // "attacked" is "attack" by its lemma; "n't" is "not" by its normal form; "took" by its written form.
  assert.deepEqual(hits('They attacked. He didn’t say. We took part in it.', phrases), ['0-1:they attack', '0-0:they', '4-5:did not', '9-10:took part']);
  // "lay" is not "lie": a lemma counts only where the written form starts like it.
  assert.deepEqual(hits('They lay there.', list('they lie', 'they')), ['0-0:they']);
  // A first word with no possible second word after it still finds its one-word phrase.
  assert.deepEqual(hits('An inside man, they said: an inside job.', phrases), ['4-4:they', '8-9:inside job']);
});

test('phrases: a span of tokens returns the hits inside it, a later list is scanned on its own', () => {
  const first = list('inside job', 'job');
  const text = 'An inside job. Another inside job here.';
  assert.deepEqual(hits(text, first), ['1-2:inside job', '2-2:job', '5-6:inside job', '6-6:job']);
  assert.deepEqual(hits(text, first, 3, 8), ['5-6:inside job', '6-6:job']);
  // A hit must end inside the span too.
  assert.deepEqual(hits(text, first, 3, 5), []);
  const v = view(text);
  findPhrases(v, first);
  assert.deepEqual(findPhrases(v, list('another inside')).map((h) => `${h.start}-${h.end}`), ['4-5']);
});

test('a phrase may hold up to two inserted intensifiers, never before its first word', () => {
  const phrases = list('had nothing to do with');
  assert.deepEqual(hits('They had absolutely nothing to do with it.', phrases), ['1-6:had nothing to do with']);
  assert.deepEqual(hits('They had really absolutely nothing to do with it.', phrases), ['1-7:had nothing to do with']);
  assert.deepEqual(hits('They had really truly absolutely nothing to do with it.', phrases), []);
  assert.deepEqual(hits('They had maybe nothing to do with it.', phrases), [], 'a hedge is no insert');
  assert.deepEqual(hits('They absolutely had nothing to do with it.', phrases), ['2-6:had nothing to do with']);
});
