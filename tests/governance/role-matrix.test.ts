import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ROLES, SCOPES, type Role, type Scope } from "@/db/schema";
import { PERMISSIONS, ROLE_PERMISSIONS, SCOPE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { memberWithSession } from "@/tests/helpers/session";

/**
 * The role matrix, generated from the route files: every handler of every route under app/api
 * × no session, each role, and each API-key scope → allowed, or 401/403, as its declared
 * permission says (lib/auth/permissions.ts). A new route joins the matrix by existing; one
 * without a declaration fails it.
 */
const PUBLIC = new Set(["app/api/auth/[...nextauth]/route.ts", "app/api/[...missing]/route.ts", "app/api/health/route.ts", "app/api/ready/route.ts"]);
/**
 * Routes whose service also needs a signed-in member, so keys get 403 even with the permission:
 * a key has no password to change, and review claims and leases belong to a person.
 */
const MEMBERS_ONLY = new Set([
  "POST app/api/v1/account/password/route.ts",
  "POST app/api/v1/review-queues/[id]/claim/route.ts",
  "POST app/api/v1/review-items/[id]/lease/route.ts",
  "POST app/api/v1/review-items/[id]/skip/route.ts",
]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type Handler = ((req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>) & { permission?: Permission; keysOnly?: boolean };

function routeFiles(dir = "app/api"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? routeFiles(p) : d.name === "route.ts" ? [p] : [];
  });
}

/** `app/api/v1/members/[userId]/route.ts` → URL with placeholder params that name nothing real. */
function urlAndParams(file: string): { url: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const route = file.replace(/^app/, "").replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, (_, n: string) => (params[n] = n === "version" ? "1" : "999999"));
  return { url: `http://127.0.0.1${route}`, params };
}

type Caller = { label: string; headers: Record<string, string>; expect(permission: Permission, keysOnly: boolean, membersOnly: boolean): "allowed" | 401 | 403 };

let db: Db;
let project: TestProject;
const callers: Caller[] = [];

beforeAll(async () => {
  db = await freshDb();
  project = await makeProject(db);
  callers.push({ label: "no session", headers: {}, expect: () => 401 });
  for (const role of ROLES as readonly Role[]) {
    const m = await memberWithSession(db, project.projectId, role);
    callers.push({
      label: `member ${role}`,
      headers: { cookie: m.cookie },
      expect: (permission, keysOnly) => (keysOnly ? 401 : ROLE_PERMISSIONS[role].includes(permission) ? "allowed" : 403),
    });
  }
  for (const scope of SCOPES as readonly Scope[]) {
    const { key } = await makeProject(db, [scope]);
    callers.push({
      label: `key ${scope}`,
      headers: { authorization: `Bearer ${key}` },
      expect: (permission, _keysOnly, membersOnly) => (SCOPE_PERMISSIONS[scope].includes(permission) && !membersOnly ? "allowed" : 403),
    });
  }
});

const handlers = routeFiles()
  .filter((f) => !PUBLIC.has(f))
  .flatMap((file) => METHODS.map((method) => ({ file, method })));

describe("role matrix", () => {
  it("covers every route file", () => {
    expect(routeFiles().length).toBeGreaterThan(20);
  });

  it.each(handlers)("$method $file", async ({ file, method }) => {
    const mod = (await import(`@/${file.replace(/\.ts$/, "")}`)) as Record<string, Handler | undefined>;
    const handler = mod[method];
    if (!handler) return; // the method is not served; Next answers 405
    expect(PERMISSIONS, `${method} ${file} must be wrapped in withApi({ permission })`).toContain(handler.permission);
    const { url, params } = urlAndParams(file);
    const membersOnly = MEMBERS_ONLY.has(`${method} ${file}`);
    const outcomes: string[] = [];
    for (const c of callers) {
      const body = method === "GET" || method === "DELETE" ? undefined : "{}";
      const req = new NextRequest(url, { method, headers: { ...c.headers, ...(body ? { "content-type": "application/json" } : {}) }, body });
      const res = await handler(req, { params: Promise.resolve(params) });
      const want = c.expect(handler.permission!, handler.keysOnly === true, membersOnly);
      const got = res.status === 401 || res.status === 403 ? res.status : "allowed";
      outcomes.push(`${c.label}: ${got}`);
      expect(got, `${method} ${file} as ${c.label} answered ${res.status} (${handler.permission})`).toBe(want);
    }
    expect(outcomes).toHaveLength(callers.length);
  });
});
