import { describe, expect, it } from "vitest";
import type { FleetRow } from "./get-fleet-overview";
import { fleetTotals, nextSort, selectFleetRows } from "./select-rows";
import { kindShares } from "./stat-drill";

const row = (over: Partial<FleetRow>): FleetRow => ({
  key: "m",
  name: "m",
  kind: "llm",
  count: 0,
  errorRate: null,
  latencyMs: { p50: null, p95: null, p99: null },
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  unpricedCount: 0,
  flaggedCount: 0,
  judgedCount: 0,
  hallucinationRate: null,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  cacheHitRate: null,
  costByKind: { input: 0, cacheRead: 0, cacheWrite: 0, output: 0, reasoning: 0 },
  bookCostUsd: 0,
  sparkline: [],
  driftStatus: null,
  maxPsi: null,
  driftShare: null,
  accuracy: null,
  health: "ok",
  ...over,
});

const rows = [
  row({ key: "gpt-4o", name: "gpt-4o", count: 100, errorRate: 0.01, latencyMs: { p50: 1, p95: 900, p99: 2 } }),
  row({ key: "churn", name: "churn", kind: "ml", count: 300, errorRate: 0.1, health: "bad" }),
  row({ key: "claude", name: "claude", count: 50, errorRate: 0.02, health: "warn", latencyMs: { p50: 1, p95: 400, p99: 2 } }),
];

describe("selectFleetRows", () => {
  it("filters by kind, health and search", () => {
    expect(selectFleetRows(rows, { kind: "ml", health: "all", sort: "count", dir: "desc" }).map((r) => r.key)).toEqual(["churn"]);
    expect(selectFleetRows(rows, { kind: "all", health: "warn", sort: "count", dir: "desc" }).map((r) => r.key)).toEqual(["claude"]);
    expect(selectFleetRows(rows, { q: "GPT", kind: "all", health: "all", sort: "count", dir: "desc" }).map((r) => r.key)).toEqual(["gpt-4o"]);
  });
  it("sorts by a metric with missing values last", () => {
    expect(selectFleetRows(rows, { kind: "all", health: "all", sort: "p95", dir: "asc" }).map((r) => r.key)).toEqual(["claude", "gpt-4o", "churn"]);
  });
});

describe("fleetTotals", () => {
  it("weights the error rate by traffic", () => {
    const t = fleetTotals(rows);
    expect(t.count).toBe(450);
    expect(t.errorRate).toBeCloseTo((1 + 30 + 1) / 450);
    expect(t.unhealthy).toBe(2);
  });
});

describe("nextSort", () => {
  it("sorts a new column in its natural order first: names A→Z, numbers largest first", () => {
    expect(nextSort({ sort: "count", dir: "desc" }, "name")).toEqual({ sort: "name", dir: "asc" });
    expect(nextSort({ sort: "name", dir: "asc" }, "p95")).toEqual({ sort: "p95", dir: "desc" });
  });
  it("reverses on a second click", () => {
    expect(nextSort({ sort: "name", dir: "asc" }, "name")).toEqual({ sort: "name", dir: "desc" });
    expect(nextSort({ sort: "count", dir: "desc" }, "count")).toEqual({ sort: "count", dir: "asc" });
  });
});

describe("kindShares", () => {
  it("splits a mixed fleet's requests and error rate by the event type the explorer filters on", () => {
    expect(kindShares(rows)).toEqual([
      { type: "llm", label: "LLM", count: 150, errorRate: (1 + 1) / 150 },
      { type: "prediction", label: "ML", count: 300, errorRate: 0.1 },
    ]);
  });
  it("has one share when one type carries all the traffic (the card then links as a whole)", () => {
    expect(kindShares([rows[0], rows[2], row({ key: "idle", kind: "ml", count: 0 })]).map((s) => s.type)).toEqual(["llm"]);
  });
});
