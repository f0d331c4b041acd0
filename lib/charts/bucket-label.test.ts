import { describe, expect, it } from "vitest";
import { bucketLabel, bucketWindowLabel } from "./bucket-label";
import { splitUnfinished, partialKey } from "./unfinished-series";

const M = 60_000;
const T = Date.parse("2026-03-10T14:05:00Z");
const count = (v: number) => String(v);

describe("bucketLabel", () => {
  it("names a one-series bucket by its window and value", () => {
    expect(bucketLabel({ t: T, count: 120 }, [{ key: "count", label: "Requests" }], 5 * M, count, null)).toBe("2026-03-10 14:05–14:10 UTC, 120 requests");
  });
  it("lists every series of a multi-series bucket and says which have no data", () => {
    const s = [{ key: "p50", label: "p50" }, { key: "p95", label: "p95" }];
    expect(bucketLabel({ t: T, p50: 120, p95: null }, s, M, (v) => `${v} ms`, null)).toBe("2026-03-10 14:05–14:06 UTC, p50 120 ms, p95 no data");
  });
  it("marks the unfinished bucket", () => {
    expect(bucketLabel({ t: T, count: 3 }, [{ key: "count", label: "Requests" }], M, count, T)).toBe("2026-03-10 14:05–14:06 UTC, 3 requests (in progress)");
  });
  it("writes hour buckets across midnight and day buckets as one date", () => {
    expect(bucketWindowLabel(Date.parse("2026-03-10T23:00:00Z"), 3_600_000)).toBe("2026-03-10 23:00–00:00 UTC");
    expect(bucketWindowLabel(Date.parse("2026-03-10T00:00:00Z"), 86_400_000)).toBe("2026-03-10 UTC");
  });
});

describe("splitUnfinished", () => {
  const rows = [{ t: 0, n: 10 }, { t: 1, n: 12 }, { t: 2, n: 3 }];
  it("moves the unfinished bucket and its finished neighbour to a separate dashed key", () => {
    expect(splitUnfinished(rows, ["n"], 2)).toEqual([
      { t: 0, n: 10 },
      { t: 1, n: 12, [partialKey("n")]: 12 },
      { t: 2, n: null, [partialKey("n")]: 3 },
    ]);
  });
  it("leaves complete series alone", () => {
    expect(splitUnfinished(rows, ["n"], null)).toBe(rows);
  });
  it("handles an unfinished first bucket (no finished neighbour)", () => {
    expect(splitUnfinished([{ t: 5, n: 4 }], ["n"], 5)).toEqual([{ t: 5, n: null, [partialKey("n")]: 4 }]);
  });
});
