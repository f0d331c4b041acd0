import { createHmac, randomBytes } from "node:crypto";

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com, spec v1): the receiver checks
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with the base64 part
 * of a `whsec_` secret. The id is the notification's stable id, so a receiver can drop a repeat.
 */
export const SECRET_PREFIX = "whsec_";

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** A fresh `whsec_` secret: 24 random bytes (the spec asks for 24–64). */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString("base64");
}

export function isWebhookSecret(secret: string): boolean {
  if (!secret.startsWith(SECRET_PREFIX)) return false;
  const key = secretKey(secret);
  return key.length >= 24 && key.length <= 64;
}

/** The `v1,<base64>` signature of one message; `timestampS` is Unix seconds. */
export function signWebhook(secret: string, id: string, timestampS: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestampS}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export function webhookHeaders(secret: string, id: string, timestampS: number, body: string): WebhookHeaders {
  return { "webhook-id": id, "webhook-timestamp": String(timestampS), "webhook-signature": signWebhook(secret, id, timestampS, body) };
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
}
