import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { RssSampler, treeCpuSeconds, treeRss } from "./process-stats";

export interface BenchServer {
  url: string;
  pid: number;
  rss(): number;
  cpuSeconds(): number;
  sampler(): RssSampler;
  stop(): Promise<void>;
}

export interface ServerOptions {
  dbFile: string;
  port: number;
  env?: Record<string, string>;
  /** Extra node flags for the server process, e.g. --cpu-prof. */
  nodeArgs?: string[];
}

/**
 * The production server exactly as `npm start` runs it (`next start` on a `next build`), bound
 * to 127.0.0.1, on a database the benchmark prepared. Always stopped by the caller (and on exit).
 */
export async function startServer(opts: ServerOptions): Promise<BenchServer> {
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    throw new Error("no production build: run `npm run build` first");
  }
  const next = require.resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), next, "start", "-p", String(opts.port), "-H", "127.0.0.1"], {
    env: {
      ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${opts.dbFile}`, SIGHTLINE_DEMO: "0",
      NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret", AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const url = `http://127.0.0.1:${opts.port}`;
  await waitReady(url, child, () => log);
  return {
    url,
    pid: child.pid!,
    rss: () => treeRss(child.pid!),
    cpuSeconds: () => treeCpuSeconds(child.pid!),
    sampler: () => new RssSampler(child.pid!),
    stop: () => stop(child, kill),
  };
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`${url}/api/v1/metrics`, (res) => {
        res.resume();
        resolve(res.statusCode === 401);
      });
      req.on("error", () => resolve(false));
      req.setTimeout(2000, () => req.destroy());
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not become ready within 60 s:\n${log()}`);
}

function stop(child: ChildProcess, kill: () => void): Promise<void> {
  process.removeListener("exit", kill);
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
