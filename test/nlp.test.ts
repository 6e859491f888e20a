/**
 * The token view and the wink instance behind it: aliases are marked leftmost-longest on normal forms,
 * and a long run drops its wink instance (and the words it cached) without changing what it reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setAliases, setWinkTokenLimit, view, winkInstanceCount } from '../src/analysis/nlp.js';
import { defaultClaims } from './helpers.js';

test('aliases: longest match first, on normal forms, never overlapping', () => {
  setAliases(['islamic state', 'islamic state khorasan', 'state', 'security services', 'russian security services']);
  try {
    const marks = (text: string): string[] => view(text).entities.map(([s, e, type]) => `${s}-${e}:${type}`);
    assert.deepEqual(marks('The Islamic State Khorasan and the state.'), ['1-3:islamic state khorasan', '6-6:state']);
    assert.deepEqual(marks('ISLAMIC STATE claimed it; Russian security services failed.'), ['0-1:islamic state', '5-7:russian security services']);
    assert.deepEqual(marks('Islamic people, security and services.'), []);
  } finally {
    // The default claims' aliases again, for the tests that follow in this file.
    setAliases([...defaultClaims().entityClaims.keys()]);
  }
});

test('a new wink instance after the token limit reads the same text the same way', () => {
  const texts = [
    'ISIS claimed responsibility for the attack on Crocus City Hall.',
    'I think the FSB knew about it and did nothing.',
    'Kyiv denied any involvement, obviously.',
    'The security services failed badly :( so sad',
  ];
  const before = texts.map((t) => JSON.stringify(view(t)));
  const built = winkInstanceCount();
  setWinkTokenLimit(5);
  try {
    // Each text passes the limit: more than twenty instances, past the model loader's in-place JSON bug.
    for (let round = 0; round < 6; round++) {
      const after = texts.map((t) => JSON.stringify(view(t)));
      assert.deepEqual(after, before);
    }
    assert.ok(winkInstanceCount() - built >= 20, `expected 20 or more new instances, got ${winkInstanceCount() - built}`);
  } finally {
    setWinkTokenLimit(undefined);
  }
});

test('a view looks its stop words up through its class, with no getter of its own', () => {
  // A getter written into each view's object literal gave every view its own hidden class, which V8
  // keeps (with the document the getter reaches) until a full collection: every comment's document
  // was then copied out of the young generation (see DocView in nlp.ts).
  const v = view('The FSB knew about it and did nothing.');
  assert.equal(Object.getOwnPropertyDescriptor(v, 'stop'), undefined);
  assert.deepEqual(
    v.value.filter((_, i) => v.stop[i]),
    ['The', 'about', 'it', 'and', 'did', 'nothing'],
  );
});
