import path from "node:path";
import { BASE_URL, DATA_DIR, DB_FILE } from "./env";

/**
 * Guard: the suite wipes and seeds its database, so it refuses anything but a local file
 * inside e2e/.data and a loopback server.
 */
export default function globalSetup() {
  const resolved = path.resolve(DB_FILE);
  if (!resolved.startsWith(path.resolve(DATA_DIR) + path.sep)) throw new Error(`e2e refuses database ${resolved}: not under ${DATA_DIR}`);
  const host = new URL(BASE_URL).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`e2e refuses non-local server ${BASE_URL}`);
}
