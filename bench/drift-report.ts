/**
 * The issue-13 speed target: a drift report over 1M predictions × 20 features in ≤ 2 s.
 * Fills the real schema (migrations, `prediction` side rows as ingest writes them, random
 * sample keys) with `--rows` predictions per day for two days — yesterday is the default
 * reference (the previous window), today the current one, with one feature shifted — then times
 * `getDriftReport` (the service behind GET /api/v1/models/{model}/drift) several times.
 *
 *   npx tsx bench/drift-report.ts [--rows 1000000] [--runs 5]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sqliteOf } from "@/db/driver";
import { openDb } from "@/db/client";
import { model } from "@/db/schema";
import { getDriftReport } from "@/lib/drift/get-drift-report";
import { ensureProject } from "@/lib/projects/create-project";
import { systemContext } from "@/lib/services/context";
import { removeDb } from "./bench-db";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ""), process.argv[i + 1]);
const ROWS = Number(args.get("rows") ?? 1_000_000);
const RUNS = Number(args.get("runs") ?? 5);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);
const CATS = ["web", "ios", "android", "partner", "store"];

async function main() {
  const file = path.join(os.tmpdir(), `drift-report-bench-${process.pid}.db`);
  removeDb(file);
  const db = openDb(`file:${file}`, { synchronous: "OFF" });
  const { id: projectId } = await ensureProject(db, "bench");
  const [m] = await db.orm.insert(model).values({ projectId, name: "bench-model", kind: "ml", createdAt: T0 }).returning();
  const sqlite = sqliteOf(db);
  const insert = sqlite.prepare(
    "INSERT INTO prediction (event_id, project_id, model_id, model_version_id, ts, sample_key, value_num, value_text, score, features, attributions) VALUES (?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, NULL)",
  );
  const fill = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const day = i < ROWS ? 0 : 1;
      const k = i % ROWS;
      const f: Record<string, number | string> = {};
      for (let j = 0; j < 15; j++) f[`num_${j}`] = Math.round(((Math.sin(i * (j + 1.3)) + 1) * 50 + (day === 1 && j === 0 ? 30 : 0)) * 1000) / 1000;
      for (let j = 0; j < 5; j++) f[`cat_${j}`] = CATS[(i * (j + 7)) % CATS.length];
      insert.run(i + 1, projectId, m.id, T0 + day * DAY + Math.floor((k / ROWS) * DAY), Math.floor(Math.random() * 2 ** 31), i % 2, (i % 100) / 100, JSON.stringify(f));
    }
  });
  const t0 = performance.now();
  for (let i = 0; i < 2 * ROWS; i += 10_000) fill(i, Math.min(2 * ROWS, i + 10_000));
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  console.log(`filled ${2 * ROWS} predictions × 20 features in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const ctx = systemContext(db, projectId, "bench");
  const times: number[] = [];
  let summary = "";
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    const report = await getDriftReport(ctx, { model: "bench-model", from: T0 + DAY, to: T0 + 2 * DAY });
    times.push(performance.now() - t);
    summary = `${report.features.length} features, drifted: ${report.features.filter((f) => f.drifted).map((f) => `${f.name} (${f.method})`).join(", ")}; current ${report.current.count}, reference ${report.reference.count}, sampled ${report.current.sampled}`;
  }
  db.close();
  removeDb(file);
  const sorted = [...times].sort((a, b) => a - b);
  const result = { rowsPerWindow: ROWS, features: 20, runsMs: times.map((t) => Math.round(t)), medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]), maxMs: Math.round(sorted.at(-1)!), loadAvg: os.loadavg()[0], summary };
  console.log(result);
  const out = path.join("bench", "results", `${new Date().toISOString().replace(/[:.]/g, "-")}-drift-report.json`);
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`wrote ${out}`);
}

void main();
