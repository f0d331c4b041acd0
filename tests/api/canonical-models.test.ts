import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as metricsRoute from "@/app/api/v1/metrics/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import type { Db } from "@/db/client";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

let server: RouteServer;
let db: Db;
let p: TestProject;

beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/metrics": metricsRoute, "/api/v1/events": eventsRoute });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

describe("one name per model", () => {
  it("groups dated and provider-prefixed response models under the canonical model and keeps the exact name", async () => {
    const t = Date.now() - 60_000;
    await ingestEvents(db, p.projectId, [
      { id: "a", type: "llm", model: "gpt-4o", timestamp: t, latencyMs: 1, inputTokens: 1000, outputTokens: 0 },
      { id: "b", type: "llm", model: "gpt-4o-2024-08-06", timestamp: t, latencyMs: 1, inputTokens: 1000, outputTokens: 0 },
      { id: "c", type: "llm", model: "openai/gpt-4o", timestamp: t, latencyMs: 1, inputTokens: 1000, outputTokens: 0 },
      { id: "d", type: "prediction", model: "churn-2025-01-31", timestamp: t, prediction: 1 },
    ]);
    const metrics = await get(server.url, `/api/v1/metrics?groupBy=model&from=${t - 1000}`, p.key);
    expect(metrics.json.groups.map((g: { model: string; count: number }) => [g.model, g.count])).toEqual([
      ["churn-2025-01-31", 1], // ML model names are the team's own and kept as sent
      ["gpt-4o", 3],
    ]);
    const gpt = metrics.json.groups.find((g: { model: string }) => g.model === "gpt-4o");
    expect(gpt.costUsd).toBeCloseTo(3 * 1000 * 2.5 / 1e6, 9);

    const dated = await get(server.url, `/api/v1/events?responseModel=gpt-4o-2024-08-06&from=${t - 1000}`, p.key);
    expect(dated.json.events).toHaveLength(1);
    expect(dated.json.events[0]).toMatchObject({ id: "b", model: "gpt-4o", responseModel: "gpt-4o-2024-08-06" });
    const plain = await get(server.url, `/api/v1/events?model=gpt-4o&from=${t - 1000}`, p.key);
    expect(plain.json.events.map((e: { id: string; responseModel?: string }) => [e.id, e.responseModel ?? null]).sort()).toEqual([
      ["a", null],
      ["b", "gpt-4o-2024-08-06"],
      ["c", "openai/gpt-4o"],
    ]);
  });
});
