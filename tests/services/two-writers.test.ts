import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sqliteOf } from "@/db/driver";
import { sqlitePath } from "@/lib/config/env";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { Aggregate } from "@/lib/metrics/aggregate";
import { newLatencySketch } from "@/lib/metrics/latency-sketch";
import { createProject } from "@/lib/projects/create-project";
import { freshDb, testContext } from "@/tests/helpers/db";
import { latencyOf } from "@/tests/fixtures/ingest-writer-process";

const tsx = path.resolve("node_modules/.bin/tsx");
const BATCHES = 12;
const SIZE = 250;

function runWriter(file: string, writer: number, start: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["tests/fixtures/ingest-writer-process.ts", file, String(writer), String(BATCHES), String(SIZE), String(start)], {
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited ${code}: ${stderr}`))));
  });
}

describe("two processes ingesting into one SQLite file", () => {
  it("stores every event once, one row per dimension, and rollup counts and percentiles equal to the exact ones", async () => {
    const db = await freshDb();
    const { id: projectId } = await createProject(db, { slug: "race" });
    const file = sqlitePath(process.env.DATABASE_URL);
    // Both start at the same instant (a few seconds ahead, for tsx to boot), naming the same
    // models and prompts and writing into the same minutes.
    const start = Date.now() + 4_000;
    await Promise.all([runWriter(file, 1, start), runWriter(file, 2, start)]);

    const s = sqliteOf(db);
    const n = BATCHES * SIZE;
    expect(s.prepare("SELECT count(*) AS n FROM event WHERE project_id = ?").get(projectId)).toEqual({ n: 2 * n });
    expect(s.prepare("SELECT count(*) AS n FROM model WHERE project_id = ?").get(projectId)).toEqual({ n: 3 });
    expect(s.prepare("SELECT count(*) AS n FROM model_version").get()).toEqual({ n: 6 });
    expect(s.prepare("SELECT count(*) AS n FROM prompt WHERE project_id = ?").get(projectId)).toEqual({ n: 4 });
    // prompt-k is named with version 1 + (k % 2) only: one version per prompt.
    expect(s.prepare("SELECT count(*) AS n FROM prompt_version").get()).toEqual({ n: 4 });

    // The exact sample per model, from the same function the writers used.
    const exact = new Map<string, number[]>();
    for (const writer of [1, 2]) {
      for (let i = 0; i < n; i++) {
        const list = exact.get(`model-${i % 3}`) ?? [];
        list.push(latencyOf(writer, i));
        exact.set(`model-${i % 3}`, list);
      }
    }
    const { groups } = await getMetrics(testContext(db, projectId, { now: start }), {
      groupBy: "model", from: start - 10 * 60_000, to: start + 60_000,
    });
    expect(groups.map((g) => g.model)).toEqual(["model-0", "model-1", "model-2"]);
    for (const g of groups) {
      const values = exact.get(g.model)!;
      expect(g.count).toBe(values.length);
      // A sketch of all values, built in one place, is what the merged rollup sketches must equal:
      // DDSketch merges are exact, so any lost concurrent sample would move these.
      const sketch = newLatencySketch();
      values.forEach((v) => sketch.accept(v));
      const expected = new Aggregate();
      expected.sketch.merge(sketch);
      expect(g.latencyMs).toEqual(expected.latency());
    }
    const rollupTotal = s.prepare("SELECT sum(count) AS n, sum(error_count) AS e FROM rollup WHERE project_id = ? AND resolution = 86400000").get(projectId) as { n: number; e: number };
    expect(rollupTotal.n).toBe(2 * n);
    expect(rollupTotal.e).toBe(2 * (n / 10));
  }, 120_000);
});
