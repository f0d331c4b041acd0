import fc from "fast-check";
import { sqliteOf } from "@/db/driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import type { Db } from "@/db/client";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { fuzzEvent, oddValue, rawBytes, render, wire } from "./arbitraries";
import { expectNoServerErrorAndErrorShape, fuzzOptions, runs, send } from "./http";

/**
 * POST /api/v1/ingest under generated hostile input, through the real route and writer thread
 * over 127.0.0.1, on one real SQLite file that accumulates everything the cases store.
 */
let server: RouteServer;
let db: Db;
let p: TestProject;
/** Ids stored so far (a resent one is a duplicate, never stored twice). */
const stored = new Set<string>();

beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/ingest": ingestRoute, "/api/v1/events/[id]": eventRoute });
  // Durability is not under test here, and thousands of fsyncs would be most of the run.
  process.env.SIGHTLINE_SQLITE_SYNCHRONOUS = "NORMAL";
  db = await freshDb();
  p = await makeProject(db);
});
afterAll(() => server.close());

const eventCount = () => (sqliteOf(db).prepare("SELECT count(*) AS n FROM event WHERE project_id = ?").get(p.projectId) as { n: number }).n;
const hasEvent = (id: string) => sqliteOf(db).prepare("SELECT 1 FROM event WHERE project_id = ? AND client_id = ?").get(p.projectId, id) !== undefined;

const envelope = fc.oneof(
  { weight: 16, arbitrary: fc.array(fuzzEvent, { minLength: 1, maxLength: 6 }).map((events) => ({ events })) },
  { weight: 1, arbitrary: fc.array(fuzzEvent, { maxLength: 3 }).map((events) => ({ events, extra: "unknown top-level key" })) },
  { weight: 1, arbitrary: fc.oneof(oddValue, fc.constant({ events: [] }), fc.constant({ events: {} }), fc.constant([]), fc.constant({ events: Array(1001).fill(1) })) },
);
const body = fc.oneof({ weight: 9, arbitrary: envelope.map((v) => Buffer.from(render(v))) }, { weight: 1, arbitrary: rawBytes });
const request = wire(body, ["application/json", "application/json; charset=utf-8"]);

interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: { index: number; id: string | null; status: string; error?: { code: string; message: string; path: string } }[];
}

describe("fuzz: POST /api/v1/ingest", () => {
  it("never answers 5xx; 4xx in the error shape; rejected events change nothing; accepted ones read back", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const before = eventCount();
        const a = await send(`${server.url}/api/v1/ingest`, "POST", { ...req, key: p.key });
        expectNoServerErrorAndErrorShape(a, "ingest");
        if (a.status >= 400) {
          expect(eventCount()).toBe(before);
          return;
        }
        expect([200, 207]).toContain(a.status);
        const r = JSON.parse(a.text) as IngestAnswer;
        expect(r.accepted + r.duplicates + r.rejected).toBe(r.results.length);
        expect(a.status === 207).toBe(r.rejected > 0);
        // Exactly the accepted events were stored: rejected ones and duplicates add nothing.
        expect(eventCount() - before).toBe(r.accepted);
        for (const res of r.results) {
          if (res.status === "rejected") {
            expect(res.error?.code).toBeTypeOf("string");
            expect(res.error?.path).toBeTypeOf("string");
            if (typeof res.id === "string" && res.id.isWellFormed() && !stored.has(res.id) && !r.results.some((o) => o.id === res.id && o.status !== "rejected")) {
              expect(hasEvent(res.id), `rejected ${res.id} was stored`).toBe(false);
            }
            continue;
          }
          expect(res.id).toBeTypeOf("string");
          const id = res.id!;
          if (res.status === "duplicate") {
            expect(stored.has(id) || r.results.some((o) => o.index < res.index && o.id === id && o.status === "accepted")).toBe(true);
            continue;
          }
          expect(stored.has(id), `${id} accepted twice`).toBe(false);
          stored.add(id);
          const back = await send(`${server.url}/api/v1/events/${encodeURIComponent(id)}`, "GET", { key: p.key }).catch((err: Error) => {
            throw new Error(`read back ${JSON.stringify(id)}: ${err.message}`);
          });
          expect(back.status, `read back ${JSON.stringify(id)}: ${back.text.slice(0, 200)}`).toBe(200);
          expect((JSON.parse(back.text) as { id: string }).id).toBe(id);
        }
      }),
      fuzzOptions(runs(3000)),
    );
  }, 150_000);
});
