import { spawn, type ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { alertNotification, jobLease } from "@/db/schema";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { at, calls, channel, rule, T0 } from "./fixtures";

const children: ChildProcess[] = [];
let rx: Receiver | null = null;

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill("SIGKILL");
  await rx?.close();
});

function run(script: string, args: string[]): ChildProcess {
  const env = { ...process.env, SIGHTLINE_WEBHOOK_ALLOW_HOSTS: "127.0.0.1", SIGHTLINE_WORKER_FIRST_TICK_MS: "0" };
  // node with tsx's loader, not the tsx CLI: the CLI runs the script in a child process, and a
  // SIGKILL to the CLI would leave that child (the real worker) running.
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return child;
}

function line(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const l = out.split("\n").find((x) => x.startsWith(prefix));
      if (l) resolve(l);
    });
    child.on("exit", (code) => reject(new Error(`${prefix}: process exited with ${code}: ${out}`)));
  });
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const killed = (c: ChildProcess) => new Promise<void>((resolve) => (c.exitCode !== null || c.signalCode !== null ? resolve() : c.once("exit", () => resolve())));

describe("a crash between the outbox write and delivery", () => {
  it("delivers after restart, exactly once, across worker restarts", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    process.env.SIGHTLINE_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
    rx = await startReceiver();
    const hook = await channel(db, p.projectId, { name: "hook", type: "webhook", url: `${rx.url}/hook` });
    await rule(db, p.projectId, { channelIds: [hook.id] });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 10 });
    const url = process.env.DATABASE_URL!;

    // 1. A process records the transition and its outbox row, then dies before delivering.
    const evaluator = run("tests/fixtures/alert-evaluate-process.ts", [url, String(p.projectId), String(at(0))]);
    expect(await line(evaluator, "written")).toBe("written 1");
    evaluator.kill("SIGKILL");
    await killed(evaluator);
    expect(rx.received).toHaveLength(0);
    const [pending] = await db.orm.select().from(alertNotification);
    expect(pending).toMatchObject({ status: "pending", attempts: 0 });

    // 2. `npm run worker` (same DATABASE_URL) starts and delivers it.
    const worker = run("scripts/worker.ts", []);
    await rx.waitFor(1);
    await until(async () => ((await db.orm.select().from(alertNotification))[0].status === "delivered" ? true : undefined));
    worker.kill("SIGKILL");
    await killed(worker);

    // 3. Another worker starts; once its delivery job has run, still exactly one message.
    const restartedAt = Date.now();
    const again = run("scripts/worker.ts", []);
    await until(async () => {
      const [lease] = await db.orm.select().from(jobLease).where(eq(jobLease.name, "alert-deliver"));
      return lease?.lastFinishedAt && lease.lastFinishedAt >= restartedAt ? true : undefined;
    });
    again.kill("SIGTERM");
    await killed(again);
    expect(rx.received).toHaveLength(1);
    expect(rx.received[0].headers["webhook-id"]).toBe(pending.id);
  }, 60_000);
});
