/** RecentMap: the last `limit` keys set, as a plain Map that drops its oldest key would keep them, without its cost. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RecentMap } from '../src/recent.js';
import { params } from './property/config.js';

/** The reference: a Map in order of last setting, its first key dropped past the limit. */
class Reference {
  readonly map = new Map<number, number>();
  constructor(private readonly limit: number) {}
  set(k: number, v: number): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value!);
  }
}

test('keeps the keys and values a Map dropping its oldest key keeps, keys set again included', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer()), { maxLength: 300 }), (limit, ops) => {
      const recent = new RecentMap<number, number>(limit);
      const reference = new Reference(limit);
      for (const [k, v] of ops) {
        recent.set(k, v);
        reference.set(k, v);
        assert.equal(recent.size, reference.map.size);
      }
      for (let k = 0; k <= 20; k++) {
        assert.equal(recent.has(k), reference.map.has(k), `key ${k}`);
        assert.equal(recent.get(k), reference.map.get(k), `key ${k}`);
      }
    }),
    params(),
  );
});

test('a window of 100,000 over 1,000,000 new keys keeps the last 100,000', () => {
  const recent = new RecentMap<string, number>(100_000);
  for (let i = 0; i < 1_000_000; i++) recent.set(`k${i}`, i);
  assert.equal(recent.size, 100_000);
  assert.equal(recent.get('k899999'), undefined);
  assert.equal(recent.get('k900000'), 900_000);
  assert.equal(recent.get('k999999'), 999_999);
});

test('one key set again and again under the limit keeps the queue bounded and the key', () => {
  const recent = new RecentMap<string, number>(3);
  recent.set('a', 0);
  for (let i = 0; i < 50_000; i++) recent.set('b', i);
  recent.set('c', 1);
  recent.set('d', 2);
  assert.deepEqual(['a', 'b', 'c', 'd'].map((k) => recent.get(k)), [undefined, 49_999, 1, 2]);
});

test('without a limit every key is kept', () => {
  const recent = new RecentMap<number, number>(Infinity);
  for (let i = 0; i < 1000; i++) recent.set(i % 500, i);
  assert.equal(recent.size, 500);
  assert.equal(recent.get(0), 500);
});
