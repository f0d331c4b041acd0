import { createHash, randomBytes } from "node:crypto";

/** Keys look like `sl_<32 random bytes, base64url>`; only their SHA-256 digest is stored. */
export const KEY_PREFIX = "sl_";

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** What the UI shows to tell keys apart without revealing them. */
export function displayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}
