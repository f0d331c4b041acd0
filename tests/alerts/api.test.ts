import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as channels from "@/app/api/v1/alert-channels/route";
import * as channelById from "@/app/api/v1/alert-channels/[id]/route";
import * as channelTest from "@/app/api/v1/alert-channels/[id]/test/route";
import * as deliveries from "@/app/api/v1/alert-deliveries/route";
import * as rules from "@/app/api/v1/alert-rules/route";
import * as ruleById from "@/app/api/v1/alert-rules/[id]/route";
import * as evaluate from "@/app/api/v1/alert-rules/evaluate/route";
import * as incidents from "@/app/api/v1/incidents/route";
import * as ack from "@/app/api/v1/incidents/[id]/ack/route";
import * as silences from "@/app/api/v1/silences/route";
import * as silenceEnd from "@/app/api/v1/silences/[id]/end/route";
import { upsertUser } from "@/lib/users/create-user";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get, post, send as sendRequest } from "@/tests/helpers/ingest-client";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

let db: Db;
let p: TestProject;
let readOnly: TestProject;
let server: RouteServer;
let rx: Receiver;

beforeAll(async () => {
  process.env.SIGHTLINE_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
  db = await freshDb();
  p = await makeProject(db);
  readOnly = { ...p, key: (await makeProject(db, ["read"])).key };
  server = await startRouteServer({
    "/api/v1/alert-channels": channels, "/api/v1/alert-channels/[id]": channelById, "/api/v1/alert-channels/[id]/test": channelTest,
    "/api/v1/alert-deliveries": deliveries, "/api/v1/alert-rules": rules, "/api/v1/alert-rules/evaluate": evaluate, "/api/v1/alert-rules/[id]": ruleById,
    "/api/v1/incidents": incidents, "/api/v1/incidents/[id]/ack": ack, "/api/v1/silences": silences, "/api/v1/silences/[id]/end": silenceEnd,
  });
  rx = await startReceiver();
});

afterAll(async () => {
  await server.close();
  await rx.close();
});

const send = (method: "PATCH" | "DELETE", path: string, body?: unknown) => sendRequest(server.url, method, path, body, p.key);

