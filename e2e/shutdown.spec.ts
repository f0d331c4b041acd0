import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { DATA_DIR } from "./env";

/**
 * `npm start`'s server (scripts/start.ts → next start, the production build) receiving
 * SIGTERM while clients keep it busy with ingest — what `docker stop` does. It must exit
 * promptly with 143, every event it acknowledged must be in the database, and it must not
 * abort (lib/ingest/writer/shutdown.ts).
 */
const KEY = "sl_shutdown_0123456789abcdefghijklmnopqrstuvwx"; // the shape of a generated key

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

test("SIGTERM under ingest load: exits with 143 within seconds, with every acknowledged event stored", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const dbFile = path.join(DATA_DIR, `shutdown-${port}.db`);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: path.join(__dirname, ".."),
    env: {
      ...process.env, PORT: String(port), DATABASE_URL: `file:${dbFile}`, SIGHTLINE_SKIP_BUILD: "1", SIGHTLINE_DEMO: "0",
      SIGHTLINE_INIT_PROJECT: "shutdown", SIGHTLINE_INIT_API_KEY: KEY, NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await fetch(`${base}/login`).catch(() => null))?.status ?? 0, { timeout: 60_000 }).toBe(200);

    // Six clients, each with one 200-event batch in flight, until the server is gone.
    const acknowledged: string[] = [];
    const statuses: Record<string, number> = {};
    let batch = 0;
    let running = true;
    const client = async () => {
      while (running) {
        const ids = Array.from({ length: 200 }, (_, i) => `b${batch}-e${i}`);
        batch++;
        const events = ids.map((id) => ({ id, type: "llm", model: "shutdown-model", latencyMs: 10, inputTokens: 5, outputTokens: 5 }));
        const res = await fetch(`${base}/api/v1/ingest`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${KEY}` },
          body: JSON.stringify({ events }),
        }).catch(() => null);
        const status = res?.status ?? 0;
        statuses[status] = (statuses[status] ?? 0) + 1;
        // The status line is sent only after the commit: a 200 is an acknowledgement even if
        // the connection drops while the body is read.
        if (status === 200) acknowledged.push(...ids);
        if (!res || !(await res.arrayBuffer().then(() => true, () => false))) break; // the server is gone
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(10_000);

    const signalled = Date.now();
    child.kill("SIGTERM");
    // Bounded: a server that ignores SIGTERM fails here, not at the test timeout.
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r("still running 15 s after SIGTERM"), 15_000))]);
    const tookMs = Date.now() - signalled;
    running = false;
    await Promise.all(clients);

    expect(code, log).toBe(143);
    expect(tookMs).toBeLessThan(9_000); // docker stop sends SIGKILL after 10 s
    expect(log).not.toMatch(/FATAL ERROR|Aborted|core dumped/);
    const db = new Sqlite(dbFile, { readonly: true });
    const stored = new Set((db.prepare("SELECT client_id FROM event").all() as { client_id: string }[]).map((r) => r.client_id));
    db.close();
    const missing = acknowledged.filter((id) => !stored.has(id));
    expect(missing, `statuses ${JSON.stringify(statuses)}`).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });
  }
});
