import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throw-away PostgreSQL 15 cluster for the test run: initdb + pg_ctl on a free port in a
 * temporary directory, removed by `stop`. Run as the `postgres` user when we are root (initdb
 * refuses root). Missing binaries fail the run loudly: the PostgreSQL half never passes by
 * being skipped.
 */
export interface PgCluster {
  port: number;
  dir: string;
  /** Superuser URL of database `name`. */
  url(name: string): string;
  stop(): void;
}

function asPgUser(): string[] {
  return process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
}

function run(cmd: string[], opts: { cwd?: string } = {}): void {
  const [bin, ...args] = [...asPgUser(), ...cmd];
  execFileSync(bin, args, { stdio: ["ignore", "pipe", "pipe"], cwd: opts.cwd ?? os.tmpdir() });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** `durable`: keep fsync and synchronous commit on (benchmarks); tests turn them off for speed. */
export async function startPgCluster(opts: { durable?: boolean } = {}): Promise<PgCluster> {
  for (const bin of ["initdb", "pg_ctl", "postgres"]) {
    try {
      execFileSync("which", [bin], { stdio: "ignore" });
    } catch {
      throw new Error(`PostgreSQL tests need '${bin}' (PostgreSQL 15) on PATH; install it — these tests must not be skipped`);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-pg-"));
  if (asPgUser().length) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  const port = await freePort();
  run(["initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
  // Durability off for tests: a test cluster is thrown away (never do this in production).
  const fast = opts.durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
  const server = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=400${fast}`;
  run(["pg_ctl", "-D", data, "-o", server, "-l", path.join(dir, "log"), "-w", "-t", "120", "start"]);
  return {
    port,
    dir,
    url: (name) => `postgres://postgres@127.0.0.1:${port}/${name}`,
    stop() {
      try {
        run(["pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
