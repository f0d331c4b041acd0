import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("takes the last X-Forwarded-For hop, unmaps IPv4-mapped IPv6, falls back to X-Real-IP", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1, 198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
    expect(clientAddress({ "x-real-ip": "192.0.2.9" })).toBe("192.0.2.9");
    expect(clientAddress({})).toBeNull();
  });
});
