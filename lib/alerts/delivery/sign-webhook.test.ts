import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, isWebhookSecret, signWebhook, webhookHeaders } from "./sign-webhook";

describe("Standard Webhooks signature", () => {
  it("matches the spec's test vector", () => {
    const sig = signWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}');
    expect(sig).toBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  });

  it("changes when any signed part changes", () => {
    const s = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const base = signWebhook(s, "msg_1", 1, "{}");
    expect(signWebhook(s, "msg_2", 1, "{}")).not.toBe(base);
    expect(signWebhook(s, "msg_1", 2, "{}")).not.toBe(base);
    expect(signWebhook(s, "msg_1", 1, "{ }")).not.toBe(base);
  });

  it("generates secrets a receiver can verify with", () => {
    const secret = generateWebhookSecret();
    expect(isWebhookSecret(secret)).toBe(true);
    const h = webhookHeaders(secret, "msg_x", 1700000000, '{"a":1}');
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key).update('msg_x.1700000000.{"a":1}').digest("base64");
    expect(h).toEqual({ "webhook-id": "msg_x", "webhook-timestamp": "1700000000", "webhook-signature": `v1,${expected}` });
  });

  it("rejects secrets without the prefix or too short", () => {
    expect(isWebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toBe(false);
    expect(isWebhookSecret("whsec_c2hvcnQ=")).toBe(false);
  });
});
