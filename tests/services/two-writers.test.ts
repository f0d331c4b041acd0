import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { and, count, eq, sum } from "drizzle-orm";
import { event, model, modelVersion, prompt, promptVersion, rollup } from "@/db/schema";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { Aggregate } from "@/lib/metrics/aggregate";
import { newLatencySketch } from "@/lib/metrics/latency-sketch";
import { createProject } from "@/lib/projects/create-project";
import { freshDb, testContext } from "@/tests/helpers/db";
import { latencyOf } from "@/tests/fixtures/ingest-writer-process";

const tsx = path.resolve("node_modules/.bin/tsx");
const BATCHES = 12;
const SIZE = 250;

function runWriter(url: string, writer: number, start: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["tests/fixtures/ingest-writer-process.ts", url, String(writer), String(BATCHES), String(SIZE), String(start)], {
      stdio: ["ignore", "inherit", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited ${code}: ${stderr}`))));
  });
}

describe("two processes ingesting into one database (SQLite file or PostgreSQL)", () => {
  it("stores every event once, one row per dimension, and rollup counts and percentiles equal to the exact ones", async () => {
    const db = await freshDb();
    const { id: projectId } = await createProject(db, { slug: "race" });
    const url = process.env.DATABASE_URL!;
    // Both start at the same instant (a few seconds ahead, for tsx to boot), naming the same
    // models and prompts and writing into the same minutes.
    const start = Date.now() + 4_000;
    await Promise.all([runWriter(url, 1, start), runWriter(url, 2, start)]);

    const n = BATCHES * SIZE;
    const rows = async (q: Promise<{ n: number }[]>) => (await q)[0].n;
    expect(await rows(db.orm.select({ n: count() }).from(event).where(eq(event.projectId, projectId)))).toBe(2 * n);
    expect(await rows(db.orm.select({ n: count() }).from(model).where(eq(model.projectId, projectId)))).toBe(3);
    expect(await rows(db.orm.select({ n: count() }).from(modelVersion))).toBe(6);
    expect(await rows(db.orm.select({ n: count() }).from(prompt).where(eq(prompt.projectId, projectId)))).toBe(4);
    // prompt-k is named with version 1 + (k % 2) only: one version per prompt.
    expect(await rows(db.orm.select({ n: count() }).from(promptVersion))).toBe(4);

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
    const [rollupTotal] = await db.orm
      .select({ n: sum(rollup.count).mapWith(Number), e: sum(rollup.errorCount).mapWith(Number) })
      .from(rollup)
      .where(and(eq(rollup.projectId, projectId), eq(rollup.resolution, 86_400_000)));
    expect(rollupTotal.n).toBe(2 * n);
    expect(rollupTotal.e).toBe(2 * (n / 10));
  }, 120_000);
});
