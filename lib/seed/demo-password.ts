import { randomBytes } from "node:crypto";
import { readOrCreateSecretFile, readSecretFile } from "@/lib/config/secret-file";

const FILE = "demo-password";

/**
 * The demo login's password: generated per installation (no published password), kept in the
 * data directory (0600) so `npm run sightline -- demo:password` can show it again.
 */
export function demoPassword(): string {
  return readOrCreateSecretFile(FILE, () => randomBytes(12).toString("base64url"));
}

/** The stored demo password, or null when the demo was never seeded on this installation. */
export function storedDemoPassword(): string | null {
  return readSecretFile(FILE);
}
