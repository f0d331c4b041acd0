/**
 * When to try a notification again. Delays after the 1st…6th failed attempt: about 5 s, 30 s,
 * 2 min, 10 min, 30 min, 2 h (±20% jitter so that many notifications failing together do not
 * retry in lockstep); after the 7th attempt we give up and show it. A 429 waits for its
 * Retry-After; other 4xx answers will not improve by repeating, so they fail at once.
 */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 7_200_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
const JITTER = 0.2;
/** A Retry-After longer than our own longest wait is capped to it. */
const MAX_RETRY_AFTER_MS = RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1];

export type AttemptOutcome =
  | { kind: "delivered" }
  | { kind: "retry"; atMs: number; reason: string }
  | { kind: "failed"; reason: string };

export interface AttemptResult {
  /** HTTP status, or null when there was no answer (timeout, refused connection, DNS). */
  status: number | null;
  retryAfter?: string | null;
  error?: string | null;
}

/**
 * What to do after attempt number `attempt` (1-based) ended with `result`, at `nowMs`.
 * `random` returns [0, 1) and is injectable so tests can pin the jitter.
 */
export function nextStep(attempt: number, result: AttemptResult, nowMs: number, random: () => number = Math.random): AttemptOutcome {
  const { status } = result;
  if (status !== null && status >= 200 && status < 300) return { kind: "delivered" };
  const why = status === null ? (result.error ?? "no response") : `HTTP ${status}`;
  if (status !== null && status >= 300 && status < 500 && status !== 429) return { kind: "failed", reason: `${why} (not retried)` };
  if (attempt >= MAX_ATTEMPTS) return { kind: "failed", reason: `${why} after ${attempt} attempts` };
  if (status === 429) {
    const wait = parseRetryAfter(result.retryAfter ?? null, nowMs);
    if (wait !== null) return { kind: "retry", atMs: nowMs + Math.min(wait, MAX_RETRY_AFTER_MS), reason: `${why}, Retry-After` };
  }
  return { kind: "retry", atMs: nowMs + retryDelay(attempt, random), reason: why };
}

/** Delay before attempt `attempt + 1`, jittered. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const base = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1];
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

/** Retry-After as delta-seconds or an HTTP date → milliseconds from now (null when unusable). */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === "") return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
