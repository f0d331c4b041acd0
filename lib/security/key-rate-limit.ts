import { intEnv } from "@/lib/config/env";

/**
 * A token bucket: `ratePerSec` tokens a second, holding at most `burst`. Each request takes one;
 * an empty bucket answers how long until the next token.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly ratePerSec: number,
    readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.at = now;
  }

  take(now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.ratePerSec);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerSec)) };
  }
}

/**
 * Requests per second each API key may make, per process (SIGHTLINE_API_KEY_RATE_LIMIT, default
 * 1000, bursts of twice that, at least 2; 0 turns it off). Generous on purpose: the benchmarked ingest peak
 * is ~500 requests/s of 100-event batches from one key. It stops a runaway client from starving
 * everyone else, it is not a quota.
 */
export function keyRateLimit(): number {
  return intEnv("SIGHTLINE_API_KEY_RATE_LIMIT", 1000);
}

const buckets = (): Map<number, TokenBucket> => {
  const g = globalThis as { __sightlineKeyBuckets?: Map<number, TokenBucket> };
  return (g.__sightlineKeyBuckets ??= new Map());
};

export function takeKeyToken(keyId: number, now: number, rate = keyRateLimit()): { ok: true } | { ok: false; retryAfterSeconds: number } {
  if (rate <= 0) return { ok: true };
  const all = buckets();
  let b = all.get(keyId);
  if (!b || b.ratePerSec !== rate) {
    if (all.size > 100_000) all.clear();
    b = new TokenBucket(rate, Math.max(2, rate * 2), now);
    all.set(keyId, b);
  }
  return b.take(now);
}
