import { describe, expect, it } from "vitest";
import { hashUnit, inSample, routesAnything, routingSchema } from "./routing";

describe("routing", () => {
  it("sampling is deterministic per (queue, event) and close to the rate", () => {
    const base = 1_764_000_000_000 * 1024;
    let kept = 0;
    for (let i = 0; i < 20_000; i++) {
      const id = base + i * 37;
      expect(inSample(3, id, 0.1)).toBe(inSample(3, id, 0.1));
      if (inSample(3, id, 0.1)) kept++;
    }
    // 20 000 draws at p = 0.1: σ = 42, so ±300 is over 7σ.
    expect(Math.abs(kept - 2000)).toBeLessThan(300);
  });

  it("queues sample independently", () => {
    const base = 1_764_000_000_000 * 1024;
    let both = 0;
    for (let i = 0; i < 20_000; i++) if (inSample(1, base + i, 0.5) && inSample(2, base + i, 0.5)) both++;
    expect(Math.abs(both - 5000)).toBeLessThan(400);
  });

  it("hash values stay in [0, 1)", () => {
    for (const id of [0, 1, 2 ** 53 - 1, 1_764_000_000_000 * 1024 + 5]) {
      const u = hashUnit(7, id);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });

  it("rate 0 keeps nothing, 1 everything; an empty rule routes nothing", () => {
    expect(inSample(1, 12345, 0)).toBe(false);
    expect(inSample(1, 12345, 1)).toBe(true);
    expect(routesAnything({})).toBe(false);
    expect(routesAnything(null)).toBe(false);
    expect(routesAnything({ sampleRate: 0, flagged: true })).toBe(false);
    expect(routesAnything({ flagged: true })).toBe(true);
  });

  it("rejects unknown keys and rates outside [0, 1]", () => {
    expect(routingSchema.safeParse({ flaged: true }).success).toBe(false);
    expect(routingSchema.safeParse({ sampleRate: 1.5 }).success).toBe(false);
  });
});
