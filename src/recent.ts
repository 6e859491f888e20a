/**
 * A map that keeps the `limit` most recently set keys. Dropping the oldest key of a plain Map
 * (`map.delete(map.keys().next().value)`) costs time in proportion to the keys deleted before it, until
 * V8 rebuilds the table: over a million records with a window of 100,000 that was minutes. Here the
 * keys wait in a queue of their own, and dropping the oldest costs one look-up.
 */
export class RecentMap<K, V> {
  private entries = new Map<K, V>();
  /** Keys deleted from `entries` since it was last copied (see delete). */
  private deleted = 0;
  /** Keys in the order they were set, oldest at `head`: a ring, so that no garbage arrays are made. A key set again is queued again. */
  private ring: K[] = [];
  private head = 0;
  private count = 0;
  /** For a key set more than once: how many of its queued places are stale (all but its last). */
  private readonly stale = new Map<K, number>();

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`RecentMap keeps at least one key, not ${limit}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Sets the value; the key becomes the newest, and past `limit` keys the oldest is dropped. */
  set(key: K, value: V): void {
    const again = this.entries.has(key);
    // Deleted first so that the map's own order stays the order of last setting (see below).
    if (again) this.delete(key);
    this.entries.set(key, value);
    if (this.limit === Infinity) return;
    if (again) this.stale.set(key, (this.stale.get(key) ?? 0) + 1);
    const ring = this.ring;
    while (this.entries.size > this.limit) {
      const oldest = ring[this.head]!;
      this.head = (this.head + 1) % ring.length;
      this.count--;
      const n = this.stale.get(oldest);
      if (n === undefined) this.delete(oldest);
      else if (n === 1) this.stale.delete(oldest);
      else this.stale.set(oldest, n - 1);
    }
    if (this.count === ring.length) {
      // Full: grown up to limit + 1,024 places, then (keys set again and again) rebuilt from the map's order.
      if (ring.length < this.limit + 1024) this.grow();
      else {
        this.ring = [...this.entries.keys()];
        this.ring.length = this.limit + 1024;
        this.head = 0;
        this.count = this.entries.size;
        this.stale.clear();
        return;
      }
    }
    this.ring[(this.head + this.count) % this.ring.length] = key;
    this.count++;
  }

  /**
   * A Map keeps a deleted key's place until its table fills up, and then (as fewer than half its places
   * are free) doubles the table: with keys set and dropped without end, a map of 100,000 keys came to
   * hold a table for 262,144 (7.3 MB instead of 3.7). A copy made after every quarter of `limit`
   * deletions has no deleted places. V8 sizes a table in powers of two, so for the limits used here
   * (10,000 and 100,000: tables for 16,384 and 131,072 keys) the copy's table has room for the
   * deletions until the next copy. Copying 100,000 keys takes about 20 ms: about 0.8 µs per key set.
   */
  private delete(key: K): void {
    this.entries.delete(key);
    if (++this.deleted >= this.limit / 4) {
      this.entries = new Map(this.entries);
      this.deleted = 0;
    }
  }

  private grow(): void {
    const size = Math.min(this.limit + 1024, Math.max(16, this.ring.length * 2));
    const ring = new Array<K>(size);
    for (let i = 0; i < this.count; i++) ring[i] = this.ring[(this.head + i) % this.ring.length]!;
    this.ring = ring;
    this.head = 0;
  }
}
