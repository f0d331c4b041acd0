import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as membersRoute from "@/app/api/v1/members/route";
import * as memberRoute from "@/app/api/v1/members/[userId]/route";
import * as keysRoute from "@/app/api/v1/api-keys/route";
import * as keyRoute from "@/app/api/v1/api-keys/[id]/route";
import * as passwordRoute from "@/app/api/v1/account/password/route";
import * as metricsRoute from "@/app/api/v1/metrics/route";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import { openDb, type Db } from "@/db/client";
import { sqliteOf } from "@/db/driver";
import { verifyApiKey } from "@/lib/auth/api-keys";
import { sqlitePath } from "@/lib/config/env";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { memberWithSession } from "@/tests/helpers/session";
import { llmEvent } from "@/tests/helpers/ingest-client";

let db: Db;
let p: TestProject;
let server: RouteServer;
let admin: Awaited<ReturnType<typeof memberWithSession>>;

beforeAll(async () => {
  db = await freshDb();
  p = await makeProject(db);
  admin = await memberWithSession(db, p.projectId, "admin");
  server = await startRouteServer({
    "/api/v1/members": membersRoute,
    "/api/v1/members/[userId]": memberRoute,
    "/api/v1/api-keys": keysRoute,
    "/api/v1/api-keys/[id]": keyRoute,
    "/api/v1/account/password": passwordRoute,
    "/api/v1/metrics": metricsRoute,
    "/api/v1/ingest": ingestRoute,
  });
});
afterAll(() => server.close());

