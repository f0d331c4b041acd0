import { describe, expect, it } from "vitest";
import { compareVersions } from "./compare";
import { formatMs } from "./format";
import { matchesSearch, sortRows } from "./table";

describe("compareVersions", () => {
  type R = { p95: number; count: number };
  const metrics = [
    { key: "p95", label: "p95", get: (r: R) => r.p95, format: formatMs, better: "lower" as const },
    { key: "count", label: "Requests", get: (r: R) => r.count, format: String, better: "neutral" as const },
  ];
  it("marks a slower candidate as worse", () => {
    const rows = compareVersions<R>({ p95: 400, count: 10 }, { p95: 500, count: 20 }, metrics);
    expect(rows[0]).toEqual({ key: "p95", label: "p95", a: "400 ms", b: "500 ms", delta: "+25.0%", tone: "worse" });
    expect(rows[1].tone).toBe("same");
  });
  it("handles a missing side", () => {
    expect(compareVersions<R>(undefined, { p95: 1, count: 1 }, metrics)[0]).toMatchObject({ a: "—", delta: "—", tone: "same" });
  });
});

describe("table helpers", () => {
  it("sorts with nulls last in both directions", () => {
    const rows = [{ v: 2 }, { v: null }, { v: 5 }, { v: 1 }];
    expect(sortRows(rows, (r) => r.v, "asc").map((r) => r.v)).toEqual([1, 2, 5, null]);
    expect(sortRows(rows, (r) => r.v, "desc").map((r) => r.v)).toEqual([5, 2, 1, null]);
  });
  it("matches every search term", () => {
    expect(matchesSearch(["gpt-4o", "llm"], "gpt llm")).toBe(true);
    expect(matchesSearch(["gpt-4o", "llm"], "claude")).toBe(false);
    expect(matchesSearch(["x"], "  ")).toBe(true);
  });
});
