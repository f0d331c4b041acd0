import fs from "node:fs";
import path from "node:path";
import { dataDir } from "./env";

/**
 * A value generated once per installation and kept in the data directory, readable by the
 * owner only (0600; the directory is 0700 when we create it). The first process to create the
 * file wins a race; the others read its value.
 */
export function readOrCreateSecretFile(name: string, generate: () => string): string {
  const file = path.join(dataDir(), name);
  const existing = readSecretFile(name);
  if (existing) return existing;
  ensurePrivateDir(path.dirname(file));
  const value = generate();
  try {
    fs.writeFileSync(file, value + "\n", { mode: 0o600, flag: "wx" });
    return value;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}

export function readSecretFile(name: string): string | null {
  try {
    return fs.readFileSync(path.join(dataDir(), name), "utf8").trim() || null;
  } catch {
    return null;
  }
}

/** Creates the directory 0700. An existing directory is left alone: it may be shared (e.g. /tmp). */
export function ensurePrivateDir(dir: string): void {
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
}
