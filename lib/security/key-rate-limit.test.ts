import { describe, expect, it } from "vitest";
import { takeKeyToken, TokenBucket } from "./key-rate-limit";

describe("TokenBucket", () => {
  it("allows a burst, then refuses with the wait for the next token, then refills at the rate", () => {
    const t0 = 1_000_000;
    const b = new TokenBucket(2, 4, t0);
    for (let i = 0; i < 4; i++) expect(b.take(t0).ok).toBe(true);
    expect(b.take(t0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(b.take(t0 + 499).ok).toBe(false);
    expect(b.take(t0 + 500).ok).toBe(true); // one token after half a second at 2/s
    expect(b.take(t0 + 10_000).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect(b.take(t0 + 10_000).ok).toBe(true); // refilled to the burst, not beyond
    expect(b.take(t0 + 10_000).ok).toBe(false);
  });

  it("keeps one bucket per key; rate 0 turns limiting off", () => {
    const now = 5_000_000;
    for (let i = 0; i < 6; i++) takeKeyToken(1, now, 3);
    expect(takeKeyToken(1, now, 3).ok).toBe(false);
    expect(takeKeyToken(2, now, 3).ok).toBe(true);
    expect(takeKeyToken(1, now, 0).ok).toBe(true);
  });
});
