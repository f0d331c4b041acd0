import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import * as promptsRoute from "@/app/api/v1/prompts/route";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import type { Db } from "@/db/client";
import { ROLES, SCOPES, type Role, type Scope } from "@/db/schema";
import { PERMISSIONS, ROLE_PERMISSIONS, SCOPE_PERMISSIONS } from "@/lib/auth/permissions";
import { upsertUser } from "@/lib/users/create-user";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { llmEvent } from "@/tests/helpers/ingest-client";

/**
 * Routes that are public on purpose: next-auth's own endpoints, and the 404 for unknown API
 * paths (it reveals nothing and reads nothing). Everything else declares a permission.
 */
const PUBLIC = new Set(["app/api/auth/[...nextauth]/route.ts", "app/api/[...missing]/route.ts"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir = "app/api"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? routeFiles(p) : d.name === "route.ts" ? [p] : [];
  });
}

describe("every route declares the permission it needs", () => {
  it.each(routeFiles().filter((f) => !PUBLIC.has(f)))("%s", async (file) => {
    const mod = (await import(`@/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
    const handlers = METHODS.filter((m) => typeof mod[m] === "function");
    expect(handlers.length).toBeGreaterThan(0);
    for (const m of handlers) {
      const permission = (mod[m] as { permission?: string }).permission;
      expect(PERMISSIONS, `${m} ${file} must be wrapped in withApi({ permission })`).toContain(permission);
    }
  });
});

describe("roles and scopes grant permissions", () => {
  it("nests the roles: viewer ⊂ reviewer ⊂ engineer ⊂ admin, and admin holds everything", () => {
    const order: Role[] = ["viewer", "reviewer", "engineer", "admin"];
    expect([...ROLES].sort()).toEqual([...order].sort());
    for (let i = 1; i < order.length; i++) {
      for (const p of ROLE_PERMISSIONS[order[i - 1]]) expect(ROLE_PERMISSIONS[order[i]]).toContain(p);
    }
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
    expect(ROLE_PERMISSIONS.reviewer).toContain("review:submit");
    expect(ROLE_PERMISSIONS.viewer).not.toContain("review:submit");
  });

  it("maps every scope, and keeps ingest keys able to register prompts", () => {
    for (const s of SCOPES) expect(SCOPE_PERMISSIONS[s].length).toBeGreaterThan(0);
    expect(SCOPE_PERMISSIONS.ingest).toEqual(expect.arrayContaining(["telemetry:write", "prompts:write"]));
    expect(SCOPE_PERMISSIONS.prompts).toEqual(["prompts:write"]);
  });
});

let db: Db;
let p: TestProject;
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

let seq = 0;
const newPrompt = () => JSON.stringify({ key: `prompt-${++seq}` });

async function asMember(role: Role): Promise<Record<string, string>> {
  const email = `${role}-${++seq}@example.test`;
  const { id } = await upsertUser(db, { email, password: "correct horse", projectId: p.projectId, role });
  const token = await encode({ token: { uid: id, email, sub: String(id) }, secret: process.env.NEXTAUTH_SECRET! });
  return { cookie: `next-auth.session-token=${token}` };
}

async function asKey(scopes: Scope[]): Promise<Record<string, string>> {
  const { key } = await makeProject(db, scopes);
  return { authorization: `Bearer ${key}` };
}

const post = (route: { POST: unknown }, url: string, headers: Record<string, string>, body: string) =>
  (route.POST as (r: NextRequest) => Promise<Response>)(new NextRequest(url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body }));

describe("a route's permission, by role and by key scope", () => {
  it.each([
    ["viewer", 403],
    ["reviewer", 403],
    ["engineer", 201],
    ["admin", 201],
  ] as const)("POST /api/v1/prompts as %s → %i", async (role, status) => {
    const res = await post(promptsRoute, "http://x/api/v1/prompts", await asMember(role), newPrompt());
    expect(res.status).toBe(status);
    if (status === 403) expect((await res.json()).error.message).toContain("prompts:write");
  });

  it.each([
    [["ingest"], 201, 200],
    [["prompts"], 201, 403],
    [["read"], 403, 403],
    [["review"], 403, 403],
  ] as const)("a key with scopes %j: prompts → %i, ingest → %i", async (scopes, promptStatus, ingestStatus) => {
    const headers = await asKey([...scopes]);
    expect((await post(promptsRoute, "http://x/api/v1/prompts", headers, newPrompt())).status).toBe(promptStatus);
    expect((await post(ingestRoute, "http://x/api/v1/ingest", headers, JSON.stringify({ events: [llmEvent({ id: `e-${++seq}` })] }))).status).toBe(ingestStatus);
  });
});
