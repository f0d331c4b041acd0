import { afterAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { LoginThrottle, MAX_FAILURES, throttleVerdict, WINDOW_MS } from "@/lib/auth/login-throttle";
import { freshDb } from "@/tests/helpers/db";

const t0 = 1_700_000_000_000;
const opened: Db[] = [];
afterAll(() => opened.forEach((d) => d.close()));

async function throttle(): Promise<{ db: Db; th: LoginThrottle }> {
  const db = await freshDb();
  return { db, th: new LoginThrottle(db) };
}

describe("sign-in throttle (failures stored in the database)", () => {
  it("blocks an account after 10 failures in 15 minutes, from any address, with Retry-After", async () => {
    const { th } = await throttle();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect((await th.check({ account: "A@x.io", address: `10.0.0.${i}` }, t0 + i * 1000)).allowed).toBe(true);
      await th.recordFailure({ account: "A@x.io", address: `10.0.0.${i}` }, t0 + i * 1000);
    }
    expect(await th.check({ account: "a@x.io", address: "10.9.9.9" }, t0 + 10_000)).toEqual({ allowed: false, retryAfterSeconds: (WINDOW_MS - 10_000) / 1000 });
    expect((await th.check({ account: "b@x.io", address: "10.9.9.9" }, t0 + 10_000)).allowed).toBe(true);
    // the oldest failure leaves the window: one more attempt is allowed
    expect((await th.check({ account: "a@x.io" }, t0 + WINDOW_MS + 1)).allowed).toBe(true);
  });

  it("blocks an address spraying many accounts", async () => {
    const { th } = await throttle();
    for (let i = 0; i < MAX_FAILURES; i++) await th.recordFailure({ account: `u${i}@x.io`, address: "203.0.113.7" }, t0);
    expect((await th.check({ account: "new@x.io", address: "203.0.113.7" }, t0 + 1)).allowed).toBe(false);
    expect((await th.check({ account: "new@x.io", address: "203.0.113.8" }, t0 + 1)).allowed).toBe(true);
  });

  it("nine failures still allow; success clears the account but not the address", async () => {
    const { th } = await throttle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await th.recordFailure({ account: "c@x.io", address: "198.51.100.1" }, t0);
    expect((await th.check({ account: "c@x.io" }, t0)).allowed).toBe(true);
    await th.recordFailure({ account: "c@x.io", address: "198.51.100.1" }, t0);
    expect((await th.check({ account: "c@x.io" }, t0)).allowed).toBe(false);
    await th.recordSuccess("C@x.io", t0);
    expect((await th.check({ account: "c@x.io" }, t0)).allowed).toBe(true);
    expect((await th.check({ address: "198.51.100.1" }, t0)).allowed).toBe(false);
  });

  it("counts failures made through another instance (a second connection to the same database)", async () => {
    const { db, th: first } = await throttle();
    const other = openDb(db.url);
    await other.ready();
    opened.push(other);
    const second = new LoginThrottle(other);
    for (let i = 0; i < MAX_FAILURES / 2; i++) {
      await first.recordFailure({ account: "d@x.io" }, t0 + i);
      await second.recordFailure({ account: "d@x.io" }, t0 + i);
    }
    expect((await first.check({ account: "d@x.io" }, t0 + 100)).allowed).toBe(false);
    expect((await second.check({ account: "d@x.io" }, t0 + 100)).allowed).toBe(false);
  });

  it("keeps only one window of failures however many addresses are sprayed", async () => {
    const { db, th } = await throttle();
    for (let i = 0; i < 50; i++) await th.recordFailure({ address: `192.0.2.${i}` }, t0 + i);
    await th.recordFailure({ address: "192.0.2.200" }, t0 + WINDOW_MS + 100);
    const { loginFailure } = await import("@/db/schema");
    expect((await db.orm.select().from(loginFailure)).length).toBe(1);
  });

  it("the verdict is pure: unordered times, the limit reached by the newest failures", () => {
    const times = Array.from({ length: MAX_FAILURES }, (_, i) => t0 - i * 1000);
    expect(throttleVerdict([times], t0)).toEqual({ allowed: false, retryAfterSeconds: (WINDOW_MS - (MAX_FAILURES - 1) * 1000) / 1000 });
    expect(throttleVerdict([times.slice(1)], t0)).toEqual({ allowed: true });
  });
});
