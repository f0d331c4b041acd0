import { describe, expect, it } from "vitest";
import { decodeSketch, encodeSketch, mergeEncoded, newLatencySketch, quantile } from "./latency-sketch";

function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))];
}

function lognormal(rand: () => number, mu: number, sigma: number): number {
  const u = Math.max(rand(), 1e-12);
  const v = rand();
  return Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

function seeded(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    return seed / 4294967296;
  };
}

describe("latency sketch codec", () => {
  it("round-trips and stays within 1% of exact quantiles across merged parts", () => {
    const rand = seeded(42);
    const values: number[] = [];
    const merged = newLatencySketch();
    for (let part = 0; part < 24; part++) {
      const s = newLatencySketch();
      for (let i = 0; i < 2000; i++) {
        const v = lognormal(rand, 6, 0.8) + (part === 7 ? 3000 : 0);
        values.push(v);
        s.accept(v);
      }
      mergeEncoded(merged, encodeSketch(s));
    }
    values.sort((a, b) => a - b);
    expect(merged.count).toBe(values.length);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = exactQuantile(values, q);
      const approx = quantile(merged, q)!;
      expect(Math.abs(approx - exact) / exact).toBeLessThanOrEqual(0.01);
    }
    expect(merged.min).toBeCloseTo(values[0], 6);
    expect(merged.max).toBeCloseTo(values[values.length - 1], 6);
  });

  it("keeps zeros, sums and counts, and is compact", () => {
    const s = newLatencySketch();
    [0, 0, 1, 2.5, 1000, 1000].forEach((v) => s.accept(v));
    const buf = encodeSketch(s);
    const back = decodeSketch(buf);
    expect(back.count).toBe(6);
    expect(back.zeroCount).toBe(2);
    expect(back.sum).toBeCloseTo(2003.5, 9);
    expect(quantile(back, 0)).toBe(0);
    expect(buf.length).toBeLessThan(60);
  });

  it("rejects unknown formats and truncated input", () => {
    expect(() => decodeSketch(Buffer.from([9]))).toThrow(/format/);
    const buf = encodeSketch((() => { const s = newLatencySketch(); s.accept(5); return s; })());
    expect(() => decodeSketch(buf.subarray(0, buf.length - 1))).toThrow(/Truncated/);
  });

  it("returns null quantiles for an empty sketch", () => {
    expect(quantile(newLatencySketch(), 0.5)).toBeNull();
  });
});
