// A token bucket per caller (the gateway limits each end user): `ratePerSecond` tokens refill
// continuously up to `burst`; a request without a token is rejected with 429. Buckets of
// callers not seen for a while are dropped so the map cannot grow without bound.

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: { ratePerSecond: number; burst: number; maxKeys?: number }) {}

  tryTake(key: string, nowMs: number): boolean {
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, updatedMs: nowMs };
    const refill = ((nowMs - bucket.updatedMs) / 1000) * this.options.ratePerSecond;
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + refill);
    bucket.updatedMs = nowMs;
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    this.buckets.delete(key); // re-insert: the map's order is then least recently used first
    this.buckets.set(key, bucket);
    const maxKeys = this.options.maxKeys ?? 10_000;
    while (this.buckets.size > maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return allowed;
  }
}
