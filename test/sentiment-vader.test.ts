/** data/lexicons/sentiment-vader.json is exactly what test/vader-lexicon.ts makes of VADER's lexicon. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadLexicons } from '../src/analysis/lexicon.js';
import { ThreadstanceError } from '../src/errors.js';
import { VADER_JSON, vaderLexiconJson } from './vader-lexicon.js';

test("sentiment-vader.json is generated from VADER's lexicon and the other sentiment lexicons", () => {
  const made = vaderLexiconJson();
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(VADER_JSON, made);
  assert.ok(fs.existsSync(VADER_JSON), `${VADER_JSON} is missing; run UPDATE_GOLDEN=1 npm test`);
  assert.equal(fs.readFileSync(VADER_JSON, 'utf8'), made, 'the data file differs from what the generator makes; run UPDATE_GOLDEN=1 npm test and review the diff');
});

test('the generator keeps words only, skips words other lexicons have, and groups by strength', () => {
  const text = ['good\t1.9\t0.9\t[]', 'zzzsnazzy\t2.1\t0.5\t[]', 'blah\t-0.1\t0.3\t[]', 'zzzmeh\t-1.0\t0.5\t[]', 'fakeword\t-3.0\t0.1\t[]', ':-)\t1.3\t0.5\t[]', 'zzzsad\t-1.0\t0.2\t[]', 'zzzskipped\t2.0\t0.2\t[]'].join('\n');
  const { name, groups } = JSON.parse(vaderLexiconJson(text, new Set(['zzzskipped']))) as { name: string; groups: unknown[] };
  assert.equal(name, 'sentiment-vader');
  assert.deepEqual(groups, [
    { comment: 'VADER mean rating +2.2 of 4', role: 'positive', weight: 0.55, words: true, entries: ['zzzsnazzy'] },
    { comment: 'VADER mean rating -1.0 of 4', role: 'negative', weight: 0.25, words: true, entries: ['zzzmeh', 'zzzsad'] },
    { comment: 'VADER mean rating -3.0 of 4', role: 'negative', weight: 0.75, words: true, entries: ['fakeword'] },
  ]);
});

test('a "words": true group takes each entry as one token, and refuses an entry that is not one word', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'threadstance-lex-'));
  try {
    const write = (entries: string[], words: unknown = true): void =>
      fs.writeFileSync(path.join(dir, 'sentiment-test.json'), JSON.stringify({ name: 'sentiment-test', groups: [{ comment: 'test words', role: 'positive', weight: 0.5, words, entries }] }));
    write(['snazzy', "y'all"]);
    const group = loadLexicons(dir).get('sentiment-test')!.groups[0]!;
    assert.deepEqual(group.phrases.map((p) => [p.text, p.tokens, p.weight]), [['snazzy', ['snazzy'], 0.5], ["y'all", ["y'all"], 0.5]]);
    write(['fine', 'two words']);
    assert.throws(() => loadLexicons(dir), (err: ThreadstanceError) => err.code === 'LEXICON_BAD' && /"two words" is not one lower-case word/.test(err.message) && err.place.field === 'groups[0].entries[1]');
    write(['fine'], 'yes');
    assert.throws(() => loadLexicons(dir), (err: ThreadstanceError) => err.code === 'LEXICON_BAD' && err.place.field === 'groups[0].words');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