async function call(method: string, url: string, auth: { cookie?: string; key?: string }, body?: unknown) {
  const headers: Record<string, string> = { "x-forwarded-for": "203.0.113.9" };
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.key) headers.authorization = `Bearer ${auth.key}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(server.url + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

const audit = (action: string) =>
  sqliteOf(db).prepare("SELECT actor_kind, actor_id, actor_label, target, before, after, address, request_id FROM audit_log WHERE action = ? ORDER BY id").all(action) as Record<string, unknown>[];

describe("members", () => {
  it("adds a member with a password (who can then be seen in the list) and audits it with actor and address", async () => {
    const res = await call("POST", "/api/v1/members", { cookie: admin.cookie }, { email: "Ana@Example.test", role: "engineer", password: "long enough pw" });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ created: true, member: { email: "ana@example.test", role: "engineer", disabled: false, invitePending: false } });
    expect(res.json.invite).toBeUndefined();
    const list = await call("GET", "/api/v1/members", { cookie: admin.cookie });
    expect(list.json.members.map((m: { email: string }) => m.email)).toContain("ana@example.test");
    const [entry] = audit("member.create");
    expect(entry).toMatchObject({ actor_kind: "member", actor_id: admin.id, actor_label: admin.email, target: `user:${res.json.member.userId}`, address: "203.0.113.9" });
    expect(JSON.parse(entry.after as string)).toMatchObject({ email: "ana@example.test", role: "engineer", newUser: true });
    expect(entry.request_id).toBeTruthy();
    expect((await call("POST", "/api/v1/members", { cookie: admin.cookie }, { email: "ana@example.test", role: "viewer" })).status).toBe(409);
  });

  it("without a password answers an invite link with token and expiry, shown once (only its hash is stored)", async () => {
    const res = await call("POST", "/api/v1/members", { cookie: admin.cookie }, { email: "invitee@example.test", role: "viewer" });
    expect(res.status).toBe(201);
    const { invite } = res.json;
    expect(invite.token).toMatch(/^[\w-]{43}$/);
    expect(invite.url).toBe(`${server.url}/invite/${invite.token}`);
    expect(Date.parse(invite.expiresAt) - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect(res.json.member.invitePending).toBe(true);
    const stored = sqliteOf(db).prepare("SELECT token_hash FROM invite").all() as { token_hash: string }[];
    expect(stored.some((r) => r.token_hash === invite.token)).toBe(false);
  });

  it("names the bad field, and refuses non-admins (403) and the signed out (401)", async () => {
    const bad = await call("POST", "/api/v1/members", { cookie: admin.cookie }, { email: "x@y.test", role: "owner" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("role");
    const eng = await memberWithSession(db, p.projectId, "engineer");
    expect((await call("GET", "/api/v1/members", { cookie: eng.cookie })).status).toBe(403);
    expect((await call("GET", "/api/v1/members", {})).status).toBe(401);
  });

  it("a role change applies at once; disabling ends the user's sessions at their next request", async () => {
    const v = await memberWithSession(db, p.projectId, "viewer");
    expect((await call("GET", "/api/v1/metrics", { cookie: v.cookie })).status).toBe(200);
    const promoted = await call("PATCH", `/api/v1/members/${v.id}`, { cookie: admin.cookie }, { role: "admin" });
    expect(promoted.json.member.role).toBe("admin");
    expect((await call("GET", "/api/v1/members", { cookie: v.cookie })).status).toBe(200);
    await call("PATCH", `/api/v1/members/${v.id}`, { cookie: admin.cookie }, { role: "viewer" });

    const disabled = await call("PATCH", `/api/v1/members/${v.id}`, { cookie: admin.cookie }, { disabled: true });
    expect(disabled.json.member.disabled).toBe(true);
    expect((await call("GET", "/api/v1/metrics", { cookie: v.cookie })).status).toBe(401);
    // Re-enabling does not revive old tokens: the session version moved on twice.
    await call("PATCH", `/api/v1/members/${v.id}`, { cookie: admin.cookie }, { disabled: false });
    expect((await call("GET", "/api/v1/metrics", { cookie: v.cookie })).status).toBe(401);
    expect(audit("member.disable").at(-1)).toMatchObject({ target: `user:${v.id}` });
    expect(JSON.parse(audit("member.update").at(-1)!.before as string)).toEqual({ role: "admin", disabled: false });
  });

  it("keeps the last admin, refuses self-disable, removes a membership (then 403 on that project)", async () => {
    const q = await makeProject(db);
    const solo = await memberWithSession(db, q.projectId, "admin");
    expect((await call("PATCH", `/api/v1/members/${solo.id}?project=${q.slug}`, { cookie: solo.cookie }, { role: "viewer" })).status).toBe(409);
    expect((await call("PATCH", `/api/v1/members/${solo.id}?project=${q.slug}`, { cookie: solo.cookie }, { disabled: true })).status).toBe(409);
    const other = await memberWithSession(db, q.projectId, "viewer");
    expect((await call("DELETE", `/api/v1/members/${other.id}?project=${q.slug}`, { cookie: solo.cookie })).status).toBe(204);
    expect((await call("GET", `/api/v1/metrics?project=${q.slug}`, { cookie: other.cookie })).status).toBe(403);
    expect((await call("DELETE", `/api/v1/members/${other.id}?project=${q.slug}`, { cookie: solo.cookie })).status).toBe(404);
    expect(audit("member.remove").at(-1)).toMatchObject({ target: `user:${other.id}`, actor_id: solo.id });
  });

  it("an admin of one project cannot disable a user who also belongs to a project they do not administer", async () => {
    const q = await makeProject(db);
    const shared = await memberWithSession(db, p.projectId, "viewer");
    const { setMembership } = await import("@/lib/projects/memberships");
    await setMembership(db, shared.id, q.projectId, "viewer");
    const res = await call("PATCH", `/api/v1/members/${shared.id}`, { cookie: admin.cookie }, { disabled: true });
    expect(res.status).toBe(403);
    // An admin-scope key of this project may not either: it administers this project only.
    expect((await call("PATCH", `/api/v1/members/${shared.id}`, { key: p.key }, { disabled: true })).status).toBe(403);
    expect((await call("GET", "/api/v1/metrics", { cookie: shared.cookie })).status).toBe(200);
  });
});

describe("password change", () => {
  it("ends the user's other sessions and keeps this one with a fresh cookie", async () => {
    const u = await memberWithSession(db, p.projectId, "viewer", "old password 1");
    const other = u.cookie; // the same user signed in elsewhere
    const wrong = await call("POST", "/api/v1/account/password", { cookie: u.cookie }, { currentPassword: "nope", newPassword: "new password 2" });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.details[0].path).toBe("currentPassword");
    const res = await call("POST", "/api/v1/account/password", { cookie: u.cookie }, { currentPassword: "old password 1", newPassword: "new password 2" });
    expect(res.status).toBe(200);
    const fresh = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))!;
    expect(fresh).toMatch(/HttpOnly; SameSite=Lax/);
    expect((await call("GET", "/api/v1/metrics", { cookie: other })).status).toBe(401);
    expect((await call("GET", "/api/v1/metrics", { cookie: fresh.split(";")[0] })).status).toBe(200);
    expect(audit("account.password_change").at(-1)).toMatchObject({ target: `user:${u.id}`, actor_id: u.id });
    // An API key cannot change a password.
    expect((await call("POST", "/api/v1/account/password", { key: p.key }, { currentPassword: "a", newPassword: "bbbbbbbbb" })).status).toBe(403);
  });
});

describe("API keys", () => {
  it("creates a key shown once with id and prefix; lists without the key; revocation takes effect at once here", async () => {
    const created = await call("POST", "/api/v1/api-keys", { cookie: admin.cookie }, { name: "ci", scopes: ["ingest", "ingest"] });
    expect(created.status).toBe(201);
    const k = created.json.apiKey;
    expect(k).toMatchObject({ name: "ci", scopes: ["ingest"], revokedAt: null, expiresAt: null });
    expect(k.key.startsWith(k.prefix)).toBe(true);
    const ingest = await call("POST", "/api/v1/ingest", { key: k.key }, { events: [llmEvent({ id: "k-1" })] });
    expect(ingest.status).toBe(200);

    const list = await call("GET", "/api/v1/api-keys", { cookie: admin.cookie });
    const listed = list.json.apiKeys.find((x: { id: number }) => x.id === k.id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.json)).not.toContain(k.key);

    const revoked = await call("DELETE", `/api/v1/api-keys/${k.id}`, { cookie: admin.cookie });
    expect(revoked.status).toBe(200);
    expect(revoked.json.apiKey.revokedAt).not.toBeNull();
    expect((await call("POST", "/api/v1/ingest", { key: k.key }, { events: [llmEvent({ id: "k-2" })] })).status).toBe(401);
    expect(audit("api_key.create").at(-1)).toMatchObject({ target: `api_key:${k.id}` });
    expect(JSON.stringify(audit("api_key.create").at(-1))).not.toContain(k.key);
    expect(audit("api_key.revoke").at(-1)).toMatchObject({ target: `api_key:${k.id}`, actor_id: admin.id });
  });

  it("validates scopes and expiry, 404s another project's key, and keeps keys:manage for admins", async () => {
    const bad = await call("POST", "/api/v1/api-keys", { cookie: admin.cookie }, { name: "x", scopes: ["root"] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toMatch(/^scopes/);
    const past = await call("POST", "/api/v1/api-keys", { cookie: admin.cookie }, { name: "x", scopes: ["read"], expiresAt: "2020-01-01T00:00:00Z" });
    expect(past.status).toBe(400);
    const q = await makeProject(db);
    const theirs = sqliteOf(db).prepare("SELECT id FROM api_key WHERE project_id = ?").get(q.projectId) as { id: number };
    expect((await call("DELETE", `/api/v1/api-keys/${theirs.id}`, { cookie: admin.cookie })).status).toBe(404);
    const eng = await memberWithSession(db, p.projectId, "engineer");
    expect((await call("POST", "/api/v1/api-keys", { cookie: eng.cookie }, { name: "x", scopes: ["read"] })).status).toBe(403);
  });

  it("a revocation made by another process is honoured within 10 s (key cache TTL)", async () => {
    const created = await call("POST", "/api/v1/api-keys", { cookie: admin.cookie }, { name: "cached", scopes: ["read"] });
    const { key, id } = created.json.apiKey;
    const reader = openDb(`file:${sqlitePath(process.env.DATABASE_URL)}`); // a second connection with its own cache
    try {
      const t0 = Date.now();
      expect(await verifyApiKey(reader, key, t0)).not.toBeNull();
      expect((await call("DELETE", `/api/v1/api-keys/${id}`, { cookie: admin.cookie })).status).toBe(200);
      expect(await verifyApiKey(reader, key, t0 + 10_001)).toBeNull();
    } finally {
      reader.close();
    }
  });
});

describe("CLI", () => {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const cli = (...args: string[]) => spawnSync(tsx, ["scripts/sightline.ts", ...args], { env: process.env, encoding: "utf8" });

  it("key:revoke and user:disable act, end access, and are audited as the system", async () => {
    const created = await call("POST", "/api/v1/api-keys", { cookie: admin.cookie }, { name: "to-revoke", scopes: ["read"] });
    const res = cli("key:revoke", "--project", p.slug, "--id", String(created.json.apiKey.id));
    expect(res.status, res.stderr).toBe(0);
    expect(sqliteOf(db).prepare("SELECT revoked_at FROM api_key WHERE id = ?").get(created.json.apiKey.id)).not.toEqual({ revoked_at: null });
    expect(cli("key:revoke", "--project", p.slug, "--id", String(created.json.apiKey.id)).status).toBe(1);

    const u = await memberWithSession(db, p.projectId, "viewer");
    expect(cli("user:disable", "--email", u.email).status).toBe(0);
    expect((await call("GET", "/api/v1/metrics", { cookie: u.cookie })).status).toBe(401);
    expect(audit("member.disable").at(-1)).toMatchObject({ actor_kind: "system", actor_label: "system:cli", target: `user:${u.id}` });
    expect(cli("user:disable", "--email", "nobody@example.test").status).not.toBe(0);
  }, 60_000);
});
