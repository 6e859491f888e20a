/** data/lexicons/sentiment-vader.json is exactly what test/vader-lexicon.ts makes of VADER's lexicon. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
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
    { comment: 'VADER mean rating +2.2 of 4', role: 'positive', weight: 0.55, entries: ['zzzsnazzy'] },
    { comment: 'VADER mean rating -1.0 of 4', role: 'negative', weight: 0.25, entries: ['zzzmeh', 'zzzsad'] },
    { comment: 'VADER mean rating -3.0 of 4', role: 'negative', weight: 0.75, entries: ['fakeword'] },
  ]);
});
