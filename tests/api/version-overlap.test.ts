import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as overlapRoute from "@/app/api/v1/version-overlap/route";
import type { Db } from "@/db/client";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { overlapOf, seenFromBuckets } from "@/lib/metrics/get-version-overlap";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

const M = 60_000;
const H = 3_600_000;
let server: RouteServer;
let db: Db;
let p: TestProject;
// Minute-aligned and recent, so minute rollups (kept 7 days) still exist.
const base = Math.floor((Date.now() - 3 * H) / M) * M;

beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/version-overlap": overlapRoute });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

const call = (id: string, over: Record<string, unknown>) => ({ id, type: "llm", model: "gpt-4o", latencyMs: 10, ...over });

describe("GET /api/v1/version-overlap", () => {
  it("gives each model version's first and last minute and the range both cover", async () => {
    await ingestEvents(db, p.projectId, [
      call("a1", { modelVersion: "v1", timestamp: base + 5_000 }),
      call("a2", { modelVersion: "v1", timestamp: base + 90 * M + 1_000 }),
      call("b1", { modelVersion: "v2", timestamp: base + 60 * M + 7_000 }),
      call("b2", { modelVersion: "v2", timestamp: base + 150 * M }),
    ]);
    const res = await get(server.url, "/api/v1/version-overlap?model=gpt-4o&a=v1&b=v2", p.key);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      a: { firstSeen: base, lastSeen: base + 91 * M - 1 },
      b: { firstSeen: base + 60 * M, lastSeen: base + 151 * M - 1 },
      overlap: { from: base + 60 * M, to: base + 91 * M - 1 },
    });
  });

  it("answers null overlap for versions that never ran together, and for prompts by version number", async () => {
    await ingestEvents(db, p.projectId, [
      call("p1", { promptId: "support", promptVersion: 1, timestamp: base }),
      call("p2", { promptId: "support", promptVersion: 2, timestamp: base + 2 * H }),
    ]);
    const res = await get(server.url, "/api/v1/version-overlap?promptId=support&a=1&b=2", p.key);
    expect(res.status).toBe(200);
    expect(res.json.overlap).toBeNull();
    expect(res.json.a).toEqual({ firstSeen: base, lastSeen: base + M - 1 });
    expect(res.json.b.firstSeen).toBe(base + 2 * H);
    const unknownVersion = await get(server.url, "/api/v1/version-overlap?promptId=support&a=1&b=9", p.key);
    expect(unknownVersion.json).toMatchObject({ b: null, overlap: null });
  });

  it("refuses a request without exactly one of model and promptId, naming the field; 404 for an unknown model", async () => {
    const both = await get(server.url, "/api/v1/version-overlap?model=m&promptId=p&a=1&b=2", p.key);
    expect(both.status).toBe(400);
    expect(both.json.error.details[0].path).toBe("model");
    const missing = await get(server.url, "/api/v1/version-overlap?model=m&a=1", p.key);
    expect(missing.status).toBe(400);
    expect(missing.json.error.details.map((d: { path: string }) => d.path)).toContain("b");
    const unknown = await get(server.url, "/api/v1/version-overlap?model=no-such&a=1&b=2", p.key);
    expect(unknown.status).toBe(404);
  });
});

describe("seenFromBuckets / overlapOf", () => {
  it("keeps hour precision when the minute rows are gone", () => {
    expect(seenFromBuckets({ lo: 10 * H, hi: 12 * H }, undefined)).toEqual({ firstSeen: 10 * H, lastSeen: 13 * H - 1 });
    // Minute rows that only cover later hours (the early ones pruned) do not move the first instant.
    expect(seenFromBuckets({ lo: 10 * H, hi: 12 * H }, { lo: 11 * H + 5 * M, hi: 12 * H + 7 * M })).toEqual({ firstSeen: 10 * H, lastSeen: 12 * H + 8 * M - 1 });
  });
  it("is null when either side is missing or they do not meet", () => {
    expect(overlapOf(null, { firstSeen: 0, lastSeen: 1 })).toBeNull();
    expect(overlapOf({ firstSeen: 0, lastSeen: 5 }, { firstSeen: 6, lastSeen: 9 })).toBeNull();
    expect(overlapOf({ firstSeen: 0, lastSeen: 6 }, { firstSeen: 6, lastSeen: 9 })).toEqual({ from: 6, to: 6 });
  });
});
