/**
 * A small in-process cache with a time to live and a size bound (oldest entries leave first). For data
 * that changes rarely and is read on hot paths — catalog search results, service pages. Entries are
 * per process: other processes see a change at the latest after the TTL.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Returns the cached value or computes, stores and returns it. */
  async getOrCompute(key: string, now: number, compute: () => Promise<V>): Promise<V> {
    const hit = this.get(key, now);
    if (hit !== undefined) return hit;
    const value = await compute();
    this.set(key, value, now);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
