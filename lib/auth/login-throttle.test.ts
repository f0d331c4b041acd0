import { describe, expect, it } from "vitest";
import { LoginThrottle, MAX_FAILURES, WINDOW_MS } from "./login-throttle";

describe("LoginThrottle", () => {
  const t0 = 1_700_000_000_000;

  it("blocks an account after 10 failures in 15 minutes, from any address, with Retry-After", () => {
    const th = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(th.check({ account: "A@x.io", address: `10.0.0.${i}` }, t0 + i * 1000).allowed).toBe(true);
      th.recordFailure({ account: "A@x.io", address: `10.0.0.${i}` }, t0 + i * 1000);
    }
    const v = th.check({ account: "a@x.io", address: "10.9.9.9" }, t0 + 10_000);
    expect(v).toEqual({ allowed: false, retryAfterSeconds: (WINDOW_MS - 10_000) / 1000 });
    expect(th.check({ account: "b@x.io", address: "10.9.9.9" }, t0 + 10_000).allowed).toBe(true);
    // the oldest failure leaves the window: one more attempt is allowed
    expect(th.check({ account: "a@x.io" }, t0 + WINDOW_MS + 1).allowed).toBe(true);
  });

  it("blocks an address spraying many accounts", () => {
    const th = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES; i++) th.recordFailure({ account: `u${i}@x.io`, address: "203.0.113.7" }, t0);
    expect(th.check({ account: "new@x.io", address: "203.0.113.7" }, t0 + 1).allowed).toBe(false);
    expect(th.check({ account: "new@x.io", address: "203.0.113.8" }, t0 + 1).allowed).toBe(true);
  });

  it("nine failures still allow; success clears the account", () => {
    const th = new LoginThrottle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) th.recordFailure({ account: "c@x.io" }, t0);
    expect(th.check({ account: "c@x.io" }, t0).allowed).toBe(true);
    th.recordFailure({ account: "c@x.io" }, t0);
    expect(th.check({ account: "c@x.io" }, t0).allowed).toBe(false);
    th.recordSuccess("c@x.io", t0);
    expect(th.check({ account: "c@x.io" }, t0).allowed).toBe(true);
  });
});
