import fs from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { openDb } from "@/db/client";
import { dimensionResolver } from "@/lib/ingest/dimensions";
import type { IngestEvent } from "@/lib/ingest/event-schema";
import { storeEvents } from "@/lib/ingest/store-events";
import { priceBook } from "@/lib/pricing/price-book";
import { toRow, type PreparedEvent } from "@/lib/ingest/to-row";
import { ensureProject } from "@/lib/projects/create-project";
import { loadEvent } from "@/lib/seed/load-events";
import { rng } from "@/lib/seed/random";
import { round } from "./stats";

export interface FloorResult {
  rows: number;
  /** Raw better-sqlite3: event columns only, INTEGER PRIMARY KEY, no other index. */
  floorRowsPerSec: number;
  /** storeEvents on the production schema (unique index, rollups, dimension lookup, row building). */
  productionRowsPerSec: number;
  productionSynchronousFull: number;
  bytesPerRowFloor: number;
}

const TX_ROWS = 1000;
const COLUMNS = [
  "project_id", "client_id", "type", "ts", "received_at", "model_id", "model_version_id", "prompt_id", "prompt_version_id",
  "environment", "user_id", "session_id", "trace_id", "span_id", "parent_span_id", "status", "latency_ms", "input_tokens",
  "output_tokens", "cost_usd", "unpriced", "flagged", "hallucination_score", "score", "body",
] as const;

/** The load scenario's events, as live traffic: ids unique, timestamps over the last hour in order. */
export function floorEvents(n: number, runId: string): IngestEvent[] {
  const r = rng(n);
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => loadEvent(r, `${runId}-${i}`, now - 3_600_000 + Math.floor((i / n) * 3_600_000)));
}

/**
 * The physical floor of the store and the cost of the production design over it, with the
 * same rows: the floor table gets exactly the columns and values `toRow` produces.
 */
export async function runFloor(workDir: string, n: number): Promise<FloorResult> {
  fs.mkdirSync(workDir, { recursive: true });
  const events = floorEvents(n, "floor");

  // Build the production rows once (untimed) so the floor inserts identical values.
  const scratch = fresh(path.join(workDir, "floor-rows.db"));
  const db = openDb(`file:${scratch}`, { synchronous: "OFF" });
  const { id: projectId } = await ensureProject(db, "floor");
  const dims = dimensionResolver(db);
  const rows: PreparedEvent[] = events.map((e) => toRow(priceBook(db), dims, projectId, e, Date.now()));
  db.close();

  const floorFile = fresh(path.join(workDir, "floor.db"));
  const raw = new Sqlite(floorFile);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.exec(
    `CREATE TABLE event (id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL, client_id TEXT NOT NULL, type TEXT NOT NULL,
      ts INTEGER NOT NULL, received_at INTEGER NOT NULL, model_id INTEGER, model_version_id INTEGER, prompt_id INTEGER,
      prompt_version_id INTEGER, environment TEXT NOT NULL, user_id TEXT, session_id TEXT, trace_id TEXT, span_id TEXT,
      parent_span_id TEXT, status TEXT, latency_ms REAL, input_tokens INTEGER, output_tokens INTEGER, cost_usd REAL,
      unpriced INTEGER, flagged INTEGER, hallucination_score REAL, score REAL, body TEXT NOT NULL)`,
  );
  const insert = raw.prepare(`INSERT INTO event (id, ${COLUMNS.join(", ")}) VALUES (?${", ?".repeat(COLUMNS.length)})`);
  const insertMany = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const r = rows[i];
      insert.run(
        r.ts * 1024 + (i % 1024), r.projectId, r.clientId, r.type, r.ts, r.receivedAt, r.modelId, r.modelVersionId, r.promptId,
        r.promptVersionId, r.environment, r.userId, r.sessionId, r.traceId, r.spanId, r.parentSpanId, r.status, r.latencyMs,
        r.inputTokens, r.outputTokens, r.costUsd, r.unpriced, r.flagged, r.hallucinationScore, r.score, r.body,
      );
    }
  });
  const t0 = performance.now();
  for (let i = 0; i < n; i += TX_ROWS) insertMany(i, Math.min(n, i + TX_ROWS));
  const floorSec = (performance.now() - t0) / 1000;
  raw.pragma("wal_checkpoint(TRUNCATE)");
  raw.close();
  const bytesPerRowFloor = fs.statSync(floorFile).size / n;

  const production = async (synchronous: "NORMAL" | "FULL", count: number) => {
    const file = fresh(path.join(workDir, `floor-production-${synchronous}.db`));
    const pdb = openDb(`file:${file}`, { synchronous });
    const { id: pid } = await ensureProject(pdb, "floor");
    const started = performance.now();
    for (let i = 0; i < count; i += TX_ROWS) {
      storeEvents(pdb, pid, events.slice(i, Math.min(count, i + TX_ROWS)).map((event) => ({ event })));
    }
    const sec = (performance.now() - started) / 1000;
    pdb.close();
    return count / sec;
  };
  const productionRowsPerSec = await production("NORMAL", n);
  // The server's default (FULL) on a tenth of the rows: one fsync per 1000-row transaction.
  const productionSynchronousFull = await production("FULL", Math.max(TX_ROWS, Math.floor(n / 10)));
  return {
    rows: n,
    floorRowsPerSec: round(n / floorSec),
    productionRowsPerSec: round(productionRowsPerSec),
    productionSynchronousFull: round(productionSynchronousFull),
    bytesPerRowFloor: round(bytesPerRowFloor, 1),
  };
}

function fresh(file: string): string {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  return file;
}
