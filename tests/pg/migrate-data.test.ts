import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { copyDatabase, verifyCounts } from "@/db/copy/copy-database";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { llmEvent } from "@/tests/helpers/ingest-client";
import { seedDemo } from "@/lib/seed/seed-demo";
import { freshPgDatabase, testContext } from "@/tests/helpers/db";
import { sqlRows } from "@/tests/helpers/sql";

const tsx = path.resolve("node_modules/.bin/tsx");

function cli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["scripts/sightline.ts", ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("npm run sightline -- migrate-data", () => {
  it("copies the demo project into PostgreSQL, resumes after an interruption, and the dashboards read the same", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sightline-copy-")), "demo.db");
    const now = Date.now();
    const source = openDb(`file:${file}`);
    const { projectId, events } = await seedDemo(source, { now, days: 1 });
    expect(events).toBeGreaterThan(5_000);
    const url = await freshPgDatabase();
    const target = openDb(url, { poolSize: 2 });

    // Interrupted in the middle of the event table: part of it is there.
    const stop = new AbortController();
    await expect(
      copyDatabase(source, target, { batchRows: 1000, signal: stop.signal, onProgress: (p) => p.table === "event" && p.rows >= 3000 && stop.abort() }),
    ).rejects.toThrow(/interrupted/);
    const partial = await verifyCounts(source, target);
    const partialEvents = partial.find((c) => c.table === "event")!;
    expect(partialEvents.target).toBe(3000);
    expect(partialEvents.target).toBeLessThan(partialEvents.source);

    // The command resumes it to the end and verifies every table's count.
    const run = await cli(["migrate-data", "--from", `file:${file}`, "--to", url, "--batch", "1000"]);
    expect(run.stderr).toContain("copied and verified");
    expect(run.code).toBe(0);
    const counts = await verifyCounts(source, target);
    for (const c of counts) expect(c.target, c.table).toBe(c.source);
    expect(counts.find((c) => c.table === "event")!.target).toBe(events);
    // Nothing was copied twice across the interruption: also in a table whose key is not a client id.
    expect((await sqlRows(target, "SELECT count(DISTINCT event_id) AS n FROM metric_point"))[0].n).toBe(counts.find((c) => c.table === "metric_point")!.source);

    // Idempotency came along (event_idempotency, docs/adr/0048): resending a copied event is a duplicate.
    const [copied] = (await sqlRows(target, "SELECT client_id FROM event ORDER BY id DESC LIMIT 1")) as { client_id: string }[];
    expect((await ingestEvents(target, projectId, [llmEvent({ id: copied.client_id })])).duplicates).toBe(1);
    expect((await sqlRows(target, "SELECT count(*) AS n FROM event"))[0].n).toBe(events);

    // The same service answers the same on both databases (sketches copied byte for byte).
    const q = { groupBy: "model" as const, from: now - 86_400_000, to: now };
    const a = await getMetrics(testContext(source, projectId, { now }), q);
    const b = await getMetrics(testContext(target, projectId, { now }), q);
    expect(b).toEqual(a);
    expect(a.groups.length).toBeGreaterThan(1);

    // Ids continue after the copied ones (sequences moved): a new project gets a fresh id.
    const [{ id }] = (await sqlRows(target, "INSERT INTO project (slug, name, created_at) VALUES ('after', 'after', 1) RETURNING id")) as { id: number }[];
    expect(id).toBeGreaterThan(projectId);
    await source.close();
    await target.close();
  }, 180_000);
});
