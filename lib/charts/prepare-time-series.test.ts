import { describe, expect, it } from "vitest";
import { bucketBounds, dragRange, niceCeil, prepareDenseRows, prepareTimeSeries } from "./prepare-time-series";

const H = 3_600_000;
const T0 = Date.parse("2026-03-10T00:00:00Z");

describe("prepareTimeSeries", () => {
  it("marks the bucket the window ends inside as unfinished", () => {
    const w = { from: T0, to: T0 + 2 * H + 20 * 60_000, interval: "1h" as const };
    const p = prepareTimeSeries({ count: [{ t: T0, value: 10 }, { t: T0 + 2 * H, value: 2 }] }, w, "count");
    expect(p.rows.map((r) => r.t)).toEqual([T0, T0 + H, T0 + 2 * H]);
    expect(p.rows.map((r) => r.count)).toEqual([10, 0, 2]);
    expect(p.unfinished).toBe(T0 + 2 * H);
  });
  it("has no unfinished bucket when the window ends on a bucket's last instant", () => {
    const w = { from: T0, to: T0 + 2 * H - 1, interval: "1h" as const };
    expect(prepareTimeSeries({ count: [] }, w, "count").unfinished).toBeNull();
  });
  it("keeps an all-zero rate on a 0–5 % axis and an all-zero count on 0–1", () => {
    const w = { from: T0, to: T0 + 3 * H - 1, interval: "1h" as const };
    expect(prepareTimeSeries({ err: [{ t: T0, value: 0 }] }, w, "ratio").yDomain).toEqual([0, 0.05]);
    expect(prepareTimeSeries({ n: [] }, w, "count").yDomain).toEqual([0, 1]);
    expect(prepareTimeSeries({ n: [] }, w, "count").allowDecimals).toBe(false);
  });
  it("caps a rate axis at 100 % and ends it on a round number", () => {
    const w = { from: T0, to: T0 + 3 * H - 1, interval: "1h" as const };
    expect(prepareTimeSeries({ err: [{ t: T0, value: 0.031 }] }, w, "ratio").yDomain).toEqual([0, 0.05]);
    expect(prepareTimeSeries({ err: [{ t: T0, value: 0.97 }] }, w, "ratio").yDomain).toEqual([0, 1]);
    expect(prepareTimeSeries({ n: [{ t: T0, value: 7 }] }, w, "count").yDomain).toEqual([0, "auto"]);
  });
});

describe("niceCeil", () => {
  it("rounds up to 1, 2 or 5 times a power of ten", () => {
    expect([0.031, 0.2, 0.21, 3, 7, 0].map(niceCeil)).toEqual([0.05, 0.2, 0.5, 5, 10, 0]);
  });
});

describe("bucketBounds and dragRange", () => {
  it("covers a whole bucket, clipped to the window end", () => {
    expect(bucketBounds(T0, H, T0 + 10 * H)).toEqual({ from: T0, to: T0 + H - 1 });
    expect(bucketBounds(T0, H, T0 + 60_000)).toEqual({ from: T0, to: T0 + 60_000 });
  });
  it("selects both end buckets whole in either drag direction", () => {
    expect(dragRange(T0 + 2 * H, T0, H, T0 + 10 * H)).toEqual({ from: T0, to: T0 + 3 * H - 1 });
    expect(dragRange(T0, T0 + 2 * H, H, T0 + 10 * H)).toEqual({ from: T0, to: T0 + 3 * H - 1 });
  });
});

describe("prepareDenseRows", () => {
  const rows = [{ t: 0, v: 1 }, { t: H, v: 2 }, { t: 2 * H, v: 3 }];
  it("marks the last bucket unfinished when the window ends inside it", () => {
    expect(prepareDenseRows(rows, H, 2 * H + 10).unfinished).toBe(2 * H);
    expect(prepareDenseRows(rows, H, 2 * H + 10).stepMs).toBe(H);
  });
  it("leaves every bucket finished when the window ends at the last bucket's end, or there are no rows", () => {
    expect(prepareDenseRows(rows, H, 3 * H - 1).unfinished).toBeNull();
    expect(prepareDenseRows([], H, 5).unfinished).toBeNull();
  });
});
