import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { dataDir } from "@/lib/config/env";
import { ensurePrivateDir } from "@/lib/config/secret-file";

/**
 * NEXTAUTH_SECRET when set; otherwise a random secret generated once and kept in the data
 * directory (mode 0600), so local installs work without configuration and sessions survive
 * restarts.
 */
export function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir(), "auth-secret");
  try {
    const s = fs.readFileSync(file, "utf8").trim();
    if (s) return (process.env.NEXTAUTH_SECRET = s);
  } catch {
    // first start: generate below
  }
  ensurePrivateDir(path.dirname(file));
  const secret = randomBytes(32).toString("base64url");
  try {
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  } catch {
    // another process won the race: use its secret
    return (process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim());
  }
  return (process.env.NEXTAUTH_SECRET = secret);
}