describe("alert API", () => {
  it("creates a webhook channel with a generated secret shown once, and never lists credentials", async () => {
    const created = await post(server.url, "/api/v1/alert-channels", { name: "hook", type: "webhook", url: `${rx.url}/h` }, { key: p.key });
    expect(created.status).toBe(201);
    expect(created.json.id).toEqual(expect.any(Number));
    expect(created.json.secret).toMatch(/^whsec_/);
    const listed = await get(server.url, "/api/v1/alert-channels", p.key);
    expect(listed.json.channels[0]).toMatchObject({ id: created.json.id, destination: rx.url, enabled: true });
    expect(JSON.stringify(listed.json)).not.toContain("whsec_");
  });

  it("refuses a private destination with a 400 saying why", async () => {
    const r = await post(server.url, "/api/v1/alert-channels", { name: "meta", type: "webhook", url: "http://169.254.169.254/latest" }, { key: p.key });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain("169.254.169.254 (linkLocal)");
    expect(r.json.error.details[0].path).toBe("url");
    const scheme = await post(server.url, "/api/v1/alert-channels", { name: "x", type: "slack", url: "gopher://example.com/" }, { key: p.key });
    expect(scheme.json.error.details[0]).toMatchObject({ path: "url", message: expect.stringContaining("http or https only") });
  });

  it("creates, reads, patches and deletes a rule; bad thresholds and unknown channels name the field", async () => {
    const body = { name: "errors", metric: "error_rate", scope: { model: "gpt-4o" }, windowSeconds: 300, comparator: ">", threshold: 0.2, recoveryThreshold: 0.1 };
    const created = await post(server.url, "/api/v1/alert-rules", body, { key: p.key });
    expect(created.status).toBe(201);
    const id = created.json.id;
    expect((await get(server.url, `/api/v1/alert-rules/${id}`, p.key)).json).toMatchObject({ id, noData: "ignore", pendingSeconds: 0, enabled: true });
    const patched = await send("PATCH", `/api/v1/alert-rules/${id}`, { threshold: 0.3, enabled: false });
    expect(patched.json).toMatchObject({ threshold: 0.3, enabled: false, recoveryThreshold: 0.1 });
    const bad = await send("PATCH", `/api/v1/alert-rules/${id}`, { recoveryThreshold: 0.5 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("recoveryThreshold");
    const noChannel = await post(server.url, "/api/v1/alert-rules", { ...body, channelIds: [9999] }, { key: p.key });
    expect(noChannel.json.error.details[0].path).toBe("channelIds");
    const badWindow = await post(server.url, "/api/v1/alert-rules", { ...body, windowSeconds: 90 }, { key: p.key });
    expect(badWindow.json.error.details[0]).toMatchObject({ path: "windowSeconds", message: "must be a whole number of minutes" });
    expect((await send("DELETE", `/api/v1/alert-rules/${id}`)).json).toEqual({ deleted: true });
    expect((await get(server.url, `/api/v1/alert-rules/${id}`, p.key)).status).toBe(404);
  });

  it("creates an injection_rate rule, and refuses a scope it cannot honour", async () => {
    const ok = await post(server.url, "/api/v1/alert-rules", { name: "x", metric: "injection_rate", scope: { model: "gpt-4o" }, windowSeconds: 300, comparator: ">", threshold: 0.1 }, { key: p.key });
    expect(ok.status).toBe(201);
    const bad = await post(server.url, "/api/v1/alert-rules", { name: "y", metric: "injection_rate", scope: { promptId: "answer" }, windowSeconds: 300, comparator: ">", threshold: 0.1 }, { key: p.key });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("scope.promptId");
  });

  it.each([
    ["confirmed_hallucination_rate", { promptId: "answer" }],
    ["drift_share", { model: "fraud" }],
    ["feature_drift", { model: "fraud", feature: "amount" }],
    ["accuracy", { model: "churn" }],
    ["review_backlog", { queueId: 1 }],
  ])("creates a rule on %s now that its source is registered", async (metric, scope) => {
    const r = await post(server.url, "/api/v1/alert-rules", { name: metric, metric, scope, windowSeconds: 3600, comparator: ">", threshold: 0.5 }, { key: p.key });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ metric, scope });
  });

  it("refuses a scope field or group-by the metric cannot honour, naming the field", async () => {
    const env = await post(server.url, "/api/v1/alert-rules", { name: "x", metric: "accuracy", scope: { environment: "prod" }, windowSeconds: 3600, comparator: "<", threshold: 0.8 }, { key: p.key });
    expect(env.status).toBe(400);
    expect(env.json.error.details[0].path).toBe("scope.environment");
    const byUser = await post(server.url, "/api/v1/alert-rules", { name: "x", metric: "drift_share", groupBy: "user", windowSeconds: 3600, comparator: ">", threshold: 0.5 }, { key: p.key });
    expect(byUser.json.error.details[0].path).toBe("groupBy");
    const queueOnCost = await post(server.url, "/api/v1/alert-rules", { name: "x", metric: "cost_usd", scope: { queueId: 1 }, windowSeconds: 3600, comparator: ">", threshold: 5 }, { key: p.key });
    expect(queueOnCost.json.error.details[0].path).toBe("scope.queueId");
  });

  it("rejects an unknown metric name outright", async () => {
    const r = await post(server.url, "/api/v1/alert-rules", { name: "x", metric: "vibes", windowSeconds: 300, comparator: ">", threshold: 1 }, { key: p.key });
    expect(r.json.error.details[0].path).toBe("metric");
  });

  it("read keys may read but not write; evaluate is admin-only", async () => {
    expect((await get(server.url, "/api/v1/incidents", readOnly.key)).status).toBe(200);
    expect((await post(server.url, "/api/v1/alert-rules", {}, { key: readOnly.key })).status).toBe(403);
    expect((await post(server.url, "/api/v1/alert-channels", {}, { key: readOnly.key })).status).toBe(403);
    expect((await post(server.url, "/api/v1/alert-rules/evaluate", {}, { key: readOnly.key })).status).toBe(403);
    const ok = await post(server.url, "/api/v1/alert-rules/evaluate", {}, { key: p.key });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ transitions: expect.any(Array) });
  });

  it("evaluate returns transitions; incidents can be listed, acknowledged and silenced; send test lands in the log", async () => {
    const rule = await post(server.url, "/api/v1/alert-rules", { name: "no data", metric: "request_count", scope: { model: "nothing-here" }, windowSeconds: 60, comparator: ">", threshold: 1, noData: "alert" }, { key: p.key });
    const ev = await post(server.url, "/api/v1/alert-rules/evaluate", {}, { key: p.key });
    const mine = ev.json.transitions.filter((t: { ruleId: number }) => t.ruleId === rule.json.id);
    expect(mine.map((t: { kind: string }) => t.kind)).toEqual(["no_data"]);
    const open = await get(server.url, `/api/v1/incidents?state=open&ruleId=${rule.json.id}`, p.key);
    expect(open.json.incidents).toHaveLength(1);
    const acked = await post(server.url, `/api/v1/incidents/${open.json.incidents[0].id}/ack`, {}, { key: p.key });
    expect(acked.json).toMatchObject({ acknowledgedAt: expect.any(Number), acknowledgedBy: expect.stringContaining("api-key:") });
    const silence = await post(server.url, "/api/v1/silences", { ruleId: rule.json.id, endsAt: new Date(Date.now() + 3_600_000).toISOString(), reason: "maintenance" }, { key: p.key });
    expect(silence.status).toBe(201);
    const noTarget = await post(server.url, "/api/v1/silences", { endsAt: Date.now() + 1000, reason: "x" }, { key: p.key });
    expect(noTarget.json.error.details[0].path).toBe("ruleId");

    const hook = await post(server.url, "/api/v1/alert-channels", { name: "test me", type: "slack", url: `${rx.url}/slack` }, { key: p.key });
    const before = rx.received.length;
    const sent = await post(server.url, `/api/v1/alert-channels/${hook.json.id}/test`, {}, { key: p.key });
    expect(sent.status).toBe(202);
    expect(sent.json.delivery).toMatchObject({ outcome: "delivered", status: 200 });
    expect(rx.received.length).toBe(before + 1);
    const log = await get(server.url, `/api/v1/alert-deliveries?channelId=${hook.json.id}`, p.key);
    expect(log.json.deliveries).toEqual([expect.objectContaining({ kind: "test", statusCode: 200, outcome: "delivered", channelName: "test me" })]);
  });
});

