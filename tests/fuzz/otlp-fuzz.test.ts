import fc from "fast-check";
import { sqliteOf } from "@/db/driver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as otlpRoute from "@/app/api/otlp/v1/traces/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import type { Db } from "@/db/client";
import { ExportTraceServiceResponse, RpcStatus } from "@/lib/otlp/proto";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { jsonToProtobuf } from "@/tests/otlp/helpers";
import { otlpRequest, rawBytes, render, wire } from "./arbitraries";
import { expectNoServerErrorAndErrorShape, fuzzOptions, runs, send, type Answer } from "./http";

/** The OTLP/HTTP trace receiver under generated exports, JSON and protobuf, through the real route. */
const PATH = "/api/otlp/v1/traces";
let server: RouteServer;
let db: Db;
let p: TestProject;
const known = new Set<string>();

beforeAll(async () => {
  server = await startRouteServer({ [PATH]: otlpRoute, "/api/v1/events/[id]": eventRoute });
  process.env.SIGHTLINE_SQLITE_SYNCHRONOUS = "NORMAL"; // durability is not under test; fsyncs would be most of the run
  db = await freshDb();
  p = await makeProject(db);
});
afterAll(() => server.close());

const JSON_TYPE = "application/json";
const PROTO_TYPE = "application/x-protobuf";

/** The body in an encoding: OTLP/JSON text, its protobuf form (when it has one), cut protobuf, or raw bytes. */
const body = fc.oneof(
  { weight: 5, arbitrary: otlpRequest.map((r) => ({ type: JSON_TYPE, bytes: Buffer.from(render(r)) })) },
  { weight: 4, arbitrary: fc.tuple(otlpRequest, fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) })).map(([r, cut]) => {
    let bytes: Buffer;
    try {
      bytes = Buffer.from(jsonToProtobuf(JSON.parse(render(r))));
    } catch {
      bytes = Buffer.from(render(r)); // no protobuf form (wrong types, too deep to encode): send the text as if it were one
    }
    return { type: PROTO_TYPE, bytes: cut === null ? bytes : bytes.subarray(0, Math.floor(bytes.length * cut)) };
  }) },
  { weight: 1, arbitrary: fc.tuple(rawBytes, fc.constantFrom(JSON_TYPE, PROTO_TYPE)).map(([bytes, type]) => ({ type, bytes })) },
);
const request = body.chain((b) => wire(fc.constant(b.bytes), [b.type]));

/** A protobuf client gets its errors as google.rpc.Status; everyone else the JSON error shape. */
function expectErrorShape(a: Answer, sentType: string | null) {
  expect(a.status, a.text.slice(0, 300)).toBeLessThan(500);
  if (a.status < 400) return;
  if ((sentType ?? "").split(";")[0].trim().toLowerCase() === PROTO_TYPE) {
    expect(a.contentType).toBe(PROTO_TYPE);
    const status = RpcStatus.decode(a.bytes) as unknown as { code: number; message: string };
    expect(status.code).toBeGreaterThan(0);
    expect(status.message).toBeTypeOf("string");
  } else {
    expectNoServerErrorAndErrorShape(a, "otlp");
  }
}

describe("fuzz: POST /api/otlp/v1/traces", () => {
  it("never answers 5xx; errors in the request's error shape; every stored span reads back", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        const t0 = Date.now();
        const before = (sqliteOf(db).prepare("SELECT count(*) AS n FROM event").get() as { n: number }).n;
        const a = await send(`${server.url}${PATH}`, "POST", { ...req, key: p.key });
        expectErrorShape(a, req.contentType);
        const after = (sqliteOf(db).prepare("SELECT count(*) AS n FROM event").get() as { n: number }).n;
        if (a.status >= 400) {
          expect(after).toBe(before);
          return;
        }
        expect(a.status).toBe(200);
        const result = (a.contentType === PROTO_TYPE ? ExportTraceServiceResponse.decode(a.bytes) : JSON.parse(a.text)) as { partialSuccess?: { rejectedSpans?: unknown } | null };
        const rejected = Number(result.partialSuccess?.rejectedSpans ?? 0);
        expect(rejected).toBeGreaterThanOrEqual(0);
        const fresh = (sqliteOf(db).prepare("SELECT client_id FROM event WHERE received_at >= ?").all(t0 - 1) as { client_id: string }[])
          .map((r) => r.client_id)
          .filter((id) => !known.has(id));
        expect(fresh.length).toBe(after - before);
        for (const id of fresh) {
          known.add(id);
          const back = await send(`${server.url}/api/v1/events/${encodeURIComponent(id)}`, "GET", { key: p.key });
          expect(back.status, `read back ${id}: ${back.text.slice(0, 200)}`).toBe(200);
        }
      }),
      fuzzOptions(runs(2000)),
    );
  }, 150_000);
});
