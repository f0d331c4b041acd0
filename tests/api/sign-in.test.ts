import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it } from "vitest";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { upsertUser } from "@/lib/users/create-user";
import { hashPassword } from "@/lib/users/passwords";
import { authOptions } from "@/lib/auth/auth-options";
import { AUTH_BODY_LIMIT, guardSignIn } from "@/lib/auth/guard-sign-in";
import { DUMMY_PASSWORD_HASH } from "@/lib/auth/verify-credentials";
import { MAX_FAILURES } from "@/lib/auth/login-throttle";

// next-auth's route handler needs Next's request scope (cookies()), so the full HTTP flow is
// covered in e2e/security.spec.ts; here the two pieces it is made of run against a real database:
// the guard in front of next-auth, and the credentials provider's authorize().
type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
const authorize: Authorize = (c, req) =>
  (authOptions().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize(c, req);

beforeAll(async () => {
  const db = await freshDb();
  const p = await makeProject(db);
  await upsertUser(db, { email: "known@example.test", password: "correct horse", projectId: p.projectId, role: "viewer" });
});

function post(email: string, address: string, body?: string) {
  return new Request("http://127.0.0.1/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: body ?? new URLSearchParams({ email, password: "x", csrfToken: "t" }).toString(),
  });
}

async function attempt(email: string, password: string, address: string) {
  const guarded = await guardSignIn(post(email, address));
  if (guarded instanceof Response) return guarded;
  expect(await guarded.text()).toContain(encodeURIComponent(email));
  return authorize({ email, password }, { headers: { "x-forwarded-for": address } });
}

describe("sign-in hardening", () => {
  it("signs in with the right password", async () => {
    expect(await attempt("known@example.test", "correct horse", "198.51.100.1")).toMatchObject({ email: "known@example.test" });
  });

  it("after 10 failures for one account, the next attempt gets 429 with Retry-After, even with the right password", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) expect(await attempt("known@example.test", `wrong-${i}`, `198.51.100.${10 + i}`)).toBeNull();
    const blocked = (await attempt("KNOWN@example.test", "correct horse", "198.51.100.99")) as Response;
    expect(blocked).toBeInstanceOf(Response);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(800);
    const body = await blocked.json();
    expect(body.error.code).toBe("rate_limited");
    expect(body.url).toContain("error=TooManyAttempts");
  });

  it("after 10 failures from one address across unknown accounts, that address is refused", async () => {
    for (let i = 0; i < MAX_FAILURES; i++) expect(await attempt(`nobody${i}@example.test`, "x", "203.0.113.5")).toBeNull();
    expect(((await attempt("someone-else@example.test", "x", "203.0.113.5")) as Response).status).toBe(429);
    expect(await attempt("someone-else@example.test", "x", "203.0.113.6")).toBeNull();
  });

  it("caps the request body at 8 KiB", async () => {
    const res = (await guardSignIn(post("a@b.c", "192.0.2.1", "email=a%40b.c&password=" + "x".repeat(AUTH_BODY_LIMIT)))) as Response;
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("checks unknown e-mails against a bcrypt hash of the same cost as real ones", async () => {
    const real = await hashPassword("whatever1");
    expect(bcrypt.getRounds(DUMMY_PASSWORD_HASH)).toBe(bcrypt.getRounds(real));
    expect(DUMMY_PASSWORD_HASH.slice(0, 4)).toBe(real.slice(0, 4));
  });
});
