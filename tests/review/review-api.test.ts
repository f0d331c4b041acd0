import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { Db } from "@/db/client";
import * as queuesRoute from "@/app/api/v1/review-queues/route";
import * as queueRoute from "@/app/api/v1/review-queues/[id]/route";
import * as itemsRoute from "@/app/api/v1/review-queues/[id]/items/route";
import * as claimRoute from "@/app/api/v1/review-queues/[id]/claim/route";
import * as statsRoute from "@/app/api/v1/review-queues/[id]/stats/route";
import * as exportRoute from "@/app/api/v1/review-queues/[id]/export/route";
import * as disagreementsRoute from "@/app/api/v1/review-queues/[id]/disagreements/route";
import * as itemRoute from "@/app/api/v1/review-items/[id]/route";
import * as verdictsRoute from "@/app/api/v1/review-items/[id]/verdicts/route";
import * as adjudicationRoute from "@/app/api/v1/review-items/[id]/adjudication/route";
import * as leaseRoute from "@/app/api/v1/review-items/[id]/lease/route";
import * as skipRoute from "@/app/api/v1/review-items/[id]/skip/route";
import { parseCsvExport, type ExportItem } from "@/lib/review/export-format";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { makeMember, RUBRIC, seedEvents, type Member } from "./helpers";

let db: Db;
let p: TestProject;
let server: RouteServer;
const cookies = new Map<string, string>();
let engineer: Member, alice: Member, bob: Member, viewer: Member;

beforeAll(async () => {
  db = await freshDb();
  p = await makeProject(db);
  engineer = await makeMember(db, p.projectId, "engineer");
  alice = await makeMember(db, p.projectId, "reviewer", "alice");
  bob = await makeMember(db, p.projectId, "reviewer", "bob");
  viewer = await makeMember(db, p.projectId, "viewer");
  for (const m of [engineer, alice, bob, viewer]) {
    const token = await encode({ token: { uid: m.id, email: m.email, sub: String(m.id) }, secret: process.env.NEXTAUTH_SECRET! });
    cookies.set(m.email, `next-auth.session-token=${token}`);
  }
  server = await startRouteServer({
    "/api/v1/review-queues": queuesRoute,
    "/api/v1/review-queues/[id]": queueRoute,
    "/api/v1/review-queues/[id]/items": itemsRoute,
    "/api/v1/review-queues/[id]/claim": claimRoute,
    "/api/v1/review-queues/[id]/stats": statsRoute,
    "/api/v1/review-queues/[id]/export": exportRoute,
    "/api/v1/review-queues/[id]/disagreements": disagreementsRoute,
    "/api/v1/review-items/[id]": itemRoute,
    "/api/v1/review-items/[id]/verdicts": verdictsRoute,
    "/api/v1/review-items/[id]/adjudication": adjudicationRoute,
    "/api/v1/review-items/[id]/lease": leaseRoute,
    "/api/v1/review-items/[id]/skip": skipRoute,
  });
});

afterAll(async () => server?.close());

async function call(as: Member | string, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = typeof as === "string" ? { authorization: `Bearer ${as}` } : { cookie: cookies.get(as.email)! };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, type, text, json: type.includes("application/json") && text ? JSON.parse(text) : null };
}

const queueBody = {
  name: "Hallucination triage", instructions: "Compare the answer with the context.", rubric: RUBRIC,
  routing: { flagged: true, sampleRate: 0.5 }, reviewersPerItem: 2, correctedOutput: true,
};

