/**
 * Sign-in throttling: after MAX_FAILURES failed attempts for one account or from one client
 * address within WINDOW_MS, further attempts are refused until the oldest failure leaves the
 * window. Per process and in memory: a restart forgets failures, and with several processes an
 * attacker gets MAX_FAILURES per process — acceptable for a self-hosted app with a handful of
 * processes; bcrypt's cost still bounds the guessing rate.
 */
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;

export interface ThrottleKeys {
  account?: string | null;
  address?: string | null;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = MAX_FAILURES,
    private readonly windowMs = WINDOW_MS,
  ) {}

  private keys({ account, address }: ThrottleKeys): string[] {
    const out: string[] = [];
    if (account) out.push(`account:${account.trim().toLowerCase()}`);
    if (address) out.push(`address:${address}`);
    return out;
  }

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  check(keys: ThrottleKeys, now: number): ThrottleVerdict {
    let until = 0;
    for (const key of this.keys(keys)) {
      const list = this.recent(key, now);
      if (list.length >= this.maxFailures) until = Math.max(until, list[list.length - this.maxFailures] + this.windowMs);
    }
    return until > now ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) } : { allowed: true };
  }

  recordFailure(keys: ThrottleKeys, now: number): void {
    if (this.failures.size > 100_000) this.failures.clear(); // bound memory under a spray of addresses
    for (const key of this.keys(keys)) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.set(key, list.slice(-this.maxFailures));
    }
  }

  /** A successful sign-in clears the account's failures (the address keeps its count). */
  recordSuccess(account: string, now: number): void {
    this.failures.delete(this.keys({ account })[0]);
    void now;
  }
}

/** The process-wide throttle used by the sign-in route and the credentials provider. */
export function loginThrottle(): LoginThrottle {
  const g = globalThis as { __sightlineLoginThrottle?: LoginThrottle };
  return (g.__sightlineLoginThrottle ??= new LoginThrottle());
}
