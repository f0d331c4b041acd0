import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newLatencySketch } from "@/lib/metrics/latency-sketch";
import { Aggregate } from "@/lib/metrics/aggregate";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { get, post } from "@/tests/helpers/ingest-client";
import { sqlRows } from "@/tests/helpers/sql";

const tsx = path.resolve("node_modules/.bin/tsx");
const children: ChildProcess[] = [];

/** Starts an app instance process on DATABASE_URL; resolves with its base URL. */
function startInstance(firstTickMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["tests/fixtures/instance-process.ts"], {
      env: { ...process.env, FIRST_TICK_MS: String(firstTickMs) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let out = "";
    let err = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line).url);
    });
    child.stderr!.on("data", (d) => (err += d));
    child.on("exit", (code) => reject(new Error(`instance exited ${code}: ${err}`)));
  });
}

afterAll(() => {
  for (const c of children) c.kill("SIGTERM");
});

const latency = (instance: number, i: number) => 3 + ((i * 7919 + instance * 104_729) % 4000) / 7;

describe("two app instances on one PostgreSQL database", () => {
  it("ingest through both at once: every event stored once, counts and percentiles exact; a scheduled job runs once", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    // Both instances tick their scheduler at the same moment: exactly one may run the job.
    const [a, b] = await Promise.all([startInstance(1500), startInstance(1500)]);
    const now = Date.now();
    const BATCHES = 10;
    const SIZE = 200;
    const send = (base: string, instance: number) =>
      Promise.all(
        Array.from({ length: BATCHES }, (_, batch) => {
          const events = Array.from({ length: SIZE }, (_, j) => {
            const i = batch * SIZE + j;
            return { id: `i${instance}-${i}`, type: "llm", model: `model-${i % 2}`, promptId: `prompt-${i % 3}`, promptVersion: 1,
              latencyMs: latency(instance, i), timestamp: now - 60_000 + (i % 50) * 1000, status: i % 10 === 0 ? "error" : "ok" };
          });
          // Every batch is also sent a second time through the other instance: duplicates, never stored twice.
          return post(base, "/api/v1/ingest", { events }, { key: p.key });
        }),
      );
    const answers = (await Promise.all([send(a, 1), send(b, 2), send(b, 1), send(a, 2)])).flat();
    expect(answers.map((r) => r.status)).toEqual(Array(4 * BATCHES).fill(200));
    const accepted = answers.reduce((s, r) => s + r.json.accepted, 0);
    const duplicates = answers.reduce((s, r) => s + r.json.duplicates, 0);
    expect(accepted).toBe(2 * BATCHES * SIZE);
    expect(duplicates).toBe(2 * BATCHES * SIZE);
    expect((await sqlRows(db, "SELECT count(*) AS n FROM event WHERE project_id = ?", p.projectId))[0].n).toBe(2 * BATCHES * SIZE);
    expect((await sqlRows(db, "SELECT count(*) AS n FROM model WHERE project_id = ?", p.projectId))[0].n).toBe(2);
    expect((await sqlRows(db, "SELECT count(*) AS n FROM prompt WHERE project_id = ?", p.projectId))[0].n).toBe(3);

    // Read through instance B what both stored: exact counts, and the percentiles of one sketch of all samples.
    const res = await get(b, `/api/v1/metrics?groupBy=model&from=${now - 10 * 60_000}&to=${now + 60_000}`, p.key);
    expect(res.status).toBe(200);
    for (const g of res.json.groups as { model: string; count: number; errorCount?: number; latencyMs: unknown }[]) {
      const m = Number(g.model.slice("model-".length));
      const sketch = newLatencySketch();
      let n = 0;
      for (const instance of [1, 2]) for (let i = m; i < BATCHES * SIZE; i += 2) (sketch.accept(latency(instance, i)), n++);
      expect(g.count).toBe(n);
      const expected = new Aggregate();
      expected.sketch.merge(sketch);
      expect(g.latencyMs).toEqual(expected.latency());
    }
    expect(res.json.groups).toHaveLength(2);

    // Both schedulers have ticked by now (1.5 s after start, and the ingest took longer): one run in all.
    await new Promise((r) => setTimeout(r, 2_000));
    const runs = await sqlRows(db, "SELECT slug FROM project WHERE slug LIKE 'job-run-%'");
    expect(runs).toHaveLength(1);
  }, 180_000);
});
