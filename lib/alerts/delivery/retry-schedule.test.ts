import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextStep, parseRetryAfter, retryDelay } from "./retry-schedule";

const mid = () => 0.5;

describe("retry schedule", () => {
  it("waits about 5 s, 30 s, 2 min, 10 min, 30 min, 2 h, then gives up", () => {
    const delays = [1, 2, 3, 4, 5, 6].map((a) => retryDelay(a, mid));
    expect(delays).toEqual([5_000, 30_000, 120_000, 600_000, 1_800_000, 7_200_000]);
    const last = nextStep(MAX_ATTEMPTS, { status: 503 }, 0, mid);
    expect(last).toEqual({ kind: "failed", reason: "HTTP 503 after 7 attempts" });
  });

  it("jitters within ±20%", () => {
    expect(retryDelay(1, () => 0)).toBe(4_000);
    expect(retryDelay(1, () => 0.999999)).toBeCloseTo(6_000, -1);
  });

  it("retries 5xx and network errors, not other 4xx", () => {
    expect(nextStep(1, { status: 500 }, 1_000, mid)).toEqual({ kind: "retry", atMs: 6_000, reason: "HTTP 500" });
    expect(nextStep(2, { status: null, error: "timeout after 10000 ms" }, 0, mid)).toEqual({ kind: "retry", atMs: 30_000, reason: "timeout after 10000 ms" });
    expect(nextStep(1, { status: 404 }, 0, mid)).toEqual({ kind: "failed", reason: "HTTP 404 (not retried)" });
    expect(nextStep(1, { status: 400 }, 0, mid).kind).toBe("failed");
    expect(nextStep(1, { status: 204 }, 0, mid)).toEqual({ kind: "delivered" });
  });

  it("honours Retry-After on 429, in seconds or as a date, capped at 2 h", () => {
    expect(nextStep(1, { status: 429, retryAfter: "2" }, 10_000, mid)).toMatchObject({ kind: "retry", atMs: 12_000 });
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(nextStep(1, { status: 429, retryAfter: "Thu, 01 Jan 2026 00:01:00 GMT" }, now, mid)).toMatchObject({ atMs: now + 60_000 });
    expect(nextStep(1, { status: 429, retryAfter: "86400" }, 0, mid)).toMatchObject({ atMs: 7_200_000 });
    expect(nextStep(1, { status: 429 }, 0, mid)).toMatchObject({ atMs: 5_000 });
  });

  it("parses Retry-After defensively", () => {
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter("soon", 0)).toBeNull();
    expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:00 GMT", 5_000)).toBe(0);
  });
});
