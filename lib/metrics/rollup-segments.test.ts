import { describe, expect, it } from "vitest";
import { RESOLUTIONS } from "@/db/schema";
import { coverRange } from "./rollup-segments";

const M = RESOLUTIONS.minute, H = RESOLUTIONS.hour, D = RESOLUTIONS.day;
const t0 = Date.UTC(2026, 10, 1);

function covered(segs: { from: number; to: number }[]) {
  const s = [...segs].sort((a, b) => a.from - b.from);
  for (let i = 1; i < s.length; i++) expect(s[i].from).toBe(s[i - 1].to);
  return [s[0].from, s[s.length - 1].to];
}

describe("coverRange", () => {
  it("uses days in the middle, hours and minutes at the edges, without gaps or overlaps", () => {
    const from = t0 + 2 * H + 5 * M;
    const to = t0 + 3 * D + 4 * H + 30 * M;
    const segs = coverRange(from, to, 0);
    expect(covered(segs)).toEqual([from, to]);
    expect(segs).toEqual([
      { resolution: M, from, to: t0 + 3 * H },
      { resolution: H, from: t0 + 3 * H, to: t0 + D },
      { resolution: D, from: t0 + D, to: t0 + 3 * D },
      { resolution: H, from: t0 + 3 * D, to: t0 + 3 * D + 4 * H },
      { resolution: M, from: t0 + 3 * D + 4 * H, to },
    ]);
  });

  it("widens to whole minutes", () => {
    expect(coverRange(t0 + 1500, t0 + 61_000, 0)).toEqual([{ resolution: M, from: t0, to: t0 + 2 * M }]);
  });

  it("widens minute edges older than the minute horizon to whole hours", () => {
    const segs = coverRange(t0 + 10 * M, t0 + 5 * H + 20 * M, t0 + 5 * H);
    expect(segs).toEqual([
      { resolution: H, from: t0, to: t0 + H },
      { resolution: H, from: t0 + H, to: t0 + 5 * H },
      { resolution: M, from: t0 + 5 * H, to: t0 + 5 * H + 20 * M },
    ]);
  });

  it("keeps a segment count independent of the range length", () => {
    expect(coverRange(t0 + 7 * M, t0 + 365 * D + 7 * M, 0).length).toBeLessThanOrEqual(5);
  });
});
