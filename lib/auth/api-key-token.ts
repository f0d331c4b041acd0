import { createHash, randomBytes } from "node:crypto";

/** Keys look like `sl_<32 random bytes, base64url>`; only their SHA-256 digest is stored. */
export const KEY_PREFIX = "sl_";

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

/** True for strings with the shape generateApiKey produces (sl_ + 43 base64url characters). */
export function isGeneratedKeyShape(key: string): boolean {
  return /^sl_[A-Za-z0-9_-]{43}$/.test(key);
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** What the UI shows to tell keys apart without revealing them. */
export function displayPrefix(key: string): string {
  return key.slice(0, KEY_PREFIX.length + 6);
}