describe("ending a silence early", () => {
  it("moves its end to now, drops it from the active list, and refuses to end it twice or in another project", async () => {
    const rule = await post(server.url, "/api/v1/alert-rules", { name: "to silence", metric: "request_count", windowSeconds: 60, comparator: ">", threshold: 1 }, { key: p.key });
    const endsAt = Date.now() + 3_600_000;
    const silence = await post(server.url, "/api/v1/silences", { ruleId: rule.json.id, endsAt, reason: "deploy" }, { key: p.key });
    expect((await get(server.url, "/api/v1/silences", p.key)).json.silences.map((s: { id: number }) => s.id)).toContain(silence.json.id);

    const other = await makeProject(db);
    const foreign = await post(server.url, `/api/v1/silences/${silence.json.id}/end`, {}, { key: other.key });
    expect(foreign.status).toBe(404);
    const readOnlyEnd = await post(server.url, `/api/v1/silences/${silence.json.id}/end`, {}, { key: readOnly.key });
    expect(readOnlyEnd.status).toBe(403);

    const before = Date.now();
    const ended = await post(server.url, `/api/v1/silences/${silence.json.id}/end`, {}, { key: p.key });
    expect(ended.status).toBe(200);
    expect(ended.json).toMatchObject({ id: silence.json.id, reason: "deploy" });
    expect(ended.json.endsAt).toBeGreaterThanOrEqual(before);
    expect(ended.json.endsAt).toBeLessThan(endsAt);
    expect((await get(server.url, "/api/v1/silences", p.key)).json.silences.map((s: { id: number }) => s.id)).not.toContain(silence.json.id);

    const again = await post(server.url, `/api/v1/silences/${silence.json.id}/end`, {}, { key: p.key });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBeTruthy();
    const bad = await post(server.url, "/api/v1/silences/abc/end", {}, { key: p.key });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("id");
  });
});

describe("who may do what", () => {
  async function asMember(role: "viewer" | "engineer" | "admin") {
    const email = `${role}-${Math.random().toString(36).slice(2)}@example.test`;
    const { id } = await upsertUser(db, { email, password: "correct horse", projectId: p.projectId, role });
    const token = await encode({ token: { uid: id, email, sub: String(id) }, secret: process.env.NEXTAUTH_SECRET! });
    return { cookie: `next-auth.session-token=${token}`, "content-type": "application/json" };
  }
  const call = async (path: string, headers: Record<string, string>, body: unknown) =>
    (await fetch(`${server.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) })).status;
  const ruleBody = { name: "r", metric: "request_count", windowSeconds: 60, comparator: ">", threshold: 1 };
  const channelBody = { name: "c", type: "slack", url: "http://127.0.0.1:9/x" };

  it("engineers write rules but not channels; viewers only read; admins evaluate", async () => {
    const viewer = await asMember("viewer");
    const engineer = await asMember("engineer");
    const admin = await asMember("admin");
    expect(await call("/api/v1/alert-rules", viewer, ruleBody)).toBe(403);
    expect(await call("/api/v1/alert-rules", engineer, ruleBody)).toBe(201);
    expect(await call("/api/v1/alert-channels", engineer, channelBody)).toBe(403);
    expect(await call("/api/v1/alert-channels", admin, channelBody)).toBe(201);
    expect(await call("/api/v1/alert-rules/evaluate", engineer, {})).toBe(403);
    expect(await call("/api/v1/alert-rules/evaluate", admin, {})).toBe(200);
    expect((await fetch(`${server.url}/api/v1/incidents`, { headers: viewer })).status).toBe(200);
  });
});
