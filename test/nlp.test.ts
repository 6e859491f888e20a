/**
 * The token view and the wink instance behind it: aliases are marked leftmost-longest on normal forms,
 * and a long run drops its wink instance (and the words it cached) without changing what it reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beforeClitic, nlp, setAliases, setWinkLexemeLimit, straight, view, winkInstanceCount } from '../src/analysis/nlp.js';
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

test('the forms a view remembers per lexeme are the ones wink gives each token', () => {
  // A word in two parts of speech ("run"), contractions whose normal form and lemma come from the
  // token ("n't", "'m", the "nt" of "isnt" and "nt" alone), curly apostrophes, emoji, a word never seen.
  const texts = [
    'I can run faster than the run I did yesterday.',
    "They don't know, and I'm sure they won’t say.",
    'he isnt here. nt is what he wrote, nt.',
    'Loved it ❤️ 👍🏽 but the LOVED ones were leaving, left, leaves.',
    'qzvv1 qzvv1 QZVV1 reads the same each time.',
  ];
  const w = nlp();
  for (const round of [1, 2]) {
    for (const text of texts) {
      const v = view(text);
      const tokens = w.readDoc(text).tokens();
      const value = tokens.out(w.its.value) as string[];
      const normal = tokens.out(w.its.normal) as (string | undefined)[];
      const lemmas = tokens.out(w.its.lemma as unknown as typeof w.its.normal) as (string | undefined)[];
      const lower = value.map(straight);
      const norm = normal.map((t, i) => (t === undefined ? lower[i]! : straight(t)));
      const expected = { value, lower, norm, lemma: lemmas.map((t, i) => straight(t ?? norm[i]!)), pos: tokens.out(w.its.pos), type: tokens.out(w.its.type) };
      const got = { value: v.value, lower: v.lower, norm: v.norm, lemma: v.lemma, pos: v.pos, type: v.type };
      assert.deepEqual(got, expected, `round ${round}: ${text}`);
    }
  }
  assert.deepEqual(view('he isnt here').norm, ['he', 'is', 'not', 'here']);
  assert.deepEqual(view('nt').norm, ['nt']);
});

test('wink\'s lexicon is bounded: 130,000 words it never saw make one new instance, words it knows none', () => {
  view('An instance to start from.');
  const built = winkInstanceCount();
  for (let d = 0; d < 2000; d++) view('The attack was claimed by ISIS, and the security services failed to stop it.');
  assert.equal(winkInstanceCount(), built, 'known words add nothing to the lexicon');
  // The model has 87,593 lexemes; an instance is rebuilt once a token's id reaches 170,000, and the
  // second one holds the remaining 47,000 or so new words.
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