describe("review API over HTTP", () => {
  it("creates a queue (201), rejects bad rubrics naming the field (400), viewers and reviewers (403), duplicates (409)", async () => {
    const created = await call(engineer, "POST", "/api/v1/review-queues", queueBody);
    expect(created.status).toBe(201);
    expect(created.json.queue).toMatchObject({ id: expect.any(Number), name: queueBody.name, reviewersPerItem: 2, routing: queueBody.routing });
    const bad = await call(engineer, "POST", "/api/v1/review-queues", { ...queueBody, name: "x", rubric: [{ key: "s", type: "categorical" }], reviewersPerItem: 4 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["reviewersPerItem", "rubric.0.options"]);
    expect((await call(alice, "POST", "/api/v1/review-queues", { ...queueBody, name: "y" })).status).toBe(403);
    expect((await call(viewer, "POST", "/api/v1/review-queues", { ...queueBody, name: "y" })).status).toBe(403);
    expect((await call(engineer, "POST", "/api/v1/review-queues", queueBody)).status).toBe(409);
    expect((await call(viewer, "GET", `/api/v1/review-queues/${created.json.queue.id}`)).status).toBe(200);
    expect((await call(viewer, "GET", "/api/v1/review-queues/999999")).status).toBe(404);
    expect((await call(viewer, "GET", "/api/v1/review-queues/abc")).status).toBe(404);
  });

  it("full loop: enqueue, claim (200/204), verdicts (201/400/409), adjudication, export round-trip", async () => {
    const ids = await seedEvents(db, p.projectId, 3, { prefix: "loop" });
    const { json: { queue } } = await call(engineer, "POST", "/api/v1/review-queues", { ...queueBody, name: "Loop", routing: undefined });
    const enq = await call(engineer, "POST", `/api/v1/review-queues/${queue.id}/items`, { eventIds: [...ids, ids[0]] });
    expect(enq.json).toEqual({ added: 3, existing: 0, matched: 3 });
    const badFilter = await call(engineer, "POST", `/api/v1/review-queues/${queue.id}/items`, { filter: { flagged: "maybe" } });
    expect(badFilter.status).toBe(400);
    expect(badFilter.json.error.details[0].path).toBe("filter.flagged");
    expect((await call(p.key, "POST", `/api/v1/review-queues/${queue.id}/claim`)).status).toBe(403);

    const formula = "=HYPERLINK(\"http://evil\",\"x\")";
    for (const [i, m] of [alice, bob, alice, bob, alice, bob].entries()) {
      const claim = await call(m, "POST", `/api/v1/review-queues/${queue.id}/claim`);
      expect(claim.status).toBe(200);
      const item = claim.json.item;
      expect(item).toMatchObject({ queueId: queue.id, event: { id: expect.stringMatching(/^loop-/) }, leaseExpiresAt: expect.any(String) });
      if (i === 0) {
        const bad = await call(m, "POST", `/api/v1/review-items/${item.id}/verdicts`, { values: { hallucination: true, severity: "extreme" } });
        expect(bad.status).toBe(400);
        expect(bad.json.error.details).toEqual([{ path: "values.severity", message: 'must be one of "low", "medium", "high"' }]);
        expect((await call(bob, "POST", `/api/v1/review-items/${item.id}/verdicts`, { values: { hallucination: true } })).status).toBe(409);
        expect((await call(m, "POST", `/api/v1/review-items/${item.id}/lease`)).status).toBe(200);
      }
      // Bob disagrees on the first item only.
      const yes = !(m === bob && item.event.id === "loop-0");
      const v = await call(m, "POST", `/api/v1/review-items/${item.id}/verdicts`, {
        values: { hallucination: yes, severity: "high", quality: 2, correct_answer: i === 0 ? formula : "Paris, France\nline 2" },
        correctedOutput: i === 1 ? "-1 + 2" : undefined, comment: i === 2 ? "said \"maybe\"" : undefined,
      });
      expect(v.status).toBe(201);
      expect(v.json.verdict).toMatchObject({ reviewer: m.email, values: { hallucination: yes } });
    }
    expect((await call(alice, "POST", `/api/v1/review-queues/${queue.id}/claim`)).status).toBe(204);

    const open = await call(engineer, "GET", `/api/v1/review-queues/${queue.id}/disagreements`);
    expect(open.json.items.map((i: { event: { id: string } }) => i.event.id)).toEqual(["loop-0"]);
    const target = open.json.items[0].id;
    expect((await call(alice, "POST", `/api/v1/review-items/${target}/adjudication`, { values: { hallucination: false } })).status).toBe(403);
    const adj = await call(engineer, "POST", `/api/v1/review-items/${target}/adjudication`, { values: { hallucination: false, severity: "low" }, comment: "checked" });
    expect(adj.status).toBe(201);

    const stats = await call(viewer, "GET", `/api/v1/review-queues/${queue.id}/stats`);
    expect(stats.json).toMatchObject({ total: 3, completed: 3, pending: 0, inProgress: 0, awaitingAdjudication: 0 });
    expect(stats.json.agreement.hallucination.n).toBe(3);

    expect((await call(viewer, "GET", `/api/v1/review-queues/${queue.id}/export?format=csv`)).status).toBe(403);
    const jsonl = await call(engineer, "GET", `/api/v1/review-queues/${queue.id}/export?format=jsonl`);
    expect(jsonl.type).toContain("application/x-ndjson");
    const items: ExportItem[] = jsonl.text.trim().split("\n").map((l) => JSON.parse(l));
    expect(items).toHaveLength(3);
    expect(items.flatMap((i) => i.verdicts)).toHaveLength(6);
    const first = items.find((i) => i.eventId === "loop-0")!;
    expect(first.finalLabel).toEqual({ hallucination: false, severity: "low" });
    expect(first.finalSource).toBe("adjudication");

    const csv = await call(engineer, "GET", `/api/v1/review-queues/${queue.id}/export?format=csv`);
    expect(csv.type).toContain("text/csv");
    // No cell starts a formula: the one written by a reviewer is neutralised.
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csv.text).not.toMatch(/(^|,)[=+\-@]/m);
    expect(parseCsvExport(RUBRIC, csv.text)).toEqual(items);
    expect((await call(engineer, "GET", `/api/v1/review-queues/${queue.id}/export?format=xml`)).status).toBe(400);
  });
});
