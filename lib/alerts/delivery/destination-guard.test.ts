import { describe, expect, it } from "vitest";
import { addressRange, allowedHosts, checkDestination, type Resolver } from "./destination-guard";

const resolvesTo = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("checkDestination", () => {
  it("accepts a public https host and returns the address to connect to", async () => {
    const r = await checkDestination("https://hooks.example.com/x", { allowHosts: [], resolve: resolvesTo("93.184.215.14") });
    expect(r).toMatchObject({ ok: true, address: "93.184.215.14" });
  });

  it.each([
    ["ftp://example.com/", "scheme ftp"],
    ["file:///etc/passwd", "scheme file"],
    ["not a url", "not a valid URL"],
    ["https://user:pw@example.com/", "credentials"],
  ])("refuses %s", async (url, reason) => {
    const r = await checkDestination(url, { allowHosts: [], resolve: resolvesTo("93.184.215.14") });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });

  it.each([
    ["http://127.0.0.1:8080/", "loopback"],
    ["http://[::1]/", "loopback"],
    ["http://10.1.2.3/", "private"],
    ["http://192.168.0.5/", "private"],
    ["http://172.16.9.9/", "private"],
    ["http://169.254.169.254/latest/meta-data", "linkLocal"],
    ["http://[fd00:ec2::254]/", "uniqueLocal"],
    ["http://[::ffff:10.0.0.1]/", "private"],
    ["http://100.64.0.1/", "carrierGradeNat"],
    ["http://0.0.0.0/", "unspecified"],
  ])("refuses the literal address %s (%s)", async (url, range) => {
    const r = await checkDestination(url, { allowHosts: [] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(range);
  });

  it("refuses a name that resolves to a private address, after DNS", async () => {
    const r = await checkDestination("https://internal.example.com/hook", { allowHosts: [], resolve: resolvesTo("93.184.215.14", "10.0.0.7") });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain("10.0.0.7");
  });

  it("allows a listed host even on loopback", async () => {
    const r = await checkDestination("http://127.0.0.1:9000/hook", { allowHosts: allowedHosts("localhost, 127.0.0.1") });
    expect(r).toMatchObject({ ok: true, address: "127.0.0.1" });
  });

  it("reports a host that does not resolve", async () => {
    const fail: Resolver = async () => {
      throw Object.assign(new Error("nope"), { code: "ENOTFOUND" });
    };
    const r = await checkDestination("https://nowhere.invalid/", { allowHosts: [], resolve: fail });
    expect(!r.ok && r.reason).toContain("ENOTFOUND");
  });

  it("resolves real names through the system resolver (localhost is loopback)", async () => {
    const r = await checkDestination("http://localhost:1/", { allowHosts: [] });
    expect(r.ok).toBe(false);
  });
});

describe("addressRange", () => {
  it("classifies public and mapped addresses", () => {
    expect(addressRange("8.8.8.8")).toBe("unicast");
    expect(addressRange("2606:4700::1111")).toBe("unicast");
    expect(addressRange("::ffff:127.0.0.1")).toBe("loopback");
  });
});
