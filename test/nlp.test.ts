/**
 * The token view and the wink instance behind it: aliases are marked leftmost-longest on normal forms,
 * and a long run drops its wink instance (and the words it cached) without changing what it reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beforeClitic, setAliases, setWinkLexemeLimit, view, winkInstanceCount } from '../src/analysis/nlp.js';
import { findMentions } from '../src/analysis/mentions.js';
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

test('a new wink instance after the lexicon limit reads the same text the same way', () => {
  const texts = [
    'ISIS claimed responsibility for the attack on Crocus City Hall.',
    'I think the FSB knew about it and did nothing.',
    'Kyiv denied any involvement, obviously.',
    'The security services failed badly :( so sad',
  ];
  const before = texts.map((t) => JSON.stringify(view(t)));
  const built = winkInstanceCount();
  setWinkLexemeLimit(0, 1);
  try {
    // Each text passes the limit: more than twenty instances, past the model loader's in-place JSON bug.
    for (let round = 0; round < 6; round++) {
      const after = texts.map((t) => JSON.stringify(view(t)));
      assert.deepEqual(after, before);
    }
    assert.ok(winkInstanceCount() - built >= 20, `expected 20 or more new instances, got ${winkInstanceCount() - built}`);
  } finally {
    setWinkLexemeLimit(undefined);
  }
});

test('wink\'s lexicon is bounded: 130,000 words it never saw make one new instance, words it knows none', () => {
  view('An instance to start from.');
  const built = winkInstanceCount();
  for (let d = 0; d < 2000; d++) view('The attack was claimed by ISIS, and the security services failed to stop it.');
  assert.equal(winkInstanceCount(), built, 'known words add nothing to the lexicon');
  // The model has about 87,600 lexemes; an instance is rebuilt once a token's id reaches 200,000.
  for (let d = 0; d < 2600; d++) view(Array.from({ length: 50 }, (_, k) => `qz${(d * 50 + k).toString(36)}x`).join(' ') + '.');
  assert.equal(winkInstanceCount(), built + 1);
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

test('an alias followed by a clitic is found whether wink split the word or cached it whole', () => {
  const cc = defaultClaims();
  const text = "Ukraine's special services planned it, and the FSB's men looked away.";
  const names = (v: ReturnType<typeof view>): string[] => findMentions(v, cc).map((m) => `${m.text}:${m.claims.join('+')}`);
  const fresh = view(text);
  // wink caches "Ukraine's" and "FSB's" whole after reading them at the end of a sentence.
  view("They said the plan was Ukraine's. It was the FSB's.");
  const later = view(text);
  assert.notDeepEqual(later.value, fresh.value, 'wink no longer splits the words: the test would prove nothing');
  assert.deepEqual(names(fresh), ['Ukraine:ukraine', 'special services:security_failure', 'FSB:fsb+security_failure']);
  assert.deepEqual(names(later), ["Ukraine's:ukraine", 'special services:security_failure', "FSB's:fsb+security_failure"]);
  assert.equal(beforeClitic("ukraine's"), 'ukraine');
  assert.equal(beforeClitic('FSB’s'), 'FSB');
  assert.equal(beforeClitic("they'll"), 'they');
  assert.equal(beforeClitic("o'clock"), undefined);
  assert.equal(beforeClitic("'s"), undefined);
});
