import path from "node:path";
import { BASE_URL, DATA_DIR, DB_FILE, PG_URL } from "./env";

/**
 * Guard: the suite wipes and seeds its database, so it refuses anything but a local file
 * inside e2e/.data (or a local PostgreSQL database named sightline_e2e…) and a loopback server.
 */
export default function globalSetup() {
  if (PG_URL) {
    const u = new URL(PG_URL);
    if (!["127.0.0.1", "localhost", "::1"].includes(u.hostname) || !u.pathname.slice(1).startsWith("sightline_e2e")) {
      throw new Error(`e2e refuses database ${PG_URL}: only a local PostgreSQL database named sightline_e2e…`);
    }
  }
  const resolved = path.resolve(DB_FILE);
  if (!resolved.startsWith(path.resolve(DATA_DIR) + path.sep)) throw new Error(`e2e refuses database ${resolved}: not under ${DATA_DIR}`);
  const host = new URL(BASE_URL).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`e2e refuses non-local server ${BASE_URL}`);
}
