import { sqlRows } from "@/tests/helpers/sql";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getEvent } from "@/lib/events/get-event";
import { listEvents, listEventsQuerySchema } from "@/lib/events/list-events";
import { decodeTraces } from "@/lib/otlp/decode";
import { exportTraces } from "@/lib/otlp/export-traces";
import { mapSpan } from "@/lib/otlp/map/map-span";
import { freshDb, makeProject, testContext } from "../helpers/db";
import { jsonRequest, jsonSpan } from "./helpers";

let db: Db;
beforeAll(async () => {
  db = await freshDb();
});

const chat = (i: number) =>
  jsonSpan(
    { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o-mini", "gen_ai.usage.input_tokens": 10 + i, "gen_ai.response.id": `r-${i}`, "x.bad": i },
    { kind: 3, name: `chat ${i}`, ...(i === 0 ? { status: { code: 2, message: "boom" } } : {}) },
  );
const tool = () => jsonSpan({ "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search" }, { name: "execute_tool search" });

function decode(spans: unknown[], resource = { "service.name": "bot", "host.name": "h1" }) {
  return decodeTraces(Buffer.from(JSON.stringify(jsonRequest(spans, resource))), "json");
}

const contextRows = async (projectId: number) =>
  (await sqlRows(db, "SELECT id, body FROM otel_context WHERE project_id = ? ORDER BY id", projectId)) as { id: number; body: string }[];
const storedBody = async (projectId: number, clientId: string) =>
  JSON.parse(((await sqlRows(db, "SELECT body FROM event WHERE project_id = ? AND client_id = ?", projectId, clientId))[0] as { body: string }).body);
/** Rewrites stored event bodies (simulating older or foreign data), on either dialect. */
const rewriteBodies = async (projectId: number, clientId: string | null, edit: (body: Record<string, unknown>) => void) => {
  const rows = (await sqlRows(db, "SELECT client_id, body FROM event WHERE project_id = ?", projectId)) as { client_id: string; body: string }[];
  for (const r of rows) {
    if (clientId !== null && r.client_id !== clientId) continue;
    const body = JSON.parse(r.body);
    edit(body);
    await sqlRows(db, "UPDATE event SET body = ? WHERE project_id = ? AND client_id = ?", JSON.stringify(body), projectId, r.client_id);
  }
};

describe("interned OTLP provenance", () => {
  it("stores the repeated part once and gives back exactly the provenance the mapping produced", async () => {
    const { projectId } = await makeProject(db);
    const spans = [chat(0), chat(1), chat(2), tool(), tool()];
    const batch = decode(spans);
    const expected = batch.spans.map((s) => mapSpan(s).extra.otel);
    expect((await exportTraces(testContext(db, projectId), batch)).accepted).toBe(5);

    // Chat calls share one context (their mapped table, resource, scope, kind), tools another;
    // the failed call maps an extra field (errorMessage), so it has its own.
    expect(await contextRows(projectId)).toHaveLength(3);
    const body = await storedBody(projectId, `${spans[1].traceId}:${spans[1].spanId}`);
    expect(Object.keys(body.otel)).toEqual(["ctx", "unmapped", "spanName"]);
    expect(body.otel.unmapped).toMatchObject({ "gen_ai.response.id": "r-1", "x.bad": 1 });

    for (const [i, s] of spans.entries()) {
      const event = await getEvent(testContext(db, projectId), { id: `${s.traceId}:${s.spanId}` });
      // Same JSON text: same keys, values and key order as before interning.
      expect(JSON.stringify(event.otel)).toBe(JSON.stringify(expected[i]));
    }
  });

  it("reuses contexts across exports and merges them back in listings", async () => {
    const { projectId } = await makeProject(db);
    await exportTraces(testContext(db, projectId), decode([chat(1), tool()]));
    const before = await contextRows(projectId);
    const later = [chat(2), chat(3), tool()];
    await exportTraces(testContext(db, projectId), decode(later));
    expect(await contextRows(projectId)).toEqual(before);

    // A new handle (empty caches) reads and writes the same rows.
    db.memo.delete("otelContextIds");
    db.memo.delete("otelContextBodies");
    await exportTraces(testContext(db, projectId), decode([chat(4)]));
    expect(await contextRows(projectId)).toEqual(before);

    const traceId = later[0].traceId;
    const { events } = await listEvents(testContext(db, projectId), listEventsQuerySchema.parse({ traceId }));
    expect(events).toHaveLength(1);
    expect(events[0].otel).toMatchObject({ mapped: { model: "gen_ai.request.model" }, resource: { "host.name": "h1" }, scope: { name: "test" }, spanKind: "client" });
  });

  it("keeps projects apart: the same context is stored per project and never read across", async () => {
    const a = (await makeProject(db)).projectId;
    const b = (await makeProject(db)).projectId;
    await exportTraces(testContext(db, a), decode([tool()]));
    const s = tool();
    await exportTraces(testContext(db, b), decode([s]));
    const [ctxA] = await contextRows(a);
    const [ctxB] = await contextRows(b);
    expect(ctxA.body).toBe(ctxB.body);
    expect(ctxA.id).not.toBe(ctxB.id);
    expect((await storedBody(b, `${s.traceId}:${s.spanId}`)).otel.ctx).toBe(ctxB.id);

    // An event of B pointing at A's context id finds nothing and is returned as stored.
    await rewriteBodies(b, `${s.traceId}:${s.spanId}`, (body) => ((body.otel as Record<string, unknown>).ctx = ctxA.id));
    db.memo.delete("otelContextBodies");
    const otel = (await getEvent(testContext(db, b), { id: `${s.traceId}:${s.spanId}` })).otel as Record<string, unknown>;
    expect(otel.ctx).toBe(ctxA.id);
    expect(otel.mapped).toBeUndefined();
  });

  it("returns provenance stored before interning unchanged", async () => {
    const { projectId } = await makeProject(db);
    const s = tool();
    await exportTraces(testContext(db, projectId), decode([s]));
    const full = mapSpan(decode([s]).spans[0]).extra.otel;
    await rewriteBodies(projectId, null, (body) => (body.otel = full));
    expect((await getEvent(testContext(db, projectId), { id: `${s.traceId}:${s.spanId}` })).otel).toEqual(full);
  });
});
