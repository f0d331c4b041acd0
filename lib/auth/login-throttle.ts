import { and, gt, inArray, lt, eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { loginFailure } from "@/db/schema";

/**
 * Sign-in throttling: after MAX_FAILURES failed attempts for one account or from one client
 * address within WINDOW_MS, further attempts are refused until the oldest failure leaves the
 * window. Failures are rows in `login_failure`, so every instance on the database counts the
 * same failures (an attacker gets MAX_FAILURES per window in the whole fleet, not per process)
 * and a restart forgets nothing. bcrypt's cost still bounds the guessing rate below that.
 */
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60_000;

export interface ThrottleKeys {
  account?: string | null;
  address?: string | null;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function throttleKeys({ account, address }: ThrottleKeys): string[] {
  const out: string[] = [];
  if (account) out.push(`account:${account.trim().toLowerCase()}`);
  if (address) out.push(`address:${address}`);
  return out;
}

/**
 * The verdict from each key's failure times inside the window (pure): refused until the
 * failure that made the count reach the limit leaves the window.
 */
export function throttleVerdict(failuresByKey: number[][], now: number, maxFailures = MAX_FAILURES, windowMs = WINDOW_MS): ThrottleVerdict {
  let until = 0;
  for (const times of failuresByKey) {
    const list = times.filter((t) => t > now - windowMs).sort((a, b) => a - b);
    if (list.length >= maxFailures) until = Math.max(until, list[list.length - maxFailures] + windowMs);
  }
  return until > now ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) } : { allowed: true };
}

export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly maxFailures = MAX_FAILURES,
    private readonly windowMs = WINDOW_MS,
  ) {}

  async check(keys: ThrottleKeys, now: number): Promise<ThrottleVerdict> {
    const names = throttleKeys(keys);
    if (names.length === 0) return { allowed: true };
    const rows = await this.db.orm.select({ key: loginFailure.key, at: loginFailure.at }).from(loginFailure)
      .where(and(inArray(loginFailure.key, names), gt(loginFailure.at, now - this.windowMs)));
    return throttleVerdict(names.map((k) => rows.filter((r) => r.key === k).map((r) => r.at)), now, this.maxFailures, this.windowMs);
  }

  async recordFailure(keys: ThrottleKeys, now: number): Promise<void> {
    const names = throttleKeys(keys);
    if (names.length === 0) return;
    await this.db.transaction(async (tx) => {
      // Rows past the window never count again; deleting them here keeps the table at one
      // window of failures however many addresses an attacker sprays.
      await tx.orm.delete(loginFailure).where(lt(loginFailure.at, now - this.windowMs));
      await tx.orm.insert(loginFailure).values(names.map((key) => ({ key, at: now })));
    });
  }

  /** A successful sign-in clears the account's failures (the address keeps its count). */
  async recordSuccess(account: string, now: number): Promise<void> {
    void now;
    await this.db.orm.delete(loginFailure).where(eq(loginFailure.key, throttleKeys({ account })[0]));
  }
}

/** The throttle on the app's database, used by the sign-in route and the credentials provider. */
export function loginThrottle(db: Db = getDb()): LoginThrottle {
  return new LoginThrottle(db);
}
