import { sqliteOf } from "@/db/driver";
import { holdWriteLock } from "@/tests/helpers/sql";
import { beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import * as metricsRoute from "@/app/api/v1/metrics/route";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { upsertUser } from "@/lib/users/create-user";
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

async function sessionCookie(userId: number, email: string) {
  const token = await encode({ token: { uid: userId, email, sub: String(userId) }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

async function member(role: Role, projectId: number) {
  const email = `${role}-${projectId}@example.test`;
  const { id } = await upsertUser(db, { email, password: "correct horse", projectId, role });
  return { id, email, cookie: await sessionCookie(id, email) };
}

const call = (route: { GET?: unknown; POST?: unknown }, method: "GET" | "POST", url: string, headers: Record<string, string>, body?: string) =>
  (route[method] as (r: NextRequest) => Promise<Response>)(new NextRequest(url, { method, headers, body }));

describe("route wrapper with sessions", () => {
  it("lets a signed-in member read their project, chosen by ?project", async () => {
    const a = await makeProject(db);
    const b = await makeProject(db);
    const viewer = await member("viewer", a.projectId);
    const ok = await call(metricsRoute, "GET", `http://x/api/v1/metrics?project=${a.slug}`, { cookie: viewer.cookie });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-request-id")).toBeTruthy();
    const other = await call(metricsRoute, "GET", `http://x/api/v1/metrics?project=${b.slug}`, { cookie: viewer.cookie });
    expect(other.status).toBe(403);
    expect((await other.json()).error.code).toBe("forbidden");
  });

  it("rejects a forged or missing session with 401", async () => {
    const forged = await call(metricsRoute, "GET", "http://x/api/v1/metrics", { cookie: "next-auth.session-token=garbage" });
    expect(forged.status).toBe(401);
    expect((await call(metricsRoute, "GET", "http://x/api/v1/metrics", {})).status).toBe(401);
  });

  it("keeps ingest for API keys, even for a signed-in admin", async () => {
    const p = await makeProject(db);
    const admin = await member("admin", p.projectId);
    const res = await call(ingestRoute, "POST", "http://x/api/v1/ingest", { cookie: admin.cookie, "content-type": "application/json" }, JSON.stringify({ events: [] }));
    expect(res.status).toBe(401);
  });

  it("answers a malformed Authorization header with 401 in the error shape", async () => {
    const res = await call(metricsRoute, "GET", "http://x/api/v1/metrics", { authorization: "Basic abc" });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "unauthorized" });
    expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
  });
});

describe("route wrapper errors", () => {
  it("answers 503 with Retry-After when another process holds the write lock", async () => {
    const p = await makeProject(db);
    // Wait 50 ms for the lock, not the default 5 s (SQLite: the connection's busy timeout;
    // PostgreSQL: lock_timeout of the writer's connections, opened after this).
    if (db.dialect === "sqlite") sqliteOf(db).pragma("busy_timeout = 50");
    process.env.SIGHTLINE_PG_LOCK_TIMEOUT_MS = "50";
    const release = await holdWriteLock();
    try {
      const body = JSON.stringify({ events: [{ id: "b1", type: "llm", model: "m", latencyMs: 1 }] });
      const res = await call(ingestRoute, "POST", "http://x/api/v1/ingest", { authorization: `Bearer ${p.key}`, "content-type": "application/json" }, body);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect((await res.json()).error.code).toBe("unavailable");
    } finally {
      await release();
      delete process.env.SIGHTLINE_PG_LOCK_TIMEOUT_MS;
    }
    const again = await call(ingestRoute, "POST", "http://x/api/v1/ingest", { authorization: `Bearer ${p.key}`, "content-type": "application/json" }, JSON.stringify({ events: [{ id: "b1", type: "llm", model: "m", latencyMs: 1 }] }));
    expect(again.status).toBe(200);
    expect((await again.json()).accepted).toBe(1);
  });
});
