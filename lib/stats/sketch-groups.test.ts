import { DDSketch } from "@datadog/sketches-js";
import { describe, expect, it } from "vitest";
import { mannWhitneyGroups, mannWhitneyU } from "./mann-whitney";
import { sketchToGroups } from "./sketch-groups";

function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1664525 + 1013904223) % 4294967296) / 4294967296);
}

/** Log-normal-ish latencies around `median` ms. */
function latencies(n: number, median: number, seed: number): number[] {
  const r = lcg(seed);
  return Array.from({ length: n }, () => {
    const g = (r() + r() + r() + r() - 2) * 0.9;
    return median * Math.exp(g);
  });
}

function sketchOf(xs: number[]): DDSketch {
  const s = new DDSketch({ relativeAccuracy: 0.01 });
  for (const x of xs) s.accept(x);
  return s;
}

describe("sketchToGroups", () => {
  it("keeps every observation", () => {
    const xs = latencies(500, 300, 1);
    const groups = sketchToGroups(sketchOf(xs));
    expect(groups.reduce((s, g) => s + g.count, 0)).toBe(500);
  });

  it("Mann–Whitney on sketch bins matches the raw test closely", () => {
    const a = latencies(2000, 300, 2);
    const b = latencies(2000, 320, 3);
    const raw = mannWhitneyU(a, b)!;
    const binned = mannWhitneyGroups(sketchToGroups(sketchOf(a)), sketchToGroups(sketchOf(b)))!;
    // 1 %-wide bins only create ties between near-equal values: z moves by well under 1 %.
    expect(Math.abs(binned.z - raw.z) / Math.abs(raw.z)).toBeLessThan(0.01);
    expect(binned.pValue < 0.05).toBe(raw.pValue < 0.05);
  });
});
