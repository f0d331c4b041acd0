import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v1/audit-log/route";
import * as exportRoute from "@/app/api/v1/audit-log/export/route";
import * as promptsRoute from "@/app/api/v1/prompts/route";
import * as labelsRoute from "@/app/api/v1/prompts/[id]/versions/[version]/route";
import * as versionsRoute from "@/app/api/v1/prompts/[id]/versions/route";
import type { Db } from "@/db/client";
import { recordAudit, recordSignIn } from "@/lib/audit/record-audit";
import { freshDb, makeProject, testContext, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { memberWithSession } from "@/tests/helpers/session";

let db: Db;
let p: TestProject;
let server: RouteServer;
let admin: Awaited<ReturnType<typeof memberWithSession>>;

beforeAll(async () => {
  db = await freshDb();
  p = await makeProject(db);
  admin = await memberWithSession(db, p.projectId, "admin");
  server = await startRouteServer({
    "/api/v1/audit-log": auditRoute,
    "/api/v1/audit-log/export": exportRoute,
    "/api/v1/prompts": promptsRoute,
    "/api/v1/prompts/[id]/versions": versionsRoute,
    "/api/v1/prompts/[id]/versions/[version]": labelsRoute,
  });
});
afterAll(() => server.close());

async function call(method: string, url: string, cookie: string, body?: unknown) {
  const res = await fetch(server.url + url, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
const getJson = async (url: string, cookie = admin.cookie) => JSON.parse((await call("GET", url, cookie)).text);

describe("audit log", () => {
  it("records prompt creation, versions and label moves with before and after", async () => {
    const key = "=HYPERLINK(\"http://evil.example\",\"click\")";
    expect((await call("POST", "/api/v1/prompts", admin.cookie, { key })).status).toBe(201);
    const enc = encodeURIComponent(key);
    expect((await call("POST", `/api/v1/prompts/${enc}/versions`, admin.cookie, { template: "v1", labels: ["production"] })).status).toBe(201);
    expect((await call("POST", `/api/v1/prompts/${enc}/versions`, admin.cookie, { template: "v2" })).status).toBe(201);
    expect((await call("PATCH", `/api/v1/prompts/${enc}/versions/2`, admin.cookie, { labels: ["production"] })).status).toBe(200);
    const { entries } = await getJson("/api/v1/audit-log?action=prompt.");
    expect(entries.map((e: { action: string }) => e.action)).toEqual(["prompt.label", "prompt.version_create", "prompt.version_create", "prompt.create"]);
    expect(entries[0]).toMatchObject({ actor: admin.email, actorKind: "member", target: `prompt:${key}@v2`, before: { labels: [], elsewhere: { production: 1 } }, after: { labels: ["production"] } });
  });

  it("filters by action, actor, time and pages with a cursor; other projects' entries stay out", async () => {
    const q = await makeProject(db);
    const t0 = 1_800_000_000_000;
    for (let i = 0; i < 5; i++) await recordAudit(testContext(db, p.projectId, { now: t0 + i }), { action: "test.thing", target: `t:${i}` });
    await recordAudit(testContext(db, q.projectId, { now: t0 }), { action: "test.thing", target: "other-project" });
    const first = await getJson("/api/v1/audit-log?action=test.thing&limit=2");
    expect(first.entries.map((e: { target: string }) => e.target)).toEqual(["t:4", "t:3"]);
    const second = await getJson(`/api/v1/audit-log?action=test.thing&limit=2&cursor=${first.nextCursor}`);
    expect(second.entries.map((e: { target: string }) => e.target)).toEqual(["t:2", "t:1"]);
    const ranged = await getJson(`/api/v1/audit-log?action=test.thing&from=${t0 + 1}&to=${t0 + 2}`);
    expect(ranged.entries.map((e: { target: string }) => e.target)).toEqual(["t:2", "t:1"]);
    expect((await getJson("/api/v1/audit-log?actor=system:test&limit=500")).entries.every((e: { actor: string }) => e.actor === "system:test")).toBe(true);
    expect(JSON.stringify(await getJson("/api/v1/audit-log?limit=500"))).not.toContain("other-project");
    // literal LIKE: '%' in the filter is not a wildcard
    expect((await getJson("/api/v1/audit-log?actor=%25")).entries).toEqual([]);
    const bad = JSON.parse((await call("GET", "/api/v1/audit-log?limit=0", admin.cookie)).text);
    expect(bad.error.details[0].path).toBe("limit");
  });

  it("shows sign-ins of the project's members and failed sign-ins of unknown e-mails, not of outsiders", async () => {
    const outsider = await memberWithSession(db, (await makeProject(db)).projectId, "viewer");
    const at = Date.now();
    await recordSignIn(db, { action: "auth.sign_in", email: admin.email, userId: admin.id, address: "192.0.2.1", at });
    await recordSignIn(db, { action: "auth.sign_in_failed", email: "guess@example.test", userId: null, reason: "unknown_email", address: "192.0.2.2", at });
    await recordSignIn(db, { action: "auth.sign_in", email: outsider.email, userId: outsider.id, address: "192.0.2.3", at });
    const { entries } = await getJson("/api/v1/audit-log?action=auth.");
    expect(entries.map((e: { actor: string; address: string }) => [e.actor, e.address])).toEqual([
      ["guess@example.test", "192.0.2.2"],
      [admin.email, "192.0.2.1"],
    ]);
  });

  it("exports CSV that a spreadsheet cannot execute", async () => {
    await recordAudit(testContext(db, p.projectId), { action: "prompt.create", target: "=cmd|'/C calc'!A0", after: { name: "@SUM(1)" } });
    const res = await call("GET", "/api/v1/audit-log/export?action=prompt.create", admin.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="sightline-audit-/);
    const [header, injected, row] = res.text.trim().split("\r\n");
    expect(header).toBe('"id","at","actor_kind","actor_id","actor","action","target","before","after","address","request_id"');
    expect(injected).toContain(`"'=cmd|'/C calc'!A0"`);
    expect(row).toContain(`"prompt:=HYPERLINK(""http://evil.example"",""click"")"`); // starts with "prompt:", harmless
    expect(res.text.split("\r\n").every((line) => !/(^|,)"[=+\-@]/.test(line))).toBe(true);
  });

  it("is readable with audit:read only", async () => {
    const eng = await memberWithSession(db, p.projectId, "engineer");
    expect((await call("GET", "/api/v1/audit-log", eng.cookie)).status).toBe(403);
    expect((await call("GET", "/api/v1/audit-log/export", eng.cookie)).status).toBe(403);
  });

  it("a change that rolls back leaves no entry (the entry is written in the change's transaction)", async () => {
    const ctx = testContext(db, p.projectId);
    await expect(
      db.transaction(async (tx) => {
        await recordAudit({ ...ctx, db: tx }, { action: "test.rolled_back" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await getJson("/api/v1/audit-log?action=test.rolled_back")).entries).toEqual([]);
  });
});

describe("the audit log is append-only", () => {
  function files(dir: string, pick: (f: string) => boolean): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const full = path.join(dir, d.name);
      return d.isDirectory() ? files(full, pick) : pick(full) ? [full] : [];
    });
  }

  it("no route answers anything but GET on the audit log, and writing methods get 405", async () => {
    for (const mod of [auditRoute, exportRoute] as Record<string, unknown>[]) {
      expect(Object.keys(mod).filter((k) => ["POST", "PUT", "PATCH", "DELETE"].includes(k))).toEqual([]);
    }
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect((await call(method, "/api/v1/audit-log", admin.cookie, {})).status).toBe(405);
  });

  it("no code in app/ or lib/ updates or deletes audit_log rows (only record-audit.ts inserts)", () => {
    const sources = [...files("app", (f) => /\.tsx?$/.test(f)), ...files("lib", (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts"))];
    const offenders = sources.filter((f) => {
      const text = fs.readFileSync(f, "utf8");
      return /\.(update|delete)\(\s*auditLog\b/.test(text) || /(UPDATE|DELETE\s+FROM)\s+["`]?audit_log/i.test(text);
    });
    expect(offenders).toEqual([]);
    const inserters = sources.filter((f) => /\.insert\(\s*auditLog\b/.test(fs.readFileSync(f, "utf8")));
    expect(inserters).toEqual([path.join("lib", "audit", "record-audit.ts")]);
  });
});
