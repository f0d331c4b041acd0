import { describe, expect, it } from "vitest";
import { ibanValid, luhnValid } from "./detectors";
import { redactText, redactValue, type RedactionCounts } from "./redact-text";

const mask = { mode: "mask" as const };
const hash = { mode: "hash" as const, hashKey: "k1" };

function run(text: string) {
  const counts: RedactionCounts = {};
  return { out: redactText(text, mask, counts), counts };
}

describe("checksums", () => {
  it("Luhn accepts test card numbers and rejects one-digit changes", () => {
    for (const n of ["4111111111111111", "5555555555554444", "378282246310005", "6011111111111117", "4000056655665556"]) {
      expect(luhnValid(n)).toBe(true);
      const last = Number(n.at(-1));
      expect(luhnValid(n.slice(0, -1) + String((last + 1) % 10))).toBe(false);
    }
  });
  it("IBAN mod 97", () => {
    expect(ibanValid("GB82WEST12345698765432")).toBe(true);
    expect(ibanValid("DE89 3704 0044 0532 0130 00")).toBe(true);
    expect(ibanValid("FR1420041010050500013M02606")).toBe(true);
    expect(ibanValid("GB82WEST12345698765433")).toBe(false);
    expect(ibanValid("DE00370400440532013000")).toBe(false);
  });
});

describe("redactText vectors", () => {
  const positives: [string, string, string][] = [
    // [kind, text, the sensitive part that must vanish]
    ["card", "my card is 4111 1111 1111 1111 thanks", "4111 1111 1111 1111"],
    ["card", "card=5555-5555-5555-4444", "5555-5555-5555-4444"],
    ["card", "amex 378282246310005.", "378282246310005"],
    ["email", "write to jane.doe+tag@example.co.uk please", "jane.doe+tag@example.co.uk"],
    ["email", '{"user":"bob@example.com","n":1}', "bob@example.com"],
    ["email", String.raw`"{\"contact\":\"alice@corp.example.org\"}"`, "alice@corp.example.org"],
    ["phone", "call +1 (415) 555-2671 now", "+1 (415) 555-2671"],
    ["phone", "UK: +44 20 7946 0958", "+44 20 7946 0958"],
    ["phone", "DE +49 30 901820", "+49 30 901820"],
    ["phone", "FR 0033 1 42 68 53 00", "0033 1 42 68 53 00"],
    ["phone", "IN +91-98765-43210", "+91-98765-43210"],
    ["phone", "JP +81 3-1234-5678", "+81 3-1234-5678"],
    ["phone", "BR +55 11 91234-5678", "+55 11 91234-5678"],
    ["phone", "US (415) 555-2671", "(415) 555-2671"],
    ["phone", "e164 +14155552671", "+14155552671"],
    ["iban", "pay GB82 WEST 1234 5698 7654 32 today", "GB82 WEST 1234 5698 7654 32"],
    ["iban", "IBAN DE89370400440532013000", "DE89370400440532013000"],
    ["ip", "client 192.168.10.254 connected", "192.168.10.254"],
    ["ip", "v6 2001:db8:85a3::8a2e:370:7334 seen", "2001:db8:85a3::8a2e:370:7334"],
    ["ip", "loopback ::1 and fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a"],
    ["secret", "key sk-proj-abcdefghijklmnopqrstuvwxyz123456", "sk-proj-abcdefghijklmnopqrstuvwxyz123456"],
    ["secret", "aws AKIAIOSFODNN7EXAMPLE here", "AKIAIOSFODNN7EXAMPLE"],
    ["secret", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB", "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB"],
    ["secret", "Authorization: Bearer abcDEF123456ghiJKL789", "abcDEF123456ghiJKL789"],
    ["secret", 'api_key="Zx8Qw2Er6Ty0Ui4Op"', "Zx8Qw2Er6Ty0Ui4Op"],
    ["secret", "sl_" + "A".repeat(43), "sl_" + "A".repeat(43)],
  ];
  it.each(positives)("%s: %s", (kind, text, secret) => {
    const { out, counts } = run(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(`[redacted:${kind}]`);
    expect(counts[kind as keyof RedactionCounts]).toBeGreaterThanOrEqual(1);
  });

  const negatives = [
    "card-like but Luhn fails 4111 1111 1111 1112",
    "order 1234567890123",
    "timestamp 1733040000000 and 2024-01-15 10:30:00",
    "version 1.2.3 and 10.0.19045",
    "price 1,299.99 USD, qty 3",
    "not an iban GB82WEST12345698765433",
    "ratio 3.14159 2.71828",
    "time 12:30:45 and std::vector",
    "the model gpt-4o-mini-2024-07-18 replied",
    "token count 123456",
    "uuid 550e8400-e29b-41d4-a716-446655440000",
    "no @ here, just user@localhost",
    "short sk-abc",
  ];
  it.each(negatives)("leaves alone: %s", (text) => {
    const { out, counts } = run(text);
    expect(out).toBe(text);
    expect(counts).toEqual({});
  });

  it("counts several kinds in one string", () => {
    const { out, counts } = run("a@b.io, c@d.io, +44 20 7946 0958, 4111111111111111, 10.0.0.1");
    expect(counts).toEqual({ email: 2, phone: 1, card: 1, ip: 1 });
    expect(out).toBe("[redacted:email], [redacted:email], [redacted:phone], [redacted:card], [redacted:ip]");
  });

  it("off returns the text untouched", () => {
    const counts: RedactionCounts = {};
    expect(redactText("a@b.io", { mode: "off" }, counts)).toBe("a@b.io");
    expect(counts).toEqual({});
  });

  it("hash mode is keyed and stable: same value alike, other key differs, value absent", () => {
    const a = redactText("mail a@b.io", hash);
    expect(a).toMatch(/^mail \[email:[0-9a-f]{12}\]$/);
    expect(redactText("again a@b.io", hash).slice(6)).toBe(a.slice(5));
    expect(redactText("mail a@b.io", { mode: "hash", hashKey: "k2" })).not.toBe(a);
    expect(a).not.toContain("a@b.io");
  });
});

describe("redactValue", () => {
  it("walks objects and arrays, redacts strings and card-length integers, keeps keys", () => {
    const counts: RedactionCounts = {};
    const v = redactValue(
      { "user.email": "x@y.org", nested: [{ card: 4111111111111111, note: "+44 20 7946 0958" }], n: 42, ok: true, nil: null },
      mask,
      counts,
    );
    expect(v).toEqual({ "user.email": "[redacted:email]", nested: [{ card: "[redacted:card]", note: "[redacted:phone]" }], n: 42, ok: true, nil: null });
    expect(counts).toEqual({ email: 1, card: 1, phone: 1 });
  });
});
