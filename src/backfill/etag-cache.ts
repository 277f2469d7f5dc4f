// The ETags of the backfill's GET requests with what Sift kept of each answer, in memory, bounded
// (least recently used first out). A 304 then costs no rate limit and the kept answer is used again.
// Per process: another replica taking a repository over starts with plain requests.

export interface CachedAnswer {
  etag: string;
  data: unknown;
}

export class EtagCache {
  private readonly entries = new Map<string, CachedAnswer>();
  constructor(private readonly max = 5_000) {}

  get(key: string): CachedAnswer | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, answer: CachedAnswer): void {
    this.entries.delete(key);
    this.entries.set(key, answer);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
